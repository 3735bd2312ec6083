//! Methods: the methods of builtin types (`list.append`, `str.split`, `dict.get`, ...).
//!
//! One table per type maps a method name to a native function; `install` turns each
//! into a permanent `BuiltinObj`, and `find` looks them up by the receiver's tag and
//! name. Call sites cache the result per receiver tag (`Site::cache`), so a hot
//! `xs.append(x)` does no name lookup.

use crate::builtins::{arg_i64, arity, kwarg, no_kw, only_kw};
use crate::error::ExcType;
use crate::interp::Vm;
use crate::object::*;
use crate::ops;
use crate::value::Value;

type Table = &'static [(&'static str, NativeFn)];

const LIST: Table = &[
    ("append", list_append),
    ("pop", list_pop),
    ("insert", list_insert),
    ("extend", list_extend),
    ("index", list_index),
    ("reverse", list_reverse),
    ("sort", list_sort),
    ("remove", list_remove),
    ("count", list_count),
    ("copy", list_copy),
    ("clear", list_clear),
];

const STR: Table = &[
    ("join", str_join),
    ("split", str_split),
    ("rsplit", str_rsplit),
    ("replace", str_replace),
    ("strip", str_strip),
    ("lstrip", str_lstrip),
    ("rstrip", str_rstrip),
    ("startswith", str_startswith),
    ("endswith", str_endswith),
    ("upper", str_upper),
    ("lower", str_lower),
    ("find", str_find),
    ("rfind", str_rfind),
    ("index", str_index),
    ("rindex", str_rindex),
    ("count", str_count),
    ("isdigit", str_isdigit),
    ("isalpha", str_isalpha),
    ("isspace", str_isspace),
    ("isalnum", str_isalnum),
    ("isupper", str_isupper),
    ("islower", str_islower),
    ("title", str_title),
    ("capitalize", str_capitalize),
    ("swapcase", str_swapcase),
    ("center", str_center),
    ("ljust", str_ljust),
    ("rjust", str_rjust),
    ("zfill", str_zfill),
    ("splitlines", str_splitlines),
    ("partition", str_partition),
    ("rpartition", str_rpartition),
    ("format", str_format),
];

const DICT: Table = &[
    ("get", dict_get),
    ("items", dict_items),
    ("keys", dict_keys),
    ("values", dict_values),
    ("pop", dict_pop),
    ("setdefault", dict_setdefault),
    ("update", dict_update),
    ("copy", dict_copy),
    ("clear", dict_clear),
    ("popitem", dict_popitem),
];

const SET: Table = &[
    ("add", set_add),
    ("clear", set_clear),
    ("copy", set_copy),
    ("difference", set_difference),
    ("difference_update", set_difference_update),
    ("discard", set_discard),
    ("intersection", set_intersection),
    ("intersection_update", set_intersection_update),
    ("isdisjoint", set_isdisjoint),
    ("issubset", set_issubset),
    ("issuperset", set_issuperset),
    ("pop", set_pop),
    ("remove", set_remove),
    ("symmetric_difference", set_symmetric_difference),
    (
        "symmetric_difference_update",
        set_symmetric_difference_update,
    ),
    ("union", set_union),
    ("update", set_update),
];

const FROZENSET: Table = &[
    ("copy", set_copy),
    ("difference", set_difference),
    ("intersection", set_intersection),
    ("isdisjoint", set_isdisjoint),
    ("issubset", set_issubset),
    ("issuperset", set_issuperset),
    ("symmetric_difference", set_symmetric_difference),
    ("union", set_union),
];

const TUPLE: Table = &[("index", tuple_index), ("count", tuple_count)];
const INT: Table = &[("bit_length", int_bit_length)];
const FLOAT: Table = &[("is_integer", float_is_integer)];

/// Creates the method objects.
pub fn install(vm: &mut Vm) {
    let tables: [(u8, &'static str, Table); 9] = [
        (19, "set", SET),
        (20, "frozenset", FROZENSET),
        (7, "list", LIST),
        (6, "str", STR),
        (9, "dict", DICT),
        (8, "tuple", TUPLE),
        (3, "int", INT),
        (5, "int", INT),
        (4, "float", FLOAT),
    ];
    for (tag, owner, table) in tables {
        for &(name, func) in table {
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
}

/// A method of a builtin value by name.
pub fn find(vm: &Vm, obj: &Value, name: &str) -> Option<Value> {
    let tag = match obj {
        Value::Bool(_) => 3,
        _ => obj.tag(),
    };
    vm.methods.get(&(tag, name)).copied()
}

// -- list ------------------------------------------------------------------------------

fn this_list(args: &[Value]) -> crate::gc::Gc<ListObj> {
    match args[0] {
        Value::List(l) => l,
        _ => unreachable!("list method on non-list"),
    }
}

fn list_append(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "list.append", kw)?;
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "list.append() takes exactly one argument ({} given)",
            args.len() - 1
        )));
    }
    let l = this_list(args);
    let items = l.items_mut();
    if items.len() == items.capacity() {
        vm.heap.note_alloc(items.capacity().max(4) * 16);
    }
    items.push(args[1]);
    Ok(Value::None)
}

fn list_pop(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "pop", kw)?;
    if args.len() > 2 {
        return Err(vm.type_error(format!(
            "pop expected at most 1 argument, got {}",
            args.len() - 1
        )));
    }
    let l = this_list(args);
    if l.is_empty() {
        return Err(vm.err(ExcType::IndexError, "pop from empty list"));
    }
    let n = l.len() as i64;
    let i = match args.get(1) {
        None => n - 1,
        Some(v) => arg_i64(vm, *v)?,
    };
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.err(ExcType::IndexError, "pop index out of range"));
    }
    Ok(l.items_mut().remove(j as usize))
}

fn list_insert(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "insert", kw)?;
    if args.len() != 3 {
        return Err(vm.type_error(format!(
            "insert expected 2 arguments, got {}",
            args.len() - 1
        )));
    }
    let l = this_list(args);
    let n = l.len() as i64;
    let i = arg_i64(vm, args[1])?;
    let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
    l.items_mut().insert(j as usize, args[2]);
    Ok(Value::None)
}

fn list_extend(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "list.extend", kw)?;
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "list.extend() takes exactly one argument ({} given)",
            args.len() - 1
        )));
    }
    let l = this_list(args);
    let items = ops::collect_iter(vm, args[1])?;
    vm.heap.note_alloc(items.len() * 16);
    l.items_mut().extend_from_slice(&items);
    Ok(Value::None)
}

fn seq_index(vm: &mut Vm, items: &[Value], args: &[Value], what: &str) -> PyResult<Value> {
    if args.len() < 2 || args.len() > 4 {
        return Err(vm.type_error(format!(
            "index expected at least 1 argument, got {}",
            args.len() - 1
        )));
    }
    let n = items.len() as i64;
    let clamp = |i: i64| -> usize {
        let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
        j as usize
    };
    let start = match args.get(2) {
        Some(v) => clamp(arg_i64(vm, *v)?),
        None => 0,
    };
    let stop = match args.get(3) {
        Some(v) => clamp(arg_i64(vm, *v)?),
        None => items.len(),
    };
    for (i, x) in items.iter().enumerate().take(stop).skip(start) {
        if x.is(&args[1]) || ops::eq(vm, *x, args[1])? {
            return Ok(Value::Int(i as i64));
        }
    }
    if what == "list" {
        let r = crate::repr::repr(vm, args[1])?;
        Err(vm.value_error(format!("{r} is not in list")))
    } else {
        Err(vm.value_error("tuple.index(x): x not in tuple"))
    }
}

fn list_index(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "index", kw)?;
    let items = this_list(args).items().clone();
    seq_index(vm, &items, args, "list")
}

fn list_reverse(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "reverse", kw)?;
    arity(vm, "list.reverse", &args[1..], 0, 0)?;
    this_list(args).items_mut().reverse();
    Ok(Value::None)
}

fn list_sort(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    only_kw(vm, "sort", kw, &["key", "reverse"])?;
    if args.len() > 1 {
        return Err(vm.type_error("sort() takes no positional arguments"));
    }
    let l = this_list(args);
    let key = kwarg(kw, "key").filter(|k| !k.is_none());
    let reverse = match kwarg(kw, "reverse") {
        Some(v) => ops::truthy(vm, v)?,
        None => false,
    };
    // Like CPython, the list is empty while it is being sorted.
    let mut items = std::mem::take(l.items_mut());
    let r = crate::builtins::sort_with(vm, &mut items, key, reverse);
    let modified = !l.is_empty();
    *l.items_mut() = items;
    r?;
    if modified {
        return Err(vm.value_error("list modified during sort"));
    }
    Ok(Value::None)
}

fn list_remove(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "list.remove", kw)?;
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "list.remove() takes exactly one argument ({} given)",
            args.len() - 1
        )));
    }
    let l = this_list(args);
    let items = l.items().clone();
    for (i, x) in items.iter().enumerate() {
        if x.is(&args[1]) || ops::eq(vm, *x, args[1])? {
            l.items_mut().remove(i);
            return Ok(Value::None);
        }
    }
    Err(vm.value_error("list.remove(x): x not in list"))
}

fn count_in(vm: &mut Vm, items: &[Value], x: Value) -> PyResult<Value> {
    let mut n = 0;
    for y in items {
        if y.is(&x) || ops::eq(vm, *y, x)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn list_count(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "list.count", kw)?;
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "list.count() takes exactly one argument ({} given)",
            args.len() - 1
        )));
    }
    let items = this_list(args).items().clone();
    count_in(vm, &items, args[1])
}

fn list_copy(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "list.copy", kw)?;
    let items = this_list(args).items().clone();
    Ok(vm.new_list(items))
}

fn list_clear(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "list.clear", kw)?;
    this_list(args).items_mut().clear();
    Ok(Value::None)
}

// -- tuple, int, float ---------------------------------------------------------------------

fn tuple_index(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "index", kw)?;
    let Value::Tuple(t) = args[0] else {
        unreachable!("tuple method")
    };
    seq_index(vm, &t.items, args, "tuple")
}

fn tuple_count(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "tuple.count", kw)?;
    let Value::Tuple(t) = args[0] else {
        unreachable!("tuple method")
    };
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "tuple.count() takes exactly one argument ({} given)",
            args.len() - 1
        )));
    }
    count_in(vm, &t.items, args[1])
}

fn int_bit_length(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "int.bit_length", kw)?;
    let i = ops::int_ref(&args[0]).expect("int method");
    Ok(Value::Int(crate::num::bit_length(i) as i64))
}

fn float_is_integer(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "float.is_integer", kw)?;
    let Value::Float(f) = args[0] else {
        unreachable!("float method")
    };
    Ok(Value::Bool(f.is_finite() && f.fract() == 0.0))
}

// -- set and frozenset ----------------------------------------------------------------------

/// The receiver of a set method and whether it is a frozenset.
fn this_set(args: &[Value]) -> (crate::gc::Gc<SetObj>, bool) {
    match args[0] {
        Value::Set(s) => (s, false),
        Value::FrozenSet(s) => (s, true),
        _ => unreachable!("set method on non-set"),
    }
}

/// Checks a set method's arguments: no keywords, and `n` positional arguments
/// (`None`: any number), with CPython's messages.
fn set_args(vm: &mut Vm, args: &[Value], kw: KwArgs, name: &str, n: Option<usize>) -> PyResult<()> {
    let owner = args[0].type_name().to_string();
    if !kw.is_empty() {
        return Err(vm.type_error(format!("{owner}.{name}() takes no keyword arguments")));
    }
    let given = args.len() - 1;
    match n {
        Some(0) if given != 0 => Err(vm.type_error(format!(
            "{owner}.{name}() takes no arguments ({given} given)"
        ))),
        Some(1) if given != 1 => Err(vm.type_error(format!(
            "{owner}.{name}() takes exactly one argument ({given} given)"
        ))),
        _ => Ok(()),
    }
}

fn set_add(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    set_args(vm, args, kw, "add", Some(1))?;
    crate::set::add(vm, this_set(args).0, args[1])?;
    Ok(Value::None)
}

fn set_clear(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    set_args(vm, args, kw, "clear", Some(0))?;
    this_set(args).0.table_mut().clear();
    Ok(Value::None)
}

fn set_copy(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    set_args(vm, args, kw, "copy", Some(0))?;
    let (so, frozen) = this_set(args);
    if frozen {
        return Ok(args[0]);
    }
    let r = crate::set::copy(vm, so)?;
    Ok(Value::Set(r))
}

fn set_discard(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    set_args(vm, args, kw, "discard", Some(1))?;
    crate::set::discard(vm, this_set(args).0, args[1])?;
    Ok(Value::None)
}

fn set_remove(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    set_args(vm, args, kw, "remove", Some(1))?;
    if !crate::set::discard(vm, this_set(args).0, args[1])? {
        return Err(crate::set::key_error(vm, args[1]));
    }
    Ok(Value::None)
}

fn set_pop(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    set_args(vm, args, kw, "pop", Some(0))?;
    match this_set(args).0.table_mut().pop() {
        Some(v) => Ok(v),
        None => Err(vm.err(ExcType::KeyError, "pop from an empty set")),
    }
}

/// Runs `f` with the partial result `v` rooted.
fn with_root<T>(vm: &mut Vm, v: Value, f: impl FnOnce(&mut Vm) -> PyResult<T>) -> PyResult<T> {
    vm.temp_roots.push(v);
    let r = f(vm);
    vm.temp_roots.pop();
    r
}

fn set_union(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    set_args(vm, args, kw, "union", None)?;
    let (so, frozen) = this_set(args);
    let r = crate::set::copy(vm, so)?;
    let v = crate::set::wrap(r, frozen);
    with_root(vm, v, |vm| {
        for &o in &args[1..] {
            if matches!(crate::set::any_set(&o), Some(x) if crate::gc::Gc::ptr_eq(x, so)) {
                continue;
            }
            crate::set::update(vm, r, o)?;
        }
        Ok(v)
    })
}

fn set_update(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    set_args(vm, args, kw, "update", None)?;
    let so = this_set(args).0;
    for &o in &args[1..] {
        crate::set::update(vm, so, o)?;
    }
    Ok(Value::None)
}

fn set_intersection(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    set_args(vm, args, kw, "intersection", None)?;
    let (so, frozen) = this_set(args);
    if args.len() == 1 {
        let r = crate::set::copy(vm, so)?;
        return Ok(crate::set::wrap(r, frozen));
    }
    let mut cur = so;
    let mark = vm.temp_roots.len();
    let r = (|| {
        for &o in &args[1..] {
            cur = crate::set::intersection(vm, cur, o, frozen)?;
            vm.temp_roots.push(crate::set::wrap(cur, frozen));
        }
        Ok(crate::set::wrap(cur, frozen))
    })();
    vm.temp_roots.truncate(mark);
    r
}

fn set_intersection_update(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    set_args(vm, args, kw, "intersection_update", None)?;
    let so = this_set(args).0;
    if args.len() == 1 {
        return Ok(Value::None);
    }
    crate::set::intersection_update(vm, so, &args[1..])?;
    Ok(Value::None)
}

fn set_difference(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    set_args(vm, args, kw, "difference", None)?;
    let (so, frozen) = this_set(args);
    if args.len() == 1 {
        let r = crate::set::copy(vm, so)?;
        return Ok(crate::set::wrap(r, frozen));
    }
    let r = crate::set::difference(vm, so, args[1], frozen)?;
    let v = crate::set::wrap(r, frozen);
    with_root(vm, v, |vm| {
        for &o in &args[2..] {
            crate::set::difference_update(vm, r, o)?;
        }
        Ok(v)
    })
}

fn set_difference_update(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    set_args(vm, args, kw, "difference_update", None)?;
    let so = this_set(args).0;
    for &o in &args[1..] {
        crate::set::difference_update(vm, so, o)?;
    }
    Ok(Value::None)
}

fn set_symmetric_difference(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    set_args(vm, args, kw, "symmetric_difference", Some(1))?;
    let (so, frozen) = this_set(args);
    let r = crate::set::symmetric_difference(vm, so, args[1], frozen)?;
    Ok(crate::set::wrap(r, frozen))
}

fn set_symmetric_difference_update(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    set_args(vm, args, kw, "symmetric_difference_update", Some(1))?;
    crate::set::symmetric_difference_update(vm, this_set(args).0, args[1])?;
    Ok(Value::None)
}

fn set_issubset(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    set_args(vm, args, kw, "issubset", Some(1))?;
    let so = this_set(args).0;
    let r = match crate::set::any_set(&args[1]) {
        Some(o) => crate::set::is_subset(vm, so, o)?,
        None => {
            let t = crate::set::intersection(vm, so, args[1], false)?;
            t.len() == so.len()
        }
    };
    Ok(Value::Bool(r))
}

fn set_issuperset(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    set_args(vm, args, kw, "issuperset", Some(1))?;
    let so = this_set(args).0;
    if let Some(o) = crate::set::any_set(&args[1]) {
        return Ok(Value::Bool(crate::set::is_subset(vm, o, so)?));
    }
    let it = ops::get_iter(vm, args[1])?;
    with_root(vm, Value::Iter(it), |vm| {
        while let Some(k) = ops::iter_next(vm, it)? {
            if !crate::set::contains(vm, so, k)? {
                return Ok(Value::Bool(false));
            }
        }
        Ok(Value::Bool(true))
    })
}

fn set_isdisjoint(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    set_args(vm, args, kw, "isdisjoint", Some(1))?;
    let so = this_set(args).0;
    if let Some(o) = crate::set::any_set(&args[1]) {
        if crate::gc::Gc::ptr_eq(o, so) {
            return Ok(Value::Bool(so.is_empty()));
        }
        let (big, small) = if o.len() > so.len() { (o, so) } else { (so, o) };
        for k in small.table().keys() {
            if crate::set::contains(vm, big, k)? {
                return Ok(Value::Bool(false));
            }
        }
        return Ok(Value::Bool(true));
    }
    let it = ops::get_iter(vm, args[1])?;
    with_root(vm, Value::Iter(it), |vm| {
        while let Some(k) = ops::iter_next(vm, it)? {
            if crate::set::contains(vm, so, k)? {
                return Ok(Value::Bool(false));
            }
        }
        Ok(Value::Bool(true))
    })
}

// -- dict ------------------------------------------------------------------------------

fn this_dict(args: &[Value]) -> crate::gc::Gc<DictObj> {
    match args[0] {
        Value::Dict(d) => d,
        _ => unreachable!("dict method on non-dict"),
    }
}

fn dict_get(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "get", kw)?;
    if args.len() < 2 || args.len() > 3 {
        return Err(vm.type_error(format!(
            "get expected at least 1 argument, got {}",
            args.len() - 1
        )));
    }
    let d = this_dict(args);
    Ok(ops::dict_get(vm, d, args[1])?.unwrap_or(args.get(2).copied().unwrap_or(Value::None)))
}

fn view(vm: &mut Vm, args: &[Value], kind: ViewKind) -> PyResult<Value> {
    let d = this_dict(args);
    Ok(Value::DictView(
        vm.heap.alloc(DictViewObj { dict: d, kind }),
    ))
}

fn dict_items(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "dict.items", kw)?;
    view(vm, args, ViewKind::Items)
}
fn dict_keys(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "dict.keys", kw)?;
    view(vm, args, ViewKind::Keys)
}
fn dict_values(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "dict.values", kw)?;
    view(vm, args, ViewKind::Values)
}

fn dict_pop(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "pop", kw)?;
    if args.len() < 2 || args.len() > 3 {
        return Err(vm.type_error(format!(
            "pop expected at least 1 argument, got {}",
            args.len() - 1
        )));
    }
    let d = this_dict(args);
    match ops::dict_remove(vm, d, args[1])? {
        Some(v) => Ok(v),
        None => match args.get(2) {
            Some(dflt) => Ok(*dflt),
            None => Err(vm.err_args(ExcType::KeyError, vec![args[1]])),
        },
    }
}

fn dict_setdefault(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "setdefault", kw)?;
    if args.len() < 2 || args.len() > 3 {
        return Err(vm.type_error(format!(
            "setdefault expected at least 1 argument, got {}",
            args.len() - 1
        )));
    }
    let d = this_dict(args);
    if let Some(v) = ops::dict_get(vm, d, args[1])? {
        return Ok(v);
    }
    let dflt = args.get(2).copied().unwrap_or(Value::None);
    ops::dict_set(vm, d, args[1], dflt)?;
    Ok(dflt)
}

fn dict_update(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    if args.len() > 2 {
        return Err(vm.type_error(format!(
            "update expected at most 1 argument, got {}",
            args.len() - 1
        )));
    }
    let d = this_dict(args);
    if let Some(&src) = args.get(1) {
        let t = vm.types.get(TypeKind::Dict);
        let tmp = crate::builtins::call_type(vm, t, &[src], &[])?;
        let Value::Dict(s) = tmp else {
            unreachable!("dict()")
        };
        let entries: Vec<(Value, Value)> = s.table().iter().map(|e| (e.key, e.value)).collect();
        for (k, v) in entries {
            ops::dict_set(vm, d, k, v)?;
        }
    }
    for (k, v) in kw {
        ops::dict_set(vm, d, Value::Str(*k), *v)?;
    }
    Ok(Value::None)
}

fn dict_copy(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "dict.copy", kw)?;
    let d = this_dict(args);
    let n = vm.new_dict();
    let entries: Vec<(i64, Value, Value)> =
        d.table().iter().map(|e| (e.hash, e.key, e.value)).collect();
    for (h, k, v) in entries {
        n.table_mut().push_new(h, k, v);
    }
    Ok(Value::Dict(n))
}

fn dict_clear(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "dict.clear", kw)?;
    this_dict(args).table_mut().clear();
    Ok(Value::None)
}

fn dict_popitem(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "dict.popitem", kw)?;
    let d = this_dict(args);
    match d.table_mut().pop_last() {
        Some(e) => Ok(vm.new_tuple(vec![e.key, e.value])),
        None => Err(vm.err(ExcType::KeyError, "popitem(): dictionary is empty")),
    }
}

// -- str -------------------------------------------------------------------------------

fn this_str(args: &[Value]) -> crate::gc::Gc<StrObj> {
    match args[0] {
        Value::Str(s) => s,
        _ => unreachable!("str method on non-str"),
    }
}

fn str_arg(vm: &mut Vm, v: Value, what: &str) -> PyResult<crate::gc::Gc<StrObj>> {
    match v {
        Value::Str(s) => Ok(s),
        other => Err(vm.type_error(format!("{what} must be str, not {}", other.type_name()))),
    }
}

fn str_join(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "str.join", kw)?;
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "str.join() takes exactly one argument ({} given)",
            args.len() - 1
        )));
    }
    let sep = this_str(args);
    let items = ops::collect_iter(vm, args[1])?;
    let mut out = String::new();
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep.as_str());
        }
        match x {
            Value::Str(s) => out.push_str(s.as_str()),
            other => {
                return Err(vm.type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    other.type_name()
                )))
            }
        }
    }
    vm.heap.note_alloc(out.len());
    Ok(vm.new_str(out))
}

/// Parses `(sep=None, maxsplit=-1)`.
fn split_args(
    vm: &mut Vm,
    args: &[Value],
    kw: KwArgs,
    name: &str,
) -> PyResult<(Option<String>, i64)> {
    only_kw(vm, name, kw, &["sep", "maxsplit"])?;
    if args.len() > 3 {
        return Err(vm.type_error(format!(
            "{name}() takes at most 2 arguments ({} given)",
            args.len() - 1
        )));
    }
    let sep = match args.get(1).copied().or(kwarg(kw, "sep")) {
        None | Some(Value::None) => None,
        Some(Value::Str(s)) => {
            if s.as_str().is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            Some(s.as_str().to_string())
        }
        Some(other) => {
            return Err(vm.type_error(format!("must be str or None, not {}", other.type_name())))
        }
    };
    let maxsplit = match args.get(2).copied().or(kwarg(kw, "maxsplit")) {
        None => -1,
        Some(v) => arg_i64(vm, v)?,
    };
    Ok((sep, maxsplit))
}

fn str_split(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let (sep, maxsplit) = split_args(vm, args, kw, "split")?;
    let s = this_str(args);
    let s = s.as_str();
    let parts: Vec<String> = match sep {
        Some(sep) => {
            if maxsplit < 0 {
                s.split(sep.as_str()).map(String::from).collect()
            } else {
                s.splitn(maxsplit as usize + 1, sep.as_str())
                    .map(String::from)
                    .collect()
            }
        }
        None => {
            let mut out = vec![];
            let mut rest = s.trim_start_matches(|c: char| c.is_whitespace());
            let mut n = 0;
            while !rest.is_empty() {
                if maxsplit >= 0 && n >= maxsplit {
                    out.push(rest.to_string());
                    break;
                }
                let end = rest.find(|c: char| c.is_whitespace()).unwrap_or(rest.len());
                out.push(rest[..end].to_string());
                rest = rest[end..].trim_start_matches(|c: char| c.is_whitespace());
                n += 1;
            }
            out
        }
    };
    let items: Vec<Value> = parts.into_iter().map(|p| vm.new_str(p)).collect();
    Ok(vm.new_list(items))
}

fn str_rsplit(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let (sep, maxsplit) = split_args(vm, args, kw, "rsplit")?;
    let s = this_str(args);
    let s = s.as_str();
    let mut parts: Vec<String> = match sep {
        Some(sep) => {
            if maxsplit < 0 {
                s.rsplit(sep.as_str()).map(String::from).collect()
            } else {
                s.rsplitn(maxsplit as usize + 1, sep.as_str())
                    .map(String::from)
                    .collect()
            }
        }
        None => {
            let mut out = vec![];
            let mut rest = s.trim_end_matches(|c: char| c.is_whitespace());
            let mut n = 0;
            while !rest.is_empty() {
                if maxsplit >= 0 && n >= maxsplit {
                    out.push(rest.to_string());
                    break;
                }
                let start = rest
                    .rfind(|c: char| c.is_whitespace())
                    .map(|i| i + rest[i..].chars().next().map_or(1, |c| c.len_utf8()))
                    .unwrap_or(0);
                out.push(rest[start..].to_string());
                rest = rest[..start].trim_end_matches(|c: char| c.is_whitespace());
                n += 1;
            }
            out
        }
    };
    parts.reverse();
    let items: Vec<Value> = parts.into_iter().map(|p| vm.new_str(p)).collect();
    Ok(vm.new_list(items))
}

fn str_replace(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "replace", kw)?;
    if args.len() < 3 || args.len() > 4 {
        return Err(vm.type_error(format!(
            "replace expected at least 2 arguments, got {}",
            args.len() - 1
        )));
    }
    let s = this_str(args);
    let old = str_arg(vm, args[1], "replace() argument 1")?;
    let new = str_arg(vm, args[2], "replace() argument 2")?;
    let count = match args.get(3) {
        Some(v) => arg_i64(vm, *v)?,
        None => -1,
    };
    let out = if count < 0 {
        if old.as_str().is_empty() {
            // Python inserts `new` between every char and at both ends.
            let mut o = String::new();
            o.push_str(new.as_str());
            for c in s.as_str().chars() {
                o.push(c);
                o.push_str(new.as_str());
            }
            o
        } else {
            s.as_str().replace(old.as_str(), new.as_str())
        }
    } else if old.as_str().is_empty() {
        let mut o = String::new();
        let mut n = 0;
        if n < count {
            o.push_str(new.as_str());
            n += 1;
        }
        for c in s.as_str().chars() {
            o.push(c);
            if n < count {
                o.push_str(new.as_str());
                n += 1;
            }
        }
        o
    } else {
        s.as_str()
            .replacen(old.as_str(), new.as_str(), count as usize)
    };
    Ok(vm.new_str(out))
}

fn strip_impl(
    vm: &mut Vm,
    args: &[Value],
    kw: KwArgs,
    name: &str,
    left: bool,
    right: bool,
) -> PyResult<Value> {
    no_kw(vm, name, kw)?;
    if args.len() > 2 {
        return Err(vm.type_error(format!(
            "{name} expected at most 1 argument, got {}",
            args.len() - 1
        )));
    }
    let s = this_str(args);
    let chars: Option<Vec<char>> = match args.get(1) {
        None | Some(Value::None) => None,
        Some(Value::Str(c)) => Some(c.as_str().chars().collect()),
        Some(other) => {
            return Err(vm.type_error(format!(
                "{name} arg must be None or str, not {}",
                other.type_name()
            )))
        }
    };
    let pred = |c: char| match &chars {
        None => c.is_whitespace(),
        Some(cs) => cs.contains(&c),
    };
    let mut r = s.as_str();
    if left {
        r = r.trim_start_matches(pred);
    }
    if right {
        r = r.trim_end_matches(pred);
    }
    if r.len() == s.as_str().len() {
        return Ok(args[0]);
    }
    Ok(vm.new_str(r))
}

fn str_strip(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    strip_impl(vm, args, kw, "strip", true, true)
}
fn str_lstrip(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    strip_impl(vm, args, kw, "lstrip", true, false)
}
fn str_rstrip(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    strip_impl(vm, args, kw, "rstrip", false, true)
}

/// Char-index bounds `[start:end]` of optional args, as byte offsets.
fn sub_range(
    vm: &mut Vm,
    s: &StrObj,
    a: Option<&Value>,
    b: Option<&Value>,
) -> PyResult<Option<(usize, usize)>> {
    let n = s.char_len() as i64;
    let get = |vm: &mut Vm, v: Option<&Value>, dflt: i64| -> PyResult<i64> {
        match v {
            None | Some(Value::None) => Ok(dflt),
            Some(v) => {
                let i = arg_i64(vm, *v)?;
                Ok(if i < 0 { (i + n).max(0) } else { i.min(n) })
            }
        }
    };
    let start = get(vm, a, 0)?;
    let end = get(vm, b, n)?;
    if start > end {
        return Ok(None);
    }
    let to_byte = |ci: i64| -> usize {
        if s.is_ascii() {
            ci as usize
        } else {
            s.as_str()
                .char_indices()
                .nth(ci as usize)
                .map(|(b, _)| b)
                .unwrap_or(s.as_str().len())
        }
    };
    Ok(Some((to_byte(start), to_byte(end))))
}

fn char_index(s: &StrObj, byte: usize) -> i64 {
    if s.is_ascii() {
        byte as i64
    } else {
        s.as_str()[..byte].chars().count() as i64
    }
}

fn affix(vm: &mut Vm, args: &[Value], kw: KwArgs, name: &str, start: bool) -> PyResult<Value> {
    no_kw(vm, name, kw)?;
    if args.len() < 2 || args.len() > 4 {
        return Err(vm.type_error(format!(
            "{name} expected at least 1 argument, got {}",
            args.len() - 1
        )));
    }
    let s = this_str(args);
    let Some((lo, hi)) = sub_range(vm, &s, args.get(2), args.get(3))? else {
        return Ok(Value::Bool(false));
    };
    let sub = &s.as_str()[lo..hi];
    let test = |p: &str| {
        if start {
            sub.starts_with(p)
        } else {
            sub.ends_with(p)
        }
    };
    match args[1] {
        Value::Str(p) => Ok(Value::Bool(test(p.as_str()))),
        Value::Tuple(t) => {
            for x in t.items.iter() {
                match x {
                    Value::Str(p) => {
                        if test(p.as_str()) {
                            return Ok(Value::Bool(true));
                        }
                    }
                    other => {
                        return Err(vm.type_error(format!(
                            "tuple for {name} must only contain str, not {}",
                            other.type_name()
                        )))
                    }
                }
            }
            Ok(Value::Bool(false))
        }
        other => Err(vm.type_error(format!(
            "{name} first arg must be str or a tuple of str, not {}",
            other.type_name()
        ))),
    }
}

fn str_startswith(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    affix(vm, args, kw, "startswith", true)
}
fn str_endswith(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    affix(vm, args, kw, "endswith", false)
}

fn map_str(
    vm: &mut Vm,
    args: &[Value],
    kw: KwArgs,
    name: &str,
    f: fn(&str) -> String,
) -> PyResult<Value> {
    no_kw(vm, name, kw)?;
    arity(vm, name, &args[1..], 0, 0)?;
    let s = this_str(args);
    let out = f(s.as_str());
    Ok(vm.new_str(out))
}

fn str_upper(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    map_str(vm, args, kw, "str.upper", |s| s.to_uppercase())
}
fn str_lower(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    map_str(vm, args, kw, "str.lower", |s| s.to_lowercase())
}
fn str_swapcase(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    map_str(vm, args, kw, "str.swapcase", |s| {
        s.chars()
            .flat_map(|c| {
                if c.is_uppercase() {
                    c.to_lowercase().collect::<Vec<_>>()
                } else {
                    c.to_uppercase().collect::<Vec<_>>()
                }
            })
            .collect()
    })
}
fn str_title(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    map_str(vm, args, kw, "str.title", |s| {
        let mut out = String::with_capacity(s.len());
        let mut prev_cased = false;
        for c in s.chars() {
            if prev_cased {
                out.extend(c.to_lowercase());
            } else {
                out.extend(c.to_uppercase());
            }
            prev_cased = c.is_alphabetic() && (c.is_lowercase() || c.is_uppercase());
        }
        out
    })
}
fn str_capitalize(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    map_str(vm, args, kw, "str.capitalize", |s| {
        let mut cs = s.chars();
        match cs.next() {
            None => String::new(),
            Some(f) => f
                .to_uppercase()
                .chain(cs.flat_map(|c| c.to_lowercase()))
                .collect(),
        }
    })
}

fn find_impl(
    vm: &mut Vm,
    args: &[Value],
    kw: KwArgs,
    name: &str,
    rev: bool,
) -> PyResult<Option<i64>> {
    no_kw(vm, name, kw)?;
    if args.len() < 2 || args.len() > 4 {
        return Err(vm.type_error(format!(
            "{name} expected at least 1 argument, got {}",
            args.len() - 1
        )));
    }
    let s = this_str(args);
    let sub = str_arg(vm, args[1], &format!("{name}() argument 1"))?;
    let Some((lo, hi)) = sub_range(vm, &s, args.get(2), args.get(3))? else {
        return Ok(None);
    };
    let hay = &s.as_str()[lo..hi];
    let found = if rev {
        hay.rfind(sub.as_str())
    } else {
        hay.find(sub.as_str())
    };
    Ok(found.map(|b| char_index(&s, lo + b)))
}

fn str_find(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    Ok(Value::Int(
        find_impl(vm, args, kw, "find", false)?.unwrap_or(-1),
    ))
}
fn str_rfind(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    Ok(Value::Int(
        find_impl(vm, args, kw, "rfind", true)?.unwrap_or(-1),
    ))
}
fn str_index(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    match find_impl(vm, args, kw, "index", false)? {
        Some(i) => Ok(Value::Int(i)),
        None => Err(vm.value_error("substring not found")),
    }
}
fn str_rindex(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    match find_impl(vm, args, kw, "rindex", true)? {
        Some(i) => Ok(Value::Int(i)),
        None => Err(vm.value_error("substring not found")),
    }
}

fn str_count(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "count", kw)?;
    if args.len() < 2 || args.len() > 4 {
        return Err(vm.type_error(format!(
            "count expected at least 1 argument, got {}",
            args.len() - 1
        )));
    }
    let s = this_str(args);
    let sub = str_arg(vm, args[1], "count() argument 1")?;
    let Some((lo, hi)) = sub_range(vm, &s, args.get(2), args.get(3))? else {
        return Ok(Value::Int(0));
    };
    let hay = &s.as_str()[lo..hi];
    let n = if sub.as_str().is_empty() {
        hay.chars().count() + 1
    } else {
        hay.matches(sub.as_str()).count()
    };
    Ok(Value::Int(n as i64))
}

fn pred_str(
    vm: &mut Vm,
    args: &[Value],
    kw: KwArgs,
    name: &str,
    f: fn(&str) -> bool,
) -> PyResult<Value> {
    no_kw(vm, name, kw)?;
    let s = this_str(args);
    Ok(Value::Bool(f(s.as_str())))
}

fn str_isdigit(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    pred_str(vm, args, kw, "isdigit", |s| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_digit() || c.is_numeric() && c.is_ascii_digit())
    })
}
fn str_isalpha(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    pred_str(vm, args, kw, "isalpha", |s| {
        !s.is_empty() && s.chars().all(char::is_alphabetic)
    })
}
fn str_isspace(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    pred_str(vm, args, kw, "isspace", |s| {
        !s.is_empty() && s.chars().all(char::is_whitespace)
    })
}
fn str_isalnum(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    pred_str(vm, args, kw, "isalnum", |s| {
        !s.is_empty() && s.chars().all(char::is_alphanumeric)
    })
}
fn str_isupper(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    pred_str(vm, args, kw, "isupper", |s| {
        s.chars().any(char::is_uppercase) && !s.chars().any(char::is_lowercase)
    })
}
fn str_islower(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    pred_str(vm, args, kw, "islower", |s| {
        s.chars().any(char::is_lowercase) && !s.chars().any(char::is_uppercase)
    })
}

fn pad_args(vm: &mut Vm, args: &[Value], kw: KwArgs, name: &str) -> PyResult<(i64, char)> {
    no_kw(vm, name, kw)?;
    if args.len() < 2 || args.len() > 3 {
        return Err(vm.type_error(format!(
            "{name} expected at least 1 argument, got {}",
            args.len() - 1
        )));
    }
    let w = arg_i64(vm, args[1])?;
    let fill = match args.get(2) {
        None => ' ',
        Some(Value::Str(f)) if f.char_len() == 1 => f.char_at(0),
        Some(Value::Str(_)) => {
            return Err(vm.type_error("The fill character must be exactly one character long"))
        }
        Some(other) => {
            return Err(vm.type_error(format!(
                "{name}() argument 2 must be str, not {}",
                other.type_name()
            )))
        }
    };
    Ok((w, fill))
}

fn pad(vm: &mut Vm, s: &StrObj, left: i64, right: i64, fill: char) -> Value {
    let mut out = String::with_capacity(s.as_str().len() + (left + right) as usize);
    out.extend(std::iter::repeat_n(fill, left as usize));
    out.push_str(s.as_str());
    out.extend(std::iter::repeat_n(fill, right as usize));
    vm.new_str(out)
}

fn str_center(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let (w, fill) = pad_args(vm, args, kw, "center")?;
    let s = this_str(args);
    let n = s.char_len() as i64;
    if w <= n {
        return Ok(args[0]);
    }
    let marg = w - n;
    // CPython: left = marg/2 + (marg & width & 1)
    let left = marg / 2 + (marg & w & 1);
    Ok(pad(vm, &s, left, marg - left, fill))
}
fn str_ljust(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let (w, fill) = pad_args(vm, args, kw, "ljust")?;
    let s = this_str(args);
    let n = s.char_len() as i64;
    if w <= n {
        return Ok(args[0]);
    }
    Ok(pad(vm, &s, 0, w - n, fill))
}
fn str_rjust(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let (w, fill) = pad_args(vm, args, kw, "rjust")?;
    let s = this_str(args);
    let n = s.char_len() as i64;
    if w <= n {
        return Ok(args[0]);
    }
    Ok(pad(vm, &s, w - n, 0, fill))
}
fn str_zfill(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "zfill", kw)?;
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "str.zfill() takes exactly one argument ({} given)",
            args.len() - 1
        )));
    }
    let w = arg_i64(vm, args[1])?;
    let s = this_str(args);
    let n = s.char_len() as i64;
    if w <= n {
        return Ok(args[0]);
    }
    let st = s.as_str();
    let (sign, rest) = match st.chars().next() {
        Some(c @ ('+' | '-')) => (Some(c), &st[1..]),
        _ => (None, st),
    };
    let mut out = String::new();
    out.extend(sign);
    out.extend(std::iter::repeat_n('0', (w - n) as usize));
    out.push_str(rest);
    Ok(vm.new_str(out))
}

fn str_splitlines(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    only_kw(vm, "splitlines", kw, &["keepends"])?;
    let keep = match args.get(1).copied().or(kwarg(kw, "keepends")) {
        Some(v) => ops::truthy(vm, v)?,
        None => false,
    };
    let s = this_str(args);
    let st = s.as_str();
    let mut parts = vec![];
    let mut start = 0;
    let mut it = st.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let is_break = matches!(
            c,
            '\n' | '\r'
                | '\x0b'
                | '\x0c'
                | '\x1c'
                | '\x1d'
                | '\x1e'
                | '\u{85}'
                | '\u{2028}'
                | '\u{2029}'
        );
        if is_break {
            let mut end = i + c.len_utf8();
            if c == '\r' {
                if let Some(&(_, '\n')) = it.peek() {
                    it.next();
                    end += 1;
                }
            }
            parts.push(if keep { &st[start..end] } else { &st[start..i] });
            start = end;
        }
    }
    if start < st.len() {
        parts.push(&st[start..]);
    }
    let items: Vec<Value> = parts.into_iter().map(|p| vm.new_str(p)).collect();
    Ok(vm.new_list(items))
}

fn partition_impl(vm: &mut Vm, args: &[Value], kw: KwArgs, rev: bool) -> PyResult<Value> {
    no_kw(vm, "partition", kw)?;
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "partition() takes exactly one argument ({} given)",
            args.len() - 1
        )));
    }
    let s = this_str(args);
    let sep = str_arg(vm, args[1], "partition() argument")?;
    if sep.as_str().is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let st = s.as_str();
    let found = if rev {
        st.rfind(sep.as_str())
    } else {
        st.find(sep.as_str())
    };
    let parts: [String; 3] = match found {
        Some(i) => [
            st[..i].into(),
            sep.as_str().into(),
            st[i + sep.as_str().len()..].into(),
        ],
        None if rev => [String::new(), String::new(), st.into()],
        None => [st.into(), String::new(), String::new()],
    };
    let items: Vec<Value> = parts.into_iter().map(|p| vm.new_str(p)).collect();
    Ok(vm.new_tuple(items))
}

fn str_partition(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    partition_impl(vm, args, kw, false)
}
fn str_rpartition(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    partition_impl(vm, args, kw, true)
}

/// `str.format(*args, **kwargs)`: `{}`, `{0}`, `{name}`, `{x.attr}` is not supported,
/// `{0[1]}` indexing, conversions `!r !s !a` and format specs (with nested fields).
fn str_format(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let s = this_str(args);
    let out = format_template(vm, s.as_str(), &args[1..], kw, &mut 0, 2)?;
    Ok(vm.new_str(out))
}

fn format_template(
    vm: &mut Vm,
    t: &str,
    args: &[Value],
    kw: KwArgs,
    auto: &mut usize,
    depth: u32,
) -> PyResult<String> {
    let mut out = String::new();
    let mut chars = t.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        match c {
            '{' => {
                if let Some(&(_, '{')) = chars.peek() {
                    chars.next();
                    out.push('{');
                    continue;
                }
                // Collect the field up to the matching '}'.
                let mut field = String::new();
                let mut level = 1;
                loop {
                    match chars.next() {
                        None => return Err(vm.value_error("expected '}' before end of string")),
                        Some((_, '{')) => {
                            level += 1;
                            field.push('{');
                        }
                        Some((_, '}')) => {
                            level -= 1;
                            if level == 0 {
                                break;
                            }
                            field.push('}');
                        }
                        Some((_, ch)) => field.push(ch),
                    }
                }
                let (name_conv, spec) = match field.find(':') {
                    Some(i) => (&field[..i], &field[i + 1..]),
                    None => (field.as_str(), ""),
                };
                let (name, conv) = match name_conv.find('!') {
                    Some(i) => (&name_conv[..i], Some(&name_conv[i + 1..])),
                    None => (name_conv, None),
                };
                // Field name: first part, then [index] lookups.
                let (first, rest) = match name.find(['[', '.']) {
                    Some(i) => (&name[..i], &name[i..]),
                    None => (name, ""),
                };
                let mut v = if first.is_empty() {
                    if *auto == usize::MAX {
                        return Err(vm.value_error("cannot switch from manual field specification to automatic field numbering"));
                    }
                    let i = *auto;
                    *auto += 1;
                    match args.get(i) {
                        Some(v) => *v,
                        None => {
                            return Err(vm.err(
                                ExcType::IndexError,
                                format!(
                                    "Replacement index {i} out of range for positional args tuple"
                                ),
                            ))
                        }
                    }
                } else if let Ok(i) = first.parse::<usize>() {
                    if *auto > 0 && *auto != usize::MAX {
                        return Err(vm.value_error("cannot switch from automatic field numbering to manual field specification"));
                    }
                    if *auto == 0 {
                        *auto = usize::MAX;
                    }
                    match args.get(i) {
                        Some(v) => *v,
                        None => {
                            return Err(vm.err(
                                ExcType::IndexError,
                                format!(
                                    "Replacement index {i} out of range for positional args tuple"
                                ),
                            ))
                        }
                    }
                } else {
                    match kw.iter().find(|(k, _)| k.as_str() == first) {
                        Some((_, v)) => *v,
                        None => {
                            let k = vm.new_str(first);
                            return Err(vm.err_args(ExcType::KeyError, vec![k]));
                        }
                    }
                };
                let mut rest = rest;
                while !rest.is_empty() {
                    if let Some(r) = rest.strip_prefix('[') {
                        let end = r
                            .find(']')
                            .ok_or_else(|| vm.value_error("Missing ']' in format string"))?;
                        let key_s = &r[..end];
                        let key = match key_s.parse::<i64>() {
                            Ok(i) => Value::Int(i),
                            Err(_) => vm.new_str(key_s),
                        };
                        v = ops::getitem(vm, v, key)?;
                        rest = &r[end + 1..];
                    } else {
                        return Err(vm.value_error(
                            "attribute access in str.format fields is not supported by tvm",
                        ));
                    }
                }
                let v = match conv {
                    None => v,
                    Some("r") => {
                        let s = crate::repr::repr(vm, v)?;
                        vm.new_str(s)
                    }
                    Some("s") => {
                        let s = crate::repr::str_of(vm, v)?;
                        vm.new_str(s)
                    }
                    Some("a") => {
                        let s = crate::repr::ascii(vm, v)?;
                        vm.new_str(s)
                    }
                    Some(_) => return Err(vm.value_error("Unknown conversion specifier")),
                };
                let spec = if spec.contains('{') {
                    if depth == 0 {
                        return Err(vm.value_error("Max string recursion exceeded"));
                    }
                    format_template(vm, spec, args, kw, auto, depth - 1)?
                } else {
                    spec.to_string()
                };
                out.push_str(&crate::builtins::format(vm, v, &spec)?);
            }
            '}' => {
                if let Some(&(_, '}')) = chars.peek() {
                    chars.next();
                    out.push('}');
                } else {
                    return Err(vm.value_error("Single '}' encountered in format string"));
                }
            }
            c => out.push(c),
        }
    }
    Ok(out)
}
