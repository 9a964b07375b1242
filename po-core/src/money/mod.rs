//! Money: the state grant (SFS 2013:522 6–10, 15 §§) and cost sharing between municipalities
//! by adult population (seeds 000, 003, 004). All amounts are `rust_decimal::Decimal` kronor;
//! every allocation adds up exactly to its total (largest-remainder rounding, see
//! [`allocate`]).

mod agreement;
mod allocation;
mod error;
mod grant;
mod scenario;

pub use agreement::{
    Accounts, Agreement, AgreementParticipant, CostLine, IncomeKind, IncomeLine, Rounding,
};
pub use allocation::{allocate, Allocation, Check, ParticipantShare};
pub use error::{MoneyError, MAX_ADULTS, MAX_AMOUNT};
pub use grant::{
    amount_per_position, grant, grant_calendar, repayment, service_grant, BudgetAccount, Grant,
    GrantCalendar, NationalBudget, Repayment, Waiver,
};
pub use scenario::{client_share_vs_key, compare, ClientShareRow, ScenarioRow};
