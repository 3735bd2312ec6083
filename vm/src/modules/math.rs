//! `math`: CPython 3.11's `Modules/mathmodule.c` on top of the platform libm.
//!
//! Error rules follow CPython's `math_1`/`math_2`: a NaN result from non-NaN input is
//! `ValueError: math domain error`; an infinite result from finite input is
//! `OverflowError: math range error` for functions that can overflow and a domain
//! error (a singularity) for the others. The transcendental functions call the C
//! library (as CPython does) so results agree to the last bit on the same platform;
//! `fsum`, `hypot`/`dist` (`vector_norm`), `gamma`/`lgamma`, `remainder` and the
//! special cases of `atan2` are ports of CPython's own code.

use super::functions;
use crate::builtins::{arity, kwarg, no_kw, only_kw};
use crate::error::{ExcType, PyErr};
use crate::interp::Vm;
use crate::num::{self, IntRef};
use crate::object::*;
use crate::ops::{self, int_ref};
use crate::value::Value;
use num_bigint::{BigInt, Sign};

/// The C library functions Rust's std does not wrap (or wraps with its own code).
mod libm {
    extern "C" {
        pub fn erf(x: f64) -> f64;
        pub fn erfc(x: f64) -> f64;
        pub fn asinh(x: f64) -> f64;
        pub fn acosh(x: f64) -> f64;
        pub fn atanh(x: f64) -> f64;
        pub fn cbrt(x: f64) -> f64;
        pub fn expm1(x: f64) -> f64;
        pub fn log1p(x: f64) -> f64;
        pub fn exp2(x: f64) -> f64;
        pub fn frexp(x: f64, e: *mut i32) -> f64;
        pub fn ldexp(x: f64, e: i32) -> f64;
        pub fn modf(x: f64, i: *mut f64) -> f64;
        pub fn nextafter(x: f64, y: f64) -> f64;
    }
}

macro_rules! c1 {
    ($name:ident) => {
        fn $name(x: f64) -> f64 {
            // SAFETY: a pure libm function of one double.
            unsafe { libm::$name(x) }
        }
    };
}
c1!(erf);
c1!(erfc);
c1!(asinh);
c1!(acosh);
c1!(atanh);

/// `cbrt` from the C library. Rust's `compiler_builtins` links its own `cbrt` into
/// the binary, and the linker binds the plain symbol to it; it rounds differently
/// from glibc's (`cbrt(27.0)`: 3.0 vs glibc's 3.0000000000000004, which CPython
/// prints). So the system libm's is looked up at run time.
fn cbrt(x: f64) -> f64 {
    type F = unsafe extern "C" fn(f64) -> f64;
    static SYS: std::sync::OnceLock<Option<F>> = std::sync::OnceLock::new();
    let f = SYS.get_or_init(|| {
        #[cfg(target_os = "linux")]
        {
            extern "C" {
                fn dlopen(name: *const std::ffi::c_char, flag: i32) -> *mut std::ffi::c_void;
                fn dlsym(
                    h: *mut std::ffi::c_void,
                    name: *const std::ffi::c_char,
                ) -> *mut std::ffi::c_void;
            }
            // SAFETY: dlopen/dlsym with NUL-terminated names; RTLD_NOW = 2. A
            // non-null result for "cbrt" is libm's `double cbrt(double)`.
            unsafe {
                let h = dlopen(c"libm.so.6".as_ptr(), 2);
                if h.is_null() {
                    return None;
                }
                let p = dlsym(h, c"cbrt".as_ptr());
                if p.is_null() {
                    return None;
                }
                Some(std::mem::transmute::<*mut std::ffi::c_void, F>(p))
            }
        }
        #[cfg(not(target_os = "linux"))]
        None
    });
    match f {
        // SAFETY: libm's cbrt, a pure function.
        Some(f) => unsafe { f(x) },
        // SAFETY: pure libm function.
        None => unsafe { libm::cbrt(x) },
    }
}
c1!(expm1);
c1!(log1p);
c1!(exp2);

fn c_frexp(x: f64) -> (f64, i32) {
    let mut e = 0i32;
    // SAFETY: libm frexp writes the exponent through the valid pointer.
    let m = unsafe { libm::frexp(x, &mut e) };
    (m, e)
}
fn c_ldexp(x: f64, e: i32) -> f64 {
    // SAFETY: pure libm function.
    unsafe { libm::ldexp(x, e) }
}
fn c_nextafter(x: f64, y: f64) -> f64 {
    // SAFETY: pure libm function.
    unsafe { libm::nextafter(x, y) }
}

/// The `math` module's attributes.
pub fn attrs(vm: &mut Vm) -> Vec<(String, Value)> {
    let mut attrs = functions(
        vm,
        &[
            ("acos", m_acos),
            ("acosh", m_acosh),
            ("asin", m_asin),
            ("asinh", m_asinh),
            ("atan", m_atan),
            ("atan2", m_atan2),
            ("atanh", m_atanh),
            ("cbrt", m_cbrt),
            ("ceil", m_ceil),
            ("comb", m_comb),
            ("copysign", m_copysign),
            ("cos", m_cos),
            ("cosh", m_cosh),
            ("degrees", m_degrees),
            ("dist", m_dist),
            ("erf", m_erf),
            ("erfc", m_erfc),
            ("exp", m_exp),
            ("exp2", m_exp2),
            ("expm1", m_expm1),
            ("fabs", m_fabs),
            ("factorial", m_factorial),
            ("floor", m_floor),
            ("fmod", m_fmod),
            ("frexp", m_frexp),
            ("fsum", m_fsum),
            ("gamma", m_gamma),
            ("gcd", m_gcd),
            ("hypot", m_hypot),
            ("isclose", m_isclose),
            ("isfinite", m_isfinite),
            ("isinf", m_isinf),
            ("isnan", m_isnan),
            ("isqrt", m_isqrt),
            ("lcm", m_lcm),
            ("ldexp", m_ldexp),
            ("lgamma", m_lgamma),
            ("log", m_log),
            ("log10", m_log10),
            ("log1p", m_log1p),
            ("log2", m_log2),
            ("modf", m_modf),
            ("nextafter", m_nextafter),
            ("perm", m_perm),
            ("pow", m_pow),
            ("prod", m_prod),
            ("radians", m_radians),
            ("remainder", m_remainder),
            ("sin", m_sin),
            ("sinh", m_sinh),
            ("sqrt", m_sqrt),
            ("tan", m_tan),
            ("tanh", m_tanh),
            ("trunc", m_trunc),
            ("ulp", m_ulp),
        ],
    );
    attrs.push(("pi".into(), Value::Float(std::f64::consts::PI)));
    attrs.push(("e".into(), Value::Float(std::f64::consts::E)));
    attrs.push(("tau".into(), Value::Float(std::f64::consts::TAU)));
    attrs.push(("inf".into(), Value::Float(f64::INFINITY)));
    attrs.push(("nan".into(), Value::Float(f64::NAN)));
    attrs
}

// -- Argument helpers -------------------------------------------------------------------

/// A float argument (ints convert), like `PyFloat_AsDouble`.
pub fn farg(vm: &mut Vm, v: Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => Ok(f),
        other => match int_ref(&other) {
            Some(i) => num::int_to_f64(i).map_err(|e| vm.num_err(e)),
            None => Err(vm.type_error(format!("must be real number, not {}", other.type_name()))),
        },
    }
}

/// An integer argument (`operator.index`).
fn iarg(vm: &mut Vm, v: Value) -> PyResult<BigInt> {
    match ops::to_bigint(&v) {
        Some(b) => Ok(b),
        None => Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            v.type_name()
        ))),
    }
}

/// Checks that `math.<name>()` got exactly one positional argument and no keywords,
/// with CPython's messages (METH_O functions).
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

/// Checks a two-argument function's arity (`_PyArg_CheckPositional`).
fn two_args(vm: &mut Vm, name: &str, args: &[Value], kw: KwArgs) -> PyResult<(f64, f64)> {
    no_kw(vm, name, kw)?;
    arity(vm, name, args, 2, 2)?;
    let x = farg(vm, args[0])?;
    let y = farg(vm, args[1])?;
    Ok((x, y))
}

fn domain(vm: &mut Vm) -> PyErr {
    vm.value_error("math domain error")
}

fn range(vm: &mut Vm) -> PyErr {
    vm.err(ExcType::OverflowError, "math range error")
}

/// Checks a libm result like CPython's `math_1`: NaN from a non-NaN input is a
/// domain error, infinity from a finite input a range error (`can_overflow`) or a
/// domain error (a singularity).
fn checked(vm: &mut Vm, x: f64, r: f64, can_overflow: bool) -> PyResult<Value> {
    if r.is_nan() && !x.is_nan() {
        return Err(domain(vm));
    }
    if r.is_infinite() && x.is_finite() {
        if can_overflow {
            return Err(range(vm));
        }
        return Err(domain(vm));
    }
    Ok(Value::Float(r))
}

/// CPython's `math_2` rules for a two-argument libm function's result.
fn checked2(vm: &mut Vm, x: f64, y: f64, r: f64) -> PyResult<Value> {
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain(vm));
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(range(vm));
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
unary_math!(m_asinh, "asinh", asinh, false);
unary_math!(m_acosh, "acosh", acosh, false);
unary_math!(m_atanh, "atanh", atanh, false);
unary_math!(m_cbrt, "cbrt", cbrt, false);
unary_math!(m_exp, "exp", f64::exp, true);
unary_math!(m_exp2, "exp2", exp2, true);
unary_math!(m_expm1, "expm1", expm1, true);
unary_math!(m_log1p, "log1p", log1p, false);
unary_math!(m_fabs, "fabs", f64::abs, false);
unary_math!(
    m_degrees,
    "degrees",
    |x| x * (180.0 / std::f64::consts::PI),
    true
);
unary_math!(
    m_radians,
    "radians",
    |x| x * (std::f64::consts::PI / 180.0),
    false
);
unary_math!(m_sqrt, "sqrt", f64::sqrt, false);
// erf and erfc never fail (CPython's math_1a: errno only on underflow to 0).
unary_math!(m_erf, "erf", erf, false);
unary_math!(m_erfc, "erfc", erfc, false);

/// `math.gamma` / `math.lgamma` (CPython's `math_1a` with its own m_tgamma/m_lgamma:
/// a singularity is a domain error, overflow a range error).
fn gamma_like(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kw: KwArgs,
    f: fn(f64) -> Result<f64, bool>,
) -> PyResult<Value> {
    one_arg(vm, name, args, kw)?;
    let x = farg(vm, args[0])?;
    match f(x) {
        Ok(r) => Ok(Value::Float(r)),
        Err(true) => Err(range(vm)),
        Err(false) => Err(domain(vm)),
    }
}
fn m_gamma(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    gamma_like(vm, "gamma", args, kw, tgamma)
}
fn m_lgamma(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    gamma_like(vm, "lgamma", args, kw, lgamma)
}

/// `f(v)` for a log function `f`, like CPython's `loghelper`: ints that convert to a
/// float use `f(float(v))`; larger ones are split as `m * 2**e` (frexp) and give
/// `f(m) + f(2) * e`, so `log10(10**400)` is exactly 400.0.
fn log_with(vm: &mut Vm, v: Value, f: fn(f64) -> f64) -> PyResult<f64> {
    if let Value::BigInt(b) = v {
        if b.value.sign() != Sign::Plus {
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
    if x.is_nan() || x == f64::INFINITY {
        return Ok(x);
    }
    if x <= 0.0 {
        return Err(domain(vm));
    }
    Ok(f(x))
}

fn m_log(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "log", kw)?;
    if args.is_empty() || args.len() > 2 {
        return Err(vm.type_error("math.log requires 1 to 2 arguments"));
    }
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

fn m_log2(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    one_arg(vm, "log2", args, kw)?;
    Ok(Value::Float(log_with(vm, args[0], f64::log2)?))
}

fn m_log10(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    one_arg(vm, "log10", args, kw)?;
    Ok(Value::Float(log_with(vm, args[0], f64::log10)?))
}

fn m_pow(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let (x, y) = two_args(vm, "pow", args, kw)?;
    let r = x.powf(y);
    if x.is_finite() && y.is_finite() {
        if r.is_nan() {
            return Err(domain(vm));
        }
        if r.is_infinite() {
            if x == 0.0 {
                return Err(domain(vm));
            }
            return Err(range(vm));
        }
    }
    Ok(Value::Float(r))
}

/// CPython's `m_atan2`: special values first, then libm.
fn m_atan2(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    use std::f64::consts::PI;
    let (y, x) = two_args(vm, "atan2", args, kw)?;
    let r = if x.is_nan() || y.is_nan() {
        f64::NAN
    } else if y.is_infinite() {
        if x.is_infinite() {
            if x.is_sign_positive() {
                (0.25 * PI).copysign(y)
            } else {
                (0.75 * PI).copysign(y)
            }
        } else {
            (0.5 * PI).copysign(y)
        }
    } else if x.is_infinite() || y == 0.0 {
        if x.is_sign_positive() {
            0.0f64.copysign(y)
        } else {
            PI.copysign(y)
        }
    } else {
        y.atan2(x)
    };
    checked2(vm, y, x, r)
}

fn m_fmod(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let (x, y) = two_args(vm, "fmod", args, kw)?;
    if y.is_infinite() && x.is_finite() {
        return Ok(Value::Float(x));
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain(vm));
    }
    Ok(Value::Float(r))
}

fn m_copysign(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let (x, y) = two_args(vm, "copysign", args, kw)?;
    checked2(vm, x, y, x.copysign(y))
}

/// CPython's `m_remainder`: IEEE 754 remainder, exact.
fn remainder(x: f64, y: f64) -> f64 {
    if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            return f64::NAN;
        }
        let absx = x.abs();
        let absy = y.abs();
        let m = absx % absy;
        let c = absy - m;
        let r = if m < c {
            m
        } else if m > c {
            -c
        } else {
            m - 2.0 * ((0.5 * (absx - m)) % absy)
        };
        return 1.0f64.copysign(x) * r;
    }
    if x.is_nan() {
        return x;
    }
    if y.is_nan() {
        return y;
    }
    if x.is_infinite() {
        return f64::NAN;
    }
    x
}

fn m_remainder(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let (x, y) = two_args(vm, "remainder", args, kw)?;
    checked2(vm, x, y, remainder(x, y))
}

fn m_nextafter(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let (x, y) = two_args(vm, "nextafter", args, kw)?;
    Ok(Value::Float(c_nextafter(x, y)))
}

fn m_ulp(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    one_arg(vm, "ulp", args, kw)?;
    let x = farg(vm, args[0])?;
    if x.is_nan() {
        return Ok(Value::Float(x));
    }
    let x = x.abs();
    if x.is_infinite() {
        return Ok(Value::Float(x));
    }
    let x2 = c_nextafter(x, f64::INFINITY);
    if x2.is_infinite() {
        return Ok(Value::Float(x - c_nextafter(x, f64::NEG_INFINITY)));
    }
    Ok(Value::Float(x2 - x))
}

fn m_isclose(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    only_kw(vm, "isclose", kw, &["a", "b", "rel_tol", "abs_tol"])?;
    if args.len() > 2 {
        return Err(vm.type_error(format!(
            "isclose() takes exactly 2 positional arguments ({} given)",
            args.len()
        )));
    }
    let mut ab = [None, None];
    for (i, &v) in args.iter().enumerate() {
        ab[i] = Some(v);
    }
    for (i, n) in ["a", "b"].iter().enumerate() {
        if let Some(v) = kwarg(kw, n) {
            if ab[i].is_some() {
                return Err(vm.type_error(format!(
                    "argument for isclose() given by name ('{n}') and position ({})",
                    i + 1
                )));
            }
            ab[i] = Some(v);
        }
    }
    let (Some(a), Some(b)) = (ab[0], ab[1]) else {
        let (n, p) = if ab[0].is_none() { ("a", 1) } else { ("b", 2) };
        return Err(vm.type_error(format!(
            "isclose() missing required argument '{n}' (pos {p})"
        )));
    };
    let a = farg(vm, a)?;
    let b = farg(vm, b)?;
    let rel_tol = match kwarg(kw, "rel_tol") {
        Some(v) => farg(vm, v)?,
        None => 1e-9,
    };
    let abs_tol = match kwarg(kw, "abs_tol") {
        Some(v) => farg(vm, v)?,
        None => 0.0,
    };
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(Value::Bool(true));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = (b - a).abs();
    Ok(Value::Bool(
        diff <= (rel_tol * b).abs() || diff <= (rel_tol * a).abs() || diff <= abs_tol,
    ))
}

// -- Rounding and predicates ------------------------------------------------------------

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
        other if name == "trunc" => Err(vm.type_error(format!(
            "type {} doesn't define __trunc__ method",
            other.type_name()
        ))),
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

// -- Float decomposition ----------------------------------------------------------------

fn m_frexp(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    one_arg(vm, "frexp", args, kw)?;
    let x = farg(vm, args[0])?;
    let (m, e) = if x.is_nan() || x.is_infinite() || x == 0.0 {
        (x, 0)
    } else {
        c_frexp(x)
    };
    Ok(vm.new_tuple(vec![Value::Float(m), Value::Int(e as i64)]))
}

fn m_ldexp(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "ldexp", kw)?;
    arity(vm, "ldexp", args, 2, 2)?;
    let x = farg(vm, args[0])?;
    let exp: i64 = match args[1] {
        Value::Int(i) => i,
        Value::Bool(b) => b as i64,
        Value::BigInt(b) => {
            if b.value.sign() == Sign::Minus {
                i64::MIN
            } else {
                i64::MAX
            }
        }
        _ => return Err(vm.type_error("Expected an int as second argument to ldexp.")),
    };
    let r = if x == 0.0 || !x.is_finite() {
        x
    } else if exp > i32::MAX as i64 {
        return Err(range(vm));
    } else if exp < i32::MIN as i64 {
        0.0f64.copysign(x)
    } else {
        let r = c_ldexp(x, exp as i32);
        if r.is_infinite() {
            return Err(range(vm));
        }
        r
    };
    Ok(Value::Float(r))
}

fn m_modf(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    one_arg(vm, "modf", args, kw)?;
    let x = farg(vm, args[0])?;
    let (frac, int) = if x.is_infinite() {
        (0.0f64.copysign(x), x)
    } else if x.is_nan() {
        (x, x)
    } else {
        let mut i = 0.0f64;
        // SAFETY: libm modf writes the integral part through the valid pointer.
        let f = unsafe { libm::modf(x, &mut i) };
        (f, i)
    };
    Ok(vm.new_tuple(vec![Value::Float(frac), Value::Float(int)]))
}

// -- Sums, products, norms --------------------------------------------------------------

/// Every item of an iterable (rooted while a later item is produced).
fn items_of(vm: &mut Vm, v: Value) -> PyResult<Vec<Value>> {
    let mark = vm.temp_roots.len();
    vm.temp_roots.push(v);
    let r = ops::collect_iter(vm, v);
    vm.temp_roots.truncate(mark);
    r
}

/// `math.fsum`: Shewchuk/Hettinger exact summation with CPython's final rounding.
fn m_fsum(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    one_arg(vm, "fsum", args, kw)?;
    let items = items_of(vm, args[0])?;
    let mut p: Vec<f64> = Vec::new();
    let mut special_sum = 0.0f64;
    let mut inf_sum = 0.0f64;
    for v in items {
        let mut x = farg(vm, v)?;
        let xsave = x;
        let mut i = 0;
        for j in 0..p.len() {
            let mut y = p[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let yr = hi - x;
            let lo = y - yr;
            if lo != 0.0 {
                p[i] = lo;
                i += 1;
            }
            x = hi;
        }
        p.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                if xsave.is_finite() {
                    return Err(vm.err(ExcType::OverflowError, "intermediate overflow in fsum"));
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special_sum += xsave;
                p.clear();
            } else {
                p.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err(vm.value_error("-inf + inf in fsum"));
        }
        return Ok(Value::Float(special_sum));
    }
    let mut hi = 0.0f64;
    let mut n = p.len();
    if n > 0 {
        n -= 1;
        hi = p[n];
        let mut lo = 0.0f64;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = p[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(Value::Float(hi))
}

/// `math.prod(iterable, *, start=1)`.
fn m_prod(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    for (k, _) in kw {
        if k.as_str() != "start" {
            return Err(vm.type_error(format!(
                "'{}' is an invalid keyword argument for prod()",
                k.as_str()
            )));
        }
    }
    if args.len() != 1 {
        return Err(vm.type_error(format!(
            "prod() takes exactly 1 positional argument ({} given)",
            args.len()
        )));
    }
    let items = items_of(vm, args[0])?;
    let mut acc = kwarg(kw, "start").unwrap_or(Value::Int(1));
    for v in items {
        acc = ops::mul(vm, acc, v)?;
    }
    Ok(acc)
}

/// CPython's `vector_norm`: sqrt(sum(x*x)) with lossless scaling, Veltkamp-Dekker
/// squaring, compensated summation and a differential correction of the root.
fn vector_norm(vec: &[f64], max: f64, found_nan: bool) -> f64 {
    const T27: f64 = 134217729.0;
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let (_, max_e) = c_frexp(max);
    let (mut csum, mut frac1, mut frac2, mut frac3) = (1.0f64, 0.0f64, 0.0f64, 0.0f64);
    if max_e >= -1023 {
        let scale = c_ldexp(1.0, -max_e);
        for &v in vec {
            let mut x = v * scale;
            let t = x * T27;
            let hi = t - (t - x);
            let lo = x - hi;
            x = hi * hi;
            let old = csum;
            csum += x;
            frac1 += (old - csum) + x;
            x = 2.0 * hi * lo;
            let old = csum;
            csum += x;
            frac2 += (old - csum) + x;
            frac3 += lo * lo;
        }
        let h = (csum - 1.0 + (frac1 + frac2 + frac3)).sqrt();
        let mut x = h;
        let t = x * T27;
        let hi = t - (t - x);
        let lo = x - hi;
        x = -hi * hi;
        let old = csum;
        csum += x;
        frac1 += (old - csum) + x;
        x = -2.0 * hi * lo;
        let old = csum;
        csum += x;
        frac2 += (old - csum) + x;
        x = -lo * lo;
        let old = csum;
        csum += x;
        frac3 += (old - csum) + x;
        let x = csum - 1.0 + (frac1 + frac2 + frac3);
        return (h + x / (2.0 * h)) / scale;
    }
    for &v in vec {
        let x = v / max;
        let x = x * x;
        let old = csum;
        csum += x;
        frac1 += (old - csum) + x;
    }
    max * (csum - 1.0 + frac1).sqrt()
}

fn m_hypot(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "hypot", kw)?;
    let mut coords = Vec::with_capacity(args.len());
    let (mut max, mut found_nan) = (0.0f64, false);
    for &a in args {
        let x = farg(vm, a)?.abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        coords.push(x);
    }
    Ok(Value::Float(vector_norm(&coords, max, found_nan)))
}

fn m_dist(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "dist", kw)?;
    arity(vm, "dist", args, 2, 2)?;
    let p = items_of(vm, args[0])?;
    vm.temp_roots.extend_from_slice(&p);
    let q = items_of(vm, args[1]);
    vm.temp_roots.truncate(vm.temp_roots.len() - p.len());
    let q = q?;
    if p.len() != q.len() {
        return Err(vm.value_error("both points must have the same number of dimensions"));
    }
    let mut diffs = Vec::with_capacity(p.len());
    let (mut max, mut found_nan) = (0.0f64, false);
    for (&a, &b) in p.iter().zip(&q) {
        let px = farg(vm, a)?;
        let qx = farg(vm, b)?;
        let x = (px - qx).abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        diffs.push(x);
    }
    Ok(Value::Float(vector_norm(&diffs, max, found_nan)))
}

// -- Integers -----------------------------------------------------------------------------

fn m_gcd(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    use num_integer::Integer;
    no_kw(vm, "gcd", kw)?;
    let mut acc = BigInt::from(0);
    for &a in args {
        let x = iarg(vm, a)?;
        acc = acc.gcd(&x);
    }
    Ok(vm.new_int(acc))
}

fn m_lcm(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    use num_integer::Integer;
    use num_traits::{Signed, Zero};
    no_kw(vm, "lcm", kw)?;
    let mut acc = BigInt::from(1);
    for (i, &a) in args.iter().enumerate() {
        let x = iarg(vm, a)?;
        if i == 0 {
            acc = x.abs();
        } else if !acc.is_zero() {
            acc = if x.is_zero() {
                BigInt::zero()
            } else {
                (&acc / acc.gcd(&x) * &x).abs()
            };
        }
    }
    Ok(vm.new_int(acc))
}

fn m_factorial(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    one_arg(vm, "factorial", args, kw)?;
    factorial(vm, args[0])
}

fn factorial(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let n = match v {
        Value::BigInt(b) if b.value.sign() == Sign::Minus => {
            return Err(vm.value_error("factorial() not defined for negative values"))
        }
        Value::BigInt(_) => {
            return Err(vm.err(
                ExcType::OverflowError,
                "factorial() argument should not exceed 9223372036854775807",
            ))
        }
        v => crate::builtins::arg_i64(vm, v)?,
    };
    if n < 0 {
        return Err(vm.value_error("factorial() not defined for negative values"));
    }
    if n > 1_000_000 {
        return Err(vm.err(
            ExcType::OverflowError,
            "factorial() argument should not exceed 1000000 in tvm",
        ));
    }
    Ok(vm.new_int(product_range(1, n as u64 + 1)))
}

/// The product of `lo..hi` (exclusive), split in halves so that big multiplications
/// have operands of similar size.
fn product_range(lo: u64, hi: u64) -> BigInt {
    if hi <= lo {
        return BigInt::from(1);
    }
    if hi - lo <= 16 {
        let mut acc = BigInt::from(1);
        let mut small: u64 = 1;
        for k in lo..hi {
            match small.checked_mul(k) {
                Some(s) => small = s,
                None => {
                    acc *= small;
                    small = k;
                }
            }
        }
        return acc * small;
    }
    let mid = lo + (hi - lo) / 2;
    product_range(lo, mid) * product_range(mid, hi)
}

fn m_isqrt(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    one_arg(vm, "isqrt", args, kw)?;
    let n = iarg(vm, args[0])?;
    if n.sign() == Sign::Minus {
        return Err(vm.value_error("isqrt() argument must be nonnegative"));
    }
    Ok(vm.new_int(n.sqrt()))
}

/// `n * (n-1) * ... * (n-k+1)` for a BigInt `n` and a small `k`.
fn falling(n: &BigInt, k: u64) -> BigInt {
    fn go(n: &BigInt, lo: u64, hi: u64) -> BigInt {
        if hi - lo <= 8 {
            let mut acc = BigInt::from(1);
            for i in lo..hi {
                acc *= n - i;
            }
            return acc;
        }
        let mid = lo + (hi - lo) / 2;
        go(n, lo, mid) * go(n, mid, hi)
    }
    if k == 0 {
        return BigInt::from(1);
    }
    go(n, 0, k)
}

/// `(n, k)` of comb/perm: both `operator.index`, both non-negative.
fn n_k(vm: &mut Vm, n: Value, k: Value) -> PyResult<(BigInt, BigInt)> {
    let n = iarg(vm, n)?;
    let k = iarg(vm, k)?;
    if n.sign() == Sign::Minus {
        return Err(vm.value_error("n must be a non-negative integer"));
    }
    if k.sign() == Sign::Minus {
        return Err(vm.value_error("k must be a non-negative integer"));
    }
    Ok((n, k))
}

fn small_k(vm: &mut Vm, k: &BigInt, what: &str) -> PyResult<u64> {
    use num_traits::ToPrimitive;
    match k.to_u64() {
        Some(k) if k <= i64::MAX as u64 => Ok(k),
        _ => Err(vm.err(
            ExcType::OverflowError,
            format!("{what} must not exceed 9223372036854775807"),
        )),
    }
}

fn m_comb(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "comb", kw)?;
    arity(vm, "comb", args, 2, 2)?;
    let (n, k) = n_k(vm, args[0], args[1])?;
    if k > n {
        return Ok(Value::Int(0));
    }
    let nk = &n - &k;
    let k = if nk < k { nk } else { k };
    let k = small_k(vm, &k, "min(n - k, k)")?;
    let r = falling(&n, k) / product_range(1, k + 1);
    Ok(vm.new_int(r))
}

fn m_perm(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "perm", kw)?;
    arity(vm, "perm", args, 1, 2)?;
    let k = match args.get(1) {
        None | Some(Value::None) => return factorial(vm, args[0]),
        Some(&k) => k,
    };
    let (n, k) = n_k(vm, args[0], k)?;
    if n < k {
        return Ok(Value::Int(0));
    }
    let k = small_k(vm, &k, "k")?;
    Ok(vm.new_int(falling(&n, k)))
}

// -- gamma and lgamma (CPython's m_tgamma / m_lgamma) ------------------------------------

const LANCZOS_N: usize = 13;
#[allow(clippy::excessive_precision)]
const LANCZOS_G: f64 = 6.024680040776729583740234375;
#[allow(clippy::excessive_precision)]
const LANCZOS_G_MINUS_HALF: f64 = 5.524680040776729583740234375;
#[allow(clippy::excessive_precision)]
const LANCZOS_NUM: [f64; LANCZOS_N] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];
const LANCZOS_DEN: [f64; LANCZOS_N] = [
    0.0,
    39916800.0,
    120543840.0,
    150917976.0,
    105258076.0,
    45995730.0,
    13339535.0,
    2637558.0,
    357423.0,
    32670.0,
    1925.0,
    66.0,
    1.0,
];
const GAMMA_INTEGRAL: [f64; 23] = [
    1.0,
    1.0,
    2.0,
    6.0,
    24.0,
    120.0,
    720.0,
    5040.0,
    40320.0,
    362880.0,
    3628800.0,
    39916800.0,
    479001600.0,
    6227020800.0,
    87178291200.0,
    1307674368000.0,
    20922789888000.0,
    355687428096000.0,
    6402373705728000.0,
    121645100408832000.0,
    2432902008176640000.0,
    51090942171709440000.0,
    1124000727777607680000.0,
];

fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0f64, 0.0f64);
    if x < 5.0 {
        for i in (0..LANCZOS_N).rev() {
            num = num * x + LANCZOS_NUM[i];
            den = den * x + LANCZOS_DEN[i];
        }
    } else {
        for i in 0..LANCZOS_N {
            num = num / x + LANCZOS_NUM[i];
            den = den / x + LANCZOS_DEN[i];
        }
    }
    num / den
}

fn sinpi(x: f64) -> f64 {
    use std::f64::consts::PI;
    let y = x.abs() % 2.0;
    let n = (2.0 * y).round() as i32;
    let r = match n {
        0 => (PI * y).sin(),
        1 => (PI * (y - 0.5)).cos(),
        2 => (PI * (1.0 - y)).sin(),
        3 => -(PI * (y - 1.5)).cos(),
        _ => (PI * (y - 2.0)).sin(),
    };
    1.0f64.copysign(x) * r
}

/// Gamma; `Err(true)` for overflow, `Err(false)` for a domain error.
fn tgamma(x: f64) -> Result<f64, bool> {
    use std::f64::consts::PI;
    if !x.is_finite() {
        if x.is_nan() || x > 0.0 {
            return Ok(x);
        }
        return Err(false);
    }
    if x == 0.0 {
        return Err(false);
    }
    if x == x.floor() {
        if x < 0.0 {
            return Err(false);
        }
        if x <= GAMMA_INTEGRAL.len() as f64 {
            return Ok(GAMMA_INTEGRAL[x as usize - 1]);
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        let r = 1.0 / x;
        return if r.is_infinite() { Err(true) } else { Ok(r) };
    }
    if absx > 200.0 {
        if x < 0.0 {
            return Ok(0.0 / sinpi(x));
        }
        return Err(true);
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    let z = if absx > LANCZOS_G_MINUS_HALF {
        let q = y - absx;
        q - LANCZOS_G_MINUS_HALF
    } else {
        let q = y - LANCZOS_G_MINUS_HALF;
        q - absx
    };
    let z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        r = -PI / sinpi(absx) / absx * y.exp() / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= y.powf(absx - 0.5);
        } else {
            let sqrtpow = y.powf(absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = lanczos_sum(absx) / y.exp();
        r += z * r;
        if absx < 140.0 {
            r *= y.powf(absx - 0.5);
        } else {
            let sqrtpow = y.powf(absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    if r.is_infinite() {
        return Err(true);
    }
    Ok(r)
}

/// log(abs(gamma(x))); errors as for `tgamma`.
fn lgamma(x: f64) -> Result<f64, bool> {
    #[allow(clippy::excessive_precision)]
    const LOGPI: f64 = 1.144729885849400174143427351353058711647;
    if !x.is_finite() {
        if x.is_nan() {
            return Ok(x);
        }
        return Ok(f64::INFINITY);
    }
    if x == x.floor() && x <= 2.0 {
        if x <= 0.0 {
            return Err(false);
        }
        return Ok(0.0);
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return Ok(-absx.ln());
    }
    let mut r = lanczos_sum(absx).ln() - LANCZOS_G;
    r += (absx - 0.5) * ((absx + LANCZOS_G - 0.5).ln() - 1.0);
    if x < 0.0 {
        r = LOGPI - sinpi(absx).abs().ln() - absx.ln() - r;
    }
    if r.is_infinite() {
        return Err(true);
    }
    Ok(r)
}
