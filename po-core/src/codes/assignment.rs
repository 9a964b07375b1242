//! Assignment (uppdrag) categories: what the ombud works on for a client.

use super::{code_list, src};

code_list! {
    /// The category of an assignment (uppdrag). A client has any number of assignments, and they
    /// overlap: "in the assignment economy there may also be an application for a guardian (god
    /// man), a social-insurance case" (seed 003; seed 004 likewise). Värmland counts assignments
    /// per active client (seed 004: 944 for 202 = 4.67; seed 000: 1 338 for 218 = 6.14). The
    /// seeds publish the categories only as charts; this list takes the categories they name in
    /// text, and otherwise mirrors the contact reasons so that the two can be compared.
    pub enum AssignmentCategory in "assignment_category" {
        /// Myndighetskontakter: support in contact with authorities.
        Authorities = "authorities", sv "Stöd i kontakt med myndighet",
            en "Support in contact with authorities", source src::SEED_003,
            aliases ["Myndighet", "Myndigheter", "Förbättrad kontakt med myndigheter"];
        /// Vård: support in contact with health care.
        HealthCare = "health_care", sv "Stöd i kontakt med vård",
            en "Support in contact with health care", source src::SEED_004,
            aliases ["Vård", "Sjukvård"];
        /// Ekonomi.
        Economy = "economy", sv "Ekonomi", en "Economy", source src::SEED_003;
        /// God man / förvaltare: an application for or contact with a guardian.
        Guardian = "guardian", sv "God man/förvaltare", en "Guardian (god man)",
            source src::SEED_003, aliases ["God man", "Ansökan om god man"];
        /// Socialförsäkring: a case with Försäkringskassan.
        SocialInsurance = "social_insurance", sv "Socialförsäkring", en "Social insurance",
            source src::SEED_003, aliases ["Socialförsäkringsärende"];
        /// Bostad.
        Housing = "housing", sv "Bostad", en "Housing", source src::SEED_001, aliases ["Boende"];
        /// Sysselsättning och arbete.
        Occupation = "occupation", sv "Sysselsättning", en "Occupation", source src::SEED_002,
            aliases ["Arbete"];
        /// Struktur i vardagen.
        DailyStructure = "daily_structure", sv "Struktur i vardagen",
            en "Structure in daily life", source src::SEED_002;
        /// Sociala relationer och nätverk (isolation, relationships).
        SocialNetwork = "social_network", sv "Relationer och socialt nätverk",
            en "Relationships and social network", source src::SEED_002;
        /// Rättsliga frågor: legal aid and advice (3 § first paragraph 3: "rättshjälp,
        /// rådgivning").
        Legal = "legal", sv "Rättsliga frågor", en "Legal matters", source src::SFS_2013_522_3;
        /// Arbetsgivare och pension (Värmland).
        EmployerPension = "employer_pension", sv "Arbetsgivare och pension",
            en "Employer and pension", source src::SEED_003;
        /// Annat.
        Other = "other", sv "Annat", en "Other", source src::PO, aliases ["Övrigt"];
    }
}
