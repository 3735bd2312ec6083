//! OPT: the optimizer pipeline — every pass, written once, in the order it runs, each
//! switchable by name (PyPy `optimizeopt/__init__.py`: `ALL_OPTS` and `enable_opts`).
//!
//! One pass per file. `fold` also runs at emit time: the recorder calls `emit` (or
//! `fold::emit`) for every instruction, so the pipeline's `fold` pass only finds what
//! the recorder's own rewriting exposed. In debug builds `run` verifies the trace
//! before the first pass and after every pass (Cranelift `Context::optimize`), so a
//! pass that breaks the IR is caught at that pass.
//!
//! Passes are named in `--jit`-style specs with colons, as PyPy does:
//! `fold:dce`, or `all`, or `none`.

pub mod bounds;
pub mod dce;
pub mod fold;
#[cfg(test)]
mod fuzz;
pub mod licm;

use crate::ir::{Ins, InsRef, Trace};
use crate::verify::{verify, VerifyError};
use std::fmt;

/// One optimizer pass.
#[derive(Clone, Copy, Debug)]
pub struct Pass {
    /// Its name in pass specs and test headers (`# pass: fold`).
    pub name: &'static str,
    /// Runs it on a whole trace.
    pub run: fn(&mut Trace),
    /// What it does, in one line.
    pub doc: &'static str,
}

/// The optimizer pipeline: every pass in the order it runs.
#[derive(Clone, Copy, Debug)]
pub struct Pipeline;

impl Pipeline {
    /// Every pass, in pipeline order.
    pub const PASSES: &'static [Pass] = &[
        Pass {
            name: "fold",
            run: fold::run,
            doc: "constant folding, simplification and CSE (also at emit time)",
        },
        Pass {
            name: "bounds",
            run: bounds::run,
            doc: "integer ranges from guards; drop overflow checks that cannot fail",
        },
        Pass {
            name: "licm",
            run: licm::run,
            doc: "hoist loop-invariant instructions and guards into the preamble",
        },
        Pass {
            name: "dce",
            run: dce::run,
            doc: "remove unused pure instructions and renumber",
        },
    ];

    /// The pass called `name`.
    pub fn pass(name: &str) -> Option<&'static Pass> {
        Self::PASSES.iter().find(|p| p.name == name)
    }

    /// One line per pass, in order: name and doc.
    pub fn help() -> String {
        Self::PASSES
            .iter()
            .map(|p| format!("  {:<7} {}\n", p.name, p.doc))
            .collect()
    }
}

const _: () = assert!(Pipeline::PASSES.len() <= 32, "PassSet is a u32 bitmask");

/// A set of enabled passes (PyPy's `enable_opts`). The default enables every pass.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct PassSet(u32);

impl PassSet {
    /// Every pass.
    pub fn all() -> PassSet {
        PassSet((1u32 << Pipeline::PASSES.len()) - 1)
    }

    /// No pass (and no emit-time folding).
    pub fn none() -> PassSet {
        PassSet(0)
    }

    /// Parses `all`, `none`, or pass names separated by colons (`fold:dce`); the
    /// order does not matter, passes always run in pipeline order.
    pub fn parse(spec: &str) -> Result<PassSet, String> {
        match spec.trim() {
            "all" => return Ok(PassSet::all()),
            "none" | "" => return Ok(PassSet::none()),
            _ => {}
        }
        let mut set = PassSet::none();
        for name in spec.split(':').map(str::trim) {
            set.enable(name)?;
        }
        Ok(set)
    }

    fn bit(name: &str) -> Result<u32, String> {
        Pipeline::PASSES
            .iter()
            .position(|p| p.name == name)
            .map(|i| 1 << i)
            .ok_or_else(|| {
                let names: Vec<&str> = Pipeline::PASSES.iter().map(|p| p.name).collect();
                format!(
                    "unknown optimizer pass '{name}' (known: {})",
                    names.join(", ")
                )
            })
    }

    /// Enables pass `name`.
    pub fn enable(&mut self, name: &str) -> Result<(), String> {
        self.0 |= Self::bit(name)?;
        Ok(())
    }

    /// Disables pass `name`.
    pub fn disable(&mut self, name: &str) -> Result<(), String> {
        self.0 &= !Self::bit(name)?;
        Ok(())
    }

    /// Whether pass `name` is enabled (false for unknown names).
    pub fn contains(&self, name: &str) -> bool {
        Self::bit(name).is_ok_and(|b| self.0 & b != 0)
    }
}

impl Default for PassSet {
    fn default() -> PassSet {
        PassSet::all()
    }
}

impl fmt::Display for PassSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = Pipeline::PASSES
            .iter()
            .filter(|p| self.contains(p.name))
            .map(|p| p.name)
            .collect();
        if names.is_empty() {
            f.write_str("none")
        } else {
            f.write_str(&names.join(":"))
        }
    }
}

/// Runs the enabled passes on `t` in pipeline order. In debug builds the trace is
/// verified before the first pass and after each one.
pub fn run(t: &mut Trace, passes: &PassSet) -> Result<(), VerifyError> {
    if cfg!(debug_assertions) {
        verify(t)?;
    }
    for p in Pipeline::PASSES {
        if passes.contains(p.name) {
            (p.run)(t);
            if cfg!(debug_assertions) {
                verify(t)?;
            }
        }
    }
    Ok(())
}

/// Appends `ins` to `t`: through `fold::emit` if the `fold` pass is enabled,
/// unchanged otherwise. For recorders that honour `PassSet`.
pub fn emit(t: &mut Trace, ins: Ins, passes: &PassSet) -> InsRef {
    if passes.contains("fold") {
        fold::emit(t, ins)
    } else {
        t.push(ins)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pass_sets() {
        assert_eq!(PassSet::parse("all"), Ok(PassSet::all()));
        assert_eq!(PassSet::parse("dce:licm:bounds:fold"), Ok(PassSet::all()));
        let s = PassSet::parse("dce").unwrap();
        assert!(s.contains("dce") && !s.contains("fold"));
        assert_eq!(s.to_string(), "dce");
        assert_eq!(PassSet::all().to_string(), "fold:bounds:licm:dce");
        assert_eq!(PassSet::none().to_string(), "none");
        let e = PassSet::parse("fold:gvn").unwrap_err();
        assert!(e.contains("unknown optimizer pass 'gvn'"), "{e}");
        let mut s = PassSet::default();
        s.disable("fold").unwrap();
        assert!(!s.contains("fold"));
        assert!(Pipeline::help().contains("dce"));
    }

    #[test]
    fn run_reports_invalid_input() {
        let mut t = Trace::default();
        t.push(Ins::new(crate::ir::Opcode::GuardTrue, crate::ir::Ty::VOID));
        let r = run(&mut t, &PassSet::all());
        if cfg!(debug_assertions) {
            assert!(r.is_err());
        }
    }
}
