//! Contact reasons: why a client contacts PO (SFS 2013:522 10 § 2 asks for "the most common").

use super::{code_list, src};

code_list! {
    /// Why a client contacted PO. A client has one or more. The first nine are Stockholm's
    /// reporting categories (seed 002, table "Kontaktorsak"); `EmployerPension` is Värmland's
    /// addition (seed 003, footnote "Stöd i kontakt med arbetsgivare och ansöka om pension");
    /// `Other` catches the rest ("Annat").
    pub enum ContactReason in "contact_reason" {
        /// Ekonomi.
        Economy = "economy", sv "Ekonomi", en "Economy", source src::SEED_002;
        /// Bostad.
        Housing = "housing", sv "Bostad", en "Housing", source src::SEED_002, aliases ["Boende"];
        /// Sysselsättning.
        Occupation = "occupation", sv "Sysselsättning", en "Occupation", source src::SEED_002;
        /// Struktur i vardagen.
        DailyStructure = "daily_structure", sv "Struktur i vardagen",
            en "Structure in daily life", source src::SEED_002;
        /// Bryta isolering.
        BreakingIsolation = "breaking_isolation", sv "Bryta isolering",
            en "Breaking isolation", source src::SEED_002;
        /// Relationsfrågor.
        Relationships = "relationships", sv "Relationsfrågor", en "Relationships",
            source src::SEED_002;
        /// Existentiella frågor.
        Existential = "existential", sv "Existentiella frågor", en "Existential questions",
            source src::SEED_002;
        /// Stöd i kontakten med myndigheter (health care excluded).
        Authorities = "authorities", sv "Stöd i kontakten med myndigheter",
            en "Support in contact with authorities", source src::SEED_002,
            aliases ["Stöd i kontakt med myndigheter", "Myndigheter"];
        /// Stöd i kontakten med sjukvården.
        HealthCare = "health_care", sv "Stöd i kontakten med sjukvården",
            en "Support in contact with health care", source src::SEED_002,
            aliases ["Stöd i kontakt med sjukvården", "Sjukvården", "Vården"];
        /// Arbetsgivare och pension (Värmland's local label maps here, see
        /// `LocalVocabulary::varmland`).
        EmployerPension = "employer_pension", sv "Arbetsgivare och pension",
            en "Employer and pension", source src::SEED_003;
        /// Annat.
        Other = "other", sv "Annat", en "Other", source src::PO, aliases ["Övrigt"];
    }
}

#[cfg(test)]
mod tests {
    use super::ContactReason;
    use crate::codes::CodeList;

    #[test]
    fn stockholms_nine_plus_varmland_and_other() {
        assert_eq!(ContactReason::ALL.len(), 11);
        let nine: Vec<_> = ContactReason::ALL[..9]
            .iter()
            .map(|r| r.label_sv())
            .collect();
        // The row labels of seed 002's table, in its order.
        assert_eq!(
            nine,
            [
                "Ekonomi",
                "Bostad",
                "Sysselsättning",
                "Struktur i vardagen",
                "Bryta isolering",
                "Relationsfrågor",
                "Existentiella frågor",
                "Stöd i kontakten med myndigheter",
                "Stöd i kontakten med sjukvården"
            ]
        );
    }
}
