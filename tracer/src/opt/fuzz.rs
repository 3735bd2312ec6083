//! FUZZ (tests only): randomised tests of the pipeline. Random straight-line
//! traces over ints, floats and bools run through a small reference evaluator
//! before and after `fold`, `bounds` and `dce`; both must leave through the same snapshot
//! with the same values. The evaluator implements Python semantics independently
//! of the fold rules. `TVM_FUZZ_CASES=N` runs more cases than the default 3000.

use super::{bounds, dce, fold};
use crate::ir::{flags, Ins, InsRef, Opcode, SnapId, Snapshot, Trace, Ty};
use crate::text::parse;
use crate::verify::verify;
use cranelift_entity::EntityRef;

/// xorshift64*: deterministic, no dependencies.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len())]
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum V {
    I(i64),
    F(f64),
    B(bool),
    N,
}

impl V {
    /// Floats compare by bits, so 0.0 and -0.0 differ, but all NaNs are alike: which
    /// NaN an IEEE operation on two NaNs returns depends on operand order, and
    /// neither C compilers nor CPython keep that order.
    fn same(self, o: V) -> bool {
        match (self, o) {
            (V::F(a), V::F(b)) => a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan()),
            _ => self == o,
        }
    }
}

const INTS: &[i64] = &[
    0,
    1,
    -1,
    2,
    3,
    -7,
    100,
    i64::MAX,
    i64::MIN,
    i64::MAX - 1,
    1 << 53,
    (1 << 53) + 1,
];
const FLOATS: &[f64] = &[
    0.0,
    -0.0,
    1.0,
    -1.5,
    0.1,
    3.0,
    1e308,
    f64::INFINITY,
    f64::NEG_INFINITY,
    f64::NAN,
];

/// Runs `t` on `inputs` (slot -> value) until a guard fails; returns the snapshot it
/// leaves through and that snapshot's values.
fn eval(t: &Trace, inputs: &[V]) -> (SnapId, Vec<(u32, V)>) {
    use Opcode::*;
    let mut vals: Vec<V> = Vec::with_capacity(t.ins.len());
    for ins in &t.ins {
        let (a, b) = (
            vals.get(ins.a.index()).copied(),
            vals.get(ins.b.index()).copied(),
        );
        let (i, j) = match (a, b) {
            (Some(V::I(x)), Some(V::I(y))) => (x, y),
            (Some(V::I(x)), _) => (x, 0),
            _ => (0, 0),
        };
        let (f, g) = match (a, b) {
            (Some(V::F(x)), Some(V::F(y))) => (x, y),
            (Some(V::F(x)), _) => (x, 0.0),
            _ => (0.0, 0.0),
        };
        let p = matches!(a, Some(V::B(true)));
        let checked = |r: Option<i64>| r.map(V::I);
        let v: Option<V> = match ins.op {
            KInt => Some(V::I(ins.imm)),
            KFloat => Some(V::F(f64::from_bits(ins.imm as u64))),
            KBool => Some(V::B(ins.imm != 0)),
            KNone => Some(V::N),
            SLoad => {
                let v = inputs[ins.imm as usize];
                let ty = match v {
                    V::I(_) => Ty::INT,
                    V::F(_) => Ty::FLOAT,
                    V::B(_) => Ty::BOOL,
                    V::N => Ty::NONE,
                };
                (ty == ins.ty).then_some(v)
            }
            AddOv => checked(i.checked_add(j)),
            SubOv => checked(i.checked_sub(j)),
            MulOv => checked(i.checked_mul(j)),
            NegOv => checked(i.checked_neg()),
            Add => Some(V::I(i.wrapping_add(j))),
            Sub => Some(V::I(i.wrapping_sub(j))),
            FloorDiv if j > 0 => Some(V::I(i / j - i64::from(i % j != 0 && i < 0))),
            Mod if j > 0 => Some(V::I(if i % j < 0 { i % j + j } else { i % j })),
            FloorDiv | Mod => None,
            // Unsigned, as the machine computes them: a rewrite `bounds` should not
            // have made (a negative a) shows as a different value.
            UDiv if j > 0 => Some(V::I((i as u64 / j as u64) as i64)),
            URem if j > 0 => Some(V::I((i as u64 % j as u64) as i64)),
            UDiv | URem => None,
            BAnd => Some(V::I(i & j)),
            BOr => Some(V::I(i | j)),
            BXor => Some(V::I(i ^ j)),
            FAdd => Some(V::F(f + g)),
            FSub => Some(V::F(f - g)),
            FMul => Some(V::F(f * g)),
            FDiv => (g != 0.0).then_some(V::F(f / g)),
            FNeg => Some(V::F(-f)),
            IToF => Some(V::F(i as f64)),
            Lt => Some(V::B(i < j)),
            Le => Some(V::B(i <= j)),
            Gt => Some(V::B(i > j)),
            Ge => Some(V::B(i >= j)),
            Eq => Some(V::B(i == j)),
            Ne => Some(V::B(i != j)),
            FLt => Some(V::B(f < g)),
            FLe => Some(V::B(f <= g)),
            FGt => Some(V::B(f > g)),
            FGe => Some(V::B(f >= g)),
            FEq => Some(V::B(f == g)),
            FNe => Some(V::B(f != g)),
            RefEq => Some(V::B(a == b)),
            Not => Some(V::B(!p)),
            IntTruth => Some(V::B(i != 0)),
            GuardTrue => p.then_some(V::N),
            GuardFalse => (!p).then_some(V::N),
            op => unreachable!("{op:?} not generated"),
        };
        match v {
            Some(v) => vals.push(v),
            None => {
                let s = ins.snap.expect("guard");
                let entries = t.snaps[s.index()]
                    .entries
                    .iter()
                    .map(|&(slot, r)| (slot, vals[r.index()]))
                    .collect();
                return (s, entries);
            }
        }
    }
    panic!("trace ran to the end without exiting");
}

/// A random straight-line trace and inputs for it. The last instruction always exits
/// through a snapshot listing many values.
fn random_trace(rng: &mut Rng) -> (Trace, Vec<V>) {
    use Opcode::*;
    let mut t = Trace::default();
    let s0 = t.push_snap(Snapshot::default());
    let mut inputs = Vec::new();
    let mut pool: Vec<(InsRef, Ty)> = Vec::new();
    for slot in 0..4 {
        let (v, ty) = match rng.below(3) {
            0 => (V::I(rng.pick(INTS)), Ty::INT),
            1 => (V::F(rng.pick(FLOATS)), Ty::FLOAT),
            _ => (V::B(rng.below(2) == 1), Ty::BOOL),
        };
        inputs.push(v);
        let r = t.push(Ins {
            imm: slot,
            snap: Some(s0),
            ..Ins::new(SLoad, ty)
        });
        pool.push((r, ty));
    }
    let ops = [
        KInt, KFloat, KBool, AddOv, SubOv, MulOv, NegOv, Add, Sub, FloorDiv, Mod, BAnd, BOr, BXor,
        FAdd, FSub, FMul, FDiv, FNeg, IToF, Lt, Le, Gt, Ge, Eq, Ne, FLt, FLe, FGt, FGe, FEq, FNe,
        RefEq, Not, IntTruth, GuardTrue, GuardFalse,
    ];
    let n = 10 + rng.below(40);
    while t.ins.len() < n {
        let op = rng.pick(&ops);
        let arg_ty = match op {
            FAdd | FSub | FMul | FDiv | FNeg | FLt | FLe | FGt | FGe | FEq | FNe => Ty::FLOAT,
            Not | GuardTrue | GuardFalse | RefEq => Ty::BOOL,
            _ => Ty::INT,
        };
        let cands: Vec<InsRef> = pool
            .iter()
            .filter(|(_, ty)| *ty == arg_ty)
            .map(|(r, _)| *r)
            .collect();
        let mut ins = match op {
            KInt => Ins {
                imm: rng.pick(INTS),
                ..Ins::new(op, Ty::INT)
            },
            KFloat => Ins {
                imm: rng.pick(FLOATS).to_bits() as i64,
                ..Ins::new(op, Ty::FLOAT)
            },
            KBool => Ins {
                imm: rng.below(2) as i64,
                ..Ins::new(op, Ty::BOOL)
            },
            _ if cands.is_empty() => continue,
            _ => {
                let ty = match op.ty_rule() {
                    crate::ir::TyRule::Fixed(ty) => ty,
                    crate::ir::TyRule::Given => unreachable!(),
                };
                let a = rng.pick(&cands);
                // Often reuse an operand, to reach x - x, CSE and friends.
                let b = if rng.below(3) == 0 {
                    a
                } else {
                    rng.pick(&cands)
                };
                let b = if op.operands().values >= 2 {
                    b
                } else {
                    InsRef::default()
                };
                Ins {
                    a,
                    b,
                    ..Ins::new(op, ty)
                }
            }
        };
        if op.flags() & flags::GUARD != 0 {
            let mut entries: Vec<(u32, InsRef)> = Vec::new();
            for slot in 0..rng.below(4) as u32 {
                entries.push((slot * 2, pool[rng.below(pool.len())].0));
            }
            ins.snap = Some(t.push_snap(Snapshot {
                frames: vec![],
                entries,
            }));
        }
        let r = t.push(ins);
        if ins.ty != Ty::VOID {
            pool.push((r, ins.ty));
        }
    }
    let entries = pool
        .iter()
        .enumerate()
        .map(|(i, (r, _))| (i as u32, *r))
        .collect();
    let last = t.push_snap(Snapshot {
        frames: vec![],
        entries,
    });
    inputs.push(V::N);
    t.push(Ins {
        imm: inputs.len() as i64 - 1,
        snap: Some(last),
        ..Ins::new(SLoad, Ty::INT)
    });
    (t, inputs)
}

#[test]
fn passes_preserve_behaviour() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let cases = std::env::var("TVM_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(3000);
    for case in 0..cases {
        let (t, inputs) = random_trace(&mut rng);
        assert_eq!(verify(&t), Ok(()), "case {case}:\n{t}");
        assert_eq!(
            parse(&t.to_text()).as_ref(),
            Ok(&t),
            "case {case}: text round trip"
        );
        let (exit, vals) = eval(&t, &inputs);
        let behaves_the_same = |o: &Trace, what: &str| {
            let (exit2, vals2) = eval(o, &inputs);
            let same = exit == exit2
                && vals.len() == vals2.len()
                && vals
                    .iter()
                    .zip(&vals2)
                    .all(|(x, y)| x.0 == y.0 && x.1.same(y.1));
            assert!(same, "case {case} ({what}), inputs {inputs:?}:\n{t}\n=>\n{o}\nexit {exit} {vals:?}\nvs   {exit2} {vals2:?}");
        };
        let mut o = t.clone();
        fold::run(&mut o);
        assert_eq!(verify(&o), Ok(()), "case {case} after fold:\n{t}\n=>\n{o}");
        dce::run(&mut o);
        assert_eq!(verify(&o), Ok(()), "case {case} after dce:\n{t}\n=>\n{o}");
        assert!(o.ins.len() <= t.ins.len(), "case {case}: the IR grew");
        behaves_the_same(&o, "fold, dce");
        // Folding is idempotent.
        let mut again = o.clone();
        fold::run(&mut again);
        dce::run(&mut again);
        assert_eq!(again, o, "case {case}: fold+dce not idempotent");
        // `bounds` (which only turns checked ops into wrapping ones) on top.
        bounds::run(&mut o);
        assert_eq!(
            verify(&o),
            Ok(()),
            "case {case} after bounds:\n{t}\n=>\n{o}"
        );
        behaves_the_same(&o, "fold, dce, bounds");
        let mut again = o.clone();
        bounds::run(&mut again);
        assert_eq!(again, o, "case {case}: bounds not idempotent");
    }
}
