//! Dict: the insertion-ordered hash table behind `dict`.
//!
//! Like CPython's compact dict: entries live in a dense `Vec` in insertion order and a
//! `hashbrown::HashTable` maps hashes to entry indices. Deleting leaves a hole (key
//! `Undef`) that iteration skips; the table is compacted when holes outnumber live
//! entries. Hashing and key equality are the caller's (they are Python operations),
//! passed in as a hash and an `eq` closure.

use crate::value::Value;
use hashbrown::HashTable;

/// One slot of the entry vector. A deleted entry has `key == Undef`.
#[derive(Clone, Copy)]
pub struct Entry {
    /// Cached hash of the key.
    pub hash: i64,
    /// The key, or `Undef` for a hole.
    pub key: Value,
    /// The value.
    pub value: Value,
}

/// The table: entries in insertion order plus an index.
#[derive(Default)]
pub struct DictTable {
    entries: Vec<Entry>,
    index: HashTable<u32>,
    live: usize,
}

impl DictTable {
    /// An empty table.
    pub fn new() -> DictTable {
        DictTable::default()
    }
    /// Number of keys.
    #[inline]
    pub fn len(&self) -> usize {
        self.live
    }
    /// Whether empty.
    pub fn is_empty(&self) -> bool {
        self.live == 0
    }
    /// Allocated entry slots.
    pub fn capacity(&self) -> usize {
        self.entries.capacity()
    }
    /// Number of entry slots including holes (the bound for index-based iteration).
    #[inline]
    pub fn slots(&self) -> usize {
        self.entries.len()
    }
    /// The entry at slot `i`, if it holds a key.
    #[inline]
    pub fn entry(&self, i: usize) -> Option<&Entry> {
        self.entries
            .get(i)
            .filter(|e| !matches!(e.key, Value::Undef))
    }
    /// Live entries in order.
    pub fn iter(&self) -> impl Iterator<Item = &Entry> + '_ {
        self.entries
            .iter()
            .filter(|e| !matches!(e.key, Value::Undef))
    }
    /// Entry slot holding a key equal to the probe.
    #[inline]
    pub fn find(&self, hash: i64, mut eq: impl FnMut(&Value) -> bool) -> Option<usize> {
        let entries = &self.entries;
        self.index
            .find(hash as u64, |&i| {
                let e = &entries[i as usize];
                e.hash == hash && eq(&e.key)
            })
            .map(|&i| i as usize)
    }
    /// The value for a key.
    #[inline]
    pub fn get(&self, hash: i64, eq: impl FnMut(&Value) -> bool) -> Option<Value> {
        self.find(hash, eq).map(|i| self.entries[i].value)
    }
    /// Sets the value of entry slot `i`.
    #[inline]
    pub fn set_at(&mut self, i: usize, v: Value) {
        self.entries[i].value = v;
    }
    /// Inserts or overwrites (an existing key keeps its position and its original key object).
    pub fn insert(&mut self, hash: i64, key: Value, value: Value, eq: impl FnMut(&Value) -> bool) {
        if let Some(i) = self.find(hash, eq) {
            self.entries[i].value = value;
            return;
        }
        self.push_new(hash, key, value);
    }
    /// Appends a key known to be absent.
    pub fn push_new(&mut self, hash: i64, key: Value, value: Value) {
        let i = self.entries.len() as u32;
        self.entries.push(Entry { hash, key, value });
        let entries = &self.entries;
        self.index
            .insert_unique(hash as u64, i, |&j| entries[j as usize].hash as u64);
        self.live += 1;
    }
    /// Removes a key, returning its entry.
    pub fn remove(&mut self, hash: i64, eq: impl FnMut(&Value) -> bool) -> Option<Entry> {
        let i = self.find(hash, eq)?;
        Some(self.remove_at(i))
    }
    /// Removes the entry at slot `i` (which must be live).
    pub fn remove_at(&mut self, i: usize) -> Entry {
        let e = self.entries[i];
        if let Ok(o) = self.index.find_entry(e.hash as u64, |&j| j as usize == i) {
            o.remove();
        }
        self.entries[i].key = Value::Undef;
        self.entries[i].value = Value::None;
        self.live -= 1;
        if i + 1 == self.entries.len() {
            // Trailing holes cost nothing to drop.
            while matches!(self.entries.last(), Some(e) if matches!(e.key, Value::Undef)) {
                self.entries.pop();
            }
        } else if self.entries.len() > 16 && self.live * 2 < self.entries.len() {
            self.compact();
        }
        e
    }
    /// Removes and returns the last inserted entry.
    pub fn pop_last(&mut self) -> Option<Entry> {
        let i = self
            .entries
            .iter()
            .rposition(|e| !matches!(e.key, Value::Undef))?;
        Some(self.remove_at(i))
    }
    /// Removes every key.
    pub fn clear(&mut self) {
        self.entries.clear();
        self.index.clear();
        self.live = 0;
    }
    fn compact(&mut self) {
        self.entries.retain(|e| !matches!(e.key, Value::Undef));
        self.index.clear();
        for (i, e) in self.entries.iter().enumerate() {
            let entries = &self.entries;
            self.index.insert_unique(e.hash as u64, i as u32, |&j| {
                entries[j as usize].hash as u64
            });
        }
    }
    /// GC tracing.
    pub fn trace(&self, out: &mut crate::gc::Marker) {
        for e in self.iter() {
            crate::gc::visit(e.key, out);
            crate::gc::visit(e.value, out);
        }
    }
}
