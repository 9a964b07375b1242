package se.po.ffi.tests

import org.junit.jupiter.api.Test
import se.po.ffi.*
import java.time.LocalDate

/** Eligibility (SFS 2013:522 4 §): a record with defaults, named readings, findings with sources. */
class EligibilityTest {
    private val statute = eligibilityReadings("statute")

    @Test
    fun `the statute's reading is named and has its defaults`() {
        check(statute.minLifeAreas == 2 && statute.needsAtLeast == null && statute.contacts == "statute", "readings")
    }

    @Test
    fun `an assessment with open criteria is undetermined, with questions and sources`() {
        val a = assessEligibility(EligibilityInput(ageYears = 40, psychiatricDisability = Answer.YES), REF, statute)
        check(a.outcome == Outcome.UNDETERMINED && a.ruleSet == "sfs_2019_1094" && a.findings.size == 5, "undetermined")
        check(a.findings.all { it.source.startsWith("SFS 2013:522") }, "sources")
        check(a.questions.size == 3 && a.questions[0].sv.isNotEmpty(), "questions")
    }

    @Test
    fun `contradictory or impossible input is refused`() {
        expectThrows<PoException.InvalidInput>("both ages") {
            assessEligibility(EligibilityInput(birthDate = LocalDate.of(1980, 1, 1), ageYears = 44), REF, statute)
        }
        expectThrows<PoException.InvalidInput>("zero life areas") {
            assessEligibility(EligibilityInput(), REF, statute.copy(minLifeAreas = 0))
        }
        expectThrows<PoException.InvalidInput>("life areas out of range") {
            assessEligibility(EligibilityInput(), REF, statute.copy(minLifeAreas = 300))
        }
        expectThrows<PoException.InvalidInput>("unknown contacts reading") {
            assessEligibility(EligibilityInput(), REF, statute.copy(contacts = "eller"))
        }
        expectThrows<PoException.UnknownCode>("unknown need area") {
            assessEligibility(EligibilityInput(needs = CriterionInput(details = listOf("money"))), REF, statute)
        }
    }

    @Test
    fun `dates beyond po's range are a typed exception, not a crashed JVM`() {
        val farFuture = expectThrows<PoException.InvalidInput>("LocalDate.MAX") {
            assessEligibility(EligibilityInput(ageYears = 40), LocalDate.MAX, statute)
        }
        check(farFuture.message!!.startsWith("date: expected an ISO date"), "date message: ${farFuture.message}")
        expectThrows<PoException.InvalidInput>("LocalDate.MIN") { IdentityNumber.parse("19121212-1212", LocalDate.MIN) }
    }
}
