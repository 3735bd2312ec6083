//! IR: the trace IR — linear, SSA, typed — defined in one table (`ir_ops!`).
//!
//! A trace is one iteration of a hot loop, recorded while the interpreter ran it.
//! Every instruction produces at most one value, named by its index (`InsRef`,
//! printed `v3`). Types are runtime value tags (`Ty`): an IR value of type `int` is an
//! unboxed i64, `float` an f64, `bool` a 0/1 byte, and any heap type (`list`, `str`,
//! ...) a raw object pointer whose tag is known. Boxing a value for the interpreter is
//! therefore "store the tag byte, store the payload word" (see `Value` in tvm-vm).
//!
//! Shape of a trace (`Trace`):
//!
//! ```text
//!   preamble:  SLoad / GLoad guards that check the entry state     (before `Loop`)
//!   Loop
//!   LoopParam  one per loop-carried slot: its value at iteration start
//!   body:      the recorded iteration, with guards
//!   (implicit) jump back to Loop, passing Trace::carried end values
//! ```
//!
//! Slots are registers of the interpreter's value stack, numbered relative to the
//! root frame's first register; registers of inlined callee frames are just higher
//! slot numbers. Memory is not written inside the loop: slot values live in SSA
//! values, and a side exit writes back the values its snapshot lists (`snapshot.rs`).
//! The one exception is `SStore` at the end of an iteration, for locals the body
//! writes before reading: storing them keeps memory current without making their
//! type at loop entry matter.
//!
//! The table's columns: name, operand kinds (`a`, `b`, `c` are value operands,
//! `imm` an immediate), result type rule, effect flags, and a one-line doc. The enum,
//! `Opcode::name`, `Opcode::flags`, `OPCODE_DOCS`, the printer and the parser are
//! generated from or driven by it.

use cranelift_entity::{entity_impl, EntityRef, SecondaryMap};
use std::fmt::{self, Write};

// -- Typed indices ----------------------------------------------------------------

/// An instruction (and the value it defines) in a trace, printed `v3`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct InsRef(u32);
entity_impl!(InsRef, "v");

/// A snapshot of a trace, printed `s2`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct SnapId(u32);
entity_impl!(SnapId, "s");

/// A frame slot relative to the root frame's first register.
pub type Slot = u32;

// -- Types ------------------------------------------------------------------------

/// The type of an IR value: a runtime `Value` tag, or `VOID` for instructions that
/// produce nothing. Tags are `tvm_vm::value::Value`'s discriminants.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Ty(pub u8);

impl Ty {
    /// No value.
    pub const VOID: Ty = Ty(255);
    /// `None` (no payload).
    pub const NONE: Ty = Ty(0);
    /// The unbound-local marker (no payload).
    pub const UNDEF: Ty = Ty(1);
    /// A bool: payload byte 0 or 1.
    pub const BOOL: Ty = Ty(2);
    /// An i64.
    pub const INT: Ty = Ty(3);
    /// An f64.
    pub const FLOAT: Ty = Ty(4);
    /// A str pointer.
    pub const STR: Ty = Ty(6);
    /// A list pointer.
    pub const LIST: Ty = Ty(7);
    /// A tuple pointer.
    pub const TUPLE: Ty = Ty(8);
    /// A function pointer.
    pub const FUNC: Ty = Ty(11);
    /// A builtin-function pointer.
    pub const BUILTIN: Ty = Ty(12);

    /// Whether the payload is a heap pointer.
    pub fn is_ref(self) -> bool {
        self.0 >= 5 && self != Ty::VOID
    }

    /// The type's name in the text format.
    pub fn name(self) -> &'static str {
        match self.0 {
            255 => "void",
            0 => "none",
            1 => "undef",
            2 => "bool",
            3 => "int",
            4 => "float",
            5 => "bigint",
            6 => "str",
            7 => "list",
            8 => "tuple",
            9 => "dict",
            10 => "range",
            11 => "func",
            12 => "builtin",
            13 => "iter",
            14 => "type",
            15 => "exc",
            16 => "module",
            17 => "dictview",
            18 => "slice",
            21 => "instance",
            22 => "method",
            23 => "cell",
            25 => "descr",
            19 => "set",
            20 => "frozenset",
            _ => "?",
        }
    }

    /// Parses a type name.
    pub fn from_name(s: &str) -> Option<Ty> {
        (0u8..=25)
            .map(Ty)
            .filter(|t| t.name() != "?")
            .chain(std::iter::once(Ty::VOID))
            .find(|t| t.name() == s)
    }
}

impl fmt::Display for Ty {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

// -- The opcode table ----------------------------------------------------------------

/// Effect flags of an opcode.
pub mod flags {
    /// No side effects; may be CSE'd, folded or removed when unused.
    pub const PURE: u8 = 1;
    /// Swapping `a` and `b` does not change the result.
    pub const COMM: u8 = 2;
    /// May leave the trace through its snapshot.
    pub const GUARD: u8 = 4;
    /// Reads memory.
    pub const LOAD: u8 = 8;
    /// Writes memory.
    pub const STORE: u8 = 16;
    /// Calls a runtime helper.
    pub const CALL: u8 = 32;
}

/// How an instruction's result type is determined.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum TyRule {
    /// Always this type.
    Fixed(Ty),
    /// Stated on the instruction (`Ins::ty`), e.g. a guarded load.
    Given,
}

/// Which operand fields an opcode uses (for printing, parsing and verifying).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Operands {
    /// Number of value operands used (`a`, `b`, `c` in order).
    pub values: u8,
    /// Whether `imm` is meaningful.
    pub imm: bool,
}

macro_rules! ir_ops {
    ($( $name:ident ( $nvals:literal, $imm:literal ) -> $ty:expr, $flags:expr, $doc:literal; )*) => {
        /// A trace IR opcode. Generated from the table in `ir.rs`.
        #[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
        #[repr(u8)]
        pub enum Opcode { $( #[doc = $doc] $name ),* }

        impl Opcode {
            /// Every opcode, in table order.
            pub const ALL: &'static [Opcode] = &[ $( Opcode::$name ),* ];
            /// The opcode's name in the text format.
            pub fn name(self) -> &'static str {
                match self { $( Opcode::$name => stringify!($name) ),* }
            }
            /// Effect flags (`flags::*`).
            pub fn flags(self) -> u8 {
                use flags::*;
                match self { $( Opcode::$name => $flags ),* }
            }
            /// How the result type is determined.
            pub fn ty_rule(self) -> TyRule {
                use TyRule::*;
                match self { $( Opcode::$name => $ty ),* }
            }
            /// Operand fields used.
            pub fn operands(self) -> Operands {
                match self { $( Opcode::$name => Operands { values: $nvals, imm: $imm } ),* }
            }
            /// Parses an opcode name.
            pub fn from_name(s: &str) -> Option<Opcode> {
                match s { $( stringify!($name) => Some(Opcode::$name), )* _ => None }
            }
        }

        /// Every opcode with its documentation, in table order.
        pub const OPCODE_DOCS: &[(&str, &str)] = &[ $( (stringify!($name), $doc) ),* ];
    };
}

// Column guide: Name(number of value operands, uses imm) -> result type, flags, doc.
ir_ops! {
    // Constants.
    KInt(0, true) -> Fixed(Ty::INT), PURE, "Integer constant `imm`.";
    KFloat(0, true) -> Fixed(Ty::FLOAT), PURE, "Float constant; `imm` holds the f64 bits.";
    KBool(0, true) -> Fixed(Ty::BOOL), PURE, "Bool constant `imm` (0 or 1).";
    KNone(0, false) -> Fixed(Ty::NONE), PURE, "The None constant.";
    KRef(0, true) -> Given, PURE, "Object constant: `imm` is the pointer, `ty` its tag.";
    // Entry state and the loop.
    SLoad(0, true) -> Given, GUARD | LOAD, "Load slot `imm` at trace entry; exit unless its tag is `ty`.";
    GLoad(0, true) -> Given, GUARD | LOAD, "Load the module global at address `imm`; exit unless its tag is `ty`.";
    Loop(0, false) -> Fixed(Ty::VOID), 0, "Start of the loop body; the end of the trace jumps back here.";
    LoopParam(0, true) -> Given, 0, "Value of loop-carried slot `imm` at the start of an iteration.";
    // Integer arithmetic.
    AddOv(2, false) -> Fixed(Ty::INT), GUARD | COMM, "a + b; exit on i64 overflow.";
    SubOv(2, false) -> Fixed(Ty::INT), GUARD, "a - b; exit on i64 overflow.";
    MulOv(2, false) -> Fixed(Ty::INT), GUARD | COMM, "a * b; exit on i64 overflow.";
    NegOv(1, false) -> Fixed(Ty::INT), GUARD, "-a; exit when a is i64::MIN.";
    Add(2, false) -> Fixed(Ty::INT), PURE | COMM, "a + b, known not to overflow (wrapping).";
    Sub(2, false) -> Fixed(Ty::INT), PURE, "a - b, known not to overflow (wrapping).";
    FloorDiv(2, false) -> Fixed(Ty::INT), GUARD, "Python a // b; exit unless b > 0.";
    Mod(2, false) -> Fixed(Ty::INT), GUARD, "Python a % b; exit unless b > 0.";
    UDiv(2, false) -> Fixed(Ty::INT), PURE, "a // b where `bounds` proved a >= 0 and b is a constant > 0: no exit, no sign fix.";
    URem(2, false) -> Fixed(Ty::INT), PURE, "a % b where `bounds` proved a >= 0 and b is a constant > 0: no exit, no sign fix.";
    BAnd(2, false) -> Fixed(Ty::INT), PURE | COMM, "a & b.";
    BOr(2, false) -> Fixed(Ty::INT), PURE | COMM, "a | b.";
    BXor(2, false) -> Fixed(Ty::INT), PURE | COMM, "a ^ b.";
    Shr(2, false) -> Fixed(Ty::INT), GUARD, "Python a >> b (arithmetic; b >= 64 gives 0 or -1); exit if b < 0.";
    ShlOv(2, false) -> Fixed(Ty::INT), GUARD, "a << b; exit if b < 0, b > 63 or the result overflows i64.";
    // Float arithmetic.
    FAdd(2, false) -> Fixed(Ty::FLOAT), PURE | COMM, "a + b on floats.";
    FSub(2, false) -> Fixed(Ty::FLOAT), PURE, "a - b on floats.";
    FMul(2, false) -> Fixed(Ty::FLOAT), PURE | COMM, "a * b on floats.";
    FDiv(2, false) -> Fixed(Ty::FLOAT), GUARD, "a / b on floats; exit when b == 0.0.";
    FNeg(1, false) -> Fixed(Ty::FLOAT), PURE, "-a on a float.";
    FSqrt(1, false) -> Fixed(Ty::FLOAT), GUARD, "math.sqrt(a); exit when a < 0 (the interpreter raises ValueError).";
    IToF(1, false) -> Fixed(Ty::FLOAT), PURE, "Int to float (exact for |a| < 2**53; CPython rounding otherwise).";
    // Comparisons (produce bools).
    Lt(2, false) -> Fixed(Ty::BOOL), PURE, "a < b on ints.";
    Le(2, false) -> Fixed(Ty::BOOL), PURE, "a <= b on ints.";
    Gt(2, false) -> Fixed(Ty::BOOL), PURE, "a > b on ints.";
    Ge(2, false) -> Fixed(Ty::BOOL), PURE, "a >= b on ints.";
    Eq(2, false) -> Fixed(Ty::BOOL), PURE | COMM, "a == b on ints.";
    Ne(2, false) -> Fixed(Ty::BOOL), PURE | COMM, "a != b on ints.";
    FLt(2, false) -> Fixed(Ty::BOOL), PURE, "a < b on floats.";
    FLe(2, false) -> Fixed(Ty::BOOL), PURE, "a <= b on floats.";
    FGt(2, false) -> Fixed(Ty::BOOL), PURE, "a > b on floats.";
    FGe(2, false) -> Fixed(Ty::BOOL), PURE, "a >= b on floats.";
    FEq(2, false) -> Fixed(Ty::BOOL), PURE | COMM, "a == b on floats.";
    FNe(2, false) -> Fixed(Ty::BOOL), PURE | COMM, "a != b on floats.";
    RefEq(2, false) -> Fixed(Ty::BOOL), PURE | COMM, "Pointer identity of two objects (also `is` on None/bools by payload).";
    Not(1, false) -> Fixed(Ty::BOOL), PURE, "Logical not of a bool.";
    IntTruth(1, false) -> Fixed(Ty::BOOL), PURE, "a != 0 for an int.";
    // Guards.
    GuardTrue(1, false) -> Fixed(Ty::VOID), GUARD, "Exit unless a (a bool) is true.";
    GuardFalse(1, false) -> Fixed(Ty::VOID), GUARD, "Exit unless a (a bool) is false.";
    GuardRef(1, true) -> Fixed(Ty::VOID), GUARD, "Exit unless object a is the object at address `imm`.";
    // Lists.
    ListLen(1, false) -> Fixed(Ty::INT), LOAD, "len(a) of a list (a load: lists are mutable).";
    ListGet(2, false) -> Given, GUARD | LOAD, "a[b] of a list with 0 <= b < len; exit if out of range or the item's tag is not `ty`.";
    ListSet(3, false) -> Fixed(Ty::VOID), GUARD | STORE, "a[b] = c on a list; exit if b is out of range.";
    // Globals.
    SStore(1, true) -> Fixed(Ty::VOID), STORE, "Store a to slot `imm` (end of an iteration, for slots written before they are read).";
    GStore(1, true) -> Fixed(Ty::VOID), STORE, "Store a to the module global at address `imm` (written through immediately).";
    // Instances and cells (tvm_vm::classes::jit_layout).
    // No trace instruction changes a shape or a class version, so these two guards
    // CSE like pure ones (an earlier identical check still holds).
    GuardShape(1, true) -> Fixed(Ty::VOID), GUARD, "Exit unless instance a has the shape whose pointer word is `imm`.";
    GuardVersion(1, true) -> Fixed(Ty::VOID), GUARD, "Exit unless the u64 at address `imm` (a class version) equals int a.";
    SlotGet(1, true) -> Given, GUARD | LOAD, "Slot `imm` of instance a (its shape is guarded before); exit if the value's tag is not `ty`.";
    SlotSet(2, true) -> Fixed(Ty::VOID), STORE, "Slot `imm` of instance a = b (its shape is guarded before).";
    CellGet(1, false) -> Given, GUARD | LOAD, "The value in cell a; exit if its tag is not `ty` (an empty cell holds Undef).";
    CellSet(2, false) -> Fixed(Ty::VOID), STORE, "Cell a's value = b.";
}

const _: () = assert!(Opcode::ALL.len() < 256);

// -- Instructions and traces -------------------------------------------------------

/// One instruction. Unused operand fields are `InsRef::reserved_value()`-free: they
/// hold `InsRef::default()` and are ignored (see `Opcode::operands`).
#[derive(Clone, Copy, PartialEq, Debug)]
pub struct Ins {
    /// What it does.
    pub op: Opcode,
    /// Result type (`Ty::VOID` if none).
    pub ty: Ty,
    /// First value operand.
    pub a: InsRef,
    /// Second value operand.
    pub b: InsRef,
    /// Third value operand.
    pub c: InsRef,
    /// Immediate (constant, slot number, address).
    pub imm: i64,
    /// Snapshot taken before this instruction, for guards.
    pub snap: Option<SnapId>,
}

impl Ins {
    /// An instruction with no operands.
    pub fn new(op: Opcode, ty: Ty) -> Ins {
        Ins {
            op,
            ty,
            a: InsRef::default(),
            b: InsRef::default(),
            c: InsRef::default(),
            imm: 0,
            snap: None,
        }
    }
    /// The value operands it uses, in order.
    pub fn args(&self) -> impl Iterator<Item = InsRef> + '_ {
        [self.a, self.b, self.c]
            .into_iter()
            .take(self.op.operands().values as usize)
    }
}

/// An interpreter frame in a snapshot, outermost (the trace's root frame) first.
#[derive(Clone, PartialEq, Debug)]
pub struct SnapFrame {
    /// The frame's code object (`*const tvm_vm::bytecode::Code`), as an address.
    pub code: usize,
    /// Where the frame resumes: for the innermost frame the instruction to re-execute,
    /// for outer frames the instruction after their call.
    pub pc: u32,
    /// First register of the frame, as a slot (0 for the root frame).
    pub base: Slot,
    /// Slot receiving the frame's return value (unused for the root frame).
    pub ret: Slot,
}

/// The interpreter state at a guard: which slots hold which IR values (every slot
/// whose value differs from memory), and the frames to rebuild. See `snapshot.rs`.
#[derive(Clone, PartialEq, Debug, Default)]
pub struct Snapshot {
    /// Frames from the root frame to the innermost one.
    pub frames: Vec<SnapFrame>,
    /// (slot, value) pairs, sorted by slot.
    pub entries: Vec<(Slot, InsRef)>,
}

/// A loop-carried slot: the value entering the loop and the value at iteration end.
#[derive(Clone, Copy, PartialEq, Debug)]
pub struct Carried {
    /// The slot.
    pub slot: Slot,
    /// Its `LoopParam` instruction.
    pub param: InsRef,
    /// Value on loop entry (defined in the preamble).
    pub init: InsRef,
    /// Value at the end of an iteration (passed back to the loop header).
    pub next: InsRef,
}

/// A recorded, optimizable, compilable trace. Two traces are equal when
/// everything but `origin` (where instructions were recorded) is.
#[derive(Clone, Debug, Default)]
pub struct Trace {
    /// Instructions; `InsRef(i)` is `ins[i]`.
    pub ins: Vec<Ins>,
    /// Snapshots; guards refer to them.
    pub snaps: Vec<Snapshot>,
    /// Loop-carried slots.
    pub carried: Vec<Carried>,
    /// Snapshot of the loop header (every carried slot = its `LoopParam`): the exit
    /// taken when compiled code polls the GC flag at the top of an iteration.
    pub header_snap: Option<SnapId>,
    /// For each instruction, its index in the trace as recorded, before passes
    /// dropped or moved instructions (the trace log maps it to a source line).
    /// Empty means unchanged; not part of the text form, nor of equality.
    pub origin: Vec<u32>,
}

impl PartialEq for Trace {
    fn eq(&self, o: &Trace) -> bool {
        self.ins == o.ins
            && self.snaps == o.snaps
            && self.carried == o.carried
            && self.header_snap == o.header_snap
    }
}

impl Trace {
    /// The instruction defining `r`.
    pub fn get(&self, r: InsRef) -> &Ins {
        &self.ins[r.index()]
    }
    /// Appends an instruction.
    pub fn push(&mut self, ins: Ins) -> InsRef {
        self.ins.push(ins);
        InsRef::new(self.ins.len() - 1)
    }
    /// Appends a snapshot.
    pub fn push_snap(&mut self, s: Snapshot) -> SnapId {
        self.snaps.push(s);
        SnapId::new(self.snaps.len() - 1)
    }
    /// Index of the `Loop` instruction, if any.
    pub fn loop_index(&self) -> Option<usize> {
        self.ins.iter().position(|i| i.op == Opcode::Loop)
    }

    /// Keeps the instructions `order` lists (by current index, in their new order)
    /// and renumbers them: operands, snapshot entries, `carried` and `origin`.
    /// Every value a kept instruction, snapshot or carried slot uses must be kept,
    /// and defined before its users in the new order. Returns old -> new.
    pub fn reorder(&mut self, order: &[usize]) -> SecondaryMap<InsRef, InsRef> {
        let mut map: SecondaryMap<InsRef, InsRef> = SecondaryMap::with_capacity(self.ins.len());
        for (new, &old) in order.iter().enumerate() {
            map[InsRef::new(old)] = InsRef::new(new);
        }
        let old_origin = std::mem::take(&mut self.origin);
        let mut ins = Vec::with_capacity(order.len());
        for &old in order {
            let mut x = self.ins[old];
            let nvals = x.op.operands().values as usize;
            for field in [&mut x.a, &mut x.b, &mut x.c].into_iter().take(nvals) {
                *field = map[*field];
            }
            ins.push(x);
            self.origin
                .push(old_origin.get(old).copied().unwrap_or(old as u32));
        }
        self.ins = ins;
        for snap in &mut self.snaps {
            for entry in &mut snap.entries {
                entry.1 = map[entry.1];
            }
        }
        for c in &mut self.carried {
            c.param = map[c.param];
            c.init = map[c.init];
            c.next = map[c.next];
        }
        map
    }
}

// -- The text form -------------------------------------------------------------------

/// Formats an immediate for the text form.
fn fmt_imm(ins: &Ins, out: &mut String) {
    match ins.op {
        Opcode::KFloat => {
            let f = f64::from_bits(ins.imm as u64);
            let _ = write!(out, " {:?}", f);
        }
        Opcode::KRef
        | Opcode::GuardRef
        | Opcode::GStore
        | Opcode::GLoad
        | Opcode::GuardShape
        | Opcode::GuardVersion => {
            let _ = write!(out, " {:#x}", ins.imm);
        }
        _ => {
            let _ = write!(out, " {}", ins.imm);
        }
    }
}

impl Trace {
    /// The text form of one instruction: `v3 = int AddOv v1, v2 ; s0`.
    pub fn fmt_ins(&self, r: InsRef, out: &mut String) {
        let ins = self.get(r);
        if ins.ty != Ty::VOID {
            let _ = write!(out, "{r} = {} ", ins.ty);
        }
        out.push_str(ins.op.name());
        let ops = ins.op.operands();
        let mut first = true;
        for a in ins.args() {
            let _ = write!(out, "{}{a}", if first { " " } else { ", " });
            first = false;
        }
        if ops.imm {
            if !first {
                out.push(',');
            }
            fmt_imm(ins, out);
        }
        if let Some(s) = ins.snap {
            let _ = write!(out, " ; {s}");
        }
    }

    /// The text form of a snapshot: `s0 = [frames] {slot: value, ...}`.
    pub fn fmt_snap(&self, s: SnapId, out: &mut String) {
        let snap = &self.snaps[s.index()];
        let _ = write!(out, "{s} =");
        for f in &snap.frames {
            let _ = write!(
                out,
                " frame(code={:#x}, pc={}, base={}, ret={})",
                f.code, f.pc, f.base, f.ret
            );
        }
        out.push_str(" {");
        for (i, (slot, v)) in snap.entries.iter().enumerate() {
            let _ = write!(out, "{}{slot}: {v}", if i > 0 { ", " } else { "" });
        }
        out.push('}');
    }

    /// The whole trace in the text form (round-trips through `text::parse`).
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for s in 0..self.snaps.len() {
            self.fmt_snap(SnapId::new(s), &mut out);
            out.push('\n');
        }
        for i in 0..self.ins.len() {
            self.fmt_ins(InsRef::new(i), &mut out);
            out.push('\n');
        }
        for c in &self.carried {
            let _ = writeln!(
                out,
                "carry {}: {} -> {} -> {}",
                c.slot, c.init, c.param, c.next
            );
        }
        if let Some(s) = self.header_snap {
            let _ = writeln!(out, "header_snap {s}");
        }
        out
    }
}

impl fmt::Display for Trace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_text())
    }
}
