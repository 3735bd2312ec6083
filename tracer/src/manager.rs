//! Manager: the trace lifecycle — one state machine stepped from the interpreter.
//!
//! ```text
//!   Idle ──loop hot──▶ Recording ──back at header──▶ Optimizing ──▶ Assembling ──▶ Idle
//!                         │                              │               │
//!                         └──────────── abort ───────────┴───────────────┘
//!                                        │
//!                           penalty (doubling) or blacklist
//! ```
//!
//! `JitHooks` (tvm-vm's interface) drives it: `loop_event` when a loop's exact
//! back-edge counter reaches the threshold the manager set for it, `record` before
//! each instruction while recording, `run_trace` when a loop with a trace is reached.
//! An abort is a normal outcome: it is counted, logged, and the loop waits
//! `penalty << (aborts - 1)` more back-edges before it is tried again; after
//! `maxabort` aborts it is blacklisted (never reported again) and the log says so.
//! A compiled trace whose entry guards keep failing (the loop's types changed for
//! good) is unlinked so the loop can be recorded again.
//!
//! Compilation is injected (`Compiler`), so this crate does not depend on the
//! backend; the `tvm` binary wires Cranelift in.
//!
//! Internal instrumentation uses the `tracing` crate (target `tvm::jit`): every
//! lifecycle transition is an event and compiling is a span, for whatever subscriber
//! an embedder installs. The trace log (`log.rs`) is the product feature.

use crate::abi::{
    exit_calls, exit_entry, ExitLinks, TraceCtx, TraceFn, Unit, UnitTrace, EXIT_WORDS,
};
use crate::abort::AbortReason;
use crate::ir::Trace;
use crate::log::{Event, Log};
use crate::params::Params;
use crate::recorder::{Recorder, Step};
use crate::snapshot;
use cranelift_entity::EntityRef;
use std::collections::HashMap;
use std::rc::Rc;
use std::time::{Duration, Instant};
use tvm_vm::bytecode::{Code, LoopId};
use tvm_vm::jit::{JitHooks, LoopAction, Resume};
use tvm_vm::value::Value;
use tvm_vm::Vm;

/// Machine code for a trace, as the backend returns it.
pub struct CompiledCode {
    /// The entry point.
    pub entry: TraceFn,
    /// Size of the machine code in bytes.
    pub code_size: usize,
}

/// Compiles a unit — an optimized trace and the side traces compiled into it, each
/// with its exits linked as its `ExitLinks` say (see `abi.rs`) — to one function
/// (injected by the `tvm` binary). The name labels errors and disassembly.
pub type Compiler = Box<dyn FnMut(&Unit<'_>, &str) -> Result<CompiledCode, String>>;

/// Where the trace manager is in a trace's lifecycle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    /// Interpreting; counting back-edges.
    Idle,
    /// Recording one iteration of a hot loop.
    Recording,
    /// Running the optimizer passes.
    Optimizing,
    /// Generating machine code.
    Assembling,
}

/// A compiled trace and its counters.
pub struct TraceRecord {
    /// The trace (after optimization).
    pub trace: Trace,
    /// Its machine code entry.
    pub entry: TraceFn,
    /// Loop it belongs to.
    pub code: Rc<Code>,
    /// Loop id within `code`.
    pub lp: LoopId,
    /// Header pc.
    pub header_pc: usize,
    /// Deepest inlined call.
    pub max_depth: usize,
    /// Times entered.
    pub entered: u64,
    /// Exits taken, per snapshot.
    pub exits: Vec<u64>,
    /// Machine code size.
    pub code_size: usize,
    /// Whether it is still linked to its loop.
    pub linked: bool,
    /// Two words per snapshot: the entry of the side trace attached to that exit
    /// (or 0), and the calls left before it is compiled into this trace's unit (see
    /// `Manager::promote`). The compiled exit stubs read and count them (`abi.rs`);
    /// it must not move (boxed).
    pub exit_table: Box<[usize]>,
    /// Per snapshot: whether a side trace was tried there already.
    pub side_tried: Vec<bool>,
    /// For a side trace: (parent trace index, exit) it is attached to.
    pub side_of: Option<(usize, usize)>,
    /// The trace whose function this one's code is in: its own index, or for a side
    /// trace compiled into its parent's unit, that unit's root (`abi.rs`, "Trace
    /// trees").
    pub unit: usize,
    /// For a side trace called through its parent's exit table:
    /// `Stats::compiled_iterations` when its call count was (re)armed.
    pub armed_at: u64,
    /// `Stats::compiled_iterations` when it was compiled: with `exits`, how often
    /// each exit is taken per loop iteration.
    pub born: u64,
}

impl TraceRecord {
    /// The record of a trace just recorded from loop `lp` of `code` by `rec`,
    /// compiled to `entry` (`code_size` bytes) in the function of unit `unit`; `now`
    /// is `Stats::compiled_iterations`.
    #[allow(clippy::too_many_arguments)]
    fn new(
        trace: Trace,
        rec: &Recorder,
        code: Rc<Code>,
        lp: LoopId,
        exit_table: Box<[usize]>,
        side_of: Option<(usize, usize)>,
        (entry, code_size): (TraceFn, usize),
        unit: usize,
        now: u64,
    ) -> TraceRecord {
        TraceRecord {
            exits: vec![0; trace.snaps.len()],
            side_tried: vec![false; trace.snaps.len()],
            trace,
            entry,
            code,
            lp,
            header_pc: rec.header_pc,
            max_depth: rec.max_depth,
            entered: 0,
            code_size,
            linked: true,
            exit_table,
            side_of,
            unit,
            armed_at: now,
            born: now,
        }
    }

    /// How trace `index` (this record) links its exits.
    fn links(&self, index: usize) -> ExitLinks {
        ExitLinks {
            trace_id: index as u32 + 1,
            table: self.exit_table.as_ptr(),
            side: self.side_of.is_some(),
        }
    }
}

/// The unit rooted at trace `root`: the root, then every trace compiled into it in
/// index order (a parent before its side traces). `None` if a member's parent is
/// not in the unit.
fn unit_of(traces: &[TraceRecord], root: usize) -> Option<Unit<'_>> {
    let mut members = vec![root];
    let mut unit = Unit::single(&traces[root].trace, traces[root].links(root));
    for (i, t) in traces.iter().enumerate().skip(root + 1) {
        if t.unit != root {
            continue;
        }
        let (p, exit) = t.side_of?;
        let pos = members.iter().position(|&m| m == p)?;
        unit.traces.push(UnitTrace {
            trace: &t.trace,
            links: t.links(i),
            parent: Some((pos, exit)),
        });
        members.push(i);
    }
    Some(unit)
}

/// Counters for `--jit-stats`.
#[derive(Default, Debug, Clone)]
pub struct Stats {
    /// Traces compiled.
    pub compiled: u64,
    /// Recordings aborted.
    pub aborted: u64,
    /// Loops blacklisted.
    pub blacklisted: u64,
    /// Trace entries.
    pub entries: u64,
    /// Side exits taken.
    pub exits: u64,
    /// Traces unlinked because their entry kept failing.
    pub unlinked: u64,
    /// Side traces compiled (included in `compiled`).
    pub side_traces: u64,
    /// Side traces compiled into their parent's function after `sideinline` calls.
    pub inlined: u64,
    /// Loop iterations run in compiled code.
    pub compiled_iterations: u64,
    /// Loop iterations run by the interpreter (back-edges counted at exit).
    pub interpreted_iterations: u64,
    /// Time spent recording.
    pub record_time: Duration,
    /// Time spent optimizing and compiling.
    pub compile_time: Duration,
    /// Aborts by reason code.
    pub abort_reasons: Vec<(String, u64)>,
}

/// The trace manager: implements the interpreter's `JitHooks`.
pub struct Manager {
    /// Parameters (`--jit k=v`).
    pub params: Params,
    compiler: Compiler,
    /// Compiled traces; a loop's `LoopState::trace` is an index here + 1.
    pub traces: Vec<TraceRecord>,
    state: State,
    recorder: Option<Recorder>,
    rec_loop: Option<(Rc<Code>, LoopId)>,
    /// Header pc of the loop being recorded (kept for aborts after recording ends).
    rec_header: Option<usize>,
    rec_start: Option<Instant>,
    aborts: HashMap<(usize, u16), u32>,
    /// While recording a side trace: (parent trace index, exit).
    rec_side: Option<(usize, usize)>,
    /// Statistics.
    pub stats: Stats,
    /// The trace log, if enabled.
    pub log: Option<Log>,
    /// Print statistics at exit.
    pub print_stats: bool,
}

impl Manager {
    /// A manager with these parameters and compiler.
    pub fn new(params: Params, compiler: Compiler) -> Manager {
        Manager {
            params,
            compiler,
            traces: vec![],
            state: State::Idle,
            recorder: None,
            rec_loop: None,
            rec_header: None,
            rec_start: None,
            aborts: HashMap::new(),
            rec_side: None,
            stats: Stats::default(),
            log: None,
            print_stats: false,
        }
    }

    /// The current lifecycle state.
    pub fn state(&self) -> State {
        self.state
    }

    fn event(&mut self, e: Event) {
        if let Some(log) = &mut self.log {
            log.event(e);
        }
    }

    /// Counts an aborted recording (of a loop or a side trace) by reason and logs it
    /// at `pc` of `code`; the source line.
    fn note_abort(&mut self, vm: &Vm, code: &Code, pc: usize, reason: &AbortReason) -> u32 {
        self.stats.aborted += 1;
        let code_str = reason.code().to_string();
        match self
            .stats
            .abort_reasons
            .iter_mut()
            .find(|(c, _)| *c == code_str)
        {
            Some((_, n)) => *n += 1,
            None => self.stats.abort_reasons.push((code_str, 1)),
        }
        let (line, at) = where_(vm, code, pc);
        self.event(Event::Abort {
            file: code.filename.to_string(),
            line,
            func: code.name.clone(),
            pc: at,
            reason: reason.to_string(),
            code: reason.code().to_string(),
        });
        line
    }

    fn abort(&mut self, vm: &mut Vm, reason: AbortReason) {
        let rec = self.recorder.take();
        self.state = State::Idle;
        if let Some(t0) = self.rec_start.take() {
            self.stats.record_time += t0.elapsed();
        }
        let Some((code, lp)) = self.rec_loop.take() else {
            return;
        };
        if let Some((parent, exit)) = self.rec_side.take() {
            // A side trace that cannot be recorded: the exit stays as it is (it was
            // tried once); the loop is not penalized.
            let pc = rec.as_ref().and_then(|r| r.side_start).unwrap_or(0);
            tracing::debug!(target: "tvm::jit", parent = parent + 1, exit, reason = %reason, "side trace aborted");
            self.note_abort(vm, &code, pc, &reason);
            return;
        }
        tracing::debug!(target: "tvm::jit", reason = %reason, func = %code.name, loop_id = lp.0, "trace aborted");
        let key = (Rc::as_ptr(&code) as usize, lp.0);
        let n = {
            let c = self.aborts.entry(key).or_insert(0);
            *c += 1;
            *c
        };
        let l = &code.loops[lp.i()];
        let header = rec
            .as_ref()
            .map(|r| r.header_pc)
            .or(self.rec_header)
            .unwrap_or(0);
        let line = self.note_abort(vm, &code, header, &reason);
        if n >= self.params.maxabort {
            tracing::debug!(target: "tvm::jit", func = %code.name, loop_id = lp.0, aborts = n, "loop blacklisted");
            l.next_event.set(u32::MAX);
            self.stats.blacklisted += 1;
            self.event(Event::Blacklist {
                file: code.filename.to_string(),
                line,
                func: code.name.clone(),
                aborts: n,
            });
        } else {
            let wait = self.params.penalty.saturating_mul(1u32 << (n - 1).min(16));
            l.next_event.set(l.count.get().saturating_add(wait.max(1)));
        }
    }

    fn complete(&mut self, vm: &mut Vm) {
        let Some(rec) = self.recorder.take() else {
            return;
        };
        let Some((code, lp)) = self.rec_loop.clone() else {
            return;
        };
        if let Some(t0) = self.rec_start.take() {
            self.stats.record_time += t0.elapsed();
        }
        let t0 = Instant::now();
        let _span =
            tracing::debug_span!(target: "tvm::jit", "compile", func = %code.name, loop_id = lp.0)
                .entered();
        self.state = State::Optimizing;
        let (mut trace, rec) = match rec.finish() {
            Ok(x) => x,
            Err(reason) => {
                self.rec_loop = Some((code, lp));
                return self.abort(vm, reason);
            }
        };
        let recorded = trace.clone();
        if std::env::var_os("TVM_JIT_DEBUG").is_some() {
            eprintln!("{}", trace.to_text());
        }
        if let Err(e) = crate::opt::run(&mut trace, &crate::opt::PassSet::all()) {
            self.rec_loop = Some((code, lp));
            return self.abort(vm, AbortReason::Internal(format!("verifier: {e}")));
        }
        self.state = State::Assembling;
        let id = self.traces.len();
        let side_of = self.rec_side.take();
        let exit_table: Box<[usize]> =
            vec![0usize; EXIT_WORDS * trace.snaps.len()].into_boxed_slice();
        // A side trace of an exit taken at least once per `sideratio` loop iterations
        // is compiled straight into its parent's function (see `promote`): compiling
        // it on its own first would only be thrown away after `sideinline` calls.
        if let Some((parent, exit)) = side_of {
            let p = &self.traces[parent];
            let since = self.stats.compiled_iterations.saturating_sub(p.born);
            let taken = p.exits.get(exit).copied().unwrap_or(0);
            if self.params.sidedirect != 0
                && self.params.sideinline != 0
                && taken.saturating_mul(u64::from(self.params.sideratio)) >= since
            {
                let u = p.unit;
                // Its entry is never called (the exit-table word stays 0): until the
                // unit compiles, it is the unit's.
                let unit_fn = (self.traces[u].entry, 0);
                let now = self.stats.compiled_iterations;
                self.traces.push(TraceRecord::new(
                    trace,
                    &rec,
                    code.clone(),
                    lp,
                    exit_table,
                    side_of,
                    unit_fn,
                    u,
                    now,
                ));
                match self.compile_unit(u) {
                    Ok(c) => {
                        self.stats.compile_time += t0.elapsed();
                        vm.jit_roots.extend(rec.roots.iter().copied());
                        self.traces[id].entry = c.entry;
                        self.traces[id].code_size = c.code_size;
                        self.log_trace(vm, id, &code, &rec, &recorded, t0);
                        self.install_unit(u, &c);
                        tracing::debug!(target: "tvm::jit", side = id + 1, unit = u + 1, code_size = c.code_size, "side trace inlined");
                        self.stats.compiled += 1;
                        self.stats.side_traces += 1;
                        self.stats.inlined += 1;
                        self.event(Event::Inline {
                            id: id + 1,
                            into: u + 1,
                            calls: 0,
                            compile_time: t0.elapsed(),
                            code_size: c.code_size,
                        });
                        self.rec_loop = None;
                        self.state = State::Idle;
                        return;
                    }
                    Err(msg) => {
                        // Compile it on its own instead, as a colder one would be.
                        tracing::debug!(target: "tvm::jit", side = id + 1, unit = u + 1, %msg, "side trace not inlined");
                        let r = self.traces.pop().expect("pushed above");
                        return self.compile_alone(
                            vm,
                            code,
                            lp,
                            rec,
                            r.trace,
                            recorded,
                            r.exit_table,
                            side_of,
                            t0,
                        );
                    }
                }
            }
        }
        self.compile_alone(vm, code, lp, rec, trace, recorded, exit_table, side_of, t0)
    }

    /// The end of `complete` for a trace with a function of its own: compile it,
    /// log it, and link it to its loop or attach it to its parent's exit.
    #[allow(clippy::too_many_arguments)]
    fn compile_alone(
        &mut self,
        vm: &mut Vm,
        code: Rc<Code>,
        lp: LoopId,
        rec: Recorder,
        trace: Trace,
        recorded: Trace,
        exit_table: Box<[usize]>,
        side_of: Option<(usize, usize)>,
        t0: Instant,
    ) {
        let id = self.traces.len();
        let name = format!("trace{}", id + 1);
        let links = ExitLinks {
            trace_id: id as u32 + 1,
            table: exit_table.as_ptr(),
            side: side_of.is_some(),
        };
        let compiled = (self.compiler)(&Unit::single(&trace, links), &name);
        self.stats.compile_time += t0.elapsed();
        let compiled = match compiled {
            Ok(c) => c,
            Err(msg) => {
                self.rec_loop = Some((code, lp));
                return self.abort(vm, AbortReason::Internal(format!("backend: {msg}")));
            }
        };
        vm.jit_roots.extend(rec.roots.iter().copied());
        let now = self.stats.compiled_iterations;
        self.traces.push(TraceRecord::new(
            trace,
            &rec,
            code.clone(),
            lp,
            exit_table,
            side_of,
            (compiled.entry, compiled.code_size),
            id,
            now,
        ));
        self.log_trace(vm, id, &code, &rec, &recorded, t0);
        self.stats.compiled += 1;
        tracing::debug!(target: "tvm::jit", id = id + 1, code_size = self.traces[id].code_size, "trace compiled");
        if let Some((parent, exit)) = side_of {
            // Attach: the parent's exit stub calls it from now on, and counts the
            // calls down from `sideinline` to its promotion (see `promote`).
            self.traces[parent].exit_table[exit_entry(exit)] = compiled.entry as usize;
            self.traces[parent].exit_table[exit_calls(exit)] = self.params.sideinline as usize;
            self.stats.side_traces += 1;
        } else {
            code.loops[lp.i()].trace.set(id as u32 + 1);
            code.loops[lp.i()].next_event.set(u32::MAX);
        }
        self.rec_loop = None;
        self.state = State::Idle;
    }
}

impl Manager {
    /// Compiles the side trace attached (through the exit table) to exit `exit` of
    /// trace `t` into `t`'s unit, with the side traces already compiled into the side
    /// trace: the unit's root is compiled again and its new function replaces the old
    /// one where that was entered. Called when the side trace has been called
    /// `sideinline` times. If compiling fails, everything stays as it was.
    fn promote(&mut self, t: usize, exit: usize) {
        // One side trace per exit (`side_tried`), with a function of its own.
        let Some(side) = (0..self.traces.len())
            .find(|&i| self.traces[i].side_of == Some((t, exit)) && self.traces[i].unit == i)
        else {
            return;
        };
        // Hot relative to the loop? A side trace taken once per 50 iterations saves
        // less than compiling the whole function again costs: count again.
        let since = self
            .stats
            .compiled_iterations
            .saturating_sub(self.traces[side].armed_at);
        let calls = u64::from(self.params.sideinline);
        if calls.saturating_mul(u64::from(self.params.sideratio)) < since {
            self.traces[t].exit_table[exit_calls(exit)] = self.params.sideinline as usize;
            self.traces[side].armed_at = self.stats.compiled_iterations;
            return;
        }
        let t0 = Instant::now();
        let u = self.traces[t].unit;
        let moved: Vec<usize> = (side..self.traces.len())
            .filter(|&i| self.traces[i].unit == side)
            .collect();
        for &i in &moved {
            self.traces[i].unit = u;
        }
        let compiled = self.compile_unit(u);
        self.stats.compile_time += t0.elapsed();
        let c = match compiled {
            Ok(c) => c,
            Err(msg) => {
                tracing::debug!(target: "tvm::jit", side = side + 1, unit = u + 1, %msg, "side trace not inlined");
                for &i in &moved {
                    self.traces[i].unit = side;
                }
                return;
            }
        };
        self.install_unit(u, &c);
        // The new function runs the side trace inline; the table word is unused.
        self.traces[t].exit_table[exit_entry(exit)] = 0;
        self.stats.inlined += 1;
        tracing::debug!(target: "tvm::jit", side = side + 1, unit = u + 1, code_size = c.code_size, "side trace inlined");
        self.event(Event::Inline {
            id: side + 1,
            into: u + 1,
            calls: u64::from(self.params.sideinline),
            compile_time: t0.elapsed(),
            code_size: c.code_size,
        });
    }

    /// Logs trace `id` (an index, its record complete), recorded as `recorded` and
    /// compiled `t0.elapsed()` after recording ended.
    fn log_trace(
        &mut self,
        vm: &Vm,
        id: usize,
        code: &Code,
        rec: &Recorder,
        recorded: &Trace,
        t0: Instant,
    ) {
        let start_pc = rec.side_start.unwrap_or(rec.header_pc);
        let (line, _) = where_(vm, code, start_pc);
        let t = &self.traces[id];
        let (ir, code_size, side_of) = (annotated_ir(&t.trace, code, rec), t.code_size, t.side_of);
        self.event(Event::Trace {
            id: id + 1,
            file: code.filename.to_string(),
            line,
            func: code.name.clone(),
            header_pc: rec.header_pc,
            recorded: recorded.to_text(),
            ir,
            compile_time: t0.elapsed(),
            code_size,
            side_of: side_of.map(|(p, e)| (p + 1, e, start_pc)),
        });
    }

    /// Compiles the function of unit `u`: its root and every trace compiled into it.
    fn compile_unit(&mut self, u: usize) -> Result<CompiledCode, String> {
        match unit_of(&self.traces, u) {
            Some(unit) => (self.compiler)(&unit, &format!("trace{}", u + 1)),
            None => Err("inconsistent trace tree".to_string()),
        }
    }

    /// Makes `c`, the function of unit `u` compiled again, the one that runs: where
    /// the loop enters `u`, or, for a side trace with a function of its own, where
    /// its parent's exit calls it.
    fn install_unit(&mut self, u: usize, c: &CompiledCode) {
        self.traces[u].entry = c.entry;
        self.traces[u].code_size = c.code_size;
        if let Some((p, e)) = self.traces[u].side_of {
            self.traces[p].exit_table[exit_entry(e)] = c.entry as usize;
        }
    }

    /// After exit `exit` of trace `t` (entered as root `root`), resuming at `pc`:
    /// starts recording a side trace there if the exit is hot, has not been tried,
    /// resumes in the root frame (no inlined frames to rebuild) away from the loop
    /// header, and is not an entry guard or the GC poll. True when recording starts.
    fn start_side_trace(&mut self, vm: &Vm, root: usize, t: usize, exit: usize, pc: usize) -> bool {
        if self.params.maxside == 0 || self.state != State::Idle {
            return false;
        }
        if self.traces.len() >= self.params.maxtrace as usize || vm.recording {
            return false;
        }
        let tr = &self.traces[t];
        let hot = tr.exits.get(exit).copied().unwrap_or(0) >= self.params.hotexit as u64;
        if !hot || tr.side_tried.get(exit).copied().unwrap_or(true) || exit == 0 {
            return false;
        }
        if tr.trace.header_snap.is_some_and(|h| h.index() == exit) {
            return false;
        }
        let Some(snap) = tr.trace.snaps.get(exit) else {
            return false;
        };
        let root_tr = &self.traces[root];
        let sides = self
            .traces
            .iter()
            .filter(|x| {
                x.side_of.is_some() && Rc::ptr_eq(&x.code, &root_tr.code) && x.lp == root_tr.lp
            })
            .count();
        if snap.frames.len() != 1
            || pc == root_tr.header_pc
            || !root_tr.linked
            || sides >= self.params.maxside as usize
        {
            return false;
        }
        let (code, lp, header) = (root_tr.code.clone(), root_tr.lp, root_tr.header_pc);
        self.traces[t].side_tried[exit] = true;
        tracing::debug!(target: "tvm::jit", parent = t + 1, exit, pc, "side trace recording started");
        self.recorder = Some(Recorder::new_side(
            vm,
            code.clone(),
            pc,
            header,
            &self.params,
        ));
        self.rec_side = Some((t, exit));
        self.rec_header = Some(header);
        self.rec_loop = Some((code, lp));
        self.rec_start = Some(Instant::now());
        self.state = State::Recording;
        true
    }
}

/// Source line and pc of a loop header, for logs.
fn where_(_vm: &Vm, code: &Code, pc: usize) -> (u32, usize) {
    (code.locs.get(pc).map(|l| l.line).unwrap_or(0), pc)
}

/// The optimized IR interleaved with the Python source lines and bytecode positions
/// it came from (as far as the instructions survived optimization).
fn annotated_ir(t: &Trace, root: &Code, rec: &Recorder) -> String {
    let mut out = String::new();
    let lines: Vec<&str> = root.source.lines().collect();
    let mut last: Option<(usize, u32)> = None;
    for i in 0..t.ins.len() {
        // The mark of the recorded instruction this one comes from (passes drop
        // and move instructions: `Trace::origin`).
        let recorded = t.origin.get(i).map_or(i, |&o| o as usize);
        let at = rec.marks.partition_point(|m| m.0 <= recorded);
        if let Some(&(_, code, pc)) = at.checked_sub(1).map(|m| &rec.marks[m]) {
            // SAFETY: code objects outlive the run.
            let c: &Code = unsafe { &*code };
            let line = c.locs.get(pc as usize).map(|l| l.line).unwrap_or(0);
            if last != Some((code as usize, line)) {
                last = Some((code as usize, line));
                let text = c
                    .source
                    .lines()
                    .nth(line.saturating_sub(1) as usize)
                    .or_else(|| lines.get(line.saturating_sub(1) as usize).copied())
                    .unwrap_or("")
                    .trim();
                out.push_str(&format!("# {}:{} {}  {}\n", c.name, line, pc, text));
            }
        }
        t.fmt_ins(crate::ir::InsRef::from_u32(i as u32), &mut out);
        out.push('\n');
    }
    for (s, _) in t.snaps.iter().enumerate() {
        t.fmt_snap(crate::ir::SnapId::from_u32(s as u32), &mut out);
        out.push('\n');
    }
    out
}

impl JitHooks for Manager {
    fn loop_event(&mut self, vm: &mut Vm, code: &Rc<Code>, lp: LoopId, pc: usize) -> LoopAction {
        if self.state != State::Idle || self.traces.len() >= self.params.maxtrace as usize {
            code.loops[lp.i()].next_event.set(u32::MAX);
            return LoopAction::Continue;
        }
        // Nested run (a native function called back into Python): do not record.
        if vm.recording {
            return LoopAction::Continue;
        }
        tracing::debug!(target: "tvm::jit", func = %code.name, loop_id = lp.0, pc, "recording started");
        self.recorder = Some(Recorder::new(vm, code.clone(), pc, &self.params));
        self.rec_header = Some(pc);
        self.rec_loop = Some((code.clone(), lp));
        self.rec_start = Some(Instant::now());
        self.state = State::Recording;
        LoopAction::Record
    }

    fn record(&mut self, vm: &mut Vm, pc: usize) -> bool {
        let Some(rec) = self.recorder.as_mut() else {
            return false;
        };
        match rec.step(vm, pc) {
            Step::Continue => true,
            Step::Done => {
                self.complete(vm);
                false
            }
            Step::Retry => {
                self.recorder = None;
                self.rec_side = None;
                self.state = State::Idle;
                self.rec_start = None;
                if let Some((code, lp)) = self.rec_loop.take() {
                    let l = &code.loops[lp.i()];
                    l.next_event.set(l.count.get().saturating_add(1));
                }
                false
            }
            Step::Abort(reason) => {
                self.abort(vm, reason);
                false
            }
        }
    }

    fn abort_recording(&mut self, vm: &mut Vm, _why: &str) {
        self.abort(vm, AbortReason::Exception);
    }

    fn run_trace(&mut self, vm: &mut Vm, trace: u32) -> Resume {
        let idx = trace as usize - 1;
        let root_base = vm.frames.last().expect("frame").base;
        let max_depth = self.traces[idx].max_depth;
        if vm.frames.len() + max_depth + 1 >= vm.recursion_limit {
            // Inlined calls could exceed the recursion limit: interpret instead.
            return Resume {
                pc: usize::MAX,
                record: false,
            };
        }
        let mut who: u32 = trace;
        let ctx = TraceCtx {
            gc_flag: &vm.heap.gc_requested as *const bool as *const u8,
            iterations: &mut self.stats.compiled_iterations,
            exit_trace: &mut who,
        };
        let regs = vm.slot_ptr(root_base) as *mut u8;
        let entry = self.traces[idx].entry;
        // SAFETY: the trace was compiled for this loop header; `regs` is the innermost
        // frame's window and the stack is never reallocated.
        let exit = unsafe { entry(regs, &ctx) } as usize;
        self.traces[idx].entered += 1;
        self.stats.entries += 1;
        self.stats.exits += 1;
        // The exit may be a side trace's (its stub said which trace left).
        let t = (who as usize).saturating_sub(1).min(self.traces.len() - 1);
        let tr = &mut self.traces[t];
        if let Some(n) = tr.exits.get_mut(exit) {
            *n += 1;
        }
        let Some(snap) = tr.trace.snaps.get(exit) else {
            return Resume {
                pc: self.traces[idx].header_pc,
                record: false,
            };
        };
        snapshot::restore(vm, root_base, snap);
        // The exit's side trace used up its calls (the stub returned instead of
        // calling it): compile it into this trace's function.
        if self.traces[t]
            .exit_table
            .get(exit_entry(exit))
            .is_some_and(|&e| e != 0)
            && self.traces[t].exit_table[exit_calls(exit)] == 0
        {
            self.promote(t, exit);
        }
        // An entry guard (snapshot 0) failing again and again: the loop's types changed
        // for good. Unlink the trace and let the loop be recorded anew.
        let tr = &mut self.traces[idx];
        if t == idx
            && exit == 0
            && tr.exits[0] > (self.params.hotexit as u64).saturating_mul(10)
            && tr.exits[0] * 2 > tr.entered
        {
            tracing::debug!(target: "tvm::jit", trace, "trace unlinked: its entry guards keep failing");
            tr.linked = false;
            tr.code.loops[tr.lp.i()].trace.set(0);
            let l = &tr.code.loops[tr.lp.i()];
            l.next_event
                .set(l.count.get().saturating_add(self.params.hotloop));
            self.stats.unlinked += 1;
        }
        let pc = vm.frames.last().map(|f| f.pc).unwrap_or(0);
        let record = self.start_side_trace(vm, idx, t, exit, pc);
        Resume { pc, record }
    }

    fn finish(&mut self, vm: &mut Vm) {
        self.stats.interpreted_iterations = vm.total_back_edges();
        let summary: Vec<(usize, String, u32, u64, Vec<u64>)> = self
            .traces
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let line = t.code.locs.get(t.header_pc).map(|l| l.line).unwrap_or(0);
                (
                    i + 1,
                    t.code.filename.to_string(),
                    line,
                    t.entered,
                    t.exits.clone(),
                )
            })
            .collect();
        for (id, file, line, entered, exits) in summary {
            self.event(Event::TraceStats {
                id,
                file,
                line,
                entered,
                exits,
            });
        }
        if let Some(log) = &mut self.log {
            log.flush();
        }
        if self.print_stats {
            eprint!("{}", self.stats_text());
        }
    }
}

impl Manager {
    /// The `--jit-stats` summary.
    pub fn stats_text(&self) -> String {
        let s = &self.stats;
        let mut out = String::new();
        out.push_str("jit-stats:\n");
        out.push_str(&format!(
            "  traces compiled  {}\n  side traces      {} ({} inlined)\n",
            s.compiled, s.side_traces, s.inlined
        ));
        out.push_str(&format!("  traces aborted   {}\n", s.aborted));
        for (code, n) in &s.abort_reasons {
            out.push_str(&format!("    {code:<16} {n}\n"));
        }
        out.push_str(&format!("  loops blacklisted {}\n", s.blacklisted));
        out.push_str(&format!("  traces unlinked  {}\n", s.unlinked));
        out.push_str(&format!("  trace entries    {}\n", s.entries));
        out.push_str(&format!("  side exits       {}\n", s.exits));
        let all = s.compiled_iterations + s.interpreted_iterations;
        let share = if all == 0 {
            0.0
        } else {
            100.0 * s.compiled_iterations as f64 / all as f64
        };
        out.push_str(&format!(
            "  loop iterations  {} compiled, {} interpreted ({share:.1}% compiled)\n",
            s.compiled_iterations, s.interpreted_iterations
        ));
        out.push_str(&format!(
            "  recording time   {:.3} ms\n",
            s.record_time.as_secs_f64() * 1e3
        ));
        out.push_str(&format!(
            "  compile time     {:.3} ms\n",
            s.compile_time.as_secs_f64() * 1e3
        ));
        out
    }

    /// Keeps `v` alive (objects a trace embeds by address).
    pub fn root(vm: &mut Vm, v: Value) {
        vm.jit_roots.push(v);
    }
}
