package se.po.ffi.tests

import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.DynamicTest.dynamicTest
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestFactory
import se.po.ffi.*
import java.io.File
import java.time.LocalDate

/** The shared vectors (the JSON files of tests/vectors): the same files and expectations as the Rust and
 *  Python tests, one JUnit test per case. */
@Suppress("UNCHECKED_CAST")
class VectorsTest {
    /** An error case must throw the named PoException with the exact message. */
    private fun <T> vector(c: Map<String, Any?>, block: () -> T, ok: (T) -> Unit) {
        if (c.containsKey("error")) {
            val e = expectThrows<PoException>("vector ${c["name"]}: expected ${c["error"]}") { block() }
            check(e::class.simpleName == c["error"] && e.message == c["message"],
                "vector ${c["name"]}: got ${e::class.simpleName}: ${e.message}")
        } else {
            ok(block())
        }
    }

    private fun each(file: String, name: (Map<String, Any?>) -> Any?, run: (Map<String, Any?>) -> Unit): List<DynamicTest> =
        cases(load(file)).map { c -> dynamicTest("$file: ${name(c)}") { run(c) } }

    @TestFactory
    fun identity(): List<DynamicTest> {
        val ref = date(load("identity.json")["reference_date"])!!
        return each("identity.json", { it["input"] }) { c ->
            val input = c["input"] as String
            if (c.containsKey("error")) {
                val e = expectThrows<PoException.InvalidIdentityNumber>("vector $input") { IdentityNumber.parse(input, ref) }
                check(e.message == c["error"], "vector $input: message ${e.message}")
            } else {
                IdentityNumber.parse(input, ref).use { info ->
                    check(info.kind() == c["kind"], "vector $input: kind")
                    check(info.birthDate() == date(c["birth_date"]), "vector $input: birth date")
                    check(info.legalGender() == c["legal_gender"], "vector $input: gender")
                    check(info.ageOn(ref).toLong() == c["age"], "vector $input: age")
                }
            }
        }
    }

    @TestFactory
    fun codes() = each("codes.json", { "${it["list"]} ${it["input"]}" }) { c ->
        val (list, input) = Pair(c["list"] as String, c["input"] as String)
        if (c.containsKey("error")) {
            val e = expectThrows<PoException.UnknownCode>("vector $list $input") { parseCode(list, input) }
            check(e.message == c["error"], "vector $list $input: message ${e.message}")
        } else {
            check(parseCode(list, input).code == c["code"], "vector $list $input")
        }
    }

    @TestFactory
    fun pseudonyms(): List<DynamicTest> {
        val ref = date(load("pseudonyms.json")["reference_date"])!!
        return each("pseudonyms.json", { it["input"] ?: it["id"] }) { c ->
            val hex = c["key_hex"] as String
            val key = ByteArray(hex.length / 2) { hex.substring(it * 2, it * 2 + 2).toInt(16).toByte() }
            val actual = PseudonymKey(key).use { k ->
                if (c.containsKey("input")) IdentityNumber.parse(c["input"] as String, ref).use { k.pseudonym(it) }
                else k.pseudonymOfId(c["id"] as String)
            }
            check(actual == c["pseudonym"], "vector pseudonym ${c["input"] ?: c["id"]}")
        }
    }

    private fun answer(s: Any?): Answer? = when (s) {
        "yes" -> Answer.YES; "no" -> Answer.NO; "unknown" -> Answer.UNKNOWN; null -> null
        else -> error("answer $s")
    }

    private fun criterion(v: Any?): CriterionInput {
        val m = v as Map<String, Any?>? ?: return CriterionInput()
        return CriterionInput(answer(m["answer"]), m["details"] as List<String>?)
    }

    @TestFactory
    fun eligibility() = each("eligibility.json", { it["name"] }) { c ->
        val i = c["input"] as Map<String, Any?>
        val input = EligibilityInput(
            birthDate = date(i["birth_date"]),
            ageYears = (i["age_years"] as Long?)?.toInt(),
            psychiatricDisability = answer(i["psychiatric_disability"]),
            difficulties = criterion(i["difficulties"]),
            needs = criterion(i["needs"]),
            longTermContacts = criterion(i["long_term_contacts"]),
        )
        vector(c, { assessEligibility(input, date(c["as_of"])!!, eligibilityReadings(c["readings"] as String)) }) { a ->
            check(a.outcome.name.lowercase() == c["outcome"], "vector ${c["name"]}: outcome ${a.outcome}")
            val statuses = a.findings.associate { it.criterion to it.status.name.lowercase() }
            check(statuses == c["findings"], "vector ${c["name"]}: findings $statuses")
            check(a.questions.map { it.criterion } == c["questions"], "vector ${c["name"]}: questions")
        }
    }

    @TestFactory
    fun ranking(): List<DynamicTest> {
        val applicants = (load("ranking.json")["applicants"] as List<Map<String, Any?>>).map {
            Applicant(
                id = it["id"] as String, birthDate = date(it["birth_date"])!!, queuedOn = date(it["queued_on"])!!,
                area = it["area"] as String?, leftQueueOn = date(it["left_queue_on"]),
                childrenAtHome = it["children_at_home"] == true, childrenAtRiskOfHarm = it["children_at_risk_of_harm"] == true,
                homelessOrAtRisk = it["homeless_or_at_risk"] == true, lackingContacts = it["lacking_contacts"] == true,
            )
        }
        return each("ranking.json", { it["name"] }) { c ->
            vector(c, {
                val policy = if (c.containsKey("policy")) PriorityPolicy.preset(c["policy"] as String)
                    else PriorityPolicy.fromJson(c["policy_json"] as String)
                policy.use { rank(applicants, it, date(c["on"])!!).applicants }
            }) { r ->
                check(r.map { it.id } == c["order"], "vector ${c["name"]}: order ${r.map { it.id }}")
                check(r.map { it.decidingGroup } == c["deciding"], "vector ${c["name"]}: deciding")
                check(r.map { it.daysWaited } == c["days_waited"], "vector ${c["name"]}: days")
                check(r.map { it.position } == (1L..r.size.toLong()).toList(), "vector ${c["name"]}: positions")
            }
        }
    }

    @TestFactory
    fun grant() = each("grant.json", { it["name"] }) { c ->
        vector(c, {
            when (c["function"]) {
                "amount_per_position" -> mapOf("expected" to amountPerPosition(dec(c["money_for_positions"])!!, dec(c["positions"])!!))
                "service_grant" -> mapOf("expected" to serviceGrant(dec(c["amount_per_position"])!!, dec(c["positions"])!!))
                else -> repayment(dec(c["received"])!!, dec(c["used_for_purpose"])!!, date(c["decided_on"])!!,
                    c["report_submitted"] as Boolean, dec(c["waived"]))
                    .let { mapOf("liable" to it.liable, "amount" to it.amount) }
            }
        }) { values ->
            // Money as exact strings: BigDecimal.equals would also compare the scale, but the
            // string says exactly what a report prints.
            for ((k, v) in values) check(v.toPlainString() == c[k], "vector ${c["name"]}: $k ${v.toPlainString()}")
        }
    }

    @TestFactory
    fun allocation() = each("allocation.json", { it["name"] }) { c ->
        vector(c, { Agreement.fromJson(File(VECTORS, "agreements/" + c["agreement"]).readText()).use { it.allocate() } }) { a ->
            check(a.municipalNet.toPlainString() == c["municipal_net"], "vector ${c["name"]}: net ${a.municipalNet}")
            check(a.roundingDifference.toPlainString() == c["rounding_difference"], "vector ${c["name"]}: rounding")
            for ((code, fee) in c["fees"] as Map<String, Any?>)
                check(a.participants.first { it.code == code }.fee.toPlainString() == fee, "vector ${c["name"]}: fee $code")
            for ((code, total) in c["totals"] as Map<String, Any?>)
                check(a.participants.first { it.code == code }.total.toPlainString() == total, "vector ${c["name"]}: total $code")
            check(a.checks.all { it.holds }, "vector ${c["name"]}: checks")
        }
    }

    @TestFactory
    fun report() = each("report.json", { it["name"] }) { c ->
        val options = ReportOptions(
            year = (c["year"] as Long).toInt(), serviceName = c["service_name"] as String,
            // "k": null asks for an unprotected report; a number protects at that k.
            k = c["k"] as Long?, unprotected = c["k"] == null,
        )
        Register.fromJson(File(VECTORS, "registers/" + c["register"]).readText()).use { register ->
            annualReport(register, options).use { r ->
                val name = c["name"]
                for (cell in c["cells"] as List<Map<String, Any?>>) {
                    val t = r.table(cell["table"] as String)
                    val value = t.cells[t.rows.indexOf(cell["row"])][t.columns.indexOf(cell["column"])]
                    check(value == cell["value"], "vector $name: cell $cell got $value")
                }
                for ((table, total) in c["totals"] as Map<String, Any?>) check(r.table(table).total == total, "vector $name: total $table")
                check((r.assignmentsPerClient().value?.toPlainString() ?: "") == c["assignments_per_client"], "vector $name: per client")
                check((r.deviationsWithFeedback().value?.toPlainString() ?: "") == c["deviations_with_feedback"], "vector $name: feedback")
                check((r.surveyResponseRate()?.value?.toPlainString() ?: "") == c["survey_response_rate"], "vector $name: survey")
                val w = r.waiting()
                check(w.clients == c["waiting_count"] && w.maxDays == c["waiting_max_days"], "vector $name: waiting")
                check(w.medianDays?.toPlainString() == c["waiting_median_days"], "vector $name: median")
                check(r.positions().toPlainString() == c["positions"], "vector $name: positions")
                check(r.hiddenCells().values.sum() == c["hidden_cells"], "vector $name: hidden ${r.hiddenCells()}")
            }
        }
    }

    private fun asMap(x: DeviationCounts): Map<String, Long> = mapOf(
        "new" to x.new, "raised" to x.raised, "sent" to x.sent, "answered" to x.answered,
        "remedied" to x.remedied, "not_remedied" to x.notRemedied, "withdrawn" to x.withdrawn,
        "open_at_end" to x.openAtEnd, "overdue_at_end" to x.overdueAtEnd, "positive" to x.positive)

    /** Deviation period views (issue 16): the same counts, medians and rate as Rust and Python. */
    @TestFactory
    fun deviations(): List<DynamicTest> {
        val dv = load("deviations.json")
        val events = (dv["events_csv"] as String).toByteArray()
        return each("deviations.json", { it["name"] }) { c ->
            DeviationRegister.fromEventsCsv(events).use { reg ->
                val name = c["name"]
                val view = reg.periodView(date(c["from"])!!, date(c["to"])!!)
                check(asMap(view.total) == c["total"], "vector $name: total ${asMap(view.total)}")
                val levels = c["by_level"] as Map<String, Any?>
                for (l in view.byLevel) check(asMap(l) == levels[l.group], "vector $name: ${l.group} ${asMap(l)}")
                check(view.medianDaysToRaised?.toPlainString() == c["median_days_to_raised"], "vector $name: to raised")
                check(view.medianDaysToAnswered?.toPlainString() == c["median_days_to_answered"], "vector $name: to answered")
                check(view.feedbackRate?.toPlainString() == c["feedback_rate"], "vector $name: feedback rate")
                check(view.stamp.asOf == view.toDate, "vector $name: stamped with the last day")
            }
        }
    }

    /** Issue 32 point 7: the annual report from the histories; the withdrawn deviation counts nowhere. */
    @Test
    fun `the annual report counts from the deviation histories`() {
        val dv = load("deviations.json")
        val expected = dv["report"] as Map<String, Any?>
        val files = RegisterCsvFiles(deviationEvents = (dv["events_csv"] as String).toByteArray())
        Register.fromCsv(files, false).use { reg ->
            val options = ReportOptions(year = (expected["year"] as Number).toInt(), unprotected = true)
            annualReport(reg, options).use { report ->
                val t = report.table("deviations_by_counterpart")
                val n = (expected["deviations"] as Number).toLong()
                check(t.total == n, "deviations ${t.total}")
                for (c in expected["by_counterpart_and_status"] as List<List<Any?>>) {
                    val i = t.rows.indexOf(c[0]); val j = t.columns.indexOf(c[1])
                    check(t.cells[i][j] == (c[2] as Number).toLong(), "cell $c: ${t.cells[i][j]}")
                }
                val fb = report.deviationsWithFeedback()
                val want = expected["with_feedback"] as Map<String, Any?>
                check(fb.count == (want["count"] as Number).toLong() && fb.of == (want["of"] as Number).toLong(), "feedback $fb")
            }
        }
    }

    @Test
    fun `the deviation register's events, meeting document and a flat export`() {
        DeviationRegister.fromEventsCsv((load("deviations.json")["events_csv"] as String).toByteArray()).use { reg ->
            check(reg.deviationCount() == 5L && reg.problems().isEmpty(), "deviation vector read")
            val doc = reg.meetingDocument(LocalDate.of(2024, 3, 31), LocalDate.of(2024, 6, 30))
            check(doc.startsWith("#") && !doc.contains("OSKYDDAD"), "the meeting document is protected")
            check(reg.events().size == 15 && reg.events().first().event == "documented", "events as rows")
        }
        val flat = "date;event_type;level;counterpart;status\n2024-02-10;access_to_care_and_support;local;psychiatry;feedback_received\n"
        DeviationRegister.fromFlatCsv(flat.toByteArray()).use { reg ->
            val view = reg.periodView(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31))
            check(view.total.new == 1L && view.withoutHistory == 1L && view.total.answered == 0L, "flat export: new only")
        }
    }
}
