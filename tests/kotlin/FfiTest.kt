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
    check(libraryVersion() == "0.2.0", "version")

    // Identity numbers: an object as in Python; its toString never shows the number.
    val info = IdentityNumber.parse("19121212-1212", ref)
    check(info.birthDate() == LocalDate.of(1912, 12, 12), "birth date")
    check(info.kind() == "personnummer" && info.legalGender() == "man", "kind and gender")
    check(info.ageOn(ref) == 113 && info.toLong() == "191212121212" && info.toShort(ref) == "121212+1212", "age and forms")
    check(!info.toString().contains("1212121212"), "toString hides the number: $info")
    val con = IdentityNumber.parse("7306749982", ref)
    check(con.kind() == "samordningsnummer" && con.birthDate() == LocalDate.of(1973, 6, 14), "samordningsnummer")
    val bad = expectThrows<PoException.InvalidIdentityNumber>("bad check digit") {
        IdentityNumber.parse("19121212-1213", ref)
    }
    check(bad.message!!.contains("check digit") && !bad.message!!.contains("1213"), "message hides number")

    // Pseudonyms: same value as Rust and Python (pinned in po-core's tests).
    val key = "0123456789abcdef".toByteArray()
    PseudonymKey(key).use { k ->
        IdentityNumber.parse("121212-1212", ref).use { number ->
            check(k.pseudonym(number) == "305b8ffeba0adbbe0efca4a03114edee", "pseudonym")
            check(k.pseudonymOfId("201212121212") != k.pseudonym(number), "an id never collides with a number")
        }
        check(k.pseudonymOfId("SYNTHETIC-000001") == "79cc68d0c095a840ae6ef46261e1f9c9", "pseudonym of an id")
    }
    expectThrows<PoException.InvalidInput>("short key") { PseudonymKey("short".toByteArray()) }
    expectThrows<PoException.InvalidInput>("short key for an id") { PseudonymKey(ByteArray(15)) }

    // Code lists.
    check(codeListNames().contains("deviation_event_type"), "list names")
    val reasons = codeList("contact_reason")
    check(reasons.size == 11 && reasons[0].labelSv == "Ekonomi", "contact reasons")
    check(parseCode("intake_outcome", "Bedöms ej tillhöra målgrupp").code == "not_target_group", "seed 004 label")
    val unknown = expectThrows<PoException.UnknownCode>("unknown gender") { parseCode("gender", "x") }
    check(unknown.message!!.contains("expected one of woman, man, other"), "unknown code message")

    // Leadership group, either side of SFS 2019:1094.
    val members = listOf(
        LeadershipMember("municipality", "Kommunen"),
        LeadershipMember("Regionens psykiatri", "Region X"),
        LeadershipMember("arbetsformedlingen", "AF"),
        LeadershipMember("forsakringskassan", "FK"),
    )
    val before = checkLeadershipGroup(members, LocalDate.of(2019, 12, 31), true)
    val after = checkLeadershipGroup(members, LocalDate.of(2020, 1, 1), true)
    check(before.ruleSet == "sfs_2013_522" && after.ruleSet == "sfs_2019_1094", "rule sets")
    check(before.compliant == Status.NOT_MET && before.missing == listOf("region_primary_care"), "missing")
    check(before.findings[1].reasonSv.contains("landstingets primärvård"), "2019 wording")
    check(after.findings[1].reasonSv.contains("regionens primärvård"), "2020 wording")
    expectThrows<PoException.InvalidInput>("date before 2013-08-01") {
        checkLeadershipGroup(members, LocalDate.of(2013, 7, 31), true)
    }
    expectThrows<PoException.UnknownCode>("unknown role") {
        checkLeadershipGroup(listOf(LeadershipMember("mayor", "")), ref)
    }
    domainChecks(ref)
    val vectors = checkVectors(args[0])
    val api = checkApi(java.io.File(args[0]).parentFile)
    println("Kotlin FFI test: $checks checks passed, $vectors shared vectors agree, $api API lines of tests/api.txt hold")
}

// Every exported domain function, and the errors a vendor's bad input raises.
fun domainChecks(ref: LocalDate) {
    // Eligibility: a record with defaults, the named readings, every finding with its source.
    val statute = eligibilityReadings("statute")
    check(statute.minLifeAreas == 2 && statute.needsAtLeast == null && statute.contacts == "statute", "readings")
    val a = assessEligibility(EligibilityInput(ageYears = 40, psychiatricDisability = Answer.YES), ref, statute)
    check(a.outcome == Outcome.UNDETERMINED && a.ruleSet == "sfs_2019_1094" && a.findings.size == 5, "undetermined")
    check(a.findings.all { it.source.startsWith("SFS 2013:522") }, "sources")
    check(a.questions.size == 3 && a.questions[0].sv.isNotEmpty(), "questions")
    expectThrows<PoException.InvalidInput>("both ages") {
        assessEligibility(EligibilityInput(birthDate = LocalDate.of(1980, 1, 1), ageYears = 44), ref, statute)
    }
    expectThrows<PoException.InvalidInput>("zero life areas") {
        assessEligibility(EligibilityInput(), ref, statute.copy(minLifeAreas = 0))
    }
    expectThrows<PoException.InvalidInput>("life areas out of range") {
        assessEligibility(EligibilityInput(), ref, statute.copy(minLifeAreas = 300))
    }
    expectThrows<PoException.InvalidInput>("unknown contacts reading") {
        assessEligibility(EligibilityInput(), ref, statute.copy(contacts = "eller"))
    }
    expectThrows<PoException.UnknownCode>("unknown need area") {
        assessEligibility(EligibilityInput(needs = CriterionInput(details = listOf("money"))), ref, statute)
    }

    // Priority: presets and policies as data, ranking, queue statistics.
    check(policyPresets() == listOf("national_2019", "varmland_2023", "stockholm_2021"), "presets")
    PriorityPolicy.preset("varmland_2023").use { p ->
        check(p.name() == "PO Värmland 2023" && p.source().contains("seed 003"), "policy name")
        check(p.groups() == listOf("children_at_home", "young_adults", "homelessness"), "groups")
        PriorityPolicy.fromJson(p.toJson()).use { q -> check(q.groups() == p.groups(), "policy JSON round trip") }
        val queue = listOf(
            Applicant("x", LocalDate.of(1980, 1, 1), LocalDate.of(2025, 6, 1), area = "Norra"),
            Applicant("y", LocalDate.of(2000, 1, 1), LocalDate.of(2025, 9, 1), area = "Södra"),
        )
        val ranking = rank(queue, p, ref)
        val ranked = ranking.applicants
        check(ranked.map { it.id } == listOf("y", "x") && ranked[0].reasonSv.isNotEmpty(), "ranked")
        // Stamped: the version, the policy with its source, the ranking date.
        check(ranking.stamp.asOf == ref && ranking.stamp.libraryVersion == libraryVersion(), "ranking stamp ${ranking.stamp}")
        val queueBook = rankingXlsx(queue, p, ref, "sv")
        check(queueBook.size > 1000 && queueBook[0] == 'P'.code.toByte(), "the queue as xlsx")
        expectThrows<PoException.InvalidInput>("under 18") {
            rank(listOf(Applicant("z", LocalDate.of(2010, 1, 1), LocalDate.of(2025, 1, 1))), p, ref)
        }
        val stats = queueStatistics(queue, ref, ref)
        check(stats.stamp.asOf == ref && stats.stamp.rules.startsWith("queue snapshot"), "queue stamp")
        check(stats.overall.count == 2L && stats.overall.maxDays == 214L, "queue max ${stats.overall.maxDays}")
        check(stats.overall.medianDays!!.compareTo(java.math.BigDecimal("168")) == 0, "queue median ${stats.overall.medianDays}")
        check(stats.perArea.keys == setOf("Norra", "Södra"), "per area")
        expectThrows<PoException.InvalidInput>("inverted period") { queueStatistics(queue, ref, ref.minusDays(1)) }
    }
    expectThrows<PoException.InvalidInput>("policy JSON") { PriorityPolicy.fromJson("{\"name\": 1}") }

    // Money: grant and repayment to the öre.
    check(amountPerPosition(java.math.BigDecimal("99960000"), java.math.BigDecimal(333)).toPlainString() == "300180", "per position")
    check(serviceGrant(java.math.BigDecimal("394873"), java.math.BigDecimal("0.5")).toPlainString() == "197436.50", "grant")
    val decided = LocalDate.of(2024, 6, 30)
    val rep = repayment(java.math.BigDecimal(1000), java.math.BigDecimal(1000), decided, false, null)
    check(rep.stamp.asOf == decided && rep.stamp.rules.contains("15 §"), "repayment stamped ${rep.stamp}")
    val g = grant(java.math.BigDecimal("394873"), java.math.BigDecimal(10), LocalDate.of(2023, 2, 1))
    check(g.amount.toPlainString() == "3948730.00" && g.stamp.rules.contains("9 §"), "grant stamped $g")
    check(rep.amount.toPlainString() == "1000" && rep.source.contains("15 §"), "repayment ${rep.source}")
    // A decimal beyond rust_decimal's 28 digits is refused, not rounded.
    val huge = expectThrows<PoException.InvalidInput>("huge decimal") {
        serviceGrant(java.math.BigDecimal("1e40"), java.math.BigDecimal.ONE)
    }
    check(huge.message!!.startsWith("decimal: more than 28 significant digits (41)"), "huge message: ${huge.message}")

    // The national appropriation of 2019 (seed 001 table 5), as in Python.
    val budget = NationalBudget(2019, java.math.BigDecimal(104_460_000), java.math.BigDecimal(1_500_000), java.math.BigDecimal(3_000_000))
    val used = budgetOutcome(budget, java.math.BigDecimal(1_500_000), java.math.BigDecimal(3_000_000),
        java.math.BigDecimal(99_230_503), java.math.BigDecimal(1_630_200))
    check(used.spent.toPlainString() == "103730503" && used.net.toPlainString() == "102100303" &&
        used.remaining.toPlainString() == "2359697", "budget outcome $used")
    check(moneyForPositions(budget).toPlainString() == "99960000", "money for positions")

    // Cost sharing from records built in Kotlin.
    val day = LocalDate.of(2023, 12, 31)
    val agreement = AgreementTerms(
        year = 2024, host = "1780",
        participants = listOf(
            AgreementParticipant("1780", "Karlstad", 97233, day),
            AgreementParticipant("1784", "Arvika", 20000, day),
        ),
        costs = listOf(MoneyLine("cost", "Löner", java.math.BigDecimal("1000000"))),
        fixedIncome = listOf(MoneyLine("state_grant", "Länsstyrelsen", java.math.BigDecimal("400000"))),
        administrationFee = java.math.BigDecimal.ZERO, surplusUsed = java.math.BigDecimal.ZERO, rounding = "krona",
    )
    val alloc = Agreement.fromTerms(agreement).use { it.allocate() }
    val invoices = Agreement.fromTerms(agreement).use { it.invoicesXlsx("sv") }
    check(invoices.size > 1000 && invoices[0] == 'P'.code.toByte(), "the invoices as xlsx")
    check(alloc.stamp.rules.contains("largest remainder"), "allocation stamp ${alloc.stamp}")
    check(alloc.municipalNet.toPlainString() == "600000", "net")
    check(alloc.participants.sumOf { it.total }.compareTo(alloc.municipalNet) == 0, "fees add up")
    check(alloc.participants[0].explanationSv.contains("största rest") || alloc.participants[0].explanationSv.isNotEmpty(), "explanation")
    val leave = agreement.copy(participants = agreement.participants.take(1))
    val rows = Agreement.fromTerms(agreement).use { base ->
        Agreement.fromTerms(leave).use { alternative -> compareAgreements(base, alternative) }
    }
    Agreement.fromTerms(agreement).use { a ->
        check(a.terms() == agreement, "terms read back")
        a.without("1784").use { w -> check(w.terms().participants.map { it.code } == listOf("1780"), "without") }
        check(a.costsTotal().toPlainString() == "1000000", "costs total")
    }
    check(rows.first { it.code == "1784" }.alternativeTotal == null && rows.first { it.code == "1780" }.difference.signum() > 0, "scenario")
    expectThrows<PoException.InvalidInput>("negative adults") {
        Agreement.fromTerms(agreement.copy(participants = listOf(AgreementParticipant("1780", "K", -1, day))))
    }
    expectThrows<PoException.UnknownCode>("rounding") { Agreement.fromTerms(agreement.copy(rounding = "cent")) }
    expectThrows<PoException.UnknownCode>("income kind") {
        Agreement.fromTerms(agreement.copy(fixedIncome = listOf(MoneyLine("eu", "EU", java.math.BigDecimal.ONE))))
    }
    expectThrows<PoException.InvalidInput>("municipality code") {
        Agreement.fromTerms(agreement.copy(host = "9999"))
    }
    expectThrows<PoException.InvalidInput>("agreement JSON") { Agreement.fromJson("[]") }

    // The register from CSV (strict and lenient) and the report.
    val clients = "id;gender;birth_year;started_on;ended_on;children_at_home;contact_reasons;assignments;municipality;area;applied_on\nk1;woman;1980;2023-01-10\nk2;x;1980;2023-01-10\n".toByteArray()
    val strict = expectThrows<PoException.InvalidRegister>("strict CSV") {
        Register.fromCsv(RegisterCsvFiles(clients = clients), false)
    }
    check(strict.message!!.contains("clients.csv, row 3, column \"gender\""), "problem located: ${strict.message}")
    // The exception carries every problem, located (issue 14), and its message is po's sentence.
    val problem = strict.problems.single()
    check(problem.file == "clients.csv" && problem.row == 3L && problem.column == "gender", "problems: ${strict.problems}")
    check(strict.message == strict.reason && strict.message!!.startsWith("1 problem(s) in the register"), "message")
    Register.fromCsv(RegisterCsvFiles(clients = clients), true).use { reg ->
        check(reg.clientCount() == 1L && reg.problems().single().row == 3L, "lenient")
        annualReport(reg, ReportOptions(2023, "PO Test")).use { r ->
            check(r.year() == 2023 && r.tables().size == 10, "tables")
            check(r.inputProblems().size == 1, "problems in the report")
            check(r.toMarkdown("sv").contains("PO Test") && r.toJson().contains("\"year\": 2023"), "renderings")
            // The report as a workbook (a zip), and read back: a report is no export, so its
            // eleven sheets are each a problem, never silently skipped.
            val xlsx = r.toXlsx("sv")
            check(xlsx.size > 1000 && xlsx[0] == 'P'.code.toByte() && xlsx[1] == 'K'.code.toByte(), "xlsx")
            Register.fromWorkbook(xlsx, true).use { back ->
                check(back.clientCount() == 0L && back.problems().size == 11, "sheets reported: ${back.problems().size}")
                check(back.problems()[0].file == "workbook.xlsx [Metod]", "sheet named: ${back.problems()[0].file}")
            }
            expectThrows<PoException.InvalidRegister>("not a workbook") { Register.fromWorkbook("id;gender".toByteArray()) }
            expectThrows<PoException.UnknownCode>("xlsx language") { r.toXlsx("de") }
            // One client: protected by default, so the 1 is hidden, and the audit agrees.
            val audit = r.audit()
            check(audit.safe && audit.k == 3L && r.hiddenCells().values.sum() > 0L, "protected and audited")
            check(r.table("active_clients").total == null, "the total 1 is hidden")
            check(audit.ranges.all { it.low == 0L || (it.high ?: 3L) >= 3L }, "no hidden cell provably small")
            expectThrows<PoException.UnknownCode>("language") { r.toMarkdown("de") }
            expectThrows<PoException.UnknownCode>("table") { r.table("nope") }
            check(r.leadership() == null, "no leadership group given")
        }
        val group = listOf(LeadershipMember("municipality", "Kommunen"))
        annualReport(reg, ReportOptions(2023, "PO Test", leadershipGroup = group)).use { r ->
            val l = r.leadership()!!
            check(l.asOf == LocalDate.of(2023, 12, 31) && l.compliant == Status.NOT_MET, "leadership in report")
            check(r.toMarkdown("sv").contains("5 §"), "leadership in the Markdown")
        }
        expectThrows<PoException.UnknownCode>("leadership role in report") {
            annualReport(reg, ReportOptions(2023, "PO Test", leadershipGroup = listOf(LeadershipMember("mayor", ""))))
        }
        expectThrows<PoException.InvalidInput>("threshold below 2") {
            annualReport(reg, ReportOptions(2023, "PO Test", k = 1))
        }
        annualReport(reg, ReportOptions(2023, "PO Test", unprotected = true)).use { r ->
            check(r.table("active_clients").total == 1L && r.toMarkdown("en").contains("UNPROTECTED"), "unprotected on request")
        }
        // An analyst's own table, audited: issue 13's closed clients, women 5 5 1 2, men
        // 4 4 0 0, the column totals 1 and 2 published; the attacker computes all four.
        val closed = Table("closed", "closed", "closed", listOf("Kvinna", "Man"), listOf("a", "b", "c", "d"),
            listOf(listOf(5L, 5L, null, null), listOf(4L, 4L, null, null)), listOf(13L, 8L), listOf(9L, 9L, 1L, 2L), 21L)
        val audit = auditTables(listOf(closed), emptyList(), 3L)
        check(!audit.safe && audit.ranges.all { it.atRisk && it.low == it.high }, "old pattern undone: ${audit.ranges}")
        check(audit.ranges.first { it.row == "Kvinna" && it.column == "d" }.low == 2L, "the 2 is computed")
        expectThrows<PoException.InvalidInput>("audit k") { auditTables(listOf(closed), emptyList(), 0L) }
        // One personal-data filter for every message (po_core::privacy): an identity number in
        // any string argument is never echoed, whoever builds the message.
        val csv = "id;gender;started_on\nk;woman;2023-01-01\n".toByteArray()
        annualReport(reg, ReportOptions(2023, "PO Test")).use { r ->
            for (pnr in listOf("19121212-1212", "121212-1212", "191212121212")) {
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
                    { PriorityPolicy.fromJson(pnr) }, { IdentityNumber.parse(pnr.dropLast(1) + "3", ref) },
                    { checkLeadershipGroup(listOf(LeadershipMember(pnr, "")), ref) },
                    { assessEligibility(EligibilityInput(needs = CriterionInput(details = listOf(pnr))), ref) },
                    { Agreement.fromTerms(AgreementTerms(2024, pnr, emptyList(), emptyList(), emptyList(),
                        java.math.BigDecimal.ZERO, java.math.BigDecimal.ZERO, "krona")) },
                    { Agreement.fromTerms(AgreementTerms(2024, "1780", emptyList(), emptyList(), emptyList(),
                        java.math.BigDecimal.ZERO, java.math.BigDecimal.ZERO, pnr)) },
                )
                for ((i, call) in calls.withIndex()) {
                    val e = expectThrows<PoException>("call $i with an identity number") { call() }
                    val text = e.message!!.replace("-", "").replace("+", "")
                    check(!text.contains("12121212"), "call $i echoes an identity number: ${e.message}")
                }
            }
        }
        expectThrows<PoException.InvalidInput>("population code") {
            annualReport(reg, ReportOptions(2023, "PO Test", population = listOf(Population("17", "x", 1))))
        }
    }
    val invalidUtf8 = byteArrayOf(0x69, 0x64, 0x0a, 0xff.toByte(), 0xfe.toByte(), 0x0a)
    expectThrows<PoException.InvalidRegister>("bytes that are not UTF-8") {
        Register.fromCsv(RegisterCsvFiles(clients = invalidUtf8), false)
    }
    expectThrows<PoException.InvalidRegister>("register JSON") { Register.fromJson("{\"clients\": 5}") }

    // Malformed values a JVM caller can still send: dates and decimals beyond po's range, empty
    // and large lists. Each is a typed exception or a result, never a crashed JVM.
    val farFuture = expectThrows<PoException.InvalidInput>("LocalDate.MAX") {
        assessEligibility(EligibilityInput(ageYears = 40), LocalDate.MAX, statute)
    }
    check(farFuture.message!!.startsWith("date: expected an ISO date"), "date message: ${farFuture.message}")
    expectThrows<PoException.InvalidInput>("LocalDate.MIN") { IdentityNumber.parse("19121212-1212", LocalDate.MIN) }
    expectThrows<PoException.InvalidInput>("a negative scale beyond 28 digits") {
        amountPerPosition(java.math.BigDecimal("1E+29"), java.math.BigDecimal.ONE)
    }
    check(rank(emptyList(), PriorityPolicy.preset("national_2019"), ref).applicants.isEmpty(), "empty queue")
    val many = (0 until 100_000).map {
        Applicant("q$it", LocalDate.of(1970, 1, 1), ref.minusDays((it % 365).toLong()))
    }
    val rankedMany = PriorityPolicy.preset("national_2019").use { rank(many, it, ref) }.applicants
    check(rankedMany.size == 100_000 && rankedMany[0].daysWaited == 364L, "100 000 applicants")
    expectThrows<PoException.InvalidIdentityNumber>("year 1212") { IdentityNumber.parse("12121212+1212", ref) }

    // The reporting chain: two services' flat submissions compiled for Värmland (issue 17).
    val flat = "section;row;column;value\nservice;;;PO Egen\nhost;;;1761\nmunicipalities;;;1761\nyear;;;2023\n" +
        "active_clients;Kvinna;18–29 år;4\nactive_clients;Man;18–29 år;5\n"
    val other = flat.replace("PO Egen", "PO Annan").replace("1761", "1762").replace(";4\n", ";6\n")
    val county = compileSubmissions(listOf(flat, other), 2023, "17", unprotected = true)
    check(county.services == 2L && county.tables[0].cells[0][0] == 10L, "compiled: ${county.tables[0].cells}")
    check(county.markdown.startsWith("# Personligt ombud: sammanställning 2023 – Värmlands län"), "markdown")
    check(county.html.startsWith("<!doctype html>") && "Värmlands län" in county.html, "html")
    expectThrows<PoException.InvalidInput>("a bad submission") { compileSubmissions(listOf("x;y"), 2023) }
}
