//! Shape: hidden classes for instance attributes (PyPy's maps, V8's hidden classes).
//!
//! An instance of a user class does not own a dict. It holds a *shape* and a vector of
//! slots: the shape maps attribute names to slot indices, in the order the attributes
//! were first assigned. Shapes form a tree per class: the class's root shape is empty,
//! and adding attribute `x` to an instance of shape S moves it to S's child for `x`,
//! created once and then found in S's transition table. Instances whose attributes
//! were assigned in the same order — nearly always, since `__init__` assigns them —
//! share one shape, so an attribute site can cache "shape id → slot index" and turn a
//! load into a compare and an indexed load (see `classes.rs`).
//!
//! Shapes are not GC objects: they hold only names. A shape is kept alive by the
//! instances that use it and by its parent's transition table (the class holds the
//! root). Every shape gets a process-unique id (`next_id`), so caches compare ids and
//! never dereference a stale shape: an id that matches belongs to a live shape.
//!
//! A shape's id also stands for its class's namespace: when the class (or a base)
//! changes, every shape of the class gets a fresh id (`renumber`), so an inline cache
//! keyed by the id alone misses, with no separate class-version check on a hit.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};

static NEXT_ID: AtomicU64 = AtomicU64::new(1);

/// A fresh process-unique id, never 0. Shapes and class versions share the counter,
/// so a cache keyed by one can never be confused with the other.
pub fn next_id() -> u64 {
    NEXT_ID.fetch_add(1, Ordering::Relaxed)
}

/// A hidden class: attribute names in slot order, plus transitions to child shapes.
pub struct Shape {
    /// Unique id (cache key); replaced by a fresh one when the class changes.
    id: Cell<u64>,
    names: Box<[Rc<str>]>,
    transitions: RefCell<Vec<Rc<Shape>>>,
}

impl Shape {
    /// A new empty (root) shape.
    pub fn root() -> Rc<Shape> {
        Rc::new(Shape {
            id: Cell::new(next_id()),
            names: Box::new([]),
            transitions: RefCell::new(vec![]),
        })
    }

    /// The id inline caches compare.
    #[inline(always)]
    pub fn id(&self) -> u64 {
        self.id.get()
    }

    /// Gives this shape and every shape reachable from it fresh ids (the class's
    /// namespace changed: cache entries keyed by the old ids must miss).
    pub fn renumber(&self) {
        let mut work: Vec<Rc<Shape>> = self.transitions.borrow().clone();
        self.id.set(next_id());
        while let Some(s) = work.pop() {
            s.id.set(next_id());
            work.extend(s.transitions.borrow().iter().cloned());
        }
    }

    /// Number of attributes (= slots).
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Whether the shape has no attributes.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// Attribute names in slot order.
    pub fn names(&self) -> &[Rc<str>] {
        &self.names
    }

    /// The slot of attribute `name`.
    #[inline]
    pub fn index_of(&self, name: &str) -> Option<usize> {
        self.names.iter().position(|n| &**n == name)
    }

    /// The shape after adding `name` (which must not be present): the cached child,
    /// or a new one recorded in the transition table.
    pub fn add(self: &Rc<Shape>, name: &str) -> Rc<Shape> {
        debug_assert!(self.index_of(name).is_none());
        for c in self.transitions.borrow().iter() {
            if c.names.last().map(|n| &**n == name).unwrap_or(false) {
                return c.clone();
            }
        }
        let mut names: Vec<Rc<str>> = self.names.to_vec();
        names.push(Rc::from(name));
        let child = Rc::new(Shape {
            id: Cell::new(next_id()),
            names: names.into_boxed_slice(),
            transitions: RefCell::new(vec![]),
        });
        self.transitions.borrow_mut().push(child.clone());
        child
    }

    /// The shape reached from `root` by adding `names` in order.
    pub fn from_root(root: &Rc<Shape>, names: &[Rc<str>]) -> Rc<Shape> {
        let mut s = root.clone();
        for n in names {
            s = s.add(n);
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transitions_are_shared() {
        let root = Shape::root();
        let a = root.add("x").add("y");
        let b = root.add("x").add("y");
        assert!(Rc::ptr_eq(&a, &b));
        assert_eq!(a.index_of("x"), Some(0));
        assert_eq!(a.index_of("y"), Some(1));
        assert_eq!(a.index_of("z"), None);
        assert_eq!(a.len(), 2);
    }

    #[test]
    fn order_matters() {
        let root = Shape::root();
        let a = root.add("x").add("y");
        let b = root.add("y").add("x");
        assert!(!Rc::ptr_eq(&a, &b));
        assert_ne!(a.id(), b.id());
        assert_eq!(b.index_of("x"), Some(1));
    }

    #[test]
    fn ids_are_unique() {
        let root = Shape::root();
        let a = root.add("x");
        let c = a.add("z");
        let ids = [root.id(), a.id(), c.id()];
        assert!(ids.iter().all(|&i| i != 0));
        assert!(ids[0] != ids[1] && ids[1] != ids[2] && ids[0] != ids[2]);
    }

    #[test]
    fn renumber_changes_every_id() {
        let root = Shape::root();
        let a = root.add("x");
        let b = a.add("y");
        let c = root.add("z");
        let before = [root.id(), a.id(), b.id(), c.id()];
        root.renumber();
        let after = [root.id(), a.id(), b.id(), c.id()];
        for (x, y) in before.iter().zip(after.iter()) {
            assert_ne!(x, y);
        }
        assert!(Rc::ptr_eq(&root.add("x").add("y"), &b));
    }

    #[test]
    fn rebuild_from_root() {
        let root = Shape::root();
        let a = root.add("x").add("y").add("z");
        let names: Vec<Rc<str>> = vec![Rc::from("x"), Rc::from("z")];
        let b = Shape::from_root(&root, &names);
        assert_eq!(b.index_of("z"), Some(1));
        assert!(Rc::ptr_eq(&b, &root.add("x").add("z")));
        assert_eq!(a.len(), 3);
    }
}
