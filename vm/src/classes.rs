//! Classes: user classes, their instances, bound methods, closure cells, descriptors
//! (staticmethod, classmethod, property, super) and the special-method protocol.
//!
//! **Classes.** A `class` statement makes a `TypeObj` whose `class` field holds a
//! `ClassData`: the namespace (a hash map), the bases, the C3 MRO, a root `Shape` and a
//! *version*. Builtin types have no `ClassData`; the few builtin methods user code
//! reaches through the MRO (`object.__init__`, `BaseException.__init__`, `__repr__`,
//! `__eq__`, ...) are natives stored in `Vm::methods` under the pseudo tags
//! `OBJECT_NATIVES` / `EXC_NATIVES`. A class deriving from an exception class makes
//! `ExcObj` instances (so raising and tracebacks work unchanged) with attribute storage;
//! its `TypeObj::kind` is that of its nearest builtin exception base.
//!
//! **Instances** (`InstanceObj`, tag `Value::Instance`) hold their class, a shape and a
//! slot vector (`shape.rs`): the layout a JIT wants, "check the shape, load slot i".
//!
//! **Inline caches.** Every attribute site (`bytecode::Site`) has two small
//! polymorphic caches of `AttrCache` entries, one for loads (LoadAttr, LoadMethod) and
//! one for stores. An entry records the receiver's shape id when it was filled, and
//! what the lookup found: a slot index (`CK_SLOT`), a method to bind (`CK_METHOD`, so
//! `obj.m(...)` calls the function with no bound-method object), a plain class
//! attribute (`CK_PLAIN`), a classmethod (`CK_CLSMETHOD`), an existing slot to store to
//! (`CK_STORE`) or a shape transition for a new attribute (`CK_ADD`). For class
//! receivers (`C.x`) the key is the class version itself. A hit is one compare (the
//! key) and a load; the interpreter checks them inline (`cached_load_to`,
//! `cached_method_to`, `cached_store_from`) before falling back to the generic lookup here,
//! which refills the entry.
//!
//! **Invalidation.** Assigning or deleting a class attribute gives the class — and,
//! transitively, every subclass — a fresh version and gives all their shapes fresh
//! ids (`bump_version`), so every entry that depended on the old namespace misses (a
//! shape belongs to one class's tree, so its id stands for the pair shape + class
//! version). Shape ids and versions come from one global
//! counter and are never reused, so a stale entry can never match a live object, and
//! an entry's cached value is only read after a match (which proves it is still alive).
//!
//! **Closures.** A captured variable lives in a `CellObj` (tag `Value::Cell`). A
//! function's cells are in `FuncObj::closure`; each call copies them into the
//! registers right after the callee's locals (`Code::freevars`), so `LoadDeref` is
//! register → cell → value with no frame → function pointer (Lua's upvalue design, and
//! a generator frame that keeps its registers keeps its cells). Locals captured by an
//! inner function are cells from the start of the function (`MakeCell`); the compiler
//! decides which with the symbol table (`symtable.rs`).

use crate::bytecode::Site;
use crate::error::{ExcType, PyErr};
use crate::gc::Gc;
use crate::interp::Vm;
use crate::object::*;
use crate::shape::{next_id, Shape};
use crate::value::{copy_value, Value};
use hashbrown::HashMap;
use std::cell::{Cell, RefCell, UnsafeCell};
use std::rc::Rc;

/// `Vm::methods` pseudo tag of `object`'s native methods.
pub const OBJECT_NATIVES: u8 = 250;
/// `Vm::methods` pseudo tag of `BaseException`'s native methods.
pub const EXC_NATIVES: u8 = 251;
/// `Vm::methods` pseudo tag of `property`'s methods (`setter`, ...).
pub const PROPERTY_NATIVES: u8 = 252;

// -- Objects ----------------------------------------------------------------------------

/// What a `class` statement adds to a `TypeObj`.
pub struct ClassData {
    /// `__qualname__`.
    pub qualname: String,
    /// `__bases__`.
    pub bases: Vec<Gc<TypeObj>>,
    /// The MRO after the class itself.
    mro_tail: Vec<Gc<TypeObj>>,
    dict: UnsafeCell<HashMap<Rc<str>, Value>>,
    /// The namespace's names in definition order (for `C.__dict__`).
    order: UnsafeCell<Vec<Rc<str>>>,
    /// Changes whenever the namespace of this class or of a base changes.
    pub version: Cell<u64>,
    /// The empty shape new instances start with.
    pub shape_root: Rc<Shape>,
    /// Most slots an instance has needed (new instances reserve that many).
    size_hint: Cell<usize>,
    subclasses: UnsafeCell<Vec<Gc<TypeObj>>>,
    /// `(version, __new__, __init__)` as last looked up for calls of the class
    /// (`Undef`: none); valid while the version matches. Not traced: the values are
    /// reachable through the namespaces while the version matches, and only read then.
    ctor: Cell<(u64, Value, Value)>,
}

impl ClassData {
    /// The MRO without the class itself.
    pub fn mro_tail(&self) -> &[Gc<TypeObj>] {
        &self.mro_tail
    }
    /// A namespace entry.
    #[inline]
    pub fn get(&self, name: &str) -> Option<Value> {
        unsafe { (*self.dict.get()).get(name).copied() }
    }
    #[allow(clippy::mut_from_ref)]
    fn dict(&self) -> &mut HashMap<Rc<str>, Value> {
        unsafe { &mut *self.dict.get() }
    }
    #[allow(clippy::mut_from_ref)]
    fn order(&self) -> &mut Vec<Rc<str>> {
        unsafe { &mut *self.order.get() }
    }
    /// Sets a namespace entry (keeping the definition order).
    fn set(&self, name: &str, v: Value) {
        if self.dict().insert(Rc::from(name), v).is_none() {
            self.order().push(Rc::from(name));
        }
    }
    /// Removes a namespace entry; false if absent.
    fn remove(&self, name: &str) -> bool {
        if self.dict().remove(name).is_none() {
            return false;
        }
        self.order().retain(|n| &**n != name);
        true
    }
    /// Everything the GC must see.
    pub fn trace(&self, out: &mut crate::gc::Marker) {
        out.extend(self.bases.iter().map(|t| Value::Type(*t)));
        out.extend(self.mro_tail.iter().map(|t| Value::Type(*t)));
        out.extend(self.dict().values().copied());
        out.extend(
            unsafe { &*self.subclasses.get() }
                .iter()
                .map(|t| Value::Type(*t)),
        );
    }
}

/// An instance: its class, a shape and one slot per attribute (see `shape.rs`).
///
/// *Dictionary mode*: once Python code asks for `obj.__dict__`, the attributes move
/// to that (live) dict, the instance gets a fresh empty shape of its own, and the
/// inline caches stop serving it (nothing is cached for an instance in this mode,
/// since the dict can change behind the shape's back).
pub struct InstanceObj {
    /// `type(obj)`.
    pub class: Gc<TypeObj>,
    shape: UnsafeCell<Rc<Shape>>,
    slots: UnsafeCell<Vec<Value>>,
    dict: Cell<Option<Gc<DictObj>>>,
}

impl InstanceObj {
    fn new(class: Gc<TypeObj>) -> InstanceObj {
        let (shape, cap) = match &class.class {
            Some(c) => (c.shape_root.clone(), c.size_hint.get()),
            None => (Shape::root(), 0),
        };
        InstanceObj {
            class,
            shape: UnsafeCell::new(shape),
            slots: UnsafeCell::new(Vec::with_capacity(cap)),
            dict: Cell::new(None),
        }
    }
    /// The attribute dict, in dictionary mode.
    #[inline]
    pub fn dict_mode(&self) -> Option<Gc<DictObj>> {
        self.dict.get()
    }
    /// The current shape.
    #[inline(always)]
    pub fn shape(&self) -> &Rc<Shape> {
        unsafe { &*self.shape.get() }
    }
    /// The slots (`slots.len() == shape.len()`). Do not hold across Python code.
    #[inline(always)]
    #[allow(clippy::mut_from_ref)]
    pub fn slots(&self) -> &mut Vec<Value> {
        unsafe { &mut *self.slots.get() }
    }
    fn set_shape(&self, s: Rc<Shape>) {
        unsafe { *self.shape.get() = s }
    }
    /// An instance attribute.
    pub fn get(&self, name: &str) -> Option<Value> {
        self.shape().index_of(name).map(|i| self.slots()[i])
    }
    /// Sets an instance attribute (adding it moves the instance to a child shape).
    /// Returns the slot and whether it was added.
    fn set(&self, name: &str, v: Value) -> (usize, bool) {
        if let Some(i) = self.shape().index_of(name) {
            self.slots()[i] = v;
            return (i, false);
        }
        let next = self.shape().add(name);
        self.set_shape(next);
        let slots = self.slots();
        slots.push(v);
        if let Some(c) = &self.class.class {
            if slots.len() > c.size_hint.get() {
                c.size_hint.set(slots.len());
            }
        }
        (slots.len() - 1, true)
    }
    /// Removes an instance attribute; false if absent.
    fn remove(&self, name: &str) -> bool {
        let Some(i) = self.shape().index_of(name) else {
            return false;
        };
        let mut names: Vec<Rc<str>> = self.shape().names().to_vec();
        names.remove(i);
        let root = match &self.class.class {
            Some(c) => c.shape_root.clone(),
            None => Shape::root(),
        };
        self.set_shape(Shape::from_root(&root, &names));
        self.slots().remove(i);
        true
    }
}

impl Trace for InstanceObj {
    fn trace(&self, out: &mut crate::gc::Marker) {
        out.push(Value::Type(self.class));
        crate::gc::visit_all(self.slots(), out);
        if let Some(d) = self.dict.get() {
            out.push(Value::Dict(d));
        }
    }
    fn extra_size(&self) -> usize {
        self.slots().capacity() * 16
    }
}

use crate::gc::Trace;

/// A function bound to an object (`obj.method` as a value).
pub struct BoundMethodObj {
    /// The function.
    pub func: Value,
    /// `__self__`.
    pub this: Value,
}
impl Trace for BoundMethodObj {
    const MUTABLE: bool = false;
    fn trace(&self, out: &mut crate::gc::Marker) {
        out.push(self.func);
        out.push(self.this);
    }
}

/// A closure cell. Empty when it holds `Undef`.
pub struct CellObj {
    value: Cell<Value>,
}
impl CellObj {
    /// A cell holding `v`.
    pub fn new(v: Value) -> CellObj {
        CellObj {
            value: Cell::new(v),
        }
    }
    /// The contents (`Undef` if empty).
    #[inline(always)]
    pub fn get(&self) -> Value {
        self.value.get()
    }
    /// Sets the contents.
    #[inline(always)]
    pub fn set(&self, v: Value) {
        self.value.set(v)
    }
}
impl Trace for CellObj {
    fn trace(&self, out: &mut crate::gc::Marker) {
        out.push(self.value.get());
    }
}

/// What a `Value::Descr` is.
pub enum Descr {
    /// `staticmethod(f)`.
    StaticMethod(Value),
    /// `classmethod(f)`.
    ClassMethod(Value),
    /// `property(fget, fset, fdel)`; `name` is set when the class is created.
    Property {
        /// Getter or None.
        fget: Value,
        /// Setter or None.
        fset: Value,
        /// Deleter or None.
        fdel: Value,
        /// The attribute name (for error messages).
        name: RefCell<Option<String>>,
    },
    /// `super(this_class, obj)`.
    Super {
        /// Lookups start after this class in `obj_type`'s MRO.
        this_class: Gc<TypeObj>,
        /// The instance (or class) methods bind to.
        obj: Value,
        /// `type(obj)`, or `obj` when it is a class.
        obj_type: Gc<TypeObj>,
    },
    /// The `NotImplemented` singleton.
    NotImplemented,
}

/// A descriptor-ish object (tag `Value::Descr`).
pub struct DescrObj {
    /// What it is.
    pub d: Descr,
}
impl DescrObj {
    /// Python type name.
    pub fn type_name(&self) -> &'static str {
        match self.d {
            Descr::StaticMethod(_) => "staticmethod",
            Descr::ClassMethod(_) => "classmethod",
            Descr::Property { .. } => "property",
            Descr::Super { .. } => "super",
            Descr::NotImplemented => "NotImplementedType",
        }
    }
    /// The `TypeKind` of its type.
    pub fn type_kind(&self) -> TypeKind {
        match self.d {
            Descr::StaticMethod(_) => TypeKind::StaticMethod,
            Descr::ClassMethod(_) => TypeKind::ClassMethod,
            Descr::Property { .. } => TypeKind::Property,
            Descr::Super { .. } => TypeKind::Super,
            Descr::NotImplemented => TypeKind::NotImplementedType,
        }
    }
}
impl Trace for DescrObj {
    const MUTABLE: bool = false;
    fn trace(&self, out: &mut crate::gc::Marker) {
        match &self.d {
            Descr::StaticMethod(f) | Descr::ClassMethod(f) => out.push(*f),
            Descr::Property {
                fget, fset, fdel, ..
            } => out.extend_from_slice(&[*fget, *fset, *fdel]),
            Descr::Super {
                this_class,
                obj,
                obj_type,
            } => out.extend_from_slice(&[Value::Type(*this_class), *obj, Value::Type(*obj_type)]),
            Descr::NotImplemented => {}
        }
    }
}

// -- Inline caches --------------------------------------------------------------------------

/// Empty entry.
pub const CK_NONE: u8 = 0;
/// Load: instance slot `slot`.
pub const CK_SLOT: u8 = 1;
/// Load: function `value` to bind to the receiver.
pub const CK_METHOD: u8 = 2;
/// Load: `value` as is.
pub const CK_PLAIN: u8 = 3;
/// Load: classmethod function `value` to bind to the class.
pub const CK_CLSMETHOD: u8 = 4;
/// Store: existing slot `slot`.
pub const CK_STORE: u8 = 5;
/// Store: new attribute; the instance moves to shape `shape`, slot `slot`.
pub const CK_ADD: u8 = 6;

/// One inline-cache entry of an attribute site (see the module doc).
#[derive(Clone, Copy)]
pub struct AttrCache {
    /// Shape id of the receiver (instances) or class version (class receivers); 0: empty.
    pub key: u64,
    /// `CK_*`.
    pub kind: u8,
    /// Slot index.
    pub slot: u32,
    /// The cached method or class attribute.
    pub value: Value,
    /// `CK_ADD`: the shape after the transition.
    pub shape: *const Shape,
}

impl AttrCache {
    /// The empty entry.
    pub const EMPTY: AttrCache = AttrCache {
        key: 0,
        kind: CK_NONE,
        slot: 0,
        value: Value::None,
        shape: std::ptr::null(),
    };
}

impl Default for AttrCache {
    fn default() -> Self {
        AttrCache::EMPTY
    }
}

#[inline(always)]
fn class_version(t: &TypeObj) -> u64 {
    match &t.class {
        Some(c) => c.version.get(),
        None => 0,
    }
}

#[inline(always)]
fn entry(c: &Cell<AttrCache>) -> &AttrCache {
    // SAFETY: single-threaded; nothing writes the cell while the reference lives.
    unsafe { &*c.as_ptr() }
}

/// Entries of a site's polymorphic load cache. Sites that see several receiver
/// shapes (a scheduler calling `task.run()` on four task classes) hit in one of
/// them instead of missing on every change of receiver.
pub const IC_WAYS: usize = 4;

/// The entry of a site's cache `ways` (`Site::load` or `Site::store`) for receiver
/// `key` (a shape id or a class version): the first way inline, the rest out of line.
#[inline(always)]
fn way_entry(ways: &[Cell<AttrCache>; IC_WAYS], key: u64) -> Option<&AttrCache> {
    let c = entry(&ways[0]);
    if c.key == key {
        return Some(c);
    }
    way_entry_slow(ways, key)
}

#[inline(never)]
fn way_entry_slow(ways: &[Cell<AttrCache>; IC_WAYS], key: u64) -> Option<&AttrCache> {
    ways[1..].iter().map(entry).find(|c| c.key == key)
}

/// The load-cache entry of `site` for receiver `key`.
#[inline(always)]
fn load_entry(site: &Site, key: u64) -> Option<&AttrCache> {
    way_entry(&site.load, key)
}

/// The store-cache entry of `site` for receiver shape `key`.
#[inline(always)]
fn store_entry(site: &Site, key: u64) -> Option<&AttrCache> {
    way_entry(&site.store, key)
}

/// LoadAttr cache hit on an instance: a slot or a plain class attribute, copied
/// straight to `*dst`; false on a miss.
///
/// The value is copied with `copy_value`: returning it as an `Option<Value>` made the
/// compiler move it through a stack temporary with overlapping 8-byte stores and
/// loads (bytes 1..9 and 8..16, around the niche tag), and the second load stalled
/// on store forwarding on every hit.
///
/// # Safety
/// `dst` must be valid for a write of one `Value`.
#[inline(always)]
pub unsafe fn cached_load_to(inst: &InstanceObj, site: &Site, dst: *mut Value) -> bool {
    let Some(c) = load_entry(site, inst.shape().id()) else {
        return false;
    };
    let src: *const Value = match c.kind {
        CK_SLOT => {
            let slots = inst.slots();
            if c.slot as usize >= slots.len() {
                return false;
            }
            slots.as_ptr().add(c.slot as usize)
        }
        CK_PLAIN => &c.value,
        _ => return false,
    };
    copy_value(src, dst);
    true
}

/// LoadMethod cache hit on an instance: (callable, self or Undef).
#[inline(always)]
pub fn cached_method(inst: Gc<InstanceObj>, site: &Site) -> Option<(Value, Value)> {
    let c = load_entry(site, inst.shape().id())?;
    match c.kind {
        CK_METHOD => Some((c.value, Value::Instance(inst))),
        CK_SLOT => inst
            .slots()
            .get(c.slot as usize)
            .map(|v| (*v, Value::Undef)),
        CK_PLAIN => Some((c.value, Value::Undef)),
        CK_CLSMETHOD => Some((c.value, Value::Type(inst.class))),
        _ => None,
    }
}

/// LoadMethod cache hit on an instance, written straight to `dst[0]` (callable) and
/// `dst[1]` (self or Undef), as `cached_load_to` does; false on a miss.
///
/// # Safety
/// `dst` must be valid for writes of two `Value`s.
#[inline(always)]
pub unsafe fn cached_method_to(inst: Gc<InstanceObj>, site: &Site, dst: *mut Value) -> bool {
    let Some(c) = load_entry(site, inst.shape().id()) else {
        return false;
    };
    match c.kind {
        CK_METHOD => {
            copy_value(&c.value, dst);
            *dst.add(1) = Value::Instance(inst);
        }
        CK_SLOT => {
            let slots = inst.slots();
            if c.slot as usize >= slots.len() {
                return false;
            }
            copy_value(slots.as_ptr().add(c.slot as usize), dst);
            *dst.add(1) = Value::Undef;
        }
        CK_PLAIN => {
            copy_value(&c.value, dst);
            *dst.add(1) = Value::Undef;
        }
        CK_CLSMETHOD => {
            copy_value(&c.value, dst);
            *dst.add(1) = Value::Type(inst.class);
        }
        _ => return false,
    }
    true
}

/// StoreAttr cache hit on an instance, storing the value at `src` (copied with
/// `copy_value`); false on a miss.
///
/// # Safety
/// `src` must point to a valid value.
#[inline(always)]
pub unsafe fn cached_store_from(inst: &InstanceObj, site: &Site, src: *const Value) -> bool {
    let Some(c) = store_entry(site, inst.shape().id()) else {
        return false;
    };
    match c.kind {
        CK_STORE => {
            let slots = inst.slots();
            if c.slot as usize >= slots.len() {
                return false;
            }
            copy_value(src, slots.as_mut_ptr().add(c.slot as usize));
            true
        }
        CK_ADD => {
            // SAFETY: the key matched, so the instance's current shape is the parent of
            // `c.shape`, which holds it alive in its transition table.
            let next = unsafe {
                Rc::increment_strong_count(c.shape);
                Rc::from_raw(c.shape)
            };
            inst.set_shape(next);
            inst.slots().push(*src);
            true
        }
        _ => false,
    }
}

/// Class-attribute cache hit (`C.x`, `C.m(...)`): (value, self or Undef).
#[inline(always)]
pub fn cached_class_attr(t: Gc<TypeObj>, site: &Site) -> Option<(Value, Value)> {
    let v = class_version(&t);
    if v == 0 {
        return None;
    }
    let c = load_entry(site, v)?;
    match c.kind {
        CK_PLAIN => Some((c.value, Value::Undef)),
        CK_CLSMETHOD => Some((c.value, Value::Type(t))),
        _ => None,
    }
}

/// Fills the polymorphic load cache (see `fill_ways`).
fn fill_load(site: &Site, key: u64, kind: u8, slot: usize, value: Value) {
    fill_ways(
        &site.load,
        AttrCache {
            key,
            kind,
            slot: slot as u32,
            value,
            shape: std::ptr::null(),
        },
    );
}

/// Puts `e` first in a polymorphic cache; the other entries move down (the oldest
/// falls out), unless the key already has an entry, which is replaced.
fn fill_ways(ways: &[Cell<AttrCache>; IC_WAYS], e: AttrCache) {
    let end = ways
        .iter()
        .position(|c| entry(c).key == e.key)
        .unwrap_or(ways.len() - 1);
    for i in (1..=end).rev() {
        ways[i].set(ways[i - 1].get());
    }
    ways[0].set(e);
}

// -- For the JIT ----------------------------------------------------------------------------

/// Byte offsets, from an object pointer (its GC box), of the fields compiled code
/// reads: an instance's shape pointer word and slot-array pointer, a cell's value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct JitLayout {
    /// The instance's `Rc<Shape>` (one pointer word; compare with `shape_word`).
    pub inst_shape: i32,
    /// The pointer to the instance's slots (`Value`s, 16 bytes each).
    pub inst_slots: i32,
    /// The cell's `Value`.
    pub cell_value: i32,
}

/// The layout compiled code uses, or None if `Vec`'s fields cannot be found (then
/// nothing about instances is compiled).
pub fn jit_layout() -> Option<JitLayout> {
    // `Vec` does not fix its field order: probe a live one, as `list_layout` does.
    if std::mem::size_of::<Vec<Value>>() != 3 * std::mem::size_of::<usize>() {
        return None;
    }
    let mut v: Vec<Value> = Vec::with_capacity(7);
    v.extend_from_slice(&[Value::None, Value::None, Value::None]);
    let ptr = v.as_ptr() as usize;
    // SAFETY: a Vec is three words (checked above).
    let words: [usize; 3] = unsafe { std::mem::transmute_copy(&v) };
    let ptr_word = words.iter().position(|&w| w == ptr)?;
    let inst = Gc::<InstanceObj>::PAYLOAD_OFFSET;
    let cell = Gc::<CellObj>::PAYLOAD_OFFSET;
    Some(JitLayout {
        inst_shape: (inst + std::mem::offset_of!(InstanceObj, shape)) as i32,
        inst_slots: (inst + std::mem::offset_of!(InstanceObj, slots) + ptr_word * 8) as i32,
        cell_value: (cell + std::mem::offset_of!(CellObj, value)) as i32,
    })
}

/// The word compiled code finds at `JitLayout::inst_shape` for `inst`'s shape.
pub fn shape_word(inst: &InstanceObj) -> i64 {
    // SAFETY: an `Rc` is one pointer word.
    unsafe { std::mem::transmute_copy::<Rc<Shape>, usize>(inst.shape()) as i64 }
}

/// The address of class `t`'s version counter and its value now (for a guard that
/// the class namespace did not change); None for builtin types.
pub fn version_guard(t: &TypeObj) -> Option<(i64, i64)> {
    let c = t.class.as_ref()?;
    Some((c.version.as_ptr() as i64, c.version.get() as i64))
}

/// How the recorder may compile an attribute access on an instance.
#[derive(Clone, Copy, Debug)]
pub enum AttrPlan {
    /// An instance slot.
    Slot(usize),
    /// A class attribute used as it is (no binding, no descriptor).
    Plain(Value),
    /// A function to call with the instance as `self` (method calls only).
    Method(Value),
}

/// The plan for loading `name` from `inst` (as `LoadMethod` when `method`), valid
/// while the instance keeps its shape and the class its version; None when it needs
/// the generic lookup (properties, descriptors, bound-method objects, `__getattr__`).
pub fn jit_load_plan(vm: &Vm, inst: Gc<InstanceObj>, name: &str, method: bool) -> Option<AttrPlan> {
    let cls = inst.class;
    cls.class.as_ref()?;
    if inst.dict_mode().is_some() {
        return None;
    }
    if name == "__class__" || name == "__dict__" {
        return None;
    }
    let cattr = class_lookup(vm, cls, name);
    if is_property(&cattr).is_some() {
        return None;
    }
    if let Some(a) = &cattr {
        if user_descriptor(vm, a).is_some() {
            return None;
        }
    }
    if let Some(i) = inst.shape().index_of(name) {
        return Some(AttrPlan::Slot(i));
    }
    match cattr? {
        f @ Value::Func(_) if method => Some(AttrPlan::Method(f)),
        Value::Func(_) | Value::Builtin(_) => None,
        Value::Descr(d) => match d.d {
            Descr::StaticMethod(f) => Some(AttrPlan::Plain(f)),
            _ => None,
        },
        v => Some(AttrPlan::Plain(v)),
    }
}

/// The plan for `C.name` on user class `t` (as `LoadMethod` when `method`): the value,
/// and whether it binds to the class (a classmethod); valid while the class keeps its
/// version. None for descriptors that run code and bound-method objects.
pub fn jit_class_attr_plan(
    vm: &Vm,
    t: Gc<TypeObj>,
    name: &str,
    method: bool,
) -> Option<(Value, bool)> {
    t.class.as_ref()?;
    let attr = class_lookup(vm, t, name)?;
    if user_descriptor(vm, &attr).is_some() {
        return None;
    }
    match attr {
        Value::Descr(d) => match d.d {
            Descr::StaticMethod(f) => Some((f, false)),
            Descr::ClassMethod(f) if method => Some((f, true)),
            Descr::Property { .. } => Some((attr, false)),
            _ => None,
        },
        v => Some((v, false)),
    }
}

/// The slot a store of `name` to `inst` writes, when it is a plain store to an
/// existing attribute (no `__setattr__`, property or data descriptor).
pub fn jit_store_plan(vm: &Vm, inst: Gc<InstanceObj>, name: &str) -> Option<usize> {
    let cls = inst.class;
    cls.class.as_ref()?;
    if inst.dict_mode().is_some() {
        return None;
    }
    if lookup_special(vm, cls, "__setattr__").is_some() {
        return None;
    }
    let cattr = class_lookup(vm, cls, name);
    if is_property(&cattr).is_some() {
        return None;
    }
    if let Some(a) = &cattr {
        if user_descriptor(vm, a).is_some() {
            return None;
        }
    }
    inst.shape().index_of(name)
}

// -- Small helpers ------------------------------------------------------------------------

/// Whether `v` is an instance of a user class (whose special methods must be consulted).
#[inline]
pub fn is_user(v: &Value) -> bool {
    match v {
        Value::Instance(i) => i.class.class.is_some(),
        Value::Exc(e) => e.ty.class.is_some(),
        _ => false,
    }
}

/// The class of `v`.
pub fn class_of(vm: &Vm, v: &Value) -> Gc<TypeObj> {
    crate::builtins::type_of(vm, v)
}

/// Whether `e` is an instance of builtin exception class `ty`.
pub fn err_is(vm: &Vm, e: PyErr, ty: ExcType) -> bool {
    TypeObj::is_subtype(e.0.ty, vm.types.exc[ty as usize])
}

/// The `NotImplemented` singleton.
pub fn not_implemented(vm: &Vm) -> Value {
    vm.builtins
        .get("NotImplemented")
        .copied()
        .unwrap_or(Value::None)
}

/// Whether `v` is `NotImplemented`.
#[inline]
pub fn is_not_implemented(v: &Value) -> bool {
    matches!(v, Value::Descr(d) if matches!(d.d, Descr::NotImplemented))
}

fn new_bound(vm: &mut Vm, func: Value, this: Value) -> Value {
    Value::BoundMethod(vm.heap.alloc(BoundMethodObj { func, this }))
}

fn new_descr(vm: &mut Vm, d: Descr) -> Value {
    Value::Descr(vm.heap.alloc(DescrObj { d }))
}

/// A new empty cell, or one holding `v`.
pub fn new_cell(vm: &mut Vm, v: Value) -> Value {
    Value::Cell(vm.heap.alloc(CellObj::new(v)))
}

/// `__qualname__` of a type.
pub fn qualname(t: &TypeObj) -> &str {
    match &t.class {
        Some(c) => &c.qualname,
        None => &t.name,
    }
}

/// `__module__` of a type.
pub fn module_name(t: &TypeObj) -> &'static str {
    if t.class.is_some() {
        "__main__"
    } else {
        "builtins"
    }
}

/// The name an uncaught exception of class `t` is printed with (`Outer.MyError`;
/// classes of `__main__` and builtins are not module-qualified).
pub fn exc_type_display_name(t: &TypeObj) -> String {
    qualname(t).to_string()
}

/// Calls `f` with `vals` pushed on `Vm::temp_roots` for the duration.
fn rooted<R>(vm: &mut Vm, vals: &[Value], f: impl FnOnce(&mut Vm) -> R) -> R {
    let mark = vm.temp_roots.len();
    vm.temp_roots.extend_from_slice(vals);
    let r = f(vm);
    vm.temp_roots.truncate(mark);
    r
}

fn attr_error(vm: &mut Vm, msg: String) -> PyErr {
    vm.err(ExcType::AttributeError, msg)
}

fn no_attr_error(vm: &mut Vm, obj: &Value, name: &str) -> PyErr {
    let msg = match obj {
        Value::Type(t) => format!("type object '{}' has no attribute '{name}'", t.name),
        Value::Descr(d) if matches!(d.d, Descr::Super { .. }) => {
            format!("'super' object has no attribute '{name}'")
        }
        _ => format!("'{}' object has no attribute '{name}'", obj.type_name()),
    };
    let e = attr_error(vm, msg);
    attach_attr_info(vm, e, *obj, name);
    e
}

/// Records `name` and `obj` on an AttributeError the VM raises, as CPython 3.11
/// does; its traceback display uses them for "Did you mean" (`attr_suggestion`).
pub fn attach_attr_info(vm: &mut Vm, e: PyErr, obj: Value, name: &str) {
    let n = vm.new_str(name);
    let attrs = e.0.attrs();
    attrs.push((Rc::from("name"), n));
    attrs.push((Rc::from("obj"), obj));
}

/// An approximation of `dir(obj)`, sorted: the names CPython 3.11 would consider
/// for an AttributeError's "Did you mean" (the exact dunder sets differ slightly).
pub fn dir_names(vm: &Vm, obj: Value) -> Vec<String> {
    const OBJECT_DIR: &[&str] = &[
        "__class__",
        "__delattr__",
        "__dir__",
        "__doc__",
        "__eq__",
        "__format__",
        "__ge__",
        "__getattribute__",
        "__getstate__",
        "__gt__",
        "__hash__",
        "__init__",
        "__init_subclass__",
        "__le__",
        "__lt__",
        "__ne__",
        "__new__",
        "__reduce__",
        "__reduce_ex__",
        "__repr__",
        "__setattr__",
        "__sizeof__",
        "__str__",
        "__subclasshook__",
    ];
    let mut names: Vec<String> = OBJECT_DIR.iter().map(|s| s.to_string()).collect();
    let add_class = |names: &mut Vec<String>, t: Gc<TypeObj>| {
        for c in mro(t) {
            if let Some(cd) = &c.class {
                names.extend(cd.order().iter().map(|n| n.to_string()));
                names.extend(["__dict__", "__module__", "__weakref__"].map(String::from));
            }
        }
    };
    match obj {
        Value::Module(m) => {
            names = [
                "__doc__",
                "__loader__",
                "__name__",
                "__package__",
                "__spec__",
            ]
            .iter()
            .map(|s| s.to_string())
            .collect();
            names.extend(m.attrs.iter().map(|(n, _)| n.clone()));
        }
        Value::Instance(inst) => {
            match inst.dict_mode() {
                Some(d) => names.extend(d.table().iter().filter_map(|e| match e.key {
                    Value::Str(s) => Some(s.as_str().to_string()),
                    _ => None,
                })),
                None => names.extend(inst.shape().names().iter().map(|n| n.to_string())),
            }
            add_class(&mut names, inst.class);
        }
        Value::Type(t) => add_class(&mut names, t),
        Value::Exc(e) => {
            names.extend(e.attrs().iter().map(|(n, _)| n.to_string()));
            names.extend(
                [
                    "args",
                    "with_traceback",
                    "add_note",
                    "__traceback__",
                    "__cause__",
                    "__context__",
                    "__suppress_context__",
                ]
                .map(String::from),
            );
            add_class(&mut names, e.ty);
        }
        other => {
            let tag = other.tag();
            names.extend(
                vm.methods
                    .keys()
                    .filter(|(t, _)| *t == tag)
                    .map(|(_, n)| n.to_string()),
            );
        }
    }
    names.sort();
    names.dedup();
    names
}

// -- MRO and lookup -------------------------------------------------------------------------

/// The full MRO of `t`, `t` first.
pub fn mro(t: Gc<TypeObj>) -> Vec<Gc<TypeObj>> {
    let mut out = vec![t];
    match &t.class {
        Some(c) => out.extend_from_slice(&c.mro_tail),
        None => {
            let mut b = t.base;
            while let Some(x) = b {
                out.push(x);
                b = x.base;
            }
        }
    }
    out
}

/// Runs `f` on each class of `t`'s MRO until it returns Some.
#[inline]
fn find_in_mro<R>(t: Gc<TypeObj>, mut f: impl FnMut(Gc<TypeObj>) -> Option<R>) -> Option<R> {
    if let Some(r) = f(t) {
        return Some(r);
    }
    match &t.class {
        Some(c) => c.mro_tail.iter().find_map(|x| f(*x)),
        None => {
            let mut b = t.base;
            while let Some(x) = b {
                if let Some(r) = f(x) {
                    return Some(r);
                }
                b = x.base;
            }
            None
        }
    }
}

/// A native method a builtin class defines for user subclasses to inherit.
fn builtin_attr(vm: &Vm, t: Gc<TypeObj>, name: &str) -> Option<Value> {
    let tag = match t.kind {
        TypeKind::Object => OBJECT_NATIVES,
        TypeKind::Exception(ExcType::BaseException) => EXC_NATIVES,
        _ => return None,
    };
    vm.methods.get(&(tag, name)).copied()
}

/// `name` looked up in `t`'s MRO: the first class defining it (user namespaces and
/// the natives of `object` and `BaseException`).
pub fn class_lookup(vm: &Vm, t: Gc<TypeObj>, name: &str) -> Option<Value> {
    find_in_mro(t, |c| match &c.class {
        Some(cd) => cd.get(name),
        None => builtin_attr(vm, c, name),
    })
}

/// A special method defined by a user class in `t`'s MRO; None when the first class
/// defining it is builtin (the native behaviour applies) or nobody defines it.
pub fn lookup_special(vm: &Vm, t: Gc<TypeObj>, name: &str) -> Option<Value> {
    find_in_mro(t, |c| match &c.class {
        Some(cd) => cd.get(name).map(Some),
        None => builtin_attr(vm, c, name).map(|_| None),
    })
    .flatten()
}

fn is_native_method(b: &BuiltinObj) -> bool {
    b.bound.is_none() && matches!(b.owner, Some("object") | Some("BaseException"))
}

/// A class attribute seen through instance `obj` of class `cls`: functions bind.
fn bind_to_instance(vm: &mut Vm, attr: Value, obj: Value, cls: Gc<TypeObj>) -> PyResult<Value> {
    Ok(match attr {
        Value::Func(_) => new_bound(vm, attr, obj),
        Value::Builtin(b) if is_native_method(&b) => Value::Builtin(vm.heap.alloc(BuiltinObj {
            name: b.name,
            func: b.func,
            bound: Some(obj),
            owner: b.owner,
        })),
        Value::Descr(d) => match &d.d {
            Descr::StaticMethod(f) => *f,
            Descr::ClassMethod(f) => new_bound(vm, *f, Value::Type(cls)),
            Descr::Property { .. } => property_get(vm, d, obj)?,
            _ => attr,
        },
        _ => attr,
    })
}

fn property_name(d: &DescrObj) -> String {
    match &d.d {
        Descr::Property { name, .. } => name.borrow().clone().unwrap_or_else(|| "?".into()),
        _ => String::new(),
    }
}

fn property_get(vm: &mut Vm, d: Gc<DescrObj>, obj: Value) -> PyResult<Value> {
    let Descr::Property { fget, .. } = &d.d else {
        unreachable!("property_get")
    };
    if fget.is_none() {
        let msg = format!(
            "property '{}' of '{}' object has no getter",
            property_name(&d),
            obj.type_name()
        );
        return Err(attr_error(vm, msg));
    }
    vm.call_value(*fget, &[obj], &[])
}

fn is_property(v: &Option<Value>) -> Option<Gc<DescrObj>> {
    match v {
        Some(Value::Descr(d)) if matches!(d.d, Descr::Property { .. }) => Some(*d),
        _ => None,
    }
}

// -- Class creation ---------------------------------------------------------------------------

/// C3 linearization of `bases` (the MRO of a new class, without the class itself).
pub fn c3_merge(bases: &[Gc<TypeObj>]) -> Option<Vec<Gc<TypeObj>>> {
    let mut seqs: Vec<Vec<Gc<TypeObj>>> = bases.iter().map(|b| mro(*b)).collect();
    seqs.push(bases.to_vec());
    let mut out = vec![];
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Some(out);
        }
        let cand = seqs.iter().map(|s| s[0]).find(|c| {
            !seqs
                .iter()
                .any(|s| s[1..].iter().any(|x| Gc::ptr_eq(*x, *c)))
        })?;
        out.push(cand);
        for s in &mut seqs {
            if Gc::ptr_eq(s[0], cand) {
                s.remove(0);
            }
        }
    }
}

/// `MakeClass`: the class `name` with namespace `ns` and `bases`.
pub fn make_class(
    vm: &mut Vm,
    name: &str,
    qualname: &str,
    ns: Value,
    bases: &[Value],
) -> PyResult<Value> {
    let Value::Dict(ns) = ns else {
        return Err(vm.type_error("class namespace must be a dict"));
    };
    let mut bs: Vec<Gc<TypeObj>> = Vec::with_capacity(bases.len());
    for b in bases {
        match b {
            Value::Type(t) => {
                let ok = t.class.is_some()
                    || matches!(t.kind, TypeKind::Object | TypeKind::Exception(_));
                if !ok {
                    return Err(vm.err(
                        ExcType::NotImplementedError,
                        format!("subclassing '{}' is not supported by tvm", t.name),
                    ));
                }
                if bs.iter().any(|x| Gc::ptr_eq(*x, *t)) {
                    let n = t.name.clone();
                    return Err(vm.type_error(format!("duplicate base class {n}")));
                }
                bs.push(*t);
            }
            other => {
                return Err(
                    vm.type_error(format!("bases must be types, not '{}'", other.type_name()))
                )
            }
        }
    }
    if bs.is_empty() {
        bs.push(vm.types.get(TypeKind::Object));
    }
    let Some(tail) = c3_merge(&bs) else {
        let names: Vec<&str> = bs.iter().map(|b| b.name.as_str()).collect();
        return Err(vm.type_error(format!(
            "Cannot create a consistent method resolution\norder (MRO) for bases {}",
            names.join(", ")
        )));
    };
    let kind = tail
        .iter()
        .find_map(|t| match t.kind {
            TypeKind::Exception(e) if t.class.is_none() => Some(TypeKind::Exception(e)),
            _ => None,
        })
        .unwrap_or(TypeKind::Object);
    // The namespace, in CPython's order: __module__, the body's names, then what
    // type.__new__ adds.
    let mut dict: HashMap<Rc<str>, Value> = HashMap::new();
    let mut order: Vec<Rc<str>> = vec![];
    let mut classcell = None;
    let mut module = None;
    let entries: Vec<(Value, Value)> = ns.table().iter().map(|e| (e.key, e.value)).collect();
    for (k, v) in entries {
        let Value::Str(k) = k else { continue };
        let key = k.as_str();
        if key == "__classcell__" {
            classcell = Some(v);
            continue;
        }
        let v = match (key, v) {
            // CPython makes these implicit static/class methods.
            ("__new__", Value::Func(_)) => new_descr(vm, Descr::StaticMethod(v)),
            ("__init_subclass__" | "__class_getitem__", Value::Func(_)) => {
                new_descr(vm, Descr::ClassMethod(v))
            }
            _ => v,
        };
        if let Value::Descr(d) = v {
            if let Descr::Property { name, .. } = &d.d {
                *name.borrow_mut() = Some(key.to_string());
            }
        }
        if key == "__module__" {
            module = Some(v);
            continue;
        }
        if dict.insert(Rc::from(key), v).is_none() {
            order.push(Rc::from(key));
        }
    }
    let module = match module {
        Some(m) => m,
        None => vm.new_str("__main__"),
    };
    dict.insert(Rc::from("__module__"), module);
    order.insert(0, Rc::from("__module__"));
    if dict.contains_key("__eq__") && !dict.contains_key("__hash__") {
        dict.insert(Rc::from("__hash__"), Value::None);
        order.push(Rc::from("__hash__"));
    }
    if !dict.contains_key("__doc__") {
        dict.insert(Rc::from("__doc__"), Value::None);
        order.push(Rc::from("__doc__"));
    }
    let data = ClassData {
        qualname: qualname.to_string(),
        bases: bs.clone(),
        mro_tail: tail,
        dict: UnsafeCell::new(dict),
        order: UnsafeCell::new(order),
        version: Cell::new(next_id()),
        shape_root: Shape::root(),
        size_hint: Cell::new(0),
        subclasses: UnsafeCell::new(vec![]),
        ctor: Cell::new((0, Value::Undef, Value::Undef)),
    };
    let t = vm.heap.alloc(TypeObj {
        name: name.to_string(),
        kind,
        base: Some(bs[0]),
        class: Some(Box::new(data)),
    });
    for b in &bs {
        if let Some(c) = &b.class {
            unsafe { (*c.subclasses.get()).push(t) };
        }
    }
    if let Some(Value::Cell(c)) = classcell {
        c.set(Value::Type(t));
    }
    Ok(Value::Type(t))
}

/// `type(name, bases, namespace)`.
pub fn type_new(vm: &mut Vm, args: &[Value]) -> PyResult<Value> {
    let Value::Str(name) = args[0] else {
        return Err(vm.type_error(format!(
            "type.__new__() argument 1 must be str, not {}",
            args[0].type_name()
        )));
    };
    let Value::Tuple(bases) = args[1] else {
        return Err(vm.type_error(format!(
            "type.__new__() argument 2 must be tuple, not {}",
            args[1].type_name()
        )));
    };
    let Value::Dict(src) = args[2] else {
        return Err(vm.type_error(format!(
            "type.__new__() argument 3 must be dict, not {}",
            args[2].type_name()
        )));
    };
    // Copy the namespace: the class must not share the caller's dict.
    let ns = vm.new_dict();
    let entries: Vec<(Value, Value)> = src.table().iter().map(|e| (e.key, e.value)).collect();
    rooted(vm, &[Value::Dict(ns)], |vm| {
        for (k, v) in entries {
            crate::ops::dict_set(vm, ns, k, v)?;
        }
        let bases = bases.items.to_vec();
        make_class(vm, name.as_str(), name.as_str(), Value::Dict(ns), &bases)
    })
}

/// Gives `t` and every subclass a fresh version (their namespaces, as seen through
/// the MRO, changed).
fn bump_version(t: Gc<TypeObj>) {
    if let Some(c) = &t.class {
        c.version.set(next_id());
        c.shape_root.renumber();
        let subs: Vec<Gc<TypeObj>> = unsafe { (*c.subclasses.get()).clone() };
        for s in subs {
            bump_version(s);
        }
    }
}

// -- Attribute access -------------------------------------------------------------------------

/// `obj.name` for the values this module owns; None for other kinds of values (the
/// caller handles them). Errors with AttributeError when the attribute is missing.
pub fn getattr(vm: &mut Vm, obj: Value, name: &str) -> PyResult<Option<Value>> {
    match obj {
        Value::Instance(inst) => instance_getattr(vm, inst, name, None).map(Some),
        Value::Exc(e) => exc_getattr(vm, e, name).map(Some),
        Value::Type(t) => type_getattr(vm, t, name).map(Some),
        Value::BoundMethod(bm) => match name {
            "__func__" => Ok(Some(bm.func)),
            "__self__" => Ok(Some(bm.this)),
            "__class__" => Ok(Some(Value::Type(vm.types.get(TypeKind::Method)))),
            _ => match getattr(vm, bm.func, name) {
                Ok(v) => Ok(v),
                Err(_) => Err(no_attr_error(vm, &obj, name)),
            },
        },
        Value::Func(f) => {
            if let Some((_, v)) = f.attrs().iter().find(|(n, _)| &**n == name) {
                return Ok(Some(*v));
            }
            let v = match name {
                "__name__" => vm.new_str(f.code.name.clone()),
                "__qualname__" => vm.new_str(f.code.qualname.clone()),
                "__module__" => vm.new_str("__main__"),
                "__doc__" => Value::None,
                "__class__" => Value::Type(vm.types.get(TypeKind::Function)),
                "__defaults__" if f.defaults.is_empty() => Value::None,
                "__defaults__" => {
                    let d = f.defaults.to_vec();
                    vm.new_tuple(d)
                }
                "__dict__" => {
                    let d = vm.new_dict();
                    // The function's own slots are not in its `__dict__`.
                    const SLOTS: &[&str] = &[
                        "__name__",
                        "__qualname__",
                        "__doc__",
                        "__module__",
                        "__defaults__",
                    ];
                    let items: Vec<(Rc<str>, Value)> = f.attrs().clone();
                    for (n, v) in items.into_iter().filter(|(n, _)| !SLOTS.contains(&&**n)) {
                        let k = vm.new_str(&*n);
                        crate::ops::dict_set(vm, d, k, v)?;
                    }
                    Value::Dict(d)
                }
                _ => return Err(no_attr_error(vm, &obj, name)),
            };
            Ok(Some(v))
        }
        Value::Descr(d) => descr_getattr(vm, d, obj, name).map(Some),
        Value::Cell(_) => Err(no_attr_error(vm, &obj, name)),
        Value::Builtin(b) if name == "__name__" || name == "__qualname__" => {
            let n = match (name, b.owner) {
                ("__qualname__", Some(owner)) => format!("{owner}.{}", b.name),
                _ => b.name.to_string(),
            };
            Ok(Some(vm.new_str(n)))
        }
        _ => Ok(None),
    }
}

fn instance_getattr(
    vm: &mut Vm,
    inst: Gc<InstanceObj>,
    name: &str,
    site: Option<&Site>,
) -> PyResult<Value> {
    let obj = Value::Instance(inst);
    let cls = inst.class;
    if name == "__class__" {
        return Ok(Value::Type(cls));
    }
    let cattr = class_lookup(vm, cls, name);
    if let Some(d) = is_property(&cattr) {
        return property_get(vm, d, obj);
    }
    let udesc = cattr.as_ref().and_then(|a| user_descriptor(vm, a));
    if let (Some(true), Some(a)) = (udesc, cattr) {
        return descr_get(vm, a, obj, cls);
    }
    let cacheable = cls.class.is_some() && udesc.is_none() && inst.dict_mode().is_none();
    if let Some(d) = inst.dict_mode() {
        if let Some(v) = dict_attr(d, name) {
            return Ok(v);
        }
    }
    if let Some(i) = inst.shape().index_of(name) {
        if let (Some(site), true) = (site, cacheable) {
            fill_load(site, inst.shape().id(), CK_SLOT, i, Value::None);
        }
        return Ok(inst.slots()[i]);
    }
    if let Some(attr) = cattr {
        if udesc.is_some() {
            return descr_get(vm, attr, obj, cls);
        }
        if let (Some(site), true) = (site, cacheable) {
            let plain = match attr {
                Value::Func(_) => None,
                Value::Builtin(b) if is_native_method(&b) => None,
                Value::Descr(d) => match d.d {
                    Descr::StaticMethod(f) => Some(f),
                    _ => None,
                },
                _ => Some(attr),
            };
            if let Some(p) = plain {
                fill_load(site, inst.shape().id(), CK_PLAIN, 0, p);
            }
        }
        return bind_to_instance(vm, attr, obj, cls);
    }
    if name == "__dict__" && cls.class.is_some() {
        return instance_dict(vm, inst);
    }
    getattr_fallback(vm, obj, cls, name)
}

/// `__getattr__`, else AttributeError.
fn getattr_fallback(vm: &mut Vm, obj: Value, cls: Gc<TypeObj>, name: &str) -> PyResult<Value> {
    if let Some(ga) = lookup_special(vm, cls, "__getattr__") {
        let n = vm.new_str(name);
        return call_bound(vm, ga, obj, cls, &[n]);
    }
    Err(no_attr_error(vm, &obj, name))
}

/// `obj.__dict__`: switches the instance to dictionary mode (see `InstanceObj`).
fn instance_dict(vm: &mut Vm, inst: Gc<InstanceObj>) -> PyResult<Value> {
    if let Some(d) = inst.dict_mode() {
        return Ok(Value::Dict(d));
    }
    let d = vm.new_dict();
    let names: Vec<Rc<str>> = inst.shape().names().to_vec();
    for (i, n) in names.iter().enumerate() {
        let k = vm.new_str(&**n);
        let v = inst.slots()[i];
        crate::ops::dict_set(vm, d, k, v)?;
    }
    inst.dict.set(Some(d));
    inst.set_shape(Shape::root());
    inst.slots().clear();
    Ok(Value::Dict(d))
}

/// The hash `StrObj::hash` gives `name`.
fn str_hash(name: &str) -> i64 {
    StrObj::new(name).hash()
}

/// Attribute `name` of an instance in dictionary mode.
fn dict_attr(d: Gc<DictObj>, name: &str) -> Option<Value> {
    d.table().get(
        str_hash(name),
        |k| matches!(k, Value::Str(s) if s.as_str() == name),
    )
}

/// Deletes an instance attribute, in either mode; false if absent.
fn inst_remove(vm: &mut Vm, inst: Gc<InstanceObj>, name: &str) -> PyResult<bool> {
    match inst.dict_mode() {
        Some(d) => {
            let k = vm.new_str(name);
            Ok(crate::ops::dict_remove(vm, d, k)?.is_some())
        }
        None => Ok(inst.remove(name)),
    }
}

/// An instance attribute, in either mode.
fn inst_attr(inst: &InstanceObj, name: &str) -> Option<Value> {
    match inst.dict_mode() {
        Some(d) => dict_attr(d, name),
        None => inst.get(name),
    }
}

fn exc_getattr(vm: &mut Vm, e: Gc<ExcObj>, name: &str) -> PyResult<Value> {
    let obj = Value::Exc(e);
    let cls = e.ty;
    match name {
        "__class__" => return Ok(Value::Type(cls)),
        "args" => {
            let a = e.args.to_vec();
            return Ok(vm.new_tuple(a));
        }
        "__traceback__" => return Ok(Value::None),
        "__cause__" => return Ok(e.cause.get()),
        "__context__" => return Ok(e.context.get()),
        "__suppress_context__" => return Ok(Value::Bool(e.suppress_context.get())),
        "value"
            if TypeObj::is_subtype(cls, vm.types.exc[ExcType::StopIteration as usize])
                && !e.attrs().iter().any(|(n, _)| &**n == "value") =>
        {
            return Ok(e.args.first().copied().unwrap_or(Value::None));
        }
        _ => {}
    }
    let cattr = class_lookup(vm, cls, name);
    if let Some(d) = is_property(&cattr) {
        return property_get(vm, d, obj);
    }
    let udesc = cattr.as_ref().and_then(|a| user_descriptor(vm, a));
    if let (Some(true), Some(a)) = (udesc, cattr) {
        return descr_get(vm, a, obj, cls);
    }
    if let Some((_, v)) = e.attrs().iter().find(|(n, _)| &**n == name) {
        return Ok(*v);
    }
    if let Some(attr) = cattr {
        if udesc.is_some() {
            return descr_get(vm, attr, obj, cls);
        }
        return bind_to_instance(vm, attr, obj, cls);
    }
    getattr_fallback(vm, obj, cls, name)
}

fn type_getattr(vm: &mut Vm, t: Gc<TypeObj>, name: &str) -> PyResult<Value> {
    if let Some(v) = class_lookup(vm, t, name) {
        if user_descriptor(vm, &v).is_some() {
            return descr_get(vm, v, Value::None, t);
        }
        return Ok(match v {
            Value::Descr(d) => match d.d {
                Descr::StaticMethod(f) => f,
                Descr::ClassMethod(f) => new_bound(vm, f, Value::Type(t)),
                _ => v,
            },
            _ => v,
        });
    }
    if t.class.is_none() {
        // Methods of builtin types, unbound (`str.lower`, `dict.fromkeys`).
        if let Some(v) = crate::methods::type_attr(vm, t, name) {
            return Ok(v);
        }
    }
    Ok(match name {
        "__name__" => vm.new_str(t.name.clone()),
        "__qualname__" => vm.new_str(qualname(&t).to_string()),
        "__module__" => vm.new_str(module_name(&t)),
        "__doc__" => Value::None,
        "__class__" => Value::Type(vm.types.get(TypeKind::Type)),
        "__dict__" if t.class.is_some() => {
            // A snapshot of the namespace (CPython's is a read-only live proxy).
            let c = t.class.as_ref().expect("class");
            let names: Vec<Rc<str>> = c.order().clone();
            let d = vm.new_dict();
            rooted(vm, &[Value::Dict(d)], |vm| {
                for n in names {
                    if let Some(v) = c.get(&n) {
                        let k = vm.new_str(&*n);
                        crate::ops::dict_set(vm, d, k, v)?;
                    }
                }
                Ok(())
            })?;
            Value::Dict(d)
        }
        "__mro__" => {
            let m: Vec<Value> = mro(t).into_iter().map(Value::Type).collect();
            vm.new_tuple(m)
        }
        "__bases__" => {
            let b: Vec<Value> = match &t.class {
                Some(c) => c.bases.iter().map(|b| Value::Type(*b)).collect(),
                None => t.base.into_iter().map(Value::Type).collect(),
            };
            vm.new_tuple(b)
        }
        "__base__" => t.base.map(Value::Type).unwrap_or(Value::None),
        _ => return Err(no_attr_error(vm, &Value::Type(t), name)),
    })
}

fn descr_getattr(vm: &mut Vm, d: Gc<DescrObj>, obj: Value, name: &str) -> PyResult<Value> {
    match &d.d {
        Descr::StaticMethod(f) | Descr::ClassMethod(f) if name == "__func__" => Ok(*f),
        Descr::Property {
            fget, fset, fdel, ..
        } => match name {
            "fget" => Ok(*fget),
            "fset" => Ok(*fset),
            "fdel" => Ok(*fdel),
            "setter" | "getter" | "deleter" => {
                let m = vm.methods.get(&(PROPERTY_NATIVES, name)).copied();
                match m {
                    Some(Value::Builtin(b)) => Ok(Value::Builtin(vm.heap.alloc(BuiltinObj {
                        name: b.name,
                        func: b.func,
                        bound: Some(obj),
                        owner: b.owner,
                    }))),
                    _ => Err(no_attr_error(vm, &obj, name)),
                }
            }
            _ => Err(no_attr_error(vm, &obj, name)),
        },
        Descr::Super { .. } => match super_lookup(vm, d, name)? {
            Some((f, this)) => {
                if matches!(this, Value::Undef) {
                    Ok(f)
                } else {
                    Ok(match f {
                        Value::Builtin(b) => Value::Builtin(vm.heap.alloc(BuiltinObj {
                            name: b.name,
                            func: b.func,
                            bound: Some(this),
                            owner: b.owner,
                        })),
                        _ => new_bound(vm, f, this),
                    })
                }
            }
            None => Err(no_attr_error(vm, &obj, name)),
        },
        _ => Err(no_attr_error(vm, &obj, name)),
    }
}

/// `super(...).name`: (callable or value, self to pass or Undef).
fn super_lookup(vm: &mut Vm, d: Gc<DescrObj>, name: &str) -> PyResult<Option<(Value, Value)>> {
    let Descr::Super {
        this_class,
        obj,
        obj_type,
    } = d.d
    else {
        return Ok(None);
    };
    let m = mro(obj_type);
    let start = m
        .iter()
        .position(|t| Gc::ptr_eq(*t, this_class))
        .map(|i| i + 1)
        .unwrap_or(m.len());
    let obj_is_type = matches!(obj, Value::Type(_));
    for t in &m[start..] {
        let found = match &t.class {
            Some(cd) => cd.get(name),
            None => builtin_attr(vm, *t, name),
        };
        let Some(v) = found else { continue };
        return Ok(Some(match v {
            Value::Func(_) | Value::Builtin(_) if obj_is_type => (v, Value::Undef),
            Value::Func(_) => (v, obj),
            Value::Builtin(b) if is_native_method(&b) => (v, obj),
            Value::Descr(dd) => match dd.d {
                Descr::StaticMethod(f) => (f, Value::Undef),
                Descr::ClassMethod(f) => (f, Value::Type(obj_type)),
                Descr::Property { .. } => (property_get(vm, dd, obj)?, Value::Undef),
                _ => (v, Value::Undef),
            },
            _ => (v, Value::Undef),
        }));
    }
    if name == "__class__" {
        return Ok(Some((
            Value::Type(vm.types.get(TypeKind::Super)),
            Value::Undef,
        )));
    }
    Ok(None)
}

/// LoadAttr for instances (with cache fill).
pub fn load_attr_site(vm: &mut Vm, obj: Value, site: &Site) -> PyResult<Option<Value>> {
    match obj {
        Value::Instance(inst) => {
            let name = site.name.as_str();
            instance_getattr(vm, inst, name, Some(site)).map(Some)
        }
        Value::Type(t) if t.class.is_some() => {
            let name = site.name.as_str();
            let v = class_lookup(vm, t, name);
            if let Some(attr) = v {
                let plain = match attr {
                    Value::Descr(d) => match d.d {
                        Descr::StaticMethod(f) => Some(f),
                        Descr::ClassMethod(_) => None,
                        _ => Some(attr),
                    },
                    _ if user_descriptor(vm, &attr).is_some() => None,
                    _ => Some(attr),
                };
                if let Some(p) = plain {
                    let ver = class_version(&t);
                    fill_load(site, ver, CK_PLAIN, 0, p);
                }
            }
            type_getattr(vm, t, name).map(Some)
        }
        _ => getattr(vm, obj, site.name.as_str()),
    }
}

/// LoadMethod for the values this module owns: (callable, self or Undef); None for
/// other kinds of values.
pub fn load_method_site(vm: &mut Vm, obj: Value, site: &Site) -> PyResult<Option<(Value, Value)>> {
    let name = site.name.as_str();
    match obj {
        Value::Instance(inst) => {
            if let Some(hit) = cached_method(inst, site) {
                return Ok(Some(hit));
            }
            let cls = inst.class;
            if name == "__class__" {
                return Ok(Some((Value::Type(cls), Value::Undef)));
            }
            let cattr = class_lookup(vm, cls, name);
            if let Some(d) = is_property(&cattr) {
                return Ok(Some((property_get(vm, d, obj)?, Value::Undef)));
            }
            let udesc = cattr.as_ref().and_then(|a| user_descriptor(vm, a));
            if let (Some(data), Some(a)) = (udesc, cattr) {
                if data || inst_attr(&inst, name).is_none() {
                    return Ok(Some((descr_get(vm, a, obj, cls)?, Value::Undef)));
                }
            }
            if let Some(d) = inst.dict_mode() {
                if let Some(v) = dict_attr(d, name) {
                    return Ok(Some((v, Value::Undef)));
                }
            }
            let cacheable = cls.class.is_some() && udesc.is_none() && inst.dict_mode().is_none();
            let key = inst.shape().id();
            if let Some(i) = inst.shape().index_of(name) {
                if cacheable {
                    fill_load(site, key, CK_SLOT, i, Value::None);
                }
                return Ok(Some((inst.slots()[i], Value::Undef)));
            }
            if let Some(attr) = cattr {
                let (kind, r) = match attr {
                    Value::Func(_) => (CK_METHOD, (attr, obj)),
                    Value::Builtin(b) if is_native_method(&b) => (CK_METHOD, (attr, obj)),
                    Value::Descr(d) => match d.d {
                        Descr::StaticMethod(f) => (CK_PLAIN, (f, Value::Undef)),
                        Descr::ClassMethod(f) => (CK_CLSMETHOD, (f, Value::Type(cls))),
                        _ => (CK_PLAIN, (attr, Value::Undef)),
                    },
                    _ => (CK_PLAIN, (attr, Value::Undef)),
                };
                if cacheable {
                    fill_load(site, key, kind, 0, r.0);
                }
                return Ok(Some(r));
            }
            if name == "__dict__" && cls.class.is_some() {
                return Ok(Some((instance_dict(vm, inst)?, Value::Undef)));
            }
            Ok(Some((getattr_fallback(vm, obj, cls, name)?, Value::Undef)))
        }
        Value::Type(t) => {
            if let Some(hit) = cached_class_attr(t, site) {
                return Ok(Some(hit));
            }
            match class_lookup(vm, t, name) {
                Some(attr) if user_descriptor(vm, &attr).is_some() => {
                    Ok(Some((descr_get(vm, attr, Value::None, t)?, Value::Undef)))
                }
                Some(attr) => {
                    let ver = class_version(&t);
                    let (kind, r) = match attr {
                        Value::Descr(d) => match d.d {
                            Descr::StaticMethod(f) => (CK_PLAIN, (f, Value::Undef)),
                            Descr::ClassMethod(f) => (CK_CLSMETHOD, (f, obj)),
                            _ => (CK_PLAIN, (attr, Value::Undef)),
                        },
                        _ => (CK_PLAIN, (attr, Value::Undef)),
                    };
                    if ver != 0 {
                        fill_load(site, ver, kind, 0, r.0);
                    }
                    Ok(Some(r))
                }
                None if t.class.is_some() => Ok(Some((type_getattr(vm, t, name)?, Value::Undef))),
                None => Ok(None),
            }
        }
        Value::Exc(e) if e.ty.class.is_some() => {
            let cls = e.ty;
            if name != "args" && name != "__class__" && !e.attrs().iter().any(|(n, _)| &**n == name)
            {
                match class_lookup(vm, cls, name) {
                    Some(f @ Value::Func(_)) => return Ok(Some((f, obj))),
                    Some(Value::Builtin(b)) if is_native_method(&b) => {
                        return Ok(Some((Value::Builtin(b), obj)))
                    }
                    _ => {}
                }
            }
            Ok(Some((exc_getattr(vm, e, name)?, Value::Undef)))
        }
        Value::Descr(d) => {
            if let Descr::Super { .. } = d.d {
                return match super_lookup(vm, d, name)? {
                    Some(r) => Ok(Some(r)),
                    None => Err(no_attr_error(vm, &obj, name)),
                };
            }
            Ok(Some((descr_getattr(vm, d, obj, name)?, Value::Undef)))
        }
        Value::BoundMethod(_) | Value::Func(_) | Value::Cell(_) => {
            let v = getattr(vm, obj, name)?.unwrap_or(Value::None);
            Ok(Some((v, Value::Undef)))
        }
        _ => Ok(None),
    }
}

/// `obj.name = v` for the values this module owns; false for other kinds of values.
pub fn setattr(
    vm: &mut Vm,
    obj: Value,
    name: &str,
    v: Value,
    site: Option<&Site>,
) -> PyResult<bool> {
    match obj {
        Value::Instance(inst) => {
            let cls = inst.class;
            if cls.class.is_none() {
                return Err(no_attr_error(vm, &obj, name));
            }
            if let Some(sa) = lookup_special(vm, cls, "__setattr__") {
                let n = vm.new_str(name);
                call_bound(vm, sa, obj, cls, &[n, v])?;
                return Ok(true);
            }
            let cattr = class_lookup(vm, cls, name);
            if let Some(d) = is_property(&cattr) {
                property_set(vm, d, obj, v)?;
                return Ok(true);
            }
            if let Some(a) = cattr {
                if user_descriptor(vm, &a) == Some(true) {
                    descr_set(vm, a, obj, v)?;
                    return Ok(true);
                }
            }
            generic_set(vm, inst, name, v, site)?;
            Ok(true)
        }
        Value::Exc(e) => {
            let cls = e.ty;
            if let Some(sa) = lookup_special(vm, cls, "__setattr__") {
                let n = vm.new_str(name);
                call_bound(vm, sa, obj, cls, &[n, v])?;
                return Ok(true);
            }
            let cattr = class_lookup(vm, cls, name);
            if let Some(d) = is_property(&cattr) {
                property_set(vm, d, obj, v)?;
                return Ok(true);
            }
            exc_set(vm, e, name, v)?;
            Ok(true)
        }
        Value::Type(t) => {
            match &t.class {
                Some(c) => {
                    if let Value::Descr(d) = v {
                        if let Descr::Property { name: pn, .. } = &d.d {
                            if pn.borrow().is_none() {
                                *pn.borrow_mut() = Some(name.to_string());
                            }
                        }
                    }
                    c.set(name, v);
                    bump_version(t);
                }
                None => {
                    let n = t.name.clone();
                    return Err(vm.type_error(format!(
                        "cannot set '{name}' attribute of immutable type '{n}'"
                    )));
                }
            }
            Ok(true)
        }
        Value::Func(f) if !matches!(name, "__class__" | "__dict__" | "__closure__") => {
            let attrs = f.attrs();
            match attrs.iter_mut().find(|(n, _)| &**n == name) {
                Some(slot) => slot.1 = v,
                None => attrs.push((Rc::from(name), v)),
            }
            Ok(true)
        }
        Value::Func(_) | Value::BoundMethod(_) | Value::Descr(_) | Value::Cell(_) => {
            Err(no_attr_error(vm, &obj, name))
        }
        _ => Ok(false),
    }
}

/// `attr.__set__(obj, v)` of a data descriptor.
fn descr_set(vm: &mut Vm, attr: Value, obj: Value, v: Value) -> PyResult<()> {
    match call_special(vm, attr, "__set__", &[obj, v])? {
        Some(_) => Ok(()),
        None => Err(attr_error(vm, "__set__".to_string())),
    }
}

fn exc_set(vm: &mut Vm, e: Gc<ExcObj>, name: &str, v: Value) -> PyResult<()> {
    match name {
        "args" => {
            let items = crate::ops::collect_iter(vm, v)?;
            e.args.set(items);
            return Ok(());
        }
        "__cause__" | "__context__" => {
            if !matches!(v, Value::None | Value::Exc(_)) {
                let what = if name == "__cause__" {
                    "cause"
                } else {
                    "context"
                };
                return Err(vm.type_error(format!(
                    "exception {what} must be None or derive from BaseException"
                )));
            }
            if name == "__cause__" {
                e.cause.set(v);
                e.suppress_context.set(true);
            } else {
                e.context.set(v);
            }
            return Ok(());
        }
        "__suppress_context__" => {
            let b = crate::ops::truthy(vm, v)?;
            e.suppress_context.set(b);
            return Ok(());
        }
        _ => {}
    }
    let attrs = e.attrs();
    match attrs.iter_mut().find(|(n, _)| &**n == name) {
        Some(slot) => slot.1 = v,
        None => attrs.push((Rc::from(name), v)),
    }
    Ok(())
}

/// Stores an instance attribute without consulting the class (and fills the cache).
fn generic_set(
    vm: &mut Vm,
    inst: Gc<InstanceObj>,
    name: &str,
    v: Value,
    site: Option<&Site>,
) -> PyResult<()> {
    if let Some(d) = inst.dict_mode() {
        let k = vm.new_str(name);
        return crate::ops::dict_set(vm, d, k, v);
    }
    let old_id = inst.shape().id();
    let (slot, added) = inst.set(name, v);
    if let Some(site) = site {
        // Only instances of classes are cached: their shapes are in their class's
        // tree, which `bump_version` renumbers.
        if inst.class.class.is_some() {
            let (kind, shape) = if added {
                (CK_ADD, Rc::as_ptr(inst.shape()))
            } else {
                (CK_STORE, std::ptr::null())
            };
            fill_ways(
                &site.store,
                AttrCache {
                    key: old_id,
                    kind,
                    slot: slot as u32,
                    value: Value::None,
                    shape,
                },
            );
        }
    }
    Ok(())
}

fn property_set(vm: &mut Vm, d: Gc<DescrObj>, obj: Value, v: Value) -> PyResult<()> {
    let Descr::Property { fset, .. } = &d.d else {
        unreachable!("property_set")
    };
    if fset.is_none() {
        let msg = format!(
            "property '{}' of '{}' object has no setter",
            property_name(&d),
            obj.type_name()
        );
        return Err(attr_error(vm, msg));
    }
    vm.call_value(*fset, &[obj, v], &[])?;
    Ok(())
}

/// `del obj.name`.
pub fn delattr(vm: &mut Vm, obj: Value, name: &str) -> PyResult<()> {
    match obj {
        Value::Instance(inst) if inst.class.class.is_some() => {
            let cls = inst.class;
            if let Some(da) = lookup_special(vm, cls, "__delattr__") {
                let n = vm.new_str(name);
                call_bound(vm, da, obj, cls, &[n])?;
                return Ok(());
            }
            let cattr = class_lookup(vm, cls, name);
            if let Some(d) = is_property(&cattr) {
                let Descr::Property { fdel, .. } = &d.d else {
                    unreachable!()
                };
                if fdel.is_none() {
                    let msg = format!(
                        "property '{}' of '{}' object has no deleter",
                        property_name(&d),
                        obj.type_name()
                    );
                    return Err(attr_error(vm, msg));
                }
                vm.call_value(*fdel, &[obj], &[])?;
                return Ok(());
            }
            if let Some(a) = cattr {
                if user_descriptor(vm, &a) == Some(true) {
                    return match call_special(vm, a, "__delete__", &[obj])? {
                        Some(_) => Ok(()),
                        None => Err(attr_error(vm, "__delete__".to_string())),
                    };
                }
            }
            if inst_remove(vm, inst, name)? {
                Ok(())
            } else {
                Err(no_attr_error(vm, &obj, name))
            }
        }
        Value::Exc(e) => {
            let attrs = e.attrs();
            match attrs.iter().position(|(n, _)| &**n == name) {
                Some(i) => {
                    attrs.remove(i);
                    Ok(())
                }
                None => Err(no_attr_error(vm, &obj, name)),
            }
        }
        Value::Type(t) => match &t.class {
            Some(c) => {
                if !c.remove(name) {
                    return Err(no_attr_error(vm, &obj, name));
                }
                bump_version(t);
                Ok(())
            }
            None => {
                let n = t.name.clone();
                Err(vm.type_error(format!(
                    "cannot delete '{name}' attribute of immutable type '{n}'"
                )))
            }
        },
        _ => {
            // Builtin values have no deletable attributes.
            let has = crate::builtins::find_method(vm, &obj, name).is_some();
            if has {
                Err(attr_error(
                    vm,
                    format!(
                        "'{}' object attribute '{name}' is read-only",
                        obj.type_name()
                    ),
                ))
            } else {
                Err(no_attr_error(vm, &obj, name))
            }
        }
    }
}

/// `getattr(obj, name)` for any value.
pub fn getattr_any(vm: &mut Vm, obj: Value, name: &str) -> PyResult<Value> {
    if let Some(v) = getattr(vm, obj, name)? {
        return Ok(v);
    }
    crate::ops::load_attr_name(vm, obj, name)
}

/// `setattr(obj, name, v)` for any value.
pub fn setattr_any(vm: &mut Vm, obj: Value, name: &str, v: Value) -> PyResult<()> {
    if setattr(vm, obj, name, v, None)? {
        return Ok(());
    }
    crate::ops::store_attr_name(vm, obj, name, v)
}

// -- Calls --------------------------------------------------------------------------------------

/// Calls class attribute `m` (a special method found by `lookup_special`) on `obj`.
fn call_bound(
    vm: &mut Vm,
    m: Value,
    obj: Value,
    cls: Gc<TypeObj>,
    args: &[Value],
) -> PyResult<Value> {
    let mut v: smallvec::SmallVec<[Value; 4]> = smallvec::SmallVec::new();
    match m {
        Value::Func(_) | Value::Builtin(_) => {
            v.push(obj);
            v.extend_from_slice(args);
            vm.call_value(m, &v, &[])
        }
        Value::Descr(d) => match d.d {
            Descr::StaticMethod(f) => vm.call_value(f, args, &[]),
            Descr::ClassMethod(f) => {
                v.push(Value::Type(cls));
                v.extend_from_slice(args);
                vm.call_value(f, &v, &[])
            }
            _ => vm.call_value(m, args, &[]),
        },
        _ => vm.call_value(m, args, &[]),
    }
}

/// A special method found by `lookup_special`, bound to `obj` (for protocols that
/// keep the bound method, like `with`'s `__exit__`).
pub fn bind_special(vm: &mut Vm, m: Value, obj: Value, cls: Gc<TypeObj>) -> PyResult<Value> {
    bind_to_instance(vm, m, obj, cls)
}

/// Calls special method `name` of `obj`'s class if a user class defines it.
pub fn call_special(
    vm: &mut Vm,
    obj: Value,
    name: &str,
    args: &[Value],
) -> PyResult<Option<Value>> {
    let cls = class_of(vm, &obj);
    match lookup_special(vm, cls, name) {
        Some(m) => call_bound(vm, m, obj, cls, args).map(Some),
        None => Ok(None),
    }
}

/// For `Call`-like instructions: a callable that runs as a Python function with one
/// extra first argument — (function, that argument): a bound method of a Python
/// function. (Callable instances go through `call`, which counts the native
/// recursion level CPython's `slot_tp_call` adds.)
#[inline]
pub fn call_target(_vm: &Vm, f: Value) -> Option<(Gc<FuncObj>, Value)> {
    match f {
        Value::BoundMethod(bm) => match bm.func {
            Value::Func(fo) => Some((fo, bm.this)),
            _ => None,
        },
        _ => None,
    }
}

/// `call_value` for the callables this module owns; None for others.
pub fn call(vm: &mut Vm, f: Value, args: &[Value], kw: KwArgs) -> Option<PyResult<Value>> {
    match f {
        Value::BoundMethod(bm) => {
            let mut v: smallvec::SmallVec<[Value; 8]> = smallvec::SmallVec::new();
            v.push(bm.this);
            v.extend_from_slice(args);
            Some(vm.call_value(bm.func, &v, kw))
        }
        Value::Instance(_) | Value::Exc(_) => {
            let cls = class_of(vm, &f);
            match lookup_special(vm, cls, "__call__") {
                Some(m) => {
                    let mut v: smallvec::SmallVec<[Value; 8]> = smallvec::SmallVec::new();
                    let target = match m {
                        Value::Descr(d) => match d.d {
                            Descr::StaticMethod(g) => g,
                            Descr::ClassMethod(g) => {
                                v.push(Value::Type(cls));
                                g
                            }
                            _ => m,
                        },
                        _ => {
                            v.push(f);
                            m
                        }
                    };
                    v.extend_from_slice(args);
                    Some(native_level(vm, |vm| vm.call_value(target, &v, kw)))
                }
                None => Some(Err(
                    vm.type_error(format!("'{}' object is not callable", f.type_name()))
                )),
            }
        }
        Value::Descr(d) => match d.d {
            Descr::StaticMethod(g) => Some(vm.call_value(g, args, kw)),
            _ => None,
        },
        _ => None,
    }
}

/// Whether `v` is callable.
pub fn is_callable(vm: &Vm, v: &Value) -> bool {
    match v {
        Value::Func(_) | Value::Builtin(_) | Value::Type(_) | Value::BoundMethod(_) => true,
        Value::Instance(_) | Value::Exc(_) => {
            lookup_special(vm, class_of(vm, v), "__call__").is_some()
        }
        Value::Descr(d) => matches!(d.d, Descr::StaticMethod(_)),
        _ => false,
    }
}

/// Runs `f` one native recursion level deeper: CPython counts a call through
/// `type.__call__` or `slot_tp_call` against the recursion limit like a frame.
fn native_level<R>(vm: &mut Vm, f: impl FnOnce(&mut Vm) -> PyResult<R>) -> PyResult<R> {
    if vm.frames.len() + vm.native_depth >= vm.recursion_limit {
        return Err(vm.err(
            ExcType::RecursionError,
            "maximum recursion depth exceeded while calling a Python object",
        ));
    }
    vm.native_depth += 1;
    let r = f(vm);
    vm.native_depth -= 1;
    r
}

/// Calling a user class: creates the instance and runs `__init__`.
pub fn construct(vm: &mut Vm, t: Gc<TypeObj>, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    native_level(vm, |vm| construct_inner(vm, t, args, kw))
}

/// The user `__new__` (if any) and the `__init__` of class `t`, cached per version.
fn ctor_methods(vm: &Vm, t: Gc<TypeObj>) -> (Option<Value>, Option<Value>) {
    let opt = |v: Value| {
        if matches!(v, Value::Undef) {
            None
        } else {
            Some(v)
        }
    };
    if let Some(c) = &t.class {
        let (ver, new, init) = c.ctor.get();
        if ver == c.version.get() {
            return (opt(new), opt(init));
        }
    }
    let new = lookup_special(vm, t, "__new__");
    let init = class_lookup(vm, t, "__init__");
    if let Some(c) = &t.class {
        c.ctor.set((
            c.version.get(),
            new.unwrap_or(Value::Undef),
            init.unwrap_or(Value::Undef),
        ));
    }
    (new, init)
}

fn construct_inner(vm: &mut Vm, t: Gc<TypeObj>, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let (new, init) = ctor_methods(vm, t);
    let obj = match new {
        Some(nf) => {
            let mut v: Vec<Value> = vec![Value::Type(t)];
            v.extend_from_slice(args);
            let f = match nf {
                Value::Descr(d) => match d.d {
                    Descr::StaticMethod(f) => f,
                    _ => nf,
                },
                _ => nf,
            };
            let o = vm.call_value(f, &v, kw)?;
            let ot = class_of(vm, &o);
            if !TypeObj::is_subtype(ot, t) {
                return Ok(o);
            }
            o
        }
        None => {
            if matches!(t.kind, TypeKind::Exception(_)) {
                Value::Exc(vm.heap.alloc(ExcObj::new(t, args.to_vec())))
            } else {
                Value::Instance(vm.heap.alloc(InstanceObj::new(t)))
            }
        }
    };
    match init {
        Some(Value::Builtin(b)) if is_native_method(&b) => {
            if b.owner == Some("object") {
                if (!args.is_empty() || !kw.is_empty()) && new.is_none() {
                    return Err(vm.type_error(format!("{}() takes no arguments", t.name)));
                }
            } else if !kw.is_empty() {
                return Err(vm.type_error(format!("{}() takes no keyword arguments", t.name)));
            }
            Ok(obj)
        }
        Some(f) => {
            let mut v: smallvec::SmallVec<[Value; 8]> = smallvec::SmallVec::new();
            v.push(obj);
            v.extend_from_slice(args);
            let r = rooted(vm, &[obj], |vm| call_bound_args(vm, f, t, &v, kw))?;
            if !r.is_none() {
                return Err(vm.type_error(format!(
                    "__init__() should return None, not '{}'",
                    r.type_name()
                )));
            }
            Ok(obj)
        }
        None => Ok(obj),
    }
}

fn call_bound_args(
    vm: &mut Vm,
    f: Value,
    cls: Gc<TypeObj>,
    args_with_self: &[Value],
    kw: KwArgs,
) -> PyResult<Value> {
    match f {
        Value::Descr(d) => match d.d {
            Descr::StaticMethod(g) => vm.call_value(g, &args_with_self[1..], kw),
            Descr::ClassMethod(g) => {
                let mut v = args_with_self.to_vec();
                v[0] = Value::Type(cls);
                vm.call_value(g, &v, kw)
            }
            _ => vm.call_value(f, &args_with_self[1..], kw),
        },
        _ => vm.call_value(f, args_with_self, kw),
    }
}

/// Calls of the builtin types this module owns (staticmethod, classmethod, property,
/// super, object).
pub fn call_builtin_type(
    vm: &mut Vm,
    t: Gc<TypeObj>,
    args: &[Value],
    kw: KwArgs,
) -> PyResult<Value> {
    use crate::builtins::{arity, kwarg, no_kw, only_kw};
    match t.kind {
        TypeKind::Object => {
            if !args.is_empty() || !kw.is_empty() {
                return Err(vm.type_error("object() takes no arguments"));
            }
            Ok(Value::Instance(vm.heap.alloc(InstanceObj::new(t))))
        }
        TypeKind::StaticMethod => {
            no_kw(vm, "staticmethod", kw)?;
            arity(vm, "staticmethod", args, 1, 1)?;
            Ok(new_descr(vm, Descr::StaticMethod(args[0])))
        }
        TypeKind::ClassMethod => {
            no_kw(vm, "classmethod", kw)?;
            arity(vm, "classmethod", args, 1, 1)?;
            Ok(new_descr(vm, Descr::ClassMethod(args[0])))
        }
        TypeKind::Property => {
            only_kw(vm, "property", kw, &["fget", "fset", "fdel", "doc"])?;
            if args.len() > 4 {
                return Err(vm.type_error(format!(
                    "property() takes at most 4 arguments ({} given)",
                    args.len()
                )));
            }
            let get =
                |i: usize, n: &str| args.get(i).copied().or(kwarg(kw, n)).unwrap_or(Value::None);
            let d = Descr::Property {
                fget: get(0, "fget"),
                fset: get(1, "fset"),
                fdel: get(2, "fdel"),
                name: RefCell::new(None),
            };
            Ok(new_descr(vm, d))
        }
        TypeKind::Super => {
            no_kw(vm, "super", kw)?;
            make_super(vm, args)
        }
        _ => Err(vm.type_error(format!("cannot create '{}' instances", t.name))),
    }
}

fn make_super(vm: &mut Vm, args: &[Value]) -> PyResult<Value> {
    match args.len() {
        0 => {
            let in_function = vm
                .frames
                .last()
                .map(|f| f.code.name != "<module>" && f.code.nparams > 0)
                .unwrap_or(false);
            Err(vm.err(
                ExcType::RuntimeError,
                if in_function {
                    "super(): __class__ cell not found"
                } else {
                    "super(): no arguments"
                },
            ))
        }
        2 => {
            let Value::Type(c) = args[0] else {
                return Err(vm.type_error(format!(
                    "super() argument 1 must be a type, not {}",
                    args[0].type_name()
                )));
            };
            let obj = args[1];
            let obj_type = match obj {
                Value::Type(ot) if TypeObj::is_subtype(ot, c) => ot,
                _ => {
                    let ot = class_of(vm, &obj);
                    if !TypeObj::is_subtype(ot, c) {
                        return Err(vm.type_error(
                            "super(type, obj): obj must be an instance or subtype of type",
                        ));
                    }
                    ot
                }
            };
            Ok(new_descr(
                vm,
                Descr::Super {
                    this_class: c,
                    obj,
                    obj_type,
                },
            ))
        }
        n => {
            if n == 1 {
                return Err(vm.err(
                    ExcType::NotImplementedError,
                    "super() with one argument is not supported by tvm",
                ));
            }
            Err(vm.type_error(format!("super() expected at most 2 arguments, got {n}")))
        }
    }
}

// -- Special methods: operators -----------------------------------------------------------

/// A binary operator (the order of `InplaceOp`'s `op` operand).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u8)]
pub enum BinOp {
    /// `+`
    Add = 0,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `/`
    TrueDiv,
    /// `//`
    FloorDiv,
    /// `%`
    Mod,
    /// `**`
    Pow,
    /// `<<`
    LShift,
    /// `>>`
    RShift,
    /// `&`
    And,
    /// `|`
    Or,
    /// `^`
    Xor,
    /// `@`
    MatMul,
}

impl BinOp {
    /// Every operator, by `as u8`.
    pub const ALL: [BinOp; 13] = [
        BinOp::Add,
        BinOp::Sub,
        BinOp::Mul,
        BinOp::TrueDiv,
        BinOp::FloorDiv,
        BinOp::Mod,
        BinOp::Pow,
        BinOp::LShift,
        BinOp::RShift,
        BinOp::And,
        BinOp::Or,
        BinOp::Xor,
        BinOp::MatMul,
    ];

    /// The operator from its `u8`.
    pub fn from_u8(v: u8) -> BinOp {
        BinOp::ALL[v as usize % BinOp::ALL.len()]
    }

    /// (method, reflected method, in-place method, symbol).
    pub fn names(self) -> (&'static str, &'static str, &'static str, &'static str) {
        match self {
            BinOp::Add => ("__add__", "__radd__", "__iadd__", "+"),
            BinOp::Sub => ("__sub__", "__rsub__", "__isub__", "-"),
            BinOp::Mul => ("__mul__", "__rmul__", "__imul__", "*"),
            BinOp::TrueDiv => ("__truediv__", "__rtruediv__", "__itruediv__", "/"),
            BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__", "//"),
            BinOp::Mod => ("__mod__", "__rmod__", "__imod__", "%"),
            BinOp::Pow => ("__pow__", "__rpow__", "__ipow__", "**"),
            BinOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__", "<<"),
            BinOp::RShift => ("__rshift__", "__rrshift__", "__irshift__", ">>"),
            BinOp::And => ("__and__", "__rand__", "__iand__", "&"),
            BinOp::Or => ("__or__", "__ror__", "__ior__", "|"),
            BinOp::Xor => ("__xor__", "__rxor__", "__ixor__", "^"),
            BinOp::MatMul => ("__matmul__", "__rmatmul__", "__imatmul__", "@"),
        }
    }

    /// The builtin implementation (for non-user operands).
    pub fn builtin(self) -> fn(&mut Vm, Value, Value) -> PyResult<Value> {
        use crate::ops;
        match self {
            BinOp::Add => ops::add,
            BinOp::Sub => ops::sub,
            BinOp::Mul => ops::mul,
            BinOp::TrueDiv => ops::truediv,
            BinOp::FloorDiv => ops::floordiv,
            BinOp::Mod => ops::modulo,
            BinOp::Pow => ops::pow,
            BinOp::LShift => ops::lshift,
            BinOp::RShift => ops::rshift,
            BinOp::And => ops::bitand,
            BinOp::Or => ops::bitor,
            BinOp::Xor => ops::bitxor,
            BinOp::MatMul => matmul,
        }
    }
}

/// `a @ b`.
pub fn matmul(vm: &mut Vm, a: Value, b: Value) -> PyResult<Value> {
    if let Some(r) = binary_op(vm, a, b, BinOp::MatMul)? {
        return Ok(r);
    }
    Err(vm.type_error(format!(
        "unsupported operand type(s) for @: '{}' and '{}'",
        a.type_name(),
        b.type_name()
    )))
}

/// `a op b` through the special methods of user classes: None when neither operand
/// is a user instance or no method took it (the caller goes on with the builtin
/// semantics, which raise the right TypeError).
#[inline]
pub fn binary_op(vm: &mut Vm, a: Value, b: Value, op: BinOp) -> PyResult<Option<Value>> {
    // Inlined into every builtin operator: the common case is one tag test each.
    if !is_user(&a) && !is_user(&b) {
        return Ok(None);
    }
    binary_op_user(vm, a, b, op)
}

#[inline(never)]
fn binary_op_user(vm: &mut Vm, a: Value, b: Value, op: BinOp) -> PyResult<Option<Value>> {
    let (ua, ub) = (is_user(&a), is_user(&b));
    let (lname, rname, _, _) = op.names();
    let ta = class_of(vm, &a);
    let tb = class_of(vm, &b);
    let same = Gc::ptr_eq(ta, tb);
    let lm = if ua {
        lookup_special(vm, ta, lname)
    } else {
        None
    };
    let rm = if ub && !same {
        lookup_special(vm, tb, rname)
    } else {
        None
    };
    let mut rm_done = false;
    if let Some(r) = rm {
        if TypeObj::is_subtype(tb, ta) {
            let overrides = match lookup_special(vm, ta, rname) {
                Some(x) => !x.is(&r),
                None => true,
            };
            if overrides {
                rm_done = true;
                let res = call_bound(vm, r, b, tb, &[a])?;
                if !is_not_implemented(&res) {
                    return Ok(Some(res));
                }
            }
        }
    }
    if let Some(l) = lm {
        let res = call_bound(vm, l, a, ta, &[b])?;
        if !is_not_implemented(&res) {
            return Ok(Some(res));
        }
    }
    if let (Some(r), false) = (rm, rm_done) {
        let res = call_bound(vm, r, b, tb, &[a])?;
        if !is_not_implemented(&res) {
            return Ok(Some(res));
        }
    }
    Ok(None)
}

/// `a op= b`: `__iop__`, else the binary operator; TypeErrors name the in-place
/// operator (`+=`) as CPython's do.
pub fn inplace_op(vm: &mut Vm, a: Value, b: Value, op: BinOp) -> PyResult<Value> {
    let (_, _, iname, sym) = op.names();
    if is_user(&a) {
        if let Some(m) = lookup_special(vm, class_of(vm, &a), iname) {
            let cls = class_of(vm, &a);
            let res = call_bound(vm, m, a, cls, &[b])?;
            if !is_not_implemented(&res) {
                return Ok(res);
            }
        }
    }
    if let (BinOp::Or | BinOp::And | BinOp::Xor | BinOp::Sub, Value::Set(_) | Value::Dict(_)) =
        (op, a)
    {
        // Sets (and dicts, for `|=`) update in place: `s |= t` changes the object.
        if let Some(r) = crate::set::inplace_binop(vm, &sym[..1], a, b) {
            return r;
        }
    }
    let r = match op {
        BinOp::Add => crate::ops::inplace_add_builtin(vm, a, b),
        BinOp::Mul => crate::ops::inplace_mul_builtin(vm, a, b),
        _ => (op.builtin())(vm, a, b),
    };
    r.map_err(|e| {
        let prefix = format!("unsupported operand type(s) for {sym}:");
        if err_is(vm, e, ExcType::TypeError) && e.0.args.len() == 1 {
            if let Value::Str(s) = e.0.args[0] {
                if let Some(rest) = s.as_str().strip_prefix(&prefix) {
                    let msg = format!("unsupported operand type(s) for {sym}=:{rest}");
                    return vm.type_error(msg);
                }
            }
        }
        e
    })
}

/// `-a`, `+a`, `~a`, `abs(a)` on a user instance: None if not defined.
#[inline]
pub fn unary_op(vm: &mut Vm, a: Value, name: &str) -> PyResult<Option<Value>> {
    if !is_user(&a) {
        return Ok(None);
    }
    call_special(vm, a, name, &[])
}

fn ordering_for(op: crate::ops::Cmp, r: bool) -> std::cmp::Ordering {
    use crate::ops::Cmp;
    use std::cmp::Ordering::*;
    match (op, r) {
        (Cmp::Lt | Cmp::Le, true) | (Cmp::Gt | Cmp::Ge, false) => Less,
        (Cmp::Lt | Cmp::Le, false) | (Cmp::Gt | Cmp::Ge, true) => Greater,
        (Cmp::Eq, true) | (Cmp::Ne, false) => Equal,
        _ => Less,
    }
}

/// For `seq_order`: an ordering of two items at least one of which is a user
/// instance, such that `op.test(ordering)` is the truth of `a op b`.
pub fn order_user(
    vm: &mut Vm,
    a: Value,
    b: Value,
    op: crate::ops::Cmp,
) -> PyResult<Option<std::cmp::Ordering>> {
    let r = rich_compare(vm, a, b, op)?.unwrap_or(Value::Bool(false));
    let t = crate::ops::truthy(vm, r)?;
    Ok(Some(ordering_for(op, t)))
}

fn cmp_names(op: crate::ops::Cmp) -> (&'static str, &'static str) {
    use crate::ops::Cmp;
    match op {
        Cmp::Lt => ("__lt__", "__gt__"),
        Cmp::Le => ("__le__", "__ge__"),
        Cmp::Gt => ("__gt__", "__lt__"),
        Cmp::Ge => ("__ge__", "__le__"),
        Cmp::Eq => ("__eq__", "__eq__"),
        Cmp::Ne => ("__ne__", "__ne__"),
    }
}

/// One side of a rich comparison: the user method (for `!=` without `__ne__`: the
/// inverted `__eq__`); NotImplemented when not defined.
fn compare_side(vm: &mut Vm, x: Value, y: Value, name: &str, is_ne: bool) -> PyResult<Value> {
    if !is_user(&x) {
        return Ok(not_implemented(vm));
    }
    let cls = class_of(vm, &x);
    if let Some(m) = lookup_special(vm, cls, name) {
        return call_bound(vm, m, x, cls, &[y]);
    }
    if is_ne {
        if let Some(m) = lookup_special(vm, cls, "__eq__") {
            let r = call_bound(vm, m, x, cls, &[y])?;
            if is_not_implemented(&r) {
                return Ok(r);
            }
            let t = crate::ops::truthy(vm, r)?;
            return Ok(Value::Bool(!t));
        }
    }
    Ok(not_implemented(vm))
}

/// `a op b` when a user instance is involved (None otherwise): the result of the
/// first method that does not return NotImplemented (the reflected one first when
/// `b`'s class derives from `a`'s), else identity for `==`/`!=`, else TypeError.
#[inline]
pub fn rich_compare(
    vm: &mut Vm,
    a: Value,
    b: Value,
    op: crate::ops::Cmp,
) -> PyResult<Option<Value>> {
    if !is_user(&a) && !is_user(&b) {
        return Ok(None);
    }
    rich_compare_user(vm, a, b, op)
}

#[inline(never)]
fn rich_compare_user(
    vm: &mut Vm,
    a: Value,
    b: Value,
    op: crate::ops::Cmp,
) -> PyResult<Option<Value>> {
    use crate::ops::Cmp;
    if !is_user(&a) && !is_user(&b) {
        return Ok(None);
    }
    let (name, rname) = cmp_names(op);
    let is_ne = op == Cmp::Ne;
    let ta = class_of(vm, &a);
    let tb = class_of(vm, &b);
    let reflected_first = !Gc::ptr_eq(ta, tb) && is_user(&b) && TypeObj::is_subtype(tb, ta);
    if reflected_first {
        let r = compare_side(vm, b, a, rname, is_ne)?;
        if !is_not_implemented(&r) {
            return Ok(Some(r));
        }
    }
    let r = compare_side(vm, a, b, name, is_ne)?;
    if !is_not_implemented(&r) {
        return Ok(Some(r));
    }
    if !reflected_first {
        let r = compare_side(vm, b, a, rname, is_ne)?;
        if !is_not_implemented(&r) {
            return Ok(Some(r));
        }
    }
    match op {
        Cmp::Eq => Ok(Some(Value::Bool(a.is(&b)))),
        Cmp::Ne => Ok(Some(Value::Bool(!a.is(&b)))),
        _ => {
            let sym = match op {
                Cmp::Lt => "<",
                Cmp::Le => "<=",
                Cmp::Gt => ">",
                _ => ">=",
            };
            Err(vm.type_error(format!(
                "'{sym}' not supported between instances of '{}' and '{}'",
                a.type_name(),
                b.type_name()
            )))
        }
    }
}

/// `hash(v)` of a user instance: None for the default identity hash.
pub fn user_hash(vm: &mut Vm, v: Value) -> PyResult<Option<i64>> {
    if !is_user(&v) {
        return Ok(None);
    }
    let cls = class_of(vm, &v);
    match lookup_special(vm, cls, "__hash__") {
        None => Ok(None),
        Some(Value::None) => Err(vm.type_error(format!("unhashable type: '{}'", v.type_name()))),
        Some(m) => {
            let r = call_bound(vm, m, v, cls, &[])?;
            match r {
                Value::Int(i) => Ok(Some(if i == -1 { -2 } else { i })),
                Value::Bool(b) => Ok(Some(b as i64)),
                Value::BigInt(b) => {
                    let h = crate::num::hash_int(crate::num::IntRef::Big(&b.value));
                    Ok(Some(h))
                }
                _ => Err(vm.type_error("__hash__ method should return an integer")),
            }
        }
    }
}

/// Truth of a user instance: `__bool__`, else `__len__`, else True.
pub fn user_truthy(vm: &mut Vm, v: Value) -> PyResult<bool> {
    if let Some(r) = call_special(vm, v, "__bool__", &[])? {
        return match r {
            Value::Bool(b) => Ok(b),
            other => Err(vm.type_error(format!(
                "__bool__ should return bool, returned {}",
                other.type_name()
            ))),
        };
    }
    if lookup_special(vm, class_of(vm, &v), "__len__").is_some() {
        return Ok(user_len(vm, v)? != 0);
    }
    Ok(true)
}

/// `len(v)` of a user instance.
pub fn user_len(vm: &mut Vm, v: Value) -> PyResult<usize> {
    match call_special(vm, v, "__len__", &[])? {
        Some(r) => match r {
            Value::Int(i) if i >= 0 => Ok(i as usize),
            Value::Bool(b) => Ok(b as usize),
            Value::Int(_) => Err(vm.value_error("__len__() should return >= 0")),
            Value::BigInt(b) => {
                if b.value.sign() == num_bigint::Sign::Minus {
                    Err(vm.value_error("__len__() should return >= 0"))
                } else {
                    Err(vm.err(
                        ExcType::OverflowError,
                        "cannot fit 'int' into an index-sized integer",
                    ))
                }
            }
            other => Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                other.type_name()
            ))),
        },
        None => Err(vm.type_error(format!("object of type '{}' has no len()", v.type_name()))),
    }
}

/// `needle in v` for a user instance: `__contains__`, else iteration.
pub fn user_contains(vm: &mut Vm, v: Value, needle: Value) -> PyResult<bool> {
    if let Some(r) = call_special(vm, v, "__contains__", &[needle])? {
        return crate::ops::truthy(vm, r);
    }
    let cls = class_of(vm, &v);
    if lookup_special(vm, cls, "__iter__").is_none()
        && lookup_special(vm, cls, "__getitem__").is_none()
    {
        return Err(vm.type_error(format!(
            "argument of type '{}' is not iterable",
            v.type_name()
        )));
    }
    let it = crate::ops::get_iter(vm, v)?;
    rooted(vm, &[Value::Iter(it), needle], |vm| {
        while let Some(x) = crate::ops::iter_next(vm, it)? {
            if x.is(&needle) || crate::ops::eq(vm, x, needle)? {
                return Ok(true);
            }
        }
        Ok(false)
    })
}

/// `v[key]` of a user instance.
pub fn user_getitem(vm: &mut Vm, v: Value, key: Value) -> PyResult<Value> {
    match call_special(vm, v, "__getitem__", &[key])? {
        Some(r) => Ok(r),
        None => Err(vm.type_error(format!("'{}' object is not subscriptable", v.type_name()))),
    }
}

/// `v[key] = x` of a user instance.
pub fn user_setitem(vm: &mut Vm, v: Value, key: Value, x: Value) -> PyResult<()> {
    match call_special(vm, v, "__setitem__", &[key, x])? {
        Some(_) => Ok(()),
        None => Err(vm.type_error(format!(
            "'{}' object does not support item assignment",
            v.type_name()
        ))),
    }
}

/// `del v[key]` of a user instance.
pub fn user_delitem(vm: &mut Vm, v: Value, key: Value) -> PyResult<()> {
    match call_special(vm, v, "__delitem__", &[key])? {
        Some(_) => Ok(()),
        None => Err(vm.type_error(format!(
            "'{}' object doesn't support item deletion",
            v.type_name()
        ))),
    }
}

/// A slice object for `obj[a:b:c]` on a user instance.
pub fn slice_value(vm: &mut Vm, parts: [Value; 3]) -> Value {
    Value::Slice(vm.heap.alloc(SliceObj {
        start: parts[0],
        stop: parts[1],
        step: parts[2],
    }))
}

/// `iter(v)` of a user instance: the iterator object `__iter__` returns (checked to
/// have `__next__`), or None when the class has no `__iter__` (then `__getitem__`
/// iteration applies, see `get_iter_user`).
pub fn user_iter(vm: &mut Vm, v: Value) -> PyResult<Option<Value>> {
    let Some(it) = call_special(vm, v, "__iter__", &[])? else {
        return Ok(None);
    };
    let ok = match it {
        Value::Iter(_) => true,
        Value::Instance(_) | Value::Exc(_) => {
            lookup_special(vm, class_of(vm, &it), "__next__").is_some()
        }
        _ => false,
    };
    if !ok {
        return Err(vm.type_error(format!(
            "iter() returned non-iterator of type '{}'",
            it.type_name()
        )));
    }
    Ok(Some(it))
}

/// The iterator object for iterating a user instance (`ops::get_iter`).
pub fn get_iter_user(vm: &mut Vm, v: Value) -> PyResult<Gc<IterObj>> {
    if let Some(it) = user_iter(vm, v)? {
        return Ok(match it {
            Value::Iter(i) => i,
            other => vm.heap.alloc(IterObj::new(IterState::User { obj: other })),
        });
    }
    if lookup_special(vm, class_of(vm, &v), "__getitem__").is_some() {
        return Ok(vm
            .heap
            .alloc(IterObj::new(IterState::GetItem { obj: v, idx: 0 })));
    }
    Err(vm.type_error(format!("'{}' object is not iterable", v.type_name())))
}

/// `next(obj)` / `next(obj, default)` of a user iterator object: the user's own
/// StopIteration propagates when there is no default.
pub fn user_next_builtin(vm: &mut Vm, obj: Value, default: Option<Value>) -> PyResult<Value> {
    match call_special(vm, obj, "__next__", &[]) {
        Ok(Some(v)) => Ok(v),
        Ok(None) => Err(vm.type_error(format!("'{}' object is not an iterator", obj.type_name()))),
        Err(e) if default.is_some() && err_is(vm, e, ExcType::StopIteration) => {
            Ok(default.unwrap_or(Value::None))
        }
        Err(e) => Err(e),
    }
}

/// `next()` of a user iterator object: None when it raises StopIteration.
pub fn user_next(vm: &mut Vm, obj: Value) -> PyResult<Option<Value>> {
    match call_special(vm, obj, "__next__", &[]) {
        Ok(Some(v)) => Ok(Some(v)),
        Ok(None) => Err(vm.type_error(format!("'{}' object is not an iterator", obj.type_name()))),
        Err(e) if err_is(vm, e, ExcType::StopIteration) => Ok(None),
        Err(e) => Err(e),
    }
}

/// One step of the `__getitem__` iteration protocol: None at IndexError/StopIteration.
pub fn getitem_next(vm: &mut Vm, obj: Value, idx: i64) -> PyResult<Option<Value>> {
    match user_getitem(vm, obj, Value::Int(idx)) {
        Ok(v) => Ok(Some(v)),
        Err(e) if err_is(vm, e, ExcType::IndexError) || err_is(vm, e, ExcType::StopIteration) => {
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

/// `int(v)` of a user instance: `__int__`, else `__index__`; None if neither.
pub fn user_int(vm: &mut Vm, v: Value) -> PyResult<Option<Value>> {
    if !is_user(&v) {
        return Ok(None);
    }
    for name in ["__int__", "__index__"] {
        if let Some(r) = call_special(vm, v, name, &[])? {
            return match r {
                Value::Int(_) | Value::BigInt(_) => Ok(Some(r)),
                Value::Bool(b) => Ok(Some(Value::Int(b as i64))),
                other => Err(vm.type_error(format!(
                    "{name} returned non-int (type {})",
                    other.type_name()
                ))),
            };
        }
    }
    Ok(None)
}

/// `float(v)` of a user instance: `__float__`, else `__index__`; None if neither.
pub fn user_float(vm: &mut Vm, v: Value) -> PyResult<Option<Value>> {
    if !is_user(&v) {
        return Ok(None);
    }
    if let Some(r) = call_special(vm, v, "__float__", &[])? {
        return match r {
            Value::Float(_) => Ok(Some(r)),
            other => Err(vm.type_error(format!(
                "{}.__float__ returned non-float (type {})",
                v.type_name(),
                other.type_name()
            ))),
        };
    }
    match user_index(vm, v)? {
        Some(i) => {
            crate::builtins::call_type(vm, vm.types.get(TypeKind::Float), &[i], &[]).map(Some)
        }
        None => Ok(None),
    }
}

/// `operator.index(v)` of a user instance: `__index__` (checked to be an int); None
/// if not defined.
pub fn user_index(vm: &mut Vm, v: Value) -> PyResult<Option<Value>> {
    if !is_user(&v) {
        return Ok(None);
    }
    match call_special(vm, v, "__index__", &[])? {
        Some(r) => match r {
            Value::Int(_) | Value::BigInt(_) => Ok(Some(r)),
            Value::Bool(b) => Ok(Some(Value::Int(b as i64))),
            other => Err(vm.type_error(format!(
                "__index__ returned non-int (type {})",
                other.type_name()
            ))),
        },
        None => Ok(None),
    }
}

/// `round(v[, n])` of a user instance: `__round__`; None if not defined.
pub fn user_round(vm: &mut Vm, v: Value, ndigits: Option<Value>) -> PyResult<Option<Value>> {
    if !is_user(&v) {
        return Ok(None);
    }
    match ndigits {
        Some(n) => call_special(vm, v, "__round__", &[n]),
        None => call_special(vm, v, "__round__", &[]),
    }
}

/// `divmod(a, b)` with a user operand: `__divmod__`, then `__rdivmod__`.
pub fn user_divmod(vm: &mut Vm, a: Value, b: Value) -> PyResult<Option<Value>> {
    if is_user(&a) {
        if let Some(r) = call_special(vm, a, "__divmod__", &[b])? {
            if !is_not_implemented(&r) {
                return Ok(Some(r));
            }
        }
    }
    if is_user(&b) {
        if let Some(r) = call_special(vm, b, "__rdivmod__", &[a])? {
            if !is_not_implemented(&r) {
                return Ok(Some(r));
            }
        }
    }
    Ok(None)
}

/// `reversed(v)` of a user instance: `__reversed__`, else the sequence protocol
/// (`__len__` and `__getitem__`); None if neither.
pub fn user_reversed(vm: &mut Vm, v: Value) -> PyResult<Option<Value>> {
    if !is_user(&v) {
        return Ok(None);
    }
    if let Some(r) = call_special(vm, v, "__reversed__", &[])? {
        return Ok(Some(r));
    }
    let cls = class_of(vm, &v);
    if lookup_special(vm, cls, "__len__").is_none()
        || lookup_special(vm, cls, "__getitem__").is_none()
    {
        return Ok(None);
    }
    let n = user_len(vm, v)?;
    let mark = vm.temp_roots.len();
    let r = (|| {
        for i in (0..n).rev() {
            let x = user_getitem(vm, v, Value::Int(i as i64))?;
            vm.temp_roots.push(x);
        }
        Ok(())
    })();
    let items = vm.temp_roots.split_off(mark);
    r?;
    let l = vm.new_list(items);
    Ok(Some(Value::Iter(crate::ops::get_iter(vm, l)?)))
}

// -- User descriptors ---------------------------------------------------------------------------

/// Whether class attribute `attr` is an instance of a user class with `__get__`
/// (then `also_set` says whether it is a data descriptor: `__set__`/`__delete__`).
fn user_descriptor(vm: &Vm, attr: &Value) -> Option<bool> {
    if !is_user(attr) {
        return None;
    }
    let cls = class_of(vm, attr);
    let get = lookup_special(vm, cls, "__get__").is_some();
    let data = lookup_special(vm, cls, "__set__").is_some()
        || lookup_special(vm, cls, "__delete__").is_some();
    if get || data {
        Some(data)
    } else {
        None
    }
}

/// `attr.__get__(obj, cls)` (obj None for class access); `attr` itself without `__get__`.
fn descr_get(vm: &mut Vm, attr: Value, obj: Value, cls: Gc<TypeObj>) -> PyResult<Value> {
    match call_special(vm, attr, "__get__", &[obj, Value::Type(cls)])? {
        Some(v) => Ok(v),
        None => Ok(attr),
    }
}

// -- Special methods: str and repr ------------------------------------------------------------

fn check_str(vm: &mut Vm, r: Value, what: &str) -> PyResult<String> {
    match r {
        Value::Str(s) => Ok(s.as_str().to_string()),
        other => Err(vm.type_error(format!(
            "{what} returned non-string (type {})",
            other.type_name()
        ))),
    }
}

/// The default repr: `<__main__.A object at 0x...>`.
pub fn default_repr(v: &Value) -> String {
    let (module, qual) = match v {
        Value::Instance(i) => (module_name(&i.class), qualname(&i.class).to_string()),
        _ => ("builtins", v.type_name().to_string()),
    };
    let addr = crate::value::addr_of(v);
    if module == "builtins" {
        format!("<{qual} object at {addr:#x}>")
    } else {
        format!("<{module}.{qual} object at {addr:#x}>")
    }
}

/// `repr(v)` of an instance or of a user exception: None to use the builtin repr.
pub fn user_repr(vm: &mut Vm, v: Value) -> PyResult<Option<String>> {
    match v {
        Value::Instance(_) | Value::Exc(_) => match call_special(vm, v, "__repr__", &[])? {
            Some(r) => check_str(vm, r, "__repr__").map(Some),
            None => Ok(match v {
                Value::Instance(_) => Some(default_repr(&v)),
                _ => None,
            }),
        },
        _ => Ok(None),
    }
}

/// `str(v)` of an instance or of a user exception: None to use the builtin str.
pub fn user_str(vm: &mut Vm, v: Value) -> PyResult<Option<String>> {
    match v {
        Value::Instance(_) | Value::Exc(_) => match call_special(vm, v, "__str__", &[])? {
            Some(r) => check_str(vm, r, "__str__").map(Some),
            None => match v {
                Value::Instance(_) => user_repr(vm, v),
                _ => Ok(None),
            },
        },
        _ => Ok(None),
    }
}

/// `str()` of an exception, honouring a user `__str__` (what tracebacks print).
pub fn exc_str(vm: &mut Vm, e: Gc<ExcObj>) -> PyResult<String> {
    let v = Value::Exc(e);
    if e.ty.class.is_some() {
        let r = rooted(vm, &[v], |vm| user_str(vm, v))?;
        if let Some(s) = r {
            return Ok(s);
        }
    }
    crate::repr::exc_str(vm, e)
}

/// `format(v, spec)` of a user instance: its `__format__`, if defined.
pub fn user_format(vm: &mut Vm, v: Value, spec: &str) -> PyResult<Option<String>> {
    if !is_user(&v) {
        return Ok(None);
    }
    let s = vm.new_str(spec);
    match call_special(vm, v, "__format__", &[s])? {
        Some(Value::Str(r)) => Ok(Some(r.as_str().to_string())),
        Some(other) => Err(vm.type_error(format!(
            "__format__ must return a str, not {}",
            other.type_name()
        ))),
        None => Ok(None),
    }
}

// -- Builtins ------------------------------------------------------------------------------

fn this_arg(vm: &mut Vm, name: &str, args: &[Value]) -> PyResult<Value> {
    match args.first() {
        Some(v) => Ok(*v),
        None => Err(vm.type_error(format!(
            "descriptor '{name}' of 'object' object needs an argument"
        ))),
    }
}

fn obj_init(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    this_arg(vm, "__init__", args)?;
    if args.len() > 1 {
        return Err(vm.type_error(
            "object.__init__() takes exactly one argument (the instance to initialize)",
        ));
    }
    Ok(Value::None)
}

fn obj_new(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let Some(&Value::Type(t)) = args.first() else {
        return Err(vm.type_error("object.__new__(X): X is not a type object"));
    };
    Ok(match t.kind {
        TypeKind::Exception(_) => Value::Exc(vm.heap.alloc(ExcObj::new(t, args[1..].to_vec()))),
        TypeKind::Object => Value::Instance(vm.heap.alloc(InstanceObj::new(t))),
        _ => {
            let n = t.name.clone();
            return Err(vm.type_error(format!(
                "object.__new__({n}) is not safe, use {n}.__new__()"
            )));
        }
    })
}

fn obj_repr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let v = this_arg(vm, "__repr__", args)?;
    let s = match v {
        Value::Instance(_) => default_repr(&v),
        _ => crate::repr::repr(vm, v)?,
    };
    Ok(vm.new_str(s))
}

fn obj_str(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let v = this_arg(vm, "__str__", args)?;
    let s = crate::repr::repr(vm, v)?;
    Ok(vm.new_str(s))
}

fn obj_format(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let v = this_arg(vm, "__format__", args)?;
    match args.get(1) {
        Some(Value::Str(s)) if !s.as_str().is_empty() => Err(vm.type_error(format!(
            "unsupported format string passed to {}.__format__",
            v.type_name()
        ))),
        _ => {
            let s = crate::repr::str_of(vm, v)?;
            Ok(vm.new_str(s))
        }
    }
}

fn obj_eq(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    crate::builtins::arity(vm, "__eq__", args, 2, 2)?;
    if args[0].is(&args[1]) {
        Ok(Value::Bool(true))
    } else {
        Ok(not_implemented(vm))
    }
}

fn obj_ne(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    crate::builtins::arity(vm, "__ne__", args, 2, 2)?;
    let r = compare_side(vm, args[0], args[1], "__eq__", false)?;
    if is_not_implemented(&r) {
        if args[0].is(&args[1]) {
            return Ok(Value::Bool(false));
        }
        return Ok(r);
    }
    let t = crate::ops::truthy(vm, r)?;
    Ok(Value::Bool(!t))
}

fn obj_cmp_ni(vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(not_implemented(vm))
}

fn obj_hash(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let v = this_arg(vm, "__hash__", args)?;
    Ok(Value::Int((crate::value::addr_of(&v) >> 4) as i64))
}

fn name_arg(vm: &mut Vm, v: Value) -> PyResult<String> {
    match v {
        Value::Str(s) => Ok(s.as_str().to_string()),
        other => Err(vm.type_error(format!(
            "attribute name must be string, not '{}'",
            other.type_name()
        ))),
    }
}

fn obj_setattr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    crate::builtins::arity(vm, "__setattr__", args, 3, 3)?;
    let name = name_arg(vm, args[1])?;
    match args[0] {
        Value::Instance(inst) if inst.class.class.is_some() => {
            let cls = inst.class;
            let cattr = class_lookup(vm, cls, &name);
            if let Some(d) = is_property(&cattr) {
                property_set(vm, d, args[0], args[2])?;
            } else {
                generic_set(vm, inst, &name, args[2], None)?;
            }
        }
        Value::Exc(e) => exc_set(vm, e, &name, args[2])?,
        other => setattr_any(vm, other, &name, args[2])?,
    }
    Ok(Value::None)
}

fn obj_delattr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    crate::builtins::arity(vm, "__delattr__", args, 2, 2)?;
    let name = name_arg(vm, args[1])?;
    match args[0] {
        Value::Instance(inst) if inst.class.class.is_some() => {
            if !inst_remove(vm, inst, &name)? {
                return Err(no_attr_error(vm, &args[0], &name));
            }
        }
        other => delattr(vm, other, &name)?,
    }
    Ok(Value::None)
}

fn exc_init(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let v = this_arg(vm, "__init__", args)?;
    if let Value::Exc(e) = v {
        e.args.set(args[1..].to_vec());
    }
    Ok(Value::None)
}

fn exc_str_native(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let v = this_arg(vm, "__str__", args)?;
    let s = match v {
        Value::Exc(e) => crate::repr::exc_str(vm, e)?,
        other => crate::repr::str_of(vm, other)?,
    };
    Ok(vm.new_str(s))
}

fn exc_repr_native(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let v = this_arg(vm, "__repr__", args)?;
    let s = match v {
        Value::Exc(e) => {
            let mut out = e.ty.name.clone();
            out.push('(');
            let items = e.args.to_vec();
            for (i, x) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(&crate::repr::repr(vm, *x)?);
            }
            out.push(')');
            out
        }
        other => crate::repr::repr(vm, other)?,
    };
    Ok(vm.new_str(s))
}

fn property_with(vm: &mut Vm, args: &[Value], which: usize) -> PyResult<Value> {
    crate::builtins::arity(vm, "property", &args[1.min(args.len())..], 1, 1)?;
    let Value::Descr(d) = args[0] else {
        return Err(vm.type_error("descriptor requires a 'property' object"));
    };
    let Descr::Property {
        fget,
        fset,
        fdel,
        name,
    } = &d.d
    else {
        return Err(vm.type_error("descriptor requires a 'property' object"));
    };
    let mut parts = [*fget, *fset, *fdel];
    parts[which] = args[1];
    let nd = Descr::Property {
        fget: parts[0],
        fset: parts[1],
        fdel: parts[2],
        name: RefCell::new(name.borrow().clone()),
    };
    Ok(new_descr(vm, nd))
}

fn property_getter(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    property_with(vm, args, 0)
}
fn property_setter(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    property_with(vm, args, 1)
}
fn property_deleter(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    property_with(vm, args, 2)
}

fn bi_getattr(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    crate::builtins::no_kw(vm, "getattr", kw)?;
    if args.len() < 2 || args.len() > 3 {
        return Err(vm.type_error(format!(
            "getattr expected {} arguments, got {}",
            if args.len() < 2 {
                "at least 2"
            } else {
                "at most 3"
            },
            args.len()
        )));
    }
    let name = name_arg(vm, args[1])?;
    match getattr_any(vm, args[0], &name) {
        Ok(v) => Ok(v),
        Err(e) if args.len() == 3 && err_is(vm, e, ExcType::AttributeError) => Ok(args[2]),
        Err(e) => Err(e),
    }
}

fn bi_setattr(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    crate::builtins::no_kw(vm, "setattr", kw)?;
    crate::builtins::arity(vm, "setattr", args, 3, 3)?;
    let name = name_arg(vm, args[1])?;
    setattr_any(vm, args[0], &name, args[2])?;
    Ok(Value::None)
}

fn bi_hasattr(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    crate::builtins::no_kw(vm, "hasattr", kw)?;
    crate::builtins::arity(vm, "hasattr", args, 2, 2)?;
    let name = name_arg(vm, args[1])?;
    match getattr_any(vm, args[0], &name) {
        Ok(_) => Ok(Value::Bool(true)),
        Err(e) if err_is(vm, e, ExcType::AttributeError) => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    }
}

fn bi_vars(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    crate::builtins::no_kw(vm, "vars", kw)?;
    if args.len() != 1 {
        return Err(vm.err(
            ExcType::NotImplementedError,
            "vars() without an argument is not supported by tvm",
        ));
    }
    match getattr_any(vm, args[0], "__dict__") {
        Ok(d) => Ok(d),
        Err(e) if err_is(vm, e, ExcType::AttributeError) => {
            Err(vm.type_error("vars() argument must have __dict__ attribute"))
        }
        Err(e) => Err(e),
    }
}

fn bi_delattr(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    crate::builtins::no_kw(vm, "delattr", kw)?;
    crate::builtins::arity(vm, "delattr", args, 2, 2)?;
    let name = name_arg(vm, args[1])?;
    delattr(vm, args[0], &name)?;
    Ok(Value::None)
}

/// Installs the builtins of this module (`getattr`, `super`, `property`, ...) and the
/// natives user classes inherit from `object` and `BaseException`.
pub fn install(vm: &mut Vm) {
    let funcs: &[(&'static str, NativeFn)] = &[
        ("getattr", bi_getattr),
        ("setattr", bi_setattr),
        ("hasattr", bi_hasattr),
        ("delattr", bi_delattr),
        ("vars", bi_vars),
    ];
    for &(name, f) in funcs {
        let v = vm.new_builtin(name, f);
        vm.builtins.insert(name, v);
    }
    for (k, name) in [
        (TypeKind::StaticMethod, "staticmethod"),
        (TypeKind::ClassMethod, "classmethod"),
        (TypeKind::Property, "property"),
        (TypeKind::Super, "super"),
    ] {
        let t = vm.types.get(k);
        vm.builtins.insert(name, Value::Type(t));
    }
    let ni = new_descr(vm, Descr::NotImplemented);
    vm.builtins.insert("NotImplemented", ni);
    let natives: &[(u8, &'static str, &'static str, NativeFn)] = &[
        (OBJECT_NATIVES, "object", "__init__", obj_init),
        (OBJECT_NATIVES, "object", "__new__", obj_new),
        (OBJECT_NATIVES, "object", "__repr__", obj_repr),
        (OBJECT_NATIVES, "object", "__str__", obj_str),
        (OBJECT_NATIVES, "object", "__format__", obj_format),
        (OBJECT_NATIVES, "object", "__eq__", obj_eq),
        (OBJECT_NATIVES, "object", "__ne__", obj_ne),
        (OBJECT_NATIVES, "object", "__lt__", obj_cmp_ni),
        (OBJECT_NATIVES, "object", "__le__", obj_cmp_ni),
        (OBJECT_NATIVES, "object", "__gt__", obj_cmp_ni),
        (OBJECT_NATIVES, "object", "__ge__", obj_cmp_ni),
        (OBJECT_NATIVES, "object", "__hash__", obj_hash),
        (OBJECT_NATIVES, "object", "__setattr__", obj_setattr),
        (OBJECT_NATIVES, "object", "__delattr__", obj_delattr),
        (EXC_NATIVES, "BaseException", "__init__", exc_init),
        (EXC_NATIVES, "BaseException", "__str__", exc_str_native),
        (EXC_NATIVES, "BaseException", "__repr__", exc_repr_native),
        (PROPERTY_NATIVES, "property", "getter", property_getter),
        (PROPERTY_NATIVES, "property", "setter", property_setter),
        (PROPERTY_NATIVES, "property", "deleter", property_deleter),
    ];
    for &(tag, owner, name, func) in natives {
        let v = Value::Builtin(vm.heap.alloc(BuiltinObj {
            name,
            func,
            bound: None,
            owner: Some(owner),
        }));
        vm.make_permanent(v);
        vm.methods.insert((tag, name), v);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn class(vm: &mut Vm, name: &str, bases: &[Value]) -> PyResult<Gc<TypeObj>> {
        let ns = Value::Dict(vm.new_dict());
        match make_class(vm, name, name, ns, bases)? {
            Value::Type(t) => Ok(t),
            _ => unreachable!(),
        }
    }

    fn names(m: &[Gc<TypeObj>]) -> Vec<String> {
        m.iter().map(|t| t.name.clone()).collect()
    }

    #[test]
    fn c3_diamond() {
        let mut vm = Vm::new();
        let a = class(&mut vm, "A", &[]).unwrap();
        let b = class(&mut vm, "B", &[Value::Type(a)]).unwrap();
        let c = class(&mut vm, "C", &[Value::Type(a)]).unwrap();
        let d = class(&mut vm, "D", &[Value::Type(b), Value::Type(c)]).unwrap();
        assert_eq!(names(&mro(d)), ["D", "B", "C", "A", "object"]);
        assert!(TypeObj::is_subtype(d, a));
        assert!(TypeObj::is_subtype(d, c));
        assert!(!TypeObj::is_subtype(c, b));
    }

    #[test]
    fn c3_inconsistent() {
        let mut vm = Vm::new();
        let a = class(&mut vm, "A", &[]).unwrap();
        let b = class(&mut vm, "B", &[Value::Type(a)]).unwrap();
        let r = class(&mut vm, "C", &[Value::Type(a), Value::Type(b)]);
        let Err(e) = r else {
            panic!("expected an MRO error")
        };
        let msg = crate::repr::exc_str(&mut vm, e.0).unwrap();
        assert_eq!(
            msg,
            "Cannot create a consistent method resolution\norder (MRO) for bases A, B"
        );
    }

    #[test]
    fn exception_subclass_kind() {
        let mut vm = Vm::new();
        let ve = Value::Type(vm.types.exc[ExcType::ValueError as usize]);
        let e = class(&mut vm, "E", &[ve]).unwrap();
        assert_eq!(e.kind, TypeKind::Exception(ExcType::ValueError));
        assert_eq!(
            names(&mro(e)),
            ["E", "ValueError", "Exception", "BaseException", "object"]
        );
    }

    #[test]
    fn jit_layout_finds_shape_slots_and_cell_value() {
        let mut vm = Vm::new();
        let a = class(&mut vm, "A", &[]).unwrap();
        let l = jit_layout().expect("Vec is three words");
        let inst = vm.heap.alloc(InstanceObj::new(a));
        inst.set("x", Value::Int(7));
        inst.set("y", Value::Int(9));
        let cell = vm.heap.alloc(CellObj::new(Value::Int(5)));
        let ib = inst.gc_header().as_ptr() as *const u8;
        let cb = cell.gc_header().as_ptr() as *const u8;
        // SAFETY: the offsets point at the shape word, the slots pointer and the value.
        unsafe {
            let shape = *(ib.add(l.inst_shape as usize) as *const i64);
            assert_eq!(shape, shape_word(&inst));
            let slots = *(ib.add(l.inst_slots as usize) as *const *const Value);
            assert_eq!(slots, inst.slots().as_ptr());
            let v = &*(cb.add(l.cell_value as usize) as *const Value);
            assert!(matches!(v, Value::Int(5)));
        }
    }

    #[test]
    fn version_bump_reaches_subclasses() {
        let mut vm = Vm::new();
        let a = class(&mut vm, "A", &[]).unwrap();
        let b = class(&mut vm, "B", &[Value::Type(a)]).unwrap();
        let vb = class_version(&b);
        setattr(&mut vm, Value::Type(a), "x", Value::Int(1), None).unwrap();
        assert_ne!(class_version(&b), vb);
        assert_eq!(
            class_lookup(&vm, b, "x").map(|v| matches!(v, Value::Int(1))),
            Some(true)
        );
    }
}
