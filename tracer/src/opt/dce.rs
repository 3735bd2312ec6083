//! DCE: dead-code elimination — drops instructions whose value nobody uses and
//! renumbers the rest densely.
//!
//! Why a separate pass rather than at emit time: whether a value is used is only known
//! once the trace is complete (a snapshot or a carried slot taken late in the body may
//! be its only use), and folding leaves constants and operands behind that lost their
//! last use. A value is used by another live instruction's operands, by a snapshot
//! entry (an exit must write it back), or by `Trace::carried` (the next iteration
//! needs it). Guards, stores and calls stay whether or not their value is used: they
//! have effects. So do `Loop` and `LoopParam`, which give the trace its shape.
//!
//! One backward sweep marks liveness (operands always come before their users), then
//! `Trace::reorder` keeps the live instructions and renumbers them.
//! Snapshots keep their ids: exits are numbered by them.

use crate::ir::{flags, InsRef, Opcode, Trace};
use cranelift_entity::{EntityRef, SecondaryMap};

/// Whether an unused `op` may be removed: pure ops and plain loads, never anything
/// with an effect (guard, store, call) or the loop structure.
fn removable(op: Opcode) -> bool {
    let f = op.flags();
    f & (flags::GUARD | flags::STORE | flags::CALL) == 0 && f & (flags::PURE | flags::LOAD) != 0
}

/// Removes dead instructions from `t` and renumbers the rest.
pub fn run(t: &mut Trace) {
    let n = t.ins.len();
    let mut live: SecondaryMap<InsRef, bool> = SecondaryMap::with_capacity(n);
    for snap in &t.snaps {
        for &(_, v) in &snap.entries {
            live[v] = true;
        }
    }
    for c in &t.carried {
        for v in [c.param, c.init, c.next] {
            live[v] = true;
        }
    }
    for i in (0..n).rev() {
        let r = InsRef::new(i);
        let ins = &t.ins[i];
        if !removable(ins.op) {
            live[r] = true;
        }
        if live[r] {
            for a in ins.args() {
                live[a] = true;
            }
        }
    }

    let order: Vec<usize> = (0..n).filter(|&i| live[InsRef::new(i)]).collect();
    t.reorder(&order);
}
