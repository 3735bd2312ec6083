//! Bytecode: the register-based instruction set, defined in one table, and code objects.
//!
//! Why registers: a frame is a window of `Value` slots in one contiguous stack
//! (`interp.rs`). Parameters and locals have fixed slots, temporaries are allocated
//! above them like a stack, and an instruction names its operands directly
//! (`Add dst a b`). Compared with a stack machine this needs about half the dispatches
//! for loop code (no push/pop of locals), and the trace recorder sees exactly which
//! slot each value lives in — the frame layout snapshots will describe. Calls are
//! Lua-style: arguments are evaluated into consecutive registers above the caller's
//! temporaries, and the callee's frame starts right there, so no argument is copied.
//!
//! The `define_ops!` table below is the single definition of every opcode: the enum,
//! `Op::name`, the operand printer used by `tvm dis`, and `OP_DOCS` are generated
//! from it.

use crate::gc::Gc;
use crate::object::StrObj;
use crate::value::Value;
use std::cell::Cell;
use std::fmt::Write;
use std::rc::Rc;

// -- Operand kinds ---------------------------------------------------------------

macro_rules! index_type {
    ($(#[doc = $doc:literal])* $name:ident($inner:ty), $prefix:literal) => {
        $(#[doc = $doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(pub $inner);
        impl $name {
            /// As a usize index.
            #[inline(always)]
            pub fn i(self) -> usize {
                self.0 as usize
            }
        }
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, concat!($prefix, "{}"), self.0)
            }
        }
    };
}
index_type!(
    /// A register (frame slot), printed `r3`.
    Reg(u16), "r");
index_type!(
    /// A jump target (instruction index), printed `@12`.
    Label(u32), "@");
index_type!(
    /// An index into `Code::consts`, printed `k2`.
    ConstId(u32), "k");
index_type!(
    /// An index into `Code::sites` (attribute/method name + inline cache), printed `s1`.
    SiteId(u16), "s");
index_type!(
    /// A module-global slot, printed `g4`.
    GlobalId(u32), "g");
index_type!(
    /// A loop counter of this code object, printed `L0`.
    LoopId(u16), "L");

/// Something the disassembler can print.
pub trait Operand {
    /// Appends the operand's text.
    fn fmt_operand(&self, out: &mut String);
}
macro_rules! display_operand {
    ($($t:ty),*) => {$(
        impl Operand for $t {
            fn fmt_operand(&self, out: &mut String) {
                let _ = write!(out, "{}", self);
            }
        }
    )*};
}
display_operand!(Reg, Label, ConstId, SiteId, GlobalId, LoopId, u8, u16, i32, bool);

// -- The opcode table -----------------------------------------------------------------

macro_rules! define_ops {
    ($( $(#[doc = $doc:literal])+ $name:ident { $($field:ident : $fty:ty),* } ),* $(,)?) => {
        /// One instruction. Generated from the table in `bytecode.rs`.
        #[derive(Clone, Copy, Debug, PartialEq)]
        pub enum Op {
            $( $(#[doc = $doc])+ $name { $( #[allow(missing_docs)] $field: $fty ),* } ),*
        }
        impl Op {
            /// The opcode's name, as printed by `tvm dis`.
            pub fn name(&self) -> &'static str {
                match self { $( Op::$name { .. } => stringify!($name) ),* }
            }
            /// Appends ` field=value` for each operand.
            pub fn fmt_operands(&self, out: &mut String) {
                match self {
                    $( Op::$name { $($field),* } => {
                        $( out.push(' '); out.push_str(stringify!($field)); out.push('=');
                           $field.fmt_operand(out); )*
                    } ),*
                }
            }
        }
        /// Every opcode with its documentation, in table order.
        pub const OP_DOCS: &[(&str, &str)] = &[ $( (stringify!($name), concat!($($doc),+)) ),* ];
    };
}

define_ops! {
    /// No operation.
    Nop {},
    /// `dst = src`; raises UnboundLocalError if `src` is an unbound local.
    Move { dst: Reg, src: Reg },
    /// `dst = consts[k]`.
    LoadConst { dst: Reg, k: ConstId },
    /// `dst = val` (a small int immediate).
    LoadInt { dst: Reg, val: i32 },
    /// `dst = None`.
    LoadNone { dst: Reg },
    /// `dst = True/False`.
    LoadBool { dst: Reg, val: bool },
    /// `dst = globals[g]`, else the builtin of that name, else NameError.
    LoadGlobal { dst: Reg, g: GlobalId },
    /// `globals[g] = src`.
    StoreGlobal { g: GlobalId, src: Reg },
    /// `del` of a global; NameError if unbound.
    DelGlobal { g: GlobalId },
    /// `del` of a local; UnboundLocalError if unbound.
    DelLocal { reg: Reg },
    /// `dst = a + b`.
    Add { dst: Reg, a: Reg, b: Reg },
    /// `dst = a - b`.
    Sub { dst: Reg, a: Reg, b: Reg },
    /// `dst = a * b`.
    Mul { dst: Reg, a: Reg, b: Reg },
    /// `dst = a / b`.
    TrueDiv { dst: Reg, a: Reg, b: Reg },
    /// `dst = a // b`.
    FloorDiv { dst: Reg, a: Reg, b: Reg },
    /// `dst = a % b` (also str %-formatting).
    Mod { dst: Reg, a: Reg, b: Reg },
    /// `dst = a ** b`.
    Pow { dst: Reg, a: Reg, b: Reg },
    /// `dst = a << b`.
    LShift { dst: Reg, a: Reg, b: Reg },
    /// `dst = a >> b`.
    RShift { dst: Reg, a: Reg, b: Reg },
    /// `dst = a & b`.
    BitAnd { dst: Reg, a: Reg, b: Reg },
    /// `dst = a | b`.
    BitOr { dst: Reg, a: Reg, b: Reg },
    /// `dst = a ^ b`.
    BitXor { dst: Reg, a: Reg, b: Reg },
    /// `a += b`: extends a list in place, else like Add.
    InplaceAdd { dst: Reg, a: Reg, b: Reg },
    /// `a *= b`: repeats a list in place, else like Mul.
    InplaceMul { dst: Reg, a: Reg, b: Reg },
    /// `dst = a + imm` (the `i += 1` / `n - 1` fast path).
    AddImm { dst: Reg, a: Reg, imm: i32 },
    /// `dst = -src`.
    Neg { dst: Reg, src: Reg },
    /// `dst = +src`.
    Pos { dst: Reg, src: Reg },
    /// `dst = ~src`.
    Invert { dst: Reg, src: Reg },
    /// `dst = not src`.
    Not { dst: Reg, src: Reg },
    /// `dst = a < b`.
    Lt { dst: Reg, a: Reg, b: Reg },
    /// `dst = a <= b`.
    Le { dst: Reg, a: Reg, b: Reg },
    /// `dst = a > b`.
    Gt { dst: Reg, a: Reg, b: Reg },
    /// `dst = a >= b`.
    Ge { dst: Reg, a: Reg, b: Reg },
    /// `dst = a == b`.
    Eq { dst: Reg, a: Reg, b: Reg },
    /// `dst = a != b`.
    Ne { dst: Reg, a: Reg, b: Reg },
    /// `dst = a is b`.
    Is { dst: Reg, a: Reg, b: Reg },
    /// `dst = a is not b`.
    IsNot { dst: Reg, a: Reg, b: Reg },
    /// `dst = a in b`.
    In { dst: Reg, a: Reg, b: Reg },
    /// `dst = a not in b`.
    NotIn { dst: Reg, a: Reg, b: Reg },
    /// Jump forward to `target`.
    Jump { target: Label },
    /// Jump to `target` if `cond` is falsy.
    JumpIfFalse { cond: Reg, target: Label },
    /// Jump to `target` if `cond` is truthy.
    JumpIfTrue { cond: Reg, target: Label },
    /// Loop back-edge of a `while` loop: counts loop `lp`, polls the GC flag, jumps.
    JumpBack { target: Label, lp: LoopId },
    /// Sets up iteration over `src` in `base..base+3`, then jumps to the loop's ForNext.
    /// State: a range keeps (cur, stop, step) as ints; a list/tuple/str keeps
    /// (seq, index, -); anything else keeps (iterator, -, -).
    ForPrep { base: Reg, src: Reg, target: Label },
    /// Loop back-edge of a `for` loop: advances the state in `base..`; if there is a
    /// next item, stores it in `dst`, counts loop `lp`, polls the GC flag and jumps to
    /// `target` (the body); otherwise falls through.
    ForNext { base: Reg, dst: Reg, target: Label, lp: LoopId },
    /// Calls `func` with `nargs` positional arguments in the registers after it;
    /// the result goes to `dst`.
    Call { func: Reg, nargs: u16, dst: Reg },
    /// Calls `func` with `nargs` arguments after it, the last ones being keyword
    /// arguments named by the str tuple `consts[kwnames]`; the result replaces `func`.
    CallKw { func: Reg, nargs: u16, kwnames: ConstId },
    /// Looks up method `sites[site]` on `obj`: `base` = the callable, `base+1` = `obj`
    /// (or Undef when the attribute is a plain function, e.g. a module's).
    LoadMethod { base: Reg, obj: Reg, site: SiteId },
    /// Calls the method prepared by LoadMethod with `nargs` arguments from `base+2`.
    CallMethod { base: Reg, nargs: u16, dst: Reg },
    /// Like CallMethod with keyword arguments (see CallKw); the result replaces `base`.
    CallMethodKw { base: Reg, nargs: u16, kwnames: ConstId },
    /// `dst = obj.<sites[site]>`.
    LoadAttr { dst: Reg, obj: Reg, site: SiteId },
    /// `obj.<sites[site]> = src`.
    StoreAttr { obj: Reg, site: SiteId, src: Reg },
    /// `dst = obj[key]`.
    GetItem { dst: Reg, obj: Reg, key: Reg },
    /// `obj[key] = src`.
    SetItem { obj: Reg, key: Reg, src: Reg },
    /// `del obj[key]`.
    DelItem { obj: Reg, key: Reg },
    /// `dst = obj[lo:hi:step]` with lo, hi, step in `start..start+3` (None if absent).
    GetSlice { dst: Reg, obj: Reg, start: Reg },
    /// `obj[lo:hi:step] = src`.
    SetSlice { obj: Reg, start: Reg, src: Reg },
    /// `del obj[lo:hi:step]`.
    DelSlice { obj: Reg, start: Reg },
    /// `dst = [start..start+count]`.
    BuildList { dst: Reg, start: Reg, count: u16 },
    /// `dst = (start..start+count)`.
    BuildTuple { dst: Reg, start: Reg, count: u16 },
    /// `dst = {k0: v0, ...}` from `count` key/value pairs at `start`.
    BuildDict { dst: Reg, start: Reg, count: u16 },
    /// `list.append(src)` (for long list displays).
    ListAppend { list: Reg, src: Reg },
    /// `dst = ''.join(start..start+count)` of strs (f-string pieces).
    BuildString { dst: Reg, start: Reg, count: u16 },
    /// `dst = format(src, spec)` after conversion `conv` (0 none, b's', b'r', b'a');
    /// `spec` holds a str or None.
    FormatValue { dst: Reg, src: Reg, spec: Reg, conv: u8 },
    /// Unpacks iterable `src` into exactly `count` registers from `start`.
    UnpackSeq { src: Reg, start: Reg, count: u16 },
    /// `dst = function(children[code])` with its defaults in registers from `start`.
    MakeFunction { dst: Reg, start: Reg, code: ConstId },
    /// Returns `src` to the caller.
    Return { src: Reg },
    /// Returns None to the caller.
    ReturnNone {},
    /// Raises AssertionError, with `msg` as argument when `has_msg`.
    AssertFail { msg: Reg, has_msg: bool },
    /// Raises the exception (class or instance) in `src`.
    Raise { src: Reg },
    /// `dst = import consts[name]`.
    ImportName { dst: Reg, name: ConstId },
    /// `dst = module.consts[name]` for `from module import name`.
    ImportFrom { dst: Reg, module: Reg, name: ConstId },
    // -- exceptions (handlers are found through `Code::handlers`, not by ops)
    /// Entering an `except`/`finally` handler with exception `exc`:
    /// `save = <exception being handled>`, then `exc` becomes the one handled.
    EnterHandler { save: Reg, exc: Reg },
    /// Leaving a handler: the exception being handled goes back to `save`.
    LeaveHandler { save: Reg },
    /// `dst = isinstance(exc, ty)` for `except ty:` (TypeError unless `ty` is an
    /// exception class or a tuple of them).
    ExcMatch { dst: Reg, exc: Reg, ty: Reg },
    /// Re-raises the exception in `src` unchanged (its traceback goes on growing
    /// from where it was first raised).
    Reraise { src: Reg },
    /// Bare `raise`: re-raises the exception being handled, else RuntimeError.
    RaiseBare {},
    /// `raise src from cause`.
    RaiseFrom { src: Reg, cause: Reg },
    /// `with`: `exit = type(mgr).__exit__` bound to `mgr`, then `dst = mgr.__enter__()`.
    WithEnter { dst: Reg, mgr: Reg, exit: Reg },
    /// `dst = exit(type(exc), exc, tb)` — or `exit(None, None, None)` when `exc` is None.
    WithExit { dst: Reg, exit: Reg, exc: Reg },
    // -- argument unpacking
    /// `list.extend(src)` (`*src` in displays and calls).
    ListExtend { list: Reg, src: Reg },
    /// `dst = tuple(src)` of a list.
    ListToTuple { dst: Reg, src: Reg },
    /// `dict.update(src)` (`**src` in a dict display).
    DictUpdate { dict: Reg, src: Reg },
    /// `**src` in a call to `func`: merges mapping `src` into `dict`, raising
    /// TypeError for a repeated keyword or a non-mapping.
    KwMerge { dict: Reg, src: Reg, func: Reg },
    /// `*src` in a call to `func`: `list.extend(src)`, with the call's error message.
    ArgsExtend { list: Reg, src: Reg, func: Reg },
    /// `dst = func(*args, **kwargs)`: `args` holds a list, `args + 1` a dict or None.
    CallEx { func: Reg, args: Reg, dst: Reg },
    /// `a, *b, c = src`: `before` targets, a list, `after` targets, into `start..`.
    UnpackEx { src: Reg, start: Reg, before: u8, after: u8 },
    // -- generators
    /// Suspends the generator, yielding `src`; on resume `dst` = the value sent.
    Yield { dst: Reg, src: Reg },
    /// One step of `yield from it`: resumes `it` sending `dst`; if it yields, the
    /// generator yields that value and re-runs this instruction on resume (with the
    /// new sent value in `dst`); when `it` finishes, `dst` = its return value.
    YieldFrom { dst: Reg, it: Reg },
    /// `dst = iter(src)` for `yield from` (a generator is its own iterator).
    YieldFromIter { dst: Reg, src: Reg },
    // -- classes and closures
    /// `reg = cell(reg)` when `wrap` (a captured parameter), else a new empty cell.
    MakeCell { reg: Reg, wrap: bool },
    /// `dst = cell.contents` of the cell in register `cell`; NameError or
    /// UnboundLocalError when empty.
    LoadDeref { dst: Reg, cell: Reg },
    /// `cell.contents = src`.
    StoreDeref { cell: Reg, src: Reg },
    /// `del` of a captured variable (empties the cell; error if already empty).
    DelDeref { cell: Reg },
    /// Like MakeFunction; after the defaults, the registers hold the cells of the
    /// child's free variables (`Code::freevars` order).
    MakeClosure { dst: Reg, start: Reg, code: ConstId },
    /// Class bodies: `dst = src` if bound, else global/builtin `g` (CPython's LOAD_NAME).
    LoadClassLocal { dst: Reg, src: Reg, g: GlobalId },
    /// Class bodies: `dst` = the namespace dict of this frame's bound named registers
    /// (the `__class__` cell goes in as `__classcell__`).
    ClassNamespace { dst: Reg },
    /// `dst` = a new class named by the (name, qualname) tuple `consts[name]`, with the
    /// namespace in `start` and `nbases` bases after it.
    MakeClass { dst: Reg, start: Reg, nbases: u16, name: ConstId },
    /// `del obj.<sites[site]>`.
    DelAttr { obj: Reg, site: SiteId },
    /// `dst = a op= b` for the operators without their own in-place opcode
    /// (`op` is a `classes::BinOp`).
    InplaceOp { dst: Reg, a: Reg, b: Reg, op: u8 },
    /// `a += imm` (`a -= -imm` when `sub`): AddImm for ints and floats, `__iadd__` /
    /// `__isub__` for instances.
    InplaceAddImm { dst: Reg, a: Reg, imm: i32, sub: bool },
    /// `dst = a @ b` (`__matmul__` / `__rmatmul__`; no builtin type implements it).
    MatMul { dst: Reg, a: Reg, b: Reg },
    // -- sets and collections
    /// `dst = {start..start+count}`. `mode` (see `set::BUILD_SET_*`): 0 adds the items
    /// one by one; 1 (a display of more than two constants) builds them into a
    /// frozenset first, as CPython does, then the set from it; 2 (constants iterated
    /// by a `for`) makes that frozenset itself. The modes can lay tables out differently.
    BuildSet { dst: Reg, start: Reg, count: u16, mode: u8 },
    /// `set.add(src)` (set comprehensions).
    SetAdd { set: Reg, src: Reg },
}

const _: () = assert!(std::mem::size_of::<Op>() <= 12);

// -- Code objects -------------------------------------------------------------------

/// A source range, as CPython's `co_positions`: 1-based lines, 0-based byte columns.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Loc {
    /// First line.
    pub line: u32,
    /// First column (UTF-8 byte offset in the line).
    pub col: u32,
    /// Last line.
    pub end_line: u32,
    /// End column (exclusive byte offset in `end_line`).
    pub end_col: u32,
}

/// The JIT-facing state of one loop.
#[derive(Debug)]
pub struct LoopState {
    /// Back-edges taken so far.
    pub count: Cell<u32>,
    /// The count at which the JIT wants to hear about this loop (`u32::MAX`: never).
    pub next_event: Cell<u32>,
    /// The compiled trace anchored at this loop's header (0: none; else id + 1).
    pub trace: Cell<u32>,
}

impl LoopState {
    /// A fresh loop: the JIT is asked after `threshold` back-edges.
    pub fn new(threshold: u32) -> LoopState {
        LoopState {
            count: Cell::new(0),
            next_event: Cell::new(threshold),
            trace: Cell::new(0),
        }
    }
}

/// An attribute or method name site, with its inline caches.
pub struct Site {
    /// The attribute name.
    pub name: Gc<StrObj>,
    /// Cached lookup: the receiver's type tag and the method found for it.
    pub cache: Cell<(u8, Value)>,
    /// Loads from instances and classes (shape id or class version → slot or method;
    /// `classes.rs`):
    /// a polymorphic inline cache of `IC_WAYS` entries, most recently filled first.
    pub load: [Cell<crate::classes::AttrCache>; crate::classes::IC_WAYS],
    /// Stores to instances (shape → slot or shape transition): polymorphic like
    /// `load` (a method of a base class stores to instances of every subclass).
    pub store: [Cell<crate::classes::AttrCache>; crate::classes::IC_WAYS],
    /// Module attributes (`math.sqrt`): the module's address and the attribute.
    /// Modules are immutable, so the entry stays valid while the module lives (and
    /// modules live for the whole run).
    pub module: Cell<(usize, Value)>,
}

impl Site {
    /// A site for attribute `name` with empty caches.
    pub fn new(name: Gc<StrObj>) -> Site {
        Site {
            name,
            cache: Cell::new((u8::MAX, Value::None)),
            load: std::array::from_fn(|_| Cell::new(crate::classes::AttrCache::EMPTY)),
            store: std::array::from_fn(|_| Cell::new(crate::classes::AttrCache::EMPTY)),
            module: Cell::new((0, Value::None)),
        }
    }
}

/// Names of a module's global slots (shared by all code objects of the module).
#[derive(Default)]
pub struct GlobalNames {
    /// Slot index -> name.
    pub names: std::cell::RefCell<Vec<String>>,
}

/// A compiled function body or module.
pub struct Code {
    /// Function name (`<module>` for module code).
    pub name: String,
    /// Qualified name (`outer.<locals>.inner`).
    pub qualname: String,
    /// File name as given on the command line.
    pub filename: Rc<str>,
    /// The whole source text, for tracebacks.
    pub source: Rc<str>,
    /// Instructions.
    pub ops: Vec<Op>,
    /// Source range of each instruction.
    pub locs: Vec<Loc>,
    /// Constants.
    pub consts: Vec<Value>,
    /// Attribute/method sites.
    pub sites: Vec<Site>,
    /// Code objects of nested functions (MakeFunction's `code` indexes this).
    pub children: Vec<Rc<Code>>,
    /// Number of registers a frame needs.
    pub nregs: u16,
    /// Positional parameters (they occupy registers 0..nparams).
    pub nparams: u16,
    /// Keyword-only parameters (registers nparams..nparams+nkwonly).
    pub nkwonly: u16,
    /// Whether the body contains `yield`: calling it makes a generator.
    pub generator: bool,
    /// Whether a `*args` parameter follows the keyword-only ones (register
    /// `nparams + nkwonly`).
    pub varargs: bool,
    /// Whether a `**kwargs` parameter follows (register `nparams + nkwonly + varargs`).
    pub varkw: bool,
    /// Number of positional defaults MakeFunction takes (before kw-only defaults).
    pub ndefaults: u16,
    /// Parameter indices of keyword-only parameters that have defaults (in order).
    pub kwdefault_params: Vec<usize>,
    /// Names of the local registers (parameters first).
    pub varnames: Vec<String>,
    /// Names of the free variables: their cells are in the registers right after the
    /// locals (`nlocals()..`), copied from the function's closure at each call.
    pub freevars: Vec<String>,
    /// Per-loop JIT state: exact back-edge counters (never hashed) and traces.
    pub loops: Vec<LoopState>,
    /// Line of the `def` (or 1).
    pub first_line: u32,
    /// The module's global slot names.
    pub globals: Rc<GlobalNames>,
    /// The exception table: which instructions each handler protects.
    pub handlers: Vec<Handler>,
    /// Inline comprehensions: the instructions CPython would run in a frame of their
    /// own (`<listcomp>`), so tracebacks can show that frame.
    pub comp_frames: Vec<CompFrame>,
}

/// One entry of a code object's exception table (the CPython 3.11 design: no
/// instruction sets up or pops a handler, so a `try` costs nothing until it raises).
/// When instruction `pc` raises, the handler is the entry with `start <= pc < end`
/// and the greatest `depth` (try statements nest; one statement may own several
/// ranges, because the inline copies of a `finally` body that `return`/`break` run
/// are not protected by their own handler). The interpreter stores the exception
/// in register `exc` and jumps to `target`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Handler {
    /// First protected instruction.
    pub start: u32,
    /// One past the last protected instruction.
    pub end: u32,
    /// The handler's first instruction.
    pub target: Label,
    /// Register that receives the exception.
    pub exc: Reg,
    /// Nesting depth of the try statement (innermost wins).
    pub depth: u16,
}

/// Instructions `start..end` are an inline comprehension's body: a traceback
/// through them shows a frame named `name`, called from the comprehension at `loc`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CompFrame {
    /// First instruction of the comprehension's own part (after its first iterable).
    pub start: u32,
    /// One past its last instruction.
    pub end: u32,
    /// `<listcomp>`, `<setcomp>` or `<dictcomp>`.
    pub name: &'static str,
    /// The whole comprehension expression.
    pub loc: Loc,
}

impl Code {
    /// The comprehension frames around instruction `pc`, innermost first.
    pub fn comp_frames_at(&self, pc: usize) -> Vec<CompFrame> {
        let pc = pc as u32;
        let mut v: Vec<CompFrame> = self
            .comp_frames
            .iter()
            .filter(|c| c.start <= pc && pc < c.end)
            .copied()
            .collect();
        v.sort_by_key(|c| c.end - c.start);
        v
    }

    /// The handler protecting instruction `pc`, if any.
    pub fn handler_for(&self, pc: usize) -> Option<Handler> {
        let pc = pc as u32;
        let mut best: Option<Handler> = None;
        for h in &self.handlers {
            if h.start <= pc && pc < h.end && best.is_none_or(|b| h.depth > b.depth) {
                best = Some(*h);
            }
        }
        best
    }
}

impl Code {
    /// Number of local-variable registers (parameters and locals).
    pub fn nlocals(&self) -> usize {
        self.varnames.len()
    }

    /// A `tvm dis` listing of this code and every nested code object.
    pub fn disassemble(&self, out: &mut String) {
        let _ = writeln!(
            out,
            "Disassembly of {} ({}:{}): {} registers, {} params, {} consts",
            self.qualname,
            self.filename,
            self.first_line,
            self.nregs,
            self.nparams,
            self.consts.len()
        );
        if !self.varnames.is_empty() {
            let vars: Vec<String> = self
                .varnames
                .iter()
                .enumerate()
                .map(|(i, n)| format!("r{i}={n}"))
                .collect();
            let _ = writeln!(out, "  locals: {}", vars.join(" "));
        }
        if !self.freevars.is_empty() {
            let n = self.varnames.len();
            let vars: Vec<String> = self
                .freevars
                .iter()
                .enumerate()
                .map(|(i, v)| format!("r{}={v}", n + i))
                .collect();
            let _ = writeln!(out, "  free: {}", vars.join(" "));
        }
        let lines: Vec<&str> = self.source.lines().collect();
        let mut last_line = 0;
        for (pc, op) in self.ops.iter().enumerate() {
            let loc = self.locs.get(pc).copied().unwrap_or_default();
            if loc.line != last_line && loc.line != 0 {
                last_line = loc.line;
                let text = lines
                    .get(loc.line as usize - 1)
                    .map(|s| s.trim())
                    .unwrap_or("");
                let _ = writeln!(out, "{:>5}  {}", loc.line, text);
            }
            let mut ops = String::new();
            op.fmt_operands(&mut ops);
            let _ = write!(out, "{:>11}  {:<14}{}", pc, op.name(), ops);
            self.annotate(op, out);
            out.push('\n');
        }
        for h in &self.handlers {
            let _ = writeln!(
                out,
                "  handler: {}..{} -> {} exc={} depth={}",
                h.start, h.end, h.target, h.exc, h.depth
            );
        }
        out.push('\n');
        for code in &self.children {
            code.disassemble(out);
        }
    }

    fn annotate(&self, op: &Op, out: &mut String) {
        let names = self.globals.names.borrow();
        let note = match *op {
            Op::LoadConst { k, .. } => self.consts.get(k.i()).map(crate::interp::const_repr),
            Op::LoadGlobal { g, .. } | Op::StoreGlobal { g, .. } | Op::DelGlobal { g } => {
                names.get(g.i()).cloned()
            }
            Op::LoadMethod { site, .. }
            | Op::LoadAttr { site, .. }
            | Op::StoreAttr { site, .. }
            | Op::DelAttr { site, .. } => self
                .sites
                .get(site.0 as usize)
                .map(|s| s.name.as_str().to_string()),
            Op::ImportName { name, .. } | Op::ImportFrom { name, .. } => {
                self.consts.get(name.i()).map(crate::interp::const_repr)
            }
            _ => None,
        };
        if let Some(n) = note {
            let _ = write!(out, "    ; {n}");
        }
    }
}
