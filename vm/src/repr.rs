//! Repr: `repr()`, `str()` and `ascii()` of every builtin value, as CPython prints them.
//!
//! Containers print their items' reprs; a container that contains itself prints
//! `[...]` / `{...}` like CPython (tracked by address in `Vm::repr_stack`), and
//! nesting deeper than the recursion limit raises RecursionError instead of
//! overflowing the native stack.

use crate::error::ExcType;
use crate::interp::Vm;
use crate::num::{self, IntRef};
use crate::object::*;
use crate::value::{addr_of, Value};
use std::fmt::Write;

/// `repr(v)`.
pub fn repr(vm: &mut Vm, v: Value) -> PyResult<String> {
    let mut out = String::new();
    repr_into(vm, v, &mut out)?;
    Ok(out)
}

/// `str(v)`.
pub fn str_of(vm: &mut Vm, v: Value) -> PyResult<String> {
    match v {
        Value::Str(s) => Ok(s.as_str().to_string()),
        Value::Exc(e) => crate::classes::exc_str(vm, e),
        Value::Instance(_) => Ok(crate::classes::user_str(vm, v)?.unwrap_or_default()),
        _ => repr(vm, v),
    }
}

/// `ascii(v)`: repr with non-ASCII characters escaped.
pub fn ascii(vm: &mut Vm, v: Value) -> PyResult<String> {
    let r = repr(vm, v)?;
    let mut out = String::with_capacity(r.len());
    for c in r.chars() {
        push_escaped_nonascii(c, &mut out);
    }
    Ok(out)
}

fn push_escaped_nonascii(c: char, out: &mut String) {
    let n = c as u32;
    if n < 128 {
        out.push(c);
    } else if n < 0x100 {
        let _ = write!(out, "\\x{n:02x}");
    } else if n < 0x10000 {
        let _ = write!(out, "\\u{n:04x}");
    } else {
        let _ = write!(out, "\\U{n:08x}");
    }
}

/// `str()` of an exception: its single argument's str, the args tuple, or ''.
pub fn exc_str(vm: &mut Vm, e: gc_exc::ExcRef) -> PyResult<String> {
    let args = e.args.to_vec();
    let is_key_error = matches!(e.ty.kind, TypeKind::Exception(ExcType::KeyError));
    match args.len() {
        0 => Ok(String::new()),
        1 if is_key_error => repr(vm, args[0]),
        1 => str_of(vm, args[0]),
        _ => {
            let t = vm.new_tuple(args);
            repr(vm, t)
        }
    }
}

mod gc_exc {
    /// A handle to an exception object.
    pub type ExcRef = crate::gc::Gc<crate::object::ExcObj>;
}

/// Python's repr of a str: quote choice and escapes as in CPython's `unicode_repr`.
pub fn str_repr(s: &str, out: &mut String) {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c if (c as u32) < 0x7f => out.push(c),
            c if !crate::unicode_tables::is_printable(c) => {
                let n = c as u32;
                if n < 0x100 {
                    let _ = write!(out, "\\x{n:02x}");
                } else if n < 0x10000 {
                    let _ = write!(out, "\\u{n:04x}");
                } else {
                    let _ = write!(out, "\\U{n:08x}");
                }
            }
            c => out.push(c),
        }
    }
    out.push(quote);
}

fn enter(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    let a = addr_of(v);
    if vm.repr_stack.contains(&a) {
        return Ok(false);
    }
    if vm.repr_stack.len() + vm.frames.len() > vm.recursion_limit {
        return Err(vm.err(
            ExcType::RecursionError,
            "maximum recursion depth exceeded while getting the repr of an object",
        ));
    }
    vm.repr_stack.push(a);
    Ok(true)
}

fn leave(vm: &mut Vm) {
    vm.repr_stack.pop();
}

fn items_repr(vm: &mut Vm, items: &[Value], out: &mut String) -> PyResult<()> {
    // An item's `__repr__` may run Python code (and collect): keep the items alive.
    let mark = vm.temp_roots.len();
    vm.temp_roots.extend_from_slice(items);
    let r = (|| {
        for (i, x) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            repr_into(vm, *x, out)?;
        }
        Ok(())
    })();
    vm.temp_roots.truncate(mark);
    r
}

/// Appends `repr(v)` to `out`.
pub fn repr_into(vm: &mut Vm, v: Value, out: &mut String) -> PyResult<()> {
    match v {
        Value::None => out.push_str("None"),
        Value::Undef => out.push_str("<unbound>"),
        Value::Bool(true) => out.push_str("True"),
        Value::Bool(false) => out.push_str("False"),
        Value::Int(i) => {
            let _ = write!(out, "{i}");
        }
        Value::BigInt(b) => match num::int_to_str(IntRef::Big(&b.value)) {
            Ok(s) => out.push_str(&s),
            Err(e) => return Err(vm.num_err(e)),
        },
        Value::Float(f) => out.push_str(&crate::format::float_repr(f)),
        Value::Str(s) => str_repr(s.as_str(), out),
        Value::List(l) => {
            if !enter(vm, &v)? {
                out.push_str("[...]");
                return Ok(());
            }
            out.push('[');
            let items = l.items().clone();
            let r = items_repr(vm, &items, out);
            leave(vm);
            r?;
            out.push(']');
        }
        Value::Tuple(t) => {
            if !enter(vm, &v)? {
                out.push_str("(...)");
                return Ok(());
            }
            out.push('(');
            let r = items_repr(vm, &t.items, out);
            leave(vm);
            r?;
            if t.items.len() == 1 {
                out.push(',');
            }
            out.push(')');
        }
        Value::Dict(d) => {
            if !enter(vm, &v)? {
                out.push_str("{...}");
                return Ok(());
            }
            out.push('{');
            let entries: Vec<(Value, Value)> = d.table().iter().map(|e| (e.key, e.value)).collect();
            let mark = vm.temp_roots.len();
            for (k, x) in &entries {
                vm.temp_roots.push(*k);
                vm.temp_roots.push(*x);
            }
            let mut r = Ok(());
            for (i, (k, val)) in entries.into_iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                r = repr_into(vm, k, out);
                if r.is_err() {
                    break;
                }
                out.push_str(": ");
                r = repr_into(vm, val, out);
                if r.is_err() {
                    break;
                }
            }
            vm.temp_roots.truncate(mark);
            leave(vm);
            r?;
            out.push('}');
        }
        Value::Range(r) => {
            let b = r.as_big();
            if b.step == 1.into() {
                let _ = write!(out, "range({}, {})", b.start, b.stop);
            } else {
                let _ = write!(out, "range({}, {}, {})", b.start, b.stop, b.step);
            }
        }
        Value::Func(f) => {
            let _ = write!(out, "<function {} at {:#x}>", f.code.qualname, addr_of(&v));
        }
        Value::Builtin(b) if b.owner == Some(crate::methods::UNBOUND) => {
            let tname = match b.bound {
                Some(Value::Tuple(m)) => match m.items[0] {
                    Value::Type(t) => t.name.clone(),
                    _ => String::new(),
                },
                _ => String::new(),
            };
            let _ = write!(out, "<method '{}' of '{}' objects>", b.name, tname);
        }
        Value::Builtin(b) => match (b.bound, b.owner) {
            (Some(this), Some(owner)) => {
                let _ = write!(
                    out,
                    "<built-in method {} of {} object at {:#x}>",
                    b.name,
                    owner,
                    addr_of(&this)
                );
            }
            (Some(Value::Type(t)), None) => {
                let _ = write!(
                    out,
                    "<built-in method {} of type object at {:#x}>",
                    b.name,
                    addr_of(&Value::Type(t))
                );
            }
            (Some(Value::Module(m)), None) => {
                let _ = write!(out, "<built-in function {}>", b.name);
                let _ = m;
            }
            _ => {
                let _ = write!(out, "<built-in function {}>", b.name);
            }
        },
        Value::Iter(it) => {
            let _ = write!(out, "<{} object at {:#x}>", it.type_name(), addr_of(&v));
        }
        Value::Type(t) => {
            if t.class.is_some() {
                let _ = write!(out, "<class '__main__.{}'>", crate::classes::qualname(&t));
            } else {
                let _ = write!(out, "<class '{}'>", t.name);
            }
        }
        Value::Exc(e)
            if e.ty.class.is_some() && {
                match crate::classes::user_repr(vm, v)? {
                    Some(s) => {
                        out.push_str(&s);
                        true
                    }
                    None => false,
                }
            } => {}
        Value::Exc(e) => {
            out.push_str(&e.ty.name);
            out.push('(');
            let args = e.args.to_vec();
            items_repr(vm, &args, out)?;
            out.push(')');
        }
        Value::Module(m) => {
            let _ = write!(out, "<module '{}' (built-in)>", m.name);
        }
        Value::DictView(dv) => {
            out.push_str(dv.kind.type_name());
            out.push('(');
            let items = crate::ops::collect_iter(vm, v)?;
            let l = vm.new_list(items);
            repr_into(vm, l, out)?;
            out.push(')');
        }
        Value::Instance(_) => {
            // No cycle check: a `__repr__` that recurses raises RecursionError, as in
            // CPython.
            out.push_str(&crate::classes::user_repr(vm, v)?.unwrap_or_default());
        }
        Value::BoundMethod(bm) => {
            let qual = match bm.func {
                Value::Func(f) => f.code.qualname.clone(),
                other => other.type_name().to_string(),
            };
            out.push_str("<bound method ");
            out.push_str(&qual);
            out.push_str(" of ");
            repr_into(vm, bm.this, out)?;
            out.push('>');
        }
        Value::Cell(c) => {
            let _ = write!(out, "<cell at {:#x}: ", addr_of(&v));
            match c.get() {
                Value::Undef => out.push_str("empty>"),
                x => {
                    let _ = write!(out, "{} object at {:#x}>", x.type_name(), addr_of(&x));
                }
            }
        }
        Value::Descr(d) => match &d.d {
            crate::classes::Descr::NotImplemented => out.push_str("NotImplemented"),
            crate::classes::Descr::Super {
                this_class, obj, ..
            } => {
                let _ = write!(out, "<super: <class '{}'>, ", this_class.name);
                let _ = write!(out, "<{} object>>", obj.type_name());
            }
            _ => {
                let _ = write!(out, "<{} object at {:#x}>", d.type_name(), addr_of(&v));
            }
        },
        Value::Set(so) | Value::FrozenSet(so) => {
            let frozen = matches!(v, Value::FrozenSet(_));
            let keys = so.table().keys();
            if keys.is_empty() {
                out.push_str(if frozen { "frozenset()" } else { "set()" });
                return Ok(());
            }
            if !enter(vm, &v)? {
                let _ = write!(out, "{}(...)", v.type_name());
                return Ok(());
            }
            if frozen {
                out.push_str("frozenset(");
            }
            out.push('{');
            let r = items_repr(vm, &keys, out);
            leave(vm);
            r?;
            out.push('}');
            if frozen {
                out.push(')');
            }
        }
        Value::Slice(s) => {
            out.push_str("slice(");
            repr_into(vm, s.start, out)?;
            out.push_str(", ");
            repr_into(vm, s.stop, out)?;
            out.push_str(", ");
            repr_into(vm, s.step, out)?;
            out.push(')');
        }
        Value::Gen(g) => {
            let _ = write!(
                out,
                "<generator object {} at {:#x}>",
                g.code.qualname,
                addr_of(&v)
            );
        }
    }
    Ok(())
}
