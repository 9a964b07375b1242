package se.po.ffi.tests

import org.junit.jupiter.api.Test
import java.io.File
import java.lang.reflect.Modifier

/** The one API (issue 14): Kotlin/Java has every operation of tests/api.txt that is not Python's
 *  alone, by the camelCase of the same words, and every public function is on the list. The
 *  Python side checks the same file (po-python/tests/test_api.py). */
class ApiTest {
    private fun camel(snake: String): String =
        snake.split("_").mapIndexed { i, w -> if (i == 0) w else w.replaceFirstChar { it.uppercase() } }.joinToString("")

    private fun snake(camel: String): String = camel.replace(Regex("([a-z0-9])([A-Z])"), "$1_$2").lowercase()

    /** The Kotlin class of a listed type: Python's `XError` is `PoException.X`. */
    private fun kotlinClass(name: String): Class<*>? = runCatching {
        when {
            name == "PoError" -> Class.forName("se.po.ffi.PoException")
            name.endsWith("Error") -> Class.forName("se.po.ffi.PoException\$" + name.removeSuffix("Error"))
            else -> Class.forName("se.po.ffi.$name")
        }
    }.getOrNull()

    private fun hasMember(type: Class<*>, member: String): Boolean {
        val c = camel(member)
        val names = (type.methods.map { it.name } +
            (runCatching { Class.forName(type.name + "\$Companion").methods.map { it.name } }.getOrNull() ?: emptyList()))
        return c in names || ("get" + c.replaceFirstChar { it.uppercase() }) in names
    }

    /** Public static functions of the generated API (uniffi's own runtime left out). */
    private val functions: Set<String> = Class.forName("se.po.ffi.Po_ffiKt").methods
        .filter { Modifier.isStatic(it.modifiers) && !it.isSynthetic && !it.name.contains("$") && !it.name.startsWith("uniffi") &&
            it.name !in setOf("use") }  // Disposable.use closes an object
        .map { it.name }.toSet()

    private class Line(val language: String?, val kind: String, val name: String)

    private val lines: List<Line> = File(property("po.api")).readLines().mapNotNull { raw ->
        val line = raw.substringBefore(":").trim()
        if (line.isEmpty() || line.startsWith("#")) return@mapNotNull null
        val words = line.split(Regex("\\s+")).toMutableList()
        val language = if (words[0] == "python" || words[0] == "kotlin") words.removeAt(0) else null
        val kind = if (words[0] == "fn" || words[0] == "type") words[0] else "member"
        Line(language, kind, words.last())
    }

    private fun present(l: Line): Boolean = when (l.kind) {
        "fn" -> camel(l.name) in functions
        "type" -> kotlinClass(l.name) != null
        else -> kotlinClass(l.name.substringBefore("."))?.let { hasMember(it, l.name.substringAfter(".")) } ?: false
    }

    @Test
    fun `every line of api_txt not marked Python's alone is in Kotlin`() {
        check(lines.size > 100, "api.txt read: ${lines.size} lines")
        val missing = lines.filter { it.language != "python" && !present(it) }.map { "${it.name} (${camel(it.name)})" }
        check(missing.isEmpty(), "api.txt: Kotlin lacks $missing")
    }

    @Test
    fun `what api_txt marks as Python's alone is not in Kotlin`() {
        // Only a function or member can be checked this way: Kotlin may have a class of the
        // same name for another purpose.
        val present = lines.filter { it.language == "python" && it.kind != "type" && present(it) }.map { it.name }
        check(present.isEmpty(), "api.txt marks $present as Python's alone, but Kotlin has them")
    }

    @Test
    fun `every public Kotlin function is on api_txt`() {
        val listed = lines.filter { it.kind == "fn" && it.language != "python" }.map { camel(it.name) }.toSet()
        val unlisted = functions.filter { it !in listed }.map { "$it (${snake(it)})" }
        check(functions.isNotEmpty() && unlisted.isEmpty(), "Kotlin functions not in tests/api.txt: $unlisted")
    }
}
