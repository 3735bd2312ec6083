//! tvm-tracer: trace recording, the trace IR, snapshots, optimizer passes, and the
//! trace manager that decides when to record, compile, enter and blacklist.
//!
//! Reading order: `ir` (the IR table and trace structure), `text` (its text form),
//! `verify`, `snapshot` (the exit state format), `recorder` (interpreter bytecode ->
//! IR), `opt` (the pass pipeline), `params` (every JIT tunable), `abort` (abort
//! reasons), `log` (the trace log), `manager` (the trace lifecycle).
#![deny(missing_docs)]

pub mod abi;
pub mod abort;
pub mod ir;
pub mod log;
pub mod manager;
pub mod opt;
pub mod params;
pub mod recorder;
pub mod snapshot;
pub mod text;
pub mod verify;

pub use ir::{Ins, InsRef, Opcode, Slot, SnapId, Snapshot, Trace, Ty};
