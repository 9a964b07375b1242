//! The set of ids seen in a file: every id must be unique (10 § counts clients, not rows).
//!
//! Built for 10⁶ ids per file: the ids are copied into one growing text (no allocation per id)
//! and found through a table of their 64-bit hashes. The hash is a multiply–xorshift over 8
//! bytes at a time, keyed once per file from the standard library's random state, so that a
//! crafted file cannot aim at collisions; colliding hashes are told apart by comparing the ids.

use std::collections::HashMap;
use std::hash::{BuildHasher, BuildHasherDefault, Hasher};

/// The keys are hashes already: the table uses them as they are.
#[derive(Default)]
pub(super) struct Prehashed(u64);

impl Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        // Only `write_u64` is used; anything else still hashes correctly.
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// The table of hashes that are hashes already.
pub(super) type ByHash<V> = HashMap<u64, V, BuildHasherDefault<Prehashed>>;

/// A 64-bit multiply–xorshift hash of texts, keyed once per file from the standard library's
/// random state (so that a crafted file cannot aim at collisions).
pub(super) struct KeyedHash(u64);

impl KeyedHash {
    pub(super) fn new() -> Self {
        KeyedHash(std::collections::hash_map::RandomState::new().hash_one(0x5045_u64) | 1)
    }

    /// A "hash" that is the same for every text (tests of collisions).
    #[cfg(test)]
    pub(super) fn constant() -> Self {
        KeyedHash(0)
    }

    pub(super) fn of(&self, text: &str) -> u64 {
        #[cfg(test)]
        if self.0 == 0 {
            return 0;
        }
        let mut h = self.0 ^ (text.len() as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        for chunk in text.as_bytes().chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            h = (h ^ u64::from_le_bytes(word)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            h ^= h >> 29;
        }
        h.wrapping_mul(0x94D0_49BB_1331_11EB) ^ (h >> 32)
    }
}

/// Ids seen so far, each with the row where it was first seen.
pub(super) struct IdSet {
    hash: KeyedHash,
    text: String,
    /// Start, length and row of each id; `next` links ids whose hashes are equal.
    entries: Vec<Entry>,
    /// Hash → first entry with that hash.
    first: ByHash<u32>,
}

struct Entry {
    start: usize,
    len: usize,
    row: u64,
    next: Option<u32>,
}

impl IdSet {
    /// An empty set.
    pub(super) fn new() -> Self {
        Self::with_capacity(0)
    }

    /// A set with room for about `ids` ids (ids of about 16 bytes): a file's rows are counted
    /// before they are read, and growing a table of 10⁶ ids by doubling rehashes it 20 times.
    pub(super) fn with_capacity(ids: usize) -> Self {
        IdSet {
            hash: KeyedHash::new(),
            text: String::with_capacity(ids.saturating_mul(16)),
            entries: Vec::with_capacity(ids),
            first: HashMap::with_capacity_and_hasher(ids, BuildHasherDefault::default()),
        }
    }

    /// The row where `id` was first seen, if it was.
    pub(super) fn get(&self, id: &str) -> Option<u64> {
        self.find(id, self.hash.of(id))
    }

    fn find(&self, id: &str, hash: u64) -> Option<u64> {
        let mut link = self.first.get(&hash).copied();
        while let Some(i) = link {
            let e = &self.entries[i as usize];
            if self.text.get(e.start..e.start + e.len) == Some(id) {
                return Some(e.row);
            }
            link = e.next;
        }
        None
    }

    /// Records `id` first seen on `row`; if it was seen before, returns that row instead.
    pub(super) fn insert(&mut self, id: &str, row: u64) -> Option<u64> {
        let hash = self.hash.of(id);
        let new = u32::try_from(self.entries.len()).ok()?;
        if let Some(row) = self.find(id, hash) {
            return Some(row);
        }
        let next = self.first.insert(hash, new);
        self.entries.push(Entry {
            start: self.text.len(),
            len: id.len(),
            row,
            next,
        });
        self.text.push_str(id);
        None
    }
}

impl IdSet {
    /// Every id with the row where it was first seen, in the order they were seen.
    pub(super) fn iter(&self) -> impl Iterator<Item = (&str, u64)> {
        self.entries
            .iter()
            .map(|e| (&self.text[e.start..e.start + e.len], e.row))
    }
}

#[cfg(test)]
mod tests {
    use super::IdSet;

    #[test]
    fn finds_each_repeat_with_its_first_row() {
        let mut ids = IdSet::new();
        assert_eq!(ids.insert("a", 2), None);
        assert_eq!(ids.insert("SYNTHETIC-0000001", 3), None);
        assert_eq!(ids.insert("SYNTHETIC-0000002", 4), None);
        assert_eq!(ids.insert("a", 5), Some(2));
        assert_eq!(ids.insert("SYNTHETIC-0000001", 6), Some(3));
        // Prefixes and the empty id are ids of their own.
        assert_eq!(ids.insert("SYNTHETIC-000000", 7), None);
        assert_eq!(ids.insert("", 8), None);
        assert_eq!(ids.insert("", 9), Some(8));
        assert_eq!(ids.get("SYNTHETIC-0000002"), Some(4));
        assert_eq!(ids.get("SYNTHETIC-00000"), None);
    }

    #[test]
    fn hundred_thousand_distinct_ids_are_distinct() {
        let mut ids = IdSet::new();
        for i in 0..100_000u64 {
            assert_eq!(ids.insert(&format!("SYN-{i}"), i + 2), None);
        }
        assert_eq!(ids.insert("SYN-99999", 0), Some(100_001));
    }
}
