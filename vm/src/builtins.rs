//! Builtins: the builtin type objects, the builtin functions (`print`, `len`, ...),
//! type constructors (`int(...)`, `list(...)`, exception classes), `format()` and
//! `%`-formatting. Methods of builtin types live in `methods.rs`.

use crate::error::{ExcType, PyErr};
use crate::gc::{Gc, Heap};
use crate::interp::{Types, Vm};
use crate::num::{self, IntRef};
use crate::object::*;
use crate::ops::{self, int_ref};
use crate::repr;
use crate::value::Value;
use std::io::Write;

// -- Argument helpers -------------------------------------------------------------------

/// Rejects keyword arguments for a builtin that takes none.
pub fn no_kw(vm: &mut Vm, name: &str, kw: KwArgs) -> PyResult<()> {
    if !kw.is_empty() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    Ok(())
}

/// Checks the positional argument count with CPython's messages.
pub fn arity(vm: &mut Vm, name: &str, args: &[Value], min: usize, max: usize) -> PyResult<()> {
    let n = args.len();
    if n >= min && n <= max {
        return Ok(());
    }
    let msg = if min == max {
        match min {
            0 => format!("{name}() takes no arguments ({n} given)"),
            1 => format!("{name}() takes exactly one argument ({n} given)"),
            _ => format!("{name} expected {min} arguments, got {n}"),
        }
    } else if n < min {
        format!(
            "{name} expected at least {min} argument{}, got {n}",
            if min == 1 { "" } else { "s" }
        )
    } else {
        format!(
            "{name} expected at most {max} argument{}, got {n}",
            if max == 1 { "" } else { "s" }
        )
    };
    Err(vm.type_error(msg))
}

/// Looks up a keyword argument.
pub fn kwarg(kw: KwArgs, name: &str) -> Option<Value> {
    kw.iter().find(|(k, _)| k.as_str() == name).map(|(_, v)| *v)
}

/// Rejects keyword arguments outside `allowed`.
pub fn only_kw(vm: &mut Vm, fname: &str, kw: KwArgs, allowed: &[&str]) -> PyResult<()> {
    for (k, _) in kw {
        if !allowed.contains(&k.as_str()) {
            return Err(vm.type_error(format!(
                "'{}' is an invalid keyword argument for {fname}()",
                k.as_str()
            )));
        }
    }
    Ok(())
}

/// An argument that must be an int fitting i64.
pub fn arg_i64(vm: &mut Vm, v: Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(i),
        Value::Bool(b) => Ok(b as i64),
        Value::BigInt(_) => Err(vm.err(
            ExcType::OverflowError,
            "Python int too large to convert to C ssize_t",
        )),
        other => {
            if let Some(i) = crate::classes::user_index(vm, other)? {
                return arg_i64(vm, i);
            }
            Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                other.type_name()
            )))
        }
    }
}

// -- Types ------------------------------------------------------------------------------

/// Creates every builtin type object.
pub fn make_types(heap: &mut Heap) -> Types {
    let object = heap.alloc(TypeObj::builtin("object", TypeKind::Object, None));
    let mut by_kind = vec![(TypeKind::Object, object)];
    let simple = [
        (TypeKind::NoneType, "NoneType"),
        (TypeKind::Int, "int"),
        (TypeKind::Float, "float"),
        (TypeKind::Str, "str"),
        (TypeKind::List, "list"),
        (TypeKind::Tuple, "tuple"),
        (TypeKind::Dict, "dict"),
        (TypeKind::Range, "range"),
        (TypeKind::Function, "function"),
        (TypeKind::BuiltinFunction, "builtin_function_or_method"),
        (TypeKind::Type, "type"),
        (TypeKind::Module, "module"),
        (TypeKind::Slice, "slice"),
        (TypeKind::Enumerate, "enumerate"),
        (TypeKind::Zip, "zip"),
        (TypeKind::Reversed, "reversed"),
        (TypeKind::Iterator, "iterator"),
        (TypeKind::DictView, "dict_keys"),
        (TypeKind::Generator, "generator"),
        (TypeKind::Method, "method"),
        (TypeKind::Cell, "cell"),
        (TypeKind::StaticMethod, "staticmethod"),
        (TypeKind::ClassMethod, "classmethod"),
        (TypeKind::Property, "property"),
        (TypeKind::Super, "super"),
        (TypeKind::NotImplementedType, "NotImplementedType"),
        (TypeKind::Set, "set"),
        (TypeKind::FrozenSet, "frozenset"),
        (TypeKind::Map, "map"),
        (TypeKind::Filter, "filter"),
        (TypeKind::DictView, "dict_values"),
        (TypeKind::DictView, "dict_items"),
        (TypeKind::Iterator, "list_iterator"),
        (TypeKind::Iterator, "tuple_iterator"),
        (TypeKind::Iterator, "str_ascii_iterator"),
        (TypeKind::Iterator, "str_iterator"),
        (TypeKind::Iterator, "range_iterator"),
        (TypeKind::Iterator, "longrange_iterator"),
        (TypeKind::Iterator, "list_reverseiterator"),
        (TypeKind::Iterator, "set_iterator"),
        (TypeKind::Iterator, "dict_keyiterator"),
        (TypeKind::Iterator, "dict_valueiterator"),
        (TypeKind::Iterator, "dict_itemiterator"),
    ];
    for (k, n) in simple {
        let t = heap.alloc(TypeObj::builtin(n, k, Some(object)));
        by_kind.push((k, t));
    }
    let int_t = by_kind
        .iter()
        .find(|(k, _)| *k == TypeKind::Int)
        .map(|(_, t)| *t);
    let bool_t = heap.alloc(TypeObj::builtin("bool", TypeKind::Bool, int_t));
    by_kind.push((TypeKind::Bool, bool_t));
    let mut exc: Vec<Gc<TypeObj>> = Vec::with_capacity(ExcType::ALL.len());
    for &e in ExcType::ALL {
        let base = match e.parent() {
            Some(p) => exc[p as usize],
            None => object,
        };
        debug_assert_eq!(exc.len(), e as usize);
        exc.push(heap.alloc(TypeObj::builtin(
            e.name(),
            TypeKind::Exception(e),
            Some(base),
        )));
    }
    Types { by_kind, exc }
}

/// The type object of a value.
pub fn type_of(vm: &Vm, v: &Value) -> Gc<TypeObj> {
    let k = match v {
        Value::None | Value::Undef => TypeKind::NoneType,
        Value::Bool(_) => TypeKind::Bool,
        Value::Int(_) | Value::BigInt(_) => TypeKind::Int,
        Value::Float(_) => TypeKind::Float,
        Value::Str(_) => TypeKind::Str,
        Value::List(_) => TypeKind::List,
        Value::Tuple(_) => TypeKind::Tuple,
        Value::Dict(_) => TypeKind::Dict,
        Value::Range(_) => TypeKind::Range,
        Value::Func(_) => TypeKind::Function,
        Value::Builtin(_) => TypeKind::BuiltinFunction,
        Value::Iter(it) => match it.state() {
            IterState::Enumerate { .. } => TypeKind::Enumerate,
            IterState::Zip { .. } => TypeKind::Zip,
            IterState::Map { .. } => TypeKind::Map,
            IterState::Filter { .. } => TypeKind::Filter,
            IterState::Reversed {
                seq: Value::Tuple(_),
                ..
            } => TypeKind::Reversed,
            _ => {
                // Iterator types are created on first use, one per name.
                let name = it.type_name();
                if let Some((_, t)) = vm
                    .types
                    .by_kind
                    .iter()
                    .find(|(k, t)| *k == TypeKind::Iterator && t.name == name)
                {
                    return *t;
                }
                TypeKind::Iterator
            }
        },
        Value::Type(_) => TypeKind::Type,
        Value::Exc(e) => return e.ty,
        Value::Module(_) => TypeKind::Module,
        Value::DictView(dv) => {
            let name = dv.kind.type_name();
            if let Some((_, t)) = vm
                .types
                .by_kind
                .iter()
                .find(|(k, t)| *k == TypeKind::DictView && t.name == name)
            {
                return *t;
            }
            TypeKind::DictView
        }
        Value::Slice(_) => TypeKind::Slice,
        Value::Gen(_) => TypeKind::Generator,
        Value::Instance(i) => return i.class,
        Value::BoundMethod(_) => TypeKind::Method,
        Value::Cell(_) => TypeKind::Cell,
        Value::Descr(d) => d.type_kind(),
        Value::Set(_) => TypeKind::Set,
        Value::FrozenSet(_) => TypeKind::FrozenSet,
    };
    vm.types.get(k)
}

/// Installs the builtins namespace.
pub fn install(vm: &mut Vm) {
    let funcs: &[(&'static str, NativeFn)] = &[
        ("print", bi_print),
        ("len", bi_len),
        ("abs", bi_abs),
        ("min", bi_min),
        ("max", bi_max),
        ("sum", bi_sum),
        ("repr", bi_repr),
        ("ascii", bi_ascii),
        ("isinstance", bi_isinstance),
        ("issubclass", bi_issubclass),
        ("chr", bi_chr),
        ("ord", bi_ord),
        ("divmod", bi_divmod),
        ("pow", bi_pow),
        ("round", bi_round),
        ("hash", bi_hash),
        ("sorted", bi_sorted),
        ("any", bi_any),
        ("all", bi_all),
        ("iter", bi_iter),
        ("next", bi_next),
        ("format", bi_format),
        ("hex", bi_hex),
        ("oct", bi_oct),
        ("bin", bi_bin),
        ("id", bi_id),
        ("callable", bi_callable),
    ];
    for &(name, f) in funcs {
        let v = vm.new_builtin(name, f);
        vm.builtins.insert(name, v);
    }
    let types: Vec<(TypeKind, &'static str)> = vec![
        (TypeKind::Int, "int"),
        (TypeKind::Float, "float"),
        (TypeKind::Str, "str"),
        (TypeKind::Bool, "bool"),
        (TypeKind::List, "list"),
        (TypeKind::Tuple, "tuple"),
        (TypeKind::Dict, "dict"),
        (TypeKind::Range, "range"),
        (TypeKind::Type, "type"),
        (TypeKind::Object, "object"),
        (TypeKind::Slice, "slice"),
        (TypeKind::Enumerate, "enumerate"),
        (TypeKind::Zip, "zip"),
        (TypeKind::Reversed, "reversed"),
        (TypeKind::Set, "set"),
        (TypeKind::FrozenSet, "frozenset"),
        (TypeKind::Map, "map"),
        (TypeKind::Filter, "filter"),
    ];
    for (k, name) in types {
        let t = vm.types.get(k);
        vm.builtins.insert(name, Value::Type(t));
    }
    for &e in ExcType::ALL {
        let t = vm.types.exc[e as usize];
        vm.builtins.insert(e.name(), Value::Type(t));
    }
    crate::methods::install(vm);
    crate::classes::install(vm);
}

/// Finds a builtin method of `obj`'s type.
pub fn find_method(vm: &Vm, obj: &Value, name: &str) -> Option<Value> {
    crate::methods::find(vm, obj, name)
}

// -- Builtin functions ----------------------------------------------------------------

fn bi_print(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    only_kw(vm, "print", kw, &["sep", "end", "file", "flush"])?;
    let sep = match kwarg(kw, "sep") {
        None | Some(Value::None) => " ".to_string(),
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(other) => {
            return Err(vm.type_error(format!(
                "sep must be None or a string, not {}",
                other.type_name()
            )))
        }
    };
    let end = match kwarg(kw, "end") {
        None | Some(Value::None) => "\n".to_string(),
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(other) => {
            return Err(vm.type_error(format!(
                "end must be None or a string, not {}",
                other.type_name()
            )))
        }
    };
    let to_stderr = matches!(kwarg(kw, "file"), Some(Value::Module(m)) if m.name == "stderr");
    let mut out = String::new();
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        match a {
            Value::Str(s) => out.push_str(s.as_str()),
            _ => match repr::str_of(vm, *a) {
                Ok(s) => out.push_str(&s),
                Err(e) => {
                    // CPython writes each piece as it goes: what came before the
                    // failing argument is already out.
                    if to_stderr {
                        vm.flush();
                        let _ = std::io::stderr().write_all(out.as_bytes());
                    } else {
                        let _ = vm.out.write_all(out.as_bytes());
                    }
                    return Err(e);
                }
            },
        }
    }
    out.push_str(&end);
    if to_stderr {
        vm.flush();
        let _ = std::io::stderr().write_all(out.as_bytes());
    } else {
        let _ = vm.out.write_all(out.as_bytes());
        if matches!(kwarg(kw, "flush"), Some(Value::Bool(true))) {
            vm.flush();
        }
    }
    Ok(Value::None)
}

/// `len(v)`.
pub fn len_of(vm: &mut Vm, v: Value) -> PyResult<usize> {
    Ok(match v {
        Value::Str(s) => s.char_len(),
        Value::List(l) => l.len(),
        Value::Tuple(t) => t.items.len(),
        Value::Dict(d) => d.table().len(),
        Value::DictView(d) => d.dict.table().len(),
        Value::Instance(_) | Value::Exc(_) if crate::classes::is_user(&v) => {
            return crate::classes::user_len(vm, v)
        }
        Value::Set(s) | Value::FrozenSet(s) => s.len(),
        Value::Range(r) => match &r.big {
            None => r.len() as usize,
            Some(b) => {
                use num_traits::ToPrimitive;
                match b.len().to_i64() {
                    Some(n) => n as usize,
                    None => {
                        return Err(vm.err(
                            ExcType::OverflowError,
                            "Python int too large to convert to C ssize_t",
                        ))
                    }
                }
            }
        },
        other => {
            return Err(vm.type_error(format!(
                "object of type '{}' has no len()",
                other.type_name()
            )))
        }
    })
}

fn bi_len(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "len", kw)?;
    arity(vm, "len", args, 1, 1)?;
    Ok(Value::Int(len_of(vm, args[0])? as i64))
}

fn bi_abs(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "abs", kw)?;
    arity(vm, "abs", args, 1, 1)?;
    match args[0] {
        Value::Float(f) => Ok(Value::Float(f.abs())),
        v => match int_ref(&v) {
            Some(i) => {
                let r = num::abs(i);
                Ok(vm.int(r))
            }
            None => {
                if let Some(r) = crate::classes::unary_op(vm, v, "__abs__")? {
                    return Ok(r);
                }
                Err(vm.type_error(format!("bad operand type for abs(): '{}'", v.type_name())))
            }
        },
    }
}

fn min_max(vm: &mut Vm, args: &[Value], kw: KwArgs, name: &str, want: ops::Cmp) -> PyResult<Value> {
    only_kw(vm, name, kw, &["key", "default"])?;
    let key = kwarg(kw, "key").filter(|k| !k.is_none());
    let default = kwarg(kw, "default");
    let items = match args.len() {
        0 => return Err(vm.type_error(format!("{name} expected at least 1 argument, got 0"))),
        1 => ops::collect_iter(vm, args[0])?,
        _ => {
            if default.is_some() {
                return Err(vm.type_error(format!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                )));
            }
            args.to_vec()
        }
    };
    if items.is_empty() {
        return match default {
            Some(d) => Ok(d),
            None => Err(vm.value_error(format!("{name}() arg is an empty sequence"))),
        };
    }
    let mark = vm.temp_roots.len();
    vm.temp_roots.extend_from_slice(&items);
    let result = (|| {
        let mut best = items[0];
        let mut best_key = match key {
            Some(k) => vm.call_value(k, &[best], &[])?,
            None => best,
        };
        vm.temp_roots.push(best_key);
        for &x in &items[1..] {
            let xk = match key {
                Some(k) => vm.call_value(k, &[x], &[])?,
                None => x,
            };
            vm.temp_roots.push(xk);
            if ops::compare(vm, xk, best_key, want)?.is(&Value::Bool(true)) {
                best = x;
                best_key = xk;
            }
        }
        Ok(best)
    })();
    vm.temp_roots.truncate(mark);
    result
}

fn bi_min(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    min_max(vm, args, kw, "min", ops::Cmp::Lt)
}

fn bi_max(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    min_max(vm, args, kw, "max", ops::Cmp::Gt)
}

fn bi_sum(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    only_kw(vm, "sum", kw, &["start"])?;
    if args.is_empty() {
        return Err(vm.type_error("sum() takes at least 1 positional argument (0 given)"));
    }
    if args.len() > 2 {
        return Err(vm.type_error(format!(
            "sum() takes at most 2 arguments ({} given)",
            args.len()
        )));
    }
    let mut acc = args
        .get(1)
        .copied()
        .or(kwarg(kw, "start"))
        .unwrap_or(Value::Int(0));
    match acc {
        Value::Str(_) => {
            return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]"))
        }
        Value::List(_) | Value::Tuple(_) => {}
        _ => {}
    }
    let items = ops::collect_iter(vm, args[0])?;
    for x in items {
        acc = match (acc, x) {
            (Value::Int(a), Value::Int(b)) => match a.checked_add(b) {
                Some(s) => Value::Int(s),
                None => ops::add(vm, acc, x)?,
            },
            (Value::Float(a), Value::Float(b)) => Value::Float(a + b),
            _ => ops::add(vm, acc, x)?,
        };
    }
    Ok(acc)
}

fn bi_repr(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "repr", kw)?;
    arity(vm, "repr", args, 1, 1)?;
    let s = repr::repr(vm, args[0])?;
    Ok(vm.new_str(s))
}

fn bi_ascii(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "ascii", kw)?;
    arity(vm, "ascii", args, 1, 1)?;
    let s = repr::ascii(vm, args[0])?;
    Ok(vm.new_str(s))
}

fn class_check(vm: &mut Vm, t: Gc<TypeObj>, cls: Value, fname: &str) -> PyResult<bool> {
    match cls {
        Value::Type(c) => Ok(TypeObj::is_subtype(t, c)),
        Value::Tuple(ts) => {
            for c in ts.items.iter() {
                if class_check(vm, t, *c, fname)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => Err(vm.type_error(format!(
            "{fname}() arg 2 must be a type, a tuple of types, or a union"
        ))),
    }
}

fn bi_isinstance(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "isinstance", kw)?;
    arity(vm, "isinstance", args, 2, 2)?;
    let t = type_of(vm, &args[0]);
    Ok(Value::Bool(class_check(vm, t, args[1], "isinstance")?))
}

fn bi_issubclass(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "issubclass", kw)?;
    arity(vm, "issubclass", args, 2, 2)?;
    let Value::Type(t) = args[0] else {
        return Err(vm.type_error("issubclass() arg 1 must be a class"));
    };
    Ok(Value::Bool(class_check(vm, t, args[1], "issubclass")?))
}

fn bi_chr(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "chr", kw)?;
    arity(vm, "chr", args, 1, 1)?;
    let i = match args[0] {
        Value::Int(i) => i,
        Value::Bool(b) => b as i64,
        Value::BigInt(_) => {
            return Err(vm.err(
                ExcType::OverflowError,
                "Python int too large to convert to C int",
            ))
        }
        other => {
            return Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                other.type_name()
            )))
        }
    };
    match u32::try_from(i).ok().and_then(char::from_u32) {
        Some(c) => Ok(vm.char_str(c)),
        None if (0..0x110000).contains(&i) => {
            Err(vm.value_error("surrogate code points are not supported by tvm"))
        }
        None => Err(vm.value_error("chr() arg not in range(0x110000)")),
    }
}

fn bi_ord(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "ord", kw)?;
    arity(vm, "ord", args, 1, 1)?;
    match args[0] {
        Value::Str(s) => {
            if s.char_len() != 1 {
                return Err(vm.type_error(format!(
                    "ord() expected a character, but string of length {} found",
                    s.char_len()
                )));
            }
            Ok(Value::Int(s.char_at(0) as i64))
        }
        other => Err(vm.type_error(format!(
            "ord() expected string of length 1, but {} found",
            other.type_name()
        ))),
    }
}

fn bi_divmod(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "divmod", kw)?;
    arity(vm, "divmod", args, 2, 2)?;
    let (a, b) = (args[0], args[1]);
    let numeric = |v: &Value| {
        matches!(
            v,
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Float(_)
        )
    };
    if !numeric(&a) || !numeric(&b) {
        if let Some(r) = crate::classes::user_divmod(vm, a, b)? {
            return Ok(r);
        }
        return Err(vm.type_error(format!(
            "unsupported operand type(s) for divmod(): '{}' and '{}'",
            a.type_name(),
            b.type_name()
        )));
    }
    // One division, not two (`//` then `%` would divide twice).
    if let (Some(x), Some(y)) = (int_ref(&a), int_ref(&b)) {
        let (q, r) = num::divmod(x, y).map_err(|e| vm.num_err(e))?;
        let (q, r) = (vm.int(q), vm.int(r));
        return Ok(vm.new_tuple(vec![q, r]));
    }
    let q = ops::floordiv(vm, a, b)?;
    let r = ops::modulo(vm, a, b)?;
    Ok(vm.new_tuple(vec![q, r]))
}

fn bi_pow(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    only_kw(vm, "pow", kw, &["base", "exp", "mod"])?;
    let a = args.first().copied().or(kwarg(kw, "base"));
    let b = args.get(1).copied().or(kwarg(kw, "exp"));
    let m = args
        .get(2)
        .copied()
        .or(kwarg(kw, "mod"))
        .filter(|v| !v.is_none());
    let (Some(a), Some(b)) = (a, b) else {
        return Err(vm.type_error("pow() missing required argument 'exp' (pos 2)".to_string()));
    };
    match m {
        None => ops::pow(vm, a, b),
        Some(m) => match (int_ref(&a), int_ref(&b), int_ref(&m)) {
            (Some(x), Some(y), Some(z)) => match num::pow_mod(x, y, z) {
                Ok(i) => Ok(vm.int(i)),
                Err(e) => Err(vm.num_err(e)),
            },
            _ if [a, b, m].iter().all(|v| {
                matches!(
                    v,
                    Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Float(_)
                )
            }) =>
            {
                Err(vm
                    .type_error("pow() 3rd argument not allowed unless all arguments are integers"))
            }
            _ => Err(vm.type_error(format!(
                "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
                a.type_name(),
                b.type_name(),
                m.type_name()
            ))),
        },
    }
}

fn bi_round(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    only_kw(vm, "round", kw, &["number", "ndigits"])?;
    let x = args.first().copied().or(kwarg(kw, "number"));
    let nd = args
        .get(1)
        .copied()
        .or(kwarg(kw, "ndigits"))
        .filter(|v| !v.is_none());
    let Some(x) = x else {
        return Err(vm.type_error("round() missing required argument 'number' (pos 1)"));
    };
    let nd = match nd {
        None => None,
        Some(v) => Some(match v {
            Value::Int(i) => i,
            Value::Bool(b) => b as i64,
            Value::BigInt(b) => {
                if b.value.sign() == num_bigint::Sign::Minus {
                    i64::MIN
                } else {
                    i64::MAX
                }
            }
            other => {
                return Err(vm.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    other.type_name()
                )))
            }
        }),
    };
    match x {
        Value::Float(f) => match num::float_round(f, nd) {
            Ok(num::Num::Float(r)) => Ok(Value::Float(r)),
            Ok(num::Num::Int(i)) => Ok(vm.int(i)),
            Err(e) => Err(vm.num_err(e)),
        },
        v => match int_ref(&v) {
            Some(i) => match nd {
                None => Ok(match v {
                    Value::Bool(b) => Value::Int(b as i64),
                    _ => v,
                }),
                Some(n) => {
                    let r = num::int_round(i, Some(n));
                    Ok(vm.int(r))
                }
            },
            None => {
                let nd_arg = args
                    .get(1)
                    .copied()
                    .or(kwarg(kw, "ndigits"))
                    .filter(|v| !v.is_none());
                if let Some(r) = crate::classes::user_round(vm, v, nd_arg)? {
                    return Ok(r);
                }
                Err(vm.type_error(format!(
                    "type {} doesn't define __round__ method",
                    v.type_name()
                )))
            }
        },
    }
}

fn bi_hash(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "hash", kw)?;
    arity(vm, "hash", args, 1, 1)?;
    Ok(Value::Int(ops::hash(vm, args[0])?))
}

/// Sorts `items` (by `keys` when given) with CPython's timsort (`sort.rs`), using only
/// `<`; a failing comparison propagates its exception. With `reverse`, like CPython:
/// reverse, sort stably, reverse back (equal items keep their order).
pub fn sort_values(
    vm: &mut Vm,
    items: &mut Vec<Value>,
    keys: Option<Vec<Value>>,
    reverse: bool,
) -> PyResult<()> {
    let n = items.len();
    if n < 2 {
        return Ok(());
    }
    let keys = keys.unwrap_or_else(|| items.clone());
    let mut idx: Vec<usize> = (0..n).collect();
    if reverse {
        idx.reverse();
    }
    let mut less = |a: usize, b: usize| -> PyResult<bool> {
        let (x, y) = (keys[a], keys[b]);
        match (x, y) {
            (Value::Int(p), Value::Int(q)) => Ok(p < q),
            (Value::Float(p), Value::Float(q)) => Ok(p < q),
            _ => Ok(matches!(
                ops::compare(vm, x, y, ops::Cmp::Lt)?,
                Value::Bool(true)
            )),
        }
    };
    crate::sort::timsort(&mut idx, &mut less)?;
    if reverse {
        idx.reverse();
    }
    let sorted: Vec<Value> = idx.iter().map(|&i| items[i]).collect();
    *items = sorted;
    Ok(())
}

/// Sorts `items` in place with optional key function and reverse flag.
pub fn sort_with(
    vm: &mut Vm,
    items: &mut Vec<Value>,
    key: Option<Value>,
    reverse: bool,
) -> PyResult<()> {
    let mark = vm.temp_roots.len();
    vm.temp_roots.extend_from_slice(items);
    let r = (|| {
        let keys = match key {
            None => None,
            Some(k) => {
                let mut ks = Vec::with_capacity(items.len());
                for &x in items.iter() {
                    let kv = vm.call_value(k, &[x], &[])?;
                    vm.temp_roots.push(kv);
                    ks.push(kv);
                }
                Some(ks)
            }
        };
        sort_values(vm, items, keys, reverse)
    })();
    vm.temp_roots.truncate(mark);
    r
}

fn bi_sorted(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    only_kw(vm, "sort", kw, &["key", "reverse"])?;
    if args.len() != 1 {
        return Err(vm.type_error(format!("sorted expected 1 argument, got {}", args.len())));
    }
    let mut items = ops::collect_iter(vm, args[0])?;
    let key = kwarg(kw, "key").filter(|k| !k.is_none());
    let reverse = match kwarg(kw, "reverse") {
        Some(v) => ops::truthy(vm, v)?,
        None => false,
    };
    sort_with(vm, &mut items, key, reverse)?;
    Ok(vm.new_list(items))
}

fn bi_any(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "any", kw)?;
    arity(vm, "any", args, 1, 1)?;
    any_all(vm, args[0], true)
}

fn bi_all(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "all", kw)?;
    arity(vm, "all", args, 1, 1)?;
    any_all(vm, args[0], false)
}

/// `any` (stop at the first true item) or `all` (stop at the first false one).
fn any_all(vm: &mut Vm, src: Value, stop_at: bool) -> PyResult<Value> {
    let it = ops::get_iter(vm, src)?;
    // `next` and truth may run Python code (and collect): root the iterator.
    vm.temp_roots.push(Value::Iter(it));
    let r = (|| {
        while let Some(x) = ops::iter_next(vm, it)? {
            if ops::truthy(vm, x)? == stop_at {
                return Ok(Value::Bool(stop_at));
            }
        }
        Ok(Value::Bool(!stop_at))
    })();
    vm.temp_roots.pop();
    r
}

fn bi_iter(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "iter", kw)?;
    arity(vm, "iter", args, 1, 1)?;
    if let Value::Gen(_) = args[0] {
        return Ok(args[0]);
    }
    if crate::classes::is_user(&args[0]) {
        if let Some(it) = crate::classes::user_iter(vm, args[0])? {
            return Ok(it);
        }
    }
    Ok(Value::Iter(ops::get_iter(vm, args[0])?))
}

fn bi_next(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "next", kw)?;
    arity(vm, "next", args, 1, 2)?;
    if crate::classes::is_user(&args[0]) {
        return crate::classes::user_next_builtin(vm, args[0], args.get(1).copied());
    }
    let next = match args[0] {
        Value::Iter(it) => ops::iter_next(vm, it)?,
        Value::Gen(g) => match vm.gen_resume(g, Value::None, None)? {
            crate::generator::GenResult::Yield(v) => Some(v),
            crate::generator::GenResult::Return(v) => {
                return match args.get(1) {
                    Some(d) => Ok(*d),
                    None => Err(vm.stop_iteration(v)),
                };
            }
        },
        _ => {
            return Err(vm.type_error(format!(
                "'{}' object is not an iterator",
                args[0].type_name()
            )))
        }
    };
    match next {
        Some(v) => Ok(v),
        None => match args.get(1) {
            Some(d) => Ok(*d),
            None => Err(vm.err_args(ExcType::StopIteration, vec![])),
        },
    }
}

fn bi_format(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "format", kw)?;
    arity(vm, "format", args, 1, 2)?;
    let spec = match args.get(1) {
        None => String::new(),
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(other) => {
            return Err(vm.type_error(format!(
                "format() argument 2 must be str, not {}",
                other.type_name()
            )))
        }
    };
    let s = format(vm, args[0], &spec)?;
    Ok(vm.new_str(s))
}

fn radix(vm: &mut Vm, args: &[Value], kw: KwArgs, name: &str, spec: &str) -> PyResult<Value> {
    no_kw(vm, name, kw)?;
    arity(vm, name, args, 1, 1)?;
    if let Some(i) = crate::classes::user_index(vm, args[0])? {
        let s = format(vm, i, spec)?;
        return Ok(vm.new_str(s));
    }
    if int_ref(&args[0]).is_none() {
        return Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            args[0].type_name()
        )));
    }
    let s = format(vm, args[0], spec)?;
    Ok(vm.new_str(s))
}

fn bi_hex(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    radix(vm, args, kw, "hex", "#x")
}
fn bi_oct(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    radix(vm, args, kw, "oct", "#o")
}
fn bi_bin(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    radix(vm, args, kw, "bin", "#b")
}

fn bi_id(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "id", kw)?;
    arity(vm, "id", args, 1, 1)?;
    let a = crate::value::addr_of(&args[0]);
    Ok(Value::Int(if a == 0 {
        // Immediates: a stable pseudo-address derived from the value.
        (ops::hash(vm, args[0]).unwrap_or(0) as u64 & 0xffff_ffff) as i64 * 16 + 0x10000
    } else {
        a as i64
    }))
}

fn bi_callable(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "callable", kw)?;
    arity(vm, "callable", args, 1, 1)?;
    Ok(Value::Bool(crate::classes::is_callable(vm, &args[0])))
}

// -- format() and %-formatting ----------------------------------------------------------

/// `format(v, spec)`.
pub fn format(vm: &mut Vm, v: Value, spec: &str) -> PyResult<String> {
    use crate::format as f;
    if let Some(s) = crate::classes::user_format(vm, v, spec)? {
        return Ok(s);
    }
    let type_name = v.type_name().to_string();
    let parse = |vm: &mut Vm| f::FormatSpec::parse(spec, &type_name).map_err(|e| vm.fmt_err(e));
    match v {
        Value::Int(i) => {
            let s = parse(vm)?;
            f::format_i64(i, &s).map_err(|e| vm.fmt_err(e))
        }
        Value::BigInt(b) => {
            let s = parse(vm)?;
            f::format_int(&b.value, &s).map_err(|e| vm.fmt_err(e))
        }
        Value::Bool(b) => {
            if spec.is_empty() {
                return Ok(if b { "True" } else { "False" }.into());
            }
            let s = parse(vm)?;
            f::format_i64(b as i64, &s).map_err(|e| vm.fmt_err(e))
        }
        Value::Float(x) => {
            let s = parse(vm)?;
            f::format_float(x, &s).map_err(|e| vm.fmt_err(e))
        }
        Value::Str(st) => {
            if spec.is_empty() {
                return Ok(st.as_str().to_string());
            }
            let s = parse(vm)?;
            f::format_str(st.as_str(), &s).map_err(|e| vm.fmt_err(e))
        }
        _ => {
            if spec.is_empty() {
                return repr::str_of(vm, v);
            }
            Err(vm.type_error(format!(
                "unsupported format string passed to {type_name}.__format__"
            )))
        }
    }
}

/// `fmt % args`. Conversions are parsed lazily so errors come in CPython's order.
pub fn percent_format(vm: &mut Vm, fmt: &str, args: Value) -> PyResult<String> {
    use crate::format as f;
    let (list, mapping): (Vec<Value>, Option<Gc<DictObj>>) = match args {
        Value::Tuple(t) => (t.items.to_vec(), None),
        Value::Dict(d) => (vec![args], Some(d)),
        other => (vec![other], None),
    };
    let mut next = 0usize;
    let mut out = String::with_capacity(fmt.len() + 16);
    let mut take = |vm: &mut Vm| -> PyResult<Value> {
        let v = list.get(next).copied();
        next += 1;
        v.ok_or_else(|| vm.fmt_err(f::not_enough_arguments()))
    };
    for piece in f::percent_pieces(fmt).with_mapping(mapping.is_some()) {
        let spec = match piece.map_err(|e| vm.fmt_err(e))? {
            f::PercentPiece::Literal(s) => {
                out.push_str(s);
                continue;
            }
            f::PercentPiece::Conv(spec) => spec,
        };
        // The mapping key is looked up first, then `*` width and precision.
        let keyed = match &spec.key {
            Some(k) => {
                let Some(d) = mapping else {
                    return Err(vm.fmt_err(f::format_requires_mapping()));
                };
                let key = vm.new_str(k.as_str());
                match ops::dict_get(vm, d, key)? {
                    Some(v) => Some(v),
                    None => return Err(vm.err_args(ExcType::KeyError, vec![key])),
                }
            }
            None => None,
        };
        let mut spec = spec.clone();
        let width = match spec.width {
            None => None,
            Some(f::PercentCount::Fixed(w)) => Some(w),
            Some(f::PercentCount::Star) => {
                let w = take(vm)?;
                let Some(b) = ops::to_bigint(&w) else {
                    return Err(vm.fmt_err(f::star_wants_int()));
                };
                let (w, left) = f::percent_star_width(&b).map_err(|e| vm.fmt_err(e))?;
                if left {
                    spec.flags.left = true;
                }
                Some(w)
            }
        };
        let prec = match spec.precision {
            None => None,
            Some(f::PercentCount::Fixed(p)) => Some(p),
            Some(f::PercentCount::Star) => {
                let p = take(vm)?;
                let Some(b) = ops::to_bigint(&p) else {
                    return Err(vm.fmt_err(f::star_wants_int()));
                };
                Some(f::percent_star_precision(&b).map_err(|e| vm.fmt_err(e))?)
            }
        };
        let v = match keyed {
            Some(v) => v,
            None => take(vm)?,
        };
        let piece = match spec.conv {
            's' | 'r' | 'a' => {
                let text = match spec.conv {
                    's' => repr::str_of(vm, v)?,
                    'r' => repr::repr(vm, v)?,
                    _ => repr::ascii(vm, v)?,
                };
                f::percent_str(&text, &spec, width, prec).map_err(|e| vm.fmt_err(e))?
            }
            'c' if matches!(v, Value::Str(_)) => {
                let Value::Str(s) = v else { unreachable!() };
                if s.char_len() != 1 {
                    return Err(vm.type_error("%c requires int or char"));
                }
                f::percent_str(s.as_str(), &spec, width, prec).map_err(|e| vm.fmt_err(e))?
            }
            'd' | 'i' | 'u' | 'x' | 'X' | 'o' | 'c' => {
                let big = match v {
                    Value::Float(x) if matches!(spec.conv, 'd' | 'i' | 'u') => {
                        match num::f64_to_int(x) {
                            Ok(i) => i.to_big(),
                            Err(e) => return Err(vm.num_err(e)),
                        }
                    }
                    _ => match ops::to_bigint(&v) {
                        Some(b) => b,
                        None => {
                            let tn = v.type_name().to_string();
                            return Err(vm.fmt_err(f::percent_type_error(spec.conv, &tn)));
                        }
                    },
                };
                f::percent_int(&big, &spec, width, prec).map_err(|e| vm.fmt_err(e))?
            }
            _ => {
                // e E f F g G
                let x = match v {
                    Value::Float(x) => x,
                    _ => match int_ref(&v) {
                        Some(i) => num::int_to_f64(i).map_err(|e| vm.num_err(e))?,
                        None => {
                            let tn = v.type_name().to_string();
                            return Err(vm.fmt_err(f::percent_type_error(spec.conv, &tn)));
                        }
                    },
                };
                f::percent_float(x, &spec, width, prec).map_err(|e| vm.fmt_err(e))?
            }
        };
        out.push_str(&piece);
    }
    if next < list.len() && mapping.is_none() {
        return Err(vm.fmt_err(f::not_all_arguments_converted()));
    }
    Ok(out)
}

// -- Type constructors ----------------------------------------------------------------

fn int_from_value(vm: &mut Vm, v: Value, base: Option<Value>) -> PyResult<Value> {
    if let Some(b) = base {
        let b = arg_i64(vm, b)?;
        let Value::Str(s) = v else {
            return Err(vm.type_error("int() can't convert non-string with explicit base"));
        };
        if !(b == 0 || (2..=36).contains(&b)) {
            return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0"));
        }
        return match num::int_from_str(s.as_str(), b as u32) {
            Ok(i) => Ok(vm.int(i)),
            Err(e) => Err(vm.num_err(e)),
        };
    }
    match v {
        Value::Int(_) | Value::BigInt(_) => Ok(v),
        Value::Bool(b) => Ok(Value::Int(b as i64)),
        Value::Float(f) => match num::f64_to_int(f) {
            Ok(i) => Ok(vm.int(i)),
            Err(e) => Err(vm.num_err(e)),
        },
        Value::Str(s) => match num::int_from_str(s.as_str(), 10) {
            Ok(i) => Ok(vm.int(i)),
            Err(e) => Err(vm.num_err(e)),
        },
        other => {
            if let Some(i) = crate::classes::user_int(vm, other)? {
                return Ok(i);
            }
            Err(vm.type_error(format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                other.type_name()
            )))
        }
    }
}

fn float_from_value(vm: &mut Vm, v: Value) -> PyResult<Value> {
    match v {
        Value::Float(_) => Ok(v),
        Value::Str(s) => match num::float_from_str(s.as_str()) {
            Ok(f) => Ok(Value::Float(f)),
            Err(e) => Err(vm.num_err(e)),
        },
        other => match int_ref(&other) {
            Some(i) => match num::int_to_f64(i) {
                Ok(f) => Ok(Value::Float(f)),
                Err(e) => Err(vm.num_err(e)),
            },
            None => {
                if let Some(f) = crate::classes::user_float(vm, other)? {
                    return Ok(f);
                }
                Err(vm.type_error(format!(
                    "float() argument must be a string or a real number, not '{}'",
                    other.type_name()
                )))
            }
        },
    }
}

/// `d.update(src)` for a dict or an iterable of pairs.
pub fn dict_from(vm: &mut Vm, d: Gc<DictObj>, src: Value) -> PyResult<()> {
    if let Value::Dict(s) = src {
        let entries: Vec<(Value, Value)> = s.table().iter().map(|e| (e.key, e.value)).collect();
        for (k, v) in entries {
            ops::dict_set(vm, d, k, v)?;
        }
        return Ok(());
    }
    let items = ops::collect_iter(vm, src)?;
    let mark = vm.temp_roots.len();
    vm.temp_roots.extend_from_slice(&items);
    let r = dict_from_items(vm, d, items);
    vm.temp_roots.truncate(mark);
    r
}

fn dict_from_items(vm: &mut Vm, d: Gc<DictObj>, items: Vec<Value>) -> PyResult<()> {
    for (i, item) in items.into_iter().enumerate() {
        let pair = match ops::collect_iter(vm, item) {
            Ok(p) => p,
            Err(_) => {
                return Err(vm.type_error(format!(
                    "cannot convert dictionary update sequence element #{i} to a sequence"
                )))
            }
        };
        if pair.len() != 2 {
            return Err(vm.value_error(format!(
                "dictionary update sequence element #{i} has length {}; 2 is required",
                pair.len()
            )));
        }
        ops::dict_set(vm, d, pair[0], pair[1])?;
    }
    Ok(())
}

/// `str(i)` for a small int: digits written into a stack buffer, so a short result
/// (every i64 is) is one allocation.
pub fn int_to_str(vm: &mut Vm, i: i64) -> Value {
    let mut buf = [0u8; 20];
    let mut pos = buf.len();
    let mut u = i.unsigned_abs();
    loop {
        pos -= 1;
        buf[pos] = b'0' + (u % 10) as u8;
        u /= 10;
        if u == 0 {
            break;
        }
    }
    let mut out = [0u8; 21];
    let mut n = 0;
    if i < 0 {
        out[0] = b'-';
        n = 1;
    }
    let digits = &buf[pos..];
    out[n..n + digits.len()].copy_from_slice(digits);
    n += digits.len();
    // SAFETY: ASCII digits and '-'.
    let t = unsafe { std::str::from_utf8_unchecked(&out[..n]) };
    vm.new_str_n(t, n)
}

/// Calls a type object: constructors of builtin types and exception classes.
pub fn call_type(vm: &mut Vm, t: Gc<TypeObj>, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    if t.class.is_some() {
        return crate::classes::construct(vm, t, args, kw);
    }
    match t.kind {
        TypeKind::Int => {
            only_kw(vm, "int", kw, &["base"])?;
            if args.len() > 2 {
                return Err(vm.type_error(format!(
                    "int() takes at most 2 arguments ({} given)",
                    args.len()
                )));
            }
            let base = args.get(1).copied().or(kwarg(kw, "base"));
            match args.first() {
                None if base.is_some() => Err(vm.type_error("int() missing string argument")),
                None => Ok(Value::Int(0)),
                Some(&v) => int_from_value(vm, v, base),
            }
        }
        TypeKind::Float => {
            no_kw(vm, "float", kw)?;
            if args.len() > 1 {
                return Err(vm.type_error(format!(
                    "float expected at most 1 argument, got {}",
                    args.len()
                )));
            }
            match args.first() {
                None => Ok(Value::Float(0.0)),
                Some(&v) => float_from_value(vm, v),
            }
        }
        TypeKind::Str => {
            no_kw(vm, "str", kw)?;
            if args.len() > 1 {
                return Err(vm.type_error(format!(
                    "str expected at most 1 argument, got {}",
                    args.len()
                )));
            }
            match args.first() {
                None => Ok(vm.new_str("")),
                Some(&Value::Str(s)) => Ok(Value::Str(s)),
                Some(&Value::Int(i)) => Ok(int_to_str(vm, i)),
                Some(&v) => {
                    let s = repr::str_of(vm, v)?;
                    Ok(vm.new_str(s))
                }
            }
        }
        TypeKind::Bool => {
            no_kw(vm, "bool", kw)?;
            if args.len() > 1 {
                return Err(vm.type_error(format!(
                    "bool expected at most 1 argument, got {}",
                    args.len()
                )));
            }
            match args.first() {
                None => Ok(Value::Bool(false)),
                Some(&v) => Ok(Value::Bool(ops::truthy(vm, v)?)),
            }
        }
        TypeKind::List => {
            no_kw(vm, "list", kw)?;
            if args.len() > 1 {
                return Err(vm.type_error(format!(
                    "list expected at most 1 argument, got {}",
                    args.len()
                )));
            }
            let items = match args.first() {
                None => vec![],
                Some(&v) => ops::collect_iter(vm, v)?,
            };
            Ok(vm.new_list(items))
        }
        TypeKind::Tuple => {
            no_kw(vm, "tuple", kw)?;
            if args.len() > 1 {
                return Err(vm.type_error(format!(
                    "tuple expected at most 1 argument, got {}",
                    args.len()
                )));
            }
            match args.first() {
                None => Ok(vm.empty_tuple),
                Some(&Value::Tuple(t)) => Ok(Value::Tuple(t)),
                Some(&v) => {
                    let items = ops::collect_iter(vm, v)?;
                    Ok(vm.new_tuple(items))
                }
            }
        }
        TypeKind::Dict => {
            if args.len() > 1 {
                return Err(vm.type_error(format!(
                    "dict expected at most 1 argument, got {}",
                    args.len()
                )));
            }
            let d = vm.new_dict();
            vm.temp_roots.push(Value::Dict(d));
            let r = (|| {
                if let Some(&src) = args.first() {
                    dict_from(vm, d, src)?;
                }
                for (k, v) in kw {
                    ops::dict_set(vm, d, Value::Str(*k), *v)?;
                }
                Ok(())
            })();
            vm.temp_roots.pop();
            r.map(|_| Value::Dict(d))
        }
        TypeKind::Range => {
            no_kw(vm, "range", kw)?;
            arity(vm, "range", args, 1, 3)?;
            let mut conv: Vec<Value> = Vec::with_capacity(args.len());
            for a in args {
                conv.push(crate::classes::user_index(vm, *a)?.unwrap_or(*a));
            }
            let args = &conv[..];
            for a in args {
                if int_ref(a).is_none() {
                    return Err(vm.type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        a.type_name()
                    )));
                }
            }
            let one = Value::Int(1);
            let (start, stop, step) = match args.len() {
                1 => (Value::Int(0), args[0], one),
                2 => (args[0], args[1], one),
                _ => (args[0], args[1], args[2]),
            };
            let small = |v: Value| match v {
                Value::Int(i) => Some(i),
                Value::Bool(b) => Some(b as i64),
                _ => None,
            };
            if matches!(small(step), Some(0)) {
                return Err(vm.value_error("range() arg 3 must not be zero"));
            }
            let obj = match (small(start), small(stop), small(step)) {
                (Some(a), Some(b), Some(c)) => RangeObj::small(a, b, c),
                _ => RangeObj {
                    start: 0,
                    stop: 0,
                    step: 1,
                    big: Some(Box::new(BigRange {
                        start: ops::to_bigint(&start).unwrap_or_default(),
                        stop: ops::to_bigint(&stop).unwrap_or_default(),
                        step: ops::to_bigint(&step).unwrap_or_default(),
                    })),
                },
            };
            Ok(Value::Range(vm.heap.alloc(obj)))
        }
        TypeKind::Type => {
            no_kw(vm, "type", kw)?;
            if args.len() == 3 {
                return crate::classes::type_new(vm, args);
            }
            if args.len() != 1 {
                return Err(vm.type_error("type() takes 1 or 3 arguments"));
            }
            Ok(Value::Type(type_of(vm, &args[0])))
        }
        TypeKind::Object
        | TypeKind::StaticMethod
        | TypeKind::ClassMethod
        | TypeKind::Property
        | TypeKind::Super => crate::classes::call_builtin_type(vm, t, args, kw),
        TypeKind::Slice => {
            no_kw(vm, "slice", kw)?;
            arity(vm, "slice", args, 1, 3)?;
            let (start, stop, step) = match args.len() {
                1 => (Value::None, args[0], Value::None),
                2 => (args[0], args[1], Value::None),
                _ => (args[0], args[1], args[2]),
            };
            Ok(Value::Slice(vm.heap.alloc(SliceObj { start, stop, step })))
        }
        TypeKind::Enumerate => {
            only_kw(vm, "enumerate", kw, &["iterable", "start"])?;
            let Some(src) = args.first().copied().or(kwarg(kw, "iterable")) else {
                return Err(vm.type_error("enumerate() missing required argument 'iterable'"));
            };
            let start = args
                .get(1)
                .copied()
                .or(kwarg(kw, "start"))
                .unwrap_or(Value::Int(0));
            if int_ref(&start).is_none() {
                return Err(vm.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    start.type_name()
                )));
            }
            let inner = ops::get_iter(vm, src)?;
            Ok(Value::Iter(vm.heap.alloc(IterObj::new(
                IterState::Enumerate {
                    inner: Value::Iter(inner),
                    count: start,
                },
            ))))
        }
        TypeKind::Zip => {
            only_kw(vm, "zip", kw, &["strict"])?;
            let strict = match kwarg(kw, "strict") {
                Some(v) => ops::truthy(vm, v)?,
                None => false,
            };
            let mut inners = Vec::with_capacity(args.len());
            for (i, a) in args.iter().enumerate() {
                let _ = i;
                inners.push(Value::Iter(ops::get_iter(vm, *a)?));
            }
            Ok(Value::Iter(
                vm.heap
                    .alloc(IterObj::new(IterState::Zip { inners, strict })),
            ))
        }
        TypeKind::Reversed => {
            no_kw(vm, "reversed", kw)?;
            if args.len() != 1 {
                return Err(
                    vm.type_error(format!("reversed expected 1 argument, got {}", args.len()))
                );
            }
            let v = args[0];
            let state = match v {
                Value::List(l) => IterState::Reversed {
                    seq: v,
                    idx: l.len(),
                },
                Value::Tuple(t) => IterState::Reversed {
                    seq: v,
                    idx: t.items.len(),
                },
                Value::Str(s) => {
                    let chars: Vec<Value> = s.as_str().chars().map(|c| vm.char_str(c)).collect();
                    let n = chars.len();
                    let t = vm.new_tuple(chars);
                    IterState::Reversed { seq: t, idx: n }
                }
                Value::Range(r) if r.big.is_some() || r.start.checked_sub(r.step).is_none() => {
                    let b = r.as_big();
                    let n = b.len();
                    IterState::BigRange {
                        cur: &b.start + (n - 1u32) * &b.step,
                        stop: &b.start - &b.step,
                        step: -b.step,
                    }
                }
                Value::Range(r) => {
                    let n = r.len();
                    let last = r.start + (n - 1) * r.step;
                    IterState::Range {
                        cur: last,
                        stop: r.start - r.step,
                        step: -r.step,
                    }
                }
                Value::Dict(d) => {
                    let mut keys: Vec<Value> = d.table().iter().map(|e| e.key).collect();
                    keys.reverse();
                    let l = vm.new_list(keys);
                    IterState::Seq { seq: l, idx: 0 }
                }
                Value::DictView(dv) => {
                    let entries: Vec<(Value, Value)> =
                        dv.dict.table().iter().map(|e| (e.key, e.value)).collect();
                    let mut items = Vec::with_capacity(entries.len());
                    for (k, val) in entries.into_iter().rev() {
                        items.push(match dv.kind {
                            ViewKind::Keys => k,
                            ViewKind::Values => val,
                            ViewKind::Items => vm.new_tuple(vec![k, val]),
                        });
                    }
                    let l = vm.new_list(items);
                    IterState::Seq { seq: l, idx: 0 }
                }
                other => {
                    if let Some(r) = crate::classes::user_reversed(vm, other)? {
                        return Ok(r);
                    }
                    return Err(
                        vm.type_error(format!("'{}' object is not reversible", other.type_name()))
                    );
                }
            };
            Ok(Value::Iter(vm.heap.alloc(IterObj::new(state))))
        }
        TypeKind::Set | TypeKind::FrozenSet => {
            let frozen = t.kind == TypeKind::FrozenSet;
            let name = if frozen { "frozenset" } else { "set" };
            no_kw(vm, name, kw)?;
            if args.len() > 1 {
                return Err(vm.type_error(format!(
                    "{name} expected at most 1 argument, got {}",
                    args.len()
                )));
            }
            if let (true, Some(Value::FrozenSet(f))) = (frozen, args.first()) {
                return Ok(Value::FrozenSet(*f));
            }
            crate::set::new_from(vm, args.first().copied(), frozen)
        }
        TypeKind::Map => {
            no_kw(vm, "map", kw)?;
            if args.len() < 2 {
                return Err(vm.type_error("map() must have at least two arguments."));
            }
            let mut inners = Vec::with_capacity(args.len() - 1);
            for a in &args[1..] {
                inners.push(Value::Iter(ops::get_iter(vm, *a)?));
            }
            Ok(Value::Iter(vm.heap.alloc(IterObj::new(IterState::Map {
                func: args[0],
                inners,
            }))))
        }
        TypeKind::Filter => {
            no_kw(vm, "filter", kw)?;
            arity(vm, "filter", args, 2, 2)?;
            let inner = Value::Iter(ops::get_iter(vm, args[1])?);
            Ok(Value::Iter(vm.heap.alloc(IterObj::new(
                IterState::Filter {
                    func: args[0],
                    inner,
                },
            ))))
        }
        TypeKind::Exception(_) => {
            no_kw(vm, &t.name, kw)?;
            Ok(Value::Exc(vm.heap.alloc(ExcObj::new(t, args.to_vec()))))
        }
        _ => Err(vm.type_error(format!("cannot create '{}' instances", t.name))),
    }
}

/// The printed form of an uncaught exception's last line: `Type: message`.
pub fn exc_line(vm: &mut Vm, e: PyErr) -> String {
    let name = crate::classes::exc_type_display_name(&e.0.ty);
    let msg =
        crate::classes::exc_str(vm, e.0).unwrap_or_else(|_| "<exception str() failed>".into());
    if msg.is_empty() {
        name
    } else {
        format!("{name}: {msg}")
    }
}

#[allow(dead_code)]
fn _unused(_: IntRef) {}
