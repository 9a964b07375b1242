//! Every cross-crate test, in one test binary: the shared vectors, privacy, round trips, and the
//! attackers of the disclosure control (`attacker`, shared by the attack tests).

mod attacker;
mod chain_attack;
mod deviation_family_attack;
mod disclosure_attack;
mod family_attack;
mod personnummer_meta;
mod privacy;
mod readers;
mod relations;
mod roundtrip;
mod vectors;
