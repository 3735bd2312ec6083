//! Jit: the narrow interface between the interpreter and a tracing JIT.
//!
//! The VM does not know how traces are recorded or compiled. It owns an optional
//! `Box<dyn JitHooks>` and calls it at three points:
//!
//! - `loop_event`: a loop's back-edge counter reached `LoopState::next_event` (the
//!   threshold the JIT set), at the loop header. The JIT answers whether to start
//!   recording.
//! - `record`: while recording, before every instruction. The JIT reads the frame's
//!   registers through `&Vm` and answers whether to go on recording.
//! - `run_trace`: a loop header whose `LoopState::trace` is set was reached; the JIT
//!   runs the compiled trace on the innermost frame's registers and says where the
//!   interpreter resumes (it may push frames of inlined calls first).
//!
//! Counting is exact (one counter per loop, in `Code::loops`), so the same program
//! always records the same traces at the same moments.

use crate::bytecode::{Code, LoopId};
use crate::interp::Vm;
use std::rc::Rc;

/// What the interpreter does after a loop event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoopAction {
    /// Go on interpreting.
    Continue,
    /// Record the next iteration (starting at the loop header).
    Record,
}

/// Where execution resumes after a compiled trace returns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Resume {
    /// Instruction index to resume at in the (possibly new) innermost frame.
    pub pc: usize,
    /// Start recording there (a side trace of the exit just taken).
    pub record: bool,
}

/// The JIT, as the interpreter sees it.
pub trait JitHooks {
    /// A loop's counter reached its `next_event` at the loop header `pc`.
    fn loop_event(&mut self, vm: &mut Vm, code: &Rc<Code>, lp: LoopId, pc: usize) -> LoopAction;
    /// Called before each instruction while recording (`pc` is the instruction's
    /// index in the innermost frame). Returns false to stop recording (the trace was
    /// completed or aborted).
    fn record(&mut self, vm: &mut Vm, pc: usize) -> bool;
    /// Recording ended abnormally (an exception unwound the recorded frames).
    fn abort_recording(&mut self, vm: &mut Vm, why: &str);
    /// Runs trace `trace` (a `LoopState::trace` value) on the innermost frame, whose
    /// pc is the loop header. Rebuilds inlined frames on exit; returns the pc to
    /// resume at in the innermost frame afterwards, or `usize::MAX` if the trace was
    /// not entered (the interpreter then runs the header instruction itself).
    fn run_trace(&mut self, vm: &mut Vm, trace: u32) -> Resume;
    /// The run is over: print statistics, flush logs.
    fn finish(&mut self, vm: &mut Vm);
}
