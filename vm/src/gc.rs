//! GC: a precise, non-moving, generational mark-sweep collector for tvm's heap
//! objects.
//!
//! Why this design: values are 16-byte tagged unions (see `value.rs`) whose heap
//! payloads are `Gc<T>` pointers to `GcBox<T>`. Every box starts with a `GcHeader`
//! holding a pointer to a static vtable (trace, free, size) and two flag bits, so
//! the sweeper can free any object without knowing its type statically.
//!
//! **Allocation never collects.** `Heap::alloc` only counts bytes; when the budget since
//! the last collection is exceeded it raises `gc_requested`. The interpreter acts on
//! the flag at *safepoints* — loop back-edges and function calls — where every live
//! value is in a frame register, a global, a constant or `Vm::temp_roots`. Rust code
//! in builtins can therefore hold `Value`s in locals freely as long as it does not
//! re-enter the interpreter; code that does must push what it holds onto
//! `Vm::temp_roots`. Compiled JIT code follows the same rule: it never collects,
//! it polls the flag at its loop header and leaves to the interpreter.
//!
//! Marking uses an explicit worklist, so deeply nested structures cannot overflow the
//! native stack. Reference cycles are reclaimed like everything else.
//!
//! **Two generations, no write barrier.** A program that holds a big structure (a
//! list of a million strs) would have every collection re-mark and re-sweep it.
//! So an object that survives one collection becomes *old* (header flag `OLD`) and
//! moves to one of two old lists. A *minor* collection counts old objects as
//! already marked and sweeps only the young list; its survivors become old.
//!
//! What makes that sound without a barrier on every store: a young object is
//! reachable only through roots, young objects, or old objects that point to it.
//! An old object whose type cannot change what it refers to after it is built
//! (`Trace::MUTABLE` false: str, int, tuple, range, slice, bound method, builtin,
//! descriptor) was traced when it was promoted, so everything it refers to was
//! promoted with it: it never points to a young object. An old object of a mutable
//! type (list, dict, instance, cell, generator, ...) may, so a minor collection
//! traces every one of them as a root (`Trace::trace_old`). Lists, the big ones in
//! practice, trace only what changed: `ListObj::traced` counts the leading items
//! the last collection traced; appending keeps it, every other mutation lowers it
//! (`ListObj::items_mut` to 0, a store by compiled code to the stored index — the
//! one barrier, in `ListSet`). A missed store elsewhere would be a use-after-free,
//! which is why the rule is by type and not by call site.
//!
//! A *full* collection marks and sweeps the whole heap (old objects lose nothing:
//! the mark is a separate flag, so no pass clears marks first). It runs when the
//! old generation has grown to twice its size after the last full collection
//! (garbage among old objects is found only then), so full collections cost time
//! in proportion to what the program keeps. In `--gc-stress` mode every fourth
//! collection is full.

use crate::value::Value;
use std::cell::Cell;
use std::marker::PhantomData;
use std::ptr::NonNull;

/// Per-type operations the collector needs, one static table per heap type.
pub struct GcVTable {
    /// Pushes every `Value` the object refers to onto the mark worklist.
    pub trace: unsafe fn(NonNull<GcHeader>, &mut Marker),
    /// `Trace::trace_old`: what a minor collection traces of an old object.
    pub trace_old: unsafe fn(NonNull<GcHeader>, &mut Marker),
    /// Drops and frees the whole box.
    pub free: unsafe fn(NonNull<GcHeader>),
    /// Approximate size in bytes, for the collection budget.
    pub size: unsafe fn(NonNull<GcHeader>) -> usize,
    /// `Trace::MUTABLE`: an old object of this type is traced by minor collections.
    pub mutable: bool,
}

/// The header at offset 0 of every heap object: one word, the address of the
/// type's static `GcVTable` with two flags in its low bits (vtables are
/// word-aligned): `MARK`, set by the marker during a collection and cleared by the
/// sweep, and `OLD`, set when the object survives its first collection.
/// One word rather than a pointer and flags keeps a small str in 48 bytes.
#[repr(C)]
pub struct GcHeader {
    word: Cell<usize>,
}

/// Header flag: reached by the collection in progress.
const MARK: usize = 1;
/// Header flag: survived a collection (in an old list).
const OLD: usize = 2;

impl GcHeader {
    #[inline]
    fn new(vtable: &'static GcVTable) -> GcHeader {
        let a = vtable as *const GcVTable as usize;
        debug_assert_eq!(a & (MARK | OLD), 0);
        GcHeader { word: Cell::new(a) }
    }
    #[inline]
    fn vtable(&self) -> &'static GcVTable {
        // SAFETY: the word is a `&'static GcVTable` with at most the flag bits set.
        unsafe { &*((self.word.get() & !(MARK | OLD)) as *const GcVTable) }
    }
    #[inline]
    fn has(&self, flags: usize) -> bool {
        self.word.get() & flags != 0
    }
    #[inline]
    fn set(&self, flag: usize) {
        self.word.set(self.word.get() | flag);
    }
    /// Clears `MARK`, sets `OLD`: what the sweep does to a survivor.
    #[inline]
    fn promote(&self) {
        self.word.set((self.word.get() & !MARK) | OLD);
    }
}

/// The mark worklist, and which header flags mean "already done" in this
/// collection: `MARK` in a full collection; `MARK` or `OLD` in a minor one, which
/// counts every old object as reached. `Trace::trace` hands it what an object
/// refers to (`visit`, `visit_all`, or `push` for anything).
pub struct Marker {
    work: Vec<Value>,
    done: usize,
    /// Values handed over so far (`visit` counts too), for the budget.
    seen: usize,
}
impl Marker {
    /// Queues `v` for marking.
    #[inline]
    pub fn push(&mut self, v: Value) {
        self.seen += 1;
        self.work.push(v);
    }
    /// Queues all of `vs`.
    #[inline]
    pub fn extend_from_slice(&mut self, vs: &[Value]) {
        self.seen += vs.len();
        self.work.extend_from_slice(vs);
    }
    /// Queues everything `vs` yields.
    #[inline]
    pub fn extend(&mut self, vs: impl IntoIterator<Item = Value>) {
        let n = self.work.len();
        self.work.extend(vs);
        self.seen += self.work.len() - n;
    }
}

/// A heap object with its header; `Gc<T>` points here.
#[repr(C)]
pub struct GcBox<T> {
    header: GcHeader,
    value: T,
}

/// A traced pointer to a heap object. Copy, like a Python reference.
pub struct Gc<T> {
    ptr: NonNull<GcBox<T>>,
    _marker: PhantomData<*const T>,
}

impl<T> Clone for Gc<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Gc<T> {}

impl<T> std::ops::Deref for Gc<T> {
    type Target = T;
    #[inline(always)]
    fn deref(&self) -> &T {
        // SAFETY: a Gc is only created by Heap::alloc and only dereferenced while the
        // object is reachable (the collector frees unreachable objects only).
        unsafe { &(*self.ptr.as_ptr()).value }
    }
}

impl<T> Gc<T> {
    /// Pointer identity (Python's `is`).
    #[inline]
    pub fn ptr_eq(a: Gc<T>, b: Gc<T>) -> bool {
        a.ptr == b.ptr
    }
    /// The raw address, for `id()` and identity hashing.
    #[inline]
    pub fn addr(self) -> usize {
        self.ptr.as_ptr() as usize
    }
    fn header(self) -> NonNull<GcHeader> {
        self.ptr.cast()
    }
    /// Byte offset of the payload inside the box (for JIT code that loads fields).
    pub const PAYLOAD_OFFSET: usize = std::mem::offset_of!(GcBox<T>, value);
}

/// A type that can live on the GC heap.
pub trait Trace: 'static {
    /// Pushes every contained `Value` onto `out`.
    fn trace(&self, out: &mut Marker);
    /// Extra bytes owned outside the box (vectors, strings), for the budget.
    fn extra_size(&self) -> usize {
        0
    }
    /// Whether the `Value`s an object of this type refers to can change after it is
    /// allocated (interior mutability). Old objects of such types are traced by
    /// every minor collection (see the module docs). Saying `false` for a type
    /// that can be given new references is a use-after-free: only types with no
    /// `Cell`/`UnsafeCell` around their values, reachable only through `&T`, may.
    const MUTABLE: bool = true;
    /// What a minor collection traces of an old object of a `MUTABLE` type: the
    /// references it may have been given since the last collection. All of them
    /// unless the type keeps track (a list remembers how many leading items are
    /// unchanged since it was last traced).
    fn trace_old(&self, out: &mut Marker) {
        self.trace(out)
    }
}

unsafe fn trace_impl<T: Trace>(h: NonNull<GcHeader>, out: &mut Marker) {
    let b = h.cast::<GcBox<T>>();
    unsafe { (*b.as_ptr()).value.trace(out) }
}
unsafe fn trace_old_impl<T: Trace>(h: NonNull<GcHeader>, out: &mut Marker) {
    let b = h.cast::<GcBox<T>>();
    unsafe { (*b.as_ptr()).value.trace_old(out) }
}
unsafe fn free_impl<T: Trace>(h: NonNull<GcHeader>) {
    drop(unsafe { Box::from_raw(h.cast::<GcBox<T>>().as_ptr()) });
}
unsafe fn size_impl<T: Trace>(h: NonNull<GcHeader>) -> usize {
    let b = h.cast::<GcBox<T>>();
    std::mem::size_of::<GcBox<T>>() + unsafe { (*b.as_ptr()).value.extra_size() }
}

struct VTableOf<T>(PhantomData<T>);
impl<T: Trace> VTableOf<T> {
    const VTABLE: GcVTable = GcVTable {
        trace: trace_impl::<T>,
        trace_old: trace_old_impl::<T>,
        free: free_impl::<T>,
        size: size_impl::<T>,
        mutable: T::MUTABLE,
    };
}

/// Collection statistics, reported by `--gc-stats` style tooling and tests.
#[derive(Default, Debug, Clone, Copy)]
pub struct GcStats {
    /// Number of completed collections.
    pub collections: u64,
    /// How many of them were full collections (the others were minor).
    pub full_collections: u64,
    /// Objects freed in total.
    pub freed: u64,
    /// Objects kept by the last collection: after a minor one, that includes old
    /// objects that have died since the last full collection.
    pub live: usize,
    /// Bytes kept by the last collection (as `Trace::extra_size` counts them; old
    /// objects are re-measured only by full collections).
    pub live_bytes: usize,
    /// Time spent collecting.
    pub time: std::time::Duration,
}

/// The heap: every allocated object, and the collection budget.
pub struct Heap {
    /// Objects allocated since the last collection (flags clear).
    young: Vec<NonNull<GcHeader>>,
    /// Old objects of `Trace::MUTABLE` types (flag `OLD`): traced by every
    /// minor collection.
    old_mutable: Vec<NonNull<GcHeader>>,
    /// Old objects of the other types (flag `OLD`).
    old_fixed: Vec<NonNull<GcHeader>>,
    /// Bytes allocated since the last collection.
    allocated: usize,
    /// Collect when `allocated` exceeds this.
    budget: usize,
    /// Bytes of the old generation: measured by the last full collection, plus
    /// what minor collections promoted since.
    old_bytes: usize,
    /// The next collection is a full one once `old_bytes` exceeds this.
    full_at: usize,
    /// Values (and old mutable objects) the last minor collection traced in the
    /// old generation.
    rescanned: usize,
    /// Set by `alloc` when the budget is exceeded; cleared by `collect`.
    pub gc_requested: bool,
    /// GC stress mode: collect at the first safepoint after every allocation.
    pub stress: bool,
    /// Statistics.
    pub stats: GcStats,
}

/// The least `budget`: bytes allocated between two collections (the nursery). Small
/// enough that what was allocated since the last collection is still in the
/// cache (this machine's L2 is 2 MiB per core) when it is swept, and that freed
/// memory is reused while it is hot: on str_build a 1 MiB nursery runs the whole
/// program about 15% faster than 8 MiB, with less memory.
const MIN_BUDGET: usize = 1 << 20;

/// Bytes of budget per value a minor collection traced in old objects (and per
/// old mutable object it visited): that work is repeated by every minor
/// collection, so the nursery grows with it to keep it a small share of the
/// cost of allocating (a program that keeps a big dict or many instances).
const BUDGET_PER_RESCANNED: usize = 64;

/// The least old generation size that triggers a full collection.
const MIN_FULL_AT: usize = 8 << 20;

/// In stress mode, every `STRESS_FULL_EVERY`-th collection is a full one, so both
/// kinds run after allocations everywhere.
const STRESS_FULL_EVERY: u64 = 4;

impl Default for Heap {
    fn default() -> Self {
        Self::new()
    }
}

impl Heap {
    /// An empty heap.
    pub fn new() -> Heap {
        Heap {
            young: Vec::with_capacity(1024),
            old_mutable: Vec::new(),
            old_fixed: Vec::new(),
            allocated: 0,
            budget: MIN_BUDGET,
            old_bytes: 0,
            full_at: MIN_FULL_AT,
            rescanned: 0,
            gc_requested: false,
            stress: false,
            stats: GcStats::default(),
        }
    }

    /// Moves `value` to the heap. Never collects; may request a collection.
    #[inline]
    pub fn alloc<T: Trace>(&mut self, value: T) -> Gc<T> {
        self.adopt(Box::new(GcBox {
            header: GcHeader::new(&VTableOf::<T>::VTABLE),
            value,
        }))
    }

    /// Makes a filled box a young heap object and counts its bytes.
    #[inline]
    fn adopt<T: Trace>(&mut self, b: Box<GcBox<T>>) -> Gc<T> {
        let extra = b.value.extra_size();
        let ptr = NonNull::from(Box::leak(b));
        self.young.push(ptr.cast());
        self.note_alloc(std::mem::size_of::<GcBox<T>>() + extra);
        Gc {
            ptr,
            _marker: PhantomData,
        }
    }

    /// `alloc` for a value written in place by `init`, which must initialise all
    /// of `*T`. Spares building the value on the stack and copying it into the
    /// box: a str's inline bytes, written at one width and copied at another,
    /// stalled store forwarding on every small str made.
    ///
    /// # Safety
    /// `init` must leave a valid `T` at the pointer it is given.
    #[inline]
    pub unsafe fn alloc_in_place<T: Trace>(&mut self, init: impl FnOnce(*mut T)) -> Gc<T> {
        let mut b: Box<std::mem::MaybeUninit<GcBox<T>>> = Box::new_uninit();
        let p = b.as_mut_ptr();
        // SAFETY: `p` is a fresh allocation for a GcBox<T>; the header is written
        // here and the value by `init` (the caller's promise).
        let b = unsafe {
            std::ptr::addr_of_mut!((*p).header).write(GcHeader::new(&VTableOf::<T>::VTABLE));
            init(std::ptr::addr_of_mut!((*p).value));
            b.assume_init()
        };
        self.adopt(b)
    }

    /// Accounts for memory an object grew by after allocation (a list append that
    /// reallocates, a string built in place).
    #[inline]
    pub fn note_alloc(&mut self, bytes: usize) {
        self.allocated += bytes;
        if self.allocated > self.budget || self.stress {
            self.gc_requested = true;
        }
    }

    /// Number of objects on the heap (as of now, including garbage not yet collected).
    pub fn object_count(&self) -> usize {
        self.young.len() + self.old_mutable.len() + self.old_fixed.len()
    }

    /// Frees what is unreachable from `roots`: a minor collection (young objects
    /// only), or a full one when the old generation has doubled (see the module
    /// docs). Only call at a safepoint: every live value must be reachable from
    /// `roots`.
    pub fn collect(&mut self, roots: &mut Vec<Value>) {
        let full = if self.stress {
            self.stats.collections % STRESS_FULL_EVERY == STRESS_FULL_EVERY - 1
        } else {
            self.old_bytes > self.full_at
        };
        self.collect_as(roots, full);
    }

    /// `collect`, choosing the kind: `full` marks and sweeps every object.
    pub fn collect_as(&mut self, roots: &mut Vec<Value>, full: bool) {
        let start = std::time::Instant::now();
        let mut m = Marker {
            work: std::mem::take(roots),
            done: if full { MARK } else { MARK | OLD },
            seen: 0,
        };
        if !full {
            // Old mutable objects may have been given young objects since they
            // were promoted: what they refer to is a root. (`visit` skips the old.)
            for &h in &self.old_mutable {
                // SAFETY: old objects are allocated boxes until a full sweep frees
                // them; `trace_old` only reads the object (and its own counters).
                unsafe { (h.as_ref().vtable().trace_old)(h, &mut m) };
            }
            self.rescanned = m.seen + self.old_mutable.len();
        }
        while let Some(v) = m.work.pop() {
            if let Some(h) = v.gc_header() {
                // SAFETY: h comes from a live Value, which points to an allocated box.
                let hdr = unsafe { h.as_ref() };
                if !hdr.has(m.done) {
                    hdr.set(MARK);
                    unsafe { (hdr.vtable().trace)(h, &mut m) };
                }
            }
        }
        // Sweep: in a full collection the old generation first, then the young
        // one. Survivors lose their mark and are (or stay) old.
        let mut freed = 0u64;
        if full {
            let mut kept = 0usize;
            for list in [&mut self.old_mutable, &mut self.old_fixed] {
                list.retain(|&h| {
                    // SAFETY: old objects are allocated boxes; each is freed once.
                    let hdr = unsafe { h.as_ref() };
                    if hdr.has(MARK) {
                        hdr.promote();
                        kept += unsafe { (hdr.vtable().size)(h) };
                        true
                    } else {
                        unsafe { (hdr.vtable().free)(h) };
                        freed += 1;
                        false
                    }
                });
            }
            self.old_bytes = kept;
            self.stats.full_collections += 1;
        }
        for h in self.young.drain(..) {
            // SAFETY: young objects are allocated boxes; each is freed at most once.
            let hdr = unsafe { h.as_ref() };
            let vt = hdr.vtable();
            if hdr.has(MARK) {
                hdr.promote();
                self.old_bytes += unsafe { (vt.size)(h) };
                if vt.mutable {
                    self.old_mutable.push(h);
                } else {
                    self.old_fixed.push(h);
                }
            } else {
                unsafe { (vt.free)(h) };
                freed += 1;
            }
        }
        if full {
            self.full_at = (2 * self.old_bytes).max(MIN_FULL_AT);
        }
        self.stats.collections += 1;
        self.stats.freed += freed;
        self.stats.live = self.old_mutable.len() + self.old_fixed.len();
        self.stats.live_bytes = self.old_bytes;
        self.allocated = 0;
        // A small nursery, unless minor collections trace much in old objects
        // (measured by the last minor collection).
        self.budget = (BUDGET_PER_RESCANNED * self.rescanned).max(MIN_BUDGET);
        // In stress mode the next allocation re-arms the request (`note_alloc`), so
        // every allocation is followed by a collection at the next safepoint.
        self.gc_requested = false;
        *roots = m.work;
        self.stats.time += start.elapsed();
    }
}

impl Drop for Heap {
    fn drop(&mut self) {
        let all = self
            .young
            .iter()
            .chain(&self.old_mutable)
            .chain(&self.old_fixed);
        for &h in all {
            unsafe { ((h.as_ref()).vtable().free)(h) };
        }
    }
}

/// Hands `v` to the marker from a `Trace::trace`: a str or big int (no references
/// of its own) is marked on the spot, another heap object not yet done is queued,
/// and immediates are dropped. Containers trace their items with this, so marking
/// a list of a million strs does not copy a million values through the worklist.
#[inline]
pub fn visit(v: Value, out: &mut Marker) {
    out.seen += 1;
    if let Some(h) = v.gc_header() {
        // SAFETY: h comes from a live Value; trace runs only during marking.
        let hdr = unsafe { h.as_ref() };
        if hdr.has(out.done) {
            return;
        }
        if matches!(v, Value::Str(_) | Value::BigInt(_)) {
            hdr.set(MARK);
        } else {
            out.work.push(v);
        }
    }
}

/// `visit` for each of `items`.
#[inline]
pub fn visit_all(items: &[Value], out: &mut Marker) {
    for &v in items {
        visit(v, out);
    }
}

impl<T> Gc<T> {
    /// The header of this object, for the collector.
    #[inline]
    pub fn gc_header(self) -> NonNull<GcHeader> {
        self.header()
    }
}

/// The most memory one allocation may ask for before it is a MemoryError up front:
/// the machine's physical memory (`MemTotal`), as an allocation beyond it is what
/// makes CPython's allocator fail at once. (tvm's allocator reserves address space
/// lazily, so asking it would succeed and the process would die filling it.)
pub fn memory_limit() -> usize {
    static LIMIT: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *LIMIT.get_or_init(|| {
        std::fs::read_to_string("/proc/meminfo")
            .ok()
            .and_then(|m| {
                let line = m.lines().find(|l| l.starts_with("MemTotal:"))?;
                let kb: usize = line.split_whitespace().nth(1)?.parse().ok()?;
                kb.checked_mul(1024)
            })
            .unwrap_or(1 << 40)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::object::{ListObj, StrObj, TupleObj};

    fn s(heap: &mut Heap, t: &str) -> Value {
        Value::Str(heap.alloc(StrObj::new(t)))
    }

    /// Minor collections: young objects reachable only through old mutable ones
    /// (appended, or stored in the middle of a traced list) survive; young garbage
    /// is freed; old objects are not swept again.
    #[test]
    fn minor_collections_keep_what_old_objects_were_given() {
        let mut heap = Heap::new();
        let a = s(&mut heap, "a");
        let list = heap.alloc(ListObj::new(vec![a, Value::Int(1)]));
        let tuple_item = s(&mut heap, "in a tuple");
        let tuple = heap.alloc(TupleObj {
            items: vec![tuple_item].into_boxed_slice(),
        });
        let roots = || vec![Value::List(list), Value::Tuple(tuple)];
        heap.collect_as(&mut roots(), false);
        assert_eq!((heap.stats.freed, heap.stats.live), (0, 4));

        // Appended: past what the list traced.
        let pushed = s(&mut heap, "pushed");
        list.push(pushed);
        // Stored in the middle: `set` makes the list trace that item again.
        let stored = s(&mut heap, "stored");
        list.set(1, stored);
        s(&mut heap, "garbage");
        heap.collect_as(&mut roots(), false);
        assert_eq!(heap.stats.freed, 1, "only the garbage str");
        assert_eq!(heap.stats.live, 6);
        assert_eq!(heap.stats.full_collections, 0);
        // And through `items_mut`, which makes it trace every item again.
        let swapped = s(&mut heap, "swapped");
        list.items_mut()[0] = swapped;
        heap.collect_as(&mut roots(), false);
        assert_eq!(
            heap.stats.freed, 1,
            "the old str swapped out waits for a full one"
        );
        assert_eq!(heap.stats.live, 7);

        // Dropped from the old list: found only by a full collection.
        list.items_mut().truncate(1);
        heap.collect_as(&mut roots(), false);
        assert_eq!(heap.stats.freed, 1);
        heap.collect_as(&mut roots(), true);
        assert_eq!(heap.stats.freed, 4);
        assert_eq!(heap.stats.live, 4);
        assert_eq!(heap.stats.full_collections, 1);
        // Old objects lose their marks: the next full collection sees them fresh.
        heap.collect_as(&mut vec![Value::List(list)], true);
        assert_eq!(heap.stats.freed, 6, "the tuple and its str");
        assert_eq!(list.items().len(), 1);
    }

    /// In stress mode every fourth collection is a full one.
    #[test]
    fn stress_mode_mixes_full_collections_in() {
        let mut heap = Heap::new();
        heap.stress = true;
        for _ in 0..8 {
            s(&mut heap, "x");
            assert!(heap.gc_requested);
            heap.collect(&mut vec![]);
        }
        assert_eq!(heap.stats.collections, 8);
        assert_eq!(heap.stats.full_collections, 2);
        assert_eq!(heap.stats.freed, 8);
    }
}
