// Runs the generated Kotlin bindings of po-ffi on a real JVM: every exported function and every
// error kind. Run by tests/run-all.sh; exits non-zero on the first failed check.
import se.po.ffi.*
import java.time.LocalDate

var checks = 0

fun check(cond: Boolean, what: String) {
    checks++
    if (!cond) {
        System.err.println("FAILED: $what")
        kotlin.system.exitProcess(1)
    }
}

inline fun <reified T : Throwable> expectThrows(what: String, block: () -> Unit): T {
    try {
        block()
    } catch (e: Throwable) {
        check(e is T, "$what: expected ${T::class.simpleName}, got ${e::class.qualifiedName}: ${e.message}")
        return e as T
    }
    check(false, "$what: nothing thrown")
    throw IllegalStateException()
}

fun main(args: Array<String>) {
    val ref = LocalDate.of(2026, 1, 1)
    check(libraryVersion() == "0.1.0", "version")

    // Identity numbers: the value comes back as facts, never the number.
    val info = parseIdentityNumber("19121212-1212", ref)
    check(info.birthDate == LocalDate.of(1912, 12, 12), "birth date")
    check(!info.isSamordningsnummer && info.legalGender == "man", "kind and gender")
    check(info.ageOnReferenceDate == 113, "age")
    val con = parseIdentityNumber("7306749982", ref)
    check(con.isSamordningsnummer && con.birthDate == LocalDate.of(1973, 6, 14), "samordningsnummer")
    val bad = expectThrows<PoException.InvalidIdentityNumber>("bad check digit") {
        parseIdentityNumber("19121212-1213", ref)
    }
    check(bad.message!!.contains("check digit") && !bad.message!!.contains("1213"), "message hides number")

    // Pseudonyms: same value as Rust and Python (pinned in po-core's tests).
    val key = "0123456789abcdef".toByteArray()
    check(pseudonym(key, "121212-1212", ref) == "305b8ffeba0adbbe0efca4a03114edee", "pseudonym")
    expectThrows<PoException.InvalidInput>("short key") { pseudonym("short".toByteArray(), "121212-1212", ref) }

    // Code lists.
    check(codeListNames().contains("deviation_event_type"), "list names")
    val reasons = codeList("contact_reason")
    check(reasons.size == 11 && reasons[0].labelSv == "Ekonomi", "contact reasons")
    check(parseCode("intake_outcome", "Bedöms ej tillhöra målgrupp").code == "not_target_group", "seed 004 label")
    val unknown = expectThrows<PoException.UnknownCode>("unknown gender") { parseCode("gender", "x") }
    check(unknown.message!!.contains("expected one of woman, man, other"), "unknown code message")

    // Leadership group, either side of SFS 2019:1094.
    val members = listOf(
        LeadershipMemberRecord("municipality", "Kommunen"),
        LeadershipMemberRecord("Regionens psykiatri", "Region X"),
        LeadershipMemberRecord("arbetsformedlingen", "AF"),
        LeadershipMemberRecord("forsakringskassan", "FK"),
    )
    val before = checkLeadershipGroup(members, true, LocalDate.of(2019, 12, 31))
    val after = checkLeadershipGroup(members, true, LocalDate.of(2020, 1, 1))
    check(before.ruleSet == "sfs_2013_522" && after.ruleSet == "sfs_2019_1094", "rule sets")
    check(before.compliant == FindingStatus.NOT_MET && before.missing == listOf("region_primary_care"), "missing")
    check(before.findings[1].reasonSv.contains("landstingets primärvård"), "2019 wording")
    check(after.findings[1].reasonSv.contains("regionens primärvård"), "2020 wording")
    expectThrows<PoException.InvalidInput>("date before 2013-08-01") {
        checkLeadershipGroup(members, true, LocalDate.of(2013, 7, 31))
    }
    expectThrows<PoException.UnknownCode>("unknown role") {
        checkLeadershipGroup(listOf(LeadershipMemberRecord("mayor", "")), null, ref)
    }
    val vectors = checkVectors(args[0])
    println("Kotlin FFI test: $checks checks passed, $vectors shared vectors agree")
}
