//! `po-demo`: the main job on bundled example data. Grows as the library grows; today it shows
//! Värmland's organisation (seed 003/004 via the bundled reference table), the leadership-group
//! check either side of SFS 2019:1094, code lists with a local label, and identity numbers with
//! keyed pseudonyms — all on made-up or public data.
//!
//! Run: `cargo run -p po-examples --bin po-demo`

use po_core::codes::{CodeList, ContactReason, IntakeOutcome, LocalVocabulary};
use po_core::identity::{IdentityNumber, PseudonymKey};
use po_core::organisation::{LeadershipGroup, LeadershipMember, LeadershipRole};
use po_core::reference::varmland;
use time::macros::date;

fn main() -> Result<(), po_core::Error> {
    println!("po {} — personligt ombud, SFS 2013:522\n", po_core::VERSION);

    println!("## PO Värmland: participants and areas (bundled reference data)");
    let service = varmland::service();
    for on in [date!(2020 - 06 - 30), date!(2023 - 06 - 30)] {
        let year = on.year();
        println!(
            "{year}: {} municipalities, host {}",
            service.participants_on(on).len(),
            service.host()
        );
        for (area, municipalities) in service.areas_on(on) {
            let names: Vec<_> = municipalities.iter().map(|m| m.name.as_str()).collect();
            println!("  {area:<9} {}", names.join(", "));
        }
    }

    println!("\n## Leadership group (5 §)");
    let check = varmland::leadership_group_2023().check(date!(2023 - 12 - 31))?;
    println!(
        "Värmland 2023: {:?} under {}",
        check.compliant,
        check.rule_set.citation()
    );
    let incomplete = LeadershipGroup {
        members: [
            LeadershipRole::Municipality,
            LeadershipRole::RegionPsychiatry,
        ]
        .into_iter()
        .map(|role| LeadershipMember {
            role,
            organisation: String::new(),
        })
        .collect(),
        organisations_offered_seat: None,
    };
    for as_of in [date!(2019 - 12 - 31), date!(2020 - 01 - 01)] {
        let c = incomplete.check(as_of)?;
        println!(
            "An incomplete group on {as_of} ({}): {:?}",
            c.rule_set.code(),
            c.compliant
        );
        for f in c
            .findings
            .iter()
            .filter(|f| f.status != po_core::rules::Status::Met)
        {
            println!("  - {}", f.reason_sv);
        }
    }

    println!("\n## Code lists");
    let local = LocalVocabulary::varmland();
    let label = "Stöd i kontakt med arbetsgivare och ansöka om pension";
    let reason = local.contact_reasons.parse(label)?;
    println!(
        "Värmland's \"{label}\" → {} ({})",
        reason.code(),
        reason.label_en()
    );
    for outcome in IntakeOutcome::ALL {
        println!(
            "  {:<17} {:<28} {}",
            outcome.code(),
            outcome.label_sv(),
            outcome.source()
        );
    }
    println!(
        "{} contact reasons, e.g. {}",
        ContactReason::ALL.len(),
        ContactReason::DailyStructure.label_sv()
    );

    println!("\n## Identity numbers (a made-up test number) and keyed pseudonyms");
    let number = IdentityNumber::parse("19121212-1212", date!(2026 - 01 - 01))?;
    println!("Debug never shows the number: {number:?}; Display: {number}");
    println!(
        "born {}, {}, aged {} on 2026-01-01",
        number.birth_date(),
        number.legal_gender().label_en(),
        number.age_on(date!(2026 - 01 - 01))
    );
    let key = PseudonymKey::new(b"demo key -- never use in production")?;
    println!("pseudonym under the demo key: {}", key.pseudonym(&number));
    if let Err(e) = IdentityNumber::parse("19121212-1213", date!(2026 - 01 - 01)) {
        println!("a wrong check digit: {e}");
    }

    annual_report_of_synthetic_register()?;
    leadership_group_document_for_the_fourth_quarter()
}

/// Issue 16: the leadership group's document for its meeting on 15 December 2023, from
/// SYNTHETIC deviations with dated histories, protected like every publication.
fn leadership_group_document_for_the_fourth_quarter() -> Result<(), po_core::Error> {
    use po_core::deviation::{period_view, Quarter};
    use po_core::disclosure::Protection;
    use po_core::io::write::meeting_document;
    use po_core::Language;

    let deviations = po_examples::synthetic::deviation_histories(2023, 120, 2023);
    let document = meeting_document(
        &deviations,
        date!(2023 - 09 - 26),
        date!(2023 - 12 - 15),
        Protection::default(),
        Language::Sv,
    )?;
    println!("\n{document}");
    if let Some((from, to)) = (Quarter {
        year: 2023,
        quarter: 4,
    })
    .dates()
    {
        let q4 = period_view(&deviations, from, to);
        println!(
            "Fjärde kvartalet (för verksamhetens eget bruk, oskyddat): {} nya, {} besvarade, {} öppna och {} försenade den {to}; återkopplingsgrad {} %.",
            q4.total.new,
            q4.total.answered,
            q4.total.open_at_end,
            q4.total.overdue_at_end,
            q4.feedback_rate.map_or("–".to_owned(), |r| r.to_string())
        );
    }
    Ok(())
}

/// The main job: the 10 § report of a SYNTHETIC Värmland-like register for 2023, printed in
/// Swedish and written to `build/demo/` as Markdown (sv, en), JSON and one CSV per table.
fn annual_report_of_synthetic_register() -> Result<(), po_core::Error> {
    use po_core::io::write::to_markdown;
    use po_core::priority::PriorityPolicy;
    use po_core::report::{annual_report, ReportOptions};
    use po_core::Language;

    let register = po_examples::bundled_register();
    let options = ReportOptions {
        year: 2023,
        service_name: "Personligt ombud Värmland (SYNTETISKA DATA / SYNTHETIC DATA)".into(),
        // Published: protected at k = 3 (the default), audited before it is written.
        protection: Default::default(),
        priority_policy: Some(PriorityPolicy::varmland_2023()),
        // Checked against 5 § as in force on 31 December of the year.
        leadership_group: Some(varmland::leadership_group_2023()),
        population: Default::default(),
        input_problems: Vec::new(),
    };
    let report = annual_report(&register, &options)?;
    // Every writer takes the audited report; nothing can be rendered before the audit.
    let publishable = report.publishable()?;
    let sv = to_markdown(publishable, Language::Sv);
    let en = to_markdown(publishable, Language::En);
    let json = po_core::io::write::to_json(publishable);
    let tables = po_core::io::write::tables_csv(publishable);
    println!("\n{sv}");
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../build/demo");
    let written = std::fs::create_dir_all(&dir).and_then(|_| {
        std::fs::write(dir.join("report-2023.sv.md"), &sv)?;
        std::fs::write(dir.join("report-2023.en.md"), &en)?;
        std::fs::write(dir.join("report-2023.json"), &json)?;
        for (name, csv) in &tables {
            std::fs::write(dir.join(format!("{name}.csv")), csv)?;
        }
        Ok(())
    });
    match written {
        Ok(()) => println!(
            "Written: {} (Markdown sv/en, JSON, one CSV per table)",
            dir.display()
        ),
        Err(e) => println!("Could not write the report files to {}: {e}", dir.display()),
    }
    Ok(())
}
