//! Interp: the virtual machine state and the bytecode dispatch loop.
//!
//! All frames live in one contiguous, never-reallocated stack of `Value` slots; a
//! frame is a window `[base, base + code.nregs)`. Calls are Lua-style: the callee's
//! window starts at the caller's first argument register, so arguments are never
//! copied. Python-to-Python calls do not recurse on the native stack: `execute`
//! pushes a `Frame` and keeps dispatching, so deep Python recursion is bounded by the
//! recursion limit, never by Rust's stack.
//!
//! Safepoints: loop back-edges (`JumpBack`, `ForNext`) and Python calls check
//! `heap.gc_requested` and collect there (see `gc.rs`). Back-edges also count each
//! loop exactly (`Code::loops`), and hand hot loops to the JIT (`jit.rs`).
//!
//! The dispatch loop is one `match` over `Op`. Fast paths for small ints and floats
//! are inline; everything else calls into `ops.rs`. Errors are propagated with
//! `tri!`, which saves the pc first so the traceback points at the failing op.

use crate::builtins;
use crate::bytecode::*;
use crate::error::{ExcType, PyErr};
use crate::gc::{Gc, Heap};
use crate::object::*;
use crate::ops;
use crate::value::{copy_value, Value};
use hashbrown::HashMap;
use num_bigint::BigInt;
use num_traits::ToPrimitive;
use smallvec::SmallVec;
use std::io::Write;
use std::rc::Rc;

/// Slots in the value stack (lazily committed by the OS: 64 MiB of address space).
pub const STACK_SLOTS: usize = 1 << 22;

/// CPython's default recursion limit.
pub const DEFAULT_RECURSION_LIMIT: usize = 1000;

/// An activation record. The registers live in `Vm::stack[base..base + code.nregs]`.
pub struct Frame {
    /// The code being run.
    pub code: Rc<Code>,
    /// Index of the next instruction (while suspended: of the instruction after the call).
    pub pc: usize,
    /// First register slot.
    pub base: usize,
    /// Absolute stack slot that receives the return value.
    pub ret: usize,
}

/// Builtin type objects, by kind.
pub struct Types {
    /// Every builtin type, looked up by `TypeKind`.
    pub by_kind: Vec<(TypeKind, Gc<TypeObj>)>,
    /// Exception classes, indexed by `ExcType as usize`.
    pub exc: Vec<Gc<TypeObj>>,
}

impl Types {
    /// The type object of a kind.
    pub fn get(&self, k: TypeKind) -> Gc<TypeObj> {
        if let TypeKind::Exception(e) = k {
            return self.exc[e as usize];
        }
        self.by_kind
            .iter()
            .find(|(kk, _)| *kk == k)
            .map(|(_, t)| *t)
            .unwrap_or(self.by_kind[0].1)
    }
}

/// The whole interpreter state.
pub struct Vm {
    /// The GC heap.
    pub heap: Heap,
    stack: Box<[Value]>,
    /// Active frames, innermost last.
    pub frames: Vec<Frame>,
    /// Module globals by slot (Undef = unbound).
    pub globals: Vec<Value>,
    /// Names of the global slots.
    pub global_names: Rc<GlobalNames>,
    /// For each global slot: the builtin of the same name, or Undef.
    builtin_of_slot: Vec<Value>,
    /// The builtins namespace.
    pub builtins: HashMap<&'static str, Value>,
    /// Builtin types.
    pub types: Types,
    /// Values Rust code holds across re-entrant calls; GC roots.
    pub temp_roots: Vec<Value>,
    /// Values alive for the whole run (constants, types, builtins).
    permanent: Vec<Value>,
    /// Imported modules.
    modules: HashMap<String, Value>,
    /// One-character strings for code points < 128.
    pub char_cache: Vec<Value>,
    /// `()`.
    pub empty_tuple: Value,
    /// The recursion limit (frames).
    pub recursion_limit: usize,
    /// Recursion depth used by native calls that CPython counts like a frame
    /// (calling a class or a callable instance: `classes.rs`).
    pub native_depth: usize,
    /// Buffered stdout.
    pub out: std::io::BufWriter<std::io::Stdout>,
    /// Objects being repr'd (to print `[...]` for cycles).
    pub repr_stack: Vec<usize>,
    /// Methods of builtin types by (value tag, name).
    pub methods: HashMap<(u8, &'static str), Value>,
    /// The tracing JIT, if enabled.
    pub jit: Option<Box<dyn crate::jit::JitHooks>>,
    /// Back-edges before a loop is reported to the JIT (`u32::MAX` without a JIT).
    pub jit_threshold: u32,
    /// Whether the interpreter is recording a trace.
    pub recording: bool,
    /// Objects compiled traces refer to by address; GC roots.
    pub jit_roots: Vec<Value>,
    /// A trace just exited: the next loop header is interpreted, not entered.
    trace_exited: bool,
    /// The exception being handled (`except`/`finally` bodies), or None: what a
    /// bare `raise` re-raises and what a new exception's `__context__` becomes.
    pub handling: Value,
    /// Generators whose frames are running, innermost last (GC roots; `Op::Yield`
    /// saves into the last).
    pub running_gens: Vec<Gc<crate::generator::GenObj>>,
    /// Native (Rust) activations between here and the outermost dispatch loop that
    /// may hold unrooted values: while non-zero, safepoints do not collect (see
    /// `collect`).
    pub gc_inhibit: u32,
    /// Every module code object compiled (for statistics over all loops).
    modules_code: Vec<Rc<Code>>,
    /// State of the builtin modules (`sys.argv`, the random generator).
    pub mods: crate::modules::ModuleState,
    /// Safepoints (loop back-edges, Python calls) left before the run is stopped:
    /// the fuel limit fuzzers use (`set_fuel`). Counts down; `u64::MAX` when
    /// unlimited, which no run reaches.
    fuel: u64,
    /// The fuel ran out: the error raised then is not caught by `except` or
    /// `finally`, so the program stops.
    out_of_fuel: bool,
}

/// How a dispatch loop ended.
enum Flow {
    /// The entry frame returned this value.
    Return(Value),
    /// Switch between the recording and the normal dispatch loop and go on.
    Switch,
    /// The entry frame (a generator's) yielded this value.
    Yield(Value),
}

/// `Value` for a BigInt, normalised to `Int` when it fits.
pub fn int_value(heap: &mut Heap, i: BigInt) -> Value {
    match i.to_i64() {
        Some(v) => Value::Int(v),
        None => Value::BigInt(heap.alloc(BigIntObj { value: i })),
    }
}

/// Short text of a constant, for `tvm dis`.
pub fn const_repr(v: &Value) -> String {
    match v {
        Value::Str(s) => format!("{:?}", s.as_str()),
        Value::Float(f) => crate::format::float_repr(*f),
        Value::Tuple(t) => {
            let parts: Vec<String> = t.items.iter().map(const_repr).collect();
            format!("({})", parts.join(", "))
        }
        other => format!("{other:?}"),
    }
}

macro_rules! reg {
    ($regs:ident, $r:expr) => {
        // SAFETY: the compiler only emits registers < code.nregs, and push_frame
        // checked base + nregs <= STACK_SLOTS.
        unsafe { *$regs.add($r.i()) }
    };
}
/// A register by reference: matching on it loads the tag and payload separately,
/// which store-forward from the narrow stores that wrote them. Copying the whole
/// 16-byte `Value` right after it was written (two narrow stores) stalls the CPU's
/// store forwarding on every instruction; the hot paths below avoid that.
macro_rules! rr {
    ($regs:ident, $r:expr) => {
        unsafe { &*$regs.add($r.i()) }
    };
}
macro_rules! set {
    ($regs:ident, $r:expr, $v:expr) => {{
        let v = $v;
        // As two whole words, so reads that follow are store-forwarded.
        unsafe { crate::value::write_value($regs.add($r.i()), v) }
    }};
}

impl Default for Vm {
    fn default() -> Self {
        Self::new()
    }
}

impl Vm {
    /// A fresh VM with builtins installed.
    pub fn new() -> Vm {
        let mut heap = Heap::new();
        let stack = {
            let layout = std::alloc::Layout::array::<Value>(STACK_SLOTS).expect("stack layout");
            // SAFETY: all-zero bytes are a valid `Value::None` (tag 0), and the
            // allocation is handed to a Box of exactly that layout.
            unsafe {
                let p = std::alloc::alloc_zeroed(layout) as *mut Value;
                if p.is_null() {
                    std::alloc::handle_alloc_error(layout);
                }
                Box::from_raw(std::ptr::slice_from_raw_parts_mut(p, STACK_SLOTS))
            }
        };
        let types = builtins::make_types(&mut heap);
        let char_cache = (0u8..128)
            .map(|c| Value::Str(heap.alloc(StrObj::new((c as char).to_string()))))
            .collect();
        let empty_tuple = Value::Tuple(heap.alloc(TupleObj {
            items: Box::new([]),
        }));
        let mut vm = Vm {
            heap,
            stack,
            frames: Vec::with_capacity(256),
            globals: vec![],
            global_names: Rc::new(GlobalNames::default()),
            builtin_of_slot: vec![],
            builtins: HashMap::new(),
            types,
            temp_roots: vec![],
            permanent: vec![],
            modules: HashMap::new(),
            char_cache,
            empty_tuple,
            recursion_limit: DEFAULT_RECURSION_LIMIT,
            native_depth: 0,
            out: std::io::BufWriter::with_capacity(1 << 16, std::io::stdout()),
            repr_stack: vec![],
            methods: HashMap::new(),
            jit: None,
            jit_threshold: u32::MAX,
            recording: false,
            jit_roots: vec![],
            trace_exited: false,
            handling: Value::None,
            running_gens: vec![],
            gc_inhibit: 0,
            modules_code: vec![],
            mods: Default::default(),
            fuel: u64::MAX,
            out_of_fuel: false,
        };
        builtins::install(&mut vm);
        vm
    }

    // -- Allocation helpers ---------------------------------------------------------

    /// A new str value.
    #[inline]
    pub fn new_str(&mut self, s: impl StrText) -> Value {
        let n = crate::object::char_count(s.text());
        self.new_str_n(s, n)
    }
    /// A new str value of `nchars` code points (the caller knows the count).
    #[inline]
    pub fn new_str_n(&mut self, s: impl StrText, nchars: usize) -> Value {
        let b = s.text().as_bytes();
        if b.len() == 1 && b[0] < 128 {
            return self.char_cache[b[0] as usize];
        }
        // SAFETY: `write_with_nchars` writes a whole StrObj.
        Value::Str(unsafe {
            self.heap
                .alloc_in_place(|p| StrObj::write_with_nchars(p, s, nchars))
        })
    }
    /// Moves a made `StrObj` to the heap; `extra` bytes outside the box were
    /// allocated for it.
    pub fn alloc_str_obj(&mut self, obj: StrObj, extra: usize) -> Value {
        let v = Value::Str(self.heap.alloc(obj));
        self.heap.note_alloc(extra);
        v
    }
    /// A one-char str.
    pub fn char_str(&mut self, c: char) -> Value {
        if (c as u32) < 128 {
            return self.char_cache[c as usize];
        }
        self.new_str(c.to_string())
    }
    /// A new list value.
    pub fn new_list(&mut self, items: Vec<Value>) -> Value {
        Value::List(self.heap.alloc(ListObj::new(items)))
    }
    /// A new tuple value.
    pub fn new_tuple(&mut self, items: Vec<Value>) -> Value {
        if items.is_empty() {
            return self.empty_tuple;
        }
        Value::Tuple(self.heap.alloc(TupleObj {
            items: items.into_boxed_slice(),
        }))
    }
    /// An int value from a BigInt.
    pub fn new_int(&mut self, i: BigInt) -> Value {
        int_value(&mut self.heap, i)
    }
    /// An int value from a `num::Int`.
    pub fn int(&mut self, i: crate::num::Int) -> Value {
        match i {
            crate::num::Int::Small(v) => Value::Int(v),
            crate::num::Int::Big(b) => Value::BigInt(self.heap.alloc(BigIntObj { value: b })),
        }
    }
    /// A new empty dict value.
    pub fn new_dict(&mut self) -> Gc<DictObj> {
        self.heap.alloc(DictObj::new(crate::dict::DictTable::new()))
    }
    /// A native function value.
    pub fn new_builtin(&mut self, name: &'static str, func: NativeFn) -> Value {
        Value::Builtin(self.heap.alloc(BuiltinObj {
            name,
            func,
            bound: None,
            owner: None,
        }))
    }
    /// Keeps `v` alive for the whole run.
    pub fn make_permanent(&mut self, v: Value) {
        self.permanent.push(v);
    }

    // -- Errors -------------------------------------------------------------------------

    /// A new exception of a builtin class with one str argument.
    pub fn err(&mut self, ty: ExcType, msg: impl Into<String>) -> PyErr {
        let msg = msg.into();
        let arg = self.new_str(msg);
        self.err_args(ty, vec![arg])
    }
    /// `NameError: name 'x' is not defined`, with its `name` attribute (CPython 3.11).
    pub fn name_error(&mut self, name: &str) -> PyErr {
        let e = self.err(ExcType::NameError, format!("name '{name}' is not defined"));
        let n = self.new_str(name);
        e.0.attrs().push((Rc::from("name"), n));
        e
    }

    /// A new exception of a builtin class with the given args.
    pub fn err_args(&mut self, ty: ExcType, args: Vec<Value>) -> PyErr {
        let t = self.types.exc[ty as usize];
        PyErr(self.heap.alloc(ExcObj::new(t, args)))
    }
    /// `TypeError(msg)`.
    pub fn type_error(&mut self, msg: impl Into<String>) -> PyErr {
        self.err(ExcType::TypeError, msg)
    }
    /// `ValueError(msg)`.
    pub fn value_error(&mut self, msg: impl Into<String>) -> PyErr {
        self.err(ExcType::ValueError, msg)
    }
    /// Converts a numeric error.
    pub fn num_err(&mut self, e: crate::num::NumError) -> PyErr {
        let msg = e.msg.clone();
        let t: ExcType = e.into();
        self.err(t, msg)
    }
    /// Converts a formatting error.
    pub fn fmt_err(&mut self, e: crate::format::FormatError) -> PyErr {
        use crate::format::FormatErrorKind as K;
        let t = match e.kind {
            K::ValueError => ExcType::ValueError,
            K::TypeError => ExcType::TypeError,
            K::OverflowError => ExcType::OverflowError,
            K::MemoryError => ExcType::MemoryError,
        };
        self.err(t, e.msg)
    }

    // -- Globals ------------------------------------------------------------------------

    fn sync_globals(&mut self) {
        let names = self.global_names.names.borrow();
        while self.globals.len() < names.len() {
            let name = &names[self.globals.len()];
            let b = self
                .builtins
                .get(name.as_str())
                .copied()
                .unwrap_or(Value::Undef);
            self.builtin_of_slot.push(b);
            self.globals.push(Value::Undef);
        }
    }

    /// Sets a global by name (used to predefine `__name__`).
    pub fn set_global(&mut self, name: &str, v: Value) {
        let idx = {
            let mut names = self.global_names.names.borrow_mut();
            match names.iter().position(|n| n == name) {
                Some(i) => i,
                None => {
                    names.push(name.to_string());
                    names.len() - 1
                }
            }
        };
        self.sync_globals();
        self.globals[idx] = v;
    }

    // -- Running ------------------------------------------------------------------------

    /// Limits the run to `steps` safepoints (loop back-edges and Python calls; `None`:
    /// unlimited). When they are used up the interpreter raises
    /// `RuntimeError: fuel exhausted`, which no `except` or `finally` sees, so the
    /// program stops. For fuzzing with the interpreter only: compiled traces do not
    /// count fuel.
    pub fn set_fuel(&mut self, steps: Option<u64>) {
        self.fuel = steps.map_or(u64::MAX, |s| s.max(1));
        self.out_of_fuel = false;
    }

    /// The error raised when the fuel runs out (and at every safepoint after).
    #[cold]
    fn fuel_exhausted(&mut self) -> PyErr {
        self.out_of_fuel = true;
        self.fuel = 1;
        self.err(ExcType::RuntimeError, "fuel exhausted")
    }

    /// Compiles a module (for `run` and `dis`).
    pub fn compile(
        &mut self,
        source: &str,
        filename: &str,
    ) -> Result<Rc<Code>, crate::compiler::CompileError> {
        let code = crate::compiler::compile_module(
            source,
            filename,
            self.global_names.clone(),
            &mut self.heap,
        )?;
        self.root_code(&code);
        self.sync_globals();
        set_loop_thresholds(&code, self.jit_threshold);
        self.modules_code.push(code.clone());
        Ok(code)
    }

    fn root_code(&mut self, code: &Rc<Code>) {
        self.permanent.extend_from_slice(&code.consts);
        for s in &code.sites {
            self.permanent.push(Value::Str(s.name));
        }
        for c in &code.children {
            self.root_code(c);
        }
    }

    /// Runs module code to completion.
    pub fn run_module(&mut self, code: Rc<Code>) -> PyResult<()> {
        self.set_global("__name__", Value::Undef);
        let main = self.new_str("__main__");
        self.set_global("__name__", main);
        let nregs = code.nregs as usize;
        let base = 0;
        for slot in &mut self.stack[base..base + nregs] {
            *slot = Value::None;
        }
        let entry = self.frames.len();
        self.frames.push(Frame {
            code,
            pc: 0,
            base,
            ret: base,
        });
        self.execute(entry).map(|_| ())
    }

    /// First stack slot above every frame's window. (Not just the innermost frame's:
    /// a callee's window starts at its caller's argument registers and may end below
    /// the caller's own window end, whose registers are still live.)
    pub(crate) fn stack_top(&self) -> usize {
        self.frames
            .iter()
            .map(|f| f.base + f.code.nregs as usize)
            .max()
            .unwrap_or(0)
    }

    /// A safepoint whose flag is up: Ctrl-C raises KeyboardInterrupt (see
    /// `signals.rs`), else the requested collection runs.
    #[cold]
    fn safepoint(&mut self) -> PyResult<()> {
        if crate::signals::take_interrupt() {
            return Err(self.err_args(ExcType::KeyboardInterrupt, vec![]));
        }
        self.collect();
        Ok(())
    }

    /// Collects garbage now. Only at a safepoint.
    ///
    /// Not while `gc_inhibit` is non-zero: Python code running under native code
    /// (`call_value` from a builtin: a `key=` function, a generator drained by
    /// `list()`) may have Rust callers holding values in locals the collector
    /// cannot see. The request is dropped; the heap is still over budget, so the
    /// next allocation raises it again and a safepoint outside native code
    /// collects.
    pub fn collect(&mut self) {
        if self.gc_inhibit > 0 {
            self.heap.gc_requested = false;
            return;
        }
        let top = self.stack_top();
        let mut roots: Vec<Value> =
            Vec::with_capacity(top + self.globals.len() + self.permanent.len() + 64);
        roots.extend_from_slice(&self.stack[..top]);
        roots.extend_from_slice(&self.globals);
        roots.extend_from_slice(&self.builtin_of_slot);
        roots.extend(self.builtins.values().copied());
        roots.extend_from_slice(&self.permanent);
        roots.extend_from_slice(&self.temp_roots);
        roots.extend_from_slice(&self.jit_roots);
        roots.extend(self.modules.values().copied());
        roots.extend_from_slice(&self.char_cache);
        roots.push(self.empty_tuple);
        roots.push(self.handling);
        roots.extend(self.running_gens.iter().map(|g| Value::Gen(*g)));
        for t in &self.types.by_kind {
            roots.push(Value::Type(t.1));
        }
        for t in &self.types.exc {
            roots.push(Value::Type(*t));
        }
        self.heap.collect(&mut roots);
    }

    /// Calls any callable from Rust (re-entrant: runs a nested dispatch loop for
    /// Python functions). The caller must keep its own live values rooted
    /// (`temp_roots`) if it holds any across this call.
    pub fn call_value(&mut self, f: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
        match f {
            Value::Func(func) => {
                let base = self.stack_top();
                if base + args.len() + 1 >= STACK_SLOTS {
                    return Err(
                        self.err(ExcType::RecursionError, "maximum recursion depth exceeded")
                    );
                }
                self.stack[base..base + args.len()].copy_from_slice(args);
                let entry = self.frames.len();
                // The result slot: just below the callee window is not ours, so use
                // the callee's first slot (read back after the frame is popped).
                self.push_call(func, base, args.len() + kw.len(), kw, base)?;
                if self.frames.len() == entry {
                    // A generator function: no frame, the generator is in `base`.
                    return Ok(self.stack[base]);
                }
                self.gc_inhibit += 1;
                let r = self.execute(entry);
                self.gc_inhibit -= 1;
                r
            }
            Value::Builtin(b) => self.call_builtin(b, args, kw),
            Value::Type(t) => builtins::call_type(self, t, args, kw),
            other => match crate::classes::call(self, other, args, kw) {
                Some(r) => r,
                None => {
                    Err(self.type_error(format!("'{}' object is not callable", other.type_name())))
                }
            },
        }
    }

    fn call_builtin(&mut self, b: Gc<BuiltinObj>, args: &[Value], kw: KwArgs) -> PyResult<Value> {
        match b.bound {
            None => (b.func)(self, args, kw),
            Some(this) => {
                let mut v: SmallVec<[Value; 8]> = SmallVec::with_capacity(args.len() + 1);
                v.push(this);
                v.extend_from_slice(args);
                (b.func)(self, &v, kw)
            }
        }
    }

    /// Pushes a frame for `func` whose `nargs` arguments (positional, then keyword
    /// values named by `kw`) are already at `stack[base..]`.
    fn push_call(
        &mut self,
        func: Gc<FuncObj>,
        base: usize,
        nargs: usize,
        kw: KwArgs,
        ret: usize,
    ) -> PyResult<()> {
        let code = &func.code;
        if self.frames.len() + self.native_depth >= self.recursion_limit {
            return Err(self.err(ExcType::RecursionError, "maximum recursion depth exceeded"));
        }
        let nregs = code.nregs as usize;
        if base + nregs >= STACK_SLOTS {
            return Err(self.err(ExcType::RecursionError, "maximum recursion depth exceeded"));
        }
        let nparams = code.nparams as usize;
        let nkwonly = code.nkwonly as usize;
        let npos = nargs - kw.len();
        if kw.is_empty() && npos == nparams && nkwonly == 0 && !code.varargs && !code.varkw {
            // Fast path: exact positional arity.
            let nlocals = code.nlocals();
            for slot in &mut self.stack[base + npos..base + nlocals] {
                *slot = Value::Undef;
            }
            for slot in &mut self.stack[base + nlocals..base + nregs] {
                *slot = Value::None;
            }
        } else {
            self.bind_args(func, base, npos, kw)?;
        }
        if !func.closure.is_empty() {
            // The closure's cells go to the registers after the locals (see classes.rs).
            let at = base + code.nlocals();
            self.stack[at..at + func.closure.len()].copy_from_slice(&func.closure);
        }
        if code.generator {
            // The registers (cells included) become the generator's.
            let regs = self.stack[base..base + nregs].to_vec();
            let g = self
                .heap
                .alloc(crate::generator::GenObj::new(func.code.clone(), regs));
            self.stack[ret] = Value::Gen(g);
            return Ok(());
        }
        self.push_frame(func.code.clone(), base, ret);
        Ok(())
    }

    /// The value stack, for generator frames.
    pub(crate) fn stack_mut(&mut self) -> &mut [Value] {
        &mut self.stack
    }

    /// Pushes a resumed generator's frame.
    pub(crate) fn push_gen_frame(&mut self, code: Rc<Code>, pc: usize, base: usize) {
        self.push_frame(code, base, base);
        self.frames.last_mut().expect("frame").pc = pc;
    }

    /// Raises `e` in the innermost frame as if its current instruction had raised
    /// it (generator `throw`). True when a handler in the frames above `entry`
    /// took it.
    pub(crate) fn raise_in_frame(&mut self, e: PyErr, entry: usize) -> bool {
        self.unwind(e, entry)
    }

    /// Loop iterations the interpreter ran (the sum of every loop's back-edge
    /// counter), for `--jit-stats`.
    pub fn total_back_edges(&self) -> u64 {
        fn walk(c: &Code) -> u64 {
            c.loops.iter().map(|l| l.count.get() as u64).sum::<u64>()
                + c.children.iter().map(|k| walk(k)).sum::<u64>()
        }
        self.modules_code.iter().map(|c| walk(c)).sum()
    }

    /// The builtin a global slot falls back to (Undef if none).
    pub fn builtin_for_global(&self, g: usize) -> Value {
        self.builtin_of_slot.get(g).copied().unwrap_or(Value::Undef)
    }

    /// Truth of values whose truth needs no Python code and no container access.
    pub fn is_truthy_simple(&self, v: Value) -> Option<bool> {
        match v {
            Value::Bool(b) => Some(b),
            Value::Int(i) => Some(i != 0),
            Value::Float(f) => Some(f != 0.0),
            Value::None => Some(false),
            _ => None,
        }
    }

    /// The value in absolute stack slot `i` (for the JIT's recorder).
    #[inline]
    pub fn slot(&self, i: usize) -> Value {
        self.stack[i]
    }

    /// Pointer to absolute stack slot `i` (compiled traces address frame slots).
    pub fn slot_ptr(&mut self, i: usize) -> *mut Value {
        &mut self.stack[i] as *mut Value
    }

    /// Pushes a frame of an inlined call that a trace exit rebuilds.
    pub fn push_jit_frame(&mut self, code: Rc<Code>, pc: usize, base: usize, ret: usize) {
        self.push_frame(code, base, ret);
        self.frames.last_mut().expect("frame").pc = pc;
    }

    /// Pushes a frame, writing each field straight into the vector's slot. (Building
    /// the `Frame` in a temporary and copying it makes the copy's 16-byte loads wait
    /// on the temporary's 8-byte stores: a store-forwarding stall on every call.)
    #[inline(always)]
    fn push_frame(&mut self, code: Rc<Code>, base: usize, ret: usize) {
        self.frames.reserve(1);
        let len = self.frames.len();
        // SAFETY: capacity for one more frame was reserved; every field is
        // initialised before the length is bumped.
        unsafe {
            let p = self.frames.as_mut_ptr().add(len);
            std::ptr::addr_of_mut!((*p).code).write(code);
            std::ptr::addr_of_mut!((*p).pc).write(0);
            std::ptr::addr_of_mut!((*p).base).write(base);
            std::ptr::addr_of_mut!((*p).ret).write(ret);
            self.frames.set_len(len + 1);
        }
    }

    /// The general argument binder: defaults, keywords and CPython's error messages.
    fn bind_args(
        &mut self,
        func: Gc<FuncObj>,
        base: usize,
        npos: usize,
        kw: KwArgs,
    ) -> PyResult<()> {
        let code = func.code.clone();
        let nparams = code.nparams as usize;
        let nkwonly = code.nkwonly as usize;
        let total = nparams + nkwonly;
        let nslots = total + code.varargs as usize + code.varkw as usize;
        let qual = code.qualname.clone();
        if npos > nparams && !code.varargs {
            let ndef = code.ndefaults as usize;
            let given_kw_only = 0;
            let _ = given_kw_only;
            let takes = if ndef > 0 {
                format!(
                    "from {} to {} positional arguments",
                    nparams - ndef,
                    nparams
                )
            } else {
                format!(
                    "{} positional argument{}",
                    nparams,
                    if nparams == 1 { "" } else { "s" }
                )
            };
            let was = if npos == 1 { "was" } else { "were" };
            return Err(self.type_error(format!("{qual}() takes {takes} but {npos} {was} given")));
        }
        let mut params: SmallVec<[Value; 16]> = SmallVec::from_elem(Value::Undef, nslots);
        let ncopy = npos.min(nparams);
        params[..ncopy].copy_from_slice(&self.stack[base..base + ncopy]);
        if code.varargs {
            let extra = self.stack[base + ncopy..base + npos].to_vec();
            params[total] = self.new_tuple(extra);
        }
        let kwdict = if code.varkw {
            let d = self.new_dict();
            params[nslots - 1] = Value::Dict(d);
            Some(d)
        } else {
            None
        };
        for (name, v) in kw.iter() {
            let key = *name;
            let name = name.as_str();
            match code.varnames[..total].iter().position(|p| p == name) {
                Some(p) => {
                    if !matches!(params[p], Value::Undef) {
                        return Err(self.type_error(format!(
                            "{qual}() got multiple values for argument '{name}'"
                        )));
                    }
                    params[p] = *v;
                }
                None => match kwdict {
                    Some(d) => ops::dict_set(self, d, Value::Str(key), *v)?,
                    None => {
                        return Err(self.type_error(format!(
                            "{qual}() got an unexpected keyword argument '{name}'"
                        )));
                    }
                },
            }
        }
        let ndef = code.ndefaults as usize;
        let first_def = nparams - ndef;
        let mut missing = vec![];
        for (p, param) in params.iter_mut().enumerate().take(nparams) {
            if matches!(param, Value::Undef) {
                if p >= first_def {
                    *param = func.defaults[p - first_def];
                } else {
                    missing.push(code.varnames[p].clone());
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.type_error(format!(
                "{qual}() missing {} required positional argument{}: {}",
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                name_list(&missing)
            )));
        }
        for (p, param) in params.iter_mut().enumerate().skip(nparams) {
            if matches!(param, Value::Undef) {
                if let Some((_, d)) = func.kwdefaults.iter().find(|(i, _)| *i == p) {
                    *param = *d;
                } else {
                    missing.push(code.varnames[p].clone());
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.type_error(format!(
                "{qual}() missing {} required keyword-only argument{}: {}",
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                name_list(&missing)
            )));
        }
        let nregs = code.nregs as usize;
        self.stack[base..base + nslots].copy_from_slice(&params);
        for slot in &mut self.stack[base + nslots..base + code.nlocals()] {
            *slot = Value::Undef;
        }
        for slot in &mut self.stack[base + code.nlocals()..base + nregs] {
            *slot = Value::None;
        }
        Ok(())
    }

    /// Runs frames until the frame at depth `entry` returns; returns its value.
    pub fn execute(&mut self, entry: usize) -> PyResult<Value> {
        let (v, yielded) = self.run_frames(entry)?;
        debug_assert!(!yielded, "only generator frames yield");
        Ok(v)
    }

    /// Runs frames until the frame at depth `entry` returns (value, false) or, for
    /// a generator's frame, yields (value, true).
    pub(crate) fn run_frames(&mut self, entry: usize) -> PyResult<(Value, bool)> {
        loop {
            let r = if self.recording {
                self.dispatch::<true>(entry)
            } else {
                self.dispatch::<false>(entry)
            };
            match r {
                Ok(Flow::Return(v)) => return Ok((v, false)),
                Ok(Flow::Yield(v)) => return Ok((v, true)),
                Ok(Flow::Switch) => continue,
                Err(e) => {
                    if self.recording {
                        self.recording = false;
                        self.with_jit(|jit, vm| jit.abort_recording(vm, "an exception was raised"));
                    }
                    if self.unwind(e, entry) {
                        continue;
                    }
                    return Err(e);
                }
            }
        }
    }

    /// Unwinds the frames of this activation (above `entry`) to the innermost
    /// handler of exception `e`, recording the traceback on the way. Returns true
    /// when a handler was found (its frame is then innermost, at the handler, with
    /// the exception in the handler's register); false when every frame was popped.
    fn unwind(&mut self, e: PyErr, entry: usize) -> bool {
        let exc = e.0;
        if exc.tb().is_empty() && !exc.reraised.get() {
            // Just raised: it happened while handling `self.handling`.
            if let Value::Exc(h) = self.handling {
                if !Gc::ptr_eq(h, exc) && matches!(exc.context.get(), Value::None) {
                    exc.context.set(self.handling);
                }
            }
        }
        while self.frames.len() > entry {
            let f = self.frames.last().expect("frame");
            let pc = f.pc.saturating_sub(1);
            if !exc.reraised.replace(false) {
                let mut loc = if exc.tb().is_empty() {
                    exc.pos_hint.take()
                } else {
                    None
                };
                if !f.code.comp_frames.is_empty() {
                    // Inline comprehensions show as the frames CPython gives them.
                    for c in f.code.comp_frames_at(pc) {
                        exc.tb().push(TbFrame {
                            code: f.code.clone(),
                            pc: pc as u32,
                            loc,
                            name: Some(c.name),
                        });
                        loc = Some(c.loc);
                    }
                }
                exc.tb().push(TbFrame {
                    code: f.code.clone(),
                    pc: pc as u32,
                    loc,
                    name: None,
                });
            }
            // Out of fuel, no handler runs (see `set_fuel`).
            if let Some(h) = f.code.handler_for(pc).filter(|_| !self.out_of_fuel) {
                let slot = f.base + h.exc.i();
                self.frames.last_mut().expect("frame").pc = h.target.i();
                self.stack[slot] = Value::Exc(exc);
                return true;
            }
            self.frames.pop();
        }
        false
    }

    /// `Op::Yield`: saves the innermost frame (a generator's, at depth `entry`)
    /// into the running generator and pops it.
    fn suspend_gen(&mut self, entry: usize, pc: usize, resume: Reg) {
        debug_assert_eq!(
            self.frames.len(),
            entry + 1,
            "yield outside a generator frame"
        );
        let f = self.frames.pop().expect("frame");
        let g = *self.running_gens.last().expect("a running generator");
        let st = g.state();
        let n = f.code.nregs as usize;
        st.regs.clear();
        st.regs.extend_from_slice(&self.stack[f.base..f.base + n]);
        st.pc = pc;
        st.resume_reg = Some(resume);
    }

    /// One step of `yield from`: `Some(Ok(v))` when the inner iterator yielded `v`,
    /// `Some(Err(r))` when it finished with return value `r`.
    #[allow(clippy::type_complexity)]
    fn yield_from_step(
        &mut self,
        inner: Value,
        sent: Value,
    ) -> PyResult<Option<Result<Value, Value>>> {
        match inner {
            Value::Gen(g) => Ok(Some(match self.gen_resume(g, sent, None)? {
                crate::generator::GenResult::Yield(v) => Ok(v),
                crate::generator::GenResult::Return(r) => Err(r),
            })),
            Value::Iter(it) => Ok(Some(match ops::iter_next(self, it)? {
                Some(v) => Ok(v),
                None => Err(Value::None),
            })),
            _ => Ok(None),
        }
    }

    /// Calls `f` with the JIT taken out of the VM (so it can borrow the VM).
    pub fn with_jit<R: Default>(
        &mut self,
        f: impl FnOnce(&mut dyn crate::jit::JitHooks, &mut Vm) -> R,
    ) -> R {
        match self.jit.take() {
            Some(mut j) => {
                let r = f(&mut *j, self);
                self.jit = Some(j);
                r
            }
            None => R::default(),
        }
    }

    /// The loop at `lp` of the innermost frame reached its header `pc` with a trace
    /// or a due event. Returns true when the dispatch loop must switch (to recording)
    /// or reload the frame state (after a trace ran).
    #[cold]
    fn loop_header(&mut self, lp: LoopId, pc: usize) -> bool {
        self.frames.last_mut().expect("frame").pc = pc;
        let code = self.frames.last().expect("frame").code.clone();
        let trace = code.loops[lp.i()].trace.get();
        if trace != 0 {
            let r = self.with_jit(|jit, vm| Some(jit.run_trace(vm, trace)));
            return match r {
                Some(crate::jit::Resume { pc: usize::MAX, .. }) | None => false,
                Some(resume) => {
                    // Resume in the interpreter for at least one instruction: the exit
                    // may be the header's own guard (e.g. the loop ended).
                    self.trace_exited = true;
                    if resume.record {
                        // The JIT records a side trace from the exit's pc.
                        self.recording = true;
                    }
                    true
                }
            };
        }
        let action = self.with_jit(|jit, vm| Some(jit.loop_event(vm, &code, lp, pc)));
        if action == Some(crate::jit::LoopAction::Record) {
            self.recording = true;
            return true;
        }
        false
    }

    /// UnboundLocalError for register `r`, read by the instruction before `pc`. The
    /// traceback points at the name inside the instruction's range, as CPython's does.
    fn unbound_local(&mut self, code: &Code, r: Reg, pc: usize) -> PyErr {
        let name = code.varnames.get(r.i()).cloned().unwrap_or_default();
        let e = self.err(
            ExcType::UnboundLocalError,
            format!(
                "cannot access local variable '{name}' where it is not associated with a value"
            ),
        );
        if let Some(loc) = code.locs.get(pc.wrapping_sub(1)) {
            e.0.pos_hint.set(find_name_in(&code.source, *loc, &name));
        }
        e
    }

    /// The error for reading an empty cell in register `r`: UnboundLocalError for a
    /// local of this function, NameError for a free variable.
    fn unbound_deref(&mut self, code: &Code, r: Reg, pc: usize) -> PyErr {
        let nlocals = code.nlocals();
        if r.i() >= nlocals && r.i() < nlocals + code.freevars.len() {
            let name = code.freevars[r.i() - nlocals].clone();
            let e = self.err(
                ExcType::NameError,
                format!(
                    "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
                ),
            );
            if let Some(loc) = code.locs.get(pc.wrapping_sub(1)) {
                e.0.pos_hint.set(find_name_in(&code.source, *loc, &name));
            }
            return e;
        }
        self.unbound_local(code, r, pc)
    }

    /// Raises UnboundLocalError if any operand register holds Undef.
    fn check_bound(&mut self, code: &Code, regs: &[(Reg, Value)], pc: usize) -> PyResult<()> {
        for (r, v) in regs {
            if matches!(v, Value::Undef) {
                return Err(self.unbound_local(code, *r, pc));
            }
        }
        Ok(())
    }

    fn kwnames(code: &Code, k: ConstId) -> SmallVec<[Gc<StrObj>; 4]> {
        match code.consts[k.i()] {
            Value::Tuple(t) => t
                .items
                .iter()
                .filter_map(|v| {
                    if let Value::Str(s) = v {
                        Some(*s)
                    } else {
                        None
                    }
                })
                .collect(),
            _ => SmallVec::new(),
        }
    }

    /// The dispatch loop.
    #[allow(clippy::cognitive_complexity)]
    fn dispatch<const REC: bool>(&mut self, entry: usize) -> PyResult<Flow> {
        'frame: loop {
            // The code is borrowed through a raw pointer, not cloned: a code object
            // lives as long as its module (every nested code is held by its parent's
            // `children`), and the module code by the outermost frame.
            let (code, base, mut pc): (&Code, usize, usize) = {
                let f = self.frames.last().expect("a frame to run");
                (unsafe { &*Rc::as_ptr(&f.code) }, f.base, f.pc)
            };
            let ops = code.ops.as_ptr();
            let regs: *mut Value = unsafe { self.stack.as_mut_ptr().add(base) };

            // Saves the pc and propagates an error.
            macro_rules! tri {
                ($e:expr) => {
                    match $e {
                        Ok(v) => v,
                        Err(e) => {
                            self.frames.last_mut().expect("frame").pc = pc;
                            return Err(e);
                        }
                    }
                };
            }
            macro_rules! fail {
                ($e:expr) => {{
                    let e = $e;
                    self.frames.last_mut().expect("frame").pc = pc;
                    return Err(e);
                }};
            }
            macro_rules! bound {
                ($($r:expr),*) => {{
                    let pairs = [$(($r, reg!(regs, $r))),*];
                    tri!(self.check_bound(&code, &pairs, pc));
                }};
            }
            macro_rules! binop_slow {
                ($dst:expr, $a:expr, $b:expr, $f:path) => {{
                    bound!($a, $b);
                    let v = tri!($f(self, reg!(regs, $a), reg!(regs, $b)));
                    set!(regs, $dst, v);
                }};
            }
            macro_rules! cmp_op {
                ($dst:expr, $a:expr, $b:expr, $op:tt, $kind:expr) => {{
                    match (rr!(regs, $a), rr!(regs, $b)) {
                        (&Value::Int(x), &Value::Int(y)) => set!(regs, $dst, Value::Bool(x $op y)),
                        (&Value::Float(x), &Value::Float(y)) => set!(regs, $dst, Value::Bool(x $op y)),
                        (&x, &y) => {
                            bound!($a, $b);
                            let v = tri!(ops::compare(self, x, y, $kind));
                            set!(regs, $dst, v);
                        }
                    }
                }};
            }
            macro_rules! safepoint {
                () => {
                    if self.heap.gc_requested {
                        self.frames.last_mut().expect("frame").pc = pc;
                        tri!(self.safepoint());
                    }
                    self.fuel -= 1;
                    if self.fuel == 0 {
                        fail!(self.fuel_exhausted());
                    }
                };
            }

            loop {
                // SAFETY: every code object ends in a return, and jumps stay in range.
                // Matching on the place (not a copy of the 12-byte op) loads each
                // operand straight from the code array.
                if REC {
                    self.frames.last_mut().expect("frame").pc = pc;
                    let go = self.with_jit(|jit, vm| jit.record(vm, pc));
                    if !go {
                        self.recording = false;
                        return Ok(Flow::Switch);
                    }
                }
                let op: &Op = unsafe { &*ops.add(pc) };
                pc += 1;
                match *op {
                    Op::Nop {} => {}
                    Op::Move { dst, src } => {
                        // Copied as tag + payload (`copy_value`), which store-forwards
                        // from the writes before.
                        let p: *const Value = rr!(regs, src);
                        if let Value::Undef = unsafe { &*p } {
                            fail!(self.unbound_local(code, src, pc));
                        }
                        // SAFETY: both are registers of the frame.
                        unsafe { copy_value(p, regs.add(dst.i())) };
                    }
                    Op::LoadConst { dst, k } => set!(regs, dst, code.consts[k.i()]),
                    Op::LoadInt { dst, val } => set!(regs, dst, Value::Int(val as i64)),
                    Op::LoadNone { dst } => set!(regs, dst, Value::None),
                    Op::LoadBool { dst, val } => set!(regs, dst, Value::Bool(val)),
                    Op::LoadGlobal { dst, g } => {
                        let mut v: *const Value = &self.globals[g.i()];
                        if let Value::Undef = unsafe { &*v } {
                            v = &self.builtin_of_slot[g.i()];
                            if let Value::Undef = unsafe { &*v } {
                                let name = self.global_names.names.borrow()[g.i()].clone();
                                fail!(self.name_error(&name));
                            }
                        }
                        // SAFETY: `dst` is a register of the frame.
                        unsafe { copy_value(v, regs.add(dst.i())) };
                    }
                    Op::StoreGlobal { g, src } => {
                        let v = reg!(regs, src);
                        if let Value::Undef = v {
                            fail!(self.unbound_local(code, src, pc));
                        }
                        self.globals[g.i()] = v;
                    }
                    Op::DelGlobal { g } => {
                        if let Value::Undef = self.globals[g.i()] {
                            let name = self.global_names.names.borrow()[g.i()].clone();
                            fail!(self.name_error(&name));
                        }
                        self.globals[g.i()] = Value::Undef;
                    }
                    Op::DelLocal { reg } => {
                        if let Value::Undef = reg!(regs, reg) {
                            fail!(self.unbound_local(code, reg, pc));
                        }
                        set!(regs, reg, Value::Undef);
                    }
                    Op::Add { dst, a, b } => match (rr!(regs, a), rr!(regs, b)) {
                        (&Value::Int(x), &Value::Int(y)) => match x.checked_add(y) {
                            Some(s) => set!(regs, dst, Value::Int(s)),
                            None => binop_slow!(dst, a, b, ops::add),
                        },
                        (&Value::Float(x), &Value::Float(y)) => {
                            set!(regs, dst, Value::Float(x + y))
                        }
                        _ => binop_slow!(dst, a, b, ops::add),
                    },
                    Op::AddImm { dst, a, imm } => match *rr!(regs, a) {
                        Value::Int(x) => match x.checked_add(imm as i64) {
                            Some(s) => set!(regs, dst, Value::Int(s)),
                            None => {
                                let v = tri!(ops::add(self, Value::Int(x), Value::Int(imm as i64)));
                                set!(regs, dst, v);
                            }
                        },
                        Value::Float(x) => set!(regs, dst, Value::Float(x + imm as f64)),
                        other => {
                            bound!(a);
                            let v = tri!(ops::add(self, other, Value::Int(imm as i64)));
                            set!(regs, dst, v);
                        }
                    },
                    Op::Sub { dst, a, b } => match (rr!(regs, a), rr!(regs, b)) {
                        (&Value::Int(x), &Value::Int(y)) => match x.checked_sub(y) {
                            Some(s) => set!(regs, dst, Value::Int(s)),
                            None => binop_slow!(dst, a, b, ops::sub),
                        },
                        (&Value::Float(x), &Value::Float(y)) => {
                            set!(regs, dst, Value::Float(x - y))
                        }
                        _ => binop_slow!(dst, a, b, ops::sub),
                    },
                    Op::Mul { dst, a, b } => match (rr!(regs, a), rr!(regs, b)) {
                        (&Value::Int(x), &Value::Int(y)) => match x.checked_mul(y) {
                            Some(s) => set!(regs, dst, Value::Int(s)),
                            None => binop_slow!(dst, a, b, ops::mul),
                        },
                        (&Value::Float(x), &Value::Float(y)) => {
                            set!(regs, dst, Value::Float(x * y))
                        }
                        _ => binop_slow!(dst, a, b, ops::mul),
                    },
                    Op::TrueDiv { dst, a, b } => match (rr!(regs, a), rr!(regs, b)) {
                        (&Value::Float(x), &Value::Float(y)) if y != 0.0 => {
                            set!(regs, dst, Value::Float(x / y))
                        }
                        _ => binop_slow!(dst, a, b, ops::truediv),
                    },
                    Op::FloorDiv { dst, a, b } => match (rr!(regs, a), rr!(regs, b)) {
                        (&Value::Int(x), &Value::Int(y)) if y > 0 => {
                            set!(regs, dst, Value::Int(x.div_euclid(y)))
                        }
                        _ => binop_slow!(dst, a, b, ops::floordiv),
                    },
                    Op::Mod { dst, a, b } => match (rr!(regs, a), rr!(regs, b)) {
                        (&Value::Int(x), &Value::Int(y)) if y > 0 => {
                            set!(regs, dst, Value::Int(x.rem_euclid(y)))
                        }
                        _ => binop_slow!(dst, a, b, ops::modulo),
                    },
                    Op::Pow { dst, a, b } => binop_slow!(dst, a, b, ops::pow),
                    Op::LShift { dst, a, b } => binop_slow!(dst, a, b, ops::lshift),
                    Op::RShift { dst, a, b } => binop_slow!(dst, a, b, ops::rshift),
                    Op::BitAnd { dst, a, b } => match (rr!(regs, a), rr!(regs, b)) {
                        (&Value::Int(x), &Value::Int(y)) => set!(regs, dst, Value::Int(x & y)),
                        _ => binop_slow!(dst, a, b, ops::bitand),
                    },
                    Op::BitOr { dst, a, b } => match (rr!(regs, a), rr!(regs, b)) {
                        (&Value::Int(x), &Value::Int(y)) => set!(regs, dst, Value::Int(x | y)),
                        _ => binop_slow!(dst, a, b, ops::bitor),
                    },
                    Op::BitXor { dst, a, b } => match (rr!(regs, a), rr!(regs, b)) {
                        (&Value::Int(x), &Value::Int(y)) => set!(regs, dst, Value::Int(x ^ y)),
                        _ => binop_slow!(dst, a, b, ops::bitxor),
                    },
                    Op::InplaceAdd { dst, a, b } => match (rr!(regs, a), rr!(regs, b)) {
                        (&Value::Int(x), &Value::Int(y)) => match x.checked_add(y) {
                            Some(s) => set!(regs, dst, Value::Int(s)),
                            None => binop_slow!(dst, a, b, ops::add),
                        },
                        (&Value::Float(x), &Value::Float(y)) => {
                            set!(regs, dst, Value::Float(x + y))
                        }
                        _ => binop_slow!(dst, a, b, ops::inplace_add),
                    },
                    Op::InplaceMul { dst, a, b } => binop_slow!(dst, a, b, ops::inplace_mul),
                    Op::Neg { dst, src } => match *rr!(regs, src) {
                        Value::Int(x) if x != i64::MIN => set!(regs, dst, Value::Int(-x)),
                        Value::Float(x) => set!(regs, dst, Value::Float(-x)),
                        v => {
                            bound!(src);
                            let r = tri!(ops::neg(self, v));
                            set!(regs, dst, r);
                        }
                    },
                    Op::Pos { dst, src } => {
                        bound!(src);
                        let r = tri!(ops::pos(self, reg!(regs, src)));
                        set!(regs, dst, r);
                    }
                    Op::Invert { dst, src } => {
                        bound!(src);
                        let r = tri!(ops::invert(self, reg!(regs, src)));
                        set!(regs, dst, r);
                    }
                    Op::Not { dst, src } => {
                        let t = match *rr!(regs, src) {
                            Value::Bool(b) => b,
                            v => {
                                bound!(src);
                                tri!(ops::truthy(self, v))
                            }
                        };
                        set!(regs, dst, Value::Bool(!t));
                    }
                    Op::Lt { dst, a, b } => cmp_op!(dst, a, b, <, ops::Cmp::Lt),
                    Op::Le { dst, a, b } => cmp_op!(dst, a, b, <=, ops::Cmp::Le),
                    Op::Gt { dst, a, b } => cmp_op!(dst, a, b, >, ops::Cmp::Gt),
                    Op::Ge { dst, a, b } => cmp_op!(dst, a, b, >=, ops::Cmp::Ge),
                    Op::Eq { dst, a, b } => cmp_op!(dst, a, b, ==, ops::Cmp::Eq),
                    Op::Ne { dst, a, b } => cmp_op!(dst, a, b, !=, ops::Cmp::Ne),
                    Op::Is { dst, a, b } => {
                        bound!(a, b);
                        set!(regs, dst, Value::Bool(reg!(regs, a).is(&reg!(regs, b))));
                    }
                    Op::IsNot { dst, a, b } => {
                        bound!(a, b);
                        set!(regs, dst, Value::Bool(!reg!(regs, a).is(&reg!(regs, b))));
                    }
                    Op::In { dst, a, b } => {
                        bound!(a, b);
                        let r = tri!(ops::contains(self, reg!(regs, b), reg!(regs, a)));
                        set!(regs, dst, Value::Bool(r));
                    }
                    Op::NotIn { dst, a, b } => {
                        bound!(a, b);
                        let r = tri!(ops::contains(self, reg!(regs, b), reg!(regs, a)));
                        set!(regs, dst, Value::Bool(!r));
                    }
                    Op::Jump { target } => pc = target.i(),
                    Op::JumpIfFalse { cond, target } => {
                        let t = match *rr!(regs, cond) {
                            Value::Bool(b) => b,
                            v => {
                                bound!(cond);
                                tri!(ops::truthy(self, v))
                            }
                        };
                        if !t {
                            pc = target.i();
                        }
                    }
                    Op::JumpIfTrue { cond, target } => {
                        let t = match *rr!(regs, cond) {
                            Value::Bool(b) => b,
                            v => {
                                bound!(cond);
                                tri!(ops::truthy(self, v))
                            }
                        };
                        if t {
                            pc = target.i();
                        }
                    }
                    Op::JumpBack { target, lp } => {
                        let l = &code.loops[lp.i()];
                        let c = l.count.get().wrapping_add(1);
                        l.count.set(c);
                        // Before jumping: an error here (Ctrl-C) is at this instruction.
                        safepoint!();
                        pc = target.i();
                        if !REC
                            && (l.trace.get() != 0 || c >= l.next_event.get())
                            && self.loop_header(lp, pc)
                        {
                            if self.recording {
                                return Ok(Flow::Switch);
                            }
                            continue 'frame;
                        }
                    }
                    Op::ForPrep {
                        base: st,
                        src,
                        target,
                    } => {
                        bound!(src);
                        let v = reg!(regs, src);
                        let state = tri!(ops::for_prep(self, v));
                        set!(regs, st, state[0]);
                        set!(regs, Reg(st.0 + 1), state[1]);
                        set!(regs, Reg(st.0 + 2), state[2]);
                        pc = target.i();
                    }
                    Op::ForNext {
                        base: st,
                        dst,
                        target,
                        lp,
                    } => {
                        if !REC {
                            let l = &code.loops[lp.i()];
                            // `trace_exited` is read only when the header has something
                            // to do: no store on the plain interpreted path.
                            if (l.trace.get() != 0 || l.count.get() >= l.next_event.get())
                                && !std::mem::take(&mut self.trace_exited)
                                && {
                                    safepoint!();
                                    self.loop_header(lp, pc - 1)
                                }
                            {
                                if self.recording {
                                    return Ok(Flow::Switch);
                                }
                                continue 'frame;
                            }
                        }
                        let next = match *rr!(regs, st) {
                            Value::Int(cur) => {
                                // A range: (cur, stop, step).
                                let (&Value::Int(stop), &Value::Int(step)) =
                                    (rr!(regs, Reg(st.0 + 1)), rr!(regs, Reg(st.0 + 2)))
                                else {
                                    unreachable!("range loop state")
                                };
                                if (step > 0 && cur < stop) || (step < 0 && cur > stop) {
                                    // cur + step may overflow only past the end: saturate.
                                    set!(
                                        regs,
                                        st,
                                        Value::Int(cur.checked_add(step).unwrap_or(stop))
                                    );
                                    Some(Value::Int(cur))
                                } else {
                                    None
                                }
                            }
                            Value::List(l) => {
                                let &Value::Int(i) = rr!(regs, Reg(st.0 + 1)) else {
                                    unreachable!("list loop state")
                                };
                                let items = l.items();
                                if (i as usize) < items.len() {
                                    let v = items[i as usize];
                                    set!(regs, Reg(st.0 + 1), Value::Int(i + 1));
                                    Some(v)
                                } else {
                                    None
                                }
                            }
                            s0 => {
                                let mut state =
                                    [s0, reg!(regs, Reg(st.0 + 1)), reg!(regs, Reg(st.0 + 2))];
                                let r = tri!(ops::for_next(self, &mut state));
                                set!(regs, Reg(st.0 + 1), state[1]);
                                r
                            }
                        };
                        if let Some(v) = next {
                            set!(regs, dst, v);
                            let c = &code.loops[lp.i()].count;
                            c.set(c.get().wrapping_add(1));
                            safepoint!();
                            pc = target.i();
                        }
                    }
                    Op::Call { func, nargs, dst } => {
                        let first = base + func.i() + 1;
                        if let &Value::Func(fo) = rr!(regs, func) {
                            safepoint!();
                            self.frames.last_mut().expect("frame").pc = pc;
                            tri!(self.push_call(fo, first, nargs as usize, &[], base + dst.i()));
                            continue 'frame;
                        }
                        let f = reg!(regs, func);
                        if let Some((fo, this)) = crate::classes::call_target(self, f) {
                            // A bound method or a callable instance: `self` goes in the
                            // function's register, right before the arguments.
                            set!(regs, func, this);
                            safepoint!();
                            self.frames.last_mut().expect("frame").pc = pc;
                            tri!(self.push_call(
                                fo,
                                first - 1,
                                nargs as usize + 1,
                                &[],
                                base + dst.i()
                            ));
                            continue 'frame;
                        }
                        if let Value::Undef = f {
                            bound!(func);
                        }
                        for i in 0..nargs {
                            let r = Reg(func.0 + 1 + i);
                            if let Value::Undef = reg!(regs, r) {
                                fail!(self.unbound_local(code, r, pc));
                            }
                        }
                        self.frames.last_mut().expect("frame").pc = pc;
                        // Native callees read their arguments in place: the stack never
                        // moves (`STACK_SLOTS` are allocated up front) and calls they
                        // make run in frames above this one, so these registers stay
                        // put.
                        let args = unsafe {
                            std::slice::from_raw_parts(regs.add(func.i() + 1), nargs as usize)
                        };
                        let v = match f {
                            Value::Builtin(bo) if bo.bound.is_none() => {
                                tri!((bo.func)(self, args, &[]))
                            }
                            Value::Type(t) => tri!(builtins::call_type(self, t, args, &[])),
                            _ => tri!(self.call_value(f, args, &[])),
                        };
                        set!(regs, dst, v);
                    }
                    Op::CallKw {
                        func,
                        nargs,
                        kwnames,
                    } => {
                        let f = reg!(regs, func);
                        let names = Self::kwnames(code, kwnames);
                        let first = base + func.i() + 1;
                        let npos = nargs as usize - names.len();
                        let kw: SmallVec<[(Gc<StrObj>, Value); 4]> = names
                            .iter()
                            .enumerate()
                            .map(|(i, n)| (*n, self.stack[first + npos + i]))
                            .collect();
                        if let Value::Func(fo) = f {
                            safepoint!();
                            self.frames.last_mut().expect("frame").pc = pc;
                            tri!(self.push_call(fo, first, nargs as usize, &kw, base + func.i()));
                            continue 'frame;
                        }
                        if let Some((fo, this)) = crate::classes::call_target(self, f) {
                            set!(regs, func, this);
                            safepoint!();
                            self.frames.last_mut().expect("frame").pc = pc;
                            tri!(self.push_call(
                                fo,
                                first - 1,
                                nargs as usize + 1,
                                &kw,
                                base + func.i()
                            ));
                            continue 'frame;
                        }
                        bound!(func);
                        let args: SmallVec<[Value; 8]> =
                            SmallVec::from_slice(&self.stack[first..first + npos]);
                        self.frames.last_mut().expect("frame").pc = pc;
                        let v = tri!(self.call_value(f, &args, &kw));
                        set!(regs, func, v);
                    }
                    Op::LoadMethod { base: b, obj, site } => {
                        if let &Value::Instance(inst) = rr!(regs, obj) {
                            let s = &code.sites[site.0 as usize];
                            // SAFETY: registers b and b + 1 are in the frame.
                            if unsafe { crate::classes::cached_method_to(inst, s, regs.add(b.i())) }
                            {
                                continue;
                            }
                        }
                        bound!(obj);
                        let o = reg!(regs, obj);
                        let (callable, this) =
                            tri!(ops::load_method(self, o, &code.sites[site.0 as usize]));
                        set!(regs, b, callable);
                        set!(regs, Reg(b.0 + 1), this);
                    }
                    Op::CallMethod {
                        base: b,
                        nargs,
                        dst,
                    } => {
                        let f = reg!(regs, b);
                        let has_self = !matches!(reg!(regs, Reg(b.0 + 1)), Value::Undef);
                        if !has_self {
                            if let Some((fo, this)) = crate::classes::call_target(self, f) {
                                // A bound method as attribute: its `self` fills the slot.
                                set!(regs, Reg(b.0 + 1), this);
                                safepoint!();
                                self.frames.last_mut().expect("frame").pc = pc;
                                tri!(self.push_call(
                                    fo,
                                    base + b.i() + 1,
                                    nargs as usize + 1,
                                    &[],
                                    base + dst.i()
                                ));
                                continue 'frame;
                            }
                        }
                        let (first, n) = if has_self {
                            (base + b.i() + 1, nargs as usize + 1)
                        } else {
                            (base + b.i() + 2, nargs as usize)
                        };
                        match f {
                            Value::Func(fo) => {
                                safepoint!();
                                self.frames.last_mut().expect("frame").pc = pc;
                                tri!(self.push_call(fo, first, n, &[], base + dst.i()));
                                continue 'frame;
                            }
                            _ => {
                                // Arguments in place, as in `Call`.
                                let args = unsafe {
                                    std::slice::from_raw_parts(self.stack.as_ptr().add(first), n)
                                };
                                self.frames.last_mut().expect("frame").pc = pc;
                                let v = match f {
                                    Value::Builtin(bo) if bo.bound.is_none() => {
                                        tri!((bo.func)(self, args, &[]))
                                    }
                                    _ => tri!(self.call_value(f, args, &[])),
                                };
                                set!(regs, dst, v);
                            }
                        }
                    }
                    Op::CallMethodKw {
                        base: b,
                        nargs,
                        kwnames,
                    } => {
                        let f = reg!(regs, b);
                        let has_self = !matches!(reg!(regs, Reg(b.0 + 1)), Value::Undef);
                        let names = Self::kwnames(code, kwnames);
                        let (first, n) = if has_self {
                            (base + b.i() + 1, nargs as usize + 1)
                        } else {
                            (base + b.i() + 2, nargs as usize)
                        };
                        let npos = n - names.len();
                        let kw: SmallVec<[(Gc<StrObj>, Value); 4]> = names
                            .iter()
                            .enumerate()
                            .map(|(i, nm)| (*nm, self.stack[first + npos + i]))
                            .collect();
                        if let Value::Func(fo) = f {
                            safepoint!();
                            self.frames.last_mut().expect("frame").pc = pc;
                            tri!(self.push_call(fo, first, n, &kw, base + b.i()));
                            continue 'frame;
                        }
                        let args: SmallVec<[Value; 8]> =
                            SmallVec::from_slice(&self.stack[first..first + npos]);
                        self.frames.last_mut().expect("frame").pc = pc;
                        let v = match f {
                            Value::Builtin(bo) if bo.bound.is_none() => {
                                tri!((bo.func)(self, &args, &kw))
                            }
                            _ => tri!(self.call_value(f, &args, &kw)),
                        };
                        set!(regs, b, v);
                    }
                    Op::LoadAttr { dst, obj, site } => {
                        if let &Value::Instance(inst) = rr!(regs, obj) {
                            let s = &code.sites[site.0 as usize];
                            // SAFETY: `dst` is a register of the frame.
                            if unsafe {
                                crate::classes::cached_load_to(&inst, s, regs.add(dst.i()))
                            } {
                                continue;
                            }
                        }
                        bound!(obj);
                        let v = tri!(ops::load_attr(
                            self,
                            reg!(regs, obj),
                            &code.sites[site.0 as usize]
                        ));
                        set!(regs, dst, v);
                    }
                    Op::StoreAttr { obj, site, src } => {
                        if let (&Value::Instance(inst), v) = (rr!(regs, obj), rr!(regs, src)) {
                            // SAFETY: `src` is a register of the frame.
                            if !matches!(v, Value::Undef)
                                && unsafe {
                                    crate::classes::cached_store_from(
                                        &inst,
                                        &code.sites[site.0 as usize],
                                        v,
                                    )
                                }
                            {
                                continue;
                            }
                        }
                        bound!(obj, src);
                        tri!(ops::store_attr(
                            self,
                            reg!(regs, obj),
                            &code.sites[site.0 as usize],
                            reg!(regs, src)
                        ));
                    }
                    Op::GetItem { dst, obj, key } => match (rr!(regs, obj), rr!(regs, key)) {
                        (&Value::List(l), &Value::Int(i)) if i >= 0 && (i as usize) < l.len() => {
                            set!(regs, dst, l.items()[i as usize]);
                        }
                        (&o, &k) => {
                            bound!(obj, key);
                            let v = tri!(ops::getitem(self, o, k));
                            set!(regs, dst, v);
                        }
                    },
                    Op::SetItem { obj, key, src } => match (rr!(regs, obj), rr!(regs, key)) {
                        (&Value::List(l), &Value::Int(i))
                            if i >= 0
                                && (i as usize) < l.len()
                                && !matches!(rr!(regs, src), Value::Undef) =>
                        {
                            l.set(i as usize, reg!(regs, src));
                        }
                        (&o, &k) => {
                            bound!(obj, key, src);
                            tri!(ops::setitem(self, o, k, reg!(regs, src)));
                        }
                    },
                    Op::DelItem { obj, key } => {
                        bound!(obj, key);
                        tri!(ops::delitem(self, reg!(regs, obj), reg!(regs, key)));
                    }
                    Op::GetSlice { dst, obj, start } => {
                        bound!(obj, start, Reg(start.0 + 1), Reg(start.0 + 2));
                        let parts = [
                            reg!(regs, start),
                            reg!(regs, Reg(start.0 + 1)),
                            reg!(regs, Reg(start.0 + 2)),
                        ];
                        let v = tri!(ops::getslice(self, reg!(regs, obj), parts));
                        set!(regs, dst, v);
                    }
                    Op::SetSlice { obj, start, src } => {
                        bound!(obj, src, start, Reg(start.0 + 1), Reg(start.0 + 2));
                        let parts = [
                            reg!(regs, start),
                            reg!(regs, Reg(start.0 + 1)),
                            reg!(regs, Reg(start.0 + 2)),
                        ];
                        tri!(ops::setslice(self, reg!(regs, obj), parts, reg!(regs, src)));
                    }
                    Op::DelSlice { obj, start } => {
                        bound!(obj, start, Reg(start.0 + 1), Reg(start.0 + 2));
                        let parts = [
                            reg!(regs, start),
                            reg!(regs, Reg(start.0 + 1)),
                            reg!(regs, Reg(start.0 + 2)),
                        ];
                        tri!(ops::delslice(self, reg!(regs, obj), parts));
                    }
                    Op::BuildList { dst, start, count } => {
                        let s = base + start.i();
                        for i in 0..count {
                            bound!(Reg(start.0 + i));
                        }
                        let items = self.stack[s..s + count as usize].to_vec();
                        let v = self.new_list(items);
                        set!(regs, dst, v);
                    }
                    Op::BuildTuple { dst, start, count } => {
                        let s = base + start.i();
                        for i in 0..count {
                            bound!(Reg(start.0 + i));
                        }
                        let items = self.stack[s..s + count as usize].to_vec();
                        let v = self.new_tuple(items);
                        set!(regs, dst, v);
                    }
                    Op::BuildDict { dst, start, count } => {
                        let d = self.new_dict();
                        for i in 0..count {
                            let k = Reg(start.0 + 2 * i);
                            let v = Reg(start.0 + 2 * i + 1);
                            bound!(k, v);
                            tri!(ops::dict_set(self, d, reg!(regs, k), reg!(regs, v)));
                        }
                        set!(regs, dst, Value::Dict(d));
                    }
                    Op::ListAppend { list, src } => {
                        bound!(src);
                        if let Value::List(l) = reg!(regs, list) {
                            l.push(reg!(regs, src));
                        }
                    }
                    Op::BuildString { dst, start, count } => {
                        let mut s = String::new();
                        for i in 0..count {
                            if let Value::Str(p) = reg!(regs, Reg(start.0 + i)) {
                                s.push_str(p.as_str());
                            }
                        }
                        let v = self.new_str(s);
                        set!(regs, dst, v);
                    }
                    Op::FormatValue {
                        dst,
                        src,
                        spec,
                        conv,
                    } => {
                        bound!(src);
                        let v = tri!(ops::format_value(
                            self,
                            reg!(regs, src),
                            reg!(regs, spec),
                            conv
                        ));
                        set!(regs, dst, v);
                    }
                    Op::UnpackSeq { src, start, count } => {
                        bound!(src);
                        if let Value::Tuple(t) = reg!(regs, src) {
                            // The common case (`for a, b in pairs`): no temporary vector.
                            if t.items.len() == count as usize {
                                for (i, v) in t.items.iter().enumerate() {
                                    set!(regs, Reg(start.0 + i as u16), *v);
                                }
                                continue;
                            }
                        }
                        let items = tri!(ops::unpack(self, reg!(regs, src), count as usize));
                        for (i, v) in items.into_iter().enumerate() {
                            set!(regs, Reg(start.0 + i as u16), v);
                        }
                    }
                    Op::MakeFunction {
                        dst,
                        start,
                        code: c,
                    } => {
                        let child = code.children[c.i()].clone();
                        let nd = child.ndefaults as usize;
                        let defaults: Box<[Value]> = (0..nd)
                            .map(|i| reg!(regs, Reg(start.0 + i as u16)))
                            .collect();
                        let kwdefaults: Box<[(usize, Value)]> = child
                            .kwdefault_params
                            .iter()
                            .enumerate()
                            .map(|(i, p)| (*p, reg!(regs, Reg(start.0 + (nd + i) as u16))))
                            .collect();
                        let f = self.heap.alloc(FuncObj {
                            code: child,
                            defaults,
                            kwdefaults,
                            closure: Box::new([]),
                            attrs: Default::default(),
                        });
                        set!(regs, dst, Value::Func(f));
                    }
                    Op::Return { src } => {
                        // Copied as tag + payload (`copy_value`), the widths the
                        // register was written with: a 16-byte or byte-1..9 copy
                        // stalls on store forwarding.
                        let p: *const Value = rr!(regs, src);
                        if let Value::Undef = unsafe { &*p } {
                            fail!(self.unbound_local(code, src, pc));
                        }
                        let f = self.frames.pop().expect("frame");
                        if self.frames.len() == entry {
                            return Ok(Flow::Return(unsafe { *p }));
                        }
                        let d: *mut Value = &mut self.stack[f.ret];
                        // SAFETY: both are stack slots (the stack never moves).
                        unsafe { copy_value(p, d) };
                        continue 'frame;
                    }
                    Op::ReturnNone {} => {
                        let f = self.frames.pop().expect("frame");
                        if self.frames.len() == entry {
                            return Ok(Flow::Return(Value::None));
                        }
                        self.stack[f.ret] = Value::None;
                        continue 'frame;
                    }
                    Op::AssertFail { msg, has_msg } => {
                        let args = if has_msg {
                            vec![reg!(regs, msg)]
                        } else {
                            vec![]
                        };
                        fail!(self.err_args(ExcType::AssertionError, args));
                    }
                    Op::Raise { src } => {
                        bound!(src);
                        let e = tri!(ops::make_raise(self, reg!(regs, src)));
                        fail!(e);
                    }
                    Op::EnterHandler { save, exc } => {
                        set!(regs, save, self.handling);
                        self.handling = reg!(regs, exc);
                    }
                    Op::LeaveHandler { save } => {
                        self.handling = reg!(regs, save);
                    }
                    Op::ExcMatch { dst, exc, ty } => {
                        let v = tri!(ops::exc_match(self, reg!(regs, exc), reg!(regs, ty)));
                        set!(regs, dst, Value::Bool(v));
                    }
                    Op::Reraise { src } => {
                        let Value::Exc(e) = reg!(regs, src) else {
                            unreachable!("re-raising a non-exception")
                        };
                        e.reraised.set(true);
                        fail!(PyErr(e));
                    }
                    Op::RaiseBare {} => match self.handling {
                        Value::Exc(e) => {
                            // A new raise of the same object: this frame gets an entry
                            // at the `raise` (CPython adds the re-raising frame's line
                            // unless it is the frame that caught it... kept simple:
                            // the traceback goes on from where it was).
                            e.reraised.set(true);
                            fail!(PyErr(e));
                        }
                        _ => {
                            fail!(self.err(ExcType::RuntimeError, "No active exception to reraise"))
                        }
                    },
                    Op::RaiseFrom { src, cause } => {
                        bound!(src, cause);
                        let e = tri!(ops::make_raise(self, reg!(regs, src)));
                        let c = match reg!(regs, cause) {
                            Value::None => Value::None,
                            c => match ops::make_raise(self, c) {
                                Ok(c) => Value::Exc(c.0),
                                Err(_) => fail!(self
                                    .type_error("exception causes must derive from BaseException")),
                            },
                        };
                        e.0.cause.set(c);
                        e.0.suppress_context.set(true);
                        fail!(e);
                    }
                    Op::WithEnter { dst, mgr, exit } => {
                        bound!(mgr);
                        let (enter, ex) = tri!(ops::with_methods(self, reg!(regs, mgr)));
                        set!(regs, exit, ex);
                        self.frames.last_mut().expect("frame").pc = pc;
                        let v = tri!(self.call_value(enter, &[], &[]));
                        set!(regs, dst, v);
                    }
                    Op::WithExit { dst, exit, exc } => {
                        let f = reg!(regs, exit);
                        let args = match reg!(regs, exc) {
                            Value::Exc(e) => [Value::Type(e.ty), Value::Exc(e), Value::None],
                            _ => [Value::None, Value::None, Value::None],
                        };
                        self.frames.last_mut().expect("frame").pc = pc;
                        let v = tri!(self.call_value(f, &args, &[]));
                        let t = tri!(ops::truthy(self, v));
                        set!(regs, dst, Value::Bool(t));
                    }
                    Op::ListExtend { list, src } => {
                        bound!(src);
                        tri!(ops::list_extend(
                            self,
                            reg!(regs, list),
                            reg!(regs, src),
                            None
                        ));
                    }
                    Op::ArgsExtend { list, src, func } => {
                        bound!(src);
                        let f = reg!(regs, func);
                        tri!(ops::list_extend(
                            self,
                            reg!(regs, list),
                            reg!(regs, src),
                            Some(f)
                        ));
                    }
                    Op::ListToTuple { dst, src } => {
                        let Value::List(l) = reg!(regs, src) else {
                            unreachable!("ListToTuple of a non-list")
                        };
                        let items = l.items().clone();
                        let t = self.new_tuple(items);
                        set!(regs, dst, t);
                    }
                    Op::DictUpdate { dict, src } => {
                        bound!(src);
                        tri!(ops::dict_update_display(
                            self,
                            reg!(regs, dict),
                            reg!(regs, src)
                        ));
                    }
                    Op::KwMerge { dict, src, func } => {
                        bound!(src);
                        let (d, s, f) = (reg!(regs, dict), reg!(regs, src), reg!(regs, func));
                        tri!(ops::kw_merge(self, d, s, f));
                    }
                    Op::CallEx { func, args, dst } => {
                        bound!(func);
                        safepoint!();
                        let f = reg!(regs, func);
                        let Value::List(pl) = reg!(regs, args) else {
                            unreachable!("CallEx without an argument list")
                        };
                        let pos: SmallVec<[Value; 8]> = SmallVec::from_slice(pl.items());
                        let kw: SmallVec<[(Gc<StrObj>, Value); 4]> =
                            match reg!(regs, Reg(args.0 + 1)) {
                                Value::Dict(d) => d
                                    .table()
                                    .iter()
                                    .filter_map(|e| match e.key {
                                        Value::Str(k) => Some((k, e.value)),
                                        _ => None,
                                    })
                                    .collect(),
                                _ => SmallVec::new(),
                            };
                        self.frames.last_mut().expect("frame").pc = pc;
                        if let Value::Func(fo) = f {
                            let first = base + func.i() + 1;
                            if first + pos.len() + fo.code.nregs as usize + 1 >= STACK_SLOTS {
                                fail!(self.err(
                                    ExcType::RecursionError,
                                    "maximum recursion depth exceeded"
                                ));
                            }
                            self.stack[first..first + pos.len()].copy_from_slice(&pos);
                            let n = pos.len() + kw.len();
                            tri!(self.push_call(fo, first, n, &kw, base + dst.i()));
                            continue 'frame;
                        }
                        let v = tri!(self.call_value(f, &pos, &kw));
                        set!(regs, dst, v);
                    }
                    Op::UnpackEx {
                        src,
                        start,
                        before,
                        after,
                    } => {
                        bound!(src);
                        let items = tri!(ops::unpack_ex(
                            self,
                            reg!(regs, src),
                            before as usize,
                            after as usize
                        ));
                        for (i, v) in items.into_iter().enumerate() {
                            set!(regs, Reg(start.0 + i as u16), v);
                        }
                    }
                    Op::Yield { dst, src } => {
                        bound!(src);
                        let v = reg!(regs, src);
                        self.suspend_gen(entry, pc, dst);
                        return Ok(Flow::Yield(v));
                    }
                    Op::YieldFrom { dst, it } => {
                        let (inner, sent) = (reg!(regs, it), reg!(regs, dst));
                        self.frames.last_mut().expect("frame").pc = pc;
                        match tri!(self.yield_from_step(inner, sent)) {
                            Some(Ok(v)) => {
                                // Re-run this instruction when resumed.
                                self.suspend_gen(entry, pc - 1, dst);
                                return Ok(Flow::Yield(v));
                            }
                            Some(Err(r)) => set!(regs, dst, r),
                            None => unreachable!("yield from"),
                        }
                    }
                    Op::YieldFromIter { dst, src } => {
                        bound!(src);
                        let v = match reg!(regs, src) {
                            g @ Value::Gen(_) => g,
                            other => Value::Iter(tri!(ops::get_iter(self, other))),
                        };
                        set!(regs, dst, v);
                    }
                    Op::ImportName { dst, name } => {
                        let Value::Str(n) = code.consts[name.i()] else {
                            unreachable!("import name")
                        };
                        let m = tri!(self.import(n.as_str()));
                        set!(regs, dst, m);
                    }
                    Op::ImportFrom { dst, module, name } => {
                        let Value::Str(n) = code.consts[name.i()] else {
                            unreachable!("import name")
                        };
                        let v = tri!(ops::import_from(self, reg!(regs, module), n.as_str()));
                        set!(regs, dst, v);
                    }
                    // -- classes and closures
                    Op::MakeCell { reg, wrap } => {
                        let v = if wrap { reg!(regs, reg) } else { Value::Undef };
                        let c = crate::classes::new_cell(self, v);
                        set!(regs, reg, c);
                    }
                    Op::LoadDeref { dst, cell } => {
                        let Value::Cell(c) = reg!(regs, cell) else {
                            unreachable!("LoadDeref of a register without a cell")
                        };
                        let v = c.get();
                        if let Value::Undef = v {
                            fail!(self.unbound_deref(code, cell, pc));
                        }
                        set!(regs, dst, v);
                    }
                    Op::StoreDeref { cell, src } => {
                        bound!(src);
                        let Value::Cell(c) = reg!(regs, cell) else {
                            unreachable!("StoreDeref to a register without a cell")
                        };
                        c.set(reg!(regs, src));
                    }
                    Op::DelDeref { cell } => {
                        let Value::Cell(c) = reg!(regs, cell) else {
                            unreachable!("DelDeref of a register without a cell")
                        };
                        if let Value::Undef = c.get() {
                            fail!(self.unbound_deref(code, cell, pc));
                        }
                        c.set(Value::Undef);
                    }
                    Op::MakeClosure {
                        dst,
                        start,
                        code: c,
                    } => {
                        let child = code.children[c.i()].clone();
                        let nd = child.ndefaults as usize;
                        let nkw = child.kwdefault_params.len();
                        let defaults: Box<[Value]> = (0..nd)
                            .map(|i| reg!(regs, Reg(start.0 + i as u16)))
                            .collect();
                        let kwdefaults: Box<[(usize, Value)]> = child
                            .kwdefault_params
                            .iter()
                            .enumerate()
                            .map(|(i, p)| (*p, reg!(regs, Reg(start.0 + (nd + i) as u16))))
                            .collect();
                        let closure: Box<[Value]> = (0..child.freevars.len())
                            .map(|i| reg!(regs, Reg(start.0 + (nd + nkw + i) as u16)))
                            .collect();
                        let f = self.heap.alloc(FuncObj {
                            code: child,
                            defaults,
                            kwdefaults,
                            closure,
                            attrs: Default::default(),
                        });
                        set!(regs, dst, Value::Func(f));
                    }
                    Op::LoadClassLocal { dst, src, g } => {
                        let mut v = reg!(regs, src);
                        if let Value::Undef = v {
                            v = self.globals[g.i()];
                            if let Value::Undef = v {
                                v = self.builtin_of_slot[g.i()];
                                if let Value::Undef = v {
                                    let name = self.global_names.names.borrow()[g.i()].clone();
                                    fail!(self.name_error(&name));
                                }
                            }
                        }
                        set!(regs, dst, v);
                    }
                    Op::ClassNamespace { dst } => {
                        let d = self.new_dict();
                        set!(regs, dst, Value::Dict(d));
                        for i in 0..code.nlocals() {
                            let v = reg!(regs, Reg(i as u16));
                            if let Value::Undef = v {
                                continue;
                            }
                            let name = code.varnames[i].as_str();
                            let key = if name == "__class__" && matches!(v, Value::Cell(_)) {
                                "__classcell__"
                            } else {
                                name
                            };
                            let k = self.new_str(key);
                            tri!(ops::dict_set(self, d, k, v));
                        }
                    }
                    Op::MakeClass {
                        dst,
                        start,
                        nbases,
                        name,
                    } => {
                        let (n, q) = match code.consts[name.i()] {
                            Value::Tuple(t) => match (t.items[0], t.items[1]) {
                                (Value::Str(n), Value::Str(q)) => (n, q),
                                _ => unreachable!("class name constant"),
                            },
                            _ => unreachable!("class name constant"),
                        };
                        let ns = reg!(regs, start);
                        let bases: SmallVec<[Value; 4]> = (0..nbases)
                            .map(|i| reg!(regs, Reg(start.0 + 1 + i)))
                            .collect();
                        self.frames.last_mut().expect("frame").pc = pc;
                        let cls = tri!(crate::classes::make_class(
                            self,
                            n.as_str(),
                            q.as_str(),
                            ns,
                            &bases
                        ));
                        set!(regs, dst, cls);
                    }
                    Op::DelAttr { obj, site } => {
                        bound!(obj);
                        let name = code.sites[site.0 as usize].name;
                        self.frames.last_mut().expect("frame").pc = pc;
                        tri!(crate::classes::delattr(
                            self,
                            reg!(regs, obj),
                            name.as_str()
                        ));
                    }
                    Op::InplaceAddImm { dst, a, imm, sub } => match *rr!(regs, a) {
                        Value::Int(x) => match x.checked_add(imm as i64) {
                            Some(s) => set!(regs, dst, Value::Int(s)),
                            None => {
                                let v = tri!(ops::add(self, Value::Int(x), Value::Int(imm as i64)));
                                set!(regs, dst, v);
                            }
                        },
                        Value::Float(x) => set!(regs, dst, Value::Float(x + imm as f64)),
                        other => {
                            bound!(a);
                            self.frames.last_mut().expect("frame").pc = pc;
                            let (op, k) = if sub {
                                (crate::classes::BinOp::Sub, -(imm as i64))
                            } else {
                                (crate::classes::BinOp::Add, imm as i64)
                            };
                            let v =
                                tri!(crate::classes::inplace_op(self, other, Value::Int(k), op));
                            set!(regs, dst, v);
                        }
                    },
                    Op::MatMul { dst, a, b } => {
                        binop_slow!(dst, a, b, crate::classes::matmul)
                    }
                    Op::InplaceOp { dst, a, b, op } => {
                        if op == crate::classes::BinOp::Sub as u8 {
                            match (rr!(regs, a), rr!(regs, b)) {
                                (&Value::Int(x), &Value::Int(y)) => {
                                    if let Some(r) = x.checked_sub(y) {
                                        set!(regs, dst, Value::Int(r));
                                        continue;
                                    }
                                }
                                (&Value::Float(x), &Value::Float(y)) => {
                                    set!(regs, dst, Value::Float(x - y));
                                    continue;
                                }
                                _ => {}
                            }
                        }
                        bound!(a, b);
                        self.frames.last_mut().expect("frame").pc = pc;
                        let v = tri!(crate::classes::inplace_op(
                            self,
                            reg!(regs, a),
                            reg!(regs, b),
                            crate::classes::BinOp::from_u8(op)
                        ));
                        set!(regs, dst, v);
                    }
                    // -- sets and collections
                    Op::BuildSet {
                        dst,
                        start,
                        count,
                        mode,
                    } => {
                        let s = base + start.i();
                        for i in 0..count {
                            bound!(Reg(start.0 + i));
                        }
                        let items: SmallVec<[Value; 8]> =
                            SmallVec::from_slice(&self.stack[s..s + count as usize]);
                        let v = tri!(crate::set::build(self, &items, mode));
                        set!(regs, dst, v);
                    }
                    Op::SetAdd { set, src } => {
                        bound!(src);
                        if let Value::Set(so) = reg!(regs, set) {
                            tri!(crate::set::add(self, so, reg!(regs, src)));
                        }
                    }
                }
            }
        }
    }

    /// `import name`.
    pub fn import(&mut self, name: &str) -> PyResult<Value> {
        if let Some(m) = self.modules.get(name) {
            return Ok(*m);
        }
        let m = match crate::modules::make_module(self, name) {
            Some(m) => m,
            None => {
                return Err(self.err(
                    ExcType::ModuleNotFoundError,
                    format!("No module named '{name}'"),
                ));
            }
        };
        self.modules.insert(name.to_string(), m);
        Ok(m)
    }

    /// Flushes buffered stdout (errors are ignored, as CPython does at exit).
    pub fn flush(&mut self) {
        let _ = self.out.flush();
    }
}

/// The first occurrence of identifier `name` inside `loc` (a one-line range), as a range.
fn find_name_in(source: &str, loc: Loc, name: &str) -> Option<Loc> {
    let line = source.lines().nth(loc.line.checked_sub(1)? as usize)?;
    let end = if loc.end_line == loc.line {
        (loc.end_col as usize).min(line.len())
    } else {
        line.len()
    };
    let start = (loc.col as usize).min(end);
    let seg = line.get(start..end)?;
    let is_ident = |c: char| c.is_alphanumeric() || c == '_';
    let mut from = 0;
    while let Some(i) = seg[from..].find(name) {
        let at = from + i;
        let before_ok = !seg[..at].chars().next_back().is_some_and(is_ident);
        let after_ok = !seg[at + name.len()..].chars().next().is_some_and(is_ident);
        if before_ok && after_ok {
            let col = (start + at) as u32;
            return Some(Loc {
                line: loc.line,
                col,
                end_line: loc.line,
                end_col: col + name.len() as u32,
            });
        }
        from = at + name.len().max(1);
    }
    None
}

/// Arms every loop of `code` (and nested code) to report to the JIT after
/// `threshold` back-edges.
fn set_loop_thresholds(code: &Code, threshold: u32) {
    for l in &code.loops {
        l.next_event.set(threshold);
    }
    for c in &code.children {
        set_loop_thresholds(c, threshold);
    }
}

fn name_list(names: &[String]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match q.len() {
        0 => String::new(),
        1 => q[0].clone(),
        2 => format!("{} and {}", q[0], q[1]),
        n => format!("{}, and {}", q[..n - 1].join(", "), q[n - 1]),
    }
}
