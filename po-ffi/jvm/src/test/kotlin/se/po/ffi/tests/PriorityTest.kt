package se.po.ffi.tests

import org.junit.jupiter.api.Test
import se.po.ffi.*
import java.math.BigDecimal
import java.time.LocalDate

/** Priority: presets and policies as data, the ranking and the queue's statistics. */
class PriorityTest {
    private val queue = listOf(
        Applicant("x", LocalDate.of(1980, 1, 1), LocalDate.of(2025, 6, 1), area = "Norra"),
        Applicant("y", LocalDate.of(2000, 1, 1), LocalDate.of(2025, 9, 1), area = "Södra"),
    )

    @Test
    fun `the presets are named and Värmland's has its source and groups`() {
        check(policyPresets() == listOf("national_2019", "varmland_2023", "stockholm_2021"), "presets")
        PriorityPolicy.preset("varmland_2023").use { p ->
            check(p.name() == "PO Värmland 2023" && p.source().contains("seed 003"), "policy name")
            check(p.groups() == listOf("children_at_home", "young_adults", "homelessness"), "groups")
            PriorityPolicy.fromJson(p.toJson()).use { q -> check(q.groups() == p.groups(), "policy JSON round trip") }
        }
        expectThrows<PoException.InvalidInput>("policy JSON") { PriorityPolicy.fromJson("{\"name\": 1}") }
    }

    @Test
    fun `a young adult goes first under Värmland 2023 and the ranking is stamped`() {
        PriorityPolicy.preset("varmland_2023").use { p ->
            val ranking = rank(queue, p, REF)
            val ranked = ranking.applicants
            check(ranked.map { it.id } == listOf("y", "x") && ranked[0].reasonSv.isNotEmpty(), "ranked")
            check(ranking.stamp.asOf == REF && ranking.stamp.libraryVersion == libraryVersion(), "ranking stamp ${ranking.stamp}")
            val queueBook = rankingXlsx(queue, p, REF, "sv")
            check(queueBook.size > 1000 && queueBook[0] == 'P'.code.toByte(), "the queue as xlsx")
            expectThrows<PoException.InvalidInput>("under 18") {
                rank(listOf(Applicant("z", LocalDate.of(2010, 1, 1), LocalDate.of(2025, 1, 1))), p, REF)
            }
        }
    }

    @Test
    fun `the queue's statistics give count, longest and median wait per area`() {
        val stats = queueStatistics(queue, REF, REF)
        check(stats.stamp.asOf == REF && stats.stamp.rules.startsWith("queue snapshot"), "queue stamp")
        check(stats.overall.count == 2L && stats.overall.maxDays == 214L, "queue max ${stats.overall.maxDays}")
        check(stats.overall.medianDays!!.compareTo(BigDecimal("168")) == 0, "queue median ${stats.overall.medianDays}")
        check(stats.perArea.keys == setOf("Norra", "Södra"), "per area")
        expectThrows<PoException.InvalidInput>("inverted period") { queueStatistics(queue, REF, REF.minusDays(1)) }
    }

    @Test
    fun `who left the queue by the ranking date is named, not ranked`() {
        val gone = Applicant("z", LocalDate.of(1970, 1, 1), LocalDate.of(2025, 1, 1), leftQueueOn = REF)
        PriorityPolicy.preset("varmland_2023").use { p ->
            val ranking = rank(queue + gone, p, REF)
            check(ranking.notRanked == listOf("z") && ranking.applicants.map { it.id } == listOf("y", "x"),
                "not ranked: ${ranking.notRanked}")
        }
    }

    @Test
    fun `an empty queue and a queue of 100 000 are both ranked`() {
        check(rank(emptyList(), PriorityPolicy.preset("national_2019"), REF).applicants.isEmpty(), "empty queue")
        val many = (0 until 100_000).map {
            Applicant("q$it", LocalDate.of(1970, 1, 1), REF.minusDays((it % 365).toLong()))
        }
        val rankedMany = PriorityPolicy.preset("national_2019").use { rank(many, it, REF) }.applicants
        check(rankedMany.size == 100_000 && rankedMany[0].daysWaited == 364L, "100 000 applicants")
    }
}
