package se.po.ffi.tests

import org.junit.jupiter.api.Test
import se.po.ffi.*
import java.time.LocalDate

/**
 * The publication ledger from Kotlin (issue 31): the leadership group's quarterly documents and
 * the year's summary protected together, the ledger read back and refused when edited, and
 * the counties and the nation compiled together.
 */
class LedgerTest {
    private val meetings = listOf(
        LocalDate.of(2022, 12, 31) to LocalDate.of(2023, 3, 31),
        LocalDate.of(2023, 3, 31) to LocalDate.of(2023, 6, 30),
        LocalDate.of(2023, 6, 30) to LocalDate.of(2023, 9, 30),
        LocalDate.of(2023, 9, 30) to LocalDate.of(2023, 12, 31),
    )

    /** New shortcomings 5, 4, 6 and 1 in the four quarters (the example). */
    private fun quarters(): DeviationRegister {
        val head = "id;date;event;event_type;level;counterpart;description;consequence;reply_by;summary\n"
        val rows = listOf(5 to "02-01", 4 to "05-01", 6 to "08-01", 1 to "11-01").flatMapIndexed { q, (n, day) ->
            (0 until n).map { "q$q-$it;2023-$day;documented;access_to_care_and_support;local;psychiatry;;;;\n" }
        }
        return DeviationRegister.fromEventsCsv((head + rows.joinToString("")).toByteArray())
    }

    private fun totalNew(markdown: String): String =
        markdown.lines().first { it.startsWith("| **Totalt**") }.split("|")[2].trim()

    @Test
    fun `the year does not tell the hidden quarter`() {
        quarters().use { deviations ->
            val alone = meetings.map { (p, m) -> totalNew(deviations.meetingDocument(p, m)) }
            check(alone == listOf("5", "4", "6", ".."), "alone: $alone")
            check(totalNew(deviations.annualSummaryByLevel(2023)) == "16", "the year alone gives the 1 away")
            Ledger("service", "PO Test", 2023).use { ledger ->
                val together = meetings.map { (p, m) -> totalNew(deviations.meetingDocument(p, m, ledger = ledger)) }
                check(together == listOf("5", "4", "6", ".."), "together: $together")
                val year = totalNew(deviations.annualSummaryByLevel(2023, ledger = ledger))
                check(year == "..", "the year beside the quarters: $year")
                check(ledger.publications().size == 5, "recorded: ${ledger.publications()}")
            }
        }
    }

    @Test
    fun `the ledger reads back and refuses an edit or another population`() {
        quarters().use { deviations ->
            Ledger("service", "PO Test", 2023).use { ledger ->
                deviations.meetingDocument(meetings[0].first, meetings[0].second, ledger = ledger)
                val text = ledger.toJson()
                Ledger.fromJson(text, "service", "PO Test", 2023).use { again ->
                    check(again.publications() == ledger.publications() && again.cellCount() > 0, "read back")
                }
                val edited = expectThrows<PoException.InvalidInput>("an edited ledger") {
                    Ledger.fromJson(text.replaceFirst("\"count\": 5", "\"count\": 6"), "service", "PO Test", 2023)
                }
                check("does not match its hash" in edited.reason, edited.reason)
                expectThrows<PoException.InvalidInput>("another year's ledger") {
                    Ledger.fromJson(text, "service", "PO Test", 2024)
                }
                expectThrows<PoException.InvalidInput>("an unprotected document is not recorded") {
                    deviations.meetingDocument(meetings[1].first, meetings[1].second, unprotected = true, ledger = ledger)
                }
                check(ledger.publications().size == 1, "nothing recorded by a refusal")
            }
        }
    }

    @Test
    fun `the annual report at two k is one publication`() {
        val register = java.io.File(VECTORS, "registers/small-2023.json").readText()
        Register.fromJson(register).use { reg ->
            Ledger("service", "PO Test", 2023).use { ledger ->
                val first = annualReportWithLedger(reg, ReportOptions(2023, "PO Test"), ledger)
                val second = annualReportWithLedger(reg, ReportOptions(2023, "PO Test", k = 5), ledger)
                val a = first.table("active_clients").cells.flatten()
                val b = second.table("active_clients").cells.flatten()
                check(a.zip(b).all { (x, y) -> x == null || y == null || x == y }, "one count, one number: $a $b")
                check(b.all { it == null || it == 0L || it >= 5 }, "k = 5: $b")
                check(ledger.publications() == listOf("annual report 2023", "annual report 2023"), "recorded")
                first.close(); second.close()
            }
        }
    }

    @Test
    fun `counties and the nation compile together`() {
        fun flat(name: String, code: String, women: Int) =
            "section;row;column;value\nservice;;;$name\nhost;;;$code\nmunicipalities;;;$code\nyear;;;2023\n" +
                "ombud;;;3\npositions;;;2,5\nactive_clients;Kvinna;18–29 år;$women\nactive_clients;Man;18–29 år;5\n"
        val family = compileFamily(listOf(flat("PO A", "1761", 4), flat("PO B", "1780", 6), flat("PO C", "0180", 7)), 2023)
        check(family.map { it.county } == listOf("01", "17", ""), "places: ${family.map { it.county }}")
        check(family.last().services == 3L && family.last().ombud == 9L, "the nation: ${family.last()}")
    }

    @Test
    fun `published reports audited together`() {
        val register = java.io.File(VECTORS, "registers/small-2023.json").readText()
        Register.fromJson(register).use { reg ->
            Ledger("service", "PO Test", 2023).use { ledger ->
                val k3 = annualReportWithLedger(reg, ReportOptions(2023, "PO Test"), ledger)
                val k5 = annualReportWithLedger(reg, ReportOptions(2023, "PO Test", k = 5), ledger)
                val audit = auditPublications(listOf(k3.toJson(), k5.toJson()))
                check(audit.safe && audit.k == 3L && audit.documents == 2L, "together: $audit")
                val strict = auditPublications(listOf(k3.toJson(), k5.toJson()), 5)
                val small = strict.findings.filter { it.kind == "published_small" }
                check(small.isNotEmpty() && small.all { it.file == "documents[0]" && it.low in 3L..4L }, "k = 5: ${strict.findings}")
                expectThrows<PoException.InvalidInput>("a ledger is not a publication") { auditPublications(listOf(ledger.toJson())) }
                k3.close(); k5.close()
            }
        }
    }

    @Test
    fun `published files audited together`() {
        val register = java.io.File(VECTORS, "registers/small-2023.json").readText()
        Register.fromJson(register).use { reg ->
            annualReport(reg, ReportOptions(2023, "PO Test")).use { report ->
                val dir = java.nio.file.Files.createTempDirectory("po-audit").toFile()
                java.io.File(dir, "report-2023.json").writeText(report.toJson())
                java.io.File(dir, "report-2023.sv.xlsx").writeBytes(report.toXlsx("sv"))
                val tables = java.io.File(dir, "tables-2023").apply { mkdir() }
                report.toCsvTables().forEach { (name, text) -> java.io.File(tables, name).writeText(text) }
                val audit = auditPublishedFiles(listOf(dir.path))
                check(audit.safe && audit.k == 3L && audit.documents == 3L, "the JSON, the tables, the workbook: $audit")
                check(audit.links.any { it.contains("taken as one") }, "one service's: ${audit.links}")
                expectThrows<PoException.InvalidInput>("a table's CSV alone") {
                    auditPublishedFiles(listOf(java.io.File(dir, "clients.csv").path))
                }
                dir.deleteRecursively()
            }
        }
    }
}
