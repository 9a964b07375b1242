//! What a columnar client register would give the report (issue 15): the measurement behind
//! BENCHMARKS.md's "Why the missed goals are missed", not a part of po.
//!
//! The 10⁶ clients of `annual_report_1m` are copied, outside the timing, into 28-byte records
//! (dates, gender, birth year, area and municipality as numbers, contact reasons as bits) with
//! every assignment in one shared vector, and the report's client tables are counted from
//! them the way `po_core::report::counting` counts them (active, new and closed by gender and
//! age band, areas, children, contact reasons, assignments of the year, municipalities, waits)
//! on the machine's cores. Run beside the real report:
//! `cargo bench -p po-examples --bench layout` and `--bench po -- annual_report_1m`.

use std::sync::Arc;

use divan::{black_box, Bencher};
use po_core::codes::CodeList;
use po_examples::synthetic::varmland_like;
use time::macros::date;
use time::Date;

fn main() {
    divan::main();
}

/// A client's fixed fields; the assignments are `assignments[first..first + count]`.
#[derive(Clone, Copy)]
struct Record {
    started_on: Date,
    ended_on: Option<Date>,
    applied_on: Option<Date>,
    birth_year: i32,
    first: u32,
    count: u8,
    gender: u8,
    area: u8,
    children_at_home: bool,
    reasons: u16,
    municipality: u16,
}

// The size the module's doc states.
const _: () = assert!(std::mem::size_of::<Record>() == 28);

#[derive(Clone, Copy)]
struct Assignment {
    category: u8,
    started_on: Option<Date>,
    ended_on: Option<Date>,
}

/// The columnar copy of a register.
struct Columns {
    records: Vec<Record>,
    assignments: Vec<Assignment>,
}

fn columns(register: &po_core::report::Register) -> Columns {
    let mut areas: Vec<Arc<str>> = Vec::new();
    let mut assignments = Vec::new();
    let records = register
        .clients
        .iter()
        .map(|c| {
            let area = c.area.clone().unwrap_or_else(|| "".into());
            let area = match areas.iter().position(|a| Arc::ptr_eq(a, &area)) {
                Some(i) => i,
                None => {
                    areas.push(area);
                    areas.len() - 1
                }
            };
            let first = assignments.len() as u32;
            assignments.extend(c.assignments.iter().map(|a| Assignment {
                category: a.category.index() as u8,
                started_on: a.started_on,
                ended_on: a.ended_on,
            }));
            Record {
                started_on: c.started_on,
                ended_on: c.ended_on,
                applied_on: c.applied_on,
                birth_year: c.birth_year.unwrap_or(1970),
                first,
                count: c.assignments.len() as u8,
                gender: c.gender.index() as u8,
                area: area as u8,
                children_at_home: c.children_at_home,
                reasons: c
                    .contact_reasons
                    .iter()
                    .fold(0, |bits, r| bits | 1 << r.index()),
                municipality: c
                    .municipality
                    .and_then(|m| m.as_str().parse().ok())
                    .unwrap_or(0),
            }
        })
        .collect();
    Columns {
        records,
        assignments,
    }
}

/// The client tables' counts of `part` for 2023 (the tables themselves are left out: they
/// cost the same in either layout).
#[derive(Default)]
struct Counts {
    active: [[u64; 5]; 3],
    new: [[u64; 5]; 3],
    closed: [[u64; 5]; 3],
    areas: Vec<[u64; 3]>,
    children: [u64; 3],
    reasons: [[u64; 3]; 16],
    assignments: [u64; 16],
    municipalities: Vec<u64>,
    waits: Vec<i64>,
}

fn count(part: &[Record], assignments: &[Assignment]) -> Counts {
    let (first_day, last_day) = (date!(2023 - 01 - 01), date!(2023 - 12 - 31));
    let mut n = Counts {
        areas: vec![[0; 3]; 256],
        municipalities: vec![0; 10_000],
        ..Counts::default()
    };
    for c in part {
        if c.started_on.year() > 2023 || c.ended_on.is_some_and(|e| e.year() < 2023) {
            continue;
        }
        let g = usize::from(c.gender);
        let band = match 2023 - c.birth_year {
            ..=17 => 4,
            18..=29 => 0,
            30..=49 => 1,
            50..=64 => 2,
            _ => 3,
        };
        n.active[g][band] += 1;
        if c.started_on.year() == 2023 {
            n.new[g][band] += 1;
            if let Some(a) = c.applied_on {
                n.waits.push((c.started_on - a).whole_days());
            }
        }
        if c.ended_on.is_some_and(|e| e.year() == 2023) {
            n.closed[g][band] += 1;
        }
        n.areas[usize::from(c.area)][g] += 1;
        n.children[g] += u64::from(c.children_at_home);
        let mut bits = c.reasons;
        while bits != 0 {
            n.reasons[bits.trailing_zeros() as usize][g] += 1;
            bits &= bits - 1;
        }
        let first = c.first as usize;
        for a in &assignments[first..first + usize::from(c.count)] {
            if a.started_on.is_none_or(|s| s <= last_day)
                && a.ended_on.is_none_or(|e| e >= first_day)
            {
                n.assignments[usize::from(a.category)] += 1;
            }
        }
        n.municipalities[usize::from(c.municipality)] += 1;
    }
    n
}

/// The client tables' counting over the columnar copy, in one chunk per core as po does.
#[divan::bench(sample_count = 10)]
fn columnar_client_counts_1m(b: Bencher) {
    let columns = columns(&varmland_like(2023, 1_000_000, 1));
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let size = columns.records.len().div_ceil(cores);
    b.bench(|| {
        let parts: Vec<Counts> = std::thread::scope(|s| {
            let handles: Vec<_> = columns
                .records
                .chunks(size)
                .map(|part| s.spawn(|| count(part, &columns.assignments)))
                .collect();
            handles.into_iter().filter_map(|h| h.join().ok()).collect()
        });
        let mut waits: Vec<i64> = parts.iter().flat_map(|p| p.waits.iter().copied()).collect();
        waits.sort_unstable();
        black_box((parts, waits))
    });
}
