//! LICM: loop-invariant code motion — moves body instructions whose operands are
//! all loop-invariant into the preamble, overflow checks and other guards included
//! (LuaJIT `lj_opt_loop.c` gets the same effect by copying the whole iteration into
//! a preamble and CSE-ing the loop body against it).
//!
//! Why: in `for j ...: while k < n: if (i + j + k) % 3 == 0` the sum `i + j` and its
//! overflow check run on every iteration of the inner loop although neither `i` nor
//! `j` changes in it. Cranelift hoists pure instructions out of loops by itself, but
//! not a guard (a branch to an exit), and not anything computed from a value that is
//! a loop header parameter — which every entry load is once side traces are compiled
//! into the loop's function (`backend/src/lower.rs`).
//!
//! What is invariant: a value defined in the preamble (entry loads, constants), or an
//! instruction of the body that is hoistable and whose operands are all invariant.
//! Hoistable: pure instructions (no effect, never trap), and the guards whose outcome
//! depends on nothing but their operands — checked arithmetic (`AddOv`, `SubOv`,
//! `MulOv`, `NegOv`, `ShlOv`, `Shr`, `FloorDiv`, `Mod`, `FDiv`, `FSqrt`) and
//! `GuardTrue`/`GuardFalse` of an invariant bool. Never loads, stores, calls or
//! guards that read memory (a list's length, a shape, a class version): the body
//! may change what they read.
//!
//! Hoisted instructions keep their order and go at the end of the preamble, just
//! before `Loop`. A hoisted guard leaves through the entry snapshot — the one the
//! preamble's entry loads use, which names no slot: nothing has happened yet, and the
//! interpreter resumes at the loop header and runs the iteration itself (where `i + j`
//! overflows into a big int). That exit is taken before the first iteration rather
//! than in the middle of it; since the operands are the same in every iteration, an
//! iteration that would have failed the check in the body fails it at entry instead,
//! and no iteration that passes it is lost. Without an entry snapshot (a preamble
//! with no guard) only pure instructions move.
//!
//! Snapshots keep their ids; `Trace::reorder` renumbers the instructions.

use crate::ir::{flags, InsRef, Opcode, SnapId, Trace};
use cranelift_entity::{EntityRef, SecondaryMap};

/// Whether `op` may move to the preamble when its operands are invariant: a pure
/// instruction, or a guard whose outcome depends only on its operands (which needs
/// an entry snapshot to leave through).
pub fn hoistable(op: Opcode, entry_snap: bool) -> bool {
    use Opcode::*;
    match op {
        // Pure, but they give the trace its shape.
        Loop | LoopParam => false,
        AddOv | SubOv | MulOv | NegOv | ShlOv | Shr | FloorDiv | Mod | FDiv | FSqrt | GuardTrue
        | GuardFalse => entry_snap,
        _ => op.flags() & flags::PURE != 0,
    }
}

/// The snapshot a hoisted guard leaves through: the first preamble guard's, if it
/// names no slot (the entry state, memory as the interpreter left it).
fn entry_snapshot(t: &Trace, loop_at: usize) -> Option<SnapId> {
    let s = t.ins[..loop_at].iter().find_map(|i| i.snap)?;
    t.snaps
        .get(s.index())
        .filter(|snap| snap.entries.is_empty())
        .map(|_| s)
}

/// Hoists loop-invariant instructions of `t` into its preamble.
pub fn run(t: &mut Trace) {
    let Some(loop_at) = t.loop_index() else {
        return;
    };
    let entry = entry_snapshot(t, loop_at);
    let n = t.ins.len();
    let mut invariant: SecondaryMap<InsRef, bool> = SecondaryMap::with_capacity(n);
    for i in 0..loop_at {
        invariant[InsRef::new(i)] = true;
    }
    // Constants are invariant wherever they are, but move only with a user.
    let mut hoisted = vec![];
    for i in loop_at + 1..n {
        let ins = &t.ins[i];
        if hoistable(ins.op, entry.is_some()) && ins.args().all(|a| invariant[a]) {
            invariant[InsRef::new(i)] = true;
            if ins.op.operands().values > 0 {
                hoisted.push(i);
            }
        }
    }
    if hoisted.is_empty() {
        return;
    }
    let mut moved: SecondaryMap<InsRef, bool> = SecondaryMap::with_capacity(n);
    for &i in &hoisted {
        moved[InsRef::new(i)] = true;
        for a in t.ins[i].args() {
            moved[a] = true;
        }
    }
    let hoisted: Vec<usize> = (loop_at + 1..n)
        .filter(|&i| moved[InsRef::new(i)])
        .collect();
    // New order: the preamble, the hoisted instructions, `Loop` and the rest.
    let order: Vec<usize> = (0..loop_at)
        .chain(hoisted.iter().copied())
        .chain((loop_at..n).filter(|&i| i == loop_at || !moved[InsRef::new(i)]))
        .collect();
    debug_assert_eq!(order.len(), n);
    let map = t.reorder(&order);
    for &old in &hoisted {
        let x = &mut t.ins[map[InsRef::new(old)].index()];
        if x.op.flags() & flags::GUARD != 0 {
            x.snap = entry;
        }
    }
}
