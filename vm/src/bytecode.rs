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
    // -- sets and collections
    /// `dst = {start..start+count}`. `mode` (see `set::BUILD_SET_*`): 0 adds the items
    /// one by one; 1 (a display of more than two constants) builds them into a
    /// frozenset first, as CPython does, then the set from it; 2 (constants iterated
    /// by a `for`) makes that frozenset itself. The modes can lay tables out differently.
    BuildSet { dst: Reg, start: Reg, count: u16, mode: u8 },
    /// `set.add(src)` (set comprehensions).
    SetAdd { set: Reg, src: Reg },
    /// `a |= b`: updates a set in place, else like BitOr.
    InplaceOr { dst: Reg, a: Reg, b: Reg },
    /// `a &= b`: intersects a set in place, else like BitAnd.
    InplaceAnd { dst: Reg, a: Reg, b: Reg },
    /// `a ^= b`: updates a set in place, else like BitXor.
    InplaceXor { dst: Reg, a: Reg, b: Reg },
    /// `a -= b`: removes from a set in place, else like Sub.
    InplaceSub { dst: Reg, a: Reg, b: Reg },
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

/// An attribute or method name site, with its inline cache.
pub struct Site {
    /// The attribute name.
    pub name: Gc<StrObj>,
    /// Cached lookup: the receiver's type tag and the method found for it.
    pub cache: Cell<(u8, Value)>,
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
    /// Number of positional defaults MakeFunction takes (before kw-only defaults).
    pub ndefaults: u16,
    /// Parameter indices of keyword-only parameters that have defaults (in order).
    pub kwdefault_params: Vec<usize>,
    /// Names of the local registers (parameters first).
    pub varnames: Vec<String>,
    /// Per-loop JIT state: exact back-edge counters (never hashed) and traces.
    pub loops: Vec<LoopState>,
    /// Line of the `def` (or 1).
    pub first_line: u32,
    /// The module's global slot names.
    pub globals: Rc<GlobalNames>,
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
            | Op::StoreAttr { site, .. } => self
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
