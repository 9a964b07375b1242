// The shared vectors (tests/vectors/*.json), checked through the generated Kotlin bindings.
// No JSON library is available without Maven Central, so a minimal reader (objects, arrays,
// strings with escapes, integers, booleans, null) lives here; it is test code only.
import se.po.ffi.*
import java.io.File
import java.time.LocalDate

class Json(private val s: String) {
    private var i = 0
    private fun ws() { while (i < s.length && s[i].isWhitespace()) i++ }
    fun parse(): Any? {
        ws()
        return when (val c = s[i]) {
            '{' -> { i++; val m = LinkedHashMap<String, Any?>(); ws()
                if (s[i] == '}') { i++; return m }
                while (true) { ws(); val k = str(); ws(); i++ /* : */; m[k] = parse(); ws()
                    if (s[i++] == '}') return m } ; @Suppress("UNREACHABLE_CODE") m }
            '[' -> { i++; val l = ArrayList<Any?>(); ws()
                if (s[i] == ']') { i++; return l }
                while (true) { l.add(parse()); ws(); if (s[i++] == ']') return l } ; @Suppress("UNREACHABLE_CODE") l }
            '"' -> str()
            't' -> { i += 4; true }
            'f' -> { i += 5; false }
            'n' -> { i += 4; null }
            else -> { val start = i; while (i < s.length && (s[i] == '-' || s[i].isDigit())) i++
                if (start == i) error("unexpected '$c' at $i"); s.substring(start, i).toLong() }
        }
    }
    private fun str(): String {
        val b = StringBuilder(); i++ // opening quote
        while (s[i] != '"') {
            if (s[i] == '\\') {
                i++
                when (val e = s[i]) {
                    'n' -> b.append('\n'); 't' -> b.append('\t'); 'r' -> b.append('\r')
                    'b' -> b.append('\b'); 'f' -> b.append('\u000c')
                    'u' -> { b.append(s.substring(i + 1, i + 5).toInt(16).toChar()); i += 4 }
                    else -> b.append(e)
                }
            } else b.append(s[i])
            i++
        }
        i++
        return b.toString()
    }
}

@Suppress("UNCHECKED_CAST")
fun load(dir: String, name: String) = Json(File(dir, name).readText()).parse() as Map<String, Any?>

@Suppress("UNCHECKED_CAST")
fun cases(v: Map<String, Any?>) = v["cases"] as List<Map<String, Any?>>

fun checkVectors(dir: String): Int {
    var n = 0
    val identity = load(dir, "identity.json")
    val ref = LocalDate.parse(identity["reference_date"] as String)
    for (c in cases(identity)) {
        val input = c["input"] as String
        if (c.containsKey("error")) {
            val e = expectThrows<PoException.InvalidIdentityNumber>("vector $input") { parseIdentityNumber(input, ref) }
            check(e.message == c["error"], "vector $input: message ${e.message}")
        } else {
            val info = parseIdentityNumber(input, ref)
            check(info.isSamordningsnummer == (c["kind"] == "samordningsnummer"), "vector $input: kind")
            check(info.birthDate == LocalDate.parse(c["birth_date"] as String), "vector $input: birth date")
            check(info.legalGender == c["legal_gender"], "vector $input: gender")
            check(info.ageOnReferenceDate.toLong() == c["age"], "vector $input: age")
        }
        n++
    }
    for (c in cases(load(dir, "codes.json"))) {
        val (list, input) = Pair(c["list"] as String, c["input"] as String)
        if (c.containsKey("error")) {
            val e = expectThrows<PoException.UnknownCode>("vector $list $input") { parseCode(list, input) }
            check(e.message == c["error"], "vector $list $input: message ${e.message}")
        } else {
            check(parseCode(list, input).code == c["code"], "vector $list $input")
        }
        n++
    }
    val pseudonyms = load(dir, "pseudonyms.json")
    val pref = LocalDate.parse(pseudonyms["reference_date"] as String)
    for (c in cases(pseudonyms)) {
        val hex = c["key_hex"] as String
        val key = ByteArray(hex.length / 2) { hex.substring(it * 2, it * 2 + 2).toInt(16).toByte() }
        check(pseudonym(key, c["input"] as String, pref) == c["pseudonym"], "vector pseudonym ${c["input"]}")
        n++
    }
    return n
}
