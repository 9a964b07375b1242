//! Names that many rows share (areas): each spelling is kept once and every row holding it
//! points to the same text. No allocation per row, and the report finds a shared name by its
//! address before comparing any text (`report::counting`).

use std::collections::HashSet;
use std::sync::Arc;

/// The spellings seen in one file (or one run of its rows).
#[derive(Default)]
pub(super) struct Names(HashSet<Arc<str>>);

impl Names {
    /// The shared text of `name`, kept on first sight.
    pub(super) fn share(&mut self, name: &str) -> Arc<str> {
        if let Some(shared) = self.0.get(name) {
            return Arc::clone(shared);
        }
        let shared: Arc<str> = name.into();
        self.0.insert(Arc::clone(&shared));
        shared
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_spelling_is_kept_once_and_shared() {
        let mut names = Names::default();
        let a = names.share("Norra");
        let b = names.share("Norra");
        let c = names.share("norra");
        assert!(Arc::ptr_eq(&a, &b));
        assert!(!Arc::ptr_eq(&a, &c));
        assert_eq!((&*a, &*c), ("Norra", "norra"));
    }
}
