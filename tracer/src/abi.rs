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
//!   adds 1 to the u64 at `ctx.iterations`.
//! - List objects are reached through `RuntimeLayout`: an object pointer points at the
//!   GC box; the list's items pointer and length are words at fixed offsets in it.
//!
//! Exits are redirected without patching code (Cranelift cannot patch live code):
//! every compiled trace has an **exit table**, one word per snapshot, that the
//! runtime fills when it attaches a side trace to that exit. An exit stub, after
//! writing back its snapshot, stores its trace's id at `*ctx.exit_trace` and loads
//! its table entry: zero means return the snapshot index to the runtime; otherwise it
//! calls that side trace (same signature, same `regs`). A side trace that reaches the
//! root loop's header has written back every slot it changed and returns
//! `END_OF_SIDE_TRACE`: the root then re-enters its own preamble (reloading the slots)
//! and loops on; a side trace's stub passes it up. Any other result is the exit of
//! whichever trace stored its id last, returned as is.

/// Per-call context passed to a compiled trace.
#[repr(C)]
#[derive(Debug)]
pub struct TraceCtx {
    /// Address of the heap's `gc_requested` flag (a bool byte).
    pub gc_flag: *const u8,
    /// Address of a u64 the trace increments once per loop iteration (for
    /// `--jit-stats`: the share of iterations that ran compiled).
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
    /// Its exit table (one `usize` per snapshot: a `TraceFn` or 0); null for none.
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

/// Offsets (in bytes, from an object pointer) that compiled code needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RuntimeLayout {
    /// Offset of a list's items pointer (`*mut Value`).
    pub list_items: i32,
    /// Offset of a list's length (usize).
    pub list_len: i32,
}

/// The signature of a compiled trace.
pub type TraceFn = unsafe extern "C" fn(regs: *mut u8, ctx: *const TraceCtx) -> u32;

/// Size of one interpreter slot (`Value`).
pub const SLOT_SIZE: i32 = 16;
/// Offset of the payload within a slot.
pub const PAYLOAD: i32 = 8;
