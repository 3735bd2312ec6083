//! Snapshot: the interpreter state a side exit restores, and how it is restored.
//!
//! A guard's snapshot (`ir::Snapshot`) says what the interpreter would see if it had
//! executed the trace up to that guard:
//!
//! - `frames`: the frames from the trace's root frame to the innermost inlined one.
//!   Each has its code (address of a `Code`, alive as long as the module), the pc it
//!   resumes at (the innermost: the guarded instruction itself, which the interpreter
//!   re-executes; outer frames: the instruction after their call), its first register
//!   (`base`, as a slot relative to the root frame) and the slot that receives its
//!   return value (`ret`).
//! - `entries`: `(slot, value)` for every slot whose current value is not what memory
//!   holds — slots written by the trace so far, loop-carried slots (memory holds their
//!   loop-entry value), and the initial Undef/None registers of inlined frames. Sorted
//!   by slot. Values are IR refs; their IR type is the runtime tag, so "boxing" is
//!   storing the tag byte and the payload word.
//!
//! Restoring is split: compiled code writes the entries (it has the values in machine
//! registers), then returns the snapshot index; `restore` (here) rebuilds the frames.
//! No virtual objects exist yet (the optimizer issue adds allocation sinking), so no
//! object is materialized on exit.
//!
//! A snapshot is taken before the guarded instruction's effects, so resuming at the
//! instruction re-executes it with full interpreter semantics (e.g. an int overflow
//! then promotes to a big int).

use crate::ir::Snapshot;
use std::rc::Rc;
use tvm_vm::bytecode::Code;
use tvm_vm::value::Value;
use tvm_vm::Vm;

/// The payload word of a value (its pointer for heap objects), for `KRef`/`GuardRef`.
pub fn payload_bits(v: &Value) -> i64 {
    match v {
        Value::Int(i) => *i,
        Value::Float(f) => f.to_bits() as i64,
        Value::Bool(b) => *b as i64,
        Value::None | Value::Undef => 0,
        other => crate::snapshot::addr(other) as i64,
    }
}

fn addr(v: &Value) -> usize {
    tvm_vm::value::addr_of(v)
}

/// Rebuilds the interpreter frames of `snap` after compiled code wrote its entries:
/// sets the root frame's pc and pushes one frame per inlined call.
pub fn restore(vm: &mut Vm, root_base: usize, snap: &Snapshot) {
    let mut frames = snap.frames.iter();
    if let Some(root) = frames.next() {
        vm.frames.last_mut().expect("root frame").pc = root.pc as usize;
    }
    for f in frames {
        // SAFETY: `f.code` came from `Rc::as_ptr` of a code object that is still alive
        // (held by its parent's `children`); we take a new strong reference to it.
        let code: Rc<Code> = unsafe {
            Rc::increment_strong_count(f.code as *const Code);
            Rc::from_raw(f.code as *const Code)
        };
        vm.push_jit_frame(
            code,
            f.pc as usize,
            root_base + f.base as usize,
            root_base + f.ret as usize,
        );
    }
}
