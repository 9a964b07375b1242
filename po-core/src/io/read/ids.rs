//! The ids of a file's rows: every id must be unique (10 § counts clients, not rows).
//!
//! Built for 10⁶ ids per file: the ids are copied into one growing text (no allocation per id)
//! with their 64-bit hashes, and repeats are found once every row is read, by sorting the
//! hashes — a pass over memory in order, where a hash table looked each id up at a random
//! place (14 % of a 10⁶-row import, most of it waiting on memory). The hash is a folded
//! 128-bit multiply over 8 bytes at a time, keyed once per file from the standard library's
//! random state, so that a crafted file cannot aim at collisions; colliding hashes are told
//! apart by comparing the ids.

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

/// A 64-bit hash of texts (a folded 128-bit multiply a word), keyed once per file from the
/// standard library's random state (so that a crafted file cannot aim at collisions).
#[derive(Clone, Copy)]
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
        // Each 8 bytes folded in by a full 64×64→128-bit multiply with the key, its halves
        // xored (as foldhash and wyhash do): a multiply kept to 64 bits let one bit flipped in a
        // word give the same difference whatever the key, and a crafted file could collide
        // half its ids (found in review, 2026-12-07).
        let fold = |a: u64, b: u64| {
            let wide = u128::from(a) * u128::from(b);
            (wide as u64) ^ ((wide >> 64) as u64)
        };
        let mut h = fold(self.0 ^ text.len() as u64, 0x9E37_79B9_7F4A_7C15);
        for chunk in text.as_bytes().chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            h = fold(h ^ u64::from_le_bytes(word), self.0 ^ 0xBF58_476D_1CE4_E5B9);
        }
        fold(h, 0x94D0_49BB_1331_11EB)
    }
}

/// The ids of one file (or of one run of its rows), each with its row, in the order read.
pub(super) struct IdSet {
    hash: KeyedHash,
    /// The ids' column as the file's header wrote it (problems name it so).
    pub(super) column: String,
    text: String,
    entries: Vec<Entry>,
}

struct Entry {
    hash: u64,
    row: u64,
    start: usize,
    len: usize,
}

impl IdSet {
    /// An empty set hashing with `hash` (the runs of one file share it, so that their hashes
    /// can be compared), with room for about `ids` ids of about 16 bytes.
    pub(super) fn with_capacity(hash: KeyedHash, ids: usize) -> Self {
        IdSet {
            hash,
            column: String::new(),
            text: String::with_capacity(ids.saturating_mul(16)),
            entries: Vec::with_capacity(ids),
        }
    }

    /// Records `id`, read on `row` (rows in ascending order).
    pub(super) fn push(&mut self, id: &str, row: u64) {
        self.entries.push(Entry {
            hash: self.hash.of(id),
            row,
            start: self.text.len(),
            len: id.len(),
        });
        self.text.push_str(id);
    }

    fn id(&self, i: usize) -> &str {
        self.entries
            .get(i)
            .and_then(|e| self.text.get(e.start..e.start + e.len))
            .unwrap_or_default()
    }

    /// The set's entries ordered by hash (stable: in row order among equal hashes), each as
    /// `(hash, run << 32 | index)`.
    fn by_hash(&self, run: usize) -> Vec<(u64, u64)> {
        let mut keys: Vec<(u64, u64)> = (0..self.entries.len())
            .map(|i| (self.entries[i].hash, (run as u64) << 32 | i as u64))
            .collect();
        keys.sort_by_key(|&(hash, _)| hash);
        keys
    }
}

/// For each of `sets` (the runs of one file, in order, their rows ascending), the rows whose
/// id an earlier row has, each with the first row that has it, in row order: what one pass
/// with a set of the ids seen so far would find, row by row.
pub(super) fn repeats(sets: &[&IdSet]) -> Vec<Vec<(u64, u64)>> {
    let mut found: Vec<Vec<(u64, u64)>> = sets.iter().map(|_| Vec::new()).collect();
    // Each run's hashes sorted on a core of its own; the sorted runs, one after the other, are
    // then merged by the standard library's sort, which finds them sorted already.
    let mut keys: Vec<(u64, u64)> = std::thread::scope(|s| {
        if let [set] = sets {
            return set.by_hash(0);
        }
        let sorting: Vec<_> = sets
            .iter()
            .enumerate()
            .map(|(run, set)| s.spawn(move || set.by_hash(run)))
            .collect();
        sorting
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    keys.sort_by_key(|&(hash, _)| hash);
    let entry = |key: u64| {
        let (run, i) = ((key >> 32) as usize, (key & u64::from(u32::MAX)) as usize);
        (run, sets[run].id(i), sets[run].entries[i].row)
    };
    // Within a group of equal hashes (rows ascending), each row is compared with the first
    // row of each distinct id before it: a group of one id repeated 10⁶ times is one
    // comparison a row.
    let mut firsts: Vec<(&str, u64)> = Vec::new();
    for group in keys.chunk_by(|a, b| a.0 == b.0).filter(|g| g.len() > 1) {
        firsts.clear();
        for &(_, key) in group {
            let (run, id, row) = entry(key);
            match firsts.iter().find(|(first, _)| *first == id) {
                Some(&(_, first)) => found[run].push((row, first)),
                None => firsts.push((id, row)),
            }
        }
    }
    for rows in &mut found {
        rows.sort_unstable();
    }
    found
}

#[cfg(test)]
mod tests {
    use super::{repeats, IdSet, KeyedHash};

    fn set(hash: KeyedHash, ids: &[(&str, u64)]) -> IdSet {
        let mut set = IdSet::with_capacity(hash, ids.len());
        for &(id, row) in ids {
            set.push(id, row);
        }
        set
    }

    #[test]
    fn finds_each_repeat_with_its_first_row() {
        for hash in [KeyedHash::new(), KeyedHash::constant()] {
            let ids = set(
                hash,
                &[
                    ("a", 2),
                    ("SYNTHETIC-0000001", 3),
                    ("SYNTHETIC-0000002", 4),
                    ("a", 5),
                    ("SYNTHETIC-0000001", 6),
                    // Prefixes and the empty id are ids of their own.
                    ("SYNTHETIC-000000", 7),
                    ("", 8),
                    ("", 9),
                    ("a", 10),
                ],
            );
            assert_eq!(repeats(&[&ids]), [vec![(5, 2), (6, 3), (9, 8), (10, 2)]]);
        }
    }

    #[test]
    fn repeats_across_runs_name_the_first_row_of_any_run() {
        for hash in [KeyedHash::new(), KeyedHash::constant()] {
            let first = set(hash, &[("a", 2), ("b", 3)]);
            let middle = set(hash, &[("c", 4), ("a", 5)]);
            let last = set(hash, &[("c", 6), ("d", 7), ("b", 8), ("a", 9)]);
            assert_eq!(
                repeats(&[&first, &middle, &last]),
                [vec![], vec![(5, 2)], vec![(6, 4), (8, 3), (9, 2)]]
            );
        }
    }

    #[test]
    fn ids_differing_by_a_bit_flipped_in_two_words_do_not_collide() {
        // With a multiply kept to 64 bits these collided whatever the key (review, 2026-12-07).
        for _ in 0..16 {
            let hash = KeyedHash::new();
            assert_ne!(hash.of("aaaaaaaaaaaaaaaa"), hash.of("aaaaaaa!aaaacaa!"));
        }
    }

    #[test]
    fn hundred_thousand_distinct_ids_are_distinct() {
        let mut ids = IdSet::with_capacity(KeyedHash::new(), 0);
        for i in 0..100_000u64 {
            ids.push(&format!("SYN-{i}"), i + 2);
        }
        assert_eq!(repeats(&[&ids]), [vec![]]);
        ids.push("SYN-99999", 100_002);
        assert_eq!(repeats(&[&ids]), [vec![(100_002, 100_001)]]);
    }
}
