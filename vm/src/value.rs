//! Value: the 16-byte tagged representation of every Python value.
//!
//! `#[repr(C, u8)]` fixes the layout: the tag byte at offset 0, the payload (an i64,
//! an f64, a bool or a heap pointer) at offset 8. Small ints and floats are never
//! boxed, and the type of a builtin value is one load and one compare away — the
//! layout compiled JIT code relies on (see `TAG_*` and `PAYLOAD_OFFSET`).
//! Ints outside i64 live in `BigInt` boxes; the invariant is that a `BigInt` value
//! never fits in an i64, so `Int` vs `BigInt` is decided by the tag alone.

use crate::classes::{BoundMethodObj, CellObj, DescrObj, InstanceObj};
use crate::gc::{Gc, GcHeader};
use crate::object::*;
use std::ptr::NonNull;

/// A Python value (or the internal `Undef` marker of an unbound variable).
#[derive(Clone, Copy)]
#[repr(C, u8)]
pub enum Value {
    /// `None`. Tag 0, so zeroed memory is a valid array of `None`s.
    None = 0,
    /// The marker of an unbound local or an undefined global; never visible to Python.
    Undef = 1,
    /// `True` / `False`.
    Bool(bool) = 2,
    /// An int that fits in i64.
    Int(i64) = 3,
    /// A float.
    Float(f64) = 4,
    /// An int that does not fit in i64.
    BigInt(Gc<BigIntObj>) = 5,
    /// `str`.
    Str(Gc<StrObj>) = 6,
    /// `list`.
    List(Gc<ListObj>) = 7,
    /// `tuple`.
    Tuple(Gc<TupleObj>) = 8,
    /// `dict`.
    Dict(Gc<DictObj>) = 9,
    /// `range`.
    Range(Gc<RangeObj>) = 10,
    /// A Python function.
    Func(Gc<FuncObj>) = 11,
    /// A native function or method.
    Builtin(Gc<BuiltinObj>) = 12,
    /// An iterator (range, list, enumerate, zip, ...).
    Iter(Gc<IterObj>) = 13,
    /// A type object (`int`, `list`, `ValueError`, ...).
    Type(Gc<TypeObj>) = 14,
    /// An exception instance.
    Exc(Gc<ExcObj>) = 15,
    /// A module (`math`).
    Module(Gc<ModuleObj>) = 16,
    /// A dict view (`d.keys()`, `d.values()`, `d.items()`).
    DictView(Gc<DictViewObj>) = 17,
    /// A slice object.
    Slice(Gc<SliceObj>) = 18,
    /// A generator (tag 24; 19-23 and 25 belong to sets and classes).
    Gen(Gc<crate::generator::GenObj>) = 24,
    /// An instance of a user class (or of `object`): class, shape and slots.
    Instance(Gc<InstanceObj>) = 21,
    /// A function bound to `self` (`obj.method` as a value).
    BoundMethod(Gc<BoundMethodObj>) = 22,
    /// A cell holding a captured variable (never visible to Python code).
    Cell(Gc<CellObj>) = 23,
    /// staticmethod, classmethod, property, super objects and `NotImplemented`.
    Descr(Gc<DescrObj>) = 25,
    /// `set` (a hash table mirroring CPython's, see `set.rs`).
    Set(Gc<SetObj>) = 19,
    /// `frozenset` (the same object type as `set`, immutable by convention).
    FrozenSet(Gc<SetObj>) = 20,
}

/// Tag byte values, for JIT code. Must match the discriminants above.
pub mod tags {
    /// `Value::None`.
    pub const NONE: u8 = 0;
    /// `Value::Undef`.
    pub const UNDEF: u8 = 1;
    /// `Value::Bool`.
    pub const BOOL: u8 = 2;
    /// `Value::Int`.
    pub const INT: u8 = 3;
    /// `Value::Float`.
    pub const FLOAT: u8 = 4;
    /// `Value::Instance`.
    pub const INSTANCE: u8 = 21;
    /// `Value::BoundMethod`.
    pub const BOUND_METHOD: u8 = 22;
    /// `Value::Cell`.
    pub const CELL: u8 = 23;
    /// `Value::Descr`.
    pub const DESCR: u8 = 25;
}

/// Offset of the payload within a `Value`.
pub const PAYLOAD_OFFSET: usize = 8;
const _: () = assert!(std::mem::size_of::<Value>() == 16);

/// Copies the value at `src` to `dst` as its tag byte and its payload (the word at
/// `PAYLOAD_OFFSET`, or the byte of a bool), the same widths the interpreter writes
/// registers with.
///
/// A plain `*dst = *src` of a value the compiler knows nothing about is moved as
/// bytes 1..9 and 8..16 through a stack temporary (or as one 16-byte load): loads
/// that straddle the narrower stores that just wrote the source (or the temporary)
/// cannot be forwarded from the store buffer and stall for a dozen cycles. Hot
/// paths that copy values between registers, slots and globals use this instead.
///
/// # Safety
/// `src` must point to a valid value and `dst` be valid for a write of one.
#[inline(always)]
pub unsafe fn copy_value(src: *const Value, dst: *mut Value) {
    let s = src as *const u8;
    let d = dst as *mut u8;
    let tag = *s;
    if tag == tags::BOOL {
        *d.add(PAYLOAD_OFFSET) = *s.add(PAYLOAD_OFFSET);
    } else {
        // MaybeUninit: the payload word of None/Undef is padding.
        let w = std::ptr::read(s.add(PAYLOAD_OFFSET) as *const std::mem::MaybeUninit<u64>);
        std::ptr::write(d.add(PAYLOAD_OFFSET) as *mut std::mem::MaybeUninit<u64>, w);
    }
    *d = tag;
}

/// Writes `v` to `dst` as two whole words: the tag zero-extended to 8 bytes, then
/// the payload word. A later read of the value, whether of the tag byte, the
/// payload or both words, is then forwarded from these stores; a plain
/// `*dst = v` stores the tag as one byte, and an 8-byte load of the first word
/// that follows soon (passing the value on by value) stalls (see `copy_value`).
///
/// # Safety
/// `dst` must be valid for a write of one value.
#[inline(always)]
pub unsafe fn write_value(dst: *mut Value, v: Value) {
    let tag = v.tag() as u64;
    // SAFETY: a Value is 16 bytes; the payload word may be partly padding, which
    // MaybeUninit carries as it is.
    let words: [std::mem::MaybeUninit<u64>; 2] = unsafe { std::mem::transmute(v) };
    let d = dst as *mut std::mem::MaybeUninit<u64>;
    unsafe {
        std::ptr::write(d, std::mem::MaybeUninit::new(tag));
        std::ptr::write(d.add(1), words[1]);
    }
}

impl Value {
    /// The raw tag byte.
    #[inline(always)]
    pub fn tag(&self) -> u8 {
        // SAFETY: repr(C, u8) puts the discriminant in the first byte.
        unsafe { *(self as *const Value as *const u8) }
    }

    /// The GC header of a heap value, or None for immediates.
    #[inline]
    pub fn gc_header(&self) -> Option<NonNull<GcHeader>> {
        Some(match *self {
            Value::None | Value::Undef | Value::Bool(_) | Value::Int(_) | Value::Float(_) => {
                return None
            }
            Value::BigInt(g) => g.gc_header(),
            Value::Str(g) => g.gc_header(),
            Value::List(g) => g.gc_header(),
            Value::Tuple(g) => g.gc_header(),
            Value::Dict(g) => g.gc_header(),
            Value::Range(g) => g.gc_header(),
            Value::Func(g) => g.gc_header(),
            Value::Builtin(g) => g.gc_header(),
            Value::Iter(g) => g.gc_header(),
            Value::Type(g) => g.gc_header(),
            Value::Exc(g) => g.gc_header(),
            Value::Module(g) => g.gc_header(),
            Value::DictView(g) => g.gc_header(),
            Value::Slice(g) => g.gc_header(),
            Value::Gen(g) => g.gc_header(),
            Value::Instance(g) => g.gc_header(),
            Value::BoundMethod(g) => g.gc_header(),
            Value::Cell(g) => g.gc_header(),
            Value::Descr(g) => g.gc_header(),
            Value::Set(g) | Value::FrozenSet(g) => g.gc_header(),
        })
    }

    /// Identity for `is`: same immediate, or same heap object.
    #[inline]
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::None, Value::None) | (Value::Undef, Value::Undef) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            // CPython caches small ints; equal small ints are identical there.
            // We treat all equal unboxed ints as identical (a superset, harmless).
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            _ => match (self.gc_header(), other.gc_header()) {
                (Some(a), Some(b)) => a == b,
                _ => false,
            },
        }
    }

    /// The Python type name, as in error messages (`'int' object is not callable`).
    pub fn type_name(&self) -> &str {
        match self {
            Value::None => "NoneType",
            Value::Undef => "<unbound>",
            Value::Bool(_) => "bool",
            Value::Int(_) | Value::BigInt(_) => "int",
            Value::Float(_) => "float",
            Value::Str(_) => "str",
            Value::List(_) => "list",
            Value::Tuple(_) => "tuple",
            Value::Dict(_) => "dict",
            Value::Range(_) => "range",
            Value::Func(_) => "function",
            Value::Builtin(_) => "builtin_function_or_method",
            Value::Iter(it) => it.type_name(),
            Value::Type(_) => "type",
            Value::Exc(e) => &e.ty.name,
            Value::Instance(i) => &i.class.name,
            Value::BoundMethod(_) => "method",
            Value::Cell(_) => "cell",
            Value::Descr(d) => d.type_name(),
            Value::Module(_) => "module",
            Value::DictView(v) => v.kind.type_name(),
            Value::Slice(_) => "slice",
            Value::Gen(_) => "generator",
            Value::Set(_) => "set",
            Value::FrozenSet(_) => "frozenset",
        }
    }

    /// Convenience constructors and tests.
    #[inline]
    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }
}

/// A heap pointer compared by address, for identity maps.
pub fn addr_of(v: &Value) -> usize {
    v.gc_header().map(|h| h.as_ptr() as usize).unwrap_or(0)
}

impl<T> std::fmt::Debug for Gc<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Gc({:#x})", self.addr())
    }
}

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::None => write!(f, "None"),
            Value::Undef => write!(f, "<undef>"),
            Value::Bool(b) => write!(f, "{b}"),
            Value::Int(i) => write!(f, "{i}"),
            Value::Float(x) => write!(f, "{x:?}"),
            Value::Str(s) => write!(f, "{:?}", s.as_str()),
            Value::BigInt(b) => write!(f, "{}", b.value),
            other => write!(f, "<{}>", other.type_name()),
        }
    }
}
