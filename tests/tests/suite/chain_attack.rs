//! Issue 31 along the reporting chain: an attacker who holds every service's own published
//! report, every county's compilation and the nation's, and subtracts — a county minus its
//! other services, the nation minus the other counties, a county of one service against that
//! service's report.
//!
//! The attacker is `attacker/mod.rs` (`Attack::of_chain`), written apart from po-core's
//! protection: each compiled number is the sum of the same number in the services' reports it
//! compiles. The services submit exact counts with their own published report
//! (`Submission::exact`, as `po report --municipalities` writes it; now and then a service
//! publishes nothing of its own); po compiles and protects
//! every county and the nation with them. Without that (each compiled table protected alone
//! from the exact sums) the attack finds people, which shows it is real.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::attacker::{random_register, Attack};
use po_core::chain::{compile, compile_family, compile_tables, Submission};
use po_core::codes::CodeList;
use po_core::disclosure::Protection;
use po_core::organisation::{County, MunicipalityCode};
use po_core::publications::{audit_documents, Document};
use po_core::report::{annual_report, AnnualReport, Register, ReportOptions, ReportTable};
use po_examples::synthetic::Rng;
use serde_json::{json, Value};

/// Counties of the random nations (Dalarna always holds one service) and a municipality of each.
const COUNTIES: [(County, &str); 3] = [
    (County::Varmland, "1780"),
    (County::Orebro, "1880"),
    (County::Dalarna, "2080"),
];

struct Service {
    name: String,
    municipalities: Vec<MunicipalityCode>,
    register: Register,
    /// Whether it published its own report (else it sent länsstyrelsen its counts only).
    publishes: bool,
}

fn report(s: &Service, protection: Protection) -> AnnualReport {
    let options = ReportOptions {
        year: 2023,
        service_name: s.name.clone(),
        protection,
        ..ReportOptions::default()
    };
    annual_report(&s.register, &options).unwrap()
}

fn code(c: &str) -> MunicipalityCode {
    c.parse().unwrap()
}

/// 3–6 services: one in Dalarna, the others in Värmland and Örebro, one of them (sometimes)
/// joint across the two.
fn random_nation(seed: u64) -> Vec<Service> {
    let mut rng = Rng(seed ^ 0xc4a1);
    let n = 3 + rng.below(4) as usize;
    (0..n)
        .map(|i| {
            let municipalities = match i {
                0 => vec![code(COUNTIES[2].1)],
                1 if rng.below(3) == 0 => vec![code("1781"), code("1881")],
                _ => vec![code(COUNTIES[rng.below(2) as usize].1)],
            };
            Service {
                name: format!("PO {}", i + 1),
                municipalities,
                register: random_register(seed * 100 + i as u64),
                publishes: i == 0 || rng.below(4) != 0,
            }
        })
        .collect()
}

fn published(s: &Service) -> AnnualReport {
    report(s, Protection::Threshold { k: 3 })
}

fn report_json(r: &AnnualReport) -> Value {
    serde_json::from_str(&po_core::io::write::to_json(r.publishable().unwrap())).unwrap()
}

/// The services each compilation sums: every county with a service, then the nation.
fn members(nation: &[Service]) -> Vec<(Option<County>, Vec<usize>)> {
    let mut out: Vec<(Option<County>, Vec<usize>)> = COUNTIES
        .iter()
        .map(|&(c, _)| {
            let parts = (0..nation.len())
                .filter(|&i| {
                    nation[i]
                        .municipalities
                        .iter()
                        .any(|m| m.to_string().starts_with(c.code()))
                })
                .collect();
            (Some(c), parts)
        })
        .filter(|(_, parts): &(_, Vec<usize>)| !parts.is_empty())
        .collect();
    out.push((None, (0..nation.len()).collect()));
    out
}

/// Issue 31's chain: the services' published reports, the counties' and the nation's
/// compilations of their exact submissions, and the attacker over all of them.
fn attack_with_po(seed: u64) -> Vec<String> {
    let nation = random_nation(seed);
    let submissions: Vec<Submission> = nation
        .iter()
        .map(|s| {
            Submission::exact(
                s.municipalities[0],
                s.municipalities.clone(),
                None,
                report(s, Protection::Unprotected),
                s.publishes.then(|| published(s)),
            )
        })
        .collect();
    let services: Vec<Option<Value>> = nation
        .iter()
        .map(|s| s.publishes.then(|| report_json(&published(s))))
        .collect();
    let family = compile_family(&submissions, None, 2023, Protection::Threshold { k: 3 }).unwrap();
    let compilations: Vec<(Value, Vec<usize>)> = members(&nation)
        .into_iter()
        .zip(&family)
        .map(|((county, parts), c)| {
            assert_eq!((c.county, c.services.len()), (county, parts.len()));
            (serde_json::to_value(c).unwrap(), parts)
        })
        .collect();
    // A county compiled on its own is the family's: one choice of hidden cells. It is the
    // whole family's computation again, so on the first nation only (the others' took 41 of
    // this test's 114 s).
    if seed == 0 {
        let first = compile(
            &submissions,
            2023,
            family[0].county,
            Protection::Threshold { k: 3 },
        );
        assert_eq!(first.unwrap().tables, family[0].tables);
    }
    // `po audit` over the same documents finds nothing either.
    let mut documents = reports_as_documents(&nation);
    for (i, c) in family.iter().enumerate() {
        let text = serde_json::to_string(c).unwrap();
        documents.push(Document::from_json(&text, &format!("compilation {i}.json")).unwrap());
    }
    let audit = audit_documents(&documents, 3).unwrap();
    assert!(
        audit.is_safe(),
        "po audit, seed {seed}: {:#?}",
        audit.findings
    );
    assert!(audit.links.len() >= family.len() - 1, "{:?}", audit.links);
    Attack::of_chain(&services, &compilations).findings(3)
}

/// The services' own published reports as `po audit` reads them.
fn reports_as_documents(nation: &[Service]) -> Vec<Document> {
    nation
        .iter()
        .filter(|s| s.publishes)
        .map(|s| {
            let text = report_json(&published(s)).to_string();
            Document::from_json(&text, &format!("{}.json", s.name)).unwrap()
        })
        .collect()
}

fn seeds() -> std::ops::Range<u64> {
    if cfg!(debug_assertions) {
        0..1
    } else {
        0..4
    }
}

#[test]
fn services_counties_and_the_nation_give_nobody_away_together() {
    for seed in seeds() {
        let found = attack_with_po(seed);
        assert!(found.is_empty(), "seed {seed}: {found:#?}");
    }
}

#[test]
fn compiled_tables_protected_one_by_one_give_people_away() {
    let (mut pinned, mut audited) = (0, 0);
    for seed in 0..4 {
        let nation = random_nation(seed);
        let exact: Vec<AnnualReport> = nation
            .iter()
            .map(|s| report(s, Protection::Unprotected))
            .collect();
        let services: Vec<Option<Value>> = nation
            .iter()
            .map(|s| s.publishes.then(|| report_json(&published(s))))
            .collect();
        let compilations: Vec<(Value, Vec<usize>)> = members(&nation)
            .into_iter()
            .map(|(_, parts)| {
                let tables: Vec<Value> = ReportTable::compiled_tables()
                    .map(|t| {
                        let all: Vec<_> = parts.iter().map(|&i| exact[i].table_of(t)).collect();
                        serde_json::to_value(compile_tables(&all, 3).unwrap()).unwrap()
                    })
                    .collect();
                (json!({ "tables": tables }), parts)
            })
            .collect();
        pinned += Attack::of_chain(&services, &compilations).findings(3).len();
        // `po audit` over the same documents (each compilation as po writes it, its tables
        // replaced by those protected alone) finds people too.
        let submissions: Vec<Submission> = nation
            .iter()
            .zip(&exact)
            .map(|(s, r)| {
                Submission::exact(
                    s.municipalities[0],
                    s.municipalities.clone(),
                    None,
                    r.clone(),
                    None,
                )
            })
            .collect();
        let mut documents = reports_as_documents(&nation);
        for (n, ((county, _), (c, _))) in
            members(&nation).into_iter().zip(&compilations).enumerate()
        {
            let mut compiled =
                compile(&submissions, 2023, county, Protection::Unprotected).unwrap();
            compiled.tables = serde_json::from_value(c["tables"].clone()).unwrap();
            compiled.protection = Protection::Threshold { k: 3 };
            let text = serde_json::to_string(&compiled).unwrap();
            documents.push(Document::from_json(&text, &format!("compilation {n}.json")).unwrap());
        }
        audited += audit_documents(&documents, 3).unwrap().findings.len();
    }
    assert!(
        pinned > 0,
        "the attack found nothing: it would not notice a leak"
    );
    assert!(
        audited > 0,
        "po audit found nothing where the attacker finds people"
    );
}

#[test]
fn a_county_of_one_service_hides_what_the_service_hid() {
    let nation = random_nation(3);
    let s = &nation[0];
    let submission = Submission::exact(
        s.municipalities[0],
        s.municipalities.clone(),
        None,
        report(s, Protection::Unprotected),
        Some(published(s)),
    );
    let c = compile(
        std::slice::from_ref(&submission),
        2023,
        Some(County::Dalarna),
        Protection::Threshold { k: 3 },
    )
    .unwrap();
    let mine = published(s);
    for t in &c.tables {
        let own = mine.table(&t.name).unwrap();
        for (a, b) in t.cells().zip(own.cells()) {
            // Whatever the service hid, its county hides (the county is the service).
            if b.count().is_none() {
                assert_eq!(a.count(), None, "{}", t.name);
            }
        }
    }
}
