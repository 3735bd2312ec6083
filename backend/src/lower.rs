//! Lower: translates one trace into one Cranelift function, with a single `match`
//! over the IR opcodes in table order.
//!
//! Shape of the generated function (`extern "C" fn(regs, ctx) -> u32`, see
//! `tvm_tracer::abi`):
//!
//! ```text
//!   entry:       the preamble in order: constants, SLoad/GLoad tag guards, ...
//!                jump loop(carried[0].init, carried[1].init, ...)
//!                (and n0 = *ctx.iterations)
//!   loop(p0.., n):  GC poll: brif *ctx.gc_flag -> exit(header_snap);
//!                n1 = n + 1 (the count lives in a register)
//!                the body; each guard splits the block: brif fail -> exit(snap)
//!                jump loop(carried[0].next, ..., n1)
//!   exit_sN:     (cold, one per snapshot used) store each (slot, value): tag byte,
//!                payload; *ctx.iterations = n1 (n at the GC poll, nothing from
//!                the preamble); return N
//! ```
//!
//! A trace without `Loop` (tests, straight-line fragments) returns `END_OF_TRACE`
//! when it runs off its end, having written nothing.
//!
//! **Units (trace trees).** The function is a `Unit`: its root trace, then each side
//! trace compiled into it, lowered into the exit block of the parent's snapshot it is
//! attached to (that block is then hot code, not a stub). While lowering a side trace
//! `env` holds the frame state at its start: every slot the parent's snapshot names
//! (after the parent's own `env`), as Cranelift values. Its `SLoad`s of those slots
//! are those values; of other slots the root's entry loads (memory has not changed
//! since the preamble read it); only a slot neither names is loaded from memory
//! with a tag guard. Its `SStore`s are deferred to its end, which goes
//!
//! ```text
//!   side end:    store every slot in env+stores that is neither carried, nor the
//!                root's unchanged entry load, nor dead at the loop header
//!                (`dead_at_header`); jump loop(carried values, entry loads, n)
//!                -- if carried and entry-loaded slots keep their types and no
//!                slot read by an instruction `licm` hoisted into the preamble
//!                changed (`pinned_slots`);
//!                else: store env+stores (dead ones too); jump pre (the preamble
//!                reloads and recomputes)
//!                -- and in a unit whose root is itself a side trace: store; return END
//! ```
//!
//! An exit of a side trace writes back env and then its own snapshot over it, stores
//! the side trace's id at `*ctx.exit_trace` and returns the snapshot index.
//!
//! **Constants** are emitted again at every use (`Lower::remat`), exit stubs
//! included, so none stays live across the loop for a cold exit's sake; Cranelift
//! then folds them into immediates. Its own optimizer is off by default (see
//! `Backend::with_optimizer`), so the lowering does the strength reductions traces
//! need: `//` and `%` by constants as multiplies or masks (`divconst`), shifts by
//! constant counts without checks, list items at constant indices as immediate
//! offsets, and one `index << 4` per index along a path (`item_offsets`).
//!
//! Why plain SSA values rather than `cranelift_frontend::Variable`s: the trace IR is
//! already SSA, and its linear order is a dominance order here. The preamble is one
//! chain of blocks that dominates the loop; the body is one chain starting at the loop
//! header; a guard only ends a block with a branch whose fall-through continues the
//! chain. So every IR value maps to exactly one Cranelift value (`Lower::vals`), valid
//! at every later instruction, and the only merges are the loop header (explicit block
//! params, one per `Carried`) and the shared exit blocks, whose values are defined
//! before the first guard that uses the snapshot and therefore dominate every later
//! one too. `Variable`s would make the frontend rediscover this per (variable, block)
//! pair, which costs compile time on long traces. `Lower::value` and
//! `Lower::exit_block` check the "defined before use" rule and reject traces that
//! break it with `BackendError::InvalidTrace`.
//!
//! Representation of IR values (`clif_type`): int -> I64, float -> F64, bool -> I8
//! (0/1), heap objects -> I64 pointers, None (and undef) -> an I64 zero that is never
//! stored. Memory accesses to slots, globals and list items use trusted flags
//! (aligned, cannot trap): the runtime guarantees those addresses are valid.

use crate::divconst::{self, UDivBy};
use crate::error::BackendError;
use cranelift_codegen::ir::condcodes::{FloatCC, IntCC};
use cranelift_codegen::ir::immediates::Ieee64;
use cranelift_codegen::ir::{
    types, Block, BlockArg, Function, InstBuilder, InstructionData, MemFlagsData, Type, Value,
};
use cranelift_codegen::isa::TargetFrontendConfig;
use cranelift_entity::packed_option::PackedOption;
use cranelift_entity::{EntityRef, SecondaryMap};
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use tvm_tracer::abi::{
    exit_entry, ExitLinks, RuntimeLayout, TraceCtx, Unit, EXIT_CALLS_OFFSET, PAYLOAD, SLOT_SIZE,
};
use tvm_tracer::ir::{Carried, Ins, InsRef, Opcode, SnapId, Trace, Ty};
use tvm_tracer::opt::licm;

/// Returned by a trace without `Loop` that ran to its end (no exit taken, nothing
/// written back). Never a snapshot index: `compile` rejects traces with that many.
pub const END_OF_TRACE: u32 = tvm_tracer::abi::END_OF_SIDE_TRACE;

/// The Cranelift type holding an IR value of type `ty`, or `None` for `Ty::VOID`.
pub fn clif_type(ty: Ty) -> Option<Type> {
    match ty {
        Ty::VOID => None,
        Ty::BOOL => Some(types::I8),
        Ty::FLOAT => Some(types::F64),
        // int, every heap type, and None/undef (a zero never stored).
        _ => Some(types::I64),
    }
}

/// Whether a `Value` with this tag has a payload (None and undef have none).
fn has_payload(ty: Ty) -> bool {
    !matches!(ty.0, 0 | 1)
}

/// Byte offset of slot `slot` from `regs`, if it fits an i32 with the payload.
fn slot_offset(slot: i64) -> Option<i32> {
    let max = (i32::MAX - SLOT_SIZE) / SLOT_SIZE;
    (0..=i64::from(max))
        .contains(&slot)
        .then(|| slot as i32 * SLOT_SIZE)
}

/// Flags for the memory compiled code touches: slots, globals, lists, the context.
fn trusted() -> MemFlagsData {
    MemFlagsData::trusted()
}

/// Builds `func` (whose signature is already set) from `unit`. On error the
/// builder context is left dirty; the caller replaces it.
pub(crate) fn lower<'t>(
    func: &mut Function,
    fctx: &mut FunctionBuilderContext,
    unit: &'t Unit<'t>,
    layout: &RuntimeLayout,
    config: TargetFrontendConfig,
) -> Result<(), BackendError> {
    let root = unit
        .traces
        .first()
        .ok_or(invalid(InsRef::new(0), "empty unit"))?;
    for (i, t) in unit.traces.iter().enumerate() {
        if t.trace.snaps.len() >= END_OF_TRACE as usize {
            return Err(invalid(InsRef::new(0), "too many snapshots"));
        }
        let parent_ok = match t.parent {
            None => i == 0,
            Some((p, exit)) => p < i && exit < unit.traces[p].trace.snaps.len(),
        };
        if !parent_ok {
            return Err(invalid(InsRef::new(0), "unit trace without a valid parent"));
        }
    }
    let (trace, links) = (root.trace, root.links);
    let sig = func.signature.clone();
    let mut b = FunctionBuilder::new(func, fctx);
    let entry = b.create_block();
    b.append_block_params_for_function_params(entry);
    b.switch_to_block(entry);
    b.seal_block(entry);
    let (regs, ctx) = (b.block_params(entry)[0], b.block_params(entry)[1]);
    // A root with an exit table or side traces compiled in re-enters its preamble
    // after a side trace ran: the preamble gets a block of its own, jumped to from
    // the entry and the exits.
    let pre = ((!links.table.is_null() || unit.traces.len() > 1) && !links.side).then(|| {
        let p = b.create_block();
        b.ins().jump(p, &[]);
        b.switch_to_block(p);
        p
    });
    let mut l = Lower {
        b,
        trace,
        layout: *layout,
        objects: tvm_vm::classes::jit_layout(),
        regs,
        ctx,
        vals: SecondaryMap::with_capacity(trace.ins.len()),
        exits: SecondaryMap::with_capacity(trace.snaps.len()),
        header: None,
        iter_next: None,
        iter_count: None,
        links,
        pre,
        sig,
        unit,
        dispatch: None,
        idx: 0,
        env: None,
        stores: vec![],
        item_offsets: vec![],
        entry_loads: vec![],
        entry_refs: vec![],
        direct_ok: false,
        carried: carried_order(trace),
        pinned: vec![],
        dead_at_header: dead_at_header(trace),
    };
    for (i, ins) in trace.ins.iter().enumerate() {
        l.ins(InsRef::new(i), ins)?;
    }
    l.finish()?;
    l.fill_exits()?;
    l.fill_dispatch();
    if let Some(h) = l.header {
        l.b.seal_block(h);
    }
    if let Some(p) = pre {
        l.b.seal_block(p);
    }
    l.b.finalize(config);
    Ok(())
}

/// The entry-loaded slots whose values the computed instructions of `preamble`
/// (hoisted by `licm`) read, directly or through each other.
fn pinned_slots(preamble: &[Ins]) -> Vec<u32> {
    let mut needed = vec![false; preamble.len()];
    let mut pinned = vec![];
    for (i, ins) in preamble.iter().enumerate().rev() {
        match ins.op {
            Opcode::SLoad => {
                if needed[i] {
                    pinned.push(ins.imm as u32);
                }
            }
            _ => {
                for a in ins.args() {
                    if let Some(n) = needed.get_mut(a.index()) {
                        *n = true;
                    }
                }
            }
        }
    }
    pinned
}

/// The slots a loop trace's snapshots name that are neither carried nor stored at
/// the end of an iteration: temporaries (and inlined callees' registers) that the
/// recorded iteration wrote before reading. The recorder does not carry or store
/// them because they are dead at the loop header (`Recorder::finish`), so a side
/// trace ending at the header need not write them back either.
fn dead_at_header(t: &Trace) -> Vec<u32> {
    if t.loop_index().is_none() {
        return vec![];
    }
    let live: Vec<u32> = (t.carried.iter().map(|c| c.slot))
        .chain(
            t.ins
                .iter()
                .filter(|i| i.op == Opcode::SStore)
                .map(|i| i.imm as u32),
        )
        .collect();
    let mut dead: Vec<u32> = t
        .snaps
        .iter()
        .flat_map(|s| s.entries.iter().map(|e| e.0))
        .filter(|slot| !live.contains(slot))
        .collect();
    dead.sort_unstable();
    dead.dedup();
    dead
}

/// `t.carried` ordered by the position of each slot's `next` value in the trace.
///
/// Cranelift computes the values a jump passes in the order of its arguments. In
/// that order, `zi = 2.0 * zr * zi + ci; zr = zr2 - zi2 + cr` reads the old `zr`
/// for the last time before it computes the new one, so the register allocator can
/// give both the same register. In slot order (`zr` first) both are live at once,
/// and the back edge needs a register move — for floats a `movdqa`, whose
/// integer-domain bypass delay added two cycles to each iteration of a loop whose
/// carried chain is twelve.
fn carried_order(t: &Trace) -> Vec<Carried> {
    let mut c = t.carried.clone();
    c.sort_by_key(|c| c.next);
    c
}

/// A slot's value in compiled code: (slot, Cranelift value, IR type).
type SlotVal = (u32, Value, Ty);

/// Sets `slot` to `v` in `state` (replacing what it held).
fn set_slot(state: &mut Vec<SlotVal>, e: SlotVal) {
    match state.iter_mut().find(|x| x.0 == e.0) {
        Some(x) => *x = e,
        None => state.push(e),
    }
}

fn find_slot(state: &[SlotVal], slot: u32) -> Option<SlotVal> {
    state.iter().find(|x| x.0 == slot).copied()
}

fn invalid(ins: InsRef, reason: &'static str) -> BackendError {
    BackendError::InvalidTrace { ins, reason }
}

/// Lowering state for one trace.
struct Lower<'t, 'f> {
    b: FunctionBuilder<'f>,
    trace: &'t Trace,
    layout: RuntimeLayout,
    /// Where instance and cell fields are (fixed by the vm crate; None if unknown).
    objects: Option<tvm_vm::classes::JitLayout>,
    /// The `regs` argument: slot 0.
    regs: Value,
    /// The `ctx` argument: `*const TraceCtx`.
    ctx: Value,
    /// The Cranelift value of each IR value lowered so far.
    vals: SecondaryMap<InsRef, PackedOption<Value>>,
    /// The exit block of each snapshot used so far.
    exits: SecondaryMap<SnapId, PackedOption<Block>>,
    /// The loop header, once `Loop` is lowered.
    header: Option<Block>,
    /// The iteration count after this iteration (`*ctx.iterations` is stored from it),
    /// carried around the loop as the header's last param.
    iter_next: Option<Value>,
    /// The loop header's count param (iterations before this one) and the
    /// address of `*ctx.iterations`: exits from the loop store the count there.
    iter_count: Option<(Value, Value)>,
    /// The exit table and this trace's id (`tvm_tracer::abi`).
    links: ExitLinks,
    /// A root's preamble block, which exits jump back to after a side trace.
    pre: Option<Block>,
    /// The trace signature (side traces are called with it).
    sig: cranelift_codegen::ir::Signature,
    /// The exit dispatch block, once an exit stub needs it.
    dispatch: Option<Block>,
    /// The unit being compiled; `trace`, `links`, `vals` and `exits` are those of
    /// `unit.traces[idx]`, the trace being lowered.
    unit: &'t Unit<'t>,
    idx: usize,
    /// While lowering a side trace of the unit: the frame state it starts with.
    env: Option<Vec<SlotVal>>,
    /// A side trace's `SStore`s, deferred to its end.
    stores: Vec<SlotVal>,
    /// `index << 4` (an item's offset in a list) per index value already computed
    /// on the path being lowered, so that `a[j]` and `b[j]` share one shift. Emptied
    /// when a side trace starts (what the parent computed after its guard does not
    /// dominate the side trace).
    item_offsets: Vec<(Value, Value)>,
    /// The unit root's entry loads (a loop root's: of slots it does not carry). In
    /// a loop with side traces compiled in, their values are loop header params.
    entry_loads: Vec<SlotVal>,
    /// The `SLoad` of each of `entry_loads` (until `enter_loop`).
    entry_refs: Vec<InsRef>,
    /// Side traces may jump straight to the loop header: the root's preamble is
    /// nothing but entry loads, constants and instructions `licm` hoisted.
    direct_ok: bool,
    /// The root's carried slots in the order of their loop header params: by where
    /// the iteration defines their next value (see `carried_order`).
    carried: Vec<Carried>,
    /// Entry-loaded slots that instructions hoisted into the preamble read.
    pinned: Vec<u32>,
    /// Slots of the root's frame dead at its loop header (see `dead_at_header`),
    /// which a side trace's end need not write back.
    dead_at_header: Vec<u32>,
}

/// The per-trace part of `Lower`, saved while a side trace is lowered.
struct TraceState<'t> {
    trace: &'t Trace,
    links: ExitLinks,
    idx: usize,
    vals: SecondaryMap<InsRef, PackedOption<Value>>,
    exits: SecondaryMap<SnapId, PackedOption<Block>>,
    env: Option<Vec<SlotVal>>,
    stores: Vec<SlotVal>,
}

impl Lower<'_, '_> {
    // -- The opcode match ----------------------------------------------------------

    /// Lowers instruction `r`.
    fn ins(&mut self, r: InsRef, ins: &Ins) -> Result<(), BackendError> {
        use Opcode::*;
        let v = match ins.op {
            KInt => Some(self.b.ins().iconst(types::I64, ins.imm)),
            KFloat => Some(self.b.ins().f64const(Ieee64::with_bits(ins.imm as u64))),
            KBool => Some(self.b.ins().iconst(types::I8, i64::from(ins.imm != 0))),
            KNone => Some(self.b.ins().iconst(types::I64, 0)),
            KRef => Some(self.b.ins().iconst(types::I64, ins.imm)),
            SLoad => Some(self.sload(r, ins)?),
            GLoad => {
                let base = self.b.ins().iconst(types::I64, ins.imm);
                Some(self.load_tagged(r, ins, base, 0)?)
            }
            Loop => {
                self.enter_loop(r)?;
                None
            }
            LoopParam => {
                // Defined as a loop header param by `enter_loop`.
                if self.vals[r].is_none() {
                    return Err(invalid(r, "LoopParam is not the param of a carried slot"));
                }
                None
            }
            AddOv | SubOv => Some(self.add_sub_checked(r, ins)?),
            MulOv => {
                let (a, b) = self.args2(r, ins)?;
                let (x, overflow) = self.b.ins().smul_overflow(a, b);
                self.exit_if(r, ins.snap, overflow)?;
                Some(x)
            }
            NegOv => {
                let a = self.value(ins.a, r)?;
                let is_min = self.b.ins().icmp_imm_s(IntCC::Equal, a, i64::MIN);
                self.exit_if(r, ins.snap, is_min)?;
                Some(self.b.ins().ineg(a))
            }
            Add => {
                let (a, b) = self.args2(r, ins)?;
                Some(self.b.ins().iadd(a, b))
            }
            Sub => {
                let (a, b) = self.args2(r, ins)?;
                Some(self.b.ins().isub(a, b))
            }
            FloorDiv => Some(self.floor_div_mod(r, ins, false)?),
            Mod => Some(self.floor_div_mod(r, ins, true)?),
            UDiv | URem => {
                // `bounds` proved a >= 0 and made these only for a constant b > 0;
                // a divisor Cranelift might see as zero would be a trap, not an exit.
                let Some(d) = self.kint(ins.b).filter(|&k| k > 0) else {
                    return Err(invalid(r, "unsigned division by a non-constant"));
                };
                let a = self.value(ins.a, r)?;
                Some(self.div_mod_const(a, d, ins.op == URem, true))
            }
            BAnd => {
                let (a, b) = self.args2(r, ins)?;
                Some(self.b.ins().band(a, b))
            }
            BOr => {
                let (a, b) = self.args2(r, ins)?;
                Some(self.b.ins().bor(a, b))
            }
            BXor => {
                let (a, b) = self.args2(r, ins)?;
                Some(self.b.ins().bxor(a, b))
            }
            Shr => {
                let a = self.value(ins.a, r)?;
                Some(match self.kint(ins.b).filter(|&k| k >= 0) {
                    // A constant count needs no checks.
                    Some(k) => self.b.ins().sshr_imm_u(a, k.min(63)),
                    None => {
                        let b = self.value(ins.b, r)?;
                        let nonneg = self
                            .b
                            .ins()
                            .icmp_imm_s(IntCC::SignedGreaterThanOrEqual, b, 0);
                        self.exit_unless(r, ins.snap, nonneg)?;
                        // Shifting by 64 or more gives the sign: clamp the count to 63.
                        let k63 = self.b.ins().iconst(types::I64, 63);
                        let n = self.b.ins().umin(b, k63);
                        self.b.ins().sshr(a, n)
                    }
                })
            }
            ShlOv => {
                let a = self.value(ins.a, r)?;
                let (v, back) = match self.kint(ins.b).filter(|k| (0..64).contains(k)) {
                    Some(k) => {
                        let v = self.b.ins().ishl_imm_u(a, k);
                        (v, self.b.ins().sshr_imm_u(v, k))
                    }
                    None => {
                        let b = self.value(ins.b, r)?;
                        let in_range = self.b.ins().icmp_imm_u(IntCC::UnsignedLessThan, b, 64);
                        self.exit_unless(r, ins.snap, in_range)?;
                        let v = self.b.ins().ishl(a, b);
                        (v, self.b.ins().sshr(v, b))
                    }
                };
                let lost = self.b.ins().icmp(IntCC::NotEqual, back, a);
                self.exit_if(r, ins.snap, lost)?;
                Some(v)
            }
            FAdd => {
                let (a, b) = self.args2(r, ins)?;
                Some(self.b.ins().fadd(a, b))
            }
            FSub => {
                let (a, b) = self.args2(r, ins)?;
                Some(self.b.ins().fsub(a, b))
            }
            FMul => {
                let (a, b) = self.args2(r, ins)?;
                Some(self.b.ins().fmul(a, b))
            }
            FDiv => {
                let (a, b) = self.args2(r, ins)?;
                // A nonzero constant divisor needs no test (NaN is nonzero).
                if !self.kfloat(ins.b).is_some_and(|k| k != 0.0) {
                    let zero = self.b.ins().f64const(0.0);
                    // Ordered ==: true for +0.0 and -0.0, false for NaN (x / NaN is NaN).
                    let is_zero = self.b.ins().fcmp(FloatCC::Equal, b, zero);
                    self.exit_if(r, ins.snap, is_zero)?;
                }
                Some(self.b.ins().fdiv(a, b))
            }
            FNeg => {
                let a = self.value(ins.a, r)?;
                Some(self.b.ins().fneg(a))
            }
            FSqrt => {
                let a = self.value(ins.a, r)?;
                // Exit when a < 0 (not for NaN: sqrt(nan) is nan in Python too).
                let zero = self.b.ins().f64const(0.0);
                let neg = self.b.ins().fcmp(FloatCC::LessThan, a, zero);
                self.exit_if(r, ins.snap, neg)?;
                Some(self.b.ins().sqrt(a))
            }
            IToF => {
                // Round to nearest even, as CPython's int -> float for i64.
                let a = self.value(ins.a, r)?;
                Some(self.b.ins().fcvt_from_sint(types::F64, a))
            }
            Lt => Some(self.int_cmp(r, ins, IntCC::SignedLessThan)?),
            Le => Some(self.int_cmp(r, ins, IntCC::SignedLessThanOrEqual)?),
            Gt => Some(self.int_cmp(r, ins, IntCC::SignedGreaterThan)?),
            Ge => Some(self.int_cmp(r, ins, IntCC::SignedGreaterThanOrEqual)?),
            Eq => Some(self.int_cmp(r, ins, IntCC::Equal)?),
            Ne => Some(self.int_cmp(r, ins, IntCC::NotEqual)?),
            // Ordered compares are false on NaN; FNe is unordered-or-not-equal (true).
            FLt => Some(self.float_cmp(r, ins, FloatCC::LessThan)?),
            FLe => Some(self.float_cmp(r, ins, FloatCC::LessThanOrEqual)?),
            FGt => Some(self.float_cmp(r, ins, FloatCC::GreaterThan)?),
            FGe => Some(self.float_cmp(r, ins, FloatCC::GreaterThanOrEqual)?),
            FEq => Some(self.float_cmp(r, ins, FloatCC::Equal)?),
            FNe => Some(self.float_cmp(r, ins, FloatCC::NotEqual)?),
            RefEq => Some(self.ref_eq(r, ins)?),
            Not => {
                let a = self.value(ins.a, r)?;
                Some(self.b.ins().bxor_imm_u(a, 1))
            }
            IntTruth => {
                let a = self.value(ins.a, r)?;
                Some(self.b.ins().icmp_imm_s(IntCC::NotEqual, a, 0))
            }
            GuardTrue | GuardFalse => {
                let a = self.value(ins.a, r)?;
                let pass = ins.op == GuardTrue;
                // A side trace compiled in may test a bool its parent's exit knows
                // (see `exit_state`): no branch for a guard that always passes.
                if self.iconst_of(a) == Some(i64::from(pass)) {
                    self.check_exit(r, ins.snap)?;
                } else if pass {
                    self.exit_unless(r, ins.snap, a)?;
                } else {
                    self.exit_if(r, ins.snap, a)?;
                }
                None
            }
            GuardRef => {
                let a = self.value(ins.a, r)?;
                let other = self.b.ins().icmp_imm_s(IntCC::NotEqual, a, ins.imm);
                self.exit_if(r, ins.snap, other)?;
                None
            }
            ListLen => {
                let a = self.value(ins.a, r)?;
                let off = self.lists(r)?.list_len;
                Some(self.b.ins().load(types::I64, trusted(), a, off))
            }
            ListGet => {
                let (list, index) = self.args2(r, ins)?;
                let item = self.list_item(r, ins, list, index)?;
                Some(self.load_tagged(r, ins, item, 0)?)
            }
            ListSet => {
                let (list, index) = self.args2(r, ins)?;
                let c = self.value(ins.c, r)?;
                let item = self.list_item(r, ins, list, index)?;
                self.store_value(self.trace.get(ins.c).ty, c, item, 0);
                // The collector traces this item again (`ListObj::traced`).
                let off = self.lists(r)?.list_traced;
                let traced = self.b.ins().load(types::I64, trusted(), list, off);
                let lower = self.b.ins().umin(traced, index);
                self.b.ins().store(trusted(), lower, list, off);
                None
            }
            SStore => {
                let a = self.value(ins.a, r)?;
                let off = slot_offset(ins.imm).ok_or(invalid(r, "slot out of range"))?;
                let ty = self.trace.get(ins.a).ty;
                if self.env.is_some() {
                    set_slot(&mut self.stores, (ins.imm as u32, a, ty));
                } else {
                    self.store_value(ty, a, self.regs, off);
                }
                None
            }
            GStore => {
                let a = self.value(ins.a, r)?;
                let base = self.b.ins().iconst(types::I64, ins.imm);
                self.store_value(self.trace.get(ins.a).ty, a, base, 0);
                None
            }
            GuardShape => {
                let a = self.value(ins.a, r)?;
                let off = self.objects(r)?.inst_shape;
                let shape = self.b.ins().load(types::I64, trusted(), a, off);
                let other = self.b.ins().icmp_imm_s(IntCC::NotEqual, shape, ins.imm);
                self.exit_if(r, ins.snap, other)?;
                None
            }
            GuardVersion => {
                let a = self.value(ins.a, r)?;
                let addr = self.b.ins().iconst(types::I64, ins.imm);
                let v = self.b.ins().load(types::I64, trusted(), addr, 0);
                let other = self.b.ins().icmp(IntCC::NotEqual, v, a);
                self.exit_if(r, ins.snap, other)?;
                None
            }
            SlotGet => {
                let a = self.value(ins.a, r)?;
                let off = self.objects(r)?.inst_slots;
                let slots = self.b.ins().load(types::I64, trusted(), a, off);
                let at = slot_offset(ins.imm).ok_or(invalid(r, "slot index out of range"))?;
                Some(self.load_tagged(r, ins, slots, at)?)
            }
            SlotSet => {
                let a = self.value(ins.a, r)?;
                let v = self.value(ins.b, r)?;
                let off = self.objects(r)?.inst_slots;
                let slots = self.b.ins().load(types::I64, trusted(), a, off);
                let at = slot_offset(ins.imm).ok_or(invalid(r, "slot index out of range"))?;
                self.store_value(self.trace.get(ins.b).ty, v, slots, at);
                None
            }
            CellGet => {
                let a = self.value(ins.a, r)?;
                let off = self.objects(r)?.cell_value;
                Some(self.load_tagged(r, ins, a, off)?)
            }
            CellSet => {
                let a = self.value(ins.a, r)?;
                let v = self.value(ins.b, r)?;
                let off = self.objects(r)?.cell_value;
                self.store_value(self.trace.get(ins.b).ty, v, a, off);
                None
            }
        };
        if let Some(v) = v {
            if clif_type(ins.ty) != Some(self.b.func.dfg.value_type(v)) {
                return Err(invalid(r, "result type does not match the opcode"));
            }
            self.vals[r] = v.into();
        }
        Ok(())
    }

    // -- Operands -------------------------------------------------------------------

    /// The value of operand `v` of instruction `at`; it must be defined already.
    fn value(&mut self, v: InsRef, at: InsRef) -> Result<Value, BackendError> {
        let val = self.vals[v]
            .expand()
            .ok_or(invalid(at, "operand is void or used before its definition"))?;
        Ok(self.remat(v).unwrap_or(val))
    }

    /// A constant emitted again where it is used, rather than the one emitted where
    /// the trace defines it: the defining one would stay live (in a register, or
    /// materialized on the hot path) all the way to its last use, often a cold
    /// exit. Cranelift's lowering folds a constant next to its use into an
    /// immediate or a constant-pool operand.
    fn remat(&mut self, v: InsRef) -> Option<Value> {
        let k = self.trace.ins.get(v.index())?;
        let ins = self.b.ins();
        Some(match k.op {
            Opcode::KInt | Opcode::KRef => ins.iconst(types::I64, k.imm),
            Opcode::KFloat => ins.f64const(Ieee64::with_bits(k.imm as u64)),
            Opcode::KBool => ins.iconst(types::I8, i64::from(k.imm != 0)),
            Opcode::KNone => ins.iconst(types::I64, 0),
            _ => return None,
        })
    }

    /// Operands `a` and `b`.
    fn args2(&mut self, r: InsRef, ins: &Ins) -> Result<(Value, Value), BackendError> {
        Ok((self.value(ins.a, r)?, self.value(ins.b, r)?))
    }

    // -- Guards and exits -----------------------------------------------------------

    /// The exit block of `snap` for the guard `at`, created on first use. Checks that
    /// every value the snapshot names is already defined (so it dominates this guard
    /// and every later one) and that its slots are addressable.
    fn exit_block(&mut self, at: InsRef, snap: Option<SnapId>) -> Result<Block, BackendError> {
        let s = self.check_exit(at, snap)?;
        if let Some(block) = self.exits[s].expand() {
            return Ok(block);
        }
        let block = self.b.create_block();
        if self.child_at(s).is_none() {
            self.b.set_cold_block(block);
        }
        self.exits[s] = block.into();
        Ok(block)
    }

    /// The snapshot of guard `at`, after checking what `exit_block` promises.
    fn check_exit(&self, at: InsRef, snap: Option<SnapId>) -> Result<SnapId, BackendError> {
        let s = snap.ok_or(invalid(at, "guard without a snapshot"))?;
        let snapshot = self
            .trace
            .snaps
            .get(s.index())
            .ok_or(invalid(at, "snapshot index out of range"))?;
        if self.exits[s].is_some() {
            return Ok(s);
        }
        for &(slot, v) in &snapshot.entries {
            if self.vals[v].is_none() {
                return Err(invalid(
                    at,
                    "snapshot names a value not defined before the guard",
                ));
            }
            if slot_offset(i64::from(slot)).is_none() {
                return Err(invalid(at, "snapshot slot out of range"));
            }
        }
        Ok(s)
    }

    /// The position in the unit of the side trace compiled into exit `s` of the
    /// trace being lowered, if any.
    fn child_at(&self, s: SnapId) -> Option<usize> {
        self.unit
            .traces
            .iter()
            .position(|t| t.parent == Some((self.idx, s.index())))
    }

    /// The frame state at exit `s` of the trace being lowered: `env`, then the
    /// snapshot's entries over it.
    ///
    /// A bool a guard has tested is a constant at every exit after it: `GuardTrue v`
    /// passed, so later `v` is true; and at the exit of the guard itself, when it is
    /// the one guard leaving through `s`, `v` is false. A slot holding such a bool
    /// (the interpreter keeps a condition in a register until the next statement
    /// overwrites it) gets the constant, made in the current block, the exit's. The
    /// bool then need not be materialised on the main path: the compare feeds only
    /// its branch, and Cranelift fuses the two into one compare-and-jump.
    fn exit_state(&mut self, s: SnapId) -> Vec<SlotVal> {
        let mut state = self.env.clone().unwrap_or_default();
        let known = self.known_bools(s);
        for &(slot, v) in &self.trace.snaps[s.index()].entries {
            let val = match known.iter().find(|k| k.0 == v) {
                Some(&(_, bit)) => self.b.ins().iconst(types::I8, i64::from(bit)),
                None => match self.remat(v) {
                    Some(k) => k,
                    None => self.vals[v].expand().expect("checked by exit_block"),
                },
            };
            set_slot(&mut state, (slot, val, self.trace.get(v).ty));
        }
        state
    }

    /// The position of the first instruction of the trace being lowered that exits
    /// through `s`: the `Loop` for the header snapshot (its exit is the GC poll at
    /// the top of every iteration), else the first guard naming `s`.
    fn first_exit_at(&self, s: SnapId) -> Option<usize> {
        if self.trace.header_snap == Some(s) {
            self.trace.loop_index()
        } else {
            self.trace.ins.iter().position(|i| i.snap == Some(s))
        }
    }

    /// The bools known at exit `s` of the trace being lowered: those tested by a
    /// guard before the first instruction that exits through `s` (before `Loop` for
    /// the header snapshot, whose exit is taken at the top of every iteration), and
    /// the operand of that instruction if it is the only one exiting through `s` and
    /// a `GuardTrue` (false there) or `GuardFalse` (true).
    fn known_bools(&self, s: SnapId) -> Vec<(InsRef, bool)> {
        let ins = &self.trace.ins;
        let Some(first) = self.first_exit_at(s) else {
            return vec![];
        };
        let tested = |i: &Ins| match i.op {
            Opcode::GuardTrue => Some((i.a, true)),
            Opcode::GuardFalse => Some((i.a, false)),
            _ => None,
        };
        let mut known: Vec<(InsRef, bool)> = ins[..first].iter().filter_map(tested).collect();
        let sole =
            self.trace.header_snap != Some(s) && ins[first + 1..].iter().all(|i| i.snap != Some(s));
        if let Some((v, passes)) = tested(&ins[first]).filter(|_| sole) {
            known.push((v, !passes));
        }
        known
    }

    /// `AddOv`/`SubOv`: the wrapped result, leaving through the snapshot on
    /// overflow. With an operand of known sign (a constant step, `i & 255`, a
    /// remainder) the wrapped result overflowed iff it moved the wrong way (`x < a`
    /// after adding something >= 0): one compare-and-jump instead of
    /// materialising the overflow flag (`seto`, `test`, `jnz`).
    fn add_sub_checked(&mut self, r: InsRef, ins: &Ins) -> Result<Value, BackendError> {
        let add = ins.op == Opcode::AddOv;
        let Some((a, b, nonneg)) = self.sign_known(ins) else {
            let (a, b) = self.args2(r, ins)?;
            let (x, overflow) = if add {
                self.b.ins().sadd_overflow(a, b)
            } else {
                self.b.ins().ssub_overflow(a, b)
            };
            self.exit_if(r, ins.snap, overflow)?;
            return Ok(x);
        };
        let (a, b) = (self.value(a, r)?, self.value(b, r)?);
        let x = if add {
            self.b.ins().iadd(a, b)
        } else {
            self.b.ins().isub(a, b)
        };
        let cc = if nonneg == add {
            IntCC::SignedLessThan
        } else {
            IntCC::SignedGreaterThan
        };
        let overflow = self.b.ins().icmp(cc, x, a);
        self.exit_if(r, ins.snap, overflow)?;
        Ok(x)
    }

    /// For an `AddOv`/`SubOv`: its operands ordered so that the second one's sign
    /// is known, and whether that one is `>= 0` (else `<= 0`); None if neither
    /// operand's is (`SubOv` only looks at the subtrahend). Known: constants, and
    /// results that cannot be negative (`URem`, `UDiv`, `BAnd` with a constant
    /// that is not, `ListLen`).
    fn sign_known(&self, ins: &Ins) -> Option<(InsRef, InsRef, bool)> {
        let sign = |v: InsRef| -> Option<bool> {
            let d = self.trace.ins.get(v.index())?;
            match d.op {
                Opcode::KInt => Some(d.imm >= 0),
                Opcode::URem | Opcode::UDiv | Opcode::ListLen => Some(true),
                Opcode::BAnd => [d.a, d.b]
                    .iter()
                    .any(|&o| self.kint(o).is_some_and(|k| k >= 0))
                    .then_some(true),
                _ => None,
            }
        };
        if let Some(nonneg) = sign(ins.b) {
            return Some((ins.a, ins.b, nonneg));
        }
        match ins.op {
            Opcode::AddOv => sign(ins.a).map(|nonneg| (ins.b, ins.a, nonneg)),
            _ => None,
        }
    }

    /// In the stub of exit `s` of the trace being lowered: store the iteration
    /// count if the exit leaves the loop — the header's count at the GC poll (the
    /// iteration has not started), the count including this iteration at any
    /// exit after it (a side trace's are all inside the loop). The preamble's
    /// exits (before `Loop`) leave memory's count as it was.
    fn store_count(&mut self, s: SnapId) {
        let (Some((n, ptr)), Some(n1)) = (self.iter_count, self.iter_next) else {
            return;
        };
        let count = if self.idx > 0 {
            n1
        } else if self.trace.header_snap == Some(s) {
            n
        } else if matches!(
            (self.first_exit_at(s), self.trace.loop_index()),
            (Some(f), Some(l)) if f < l
        ) {
            return;
        } else {
            n1
        };
        self.b.ins().store(trusted(), count, ptr, 0);
    }

    /// The value of IR constant `v`, if it is a `KInt`.
    fn kint(&self, v: InsRef) -> Option<i64> {
        let k = self.trace.ins.get(v.index())?;
        (k.op == Opcode::KInt).then_some(k.imm)
    }

    /// The value of IR constant `v`, if it is a `KFloat`.
    fn kfloat(&self, v: InsRef) -> Option<f64> {
        let k = self.trace.ins.get(v.index())?;
        (k.op == Opcode::KFloat).then(|| f64::from_bits(k.imm as u64))
    }

    /// The constant `v` is, if Cranelift's `iconst` defines it.
    fn iconst_of(&self, v: Value) -> Option<i64> {
        let dfg = &self.b.func.dfg;
        let inst = dfg.value_def(v).inst()?;
        match dfg.insts[inst] {
            InstructionData::UnaryImm {
                opcode: cranelift_codegen::ir::Opcode::Iconst,
                imm,
            } => Some(imm.bits()),
            _ => None,
        }
    }

    /// Leaves through `snap` when `cond` is nonzero; code continues in a new block.
    fn exit_if(
        &mut self,
        at: InsRef,
        snap: Option<SnapId>,
        cond: Value,
    ) -> Result<(), BackendError> {
        let exit = self.exit_block(at, snap)?;
        let cont = self.b.create_block();
        self.b.ins().brif(cond, exit, &[], cont, &[]);
        self.b.switch_to_block(cont);
        self.b.seal_block(cont);
        Ok(())
    }

    /// Leaves through `snap` when `cond` is zero; code continues in a new block.
    fn exit_unless(
        &mut self,
        at: InsRef,
        snap: Option<SnapId>,
        cond: Value,
    ) -> Result<(), BackendError> {
        let exit = self.exit_block(at, snap)?;
        let cont = self.b.create_block();
        self.b.ins().brif(cond, cont, &[], exit, &[]);
        self.b.switch_to_block(cont);
        self.b.seal_block(cont);
        Ok(())
    }

    /// Fills every exit block of the trace being lowered: the side trace compiled
    /// into it, or the stub (write back the exit state, return the snapshot index).
    fn fill_exits(&mut self) -> Result<(), BackendError> {
        let used: Vec<(SnapId, Block)> = self
            .exits
            .iter()
            .filter_map(|(s, e)| e.expand().map(|block| (s, block)))
            .collect();
        for (s, block) in used {
            self.b.switch_to_block(block);
            self.b.seal_block(block);
            if let Some(child) = self.child_at(s) {
                self.lower_side(child, s)?;
                continue;
            }
            for (slot, val, ty) in self.exit_state(s) {
                let off = slot_offset(i64::from(slot)).expect("checked by exit_block");
                self.store_value(ty, val, self.regs, off);
            }
            self.store_count(s);
            let index = self.b.ins().iconst(types::I32, s.index() as i64);
            if self.links.table.is_null() && self.env.is_none() {
                self.b.ins().return_(&[index]);
                continue;
            }
            self.link_exit(s, index);
        }
        Ok(())
    }

    /// Lowers side trace `child` of the unit into the current block, the exit block
    /// of snapshot `s` of the trace being lowered (its parent), then its exits.
    fn lower_side(&mut self, child: usize, s: SnapId) -> Result<(), BackendError> {
        let ut = self.unit.traces[child];
        let env = self.exit_state(s);
        let saved = TraceState {
            trace: std::mem::replace(&mut self.trace, ut.trace),
            links: std::mem::replace(&mut self.links, ut.links),
            idx: std::mem::replace(&mut self.idx, child),
            vals: std::mem::replace(
                &mut self.vals,
                SecondaryMap::with_capacity(ut.trace.ins.len()),
            ),
            exits: std::mem::replace(
                &mut self.exits,
                SecondaryMap::with_capacity(ut.trace.snaps.len()),
            ),
            env: self.env.replace(env),
            stores: std::mem::take(&mut self.stores),
        };
        if ut.trace.ins.iter().any(|i| i.op == Opcode::Loop) {
            return Err(invalid(InsRef::new(0), "a side trace with a Loop"));
        }
        self.item_offsets.clear();
        for (i, ins) in ut.trace.ins.iter().enumerate() {
            self.ins(InsRef::new(i), ins)?;
        }
        self.side_end()?;
        self.fill_exits()?;
        self.item_offsets.clear();
        self.trace = saved.trace;
        self.links = saved.links;
        self.idx = saved.idx;
        self.vals = saved.vals;
        self.exits = saved.exits;
        self.env = saved.env;
        self.stores = saved.stores;
        Ok(())
    }

    /// The end of a side trace compiled into the unit (see the module doc): back to
    /// the loop header with the carried values in registers if it can, else through
    /// memory and the preamble; in a unit without a loop, write back and return.
    fn side_end(&mut self) -> Result<(), BackendError> {
        let mut state = self.env.clone().unwrap_or_default();
        for &e in &self.stores {
            set_slot(&mut state, e);
        }
        let root = self.unit.traces[0].trace;
        let Some(header) = self.header else {
            for &(slot, val, ty) in &state {
                let off = slot_offset(i64::from(slot))
                    .ok_or(invalid(InsRef::new(0), "slot out of range"))?;
                self.store_value(ty, val, self.regs, off);
            }
            let end = self.b.ins().iconst(types::I32, i64::from(END_OF_TRACE));
            self.b.ins().return_(&[end]);
            return Ok(());
        };
        // Straight back to the header: every carried and entry-loaded slot must
        // hold a value of the type the loop has for it.
        let mut args = Vec::with_capacity(self.carried.len() + self.entry_loads.len() + 1);
        let mut direct = self.direct_ok;
        for c in &self.carried {
            let want = root.get(c.param).ty;
            match find_slot(&state, c.slot) {
                Some((_, v, ty)) if ty == want => args.push(BlockArg::Value(v)),
                _ => direct = false,
            }
        }
        for &(slot, v, want) in &self.entry_loads {
            match find_slot(&state, slot) {
                Some((_, sv, _)) if sv != v && self.pinned.contains(&slot) => direct = false,
                Some((_, sv, ty)) if ty == want => args.push(BlockArg::Value(sv)),
                Some(_) => direct = false,
                None => args.push(BlockArg::Value(v)),
            }
        }
        for &(slot, val, ty) in &state {
            let carried = root.carried.iter().any(|c| c.slot == slot);
            let unchanged = self
                .entry_loads
                .iter()
                .any(|&(es, ev, _)| es == slot && ev == val);
            if (direct && carried) || unchanged || self.dead_at_header.contains(&slot) {
                continue;
            }
            let off =
                slot_offset(i64::from(slot)).ok_or(invalid(InsRef::new(0), "slot out of range"))?;
            self.store_value(ty, val, self.regs, off);
        }
        if direct {
            let n1 = self
                .iter_next
                .ok_or(invalid(InsRef::new(0), "loop without a count"))?;
            args.push(BlockArg::Value(n1));
            self.b.ins().jump(header, &args);
        } else {
            let pre = self.pre.ok_or(invalid(
                InsRef::new(0),
                "a unit with a loop but no preamble block",
            ))?;
            if let (Some((_, ptr)), Some(n1)) = (self.iter_count, self.iter_next) {
                self.b.ins().store(trusted(), n1, ptr, 0);
            }
            self.b.ins().jump(pre, &[]);
        }
        Ok(())
    }

    /// The rest of an exit stub with an exit table (or of a side trace's stub): jump
    /// to the function's one dispatch block with (snapshot index, trace id, address of
    /// the exit-table word).
    fn link_exit(&mut self, s: SnapId, index: Value) {
        let id = self
            .b
            .ins()
            .iconst(types::I32, i64::from(self.links.trace_id));
        let word = if self.links.table.is_null() {
            0
        } else {
            self.links.table as i64 + (exit_entry(s.index()) * std::mem::size_of::<usize>()) as i64
        };
        let word = self.b.ins().iconst(types::I64, word);
        let dispatch = self.dispatch_block();
        self.b.ins().jump(
            dispatch,
            &[
                BlockArg::Value(index),
                BlockArg::Value(id),
                BlockArg::Value(word),
            ],
        );
    }

    /// The dispatch block shared by every exit stub that needs it, created on first
    /// use and filled by `fill_dispatch`.
    fn dispatch_block(&mut self) -> Block {
        if let Some(d) = self.dispatch {
            return d;
        }
        let d = self.b.create_block();
        self.b.set_cold_block(d);
        self.b.append_block_param(d, types::I32);
        self.b.append_block_param(d, types::I32);
        self.b.append_block_param(d, types::I64);
        self.dispatch = Some(d);
        d
    }

    /// `dispatch(index, id, word)`: store `id` at `*ctx.exit_trace`; if `word` is not
    /// null and holds a side trace's entry, count the call down in the next word and
    /// call it (see `tvm_tracer::abi`): its `END_OF_SIDE_TRACE` re-enters the
    /// preamble (or is returned by a unit without one), anything else is returned.
    /// Otherwise, or when the count reaches 0 (the runtime then compiles the side
    /// trace into this function), return `index`.
    fn fill_dispatch(&mut self) {
        let Some(d) = self.dispatch else {
            return;
        };
        self.b.switch_to_block(d);
        self.b.seal_block(d);
        let p = self.b.block_params(d);
        let (index, id, word) = (p[0], p[1], p[2]);
        let who_off = std::mem::offset_of!(TraceCtx, exit_trace) as i32;
        let who = self
            .b
            .ins()
            .load(types::I64, trusted().with_readonly(), self.ctx, who_off);
        self.b.ins().store(trusted(), id, who, 0);
        let load_b = self.b.create_block();
        let call_b = self.b.create_block();
        let ret_b = self.b.create_block();
        self.b.ins().brif(word, load_b, &[], ret_b, &[]);
        self.b.switch_to_block(load_b);
        self.b.seal_block(load_b);
        // Not readonly: the runtime attaches side traces between calls.
        let side = self.b.ins().load(types::I64, trusted(), word, 0);
        let count_b = self.b.create_block();
        self.b.ins().brif(side, count_b, &[], ret_b, &[]);
        self.b.switch_to_block(count_b);
        self.b.seal_block(count_b);
        let left = self
            .b
            .ins()
            .load(types::I64, trusted(), word, EXIT_CALLS_OFFSET);
        let left = self.b.ins().iadd_imm_s(left, -1);
        self.b.ins().store(trusted(), left, word, EXIT_CALLS_OFFSET);
        self.b.ins().brif(left, call_b, &[], ret_b, &[]);
        self.b.switch_to_block(ret_b);
        self.b.seal_block(ret_b);
        self.b.ins().return_(&[index]);
        self.b.switch_to_block(call_b);
        self.b.seal_block(call_b);
        let sigref = self.b.import_signature(self.sig.clone());
        let call = self
            .b
            .ins()
            .call_indirect(sigref, side, &[self.regs, self.ctx]);
        let r = self.b.inst_results(call)[0];
        let is_end = self
            .b
            .ins()
            .icmp_imm_u(IntCC::Equal, r, i64::from(END_OF_TRACE));
        let back_b = self.b.create_block();
        let pass_b = self.b.create_block();
        self.b.ins().brif(is_end, back_b, &[], pass_b, &[]);
        self.b.switch_to_block(pass_b);
        self.b.seal_block(pass_b);
        self.b.ins().return_(&[r]);
        self.b.switch_to_block(back_b);
        self.b.seal_block(back_b);
        match self.pre {
            Some(p) => {
                self.b.ins().jump(p, &[]);
            }
            None => {
                let end = self.b.ins().iconst(types::I32, i64::from(END_OF_TRACE));
                self.b.ins().return_(&[end]);
            }
        }
    }

    // -- The loop -------------------------------------------------------------------

    /// `Loop`: jump to the loop header with the carried init values, define every
    /// `LoopParam` as a header param, then poll the GC flag.
    fn enter_loop(&mut self, r: InsRef) -> Result<(), BackendError> {
        if self.header.is_some() {
            return Err(invalid(r, "second Loop"));
        }
        let snap = self
            .trace
            .header_snap
            .ok_or(invalid(r, "Loop without a header_snap"))?;
        let flag_offset = std::mem::offset_of!(TraceCtx, gc_flag) as i32;
        let flag_ptr =
            self.b
                .ins()
                .load(types::I64, trusted().with_readonly(), self.ctx, flag_offset);
        let iter_offset = std::mem::offset_of!(TraceCtx, iterations) as i32;
        let iter_ptr =
            self.b
                .ins()
                .load(types::I64, trusted().with_readonly(), self.ctx, iter_offset);
        let header = self.b.create_block();
        let mut args = Vec::with_capacity(self.carried.len() + 1);
        for c in self.carried.clone() {
            let param = self
                .trace
                .ins
                .get(c.param.index())
                .filter(|p| p.op == Opcode::LoopParam && c.param > r)
                .ok_or(invalid(r, "carried param is not a LoopParam after Loop"))?;
            let ty = clif_type(param.ty).ok_or(invalid(c.param, "void LoopParam"))?;
            let init = self.value(c.init, r)?;
            if self.b.func.dfg.value_type(init) != ty {
                return Err(invalid(c.param, "carried init and param types differ"));
            }
            if self.vals[c.param].is_some() {
                return Err(invalid(c.param, "LoopParam carried twice"));
            }
            args.push(BlockArg::Value(init));
            self.vals[c.param] = self.b.append_block_param(header, ty).into();
        }
        // The entry loads of slots not carried: constant around the root's own loop,
        // but a side trace compiled into the unit may come back with other values
        // (the next pixel's `cr`), so with side traces they are header params too.
        let carried: Vec<u32> = self.trace.carried.iter().map(|c| c.slot).collect();
        let refs = std::mem::take(&mut self.entry_refs);
        let mut loads = std::mem::take(&mut self.entry_loads);
        let mut keep = vec![];
        for (e, &lr) in loads.iter_mut().zip(&refs) {
            if carried.contains(&e.0) {
                continue;
            }
            if self.unit.traces.len() > 1 {
                let ty = self.b.func.dfg.value_type(e.1);
                args.push(BlockArg::Value(e.1));
                e.1 = self.b.append_block_param(header, ty);
                self.vals[lr] = e.1.into();
            }
            keep.push(*e);
        }
        self.entry_loads = keep;
        // Side traces may come straight back to the header if the preamble is entry
        // loads, constants and what `licm` hoisted: instructions on entry-loaded
        // values. Those values are computed once, so a side trace that changes a
        // slot they read (`pinned`) must go through the preamble instead.
        let preamble = &self.trace.ins[..r.index()];
        self.direct_ok = self.unit.traces.len() > 1
            && preamble
                .iter()
                .all(|i| i.op == Opcode::SLoad || licm::hoistable(i.op, true));
        self.pinned = pinned_slots(preamble);
        // The iteration count lives in a register: memory is written only when
        // the loop is left (`store_count`), at its exits and before a side trace
        // goes back through the preamble, which reloads it.
        let n0 = self.b.ins().load(types::I64, trusted(), iter_ptr, 0);
        args.push(BlockArg::Value(n0));
        let n = self.b.append_block_param(header, types::I64);
        self.b.ins().jump(header, &args);
        self.b.switch_to_block(header);
        // Sealed in `finish`, once the back edge exists.
        let flag = self.b.ins().load(types::I8, trusted(), flag_ptr, 0);
        self.exit_if(r, Some(snap), flag)?;
        let n1 = self.b.ins().iadd_imm_s(n, 1);
        self.iter_next = Some(n1);
        self.iter_count = Some((n, iter_ptr));
        self.header = Some(header);
        Ok(())
    }

    /// The end of the trace: jump back to the loop header, or return `END_OF_TRACE`.
    fn finish(&mut self) -> Result<(), BackendError> {
        let last = InsRef::new(self.trace.ins.len().saturating_sub(1));
        let Some(header) = self.header else {
            if let Some(c) = self.trace.carried.first() {
                return Err(invalid(c.param, "carried slots without Loop"));
            }
            let end = self.b.ins().iconst(types::I32, i64::from(END_OF_TRACE));
            self.b.ins().return_(&[end]);
            return Ok(());
        };
        let mut args = Vec::with_capacity(self.carried.len());
        for (i, c) in self.carried.clone().into_iter().enumerate() {
            let next = self.value(c.next, last)?;
            let param = self.b.block_params(header)[i];
            if self.b.func.dfg.value_type(next) != self.b.func.dfg.value_type(param) {
                return Err(invalid(c.next, "carried next and param types differ"));
            }
            args.push(BlockArg::Value(next));
        }
        if self.unit.traces.len() > 1 {
            for e in &self.entry_loads {
                args.push(BlockArg::Value(e.1));
            }
        }
        let n1 = self
            .iter_next
            .ok_or(invalid(last, "loop without a count"))?;
        args.push(BlockArg::Value(n1));
        self.b.ins().jump(header, &args);
        // Sealed by `lower` once side traces have added their jumps.
        Ok(())
    }

    // -- Memory ---------------------------------------------------------------------

    /// The instance/cell layout, for instruction `r` that needs it.
    fn objects(&self, r: InsRef) -> Result<tvm_vm::classes::JitLayout, BackendError> {
        self.objects
            .ok_or(invalid(r, "the instance layout of this build is unknown"))
    }

    /// The list layout, for instruction `r` that needs it (the `tvm` binary passes
    /// negative offsets when `tvm_vm::object::list_layout` could not find them).
    fn lists(&self, r: InsRef) -> Result<RuntimeLayout, BackendError> {
        let l = self.layout;
        if l.list_items < 0 || l.list_len < 0 || l.list_traced < 0 {
            return Err(invalid(r, "the list layout of this build is unknown"));
        }
        Ok(l)
    }

    /// `SLoad`: the value the slot holds. In the unit's root, a memory load (an
    /// entry load); in a side trace, the parent's value or the root's entry load of
    /// the slot when there is one (their types agree: the side trace was recorded
    /// on the state they describe), else a memory load.
    fn sload(&mut self, r: InsRef, ins: &Ins) -> Result<Value, BackendError> {
        let off = slot_offset(ins.imm).ok_or(invalid(r, "slot out of range"))?;
        let slot = ins.imm as u32;
        let Some(env) = &self.env else {
            let v = self.load_tagged(r, ins, self.regs, off)?;
            if self.idx == 0 && self.header.is_none() {
                self.entry_loads.push((slot, v, ins.ty));
                self.entry_refs.push(r);
            }
            return Ok(v);
        };
        let known = find_slot(env, slot).or_else(|| find_slot(&self.entry_loads, slot));
        match known {
            Some((_, v, ty)) if ty == ins.ty => Ok(v),
            Some(_) => Err(invalid(r, "side trace loads a slot with another type")),
            None if self.unit.traces[0]
                .trace
                .carried
                .iter()
                .any(|c| c.slot == slot) =>
            {
                Err(invalid(
                    r,
                    "side trace loads a carried slot its parent did not name",
                ))
            }
            None => self.load_tagged(r, ins, self.regs, off),
        }
    }

    /// Loads the `Value` at `base + off` after checking its tag is `ins.ty` (exit
    /// through `ins.snap` otherwise): SLoad, GLoad, ListGet.
    fn load_tagged(
        &mut self,
        r: InsRef,
        ins: &Ins,
        base: Value,
        off: i32,
    ) -> Result<Value, BackendError> {
        let ty = clif_type(ins.ty).ok_or(invalid(r, "load of void"))?;
        let tag = self.b.ins().uload8(types::I32, trusted(), base, off);
        let wrong = self
            .b
            .ins()
            .icmp_imm_u(IntCC::NotEqual, tag, i64::from(ins.ty.0));
        self.exit_if(r, ins.snap, wrong)?;
        Ok(if has_payload(ins.ty) {
            self.b.ins().load(ty, trusted(), base, off + PAYLOAD)
        } else {
            self.b.ins().iconst(types::I64, 0)
        })
    }

    /// Stores `v` (of IR type `ty`) as a `Value` at `base + off`: the tag byte, then
    /// the payload with the type's width (nothing for None).
    fn store_value(&mut self, ty: Ty, v: Value, base: Value, off: i32) {
        // An I8 constant stored with `store` becomes one `movb $tag, off(base)`.
        let tag = self.b.ins().iconst(types::I8, i64::from(ty.0));
        self.b.ins().store(trusted(), tag, base, off);
        if has_payload(ty) {
            self.b.ins().store(trusted(), v, base, off + PAYLOAD);
        }
    }

    /// The address of item `index` of `list`, after the bounds check
    /// `0 <= index < len` (one unsigned compare) that exits through `ins.snap`.
    fn list_item(
        &mut self,
        r: InsRef,
        ins: &Ins,
        list: Value,
        index: Value,
    ) -> Result<Value, BackendError> {
        let layout = self.lists(r)?;
        let len = self
            .b
            .ins()
            .load(types::I64, trusted(), list, layout.list_len);
        // A constant index (`p[0]`): compared and added as immediates (below 2^27,
        // so that the byte offset k * 16 fits a 32-bit displacement).
        let k = self.iconst_of(index).filter(|k| (0..1 << 27).contains(k));
        let out = match k {
            Some(k) => self
                .b
                .ins()
                .icmp_imm_u(IntCC::UnsignedLessThanOrEqual, len, k),
            None => self
                .b
                .ins()
                .icmp(IntCC::UnsignedGreaterThanOrEqual, index, len),
        };
        self.exit_if(r, ins.snap, out)?;
        let items = self
            .b
            .ins()
            .load(types::I64, trusted(), list, layout.list_items);
        if let Some(k) = k {
            return Ok(self.b.ins().iadd_imm_s(items, k * 16));
        }
        let off = match self.item_offsets.iter().find(|o| o.0 == index) {
            Some(&(_, off)) => off,
            None => {
                let off = self.b.ins().ishl_imm_u(index, 4);
                self.item_offsets.push((index, off));
                off
            }
        };
        Ok(self.b.ins().iadd(items, off))
    }

    // -- Arithmetic helpers ---------------------------------------------------------

    /// Python `a // b` or `a % b` for `b > 0` (exit otherwise): truncating division,
    /// then one step down when the remainder is negative.
    fn floor_div_mod(
        &mut self,
        r: InsRef,
        ins: &Ins,
        want_mod: bool,
    ) -> Result<Value, BackendError> {
        if let Some(d) = self.kint(ins.b).filter(|&k| k > 0) {
            let a = self.value(ins.a, r)?;
            return Ok(self.div_mod_const(a, d, want_mod, false));
        }
        let (a, b) = self.args2(r, ins)?;
        let positive = self.b.ins().icmp_imm_s(IntCC::SignedGreaterThan, b, 0);
        self.exit_unless(r, ins.snap, positive)?;
        // b > 0: sdiv cannot trap (no zero, no MIN / -1).
        let q = self.b.ins().sdiv(a, b);
        let qb = self.b.ins().imul(q, b);
        let rem = self.b.ins().isub(a, qb); // in (-b, b), with the sign of a
        let borrow = self.b.ins().sshr_imm_u(rem, 63); // -1 when rem < 0, else 0
        Ok(if want_mod {
            let fix = self.b.ins().band(b, borrow);
            self.b.ins().iadd(rem, fix)
        } else {
            self.b.ins().iadd(q, borrow)
        })
    }

    /// Python's `a // d` (or `a % d` when `want_mod`) for a constant `d > 0`, without
    /// an exit; `nonneg` when `a` is known to be `>= 0` (`UDiv`/`URem`).
    fn div_mod_const(&mut self, a: Value, d: i64, want_mod: bool, nonneg: bool) -> Value {
        if d.count_ones() == 1 {
            // Two's complement: `a // 2^k` is `a >> k` and `a % 2^k` is
            // `a & (2^k - 1)`, for either sign of `a`.
            return if want_mod {
                self.b.ins().band_imm_s(a, d - 1)
            } else {
                self.b.ins().sshr_imm_u(a, i64::from(d.trailing_zeros()))
            };
        }
        let q = if nonneg {
            self.udiv_const(a, d)
        } else {
            // `s ^ ((a ^ s) / d)` with s = a >> 63 (see `divconst`).
            let s = self.b.ins().sshr_imm_u(a, 63);
            let n = self.b.ins().bxor(a, s);
            let qn = self.udiv_const(n, d);
            self.b.ins().bxor(qn, s)
        };
        if !want_mod {
            return q;
        }
        // Wrapping: q * d may leave i64 (MIN // 3), a - q * d never does.
        let qd = self.b.ins().imul_imm_s(q, d);
        self.b.ins().isub(a, qd)
    }

    /// `n / d` for `0 <= n < 2^63` and a constant `d > 0`, as a multiply (`divconst`).
    fn udiv_const(&mut self, n: Value, d: i64) -> Value {
        match divconst::udiv_by(d) {
            UDivBy::Shift(0) => n,
            UDivBy::Shift(k) => self.b.ins().ushr_imm_u(n, i64::from(k)),
            UDivBy::Magic { magic, shift } => {
                let m = self.b.ins().iconst(types::I64, magic as i64);
                let hi = self.b.ins().umulhi(n, m);
                self.b.ins().ushr_imm_u(hi, i64::from(shift))
            }
        }
    }

    /// A signed int comparison, as a 0/1 byte.
    fn int_cmp(&mut self, r: InsRef, ins: &Ins, cc: IntCC) -> Result<Value, BackendError> {
        let (a, b) = self.args2(r, ins)?;
        Ok(self.b.ins().icmp(cc, a, b))
    }

    /// A float comparison, as a 0/1 byte.
    fn float_cmp(&mut self, r: InsRef, ins: &Ins, cc: FloatCC) -> Result<Value, BackendError> {
        let (a, b) = self.args2(r, ins)?;
        Ok(self.b.ins().fcmp(cc, a, b))
    }

    /// `a is b`: values of different IR types are never identical; otherwise the
    /// payloads are compared (pointers, bool bytes, None's zero, float bits).
    fn ref_eq(&mut self, r: InsRef, ins: &Ins) -> Result<Value, BackendError> {
        let (a, b) = self.args2(r, ins)?;
        if self.trace.get(ins.a).ty != self.trace.get(ins.b).ty {
            return Ok(self.b.ins().iconst(types::I8, 0));
        }
        let (a, b) = if self.b.func.dfg.value_type(a) == types::F64 {
            let a = self.b.ins().bitcast(types::I64, MemFlagsData::new(), a);
            let b = self.b.ins().bitcast(types::I64, MemFlagsData::new(), b);
            (a, b)
        } else {
            (a, b)
        };
        Ok(self.b.ins().icmp(IntCC::Equal, a, b))
    }
}
