//! The report's tables, named once: this list gives each table its variant, its field of
//! [`AnnualReport`], its machine name (the field's name: JSON keys, CSV file names, sheet names,
//! the flat form's sections), its titles, and whether a compilation sums it (seed 001's tables
//! compiled from the services: clients by gender × age, children at home, contact reasons,
//! deviations). Counting, protection, the compilation, the readers and the writers iterate
//! [`ReportTable::ALL`] or ask [`AnnualReport::table_of`]; a new table is one line here (and its
//! counting).

use serde::{Deserialize, Serialize};

use super::{AnnualReport, Table};

macro_rules! report_tables {
    ($(
        $(#[$doc:meta])*
        $variant:ident => $field:ident, $sv:literal, $en:literal, sheet: $sheet_sv:literal, $sheet_en:literal, compiled: $compiled:literal;
    )*) => {
        /// A table of the annual report (SFS 2013:522 10 §), in report order.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum ReportTable {
            $($(#[$doc])* $variant,)*
        }

        impl ReportTable {
            /// Every table, in report order.
            pub const ALL: &'static [ReportTable] = &[$(ReportTable::$variant),*];

            /// The machine name (`active_clients`, …): the field of [`AnnualReport`].
            pub fn name(self) -> &'static str {
                match self { $(ReportTable::$variant => stringify!($field)),* }
            }

            /// The Swedish title.
            pub fn title_sv(self) -> &'static str {
                match self { $(ReportTable::$variant => $sv),* }
            }

            /// The English title.
            pub fn title_en(self) -> &'static str {
                match self { $(ReportTable::$variant => $en),* }
            }

            /// A short name in the language asked for (a workbook's sheet: at most 31
            /// characters, as Excel requires; issue 32: no machine names in a document).
            pub fn sheet_name(self, sv: bool) -> &'static str {
                match (self, sv) {
                    $((ReportTable::$variant, true) => $sheet_sv,
                    (ReportTable::$variant, false) => $sheet_en,)*
                }
            }

            /// Whether a county's or the nation's compilation sums it (seed 001).
            pub fn compiled(self) -> bool {
                match self { $(ReportTable::$variant => $compiled),* }
            }
        }

        impl AnnualReport {
            /// One of its tables.
            pub fn table_of(&self, table: ReportTable) -> &Table {
                match table { $(ReportTable::$variant => &self.$field),* }
            }

            /// One of its tables, to change it (protection, a submission's flat form).
            pub(crate) fn table_of_mut(&mut self, table: ReportTable) -> &mut Table {
                match table { $(ReportTable::$variant => &mut self.$field),* }
            }

            /// Every table, in report order.
            pub fn tables(&self) -> Vec<&Table> {
                vec![$(&self.$field),*]
            }

            /// Every table, in report order, to change them.
            pub(crate) fn tables_mut(&mut self) -> Vec<&mut Table> {
                let AnnualReport { $($field,)* .. } = self;
                vec![$($field),*]
            }
        }
    };
}

report_tables! {
    /// 10 § 2: active clients by gender × age band (age on 31 December).
    ActiveClients => active_clients,
        "Aktuella klienter efter kön och ålder", "Active clients by gender and age",
        sheet: "Aktuella klienter", "Active clients", compiled: true;
    /// New clients (started in the year) by gender × age band.
    NewClients => new_clients,
        "Nya klienter efter kön och ålder", "New clients by gender and age",
        sheet: "Nya klienter", "New clients", compiled: true;
    /// Closed clients (ended in the year) by gender × age band.
    ClosedClients => closed_clients,
        "Avslutade klienter efter kön och ålder", "Closed clients by gender and age",
        sheet: "Avslutade klienter", "Closed clients", compiled: true;
    /// Active clients by area × gender.
    ClientsByArea => clients_by_area,
        "Klienter efter område och kön", "Clients by area and gender",
        sheet: "Klienter efter område", "Clients by area", compiled: false;
    /// Active clients with children at home, by gender.
    ChildrenAtHome => children_at_home,
        "Klienter med hemmavarande barn", "Clients with children at home",
        sheet: "Hemmavarande barn", "Children at home", compiled: true;
    /// Contact reasons of active clients by gender.
    ContactReasons => contact_reasons,
        "Kontaktorsaker efter kön", "Contact reasons by gender",
        sheet: "Kontaktorsaker", "Contact reasons", compiled: true;
    /// Contact reasons of the year's new clients by gender: what seed 001's figure 1 counts
    /// ("orsakerna till att nya klienter tar kontakt med PO"). Compiled since the audit probes
    /// whole values from one solved basis (it had taken `po compile` of the SYNTHETIC nation
    /// from 0.43 s to 78 s, 2026-12-07); a compilation of a service whose submission lacks it
    /// (schema 3 or earlier) shows it blank ([`crate::chain::Compilation::tables`]).
    NewContactReasons => new_contact_reasons,
        "Kontaktorsaker för nya klienter efter kön", "Contact reasons of new clients by gender",
        sheet: "Kontaktorsaker, nya", "Contact reasons, new", compiled: true;
    /// Assignments of active clients by category.
    Assignments => assignments,
        "Uppdrag efter kategori", "Assignments by category",
        sheet: "Uppdrag", "Assignments", compiled: false;
    /// Intake outcomes by area.
    IntakeOutcomes => intake_outcomes,
        "Resultat av nybesök efter område", "Intake outcomes by area",
        sheet: "Resultat av nybesök", "Intake outcomes", compiled: false;
    /// 10 § 5: deviations by event type × level.
    DeviationsByType => deviations_by_type,
        "Avvikelser efter händelsetyp och nivå", "Deviations by event type and level",
        sheet: "Avvikelser efter typ", "Deviations by type", compiled: true;
    /// 10 § 5: deviations by counterpart × status.
    DeviationsByCounterpart => deviations_by_counterpart,
        "Avvikelser efter motpart och status", "Deviations by counterpart and status",
        sheet: "Avvikelser efter motpart", "Deviations by counterpart", compiled: true;
}

impl ReportTable {
    /// The tables a compilation sums, in report order.
    pub fn compiled_tables() -> impl Iterator<Item = ReportTable> {
        ReportTable::ALL.iter().copied().filter(|t| t.compiled())
    }

    /// Whether counts of disjoint periods add up to the count of their union: events of the
    /// period (new and closed clients, intake visits, deviations), not stocks (active clients
    /// and what is counted of them).
    pub fn additive(self) -> bool {
        matches!(
            self,
            ReportTable::NewClients
                | ReportTable::ClosedClients
                | ReportTable::NewContactReasons
                | ReportTable::IntakeOutcomes
                | ReportTable::DeviationsByType
                | ReportTable::DeviationsByCounterpart
        )
    }

    /// Whether it belongs to 10 § 5 (the deviations), not to 10 § 2 (the clients).
    pub fn about_deviations(self) -> bool {
        matches!(
            self,
            ReportTable::DeviationsByType | ReportTable::DeviationsByCounterpart
        )
    }

    /// The table of a machine name (`active_clients`), if it is one of the report's.
    pub fn named(name: &str) -> Option<ReportTable> {
        ReportTable::ALL.iter().copied().find(|t| t.name() == name)
    }

    /// What a document calls a part of the report whose numbers the disclosure control counts
    /// ([`AnnualReport::hidden_cells`]'s keys: a table's machine name, or the staff, the
    /// clients per municipality, the waiting time, the feedback, the survey), in the language
    /// asked for; a name it does not know, as it is.
    pub fn part_name(name: &str, sv: bool) -> &str {
        if let Some(t) = ReportTable::named(name) {
            return t.sheet_name(sv);
        }
        let (swedish, english) = match name {
            "clients_per_municipality" => ("Klienter per kommun", "Clients per municipality"),
            "survey" => ("Avslutningsenkät", "Exit survey"),
            "staff" => ("Personal", "Staff"),
            "waiting" => ("Väntetid", "Waiting time"),
            "deviations_with_feedback" => ("Återkoppling", "Feedback"),
            _ => return name,
        };
        if sv {
            swedish
        } else {
            english
        }
    }

    /// A table of this kind from its labels and counts (rows × columns).
    pub(crate) fn with_counts(
        self,
        rows: Vec<String>,
        columns: Vec<String>,
        counts: Vec<Vec<u64>>,
    ) -> Table {
        Table::from_counts(
            self.name(),
            self.title_sv(),
            self.title_en(),
            rows,
            columns,
            counts,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::ReportTable;

    #[test]
    fn names_are_unique_and_the_compiled_tables_are_seed_001s() {
        let mut names: Vec<&str> = ReportTable::ALL.iter().map(|t| t.name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), ReportTable::ALL.len());
        let compiled: Vec<&str> = ReportTable::compiled_tables().map(|t| t.name()).collect();
        assert_eq!(
            compiled,
            [
                "active_clients",
                "new_clients",
                "closed_clients",
                "children_at_home",
                "contact_reasons",
                "new_contact_reasons",
                "deviations_by_type",
                "deviations_by_counterpart"
            ]
        );
    }
}
