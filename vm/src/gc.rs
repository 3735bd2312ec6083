//! GC: a precise, non-moving mark-sweep collector for tvm's heap objects.
//!
//! Why this design: values are 16-byte tagged unions (see `value.rs`) whose heap
//! payloads are `Gc<T>` pointers to `GcBox<T>`. Every box starts with a `GcHeader`
//! holding a pointer to a static vtable (trace, free, size) and the mark bit, so the sweeper can free
//! any object without knowing its type statically.
//!
//! **Allocation never collects.** `Heap::alloc` only counts bytes; when the budget since
//! the last collection is exceeded it raises `gc_requested`. The interpreter acts on
//! the flag at *safepoints* — loop back-edges and function calls — where every live
//! value is in a frame register, a global, a constant or `Vm::temp_roots`. Rust code
//! in builtins can therefore hold `Value`s in locals freely as long as it does not
//! re-enter the interpreter; code that does must push what it holds onto
//! `Vm::temp_roots`. Compiled JIT code will follow the same rule: it never collects,
//! it polls the flag at its loop header and leaves to the interpreter.
//!
//! Marking uses an explicit worklist, so deeply nested structures cannot overflow the
//! native stack. Reference cycles are reclaimed like everything else.

use crate::value::Value;
use std::cell::Cell;
use std::marker::PhantomData;
use std::ptr::NonNull;

/// Per-type operations the collector needs, one static table per heap type.
pub struct GcVTable {
    /// Pushes every `Value` the object refers to onto the mark worklist.
    pub trace: unsafe fn(NonNull<GcHeader>, &mut Vec<Value>),
    /// Drops and frees the whole box.
    pub free: unsafe fn(NonNull<GcHeader>),
    /// Approximate size in bytes, for the collection budget.
    pub size: unsafe fn(NonNull<GcHeader>) -> usize,
}

/// The header at offset 0 of every heap object: one word, the address of the
/// type's static `GcVTable` with the mark bit in bit 0 (vtables are word-aligned).
/// One word rather than a pointer and a flag keeps a small str in 48 bytes.
#[repr(C)]
pub struct GcHeader {
    word: Cell<usize>,
}
impl GcHeader {
    #[inline]
    fn new(vtable: &'static GcVTable) -> GcHeader {
        let a = vtable as *const GcVTable as usize;
        debug_assert_eq!(a & 1, 0);
        GcHeader { word: Cell::new(a) }
    }
    #[inline]
    fn vtable(&self) -> &'static GcVTable {
        // SAFETY: the word is a `&'static GcVTable` with at most bit 0 set.
        unsafe { &*((self.word.get() & !1) as *const GcVTable) }
    }
    #[inline]
    fn marked(&self) -> bool {
        self.word.get() & 1 != 0
    }
    #[inline]
    fn set_marked(&self, m: bool) {
        self.word.set((self.word.get() & !1) | m as usize);
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
    fn trace(&self, out: &mut Vec<Value>);
    /// Extra bytes owned outside the box (vectors, strings), for the budget.
    fn extra_size(&self) -> usize {
        0
    }
}

unsafe fn trace_impl<T: Trace>(h: NonNull<GcHeader>, out: &mut Vec<Value>) {
    let b = h.cast::<GcBox<T>>();
    unsafe { (*b.as_ptr()).value.trace(out) }
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
        free: free_impl::<T>,
        size: size_impl::<T>,
    };
}

/// Collection statistics, reported by `--gc-stats` style tooling and tests.
#[derive(Default, Debug, Clone, Copy)]
pub struct GcStats {
    /// Number of completed collections.
    pub collections: u64,
    /// Objects freed in total.
    pub freed: u64,
    /// Objects alive after the last collection.
    pub live: usize,
    /// Bytes alive after the last collection (as `Trace::extra_size` counts them).
    pub live_bytes: usize,
    /// Time spent collecting.
    pub time: std::time::Duration,
}

/// The heap: every allocated object, and the collection budget.
pub struct Heap {
    objects: Vec<NonNull<GcHeader>>,
    /// Bytes allocated since the last collection.
    allocated: usize,
    /// Collect when `allocated` exceeds this.
    budget: usize,
    /// Set by `alloc` when the budget is exceeded; cleared by `collect`.
    pub gc_requested: bool,
    /// GC stress mode: collect at the first safepoint after every allocation.
    pub stress: bool,
    /// Statistics.
    pub stats: GcStats,
}

const MIN_BUDGET: usize = 8 << 20;

impl Default for Heap {
    fn default() -> Self {
        Self::new()
    }
}

impl Heap {
    /// An empty heap.
    pub fn new() -> Heap {
        Heap {
            objects: Vec::with_capacity(1024),
            allocated: 0,
            budget: MIN_BUDGET,
            gc_requested: false,
            stress: false,
            stats: GcStats::default(),
        }
    }

    /// Moves `value` to the heap. Never collects; may request a collection.
    #[inline]
    pub fn alloc<T: Trace>(&mut self, value: T) -> Gc<T> {
        let extra = value.extra_size();
        let b = Box::new(GcBox {
            header: GcHeader::new(&VTableOf::<T>::VTABLE),
            value,
        });
        let ptr = NonNull::from(Box::leak(b));
        self.objects.push(ptr.cast());
        self.note_alloc(std::mem::size_of::<GcBox<T>>() + extra);
        Gc {
            ptr,
            _marker: PhantomData,
        }
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

    /// Number of live objects (as of now, including garbage not yet collected).
    pub fn object_count(&self) -> usize {
        self.objects.len()
    }

    /// Marks everything reachable from `roots` and frees the rest.
    /// Only call at a safepoint: every live value must be reachable from `roots`.
    pub fn collect(&mut self, roots: &mut Vec<Value>) {
        let start = std::time::Instant::now();
        let mut work = std::mem::take(roots);
        while let Some(v) = work.pop() {
            if let Some(h) = v.gc_header() {
                // SAFETY: h comes from a live Value, which points to an allocated box.
                let hdr = unsafe { h.as_ref() };
                if !hdr.marked() {
                    hdr.set_marked(true);
                    unsafe { (hdr.vtable().trace)(h, &mut work) };
                }
            }
        }
        let mut live_bytes = 0usize;
        let before = self.objects.len();
        self.objects.retain(|&h| {
            let hdr = unsafe { h.as_ref() };
            if hdr.marked() {
                hdr.set_marked(false);
                live_bytes += unsafe { (hdr.vtable().size)(h) };
                true
            } else {
                unsafe { (hdr.vtable().free)(h) };
                false
            }
        });
        self.stats.collections += 1;
        self.stats.freed += (before - self.objects.len()) as u64;
        self.stats.live = self.objects.len();
        self.stats.live_bytes = live_bytes;
        self.allocated = 0;
        // Half the live size: the heap peaks near 1.5x what is live (2x used
        // ~2x CPython's peak memory on str_build, and the page faults cost more
        // than the extra collections).
        self.budget = (live_bytes / 2).max(MIN_BUDGET);
        // In stress mode the next allocation re-arms the request (`note_alloc`), so
        // every allocation is followed by a collection at the next safepoint.
        self.gc_requested = false;
        *roots = work;
        self.stats.time += start.elapsed();
    }
}

impl Drop for Heap {
    fn drop(&mut self) {
        for &h in &self.objects {
            unsafe { ((h.as_ref()).vtable().free)(h) };
        }
    }
}

/// Hands `v` to the marker from a `Trace::trace`: a str or big int (no references
/// of its own) is marked on the spot, another unmarked heap object is queued, and
/// immediates are dropped. Containers trace their items with this, so marking a
/// list of a million strs does not copy a million values through the worklist.
#[inline]
pub fn visit(v: Value, out: &mut Vec<Value>) {
    if let Some(h) = v.gc_header() {
        // SAFETY: h comes from a live Value; trace runs only during marking.
        let hdr = unsafe { h.as_ref() };
        if hdr.marked() {
            return;
        }
        if matches!(v, Value::Str(_) | Value::BigInt(_)) {
            hdr.set_marked(true);
        } else {
            out.push(v);
        }
    }
}

/// `visit` for each of `items`.
#[inline]
pub fn visit_all(items: &[Value], out: &mut Vec<Value>) {
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
