//! Intake (nybesök) outcomes.

use super::{code_list, src};

code_list! {
    /// The outcome of an intake visit (nybesök), as Värmland records it (seed 003: 157 visits,
    /// 111 accepted; seed 004: per area). The aliases are the spellings of seed 004.
    pub enum IntakeOutcome in "intake_outcome" {
        /// Accepterad/köplacerad: becomes a client or is placed in the queue.
        Accepted = "accepted", sv "Accepterad/köplacerad", en "Accepted or queued",
            source src::SEED_003,
            aliases ["Accepterad/klienten blir köplacerad/får ett PO", "Accepterade/köplacerade",
                     "Accepterad"];
        /// Avsäger sig hjälp.
        Declined = "declined", sv "Avsäger sig hjälp", en "Declines help", source src::SEED_003;
        /// Tillgodoses på annat sätt: a one-off piece of advice, a referral.
        MetOtherwise = "met_otherwise", sv "Tillgodoses på annat sätt",
            en "Need met another way", source src::SEED_003,
            aliases ["Tillgodoses behovet på annat sätt"];
        /// Tillhör ej målgruppen.
        NotTargetGroup = "not_target_group", sv "Tillhör ej målgruppen",
            en "Not in the target group", source src::SEED_003,
            aliases ["Bedöms ej tillhöra målgrupp", "Ej målgrupp"];
        /// Resultat saknas.
        Missing = "missing", sv "Resultat saknas", en "Outcome missing", source src::SEED_003,
            aliases ["Resultat saknas/finns ej dokumenterat i statistik"];
    }
}
