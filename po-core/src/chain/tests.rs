use super::*;

/// Seed 001 table 1 (2019): county, municipalities, offering PO, change against 2018, services.
const TABLE_1: [(County, u64, u64, i64, u64); 21] = [
    (County::Blekinge, 5, 5, 0, 1),
    (County::Dalarna, 15, 15, 0, 2),
    (County::Gotland, 1, 0, 0, 0),
    (County::Gavleborg, 10, 10, 0, 5),
    (County::Halland, 6, 5, 0, 5),
    (County::Jamtland, 8, 6, 2, 1),
    (County::Jonkoping, 13, 13, 0, 1),
    (County::Kalmar, 12, 11, 0, 4),
    (County::Kronoberg, 8, 8, 0, 1),
    (County::Norrbotten, 14, 13, 0, 8),
    (County::Skane, 33, 28, 1, 13),
    (County::Stockholm, 26, 25, 0, 21),
    (County::Sodermanland, 9, 8, 0, 5),
    (County::Uppsala, 8, 7, 0, 5),
    (County::Varmland, 16, 16, 0, 1),
    (County::Vasterbotten, 15, 15, 0, 3),
    (County::Vasternorrland, 7, 7, 0, 5),
    (County::Vastmanland, 10, 9, 0, 1),
    (County::VastraGotaland, 49, 41, 0, 17),
    (County::Orebro, 12, 12, 4, 4),
    (County::Ostergotland, 13, 6, 0, 3),
];

/// Submissions that give a county's row: its first `offering` municipalities by kommunkod,
/// shared round-robin between `services` services.
fn submissions(year: i32, change_applied: bool) -> Vec<ServiceSubmission> {
    let mut out = Vec::new();
    for (county, _, offering, change, services) in TABLE_1 {
        let offering = if change_applied {
            offering
        } else {
            (offering as i64 - change) as u64
        };
        let codes: Vec<MunicipalityCode> = sweden::municipalities()
            .iter()
            .filter(|m| m.county == county)
            .take(offering as usize)
            .map(|m| m.code)
            .collect();
        for s in 0..services.min(offering) {
            out.push(ServiceSubmission {
                service: format!("PO {} {s}", county.label_sv()),
                year,
                municipalities: codes
                    .iter()
                    .skip(s as usize)
                    .step_by(services as usize)
                    .copied()
                    .collect(),
            });
        }
    }
    out
}

#[test]
fn seed_001_table_1_compiles_to_290_260_plus_7_106() {
    let previous = submissions(2018, false);
    let t = municipalities_offering(2019, &submissions(2019, true), Some(&previous));
    assert!(t.findings.is_empty(), "{:?}", t.findings);
    for (county, municipalities, offering, change, services) in TABLE_1 {
        let row = t
            .counties
            .iter()
            .find(|r| r.county == Some(county))
            .unwrap();
        assert_eq!(
            (row.municipalities, row.offering, row.change, row.services),
            (municipalities, offering, Some(change), services),
            "{county:?}"
        );
    }
    assert_eq!(
        (
            t.total.municipalities,
            t.total.offering,
            t.total.change,
            t.total.services
        ),
        (290, 260, Some(7), 106)
    );
    assert_eq!(t.counties.len(), 21);
    // The text says "ökat med sju kommuner": consistent. A text saying six would be a finding.
    assert_eq!(check_stated_change(&t, 7), None);
    assert_eq!(
        check_stated_change(&t, 6).unwrap().reason,
        "the text states a change of +6 municipalities; the table's changes sum to +7"
    );
}

#[test]
fn findings_of_the_compilation() {
    let code = |c: &str| MunicipalityCode::parse(c).unwrap();
    let subs = vec![
        ServiceSubmission {
            service: "PO Värmland".into(),
            year: 2019,
            municipalities: vec![code("1780"), code("1784")],
        },
        ServiceSubmission {
            service: "PO Arvika".into(),
            year: 2018,
            municipalities: vec![code("1784"), code("1799")],
        },
        // A service across two counties: once in each, once in the nation.
        ServiceSubmission {
            service: "PO Gränsen".into(),
            year: 2019,
            municipalities: vec![code("1880"), code("1980")],
        },
    ];
    let t = municipalities_offering(2019, &subs, None);
    let reasons: Vec<String> = t
        .findings
        .iter()
        .map(|f| format!("{}: {}", f.about, f.reason))
        .collect();
    assert_eq!(
        reasons,
        [
            "PO Arvika: reports the year 2018, not 2019",
            "1784: claimed by two services: PO Värmland and PO Arvika",
            "PO Arvika: 1799 is not one of Sweden's 290 municipalities",
            "total: 4 services counted in the counties, 3 nationally: a service with municipalities in more than one county counts once in each county and once in the nation",
        ]
    );
    let varmland = t
        .counties
        .iter()
        .find(|r| r.county == Some(County::Varmland))
        .unwrap();
    assert_eq!(
        (varmland.offering, varmland.services, varmland.change),
        (2, 2, None)
    );
    assert_eq!((t.total.offering, t.total.services), (4, 3));
}
