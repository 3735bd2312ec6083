//! Ops: Python semantics of operators, comparisons, iteration, subscripts and
//! attribute lookup — the slow paths behind the interpreter's inline fast paths.
//!
//! Every function takes the VM (to allocate results and raise errors) and plain
//! `Value`s. Numeric work is delegated to `num.rs`, formatting to `format.rs`; the
//! error messages are CPython 3.11's.

use crate::bytecode::Site;
use crate::classes::{self, BinOp};
use crate::error::{ExcType, PyErr};
use crate::gc::Gc;
use crate::interp::Vm;
use crate::num::{self, Int, IntRef};
use crate::object::*;
use crate::value::Value;
use num_bigint::BigInt;
use std::cmp::Ordering;

// -- Numbers ------------------------------------------------------------------------

/// The int view of an int or bool.
#[inline]
pub fn int_ref(v: &Value) -> Option<IntRef<'_>> {
    match v {
        Value::Int(i) => Some(IntRef::Small(*i)),
        Value::Bool(b) => Some(IntRef::Small(*b as i64)),
        Value::BigInt(b) => Some(IntRef::Big(&b.value)),
        _ => None,
    }
}

/// An owned BigInt of an int value.
pub fn to_bigint(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::Bool(b) => Some(BigInt::from(*b as i64)),
        Value::BigInt(b) => Some(b.value.clone()),
        _ => None,
    }
}

/// Float view of a number (ints convert, possibly overflowing).
fn float_of(vm: &mut Vm, v: &Value) -> Option<PyResult<f64>> {
    match v {
        Value::Float(f) => Some(Ok(*f)),
        Value::Int(i) => Some(Ok(*i as f64)),
        Value::Bool(b) => Some(Ok(*b as i64 as f64)),
        Value::BigInt(b) => Some(num::int_to_f64(IntRef::Big(&b.value)).map_err(|e| vm.num_err(e))),
        _ => None,
    }
}

fn is_number(v: &Value) -> bool {
    matches!(
        v,
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Float(_)
    )
}

fn unsupported(vm: &mut Vm, op: &str, a: &Value, b: &Value) -> PyErr {
    vm.type_error(format!(
        "unsupported operand type(s) for {op}: '{}' and '{}'",
        a.type_name(),
        b.type_name()
    ))
}

/// Applies a float operation to two numbers at least one of which is a float.
fn float_binop(
    vm: &mut Vm,
    a: &Value,
    b: &Value,
    f: impl FnOnce(&mut Vm, f64, f64) -> PyResult<Value>,
) -> Option<PyResult<Value>> {
    if !(matches!(a, Value::Float(_)) || matches!(b, Value::Float(_)))
        || !is_number(a)
        || !is_number(b)
    {
        return None;
    }
    let x = match float_of(vm, a)? {
        Ok(x) => x,
        Err(e) => return Some(Err(e)),
    };
    let y = match float_of(vm, b)? {
        Ok(y) => y,
        Err(e) => return Some(Err(e)),
    };
    Some(f(vm, x, y))
}

fn num_result(vm: &mut Vm, r: Result<Int, num::NumError>) -> PyResult<Value> {
    match r {
        Ok(i) => Ok(vm.int(i)),
        Err(e) => Err(vm.num_err(e)),
    }
}

/// `a + b`.
pub fn add(vm: &mut Vm, a: Value, b: Value) -> PyResult<Value> {
    if let Some(r) = classes::binary_op(vm, a, b, BinOp::Add)? {
        return Ok(r);
    }
    if let (Some(x), Some(y)) = (int_ref(&a), int_ref(&b)) {
        let r = num::add(x, y);
        return Ok(vm.int(r));
    }
    if let Some(r) = float_binop(vm, &a, &b, |_, x, y| Ok(Value::Float(x + y))) {
        return r;
    }
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => Ok(concat_str(vm, x, y)),
        (Value::List(x), Value::List(y)) => {
            let mut v = Vec::with_capacity(x.len() + y.len());
            v.extend_from_slice(x.items());
            v.extend_from_slice(y.items());
            Ok(vm.new_list(v))
        }
        (Value::Tuple(x), Value::Tuple(y)) => {
            let mut v = Vec::with_capacity(x.items.len() + y.items.len());
            v.extend_from_slice(&x.items);
            v.extend_from_slice(&y.items);
            Ok(vm.new_tuple(v))
        }
        (Value::Str(_), other) => Err(vm.type_error(format!(
            "can only concatenate str (not \"{}\") to str",
            other.type_name()
        ))),
        (Value::List(_), other) => Err(vm.type_error(format!(
            "can only concatenate list (not \"{}\") to list",
            other.type_name()
        ))),
        (Value::Tuple(_), other) => Err(vm.type_error(format!(
            "can only concatenate tuple (not \"{}\") to tuple",
            other.type_name()
        ))),
        _ => Err(unsupported(vm, "+", &a, &b)),
    }
}

/// `a += b`: `__iadd__`, lists extend in place, else `+`.
pub fn inplace_add(vm: &mut Vm, a: Value, b: Value) -> PyResult<Value> {
    classes::inplace_op(vm, a, b, BinOp::Add)
}

/// `a += b` for builtin values: lists extend in place.
pub fn inplace_add_builtin(vm: &mut Vm, a: Value, b: Value) -> PyResult<Value> {
    if let Value::List(l) = a {
        let items = collect_iter(vm, b).map_err(|e| {
            if e.0.ty.name == "TypeError" {
                vm.type_error(format!("'{}' object is not iterable", b.type_name()))
            } else {
                e
            }
        })?;
        l.items_mut().extend_from_slice(&items);
        vm.heap.note_alloc(items.len() * 16);
        return Ok(a);
    }
    let r = add(vm, a, b);
    inplace_msg(vm, r, "+")
}

/// `x + y` for two strs (see `StrObj::concat`): short results live inline, long
/// ones in a buffer later `+`s can append to; the character count is the sum, not
/// a rescan.
pub fn concat_str(vm: &mut Vm, x: Gc<StrObj>, y: Gc<StrObj>) -> Value {
    let (a, b) = (x.as_str(), y.as_str());
    if a.len() + b.len() <= crate::object::STR_INLINE {
        let n = x.char_len() + y.char_len();
        let mut buf = [0u8; crate::object::STR_INLINE];
        buf[..a.len()].copy_from_slice(a.as_bytes());
        buf[a.len()..a.len() + b.len()].copy_from_slice(b.as_bytes());
        // SAFETY: two UTF-8 strings back to back are UTF-8.
        let t = unsafe { std::str::from_utf8_unchecked(&buf[..a.len() + b.len()]) };
        return vm.new_str_n(t, n);
    }
    let (obj, bytes) = x.concat(&y);
    vm.alloc_str_obj(obj, bytes)
}

/// `a - b`.
pub fn sub(vm: &mut Vm, a: Value, b: Value) -> PyResult<Value> {
    if let Some(r) = classes::binary_op(vm, a, b, BinOp::Sub)? {
        return Ok(r);
    }
    if let (Some(x), Some(y)) = (int_ref(&a), int_ref(&b)) {
        let r = num::sub(x, y);
        return Ok(vm.int(r));
    }
    if let Some(r) = float_binop(vm, &a, &b, |_, x, y| Ok(Value::Float(x - y))) {
        return r;
    }
    if let Some(r) = crate::set::binop(vm, "-", a, b) {
        return r;
    }
    Err(unsupported(vm, "-", &a, &b))
}

fn repeat_count(vm: &mut Vm, n: &Value, len: usize) -> PyResult<usize> {
    let n = match n {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        Value::BigInt(b) => {
            if b.value.sign() == num_bigint::Sign::Minus {
                0
            } else {
                return Err(vm.err(
                    ExcType::OverflowError,
                    "cannot fit 'int' into an index-sized integer",
                ));
            }
        }
        _ => unreachable!("repeat count"),
    };
    if n <= 0 || len == 0 {
        return Ok(0);
    }
    let n = n as usize;
    if n.checked_mul(len).is_none_or(|t| t > (1usize << 40)) {
        return Err(vm.err_args(ExcType::MemoryError, vec![]));
    }
    Ok(n)
}

fn seq_repeat(vm: &mut Vm, seq: Value, n: &Value) -> PyResult<Value> {
    match seq {
        Value::Str(s) => {
            let k = repeat_count(vm, n, s.as_str().len())?;
            Ok(vm.new_str_n(s.as_str().repeat(k), s.char_len() * k))
        }
        Value::List(l) => {
            let k = repeat_count(vm, n, l.len())?;
            let items = l.items().repeat(k);
            Ok(vm.new_list(items))
        }
        Value::Tuple(t) => {
            let k = repeat_count(vm, n, t.items.len())?;
            if k == 1 {
                return Ok(seq);
            }
            let items = t.items.repeat(k);
            Ok(vm.new_tuple(items))
        }
        _ => unreachable!("seq_repeat"),
    }
}

fn is_seq(v: &Value) -> bool {
    matches!(v, Value::Str(_) | Value::List(_) | Value::Tuple(_))
}

/// `a * b`.
pub fn mul(vm: &mut Vm, a: Value, b: Value) -> PyResult<Value> {
    if let Some(r) = classes::binary_op(vm, a, b, BinOp::Mul)? {
        return Ok(r);
    }
    if let (Some(x), Some(y)) = (int_ref(&a), int_ref(&b)) {
        let r = num::mul(x, y);
        return Ok(vm.int(r));
    }
    if let Some(r) = float_binop(vm, &a, &b, |_, x, y| Ok(Value::Float(x * y))) {
        return r;
    }
    if is_seq(&a) && int_ref(&b).is_some() {
        return seq_repeat(vm, a, &b);
    }
    if is_seq(&b) && int_ref(&a).is_some() {
        return seq_repeat(vm, b, &a);
    }
    if is_seq(&a) {
        return Err(vm.type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            b.type_name()
        )));
    }
    if is_seq(&b) && !is_seq(&a) {
        return Err(vm.type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            a.type_name()
        )));
    }
    Err(unsupported(vm, "*", &a, &b))
}

/// `a *= b`: `__imul__`, lists repeat in place, else `*`.
pub fn inplace_mul(vm: &mut Vm, a: Value, b: Value) -> PyResult<Value> {
    classes::inplace_op(vm, a, b, BinOp::Mul)
}

/// `a *= b` for builtin values: lists repeat in place.
pub fn inplace_mul_builtin(vm: &mut Vm, a: Value, b: Value) -> PyResult<Value> {
    if let (Value::List(l), Some(_)) = (a, int_ref(&b)) {
        let k = repeat_count(vm, &b, l.len())?;
        let items = l.items().repeat(k);
        *l.items_mut() = items;
        return Ok(a);
    }
    let r = mul(vm, a, b);
    inplace_msg(vm, r, "*")
}

/// Rewrites the "unsupported operand" TypeError of the binary operator `sym` into
/// the augmented assignment's (`for |=:`), as CPython reports it.
fn inplace_msg(vm: &mut Vm, r: PyResult<Value>, sym: &str) -> PyResult<Value> {
    let Err(e) = r else { return r };
    if !matches!(e.0.ty.kind, TypeKind::Exception(ExcType::TypeError)) {
        return Err(e);
    }
    let prefix = format!("unsupported operand type(s) for {sym}:");
    let msg = match e.0.args.first() {
        Some(Value::Str(m)) if m.as_str().starts_with(&prefix) => {
            format!(
                "unsupported operand type(s) for {sym}=:{}",
                &m.as_str()[prefix.len()..]
            )
        }
        _ => return Err(e),
    };
    Err(vm.type_error(msg))
}

/// `a / b`.
pub fn truediv(vm: &mut Vm, a: Value, b: Value) -> PyResult<Value> {
    if let Some(r) = classes::binary_op(vm, a, b, BinOp::TrueDiv)? {
        return Ok(r);
    }
    if let (Some(x), Some(y)) = (int_ref(&a), int_ref(&b)) {
        return match num::truediv(x, y) {
            Ok(f) => Ok(Value::Float(f)),
            Err(e) => Err(vm.num_err(e)),
        };
    }
    if let Some(r) = float_binop(vm, &a, &b, |vm, x, y| {
        if y == 0.0 {
            Err(vm.err(ExcType::ZeroDivisionError, "float division by zero"))
        } else {
            Ok(Value::Float(x / y))
        }
    }) {
        return r;
    }
    Err(unsupported(vm, "/", &a, &b))
}

/// A numeric operator whose int and float semantics both live in `num` and may fail
/// (`//`, `%`); None if the operands are not numbers.
fn checked_num_op(
    vm: &mut Vm,
    a: &Value,
    b: &Value,
    int_op: fn(IntRef, IntRef) -> Result<Int, num::NumError>,
    float_op: fn(f64, f64) -> Result<f64, num::NumError>,
) -> Option<PyResult<Value>> {
    if let (Some(x), Some(y)) = (int_ref(a), int_ref(b)) {
        let r = int_op(x, y);
        return Some(num_result(vm, r));
    }
    float_binop(vm, a, b, |vm, x, y| {
        float_op(x, y).map(Value::Float).map_err(|e| vm.num_err(e))
    })
}

/// `a // b`.
pub fn floordiv(vm: &mut Vm, a: Value, b: Value) -> PyResult<Value> {
    if let Some(r) = classes::binary_op(vm, a, b, BinOp::FloorDiv)? {
        return Ok(r);
    }
    match checked_num_op(vm, &a, &b, num::floordiv, num::float_floordiv) {
        Some(r) => r,
        None => Err(unsupported(vm, "//", &a, &b)),
    }
}

/// `a % b` (and `str % args`).
pub fn modulo(vm: &mut Vm, a: Value, b: Value) -> PyResult<Value> {
    if !matches!(a, Value::Str(_)) {
        if let Some(r) = classes::binary_op(vm, a, b, BinOp::Mod)? {
            return Ok(r);
        }
    }
    if let Some(r) = checked_num_op(vm, &a, &b, num::modulo, num::float_mod) {
        return r;
    }
    if let Value::Str(s) = a {
        let out = crate::builtins::percent_format(vm, s.as_str(), b)?;
        return Ok(vm.new_str(out));
    }
    Err(unsupported(vm, "%", &a, &b))
}

/// `a ** b`.
pub fn pow(vm: &mut Vm, a: Value, b: Value) -> PyResult<Value> {
    if let Some(r) = classes::binary_op(vm, a, b, BinOp::Pow)? {
        return Ok(r);
    }
    if let (Some(x), Some(y)) = (int_ref(&a), int_ref(&b)) {
        return match num::pow(x, y) {
            Ok(num::Num::Int(i)) => Ok(vm.int(i)),
            Ok(num::Num::Float(f)) => Ok(Value::Float(f)),
            Err(e) => Err(vm.num_err(e)),
        };
    }
    if let Some(r) = float_binop(vm, &a, &b, |vm, x, y| {
        num::float_pow(x, y)
            .map(Value::Float)
            .map_err(|e| vm.num_err(e))
    }) {
        return r;
    }
    Err(unsupported(vm, "** or pow()", &a, &b))
}

fn bool_pair(a: &Value, b: &Value) -> Option<(bool, bool)> {
    match (a, b) {
        (Value::Bool(x), Value::Bool(y)) => Some((*x, *y)),
        _ => None,
    }
}

macro_rules! int_only_op {
    ($name:ident, $sym:literal, $numf:path, $boolop:tt, $op:ident) => {
        #[doc = concat!("`a ", $sym, " b` on ints (bools stay bools).")]
        pub fn $name(vm: &mut Vm, a: Value, b: Value) -> PyResult<Value> {
            if let Some(r) = classes::binary_op(vm, a, b, BinOp::$op)? {
                return Ok(r);
            }
            if let Some((x, y)) = bool_pair(&a, &b) {
                return Ok(Value::Bool(x $boolop y));
            }
            if let (Some(x), Some(y)) = (int_ref(&a), int_ref(&b)) {
                let r = $numf(x, y);
                return Ok(vm.int(r));
            }
            if let Some(r) = crate::set::binop(vm, $sym, a, b) {
                return r;
            }
            Err(unsupported(vm, $sym, &a, &b))
        }
    };
}
int_only_op!(bitand, "&", num::and, &, And);
int_only_op!(bitor, "|", num::or, |, Or);
int_only_op!(bitxor, "^", num::xor, ^, Xor);

/// `a << b`.
pub fn lshift(vm: &mut Vm, a: Value, b: Value) -> PyResult<Value> {
    if let Some(r) = classes::binary_op(vm, a, b, BinOp::LShift)? {
        return Ok(r);
    }
    if let (Some(x), Some(y)) = (int_ref(&a), int_ref(&b)) {
        let r = num::lshift(x, y);
        return num_result(vm, r);
    }
    Err(unsupported(vm, "<<", &a, &b))
}

/// `a >> b`.
pub fn rshift(vm: &mut Vm, a: Value, b: Value) -> PyResult<Value> {
    if let Some(r) = classes::binary_op(vm, a, b, BinOp::RShift)? {
        return Ok(r);
    }
    if let (Some(x), Some(y)) = (int_ref(&a), int_ref(&b)) {
        let r = num::rshift(x, y);
        return num_result(vm, r);
    }
    Err(unsupported(vm, ">>", &a, &b))
}

/// `-a`.
pub fn neg(vm: &mut Vm, a: Value) -> PyResult<Value> {
    if let Some(x) = int_ref(&a) {
        let r = num::neg(x);
        return Ok(vm.int(r));
    }
    if let Value::Float(f) = a {
        return Ok(Value::Float(-f));
    }
    if let Some(r) = classes::unary_op(vm, a, "__neg__")? {
        return Ok(r);
    }
    Err(vm.type_error(format!("bad operand type for unary -: '{}'", a.type_name())))
}

/// `+a`.
pub fn pos(vm: &mut Vm, a: Value) -> PyResult<Value> {
    match a {
        Value::Bool(b) => Ok(Value::Int(b as i64)),
        Value::Int(_) | Value::BigInt(_) | Value::Float(_) => Ok(a),
        _ => {
            if let Some(r) = classes::unary_op(vm, a, "__pos__")? {
                return Ok(r);
            }
            Err(vm.type_error(format!("bad operand type for unary +: '{}'", a.type_name())))
        }
    }
}

/// `~a`.
pub fn invert(vm: &mut Vm, a: Value) -> PyResult<Value> {
    if let Some(x) = int_ref(&a) {
        let r = num::invert(x);
        return Ok(vm.int(r));
    }
    if let Some(r) = classes::unary_op(vm, a, "__invert__")? {
        return Ok(r);
    }
    Err(vm.type_error(format!("bad operand type for unary ~: '{}'", a.type_name())))
}

/// Truth value.
pub fn truthy(vm: &mut Vm, v: Value) -> PyResult<bool> {
    Ok(match v {
        Value::Instance(_) | Value::Exc(_) if classes::is_user(&v) => {
            return classes::user_truthy(vm, v)
        }
        Value::Descr(_) if classes::is_not_implemented(&v) => true,
        Value::None | Value::Undef => false,
        Value::Bool(b) => b,
        Value::Int(i) => i != 0,
        Value::Float(f) => f != 0.0,
        Value::BigInt(_) => true,
        Value::Str(s) => !s.as_str().is_empty(),
        Value::List(l) => !l.is_empty(),
        Value::Tuple(t) => !t.items.is_empty(),
        Value::Dict(d) => !d.table().is_empty(),
        Value::Range(r) => !r.is_empty(),
        Value::DictView(v) => !v.dict.table().is_empty(),
        Value::Set(s) | Value::FrozenSet(s) => !s.is_empty(),
        _ => true,
    })
}

// -- Comparison -----------------------------------------------------------------------

/// A rich comparison operator.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Cmp {
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `==`
    Eq,
    /// `!=`
    Ne,
}

impl Cmp {
    fn symbol(self) -> &'static str {
        match self {
            Cmp::Lt => "<",
            Cmp::Le => "<=",
            Cmp::Gt => ">",
            Cmp::Ge => ">=",
            Cmp::Eq => "==",
            Cmp::Ne => "!=",
        }
    }
    fn test(self, o: Ordering) -> bool {
        match self {
            Cmp::Lt => o == Ordering::Less,
            Cmp::Le => o != Ordering::Greater,
            Cmp::Gt => o == Ordering::Greater,
            Cmp::Ge => o != Ordering::Less,
            Cmp::Eq => o == Ordering::Equal,
            Cmp::Ne => o != Ordering::Equal,
        }
    }
}

/// Numeric ordering (None if NaN is involved or not both numbers).
fn num_cmp(a: &Value, b: &Value) -> Option<Option<Ordering>> {
    match (a, b) {
        (Value::Float(x), Value::Float(y)) => Some(x.partial_cmp(y)),
        (Value::Float(x), _) => int_ref(b).map(|y| num::cmp_int_float(y, *x).map(|o| o.reverse())),
        (_, Value::Float(y)) => int_ref(a).map(|x| num::cmp_int_float(x, *y)),
        _ => match (int_ref(a), int_ref(b)) {
            (Some(x), Some(y)) => Some(Some(num::cmp(x, y))),
            _ => None,
        },
    }
}

/// Equality for values whose `==` needs no Python code (all builtin types).
pub fn eq(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    if let Some(r) = classes::rich_compare(vm, a, b, Cmp::Eq)? {
        return truthy(vm, r);
    }
    if let Some(o) = num_cmp(&a, &b) {
        return Ok(o == Some(Ordering::Equal));
    }
    Ok(match (a, b) {
        (Value::Str(x), Value::Str(y)) => Gc::ptr_eq(x, y) || x.as_str() == y.as_str(),
        (Value::List(x), Value::List(y)) => {
            if Gc::ptr_eq(x, y) {
                return Ok(true);
            }
            seq_eq(
                vm,
                x.items().clone().as_slice(),
                y.items().clone().as_slice(),
            )?
        }
        (Value::Tuple(x), Value::Tuple(y)) => Gc::ptr_eq(x, y) || seq_eq(vm, &x.items, &y.items)?,
        (Value::BoundMethod(x), Value::BoundMethod(y)) => x.func.is(&y.func) && x.this.is(&y.this),
        (Value::Dict(x), Value::Dict(y)) => {
            if Gc::ptr_eq(x, y) {
                return Ok(true);
            }
            if x.table().len() != y.table().len() {
                return Ok(false);
            }
            let entries: Vec<(Value, Value)> = x.table().iter().map(|e| (e.key, e.value)).collect();
            for (k, v) in entries {
                match dict_get(vm, y, k)? {
                    Some(w) => {
                        if !eq(vm, v, w)? {
                            return Ok(false);
                        }
                    }
                    None => return Ok(false),
                }
            }
            true
        }
        (Value::Range(x), Value::Range(y)) => {
            let (x, y) = (x.as_big(), y.as_big());
            let (lx, ly) = (x.len(), y.len());
            use num_traits::{One, Zero};
            lx == ly && (lx.is_zero() || (x.start == y.start && (lx.is_one() || x.step == y.step)))
        }
        (Value::Set(x) | Value::FrozenSet(x), Value::Set(y) | Value::FrozenSet(y)) => {
            let (fx, fy) = (
                matches!(a, Value::FrozenSet(_)),
                matches!(b, Value::FrozenSet(_)),
            );
            crate::set::set_eq(vm, x, y, fx, fy)?
        }
        (Value::DictView(x), Value::Set(_) | Value::FrozenSet(_) | Value::DictView(_))
        | (Value::Set(_) | Value::FrozenSet(_), Value::DictView(x))
            if x.kind != ViewKind::Values
                && !(matches!(b, Value::DictView(y) if y.kind == ViewKind::Values)) =>
        {
            view_set_eq(vm, a, b)?
        }
        (Value::DictView(x), Value::DictView(y))
            if x.kind == ViewKind::Keys && y.kind == ViewKind::Keys =>
        {
            eq(vm, Value::Dict(x.dict), Value::Dict(y.dict))? || {
                let xs: Vec<Value> = x.dict.table().iter().map(|e| e.key).collect();
                let mut all = xs.len() == y.dict.table().len();
                for k in xs {
                    if all && dict_get(vm, y.dict, k)?.is_none() {
                        all = false;
                    }
                }
                all
            }
        }
        _ => a.is(&b),
    })
}

/// `==` between a dict keys/items view and a set or another view: same size and
/// every element of one is in the other.
fn view_set_eq(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    let (la, lb) = (
        crate::builtins::len_of(vm, a)?,
        crate::builtins::len_of(vm, b)?,
    );
    if la != lb {
        return Ok(false);
    }
    let items = collect_iter(vm, a)?;
    for x in items {
        if !contains(vm, b, x)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn seq_eq(vm: &mut Vm, x: &[Value], y: &[Value]) -> PyResult<bool> {
    if x.len() != y.len() {
        return Ok(false);
    }
    // Item `==` may run Python code (and collect): keep the items alive.
    let mark = vm.temp_roots.len();
    vm.temp_roots.extend_from_slice(x);
    vm.temp_roots.extend_from_slice(y);
    let r = (|| {
        for (a, b) in x.iter().zip(y.iter()) {
            if !a.is(b) && !eq(vm, *a, *b)? {
                return Ok(false);
            }
        }
        Ok(true)
    })();
    vm.temp_roots.truncate(mark);
    r
}

/// Ordering of two values for `<` & co (None: unordered, e.g. NaN).
pub fn order(vm: &mut Vm, a: Value, b: Value, op: Cmp) -> PyResult<Option<Ordering>> {
    if let Some(o) = num_cmp(&a, &b) {
        return Ok(o);
    }
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => Ok(Some(x.as_str().cmp(y.as_str()))),
        (Value::List(x), Value::List(y)) => seq_order(
            vm,
            x.items().clone().as_slice(),
            y.items().clone().as_slice(),
            op,
        ),
        (Value::Tuple(x), Value::Tuple(y)) => seq_order(vm, &x.items, &y.items, op),
        (Value::Set(x) | Value::FrozenSet(x), Value::Set(y) | Value::FrozenSet(y)) => {
            crate::set::set_order(vm, x, y)
        }
        _ => Err(vm.type_error(format!(
            "'{}' not supported between instances of '{}' and '{}'",
            op.symbol(),
            a.type_name(),
            b.type_name()
        ))),
    }
}

fn seq_order(vm: &mut Vm, x: &[Value], y: &[Value], op: Cmp) -> PyResult<Option<Ordering>> {
    let mark = vm.temp_roots.len();
    vm.temp_roots.extend_from_slice(x);
    vm.temp_roots.extend_from_slice(y);
    let r = (|| {
        for (a, b) in x.iter().zip(y.iter()) {
            if a.is(b) || eq(vm, *a, *b)? {
                continue;
            }
            if classes::is_user(a) || classes::is_user(b) {
                return classes::order_user(vm, *a, *b, op);
            }
            return order(vm, *a, *b, op);
        }
        Ok(Some(x.len().cmp(&y.len())))
    })();
    vm.temp_roots.truncate(mark);
    r
}

/// `a <op> b` as a Python bool.
pub fn compare(vm: &mut Vm, a: Value, b: Value, op: Cmp) -> PyResult<Value> {
    if let Some(r) = classes::rich_compare(vm, a, b, op)? {
        return Ok(r);
    }
    let r = match op {
        Cmp::Eq => eq(vm, a, b)?,
        Cmp::Ne => !eq(vm, a, b)?,
        _ => match order(vm, a, b, op)? {
            Some(o) => op.test(o),
            None => false,
        },
    };
    Ok(Value::Bool(r))
}

/// `needle in container`.
pub fn contains(vm: &mut Vm, container: Value, needle: Value) -> PyResult<bool> {
    match container {
        Value::Instance(_) | Value::Exc(_) if classes::is_user(&container) => {
            classes::user_contains(vm, container, needle)
        }
        Value::List(l) => {
            let n = l.len();
            for i in 0..n {
                let Some(&x) = l.items().get(i) else { break };
                if x.is(&needle) || eq(vm, x, needle)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        Value::Tuple(t) => {
            for x in t.items.iter() {
                if x.is(&needle) || eq(vm, *x, needle)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        Value::Str(s) => match needle {
            Value::Str(n) => Ok(s.as_str().contains(n.as_str())),
            other => Err(vm.type_error(format!(
                "'in <string>' requires string as left operand, not {}",
                other.type_name()
            ))),
        },
        Value::Dict(d) => Ok(dict_get(vm, d, needle)?.is_some()),
        Value::Set(s) | Value::FrozenSet(s) => crate::set::contains(vm, s, needle),
        Value::DictView(v) => match v.kind {
            ViewKind::Keys => Ok(dict_get(vm, v.dict, needle)?.is_some()),
            _ => {
                let items = collect_iter(vm, container)?;
                for x in items {
                    if eq(vm, x, needle)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
        },
        Value::Range(r) if r.big.is_some() => {
            use num_integer::Integer;
            use num_traits::{Signed, Zero};
            let x = match needle {
                Value::Float(f) if f.fract() == 0.0 && f.is_finite() => match num::f64_to_int(f) {
                    Ok(Int::Small(i)) => BigInt::from(i),
                    Ok(Int::Big(b)) => b,
                    Err(_) => return Ok(false),
                },
                other => match to_bigint(&other) {
                    Some(b) => b,
                    None => return Ok(false),
                },
            };
            let b = r.as_big();
            let inside = if b.step.is_positive() {
                x >= b.start && x < b.stop
            } else {
                x <= b.start && x > b.stop
            };
            Ok(inside && (x - &b.start).mod_floor(&b.step).is_zero())
        }
        Value::Range(r) => {
            let x = match needle {
                Value::Int(i) => i,
                Value::Bool(b) => b as i64,
                Value::Float(f) if f.fract() == 0.0 && f.abs() < 9.2e18 => f as i64,
                _ => return Ok(false),
            };
            let (start, stop, step) = (r.start, r.stop, r.step);
            let inside = if step > 0 {
                x >= start && x < stop
            } else {
                x <= start && x > stop
            };
            Ok(inside && (x as i128 - start as i128) % step as i128 == 0)
        }
        Value::Iter(it) => {
            while let Some(x) = iter_next(vm, it)? {
                if x.is(&needle) || eq(vm, x, needle)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        other => Err(vm.type_error(format!(
            "argument of type '{}' is not iterable",
            other.type_name()
        ))),
    }
}

// -- Hashing and dicts ------------------------------------------------------------

/// `hash(v)`, CPython-compatible for numbers and tuples.
pub fn hash(vm: &mut Vm, v: Value) -> PyResult<i64> {
    if let Some(h) = classes::user_hash(vm, v)? {
        return Ok(h);
    }
    Ok(match v {
        Value::Int(i) => num::hash_int(IntRef::Small(i)),
        Value::Bool(b) => b as i64,
        Value::BigInt(b) => num::hash_int(IntRef::Big(&b.value)),
        Value::Float(f) => match num::hash_float(f) {
            Some(h) => h,
            None => (crate::value::addr_of(&v) >> 4) as i64,
        },
        Value::Str(s) => s.hash(),
        Value::None => 0xFCA86420,
        Value::Tuple(t) => {
            // CPython 3.11 tuplehash (xxHash-based).
            const P1: u64 = 11400714785074694791;
            const P2: u64 = 14029467366897019727;
            const P5: u64 = 2870177450012600261;
            let mut acc: u64 = P5;
            for item in t.items.iter() {
                let lane = hash(vm, *item)? as u64;
                acc = acc.wrapping_add(lane.wrapping_mul(P2));
                acc = acc.rotate_left(31);
                acc = acc.wrapping_mul(P1);
            }
            acc = acc.wrapping_add((t.items.len() as u64) ^ (P5 ^ 3527539));
            if acc == u64::MAX {
                1546275796
            } else {
                acc as i64
            }
        }
        Value::List(_) | Value::Dict(_) | Value::DictView(_) | Value::Slice(_) => {
            return Err(vm.type_error(format!("unhashable type: '{}'", v.type_name())))
        }
        Value::FrozenSet(s) => s.frozen_hash(),
        Value::Set(_) => return Err(vm.type_error("unhashable type: 'set'")),
        other => (crate::value::addr_of(&other) >> 4) as i64,
    })
}

/// Key equality inside dicts: identity, then builtin `==`.
#[inline]
fn key_eq(a: &Value, b: &Value) -> bool {
    if a.is(b) {
        return true;
    }
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => x.as_str() == y.as_str(),
        (Value::Int(x), Value::Int(y)) => x == y,
        _ => {
            if let Some(o) = num_cmp(a, b) {
                return o == Some(Ordering::Equal);
            }
            match (a, b) {
                (Value::Tuple(x), Value::Tuple(y)) => {
                    x.items.len() == y.items.len()
                        && x.items
                            .iter()
                            .zip(y.items.iter())
                            .all(|(p, q)| key_eq(p, q))
                }
                (Value::Set(x) | Value::FrozenSet(x), Value::Set(y) | Value::FrozenSet(y)) => {
                    set_key_eq(*x, *y)
                }
                _ => false,
            }
        }
    }
}

/// For a key of a user class (whose `__eq__` is Python code): the stored key equal
/// to `k` among those with hash `h`, found without holding the table across calls.
fn user_key(vm: &mut Vm, d: Gc<DictObj>, h: i64, k: Value) -> PyResult<Value> {
    let mut cands: smallvec::SmallVec<[Value; 2]> = smallvec::SmallVec::new();
    d.table().find(h, |x| {
        cands.push(*x);
        false
    });
    for c in cands {
        if c.is(&k) || eq(vm, k, c)? {
            return Ok(c);
        }
    }
    Ok(k)
}

/// Equality of two sets of builtin values without a `Vm` (frozenset dict keys).
fn set_key_eq(x: Gc<SetObj>, y: Gc<SetObj>) -> bool {
    x.len() == y.len()
        && x.frozen_hash() == y.frozen_hash()
        && x.table().iter().all(|e| {
            y.table()
                .iter()
                .any(|f| f.hash == e.hash && key_eq(&f.key, &e.key))
        })
}

/// `d[k]` lookup without raising KeyError.
pub fn dict_get(vm: &mut Vm, d: Gc<DictObj>, k: Value) -> PyResult<Option<Value>> {
    let h = hash(vm, k)?;
    if classes::is_user(&k) {
        let key = user_key(vm, d, h, k)?;
        return Ok(d.table().get(h, |x| x.is(&key)));
    }
    Ok(d.table().get(h, |x| key_eq(x, &k)))
}

/// `d[k] = v`.
pub fn dict_set(vm: &mut Vm, d: Gc<DictObj>, k: Value, v: Value) -> PyResult<()> {
    let h = hash(vm, k)?;
    let before = d.table().slots();
    if classes::is_user(&k) {
        let key = user_key(vm, d, h, k)?;
        d.table_mut().insert(h, k, v, |x| x.is(&key));
    } else {
        d.table_mut().insert(h, k, v, |x| key_eq(x, &k));
    }
    if d.table().slots() != before {
        vm.heap.note_alloc(48);
    }
    Ok(())
}

/// Removes `k`, returning its value.
pub fn dict_remove(vm: &mut Vm, d: Gc<DictObj>, k: Value) -> PyResult<Option<Value>> {
    let h = hash(vm, k)?;
    if classes::is_user(&k) {
        let key = user_key(vm, d, h, k)?;
        return Ok(d.table_mut().remove(h, |x| x.is(&key)).map(|e| e.value));
    }
    Ok(d.table_mut().remove(h, |x| key_eq(x, &k)).map(|e| e.value))
}

fn key_error(vm: &mut Vm, k: Value) -> PyErr {
    vm.err_args(ExcType::KeyError, vec![k])
}

// -- Iteration ------------------------------------------------------------------------

/// `iter(v)`.
pub fn get_iter(vm: &mut Vm, v: Value) -> PyResult<Gc<IterObj>> {
    let state = match v {
        Value::Iter(it) => return Ok(it),
        Value::Range(r) if r.big.is_some() => {
            let b = r.as_big();
            IterState::BigRange {
                cur: b.start,
                stop: b.stop,
                step: b.step,
            }
        }
        Value::Range(r) => IterState::Range {
            cur: r.start,
            stop: r.stop,
            step: r.step,
        },
        Value::List(_) | Value::Tuple(_) => IterState::Seq { seq: v, idx: 0 },
        Value::Str(s) => IterState::Str { s, pos: 0 },
        Value::Gen(gen) => IterState::Gen { gen },
        Value::Dict(d) => IterState::Dict {
            dict: d,
            idx: 0,
            len: d.table().len(),
            kind: ViewKind::Keys,
        },
        Value::DictView(dv) => IterState::Dict {
            dict: dv.dict,
            idx: 0,
            len: dv.dict.table().len(),
            kind: dv.kind,
        },
        Value::Instance(_) | Value::Exc(_) if classes::is_user(&v) => {
            return classes::get_iter_user(vm, v)
        }
        Value::Set(so) | Value::FrozenSet(so) => IterState::Set {
            set: so,
            idx: 0,
            len: so.len(),
        },
        other => {
            return Err(vm.type_error(format!("'{}' object is not iterable", other.type_name())))
        }
    };
    Ok(vm.heap.alloc(IterObj::new(state)))
}

/// `next(it)`: Some(value), or None when exhausted.
pub fn iter_next(vm: &mut Vm, it: Gc<IterObj>) -> PyResult<Option<Value>> {
    match it.state() {
        IterState::BigRange { cur, stop, step } => {
            use num_traits::Signed;
            let more = if step.is_positive() {
                *cur < *stop
            } else {
                *cur > *stop
            };
            if !more {
                return Ok(None);
            }
            let v = cur.clone();
            *cur += &*step;
            Ok(Some(vm.new_int(v)))
        }
        IterState::Range { cur, stop, step } => {
            let c = *cur;
            if (*step > 0 && c < *stop) || (*step < 0 && c > *stop) {
                *cur = c.checked_add(*step).unwrap_or(*stop);
                Ok(Some(Value::Int(c)))
            } else {
                Ok(None)
            }
        }
        IterState::Seq { seq, idx } => {
            let item = match seq {
                Value::List(l) => l.items().get(*idx).copied(),
                Value::Tuple(t) => t.items.get(*idx).copied(),
                _ => None,
            };
            match item {
                Some(v) => {
                    *idx += 1;
                    Ok(Some(v))
                }
                None => {
                    *it.state() = IterState::Done;
                    Ok(None)
                }
            }
        }
        IterState::Str { s, pos } => {
            let st = s.as_str();
            match st[*pos..].chars().next() {
                Some(c) => {
                    *pos += c.len_utf8();
                    Ok(Some(vm.char_str(c)))
                }
                None => Ok(None),
            }
        }
        IterState::Dict {
            dict,
            idx,
            len,
            kind,
        } => {
            let d = *dict;
            let kind = *kind;
            if d.table().len() != *len {
                *len = usize::MAX;
                return Err(vm.err(
                    ExcType::RuntimeError,
                    "dictionary changed size during iteration",
                ));
            }
            let t = d.table();
            while *idx < t.slots() {
                let i = *idx;
                *idx += 1;
                if let Some(e) = t.entry(i) {
                    let (k, v) = (e.key, e.value);
                    return Ok(Some(match kind {
                        ViewKind::Keys => k,
                        ViewKind::Values => v,
                        ViewKind::Items => vm.new_tuple(vec![k, v]),
                    }));
                }
            }
            Ok(None)
        }
        IterState::Reversed { seq, idx } => {
            if *idx == 0 {
                return Ok(None);
            }
            let i = *idx - 1;
            let item = match seq {
                Value::List(l) => l.items().get(i).copied(),
                Value::Tuple(t) => t.items.get(i).copied(),
                _ => None,
            };
            match item {
                Some(v) => {
                    *idx = i;
                    Ok(Some(v))
                }
                None => {
                    *idx = 0;
                    Ok(None)
                }
            }
        }
        IterState::Enumerate { inner, count } => {
            let (inner, c) = (*inner, *count);
            let Value::Iter(inner_it) = inner else {
                return Ok(None);
            };
            match iter_next(vm, inner_it)? {
                Some(v) => {
                    let next = add(vm, c, Value::Int(1))?;
                    if let IterState::Enumerate { count, .. } = it.state() {
                        *count = next;
                    }
                    Ok(Some(vm.new_tuple(vec![c, v])))
                }
                None => Ok(None),
            }
        }
        IterState::Zip { inners, strict } => {
            if inners.is_empty() {
                return Ok(None);
            }
            let (inners, strict) = (inners.clone(), *strict);
            let mark = vm.temp_roots.len();
            let r = (|| {
                for i in inners.iter() {
                    let Value::Iter(ii) = *i else {
                        return Ok(false);
                    };
                    match iter_next(vm, ii)? {
                        Some(v) => vm.temp_roots.push(v),
                        None => return Ok(false),
                    }
                }
                Ok(true)
            })();
            let out = vm.temp_roots.split_off(mark);
            if !r? {
                *it.state() = IterState::Done;
                if strict {
                    zip_strict_check(vm, &inners, out.len())?;
                }
                return Ok(None);
            }
            Ok(Some(vm.new_tuple(out)))
        }
        IterState::Gen { gen } => {
            let g = *gen;
            vm.gen_next(g)
        }
        IterState::User { obj } => {
            let obj = *obj;
            let r = classes::user_next(vm, obj)?;
            if r.is_none() {
                *it.state() = IterState::Done;
            }
            Ok(r)
        }
        IterState::GetItem { obj, idx } => {
            let (obj, i) = (*obj, *idx);
            let r = classes::getitem_next(vm, obj, i)?;
            match (&r, it.state()) {
                (Some(_), IterState::GetItem { idx, .. }) => *idx = i + 1,
                (None, st) => *st = IterState::Done,
                _ => {}
            }
            Ok(r)
        }
        IterState::Set { set, idx, len } => {
            let so = *set;
            if so.len() != *len {
                *len = usize::MAX;
                return Err(vm.err(ExcType::RuntimeError, "Set changed size during iteration"));
            }
            let t = so.table();
            while *idx < t.slots() {
                let i = *idx;
                *idx += 1;
                if let Some(e) = t.entry(i) {
                    return Ok(Some(e.key));
                }
            }
            Ok(None)
        }
        IterState::Map { .. } | IterState::Filter { .. } => map_filter_next(vm, it),
        IterState::Done => Ok(None),
    }
}

/// `zip(strict=True)` after iterator `i` ran out: CPython's length mismatch errors.
fn zip_strict_check(vm: &mut Vm, inners: &[Value], i: usize) -> PyResult<()> {
    let plural = |i: usize| {
        if i == 1 {
            " ".to_string()
        } else {
            "s 1-".to_string()
        }
    };
    if i > 0 {
        return Err(vm.value_error(format!(
            "zip() argument {} is shorter than argument{}{i}",
            i + 1,
            plural(i)
        )));
    }
    for (k, v) in inners.iter().enumerate().skip(1) {
        let Value::Iter(ii) = *v else { continue };
        if iter_next(vm, ii)?.is_some() {
            return Err(vm.value_error(format!(
                "zip() argument {} is longer than argument{}{k}",
                k + 1,
                plural(k)
            )));
        }
    }
    Ok(())
}

/// `next()` of a `map` or `filter` iterator: calls back into Python, so everything
/// held across the call is rooted (the iterator itself is reachable from the caller).
fn map_filter_next(vm: &mut Vm, it: Gc<IterObj>) -> PyResult<Option<Value>> {
    match it.state() {
        IterState::Map { func, inners } => {
            let func = *func;
            let inners = inners.clone();
            let mark = vm.temp_roots.len();
            let r = (|| {
                for i in inners {
                    let Value::Iter(ii) = i else { return Ok(None) };
                    match iter_next(vm, ii)? {
                        Some(v) => vm.temp_roots.push(v),
                        None => return Ok(None),
                    }
                }
                let args = vm.temp_roots[mark..].to_vec();
                vm.call_value(func, &args, &[]).map(Some)
            })();
            vm.temp_roots.truncate(mark);
            if matches!(r, Ok(None)) {
                *it.state() = IterState::Done;
            }
            r
        }
        IterState::Filter { func, inner } => {
            let (func, inner) = (*func, *inner);
            let Value::Iter(ii) = inner else {
                return Ok(None);
            };
            loop {
                let Some(x) = iter_next(vm, ii)? else {
                    *it.state() = IterState::Done;
                    return Ok(None);
                };
                let keep = if func.is_none()
                    || matches!(func, Value::Type(t) if t.kind == TypeKind::Bool)
                {
                    truthy(vm, x)?
                } else {
                    vm.temp_roots.push(x);
                    let r = vm.call_value(func, &[x], &[]);
                    vm.temp_roots.pop();
                    let r = r?;
                    truthy(vm, r)?
                };
                if keep {
                    return Ok(Some(x));
                }
            }
        }
        _ => Ok(None),
    }
}

/// Every item of an iterable.
pub fn collect_iter(vm: &mut Vm, v: Value) -> PyResult<Vec<Value>> {
    match v {
        Value::List(l) => Ok(l.items().clone()),
        Value::Tuple(t) => Ok(t.items.to_vec()),
        Value::Range(r) if r.big.is_none() => {
            // Allocated at once, as CPython does: a range too big for memory is a
            // MemoryError now, not after filling the machine.
            let n = r.len() as usize;
            let mut out: Vec<Value> = Vec::new();
            if n.checked_mul(std::mem::size_of::<Value>())
                .is_none_or(|b| b > crate::gc::memory_limit())
                || out.try_reserve_exact(n).is_err()
            {
                return Err(vm.err_args(ExcType::MemoryError, vec![]));
            }
            let mut x = r.start;
            for _ in 0..n {
                out.push(Value::Int(x));
                x = x.wrapping_add(r.step);
            }
            Ok(out)
        }
        _ => {
            // The items collected so far live on `temp_roots`: advancing the
            // iterator may run Python code (`map`), which may collect.
            let it = get_iter(vm, v)?;
            let mark = vm.temp_roots.len();
            vm.temp_roots.push(Value::Iter(it));
            let r = (|| {
                while let Some(x) = iter_next(vm, it)? {
                    vm.temp_roots.push(x);
                }
                Ok(())
            })();
            let out = vm.temp_roots.split_off(mark + 1);
            vm.temp_roots.truncate(mark);
            r.map(|_| out)
        }
    }
}

/// ForPrep: the loop state for iterating `v` (see `Op::ForPrep`).
pub fn for_prep(vm: &mut Vm, v: Value) -> PyResult<[Value; 3]> {
    Ok(match v {
        Value::Range(r) if r.big.is_none() => {
            [Value::Int(r.start), Value::Int(r.stop), Value::Int(r.step)]
        }
        Value::List(_) | Value::Tuple(_) | Value::Str(_) => [v, Value::Int(0), Value::None],
        // Resumed directly by `for_next`, with collections allowed (the loop
        // state lives in registers).
        Value::Gen(_) => [v, Value::None, Value::None],
        _ => {
            let it = get_iter(vm, v)?;
            [Value::Iter(it), Value::None, Value::None]
        }
    })
}

/// ForNext slow path: advances a non-range, non-list loop state.
pub fn for_next(vm: &mut Vm, state: &mut [Value; 3]) -> PyResult<Option<Value>> {
    match state[0] {
        Value::Tuple(t) => {
            let Value::Int(i) = state[1] else {
                return Ok(None);
            };
            match t.items.get(i as usize) {
                Some(v) => {
                    state[1] = Value::Int(i + 1);
                    Ok(Some(*v))
                }
                None => Ok(None),
            }
        }
        Value::List(l) => {
            let Value::Int(i) = state[1] else {
                return Ok(None);
            };
            match l.items().get(i as usize) {
                Some(v) => {
                    state[1] = Value::Int(i + 1);
                    Ok(Some(*v))
                }
                None => Ok(None),
            }
        }
        Value::Str(s) => {
            let Value::Int(pos) = state[1] else {
                return Ok(None);
            };
            let pos = pos as usize;
            match s.as_str()[pos..].chars().next() {
                Some(c) => {
                    state[1] = Value::Int((pos + c.len_utf8()) as i64);
                    Ok(Some(vm.char_str(c)))
                }
                None => Ok(None),
            }
        }
        Value::Iter(it) => iter_next(vm, it),
        Value::Gen(g) => match vm.gen_resume(g, Value::None, None)? {
            crate::generator::GenResult::Yield(v) => Ok(Some(v)),
            crate::generator::GenResult::Return(_) => Ok(None),
        },
        _ => Ok(None),
    }
}

/// `a, b = v`.
pub fn unpack(vm: &mut Vm, v: Value, n: usize) -> PyResult<Vec<Value>> {
    let items = match v {
        Value::Tuple(t) => t.items.to_vec(),
        Value::List(l) => l.items().clone(),
        _ => {
            let it = match get_iter(vm, v) {
                Ok(it) => it,
                Err(_) => {
                    return Err(vm.type_error(format!(
                        "cannot unpack non-iterable {} object",
                        v.type_name()
                    )))
                }
            };
            let mark = vm.temp_roots.len();
            vm.temp_roots.push(Value::Iter(it));
            let r = (|| {
                while let Some(x) = iter_next(vm, it)? {
                    vm.temp_roots.push(x);
                    if vm.temp_roots.len() - mark - 1 > n {
                        return Err(
                            vm.value_error(format!("too many values to unpack (expected {n})"))
                        );
                    }
                }
                Ok(())
            })();
            let out = vm.temp_roots.split_off(mark + 1);
            vm.temp_roots.truncate(mark);
            r?;
            out
        }
    };
    if items.len() > n {
        return Err(vm.value_error(format!("too many values to unpack (expected {n})")));
    }
    if items.len() < n {
        return Err(vm.value_error(format!(
            "not enough values to unpack (expected {n}, got {})",
            items.len()
        )));
    }
    Ok(items)
}

/// `a, *b, c = v`: `before` items, a list of the middle, `after` items.
pub fn unpack_ex(vm: &mut Vm, v: Value, before: usize, after: usize) -> PyResult<Vec<Value>> {
    let items = match v {
        Value::Tuple(t) => t.items.to_vec(),
        Value::List(l) => l.items().clone(),
        _ => {
            if get_iter(vm, v).is_err() {
                return Err(vm.type_error(format!(
                    "cannot unpack non-iterable {} object",
                    v.type_name()
                )));
            }
            collect_iter(vm, v)?
        }
    };
    let need = before + after;
    if items.len() < need {
        return Err(vm.value_error(format!(
            "not enough values to unpack (expected at least {need}, got {})",
            items.len()
        )));
    }
    let mut out = Vec::with_capacity(need + 1);
    out.extend_from_slice(&items[..before]);
    let mid = items[before..items.len() - after].to_vec();
    out.push(vm.new_list(mid));
    out.extend_from_slice(&items[items.len() - after..]);
    Ok(out)
}

/// How a callable is named in argument errors: `__main__.f()`, `print()`.
pub fn callable_name(f: Value) -> String {
    match f {
        Value::Func(fo) => format!("__main__.{}()", fo.code.qualname),
        Value::Builtin(b) => format!("{}()", b.name),
        Value::Type(t) => format!("{}()", t.name),
        other => format!("{} object", other.type_name()),
    }
}

/// `list.extend(src)` for `*src` in a display, or in a call to `func`.
pub fn list_extend(vm: &mut Vm, list: Value, src: Value, func: Option<Value>) -> PyResult<()> {
    let Value::List(l) = list else {
        unreachable!("extending a non-list")
    };
    if get_iter(vm, src).is_err() {
        return Err(vm.type_error(match func {
            Some(f) => format!(
                "{} argument after * must be an iterable, not {}",
                callable_name(f),
                src.type_name()
            ),
            None => format!("Value after * must be an iterable, not {}", src.type_name()),
        }));
    }
    let items = collect_iter(vm, src)?;
    l.items_mut().extend(items);
    Ok(())
}

/// `{**src}` in a dict display.
pub fn dict_update_display(vm: &mut Vm, dict: Value, src: Value) -> PyResult<()> {
    let Value::Dict(d) = dict else {
        unreachable!("updating a non-dict")
    };
    let Value::Dict(s) = src else {
        return Err(vm.type_error(format!("'{}' object is not a mapping", src.type_name())));
    };
    let entries: Vec<(Value, Value)> = s.table().iter().map(|e| (e.key, e.value)).collect();
    for (k, v) in entries {
        dict_set(vm, d, k, v)?;
    }
    Ok(())
}

/// `**src` in a call to `func`: merges into the keyword dict `dict`.
pub fn kw_merge(vm: &mut Vm, dict: Value, src: Value, func: Value) -> PyResult<()> {
    let Value::Dict(d) = dict else {
        unreachable!("merging into a non-dict")
    };
    let Value::Dict(s) = src else {
        return Err(vm.type_error(format!(
            "{} argument after ** must be a mapping, not {}",
            callable_name(func),
            src.type_name()
        )));
    };
    let entries: Vec<(Value, Value)> = s.table().iter().map(|e| (e.key, e.value)).collect();
    for (k, v) in entries {
        let Value::Str(name) = k else {
            return Err(vm.type_error("keywords must be strings"));
        };
        if d.table()
            .iter()
            .any(|e| matches!(e.key, Value::Str(x) if x.as_str() == name.as_str()))
        {
            return Err(vm.type_error(format!(
                "{} got multiple values for keyword argument '{}'",
                callable_name(func),
                name.as_str()
            )));
        }
        dict_set(vm, d, k, v)?;
    }
    Ok(())
}

// -- Subscripts -------------------------------------------------------------------------

/// A Python integer index as i64 (IndexError for huge ones).
fn index_of(vm: &mut Vm, v: &Value, what: &str) -> PyResult<i64> {
    if let Some(i) = classes::user_index(vm, *v)? {
        return index_of(vm, &i, what);
    }
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        Value::BigInt(_) => Err(vm.err(
            ExcType::IndexError,
            "cannot fit 'int' into an index-sized integer",
        )),
        other => Err(vm.type_error(format!(
            "{what} indices must be integers or slices, not {}",
            other.type_name()
        ))),
    }
}

fn norm_index(i: i64, len: usize) -> Option<usize> {
    let j = if i < 0 { i + len as i64 } else { i };
    if j >= 0 && (j as usize) < len {
        Some(j as usize)
    } else {
        None
    }
}

/// `obj[key]`.
pub fn getitem(vm: &mut Vm, obj: Value, key: Value) -> PyResult<Value> {
    if classes::is_user(&obj) {
        return classes::user_getitem(vm, obj, key);
    }
    if let Value::Slice(s) = key {
        return getslice(vm, obj, [s.start, s.stop, s.step]);
    }
    match obj {
        Value::List(l) => {
            let i = index_of(vm, &key, "list")?;
            match norm_index(i, l.len()) {
                Some(j) => Ok(l.items()[j]),
                None => Err(vm.err(ExcType::IndexError, "list index out of range")),
            }
        }
        Value::Tuple(t) => {
            let i = index_of(vm, &key, "tuple")?;
            match norm_index(i, t.items.len()) {
                Some(j) => Ok(t.items[j]),
                None => Err(vm.err(ExcType::IndexError, "tuple index out of range")),
            }
        }
        Value::Str(s) => {
            let key = classes::user_index(vm, key)?.unwrap_or(key);
            let i = match key {
                Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => index_of(vm, &key, "string")?,
                other => {
                    return Err(vm.type_error(format!(
                        "string indices must be integers, not '{}'",
                        other.type_name()
                    )))
                }
            };
            match norm_index(i, s.char_len()) {
                Some(j) => {
                    let c = s.char_at(j);
                    Ok(vm.char_str(c))
                }
                None => Err(vm.err(ExcType::IndexError, "string index out of range")),
            }
        }
        Value::Dict(d) => match dict_get(vm, d, key)? {
            Some(v) => Ok(v),
            None => Err(key_error(vm, key)),
        },
        Value::Range(r) if r.big.is_some() => {
            use num_traits::Signed;
            let Some(i) = to_bigint(&key) else {
                return Err(vm.type_error(format!(
                    "range indices must be integers or slices, not {}",
                    key.type_name()
                )));
            };
            let b = r.as_big();
            let len = b.len();
            let j = if i.is_negative() { i + &len } else { i };
            if j.is_negative() || j >= len {
                return Err(vm.err(ExcType::IndexError, "range object index out of range"));
            }
            Ok(vm.new_int(b.start + j * b.step))
        }
        Value::Range(r) => {
            let i = index_of(vm, &key, "range")?;
            let len = r.len();
            let j = if i < 0 { i + len } else { i };
            if j < 0 || j >= len {
                return Err(vm.err(ExcType::IndexError, "range object index out of range"));
            }
            Ok(Value::Int(r.start + j * r.step))
        }
        Value::Type(t) => Ok(Value::Type(t)),
        other => Err(vm.type_error(format!(
            "'{}' object is not subscriptable",
            other.type_name()
        ))),
    }
}

/// `obj[key] = v`.
pub fn setitem(vm: &mut Vm, obj: Value, key: Value, v: Value) -> PyResult<()> {
    if classes::is_user(&obj) {
        return classes::user_setitem(vm, obj, key, v);
    }
    if let Value::Slice(s) = key {
        return setslice(vm, obj, [s.start, s.stop, s.step], v);
    }
    match obj {
        Value::List(l) => {
            let i = index_of(vm, &key, "list")?;
            match norm_index(i, l.len()) {
                Some(j) => {
                    l.set(j, v);
                    Ok(())
                }
                None => Err(vm.err(ExcType::IndexError, "list assignment index out of range")),
            }
        }
        Value::Dict(d) => dict_set(vm, d, key, v),
        other => Err(vm.type_error(format!(
            "'{}' object does not support item assignment",
            other.type_name()
        ))),
    }
}

/// `del obj[key]`.
pub fn delitem(vm: &mut Vm, obj: Value, key: Value) -> PyResult<()> {
    if classes::is_user(&obj) {
        return classes::user_delitem(vm, obj, key);
    }
    if let Value::Slice(s) = key {
        return delslice(vm, obj, [s.start, s.stop, s.step]);
    }
    match obj {
        Value::List(l) => {
            let i = index_of(vm, &key, "list")?;
            match norm_index(i, l.len()) {
                Some(j) => {
                    l.items_mut().remove(j);
                    Ok(())
                }
                None => Err(vm.err(ExcType::IndexError, "list assignment index out of range")),
            }
        }
        Value::Dict(d) => match dict_remove(vm, d, key)? {
            Some(_) => Ok(()),
            None => Err(key_error(vm, key)),
        },
        other => Err(vm.type_error(format!(
            "'{}' object doesn't support item deletion",
            other.type_name()
        ))),
    }
}

/// Resolved slice: start, stop, step and the number of elements (CPython's
/// `PySlice_AdjustIndices`).
pub fn slice_indices(
    vm: &mut Vm,
    parts: [Value; 3],
    len: usize,
) -> PyResult<(i64, i64, i64, usize)> {
    let get = |vm: &mut Vm, v: &Value| -> PyResult<Option<i64>> {
        match v {
            Value::None => Ok(None),
            Value::Int(i) => Ok(Some(*i)),
            Value::Bool(b) => Ok(Some(*b as i64)),
            Value::BigInt(b) => Ok(Some(if b.value.sign() == num_bigint::Sign::Minus {
                i64::MIN
            } else {
                i64::MAX
            })),
            other => match classes::user_index(vm, *other)? {
                Some(Value::Int(i)) => Ok(Some(i)),
                Some(Value::BigInt(b)) => Ok(Some(if b.value.sign() == num_bigint::Sign::Minus {
                    i64::MIN
                } else {
                    i64::MAX
                })),
                _ => Err(vm.type_error(
                    "slice indices must be integers or None or have an __index__ method",
                )),
            },
        }
    };
    let step = get(vm, &parts[2])?.unwrap_or(1);
    if step == 0 {
        return Err(vm.value_error("slice step cannot be zero"));
    }
    let step = step.max(-i64::MAX);
    let len = len as i64;
    let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let adjust = |x: Option<i64>, default: i64| -> i64 {
        match x {
            None => default,
            Some(mut v) => {
                if v < 0 {
                    v = v.saturating_add(len);
                    if v < lower {
                        v = lower;
                    }
                } else if v > upper {
                    v = upper;
                }
                v
            }
        }
    };
    let start = adjust(get(vm, &parts[0])?, if step < 0 { upper } else { lower });
    let stop = adjust(get(vm, &parts[1])?, if step < 0 { lower } else { upper });
    let n = if step < 0 {
        if stop < start {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        }
    } else if start < stop {
        (stop - start - 1) / step + 1
    } else {
        0
    };
    Ok((start, stop, step, n as usize))
}

fn slice_items<T: Copy>(items: &[T], start: i64, step: i64, n: usize) -> Vec<T> {
    let mut out = Vec::with_capacity(n);
    let mut i = start;
    for _ in 0..n {
        out.push(items[i as usize]);
        i += step;
    }
    out
}

/// `obj[lo:hi:step]`.
pub fn getslice(vm: &mut Vm, obj: Value, parts: [Value; 3]) -> PyResult<Value> {
    if classes::is_user(&obj) {
        let s = classes::slice_value(vm, parts);
        return classes::user_getitem(vm, obj, s);
    }
    match obj {
        Value::List(l) => {
            let (start, _, step, n) = slice_indices(vm, parts, l.len())?;
            let items = slice_items(l.items(), start, step, n);
            Ok(vm.new_list(items))
        }
        Value::Tuple(t) => {
            let (start, _, step, n) = slice_indices(vm, parts, t.items.len())?;
            if step == 1 && n == t.items.len() {
                return Ok(obj);
            }
            let items = slice_items(&t.items, start, step, n);
            Ok(vm.new_tuple(items))
        }
        Value::Str(s) => {
            let (start, _, step, n) = slice_indices(vm, parts, s.char_len())?;
            if s.is_ascii() {
                let bytes = s.as_str().as_bytes();
                if step == 1 {
                    let t = &s.as_str()[start as usize..start as usize + n];
                    return Ok(vm.new_str_n(t, n));
                }
                let out: String = slice_items(bytes, start, step, n)
                    .into_iter()
                    .map(|b| b as char)
                    .collect();
                return Ok(vm.new_str_n(out, n));
            }
            let chars: Vec<char> = s.as_str().chars().collect();
            let out: String = slice_items(&chars, start, step, n).into_iter().collect();
            Ok(vm.new_str_n(out, n))
        }
        Value::Range(r) => {
            if r.big.is_some() {
                return Err(vm.err(
                    ExcType::OverflowError,
                    "slicing a range beyond 64 bits is not supported by tvm",
                ));
            }
            let (start, stop, step, _) = slice_indices(vm, parts, r.len() as usize)?;
            let new_start = r.start + start * r.step;
            let new_step = r.step * step;
            let new_stop = r.start + stop * r.step;
            Ok(Value::Range(
                vm.heap
                    .alloc(RangeObj::small(new_start, new_stop, new_step)),
            ))
        }
        other => Err(vm.type_error(format!(
            "'{}' object is not subscriptable",
            other.type_name()
        ))),
    }
}

/// `obj[lo:hi:step] = v`.
pub fn setslice(vm: &mut Vm, obj: Value, parts: [Value; 3], v: Value) -> PyResult<()> {
    if classes::is_user(&obj) {
        let s = classes::slice_value(vm, parts);
        return classes::user_setitem(vm, obj, s, v);
    }
    let Value::List(l) = obj else {
        return Err(vm.type_error(format!(
            "'{}' object does not support item assignment",
            obj.type_name()
        )));
    };
    let (start, stop, step, n) = slice_indices(vm, parts, l.len())?;
    let iterable = matches!(v, Value::List(_) | Value::Tuple(_)) || get_iter(vm, v).is_ok();
    let new = match iterable {
        true => collect_iter(vm, v)?,
        false if step == 1 => return Err(vm.type_error("can only assign an iterable")),
        false => return Err(vm.type_error("must assign iterable to extended slice")),
    };
    if step == 1 {
        let stop = stop.max(start);
        l.items_mut().splice(start as usize..stop as usize, new);
        return Ok(());
    }
    if new.len() != n {
        return Err(vm.value_error(format!(
            "attempt to assign sequence of size {} to extended slice of size {n}",
            new.len()
        )));
    }
    let items = l.items_mut();
    let mut i = start;
    for x in new {
        items[i as usize] = x;
        i += step;
    }
    Ok(())
}

/// `del obj[lo:hi:step]`.
pub fn delslice(vm: &mut Vm, obj: Value, parts: [Value; 3]) -> PyResult<()> {
    if classes::is_user(&obj) {
        let s = classes::slice_value(vm, parts);
        return classes::user_delitem(vm, obj, s);
    }
    let Value::List(l) = obj else {
        return Err(vm.type_error(format!(
            "'{}' object doesn't support item deletion",
            obj.type_name()
        )));
    };
    let (start, stop, step, n) = slice_indices(vm, parts, l.len())?;
    if step == 1 {
        let stop = stop.max(start);
        l.items_mut().drain(start as usize..stop as usize);
        return Ok(());
    }
    let mut doomed: Vec<usize> = (0..n).map(|k| (start + k as i64 * step) as usize).collect();
    doomed.sort_unstable();
    let items = l.items_mut();
    let mut k = 0;
    let mut idx = 0;
    items.retain(|_| {
        let keep = !(k < doomed.len() && doomed[k] == idx);
        if !keep {
            k += 1;
        }
        idx += 1;
        keep
    });
    Ok(())
}

// -- Attributes -------------------------------------------------------------------------

fn no_attr(vm: &mut Vm, obj: &Value, name: &str) -> PyErr {
    let e = no_attr_plain(vm, obj, name);
    classes::attach_attr_info(vm, e, *obj, name);
    e
}

fn no_attr_plain(vm: &mut Vm, obj: &Value, name: &str) -> PyErr {
    match obj {
        Value::Module(m) => {
            let mname = m.name.clone();
            vm.err(
                ExcType::AttributeError,
                format!("module '{mname}' has no attribute '{name}'"),
            )
        }
        Value::Type(t) => {
            let tname = t.name.clone();
            vm.err(
                ExcType::AttributeError,
                format!("type object '{tname}' has no attribute '{name}'"),
            )
        }
        _ => vm.err(
            ExcType::AttributeError,
            format!("'{}' object has no attribute '{name}'", obj.type_name()),
        ),
    }
}

/// `obj.name(...)`: the callable and the `self` to pass (Undef for none).
pub fn load_method(vm: &mut Vm, obj: Value, site: &Site) -> PyResult<(Value, Value)> {
    if let Value::Module(m) = obj {
        let (addr, v) = site.module.get();
        let here = crate::value::addr_of(&obj);
        if addr == here {
            return Ok((v, Value::Undef));
        }
        return match m.get(site.name.as_str()) {
            Some(v) => {
                site.module.set((here, v));
                Ok((v, Value::Undef))
            }
            None => Err(no_attr(vm, &obj, site.name.as_str())),
        };
    }
    if let Some(r) = classes::load_method_site(vm, obj, site)? {
        return Ok(r);
    }
    let tag = obj.tag();
    let (ctag, cached) = site.cache.get();
    if ctag == tag && !matches!(obj, Value::Module(_) | Value::Type(_) | Value::Exc(_)) {
        return Ok((cached, obj));
    }
    let name = site.name.as_str();
    if let Value::Type(t) = obj {
        if let Some(v) = crate::methods::type_attr(vm, t, name) {
            return Ok((v, Value::Undef));
        }
    }
    match obj {
        Value::Module(m) => match m.get(name) {
            Some(v) => Ok((v, Value::Undef)),
            None => Err(no_attr(vm, &obj, name)),
        },
        _ => match crate::builtins::find_method(vm, &obj, name) {
            Some(f) => {
                site.cache.set((tag, f));
                Ok((f, obj))
            }
            None => {
                let v = load_attr(vm, obj, site)?;
                Ok((v, Value::Undef))
            }
        },
    }
}

/// `obj.name`.
pub fn load_attr(vm: &mut Vm, obj: Value, site: &Site) -> PyResult<Value> {
    if let Some(v) = classes::load_attr_site(vm, obj, site)? {
        return Ok(v);
    }
    load_attr_name(vm, obj, site.name.as_str())
}

/// `obj.name` for builtin values, by name.
pub fn load_attr_name(vm: &mut Vm, obj: Value, name: &str) -> PyResult<Value> {
    if name == "__class__" {
        return Ok(Value::Type(crate::builtins::type_of(vm, &obj)));
    }
    match obj {
        Value::Module(m) => match m.get(name) {
            Some(v) => return Ok(v),
            None => return Err(no_attr(vm, &obj, name)),
        },
        Value::Exc(e) if name == "args" => {
            let args = e.args.to_vec();
            return Ok(vm.new_tuple(args));
        }
        Value::Exc(e)
            if name == "value"
                && TypeObj::is_subtype(e.ty, vm.types.exc[ExcType::StopIteration as usize]) =>
        {
            return Ok(e.args.first().copied().unwrap_or(Value::None));
        }
        Value::Exc(e) if name == "__cause__" => return Ok(e.cause.get()),
        Value::Exc(e) if name == "__context__" => return Ok(e.context.get()),
        Value::Exc(e) if name == "__suppress_context__" => {
            return Ok(Value::Bool(e.suppress_context.get()))
        }
        Value::Type(t) if name == "__name__" => {
            let n = t.name.clone();
            return Ok(vm.new_str(n));
        }
        Value::Func(f) if name == "__name__" => {
            let n = f.code.name.clone();
            return Ok(vm.new_str(n));
        }
        Value::Type(t) => {
            if let Some(v) = crate::methods::type_attr(vm, t, name) {
                return Ok(v);
            }
        }
        _ => {}
    }
    if let Some(v) = crate::methods::value_attr(vm, obj, name) {
        return Ok(v);
    }
    if let Some(Value::Builtin(b)) = crate::builtins::find_method(vm, &obj, name) {
        return Ok(Value::Builtin(vm.heap.alloc(BuiltinObj {
            name: b.name,
            func: b.func,
            bound: Some(obj),
            owner: b.owner,
        })));
    }
    Err(no_attr(vm, &obj, name))
}

/// `obj.name = v`.
pub fn store_attr(vm: &mut Vm, obj: Value, site: &Site, v: Value) -> PyResult<()> {
    if classes::setattr(vm, obj, site.name.as_str(), v, Some(site))? {
        return Ok(());
    }
    store_attr_name(vm, obj, site.name.as_str(), v)
}

/// `obj.name = v` for builtin values, by name.
pub fn store_attr_name(vm: &mut Vm, obj: Value, name: &str, v: Value) -> PyResult<()> {
    if let Value::Module(m) = obj {
        // Modules are immutable in tvm for now; report like a read-only attribute.
        let _ = (m, v);
        return Err(vm.err(
            ExcType::AttributeError,
            format!("module attribute '{name}' is read-only in tvm"),
        ));
    }
    if crate::builtins::find_method(vm, &obj, name).is_some() {
        return Err(vm.err(
            ExcType::AttributeError,
            format!(
                "'{}' object attribute '{name}' is read-only",
                obj.type_name()
            ),
        ));
    }
    Err(vm.err(
        ExcType::AttributeError,
        format!("'{}' object has no attribute '{name}'", obj.type_name()),
    ))
}

/// `from module import name`.
pub fn import_from(vm: &mut Vm, module: Value, name: &str) -> PyResult<Value> {
    if let Value::Module(m) = module {
        if let Some(v) = m.get(name) {
            return Ok(v);
        }
        let mname = m.name.clone();
        return Err(vm.err(
            ExcType::ImportError,
            format!("cannot import name '{name}' from '{mname}' (unknown location)"),
        ));
    }
    Err(vm.err(ExcType::ImportError, format!("cannot import name '{name}'")))
}

// -- Raising and formatting -------------------------------------------------------------

/// Whether `t` is an exception class (derives from BaseException).
pub fn is_exc_class(t: Gc<TypeObj>) -> bool {
    let mut c = Some(t);
    while let Some(x) = c {
        if matches!(x.kind, TypeKind::Exception(_)) {
            return true;
        }
        c = x.base;
    }
    false
}

/// `except ty:` — whether exception `exc` is an instance of `ty` (a class or a
/// tuple of classes, nested tuples included).
pub fn exc_match(vm: &mut Vm, exc: Value, ty: Value) -> PyResult<bool> {
    let Value::Exc(e) = exc else {
        return Ok(false);
    };
    match ty {
        Value::Type(t) if is_exc_class(t) => Ok(TypeObj::is_subtype(e.ty, t)),
        Value::Tuple(items) => {
            let mut found = false;
            for &t in items.items.iter() {
                // Every entry is checked, as CPython does, even after a match.
                match t {
                    Value::Type(t) if is_exc_class(t) => {
                        found |= TypeObj::is_subtype(e.ty, t);
                    }
                    _ => return Err(vm.type_error(
                        "catching classes that do not inherit from BaseException is not allowed",
                    )),
                }
            }
            Ok(found)
        }
        _ => Err(
            vm.type_error("catching classes that do not inherit from BaseException is not allowed")
        ),
    }
}

/// `with mgr:` — the bound `__enter__` and `__exit__` of `mgr`.
pub fn with_methods(vm: &mut Vm, mgr: Value) -> PyResult<(Value, Value)> {
    let cls = crate::classes::class_of(vm, &mgr);
    let enter = crate::classes::lookup_special(vm, cls, "__enter__");
    let exit = crate::classes::lookup_special(vm, cls, "__exit__");
    match (enter, exit) {
        (Some(en), Some(ex)) => {
            let en = crate::classes::bind_special(vm, en, mgr, cls)?;
            let ex = crate::classes::bind_special(vm, ex, mgr, cls)?;
            Ok((en, ex))
        }
        (Some(_), None) => Err(vm.type_error(format!(
            "'{}' object does not support the context manager protocol (missed __exit__ method)",
            cls.name
        ))),
        _ => Err(vm.type_error(format!(
            "'{}' object does not support the context manager protocol",
            cls.name
        ))),
    }
}

/// `raise v`: an exception instance, or a class to instantiate.
pub fn make_raise(vm: &mut Vm, v: Value) -> PyResult<PyErr> {
    match v {
        Value::Exc(e) => Ok(PyErr(e)),
        Value::Type(t) if matches!(t.kind, TypeKind::Exception(_)) => {
            let e = crate::builtins::call_type(vm, t, &[], &[])?;
            match e {
                Value::Exc(e) => Ok(PyErr(e)),
                _ => Err(vm.type_error("exceptions must derive from BaseException")),
            }
        }
        _ => Err(vm.type_error("exceptions must derive from BaseException")),
    }
}

/// f-string `{v!conv:spec}`.
pub fn format_value(vm: &mut Vm, v: Value, spec: Value, conv: u8) -> PyResult<Value> {
    let v = match conv {
        b's' => {
            let s = crate::repr::str_of(vm, v)?;
            vm.new_str(s)
        }
        b'r' => {
            let s = crate::repr::repr(vm, v)?;
            vm.new_str(s)
        }
        b'a' => {
            let s = crate::repr::ascii(vm, v)?;
            vm.new_str(s)
        }
        _ => v,
    };
    let spec_str = match spec {
        Value::Str(s) => s.as_str().to_string(),
        _ => String::new(),
    };
    if let (Value::Str(_), true) = (v, spec_str.is_empty()) {
        return Ok(v);
    }
    let s = crate::builtins::format(vm, v, &spec_str)?;
    Ok(vm.new_str(s))
}
