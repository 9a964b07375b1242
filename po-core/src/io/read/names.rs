//! Names that many rows share (areas): each spelling is kept once and every row holding it
//! points to the same text. No allocation per row, and the report finds a shared name by its
//! address before comparing any text (`report::counting`).

use std::sync::Arc;

use super::ids::{ByHash, KeyedHash};

/// The spellings seen in one file (or one run of its rows), found by the id set's keyed hash
/// (the standard library's SipHash here was 3.5 % of a Swedish-labelled import's instructions).
pub(super) struct Names {
    hash: KeyedHash,
    first: ByHash<Arc<str>>,
    /// Spellings whose hash an earlier spelling has (practically never).
    collided: Vec<Arc<str>>,
}

impl Default for Names {
    fn default() -> Self {
        Names {
            hash: KeyedHash::new(),
            first: ByHash::default(),
            collided: Vec::new(),
        }
    }
}

impl Names {
    /// The shared text of `name`, kept on first sight.
    pub(super) fn share(&mut self, name: &str) -> Arc<str> {
        let hash = self.hash.of(name);
        match self.first.get(&hash) {
            Some(shared) if &**shared == name => Arc::clone(shared),
            Some(_) => {
                if let Some(shared) = self.collided.iter().find(|s| &***s == name) {
                    return Arc::clone(shared);
                }
                self.collided.push(name.into());
                Arc::clone(&self.collided[self.collided.len() - 1])
            }
            None => {
                let shared: Arc<str> = name.into();
                self.first.insert(hash, Arc::clone(&shared));
                shared
            }
        }
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

    #[test]
    fn colliding_hashes_keep_their_spellings_apart() {
        // A hash that collides on every name: each spelling is still its own, and shared.
        let mut names = Names {
            hash: KeyedHash::constant(),
            ..Names::default()
        };
        let (a, b, c) = (
            names.share("Norra"),
            names.share("Södra"),
            names.share("Östra"),
        );
        assert_eq!((&*a, &*b, &*c), ("Norra", "Södra", "Östra"));
        assert!(Arc::ptr_eq(&b, &names.share("Södra")));
        assert!(Arc::ptr_eq(&c, &names.share("Östra")));
        assert!(Arc::ptr_eq(&a, &names.share("Norra")));
    }
}
