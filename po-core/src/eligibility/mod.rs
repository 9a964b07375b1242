//! Target-group assessment (SFS 2013:522 2 §) with reasons.
//!
//! The result is *assessment support*, never a legal decision: PO is not preceded by a needs
//! assessment (biståndsprövning), and no diagnosis is required (seeds 002, 003), so a diagnosis
//! is never an input. Each criterion can be answered yes / no / not yet known, or derived from
//! details by a documented rule; an unknown answer gives "undetermined, ask about …", never "not
//! eligible".

mod assess;
mod batch;
mod error;
mod input;
mod intake;

pub use assess::{assess, Assessment, Outcome, Question};
pub use batch::{assess_batch, Batch, CaseResult, CRITERIA};
pub use error::EligibilityError;
pub use input::{
    Age, Answer, ContactArea, ContactsReading, Criterion, LifeArea, NeedArea, NeedsReading,
    Readings, TargetGroupInput,
};
pub use intake::IntakeRecord;
