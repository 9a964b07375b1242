package se.po.ffi.tests

import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance
import se.po.ffi.*
import java.time.LocalDate

/** The register from CSV (strict and lenient), the 10 § report, its renderings and its audit. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportTest {
    private val clients = ("id;gender;birth_year;started_on;ended_on;children_at_home;contact_reasons;assignments;municipality;area;applied_on\n" +
        "k1;woman;1980;2023-01-10\nk2;x;1980;2023-01-10\n").toByteArray()
    private lateinit var reg: Register

    @BeforeAll
    fun read() { reg = Register.fromCsv(RegisterCsvFiles(clients = clients), true) }

    @AfterAll
    fun close() = reg.close()

    @Test
    fun `a strict import lists every problem, located, on the exception`() {
        val strict = expectThrows<PoException.InvalidRegister>("strict CSV") {
            Register.fromCsv(RegisterCsvFiles(clients = clients), false)
        }
        check(strict.message!!.contains("clients.csv, row 3, column \"gender\""), "problem located: ${strict.message}")
        val problem = strict.problems.single()
        check(problem.file == "clients.csv" && problem.row == 3L && problem.column == "gender", "problems: ${strict.problems}")
        check(strict.message == strict.reason && strict.message!!.startsWith("1 problem(s) in the register"), "message")
    }

    @Test
    fun `a lenient import keeps the good rows and the report lists what was left out`() {
        check(reg.clientCount() == 1L && reg.problems().single().row == 3L, "lenient")
        annualReport(reg, ReportOptions(2023, "PO Test")).use { r ->
            check(r.year() == 2023 && r.tables().size == 11, "tables")
            check(r.inputProblems().size == 1, "problems in the report")
            check(r.toMarkdown("sv").contains("PO Test") && r.toJson().contains("\"year\": 2023"), "renderings")
        }
    }

    @Test
    fun `the report as a workbook is no export, so its sheets are each a problem when read back`() {
        annualReport(reg, ReportOptions(2023, "PO Test")).use { r ->
            val xlsx = r.toXlsx("sv")
            check(xlsx.size > 1000 && xlsx[0] == 'P'.code.toByte() && xlsx[1] == 'K'.code.toByte(), "xlsx")
            Register.fromWorkbook(xlsx, true).use { back ->
                // The document, eleven tables, the clients per municipality and the hidden sheet po.
                check(back.clientCount() == 0L && back.problems().size == 13, "sheets reported: ${back.problems().size}")
                check(back.problems()[0].file == "workbook.xlsx [Redovisning]", "sheet named: ${back.problems()[0].file}")
            }
            expectThrows<PoException.InvalidRegister>("not a workbook") { Register.fromWorkbook("id;gender".toByteArray()) }
            expectThrows<PoException.UnknownCode>("xlsx language") { r.toXlsx("de") }
            expectThrows<PoException.UnknownCode>("language") { r.toMarkdown("de") }
            // Issue 32: the HTML document from Kotlin as from the command.
            val html = r.toHtml("sv")
            check(html.startsWith("<!doctype html>") && html.contains("<html lang=\"sv\">"), "html")
            expectThrows<PoException.UnknownCode>("html language") { r.toHtml("de") }
            expectThrows<PoException.UnknownCode>("table") { r.table("nope") }
        }
    }

    @Test
    fun `one client is protected by default and the audit agrees`() {
        annualReport(reg, ReportOptions(2023, "PO Test")).use { r ->
            val audit = r.audit()
            check(audit.safe && audit.k == 3L && r.hiddenCells().values.sum() > 0L, "protected and audited")
            check(r.table("active_clients").total == null, "the total 1 is hidden")
            check(audit.ranges.all { it.low == 0L || (it.high ?: 3L) >= 3L }, "no hidden cell provably small")
            check(r.leadership() == null, "no leadership group given")
        }
        expectThrows<PoException.InvalidInput>("threshold below 2") { annualReport(reg, ReportOptions(2023, "PO Test", k = 1)) }
    }

    @Test
    fun `an unprotected report is given only on request and says so`() {
        annualReport(reg, ReportOptions(2023, "PO Test", unprotected = true)).use { r ->
            check(r.table("active_clients").total == 1L && r.toMarkdown("en").contains("UNPROTECTED"), "unprotected on request")
            // Issue 33: its audit is honest: the 1s it shows are listed and it is not safe.
            val audit = r.audit()
            check(!audit.safe && audit.shownSmall.isNotEmpty() && audit.shownSmall.all { it.low == 1L && it.high == 1L },
                "unprotected audit: ${audit.shownSmall}")
        }
    }

    @Test
    fun `the leadership group is checked on the year's last day (5 §)`() {
        val group = listOf(LeadershipMember("municipality", "Kommunen"))
        annualReport(reg, ReportOptions(2023, "PO Test", leadershipGroup = group)).use { r ->
            val l = r.leadership()!!
            check(l.asOf == LocalDate.of(2023, 12, 31) && l.compliant == Status.NOT_MET, "leadership in report")
            check(r.toMarkdown("sv").contains("5 §"), "leadership in the Markdown")
        }
        expectThrows<PoException.UnknownCode>("leadership role in report") {
            annualReport(reg, ReportOptions(2023, "PO Test", leadershipGroup = listOf(LeadershipMember("mayor", ""))))
        }
        expectThrows<PoException.InvalidInput>("population code") {
            annualReport(reg, ReportOptions(2023, "PO Test", population = listOf(Population("17", "x", 1))))
        }
    }

    @Test
    fun `an analyst's own table is audited and issue 13's closed clients are undone`() {
        // Women 5 5 1 2, men 4 4 0 0, the column totals 1 and 2 published: all four computed.
        val closed = Table("closed", "closed", "closed", listOf("Kvinna", "Man"), listOf("a", "b", "c", "d"),
            listOf(listOf(5L, 5L, null, null), listOf(4L, 4L, null, null)), listOf(13L, 8L), listOf(9L, 9L, 1L, 2L), 21L)
        val audit = auditTables(listOf(closed), emptyList(), 3L)
        check(!audit.safe && audit.ranges.all { it.atRisk && it.low == it.high }, "old pattern undone: ${audit.ranges}")
        check(audit.ranges.first { it.row == "Kvinna" && it.column == "d" }.low == 2L, "the 2 is computed")
        expectThrows<PoException.InvalidInput>("audit k") { auditTables(listOf(closed), emptyList(), 0L) }
    }

    @Test
    fun `bytes that are not UTF-8 and a malformed register are typed exceptions`() {
        val invalidUtf8 = byteArrayOf(0x69, 0x64, 0x0a, 0xff.toByte(), 0xfe.toByte(), 0x0a)
        expectThrows<PoException.InvalidRegister>("bytes that are not UTF-8") {
            Register.fromCsv(RegisterCsvFiles(clients = invalidUtf8), false)
        }
        expectThrows<PoException.InvalidRegister>("register JSON") { Register.fromJson("{\"clients\": 5}") }
    }
}
