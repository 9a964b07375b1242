//! Batch assessment agrees with `assess` row by row (outcome, every criterion's status, the
//! questions, the errors), on every combination drawn from a deterministic generator.
#![allow(clippy::unwrap_used, missing_docs)]

use po_core::codes::CodeList;
use po_core::eligibility::*;
use time::macros::date;
use time::Duration;

struct Rng(u64);

impl Rng {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        (z ^ (z >> 31)) % n
    }
    fn answer(&mut self) -> Answer {
        [Answer::Yes, Answer::No, Answer::Unknown][self.next(3) as usize]
    }
    fn criterion<T: CodeList>(&mut self) -> Criterion<T> {
        let answer = [None, Some(self.answer())][self.next(2) as usize];
        let details = (self.next(3) > 0).then(|| {
            (0..self.next(6))
                .map(|_| T::ALL[self.next(T::ALL.len() as u64) as usize])
                .collect()
        });
        Criterion { answer, details }
    }
}

#[test]
fn batch_equals_assess_on_every_row() {
    let mut rng = Rng(15);
    let as_of = date!(2024 - 03 - 01);
    let cases: Vec<TargetGroupInput> = (0..20_000)
        .map(|_| TargetGroupInput {
            age: match rng.next(4) {
                0 => Age::Unknown,
                1 => Age::Years(rng.next(140) as i32 - 5),
                _ => Age::BirthDate(as_of - Duration::days(rng.next(365 * 40) as i64 - 30)),
            },
            psychiatric_disability: rng.answer(),
            difficulties: rng.criterion(),
            needs: rng.criterion(),
            long_term_contacts: rng.criterion(),
        })
        .collect();
    let mut seen = std::collections::BTreeSet::new();
    for readings in [
        Readings::statute(),
        Readings::stockholm_2021(),
        Readings {
            min_life_areas: 3,
            needs: NeedsReading::AtLeast { min: 2 },
            contacts: ContactsReading::Statute,
        },
    ] {
        let batch = assess_batch(&cases, as_of, readings).unwrap();
        assert_eq!(batch.results.len(), cases.len());
        for (case, got) in cases.iter().zip(&batch.results) {
            match (assess(case, as_of, readings), got) {
                (Ok(a), Ok(b)) => {
                    assert_eq!(a.outcome, b.outcome, "{case:?}");
                    let statuses: Vec<_> = a.findings.iter().map(|f| f.status).collect();
                    assert_eq!(statuses, b.statuses, "{case:?}");
                    let names: Vec<_> =
                        a.findings.iter().map(|f| f.criterion.to_string()).collect();
                    assert_eq!(names, CRITERIA, "{case:?}");
                    assert_eq!(a.questions, b.questions(), "{case:?}");
                    seen.insert(a.outcome.code());
                }
                (Err(a), Err(b)) => {
                    assert_eq!(&a, b, "{case:?}");
                    seen.insert("error");
                }
                (a, b) => panic!("{case:?}: assess {a:?}, batch {b:?}"),
            }
        }
        assert_eq!(
            batch.rule_set,
            assess(&cases[0], as_of, readings).map_or(batch.rule_set, |a| a.rule_set)
        );
    }
    // The generator reaches every outcome and errors.
    assert_eq!(seen.len(), 4, "{seen:?}");
}

/// The statute's "och" and Stockholm's "eller" on the same cases (seed 002): a case with
/// contacts with social services and other authorities only is admitted by the second alone.
#[test]
fn the_two_readings_of_the_contacts_admit_different_cases() {
    let case = |contacts: Vec<ContactArea>| TargetGroupInput {
        age: Age::Years(40),
        psychiatric_disability: Answer::Yes,
        difficulties: Criterion::details(vec![LifeArea::Housing, LifeArea::Economy]),
        needs: Criterion::answer(Answer::Yes),
        long_term_contacts: Criterion::details(contacts),
    };
    let cases = vec![
        case(ContactArea::ALL.to_vec()),
        case(vec![
            ContactArea::SocialServices,
            ContactArea::OtherAuthorities,
        ]),
        case(vec![ContactArea::SocialServices]),
    ];
    let as_of = date!(2024 - 01 - 01);
    let statute = assess_batch(&cases, as_of, Readings::statute()).unwrap();
    let stockholm = assess_batch(&cases, as_of, Readings::stockholm_2021()).unwrap();
    assert_eq!(statute.count(Outcome::Eligible), 1);
    assert_eq!(stockholm.count(Outcome::Eligible), 2);
    let not_met: Vec<_> = statute.results[1].as_ref().unwrap().not_met().collect();
    assert_eq!(not_met, ["long_term_contacts"]);
    assert_eq!(statute.library_version, po_core::VERSION);
    // A wrong row is reported with its position; the others are still assessed.
    let mut wrong = cases.clone();
    wrong[1].needs = Criterion {
        answer: Some(Answer::No),
        details: Some(NeedArea::ALL.to_vec()),
    };
    let batch = assess_batch(&wrong, as_of, Readings::statute()).unwrap();
    let errors: Vec<_> = batch.errors().map(|(i, e)| (i, e.to_string())).collect();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].0, 1);
    assert!(
        errors[0].1.starts_with("needs: the answer no contradicts"),
        "{errors:?}"
    );
    assert_eq!(batch.count(Outcome::Eligible), 1);
}

#[test]
fn a_cases_table_reads_answers_details_and_swedish_headers() {
    use po_core::input::Mode;
    use po_core::io::read::read_cases_csv;
    let csv = "ålder;födelsedatum;psykisk funktionsnedsättning;svårigheter;behov;kontakter\n\
               40;;ja;Boende|economy;ja;ja\n\
               ;2010-01-01;ja;nej;;\n\
               200;;kanske;housing;;\n\
               ;;vet ej;housing|occupation;care;social_services\n";
    let read = read_cases_csv(csv.as_bytes(), "cases.csv", Mode::Lenient).unwrap();
    let rows: Vec<u64> = read.rows.iter().map(|(r, _)| *r).collect();
    assert_eq!(rows, vec![2, 3, 5]);
    let located: Vec<(u64, &str)> = read
        .problems
        .iter()
        .map(|p| (p.row, p.column.as_str()))
        .collect();
    // Columns named as the file's header wrote them (issue 32 point 2).
    assert_eq!(
        located,
        vec![(4, "ålder"), (4, "psykisk funktionsnedsättning")]
    );
    let first = &read.rows[0].1;
    assert_eq!(first.age, Age::Years(40));
    assert_eq!(
        first.difficulties.details,
        Some(vec![LifeArea::Housing, LifeArea::Economy])
    );
    assert_eq!(read.rows[1].1.difficulties.answer, Some(Answer::No));
    let inputs: Vec<TargetGroupInput> = read.rows.iter().map(|(_, c)| c.clone()).collect();
    let on = date!(2024 - 03 - 01);
    let batch = assess_batch(&inputs, on, Readings::statute()).unwrap();
    for (input, result) in inputs.iter().zip(&batch.results) {
        let one = assess(input, on, Readings::statute()).unwrap();
        assert_eq!(result.as_ref().unwrap().outcome, one.outcome);
    }
    let outcomes: Vec<Outcome> = batch
        .results
        .iter()
        .map(|r| r.as_ref().unwrap().outcome)
        .collect();
    assert_eq!(
        outcomes,
        // The last: one need of four is not the statute's "och" (all of them).
        vec![
            Outcome::Eligible,
            Outcome::NotEligible,
            Outcome::NotEligible
        ]
    );
    assert!(read_cases_csv(csv.as_bytes(), "cases.csv", Mode::Strict).is_err());
}
