// A vendor's Java code calling po through the Kotlin API of the Maven artifact se.po:po-ffi,
// which brings kotlin-stdlib and JNA and carries the native library (examples/java/pom.xml
// names nothing else).
// Top-level functions are static methods of se.po.ffi.Po_ffiKt; objects (Register,
// AnnualReport, Agreement, PriorityPolicy, IdentityNumber, PseudonymKey) are AutoCloseable and
// made by static factories on their Companion; records with many optional fields have a named
// factory and `with…` methods instead of long positional constructors; an optional argument
// may be null. `mvn -B verify` here builds and runs it (tests/run-all.sh does); it exits
// non-zero when a result is wrong.
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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
        Path vectors = Path.of(args[0]);
        LocalDate today = LocalDate.of(2026, 1, 1);

        // Eligibility: unknown criteria are null; the readings may be null (the statute's).
        CriterionInput yes = new CriterionInput(Answer.YES, null);
        EligibilityInput input = new EligibilityInput(null, 34, Answer.YES, yes, yes, yes);
        Assessment a = Po_ffiKt.assessEligibility(input, today, null);
        check(a.getOutcome() == Outcome.ELIGIBLE, "eligible: " + a.getOutcome());
        check(a.getFindings().get(0).getStatus() == Status.MET, "age met");
        Assessment open = Po_ffiKt.assessEligibility(new EligibilityInput(null, 34, null, null, null, null), today, null);
        check(open.getOutcome() == Outcome.UNDETERMINED && !open.getQuestions().isEmpty(), "questions when unknown");

        // Identity numbers: an object that never prints the number; errors never contain it.
        try (IdentityNumber n = IdentityNumber.Companion.parse("19121212-1212", today)) {
            check(n.birthDate().equals(LocalDate.of(1912, 12, 12)) && n.kind().equals("personnummer"), "parsed");
            check(!n.toString().contains("1212121212"), "toString hides the number");
        }
        try {
            IdentityNumber.Companion.parse("19121212-1213", today);
            check(false, "invalid personnummer accepted");
        } catch (PoException.InvalidIdentityNumber e) {
            check(!e.getMessage().contains("1213"), "message hides the number");
        }

        // The queue under a preset policy: applicants by a named factory and `with…` methods.
        try (PriorityPolicy policy = PriorityPolicy.Companion.preset("stockholm_2021")) {
            List<Applicant> queue = List.of(
                Po_ffiKt.applicant("a", LocalDate.of(1980, 1, 1), LocalDate.of(2025, 5, 1)),
                Po_ffiKt.applicant("b", LocalDate.of(1985, 1, 1), LocalDate.of(2025, 9, 1))
                    .withArea("Södra").withHomelessOrAtRisk());
            Ranking ranking = Po_ffiKt.rank(queue, policy, today);
            List<RankedApplicant> ranked = ranking.getApplicants();
            check(ranking.getStamp().getAsOf().equals(today), "the ranking is stamped with its date");
            check(ranked.get(0).getId().equals("b"), "homelessness first");
            check("homelessness".equals(ranked.get(0).getDecidingGroup()), "deciding group");
        }

        // The Värmland 2023 cost sharing, from the shared agreement file: 3 042 151 kr.
        String json = Files.readString(vectors.resolve("agreements").resolve("varmland-2023.json"));
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

        // A register from CSV: a strict import lists every problem, located, on the exception.
        byte[] clients = "id;gender;started_on;birth_year;ended_on;children_at_home;contact_reasons;assignments;municipality;area;applied_on\nk1;woman;2023-01-10\nk2;x;2023-01-10\n"
            .getBytes(StandardCharsets.UTF_8);
        RegisterCsvFiles files = new RegisterCsvFiles(clients, null, null, null, null, null, 0L, null);
        try {
            Register.Companion.fromCsv(files, false);
            check(false, "bad gender accepted");
        } catch (PoException.InvalidRegister e) {
            Problem p = e.getProblems().get(0);
            check(p.getRow() == 3L && p.getColumn().equals("gender"), "problem located: " + p);
        }

        // The annual report of the shared synthetic register, protected (k = 3) and audited.
        String register = Files.readString(vectors.resolve("registers").resolve("small-2023.json"));
        try (Register reg = Register.Companion.fromJson(register);
             AnnualReport report = Po_ffiKt.annualReport(reg,
                 Po_ffiKt.reportOptions(2023).withServiceName("PO Exempel").withPriorityPolicy("varmland_2023"))) {
            check(report.audit().getSafe(), "the published report is safe against the LP audit");
            check(report.toMarkdown("sv").contains("PO Exempel"), "Markdown names the service");
            check(report.priorityPolicy() != null, "the policy is named");
        }
        System.out.println("Java vendor example: " + checks + " checks passed");
    }
}
