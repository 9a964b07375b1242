package se.po.ffi.tests

import org.junit.jupiter.api.Test
import se.po.ffi.*
import java.time.LocalDate

/** The code lists, and the leadership group either side of SFS 2019:1094. */
class CodesAndLeadershipTest {
    @Test
    fun `code lists carry their Swedish labels`() {
        check(codeListNames().contains("deviation_event_type"), "list names")
        val reasons = codeList("contact_reason")
        check(reasons.size == 11 && reasons[0].labelSv == "Ekonomi", "contact reasons")
        check(parseCode("intake_outcome", "Bedöms ej tillhöra målgrupp").code == "not_target_group", "seed 004 label")
    }

    @Test
    fun `an unknown code names the codes expected`() {
        val unknown = expectThrows<PoException.UnknownCode>("unknown gender") { parseCode("gender", "x") }
        check(unknown.message!!.contains("expected one of woman, man, other"), "unknown code message")
    }

    @Test
    fun `messages in Swedish when chosen`() {
        val before = messageLanguage()
        try {
            setMessageLanguage("sv")
            val unknown = expectThrows<PoException.UnknownCode>("okänt värde") { parseCode("gender", "x") }
            check(unknown.message!!.contains("väntade ett av woman, man, other"), "Swedish: ${unknown.message}")
            val de = expectThrows<PoException.UnknownCode>("språk") { setMessageLanguage("de") }
            check(de.message!!.contains("okänt värde \"de\" i kodlistan language"), "Swedish: ${de.message}")
        } finally {
            setMessageLanguage(before)
        }
    }

    private val members = listOf(
        LeadershipMember("municipality", "Kommunen"),
        LeadershipMember("Regionens psykiatri", "Region X"),
        LeadershipMember("arbetsformedlingen", "AF"),
        LeadershipMember("forsakringskassan", "FK"),
    )

    @Test
    fun `the leadership group's rule set and wording follow the date`() {
        val before = checkLeadershipGroup(members, LocalDate.of(2019, 12, 31), true)
        val after = checkLeadershipGroup(members, LocalDate.of(2020, 1, 1), true)
        check(before.ruleSet == "sfs_2013_522" && after.ruleSet == "sfs_2019_1094", "rule sets")
        check(before.compliant == Status.NOT_MET && before.missing == listOf("region_primary_care"), "missing")
        check(before.findings[1].reasonSv.contains("landstingets primärvård"), "2019 wording")
        check(after.findings[1].reasonSv.contains("regionens primärvård"), "2020 wording")
    }

    @Test
    fun `a date before the ordinance and an unknown role are refused`() {
        expectThrows<PoException.InvalidInput>("date before 2013-08-01") {
            checkLeadershipGroup(members, LocalDate.of(2013, 7, 31), true)
        }
        expectThrows<PoException.UnknownCode>("unknown role") {
            checkLeadershipGroup(listOf(LeadershipMember("mayor", "")), REF)
        }
    }
}
