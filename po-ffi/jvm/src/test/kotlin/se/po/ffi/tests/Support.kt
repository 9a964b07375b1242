// What every test class of the JVM binding shares: the reference date, the paths Surefire passes
// (po-ffi/jvm/pom.xml), and the shared vectors read as plain maps and lists.
package se.po.ffi.tests

import org.json.JSONArray
import org.json.JSONObject
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import java.io.File
import java.time.LocalDate

/** The date most checks are made on. */
val REF: LocalDate = LocalDate.of(2026, 1, 1)

/** A system property Surefire sets; a test run without it is misconfigured, not skipped. */
fun property(name: String): String =
    System.getProperty(name) ?: error("system property $name is not set (run the tests with Maven: po-ffi/jvm/pom.xml)")

/** tests/vectors: the files Rust, Python and the JVM check alike. */
val VECTORS: File get() = File(property("po.vectors"))

/** One assertion with the sentence that says what failed. */
fun check(cond: Boolean, what: String) = assertTrue(cond, what)

/** The block must throw [T] (or a subclass); returns it for checks of its message. */
inline fun <reified T : Throwable> expectThrows(what: String, noinline block: () -> Unit): T =
    assertThrows(T::class.java, { block() }, what)

/** JSON as Kotlin maps, lists, strings, booleans, Long and null (how the checks compare values). */
fun plain(v: Any?): Any? = when (v) {
    is JSONObject -> v.keySet().associateWith { plain(v.get(it)) }
    is JSONArray -> (0 until v.length()).map { plain(v.get(it)) }
    JSONObject.NULL -> null
    is Int -> v.toLong()
    is Number -> if (v.toDouble() % 1.0 == 0.0) v.toLong() else v
    else -> v
}

@Suppress("UNCHECKED_CAST")
fun load(name: String) = plain(JSONObject(File(VECTORS, name).readText())) as Map<String, Any?>

@Suppress("UNCHECKED_CAST")
fun cases(v: Map<String, Any?>) = v["cases"] as List<Map<String, Any?>>

fun date(v: Any?): LocalDate? = (v as String?)?.let(LocalDate::parse)
fun dec(v: Any?): java.math.BigDecimal? = (v as String?)?.let { java.math.BigDecimal(it) }
