//! What may be rendered: a [`Publishable`] is a report or a compilation that passed its
//! disclosure audit just now. Only the audits make one ([`crate::report::AnnualReport::publishable`],
//! [`crate::chain::Compilation::publishable`]) and every writer of [`crate::io::write`] takes one,
//! so "never render before the audit" holds by type, in every crate: a binding or the command
//! cannot call a writer with a report that was not audited.

use std::ops::Deref;

/// A value that passed its disclosure audit (see the module's documentation). It borrows the
/// value, so the value cannot change while it is being rendered.
#[derive(Debug)]
pub struct Publishable<'a, T>(&'a T);

impl<'a, T> Publishable<'a, T> {
    /// Vouches for `value`: only for po-core's audits, right after they pass.
    pub(crate) fn audited(value: &'a T) -> Self {
        Publishable(value)
    }

    /// The audited value.
    pub fn get(self) -> &'a T {
        self.0
    }
}

// Not derived: a derive would ask `T: Clone`, and copying the reference is all that is needed.
impl<T> Clone for Publishable<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Publishable<'_, T> {}

impl<T> Deref for Publishable<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        self.0
    }
}
