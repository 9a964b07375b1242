//! Priority policies, presets and queue ranking.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use po_core::priority::*;
use proptest::prelude::*;
use rust_decimal::Decimal;
use time::macros::date;
use time::{Date, Duration};

const ON: Date = date!(2023 - 10 - 01);

fn applicant(id: &str, birth: Date, queued_days_ago: i64) -> Applicant {
    Applicant {
        id: id.to_owned(),
        birth_date: birth,
        area: Some("Centrala".to_owned()),
        queued_on: ON - Duration::days(queued_days_ago),
        left_queue_on: None,
        children_at_home: false,
        children_at_risk_of_harm: false,
        homeless_or_at_risk: false,
        lacking_contacts: false,
    }
}

/// A queue where each group of every preset decides somebody's place.
fn queue() -> Vec<Applicant> {
    let adult = date!(1980 - 01 - 01);
    let mut children_risk = applicant("children-risk", adult, 10);
    children_risk.children_at_home = true;
    children_risk.children_at_risk_of_harm = true;
    let mut children = applicant("children", adult, 20);
    children.children_at_home = true;
    let young_29 = applicant("young-29", date!(1994 - 03 - 01), 5); // 29 on ON
    let young_30 = applicant("young-30", date!(1993 - 03 - 01), 6); // 30 on ON
    let mut homeless = applicant("homeless", adult, 30);
    homeless.homeless_or_at_risk = true;
    let mut alone = applicant("lacking", adult, 40);
    alone.lacking_contacts = true;
    let plain_long = applicant("plain-long", adult, 100);
    let plain_short = applicant("plain-short", adult, 1);
    // Same wait as plain-short: the id decides.
    let plain_tie = applicant("plain-a-tie", adult, 1);
    vec![
        plain_short,
        homeless,
        young_30,
        children,
        plain_tie,
        alone,
        children_risk,
        young_29,
        plain_long,
    ]
}

fn ids(ranked: &[RankedApplicant]) -> Vec<&str> {
    ranked.iter().map(|r| r.id.as_str()).collect()
}

#[test]
fn national_2019() {
    let ranking = rank(&queue(), &PriorityPolicy::national_2019(), ON).unwrap();
    // Stamped: the version, the policy with its source, the date.
    assert_eq!(ranking.stamp.as_of, ON);
    assert!(
        ranking.stamp.rules.contains("seed 001"),
        "{}",
        ranking.stamp.rules
    );
    assert_eq!(ranking.stamp.library_version, po_core::VERSION);
    let r = ranking.applicants;
    assert_eq!(
        ids(&r),
        [
            "children-risk", // children at risk of harm (children without risk are not a group)
            "young-29",      // young adults 18–29
            "homeless",
            "lacking",
            "plain-long",
            "children",
            "young-30",
            "plain-a-tie",
            "plain-short"
        ]
    );
    assert_eq!(r[0].deciding_group.as_deref(), Some("children_at_home"));
    assert_eq!(r[1].deciding_group.as_deref(), Some("young_adults"));
    assert_eq!(r[3].deciding_group.as_deref(), Some("lacking_contacts"));
    assert_eq!(r[4].deciding_group, None);
    assert_eq!(r[4].days_waited, 100);
    assert_eq!(r[0].position, 1);
    assert_eq!(
        r[0].reason_sv,
        "Plats 1: tillhör den prioriterade gruppen hushåll med hemmavarande barn som riskerar att \
         fara illa (grupp 1 av 4 i Nationell sammanställning 2019); har väntat 10 dagar, och inom \
         gruppen går längst väntetid först."
    );
    assert!(r[8]
        .reason_en
        .starts_with("Place 9: belongs to no priority group"));
}

#[test]
fn varmland_2023_young_adults_to_30() {
    let r = rank(&queue(), &PriorityPolicy::varmland_2023(), ON)
        .unwrap()
        .applicants;
    assert_eq!(
        ids(&r),
        [
            "children",      // families with children: longest wait first (20 days)
            "children-risk", // 10 days
            "young-30",      // 18–30: 6 days before 5
            "young-29",
            "homeless",
            "plain-long",
            "lacking", // not a Värmland group
            "plain-a-tie",
            "plain-short"
        ]
    );
}

#[test]
fn stockholm_2021() {
    let r = rank(&queue(), &PriorityPolicy::stockholm_2021(), ON)
        .unwrap()
        .applicants;
    assert_eq!(ids(&r)[..3], ["children", "children-risk", "homeless"]);
    assert_eq!(r[2].deciding_group.as_deref(), Some("homelessness"));
    assert_eq!(r[3].id, "plain-long");
}

#[test]
fn several_groups_are_all_reported() {
    let mut a = applicant("both", date!(2000 - 01 - 01), 3);
    a.homeless_or_at_risk = true;
    let r = rank(&[a], &PriorityPolicy::national_2019(), ON)
        .unwrap()
        .applicants;
    assert_eq!(r[0].matched_groups, ["young_adults", "homelessness"]);
    assert_eq!(r[0].deciding_group.as_deref(), Some("young_adults"));
    assert!(r[0].reason_sv.ends_with(
        "Tillhör även: bostadslösa eller som riskerar att bli vräkta eller bostadslösa."
    ));
}

#[test]
fn policies_are_data() {
    for (name, p) in PriorityPolicy::presets() {
        let json = serde_json::to_string(&p).unwrap();
        let back: PriorityPolicy = serde_json::from_str(&json).unwrap();
        assert_eq!(back, p, "{name}");
        assert!(!p.source().is_empty());
    }
    let json = r#"{"name": "Egen", "groups": [
        {"group": "homelessness"},
        {"group": "young_adults", "min_age": 18, "max_age": 25}]}"#;
    let p: PriorityPolicy = serde_json::from_str(json).unwrap();
    assert_eq!(
        p.groups()[1],
        PriorityGroup::YoungAdults {
            min_age: 18,
            max_age: 25
        }
    );
    assert_eq!(p.tie_break(), TieBreak::LongestWaitThenId);

    let repeated =
        r#"{"name": "x", "groups": [{"group": "homelessness"}, {"group": "homelessness"}]}"#;
    let err = serde_json::from_str::<PriorityPolicy>(repeated)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("groups[1]: the group homelessness is already listed at groups[0]"),
        "{err}"
    );
    let inverted =
        r#"{"name": "x", "groups": [{"group": "young_adults", "min_age": 30, "max_age": 18}]}"#;
    let err = serde_json::from_str::<PriorityPolicy>(inverted)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("groups[0].young_adults: expected 18 ≤ min_age ≤ max_age, got 30–18"),
        "{err}"
    );
    let unknown = r#"{"name": "x", "groups": [{"group": "pensioners"}]}"#;
    let err = serde_json::from_str::<PriorityPolicy>(unknown)
        .unwrap_err()
        .to_string();
    assert!(err.contains("unknown variant `pensioners`"), "{err}");
    assert!(matches!(
        PriorityPolicy::new(
            "x",
            "",
            vec![PriorityGroup::YoungAdults {
                min_age: 16,
                max_age: 25
            }],
            TieBreak::default()
        ),
        Err(PriorityError::InvalidAgeRange {
            index: 0,
            min_age: 16,
            max_age: 25
        })
    ));
}

#[test]
fn queue_errors_name_the_applicant() {
    let policy = PriorityPolicy::national_2019();
    let a = applicant("a", date!(1980 - 01 - 01), 1);
    let dup = vec![
        a.clone(),
        applicant("b", date!(1980 - 01 - 01), 1),
        a.clone(),
    ];
    assert_eq!(
        rank(&dup, &policy, ON).unwrap_err().to_string(),
        "applicants[2].id: the same id as applicants[0]"
    );
    // 18 on 2023-10-02, so 17 on ON.
    let minor = applicant("minor", date!(2005 - 10 - 02), 1);
    assert_eq!(
        rank(&[minor], &policy, ON).unwrap_err().to_string(),
        "applicants[0].birth_date: the applicant is under 18 on 2023-10-01"
    );
    let future = applicant("f", date!(1980 - 01 - 01), -1);
    assert!(matches!(
        rank(&[future], &policy, ON),
        Err(PriorityError::QueuedInFuture { index: 0, .. })
    ));
    // Who left the queue by the date is not ranked, and is named (issue 33: rank() refused
    // the whole queue while the command listed them).
    let mut gone = applicant("g", date!(1980 - 01 - 01), 10);
    gone.left_queue_on = Some(ON);
    let staying = applicant("s", date!(1980 - 01 - 01), 20);
    let r = rank(&[gone, staying], &policy, ON).unwrap();
    assert_eq!(r.not_ranked, ["g"]);
    assert_eq!(r.applicants.len(), 1);
    assert_eq!(
        (r.applicants[0].id.as_str(), r.applicants[0].position),
        ("s", 1)
    );
    assert!(rank(&[], &policy, ON).unwrap().applicants.is_empty());
}

#[test]
fn statistics_snapshot_and_period() {
    let mut q = queue();
    // Snapshot: nine waiting, 1, 1, 5, 6, 10, 20, 30, 40, 100 days.
    let s = queue_statistics(&q, ON, ON).unwrap();
    assert_eq!(s.overall.count, 9);
    assert_eq!(s.overall.median_days, Some(Decimal::from(10)));
    assert_eq!(s.overall.max_days, Some(100));
    q[0].area = Some("Norra".into());
    q[1].area = Some("Norra".into()); // plain-short (1 day), homeless (30 days)
    let s = queue_statistics(&q, ON, ON).unwrap();
    assert_eq!(s.per_area["Norra"].count, 2);
    assert_eq!(s.per_area["Norra"].median_days, Some(Decimal::new(155, 1))); // 15.5
    assert_eq!(s.per_area["Centrala"].count, 7);
    // Period: completed waits of those who left within it.
    q[1].left_queue_on = Some(ON + Duration::days(5)); // waited 35 days
    q[2].left_queue_on = Some(ON + Duration::days(40)); // outside the period
    let p = queue_statistics(&q, ON, ON + Duration::days(30)).unwrap();
    assert_eq!(p.overall.count, 1);
    assert_eq!(p.overall.max_days, Some(35));
    assert!(queue_statistics(&q, ON, ON - Duration::days(1)).is_err());
    assert_eq!(
        queue_statistics(&[], ON, ON).unwrap().overall.median_days,
        None
    );
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    /// Shuffling the input never changes the ranking.
    #[test]
    fn ranking_ignores_input_order(seed in any::<u64>(), extra in 0usize..40) {
        let mut q = queue();
        for i in 0..extra {
            let mut a = applicant(&format!("x{i:02}"), date!(1970 - 01 - 01) + Duration::days((seed % 8000) as i64 + i as i64 * 97), (i as i64 * 7 + (seed % 13) as i64) % 60);
            a.homeless_or_at_risk = (seed >> i) & 1 == 1;
            a.children_at_home = (seed >> (i + 1)) & 3 == 0;
            q.push(a);
        }
        let policy = PriorityPolicy::national_2019();
        let expected = rank(&q, &policy, ON).unwrap();
        // A deterministic shuffle driven by the seed.
        let mut shuffled = q.clone();
        let mut s = seed | 1;
        for i in (1..shuffled.len()).rev() {
            s ^= s << 13; s ^= s >> 7; s ^= s << 17;
            shuffled.swap(i, (s % (i as u64 + 1)) as usize);
        }
        prop_assert_eq!(rank(&shuffled, &policy, ON).unwrap(), expected.clone());
        // `order` places everybody exactly as `rank` does, without the explanations.
        let placed = order(&q, &policy, ON).unwrap();
        prop_assert_eq!(placed.len(), expected.applicants.len());
        for (p, r) in placed.iter().zip(&expected.applicants) {
            prop_assert_eq!(p.position, r.position);
            prop_assert_eq!(&q[p.index].id, &r.id);
            prop_assert_eq!(p.days_waited, r.days_waited);
            prop_assert_eq!(p.deciding_group.map(|g| policy.groups()[g].code()), r.deciding_group.as_deref());
            prop_assert_eq!(p.matched_groups(&policy).collect::<Vec<_>>(), r.matched_groups.clone());
        }
    }
}

#[test]
fn ties_are_broken_by_the_whole_id() {
    // Ids longer than the 8 bytes kept in the sort key: the rest of the id decides.
    let q: Vec<Applicant> = [
        "same-prefix-2",
        "same-prefix-10",
        "same-prefix-1",
        "sa",
        "same-prefiw",
    ]
    .iter()
    .map(|id| applicant(id, date!(1980 - 01 - 01), 7))
    .collect();
    let ranked = rank(&q, &PriorityPolicy::stockholm_2021(), ON)
        .unwrap()
        .applicants;
    assert_eq!(
        ids(&ranked),
        vec![
            "sa",
            "same-prefiw",
            "same-prefix-1",
            "same-prefix-10",
            "same-prefix-2"
        ]
    );
}

#[test]
fn the_earliest_repetition_is_reported() {
    let adult = date!(1980 - 01 - 01);
    let ids = ["a", "b", "c", "b", "x", "a", "b"];
    let q: Vec<Applicant> = ids.iter().map(|id| applicant(id, adult, 3)).collect();
    let err = rank(&q, &PriorityPolicy::national_2019(), ON).unwrap_err();
    assert_eq!(err, PriorityError::DuplicateId { index: 3, first: 1 });
    // A problem before the repetition is reported first.
    let mut q = q;
    q[2].birth_date = date!(2015 - 01 - 01);
    let err = order(&q, &PriorityPolicy::national_2019(), ON).unwrap_err();
    assert_eq!(err, PriorityError::UnderAge { index: 2, on: ON });
}
