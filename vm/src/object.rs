//! Object: the heap object types behind `Value`'s pointer variants.
//!
//! Mutable objects (list, dict, iterators) keep their state in an `UnsafeCell` and
//! hand out short-lived references. The rule that makes this sound: never hold a
//! reference into an object across a call that can run Python code or mutate the
//! same object (copy out the `Value` first). The interpreter is single-threaded.

use crate::bytecode::Code;
use crate::error::ExcType;
use crate::gc::{Gc, Trace};
use crate::interp::Vm;
use crate::value::Value;
use num_bigint::BigInt;
use std::cell::{Cell, UnsafeCell};
use std::rc::Rc;

/// Result of anything that can raise a Python exception.
pub type PyResult<T> = Result<T, crate::error::PyErr>;

// -- Ints and strings -----------------------------------------------------------

/// An int too large for i64.
pub struct BigIntObj {
    /// The value; never fits in i64.
    pub value: BigInt,
}
impl Trace for BigIntObj {
    const MUTABLE: bool = false;
    fn trace(&self, _: &mut crate::gc::Marker) {}
    fn extra_size(&self) -> usize {
        (self.value.bits() / 8) as usize
    }
}

/// The bytes a `StrObj` holds inline, without a buffer of its own: short strs
/// (digits, words, split fields, dict keys) are most strs a program makes, and
/// inline they cost one allocation instead of two. 22 keeps the box at 56 bytes.
pub const STR_INLINE: usize = 22;

/// Where a str's UTF-8 bytes live.
enum StrBuf {
    /// Up to `STR_INLINE` bytes, inside the object.
    Inline { len: u8, bytes: [u8; STR_INLINE] },
    /// A buffer of its own.
    Heap(Box<str>),
    /// The first `len` bytes of a buffer that `+` appends into (see `GrowBuf`).
    Grow { buf: Rc<GrowBuf>, len: usize },
}

/// The smallest concatenation result that gets a `GrowBuf`.
const GROW_MIN: usize = 64;

/// A byte buffer with room at the end, shared by the strs that `+` built in it.
///
/// `s = s + t` (and `s += t`) in a loop copies all of `s` every time unless the
/// result can reuse `s`'s bytes. CPython reuses them when `s` has no other
/// reference; tvm has no reference counts, so it uses the trick of Go's `append`
/// instead: the buffer's bytes `0..used` never change once written, a str is a
/// prefix `0..len` of them, and `+` on the str that ends exactly at `used` writes
/// the right operand after it, in place, when it fits. Every str keeps seeing its
/// own bytes; appending is amortized O(len(t)).
pub struct GrowBuf {
    ptr: std::ptr::NonNull<u8>,
    cap: usize,
    used: Cell<usize>,
}
impl GrowBuf {
    fn with_capacity(cap: usize) -> GrowBuf {
        let layout = std::alloc::Layout::array::<u8>(cap).expect("str buffer size");
        // SAFETY: cap >= GROW_MIN > 0.
        let p = unsafe { std::alloc::alloc(layout) };
        let Some(ptr) = std::ptr::NonNull::new(p) else {
            std::alloc::handle_alloc_error(layout)
        };
        GrowBuf {
            ptr,
            cap,
            used: Cell::new(0),
        }
    }
    /// Appends `b` after `used` (the caller checked it fits).
    fn push(&self, b: &[u8]) {
        let used = self.used.get();
        debug_assert!(self.cap - used >= b.len());
        // SAFETY: in bounds, and bytes past `used` are not visible to any str.
        unsafe { std::ptr::copy_nonoverlapping(b.as_ptr(), self.ptr.as_ptr().add(used), b.len()) };
        self.used.set(used + b.len());
    }
}
impl Drop for GrowBuf {
    fn drop(&mut self) {
        let layout = std::alloc::Layout::array::<u8>(self.cap).expect("str buffer size");
        // SAFETY: allocated in with_capacity with this layout.
        unsafe { std::alloc::dealloc(self.ptr.as_ptr(), layout) };
    }
}

/// What a str can be made from: `&str`, `String`, `&String`, `Box<str>`. A `String`
/// or `Box<str>` that is too long to be inlined is kept as it is (no copy).
pub trait StrText: Sized {
    /// The text.
    fn text(&self) -> &str;
    /// The text as an owned buffer.
    fn into_boxed(self) -> Box<str>;
}
impl StrText for &str {
    fn text(&self) -> &str {
        self
    }
    fn into_boxed(self) -> Box<str> {
        Box::from(self)
    }
}
impl StrText for &String {
    fn text(&self) -> &str {
        self
    }
    fn into_boxed(self) -> Box<str> {
        Box::from(self.as_str())
    }
}
impl StrText for String {
    fn text(&self) -> &str {
        self
    }
    fn into_boxed(self) -> Box<str> {
        self.into_boxed_str()
    }
}
impl StrText for Box<str> {
    fn text(&self) -> &str {
        self
    }
    fn into_boxed(self) -> Box<str> {
        self
    }
}
impl StrText for std::borrow::Cow<'_, str> {
    fn text(&self) -> &str {
        self
    }
    fn into_boxed(self) -> Box<str> {
        self.into_owned().into_boxed_str()
    }
}

/// The number of code points in `s`.
#[inline]
pub fn char_count(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// An immutable str. Caches its hash and character count; short strs keep their
/// bytes inline (`STR_INLINE`).
pub struct StrObj {
    buf: StrBuf,
    nchars: usize,
    hash: Cell<u64>,
}
impl StrObj {
    /// Wraps a Rust string.
    #[inline]
    pub fn new(s: impl StrText) -> StrObj {
        let n = char_count(s.text());
        StrObj::with_nchars(s, n)
    }
    /// Wraps a Rust string whose code-point count the caller knows (a concatenation,
    /// a slice of an ASCII str), which spares counting.
    #[inline]
    pub fn with_nchars(s: impl StrText, nchars: usize) -> StrObj {
        debug_assert_eq!(nchars, s.text().chars().count());
        let t = s.text();
        let buf = if t.len() <= STR_INLINE {
            let mut bytes = [0u8; STR_INLINE];
            bytes[..t.len()].copy_from_slice(t.as_bytes());
            StrBuf::Inline {
                len: t.len() as u8,
                bytes,
            }
        } else {
            StrBuf::Heap(s.into_boxed())
        };
        StrObj {
            buf,
            nchars,
            hash: Cell::new(0),
        }
    }
    /// `with_nchars`, written straight to `dst` (see `Heap::alloc_in_place`).
    ///
    /// # Safety
    /// `dst` must be valid for a write of a `StrObj`.
    #[inline]
    pub unsafe fn write_with_nchars(dst: *mut StrObj, s: impl StrText, nchars: usize) {
        debug_assert_eq!(nchars, s.text().chars().count());
        let t = s.text();
        if t.len() <= STR_INLINE {
            // SAFETY: `dst` is writable (the caller's promise); the bytes are
            // copied in place after the zeroed object is written.
            unsafe {
                dst.write(StrObj {
                    buf: StrBuf::Inline {
                        len: t.len() as u8,
                        bytes: [0; STR_INLINE],
                    },
                    nchars,
                    hash: Cell::new(0),
                });
                if let StrBuf::Inline { bytes, .. } = &mut (*dst).buf {
                    bytes[..t.len()].copy_from_slice(t.as_bytes());
                }
            }
        } else {
            // SAFETY: as above.
            unsafe { dst.write(StrObj::with_nchars(s, nchars)) }
        }
    }
    /// The text.
    #[inline]
    pub fn as_str(&self) -> &str {
        match &self.buf {
            // SAFETY: the inline bytes are a copy of a `&str`'s first `len` bytes.
            StrBuf::Inline { len, bytes } => unsafe {
                std::str::from_utf8_unchecked(bytes.get_unchecked(..*len as usize))
            },
            StrBuf::Heap(b) => b,
            // SAFETY: bytes 0..len of the buffer were written from UTF-8 strs that
            // end on char boundaries and are never written again.
            StrBuf::Grow { buf, len } => unsafe {
                std::str::from_utf8_unchecked(std::slice::from_raw_parts(buf.ptr.as_ptr(), *len))
            },
        }
    }
    /// `self + other`, and the bytes it newly allocated (for the GC budget). Appends
    /// in place when `self` ends its `GrowBuf` and the buffer has room; a result of
    /// `GROW_MIN` bytes or more gets a buffer with half as much room again.
    pub fn concat(&self, other: &StrObj) -> (StrObj, usize) {
        let (a, b) = (self.as_str(), other.as_str());
        let total = a.len() + b.len();
        let nchars = self.nchars + other.nchars;
        if let StrBuf::Grow { buf, len } = &self.buf {
            if *len == buf.used.get() && buf.cap - len >= b.len() {
                buf.push(b.as_bytes());
                let obj = StrObj {
                    buf: StrBuf::Grow {
                        buf: buf.clone(),
                        len: total,
                    },
                    nchars,
                    hash: Cell::new(0),
                };
                return (obj, b.len());
            }
        }
        if total < GROW_MIN {
            let mut s = String::with_capacity(total);
            s.push_str(a);
            s.push_str(b);
            let obj = StrObj::with_nchars(s, nchars);
            let extra = obj.extra_size();
            return (obj, extra);
        }
        let cap = total + total / 2;
        let buf = GrowBuf::with_capacity(cap);
        buf.push(a.as_bytes());
        buf.push(b.as_bytes());
        let obj = StrObj {
            buf: StrBuf::Grow {
                buf: Rc::new(buf),
                len: total,
            },
            nchars,
            hash: Cell::new(0),
        };
        (obj, cap)
    }
    /// `len()` in code points.
    #[inline]
    pub fn char_len(&self) -> usize {
        self.nchars
    }
    /// True when every char is ASCII, so byte index == char index.
    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.nchars == self.as_str().len()
    }
    /// The hash: CPython's, with `PYTHONHASHSEED=0` (SipHash-1-3 with a zero key over
    /// the string's canonical representation: 1, 2 or 4 bytes per code point by its
    /// widest character). CPython randomizes str hashes unless the seed is fixed; with
    /// the seed the goldens are made with, sets of strs iterate in CPython's order.
    #[inline]
    pub fn hash(&self) -> i64 {
        let h = self.hash.get();
        if h != 0 {
            return h as i64;
        }
        let h = crate::set::str_hash(self.as_str(), self.is_ascii());
        if h == 0 {
            // Only the empty string hashes to 0; it is cheap to recompute.
            return 0;
        }
        self.hash.set(h as u64);
        h
    }
    /// The char at code-point index `i` (caller checks bounds).
    pub fn char_at(&self, i: usize) -> char {
        if self.is_ascii() {
            self.as_str().as_bytes()[i] as char
        } else {
            self.as_str().chars().nth(i).unwrap_or('\0')
        }
    }
}
impl Trace for StrObj {
    const MUTABLE: bool = false;
    fn trace(&self, _: &mut crate::gc::Marker) {}
    fn extra_size(&self) -> usize {
        match &self.buf {
            StrBuf::Inline { .. } => 0,
            StrBuf::Heap(b) => b.len(),
            // The buffer was accounted for when it was made and as it was filled.
            StrBuf::Grow { .. } => 0,
        }
    }
}

// -- Containers -----------------------------------------------------------------

pub use crate::set::SetObj;

/// A list.
pub struct ListObj {
    items: UnsafeCell<Vec<Value>>,
    /// How many leading items the last collection traced and nothing has replaced
    /// since: they refer to old objects only, so a minor collection traces just
    /// the items after them (see `gc.rs`). Appending keeps it; a store at index i
    /// (`set`, or compiled code's `ListSet`) lowers it to at most i, and any other
    /// mutation (`items_mut`) to 0.
    traced: Cell<usize>,
}
impl ListObj {
    /// A list holding `items`.
    pub fn new(items: Vec<Value>) -> ListObj {
        ListObj {
            items: UnsafeCell::new(items),
            traced: Cell::new(0),
        }
    }
    /// The items. Do not hold across calls that may mutate this list.
    #[inline(always)]
    pub fn items(&self) -> &Vec<Value> {
        unsafe { &*self.items.get() }
    }
    /// The items, mutably. Do not hold across calls that may touch this list.
    /// The collector will trace every item again.
    #[inline(always)]
    #[allow(clippy::mut_from_ref)]
    pub fn items_mut(&self) -> &mut Vec<Value> {
        self.traced.set(0);
        unsafe { &mut *self.items.get() }
    }
    /// `self[i] = v` for `i < len()`: only item `i` needs tracing again.
    #[inline(always)]
    pub fn set(&self, i: usize, v: Value) {
        self.traced.set(self.traced.get().min(i));
        let items = unsafe { &mut *self.items.get() };
        items[i] = v;
    }
    /// `append(v)`: the items already there stay traced.
    #[inline(always)]
    pub fn push(&self, v: Value) {
        unsafe { &mut *self.items.get() }.push(v)
    }
    /// `len()`.
    #[inline(always)]
    pub fn len(&self) -> usize {
        self.items().len()
    }
    /// Whether empty.
    pub fn is_empty(&self) -> bool {
        self.items().is_empty()
    }
}

/// Byte offsets, from a list's object pointer (its GC box), of the fields compiled
/// code reads and writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ListLayout {
    /// The items pointer (`*mut Value`).
    pub items: i32,
    /// The length (usize).
    pub len: i32,
    /// `ListObj::traced` (usize): a store at index i must lower it to at most i.
    pub traced: i32,
}

/// Where a list's fields are, for JIT code. `std` does not fix `Vec`'s field order,
/// so they are found by probing a live list with distinct pointer, capacity, length
/// and `traced`; `None` if the layout is not four plain words (compiled code then
/// cannot index lists inline).
pub fn list_layout() -> Option<ListLayout> {
    if std::mem::size_of::<ListObj>() != 4 * std::mem::size_of::<usize>() {
        return None;
    }
    let mut v: Vec<Value> = Vec::with_capacity(7);
    v.extend_from_slice(&[Value::None, Value::None, Value::None]);
    let ptr = v.as_ptr() as usize;
    let l = ListObj::new(v);
    l.traced.set(5);
    // SAFETY: ListObj is exactly four words (checked above): the Vec's pointer,
    // capacity and length and `traced`, in some order.
    let words: [usize; 4] = unsafe { std::mem::transmute_copy(&l) };
    let at = |w: usize| -> Option<i32> {
        let i = words.iter().position(|&x| x == w)?;
        Some((crate::gc::Gc::<ListObj>::PAYLOAD_OFFSET + i * 8) as i32)
    };
    Some(ListLayout {
        items: at(ptr)?,
        len: at(3)?,
        traced: at(5)?,
    })
}

impl Trace for ListObj {
    fn trace(&self, out: &mut crate::gc::Marker) {
        crate::gc::visit_all(self.items(), out);
        self.traced.set(self.len());
    }
    fn trace_old(&self, out: &mut crate::gc::Marker) {
        let items = self.items();
        crate::gc::visit_all(&items[self.traced.get().min(items.len())..], out);
        self.traced.set(items.len());
    }
    fn extra_size(&self) -> usize {
        self.items().capacity() * 16
    }
}

/// A tuple.
pub struct TupleObj {
    /// The items.
    pub items: Box<[Value]>,
}
impl Trace for TupleObj {
    const MUTABLE: bool = false;
    fn trace(&self, out: &mut crate::gc::Marker) {
        crate::gc::visit_all(&self.items, out);
    }
    fn extra_size(&self) -> usize {
        self.items.len() * 16
    }
}

/// A dict: insertion-ordered entries plus a hash index (see `dict.rs`).
pub struct DictObj {
    inner: UnsafeCell<crate::dict::DictTable>,
}
impl DictObj {
    /// A dict with the given table.
    pub fn new(t: crate::dict::DictTable) -> DictObj {
        DictObj {
            inner: UnsafeCell::new(t),
        }
    }
    /// The table. Do not hold across calls that may mutate this dict.
    #[inline(always)]
    pub fn table(&self) -> &crate::dict::DictTable {
        unsafe { &*self.inner.get() }
    }
    /// The table, mutably.
    #[inline(always)]
    #[allow(clippy::mut_from_ref)]
    pub fn table_mut(&self) -> &mut crate::dict::DictTable {
        unsafe { &mut *self.inner.get() }
    }
}
impl Trace for DictObj {
    fn trace(&self, out: &mut crate::gc::Marker) {
        self.table().trace(out)
    }
    fn extra_size(&self) -> usize {
        self.table().capacity() * 48
    }
}

/// A `range`. Bounds that fit i64 live in the fields (the fast path every loop
/// uses); a range with any bound beyond i64 keeps exact bounds in `big` instead.
pub struct RangeObj {
    /// First value.
    pub start: i64,
    /// Exclusive bound.
    pub stop: i64,
    /// Step, never 0.
    pub step: i64,
    /// Exact bounds when some bound does not fit i64 (then the fields above are unused).
    pub big: Option<Box<BigRange>>,
}

/// The bounds of a range beyond 64 bits.
pub struct BigRange {
    /// First value.
    pub start: BigInt,
    /// Exclusive bound.
    pub stop: BigInt,
    /// Step, never 0.
    pub step: BigInt,
}

impl BigRange {
    /// Number of elements.
    pub fn len(&self) -> BigInt {
        use num_traits::{Signed, Zero};
        let (lo, hi, step) = (&self.start, &self.stop, &self.step);
        if step.is_positive() && lo < hi {
            (hi - lo - 1u32) / step + 1u32
        } else if step.is_negative() && lo > hi {
            (lo - hi - 1u32) / (-step) + 1u32
        } else {
            BigInt::zero()
        }
    }
    /// Whether empty.
    pub fn is_empty(&self) -> bool {
        use num_traits::Zero;
        self.len().is_zero()
    }
}

impl RangeObj {
    /// The exact bounds, whether small or big.
    pub fn as_big(&self) -> BigRange {
        match &self.big {
            Some(b) => BigRange {
                start: b.start.clone(),
                stop: b.stop.clone(),
                step: b.step.clone(),
            },
            None => BigRange {
                start: self.start.into(),
                stop: self.stop.into(),
                step: self.step.into(),
            },
        }
    }
    /// A range with i64 bounds.
    pub fn small(start: i64, stop: i64, step: i64) -> RangeObj {
        RangeObj {
            start,
            stop,
            step,
            big: None,
        }
    }
    /// Number of elements (of an i64 range).
    pub fn len(&self) -> i64 {
        let (lo, hi, step) = (self.start as i128, self.stop as i128, self.step as i128);
        let n = if step > 0 && lo < hi {
            (hi - lo - 1) / step + 1
        } else if step < 0 && lo > hi {
            (lo - hi - 1) / (-step) + 1
        } else {
            0
        };
        n as i64
    }
    /// Whether empty.
    pub fn is_empty(&self) -> bool {
        match &self.big {
            Some(b) => b.is_empty(),
            None => self.len() == 0,
        }
    }
}
impl Trace for RangeObj {
    const MUTABLE: bool = false;
    fn trace(&self, _: &mut crate::gc::Marker) {}
}

/// A slice object (`slice(1, 2)`); subscripts with `:` do not allocate one.
pub struct SliceObj {
    /// Start or None.
    pub start: Value,
    /// Stop or None.
    pub stop: Value,
    /// Step or None.
    pub step: Value,
}
impl Trace for SliceObj {
    const MUTABLE: bool = false;
    fn trace(&self, out: &mut crate::gc::Marker) {
        out.extend_from_slice(&[self.start, self.stop, self.step]);
    }
}

// -- Callables ------------------------------------------------------------------

/// A Python function: code plus defaults.
pub struct FuncObj {
    /// The compiled body.
    pub code: Rc<Code>,
    /// Defaults of the last positional parameters.
    pub defaults: Box<[Value]>,
    /// Defaults of keyword-only parameters, by parameter index.
    pub kwdefaults: Box<[(usize, Value)]>,
    /// The cells of the free variables, in `code.freevars` order. Every call copies
    /// them into the registers right after the locals (see `classes.rs`).
    pub closure: Box<[Value]>,
    /// Attributes set on the function (`f.calls = 0`, `wrapper.__name__ = ...`).
    pub attrs: UnsafeCell<Vec<(Rc<str>, Value)>>,
}
impl FuncObj {
    /// The attributes set on the function. Do not hold across calls that may set some.
    #[allow(clippy::mut_from_ref)]
    pub fn attrs(&self) -> &mut Vec<(Rc<str>, Value)> {
        // SAFETY: single-threaded; see the module doc's rule.
        unsafe { &mut *self.attrs.get() }
    }
}
impl Trace for FuncObj {
    fn trace(&self, out: &mut crate::gc::Marker) {
        out.extend_from_slice(&self.defaults);
        out.extend(self.kwdefaults.iter().map(|(_, v)| *v));
        out.extend_from_slice(&self.closure);
        out.extend(self.attrs().iter().map(|(_, v)| *v));
    }
}

/// Keyword arguments of a native call: names and values.
pub type KwArgs<'a> = &'a [(Gc<StrObj>, Value)];

/// The signature of every native function. `args` includes `self` first for methods.
pub type NativeFn = fn(&mut Vm, &[Value], KwArgs) -> PyResult<Value>;

/// A native function, or a native method (bound to `bound` when it is a value).
pub struct BuiltinObj {
    /// Name as shown in reprs and errors.
    pub name: &'static str,
    /// The implementation.
    pub func: NativeFn,
    /// `self` of a bound method (`[].append` as a value).
    pub bound: Option<Value>,
    /// For methods: the type name (`list`), used in reprs.
    pub owner: Option<&'static str>,
}
impl Trace for BuiltinObj {
    const MUTABLE: bool = false;
    fn trace(&self, out: &mut crate::gc::Marker) {
        if let Some(b) = self.bound {
            out.push(b);
        }
    }
}

// -- Iterators ------------------------------------------------------------------

/// What an iterator walks over.
pub enum IterState {
    /// A range beyond 64 bits: next value, stop, step.
    BigRange {
        /// Next value.
        cur: BigInt,
        /// Exclusive bound.
        stop: BigInt,
        /// Step.
        step: BigInt,
    },
    /// A range: next value, stop, step.
    Range {
        /// Next value.
        cur: i64,
        /// Exclusive bound.
        stop: i64,
        /// Step.
        step: i64,
    },
    /// A list or tuple by index (lists are re-checked for length every step).
    Seq {
        /// The list or tuple.
        seq: Value,
        /// Next index.
        idx: usize,
    },
    /// A str by byte offset.
    Str {
        /// The string.
        s: Gc<StrObj>,
        /// Next byte offset.
        pos: usize,
    },
    /// Keys, values or items of a dict, by entry index.
    Dict {
        /// The dict.
        dict: Gc<DictObj>,
        /// Next entry index.
        idx: usize,
        /// Length when iteration started, to detect resizing.
        len: usize,
        /// What to yield.
        kind: ViewKind,
    },
    /// A list or tuple backwards.
    Reversed {
        /// The sequence.
        seq: Value,
        /// Index of the next item + 1 (0 = done).
        idx: usize,
    },
    /// `enumerate(it, start)`.
    Enumerate {
        /// Inner iterator.
        inner: Value,
        /// Next count.
        count: Value,
    },
    /// `zip(*its)`.
    Zip {
        /// Inner iterators.
        inners: Vec<Value>,
        /// `strict=True`: unequal lengths raise ValueError.
        strict: bool,
    },
    /// A set or frozenset, by table slot.
    Set {
        /// The set.
        set: Gc<SetObj>,
        /// Next slot.
        idx: usize,
        /// Size when iteration started, to detect resizing.
        len: usize,
    },
    /// `map(func, *its)`.
    Map {
        /// The function.
        func: Value,
        /// Inner iterators.
        inners: Vec<Value>,
    },
    /// `filter(func, it)`.
    Filter {
        /// The predicate (None: truth of the item).
        func: Value,
        /// Inner iterator.
        inner: Value,
    },
    /// A generator, seen through the iterator protocol.
    Gen {
        /// The generator.
        gen: Gc<crate::generator::GenObj>,
    },
    /// An iterator object of a user class: `__next__` is called for each item.
    User {
        /// The iterator (an instance).
        obj: Value,
    },
    /// The old sequence protocol: `obj[0]`, `obj[1]`, ... until IndexError.
    GetItem {
        /// The object with `__getitem__`.
        obj: Value,
        /// Next index.
        idx: i64,
    },
    /// Exhausted.
    Done,
}

/// An iterator object.
pub struct IterObj {
    state: UnsafeCell<IterState>,
}
impl IterObj {
    /// An iterator in `state`.
    pub fn new(state: IterState) -> IterObj {
        IterObj {
            state: UnsafeCell::new(state),
        }
    }
    /// The state. Do not hold across calls that may advance this iterator.
    #[inline(always)]
    #[allow(clippy::mut_from_ref)]
    pub fn state(&self) -> &mut IterState {
        unsafe { &mut *self.state.get() }
    }
    /// Python type name of the iterator.
    pub fn type_name(&self) -> &'static str {
        match self.state() {
            IterState::Range { .. } => "range_iterator",
            IterState::BigRange { .. } => "longrange_iterator",
            IterState::Seq { seq, .. } => match seq {
                Value::Tuple(_) => "tuple_iterator",
                _ => "list_iterator",
            },
            IterState::Str { s, .. } => {
                if s.is_ascii() {
                    "str_ascii_iterator"
                } else {
                    "str_iterator"
                }
            }
            IterState::Dict { kind, .. } => match kind {
                ViewKind::Keys => "dict_keyiterator",
                ViewKind::Values => "dict_valueiterator",
                ViewKind::Items => "dict_itemiterator",
            },
            IterState::Reversed { seq, .. } => match seq {
                Value::List(_) => "list_reverseiterator",
                _ => "reversed",
            },
            IterState::Enumerate { .. } => "enumerate",
            IterState::Zip { .. } => "zip",
            IterState::Gen { .. } => "generator",
            IterState::User { .. } => "iterator",
            IterState::GetItem { .. } => "iterator",
            IterState::Set { .. } => "set_iterator",
            IterState::Map { .. } => "map",
            IterState::Filter { .. } => "filter",
            IterState::Done => "iterator",
        }
    }
}
impl Trace for IterObj {
    fn trace(&self, out: &mut crate::gc::Marker) {
        match self.state() {
            IterState::Range { .. } | IterState::BigRange { .. } | IterState::Done => {}
            IterState::Seq { seq, .. } | IterState::Reversed { seq, .. } => out.push(*seq),
            IterState::Str { s, .. } => out.push(Value::Str(*s)),
            IterState::Dict { dict, .. } => out.push(Value::Dict(*dict)),
            IterState::Enumerate { inner, count } => out.extend_from_slice(&[*inner, *count]),
            IterState::Zip { inners, .. } => out.extend_from_slice(inners),
            IterState::Gen { gen } => out.push(Value::Gen(*gen)),
            IterState::User { obj } | IterState::GetItem { obj, .. } => out.push(*obj),
            IterState::Set { set, .. } => out.push(Value::Set(*set)),
            IterState::Map { func, inners } => {
                out.push(*func);
                out.extend_from_slice(inners);
            }
            IterState::Filter { func, inner } => out.extend_from_slice(&[*func, *inner]),
        }
    }
}

/// Which part of a dict a view or iterator yields.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ViewKind {
    /// Keys.
    Keys,
    /// Values.
    Values,
    /// (key, value) tuples.
    Items,
}
impl ViewKind {
    /// Python type name of the view.
    pub fn type_name(self) -> &'static str {
        match self {
            ViewKind::Keys => "dict_keys",
            ViewKind::Values => "dict_values",
            ViewKind::Items => "dict_items",
        }
    }
}

/// `d.keys()`, `d.values()`, `d.items()`.
pub struct DictViewObj {
    /// The dict viewed.
    pub dict: Gc<DictObj>,
    /// Which part.
    pub kind: ViewKind,
}
impl Trace for DictViewObj {
    fn trace(&self, out: &mut crate::gc::Marker) {
        out.push(Value::Dict(self.dict));
    }
}

// -- Types, exceptions, modules ------------------------------------------------------

/// Which builtin type a type object is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum TypeKind {
    /// `object`.
    Object,
    /// `NoneType`.
    NoneType,
    /// `bool`.
    Bool,
    /// `int`.
    Int,
    /// `float`.
    Float,
    /// `str`.
    Str,
    /// `list`.
    List,
    /// `tuple`.
    Tuple,
    /// `dict`.
    Dict,
    /// `range`.
    Range,
    /// `function`.
    Function,
    /// `builtin_function_or_method`.
    BuiltinFunction,
    /// `type`.
    Type,
    /// `module`.
    Module,
    /// `slice`.
    Slice,
    /// `enumerate`.
    Enumerate,
    /// `zip`.
    Zip,
    /// `reversed`.
    Reversed,
    /// An iterator type without its own constructor.
    Iterator,
    /// `dict_keys` and friends.
    DictView,
    /// `generator`.
    Generator,
    /// An exception class.
    Exception(ExcType),
    /// `method` (bound methods).
    Method,
    /// `cell`.
    Cell,
    /// `staticmethod`.
    StaticMethod,
    /// `classmethod`.
    ClassMethod,
    /// `property`.
    Property,
    /// `super`.
    Super,
    /// `NotImplementedType`.
    NotImplementedType,
    /// `set`.
    Set,
    /// `frozenset`.
    FrozenSet,
    /// `map`.
    Map,
    /// `filter`.
    Filter,
}

/// A type object.
pub struct TypeObj {
    /// `__name__`.
    pub name: String,
    /// What it is.
    pub kind: TypeKind,
    /// The base class (`None` for `object`); for a class statement, its first base.
    pub base: Option<Gc<TypeObj>>,
    /// The namespace, MRO, shapes and version of a class made by a `class`
    /// statement (`None` for builtin types). See `classes.rs`.
    pub class: Option<Box<crate::classes::ClassData>>,
}
impl Trace for TypeObj {
    fn trace(&self, out: &mut crate::gc::Marker) {
        if let Some(b) = self.base {
            out.push(Value::Type(b));
        }
        if let Some(c) = &self.class {
            c.trace(out);
        }
    }
}
impl TypeObj {
    /// A builtin type.
    pub fn builtin(name: &str, kind: TypeKind, base: Option<Gc<TypeObj>>) -> TypeObj {
        TypeObj {
            name: name.into(),
            kind,
            base,
            class: None,
        }
    }

    /// Whether `self` is `other` or derives from it (through the MRO for classes
    /// with several bases).
    pub fn is_subtype(this: Gc<TypeObj>, other: Gc<TypeObj>) -> bool {
        if let Some(c) = &this.class {
            return Gc::ptr_eq(this, other) || c.mro_tail().iter().any(|t| Gc::ptr_eq(*t, other));
        }
        let mut t = Some(this);
        while let Some(x) = t {
            if Gc::ptr_eq(x, other) {
                return true;
            }
            t = x.base;
        }
        false
    }
}

/// One traceback entry: a code object and the index of the failing instruction.
#[derive(Clone)]
pub struct TbFrame {
    /// The code.
    pub code: Rc<Code>,
    /// Instruction index.
    pub pc: u32,
    /// A narrower source range than the instruction's (e.g. the unbound name).
    pub loc: Option<crate::bytecode::Loc>,
    /// The frame's name when it is not the code's: an inline comprehension's
    /// `<listcomp>` (see `Code::comp_frames`).
    pub name: Option<&'static str>,
}

/// `args` of an exception: reads like a `[Value]` slice; `BaseException.__init__`
/// replaces it (`set`). Do not hold the slice across a call that may run Python code.
pub struct ExcArgs(UnsafeCell<Box<[Value]>>);
impl ExcArgs {
    /// Replaces the args.
    pub fn set(&self, args: Vec<Value>) {
        unsafe { *self.0.get() = args.into_boxed_slice() }
    }
}
impl std::ops::Deref for ExcArgs {
    type Target = [Value];
    fn deref(&self) -> &[Value] {
        unsafe { &*self.0.get() }
    }
}
impl From<Box<[Value]>> for ExcArgs {
    fn from(b: Box<[Value]>) -> ExcArgs {
        ExcArgs(UnsafeCell::new(b))
    }
}

/// An exception instance.
pub struct ExcObj {
    /// Its class.
    pub ty: Gc<TypeObj>,
    /// `args`.
    pub args: ExcArgs,
    /// Frames unwound so far, innermost first.
    pub traceback: UnsafeCell<Vec<TbFrame>>,
    /// Where in the innermost frame's instruction the error is (see `TbFrame::loc`).
    pub pos_hint: Cell<Option<crate::bytecode::Loc>>,
    /// `__cause__` (`raise ... from cause`), None if unset.
    pub cause: Cell<Value>,
    /// `__context__`: the exception being handled when this one was raised.
    pub context: Cell<Value>,
    /// `__suppress_context__` (set by `raise ... from ...`).
    pub suppress_context: Cell<bool>,
    /// Set by a re-raise: the frame it is re-raised in already has its traceback
    /// entry, so unwinding that frame adds none.
    pub reraised: Cell<bool>,
    /// Attributes set on the instance (`self.code = 5` in a user `__init__`).
    pub attrs: UnsafeCell<Vec<(Rc<str>, Value)>>,
}
impl ExcObj {
    /// A new exception of class `ty` with `args`.
    pub fn new(ty: Gc<TypeObj>, args: Vec<Value>) -> ExcObj {
        ExcObj {
            ty,
            args: ExcArgs::from(args.into_boxed_slice()),
            traceback: Default::default(),
            pos_hint: Default::default(),
            cause: Cell::new(Value::None),
            context: Cell::new(Value::None),
            suppress_context: Cell::new(false),
            reraised: Cell::new(false),
            attrs: Default::default(),
        }
    }
    /// The instance attributes. Do not hold across calls that may set attributes.
    #[allow(clippy::mut_from_ref)]
    pub fn attrs(&self) -> &mut Vec<(Rc<str>, Value)> {
        unsafe { &mut *self.attrs.get() }
    }
    /// The traceback entries, innermost first.
    #[allow(clippy::mut_from_ref)]
    pub fn tb(&self) -> &mut Vec<TbFrame> {
        unsafe { &mut *self.traceback.get() }
    }
}
impl Trace for ExcObj {
    fn trace(&self, out: &mut crate::gc::Marker) {
        out.push(Value::Type(self.ty));
        out.extend_from_slice(&self.args);
        out.push(self.cause.get());
        out.push(self.context.get());
        out.extend(self.attrs().iter().map(|(_, v)| *v));
    }
}

/// A module: a name and its attributes.
pub struct ModuleObj {
    /// `__name__`.
    pub name: String,
    /// Attributes in definition order.
    pub attrs: Vec<(String, Value)>,
}
impl ModuleObj {
    /// Looks up an attribute.
    pub fn get(&self, name: &str) -> Option<Value> {
        self.attrs.iter().find(|(n, _)| n == name).map(|(_, v)| *v)
    }
}
impl Trace for ModuleObj {
    fn trace(&self, out: &mut crate::gc::Marker) {
        out.extend(self.attrs.iter().map(|(_, v)| *v));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_layout_is_found_and_correct() {
        let layout = list_layout().expect("a list is four words");
        let mut heap = crate::gc::Heap::new();
        let l = heap.alloc(ListObj::new(vec![Value::Int(1), Value::Int(2)]));
        l.traced.set(1);
        let base = l.gc_header().as_ptr() as *const u8;
        // SAFETY: the offsets point at the Vec's pointer and length words and at
        // `traced`.
        unsafe {
            let items = *(base.add(layout.items as usize) as *const *const Value);
            let len = *(base.add(layout.len as usize) as *const usize);
            let traced = *(base.add(layout.traced as usize) as *const usize);
            assert_eq!(items, l.items().as_ptr());
            assert_eq!(len, 2);
            assert_eq!(traced, 1);
        }
    }
}

#[cfg(test)]
mod str_tests {
    use super::*;

    /// A str box is one 48-byte block: a one-word GC header, the buffer (22 bytes
    /// inline or a pointer), the character count and the cached hash.
    #[test]
    fn str_box_is_48_bytes() {
        assert_eq!(std::mem::size_of::<crate::gc::GcBox<StrObj>>(), 48);
    }

    #[test]
    fn inline_and_heap_strs_agree() {
        for text in [
            "",
            "a",
            "0123456789012345678901",  // 22 bytes: inline
            "01234567890123456789012", // 23 bytes: heap
            "héllo wörld ünïcode ✓✓",  // non-ASCII, > 22 bytes
            "✓✓✓✓✓✓✓",                 // 21 bytes, 7 chars: inline
        ] {
            for obj in [
                StrObj::new(text),
                StrObj::new(text.to_string()),
                StrObj::with_nchars(Box::<str>::from(text), text.chars().count()),
            ] {
                assert_eq!(obj.as_str(), text);
                assert_eq!(obj.char_len(), text.chars().count());
                assert_eq!(obj.is_ascii(), text.is_ascii());
                assert_eq!(obj.hash(), StrObj::new(text).hash());
                let heap = if text.len() > STR_INLINE {
                    text.len()
                } else {
                    0
                };
                assert_eq!(obj.extra_size(), heap);
            }
        }
    }
}
