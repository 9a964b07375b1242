package se.po.ffi.tests

import org.junit.jupiter.api.Test
import se.po.ffi.*

/** The reporting chain: two services' flat submissions compiled for Värmland (issue 17). */
class ChainTest {
    private val flat = "section;row;column;value\nservice;;;PO Egen\nhost;;;1761\nmunicipalities;;;1761\nyear;;;2023\n" +
        "active_clients;Kvinna;18–29 år;4\nactive_clients;Man;18–29 år;5\n"

    @Test
    fun `two services' submissions add up in the county's compilation`() {
        val other = flat.replace("PO Egen", "PO Annan").replace("1761", "1762").replace(";4\n", ";6\n")
        val county = compileSubmissions(listOf(flat, other), 2023, "17", unprotected = true)
        check(county.services == 2L && county.tables[0].cells[0][0] == 10L, "compiled: ${county.tables[0].cells}")
        check(county.markdown.startsWith("# Redovisning av verksamhet med personligt ombud 2023 – Värmlands län"), "markdown")
        check(county.html.startsWith("<!doctype html>") && "Värmlands län" in county.html, "html")
        // Seed 001 table 5 in the nation's compilation, from the budget's JSON.
        val budget = """{"year": 2023, "total": "104460000", "socialstyrelsen_admin": "1500000",
            "county_boards_admin": "3000000", "spent_socialstyrelsen": "1500000", "spent_county_boards": "3000000"}"""
        val nation = compileSubmissions(listOf(flat, other), 2023, unprotected = true, budget = budget)
        check("Tabell 5. Budget och utfall PO 2023" in nation.markdown, "table 5")
        val refused = expectThrows<PoException.InvalidInput>("the budget is the nation's") {
            compileSubmissions(listOf(flat), 2023, "17", budget = budget)
        }
        check(refused.message!!.contains("the budget is the nation's"), "refused: ${refused.message}")
    }

    @Test
    fun `a submission that cannot be read is left out with why and the rest is compiled`() {
        val county = compileSubmissions(listOf("x;y", flat), 2023, "17", unprotected = true)
        check(county.services == 1L && county.tables[0].cells[0][0] == 4L, "the readable one compiled")
        val left = county.leftOut.single()
        check(left.file == "submissions[0]" && left.reason.startsWith("left out of the compilation: it cannot be read"),
            "left out: $left")
        // The analyst's lists, apart from the publication, in Markdown and HTML.
        check(county.findingsHtml.contains("<li>submissions[0] (submissions[0]): ") &&
            !county.html.contains("submissions[0]"), "findings: ${county.findingsHtml}")
        expectThrows<PoException.UnknownCode>("a county that is none") { compileSubmissions(listOf(flat), 2023, "99") }
    }
}
