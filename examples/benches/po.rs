//! Benchmarks (issue 8 goals in brackets). Run: `cargo bench -p po-examples --bench po`.
//! Figures and the machine are recorded in BENCHMARKS.md.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use divan::{black_box, Bencher};
use po_core::codes::{CodeList, LocalVocabulary};
use po_core::disclosure::Protection;
use po_core::eligibility::{assess, Age, Answer, Criterion, LifeArea, Readings, TargetGroupInput};
use po_core::input::Mode;
use po_core::io::read::read_clients_csv;
use po_core::money::{
    allocate, Agreement, AgreementParticipant, CostLine, IncomeKind, IncomeLine, Rounding,
};
use po_core::organisation::{Municipality, MunicipalityCode};
use po_core::priority::{order, rank, Applicant, PriorityPolicy};
use po_core::report::{annual_report, ReportOptions};
use po_examples::synthetic::varmland_like;
use rust_decimal::Decimal;
use time::macros::date;
use time::Duration;

fn main() {
    divan::main();
}

/// The annual report's tables over 10⁶ clients with about 5.5·10⁶ assignments [≤ 0.2 s];
/// unprotected, so that this measures the counting (protection is measured below).
#[divan::bench(sample_count = 5)]
fn annual_report_1m(b: Bencher) {
    let register = varmland_like(2023, 1_000_000, 1);
    let options = ReportOptions {
        year: 2023,
        service_name: "bench".into(),
        protection: Protection::Unprotected,
        ..ReportOptions::default()
    };
    b.bench(|| black_box(annual_report(black_box(&register), &options)));
}

/// Issue 13 [≤ 50 ms]: one annual report counted, protected (k = 3: primary rule, secondary
/// suppression until the LP audit finds nothing) and audited again as every rendering does,
/// for the bundled register (240 clients) and a small service (40 clients, many small cells).
#[divan::bench(args = [240, 40], sample_count = 20)]
fn protected_report_and_audit(b: Bencher, clients: usize) {
    let register = varmland_like(2023, clients, 2023);
    let options = ReportOptions {
        year: 2023,
        ..ReportOptions::default()
    };
    b.bench(|| {
        let report = annual_report(black_box(&register), &options).unwrap();
        report.check().unwrap();
        black_box(report)
    });
}

fn queue_1m() -> Vec<Applicant> {
    let on = ON;
    (0..1_000_000u64)
        .map(|i| Applicant {
            id: format!("A{i:07}"),
            birth_date: date!(1950 - 01 - 01) + Duration::days((i * 7919 % 18_000) as i64),
            area: Some(["Centrala", "Norra", "Västra", "Östra"][(i % 4) as usize].into()),
            queued_on: on - Duration::days((i * 104_729 % 400) as i64),
            left_queue_on: None,
            children_at_home: i % 5 == 0,
            children_at_risk_of_harm: i % 15 == 0,
            homeless_or_at_risk: i % 7 == 0,
            lacking_contacts: i % 11 == 0,
        })
        .collect()
}

const ON: time::Date = date!(2023 - 10 - 01);

/// Ranking 10⁶ queued applicants with every place explained in Swedish and English.
#[divan::bench(sample_count = 5)]
fn rank_1m(b: Bencher) {
    let applicants = queue_1m();
    let policy = PriorityPolicy::national_2019();
    b.bench(|| black_box(rank(black_box(&applicants), &policy, ON).unwrap()));
}

/// Ordering 10⁶ queued applicants (validation and places, no explanations) [≤ 0.5 s].
#[divan::bench(sample_count = 5)]
fn order_1m(b: Bencher) {
    let applicants = queue_1m();
    let policy = PriorityPolicy::national_2019();
    b.bench(|| black_box(order(black_box(&applicants), &policy, ON).unwrap()));
}

/// One target-group assessment with details [≤ 1 µs].
#[divan::bench]
fn eligibility_one(b: Bencher) {
    let input = TargetGroupInput {
        age: Age::BirthDate(date!(1990 - 05 - 05)),
        psychiatric_disability: Answer::Yes,
        difficulties: Criterion::details(vec![LifeArea::Housing, LifeArea::Economy]),
        needs: Criterion::answer(Answer::Yes),
        long_term_contacts: Criterion::answer(Answer::Unknown),
    };
    b.bench(|| {
        black_box(
            assess(
                black_box(&input),
                date!(2023 - 05 - 01),
                Readings::statute(),
            )
            .unwrap(),
        )
    });
}

/// Cost allocation over 290 municipalities [≤ 50 µs].
#[divan::bench]
fn allocate_290(b: Bencher) {
    let counties = [
        "01", "03", "04", "05", "06", "07", "08", "09", "10", "12", "13", "14", "17", "18", "19",
        "20", "21", "22", "23", "24", "25",
    ];
    let participants: Vec<AgreementParticipant> = (0..290usize)
        .map(|i| {
            let code = format!(
                "{}{:02}",
                counties[i % counties.len()],
                1 + i / counties.len()
            );
            AgreementParticipant {
                municipality: Municipality {
                    code: MunicipalityCode::parse(&code).unwrap(),
                    name: code.clone(),
                },
                adults: 2_000 + (i as u64 * 7_919) % 700_000,
                reference_date: date!(2022 - 12 - 31),
            }
        })
        .collect();
    let agreement = Agreement {
        year: 2023,
        host: participants[0].municipality.code,
        participants,
        costs: vec![CostLine {
            label: "Kostnader".into(),
            amount: Decimal::new(1_234_567_891, 2),
        }],
        fixed_income: vec![IncomeLine {
            kind: IncomeKind::StateGrant,
            label: "Statsbidrag".into(),
            amount: Decimal::from(3_948_730),
        }],
        administration_fee: Decimal::from(212_951),
        surplus_used: Decimal::ZERO,
        rounding: Rounding::Krona,
    };
    b.bench(|| black_box(allocate(black_box(&agreement)).unwrap()));
}

/// CSV import of clients (MB/s is bytes / time; the size is printed by BENCHMARKS.md's recipe).
#[divan::bench(sample_count = 5)]
fn import_clients_csv_100k(b: Bencher) {
    let mut csv = String::from(
        "id;kön;födelseår;kommunkod;område;start;slut;hemmavarande barn;kontaktorsaker\r\n",
    );
    for i in 0..100_000u32 {
        csv.push_str(&format!(
            "SYN-{i:06};{};{};1780;Centrala;2023-0{}-1{};;{};Ekonomi|Stöd i kontakten med myndigheter\r\n",
            ["Kvinna", "Man"][(i % 2) as usize], 1950 + i % 50, 1 + i % 9, i % 10, ["ja", "nej"][(i % 3 == 0) as usize]
        ));
    }
    let bytes = csv.into_bytes();
    eprintln!("[import_clients_csv_100k: {} bytes]", bytes.len());
    let vocabulary = LocalVocabulary::varmland();
    b.counter(divan::counter::BytesCount::new(bytes.len()))
        .bench(|| {
            black_box(
                // Lenient: the file lacks optional columns (reported once, as warnings).
                read_clients_csv(
                    black_box(&bytes),
                    "bench.csv",
                    &vocabulary,
                    None,
                    Mode::Lenient,
                )
                .unwrap(),
            )
        });
}

/// The issue-15 file: 10⁶ SYNTHETIC clients (about 5.5 assignments each) written by po's own
/// writer (about 157 MB), read with today's validation [≥ 500 MB/s on one core].
#[divan::bench(sample_count = 3)]
fn import_clients_csv_1m(b: Bencher) {
    let text = po_examples::export::register_to_csv(&varmland_like(2023, 1_000_000, 1))
        .unwrap()
        .clients
        .into_bytes();
    eprintln!("[import_clients_csv_1m: {} bytes]", text.len());
    let vocabulary = LocalVocabulary::varmland();
    b.counter(divan::counter::BytesCount::new(text.len()))
        .bench(|| {
            black_box(
                read_clients_csv(
                    black_box(&text),
                    "clients.csv",
                    &vocabulary,
                    None,
                    Mode::Strict,
                )
                .unwrap(),
            )
        });
}

/// Eligibility for 10⁶ cases in one batch (outcome and statuses, no sentences) [≥ 10⁶ cases/s].
#[divan::bench(sample_count = 5)]
fn eligibility_batch_1m(b: Bencher) {
    use po_core::eligibility::{assess_batch, ContactArea, NeedArea};
    let cases: Vec<TargetGroupInput> = (0..1_000_000u32)
        .map(|i| TargetGroupInput {
            age: Age::Years(16 + (i % 60) as i32),
            psychiatric_disability: [Answer::Yes, Answer::Unknown][(i % 7 == 0) as usize],
            difficulties: Criterion::details(LifeArea::ALL[..(i % 4) as usize].to_vec()),
            needs: Criterion::details(NeedArea::ALL[..(i % 5) as usize].to_vec()),
            long_term_contacts: Criterion::details(ContactArea::ALL[(i % 3) as usize..].to_vec()),
        })
        .collect();
    b.counter(divan::counter::ItemsCount::new(cases.len()))
        .bench(|| {
            black_box(
                assess_batch(
                    black_box(&cases),
                    date!(2023 - 05 - 01),
                    Readings::statute(),
                )
                .unwrap(),
            )
        });
}
