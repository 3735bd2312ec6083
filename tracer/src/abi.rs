//! ABI: how compiled traces are called and what they may assume about memory.
//!
//! A compiled trace is a native function
//!
//! ```text
//! extern "C" fn(regs: *mut u8, ctx: *const TraceCtx) -> u32
//! ```
//!
//! - `regs` points at the root frame's first register in the interpreter's value
//!   stack. Slot `s` is the 16-byte `Value` at `regs + 16*s`: its tag byte at offset 0,
//!   its payload at offset 8 (an i64, an f64's bits, a 0/1 byte for bools, or an
//!   object pointer; nothing for None).
//! - The trace never writes a slot inside the loop. When it leaves through a guard it
//!   first writes back every `(slot, value)` of that guard's snapshot (tag byte, then
//!   payload), then returns the snapshot's index. The runtime rebuilds inlined frames
//!   from the snapshot and resumes the interpreter there.
//! - At the top of every iteration it loads the byte at `ctx.gc_flag`; if it is not 0 it
//!   leaves through `Trace::header_snap` (GC safepoint, later also Ctrl-C). Then it
//!   counts the iteration; the u64 at `ctx.iterations` has the count added whenever
//!   the loop is left (by an exit, or by a side trace going back through the
//!   preamble), not on every iteration.
//! - List objects are reached through `RuntimeLayout`: an object pointer points at the
//!   GC box; the list's items pointer and length are words at fixed offsets in it.
//!
//! Exits are redirected without patching code (Cranelift cannot patch live code):
//! every compiled trace has an **exit table**, two words per snapshot, that the
//! runtime fills when it attaches a side trace to that exit: the side trace's entry
//! and a count of calls left. An exit stub, after writing back its snapshot, stores
//! its trace's id at `*ctx.exit_trace` and loads its table entry: zero means return
//! the snapshot index to the runtime; otherwise it decrements the count and, unless
//! that reached zero (then it returns the index, and the runtime compiles the side
//! trace into the parent's function: "Trace trees" below), calls that side trace
//! (same signature, same `regs`). A side trace that reaches the
//! root loop's header has written back every slot it changed and returns
//! `END_OF_SIDE_TRACE`: the root then re-enters its own preamble (reloading the slots)
//! and loops on; a side trace's stub passes it up. Any other result is the exit of
//! whichever trace stored its id last, returned as is.
//!
//! **Trace trees.** A side trace that has been called `sideinline` times (or, with
//! `sidedirect`, one whose exit was hot before it was recorded, right away) is not
//! called through the table any more: its parent's function is compiled again with
//! the side trace inside it (a `Unit`: one function, a root trace and the side traces
//! compiled into it). The inlined side trace starts where its parent's guard fails,
//! with the parent's values still in machine registers (its entry loads of slots
//! the parent's snapshot names are those values, not memory loads), and when it gets
//! back to the loop header it jumps straight to the root's loop block with the
//! carried values as block arguments, as long as it left the slots the preamble
//! loaded alone (otherwise it writes everything back and jumps to the preamble).
//! Its exits work like any exit: they write back the parent's snapshot and then their
//! own, store the side trace's id and return the snapshot index. The runtime swaps
//! the loop's entry (or the exit-table word of a side-trace unit) for the new
//! function; the old code is never run again but stays mapped.

/// Per-call context passed to a compiled trace.
#[repr(C)]
#[derive(Debug)]
pub struct TraceCtx {
    /// Address of the heap's `gc_requested` flag (a bool byte).
    pub gc_flag: *const u8,
    /// Address of a u64 that counts loop iterations (for `--jit-stats`: the share
    /// of iterations that ran compiled; for `sideratio`): up to date whenever
    /// the trace has returned.
    pub iterations: *mut u64,
    /// Where an exit stub stores the id of the trace leaving (its snapshot index is
    /// the return value): a side trace may be the one that exits.
    pub exit_trace: *mut u32,
}

/// What a side trace returns when it reaches the root loop's header, and what a
/// straight-line trace returns when it runs to its end.
pub const END_OF_SIDE_TRACE: u32 = u32::MAX;

/// How a trace's exits are linked (see the module doc).
#[derive(Clone, Copy, Debug)]
pub struct ExitLinks {
    /// The trace's id, stored at `*ctx.exit_trace` by its exit stubs.
    pub trace_id: u32,
    /// Its exit table (two `usize`s per snapshot: a `TraceFn` or 0, and the calls
    /// left); null for none.
    pub table: *const usize,
    /// A side trace: on `END_OF_SIDE_TRACE` from a child, return it (a root jumps
    /// back to its preamble instead).
    pub side: bool,
}

impl ExitLinks {
    /// No exit table: every exit returns to the runtime.
    pub const NONE: ExitLinks = ExitLinks {
        trace_id: 0,
        table: std::ptr::null(),
        side: false,
    };
}

/// One trace of a `Unit`.
#[derive(Clone, Copy, Debug)]
pub struct UnitTrace<'a> {
    /// The trace.
    pub trace: &'a crate::ir::Trace,
    /// Its id and exit table (exits with a side trace attached through the table).
    pub links: ExitLinks,
    /// For a side trace compiled into the unit: the position in `Unit::traces` of the
    /// trace it is attached to, and that trace's exit (snapshot index). `None` for
    /// the unit's root.
    pub parent: Option<(usize, usize)>,
}

/// What one compiled function contains: `traces[0]`, the unit's root (a loop trace,
/// or a side trace called through an exit table), and the side traces compiled
/// into it, each after its parent (see "Trace trees" above).
#[derive(Clone, Debug, Default)]
pub struct Unit<'a> {
    /// Root first; every other trace's parent comes before it.
    pub traces: Vec<UnitTrace<'a>>,
}

impl<'a> Unit<'a> {
    /// A unit of one trace.
    pub fn single(trace: &'a crate::ir::Trace, links: ExitLinks) -> Unit<'a> {
        Unit {
            traces: vec![UnitTrace {
                trace,
                links,
                parent: None,
            }],
        }
    }
}

/// Words per snapshot in an exit table (see the module docs): the side trace's
/// entry (a `TraceFn`, or 0) at `exit_entry(i)`, then the calls left before it is
/// compiled into its parent's function at `exit_calls(i)`.
pub const EXIT_WORDS: usize = 2;
/// Index in an exit table of snapshot `exit`'s side-trace entry word.
pub const fn exit_entry(exit: usize) -> usize {
    EXIT_WORDS * exit
}
/// Index in an exit table of snapshot `exit`'s calls-left word.
pub const fn exit_calls(exit: usize) -> usize {
    EXIT_WORDS * exit + 1
}
/// Byte offset of the calls-left word from the entry word.
pub const EXIT_CALLS_OFFSET: i32 = std::mem::size_of::<usize>() as i32;

/// Offsets (in bytes, from an object pointer) that compiled code needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RuntimeLayout {
    /// Offset of a list's items pointer (`*mut Value`).
    pub list_items: i32,
    /// Offset of a list's length (usize).
    pub list_len: i32,
    /// Offset of a list's count of items its last collection traced (usize;
    /// `ListObj::traced`): a store at index i lowers it to at most i.
    pub list_traced: i32,
}

/// The signature of a compiled trace.
pub type TraceFn = unsafe extern "C" fn(regs: *mut u8, ctx: *const TraceCtx) -> u32;

/// Size of one interpreter slot (`Value`).
pub const SLOT_SIZE: i32 = 16;
/// Offset of the payload within a slot.
pub const PAYLOAD: i32 = 8;
