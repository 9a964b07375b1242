//! `varmland-costs`: the Värmland agreement for 2023 (seed 003) with its 15 participants:
//! budget, each municipality's fee and administration fee with an explanation a finance officer
//! can check by hand, and the scenario "Eda leaves" side by side.
//!
//! Adults (18+) per municipality are not bundled. Give an SCB-style table (population by
//! municipality and single year of age, see `po_core::io::read::adults_from_scb_csv`):
//!
//! ```sh
//! cargo run -p po-examples --bin varmland-costs -- path/to/scb-population.csv
//! ```
//!
//! Without it, the example stands in TOTAL population on 2023-12-31 (bundled reference data)
//! and says so in its output.

use po_core::io::read::adults_from_scb_csv;
use po_core::money::{
    allocate, compare, Agreement, AgreementParticipant, CostLine, IncomeKind, IncomeLine, Rounding,
};
use po_core::organisation::{Municipality, MunicipalityCode};
use po_core::reference::varmland;
use rust_decimal::Decimal;
use time::macros::date;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let adults = match std::env::args().nth(1) {
        Some(path) => {
            println!("Adults (18+) read from {path}.");
            Some(adults_from_scb_csv(&std::fs::read_to_string(&path)?)?)
        }
        None => {
            println!(
                "NOTE: no population table given, so TOTAL population on 2023-12-31 stands in for \
                 adults (18+). The fees below are illustrative, not Värmland's invoices."
            );
            None
        }
    };
    let mut participants = Vec::new();
    for m in varmland::MUNICIPALITIES
        .iter()
        .filter(|m| m.area_2023.is_some())
    {
        let code = MunicipalityCode::parse(m.code)?;
        let count = match &adults {
            Some(table) => table.get(&code).map(|e| e.1).ok_or_else(|| {
                format!("the population table has no row for {} {}", m.code, m.name)
            })?,
            None => u64::from(m.total_population_2023_12_31),
        };
        participants.push(AgreementParticipant {
            municipality: Municipality {
                code,
                name: m.name.to_owned(),
            },
            adults: count,
            reference_date: date!(2022 - 12 - 31),
        });
    }
    // Budgeted costs of seed 003 (outcome + deviation per line), total 7 481 482 kr.
    let costs = [
        ("Administrativa tjänster", 212_951),
        ("Klientarbete", 21_000),
        ("Lönekostnader", 5_881_731),
        ("Lokalkostnader", 446_800),
        ("IT-kostnader", 264_000),
        ("Kontorsmaterial", 3_000),
        ("Arbetsmiljö och inventarier", 30_000),
        ("Bilkostnader", 342_000),
        ("Telefoni", 60_000),
        ("Resekostnader", 16_000),
        ("Personalfrämjande åtgärder", 55_000),
        ("Kurser och konferenser", 25_000),
        ("Handledning", 80_000),
        ("Annonser, reklam och tidningar", 29_000),
        ("Övriga kostnader", 15_000),
    ];
    let agreement = Agreement {
        year: 2023,
        host: MunicipalityCode::parse(varmland::HOST)?,
        participants,
        costs: costs
            .iter()
            .map(|&(label, amount)| CostLine {
                label: label.to_owned(),
                amount: Decimal::from(amount),
            })
            .collect(),
        fixed_income: vec![
            IncomeLine {
                kind: IncomeKind::StateGrant,
                label: "Länsstyrelsen".into(),
                amount: Decimal::from(4_026_380),
            },
            IncomeLine {
                kind: IncomeKind::Region,
                label: "Region Värmland".into(),
                amount: Decimal::from(200_000),
            },
        ],
        administration_fee: Decimal::from(212_951),
        surplus_used: Decimal::ZERO,
        rounding: Rounding::Krona,
    };
    let alloc = allocate(&agreement)?;
    println!("\n# PO Värmland 2023: cost sharing by adult population\n");
    println!("Budgeted costs {} kr − state grant {} − region {} − administration fee {} = {} kr for the municipalities", alloc.costs_total, alloc.state_grant, alloc.region, alloc.administration_fee, alloc.municipal_net);
    println!("(the annual report shows 3 042 150 kr: one krona less, see tests/money.rs)\n");
    println!(
        "{:<14} {:>8} {:>9} {:>11} {:>10} {:>11}",
        "Kommun", "Vuxna", "Andel %", "Avgift", "Adm.avg.", "Totalt"
    );
    for p in &alloc.participants {
        println!(
            "{:<14} {:>8} {:>9} {:>11} {:>10} {:>11}",
            p.name, p.adults, p.key_percent, p.fee, p.administration_fee, p.total
        );
    }
    let total: Decimal = alloc.participants.iter().map(|p| p.total).sum();
    println!(
        "{:<14} {:>8} {:>9} {:>11} {:>10} {:>11}",
        "Summa",
        alloc.participants[0].adults_total,
        "100",
        alloc.municipal_net,
        alloc.administration_fee,
        total
    );
    println!("\nChecks:");
    for c in &alloc.checks {
        println!(
            "  [{}] {}: {} = {}",
            if c.holds { "ok" } else { "FAILS" },
            c.name,
            c.expected,
            c.actual
        );
    }
    println!(
        "\nExplanation for Karlstad:\n  {}",
        alloc
            .participants
            .iter()
            .position(|p| p.name == "Karlstad")
            .and_then(|k| alloc.explanation_sv(k))
            .unwrap_or_default()
    );

    let eda = MunicipalityCode::parse("1730")?;
    let without = allocate(&agreement.without(eda))?;
    println!("\n# Scenario: Eda leaves, same net cost\n");
    println!(
        "{:<14} {:>11} {:>11} {:>10} {:>8}",
        "Kommun", "Före", "Efter", "Skillnad", "%"
    );
    for r in compare(&alloc, &without) {
        let show = |d: Option<Decimal>| d.map_or("–".to_owned(), |d| d.to_string());
        println!(
            "{:<14} {:>11} {:>11} {:>10} {:>8}",
            r.name,
            show(r.base_total),
            show(r.alternative_total),
            r.difference,
            show(r.difference_percent)
        );
    }
    Ok(())
}
