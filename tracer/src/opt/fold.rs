//! FOLD: emit-time constant folding, algebraic simplification and common-subexpression
//! elimination, behind `emit` (LuaJIT `lj_opt_fold.c` + `lj_opt_cse`, called from
//! `emitir`).
//!
//! Why at emit time: the recorder runs beside the interpreter and produces one
//! instruction per bytecode operand step; most of what it produces is redundant
//! (constants re-materialised, the same guard on the same value, `x + 0` from
//! `i += step` with a constant step). Folding as we go keeps the trace short, so
//! `maxrecord` measures real work, and every later pass sees less IR. The same
//! function, applied to a whole trace instruction by instruction (`run`), is the
//! pipeline's `fold` pass and what the `# pass: fold` tests exercise.
//!
//! # Rules every fold follows
//!
//! 1. **Keep the result type.** A fold returns a value of the instruction's type (an
//!    int op folds to an int, a comparison to a bool).
//! 2. **Only shrink the IR.** A fold returns an existing value, a constant, or one
//!    rewritten instruction no larger than the original (`GuardTrue (Not x)` becomes
//!    `GuardFalse x`). Nothing is ever emitted that the recorder did not ask for.
//! 3. **Exact Python semantics.** Integer ops fold only when the result is what the
//!    interpreter computes: `AddOv`/`SubOv`/`MulOv`/`NegOv` on constants that overflow
//!    stay (the guard exits to the interpreter, which promotes to a big int);
//!    `FloorDiv`/`Mod` fold only for a positive divisor, with floor semantics. Float
//!    ops fold with IEEE semantics, which are Python's, except that `x + 0.0` is not
//!    `x` (`-0.0 + 0.0 == 0.0`), and a NaN result is never folded: which NaN an
//!    operation yields is up to the hardware, and the text form prints every NaN
//!    alike, so a folded NaN could not round-trip.
//! 4. **Never fold a guard away unless it provably always passes.** Then nothing is
//!    emitted and the guard's operand (or, for a value-producing guard like `AddOv`,
//!    its folded value) is returned. A guard that provably always fails is still
//!    emitted: the trace must exit there (the recorder may choose to abort with
//!    `AbortReason::GuardFails`). For a guard without a value the returned ref is only
//!    a token (the proving operand or the earlier identical guard): never use it as an
//!    operand.
//!
//! # CSE
//!
//! After folding, an instruction identical to an earlier one (same opcode, type,
//! operands, immediate; commutative operands in canonical order, constants on the
//! right) returns the earlier ref:
//!
//! - pure instructions and guards without memory effects (`AddOv`, `GuardTrue`,
//!   `GuardRef`, ...) match anywhere earlier: the trace is one straight line, and a
//!   value or check before the `Loop` dominates (and stays true throughout) every
//!   iteration, since its operands are loop invariant;
//! - loads (`ListLen`, `ListGet`, `GLoad`) match only back to the nearest store or the
//!   `Loop`: a store may change what they read, and across the `Loop` a store later in
//!   the body (not yet recorded) could have changed it on the previous iteration;
//! - `SLoad` matches anywhere: it reads the slot on trace entry, and compiled code
//!   never writes slots inside the loop (see `abi.rs`);
//! - stores, calls, `Loop` and `LoopParam` never match.
//!
//! The search walks backwards and stops at the newest operand's definition (an
//! identical instruction cannot come before its operands), as LuaJIT's CSE does.

use crate::ir::{flags, Carried, Ins, InsRef, Opcode, Trace, Ty};
use cranelift_entity::{EntityRef, SecondaryMap};

/// Appends `ins` to `t`, folded and CSE'd; returns the ref that holds its value (see
/// the module docs for what it returns when nothing is emitted).
pub fn emit(t: &mut Trace, ins: Ins) -> InsRef {
    let ins = normalize(t, ins);
    match fold(t, &ins) {
        Fold::Keep => cse(t, &ins).unwrap_or_else(|| t.push(ins)),
        Fold::Same(r) => r,
        Fold::Emit(new) => emit(t, new),
        Fold::Int(v) => konst(t, Opcode::KInt, Ty::INT, v),
        Fold::Float(v) => konst(t, Opcode::KFloat, Ty::FLOAT, v.to_bits() as i64),
        Fold::Bool(v) => konst(t, Opcode::KBool, Ty::BOOL, v as i64),
    }
}

/// The `fold` pass: re-emits every instruction of `t` through `emit` into an empty
/// trace, then rewrites snapshots and carried slots to the new refs. Snapshots keep
/// their ids (a snapshot whose guard folded away stays, unused).
pub fn run(t: &mut Trace) {
    let old = std::mem::take(t);
    let mut map: SecondaryMap<InsRef, InsRef> = SecondaryMap::with_capacity(old.ins.len());
    t.snaps = old.snaps;
    t.header_snap = old.header_snap;
    for (i, &ins) in old.ins.iter().enumerate() {
        let mut ins = ins;
        let n = ins.op.operands().values as usize;
        for field in [&mut ins.a, &mut ins.b, &mut ins.c].into_iter().take(n) {
            *field = map[*field];
        }
        map[InsRef::new(i)] = emit(t, ins);
        // What emitting it added comes from where it came from (`Trace::origin`).
        let from = old.origin.get(i).copied().unwrap_or(i as u32);
        t.origin.resize(t.ins.len(), from);
    }
    for snap in &mut t.snaps {
        for entry in &mut snap.entries {
            entry.1 = map[entry.1];
        }
    }
    t.carried = old
        .carried
        .iter()
        .map(|c| Carried {
            slot: c.slot,
            param: map[c.param],
            init: map[c.init],
            next: map[c.next],
        })
        .collect();
}

// -- Normal form ---------------------------------------------------------------------

/// Whether `op` is a constant (a pure instruction without value operands).
fn is_const_op(op: Opcode) -> bool {
    op.operands().values == 0 && op.flags() & flags::PURE != 0
}

fn is_const(t: &Trace, r: InsRef) -> bool {
    t.ins.get(r.index()).is_some_and(|i| is_const_op(i.op))
}

/// Clears unused operand fields and the unused immediate, and orders the operands of
/// commutative opcodes: non-constants before constants, then by ref.
fn normalize(t: &Trace, mut ins: Ins) -> Ins {
    let shape = ins.op.operands();
    let fields = [&mut ins.a, &mut ins.b, &mut ins.c];
    for field in fields.into_iter().skip(shape.values as usize) {
        *field = InsRef::default();
    }
    if !shape.imm {
        ins.imm = 0;
    }
    if ins.op.flags() & flags::COMM != 0 {
        let key = |r: InsRef| (is_const(t, r), r);
        if key(ins.a) > key(ins.b) {
            std::mem::swap(&mut ins.a, &mut ins.b);
        }
    }
    ins
}

/// Emits (or finds) a constant.
fn konst(t: &mut Trace, op: Opcode, ty: Ty, imm: i64) -> InsRef {
    emit(
        t,
        Ins {
            imm,
            ..Ins::new(op, ty)
        },
    )
}

// -- Folding -------------------------------------------------------------------------

/// What folding decided.
enum Fold {
    /// Nothing to fold: CSE, then emit as is.
    Keep,
    /// The value (or, for a guard without a value, the proof) is this existing ref.
    Same(InsRef),
    /// Emit this instruction instead (it is folded in turn).
    Emit(Ins),
    /// This int constant.
    Int(i64),
    /// This float constant (never NaN).
    Float(f64),
    /// This bool constant.
    Bool(bool),
}

/// A constant operand's value.
#[derive(Clone, Copy, PartialEq, Debug)]
enum K {
    Int(i64),
    Float(f64),
    Bool(bool),
    None,
    /// An object constant: its type and address.
    Ref(Ty, i64),
}

fn value(t: &Trace, r: InsRef) -> Option<K> {
    let ins = t.ins.get(r.index())?;
    Some(match ins.op {
        Opcode::KInt => K::Int(ins.imm),
        Opcode::KFloat => K::Float(f64::from_bits(ins.imm as u64)),
        Opcode::KBool => K::Bool(ins.imm != 0),
        Opcode::KNone => K::None,
        Opcode::KRef => K::Ref(ins.ty, ins.imm),
        _ => return None,
    })
}

/// A float result, unless it is NaN (rule 3).
fn float(v: f64) -> Fold {
    if v.is_nan() {
        Fold::Keep
    } else {
        Fold::Float(v)
    }
}

/// The operand of `r` if `r` is an `op` instruction.
fn operand_of(t: &Trace, r: InsRef, op: Opcode) -> Option<InsRef> {
    t.ins.get(r.index()).filter(|i| i.op == op).map(|i| i.a)
}

/// Folds `ins` (already normalized: constants of commutative ops are on the right).
fn fold(t: &Trace, ins: &Ins) -> Fold {
    use Fold::{Bool, Int, Keep, Same};
    use Opcode::*;
    let nvals = ins.op.operands().values;
    let (x, y) = (ins.a, ins.b);
    let ka = if nvals >= 1 { value(t, x) } else { None };
    let kb = if nvals >= 2 { value(t, y) } else { None };
    let ints = match (ka, kb) {
        (Some(K::Int(p)), Some(K::Int(q))) => Some((p, q)),
        _ => None,
    };
    let floats = match (ka, kb) {
        (Some(K::Float(p)), Some(K::Float(q))) => Some((p, q)),
        _ => None,
    };
    let ib = match kb {
        Some(K::Int(q)) => Some(q),
        _ => None,
    };
    // `fb` compares bit patterns, so 0.0 and -0.0 differ.
    let fb = |c: f64| matches!(kb, Some(K::Float(q)) if q.to_bits() == c.to_bits());
    let same = nvals == 2 && x == y;
    let ty_of = |r: InsRef| t.ins.get(r.index()).map_or(Ty::VOID, |i| i.ty);

    match ins.op {
        // Integer arithmetic with overflow guards: fold only when it cannot overflow.
        AddOv => match (ints, ib) {
            (Some((p, q)), _) => p.checked_add(q).map_or(Keep, Int),
            (_, Some(0)) => Same(x),
            _ => Keep,
        },
        SubOv => match (ints, ib) {
            (Some((p, q)), _) => p.checked_sub(q).map_or(Keep, Int),
            (_, Some(0)) => Same(x),
            _ if same => Int(0),
            _ => Keep,
        },
        MulOv => match (ints, ib) {
            (Some((p, q)), _) => p.checked_mul(q).map_or(Keep, Int),
            (_, Some(1)) => Same(x),
            (_, Some(0)) => Int(0),
            _ => Keep,
        },
        NegOv => match ka {
            Some(K::Int(p)) => p.checked_neg().map_or(Keep, Int),
            // -(-z) is z: the inner NegOv already guarded z != i64::MIN.
            _ => operand_of(t, x, NegOv).map_or(Keep, Same),
        },
        Add => match (ints, ib) {
            (Some((p, q)), _) => Int(p.wrapping_add(q)),
            (_, Some(0)) => Same(x),
            _ => Keep,
        },
        Sub => match (ints, ib) {
            (Some((p, q)), _) => Int(p.wrapping_sub(q)),
            (_, Some(0)) => Same(x),
            _ if same => Int(0),
            _ => Keep,
        },
        // Floor division and modulo: the guard is `b > 0`, under which Python's floor
        // semantics equal Euclid's.
        FloorDiv => match (ints, ib) {
            (Some((p, q)), _) if q > 0 => Int(p.div_euclid(q)),
            (_, Some(1)) => Same(x),
            _ => Keep,
        },
        Mod => match (ints, ib) {
            (Some((p, q)), _) if q > 0 => Int(p.rem_euclid(q)),
            (_, Some(1)) => Int(0),
            _ => Keep,
        },
        // What the machine computes: unsigned (`bounds` only makes these for a >= 0).
        UDiv => match (ints, ib) {
            (Some((p, q)), _) if q > 0 => Int((p as u64 / q as u64) as i64),
            (_, Some(1)) => Same(x),
            _ => Keep,
        },
        URem => match (ints, ib) {
            (Some((p, q)), _) if q > 0 => Int((p as u64 % q as u64) as i64),
            (_, Some(1)) => Int(0),
            _ => Keep,
        },
        BAnd => match (ints, ib) {
            (Some((p, q)), _) => Int(p & q),
            (_, Some(0)) => Int(0),
            (_, Some(-1)) => Same(x),
            _ if same => Same(x),
            _ => Keep,
        },
        BOr => match (ints, ib) {
            (Some((p, q)), _) => Int(p | q),
            (_, Some(0)) => Same(x),
            (_, Some(-1)) => Int(-1),
            _ if same => Same(x),
            _ => Keep,
        },
        BXor => match (ints, ib) {
            (Some((p, q)), _) => Int(p ^ q),
            (_, Some(0)) => Same(x),
            _ if same => Int(0),
            _ => Keep,
        },
        Shr => match (ints, ib) {
            (Some((p, q)), _) if q >= 0 => Int(p >> q.min(63)),
            (_, Some(0)) => Same(x),
            _ => Keep,
        },
        ShlOv => match (ints, ib) {
            (Some((p, q)), _) if (0..64).contains(&q) && (p << q) >> q == p => Int(p << q),
            (_, Some(0)) => Same(x),
            _ => Keep,
        },
        // Float arithmetic: only identities that hold for every float, -0.0 and NaN
        // included.
        FAdd => match floats {
            Some((p, q)) => float(p + q),
            None if fb(-0.0) => Same(x),
            None => Keep,
        },
        FSub => match floats {
            Some((p, q)) => float(p - q),
            None if fb(0.0) => Same(x),
            None => Keep,
        },
        // x * 2.0 is x + x, exactly (one rounding of the same value; inf and NaN
        // alike), and an add is quicker: 2-3 cycles against 4 on recent x86 cores,
        // on the loop-carried chain of `zi = 2.0 * zr * zi + ci` (LuaJIT
        // `simplify_nummuldiv_k`; gcc does the same).
        FMul => match floats {
            Some((p, q)) => float(p * q),
            None if fb(1.0) => Same(x),
            None if fb(2.0) => Fold::Emit(Ins {
                op: FAdd,
                b: x,
                ..*ins
            }),
            None => Keep,
        },
        FDiv => match floats {
            Some((p, q)) if q != 0.0 => float(p / q),
            _ if fb(1.0) => Same(x),
            _ => Keep,
        },
        FNeg => match ka {
            Some(K::Float(p)) => float(-p),
            _ => operand_of(t, x, FNeg).map_or(Keep, Same),
        },
        FSqrt => match ka {
            Some(K::Float(p)) if p >= 0.0 => float(p.sqrt()),
            _ => Keep,
        },
        // Rust's `as` rounds to nearest, ties to even: CPython's int -> float.
        IToF => match ka {
            Some(K::Int(p)) => Fold::Float(p as f64),
            _ => Keep,
        },
        // Integer comparisons.
        Lt | Le | Gt | Ge | Eq | Ne => match ints {
            Some((p, q)) => Bool(compare(ins.op, p.cmp(&q))),
            None if same => Bool(compare(ins.op, std::cmp::Ordering::Equal)),
            None => Keep,
        },
        // Float comparisons: constants only (x == x is false for NaN).
        FLt | FLe | FGt | FGe | FEq | FNe => match floats {
            Some((p, q)) => Bool(match ins.op {
                FLt => p < q,
                FLe => p <= q,
                FGt => p > q,
                FGe => p >= q,
                FEq => p == q,
                _ => p != q,
            }),
            None => Keep,
        },
        RefEq => {
            if same || (ty_of(x) == Ty::NONE && ty_of(y) == Ty::NONE) {
                Bool(true)
            } else if ty_of(x) != ty_of(y) {
                // Values of different tags are never the same object.
                Bool(false)
            } else {
                match (ka, kb) {
                    (Some(K::Bool(p)), Some(K::Bool(q))) => Bool(p == q),
                    (Some(K::Ref(_, p)), Some(K::Ref(_, q))) => Bool(p == q),
                    _ => Keep,
                }
            }
        }
        Not => match ka {
            Some(K::Bool(p)) => Bool(!p),
            _ => operand_of(t, x, Not).map_or(Keep, Same),
        },
        IntTruth => match ka {
            Some(K::Int(p)) => Bool(p != 0),
            _ => Keep,
        },
        // Guards: drop those that always pass; keep those that always fail.
        GuardTrue | GuardFalse => {
            let want = ins.op == GuardTrue;
            match ka {
                Some(K::Bool(p)) if p == want => Same(x),
                _ => match operand_of(t, x, Not) {
                    Some(z) => {
                        let op = if want { GuardFalse } else { GuardTrue };
                        Fold::Emit(Ins { op, a: z, ..*ins })
                    }
                    None => Keep,
                },
            }
        }
        GuardRef => match ka {
            Some(K::Ref(_, p)) if p == ins.imm => Same(x),
            _ => Keep,
        },
        KInt | KFloat | KBool | KNone | KRef | SLoad | GLoad | Loop | LoopParam => Keep,
        ListLen | ListGet | ListSet | SStore | GStore => Keep,
        GuardShape | GuardVersion | SlotGet | SlotSet | CellGet | CellSet => Keep,
    }
}

/// The result of integer comparison `op` given how `a` compares to `b`.
fn compare(op: Opcode, ord: std::cmp::Ordering) -> bool {
    use std::cmp::Ordering::*;
    match op {
        Opcode::Lt => ord == Less,
        Opcode::Le => ord != Greater,
        Opcode::Gt => ord == Greater,
        Opcode::Ge => ord != Less,
        Opcode::Eq => ord == Equal,
        _ => ord != Equal,
    }
}

// -- CSE -----------------------------------------------------------------------------

/// An earlier instruction identical to `ins` that may stand for it (module docs).
fn cse(t: &Trace, ins: &Ins) -> Option<InsRef> {
    let f = ins.op.flags();
    if f & (flags::STORE | flags::CALL) != 0 || f & (flags::PURE | flags::GUARD | flags::LOAD) == 0
    {
        return None;
    }
    let load = f & flags::LOAD != 0 && ins.op != Opcode::SLoad;
    let limit = ins.args().map(|r| r.index() + 1).max().unwrap_or(0);
    for j in (limit..t.ins.len()).rev() {
        let o = &t.ins[j];
        if load && (o.op == Opcode::Loop || o.op.flags() & (flags::STORE | flags::CALL) != 0) {
            return None;
        }
        if o.op == ins.op
            && o.ty == ins.ty
            && o.a == ins.a
            && o.b == ins.b
            && o.c == ins.c
            && o.imm == ins.imm
        {
            return Some(InsRef::new(j));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int(t: &mut Trace, v: i64) -> InsRef {
        emit(
            t,
            Ins {
                imm: v,
                ..Ins::new(Opcode::KInt, Ty::INT)
            },
        )
    }
    fn bin(t: &mut Trace, op: Opcode, a: InsRef, b: InsRef) -> InsRef {
        let ty = match op.ty_rule() {
            crate::ir::TyRule::Fixed(ty) => ty,
            crate::ir::TyRule::Given => Ty::INT,
        };
        emit(
            t,
            Ins {
                a,
                b,
                ..Ins::new(op, ty)
            },
        )
    }
    fn imm_of(t: &Trace, r: InsRef) -> i64 {
        assert_eq!(t.get(r).op, Opcode::KInt);
        t.get(r).imm
    }

    #[test]
    fn python_floor_division_and_modulo() {
        for (p, q) in [
            (7, 2),
            (-7, 2),
            (7, 3),
            (-1, 5),
            (i64::MIN, 1),
            (i64::MIN, 7),
            (i64::MAX, 2),
        ] {
            let mut t = Trace::default();
            let (a, b) = (int(&mut t, p), int(&mut t, q));
            let d = bin(&mut t, Opcode::FloorDiv, a, b);
            let m = bin(&mut t, Opcode::Mod, a, b);
            // Python: p == q * (p // q) + p % q and 0 <= p % q < q.
            let (d, m) = (imm_of(&t, d), imm_of(&t, m));
            assert_eq!(q as i128 * d as i128 + m as i128, p as i128);
            assert!((0..q).contains(&m));
        }
    }

    #[test]
    fn overflowing_constants_keep_the_guard() {
        let mut t = Trace::default();
        let (max, one, min) = (int(&mut t, i64::MAX), int(&mut t, 1), int(&mut t, i64::MIN));
        for (op, a, b) in [
            (Opcode::AddOv, max, one),
            (Opcode::SubOv, min, one),
            (Opcode::MulOv, max, max),
        ] {
            let r = bin(&mut t, op, a, b);
            assert_eq!(t.get(r).op, op);
        }
        let r = emit(
            &mut t,
            Ins {
                a: min,
                ..Ins::new(Opcode::NegOv, Ty::INT)
            },
        );
        assert_eq!(t.get(r).op, Opcode::NegOv);
    }

    #[test]
    fn run_keeps_where_each_instruction_was_recorded() {
        // Recorded (pushed without folding): v0 = SLoad, v1 = 0, v2 = v0 + 0 (is
        // v0), v3 = 5, v4 = v2 + v3. After `run`: SLoad, 0, 5, v0 + 5; the sum
        // still comes from recorded instruction 4, and an earlier `Trace::origin`
        // carries through.
        let mut t = Trace::default();
        let s = t.push_snap(Default::default());
        let x = t.push(Ins {
            snap: Some(s),
            ..Ins::new(Opcode::SLoad, Ty::INT)
        });
        let k0 = t.push(Ins {
            imm: 0,
            ..Ins::new(Opcode::KInt, Ty::INT)
        });
        let same = t.push(Ins {
            a: x,
            b: k0,
            ..Ins::new(Opcode::Add, Ty::INT)
        });
        let k5 = t.push(Ins {
            imm: 5,
            ..Ins::new(Opcode::KInt, Ty::INT)
        });
        t.push(Ins {
            a: same,
            b: k5,
            ..Ins::new(Opcode::Add, Ty::INT)
        });
        run(&mut t);
        assert_eq!(t.ins.len(), 4);
        assert_eq!(t.origin, vec![0, 1, 3, 4]);
        t.origin = vec![10, 11, 13, 14];
        run(&mut t);
        assert_eq!(t.origin, vec![10, 11, 13, 14]);
    }

    #[test]
    fn emit_is_idempotent_on_its_own_output() {
        let mut t = Trace::default();
        let s = t.push_snap(Default::default());
        let x = emit(
            &mut t,
            Ins {
                imm: 0,
                snap: Some(s),
                ..Ins::new(Opcode::SLoad, Ty::INT)
            },
        );
        let k = int(&mut t, 3);
        let y = bin(&mut t, Opcode::Add, k, x);
        assert_eq!(
            (t.get(y).a, t.get(y).b),
            (x, k),
            "constant moved to the right"
        );
        let before = t.clone();
        run(&mut t);
        assert_eq!(t, before);
    }
}
