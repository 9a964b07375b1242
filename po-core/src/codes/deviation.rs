//! Deviations (brister, systemfel, avvikelser): shortcomings the ombud notice in the welfare
//! system. Reporting them is a statutory purpose (SFS 2013:522 3 § second paragraph 2) and the
//! fifth point of the annual report (10 § 5).

use super::{code_list, src};

code_list! {
    /// The level at which a shortcoming lies (seed 002: "på handläggarnivå, lokal och central
    /// nivå").
    pub enum DeviationLevel in "deviation_level" {
        /// Handläggarnivå: the individual level, e.g. how a caseworker treats the client.
        Caseworker = "caseworker", sv "Handläggarnivå", en "Caseworker level",
            source src::SEED_002;
        /// Lokal nivå: organisational shortcomings, e.g. in local health care.
        Local = "local", sv "Lokal nivå", en "Local level", source src::SEED_002;
        /// Central nivå: legislation, regulations, resources.
        Central = "central", sv "Central nivå", en "Central level", source src::SEED_002;
    }
}

code_list! {
    /// The organisation a shortcoming concerns (seed 001 annex 1: health care, social services,
    /// other authorities; split further as the seeds name them).
    pub enum Counterpart in "counterpart" {
        /// Hälso- och sjukvården (in general).
        HealthCare = "health_care", sv "Hälso- och sjukvården", en "Health care",
            source src::SEED_001, aliases ["Sjukvården", "Vården"];
        /// Psykiatrin (the region's specialised psychiatry).
        Psychiatry = "psychiatry", sv "Psykiatrin", en "Psychiatry", source src::SEED_001,
            aliases ["Specialiserad psykiatri"];
        /// Primärvården.
        PrimaryCare = "primary_care", sv "Primärvården", en "Primary care", source src::SEED_001;
        /// Socialtjänsten.
        SocialServices = "social_services", sv "Socialtjänsten", en "Social services",
            source src::SEED_001;
        /// Försäkringskassan (the Social Insurance Agency).
        Forsakringskassan = "forsakringskassan", sv "Försäkringskassan",
            en "Social Insurance Agency (Försäkringskassan)", source src::SEED_001, aliases ["FK"];
        /// Arbetsförmedlingen (the Public Employment Service).
        Arbetsformedlingen = "arbetsformedlingen", sv "Arbetsförmedlingen",
            en "Public Employment Service (Arbetsförmedlingen)", source src::SEED_001,
            aliases ["AF"];
        /// Kronofogden (the Enforcement Authority).
        Kronofogden = "kronofogden", sv "Kronofogden",
            en "Enforcement Authority (Kronofogden)", source src::SEED_001;
        /// Bostad: landlords and housing.
        Housing = "housing", sv "Bostad", en "Housing", source src::SEED_001,
            aliases ["Hyresvärd", "Boende"];
        /// Övriga.
        Other = "other", sv "Övriga", en "Other", source src::SEED_001,
            aliases ["Övrigt", "Annat", "Övriga myndigheter"];
    }
}

code_list! {
    /// The event type of Värmland's deviation module (seed 000), including positive events:
    /// "händelser som underlättat för målgruppen".
    pub enum DeviationEventType in "deviation_event_type" {
        /// Brister i ledning/organisation/rutin.
        ManagementOrganisationRoutine = "management_organisation_routine",
            sv "Brister i ledning/organisation/rutin",
            en "Shortcomings in management, organisation or routine", source src::SEED_000;
        /// Tillgång till vård och stöd.
        AccessToCareAndSupport = "access_to_care_and_support", sv "Tillgång till vård och stöd",
            en "Access to care and support", source src::SEED_000;
        /// Information och pedagogik.
        InformationAndPedagogy = "information_and_pedagogy", sv "Information och pedagogik",
            en "Information and pedagogy", source src::SEED_000;
        /// Systemförbättringar: clients' wishes for change.
        SystemImprovement = "system_improvement", sv "Systemförbättringar",
            en "System improvements (clients' wishes)", source src::SEED_000,
            aliases ["Systemförbättring"];
        /// Positiv händelse: an authority did something that helped.
        PositiveEvent = "positive_event", sv "Positiv händelse", en "Positive event",
            source src::SEED_000, aliases ["Positiva händelser"];
    }
}

impl DeviationEventType {
    /// Whether the event is a shortcoming (everything but a positive event).
    pub fn is_shortcoming(self) -> bool {
        self != DeviationEventType::PositiveEvent
    }
}

code_list! {
    /// Where a deviation is in its life cycle: documented, raised with the leadership group,
    /// answered by the responsible organisation, then remedied or not. Seed 002 asks for "en
    /// struktur för återkoppling"; seed 003 reports to the leadership group four times a year.
    pub enum DeviationStatus in "deviation_status" {
        /// Dokumenterad.
        Documented = "documented", sv "Dokumenterad", en "Documented", source src::SEED_002;
        /// Lyft i ledningsgruppen.
        Raised = "raised", sv "Lyft i ledningsgruppen", en "Raised with the leadership group",
            source src::SEED_003, aliases ["Lyft"];
        /// Återkoppling mottagen från ansvarig organisation.
        FeedbackReceived = "feedback_received", sv "Återkoppling mottagen",
            en "Feedback received", source src::SEED_002, aliases ["Återkoppling"];
        /// Åtgärdad.
        Remedied = "remedied", sv "Åtgärdad", en "Remedied", source src::SEED_001;
        /// Ej åtgärdad.
        NotRemedied = "not_remedied", sv "Ej åtgärdad", en "Not remedied", source src::SEED_001;
    }
}

impl DeviationStatus {
    /// Whether the responsible organisation has answered (feedback, remedied or not remedied).
    pub fn has_feedback(self) -> bool {
        matches!(
            self,
            DeviationStatus::FeedbackReceived
                | DeviationStatus::Remedied
                | DeviationStatus::NotRemedied
        )
    }

    /// Whether the deviation is closed (remedied or not remedied).
    pub fn is_closed(self) -> bool {
        matches!(
            self,
            DeviationStatus::Remedied | DeviationStatus::NotRemedied
        )
    }
}
