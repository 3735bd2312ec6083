//! Error: why a trace could not be compiled.
//!
//! A compile failure is a normal outcome for the trace manager (it aborts the trace,
//! counts the reason and moves on), so errors are a small typed enum rather than a
//! panic. `InvalidTrace` names the instruction it is about, like a verifier error;
//! the other variants carry Cranelift's own message.

use std::fmt;
use tvm_tracer::ir::{InsRef, Opcode};

/// Why `Backend::new` or `Backend::compile` failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BackendError {
    /// An opcode this backend cannot lower. No opcode of the current table produces
    /// it (lowering is exhaustive); it is the place for rows a backend lowers later.
    Unsupported(Opcode),
    /// The trace breaks an invariant lowering relies on (a value used before its
    /// definition, a guard without a snapshot, a second `Loop`, ...). The trace is
    /// wrong, not the backend: the verifier in `tvm-tracer` should have caught it.
    InvalidTrace {
        /// The instruction the problem was found at.
        ins: InsRef,
        /// What is wrong.
        reason: &'static str,
    },
    /// The host cannot run compiled traces (no Cranelift ISA, or not 64-bit).
    Host(String),
    /// Cranelift rejected or failed to compile the function (verifier errors are
    /// printed with the offending CLIF).
    Codegen(String),
    /// The JIT module failed to declare, define or finalize the function.
    Module(String),
}

impl fmt::Display for BackendError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BackendError::Unsupported(op) => write!(f, "unsupported opcode {}", op.name()),
            BackendError::InvalidTrace { ins, reason } => {
                write!(f, "invalid trace at {ins}: {reason}")
            }
            BackendError::Host(m) => write!(f, "unsupported host: {m}"),
            BackendError::Codegen(m) => write!(f, "code generation failed: {m}"),
            BackendError::Module(m) => write!(f, "JIT module error: {m}"),
        }
    }
}

impl std::error::Error for BackendError {}
