//! Property tests: every public document type survives a serde (JSON) round trip unchanged,
//! and identity numbers format and parse back to themselves.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use po_core::codes::{CodeList, ContactReason, LocalVocabulary};
use po_core::eligibility::{
    assess, Age, Answer, ContactArea, Criterion, LifeArea, NeedArea, Readings, TargetGroupInput,
};
use po_core::identity::{IdentityNumber, PseudonymKey};
use po_core::input::Mode;
use po_core::io::read::read_register_json;
use po_core::money::{
    allocate, client_share_vs_key, compare, grant_calendar, repayment, Accounts, Agreement,
    CostLine, NationalBudget, Rounding, Waiver,
};
use po_core::organisation::{LeadershipGroup, LeadershipMember, LeadershipRole, MunicipalityCode};
use po_core::priority::{
    queue_statistics, rank, Applicant, PriorityGroup, PriorityPolicy, TieBreak,
};
use po_core::reference::varmland;
use po_core::report::{annual_report, Register, ReportOptions};
use po_examples::synthetic::varmland_like;
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde::{de::DeserializeOwned, Serialize};
use std::collections::BTreeMap;
use std::fmt::Debug;
use time::{Date, Duration, Month};

fn round_trip<T: Serialize + DeserializeOwned + PartialEq + Debug>(value: &T) {
    let json = serde_json::to_string(value).unwrap();
    let back: T = serde_json::from_str(&json).unwrap();
    assert_eq!(&back, value, "{json}");
}

fn day(offset: u16) -> Date {
    Date::from_calendar_date(1940, Month::January, 1).unwrap() + Duration::days(i64::from(offset))
}

fn answer() -> impl Strategy<Value = Answer> {
    prop_oneof![Just(Answer::Yes), Just(Answer::No), Just(Answer::Unknown)]
}

fn criterion<T: Debug + Clone + 'static>(all: &'static [T]) -> impl Strategy<Value = Criterion<T>> {
    prop_oneof![
        Just(Criterion::default()),
        answer().prop_map(Criterion::answer),
        proptest::sample::subsequence(all.to_vec(), 0..=all.len()).prop_map(Criterion::details),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    /// A register, its JSON form and the report computed from it all round-trip; the report of
    /// the re-read register is the same report.
    #[test]
    fn registers_and_reports(seed in any::<u64>(), clients in 0usize..150, year in 2021i32..2025) {
        let register = varmland_like(year, clients, seed);
        round_trip(&register);
        let json = serde_json::to_string(&register).unwrap();
        let reread: Register = read_register_json(&json, "r.json").unwrap();
        let options = ReportOptions { year, ..ReportOptions::default() };
        let report = annual_report(&register, &options).unwrap();
        prop_assert_eq!(&annual_report(&reread, &options).unwrap(), &report);
        round_trip(&report);
        for table in report.tables() {
            round_trip(table);
        }
    }

    /// Eligibility inputs and assessments (their texts are borrowed when built, owned when
    /// read back: equal either way).
    #[test]
    fn eligibility(years in 0i32..=130, d in criterion(LifeArea::ALL), n in criterion(NeedArea::ALL),
                   c in criterion(ContactArea::ALL), p in answer(), stockholm in any::<bool>()) {
        let input = TargetGroupInput {
            age: Age::Years(years),
            psychiatric_disability: p,
            difficulties: d,
            needs: n,
            long_term_contacts: c,
        };
        round_trip(&input);
        let readings = if stockholm { Readings::stockholm_2021() } else { Readings::statute() };
        round_trip(&readings);
        let a = assess(&input, Date::from_calendar_date(2024, Month::March, 1).unwrap(), readings).unwrap();
        round_trip(&a);
    }

    /// Policies (any order of distinct groups), applicants, rankings and queue statistics.
    #[test]
    fn priority(order in Just(vec![0usize, 1, 2, 3]).prop_shuffle(), keep in 1usize..=4,
                min in 18u8..40, span in 0u8..20, n in 0usize..40, seed in any::<u64>()) {
        let groups: Vec<PriorityGroup> = order[..keep].iter().map(|&g| match g {
            0 => PriorityGroup::ChildrenAtHome { at_risk_of_harm: seed % 2 == 0 },
            1 => PriorityGroup::YoungAdults { min_age: min, max_age: min.saturating_add(span) },
            2 => PriorityGroup::Homelessness,
            _ => PriorityGroup::LackingContacts,
        }).collect();
        let policy = PriorityPolicy::new("p", "test", groups, TieBreak::LongestWaitThenId).unwrap();
        prop_assert_eq!(PriorityPolicy::from_json(&policy.to_json()).unwrap(), policy.clone());
        round_trip(&policy);
        let on = Date::from_calendar_date(2024, Month::June, 1).unwrap();
        let applicants: Vec<Applicant> = (0..n).map(|i| Applicant {
            id: format!("a{i}"),
            birth_date: day(((seed >> (i % 32)) % 20_000) as u16),
            area: (i % 3 != 0).then(|| ["Norra", "Södra"][i % 2].to_owned()),
            queued_on: on - Duration::days(((seed >> (i % 16)) % 300) as i64),
            left_queue_on: None,
            children_at_home: (seed >> (i % 64)) & 1 == 1,
            children_at_risk_of_harm: (seed >> ((i + 1) % 64)) & 1 == 1,
            homeless_or_at_risk: (seed >> ((i + 2) % 64)) & 1 == 1,
            lacking_contacts: (seed >> ((i + 3) % 64)) & 1 == 1,
        }).collect();
        for a in &applicants { round_trip(a); }
        if let Ok(ranked) = rank(&applicants, &policy, on) {
            round_trip(&ranked);
            for r in &ranked.applicants { round_trip(r); }
        }
        round_trip(&queue_statistics(&applicants, on, on).unwrap());
    }

    /// Valid identity numbers format (long, and short on any later date) and parse back to
    /// themselves; pseudonyms round-trip.
    #[test]
    fn identity_numbers(offset in 0u16..30_000, serial in 1u16..1000, samordning in any::<bool>(),
                        later in 0u16..40_000) {
        let birth = day(offset);
        let dd = birth.day() + if samordning { 60 } else { 0 };
        let digits = format!("{:02}{:02}{:02}{:03}", birth.year() % 100, u8::from(birth.month()), dd, serial);
        let luhn: u32 = digits.chars().enumerate().map(|(i, ch)| {
            let v = ch.to_digit(10).unwrap() * if i % 2 == 0 { 2 } else { 1 };
            v / 10 + v % 10
        }).sum();
        let check = (10 - luhn % 10) % 10;
        let long = format!("{}{}{check}", birth.year() / 100, digits);
        let n = IdentityNumber::parse(&long, birth).unwrap();
        prop_assert_eq!(n.birth_date(), birth);
        prop_assert_eq!(n.to_long(), long.clone());
        prop_assert_eq!(IdentityNumber::parse(&n.to_long(), birth).unwrap(), n);
        let when = birth + Duration::days(i64::from(later));
        prop_assert_eq!(IdentityNumber::parse(&n.to_short_on(when), when).unwrap(), n);
        let key = PseudonymKey::new(b"0123456789abcdef").unwrap();
        round_trip(&key.pseudonym(&n));
    }
}

/// The bundled Värmland 2023 agreement (seed 003's budget), the base of the money documents.
fn varmland_agreement() -> Agreement {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../examples/data/varmland-2023-agreement.json"
    );
    Agreement::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    /// Agreements (in their own JSON form too), allocations, scenarios, client shares,
    /// repayments and grant calendars round-trip, for any adults, grant, fee and rounding.
    #[test]
    fn money_documents(
        adults in proptest::collection::vec(1u64..2_000_000, 15),
        grant_ore in 0i64..300_000_000,
        fee_ore in 0i64..20_000_000,
        ore in any::<bool>(),
        leaving in 0usize..15,
        clients in proptest::collection::vec(0u64..200, 15),
    ) {
        let mut agreement = varmland_agreement()
            .with_state_grant(Decimal::new(grant_ore, 2));
        agreement.administration_fee = Decimal::new(fee_ore, 2);
        agreement.rounding = if ore { Rounding::Ore } else { Rounding::Krona };
        for (p, &n) in agreement.participants.iter_mut().zip(&adults) {
            p.adults = n;
        }
        round_trip(&agreement);
        prop_assert_eq!(&Agreement::from_json(&agreement.to_json()).unwrap(), &agreement);
        let base = allocate(&agreement).unwrap();
        round_trip(&base);
        let code = agreement.participants[leaving].municipality.code;
        if code != agreement.host {
            let alternative = allocate(&agreement.without(code)).unwrap();
            for row in compare(&base, &alternative) {
                round_trip(&row);
            }
        }
        let counts: BTreeMap<MunicipalityCode, u64> = base
            .participants
            .iter()
            .zip(&clients)
            .map(|(p, &n)| (p.code, n))
            .collect();
        for row in client_share_vs_key(&base, &counts).unwrap() {
            round_trip(&row);
        }
        let received = Decimal::new(grant_ore, 2);
        let used = Decimal::new(grant_ore / 2, 2);
        round_trip(&repayment(received, used, ore, Waiver::None, time::macros::date!(2024 - 06 - 30)).unwrap());
        round_trip(&grant_calendar(2000 + (grant_ore % 50) as i32).unwrap());
    }
}

#[test]
fn leadership_checks_and_vocabularies_round_trip() {
    let group = LeadershipGroup {
        members: vec![LeadershipMember {
            role: LeadershipRole::Municipality,
            organisation: "K".into(),
        }],
        organisations_offered_seat: Some(true),
    };
    round_trip(
        &group
            .check(Date::from_calendar_date(2024, Month::January, 1).unwrap())
            .unwrap(),
    );
    round_trip(&LocalVocabulary::varmland());
    round_trip(&ContactReason::Economy);
}

/// The remaining documents: the Värmland service and leadership group (seed 003), accounts,
/// a national budget (made-up figures in the shape of seed 001 table 5), waivers and import
/// modes.
#[test]
fn services_accounts_budgets_and_options_round_trip() {
    round_trip(&varmland::service());
    round_trip(&varmland::leadership_group_2023());
    let agreement = varmland_agreement();
    round_trip(&Accounts {
        income: agreement
            .fixed_income
            .iter()
            .map(|i| CostLine {
                label: i.label.clone(),
                amount: i.amount,
            })
            .collect(),
        costs: agreement.costs.clone(),
    });
    round_trip(&NationalBudget {
        year: 2019,
        total: Decimal::new(123_400_000, 0),
        socialstyrelsen_admin: Decimal::new(2_500_000, 0),
        county_boards_admin: Decimal::new(123_450_050, 2),
    });
    for waiver in [
        Waiver::None,
        Waiver::Full,
        Waiver::Partial(Decimal::new(199_950, 2)),
    ] {
        round_trip(&waiver);
    }
    for mode in [Mode::Strict, Mode::Lenient] {
        round_trip(&mode);
    }
}
