//! tvm-backend: Cranelift code generation for traces, and their side exits.
//!
//! A trace (`tvm_tracer::ir::Trace`) becomes one native function following
//! `tvm_tracer::abi`: a preamble that checks the entry state, a loop that polls the GC
//! flag and runs the body, and cold exit blocks that write a snapshot back to the
//! interpreter's registers and return its index.
//!
//! Reading order: `error` (what can fail), `lower` (trace IR -> Cranelift IR, one
//! `match` over opcodes in table order), `jit` (the `Backend`: ISA, JIT module,
//! ownership of machine code).
#![deny(missing_docs)]

pub mod divconst;
pub mod error;
pub mod jit;
pub mod lower;

pub use error::BackendError;
pub use jit::{Backend, CompiledTrace};
pub use lower::{clif_type, END_OF_TRACE};
