package se.po.ffi.tests

import org.junit.jupiter.api.Test
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.ValueSource
import se.po.ffi.*
import java.math.BigDecimal

/** One personal-data filter for every message (po_core::privacy): an identity number in any
 *  string argument is never echoed, whoever builds the message. */
class PersonalDataTest {
    @ParameterizedTest
    @ValueSource(strings = ["19121212-1212", "121212-1212", "191212121212"])
    fun `no exception echoes an identity number passed in any argument`(pnr: String) {
        val clients = "id;gender;started_on\nk1;woman;2023-01-10\n".toByteArray()
        val csv = "id;gender;started_on\nk;woman;2023-01-01\n".toByteArray()
        Register.fromCsv(RegisterCsvFiles(clients = clients), true).use { reg ->
            annualReport(reg, ReportOptions(2023, "PO Test")).use { r ->
                val calls: List<() -> Unit> = listOf(
                    { parseCode("gender", pnr) }, { parseCode(pnr, "woman") }, { codeList(pnr) },
                    { PriorityPolicy.preset(pnr) }, { r.toMarkdown(pnr) }, { r.table(pnr) },
                    { Register.fromCsv(RegisterCsvFiles(clients = csv, vocabulary = pnr), false) },
                    { Register.fromCsv(RegisterCsvFiles(clients = "id;gender;started_on\nk;woman;$pnr\n".toByteArray()), false) },
                    { auditTables(emptyList(), listOf(TableRelation(false, listOf(CellRef(pnr)), emptyList())), 3L) },
                    { annualReport(reg, ReportOptions(2023, "x", population = listOf(Population(pnr, "K", 1)))) },
                    { annualReport(reg, ReportOptions(2023, "x", leadershipGroup = listOf(LeadershipMember(pnr, "")))) },
                    { annualReport(reg, ReportOptions(2023, "x", priorityPolicy = pnr)) },
                    { municipalityCode(pnr) }, { eligibilityReadings(pnr) }, { Agreement.fromJson(pnr) },
                    { PriorityPolicy.fromJson(pnr) }, { IdentityNumber.parse(pnr.dropLast(1) + "3", REF) },
                    { checkLeadershipGroup(listOf(LeadershipMember(pnr, "")), REF) },
                    { assessEligibility(EligibilityInput(needs = CriterionInput(details = listOf(pnr))), REF) },
                    { Agreement.fromTerms(AgreementTerms(2024, pnr, emptyList(), emptyList(), emptyList(),
                        BigDecimal.ZERO, BigDecimal.ZERO, "krona")) },
                    { Agreement.fromTerms(AgreementTerms(2024, "1780", emptyList(), emptyList(), emptyList(),
                        BigDecimal.ZERO, BigDecimal.ZERO, pnr)) },
                )
                for ((i, call) in calls.withIndex()) {
                    val e = expectThrows<PoException>("call $i with an identity number") { call() }
                    val text = e.message!!.replace("-", "").replace("+", "")
                    check(!text.contains("12121212"), "call $i echoes an identity number: ${e.message}")
                }
            }
        }
    }
}
