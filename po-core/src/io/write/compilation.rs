//! The compilation as a document: what every rendering (Markdown, HTML, Excel) shows, in one
//! order, so that the three cannot disagree — the title, the legend of the two symbols, the
//! figures, the services and their municipalities, seed 001's table 1, the compiled tables
//! (seed 001's numbered as it numbers them), the roles leadership groups lack and the grant per
//! county (by the host municipality's county, whose länsstyrelse decides it: SFS 2013:522 8 §),
//! each table with its source line. The findings to ask the services about and the submissions
//! left out are for the analyst, not the publication: [`findings`] lists them for a file of
//! their own (issue 34 point 3).
//!
//! Two symbols, never one for both (seed 001 and SCB's convention): `..` a number not shown to
//! protect individuals; `–` nothing to report (no change) or no figure for the previous year.

use super::document::Grid;
use rust_decimal::Decimal;

use crate::chain::Compilation;
use crate::codes::CodeList;
use crate::organisation::County;
use crate::reference::sweden;

/// One value of the document; each rendering writes it its own way (Swedish or English digits,
/// numbers as numbers in Excel).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Value {
    /// A count.
    Count(u64),
    /// A hidden count (`..`).
    Hidden,
    /// A decimal (positions) or an amount in kronor.
    Decimal(Decimal),
    /// A change, `+7` or `-2`; `–` for none, and for `None`: no previous year to compare
    /// with (a hidden change is [`Value::Hidden`]).
    Change(Option<i64>),
    /// Text (an answer of the survey).
    Text(String),
}

impl From<crate::report::Cell> for Value {
    fn from(c: crate::report::Cell) -> Value {
        c.count().map_or(Value::Hidden, Value::Count)
    }
}

impl From<Option<Decimal>> for Value {
    /// A share or a ratio ([`crate::report::Ratio`]), written with both its decimals so that
    /// an exact 9 % reads "9,00" beside "4,17"; `None` hidden or undefined (`..`).
    fn from(d: Option<Decimal>) -> Value {
        d.map_or(Value::Hidden, |mut d| {
            d.rescale(2);
            Value::Decimal(d)
        })
    }
}

impl Value {
    /// As text in the reader's language (`1 234`, `2,5` in Swedish), `..` when hidden, `–`
    /// when there is nothing to report.
    pub(crate) fn text(&self, sv: bool) -> String {
        match self {
            Value::Count(n) => crate::io::text::count(*n, sv),
            Value::Hidden => HIDDEN.to_owned(),
            Value::Change(None | Some(0)) => NOTHING.to_owned(),
            Value::Decimal(d) => crate::io::text::decimal(*d, sv),
            Value::Change(Some(d)) => format!("{d:+}"),
            Value::Text(t) => t.clone(),
        }
    }
}

/// A number not shown, to protect individuals.
pub(crate) const HIDDEN: &str = "..";

/// Nothing to report, or no figure for the previous year (an en dash: seed 001 prints a
/// hyphen, "-", for no change).
pub(crate) const NOTHING: &str = "\u{2013}";

/// Everything a compilation's rendering shows.
pub(crate) struct Document {
    pub title: String,
    /// What `..` and `–` mean, one line each.
    pub legend: [String; 2],
    /// Label and value, in order.
    pub figures: Vec<(String, Value)>,
    /// Each service and its municipalities' names.
    pub services: Vec<(String, String)>,
    /// Table 1 (municipalities offering PO), shown before the compiled tables.
    pub offering: Grid,
    /// The compiled tables, seed 001's numbered and titled as it does.
    pub tables: Vec<crate::report::Table>,
    /// Seed 001 table 2, the organisations running services on the municipalities' behalf,
    /// when any submission names one.
    pub providers: Option<Grid>,
    /// Seed 001 table 5, the national budget and its outcome, with its own source line
    /// (Socialstyrelsen's), when the compilation has the budget.
    pub budget: Option<(Grid, String)>,
    /// Shown after the compiled tables.
    pub sections: Vec<Grid>,
    /// The source line under every table ("Källa: Länsstyrelserna 2024", as seed 001 writes
    /// it the year after the year reported).
    pub source: String,
}

/// The analyst's file, apart from the publication (issue 34 point 3), in every format: the
/// compilation's title, a note that it is not for publication, and the lists of findings.
pub(crate) struct Findings {
    pub title: String,
    pub note: &'static str,
    /// Each list under its heading, each item `about (file): reason` — the submissions left
    /// out of the sums, then the findings (either left out when empty).
    pub lists: Vec<(&'static str, Vec<String>)>,
    /// What the file says when both lists are empty ("Inga fynd.").
    pub none: Option<&'static str>,
}

/// The analyst's file of `c` in Swedish (`sv`) or English.
pub(crate) fn findings(c: &Compilation, sv: bool) -> Findings {
    let t = crate::io::text::words(sv);
    let lists = finding_lists(c, sv);
    Findings {
        title: compilation_title(c, sv),
        note: t(
            "Till handläggaren: att fråga verksamheterna om innan sammanställningen publiceras. \
             Publiceras inte.",
            "For the analyst: what to ask the services about before the compilation is \
             published. Not for publication.",
        ),
        none: lists.is_empty().then(|| t("Inga fynd.", "No findings.")),
        lists,
    }
}

fn finding_lists(c: &Compilation, sv: bool) -> Vec<(&'static str, Vec<String>)> {
    let t = crate::io::text::words(sv);
    [
        (
            t("Lämnades utanför summorna", "Left out of the sums"),
            &c.left_out,
        ),
        (
            t("Att fråga verksamheterna om", "To ask the services about"),
            &c.findings,
        ),
    ]
    .into_iter()
    .filter(|(_, list)| !list.is_empty())
    .map(|(heading, list)| {
        let items = list.iter().map(|f| crate::io::reasons::finding(f, sv));
        (heading, items.collect())
    })
    .collect()
}

/// The ombud by gender as seed 001 states them ("ca 70 procent är kvinnor"): each gender's
/// count and the women's share of those with a gender given, and how many services reported
/// genders when not all did; `None` when none did. Hidden when a count is.
fn ombud_by_gender(c: &Compilation, sv: bool) -> Option<Value> {
    if c.ombud_by_gender.is_empty() {
        return None;
    }
    let t = crate::io::text::words(sv);
    let mut counts = Vec::new();
    for (gender, n) in &c.ombud_by_gender {
        match n.count() {
            Some(n) => counts.push((gender.as_str(), n)),
            None => return Some(Value::Hidden),
        }
    }
    let mut text: Vec<String> = counts
        .iter()
        .map(|(g, n)| {
            format!(
                "{} {}",
                crate::io::text::label(g, sv),
                crate::io::text::count(*n, sv)
            )
        })
        .collect();
    let known: u64 = counts
        .iter()
        .filter(|(g, _)| *g != crate::report::UNKNOWN)
        .map(|(_, n)| n)
        .sum();
    let women = counts
        .iter()
        .find(|(g, _)| *g == crate::codes::Gender::Woman.label_sv())
        .map_or(0, |c| c.1);
    if known > 0 {
        // Whole percent, half away from zero (integer arithmetic: no float).
        let percent = (200 * women + known) / (2 * known);
        text.push(format!("{percent} % {}", t("kvinnor", "women")));
    }
    let services = c.services.len() as u64;
    if c.ombud_by_gender_reported < services {
        text.push(format!(
            "{} {} {} {}",
            c.ombud_by_gender_reported,
            t("av", "of"),
            services,
            t("verksamheter", "services")
        ));
    }
    Some(Value::Text(text.join(", ")))
}

/// Seed 001's number and title of a compiled table, if it has one: table 3 is the clients'
/// age and gender (the active clients); figure 1 the contact reasons of the year's new clients
/// by gender (shown as its table of counts).
fn seed_title(table: &crate::report::Table, year: i32, sv: bool) -> Option<String> {
    match table.name.as_str() {
        "active_clients" if sv => Some(format!("Tabell 3. Klienternas ålder och kön {year}")),
        "active_clients" => Some(format!("Table 3. The clients' age and gender {year}")),
        "new_contact_reasons" if sv => Some(format!(
            "Figur 1. Orsaker till kontakt med PO bland nya klienter efter kön {year}"
        )),
        "new_contact_reasons" => Some(format!(
            "Figure 1. Reasons for contacting PO among new clients by gender {year}"
        )),
        _ => None,
    }
}

/// The document of `c` in Swedish (`sv`) or English.
pub(crate) fn document(c: &Compilation, sv: bool) -> Document {
    let t = crate::io::text::words(sv);
    let mut figures = vec![
        (
            t("Verksamheter", "Services").to_owned(),
            Value::Count(c.services.len() as u64),
        ),
        (
            t("Ombud", "Ombud").to_owned(),
            c.ombud.count().map_or(Value::Hidden, Value::Count),
        ),
        (
            t("Årsarbetskrafter", "Full-time positions").to_owned(),
            Value::Decimal(c.positions),
        ),
        (
            t("Ombud med handledning", "Ombud with supervision").to_owned(),
            c.with_supervision
                .count()
                .map_or(Value::Hidden, Value::Count),
        ),
        (
            t(
                "Ledningsgrupper som saknar en föreskriven ledamot (5 §)",
                "Leadership groups lacking a required member (5 §)",
            )
            .to_owned(),
            Value::Count(c.leadership_lacking),
        ),
        (
            t(
                "Verksamheter som inte redovisat någon ledningsgrupp (10 § 4)",
                "Services reporting no leadership group (10 § 4)",
            )
            .to_owned(),
            Value::Count(c.leadership_unreported),
        ),
    ];
    if let Some(by_gender) = ombud_by_gender(c, sv) {
        figures.insert(
            2,
            (
                t("Ombud efter kön", "Ombud by gender").to_owned(),
                by_gender,
            ),
        );
    }
    let services = c.services.len() as u64;
    let of = |n: u64, note: Option<String>| {
        let mut text = format!(
            "{} {} {}",
            crate::io::text::count(n, sv),
            t("av", "of"),
            crate::io::text::count(services, sv)
        );
        if let Some(note) = note {
            text.push_str(&format!(" ({note})"));
        }
        Value::Text(text)
    };
    figures.push((
        t(
            "Verksamheter med bedömningsriktlinjer eller prioriteringsordning (10 § 3)",
            "Services with assessment guidelines or a priority order (10 § 3)",
        )
        .to_owned(),
        of(c.with_priority_order, None),
    ));
    let unanswered = services.saturating_sub(c.deviation_routines_reported);
    figures.push((
        t(
            "Verksamheter med rutiner för att rapportera brister till ledningsgruppen",
            "Services with routines for reporting shortcomings to the leadership group",
        )
        .to_owned(),
        of(
            c.with_deviation_routines,
            (unanswered > 0).then(|| {
                format!(
                    "{} {}",
                    crate::io::text::count(unanswered, sv),
                    t("har inte svarat", "did not say")
                )
            }),
        ),
    ));
    if c.grant_reported > 0 {
        let of = format!("{} {}", c.grant_reported, t("verksamheter", "services"));
        for (label, amount) in [
            (
                t("Statsbidrag beviljat", "State grant decided"),
                c.grant.decided,
            ),
            (t("Statsbidrag utbetalt", "State grant paid"), c.grant.paid),
            (
                t("Statsbidrag återbetalt", "State grant repaid"),
                c.grant.repaid,
            ),
        ] {
            figures.push((format!("{label} ({of}), kr"), Value::Decimal(amount)));
        }
    }
    if let Some(ch) = c.change {
        let against = t("mot föregående år", "against the previous year");
        figures.push((
            format!("{} {against}", t("Verksamheter", "Services")),
            Value::Change(Some(ch.services)),
        ));
        for (label, change) in [
            (t("Aktuella klienter", "Active clients"), ch.active_clients),
            (
                t(
                    "Klienter med hemmavarande barn",
                    "Clients with children at home",
                ),
                ch.children_at_home,
            ),
            (t("Ombud", "Ombud"), ch.ombud),
        ] {
            figures.push((
                format!("{label} {against}"),
                change.map_or(Value::Hidden, |d| Value::Change(Some(d))),
            ));
        }
    }
    let services = c
        .services
        .iter()
        .map(|(service, municipalities)| {
            let names: Vec<String> = municipalities
                .iter()
                .map(|m| sweden::municipality(*m).map_or_else(|| m.to_string(), |s| s.name.clone()))
                .collect();
            (service.clone(), names.join(", "))
        })
        .collect();
    let year = c.year;
    // Seed 001 table 1: its title, its columns, its counties' order and short names.
    let in_seed_order = County::in_seed_order();
    let mut counties: Vec<&crate::chain::CountyRow> = c
        .offering
        .counties
        .iter()
        .filter(|r| c.county.is_none() || r.county == c.county)
        .collect();
    counties.sort_by_key(|r| {
        r.county
            .and_then(|k| in_seed_order.iter().position(|&o| o == k))
    });
    let offering = Grid {
        title: if sv {
            format!("Tabell 1. Kommuner som erbjuder PO per län {year}")
        } else {
            format!("Table 1. Municipalities offering PO per county {year}")
        },
        header: vec![
            t("Län", "County").to_owned(),
            t("Antal kommuner", "Municipalities").to_owned(),
            if sv {
                format!("Antal kommuner som erbjuder PO {year}")
            } else {
                format!("Municipalities offering PO {year}")
            },
            if sv {
                format!("Förändring jämfört med {}", year - 1)
            } else {
                format!("Change against {}", year - 1)
            },
            t("Antal verksamheter", "Services").to_owned(),
        ],
        rows: counties
            .into_iter()
            .chain(c.county.is_none().then_some(&c.offering.total))
            .map(|r| {
                (
                    r.county
                        .map_or(t("Totalt", "Total"), County::short_name)
                        .to_owned(),
                    vec![
                        Value::Count(r.municipalities),
                        Value::Count(r.offering),
                        Value::Change(r.change),
                        Value::Count(r.services),
                    ],
                )
            })
            .collect(),
    };
    let mut sections = Vec::new();
    if !c.training.is_empty() {
        sections.push(Grid {
            title: t(
                "Utbildningar och kurser som ombuden deltagit i",
                "Training and courses the ombud took part in",
            )
            .into(),
            header: Vec::from(
                [t("Utbildning", "Training"), t("Verksamheter", "Services")].map(String::from),
            ),
            rows: c
                .training
                .iter()
                .map(|(name, n)| (name.clone(), vec![Value::Count(*n)]))
                .collect(),
        });
    }
    if !c.missing_roles.is_empty() {
        sections.push(Grid {
            title: t(
                "Ledamöter som saknas i ledningsgrupperna",
                "Members the leadership groups lack",
            )
            .into(),
            header: Vec::from(
                [t("Roll", "Role"), t("Ledningsgrupper", "Leadership groups")].map(String::from),
            ),
            rows: c
                .missing_roles
                .iter()
                .map(|(role, n)| (role.clone(), vec![Value::Count(*n)]))
                .collect(),
        });
    }
    if !c.grants.is_empty() {
        sections.push(Grid {
            title: t(
                "Statsbidrag per län (värdkommunens län), kr",
                "State grant per county (the host municipality's), SEK",
            )
            .into(),
            header: Vec::from(
                [
                    t("Län", "County"),
                    t("Verksamheter", "Services"),
                    t("Beviljat", "Decided"),
                    t("Utbetalt", "Paid"),
                    t("Återbetalt", "Repaid"),
                ]
                .map(String::from),
            ),
            rows: in_seed_order
                .iter()
                .filter_map(|&k| c.grants.iter().find(|g| g.county == k))
                .map(|g| {
                    (
                        g.county.short_name().to_owned(),
                        vec![
                            Value::Count(g.services),
                            Value::Decimal(g.grant.decided),
                            Value::Decimal(g.grant.paid),
                            Value::Decimal(g.grant.repaid),
                        ],
                    )
                })
                .collect(),
        });
    }
    // Seed 001's annex 1 last, a table per part.
    for part in crate::deviation::AnnexPart::ALL {
        let rows: Vec<(String, Vec<Value>)> = c
            .shortcomings
            .iter()
            .filter(|r| r.part == part)
            .map(|r| {
                (
                    r.shortcoming.clone(),
                    vec![Value::Text(r.consequence.clone()), Value::Count(r.services)],
                )
            })
            .collect();
        if rows.is_empty() {
            continue;
        }
        sections.push(Grid {
            title: format!(
                "{}: {}",
                t(
                    "Bilaga 1. Rapporterade brister från verksamheterna",
                    "Annex 1. Shortcomings reported by the services"
                ),
                part.heading(sv)
            ),
            header: vec![
                part.heading(sv).to_owned(),
                t(
                    "Konsekvens för den enskilde",
                    "Consequence for the individual",
                )
                .to_owned(),
                t("Verksamheter", "Services").to_owned(),
            ],
            rows,
        });
    }
    // A table left blank (figure 1 when a service did not report it; a finding says so) is
    // left out of the document.
    let tables = c
        .tables
        .iter()
        .filter(|table| !table.rows.is_empty())
        .map(|table| {
            let mut table = table.clone();
            if let Some(title) = seed_title(&table, year, sv) {
                if sv {
                    table.title_sv = title;
                } else {
                    table.title_en = title;
                }
            }
            table
        })
        .collect();
    let budget = c
        .budget
        .as_ref()
        .map(|account| budget_table(c, account, sv));
    let providers = (!c.providers.is_empty()).then(|| Grid {
        title: t(
            "Tabell 2. Övriga utförare av verksamhet med personligt ombud",
            "Table 2. Other providers of personal ombud services",
        )
        .to_owned(),
        header: Vec::from(
            [
                t("Namn", "Name"),
                t("Organisation", "Organisation"),
                t("Län", "County"),
            ]
            .map(String::from),
        ),
        rows: c
            .providers
            .iter()
            .map(|r| {
                let kind = if sv {
                    r.provider.organisation.label_sv()
                } else {
                    r.provider.organisation.label_en()
                };
                let counties: Vec<&str> = r.counties.iter().map(|k| k.short_name()).collect();
                (
                    r.provider.name.clone(),
                    vec![
                        Value::Text(kind.to_owned()),
                        Value::Text(counties.join(", ")),
                    ],
                )
            })
            .collect(),
    });
    Document {
        budget,
        providers,
        title: compilation_title(c, sv),
        legend: [
            format!(
                "{HIDDEN} {}",
                t(
                    "uppgiften visas inte, för att skydda enskilda (röjandekontroll)",
                    "not shown, to protect individuals (disclosure control)"
                )
            ),
            format!(
                "{NOTHING} {}",
                t(
                    "inget att redovisa, eller ingen uppgift för föregående år",
                    "nothing to report, or no figure for the previous year"
                )
            ),
        ],
        figures,
        services,
        offering,
        tables,
        sections,
        source: if sv {
            format!("Källa: Länsstyrelserna {}", year + 1)
        } else {
            format!("Source: the county administrative boards, {}", year + 1)
        },
    }
}

/// Seed 001 table 5: the budget of Socialstyrelsen's and the county boards' administration
/// and of the grant for positions, and the outcome — the administrations' spending as the
/// account gives it, the grant paid and repaid as the services reported it — with what is
/// returned to the treasury (`NationalBudget::outcome`); the source is Socialstyrelsen's.
fn budget_table(
    c: &Compilation,
    account: &crate::money::BudgetAccount,
    sv: bool,
) -> (Grid, String) {
    let t = crate::io::text::words(sv);
    let b = &account.budget;
    let for_positions = b.money_for_positions().unwrap_or_default();
    let (spent, net, returned) = b
        .outcome(
            account.spent_socialstyrelsen,
            account.spent_county_boards,
            c.grant.paid,
            c.grant.repaid,
        )
        .unwrap_or_default();
    let none = || Value::Text(String::new());
    let year = c.year;
    let grid = Grid {
        title: if sv {
            format!("Tabell 5. Budget och utfall PO {year}")
        } else {
            format!("Table 5. Budget and outcome of PO {year}")
        },
        header: Vec::from(
            [t("Kostnader", "Costs"), "Budget", t("Utfall", "Outcome")].map(String::from),
        ),
        rows: [
            (
                t("Socialstyrelsen", "Socialstyrelsen"),
                Value::Decimal(b.socialstyrelsen_admin),
                Value::Decimal(account.spent_socialstyrelsen),
            ),
            (
                t(
                    "Länsstyrelsernas administration",
                    "The county boards' administration",
                ),
                Value::Decimal(b.county_boards_admin),
                Value::Decimal(account.spent_county_boards),
            ),
            (
                t(
                    "Ombudstjänster, statsbidrag",
                    "Ombud positions, state grant",
                ),
                Value::Decimal(for_positions),
                Value::Decimal(c.grant.paid),
            ),
            (
                t("Summa", "Sum"),
                Value::Decimal(b.total),
                Value::Decimal(spent),
            ),
            (
                t("Återbetalning", "Repaid"),
                none(),
                Value::Decimal(if c.grant.repaid.is_zero() {
                    Decimal::ZERO // never "-0"
                } else {
                    -c.grant.repaid
                }),
            ),
            (
                t("Netto efter återbetalning", "Net after repayments"),
                none(),
                Value::Decimal(net),
            ),
            (
                t("Återförs till statskassan", "Returned to the treasury"),
                none(),
                Value::Decimal(returned),
            ),
        ]
        .into_iter()
        .map(|(label, budget, outcome)| (label.to_owned(), vec![budget, outcome]))
        .collect(),
    };
    let source = if sv {
        format!("Källa: Socialstyrelsen {}", year + 1)
    } else {
        format!("Source: Socialstyrelsen, {}", year + 1)
    };
    (grid, source)
}

/// A county's name, or the nation's, in the reader's language (every rendering's title and
/// table 1 rows).
pub(crate) fn place_name(county: Option<County>, sv: bool) -> &'static str {
    match county {
        Some(k) if sv => k.label_sv(),
        Some(k) => k.label_en(),
        None if sv => "Riket",
        None => "Sweden",
    }
}

/// A compilation's title (every rendering's): seed 001's, "Redovisning av verksamhet med
/// personligt ombud 2019", with the county or the nation.
pub(crate) fn compilation_title(c: &Compilation, sv: bool) -> String {
    let what = if sv {
        "Redovisning av verksamhet med personligt ombud"
    } else {
        "Report on the personal ombud services"
    };
    format!("{what} {} – {}", c.year, place_name(c.county, sv))
}
