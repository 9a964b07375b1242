//! The compilation as a document: what every rendering (Markdown, HTML, Excel) shows, in one
//! order, so that the three cannot disagree — the title, the figures, the services and their
//! municipalities, seed 001's table 1, the compiled tables, the roles leadership groups lack,
//! the grant per county (by the host municipality's county, whose länsstyrelse decides it:
//! SFS 2013:522 8 §) and the findings to ask the services about.

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
    /// A change, `+7` or `-2`; `None` unknown (`..`).
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
    /// As text in the reader's language (`1 234`, `2,5` in Swedish), `..` when hidden.
    pub(crate) fn text(&self, sv: bool) -> String {
        match self {
            Value::Count(n) => crate::io::text::count(*n, sv),
            Value::Hidden | Value::Change(None) => "..".to_owned(),
            Value::Decimal(d) => crate::io::text::decimal(*d, sv),
            Value::Change(Some(d)) => format!("{d:+}"),
            Value::Text(t) => t.clone(),
        }
    }
}

/// Everything a compilation's rendering shows.
pub(crate) struct Document {
    pub title: String,
    /// Label and value, in order.
    pub figures: Vec<(String, Value)>,
    /// Each service and its municipalities' names.
    pub services: Vec<(String, String)>,
    /// Table 1 (municipalities offering PO), shown before the compiled tables.
    pub offering: Grid,
    /// Shown after the compiled tables.
    pub sections: Vec<Grid>,
    /// Lists shown last, each under its heading, each item `about (file): reason`: the
    /// submissions left out of the sums, then the findings (either left out when empty).
    pub notes: Vec<(&'static str, Vec<String>)>,
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
        figures.push((
            format!("{} {against}", t("Aktuella klienter", "Active clients")),
            Value::Change(ch.active_clients),
        ));
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
    let offering = Grid {
        title: t(
            "Kommuner som erbjuder personligt ombud",
            "Municipalities offering personal ombud",
        )
        .into(),
        header: Vec::from(
            [
                t("Län", "County"),
                t("Kommuner", "Municipalities"),
                t("Erbjuder PO", "Offering PO"),
                t("Förändring", "Change"),
                t("Verksamheter", "Services"),
            ]
            .map(String::from),
        ),
        rows: c
            .offering
            .counties
            .iter()
            .filter(|r| c.county.is_none() || r.county == c.county)
            .chain(c.county.is_none().then_some(&c.offering.total))
            .map(|r| {
                (
                    place_name(r.county, sv).to_owned(),
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
            rows: c
                .grants
                .iter()
                .map(|g| {
                    (
                        place_name(Some(g.county), sv).to_owned(),
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
    Document {
        title: compilation_title(c, sv),
        figures,
        services,
        offering,
        sections,
        notes: [
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
        .collect(),
    }
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

/// A compilation's title (every rendering's).
pub(crate) fn compilation_title(c: &Compilation, sv: bool) -> String {
    let what = if sv {
        "Personligt ombud: sammanställning"
    } else {
        "Personal ombud: compilation"
    };
    format!("{what} {} – {}", c.year, place_name(c.county, sv))
}
