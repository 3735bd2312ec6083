//! BOUNDS: integer range analysis; drops overflow checks that cannot fail (PyPy
//! `optimizeopt/intbounds.py`).
//!
//! Why: `AddOv`/`SubOv` are a compare-and-branch on every loop iteration, and in
//! `while n < limit: ... n += 1` the branch can never be taken — the guard on
//! `n < limit` already proved `n <= i64::MAX - 1`. An overflow check also keeps a
//! snapshot alive and, in the backend, materialises the overflow flag; without it the
//! add is one instruction that the register allocator can fold into an `lea`.
//!
//! How: one forward walk over the trace keeps an interval `[lo, hi]` for every int
//! value. Constants are exact; `LoopParam`s, loads and calls are unknown (the full
//! i64 range); arithmetic computes its interval from its operands' (in i128, so the
//! bounds themselves never overflow). A guard that has passed is a fact from then on:
//! `GuardTrue (Lt a, b)` means `a <= hi(b) - 1` and `b >= lo(a) + 1` for every later
//! instruction, and `GuardFalse` the negated comparison. Facts only narrow what
//! follows the guard in trace order — for a loop-invariant value that is also
//! sound across iterations, since every later instruction runs after the guard
//! passed at least once.
//!
//! Rewrites: an `AddOv`/`SubOv` whose operand intervals cannot overflow becomes the
//! wrapping `Add`/`Sub` (pure, no snapshot). A `FloorDiv`/`Mod` of a value that
//! cannot be negative (`i * i`, `i & 255`, a remainder) by a positive constant
//! becomes `UDiv`/`URem`: Python's floor semantics and the machine's truncating
//! unsigned division agree there, so the sign correction and the exit go. A
//! rewritten guard's snapshot stays in the trace, unused, as with a guard `fold`
//! removes. Nothing else changes; `dce` then drops what only the old guard needed.

use crate::ir::{InsRef, Opcode, Trace, Ty};
use cranelift_entity::{EntityRef, SecondaryMap};

/// A closed interval of i64 values, kept in i128 so that sums of bounds are exact.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Range {
    lo: i128,
    hi: i128,
}

const MIN: i128 = i64::MIN as i128;
const MAX: i128 = i64::MAX as i128;

impl Range {
    const FULL: Range = Range { lo: MIN, hi: MAX };

    fn exact(v: i64) -> Range {
        Range {
            lo: v.into(),
            hi: v.into(),
        }
    }

    /// `[lo, hi]` clamped to i64 (for results of checked operations: a result
    /// outside i64 is an exit, never a value).
    fn clamped(lo: i128, hi: i128) -> Range {
        Range {
            lo: lo.clamp(MIN, MAX),
            hi: hi.clamp(MIN, MAX),
        }
    }

    /// Whether every value of `[lo, hi]` fits in an i64.
    fn fits(lo: i128, hi: i128) -> bool {
        lo >= MIN && hi <= MAX
    }
}

impl Default for Range {
    fn default() -> Range {
        Range::FULL
    }
}

/// A comparison between two ints, as `GuardTrue` or `GuardFalse` proved it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Cmp {
    Lt,
    Le,
    Eq,
    Ne,
}

/// The comparison `op` states (swapping operands for `>`/`>=`), negated if the guard
/// proved it false. None for anything that is not an int comparison.
fn proven(op: Opcode, holds: bool) -> Option<(Cmp, bool)> {
    // (comparison, operands swapped) such that `a op b` is `x cmp y`.
    let (cmp, swap) = match (op, holds) {
        (Opcode::Lt, true) | (Opcode::Ge, false) => (Cmp::Lt, false),
        (Opcode::Le, true) | (Opcode::Gt, false) => (Cmp::Le, false),
        (Opcode::Gt, true) | (Opcode::Le, false) => (Cmp::Lt, true),
        (Opcode::Ge, true) | (Opcode::Lt, false) => (Cmp::Le, true),
        (Opcode::Eq, true) | (Opcode::Ne, false) => (Cmp::Eq, false),
        (Opcode::Ne, true) | (Opcode::Eq, false) => (Cmp::Ne, false),
        _ => return None,
    };
    Some((cmp, swap))
}

/// Runs the pass on `t`.
pub fn run(t: &mut Trace) {
    let mut r: SecondaryMap<InsRef, Range> = SecondaryMap::with_capacity(t.ins.len());
    for i in 0..t.ins.len() {
        let at = InsRef::new(i);
        let ins = t.ins[i];
        let (a, b) = (r[ins.a], r[ins.b]);
        let range = match ins.op {
            Opcode::KInt => Range::exact(ins.imm),
            Opcode::Add | Opcode::Sub | Opcode::AddOv | Opcode::SubOv => {
                let (lo, hi) = if matches!(ins.op, Opcode::Add | Opcode::AddOv) {
                    (a.lo + b.lo, a.hi + b.hi)
                } else {
                    (a.lo - b.hi, a.hi - b.lo)
                };
                match ins.op {
                    Opcode::AddOv | Opcode::SubOv if Range::fits(lo, hi) => {
                        let x = &mut t.ins[i];
                        x.op = if ins.op == Opcode::AddOv {
                            Opcode::Add
                        } else {
                            Opcode::Sub
                        };
                        x.snap = None;
                        Range { lo, hi }
                    }
                    Opcode::AddOv | Opcode::SubOv => Range::clamped(lo, hi),
                    // A wrapping op that may wrap: anything.
                    _ if !Range::fits(lo, hi) => Range::FULL,
                    _ => Range { lo, hi },
                }
            }
            Opcode::MulOv => {
                let corners = [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi];
                let mut lo = corners.iter().copied().min().unwrap_or(MIN);
                let hi = corners.iter().copied().max().unwrap_or(MAX);
                if ins.a == ins.b {
                    // A square is never negative.
                    lo = lo.max(0);
                }
                Range::clamped(lo, hi)
            }
            Opcode::NegOv => Range::clamped(-a.hi, -a.lo),
            // Both exit unless b > 0. Then a // b lies between a and 0, and a % b in
            // [0, b - 1].
            Opcode::FloorDiv | Opcode::Mod
                if a.lo >= 0 && t.get(ins.b).op == Opcode::KInt && b.lo > 0 =>
            {
                // A dividend that cannot be negative and a positive constant divisor:
                // no exit, and no floor correction of the truncating machine op.
                let x = &mut t.ins[i];
                x.snap = None;
                if ins.op == Opcode::FloorDiv {
                    x.op = Opcode::UDiv;
                    Range { lo: 0, hi: a.hi }
                } else {
                    x.op = Opcode::URem;
                    Range {
                        lo: 0,
                        hi: b.hi - 1,
                    }
                }
            }
            Opcode::FloorDiv | Opcode::Shr => Range {
                lo: a.lo.min(0),
                hi: a.hi.max(0),
            },
            Opcode::UDiv => Range {
                lo: 0,
                hi: a.hi.max(0),
            },
            Opcode::Mod | Opcode::URem => Range {
                lo: 0,
                hi: (b.hi - 1).clamp(0, MAX),
            },
            Opcode::BAnd if a.lo >= 0 || b.lo >= 0 => {
                let hi = match (a.lo >= 0, b.lo >= 0) {
                    (true, true) => a.hi.min(b.hi),
                    (true, false) => a.hi,
                    _ => b.hi,
                };
                Range { lo: 0, hi }
            }
            Opcode::ListLen => Range { lo: 0, hi: MAX },
            Opcode::GuardTrue | Opcode::GuardFalse => {
                let cond = *t.get(ins.a);
                if let Some((cmp, swap)) = proven(cond.op, ins.op == Opcode::GuardTrue) {
                    let (x, y) = if swap {
                        (cond.b, cond.a)
                    } else {
                        (cond.a, cond.b)
                    };
                    let (nx, ny) = narrow(cmp, r[x], r[y]);
                    // An empty interval means the guard always fails here: what
                    // follows never runs, so keep the old (still sound) bounds.
                    if nx.lo <= nx.hi && ny.lo <= ny.hi {
                        r[x] = nx;
                        r[y] = ny;
                    }
                }
                continue;
            }
            _ => Range::FULL,
        };
        if ins.ty == Ty::INT {
            r[at] = range;
        }
    }
}

/// The intervals of `x` and `y` once `x cmp y` is known to hold.
fn narrow(cmp: Cmp, x: Range, y: Range) -> (Range, Range) {
    match cmp {
        Cmp::Lt => (
            Range {
                lo: x.lo,
                hi: x.hi.min(y.hi - 1),
            },
            Range {
                lo: y.lo.max(x.lo + 1),
                hi: y.hi,
            },
        ),
        Cmp::Le => (
            Range {
                lo: x.lo,
                hi: x.hi.min(y.hi),
            },
            Range {
                lo: y.lo.max(x.lo),
                hi: y.hi,
            },
        ),
        Cmp::Eq => {
            let both = Range {
                lo: x.lo.max(y.lo),
                hi: x.hi.min(y.hi),
            };
            (both, both)
        }
        Cmp::Ne => {
            // Only an exact other side can shave an end off.
            let shave = |v: Range, k: Range| {
                if k.lo != k.hi {
                    v
                } else if v.lo == k.lo {
                    Range {
                        lo: v.lo + 1,
                        hi: v.hi,
                    }
                } else if v.hi == k.lo {
                    Range {
                        lo: v.lo,
                        hi: v.hi - 1,
                    }
                } else {
                    v
                }
            };
            (shave(x, y), shave(y, x))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narrowing() {
        let full = Range::FULL;
        let (x, y) = narrow(Cmp::Lt, full, full);
        assert_eq!(x.hi, MAX - 1);
        assert_eq!(y.lo, MIN + 1);
        let (x, _) = narrow(Cmp::Le, full, Range::exact(10));
        assert_eq!((x.lo, x.hi), (MIN, 10));
        let (x, y) = narrow(Cmp::Eq, Range { lo: 0, hi: 5 }, Range { lo: 3, hi: 9 });
        assert_eq!((x, y), (Range { lo: 3, hi: 5 }, Range { lo: 3, hi: 5 }));
        let (x, _) = narrow(Cmp::Ne, Range { lo: 0, hi: 5 }, Range::exact(0));
        assert_eq!((x.lo, x.hi), (1, 5));
        let (x, _) = narrow(Cmp::Ne, Range { lo: 0, hi: 5 }, Range::exact(5));
        assert_eq!((x.lo, x.hi), (0, 4));
        let (x, _) = narrow(Cmp::Ne, Range { lo: 0, hi: 5 }, Range::exact(3));
        assert_eq!((x.lo, x.hi), (0, 5));
    }

    #[test]
    fn proven_comparisons() {
        assert_eq!(proven(Opcode::Gt, true), Some((Cmp::Lt, true)));
        assert_eq!(proven(Opcode::Lt, false), Some((Cmp::Le, true)));
        assert_eq!(proven(Opcode::FLt, true), None);
    }
}
