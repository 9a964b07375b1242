//! The annual report under disclosure control: every number it shows is a cell of one
//! [`Publication`], with the relations an attacker knows between them (issue 13, DOMAIN § 12).
//!
//! Relations beyond each table's sums: new and closed clients ≤ active clients cell by cell;
//! clients by area have the active clients' gender totals; clients with children at home and
//! each contact reason of a gender ≤ that gender's active clients; new clients' contact reasons
//! ≤ all clients', ≤ the gender's new clients, and the others' ≤ the clients not new
//! (`report::joint`); clients per municipality sum
//! to at most the active clients; waits ≤ new clients; the two deviation tables have one total;
//! shortcomings with feedback ≤ shortcomings (the deviation rows that are not positive events)
//! and ≤ deviations whose status has feedback, and ≥ those less the positive events; staff
//! counts ≤ ombud, ombud by gender sum to the ombud; survey answers sum to their question's
//! respondents, ≤ responses ≤ surveys sent. A row or column that exists only because
//! someone is in it (an area, an intake area, "Uppgift saknas", a municipality outside the
//! population key, a training, a survey answer) is ≥ 1.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{AnnualReport, Cell, ReportTable, Table};
use crate::codes::{CodeList, DeviationEventType, DeviationStatus};
use crate::disclosure::Ledger;
use crate::disclosure::{
    audit, audit_risks, ensure_safe, protect, protect_with_ledger, Audit, CellId, CellLabel,
    Certificate, DisclosureError, LedgerEntry, Period, Protection, Publication, Publishable,
    TableCells,
};

/// Visits every number the report shows, in one fixed order (see [`layout`]): the tables'
/// cells in [`ReportTable::ALL`]'s order, then the other counts.
fn visit_slots(r: &mut AnnualReport, mut f: impl FnMut(&mut Cell)) {
    for t in r.tables_mut() {
        t.cells_mut().for_each(&mut f);
    }
    let AnnualReport {
        staff,
        assignments_per_client,
        clients_per_municipality,
        clients_with_municipality,
        waiting,
        deviations_with_feedback,
        survey_response_rate,
        survey,
        ..
    } = r;
    f(&mut staff.ombud);
    f(&mut staff.with_supervision);
    staff.training.values_mut().for_each(&mut f);
    staff.ombud_by_gender.values_mut().for_each(&mut f);
    f(&mut assignments_per_client.count);
    f(&mut assignments_per_client.of);
    for m in clients_per_municipality.iter_mut() {
        f(&mut m.clients);
        f(&mut m.client_share.count);
        f(&mut m.client_share.of);
    }
    f(clients_with_municipality);
    f(&mut waiting.clients);
    f(&mut deviations_with_feedback.count);
    f(&mut deviations_with_feedback.of);
    if let Some(rate) = survey_response_rate {
        f(&mut rate.count);
        f(&mut rate.of);
    }
    for q in survey.iter_mut() {
        f(&mut q.respondents);
        for a in q.answers.values_mut() {
            f(&mut a.count);
            f(&mut a.of);
        }
    }
}

fn label(table: &str, row: Option<&str>, column: Option<&str>) -> CellLabel {
    CellLabel {
        table: table.to_owned(),
        row: row.map(str::to_owned),
        column: column.map(str::to_owned),
    }
}

/// The relations between a report's tables (each placed with its cells), by their
/// definitions: the linked relations a compilation has too (`report::joint`), clients by area
/// with the active clients' gender totals, and every area and intake area ≥ 1. A table `of`
/// does not give (a published file without it) is in no relation; the linked relations need
/// all their tables.
pub(crate) fn relate_tables<'a>(
    p: &mut Publication,
    of: impl Fn(ReportTable) -> Option<(&'a Table, &'a TableCells)>,
) {
    use ReportTable as T;
    let linked = (|| {
        Some(super::joint::Linked {
            active: of(T::ActiveClients)?,
            new: of(T::NewClients)?,
            closed: of(T::ClosedClients)?,
            children: of(T::ChildrenAtHome)?,
            reasons: of(T::ContactReasons)?,
            new_reasons: of(T::NewContactReasons),
            by_type: of(T::DeviationsByType)?.1,
            by_counterpart: of(T::DeviationsByCounterpart)?.1,
        })
    })();
    if let Some(l) = &linked {
        super::joint::relate_linked(p, l);
    }
    // Clients by area have the active clients' gender totals; each area exists because
    // someone lives there.
    if let Some((areas, area)) = of(T::ClientsByArea) {
        if let Some((actives, active)) = of(T::ActiveClients) {
            for (g, gender) in areas.columns.iter().enumerate() {
                if let Some(i) = actives.rows.iter().position(|x| x == gender) {
                    p.add_sum(area.column_totals[g], &[active.row_totals[i]]);
                }
            }
            p.add_sum(area.total, &[active.total]);
        }
        for &row_total in &area.row_totals {
            p.add_at_least_one(row_total);
        }
    }
    if let Some((_, intake)) = of(T::IntakeOutcomes) {
        for &column in &intake.column_totals {
            p.add_at_least_one(column);
        }
    }
}

/// The report's publication, and for each number of [`visit_slots`] (same order) its cell.
pub(super) fn layout(r: &AnnualReport) -> (Publication, Vec<CellId>) {
    let mut p = Publication::new();
    let mut slots = Vec::new();
    let mut add = |p: &mut Publication, t: &Table| {
        let (cells, s) = t.add_to(p);
        slots.extend(s);
        cells
    };
    let cells: Vec<_> = ReportTable::ALL
        .iter()
        .map(|&t| add(&mut p, r.table_of(t)))
        .collect();
    relate_tables(&mut p, |t| Some((r.table_of(t), &cells[t as usize])));
    let of = |t: ReportTable| &cells[t as usize];
    let (active, new, assignments) = (
        of(ReportTable::ActiveClients),
        of(ReportTable::NewClients),
        of(ReportTable::Assignments),
    );
    let (by_type, by_counterpart) = (
        of(ReportTable::DeviationsByType),
        of(ReportTable::DeviationsByCounterpart),
    );

    // Staff (10 § 1): counts of people too.
    let staff = |p: &mut Publication, row: &str, margin| {
        p.add_cell(label("staff", Some(row), None), margin)
    };
    let ombud = staff(&mut p, "ombud", true);
    let supervision = staff(&mut p, "with_supervision", false);
    p.add_at_most(&[supervision], &[ombud]);
    slots.extend([ombud, supervision]);
    for training in r.staff.training.keys() {
        let t = staff(&mut p, training, false);
        p.add_at_most(&[t], &[ombud]);
        p.add_at_least_one(t);
        slots.push(t);
    }
    // Ombud by gender: every ombud once; a gender is listed because someone has it.
    let by_gender: Vec<CellId> = r
        .staff
        .ombud_by_gender
        .keys()
        .map(|g| {
            let c = p.add_cell(label("staff: gender", Some(g), None), false);
            p.add_at_least_one(c);
            c
        })
        .collect();
    if !by_gender.is_empty() {
        p.add_sum(ombud, &by_gender);
    }
    slots.extend(by_gender);
    slots.extend([assignments.total, active.total]);

    // Clients per municipality: a one-column table with its total.
    let municipality = "clients_per_municipality";
    let with_municipality = p.add_cell(label(municipality, None, None), true);
    let mut rows = Vec::new();
    for m in &r.clients_per_municipality {
        let cell = p.add_cell(label(municipality, Some(m.code.as_str()), None), false);
        if m.key_share.is_none() {
            p.add_at_least_one(cell); // Listed only because a client lives there.
        }
        rows.push(cell);
        slots.extend([cell, cell, with_municipality]);
    }
    p.add_sum(with_municipality, &rows);
    p.add_at_most(&[with_municipality], &[active.total]);
    slots.push(with_municipality);

    let waits = p.add_cell(label("waiting", Some("clients"), None), false);
    p.add_at_most(&[waits], &[new.total]);
    slots.push(waits);

    // Shortcomings with feedback: of = the deviation rows that are not positive events.
    let feedback = p.add_cell(
        label("deviations_with_feedback", Some("count"), None),
        false,
    );
    let shortcomings = p.add_cell(label("deviations_with_feedback", Some("of"), None), true);
    let shortcoming_rows: Vec<CellId> = DeviationEventType::ALL
        .iter()
        .zip(&by_type.row_totals)
        .filter(|(t, _)| t.is_shortcoming())
        .map(|(_, &c)| c)
        .collect();
    p.add_sum(shortcomings, &shortcoming_rows);
    p.add_at_most(&[feedback], &[shortcomings]);
    let with_feedback: Vec<CellId> = DeviationStatus::ALL
        .iter()
        .zip(&by_counterpart.column_totals)
        .filter(|(s, _)| s.has_feedback())
        .map(|(_, &c)| c)
        .collect();
    p.add_at_most(&[feedback], &with_feedback);
    // And at least the deviations whose status has feedback less the positive events (which
    // are all the deviations that are not shortcomings).
    let positive_rows: Vec<CellId> = DeviationEventType::ALL
        .iter()
        .zip(&by_type.row_totals)
        .filter(|(t, _)| !t.is_shortcoming())
        .map(|(_, &c)| c)
        .collect();
    let mut feedback_and_positive = vec![feedback];
    feedback_and_positive.extend(positive_rows);
    p.add_at_most(&with_feedback, &feedback_and_positive);
    slots.extend([feedback, shortcomings]);

    // The exit survey.
    let responses = r.survey_response_rate.map(|_| {
        let n = p.add_cell(label("survey", Some("responses"), None), true);
        let sent = p.add_cell(label("survey", Some("sent"), None), true);
        p.add_at_most(&[n], &[sent]);
        slots.extend([n, sent]);
        n
    });
    for q in &r.survey {
        let table = format!("survey: {}", q.question);
        let respondents = p.add_cell(label(&table, None, None), true);
        slots.push(respondents);
        let mut answers = Vec::new();
        for a in q.answers.keys() {
            let cell = p.add_cell(label(&table, Some(a), None), false);
            p.add_at_least_one(cell);
            answers.push(cell);
            slots.extend([cell, respondents]);
        }
        p.add_sum(respondents, &answers);
        if let Some(n) = responses {
            p.add_at_most(&[respondents], &[n]);
        }
    }
    (p, slots)
}

/// The report's publication, its slots (see [`layout`]) and the published value of each cell
/// (`None` = hidden). Two places showing one cell must agree.
pub(crate) type Published = (Publication, Vec<CellId>, Vec<Option<u64>>);

/// The report's publication, the cell of each number it shows (in [`visit_slots`]' order: the
/// tables' cells first, in [`ReportTable::ALL`]'s order) and the shown values.
pub(crate) fn published(r: &mut AnnualReport) -> Result<Published, DisclosureError> {
    let (p, slots) = layout(r);
    let mut shown = Vec::with_capacity(slots.len());
    visit_slots(r, |c| shown.push(*c));
    let values = super::joint::shown_values(&p, shown.iter(), &slots)?;
    Ok((p, slots, values))
}

/// Each table of the report (in [`ReportTable::ALL`]'s order) with the cells of its numbers in
/// the order of [`Table::cells`], from [`published`]'s slots placed at `offset` in a larger
/// publication (a family, `po audit`).
pub(crate) fn table_cells<'a>(
    r: &'a AnnualReport,
    slots: &'a [CellId],
    offset: usize,
) -> impl Iterator<Item = (ReportTable, &'a Table, Vec<CellId>)> + 'a {
    let mut at = 0;
    ReportTable::ALL.iter().map(move |&t| {
        let table = r.table_of(t);
        let n = table.cells().count();
        let ids = slots[at..at + n]
            .iter()
            .map(|c| CellId(c.0 + offset))
            .collect();
        at += n;
        (t, table, ids)
    })
}

/// Protects a report in place with threshold `k`.
fn protect_report(r: &mut AnnualReport, k: u64) -> Result<(), DisclosureError> {
    let (p, slots, values) = published(r)?;
    let values: Vec<u64> = values.into_iter().map(Option::unwrap_or_default).collect();
    let hidden = protect(&p, &values, k)?;
    // Protection ended with an audit of exactly these numbers that found nothing at risk (and
    // the primary rule hid every count of 1..k-1, which `check` verifies on its own).
    let published: Vec<Option<u64>> = values
        .iter()
        .zip(&hidden)
        .map(|(&v, &h)| (!h).then_some(v))
        .collect();
    hide(r, &p, &slots, &hidden);
    r.certificate = Certificate::of(&p, &published, k);
    Ok(())
}

/// Hides the report's numbers whose cells are `hidden`, and what shows them in other words (a
/// ratio's value, a median over hidden clients).
fn hide(r: &mut AnnualReport, p: &Publication, slots: &[CellId], hidden: &[bool]) {
    let mut cells = slots.iter();
    visit_slots(r, |slot| {
        if cells.next().is_some_and(|cell| hidden[cell.0]) {
            *slot = Cell::Suppressed;
        }
    });
    for ratio in [
        &mut r.assignments_per_client,
        &mut r.deviations_with_feedback,
    ] {
        ratio.hide_value_if_hidden();
    }
    r.survey_response_rate
        .iter_mut()
        .for_each(super::Ratio::hide_value_if_hidden);
    for m in &mut r.clients_per_municipality {
        m.client_share.hide_value_if_hidden();
    }
    for q in &mut r.survey {
        q.answers
            .values_mut()
            .for_each(super::Ratio::hide_value_if_hidden);
    }
    if r.waiting.clients == Cell::Suppressed {
        r.waiting.median_days = None;
        r.waiting.max_days = None;
    }
    r.hidden_cells = hidden_counts(p, hidden);
}

/// Whether counts of disjoint periods add up in this group of figures (events of the period),
/// or not (stocks such as active clients).
fn additive(table: &str) -> bool {
    ReportTable::named(table).is_some_and(ReportTable::additive)
        || table == "deviations_with_feedback"
}

impl AnnualReport {
    /// Protects an unprotected report with threshold `k` together with every publication in
    /// `ledger` (`disclosure::family`): a corrected report, the same report at another k, or
    /// any other publication about the same people recorded there. Returns the report's ledger
    /// entry, to record once it is published.
    ///
    /// # Errors
    /// [`DisclosureError::Ledger`] for a report that is protected already (its true counts are
    /// gone); [`DisclosureError::AtRisk`] when the earlier publications already give a number
    /// away; the audit's errors.
    pub fn protect_with_ledger(
        &mut self,
        k: u64,
        ledger: &Ledger,
    ) -> Result<LedgerEntry, DisclosureError> {
        if self.protection != Protection::Unprotected {
            return Err(DisclosureError::Ledger(
                "a report protected already cannot be protected against the ledger: make it \
                 unprotected, with its true counts"
                    .into(),
            ));
        }
        // The ledger of this service's year, and no other: a report recorded in another
        // population's ledger would be protected against the wrong publications.
        let own = &ledger.population;
        if (own.scope.as_str(), own.name.as_str(), own.year)
            != ("service", self.service_name.as_str(), self.year)
        {
            return Err(DisclosureError::Ledger(format!(
                "it records the publications of {} {:?} for {}, not of service {:?} for {}",
                own.scope,
                crate::privacy::shown(&own.name),
                own.year,
                crate::privacy::shown(&self.service_name),
                self.year
            )));
        }
        let period = Period::year(self.year)
            .ok_or_else(|| DisclosureError::Ledger(format!("no such year {}", self.year)))?;
        let (p, slots, values) = published(self)?;
        let counts: Vec<u64> = values.into_iter().map(Option::unwrap_or_default).collect();
        let entry = LedgerEntry::unprotected(
            format!("annual report {}", self.year),
            &p,
            &counts,
            |table| (period, additive(table)),
        );
        let entry = protect_with_ledger(ledger, &entry, k)?;
        hide(self, &p, &slots, &entry.hidden());
        self.set_protection(Protection::Threshold { k });
        Ok(entry)
    }
}

impl AnnualReport {
    /// Checks every relation listed in this module (`report::protection`) against the
    /// report's counts: each holds by the tables' definitions, so an unprotected report from
    /// any register satisfies all of them (a property test draws random registers), and a
    /// report whose numbers break one was not made by po from one register.
    ///
    /// # Errors
    /// [`DisclosureError::Inconsistent`] naming the cells of the first relation broken;
    /// [`DisclosureError::Ledger`] for a protected report (its hidden counts are gone).
    pub fn check_relations(&self) -> Result<(), DisclosureError> {
        if self.protection != Protection::Unprotected {
            return Err(DisclosureError::Ledger(
                "relations are checked on a report's true counts: make it unprotected".into(),
            ));
        }
        let (p, _, values) = published(&mut self.clone())?;
        let values: Vec<u64> = values.into_iter().map(Option::unwrap_or_default).collect();
        match p
            .relations()
            .iter()
            .find(|r| !crate::disclosure::holds(r, &values))
        {
            None => Ok(()),
            Some(r) => Err(DisclosureError::Inconsistent {
                cells: r
                    .terms
                    .iter()
                    .map(|(c, _)| p.label(*c).to_string())
                    .collect(),
            }),
        }
    }
}

/// Hidden cells per table (distinct cells, so a count shown twice counts once).
fn hidden_counts(p: &Publication, hidden: &[bool]) -> BTreeMap<String, u64> {
    let mut counts = BTreeMap::new();
    for (i, &h) in hidden.iter().enumerate() {
        let table = p.label(CellId(i)).table.clone();
        let table = if table.starts_with("survey") {
            "survey".to_owned()
        } else {
            table
        };
        let n = counts.entry(table).or_insert(0);
        *n += u64::from(h);
    }
    counts
}

impl AnnualReport {
    /// Protects an unprotected report in place with threshold `k` (as [`annual_report`] would
    /// have with [`Protection::Threshold`]); a protected report is left as it is.
    ///
    /// [`annual_report`]: super::annual_report
    ///
    /// # Errors
    /// As [`crate::disclosure::protect`].
    pub fn protect(&mut self, k: u64) -> Result<(), DisclosureError> {
        if self.protection == Protection::Unprotected {
            protect_report(self, k)?;
            self.set_protection(Protection::Threshold { k });
        }
        Ok(())
    }

    /// Says which disclosure control the report went through, in its field and its stamp.
    pub(crate) fn set_protection(&mut self, protection: Protection) {
        let was = super::annual::control_text(self.protection);
        let now = super::annual::control_text(protection);
        self.stamp.rules = match self.stamp.rules.strip_suffix(&was) {
            Some(statute) => format!("{statute}{now}"),
            None => format!("{}; {now}", self.stamp.rules),
        };
        self.protection = protection;
    }

    /// Whether a table of the report shows a count of 1..k-1 (what the primary rule hides):
    /// the part of a report that a submission's flat form carries.
    pub(crate) fn tables_show_small_count(&self, k: u64) -> bool {
        self.tables()
            .iter()
            .flat_map(|t| t.cells())
            .any(|c| c.count().is_some_and(|v| (1..k).contains(&v)))
    }

    /// The report as a publication: every shown number as a cell, with the relations between
    /// them, and the published values (`None` = hidden). What an attacker sees.
    ///
    /// # Errors
    /// [`DisclosureError::Inconsistent`] if one number shown twice differs.
    pub fn publication(&self) -> Result<(Publication, Vec<Option<u64>>), DisclosureError> {
        let (p, _, values) = published(&mut self.clone())?;
        Ok((p, values))
    }

    /// The attacker's view of this report: every hidden cell's range and those at risk, under
    /// the report's own threshold (k = 3 for an unprotected report, whose every count is shown).
    ///
    /// # Errors
    /// As [`crate::disclosure::audit`].
    pub fn audit(&self) -> Result<Audit, DisclosureError> {
        let (p, values) = self.publication()?;
        audit(&p, &values, self.protection.k().unwrap_or(3))
    }

    /// The report, audited for rendering ([`Self::check`]): what every writer takes.
    ///
    /// # Errors
    /// As [`Self::check`].
    pub fn publishable(&self) -> Result<Publishable<'_, AnnualReport>, DisclosureError> {
        self.check()?;
        Ok(Publishable::audited(self))
    }

    /// What every rendering runs first: a protected report must still pass its audit, and show
    /// no count of 1..k-1 (it may have been changed or read from a file since).
    ///
    /// # Errors
    /// [`DisclosureError::AtRisk`] naming the first cell at risk.
    pub fn check(&self) -> Result<(), DisclosureError> {
        let Protection::Threshold { k } = self.protection else {
            return Ok(());
        };
        let (p, values) = self.publication()?;
        if let Some(i) = values
            .iter()
            .position(|v| v.is_some_and(|v| (1..k).contains(&v)))
        {
            return Err(DisclosureError::AtRisk {
                count: values
                    .iter()
                    .filter(|v| v.is_some_and(|v| (1..k).contains(&v)))
                    .count(),
                first: p.label(CellId(i)).to_string(),
            });
        }
        if self.certificate.covers(&p, &values, k) {
            return Ok(()); // Audited just now, when it was protected (`Certificate`).
        }
        ensure_safe(&audit_risks(&p, &values, k)?)
    }
}

/// Information loss of a protected report against its unprotected counts, per table: what
/// BENCHMARKS.md records for the bundled register. Not part of any publication (the sum of
/// hidden values would be a relation of its own).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InformationLoss {
    /// Table or group of figures.
    pub table: String,
    /// Distinct cells (margins included).
    pub cells: u64,
    /// Of those, hidden.
    pub hidden: u64,
    /// The sum of the hidden inner cells (people, or events for deviations).
    pub hidden_inner_sum: u64,
    /// The sum of all inner cells.
    pub inner_sum: u64,
}

/// Per table, what protection hid from `unprotected` in `protected` (the same register and
/// options, protected and not).
///
/// # Errors
/// As [`AnnualReport::publication`].
pub fn information_loss(
    unprotected: &AnnualReport,
    protected: &AnnualReport,
) -> Result<Vec<InformationLoss>, DisclosureError> {
    let (p, values) = unprotected.publication()?;
    let (_, shown) = protected.publication()?;
    let mut loss: BTreeMap<String, InformationLoss> = BTreeMap::new();
    for (i, (value, shown)) in values.iter().zip(&shown).enumerate() {
        let cell = CellId(i);
        let table = p.label(cell).table.clone();
        let e = loss.entry(table.clone()).or_insert(InformationLoss {
            table,
            cells: 0,
            hidden: 0,
            hidden_inner_sum: 0,
            inner_sum: 0,
        });
        e.cells += 1;
        let hidden = shown.is_none();
        e.hidden += u64::from(hidden);
        if !p.is_margin(cell) {
            let v = value.unwrap_or_default();
            e.inner_sum += v;
            if hidden {
                e.hidden_inner_sum += v;
            }
        }
    }
    Ok(loss.into_values().collect())
}
