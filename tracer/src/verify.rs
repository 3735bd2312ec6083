//! Verify: checks that a trace is well formed, so a pass that breaks the IR is caught
//! at the pass, not as a miscompile (Cranelift's verifier, run after every pass in
//! debug builds by `opt::run`).
//!
//! What "well formed" means:
//!
//! - Operands are defined before use and have the types the opcode takes
//!   (`operand_kinds`); result types follow `Opcode::ty_rule` (a `Fixed` type is
//!   stated exactly; a `Given` type is a real, named tag, and a ref for `KRef`).
//! - Every guard has a snapshot, nothing else does, and every snapshot entry names a
//!   value that exists where the snapshot is used: before the guard that uses it, and
//!   at the loop header for `Trace::header_snap`. Entries are sorted by slot.
//! - Zero or one `Loop`. Before it (the preamble) only constants, entry loads, and
//!   what `opt::licm` may hoist (pure instructions, guards over values); right after
//!   it the run of `LoopParam`s and nowhere else.
//! - Each `LoopParam` has exactly one `Carried`, whose `init` is defined before the
//!   `Loop` and whose `next` is any value of the same type. (`next` may be a preamble
//!   value: emit-time CSE legitimately turns `i = 0` in the body into the preamble's
//!   constant, which dominates the whole loop.)

use crate::ir::{flags, InsRef, Opcode, Slot, SnapId, Trace, Ty, TyRule};
use cranelift_entity::EntityRef;
use std::fmt;

/// Why a trace is malformed. Every variant names the instruction (or snapshot, or
/// carried slot) it is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VerifyError {
    /// `operand` of `ins` is not defined before `ins` (a forward or out-of-range ref).
    UndefinedOperand {
        /// The using instruction.
        ins: InsRef,
        /// The offending operand.
        operand: InsRef,
    },
    /// `operand` of `ins` has type `found`, which the opcode does not take.
    OperandType {
        /// The using instruction.
        ins: InsRef,
        /// The offending operand.
        operand: InsRef,
        /// Its type (`void` if it defines no value).
        found: Ty,
        /// What the opcode takes there.
        expected: &'static str,
    },
    /// `ins` states type `found` but its opcode always produces `expected`.
    ResultType {
        /// The instruction.
        ins: InsRef,
        /// Its stated type.
        found: Ty,
        /// The opcode's fixed type.
        expected: Ty,
    },
    /// `ins` has a `Given` result type that is `void`, has no name, or (for `KRef`)
    /// is not a heap type.
    GivenType {
        /// The instruction.
        ins: InsRef,
        /// Its stated type.
        found: Ty,
    },
    /// The immediate of `ins` is out of range: a `KBool` other than 0 or 1, or a
    /// negative or too-large slot number.
    BadImm {
        /// The instruction.
        ins: InsRef,
        /// Its immediate.
        imm: i64,
    },
    /// Guard `ins` has no snapshot to exit through.
    MissingSnapshot {
        /// The guard.
        ins: InsRef,
    },
    /// `ins` is not a guard but has a snapshot.
    UnexpectedSnapshot {
        /// The instruction.
        ins: InsRef,
    },
    /// `ins` refers to snapshot `snap`, which does not exist.
    UnknownSnapshot {
        /// The guard.
        ins: InsRef,
        /// The missing snapshot.
        snap: SnapId,
    },
    /// Snapshot `snap`, used by `at`, maps `slot` to `value`, which is not defined
    /// before `at` (for the header snapshot, `at` is the `Loop` and values up to its
    /// `LoopParam`s count as defined).
    SnapEntryUndefined {
        /// The guard (or `Loop`) where the snapshot is used.
        at: InsRef,
        /// The snapshot.
        snap: SnapId,
        /// The slot.
        slot: Slot,
        /// The value it names.
        value: InsRef,
    },
    /// Snapshot `snap` maps `slot` to `value`, which defines no value (or does not
    /// exist).
    SnapEntryVoid {
        /// The snapshot.
        snap: SnapId,
        /// The slot.
        slot: Slot,
        /// The instruction it names.
        value: InsRef,
    },
    /// Snapshot `snap`'s entries are not strictly sorted by slot at `slot`.
    SnapEntryOrder {
        /// The snapshot.
        snap: SnapId,
        /// The first slot out of order (or repeated).
        slot: Slot,
    },
    /// `ins` is a second `Loop`.
    SecondLoop {
        /// The second `Loop`.
        ins: InsRef,
    },
    /// `ins` comes before the `Loop` but is not a constant, an entry load, or an
    /// instruction `licm` may hoist.
    NotInPreamble {
        /// The instruction.
        ins: InsRef,
    },
    /// `LoopParam` `ins` is not in the run of instructions right after the `Loop`.
    MisplacedLoopParam {
        /// The `LoopParam`.
        ins: InsRef,
    },
    /// The trace has carried slots but no `Loop`.
    CarriedWithoutLoop {
        /// The first carried slot.
        slot: Slot,
    },
    /// Carried `slot` names `param`, which is not a `LoopParam` of that slot.
    CarriedParam {
        /// The carried slot.
        slot: Slot,
        /// What it names as its parameter.
        param: InsRef,
    },
    /// `LoopParam` `ins` has `count` carried entries instead of exactly one.
    ParamNotCarried {
        /// The `LoopParam`.
        ins: InsRef,
        /// How many `Carried` name it.
        count: usize,
    },
    /// Carried `slot`'s `init` is not defined before the `Loop`.
    CarriedInit {
        /// The carried slot.
        slot: Slot,
        /// Its initial value.
        init: InsRef,
    },
    /// Carried `slot`'s `next` does not exist or defines no value.
    CarriedNext {
        /// The carried slot.
        slot: Slot,
        /// Its next value.
        next: InsRef,
    },
    /// Carried `slot`'s `value` (its init or next) has type `found`, but its
    /// `LoopParam` has type `expected`.
    CarriedType {
        /// The carried slot.
        slot: Slot,
        /// The init or next value.
        value: InsRef,
        /// That value's type.
        found: Ty,
        /// The parameter's type.
        expected: Ty,
    },
    /// `Trace::header_snap` names `snap`, which does not exist.
    UnknownHeaderSnap {
        /// The missing snapshot.
        snap: SnapId,
    },
}

impl fmt::Display for VerifyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use VerifyError::*;
        match *self {
            UndefinedOperand { ins, operand } => {
                write!(f, "{ins}: operand {operand} is not defined before use")
            }
            OperandType {
                ins,
                operand,
                found,
                expected,
            } => {
                write!(
                    f,
                    "{ins}: operand {operand} has type {found}, expected {expected}"
                )
            }
            ResultType {
                ins,
                found,
                expected,
            } => write!(f, "{ins}: result type {found}, opcode produces {expected}"),
            GivenType { ins, found } => write!(f, "{ins}: invalid result type {found}"),
            BadImm { ins, imm } => write!(f, "{ins}: immediate {imm} out of range"),
            MissingSnapshot { ins } => write!(f, "{ins}: guard without a snapshot"),
            UnexpectedSnapshot { ins } => {
                write!(f, "{ins}: snapshot on an instruction that is not a guard")
            }
            UnknownSnapshot { ins, snap } => write!(f, "{ins}: snapshot {snap} does not exist"),
            SnapEntryUndefined {
                at,
                snap,
                slot,
                value,
            } => {
                write!(
                    f,
                    "{at}: snapshot {snap} maps slot {slot} to {value}, not defined here"
                )
            }
            SnapEntryVoid { snap, slot, value } => {
                write!(f, "{snap}: slot {slot} maps to {value}, which has no value")
            }
            SnapEntryOrder { snap, slot } => {
                write!(f, "{snap}: entries not sorted by slot at slot {slot}")
            }
            SecondLoop { ins } => write!(f, "{ins}: second Loop"),
            NotInPreamble { ins } => write!(f, "{ins}: not allowed before Loop"),
            MisplacedLoopParam { ins } => write!(f, "{ins}: LoopParam not directly after Loop"),
            CarriedWithoutLoop { slot } => write!(f, "carry {slot}: trace has no Loop"),
            CarriedParam { slot, param } => {
                write!(f, "carry {slot}: {param} is not a LoopParam of slot {slot}")
            }
            ParamNotCarried { ins, count } => {
                write!(f, "{ins}: LoopParam has {count} carry entries, expected 1")
            }
            CarriedInit { slot, init } => {
                write!(f, "carry {slot}: init {init} is not defined before Loop")
            }
            CarriedNext { slot, next } => {
                write!(f, "carry {slot}: next {next} is not a defined value")
            }
            CarriedType {
                slot,
                value,
                found,
                expected,
            } => {
                write!(
                    f,
                    "carry {slot}: {value} has type {found}, LoopParam has {expected}"
                )
            }
            UnknownHeaderSnap { snap } => write!(f, "header_snap {snap} does not exist"),
        }
    }
}

impl std::error::Error for VerifyError {}

// -- Operand kinds -----------------------------------------------------------------

/// What an opcode takes in one value operand position.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Int,
    Float,
    Bool,
    List,
    /// A heap object.
    Ref,
    /// Something with identity for `is`: a heap object, None or a bool.
    Identity,
    /// Any value.
    Any,
}

impl Kind {
    fn accepts(self, ty: Ty) -> bool {
        match self {
            Kind::Int => ty == Ty::INT,
            Kind::Float => ty == Ty::FLOAT,
            Kind::Bool => ty == Ty::BOOL,
            Kind::List => ty == Ty::LIST,
            Kind::Ref => ty.is_ref(),
            Kind::Identity => ty.is_ref() || ty == Ty::NONE || ty == Ty::BOOL,
            Kind::Any => ty != Ty::VOID,
        }
    }
    fn name(self) -> &'static str {
        match self {
            Kind::Int => "int",
            Kind::Float => "float",
            Kind::Bool => "bool",
            Kind::List => "list",
            Kind::Ref => "an object",
            Kind::Identity => "an object, none or bool",
            Kind::Any => "a value",
        }
    }
}

/// The kinds of `op`'s value operands, in order (only the first
/// `op.operands().values` are meaningful).
fn operand_kinds(op: Opcode) -> [Kind; 3] {
    use Kind::*;
    use Opcode::*;
    match op {
        KInt | KFloat | KBool | KNone | KRef | SLoad | GLoad | Loop | LoopParam => [Any; 3],
        AddOv | SubOv | MulOv | NegOv | Add | Sub | FloorDiv | Mod | UDiv | URem | BAnd | BOr
        | BXor | Shr | ShlOv => [Int; 3],
        IToF | IntTruth | Lt | Le | Gt | Ge | Eq | Ne => [Int; 3],
        FAdd | FSub | FMul | FDiv | FNeg | FSqrt | FLt | FLe | FGt | FGe | FEq | FNe => [Float; 3],
        RefEq => [Identity; 3],
        Not | GuardTrue | GuardFalse => [Bool; 3],
        GuardRef => [Ref; 3],
        ListLen => [List; 3],
        ListGet | ListSet => [List, Int, Any],
        SStore | GStore => [Any; 3],
        GuardShape | SlotGet | CellGet => [Ref; 3],
        GuardVersion => [Int; 3],
        SlotSet | CellSet => [Ref, Any, Any],
    }
}

/// Whether `op` may appear before the `Loop`.
fn allowed_in_preamble(op: Opcode) -> bool {
    use Opcode::*;
    matches!(op, SLoad | GLoad | GuardRef) || crate::opt::licm::hoistable(op, true)
}

// -- The verifier ------------------------------------------------------------------

/// Checks that `t` is well formed (see the module docs); returns the first problem.
pub fn verify(t: &Trace) -> Result<(), VerifyError> {
    use VerifyError::*;
    let loop_at = t.loop_index();
    // Index of the first instruction after the Loop's run of LoopParams.
    let body_at = loop_at.map(|l| {
        l + 1
            + t.ins[l + 1..]
                .iter()
                .take_while(|i| i.op == Opcode::LoopParam)
                .count()
    });
    let ty_of = |r: InsRef| t.ins.get(r.index()).map_or(Ty::VOID, |i| i.ty);

    for (i, ins) in t.ins.iter().enumerate() {
        let r = InsRef::new(i);
        let op = ins.op;
        // Operands.
        for (arg, kind) in ins.args().zip(operand_kinds(op)) {
            if arg.index() >= i {
                return Err(UndefinedOperand {
                    ins: r,
                    operand: arg,
                });
            }
            let found = ty_of(arg);
            if !kind.accepts(found) {
                return Err(OperandType {
                    ins: r,
                    operand: arg,
                    found,
                    expected: kind.name(),
                });
            }
        }
        // Result type.
        match op.ty_rule() {
            TyRule::Fixed(ty) if ins.ty != ty => {
                return Err(ResultType {
                    ins: r,
                    found: ins.ty,
                    expected: ty,
                })
            }
            TyRule::Fixed(_) => {}
            TyRule::Given => {
                let ok = ins.ty != Ty::VOID
                    && ins.ty.name() != "?"
                    // KRef: an object, or the Undef marker of an unbound local (the
                    // initial value of an inlined callee's locals).
                    && (op != Opcode::KRef || ins.ty.is_ref() || ins.ty == Ty::UNDEF);
                if !ok {
                    return Err(GivenType {
                        ins: r,
                        found: ins.ty,
                    });
                }
            }
        }
        // Immediates.
        let imm_ok = match op {
            Opcode::KBool => ins.imm == 0 || ins.imm == 1,
            Opcode::SLoad | Opcode::LoopParam | Opcode::SStore => Slot::try_from(ins.imm).is_ok(),
            // Addresses of module globals.
            Opcode::GLoad | Opcode::GStore => ins.imm != 0,
            // A shape pointer word, the address of a class version, a slot index.
            Opcode::GuardShape | Opcode::GuardVersion => ins.imm != 0,
            Opcode::SlotGet | Opcode::SlotSet => (0..1 << 20).contains(&ins.imm),
            _ => true,
        };
        if !imm_ok {
            return Err(BadImm {
                ins: r,
                imm: ins.imm,
            });
        }
        // Snapshots.
        let guard = op.flags() & flags::GUARD != 0;
        match (guard, ins.snap) {
            (true, None) => return Err(MissingSnapshot { ins: r }),
            (false, Some(_)) => return Err(UnexpectedSnapshot { ins: r }),
            (true, Some(s)) => {
                let snap = t
                    .snaps
                    .get(s.index())
                    .ok_or(UnknownSnapshot { ins: r, snap: s })?;
                if let Some(&(slot, value)) = snap.entries.iter().find(|(_, v)| v.index() >= i) {
                    return Err(SnapEntryUndefined {
                        at: r,
                        snap: s,
                        slot,
                        value,
                    });
                }
            }
            (false, None) => {}
        }
        // Loop structure.
        match loop_at {
            Some(l) if op == Opcode::Loop && i != l => return Err(SecondLoop { ins: r }),
            Some(l) if i < l && !allowed_in_preamble(op) => return Err(NotInPreamble { ins: r }),
            _ => {}
        }
        if op == Opcode::LoopParam && !loop_at.is_some_and(|l| i > l && i < body_at.unwrap_or(0)) {
            return Err(MisplacedLoopParam { ins: r });
        }
    }

    // Snapshots in general.
    for (s, snap) in t.snaps.iter().enumerate() {
        let s = SnapId::new(s);
        let mut prev: Option<Slot> = None;
        for &(slot, value) in &snap.entries {
            if prev.is_some_and(|p| slot <= p) {
                return Err(SnapEntryOrder { snap: s, slot });
            }
            prev = Some(slot);
            if ty_of(value) == Ty::VOID {
                return Err(SnapEntryVoid {
                    snap: s,
                    slot,
                    value,
                });
            }
        }
    }
    if let Some(s) = t.header_snap {
        let snap = t
            .snaps
            .get(s.index())
            .ok_or(UnknownHeaderSnap { snap: s })?;
        if let (Some(l), Some(body)) = (loop_at, body_at) {
            if let Some(&(slot, value)) = snap.entries.iter().find(|(_, v)| v.index() >= body) {
                return Err(SnapEntryUndefined {
                    at: InsRef::new(l),
                    snap: s,
                    slot,
                    value,
                });
            }
        }
    }

    // Carried slots.
    let Some(l) = loop_at else {
        return match t.carried.first() {
            Some(c) => Err(CarriedWithoutLoop { slot: c.slot }),
            None => Ok(()),
        };
    };
    for c in &t.carried {
        let param = t.ins.get(c.param.index());
        if !param.is_some_and(|p| p.op == Opcode::LoopParam && p.imm == i64::from(c.slot)) {
            return Err(CarriedParam {
                slot: c.slot,
                param: c.param,
            });
        }
        let expected = ty_of(c.param);
        if c.init.index() >= l {
            return Err(CarriedInit {
                slot: c.slot,
                init: c.init,
            });
        }
        if ty_of(c.next) == Ty::VOID {
            return Err(CarriedNext {
                slot: c.slot,
                next: c.next,
            });
        }
        for value in [c.init, c.next] {
            let found = ty_of(value);
            if found != expected {
                return Err(CarriedType {
                    slot: c.slot,
                    value,
                    found,
                    expected,
                });
            }
        }
    }
    for (i, ins) in t.ins.iter().enumerate() {
        if ins.op == Opcode::LoopParam {
            let r = InsRef::new(i);
            let count = t.carried.iter().filter(|c| c.param == r).count();
            if count != 1 {
                return Err(ParamNotCarried { ins: r, count });
            }
        }
    }
    Ok(())
}

// -- Tests -------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::parse;
    use VerifyError::*;

    fn v(i: usize) -> InsRef {
        InsRef::new(i)
    }
    fn s(i: usize) -> SnapId {
        SnapId::new(i)
    }

    /// A valid loop: `i += 1` while `i < n`, with a header snapshot.
    const GOOD: &str = "
        s0 = frame(code=0x10, pc=4, base=0, ret=0) {}
        s1 = frame(code=0x10, pc=9, base=0, ret=0) {0: v3, 1: v1}
        v0 = int SLoad 0 ; s0
        v1 = int SLoad 1 ; s0
        Loop
        v3 = int LoopParam 0
        v4 = int KInt 1
        v5 = int AddOv v3, v4 ; s1
        v6 = bool Lt v5, v1
        GuardTrue v6 ; s1
        carry 0: v0 -> v3 -> v5
        header_snap s1
    ";

    /// Parses `GOOD` with `from` replaced by `to` and verifies it.
    fn check(from: &str, to: &str) -> Result<(), VerifyError> {
        assert!(GOOD.contains(from), "{from:?} not in GOOD");
        verify(&parse(&GOOD.replace(from, to)).unwrap())
    }

    #[test]
    fn accepts_a_good_trace() {
        assert_eq!(verify(&parse(GOOD).unwrap()), Ok(()));
        assert_eq!(verify(&Trace::default()), Ok(()));
    }

    #[test]
    fn accepts_next_from_the_preamble() {
        let t = parse(
            "s0 = {}\nv0 = int SLoad 0 ; s0\nLoop\nv2 = int LoopParam 0\ncarry 0: v0 -> v2 -> v0",
        )
        .unwrap();
        assert_eq!(verify(&t), Ok(()));
    }

    #[test]
    fn undefined_operand() {
        assert_eq!(
            check("AddOv v3, v4", "AddOv v3, v6"),
            Err(UndefinedOperand {
                ins: v(5),
                operand: v(6)
            })
        );
    }

    #[test]
    fn operand_type() {
        let e = check("v4 = int KInt 1", "v4 = float KFloat 1.0");
        assert_eq!(
            e,
            Err(OperandType {
                ins: v(5),
                operand: v(4),
                found: Ty::FLOAT,
                expected: "int"
            })
        );
        // A void operand is a type error too.
        let e = check("GuardTrue v6", "GuardTrue v2");
        assert_eq!(
            e,
            Err(OperandType {
                ins: v(7),
                operand: v(2),
                found: Ty::VOID,
                expected: "bool"
            })
        );
    }

    #[test]
    fn result_type() {
        let e = check("v6 = bool Lt", "v6 = int Lt");
        assert_eq!(
            e,
            Err(ResultType {
                ins: v(6),
                found: Ty::INT,
                expected: Ty::BOOL
            })
        );
    }

    #[test]
    fn given_type() {
        assert_eq!(
            check("v4 = int KInt 1", "v4 = int KRef 0x10"),
            Err(GivenType {
                ins: v(4),
                found: Ty::INT
            })
        );
        let mut t = parse(GOOD).unwrap();
        t.ins[0].ty = Ty::VOID;
        assert_eq!(
            verify(&t),
            Err(GivenType {
                ins: v(0),
                found: Ty::VOID
            })
        );
    }

    #[test]
    fn bad_imm() {
        assert_eq!(
            check("v4 = int KInt 1", "v4 = bool KBool 2"),
            Err(BadImm { ins: v(4), imm: 2 })
        );
        assert_eq!(
            check("SLoad 1", "SLoad -1"),
            Err(BadImm { ins: v(1), imm: -1 })
        );
    }

    #[test]
    fn missing_snapshot() {
        assert_eq!(
            check("GuardTrue v6 ; s1", "GuardTrue v6"),
            Err(MissingSnapshot { ins: v(7) })
        );
    }

    #[test]
    fn unexpected_snapshot() {
        assert_eq!(
            check("Lt v5, v1", "Lt v5, v1 ; s1"),
            Err(UnexpectedSnapshot { ins: v(6) })
        );
    }

    #[test]
    fn unknown_snapshot() {
        assert_eq!(
            check("GuardTrue v6 ; s1", "GuardTrue v6 ; s2"),
            Err(UnknownSnapshot {
                ins: v(7),
                snap: s(2)
            })
        );
    }

    #[test]
    fn snap_entry_undefined() {
        // s1 names v5, but the AddOv that defines v5 uses s1.
        let e = check("{0: v3, 1: v1}", "{0: v5, 1: v1}");
        assert_eq!(
            e,
            Err(SnapEntryUndefined {
                at: v(5),
                snap: s(1),
                slot: 0,
                value: v(5)
            })
        );
        // The header snapshot may only name values that exist at the loop header.
        let t = GOOD
            .replace("{0: v3, 1: v1}", "{0: v3, 1: v1}\ns2 = {0: v4}")
            .replace("header_snap s1", "header_snap s2");
        let e = verify(&parse(&t).unwrap());
        assert_eq!(
            e,
            Err(SnapEntryUndefined {
                at: v(2),
                snap: s(2),
                slot: 0,
                value: v(4)
            })
        );
    }

    #[test]
    fn snap_entry_void() {
        let t = GOOD.replace("{0: v3, 1: v1}", "{0: v3, 1: v1}\ns2 = {0: v7}");
        assert_eq!(
            verify(&parse(&t).unwrap()),
            Err(SnapEntryVoid {
                snap: s(2),
                slot: 0,
                value: v(7)
            })
        );
    }

    #[test]
    fn snap_entry_order() {
        assert_eq!(
            check("{0: v3, 1: v1}", "{1: v1, 0: v3}"),
            Err(SnapEntryOrder {
                snap: s(1),
                slot: 0
            })
        );
        assert_eq!(
            check("{0: v3, 1: v1}", "{1: v3, 1: v1}"),
            Err(SnapEntryOrder {
                snap: s(1),
                slot: 1
            })
        );
    }

    #[test]
    fn second_loop() {
        assert_eq!(
            check("GuardTrue v6 ; s1", "Loop"),
            Err(SecondLoop { ins: v(7) })
        );
    }

    #[test]
    fn not_in_preamble() {
        let e = check(
            "v1 = int SLoad 1 ; s0",
            "v1 = int SLoad 1 ; s0\n        GStore v0, 0x10",
        );
        assert_eq!(e, Err(NotInPreamble { ins: v(2) }));
        // What licm hoists is fine there.
        assert_eq!(
            check("v1 = int SLoad 1 ; s0", "v1 = int AddOv v0, v0 ; s0"),
            Ok(())
        );
    }

    #[test]
    fn misplaced_loop_param() {
        // Right after another LoopParam is fine (it is only missing its carry entry).
        let e = check("v4 = int KInt 1", "v4 = int LoopParam 1");
        assert_eq!(
            e,
            Err(ParamNotCarried {
                ins: v(4),
                count: 0
            })
        );
        let e = check(
            "v6 = bool Lt v5, v1",
            "v6 = bool Lt v5, v1\nv20 = int LoopParam 1",
        );
        assert_eq!(e, Err(MisplacedLoopParam { ins: v(7) }));
    }

    #[test]
    fn carried_without_loop() {
        let t = parse("s0 = {}\nv0 = int SLoad 0 ; s0\ncarry 0: v0 -> v0 -> v0").unwrap();
        assert_eq!(verify(&t), Err(CarriedWithoutLoop { slot: 0 }));
    }

    #[test]
    fn carried_param() {
        assert_eq!(
            check("v0 -> v3 -> v5", "v0 -> v4 -> v5"),
            Err(CarriedParam {
                slot: 0,
                param: v(4)
            })
        );
        assert_eq!(
            check("carry 0:", "carry 1:"),
            Err(CarriedParam {
                slot: 1,
                param: v(3)
            })
        );
    }

    #[test]
    fn param_not_carried() {
        assert_eq!(
            check("carry 0: v0 -> v3 -> v5", ""),
            Err(ParamNotCarried {
                ins: v(3),
                count: 0
            })
        );
        let twice = "carry 0: v0 -> v3 -> v5\ncarry 0: v0 -> v3 -> v5";
        assert_eq!(
            check("carry 0: v0 -> v3 -> v5", twice),
            Err(ParamNotCarried {
                ins: v(3),
                count: 2
            })
        );
    }

    #[test]
    fn carried_init() {
        assert_eq!(
            check("v0 -> v3 -> v5", "v4 -> v3 -> v5"),
            Err(CarriedInit {
                slot: 0,
                init: v(4)
            })
        );
    }

    #[test]
    fn carried_next() {
        assert_eq!(
            check("v0 -> v3 -> v5", "v0 -> v3 -> v2"),
            Err(CarriedNext {
                slot: 0,
                next: v(2)
            })
        );
    }

    #[test]
    fn carried_type() {
        let e = check("v0 -> v3 -> v5", "v0 -> v3 -> v6");
        assert_eq!(
            e,
            Err(CarriedType {
                slot: 0,
                value: v(6),
                found: Ty::BOOL,
                expected: Ty::INT
            })
        );
    }

    #[test]
    fn unknown_header_snap() {
        assert_eq!(
            check("header_snap s1", "header_snap s9"),
            Err(UnknownHeaderSnap { snap: s(9) })
        );
    }

    #[test]
    fn messages_name_the_instruction() {
        let e = check("AddOv v3, v4", "AddOv v3, v6").unwrap_err();
        assert_eq!(e.to_string(), "v5: operand v6 is not defined before use");
    }
}
