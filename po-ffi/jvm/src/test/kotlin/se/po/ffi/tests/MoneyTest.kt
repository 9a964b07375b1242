package se.po.ffi.tests

import org.junit.jupiter.api.Test
import se.po.ffi.*
import java.math.BigDecimal
import java.time.LocalDate

/** The state grant (SFS 2013:522 9 §, 15 §), the national budget (seed 001 table 5) and cost
 *  sharing between municipalities: exact to the öre, as BigDecimal. */
class MoneyTest {
    @Test
    fun `the grant per position and a service's grant are exact`() {
        check(amountPerPosition(BigDecimal("99960000"), BigDecimal(333)).toPlainString() == "300180", "per position")
        check(serviceGrant(BigDecimal("394873"), BigDecimal("0.5")).toPlainString() == "197436.50", "grant")
        val g = grant(BigDecimal("394873"), BigDecimal(10), LocalDate.of(2023, 2, 1))
        check(g.amount.toPlainString() == "3948730.00" && g.stamp.rules.contains("9 §"), "grant stamped $g")
    }

    @Test
    fun `a repayment is stamped with its decision date and 15 §`() {
        val decided = LocalDate.of(2024, 6, 30)
        val rep = repayment(BigDecimal(1000), BigDecimal(1000), decided, false, null)
        check(rep.stamp.asOf == decided && rep.stamp.rules.contains("15 §"), "repayment stamped ${rep.stamp}")
        check(rep.amount.toPlainString() == "1000" && rep.source.contains("15 §"), "repayment ${rep.source}")
    }

    @Test
    fun `a decimal beyond 28 digits is refused, not rounded`() {
        val huge = expectThrows<PoException.InvalidInput>("huge decimal") {
            serviceGrant(BigDecimal("1e40"), BigDecimal.ONE)
        }
        check(huge.message!!.startsWith("decimal: more than 28 significant digits (41)"), "huge message: ${huge.message}")
        expectThrows<PoException.InvalidInput>("a negative scale beyond 28 digits") {
            amountPerPosition(BigDecimal("1E+29"), BigDecimal.ONE)
        }
    }

    @Test
    fun `the national appropriation of 2019 comes out as seed 001 table 5`() {
        val budget = NationalBudget(2019, BigDecimal(104_460_000), BigDecimal(1_500_000), BigDecimal(3_000_000))
        val used = budgetOutcome(budget, BigDecimal(1_500_000), BigDecimal(3_000_000),
            BigDecimal(99_230_503), BigDecimal(1_630_200))
        check(used.spent.toPlainString() == "103730503" && used.net.toPlainString() == "102100303" &&
            used.remaining.toPlainString() == "2359697", "budget outcome $used")
        check(moneyForPositions(budget).toPlainString() == "99960000", "money for positions")
    }

    private val day = LocalDate.of(2023, 12, 31)
    private val agreement = AgreementTerms(
        year = 2024, host = "1780",
        participants = listOf(
            AgreementParticipant("1780", "Karlstad", 97233, day),
            AgreementParticipant("1784", "Arvika", 20000, day),
        ),
        costs = listOf(MoneyLine("cost", "Löner", BigDecimal("1000000"))),
        fixedIncome = listOf(MoneyLine("state_grant", "Länsstyrelsen", BigDecimal("400000"))),
        administrationFee = BigDecimal.ZERO, surplusUsed = BigDecimal.ZERO, rounding = "krona",
    )

    @Test
    fun `cost sharing adds up to the municipalities' net and writes invoices`() {
        val alloc = Agreement.fromTerms(agreement).use { it.allocate() }
        val invoices = Agreement.fromTerms(agreement).use { it.invoicesXlsx("sv") }
        check(invoices.size > 1000 && invoices[0] == 'P'.code.toByte(), "the invoices as xlsx")
        check(alloc.stamp.rules.contains("largest remainder"), "allocation stamp ${alloc.stamp}")
        check(alloc.municipalNet.toPlainString() == "600000", "net")
        check(alloc.participants.sumOf { it.total }.compareTo(alloc.municipalNet) == 0, "fees add up")
        check(alloc.participants[0].explanationSv.isNotEmpty(), "explanation")
    }

    @Test
    fun `an agreement reads back, leaves a participant out and compares with another`() {
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
    }

    @Test
    fun `bad agreements are refused with the matching exception`() {
        expectThrows<PoException.InvalidInput>("negative adults") {
            Agreement.fromTerms(agreement.copy(participants = listOf(AgreementParticipant("1780", "K", -1, day))))
        }
        expectThrows<PoException.UnknownCode>("rounding") { Agreement.fromTerms(agreement.copy(rounding = "cent")) }
        expectThrows<PoException.UnknownCode>("income kind") {
            Agreement.fromTerms(agreement.copy(fixedIncome = listOf(MoneyLine("eu", "EU", BigDecimal.ONE))))
        }
        expectThrows<PoException.InvalidInput>("municipality code") { Agreement.fromTerms(agreement.copy(host = "9999")) }
        expectThrows<PoException.InvalidInput>("agreement JSON") { Agreement.fromJson("[]") }
    }
}
