//! Modules: the builtin modules tvm provides (`math` for now).
//!
//! A module is a `ModuleObj` of native functions and constants, created on first
//! import and cached by the VM.

use crate::builtins::{arity, no_kw};
use crate::error::ExcType;
use crate::interp::Vm;
use crate::num::{self, IntRef};
use crate::object::*;
use crate::ops::int_ref;
use crate::value::Value;

/// Creates a builtin module by name, or None if tvm has no such module.
pub fn make_module(vm: &mut Vm, name: &str) -> Option<Value> {
    let attrs = match name {
        "math" => math_attrs(vm),
        _ => return None,
    };
    Some(Value::Module(vm.heap.alloc(ModuleObj {
        name: name.to_string(),
        attrs,
    })))
}

fn math_attrs(vm: &mut Vm) -> Vec<(String, Value)> {
    let funcs: &[(&'static str, NativeFn)] = &[
        ("sqrt", m_sqrt),
        ("floor", m_floor),
        ("ceil", m_ceil),
        ("trunc", m_trunc),
        ("sin", m_sin),
        ("cos", m_cos),
        ("tan", m_tan),
        ("asin", m_asin),
        ("acos", m_acos),
        ("atan", m_atan),
        ("atan2", m_atan2),
        ("sinh", m_sinh),
        ("cosh", m_cosh),
        ("tanh", m_tanh),
        ("exp", m_exp),
        ("log", m_log),
        ("log2", m_log2),
        ("log10", m_log10),
        ("fabs", m_fabs),
        ("pow", m_pow),
        ("hypot", m_hypot),
        ("fmod", m_fmod),
        ("copysign", m_copysign),
        ("degrees", m_degrees),
        ("radians", m_radians),
        ("isnan", m_isnan),
        ("isinf", m_isinf),
        ("isfinite", m_isfinite),
        ("gcd", m_gcd),
        ("factorial", m_factorial),
        ("isqrt", m_isqrt),
    ];
    let mut attrs: Vec<(String, Value)> = funcs
        .iter()
        .map(|&(n, f)| (n.to_string(), vm.new_builtin(n, f)))
        .collect();
    attrs.push(("pi".into(), Value::Float(std::f64::consts::PI)));
    attrs.push(("e".into(), Value::Float(std::f64::consts::E)));
    attrs.push(("tau".into(), Value::Float(std::f64::consts::TAU)));
    attrs.push(("inf".into(), Value::Float(f64::INFINITY)));
    attrs.push(("nan".into(), Value::Float(f64::NAN)));
    attrs
}

/// A float argument (ints convert).
fn farg(vm: &mut Vm, v: Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => Ok(f),
        other => match int_ref(&other) {
            Some(i) => num::int_to_f64(i).map_err(|e| vm.num_err(e)),
            None => Err(vm.type_error(format!("must be real number, not {}", other.type_name()))),
        },
    }
}

/// Checks that `math.<name>()` got exactly one positional argument and no keywords,
/// with CPython's messages.
fn one_arg(vm: &mut Vm, name: &str, args: &[Value], kw: KwArgs) -> PyResult<()> {
    no_kw(vm, name, kw)?;
    if args.len() != 1 {
        return Err(vm.type_error(format!(
            "math.{name}() takes exactly one argument ({} given)",
            args.len()
        )));
    }
    Ok(())
}

fn domain(vm: &mut Vm) -> crate::error::PyErr {
    vm.value_error("math domain error")
}

/// Checks a libm result like CPython's `math_1`: NaN from a non-NaN input is a
/// domain error, infinity from a finite input a range error.
fn checked(vm: &mut Vm, x: f64, r: f64, overflow_ok: bool) -> PyResult<Value> {
    if r.is_nan() && !x.is_nan() {
        return Err(domain(vm));
    }
    if r.is_infinite() && x.is_finite() {
        if overflow_ok {
            return Err(vm.err(ExcType::OverflowError, "math range error"));
        }
        return Err(domain(vm));
    }
    Ok(Value::Float(r))
}

macro_rules! unary_math {
    ($name:ident, $py:literal, $f:expr, $overflow:expr) => {
        fn $name(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
            one_arg(vm, $py, args, kw)?;
            let x = farg(vm, args[0])?;
            let f: fn(f64) -> f64 = $f;
            checked(vm, x, f(x), $overflow)
        }
    };
}

unary_math!(m_sin, "sin", f64::sin, false);
unary_math!(m_cos, "cos", f64::cos, false);
unary_math!(m_tan, "tan", f64::tan, false);
unary_math!(m_asin, "asin", f64::asin, false);
unary_math!(m_acos, "acos", f64::acos, false);
unary_math!(m_atan, "atan", f64::atan, false);
unary_math!(m_sinh, "sinh", f64::sinh, true);
unary_math!(m_cosh, "cosh", f64::cosh, true);
unary_math!(m_tanh, "tanh", f64::tanh, false);
unary_math!(m_exp, "exp", f64::exp, true);
unary_math!(m_fabs, "fabs", f64::abs, false);
unary_math!(m_degrees, "degrees", f64::to_degrees, true);
unary_math!(m_radians, "radians", f64::to_radians, false);

fn m_sqrt(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "sqrt", kw)?;
    arity(vm, "math.sqrt", args, 1, 1)?;
    let x = farg(vm, args[0])?;
    if x < 0.0 {
        return Err(domain(vm));
    }
    Ok(Value::Float(x.sqrt()))
}

/// `f(v)` for a log function `f`, like CPython's `loghelper`: ints that convert to a
/// float use `f(float(v))`; larger ones are split as `m * 2**e` (frexp) and give
/// `f(m) + f(2) * e`, so `log10(10**400)` is exactly 400.0.
fn log_with(vm: &mut Vm, v: Value, f: fn(f64) -> f64) -> PyResult<f64> {
    if let Value::BigInt(b) = v {
        if b.value.sign() != num_bigint::Sign::Plus {
            return Err(domain(vm));
        }
        if let Ok(x) = num::int_to_f64(IntRef::Big(&b.value)) {
            return Ok(f(x));
        }
        let bits = b.value.bits();
        let shift = bits.saturating_sub(64);
        let top: f64 = num::int_to_f64(IntRef::Big(&(&b.value >> shift))).unwrap_or(f64::MAX);
        // top has 64 significant bits: m = top / 2**64 is in [0.5, 1), e = shift + 64.
        let m = top / 18446744073709551616.0;
        return Ok(f(m) + f(2.0) * (shift + 64) as f64);
    }
    let x = farg(vm, v)?;
    if x <= 0.0 {
        return Err(domain(vm));
    }
    Ok(f(x))
}

fn m_log(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "log", kw)?;
    arity(vm, "log", args, 1, 2)?;
    let num = log_with(vm, args[0], f64::ln)?;
    match args.get(1) {
        None => Ok(Value::Float(num)),
        Some(&b) => {
            let den = log_with(vm, b, f64::ln)?;
            if den == 0.0 {
                return Err(vm.err(ExcType::ZeroDivisionError, "float division by zero"));
            }
            Ok(Value::Float(num / den))
        }
    }
}

/// `math.log2` / `math.log10`.
fn log_base(
    vm: &mut Vm,
    args: &[Value],
    kw: KwArgs,
    name: &str,
    f: fn(f64) -> f64,
) -> PyResult<Value> {
    no_kw(vm, name, kw)?;
    arity(vm, &format!("math.{name}"), args, 1, 1)?;
    Ok(Value::Float(log_with(vm, args[0], f)?))
}

fn m_log2(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    log_base(vm, args, kw, "log2", f64::log2)
}

fn m_log10(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    log_base(vm, args, kw, "log10", f64::log10)
}

fn m_pow(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "pow", kw)?;
    arity(vm, "pow", args, 2, 2)?;
    let x = farg(vm, args[0])?;
    let y = farg(vm, args[1])?;
    let r = x.powf(y);
    if x.is_finite() && y.is_finite() {
        if r.is_nan() {
            return Err(domain(vm));
        }
        if r.is_infinite() {
            if x == 0.0 {
                return Err(domain(vm));
            }
            return Err(vm.err(ExcType::OverflowError, "math range error"));
        }
    }
    Ok(Value::Float(r))
}

fn m_hypot(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "hypot", kw)?;
    let mut acc = 0.0f64;
    for &a in args {
        let x = farg(vm, a)?;
        acc = acc.hypot(x);
    }
    Ok(Value::Float(acc))
}

fn m_atan2(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "atan2", kw)?;
    arity(vm, "atan2", args, 2, 2)?;
    let y = farg(vm, args[0])?;
    let x = farg(vm, args[1])?;
    Ok(Value::Float(y.atan2(x)))
}

fn m_fmod(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "fmod", kw)?;
    arity(vm, "fmod", args, 2, 2)?;
    let x = farg(vm, args[0])?;
    let y = farg(vm, args[1])?;
    if y == 0.0 && !x.is_nan() || x.is_infinite() {
        return Err(domain(vm));
    }
    Ok(Value::Float(x % y))
}

fn m_copysign(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "copysign", kw)?;
    arity(vm, "copysign", args, 2, 2)?;
    let x = farg(vm, args[0])?;
    let y = farg(vm, args[1])?;
    Ok(Value::Float(x.copysign(y)))
}

fn float_to_int_value(vm: &mut Vm, f: f64) -> PyResult<Value> {
    match num::f64_to_int(f) {
        Ok(i) => Ok(vm.int(i)),
        Err(e) => Err(vm.num_err(e)),
    }
}

fn round_op(
    vm: &mut Vm,
    args: &[Value],
    kw: KwArgs,
    name: &str,
    f: fn(f64) -> f64,
) -> PyResult<Value> {
    one_arg(vm, name, args, kw)?;
    match args[0] {
        Value::Int(_) | Value::BigInt(_) => Ok(args[0]),
        Value::Bool(b) => Ok(Value::Int(b as i64)),
        Value::Float(x) => float_to_int_value(vm, f(x)),
        other => Err(vm.type_error(format!("must be real number, not {}", other.type_name()))),
    }
}

fn m_floor(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    round_op(vm, args, kw, "floor", f64::floor)
}
fn m_ceil(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    round_op(vm, args, kw, "ceil", f64::ceil)
}
fn m_trunc(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    round_op(vm, args, kw, "trunc", f64::trunc)
}

fn pred(
    vm: &mut Vm,
    args: &[Value],
    kw: KwArgs,
    name: &str,
    f: fn(f64) -> bool,
) -> PyResult<Value> {
    one_arg(vm, name, args, kw)?;
    let x = farg(vm, args[0])?;
    Ok(Value::Bool(f(x)))
}
fn m_isnan(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    pred(vm, args, kw, "isnan", f64::is_nan)
}
fn m_isinf(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    pred(vm, args, kw, "isinf", f64::is_infinite)
}
fn m_isfinite(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    pred(vm, args, kw, "isfinite", f64::is_finite)
}

fn iarg(vm: &mut Vm, v: Value) -> PyResult<num_bigint::BigInt> {
    match crate::ops::to_bigint(&v) {
        Some(b) => Ok(b),
        None => Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            v.type_name()
        ))),
    }
}

fn m_gcd(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    use num_integer::Integer;
    no_kw(vm, "gcd", kw)?;
    let mut acc = num_bigint::BigInt::from(0);
    for &a in args {
        let x = iarg(vm, a)?;
        acc = acc.gcd(&x);
    }
    Ok(vm.new_int(acc))
}

fn m_factorial(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    one_arg(vm, "factorial", args, kw)?;
    let n = match args[0] {
        Value::Float(_) => {
            return Err(vm.type_error("'float' object cannot be interpreted as an integer"))
        }
        v => crate::builtins::arg_i64(vm, v)?,
    };
    if n < 0 {
        return Err(vm.value_error("factorial() not defined for negative values"));
    }
    if n > 100_000 {
        return Err(vm.err(
            ExcType::OverflowError,
            "factorial() argument should not exceed 100000 in tvm",
        ));
    }
    let mut acc = num_bigint::BigInt::from(1);
    for k in 2..=n {
        acc *= k;
    }
    Ok(vm.new_int(acc))
}

fn m_isqrt(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    one_arg(vm, "isqrt", args, kw)?;
    let n = iarg(vm, args[0])?;
    if n.sign() == num_bigint::Sign::Minus {
        return Err(vm.value_error("isqrt() argument must be nonnegative"));
    }
    Ok(vm.new_int(n.sqrt()))
}
