//! `sys`: the program's arguments, `exit`, the recursion limit, the standard streams
//! and a few constants.
//!
//! `sys.stdout` and `sys.stderr` are small namespaces (module objects named `stdout`
//! and `stderr`, which is also how `print(..., file=sys.stderr)` recognises the
//! latter) with `write`, `writelines` and `flush`. `sys.stdout.write` goes through the
//! VM's buffered stdout, so it interleaves with `print` exactly; `sys.stderr.write`
//! flushes stdout first and writes unbuffered.

use super::{functions, new_module};
use crate::builtins::{arity, no_kw};
use crate::error::ExcType;
use crate::gc::Gc;
use crate::interp::Vm;
use crate::object::*;
use crate::value::Value;
use std::io::Write;

/// The `sys` module's attributes.
pub fn attrs(vm: &mut Vm) -> Vec<(String, Value)> {
    let mut attrs = functions(
        vm,
        &[
            ("exit", sys_exit),
            ("getrecursionlimit", sys_getrecursionlimit),
            ("setrecursionlimit", sys_setrecursionlimit),
        ],
    );
    let argv: Vec<Value> = vm
        .mods
        .argv
        .clone()
        .into_iter()
        .map(|a| vm.new_str(a))
        .collect();
    let argv = vm.new_list(argv);
    attrs.push(("argv".into(), argv));
    let out = functions(
        vm,
        &[
            ("write", stdout_write),
            ("writelines", stdout_writelines),
            ("flush", stream_flush),
        ],
    );
    let stdout = new_module(vm, "stdout", out);
    attrs.push(("stdout".into(), stdout));
    let err = functions(
        vm,
        &[
            ("write", stderr_write),
            ("writelines", stderr_writelines),
            ("flush", stream_flush),
        ],
    );
    let stderr = new_module(vm, "stderr", err);
    attrs.push(("stderr".into(), stderr));
    attrs.push(("maxsize".into(), Value::Int(i64::MAX)));
    attrs.push(("maxunicode".into(), Value::Int(0x10ffff)));
    let rel = vm.new_str("final");
    let vi = vm.new_tuple(vec![
        Value::Int(3),
        Value::Int(11),
        Value::Int(7),
        rel,
        Value::Int(0),
    ]);
    attrs.push(("version_info".into(), vi));
    let version = vm.new_str(format!("3.11.7 (tvm {})", env!("CARGO_PKG_VERSION")));
    attrs.push(("version".into(), version));
    let hexversion = Value::Int(0x030b07f0);
    attrs.push(("hexversion".into(), hexversion));
    let platform = vm.new_str(std::env::consts::OS);
    attrs.push(("platform".into(), platform));
    let byteorder = vm.new_str(if cfg!(target_endian = "little") {
        "little"
    } else {
        "big"
    });
    attrs.push(("byteorder".into(), byteorder));
    let fi = float_info(vm);
    attrs.push(("float_info".into(), fi));
    attrs
}

/// `sys.float_info` (a namespace of its fields; CPython's is a struct sequence).
fn float_info(vm: &mut Vm) -> Value {
    let attrs = vec![
        ("max".to_string(), Value::Float(f64::MAX)),
        ("max_exp".to_string(), Value::Int(f64::MAX_EXP as i64)),
        ("max_10_exp".to_string(), Value::Int(f64::MAX_10_EXP as i64)),
        ("min".to_string(), Value::Float(f64::MIN_POSITIVE)),
        ("min_exp".to_string(), Value::Int(f64::MIN_EXP as i64)),
        ("min_10_exp".to_string(), Value::Int(f64::MIN_10_EXP as i64)),
        ("dig".to_string(), Value::Int(f64::DIGITS as i64)),
        (
            "mant_dig".to_string(),
            Value::Int(f64::MANTISSA_DIGITS as i64),
        ),
        ("epsilon".to_string(), Value::Float(f64::EPSILON)),
        ("radix".to_string(), Value::Int(2)),
        ("rounds".to_string(), Value::Int(1)),
    ];
    new_module(vm, "float_info", attrs)
}

/// `sys.exit([arg])`: raises `SystemExit(arg)`; `run.rs` turns it into the exit status.
fn sys_exit(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "exit", kw)?;
    arity(vm, "exit", args, 0, 1)?;
    Err(vm.err_args(ExcType::SystemExit, args.to_vec()))
}

fn sys_getrecursionlimit(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "sys.getrecursionlimit", kw)?;
    arity(vm, "sys.getrecursionlimit", args, 0, 0)?;
    Ok(Value::Int(vm.recursion_limit as i64))
}

fn sys_setrecursionlimit(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "sys.setrecursionlimit", kw)?;
    arity(vm, "sys.setrecursionlimit", args, 1, 1)?;
    let n = match args[0] {
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
    if n > i32::MAX as i64 || n < i32::MIN as i64 {
        return Err(vm.err(
            ExcType::OverflowError,
            "Python int too large to convert to C int",
        ));
    }
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    // CPython counts this builtin call as one level of depth.
    let depth = vm.frames.len() as i64 + 1;
    if depth >= n {
        return Err(vm.err(
            ExcType::RecursionError,
            format!(
                "cannot set the recursion limit to {n} at the recursion depth {depth}: the limit is too low"
            ),
        ));
    }
    vm.recursion_limit = n as usize;
    Ok(Value::None)
}

/// The str argument of `write`.
fn write_arg(vm: &mut Vm, name: &str, args: &[Value], kw: KwArgs) -> PyResult<Gc<StrObj>> {
    no_kw(vm, name, kw)?;
    arity(vm, name, args, 1, 1)?;
    match args[0] {
        Value::Str(s) => Ok(s),
        other => Err(vm.type_error(format!(
            "write() argument must be str, not {}",
            other.type_name()
        ))),
    }
}

fn stdout_write(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let s = write_arg(vm, "TextIOWrapper.write", args, kw)?;
    let _ = vm.out.write_all(s.as_str().as_bytes());
    Ok(Value::Int(s.char_len() as i64))
}

fn stderr_write(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let s = write_arg(vm, "TextIOWrapper.write", args, kw)?;
    vm.flush();
    let _ = std::io::stderr().write_all(s.as_str().as_bytes());
    Ok(Value::Int(s.char_len() as i64))
}

/// The strings of `writelines`' iterable, checked before anything is written.
fn lines_arg(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<String> {
    no_kw(vm, "TextIOWrapper.writelines", kw)?;
    arity(vm, "TextIOWrapper.writelines", args, 1, 1)?;
    let items = crate::ops::collect_iter(vm, args[0])?;
    let mut out = String::new();
    for v in items {
        match v {
            Value::Str(s) => out.push_str(s.as_str()),
            other => {
                return Err(vm.type_error(format!(
                    "write() argument must be str, not {}",
                    other.type_name()
                )))
            }
        }
    }
    Ok(out)
}

fn stdout_writelines(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let s = lines_arg(vm, args, kw)?;
    let _ = vm.out.write_all(s.as_bytes());
    Ok(Value::None)
}

fn stderr_writelines(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let s = lines_arg(vm, args, kw)?;
    vm.flush();
    let _ = std::io::stderr().write_all(s.as_bytes());
    Ok(Value::None)
}

fn stream_flush(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "TextIOWrapper.flush", kw)?;
    arity(vm, "TextIOWrapper.flush", args, 0, 0)?;
    vm.flush();
    Ok(Value::None)
}
