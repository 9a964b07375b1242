// A vendor's Java code calling po through the generated Kotlin API (top-level functions are
// static methods of se.po.ffi.Po_ffiKt; records are Kotlin data classes, so Java passes every
// constructor argument). Run by tests/run-all.sh; exits non-zero when a result is wrong.
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import se.po.ffi.*;

public final class VendorExample {
    private static int checks = 0;

    private static void check(boolean ok, String what) {
        checks++;
        if (!ok) {
            System.err.println("FAILED (Java): " + what);
            System.exit(1);
        }
    }

    public static void main(String[] args) throws Exception {
        LocalDate today = LocalDate.of(2026, 1, 1);

        // Eligibility: every criterion answered.
        CriterionInput yes = new CriterionInput(Answer.YES, null);
        EligibilityInput input = new EligibilityInput(null, 34, Answer.YES, yes, yes, yes);
        Assessment a = Po_ffiKt.assessEligibility(input, today, Po_ffiKt.eligibilityReadings("statute"));
        check(a.getOutcome() == Outcome.ELIGIBLE, "eligible: " + a.getOutcome());
        check(a.getFindings().get(0).getStatus() == Status.MET, "age met");

        // Bad input is a checked-looking PoException subclass, never a crash.
        try {
            IdentityNumber.Companion.parse("19121212-1213", today);
            check(false, "invalid personnummer accepted");
        } catch (PoException.InvalidIdentityNumber e) {
            check(!e.getMessage().contains("1213"), "message hides the number");
        }

        // The queue under a preset policy.
        try (PriorityPolicy policy = PriorityPolicy.Companion.preset("stockholm_2021")) {
            List<Applicant> queue = List.of(
                new Applicant("a", LocalDate.of(1980, 1, 1), LocalDate.of(2025, 5, 1), null, null,
                    false, false, false, false),
                new Applicant("b", LocalDate.of(1985, 1, 1), LocalDate.of(2025, 9, 1), null, null,
                    false, false, true, false));
            Ranking ranking = Po_ffiKt.rank(queue, policy, today);
            List<RankedApplicant> ranked = ranking.getApplicants();
            check(ranking.getStamp().getAsOf().equals(today), "the ranking is stamped with its date");
            check(ranked.get(0).getId().equals("b"), "homelessness first");
            check("homelessness".equals(ranked.get(0).getDecidingGroup()), "deciding group");
        }

        // The Värmland 2023 cost sharing, from the shared agreement file: 3 042 151 kr.
        String json = Files.readString(Path.of(args[0], "agreements", "varmland-2023.json"));
        Allocation allocation;
        try (Agreement agreement = Agreement.Companion.fromJson(json)) {
            allocation = agreement.allocate();
        }
        check(allocation.getMunicipalNet().compareTo(new BigDecimal("3042151")) == 0, "municipal net");
        BigDecimal fees = BigDecimal.ZERO;
        for (ParticipantShare p : allocation.getParticipants()) {
            fees = fees.add(p.getFee());
        }
        check(fees.compareTo(allocation.getMunicipalNet()) == 0, "fees add up");

        try {
            Po_ffiKt.serviceGrant(new BigDecimal("-1"), BigDecimal.ONE);
            check(false, "negative amount accepted");
        } catch (PoException.InvalidInput e) {
            check(e.getMessage().startsWith("amount_per_position:"), "field named: " + e.getMessage());
        }
        System.out.println("Java vendor example: " + checks + " checks passed");
    }
}
