//! `intake-queue`: an intake worker's day. Assesses a handful of made-up applicants against the
//! target group (SFS 2013:522 2 §), records the intake outcomes, and ranks those accepted under
//! Värmland's 2023 priority order — printing every reason, as it could be read aloud.
//!
//! Run: `cargo run -p po-examples --bin intake-queue`

use po_core::codes::{CodeList, IntakeOutcome};
use po_core::eligibility::{
    assess, Age, Answer, ContactArea, Criterion, IntakeRecord, LifeArea, Outcome, Readings,
    TargetGroupInput,
};
use po_core::priority::{queue_statistics, rank, Applicant, PriorityPolicy};
use time::macros::date;
use time::Date;

struct Person {
    id: &'static str,
    birth: Date,
    area: &'static str,
    queued_on: Date,
    input: TargetGroupInput,
    children: bool,
    homeless: bool,
}

fn person(id: &'static str, birth: Date, area: &'static str, queued_on: Date) -> Person {
    Person {
        id,
        birth,
        area,
        queued_on,
        input: TargetGroupInput {
            age: Age::BirthDate(birth),
            psychiatric_disability: Answer::Yes,
            difficulties: Criterion::details(vec![LifeArea::Economy, LifeArea::Housing]),
            needs: Criterion::answer(Answer::Yes),
            long_term_contacts: Criterion::answer(Answer::Yes),
        },
        children: false,
        homeless: false,
    }
}

fn main() -> Result<(), po_core::Error> {
    let today = date!(2023 - 10 - 02);
    let mut people = vec![
        person(
            "A-101",
            date!(1985 - 04 - 12),
            "Centrala",
            date!(2023 - 08 - 14),
        ),
        person(
            "A-102",
            date!(1998 - 11 - 30),
            "Norra",
            date!(2023 - 09 - 20),
        ),
        person(
            "A-103",
            date!(1971 - 02 - 03),
            "Västra",
            date!(2023 - 07 - 03),
        ),
        person(
            "A-104",
            date!(1990 - 06 - 06),
            "Östra",
            date!(2023 - 09 - 01),
        ),
        person(
            "A-105",
            date!(2005 - 10 - 20),
            "Centrala",
            date!(2023 - 09 - 25),
        ),
        person(
            "A-106",
            date!(1962 - 09 - 09),
            "Centrala",
            date!(2023 - 06 - 01),
        ),
    ];
    people[0].children = true;
    people[3].homeless = true;
    // A-105 is 17; A-106's answers are not complete yet; A-103 has contacts only with social
    // services and Försäkringskassan (read by the statute and by Stockholm's wording).
    people[5].input.needs = Criterion::default();
    people[2].input.long_term_contacts = Criterion::details(vec![
        ContactArea::SocialServices,
        ContactArea::OtherAuthorities,
    ]);

    println!("# Target-group assessments on {today}\n");
    let mut intake = Vec::new();
    let mut queue = Vec::new();
    for p in &people {
        let a = assess(&p.input, today, Readings::statute())?;
        println!(
            "{} ({}): {:?} — {}",
            p.id,
            p.area,
            a.outcome,
            a.rule_set.citation()
        );
        for f in &a.findings {
            println!("  [{:?}] {}", f.status, f.reason_sv);
        }
        for q in &a.questions {
            println!("  Fråga: {}", q.sv);
        }
        if p.id == "A-103" {
            let s = assess(&p.input, today, Readings::stockholm_2021())?;
            println!(
                "  Read as Stockholm 2021 (seed 002, \"eller\"): {:?}",
                s.outcome
            );
        }
        let outcome = match a.outcome {
            Outcome::Eligible => IntakeOutcome::Accepted,
            Outcome::NotEligible => IntakeOutcome::NotTargetGroup,
            Outcome::Undetermined => IntakeOutcome::Missing,
        };
        intake.push(IntakeRecord {
            date: today,
            area: p.area.to_owned(),
            outcome,
        });
        if a.outcome == Outcome::Eligible {
            queue.push(Applicant {
                id: p.id.to_owned(),
                birth_date: p.birth,
                area: Some(p.area.to_owned()),
                queued_on: p.queued_on,
                left_queue_on: None,
                children_at_home: p.children,
                children_at_risk_of_harm: false,
                homeless_or_at_risk: p.homeless,
                lacking_contacts: false,
            });
        }
        println!();
    }

    println!("# Intake outcomes recorded");
    for r in &intake {
        println!("  {} {:<9} {}", r.date, r.area, r.outcome.label_sv());
    }

    let policy = PriorityPolicy::varmland_2023();
    println!(
        "\n# Queue on {today} under {} ({})",
        policy.name(),
        policy.source()
    );
    for r in rank(&queue, &policy, today)?.applicants {
        println!("  {}. {} — {}", r.position, r.id, r.reason_sv);
    }
    let stats = queue_statistics(&queue, today, today)?;
    println!(
        "\nIn the queue: {}; median wait {} days, longest {} days",
        stats.overall.count,
        stats.overall.median_days.unwrap_or_default(),
        stats.overall.max_days.unwrap_or_default()
    );
    Ok(())
}
