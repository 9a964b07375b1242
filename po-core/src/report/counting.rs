//! The report's tables, one builder each. The client tables are filled together in one pass
//! over the register (a register of 10⁶ clients is read once, with no intermediate lists; see
//! BENCHMARKS.md); the others read their own lists.

use std::collections::BTreeMap;

use super::{
    Cell, Client, MunicipalityRow, Ratio, Register, ReportTable, StaffSummary, SurveyQuestion,
    Table, Waiting,
};
use crate::codes::{
    AgeBand, AssignmentCategory, CodeList, ContactReason, Counterpart, DeviationEventType,
    DeviationLevel, DeviationStatus, Gender, IntakeOutcome,
};
use crate::organisation::MunicipalityCode;
use crate::priority::WaitingSummary;

pub(super) fn labels<T: CodeList>() -> Vec<String> {
    T::ALL.iter().map(|v| v.label_sv().to_owned()).collect()
}

/// Groups counted by a name people type (areas, survey answers): the same name after Unicode
/// and case folding (NFC, lowercase, spaces) is one group, shown with its first spelling. An
/// exact spelling seen before is found without folding, so 10⁶ clients in a handful of areas
/// fold a handful of times.
struct Named<'a> {
    /// First spelling, folded key, counts.
    groups: Vec<(&'a str, String, Vec<u64>)>,
    /// Every spelling seen, with its group.
    spellings: Vec<(&'a str, usize)>,
    width: usize,
}

impl<'a> Named<'a> {
    fn new(width: usize) -> Self {
        Named {
            groups: Vec::new(),
            spellings: Vec::new(),
            width,
        }
    }

    fn counts(&mut self, name: &'a str) -> &mut Vec<u64> {
        // Names shared by their rows (the import keeps one per area) are found by address,
        // before any spelling is compared.
        let i = match self
            .spellings
            .iter()
            .find(|(s, _)| std::ptr::eq(*s, name))
            .or_else(|| self.spellings.iter().find(|(s, _)| *s == name))
        {
            Some(&(_, i)) => i,
            None => {
                let key = crate::text::fold(name);
                let i = match self.groups.iter().position(|(_, k, _)| *k == key) {
                    Some(i) => i,
                    None => {
                        self.groups.push((name, key, vec![0; self.width]));
                        self.groups.len() - 1
                    }
                };
                self.spellings.push((name, i));
                i
            }
        };
        &mut self.groups[i].2
    }

    /// Adds the groups of `other`, counted over later rows (a first spelling stays first);
    /// for the tables only: later spellings are no longer looked up.
    fn merge(&mut self, other: Named<'a>) {
        for (name, key, counts) in other.groups {
            match self.groups.iter_mut().find(|(_, k, _)| *k == key) {
                Some(g) => add_counts(&mut g.2, &counts),
                None => self.groups.push((name, key, counts)),
            }
        }
    }

    /// Names (first spelling, trimmed) and counts, sorted by the folded name.
    fn sorted(mut self) -> (Vec<String>, Vec<Vec<u64>>) {
        self.groups.sort_by(|x, y| x.1.cmp(&y.1));
        self.groups
            .into_iter()
            .map(|(name, _, counts)| (name.trim().to_owned(), counts))
            .unzip()
    }
}

/// `into[i] += from[i]`.
fn add_counts(into: &mut [u64], from: &[u64]) {
    for (a, b) in into.iter_mut().zip(from) {
        *a += b;
    }
}

/// Row by row, `into[i][j] += from[i][j]`.
fn add_rows(into: &mut [Vec<u64>], from: &[Vec<u64>]) {
    for (a, b) in into.iter_mut().zip(from) {
        add_counts(a, b);
    }
}

fn index_of<T: CodeList>(v: T) -> usize {
    v.index()
}

/// Counts of clients by gender × age band (age on 31 December); unknown ages go to an extra
/// column that is dropped when nobody is in it.
struct GenderAge(Vec<Vec<u64>>);

impl GenderAge {
    fn new() -> Self {
        GenderAge(vec![vec![0u64; AgeBand::ALL.len() + 1]; Gender::ALL.len()])
    }

    fn add(&mut self, gender: usize, band: usize) {
        self.0[gender][band] += 1;
    }

    fn table(mut self, table: ReportTable) -> Table {
        let mut columns = labels::<AgeBand>();
        if self.0.iter().any(|row| row[AgeBand::ALL.len()] > 0) {
            columns.push(UNKNOWN.into());
        } else {
            self.0.iter_mut().for_each(|row| {
                row.pop();
            });
        }
        table.with_counts(labels::<Gender>(), columns, self.0)
    }
}

/// Every client table, filled one active client at a time.
pub(super) struct ClientCounts<'a> {
    year: i32,
    first_day: Option<time::Date>,
    last_day: Option<time::Date>,
    active: GenderAge,
    new: GenderAge,
    closed: GenderAge,
    active_count: u64,
    waits: Vec<i64>,
    /// Areas are few and clients many: counted by borrowed name (see [`Named`]).
    by_area: Named<'a>,
    children: Vec<Vec<u64>>,
    reasons: Vec<Vec<u64>>,
    new_reasons: Vec<Vec<u64>>,
    assignments: Vec<Vec<u64>>,
    per_municipality: PerMunicipality,
}

/// Clients counted by municipality: a count per four-digit code, looked up by its number
/// rather than in a map (a map's search was a tenth of the pass over 10⁶ clients).
struct PerMunicipality {
    counts: Vec<u64>,
    /// Every code counted, in the order first seen.
    codes: Vec<MunicipalityCode>,
}

impl PerMunicipality {
    fn new() -> Self {
        PerMunicipality {
            counts: Vec::new(),
            codes: Vec::new(),
        }
    }

    fn add(&mut self, code: MunicipalityCode, n: u64) {
        if self.counts.is_empty() {
            self.counts = vec![0; 10_000];
        }
        let count = &mut self.counts[code.number()];
        if *count == 0 {
            self.codes.push(code);
        }
        *count += n;
    }

    fn merge(&mut self, other: PerMunicipality) {
        for code in other.codes {
            self.add(code, other.counts[code.number()]);
        }
    }

    fn into_map(self) -> BTreeMap<MunicipalityCode, u64> {
        let counts = self.counts;
        self.codes
            .into_iter()
            .map(|code| (code, counts[code.number()]))
            .collect()
    }
}

/// The client tables, counted.
pub(super) struct ClientTables {
    pub active_clients: Table,
    pub new_clients: Table,
    pub closed_clients: Table,
    pub clients_by_area: Table,
    pub children_at_home: Table,
    pub contact_reasons: Table,
    pub new_contact_reasons: Table,
    pub assignments: Table,
    pub assignments_per_client: Ratio,
    pub waiting: Waiting,
    pub per_municipality: BTreeMap<MunicipalityCode, u64>,
}

impl<'a> ClientCounts<'a> {
    pub(super) fn new(year: i32) -> Self {
        ClientCounts {
            year,
            first_day: time::Date::from_calendar_date(year, time::Month::January, 1).ok(),
            last_day: time::Date::from_calendar_date(year, time::Month::December, 31).ok(),
            active: GenderAge::new(),
            new: GenderAge::new(),
            closed: GenderAge::new(),
            active_count: 0,
            waits: Vec::new(),
            by_area: Named::new(Gender::ALL.len()),
            children: vec![vec![0u64; 1]; Gender::ALL.len()],
            reasons: vec![vec![0u64; Gender::ALL.len()]; ContactReason::ALL.len()],
            new_reasons: vec![vec![0u64; Gender::ALL.len()]; ContactReason::ALL.len()],
            assignments: vec![vec![0u64; 1]; AssignmentCategory::ALL.len()],
            per_municipality: PerMunicipality::new(),
        }
    }

    /// Counts one client, if active in the year.
    pub(super) fn add(&mut self, c: &'a Client) {
        let year = self.year;
        if !c.active_in(year) {
            return;
        }
        self.active_count += 1;
        let g = index_of(c.gender);
        let band = c.age_band_in(year).map_or(AgeBand::ALL.len(), index_of);
        self.active.add(g, band);
        if c.started_on.year() == year {
            self.new.add(g, band);
            if let Some(applied) = c.applied_on {
                self.waits.push((c.started_on - applied).whole_days());
            }
        }
        if c.ended_on.is_some_and(|e| e.year() == year) {
            self.closed.add(g, band);
        }
        let area = c.area.as_deref().unwrap_or_default();
        self.by_area.counts(area)[g] += 1;
        if c.children_at_home {
            self.children[g][0] += 1;
        }
        // A set: a reason named twice in the export counts once.
        let new = c.started_on.year() == year;
        for r in c.contact_reasons.iter() {
            self.reasons[index_of(r)][g] += 1;
            if new {
                self.new_reasons[index_of(r)][g] += 1;
            }
        }
        for a in &c.assignments {
            let in_year = a.started_on.zip(self.last_day).is_none_or(|(s, l)| s <= l)
                && a.ended_on.zip(self.first_day).is_none_or(|(e, f)| e >= f);
            if in_year {
                self.assignments[index_of(a.category)][0] += 1;
            }
        }
        if let Some(m) = c.municipality {
            self.per_municipality.add(m, 1);
        }
    }

    /// Adds the counts of `other`, counted over the clients after this one's.
    fn merge(&mut self, other: ClientCounts<'a>) {
        add_rows(&mut self.active.0, &other.active.0);
        add_rows(&mut self.new.0, &other.new.0);
        add_rows(&mut self.closed.0, &other.closed.0);
        self.active_count += other.active_count;
        self.waits.extend(other.waits);
        self.by_area.merge(other.by_area);
        add_rows(&mut self.children, &other.children);
        add_rows(&mut self.reasons, &other.reasons);
        add_rows(&mut self.new_reasons, &other.new_reasons);
        add_rows(&mut self.assignments, &other.assignments);
        self.per_municipality.merge(other.per_municipality);
    }

    /// Counts `clients` in up to `chunks` runs on as many threads, merged in order: the
    /// tables of a large register in a fraction of the time (one pass each, no shared state),
    /// and exactly those of one pass.
    pub(super) fn of(clients: &'a [Client], year: i32, chunks: usize) -> Self {
        let size = clients.len().div_ceil(chunks.max(1)).max(1);
        let count = |part: &'a [Client]| {
            let mut counts = ClientCounts::new(year);
            for c in part {
                counts.add(c);
            }
            counts
        };
        if chunks <= 1 || clients.len() <= size {
            return count(clients);
        }
        let parts: Vec<ClientCounts<'a>> = std::thread::scope(|s| {
            let handles: Vec<_> = clients
                .chunks(size)
                .map(|part| s.spawn(move || count(part)))
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        });
        let mut parts = parts.into_iter();
        let mut all = parts.next().unwrap_or_else(|| ClientCounts::new(year));
        for p in parts {
            all.merge(p);
        }
        all
    }

    pub(super) fn tables(self) -> ClientTables {
        let (areas, by_area) = self.by_area.sorted();
        let assignment_total: u64 = self.assignments.iter().map(|r| r[0]).sum();
        let genders = labels::<Gender>;
        ClientTables {
            active_clients: self.active.table(ReportTable::ActiveClients),
            new_clients: self.new.table(ReportTable::NewClients),
            closed_clients: self.closed.table(ReportTable::ClosedClients),
            clients_by_area: ReportTable::ClientsByArea.with_counts(areas, genders(), by_area),
            children_at_home: ReportTable::ChildrenAtHome.with_counts(
                genders(),
                vec!["Klienter".into()],
                self.children,
            ),
            contact_reasons: ReportTable::ContactReasons.with_counts(
                labels::<ContactReason>(),
                genders(),
                self.reasons,
            ),
            new_contact_reasons: ReportTable::NewContactReasons.with_counts(
                labels::<ContactReason>(),
                genders(),
                self.new_reasons,
            ),
            assignments: ReportTable::Assignments.with_counts(
                labels::<AssignmentCategory>(),
                vec!["Uppdrag".into()],
                self.assignments,
            ),
            assignments_per_client: Ratio::per(assignment_total, self.active_count),
            waiting: WaitingSummary::of(self.waits).into(),
            per_municipality: self.per_municipality.into_map(),
        }
    }
}

/// Clients per municipality against the population key: every municipality with clients or
/// in the key, by kommunkod; and the clients with a municipality.
pub(super) fn municipality_rows(
    per_municipality: &BTreeMap<MunicipalityCode, u64>,
    population: &BTreeMap<MunicipalityCode, (String, u64)>,
) -> (Vec<MunicipalityRow>, u64) {
    let with_municipality: u64 = per_municipality.values().sum();
    let key_total: u64 = population.values().map(|p| p.1).sum();
    let mut codes: Vec<MunicipalityCode> = per_municipality.keys().copied().collect();
    codes.extend(population.keys().copied());
    codes.sort();
    codes.dedup();
    let rows = codes
        .into_iter()
        .map(|code| {
            let n = per_municipality.get(&code).copied().unwrap_or(0);
            let pop = population.get(&code);
            MunicipalityRow {
                code,
                name: pop.map(|p| p.0.clone()).unwrap_or_default(),
                clients: Cell::Count(n),
                client_share: Ratio::percent(n, with_municipality),
                key_share: pop.map(|p| Ratio::percent(p.1, key_total)),
            }
        })
        .collect();
    (rows, with_municipality)
}

/// Intake outcomes by area for the visits of the year.
pub(super) fn intake_outcomes(register: &Register, year: i32) -> Table {
    // As for clients: areas by folded name, one column of outcome counts each.
    let mut by_area = Named::new(IntakeOutcome::ALL.len());
    for v in register
        .intake_visits
        .iter()
        .filter(|v| v.date.year() == year)
    {
        by_area.counts(&v.area)[index_of(v.outcome)] += 1;
    }
    let (areas, by_area) = by_area.sorted();
    let counts: Vec<Vec<u64>> = (0..IntakeOutcome::ALL.len())
        .map(|i| by_area.iter().map(|counts| counts[i]).collect())
        .collect();
    ReportTable::IntakeOutcomes.with_counts(labels::<IntakeOutcome>(), areas, counts)
}

/// 10 § 5: deviations of the year by event type × level and by counterpart × status, and the
/// shortcomings (not positive events) that got feedback.
pub(super) fn deviation_tables(register: &Register, year: i32) -> (Table, Table, Ratio) {
    let mut by_type = vec![vec![0u64; DeviationLevel::ALL.len()]; DeviationEventType::ALL.len()];
    let mut by_counterpart = vec![vec![0u64; DeviationStatus::ALL.len()]; Counterpart::ALL.len()];
    let (mut shortcomings, mut with_feedback) = (0u64, 0u64);
    for d in register.deviations.iter().filter(|d| d.date.year() == year) {
        by_type[index_of(d.event_type)][index_of(d.level)] += 1;
        by_counterpart[index_of(d.counterpart)][index_of(d.status)] += 1;
        if d.event_type.is_shortcoming() {
            shortcomings += 1;
            with_feedback += u64::from(d.status.has_feedback());
        }
    }
    (
        ReportTable::DeviationsByType.with_counts(
            labels::<DeviationEventType>(),
            labels::<DeviationLevel>(),
            by_type,
        ),
        ReportTable::DeviationsByCounterpart.with_counts(
            labels::<Counterpart>(),
            labels::<DeviationStatus>(),
            by_counterpart,
        ),
        Ratio::percent(with_feedback, shortcomings),
    )
}

/// The exit survey: the response rate and, per question, the answers with their percentages.
pub(super) fn exit_survey(register: &Register) -> (Option<Ratio>, Vec<SurveyQuestion>) {
    let Some(s) = &register.exit_survey else {
        return (None, Vec::new());
    };
    // Answers "Ja", "ja" and "JA" are one answer (first spelling shown), as are questions.
    let mut questions: BTreeMap<String, (&str, Named<'_>)> = BTreeMap::new();
    for r in &s.responses {
        for (q, a) in &r.answers {
            let entry = questions
                .entry(crate::text::fold(q))
                .or_insert_with(|| (q.as_str(), Named::new(1)));
            entry.1.counts(a)[0] += 1;
        }
    }
    let rows = questions
        .into_values()
        .map(|(q, answers)| {
            let (names, counts) = answers.sorted();
            let answers: BTreeMap<String, u64> = names
                .into_iter()
                .zip(counts.into_iter().map(|c| c[0]))
                .collect();
            let respondents: u64 = answers.values().sum();
            SurveyQuestion {
                question: q.to_owned(),
                respondents: Cell::Count(respondents),
                answers: answers
                    .into_iter()
                    .map(|(a, n)| (a.to_owned(), Ratio::percent(n, respondents)))
                    .collect(),
            }
        })
        .collect();
    (
        Some(Ratio::percent(s.responses.len() as u64, u64::from(s.sent))),
        rows,
    )
}

/// The row or column of those whose value the export leaves out.
pub(crate) const UNKNOWN: &str = "Uppgift saknas";

/// The table of new clients' contact reasons as a report without it has it (read from a
/// submission of schema 3 or earlier): no rows, no columns, nothing counted.
pub(crate) fn new_contact_reasons_not_reported() -> Table {
    ReportTable::NewContactReasons.with_counts(Vec::new(), Vec::new(), Vec::new())
}

/// 10 § 1: positions, ombud (by gender when the export gives genders), training and
/// supervision.
pub(super) fn staff_summary(register: &Register) -> StaffSummary {
    let mut training: BTreeMap<String, u64> = BTreeMap::new();
    for t in register.staff.iter().flat_map(|s| s.training.iter()) {
        *training.entry(t.clone()).or_default() += 1;
    }
    // By gender only when the export gives genders; then everyone is counted somewhere.
    let mut ombud_by_gender: BTreeMap<String, Cell> = BTreeMap::new();
    if register.staff.iter().any(|s| s.gender.is_some()) {
        for s in &register.staff {
            let label = s.gender.map_or(UNKNOWN, CodeList::label_sv);
            let n = ombud_by_gender
                .entry(label.to_owned())
                .or_insert(Cell::Count(0));
            *n = Cell::Count(n.count().unwrap_or(0) + 1);
        }
    }
    StaffSummary {
        ombud_by_gender,
        positions: register.staff.iter().map(|s| s.fte).sum(),
        ombud: Cell::Count(register.staff.len() as u64),
        training: training
            .into_iter()
            .map(|(t, n)| (t, Cell::Count(n)))
            .collect(),
        with_supervision: Cell::Count(
            register
                .staff
                .iter()
                .filter(|s| s.supervision.is_some())
                .count() as u64,
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tables(t: ClientTables) -> Vec<Table> {
        vec![
            t.active_clients,
            t.new_clients,
            t.closed_clients,
            t.clients_by_area,
            t.children_at_home,
            t.contact_reasons,
            t.new_contact_reasons,
            t.assignments,
        ]
    }

    #[test]
    fn counted_in_chunks_on_threads_the_tables_are_those_of_one_pass() {
        let mut r = crate::io::read::read_register_json(
            include_str!("../../../examples/data/synthetic-2023/register.json"),
            "register.json",
        )
        .unwrap();
        // Another spelling of an area, first seen in a later chunk: one row, the first
        // spelling shown.
        let last = r.clients.len() - 1;
        let area = r.clients[0].area.clone().unwrap();
        r.clients[last].area = Some(area.to_uppercase().into());
        let one = ClientCounts::of(&r.clients, 2023, 1).tables();
        let (waits, per) = (one.waiting.clone(), one.per_municipality.clone());
        let one = tables(one);
        assert_eq!(one[0].total, Cell::Count(240));
        for chunks in [2, 3, 7] {
            let many = ClientCounts::of(&r.clients, 2023, chunks).tables();
            assert_eq!(many.waiting, waits);
            assert_eq!(many.per_municipality, per);
            assert_eq!(tables(many), one, "{chunks} chunks");
        }
        assert!(one[3].rows.contains(&area.to_string()));
        assert!(!one[3].rows.contains(&area.to_uppercase()));
    }
}
