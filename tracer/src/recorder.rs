//! Recorder: turns the bytecode the interpreter is about to execute into trace IR.
//!
//! The recorder runs beside the interpreter on real values (PyPy's `pyjitpl`,
//! LuaJIT's `lj_record`): before each instruction executes, `Recorder::step` looks at
//! the instruction and at the current values of its operand registers and emits IR
//! that computes the same result for values of the same types, plus guards that leave
//! the trace when a later iteration sees different types or takes another branch.
//!
//! It tracks, for every slot it has touched, which IR value the slot holds now
//! (`slots`). The first read of an untouched slot emits an `SLoad` with the slot's
//! current type. Nothing is written to memory: at a guard, the snapshot lists every
//! slot whose value differs from memory (`snapshot.rs`).
//!
//! Recording ends when execution comes back to the loop header in the root frame.
//! `finish` then reshapes the recording into a loop (`ir.rs`): the entry loads move to
//! the preamble, slots written in the body become loop-carried (`LoopParam`s), and
//! every snapshot is completed with the carried values it did not mention.
//!
//! Anything not handled aborts the trace with a reason from `abort.rs`; aborting is a
//! normal outcome, the interpreter just goes on.

use crate::abort::AbortReason;
use crate::ir::*;
use crate::params::Params;
use cranelift_entity::EntityRef;
use std::rc::Rc;
use tvm_vm::bytecode::{Code, Op, Reg};
use tvm_vm::classes::{self, AttrPlan, InstanceObj};
use tvm_vm::value::Value;
use tvm_vm::Vm;

/// A frame being recorded (the root frame is `frames[0]`).
#[derive(Clone, Debug)]
struct RecFrame {
    code: *const Code,
    /// First register, as a slot.
    base: Slot,
    /// Slot receiving the return value.
    ret: Slot,
    /// Where this frame resumes after the call it is making (set at the call).
    resume: u32,
}

/// What `step` decided.
#[derive(Debug)]
pub enum Step {
    /// Go on: execute the instruction and call `step` again.
    Continue,
    /// The trace is complete (execution is back at the loop header).
    Done,
    /// Not a good moment (the loop is exiting right where recording would start):
    /// try again at the next iteration, without counting an abort.
    Retry,
    /// Give up.
    Abort(AbortReason),
}

/// A trace being recorded.
pub struct Recorder {
    /// The recorded body (with `SLoad`s inline until `finish`).
    pub trace: Trace,
    /// The root frame's code.
    pub root_code: Rc<Code>,
    /// The loop header instruction.
    pub header_pc: usize,
    /// Absolute stack slot of the root frame's first register.
    pub root_base: usize,
    /// `vm.frames.len()` of the root frame.
    root_depth: usize,
    frames: Vec<RecFrame>,
    slots: Vec<Option<InsRef>>,
    /// Entry loads in the body: (slot, ref).
    sloads: Vec<(Slot, InsRef)>,
    started: bool,
    max_ins: usize,
    max_snaps: usize,
    max_inline: usize,
    /// Deepest inlining reached (frames beyond the root).
    pub max_depth: usize,
    /// Objects the trace refers to by address (kept alive by the VM).
    pub roots: Vec<Value>,
    /// Source lines/pcs recorded, for the trace log: (ins index, code, pc).
    pub marks: Vec<(usize, *const Code, u32)>,
    /// A side trace: recording started at this pc (an exit of another trace) and
    /// ends at `header_pc`, the root loop's header.
    pub side_start: Option<usize>,
}

fn ty_of(v: &Value) -> Ty {
    Ty(v.tag())
}

macro_rules! nyi {
    ($what:expr) => {
        return Ok(Step::Abort(AbortReason::Nyi($what)))
    };
}

impl Recorder {
    /// Starts recording at loop header `pc` of the innermost frame.
    pub fn new(vm: &Vm, code: Rc<Code>, pc: usize, params: &Params) -> Recorder {
        let f = vm.frames.last().expect("a frame");
        Recorder {
            trace: Trace::default(),
            root_base: f.base,
            root_depth: vm.frames.len(),
            frames: vec![RecFrame {
                code: Rc::as_ptr(&code),
                base: 0,
                ret: 0,
                resume: 0,
            }],
            root_code: code,
            header_pc: pc,
            slots: vec![],
            sloads: vec![],
            started: false,
            max_ins: params.maxrecord as usize,
            max_snaps: params.maxsnap as usize,
            max_inline: params.maxinline as usize,
            max_depth: 0,
            roots: vec![],
            marks: vec![],
            side_start: None,
        }
    }

    /// Starts recording a side trace at `start` of the innermost frame (where an
    /// exit of a trace of loop `header` resumes); it ends back at `header`.
    pub fn new_side(
        vm: &Vm,
        code: Rc<Code>,
        start: usize,
        header: usize,
        params: &Params,
    ) -> Recorder {
        let mut r = Recorder::new(vm, code, header, params);
        r.side_start = Some(start);
        r
    }

    fn frame(&self) -> &RecFrame {
        self.frames.last().expect("frame")
    }

    fn abs(&self, s: Slot) -> usize {
        self.root_base + s as usize
    }

    fn get_slot(&self, s: Slot) -> Option<InsRef> {
        self.slots.get(s as usize).copied().flatten()
    }

    fn set_slot(&mut self, s: Slot, r: InsRef) {
        let i = s as usize;
        if self.slots.len() <= i {
            self.slots.resize(i + 1, None);
        }
        self.slots[i] = Some(r);
    }

    fn emit(&mut self, ins: Ins) -> InsRef {
        crate::opt::fold::emit(&mut self.trace, ins)
    }

    /// The IR value of register `r` of the innermost frame.
    fn read(&mut self, vm: &Vm, r: Reg) -> Result<InsRef, AbortReason> {
        let s = self.frame().base + r.0 as u32;
        if let Some(v) = self.get_slot(s) {
            return Ok(v);
        }
        let v = vm.slot(self.abs(s));
        if matches!(v, Value::Undef) {
            return Err(AbortReason::Nyi("read of an unbound local"));
        }
        let mut ins = Ins::new(Opcode::SLoad, ty_of(&v));
        ins.imm = s as i64;
        // A placeholder: `finish` moves entry loads to the preamble.
        let r = self.trace.push(ins);
        self.sloads.push((s, r));
        self.set_slot(s, r);
        Ok(r)
    }

    /// The runtime value of register `r` of the innermost frame.
    fn val(&self, vm: &Vm, r: Reg) -> Value {
        vm.slot(self.abs(self.frame().base + r.0 as u32))
    }

    fn write(&mut self, r: Reg, v: InsRef) {
        let s = self.frame().base + r.0 as u32;
        self.set_slot(s, v);
    }

    fn kint(&mut self, v: i64) -> InsRef {
        let mut i = Ins::new(Opcode::KInt, Ty::INT);
        i.imm = v;
        self.emit(i)
    }

    fn kfloat(&mut self, v: f64) -> InsRef {
        let mut i = Ins::new(Opcode::KFloat, Ty::FLOAT);
        i.imm = v.to_bits() as i64;
        self.emit(i)
    }

    fn kval(&mut self, v: Value) -> InsRef {
        match v {
            Value::Int(i) => self.kint(i),
            Value::Float(f) => self.kfloat(f),
            Value::Bool(b) => {
                let mut i = Ins::new(Opcode::KBool, Ty::BOOL);
                i.imm = b as i64;
                self.emit(i)
            }
            Value::None => self.emit(Ins::new(Opcode::KNone, Ty::NONE)),
            Value::Undef => {
                let i = Ins::new(Opcode::KRef, Ty(1));
                self.emit(i)
            }
            other => {
                let mut i = Ins::new(Opcode::KRef, ty_of(&other));
                i.imm = crate::snapshot::payload_bits(&other);
                self.roots.push(other);
                self.emit(i)
            }
        }
    }

    fn op2(&mut self, op: Opcode, ty: Ty, a: InsRef, b: InsRef) -> InsRef {
        let mut i = Ins::new(op, ty);
        i.a = a;
        i.b = b;
        self.emit(i)
    }

    /// The current interpreter state as a snapshot, resuming at `pc` of the
    /// innermost frame. Carried slots are added by `finish`.
    fn snapshot(&mut self, pc: usize) -> SnapId {
        let mut frames = Vec::with_capacity(self.frames.len());
        let n = self.frames.len();
        for (i, f) in self.frames.iter().enumerate() {
            frames.push(SnapFrame {
                code: f.code as usize,
                pc: if i + 1 == n { pc as u32 } else { f.resume },
                base: f.base,
                ret: f.ret,
            });
        }
        let mut entries = vec![];
        for (s, r) in self.slots.iter().enumerate() {
            if let Some(r) = r {
                let own_load = self.is_own_load(s, *r);
                if !own_load {
                    entries.push((s as Slot, *r));
                }
            }
        }
        let snap = Snapshot { frames, entries };
        // Guards with nothing between them that changes the state share one
        // snapshot (LuaJIT's `lj_snap_add` does the same): one exit stub, not two.
        if let Some(last) = self.trace.snaps.last() {
            if *last == snap {
                return SnapId::new(self.trace.snaps.len() - 1);
            }
        }
        self.trace.push_snap(snap)
    }

    fn guard(&mut self, mut ins: Ins, pc: usize) -> InsRef {
        ins.snap = Some(self.snapshot(pc));
        self.emit(ins)
    }

    fn guard_bool(&mut self, cond: InsRef, taken: bool, pc: usize) {
        let mut g = Ins::new(
            if taken {
                Opcode::GuardTrue
            } else {
                Opcode::GuardFalse
            },
            Ty::VOID,
        );
        g.a = cond;
        self.guard(g, pc);
    }

    /// Int range check so that an int converts to float exactly (|x| <= 2**53).
    fn guard_exact_float(&mut self, x: InsRef, pc: usize) {
        let lim = self.kint(1 << 53);
        let nlim = self.kint(-(1 << 53));
        let le = self.op2(Opcode::Le, Ty::BOOL, x, lim);
        self.guard_bool(le, true, pc);
        let ge = self.op2(Opcode::Ge, Ty::BOOL, x, nlim);
        self.guard_bool(ge, true, pc);
    }

    /// Records one instruction of the innermost frame, about to execute at `pc`.
    pub fn step(&mut self, vm: &Vm, pc: usize) -> Step {
        let depth = vm.frames.len();
        if depth < self.root_depth {
            return Step::Abort(AbortReason::LeftFrame);
        }
        if depth == self.root_depth && pc == self.header_pc && self.started {
            return Step::Done;
        }
        if depth == self.root_depth && pc == self.header_pc && self.side_start.is_some() {
            // A side trace starting right at the header has nothing to record.
            return Step::Abort(AbortReason::Nyi("side trace of an exit at the loop header"));
        }
        if self.trace.ins.len() > self.max_ins {
            return Step::Abort(AbortReason::TooLong);
        }
        if self.trace.snaps.len() > self.max_snaps {
            return Step::Abort(AbortReason::TooManySnaps);
        }
        self.started = true;
        let code_ptr = self.frame().code;
        // SAFETY: code objects live as long as their module (see interp.rs).
        let code: &Code = unsafe { &*code_ptr };
        self.marks.push((self.trace.ins.len(), code_ptr, pc as u32));
        match self.record_op(vm, code, pc) {
            Ok(s) => s,
            Err(reason) => Step::Abort(reason),
        }
    }

    fn record_op(&mut self, vm: &Vm, code: &Code, pc: usize) -> Result<Step, AbortReason> {
        let op = code.ops[pc];
        macro_rules! arith {
            ($dst:expr, $a:expr, $b:expr, $iop:expr, $fop:expr) => {{
                let (va, vb) = (self.val(vm, $a), self.val(vm, $b));
                let (ra, rb) = (self.read(vm, $a)?, self.read(vm, $b)?);
                let r = match (va, vb) {
                    (Value::Int(_), Value::Int(_)) => match $iop {
                        Some(op) => {
                            let mut i = Ins::new(op, Ty::INT);
                            i.a = ra;
                            i.b = rb;
                            if op.flags() & flags::GUARD != 0 {
                                self.guard(i, pc)
                            } else {
                                self.emit(i)
                            }
                        }
                        None => return Ok(nyi_step("this int operation")),
                    },
                    (Value::Float(_), Value::Float(_)) => self.fop($fop, ra, rb, pc),
                    (Value::Int(_), Value::Float(_)) => {
                        self.guard_exact_float(ra, pc);
                        let fa = self.unop(Opcode::IToF, Ty::FLOAT, ra);
                        self.fop($fop, fa, rb, pc)
                    }
                    (Value::Float(_), Value::Int(_)) => {
                        self.guard_exact_float(rb, pc);
                        let fb = self.unop(Opcode::IToF, Ty::FLOAT, rb);
                        self.fop($fop, ra, fb, pc)
                    }
                    _ => return Ok(nyi_step("arithmetic on non-numbers")),
                };
                self.write($dst, r);
            }};
        }
        macro_rules! compare {
            ($dst:expr, $a:expr, $b:expr, $iop:expr, $fop:expr) => {{
                let (va, vb) = (self.val(vm, $a), self.val(vm, $b));
                let (ra, rb) = (self.read(vm, $a)?, self.read(vm, $b)?);
                let r = match (va, vb) {
                    (Value::Int(_), Value::Int(_)) => self.op2($iop, Ty::BOOL, ra, rb),
                    (Value::Float(_), Value::Float(_)) => self.op2($fop, Ty::BOOL, ra, rb),
                    (Value::Int(_), Value::Float(_)) => {
                        self.guard_exact_float(ra, pc);
                        let fa = self.unop(Opcode::IToF, Ty::FLOAT, ra);
                        self.op2($fop, Ty::BOOL, fa, rb)
                    }
                    (Value::Float(_), Value::Int(_)) => {
                        self.guard_exact_float(rb, pc);
                        let fb = self.unop(Opcode::IToF, Ty::FLOAT, rb);
                        self.op2($fop, Ty::BOOL, ra, fb)
                    }
                    _ => return Ok(nyi_step("comparison of non-numbers")),
                };
                self.write($dst, r);
            }};
        }
        match op {
            Op::Nop {} => {}
            Op::Move { dst, src } => {
                let r = self.read(vm, src)?;
                self.write(dst, r);
            }
            Op::LoadConst { dst, k } => {
                let r = self.kval(code.consts[k.i()]);
                self.write(dst, r);
            }
            Op::LoadInt { dst, val } => {
                let r = self.kint(val as i64);
                self.write(dst, r);
            }
            Op::LoadNone { dst } => {
                let r = self.kval(Value::None);
                self.write(dst, r);
            }
            Op::LoadBool { dst, val } => {
                let r = self.kval(Value::Bool(val));
                self.write(dst, r);
            }
            Op::LoadGlobal { dst, g } => {
                let v = vm.globals[g.i()];
                let addr = &vm.globals[g.i()] as *const Value as i64;
                let mut ld = Ins::new(Opcode::GLoad, ty_of(&v));
                ld.imm = addr;
                let r = self.guard(ld, pc);
                let r = if matches!(v, Value::Undef) {
                    // Still undefined: the builtin of that name (a constant).
                    let b = vm.builtin_for_global(g.i());
                    if matches!(b, Value::Undef) {
                        return Ok(nyi_step("NameError"));
                    }
                    self.kval(b)
                } else {
                    r
                };
                self.write(dst, r);
            }
            Op::StoreGlobal { g, src } => {
                let v = self.read(vm, src)?;
                let mut st = Ins::new(Opcode::GStore, Ty::VOID);
                st.a = v;
                st.imm = &vm.globals[g.i()] as *const Value as i64;
                self.emit(st);
            }
            Op::Add { dst, a, b } | Op::InplaceAdd { dst, a, b } => {
                arith!(dst, a, b, Some(Opcode::AddOv), Opcode::FAdd)
            }
            Op::Sub { dst, a, b } => {
                arith!(dst, a, b, Some(Opcode::SubOv), Opcode::FSub)
            }
            Op::Mul { dst, a, b } | Op::InplaceMul { dst, a, b } => {
                arith!(dst, a, b, Some(Opcode::MulOv), Opcode::FMul)
            }
            Op::TrueDiv { dst, a, b } => {
                let (va, vb) = (self.val(vm, a), self.val(vm, b));
                if let (Value::Int(_), Value::Int(_)) = (va, vb) {
                    // Exact when both fit a double (CPython's fast path).
                    let (ra, rb) = (self.read(vm, a)?, self.read(vm, b)?);
                    self.guard_exact_float(ra, pc);
                    self.guard_exact_float(rb, pc);
                    let fa = self.unop(Opcode::IToF, Ty::FLOAT, ra);
                    let fb = self.unop(Opcode::IToF, Ty::FLOAT, rb);
                    let r = self.fop(Opcode::FDiv, fa, fb, pc);
                    self.write(dst, r);
                } else {
                    arith!(dst, a, b, None::<Opcode>, Opcode::FDiv)
                }
            }
            Op::FloorDiv { dst, a, b } => {
                self.int_only(vm, dst, a, b, Opcode::FloorDiv, pc, "// on non-ints")?
            }
            Op::Mod { dst, a, b } => {
                self.int_only(vm, dst, a, b, Opcode::Mod, pc, "% on non-ints")?
            }
            Op::BitAnd { dst, a, b } => {
                self.int_only(vm, dst, a, b, Opcode::BAnd, pc, "& on non-ints")?
            }
            Op::BitOr { dst, a, b } => {
                self.int_only(vm, dst, a, b, Opcode::BOr, pc, "| on non-ints")?
            }
            Op::BitXor { dst, a, b } => {
                self.int_only(vm, dst, a, b, Opcode::BXor, pc, "^ on non-ints")?
            }
            Op::RShift { dst, a, b } => {
                self.int_only(vm, dst, a, b, Opcode::Shr, pc, ">> on non-ints")?
            }
            Op::LShift { dst, a, b } => {
                self.int_only(vm, dst, a, b, Opcode::ShlOv, pc, "<< on non-ints")?
            }
            Op::AddImm { dst, a, imm } | Op::InplaceAddImm { dst, a, imm, .. } => {
                let va = self.val(vm, a);
                let ra = self.read(vm, a)?;
                let r = match va {
                    Value::Int(_) => {
                        let k = self.kint(imm as i64);
                        let mut i = Ins::new(Opcode::AddOv, Ty::INT);
                        i.a = ra;
                        i.b = k;
                        self.guard(i, pc)
                    }
                    Value::Float(_) => {
                        let k = self.kfloat(imm as f64);
                        self.op2(Opcode::FAdd, Ty::FLOAT, ra, k)
                    }
                    _ => nyi!("+= on non-numbers"),
                };
                self.write(dst, r);
            }
            Op::InplaceOp { dst, a, b, op: k } => {
                use tvm_vm::classes::BinOp as B;
                match B::from_u8(k) {
                    B::Sub => arith!(dst, a, b, Some(Opcode::SubOv), Opcode::FSub),
                    B::FloorDiv => {
                        self.int_only(vm, dst, a, b, Opcode::FloorDiv, pc, "// on non-ints")?
                    }
                    B::Mod => self.int_only(vm, dst, a, b, Opcode::Mod, pc, "% on non-ints")?,
                    B::And => self.int_only(vm, dst, a, b, Opcode::BAnd, pc, "& on non-ints")?,
                    B::Or => self.int_only(vm, dst, a, b, Opcode::BOr, pc, "| on non-ints")?,
                    B::Xor => self.int_only(vm, dst, a, b, Opcode::BXor, pc, "^ on non-ints")?,
                    B::RShift => self.int_only(vm, dst, a, b, Opcode::Shr, pc, ">> on non-ints")?,
                    B::LShift => {
                        self.int_only(vm, dst, a, b, Opcode::ShlOv, pc, "<< on non-ints")?
                    }
                    _ => nyi!("this in-place operator"),
                }
            }
            Op::Neg { dst, src } => {
                let v = self.val(vm, src);
                let r = self.read(vm, src)?;
                let out = match v {
                    Value::Int(_) => {
                        let mut i = Ins::new(Opcode::NegOv, Ty::INT);
                        i.a = r;
                        self.guard(i, pc)
                    }
                    Value::Float(_) => self.unop(Opcode::FNeg, Ty::FLOAT, r),
                    _ => nyi!("unary - on non-numbers"),
                };
                self.write(dst, out);
            }
            Op::Not { dst, src } => {
                let r = self.truth(vm, src)?;
                let out = self.unop(Opcode::Not, Ty::BOOL, r);
                self.write(dst, out);
            }
            Op::Lt { dst, a, b } => compare!(dst, a, b, Opcode::Lt, Opcode::FLt),
            Op::Le { dst, a, b } => compare!(dst, a, b, Opcode::Le, Opcode::FLe),
            Op::Gt { dst, a, b } => compare!(dst, a, b, Opcode::Gt, Opcode::FGt),
            Op::Ge { dst, a, b } => compare!(dst, a, b, Opcode::Ge, Opcode::FGe),
            Op::Eq { dst, a, b } => self.equality(vm, dst, a, b, pc, false)?,
            Op::Ne { dst, a, b } => self.equality(vm, dst, a, b, pc, true)?,
            Op::Is { dst, a, b } | Op::IsNot { dst, a, b } => {
                let (va, vb) = (self.val(vm, a), self.val(vm, b));
                let (ra, rb) = (self.read(vm, a)?, self.read(vm, b)?);
                let same = if va.tag() != vb.tag() {
                    self.kval(Value::Bool(false))
                } else if matches!(va, Value::None) {
                    self.kval(Value::Bool(true))
                } else {
                    self.op2(Opcode::RefEq, Ty::BOOL, ra, rb)
                };
                let r = if matches!(op, Op::IsNot { .. }) {
                    self.unop(Opcode::Not, Ty::BOOL, same)
                } else {
                    same
                };
                self.write(dst, r);
            }
            Op::Jump { .. } => {}
            Op::JumpIfFalse { cond, .. } | Op::JumpIfTrue { cond, .. } => {
                let taken_truth = vm.is_truthy_simple(self.val(vm, cond));
                let Some(truth) = taken_truth else {
                    nyi!("truth of this type");
                };
                let r = self.truth(vm, cond)?;
                if self.trace.get(r).op != Opcode::KBool {
                    self.guard_bool(r, truth, pc);
                }
            }
            Op::JumpBack { target, .. } => {
                if self.frames.len() == 1 && target.i() == self.header_pc {
                    // Back at the header: the next `step` completes the trace.
                } else if self.side_start.is_some() && self.frames.len() == 1 {
                    // A side trace runs through the back-edge of an enclosing loop on
                    // its way back to the header (a plain jump on a linear trace).
                } else {
                    return Err(AbortReason::InnerLoop);
                }
            }
            Op::ForPrep { .. } => nyi!("an inner for loop"),
            Op::ForNext { base, dst, .. } => {
                let own_header = self.frames.len() == 1 && pc == self.header_pc;
                let side_outer = self.side_start.is_some() && self.frames.len() == 1;
                if !(own_header || side_outer) {
                    return Err(AbortReason::InnerLoop);
                }
                if self.trace.ins.is_empty()
                    && for_loop_ends(vm, self.abs(self.frame().base + base.0 as u32))
                {
                    return Ok(Step::Retry);
                }
                self.for_next(vm, base, dst, pc)?;
            }
            Op::Call { func, nargs, dst } => return self.call(vm, code, func, nargs, dst, pc),
            Op::LoadMethod { base, obj, site } => {
                let o = self.val(vm, obj);
                let name = code.sites[site.0 as usize].name.as_str();
                if let Value::Instance(inst) = o {
                    let Some(plan) = classes::jit_load_plan(vm, inst, name, true) else {
                        nyi!("this method lookup on an instance");
                    };
                    let ro = self.guard_instance(vm, obj, inst, pc)?;
                    let undef = self.kval(Value::Undef);
                    let (callee, this) = match plan {
                        AttrPlan::Slot(i) => (self.slot_get(ro, &inst, i, pc), undef),
                        AttrPlan::Plain(v) => (self.kval(v), undef),
                        AttrPlan::Method(f) => (self.kval(f), ro),
                    };
                    self.write(base, callee);
                    self.write(Reg(base.0 + 1), this);
                    return Ok(Step::Continue);
                }
                if let Value::Type(t) = o {
                    let Some((v, binds)) = classes::jit_class_attr_plan(vm, t, name, true) else {
                        nyi!("this method lookup on a class");
                    };
                    let rt = self.guard_class(vm, obj, t, pc)?;
                    let callee = self.kval(v);
                    let this = if binds { rt } else { self.kval(Value::Undef) };
                    self.write(base, callee);
                    self.write(Reg(base.0 + 1), this);
                    return Ok(Step::Continue);
                }
                let Value::Module(m) = o else {
                    nyi!("method lookup on this type");
                };
                let Some(attr) = m.get(name) else {
                    nyi!("missing module attribute");
                };
                // Modules are immutable: guarding the module's identity fixes the
                // attribute.
                let ro = self.read(vm, obj)?;
                let mut g = Ins::new(Opcode::GuardRef, Ty::VOID);
                g.a = ro;
                g.imm = crate::snapshot::payload_bits(&o);
                self.roots.push(o);
                self.guard(g, pc);
                let f = self.kval(attr);
                let undef = self.kval(Value::Undef);
                self.write(base, f);
                self.write(Reg(base.0 + 1), undef);
            }
            Op::CallMethod { base, nargs, dst } => {
                let f = self.val(vm, base);
                let has_self = !matches!(self.val(vm, Reg(base.0 + 1)), Value::Undef);
                match f {
                    Value::Func(fo) if has_self => {
                        return self.inline_call(vm, fo, base, Reg(base.0 + 1), nargs + 1, dst, pc)
                    }
                    Value::Func(fo) => {
                        return self.inline_call(vm, fo, base, Reg(base.0 + 2), nargs, dst, pc)
                    }
                    Value::Builtin(b)
                        if !has_self && b.owner.is_none() && b.name == "sqrt" && nargs == 1 =>
                    {
                        let a = Reg(base.0 + 2);
                        let x = self.read(vm, a)?;
                        let x = match self.val(vm, a) {
                            Value::Float(_) => x,
                            Value::Int(_) => {
                                self.guard_exact_float(x, pc);
                                self.unop(Opcode::IToF, Ty::FLOAT, x)
                            }
                            _ => nyi!("math.sqrt of this type"),
                        };
                        let mut sq = Ins::new(Opcode::FSqrt, Ty::FLOAT);
                        sq.a = x;
                        let r = self.guard(sq, pc);
                        self.write(dst, r);
                    }
                    _ => nyi!("method call"),
                }
            }
            Op::Return { src } => {
                let r = self.read(vm, src)?;
                self.ret(r)?;
            }
            Op::ReturnNone {} => {
                let r = self.kval(Value::None);
                self.ret(r)?;
            }
            Op::GetItem { dst, obj, key } => {
                let (vo, vk) = (self.val(vm, obj), self.val(vm, key));
                match (vo, vk) {
                    (Value::List(l), Value::Int(i)) => {
                        let (ro, rk) = (self.read(vm, obj)?, self.read(vm, key)?);
                        let Some(item) = usize::try_from(i)
                            .ok()
                            .and_then(|i| l.items().get(i).copied())
                        else {
                            nyi!("negative or out-of-range list index");
                        };
                        let mut g = Ins::new(Opcode::ListGet, ty_of(&item));
                        g.a = ro;
                        g.b = rk;
                        let r = self.guard(g, pc);
                        self.write(dst, r);
                    }
                    _ => nyi!("subscript of this type"),
                }
            }
            Op::SetItem { obj, key, src } => {
                let (vo, vk) = (self.val(vm, obj), self.val(vm, key));
                match (vo, vk) {
                    (Value::List(l), Value::Int(i)) if i >= 0 && (i as usize) < l.len() => {
                        let (ro, rk, rv) = (
                            self.read(vm, obj)?,
                            self.read(vm, key)?,
                            self.read(vm, src)?,
                        );
                        let mut g = Ins::new(Opcode::ListSet, Ty::VOID);
                        g.a = ro;
                        g.b = rk;
                        g.c = rv;
                        self.guard(g, pc);
                    }
                    _ => nyi!("item assignment of this type"),
                }
            }
            Op::LoadAttr { dst, obj, site } => {
                let name = code.sites[site.0 as usize].name.as_str();
                if let Value::Type(t) = self.val(vm, obj) {
                    let Some((v, false)) = classes::jit_class_attr_plan(vm, t, name, false) else {
                        nyi!("this attribute of a class");
                    };
                    self.guard_class(vm, obj, t, pc)?;
                    let r = self.kval(v);
                    self.write(dst, r);
                    return Ok(Step::Continue);
                }
                let Value::Instance(inst) = self.val(vm, obj) else {
                    nyi!("attribute of this type");
                };
                let Some(plan) = classes::jit_load_plan(vm, inst, name, false) else {
                    nyi!("this attribute of an instance");
                };
                let ro = self.guard_instance(vm, obj, inst, pc)?;
                let r = match plan {
                    AttrPlan::Slot(i) => self.slot_get(ro, &inst, i, pc),
                    AttrPlan::Plain(v) | AttrPlan::Method(v) => self.kval(v),
                };
                self.write(dst, r);
            }
            Op::StoreAttr { obj, site, src } => {
                let Value::Instance(inst) = self.val(vm, obj) else {
                    nyi!("attribute store on this type");
                };
                let name = code.sites[site.0 as usize].name.as_str();
                let Some(slot) = classes::jit_store_plan(vm, inst, name) else {
                    nyi!("this attribute store on an instance");
                };
                let ro = self.guard_instance(vm, obj, inst, pc)?;
                let rv = self.read(vm, src)?;
                let mut st = Ins::new(Opcode::SlotSet, Ty::VOID);
                st.a = ro;
                st.b = rv;
                st.imm = slot as i64;
                self.emit(st);
            }
            Op::LoadDeref { dst, cell } => {
                let Value::Cell(c) = self.val(vm, cell) else {
                    nyi!("LoadDeref without a cell");
                };
                let v = c.get();
                if matches!(v, Value::Undef) || classes::jit_layout().is_none() {
                    nyi!("an empty cell");
                }
                let rc = self.read(vm, cell)?;
                let mut g = Ins::new(Opcode::CellGet, ty_of(&v));
                g.a = rc;
                let r = self.guard(g, pc);
                self.write(dst, r);
            }
            Op::StoreDeref { cell, src } => {
                if !matches!(self.val(vm, cell), Value::Cell(_)) || classes::jit_layout().is_none()
                {
                    nyi!("StoreDeref without a cell");
                }
                let rc = self.read(vm, cell)?;
                let rv = self.read(vm, src)?;
                let mut st = Ins::new(Opcode::CellSet, Ty::VOID);
                st.a = rc;
                st.b = rv;
                self.emit(st);
            }
            other => return Err(AbortReason::Nyi(other.name())),
        }
        Ok(Step::Continue)
    }

    fn unop(&mut self, op: Opcode, ty: Ty, a: InsRef) -> InsRef {
        let mut i = Ins::new(op, ty);
        i.a = a;
        self.emit(i)
    }

    fn fop(&mut self, op: Opcode, a: InsRef, b: InsRef, pc: usize) -> InsRef {
        let mut i = Ins::new(op, Ty::FLOAT);
        i.a = a;
        i.b = b;
        if op.flags() & flags::GUARD != 0 {
            self.guard(i, pc)
        } else {
            self.emit(i)
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn int_only(
        &mut self,
        vm: &Vm,
        dst: Reg,
        a: Reg,
        b: Reg,
        op: Opcode,
        pc: usize,
        what: &'static str,
    ) -> Result<(), AbortReason> {
        let (va, vb) = (self.val(vm, a), self.val(vm, b));
        if !matches!((va, vb), (Value::Int(_), Value::Int(_))) {
            return Err(AbortReason::Nyi(what));
        }
        if matches!(op, Opcode::FloorDiv | Opcode::Mod) && !matches!(vb, Value::Int(y) if y > 0) {
            return Err(AbortReason::Nyi("// or % by a non-positive int"));
        }
        let (ra, rb) = (self.read(vm, a)?, self.read(vm, b)?);
        let mut i = Ins::new(op, Ty::INT);
        i.a = ra;
        i.b = rb;
        let r = if op.flags() & flags::GUARD != 0 {
            self.guard(i, pc)
        } else {
            self.emit(i)
        };
        self.write(dst, r);
        Ok(())
    }

    fn equality(
        &mut self,
        vm: &Vm,
        dst: Reg,
        a: Reg,
        b: Reg,
        _pc: usize,
        negate: bool,
    ) -> Result<(), AbortReason> {
        let (va, vb) = (self.val(vm, a), self.val(vm, b));
        let (ra, rb) = (self.read(vm, a)?, self.read(vm, b)?);
        let r = match (va, vb) {
            (Value::Int(_), Value::Int(_)) => self.op2(
                if negate { Opcode::Ne } else { Opcode::Eq },
                Ty::BOOL,
                ra,
                rb,
            ),
            (Value::Float(_), Value::Float(_)) => self.op2(
                if negate { Opcode::FNe } else { Opcode::FEq },
                Ty::BOOL,
                ra,
                rb,
            ),
            (Value::None, Value::None) => self.kval(Value::Bool(!negate)),
            (Value::None, _) | (_, Value::None)
                if !matches!(va, Value::Float(_)) && !matches!(vb, Value::Float(_)) =>
            {
                // None equals only None (for the builtin types recorded here).
                if matches!(
                    (va, vb),
                    (Value::Int(_), _)
                        | (_, Value::Int(_))
                        | (Value::Bool(_), _)
                        | (_, Value::Bool(_))
                        | (Value::Str(_), _)
                        | (_, Value::Str(_))
                ) {
                    self.kval(Value::Bool(negate))
                } else {
                    return Err(AbortReason::Nyi("== with None and this type"));
                }
            }
            (Value::Bool(_), Value::Bool(_)) => {
                let e = self.op2(Opcode::RefEq, Ty::BOOL, ra, rb);
                if negate {
                    self.unop(Opcode::Not, Ty::BOOL, e)
                } else {
                    e
                }
            }
            _ => return Err(AbortReason::Nyi("== on these types")),
        };
        self.write(dst, r);
        Ok(())
    }

    /// A bool IR value for the truth of register `r` (constant when the type decides).
    fn truth(&mut self, vm: &Vm, r: Reg) -> Result<InsRef, AbortReason> {
        let v = self.val(vm, r);
        let x = self.read(vm, r)?;
        Ok(match v {
            Value::Bool(_) => x,
            Value::Int(_) => self.unop(Opcode::IntTruth, Ty::BOOL, x),
            Value::None => self.kval(Value::Bool(false)),
            Value::Float(_) => {
                let z = self.kfloat(0.0);
                self.op2(Opcode::FNe, Ty::BOOL, x, z)
            }
            _ => return Err(AbortReason::Nyi("truth of this type")),
        })
    }

    fn for_next(&mut self, vm: &Vm, base: Reg, dst: Reg, pc: usize) -> Result<(), AbortReason> {
        let s0 = self.val(vm, base);
        let cur_r = Reg(base.0 + 1);
        match s0 {
            Value::Int(cur) => {
                let (Value::Int(stop), Value::Int(step)) =
                    (self.val(vm, cur_r), self.val(vm, Reg(base.0 + 2)))
                else {
                    return Err(AbortReason::Nyi("loop state"));
                };
                let more = if step > 0 { cur < stop } else { cur > stop };
                if !more {
                    return Err(AbortReason::Nyi("the loop ended while it was recorded"));
                }
                let rc = self.read(vm, base)?;
                let rs = self.read(vm, cur_r)?;
                let rt = self.read(vm, Reg(base.0 + 2))?;
                let zero = self.kint(0);
                let pos = self.op2(Opcode::Gt, Ty::BOOL, rt, zero);
                self.guard_bool(pos, step > 0, pc);
                let cond = if step > 0 {
                    self.op2(Opcode::Lt, Ty::BOOL, rc, rs)
                } else {
                    self.op2(Opcode::Gt, Ty::BOOL, rc, rs)
                };
                self.guard_bool(cond, true, pc);
                let mut add = Ins::new(Opcode::AddOv, Ty::INT);
                add.a = rc;
                add.b = rt;
                let next = self.guard(add, pc);
                self.write(base, next);
                self.write(dst, rc);
                Ok(())
            }
            Value::List(l) => {
                let Value::Int(i) = self.val(vm, cur_r) else {
                    return Err(AbortReason::Nyi("loop state"));
                };
                let Some(item) = usize::try_from(i)
                    .ok()
                    .and_then(|i| l.items().get(i).copied())
                else {
                    return Err(AbortReason::Nyi("the loop ended while it was recorded"));
                };
                let rl = self.read(vm, base)?;
                let ri = self.read(vm, cur_r)?;
                let mut g = Ins::new(Opcode::ListGet, ty_of(&item));
                g.a = rl;
                g.b = ri;
                let it = self.guard(g, pc);
                let one = self.kint(1);
                let mut add = Ins::new(Opcode::AddOv, Ty::INT);
                add.a = ri;
                add.b = one;
                let next = self.guard(add, pc);
                self.write(cur_r, next);
                self.write(dst, it);
                Ok(())
            }
            _ => Err(AbortReason::Nyi("iterating over this type")),
        }
    }

    fn call(
        &mut self,
        vm: &Vm,
        code: &Code,
        func: Reg,
        nargs: u16,
        dst: Reg,
        pc: usize,
    ) -> Result<Step, AbortReason> {
        let f = self.val(vm, func);
        let _ = code;
        match f {
            Value::Func(fo) => self.inline_call(vm, fo, func, Reg(func.0 + 1), nargs, dst, pc),
            Value::Builtin(b) if b.bound.is_none() && b.name == "len" && nargs == 1 => {
                let rf = self.read(vm, func)?;
                let mut g = Ins::new(Opcode::GuardRef, Ty::VOID);
                g.a = rf;
                g.imm = crate::snapshot::payload_bits(&f);
                self.roots.push(f);
                self.guard(g, pc);
                let a = Reg(func.0 + 1);
                match self.val(vm, a) {
                    Value::List(_) => {
                        let rl = self.read(vm, a)?;
                        let n = self.unop(Opcode::ListLen, Ty::INT, rl);
                        let ret = self.frame().base + dst.0 as u32;
                        self.set_slot(ret, n);
                        Ok(Step::Continue)
                    }
                    _ => Err(AbortReason::Nyi("len() of this type")),
                }
            }
            _ => Err(AbortReason::Nyi("call of this callable")),
        }
    }

    /// Inlines a call of Python function `fo` (in register `func`) whose `nargs`
    /// arguments start at register `first` (a method call passes `self` first).
    #[allow(clippy::too_many_arguments)]
    fn inline_call(
        &mut self,
        vm: &Vm,
        fo: tvm_vm::gc::Gc<tvm_vm::object::FuncObj>,
        func: Reg,
        first: Reg,
        nargs: u16,
        dst: Reg,
        pc: usize,
    ) -> Result<Step, AbortReason> {
        let f = Value::Func(fo);
        let callee = &fo.code;
        if callee.generator {
            return Err(AbortReason::Nyi("call of a generator function"));
        }
        if nargs != callee.nparams || callee.nkwonly != 0 || callee.varargs || callee.varkw {
            return Err(AbortReason::Nyi("call with defaults or keywords"));
        }
        if self.frames.len() > self.max_inline {
            return Err(AbortReason::InlineDepth);
        }
        if vm.frames.len() + 1 >= vm.recursion_limit {
            return Err(AbortReason::Recursion);
        }
        let rf = self.read(vm, func)?;
        let mut g = Ins::new(Opcode::GuardRef, Ty::VOID);
        g.a = rf;
        g.imm = crate::snapshot::payload_bits(&f);
        self.roots.push(f);
        self.guard(g, pc);
        for i in 0..nargs {
            self.read(vm, Reg(first.0 + i))?;
        }
        let base = self.frame().base + first.0 as u32;
        let ret = self.frame().base + dst.0 as u32;
        self.frames.last_mut().expect("frame").resume = pc as u32 + 1;
        // The callee's other registers start unbound (locals) or None (temps),
        // as the interpreter initialises them; exits must rebuild that.
        let undef = self.kval(Value::Undef);
        let none = self.kval(Value::None);
        for r in nargs as usize..callee.nregs as usize {
            let v = if r < callee.nlocals() { undef } else { none };
            self.set_slot(base + r as u32, v);
        }
        // A closure's cells are copied to the registers after its locals; the
        // GuardRef on the function makes them constants.
        for (i, cell) in fo.closure.iter().enumerate() {
            let c = self.kval(*cell);
            self.set_slot(base + (callee.nlocals() + i) as u32, c);
        }
        self.frames.push(RecFrame {
            code: Rc::as_ptr(callee),
            base,
            ret,
            resume: 0,
        });
        self.max_depth = self.max_depth.max(self.frames.len() - 1);
        Ok(Step::Continue)
    }

    /// Guards that instance `inst` (in register `obj`) keeps its shape and its class
    /// its version (the attribute plans of `tvm_vm::classes` depend on both);
    /// returns the instance's IR value.
    fn guard_instance(
        &mut self,
        vm: &Vm,
        obj: Reg,
        inst: tvm_vm::gc::Gc<InstanceObj>,
        pc: usize,
    ) -> Result<InsRef, AbortReason> {
        if classes::jit_layout().is_none() {
            return Err(AbortReason::Nyi("instances on this build"));
        }
        let Some((addr, version)) = classes::version_guard(&inst.class) else {
            return Err(AbortReason::Nyi("instances of builtin classes"));
        };
        let ro = self.read(vm, obj)?;
        let mut g = Ins::new(Opcode::GuardShape, Ty::VOID);
        g.a = ro;
        g.imm = classes::shape_word(&inst);
        self.guard(g, pc);
        let v = self.kint(version);
        let mut g = Ins::new(Opcode::GuardVersion, Ty::VOID);
        g.a = v;
        g.imm = addr;
        self.guard(g, pc);
        // The class keeps its shapes alive: the shape word stays unique.
        self.roots.push(Value::Type(inst.class));
        Ok(ro)
    }

    /// Guards that register `obj` holds class `t` and that its version is unchanged;
    /// returns the class's IR value.
    fn guard_class(
        &mut self,
        vm: &Vm,
        obj: Reg,
        t: tvm_vm::gc::Gc<tvm_vm::object::TypeObj>,
        pc: usize,
    ) -> Result<InsRef, AbortReason> {
        let Some((addr, version)) = classes::version_guard(&t) else {
            return Err(AbortReason::Nyi("builtin classes"));
        };
        let rt = self.read(vm, obj)?;
        let tv = Value::Type(t);
        let mut g = Ins::new(Opcode::GuardRef, Ty::VOID);
        g.a = rt;
        g.imm = crate::snapshot::payload_bits(&tv);
        self.roots.push(tv);
        self.guard(g, pc);
        let v = self.kint(version);
        let mut g = Ins::new(Opcode::GuardVersion, Ty::VOID);
        g.a = v;
        g.imm = addr;
        self.guard(g, pc);
        Ok(rt)
    }

    /// Slot `slot` of the instance `ro`, typed by its current value.
    fn slot_get(&mut self, ro: InsRef, inst: &InstanceObj, slot: usize, pc: usize) -> InsRef {
        let cur = inst.slots().get(slot).copied().unwrap_or(Value::None);
        let mut g = Ins::new(Opcode::SlotGet, ty_of(&cur));
        g.a = ro;
        g.imm = slot as i64;
        self.guard(g, pc)
    }

    fn ret(&mut self, r: InsRef) -> Result<(), AbortReason> {
        if self.frames.len() == 1 {
            return Err(AbortReason::LeftFrame);
        }
        let f = self.frames.pop().expect("frame");
        // The callee's registers are dead now; forget them (memory holds values from
        // trace entry, which stay valid: no collection runs inside a trace).
        let callee: &Code = unsafe { &*f.code };
        for s in f.base..f.base + callee.nregs as u32 {
            if let Some(slot) = self.slots.get_mut(s as usize) {
                *slot = None;
            }
        }
        self.sloads
            .retain(|&(s, _)| s < f.base || s >= f.base + callee.nregs as u32);
        self.set_slot(f.ret, r);
        Ok(())
    }

    /// Turns the recording into a loop trace (see the module doc).
    pub fn finish(mut self) -> Result<(Trace, Recorder), AbortReason> {
        if self.side_start.is_some() {
            return self.finish_side();
        }
        let body = std::mem::take(&mut self.trace);
        let mut t = Trace::default();
        let mut map: Vec<Option<InsRef>> = vec![None; body.ins.len()];
        // Slots written in the body are carried around the loop if they are live at
        // the header: locals of the root frame (the interpreter may read them after an
        // exit), and temporaries the body reads before writing (the for-loop state).
        // Other temporaries are dead at the header: carrying them would make the
        // entry guards depend on which path the interpreter took last.
        let nlocals = self.root_code.nlocals() as Slot;
        let mut carried_slots: Vec<(Slot, InsRef)> = vec![];
        let mut stored_slots: Vec<(Slot, InsRef)> = vec![];
        for (s, r) in self.slots.iter().enumerate() {
            if let Some(r) = r {
                let own_load = self.is_own_load(s, *r);
                let read_first = self.sloads.iter().any(|&(ls, _)| ls as usize == s);
                if !own_load && read_first {
                    carried_slots.push((s as Slot, *r));
                } else if !own_load && (s as Slot) < nlocals {
                    // Written before read: stored at the end of each iteration instead
                    // (its type on loop entry does not matter).
                    stored_slots.push((s as Slot, *r));
                }
            }
        }
        // Preamble: one entry load per slot read or carried.
        let entry_snap = t.push_snap(Snapshot {
            frames: vec![SnapFrame {
                code: Rc::as_ptr(&self.root_code) as usize,
                pc: self.header_pc as u32,
                base: 0,
                ret: 0,
            }],
            entries: vec![],
        });
        let mut pre: Vec<(Slot, InsRef, Ty)> = vec![];
        for &(s, r) in &self.sloads {
            let ty = body.get(r).ty;
            let mut ld = Ins::new(Opcode::SLoad, ty);
            ld.imm = s as i64;
            ld.snap = Some(entry_snap);
            let p = t.push(ld);
            pre.push((s, p, ty));
        }
        for &(s, r) in &carried_slots {
            let ty = body.get(r).ty;
            if !pre.iter().any(|(ps, _, _)| *ps == s) {
                let mut ld = Ins::new(Opcode::SLoad, ty);
                ld.imm = s as i64;
                ld.snap = Some(entry_snap);
                let p = t.push(ld);
                pre.push((s, p, ty));
            }
        }
        // Types must agree around the loop.
        for &(s, r) in &carried_slots {
            let end_ty = body.get(r).ty;
            let entry_ty = pre
                .iter()
                .find(|(ps, _, _)| *ps == s)
                .map(|x| x.2)
                .expect("entry load");
            if end_ty != entry_ty {
                return Err(AbortReason::TypeUnstable(s));
            }
        }
        t.push(Ins::new(Opcode::Loop, Ty::VOID));
        let mut params: Vec<(Slot, InsRef)> = vec![];
        for &(s, _) in &carried_slots {
            let (_, _, ty) = *pre.iter().find(|(ps, _, _)| *ps == s).expect("entry load");
            let mut lp = Ins::new(Opcode::LoopParam, ty);
            lp.imm = s as i64;
            params.push((s, t.push(lp)));
        }
        // Body SLoads become the loop param (carried) or the preamble load (invariant).
        for &(s, r) in &self.sloads {
            let to = params
                .iter()
                .find(|(ps, _)| *ps == s)
                .map(|x| x.1)
                .or_else(|| pre.iter().find(|(ps, _, _)| *ps == s).map(|x| x.1));
            map[r.index()] = to;
        }
        // Snapshots: body snapshots get remapped and completed with carried params.

        let header_snap = t.push_snap(Snapshot {
            frames: vec![SnapFrame {
                code: Rc::as_ptr(&self.root_code) as usize,
                pc: self.header_pc as u32,
                base: 0,
                ret: 0,
            }],
            entries: params.iter().map(|&(s, p)| (s, p)).collect(),
        });
        t.header_snap = Some(header_snap);
        // Snapshots also get the loop params of carried slots they do not mention.
        copy_body(&body, &mut t, &mut map, &params);
        for &(s, r) in &stored_slots {
            let mut st = Ins::new(Opcode::SStore, Ty::VOID);
            st.a = remap(&map, r);
            st.imm = s as i64;
            t.push(st);
        }
        for &(s, r) in &carried_slots {
            let param = params.iter().find(|(ps, _)| *ps == s).expect("param").1;
            let init = pre.iter().find(|(ps, _, _)| *ps == s).expect("entry").1;
            t.carried.push(Carried {
                slot: s,
                param,
                init,
                next: remap(&map, r),
            });
        }
        self.shift_marks(&body, &map, t.ins.len());
        Ok((t, self))
    }

    /// Whether slot `s` still holds `r`, its own entry load (nothing to write back).
    fn is_own_load(&self, s: usize, r: InsRef) -> bool {
        self.sloads
            .iter()
            .any(|&(ls, lr)| ls as usize == s && lr == r)
    }

    /// Log marks refer to body instruction indices; shift them to the numbering of
    /// the finished trace (`end`: its length, for marks past the last instruction).
    fn shift_marks(&mut self, body: &Trace, map: &[Option<InsRef>], end: usize) {
        let marks = std::mem::take(&mut self.marks);
        self.marks = marks
            .into_iter()
            .map(|(i, c, pc)| {
                let j = (i..body.ins.len()).find_map(|k| {
                    if body.ins[k].op == Opcode::SLoad {
                        None
                    } else {
                        map[k]
                    }
                });
                (j.map(|r| r.index()).unwrap_or(end), c, pc)
            })
            .collect();
    }
}

/// The new number of body value `r` (its entry load's, for an `SLoad`).
fn remap(map: &[Option<InsRef>], r: InsRef) -> InsRef {
    map[r.index()].expect("defined before use")
}

/// Copies the recorded body into `t` after what `t` holds (entry loads, loop
/// header): every instruction but the `SLoad`s (already mapped to their new
/// definitions in `map`), renumbered, then every snapshot, renumbered and completed
/// with the `extra` entries of slots it does not name.
fn copy_body(body: &Trace, t: &mut Trace, map: &mut [Option<InsRef>], extra: &[(Slot, InsRef)]) {
    let snap_base = t.snaps.len();
    for (i, ins) in body.ins.iter().enumerate() {
        if ins.op == Opcode::SLoad {
            continue;
        }
        let mut n = *ins;
        let nvals = ins.op.operands().values;
        if nvals >= 1 {
            n.a = remap(map, ins.a);
        }
        if nvals >= 2 {
            n.b = remap(map, ins.b);
        }
        if nvals >= 3 {
            n.c = remap(map, ins.c);
        }
        n.snap = ins.snap.map(|s| SnapId::new(snap_base + s.index()));
        map[i] = Some(t.push(n));
    }
    for snap in &body.snaps {
        let mut entries: Vec<(Slot, InsRef)> = snap
            .entries
            .iter()
            .map(|&(s, r)| (s, remap(map, r)))
            .collect();
        for &(s, p) in extra {
            if !entries.iter().any(|(es, _)| *es == s) {
                entries.push((s, p));
            }
        }
        entries.sort_by_key(|e| e.0);
        t.push_snap(Snapshot {
            frames: snap.frames.clone(),
            entries,
        });
    }
}

impl Recorder {
    /// A side trace (see `tvm_tracer::abi`): entry loads, the recorded path, then a
    /// store of every slot it wrote, and no loop: it runs off its end, returning
    /// `END_OF_SIDE_TRACE`, and the root trace re-enters its preamble. Its entry
    /// guards (snapshot 0) resume at the start pc; its other exits are its own.
    fn finish_side(mut self) -> Result<(Trace, Recorder), AbortReason> {
        let start = self.side_start.expect("side trace");
        let body = std::mem::take(&mut self.trace);

        let mut t = Trace::default();
        let mut map: Vec<Option<InsRef>> = vec![None; body.ins.len()];
        let entry_snap = t.push_snap(Snapshot {
            frames: vec![SnapFrame {
                code: Rc::as_ptr(&self.root_code) as usize,
                pc: start as u32,
                base: 0,
                ret: 0,
            }],
            entries: vec![],
        });
        // Every entry load, including those of an inlined callee's arguments that
        // `ret` forgot (a side trace may start with the arguments already in place).
        for (i, ins) in body.ins.iter().enumerate() {
            if ins.op == Opcode::SLoad {
                let mut ld = Ins::new(Opcode::SLoad, ins.ty);
                ld.imm = ins.imm;
                ld.snap = Some(entry_snap);
                map[i] = Some(t.push(ld));
            }
        }
        copy_body(&body, &mut t, &mut map, &[]);
        // Write back every slot the side trace changed: the root reloads them.
        for (s, r) in self.slots.iter().enumerate() {
            if let Some(r) = *r {
                if !self.is_own_load(s, r) {
                    let mut st = Ins::new(Opcode::SStore, Ty::VOID);
                    st.a = remap(&map, r);
                    st.imm = s as i64;
                    t.push(st);
                }
            }
        }
        self.shift_marks(&body, &map, t.ins.len());
        Ok((t, self))
    }
}

/// Whether the for loop whose state starts at absolute slot `base` is about to end.
fn for_loop_ends(vm: &Vm, base: usize) -> bool {
    match (vm.slot(base), vm.slot(base + 1), vm.slot(base + 2)) {
        (Value::Int(cur), Value::Int(stop), Value::Int(step)) => {
            if step > 0 {
                cur >= stop
            } else {
                cur <= stop
            }
        }
        (Value::List(l), Value::Int(i), _) => i < 0 || i as usize >= l.len(),
        _ => false,
    }
}

fn nyi_step(what: &'static str) -> Step {
    Step::Abort(AbortReason::Nyi(what))
}
