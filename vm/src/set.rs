//! Set: the hash table behind `set` and `frozenset`, a faithful port of CPython 3.11's
//! `Objects/setobject.c`.
//!
//! Why a port and not a generic hash set: CPython iterates (and so prints) a set in
//! the order of its hash table, which depends on the exact probing sequence (linear
//! probes of 9, then perturbed jumps), the growth rule (resize to `used * 4` once
//! `fill * 5 >= mask * 3`), dummy slots left by deletions, and how each operation
//! builds its result (a union copies the left table then inserts the right one, an
//! intersection iterates the smaller set, ...). With CPython's hashes (ints, floats,
//! tuples, and strs under `PYTHONHASHSEED=0`, see `StrObj::hash`) this gives
//! byte-identical output for `print({3, 1, 2})`.
//!
//! A slot is empty (`key == Undef`, hash 0), a dummy (`key == Undef`, hash -1: a
//! deleted entry, which probing must step over), or active. Real hashes are never
//! -1. Lookups compare keys with `ops::eq`, re-reading the table after every
//! comparison (a comparison may one day run Python code that mutates the set: then
//! the lookup restarts, as in CPython).

use crate::error::ExcType;
use crate::gc::{Gc, Trace};
use crate::interp::Vm;
use crate::object::{DictObj, PyResult};
use crate::ops;
use crate::value::Value;
use std::cell::{Cell, UnsafeCell};

/// Size of a new table (CPython's `PySet_MINSIZE`).
pub const MINSIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

/// One slot of the table.
#[derive(Clone, Copy)]
pub struct Entry {
    /// The key's hash; -1 marks a dummy.
    pub hash: i64,
    /// The key, or `Undef` for an empty or dummy slot.
    pub key: Value,
}

const EMPTY: Entry = Entry {
    hash: 0,
    key: Value::Undef,
};
const DUMMY: Entry = Entry {
    hash: -1,
    key: Value::Undef,
};

impl Entry {
    #[inline]
    fn is_empty(&self) -> bool {
        matches!(self.key, Value::Undef) && self.hash == 0
    }
    #[inline]
    fn is_dummy(&self) -> bool {
        matches!(self.key, Value::Undef) && self.hash == -1
    }
    #[inline]
    fn is_active(&self) -> bool {
        !matches!(self.key, Value::Undef)
    }
}

/// The open-addressing table of a set.
pub struct SetTable {
    entries: Vec<Entry>,
    /// Active + dummy slots.
    fill: usize,
    /// Active slots.
    used: usize,
    /// Where `pop` starts looking.
    finger: usize,
}

impl Default for SetTable {
    fn default() -> Self {
        SetTable::new()
    }
}

impl SetTable {
    /// An empty table of `MINSIZE` slots.
    pub fn new() -> SetTable {
        SetTable {
            entries: vec![EMPTY; MINSIZE],
            fill: 0,
            used: 0,
            finger: 0,
        }
    }
    /// Number of elements.
    #[inline]
    pub fn len(&self) -> usize {
        self.used
    }
    /// Whether empty.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }
    #[inline]
    fn mask(&self) -> usize {
        self.entries.len() - 1
    }
    /// Number of slots (the bound for index-based iteration).
    #[inline]
    pub fn slots(&self) -> usize {
        self.entries.len()
    }
    /// The active entry at slot `i`, if any.
    #[inline]
    pub fn entry(&self, i: usize) -> Option<&Entry> {
        self.entries.get(i).filter(|e| e.is_active())
    }
    /// Active entries in table order (CPython's iteration order).
    pub fn iter(&self) -> impl Iterator<Item = &Entry> + '_ {
        self.entries.iter().filter(|e| e.is_active())
    }
    /// The keys in table order.
    pub fn keys(&self) -> Vec<Value> {
        self.iter().map(|e| e.key).collect()
    }
    /// Keys with their hashes, in table order.
    pub fn pairs(&self) -> Vec<(Value, i64)> {
        self.iter().map(|e| (e.key, e.hash)).collect()
    }

    /// CPython's `set_insert_clean`: insert into a table without dummies, known not to
    /// contain the key.
    fn insert_clean(entries: &mut [Entry], key: Value, hash: i64) {
        let mask = entries.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            if entries[i].is_empty() {
                entries[i] = Entry { hash, key };
                return;
            }
            if i + LINEAR_PROBES <= mask {
                for j in 1..=LINEAR_PROBES {
                    if entries[i + j].is_empty() {
                        entries[i + j] = Entry { hash, key };
                        return;
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize)
                & mask;
        }
    }

    /// CPython's `set_table_resize`: a table of the smallest power of two above
    /// `minused`, with the active entries re-inserted in old-table order.
    pub fn resize(&mut self, minused: usize) {
        let mut newsize = MINSIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        let old = std::mem::replace(&mut self.entries, vec![EMPTY; newsize]);
        self.fill = self.used;
        for e in old.iter().filter(|e| e.is_active()) {
            Self::insert_clean(&mut self.entries, e.key, e.hash);
        }
    }

    /// Empties the table (keeps the pop finger, as CPython does).
    pub fn clear(&mut self) {
        self.entries = vec![EMPTY; MINSIZE];
        self.fill = 0;
        self.used = 0;
    }

    /// `set.pop()`: the first active entry from the finger on.
    pub fn pop(&mut self) -> Option<Value> {
        if self.used == 0 {
            return None;
        }
        let mask = self.mask();
        let mut i = self.finger & mask;
        while !self.entries[i].is_active() {
            i += 1;
            if i > mask {
                i = 0;
            }
        }
        let key = self.entries[i].key;
        self.entries[i] = DUMMY;
        self.used -= 1;
        self.finger = i + 1;
        Some(key)
    }

    /// CPython's frozenset hash (independent of table layout).
    pub fn frozen_hash(&self) -> i64 {
        fn shuffle(h: u64) -> u64 {
            ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
        }
        let mut hash: u64 = 0;
        for e in self.iter() {
            hash ^= shuffle(e.hash as u64);
        }
        hash ^= (self.used as u64 + 1).wrapping_mul(1927868237);
        hash ^= (hash >> 11) ^ (hash >> 25);
        hash = hash.wrapping_mul(69069).wrapping_add(907133923);
        if hash == u64::MAX {
            hash = 590923713;
        }
        hash as i64
    }

    /// Makes this table an exact copy of `other`'s (CPython's `set_swap_bodies`
    /// direction that matters: the result takes the other's layout).
    fn take_layout(&mut self, other: SetTable) {
        let finger = self.finger;
        *self = other;
        self.finger = finger;
    }
}

/// A set or frozenset object (the tag of the `Value` says which).
pub struct SetObj {
    inner: UnsafeCell<SetTable>,
    /// Cached frozenset hash (-1: not computed).
    hash: Cell<i64>,
}

impl SetObj {
    /// A set with the given table.
    pub fn new(t: SetTable) -> SetObj {
        SetObj {
            inner: UnsafeCell::new(t),
            hash: Cell::new(-1),
        }
    }
    /// The table. Do not hold across calls that may mutate this set.
    #[inline(always)]
    pub fn table(&self) -> &SetTable {
        unsafe { &*self.inner.get() }
    }
    /// The table, mutably. Do not hold across calls that may touch this set.
    #[inline(always)]
    #[allow(clippy::mut_from_ref)]
    pub fn table_mut(&self) -> &mut SetTable {
        unsafe { &mut *self.inner.get() }
    }
    /// `len()`.
    #[inline]
    pub fn len(&self) -> usize {
        self.table().len()
    }
    /// Whether empty.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.table().is_empty()
    }
    /// The frozenset hash, cached.
    pub fn frozen_hash(&self) -> i64 {
        let h = self.hash.get();
        if h != -1 {
            return h;
        }
        let h = self.table().frozen_hash();
        self.hash.set(h);
        h
    }
}

impl Trace for SetObj {
    fn trace(&self, out: &mut crate::gc::Marker) {
        for e in self.table().iter() {
            crate::gc::visit(e.key, out);
        }
    }
    fn extra_size(&self) -> usize {
        self.table().entries.capacity() * std::mem::size_of::<Entry>()
    }
}

// -- str hashing ------------------------------------------------------------------------

/// SipHash-1-3 with CPython's output folding (`Python/pyhash.c`).
fn siphash13(k0: u64, k1: u64, data: &[u8]) -> u64 {
    let mut v0 = k0 ^ 0x736f6d6570736575;
    let mut v1 = k1 ^ 0x646f72616e646f6d;
    let mut v2 = k0 ^ 0x6c7967656e657261;
    let mut v3 = k1 ^ 0x7465646279746573;
    macro_rules! half_round {
        ($a:ident, $b:ident, $c:ident, $d:ident, $s:expr, $t:expr) => {
            $a = $a.wrapping_add($b);
            $c = $c.wrapping_add($d);
            $b = $b.rotate_left($s) ^ $a;
            $d = $d.rotate_left($t) ^ $c;
            $a = $a.rotate_left(32);
        };
    }
    macro_rules! round {
        () => {
            half_round!(v0, v1, v2, v3, 13, 16);
            half_round!(v2, v1, v0, v3, 17, 21);
        };
    }
    let mut chunks = data.chunks_exact(8);
    for c in &mut chunks {
        let mi = u64::from_le_bytes(c.try_into().expect("8 bytes"));
        v3 ^= mi;
        round!();
        v0 ^= mi;
    }
    let mut t = [0u8; 8];
    let rest = chunks.remainder();
    t[..rest.len()].copy_from_slice(rest);
    let b = ((data.len() as u64) << 56) | u64::from_le_bytes(t);
    v3 ^= b;
    round!();
    v0 ^= b;
    v2 ^= 0xff;
    round!();
    round!();
    round!();
    (v0 ^ v1) ^ (v2 ^ v3)
}

/// `hash(s)` as CPython computes it with `PYTHONHASHSEED=0`: SipHash-1-3 (zero key)
/// over the PEP 393 representation (1, 2 or 4 little-endian bytes per code point,
/// by the widest character); the empty string hashes to 0 and -1 becomes -2.
pub fn str_hash(s: &str, ascii: bool) -> i64 {
    if s.is_empty() {
        return 0;
    }
    let h = if ascii {
        siphash13(0, 0, s.as_bytes())
    } else {
        let max = s.chars().map(|c| c as u32).max().unwrap_or(0);
        let mut buf: Vec<u8> = Vec::with_capacity(s.len() * 2);
        for c in s.chars() {
            let n = c as u32;
            if max < 0x100 {
                buf.push(n as u8);
            } else if max < 0x10000 {
                buf.extend_from_slice(&(n as u16).to_le_bytes());
            } else {
                buf.extend_from_slice(&n.to_le_bytes());
            }
        }
        siphash13(0, 0, &buf)
    } as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

// -- Hashing and key comparison ----------------------------------------------------------

/// The hash of a set element. A `set` used as a key of a lookup (`in`, `remove`,
/// `discard`) is hashed as the frozenset with its elements, as CPython retries it.
fn lookup_hash(vm: &mut Vm, key: Value) -> PyResult<i64> {
    match key {
        Value::Set(s) => Ok(s.table().frozen_hash()),
        _ => ops::hash(vm, key),
    }
}

/// Key equality for set lookups: identity, then `==`.
#[inline]
fn key_eq(vm: &mut Vm, stored: Value, key: Value) -> PyResult<bool> {
    if stored.is(&key) {
        return Ok(true);
    }
    if let (Value::Str(a), Value::Str(b)) = (stored, key) {
        return Ok(a.as_str() == b.as_str());
    }
    ops::eq(vm, stored, key)
}

// -- The table algorithms ------------------------------------------------------------------

/// CPython's `set_lookkey`: the slot holding a key equal to `key`.
fn lookkey(vm: &mut Vm, so: Gc<SetObj>, key: Value, hash: i64) -> PyResult<Option<usize>> {
    'restart: loop {
        let mut mask = so.table().mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                let e = so.table().entries[j];
                if e.is_empty() {
                    return Ok(None);
                }
                if e.hash == hash {
                    let start = e.key;
                    let ptr = so.table().entries.as_ptr();
                    let cmp = key_eq(vm, start, key)?;
                    let t = so.table();
                    if t.entries.as_ptr() != ptr || !t.entries[j].key.is(&start) {
                        continue 'restart;
                    }
                    if cmp {
                        return Ok(Some(j));
                    }
                    mask = t.mask();
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize)
                & mask;
        }
    }
}

/// CPython's `set_add_entry`.
pub fn add_entry(vm: &mut Vm, so: Gc<SetObj>, key: Value, hash: i64) -> PyResult<()> {
    'restart: loop {
        let mut mask = so.table().mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut freeslot: Option<usize> = None;
        let slot = 'search: loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                let e = so.table().entries[j];
                if e.is_empty() {
                    break 'search j;
                }
                if e.hash == hash {
                    let start = e.key;
                    let ptr = so.table().entries.as_ptr();
                    let cmp = key_eq(vm, start, key)?;
                    if cmp {
                        return Ok(());
                    }
                    let t = so.table();
                    if t.entries.as_ptr() != ptr || !t.entries[j].key.is(&start) {
                        continue 'restart;
                    }
                    mask = t.mask();
                } else if e.is_dummy() {
                    // CPython keeps the last dummy seen, not the first.
                    freeslot = Some(j);
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize)
                & mask;
        };
        let t = so.table_mut();
        if let Some(f) = freeslot {
            t.used += 1;
            t.entries[f] = Entry { hash, key };
            return Ok(());
        }
        t.fill += 1;
        t.used += 1;
        t.entries[slot] = Entry { hash, key };
        if t.fill * 5 < mask * 3 {
            return Ok(());
        }
        let before = t.entries.len();
        let used = t.used;
        t.resize(if used > 50000 { used * 2 } else { used * 4 });
        let grown = t.entries.len().saturating_sub(before);
        vm.heap.note_alloc(grown * std::mem::size_of::<Entry>());
        return Ok(());
    }
}

/// Adds `key` (hashing it; unhashable keys raise TypeError).
pub fn add(vm: &mut Vm, so: Gc<SetObj>, key: Value) -> PyResult<()> {
    let h = ops::hash(vm, key)?;
    add_entry(vm, so, key, h)
}

/// Whether the set holds a key equal to `key` with hash `hash`.
pub fn contains_entry(vm: &mut Vm, so: Gc<SetObj>, key: Value, hash: i64) -> PyResult<bool> {
    Ok(lookkey(vm, so, key, hash)?.is_some())
}

/// `key in so`.
pub fn contains(vm: &mut Vm, so: Gc<SetObj>, key: Value) -> PyResult<bool> {
    let h = lookup_hash(vm, key)?;
    contains_entry(vm, so, key, h)
}

/// CPython's `set_discard_entry`: removes the key, reporting whether it was there.
pub fn discard_entry(vm: &mut Vm, so: Gc<SetObj>, key: Value, hash: i64) -> PyResult<bool> {
    match lookkey(vm, so, key, hash)? {
        Some(j) => {
            let t = so.table_mut();
            t.entries[j] = DUMMY;
            t.used -= 1;
            Ok(true)
        }
        None => Ok(false),
    }
}

/// Removes `key` if present (a `set` key is looked up as a frozenset).
pub fn discard(vm: &mut Vm, so: Gc<SetObj>, key: Value) -> PyResult<bool> {
    let h = lookup_hash(vm, key)?;
    discard_entry(vm, so, key, h)
}

/// CPython's `set_merge`: adds every element of the set `other`.
pub fn merge(vm: &mut Vm, so: Gc<SetObj>, other: Gc<SetObj>) -> PyResult<()> {
    if Gc::ptr_eq(so, other) || other.table().used == 0 {
        return Ok(());
    }
    {
        let t = so.table_mut();
        let o = other.table();
        if (t.fill + o.used) * 5 >= t.mask() * 3 {
            let before = t.entries.len();
            t.resize((t.used + o.used) * 2);
            let grown = t.entries.len().saturating_sub(before);
            vm.heap.note_alloc(grown * std::mem::size_of::<Entry>());
        }
        if t.fill == 0 && t.mask() == o.mask() && o.fill == o.used {
            // Same size, no dummies: copy the slots as they are.
            for (dst, src) in t.entries.iter_mut().zip(o.entries.iter()) {
                if src.is_active() {
                    *dst = *src;
                }
            }
            t.fill = o.fill;
            t.used = o.used;
            return Ok(());
        }
        if t.fill == 0 {
            t.fill = o.used;
            t.used = o.used;
            for e in o.entries.iter().filter(|e| e.is_active()) {
                SetTable::insert_clean(&mut t.entries, e.key, e.hash);
            }
            return Ok(());
        }
    }
    for (k, h) in other.table().pairs() {
        add_entry(vm, so, k, h)?;
    }
    Ok(())
}

/// CPython's `set_update_internal`: adds every element of an iterable.
pub fn update(vm: &mut Vm, so: Gc<SetObj>, iterable: Value) -> PyResult<()> {
    match iterable {
        Value::Set(o) | Value::FrozenSet(o) => merge(vm, so, o),
        Value::Dict(d) => {
            let dictsize = d.table().len();
            {
                let t = so.table_mut();
                if (t.fill + dictsize) * 5 >= t.mask() * 3 {
                    t.resize((t.used + dictsize) * 2);
                    vm.heap
                        .note_alloc(t.entries.len() * std::mem::size_of::<Entry>());
                }
            }
            let pairs: Vec<(Value, i64)> = d.table().iter().map(|e| (e.key, e.hash)).collect();
            for (k, h) in pairs {
                add_entry(vm, so, k, h)?;
            }
            Ok(())
        }
        Value::List(l) => {
            let mut i = 0;
            while let Some(&x) = l.items().get(i) {
                add(vm, so, x)?;
                i += 1;
            }
            Ok(())
        }
        Value::Tuple(t) => {
            for &x in t.items.iter() {
                add(vm, so, x)?;
            }
            Ok(())
        }
        _ => {
            let it = ops::get_iter(vm, iterable)?;
            let mark = vm.temp_roots.len();
            vm.temp_roots.push(Value::Iter(it));
            let r = (|| {
                while let Some(x) = ops::iter_next(vm, it)? {
                    add(vm, so, x)?;
                }
                Ok(())
            })();
            vm.temp_roots.truncate(mark);
            r
        }
    }
}

/// A new set (or frozenset) holding the elements of `iterable` (`make_new_set`).
pub fn new_from(vm: &mut Vm, iterable: Option<Value>, frozen: bool) -> PyResult<Value> {
    let s = vm.heap.alloc(SetObj::new(SetTable::new()));
    let v = wrap(s, frozen);
    if let Some(src) = iterable {
        vm.temp_roots.push(v);
        let r = update(vm, s, src);
        vm.temp_roots.pop();
        r?;
    }
    Ok(v)
}

/// `BuildSet` mode: add the items one by one (`{x, y}`, comprehensions).
pub const BUILD_SET_PLAIN: u8 = 0;
/// `BuildSet` mode: a display of more than two constants (see `build`).
pub const BUILD_SET_FOLDED: u8 = 1;
/// `BuildSet` mode: the frozenset constant CPython iterates in `for x in {1, 2}`.
pub const BUILD_SET_FROZEN_CONST: u8 = 2;

/// `BuildSet`. CPython folds a set display of constants into a frozenset constant
/// (which its constant merging rebuilds from the first one's iteration order): a
/// display of more than two constants becomes `BUILD_SET 0; SET_UPDATE frozenset`,
/// and a `for` loop over constants iterates the frozenset itself. Each step can lay
/// the table out differently than adding the items one by one, so each is mirrored.
pub fn build(vm: &mut Vm, items: &[Value], mode: u8) -> PyResult<Value> {
    if mode == BUILD_SET_PLAIN {
        let s = vm.heap.alloc(SetObj::new(SetTable::new()));
        for &x in items {
            add(vm, s, x)?;
        }
        return Ok(Value::Set(s));
    }
    let f = vm.heap.alloc(SetObj::new(SetTable::new()));
    for &x in items {
        add(vm, f, x)?;
    }
    let g = vm.heap.alloc(SetObj::new(SetTable::new()));
    for (k, h) in f.table().pairs() {
        add_entry(vm, g, k, h)?;
    }
    if mode == BUILD_SET_FROZEN_CONST {
        return Ok(Value::FrozenSet(g));
    }
    let s = vm.heap.alloc(SetObj::new(SetTable::new()));
    merge(vm, s, g)?;
    Ok(Value::Set(s))
}

/// The `Value` of a set object.
#[inline]
pub fn wrap(s: Gc<SetObj>, frozen: bool) -> Value {
    if frozen {
        Value::FrozenSet(s)
    } else {
        Value::Set(s)
    }
}

/// A set object of either kind.
#[inline]
pub fn any_set(v: &Value) -> Option<Gc<SetObj>> {
    match v {
        Value::Set(s) | Value::FrozenSet(s) => Some(*s),
        _ => None,
    }
}

/// `set_copy`: a new set of the given kind with `so`'s elements.
pub fn copy(vm: &mut Vm, so: Gc<SetObj>) -> PyResult<Gc<SetObj>> {
    let s = vm.heap.alloc(SetObj::new(SetTable::new()));
    merge(vm, s, so)?;
    Ok(s)
}

/// Runs `f` with `v` rooted (for results under construction while Python code may run).
fn rooted<T>(vm: &mut Vm, v: Value, f: impl FnOnce(&mut Vm) -> PyResult<T>) -> PyResult<T> {
    vm.temp_roots.push(v);
    let r = f(vm);
    vm.temp_roots.pop();
    r
}

/// CPython's `set_intersection(so, other)`; the result has `frozen`'s kind.
pub fn intersection(
    vm: &mut Vm,
    so: Gc<SetObj>,
    other: Value,
    frozen: bool,
) -> PyResult<Gc<SetObj>> {
    if let Some(o) = any_set(&other) {
        if Gc::ptr_eq(o, so) {
            return copy(vm, so);
        }
    }
    let result = vm.heap.alloc(SetObj::new(SetTable::new()));
    rooted(vm, wrap(result, frozen), |vm| {
        if let Some(o) = any_set(&other) {
            let (big, small) = if o.len() > so.len() { (o, so) } else { (so, o) };
            for (k, h) in small.table().pairs() {
                if contains_entry(vm, big, k, h)? {
                    add_entry(vm, result, k, h)?;
                }
            }
            return Ok(result);
        }
        let it = ops::get_iter(vm, other)?;
        vm.temp_roots.push(Value::Iter(it));
        let r = (|| {
            while let Some(k) = ops::iter_next(vm, it)? {
                let h = ops::hash(vm, k)?;
                if contains_entry(vm, so, k, h)? {
                    add_entry(vm, result, k, h)?;
                    if result.len() >= so.len() {
                        break;
                    }
                }
            }
            Ok(result)
        })();
        vm.temp_roots.pop();
        r
    })
}

/// `intersection_update` / `&=`: the set takes the intersection's table.
pub fn intersection_update(vm: &mut Vm, so: Gc<SetObj>, others: &[Value]) -> PyResult<()> {
    let mut cur = so;
    let mark = vm.temp_roots.len();
    let r = (|| {
        for &o in others {
            cur = intersection(vm, cur, o, false)?;
            vm.temp_roots.push(Value::Set(cur));
        }
        Ok(())
    })();
    vm.temp_roots.truncate(mark);
    r?;
    if !Gc::ptr_eq(cur, so) {
        let t = std::mem::take(cur.table_mut());
        so.table_mut().take_layout(t);
    }
    Ok(())
}

/// CPython's `set_difference_update_internal`.
pub fn difference_update(vm: &mut Vm, so: Gc<SetObj>, other: Value) -> PyResult<()> {
    if let Some(o) = any_set(&other) {
        if Gc::ptr_eq(o, so) {
            so.table_mut().clear();
            return Ok(());
        }
        let o = if (o.len() >> 3) > so.len() {
            intersection(vm, so, other, false)?
        } else {
            o
        };
        for (k, h) in o.table().pairs() {
            discard_entry(vm, so, k, h)?;
        }
    } else {
        let it = ops::get_iter(vm, other)?;
        rooted(vm, Value::Iter(it), |vm| {
            while let Some(k) = ops::iter_next(vm, it)? {
                discard(vm, so, k)?;
            }
            Ok(())
        })?;
    }
    let t = so.table_mut();
    if t.fill - t.used <= t.mask() / 4 {
        return Ok(());
    }
    let used = t.used;
    t.resize(if used > 50000 { used * 2 } else { used * 4 });
    Ok(())
}

/// CPython's `set_difference(so, other)`.
pub fn difference(vm: &mut Vm, so: Gc<SetObj>, other: Value, frozen: bool) -> PyResult<Gc<SetObj>> {
    let other_size = match other {
        Value::Set(o) | Value::FrozenSet(o) => Some(o.len()),
        Value::Dict(d) => Some(d.table().len()),
        _ => None,
    };
    let copy_and_diff = |vm: &mut Vm| -> PyResult<Gc<SetObj>> {
        let r = copy(vm, so)?;
        rooted(vm, wrap(r, frozen), |vm| difference_update(vm, r, other))?;
        Ok(r)
    };
    let Some(other_size) = other_size else {
        return copy_and_diff(vm);
    };
    if (so.len() >> 2) > other_size {
        return copy_and_diff(vm);
    }
    let result = vm.heap.alloc(SetObj::new(SetTable::new()));
    rooted(vm, wrap(result, frozen), |vm| {
        for (k, h) in so.table().pairs() {
            let present = match other {
                Value::Dict(d) => dict_contains_hashed(vm, d, k, h)?,
                Value::Set(o) | Value::FrozenSet(o) => contains_entry(vm, o, k, h)?,
                _ => unreachable!("difference operand"),
            };
            if !present {
                add_entry(vm, result, k, h)?;
            }
        }
        Ok(result)
    })
}

fn dict_contains_hashed(vm: &mut Vm, d: Gc<DictObj>, k: Value, _h: i64) -> PyResult<bool> {
    Ok(ops::dict_get(vm, d, k)?.is_some())
}

/// CPython's `set_symmetric_difference_update(so, other)`.
pub fn symmetric_difference_update(vm: &mut Vm, so: Gc<SetObj>, other: Value) -> PyResult<()> {
    if let Some(o) = any_set(&other) {
        if Gc::ptr_eq(o, so) {
            so.table_mut().clear();
            return Ok(());
        }
    }
    let pairs: Vec<(Value, i64)> = match other {
        Value::Dict(d) => d.table().iter().map(|e| (e.key, e.hash)).collect(),
        Value::Set(o) | Value::FrozenSet(o) => o.table().pairs(),
        _ => {
            let tmp = new_from(vm, Some(other), false)?;
            let Value::Set(t) = tmp else { unreachable!() };
            t.table().pairs()
        }
    };
    let mark = vm.temp_roots.len();
    vm.temp_roots.extend(pairs.iter().map(|p| p.0));
    let r = (|| {
        for (k, h) in pairs {
            if !discard_entry(vm, so, k, h)? {
                add_entry(vm, so, k, h)?;
            }
        }
        Ok(())
    })();
    vm.temp_roots.truncate(mark);
    r
}

/// CPython's `set_symmetric_difference(so, other)`: a new set from `other`, updated
/// with `so`.
pub fn symmetric_difference(
    vm: &mut Vm,
    so: Gc<SetObj>,
    other: Value,
    frozen: bool,
) -> PyResult<Gc<SetObj>> {
    let r = new_from(vm, Some(other), frozen)?;
    let s = any_set(&r).expect("new set");
    rooted(vm, r, |vm| {
        symmetric_difference_update(vm, s, wrap(so, false))
    })?;
    Ok(s)
}

/// `so <= other` for two sets.
pub fn is_subset(vm: &mut Vm, so: Gc<SetObj>, other: Gc<SetObj>) -> PyResult<bool> {
    if so.len() > other.len() {
        return Ok(false);
    }
    for (k, h) in so.table().pairs() {
        if !contains_entry(vm, other, k, h)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `a == b` for two sets (either kind).
pub fn set_eq(
    vm: &mut Vm,
    a: Gc<SetObj>,
    b: Gc<SetObj>,
    a_frozen: bool,
    b_frozen: bool,
) -> PyResult<bool> {
    if Gc::ptr_eq(a, b) {
        return Ok(true);
    }
    if a.len() != b.len() {
        return Ok(false);
    }
    if a_frozen && b_frozen && a.frozen_hash() != b.frozen_hash() {
        return Ok(false);
    }
    is_subset(vm, a, b)
}

/// The partial order of two sets: Equal, Less (proper subset), Greater (proper
/// superset) or None (incomparable), for `<` `<=` `>` `>=`.
pub fn set_order(
    vm: &mut Vm,
    a: Gc<SetObj>,
    b: Gc<SetObj>,
) -> PyResult<Option<std::cmp::Ordering>> {
    use std::cmp::Ordering::*;
    let (la, lb) = (a.len(), b.len());
    Ok(if la <= lb && is_subset(vm, a, b)? {
        Some(if la == lb { Equal } else { Less })
    } else if lb < la && is_subset(vm, b, a)? {
        Some(Greater)
    } else {
        None
    })
}

/// The elements of an iterable as a temporary set (for `issubset([..])` & co).
pub fn as_set(vm: &mut Vm, v: Value) -> PyResult<Gc<SetObj>> {
    match v {
        Value::Set(s) | Value::FrozenSet(s) => Ok(s),
        _ => {
            let r = new_from(vm, Some(v), false)?;
            Ok(any_set(&r).expect("new set"))
        }
    }
}

/// The binary operators `| & - ^` when an operand is a set (or a dict keys/items
/// view, which behave as sets); None when these operands are not ours.
pub fn binop(vm: &mut Vm, op: &str, a: Value, b: Value) -> Option<PyResult<Value>> {
    let (sa, sb) = (any_set(&a), any_set(&b));
    if let (Some(x), Some(y)) = (sa, sb) {
        let frozen = matches!(a, Value::FrozenSet(_));
        let r = match op {
            "|" => copy(vm, x).and_then(|r| {
                if !Gc::ptr_eq(x, y) {
                    rooted(vm, wrap(r, frozen), |vm| merge(vm, r, y))?;
                }
                Ok(r)
            }),
            "&" => intersection(vm, x, b, frozen),
            "-" => difference(vm, x, b, frozen),
            "^" => symmetric_difference(vm, x, b, frozen),
            _ => return None,
        };
        return Some(r.map(|s| wrap(s, frozen)));
    }
    if is_set_view(&a) || is_set_view(&b) {
        return Some(view_binop(vm, op, a, b));
    }
    if let (Value::Dict(x), Value::Dict(y), "|") = (a, b, op) {
        // `dict | dict`: a copy of the left updated with the right.
        let d = vm.new_dict();
        for e in x.table().iter() {
            d.table_mut().push_new(e.hash, e.key, e.value);
        }
        let r = crate::builtins::dict_from(vm, d, Value::Dict(y));
        return Some(r.map(|_| Value::Dict(d)));
    }
    None
}

fn is_set_view(v: &Value) -> bool {
    matches!(v, Value::DictView(d) if d.kind != crate::object::ViewKind::Values)
}

/// `keys() | x` & co: the view as a set, then the in-place operation with the other
/// operand (CPython's `dictviews_or/sub/xor/and`).
fn view_binop(vm: &mut Vm, op: &str, a: Value, b: Value) -> PyResult<Value> {
    // The other operand must be iterable.
    for v in [a, b] {
        if !is_set_view(&v) && ops::get_iter(vm, v).is_err() {
            return Err(vm.type_error(format!(
                "unsupported operand type(s) for {op}: '{}' and '{}'",
                a.type_name(),
                b.type_name()
            )));
        }
    }
    if op == "&" {
        return view_intersect(vm, a, b);
    }
    let left = match a {
        Value::DictView(d) if d.kind == crate::object::ViewKind::Keys => Value::Dict(d.dict),
        _ => a,
    };
    let r = new_from(vm, Some(left), false)?;
    let s = any_set(&r).expect("new set");
    rooted(vm, r, |vm| match op {
        "|" => update(vm, s, b),
        "-" => difference_update(vm, s, b),
        _ => symmetric_difference_update(vm, s, b),
    })?;
    Ok(r)
}

fn view_intersect(vm: &mut Vm, a: Value, b: Value) -> PyResult<Value> {
    let (mut this, mut other) = if is_set_view(&a) { (a, b) } else { (b, a) };
    let len_self = crate::builtins::len_of(vm, this)?;
    if let Value::Set(o) = other {
        if len_self <= o.len() {
            let s = intersection(vm, o, this, false)?;
            return Ok(Value::Set(s));
        }
    }
    if is_set_view(&other) {
        let len_other = crate::builtins::len_of(vm, other)?;
        if len_other > len_self {
            std::mem::swap(&mut this, &mut other);
        }
    }
    let r = new_from(vm, None, false)?;
    let s = any_set(&r).expect("new set");
    let items = rooted(vm, r, |vm| ops::collect_iter(vm, other))?;
    let mark = vm.temp_roots.len();
    vm.temp_roots.push(r);
    vm.temp_roots.extend_from_slice(&items);
    let res = (|| {
        for k in items {
            if ops::contains(vm, this, k)? {
                add(vm, s, k)?;
            }
        }
        Ok(())
    })();
    vm.temp_roots.truncate(mark);
    res?;
    Ok(r)
}

/// The in-place operators `|= &= -= ^=` on a set (mutating it); None when `a` is not a
/// set or `b` not a set of either kind (then the binary operator applies).
pub fn inplace_binop(vm: &mut Vm, op: &str, a: Value, b: Value) -> Option<PyResult<Value>> {
    if let (Value::Dict(d), "|") = (a, op) {
        return Some(crate::builtins::dict_from(vm, d, b).map(|_| a));
    }
    let (Value::Set(s), Some(_)) = (a, any_set(&b)) else {
        return None;
    };
    let r = match op {
        "|" => update(vm, s, b),
        "&" => intersection_update(vm, s, &[b]),
        "-" => difference_update(vm, s, b),
        "^" => symmetric_difference_update(vm, s, b),
        _ => return None,
    };
    Some(r.map(|_| a))
}

/// `KeyError` for a missing set element.
pub fn key_error(vm: &mut Vm, key: Value) -> crate::error::PyErr {
    vm.err_args(ExcType::KeyError, vec![key])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table_of(keys: &[i64]) -> SetTable {
        // Mirrors add_entry for ints (hash == value for small non-negative ints).
        let mut vm = Vm::new();
        let s = vm.heap.alloc(SetObj::new(SetTable::new()));
        for &k in keys {
            add(&mut vm, s, Value::Int(k)).unwrap();
        }
        let t = std::mem::take(s.table_mut());
        t
    }

    fn order(t: &SetTable) -> Vec<i64> {
        t.iter()
            .map(|e| match e.key {
                Value::Int(i) => i,
                _ => panic!(),
            })
            .collect()
    }

    #[test]
    fn small_ints_iterate_in_hash_order() {
        assert_eq!(order(&table_of(&[3, 1, 2])), vec![1, 2, 3]);
        // 8 and 0 collide in an 8-slot table: 8 goes to the next linear probe.
        assert_eq!(order(&table_of(&[8, 0])), vec![8, 0]);
    }

    #[test]
    fn growth_follows_cpython() {
        // Five inserts into 8 slots trigger a resize to used*4 = 20 -> 32 slots.
        let t = table_of(&[0, 1, 2, 3, 4]);
        assert_eq!(t.slots(), 32);
        let t = table_of(&[0, 1, 2, 3]);
        assert_eq!(t.slots(), 8);
        // In 32 slots, 40 lands at 8 and 33 at 1.
        // CPython: {0, 33, 2, 1, 40} (1 probes past 33 and 2 after the resize).
        let t = table_of(&[40, 33, 0, 1, 2]);
        assert_eq!(order(&t), vec![0, 33, 2, 1, 40]);
    }

    #[test]
    fn pop_uses_finger_and_dummies() {
        let mut t = table_of(&[1, 2, 3]);
        assert!(matches!(t.pop(), Some(Value::Int(1))));
        assert!(matches!(t.pop(), Some(Value::Int(2))));
        assert_eq!(t.len(), 1);
        assert_eq!(t.fill, 3);
    }

    #[test]
    fn str_hash_matches_cpython_with_seed_0() {
        // PYTHONHASHSEED=0 python3 -c 'print(hash("abc"), ...)'
        assert_eq!(str_hash("abc", true), -4594863902769663758);
        assert_eq!(str_hash("", true), 0);
        assert_eq!(str_hash("\u{e9}", false), 6047309291227476195);
        assert_eq!(str_hash("\u{20ac}", false), -5529981157763016009);
        assert_eq!(str_hash("\u{1f600}a", false), 1495732039293241016);
        assert_eq!(str_hash("abcdefghijk", true), 1450545860578130900);
    }

    #[test]
    fn frozenset_hash_matches_cpython() {
        // hash(frozenset()) and hash(frozenset({1, 2, 3})) in CPython 3.11.
        assert_eq!(SetTable::new().frozen_hash(), 133146708735736);
        assert_eq!(table_of(&[1, 2, 3]).frozen_hash(), -272375401224217160);
    }
}
