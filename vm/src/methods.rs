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
use crate::str_methods as sm;
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
    ("join", sm::join),
    ("split", sm::split),
    ("rsplit", sm::rsplit),
    ("replace", sm::replace),
    ("strip", sm::strip),
    ("lstrip", sm::lstrip),
    ("rstrip", sm::rstrip),
    ("startswith", sm::startswith),
    ("endswith", sm::endswith),
    ("upper", sm::upper),
    ("lower", sm::lower),
    ("find", sm::find),
    ("rfind", sm::rfind),
    ("index", sm::index),
    ("rindex", sm::rindex),
    ("count", sm::count),
    ("isdigit", sm::isdigit),
    ("isdecimal", sm::isdecimal),
    ("isnumeric", sm::isnumeric),
    ("isalpha", sm::isalpha),
    ("isspace", sm::isspace),
    ("isalnum", sm::isalnum),
    ("isupper", sm::isupper),
    ("islower", sm::islower),
    ("istitle", sm::istitle),
    ("isascii", sm::isascii),
    ("isprintable", sm::isprintable),
    ("isidentifier", sm::isidentifier),
    ("title", sm::title),
    ("capitalize", sm::capitalize),
    ("swapcase", sm::swapcase),
    ("casefold", sm::casefold),
    ("center", sm::center),
    ("ljust", sm::ljust),
    ("rjust", sm::rjust),
    ("zfill", sm::zfill),
    ("splitlines", sm::splitlines),
    ("partition", sm::partition),
    ("rpartition", sm::rpartition),
    ("expandtabs", sm::expandtabs),
    ("removeprefix", sm::removeprefix),
    ("removesuffix", sm::removesuffix),
    ("translate", sm::translate),
    ("maketrans", sm::maketrans),
    ("format", sm::format),
    ("format_map", sm::format_map),
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
    ("fromkeys", dict_fromkeys),
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
const INT: Table = &[
    ("bit_length", int_bit_length),
    ("bit_count", int_bit_count),
    ("conjugate", num_conjugate),
    ("as_integer_ratio", int_as_integer_ratio),
    ("is_integer", int_is_integer),
];
const FLOAT: Table = &[
    ("is_integer", float_is_integer),
    ("conjugate", num_conjugate),
    ("as_integer_ratio", float_as_integer_ratio),
];

/// Methods that take the class, not an instance (`dict.fromkeys`, `str.maketrans`):
/// looked up on the type they are bound to it, and their first argument is ignored.
const CLASS_METHODS: &[&str] = &["fromkeys", "maketrans"];

/// The instance tag and table of the builtin type `t`, if it has methods.
fn table_of_type(k: TypeKind) -> Option<(u8, Table)> {
    Some(match k {
        TypeKind::Str => (6, STR),
        TypeKind::List => (7, LIST),
        TypeKind::Tuple => (8, TUPLE),
        TypeKind::Dict => (9, DICT),
        TypeKind::Int | TypeKind::Bool => (3, INT),
        TypeKind::Float => (4, FLOAT),
        TypeKind::Set => (19, SET),
        TypeKind::FrozenSet => (20, FROZENSET),
        _ => return None,
    })
}

/// The `owner` of unbound method objects (`str.lower`); see `unbound_call`.
pub const UNBOUND: &str = "\0unbound";

/// An attribute of a builtin type object: `str.lower` (an unbound method that checks
/// its first argument's type), `dict.fromkeys` (bound to the type).
pub fn type_attr(vm: &mut Vm, t: crate::gc::Gc<TypeObj>, name: &str) -> Option<Value> {
    let (tag, table) = table_of_type(t.kind)?;
    let (mname, func) = *table.iter().find(|(n, _)| *n == name)?;
    if CLASS_METHODS.contains(&name) {
        return Some(Value::Builtin(vm.heap.alloc(BuiltinObj {
            name: mname,
            func,
            bound: Some(Value::Type(t)),
            owner: None,
        })));
    }
    let inner = *vm.methods.get(&(tag, mname))?;
    let marker = vm.new_tuple(vec![Value::Type(t), inner]);
    Some(Value::Builtin(vm.heap.alloc(BuiltinObj {
        name: mname,
        func: unbound_call,
        bound: Some(marker),
        owner: Some(UNBOUND),
    })))
}

/// Calls an unbound method: `args[0]` is the `(type, method)` marker, `args[1]` must
/// be an instance of the type.
fn unbound_call(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let Value::Tuple(m) = args[0] else {
        unreachable!("unbound method marker")
    };
    let (Value::Type(t), Value::Builtin(inner)) = (m.items[0], m.items[1]) else {
        unreachable!("unbound method marker")
    };
    let Some(&this) = args.get(1) else {
        return Err(vm.type_error(format!(
            "unbound method {}.{}() needs an argument",
            t.name, inner.name
        )));
    };
    let tt = crate::builtins::type_of(vm, &this);
    if !TypeObj::is_subtype(tt, t) {
        return Err(vm.type_error(format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            inner.name,
            t.name,
            this.type_name()
        )));
    }
    (inner.func)(vm, &args[1..], kw)
}

/// Data attributes of builtin values (`(3).real`, `x.imag`, `f.numerator`).
pub fn value_attr(vm: &mut Vm, obj: Value, name: &str) -> Option<Value> {
    match (obj, name) {
        (Value::Int(_) | Value::BigInt(_), "real" | "numerator") => Some(obj),
        (Value::Bool(b), "real" | "numerator") => Some(Value::Int(b as i64)),
        (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), "imag") => Some(Value::Int(0)),
        (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), "denominator") => Some(Value::Int(1)),
        (Value::Float(_), "real") => Some(obj),
        (Value::Float(_), "imag") => Some(Value::Float(0.0)),
        (_, "__class__") => Some(Value::Type(crate::builtins::type_of(vm, &obj))),
        (Value::Slice(s), "start") => Some(s.start),
        (Value::Slice(s), "stop") => Some(s.stop),
        (Value::Slice(s), "step") => Some(s.step),
        (Value::Range(r), "start" | "stop" | "step") if r.big.is_none() => {
            Some(Value::Int(match name {
                "start" => r.start,
                "stop" => r.stop,
                _ => r.step,
            }))
        }
        (Value::Range(r), "start" | "stop" | "step") => {
            let b = r.as_big();
            let v = match name {
                "start" => b.start,
                "stop" => b.stop,
                _ => b.step,
            };
            Some(vm.new_int(v))
        }
        _ => None,
    }
}

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
    let tables = tables
        .into_iter()
        .chain([(24u8, "generator", crate::generator::methods::TABLE)]);
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

/// A method without arguments: `dict.keys()`, `list.copy()`.
fn noargs(vm: &mut Vm, qualname: &str, args: &[Value], kw: KwArgs) -> PyResult<()> {
    no_kw(vm, qualname, kw)?;
    if args.len() > 1 {
        return Err(vm.type_error(format!(
            "{qualname}() takes no arguments ({} given)",
            args.len() - 1
        )));
    }
    Ok(())
}

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
    let items = l.items();
    if items.len() == items.capacity() {
        vm.heap.note_alloc(items.capacity().max(4) * 16);
    }
    l.push(args[1]);
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
        let n = args.len() - 1;
        return Err(vm.type_error(if n < 1 {
            format!("index expected at least 1 argument, got {n}")
        } else {
            format!("index expected at most 3 arguments, got {n}")
        }));
    }
    let n = items.len() as i64;
    let clamp = |i: i64| -> usize {
        let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
        j as usize
    };
    let idx = |vm: &mut Vm, v: Value| -> PyResult<i64> {
        match v {
            Value::Int(i) => Ok(i),
            Value::Bool(b) => Ok(b as i64),
            Value::BigInt(b) => Ok(if b.value.sign() == num_bigint::Sign::Minus {
                i64::MIN
            } else {
                i64::MAX
            }),
            _ => Err(vm.type_error("slice indices must be integers or have an __index__ method")),
        }
    };
    let start = match args.get(2) {
        Some(v) => clamp(idx(vm, *v)?),
        None => 0,
    };
    let stop = match args.get(3) {
        Some(v) => clamp(idx(vm, *v)?),
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
    noargs(vm, "list.copy", args, kw)?;
    let items = this_list(args).items().clone();
    Ok(vm.new_list(items))
}

fn list_clear(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    noargs(vm, "list.clear", args, kw)?;
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

fn int_bit_count(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "int.bit_count", kw)?;
    arity(vm, "int.bit_count", &args[1..], 0, 0)?;
    let n = match args[0] {
        Value::Int(i) => i.unsigned_abs().count_ones() as i64,
        Value::Bool(b) => b as i64,
        Value::BigInt(b) => b.value.magnitude().count_ones() as i64,
        _ => unreachable!("int method"),
    };
    Ok(Value::Int(n))
}

fn num_conjugate(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "conjugate", kw)?;
    arity(vm, "conjugate", &args[1..], 0, 0)?;
    Ok(match args[0] {
        Value::Bool(b) => Value::Int(b as i64),
        v => v,
    })
}

fn int_is_integer(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "int.is_integer", kw)?;
    arity(vm, "int.is_integer", &args[1..], 0, 0)?;
    Ok(Value::Bool(true))
}

fn int_as_integer_ratio(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "int.as_integer_ratio", kw)?;
    arity(vm, "int.as_integer_ratio", &args[1..], 0, 0)?;
    let n = match args[0] {
        Value::Bool(b) => Value::Int(b as i64),
        v => v,
    };
    Ok(vm.new_tuple(vec![n, Value::Int(1)]))
}

fn float_as_integer_ratio(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "float.as_integer_ratio", kw)?;
    arity(vm, "float.as_integer_ratio", &args[1..], 0, 0)?;
    let Value::Float(f) = args[0] else {
        unreachable!("float method")
    };
    if f.is_infinite() {
        return Err(vm.err(
            ExcType::OverflowError,
            "cannot convert Infinity to integer ratio",
        ));
    }
    if f.is_nan() {
        return Err(vm.value_error("cannot convert NaN to integer ratio"));
    }
    // f = mantissa * 2**exp exactly; reduce by the common power of two.
    let bits = f.to_bits();
    let exp_bits = ((bits >> 52) & 0x7ff) as i64;
    let mut mant = (bits & ((1u64 << 52) - 1)) as i128;
    let mut exp = if exp_bits == 0 {
        -1074
    } else {
        mant |= 1i128 << 52;
        exp_bits - 1075
    };
    if mant == 0 {
        return Ok(vm.new_tuple(vec![Value::Int(0), Value::Int(1)]));
    }
    while mant & 1 == 0 && exp < 0 {
        mant >>= 1;
        exp += 1;
    }
    let mut num = num_bigint::BigInt::from(mant);
    let mut den = num_bigint::BigInt::from(1);
    if exp > 0 {
        num <<= exp as usize;
    } else {
        den <<= (-exp) as usize;
    }
    if f < 0.0 {
        num = -num;
    }
    let (n, d) = (vm.new_int(num), vm.new_int(den));
    Ok(vm.new_tuple(vec![n, d]))
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
        let n = args.len() - 1;
        return Err(vm.type_error(if n < 1 {
            format!("get expected at least 1 argument, got {n}")
        } else {
            format!("get expected at most 2 arguments, got {n}")
        }));
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
    noargs(vm, "dict.items", args, kw)?;
    view(vm, args, ViewKind::Items)
}
fn dict_keys(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    noargs(vm, "dict.keys", args, kw)?;
    view(vm, args, ViewKind::Keys)
}
fn dict_values(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    noargs(vm, "dict.values", args, kw)?;
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
    noargs(vm, "dict.copy", args, kw)?;
    let d = this_dict(args);
    let n = vm.new_dict();
    let entries: Vec<(i64, Value, Value)> =
        d.table().iter().map(|e| (e.hash, e.key, e.value)).collect();
    for (h, k, v) in entries {
        n.table_mut().push_new(h, k, v);
    }
    Ok(Value::Dict(n))
}

/// `dict.fromkeys(iterable, value=None)` (a class method: `args[0]` is ignored).
fn dict_fromkeys(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "dict.fromkeys", kw)?;
    if args.len() < 2 || args.len() > 3 {
        let n = args.len() - 1;
        return Err(vm.type_error(if n < 1 {
            format!("fromkeys expected at least 1 argument, got {n}")
        } else {
            format!("fromkeys expected at most 2 arguments, got {n}")
        }));
    }
    let value = args.get(2).copied().unwrap_or(Value::None);
    let keys = ops::collect_iter(vm, args[1])?;
    let d = vm.new_dict();
    for k in keys {
        ops::dict_set(vm, d, k, value)?;
    }
    Ok(Value::Dict(d))
}

fn dict_clear(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    noargs(vm, "dict.clear", args, kw)?;
    this_dict(args).table_mut().clear();
    Ok(Value::None)
}

fn dict_popitem(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    noargs(vm, "dict.popitem", args, kw)?;
    let d = this_dict(args);
    match d.table_mut().pop_last() {
        Some(e) => Ok(vm.new_tuple(vec![e.key, e.value])),
        None => Err(vm.err(ExcType::KeyError, "popitem(): dictionary is empty")),
    }
}
