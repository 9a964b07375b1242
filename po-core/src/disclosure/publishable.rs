//! What may be rendered: a [`Publishable`] is a report or a compilation that passed its
//! disclosure audit just now. Only the audits make one ([`crate::report::AnnualReport::publishable`],
//! [`crate::chain::Compilation::publishable`]) and every writer of [`crate::io::write`] takes one,
//! so "never render before the audit" holds by type, in every crate: a binding or the command
//! cannot call a writer with a report that was not audited.

use std::hash::{BuildHasher, RandomState};
use std::ops::Deref;

use super::Publication;

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

/// What an audit that passed just now certified: the publication, its published values and
/// the threshold, remembered by a hash under a key drawn for this certificate (so no input can
/// be made to collide with it). Protection ends with an audit that found nothing; a rendering
/// right after it would audit the same numbers again (as long as protecting takes: the
/// 10 000-register property spent a third of its time there). A value that changed since —
/// edited, or read from a file, which never carries a certificate — no longer matches and is
/// audited in full.
#[derive(Clone, Default)]
pub(crate) struct Certificate(Option<(RandomState, u64)>);

impl Certificate {
    /// Certifies `published` under `k`: only right after an audit of exactly these found no
    /// cell at risk and no count shown within 1..k-1.
    pub(crate) fn of(publication: &Publication, published: &[Option<u64>], k: u64) -> Self {
        let key = RandomState::new();
        let hash = key.hash_one((publication, published, k));
        Certificate(Some((key, hash)))
    }

    /// Whether this certifies exactly `published` under `k`.
    pub(crate) fn covers(
        &self,
        publication: &Publication,
        published: &[Option<u64>],
        k: u64,
    ) -> bool {
        self.0
            .as_ref()
            .is_some_and(|(key, hash)| key.hash_one((publication, published, k)) == *hash)
    }
}

// Not part of the value: two reports with the same numbers are equal whether or not one was
// audited just now, and nothing of it is shown.
impl PartialEq for Certificate {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for Certificate {}

impl std::fmt::Debug for Certificate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.is_some() {
            "Certificate(..)"
        } else {
            "Certificate(none)"
        })
    }
}
