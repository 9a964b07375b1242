// The one API (issue 14): Kotlin/Java has every operation of tests/api.txt that is not Python's
// alone, by the camelCase of the same words, and every public function is on the list. The
// Python side checks the same file (po-python/tests/test_api.py).
import java.io.File

fun camel(snake: String): String =
    snake.split("_").mapIndexed { i, w -> if (i == 0) w else w.replaceFirstChar { it.uppercase() } }.joinToString("")

fun snake(camel: String): String = camel.replace(Regex("([a-z0-9])([A-Z])"), "$1_$2").lowercase()

/** The Kotlin class of a listed type: Python's `XError` is `PoException.X`. */
fun kotlinClass(name: String): Class<*>? = runCatching {
    when {
        name == "PoError" -> Class.forName("se.po.ffi.PoException")
        name.endsWith("Error") -> Class.forName("se.po.ffi.PoException\$" + name.removeSuffix("Error"))
        else -> Class.forName("se.po.ffi.$name")
    }
}.getOrNull()

fun hasMember(type: Class<*>, member: String): Boolean {
    val c = camel(member)
    val names = (type.methods.map { it.name } +
        (runCatching { Class.forName(type.name + "\$Companion").methods.map { it.name } }.getOrNull() ?: emptyList()))
    return c in names || ("get" + c.replaceFirstChar { it.uppercase() }) in names
}

fun checkApi(root: File): Int {
    var n = 0
    val functions = Class.forName("se.po.ffi.Po_ffiKt").methods
        .filter { java.lang.reflect.Modifier.isStatic(it.modifiers) && !it.isSynthetic && !it.name.contains("$") && !it.name.startsWith("uniffi") &&
            it.name !in setOf("use") }  // uniffi's own runtime: Disposable.use closes an object
        .map { it.name }.toSet()
    val listedFunctions = mutableSetOf<String>()
    for (raw in File(root, "api.txt").readLines()) {
        val line = raw.substringBefore(":").trim()
        if (line.isEmpty() || line.startsWith("#")) continue
        val words = line.split(Regex("\\s+")).toMutableList()
        val language = if (words[0] == "python" || words[0] == "kotlin") words.removeAt(0) else null
        val kind = if (words[0] == "fn" || words[0] == "type") words[0] else "member"
        val name = words.last()
        if (kind == "fn" && language != "python") listedFunctions += camel(name)
        val present = when (kind) {
            "fn" -> camel(name) in functions
            "type" -> kotlinClass(name) != null
            else -> kotlinClass(name.substringBefore("."))?.let { hasMember(it, name.substringAfter(".")) } ?: false
        }
        if (language == "python") {
            // Only a Python function or member may be missing here; a type can't be checked
            // this way (Kotlin may have a class of that name for another purpose).
            if (kind != "type") check(!present, "api.txt marks $name as Python's alone, but Kotlin has it")
        } else {
            check(present, "api.txt: Kotlin lacks $name (${camel(name)})")
        }
        n++
    }
    for (f in functions) check(f in listedFunctions, "Kotlin function $f (${snake(f)}) is not in tests/api.txt")
    return n
}
