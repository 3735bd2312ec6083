//! Num: Python int and float semantics (floor division, modulo sign, shifts, pow, hashing, parsing, conversions), identical to CPython 3.11.
//!
//! Everything here is pure arithmetic on [`IntRef`] / [`Int`] / `f64` values; the VM
//! owns the objects and turns a [`NumError`] into the matching Python exception
//! (`kind` names the exception class, `msg` is `str(exc)` exactly as CPython 3.11
//! prints it).
//!
//! Conventions and documented deviations from CPython:
//! * Every int operation first tries an `i64` fast path with checked arithmetic and
//!   only falls back to `BigInt` on overflow.  Results are always normalised: an
//!   [`Int::Big`] never holds a value that fits in `i64`.
//! * Memory guard: an int result that would need more than [`MAX_INT_BITS`] bits
//!   (`2**32`, i.e. 512 MiB) raises `MemoryError` (with an empty message, like
//!   CPython's `MemoryError()`) instead of trying to allocate it.  CPython would
//!   try and usually run out of memory or time (`2 ** 10**10`, `1 << 2**40`).
//!   Shifts whose size CPython rejects up front still raise CPython's
//!   `OverflowError('too many digits in integer')`.
//! * `float ** float` with a negative base and a non-integral exponent produces a
//!   complex number in CPython; here it is a `ValueError` with message
//!   `complex numbers are not supported` (see [`float_pow`]).
//! * CPython 3.11 hashes a NaN by object identity; [`hash_float`] returns `None`
//!   for NaN and the VM must hash the float object's identity instead.
//! * `round(int, ndigits)` with a huge negative `ndigits` returns 0 instead of
//!   computing `10 ** -ndigits` like CPython (which hangs); the VM should clamp a
//!   big `ndigits` to the `i64` range (CPython clamps it the same way for floats).
//! * The int <-> decimal string digit limit (`sys.set_int_max_str_digits`) is one
//!   process-wide setting ([`set_int_max_str_digits`]); CPython keeps one per
//!   interpreter.  This module owns it: `format()` / `%d` (`format.rs`) convert
//!   through [`int_to_str`] too.
//!
//! This module also owns the int <-> float conversions ([`int_to_f64`],
//! [`f64_to_int`]) that `format.rs` uses.  Float repr lives in
//! [`crate::format::float_repr`] and str repr (for error messages) in
//! [`crate::repr::str_repr`].

use std::borrow::Cow;
use std::cmp::Ordering;
use std::fmt;
use std::sync::atomic::{AtomicI64, Ordering as AtomicOrdering};

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, Pow, Signed, ToPrimitive, Zero};

// -- Types ----------------------------------------------------------------

/// An owned Python int result: Small whenever the value fits in i64 (always normalise: a Big that fits i64 must become Small).
#[derive(Clone, Debug, PartialEq)]
pub enum Int {
    /// A value in the `i64` range.
    Small(i64),
    /// A value outside the `i64` range.
    Big(BigInt),
}

/// A borrowed Python int operand.
#[derive(Clone, Copy, Debug)]
pub enum IntRef<'a> {
    /// An unboxed small int.
    Small(i64),
    /// A boxed big int (may hold any value; it need not be normalised).
    Big(&'a BigInt),
}

/// A numeric result that is either an int or a float (e.g. `int ** int`, `round(float)`).
#[derive(Clone, Debug, PartialEq)]
pub enum Num {
    /// A Python `int`.
    Int(Int),
    /// A Python `float`.
    Float(f64),
}

/// The Python exception class of a [`NumError`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumErrorKind {
    /// `ZeroDivisionError`
    ZeroDivisionError,
    /// `ValueError`
    ValueError,
    /// `OverflowError`
    OverflowError,
    /// `TypeError`
    TypeError,
    /// `MemoryError` (message is empty, like CPython's `MemoryError()`).
    MemoryError,
}

/// A numeric error: exception kind + exact CPython message.
#[derive(Debug, Clone, PartialEq)]
pub struct NumError {
    /// The Python exception class.
    pub kind: NumErrorKind,
    /// `str(exception)` exactly as CPython 3.11 produces it.
    pub msg: String,
}

/// Results that would need more bits than this raise `MemoryError` (see module docs).
pub const MAX_INT_BITS: u64 = 1 << 32;

/// `sys.hash_info.modulus`: the prime `2**61 - 1` used by numeric hashing.
pub const HASH_MODULUS: u64 = (1 << 61) - 1;

/// `sys.hash_info.inf`: the hash of `float('inf')` (negated for `-inf`).
pub const HASH_INF: i64 = 314_159;

/// `sys.int_info.default_max_str_digits`: default limit for int <-> decimal string conversion.
pub const DEFAULT_MAX_STR_DIGITS: i64 = 4300;

/// `sys.int_info.str_digits_check_threshold`: smallest allowed non-zero limit.
pub const STR_DIGITS_CHECK_THRESHOLD: i64 = 640;

const HASH_BITS: u32 = 61;
/// CPython's `MAX_LONG_DIGITS` on 64-bit builds (30-bit digits, 24-byte header).
const MAX_LONG_DIGITS: u128 = ((i64::MAX as u128) - 24) / 4;
/// CPython's clip value for a huge shift's digit count: `PY_SSIZE_T_MAX / sizeof(digit)`.
const CLIPPED_WORDSHIFT: u128 = (i64::MAX as u128) / 4;

static MAX_STR_DIGITS: AtomicI64 = AtomicI64::new(DEFAULT_MAX_STR_DIGITS);

impl NumErrorKind {
    /// The Python class name, e.g. `"ZeroDivisionError"`.
    pub fn name(self) -> &'static str {
        match self {
            NumErrorKind::ZeroDivisionError => "ZeroDivisionError",
            NumErrorKind::ValueError => "ValueError",
            NumErrorKind::OverflowError => "OverflowError",
            NumErrorKind::TypeError => "TypeError",
            NumErrorKind::MemoryError => "MemoryError",
        }
    }
}

impl NumError {
    /// Builds an error of the given kind and message.
    pub fn new(kind: NumErrorKind, msg: impl Into<String>) -> NumError {
        NumError {
            kind,
            msg: msg.into(),
        }
    }
}

impl fmt::Display for NumError {
    /// Formats like the last traceback line: `Kind: msg` (or just `Kind` for an empty message).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.msg.is_empty() {
            f.write_str(self.kind.name())
        } else {
            write!(f, "{}: {}", self.kind.name(), self.msg)
        }
    }
}

impl std::error::Error for NumError {}

fn zero_div(msg: &str) -> NumError {
    NumError::new(NumErrorKind::ZeroDivisionError, msg)
}

fn value_err(msg: impl Into<String>) -> NumError {
    NumError::new(NumErrorKind::ValueError, msg)
}

fn overflow(msg: &str) -> NumError {
    NumError::new(NumErrorKind::OverflowError, msg)
}

fn memory_error() -> NumError {
    NumError::new(NumErrorKind::MemoryError, "")
}

impl Int {
    /// Normalises a `BigInt` into an `Int` (Small when it fits in `i64`).
    pub fn from_big(b: BigInt) -> Int {
        match b.to_i64() {
            Some(v) => Int::Small(v),
            None => Int::Big(b),
        }
    }

    /// Borrows this value as an operand.
    pub fn view(&self) -> IntRef<'_> {
        match self {
            Int::Small(v) => IntRef::Small(*v),
            Int::Big(b) => IntRef::Big(b),
        }
    }

    /// Converts to a `BigInt` (clones a Big).
    pub fn to_big(&self) -> BigInt {
        self.view().to_big()
    }

    /// The value as `i64`, if it fits.
    pub fn to_i64(&self) -> Option<i64> {
        self.view().to_i64()
    }
}

impl From<i64> for Int {
    /// Wraps a small value.
    fn from(v: i64) -> Int {
        Int::Small(v)
    }
}

impl From<BigInt> for Int {
    /// Normalising conversion, same as [`Int::from_big`].
    fn from(b: BigInt) -> Int {
        Int::from_big(b)
    }
}

impl<'a> From<&'a Int> for IntRef<'a> {
    /// Same as [`Int::view`].
    fn from(v: &'a Int) -> IntRef<'a> {
        v.view()
    }
}

impl<'a> From<&'a BigInt> for IntRef<'a> {
    /// Borrows a `BigInt` operand.
    fn from(b: &'a BigInt) -> IntRef<'a> {
        IntRef::Big(b)
    }
}

impl From<i64> for IntRef<'_> {
    /// A small operand.
    fn from(v: i64) -> Self {
        IntRef::Small(v)
    }
}

impl<'a> IntRef<'a> {
    /// Copies the operand into a normalised owned [`Int`].
    pub fn to_int(self) -> Int {
        match self {
            IntRef::Small(v) => Int::Small(v),
            IntRef::Big(b) => Int::from_big(b.clone()),
        }
    }

    /// Converts to an owned `BigInt`.
    pub fn to_big(self) -> BigInt {
        match self {
            IntRef::Small(v) => BigInt::from(v),
            IntRef::Big(b) => b.clone(),
        }
    }

    /// The value as `i64`, if it fits.
    pub fn to_i64(self) -> Option<i64> {
        match self {
            IntRef::Small(v) => Some(v),
            IntRef::Big(b) => b.to_i64(),
        }
    }

    /// True for 0.
    pub fn is_zero(self) -> bool {
        match self {
            IntRef::Small(v) => v == 0,
            IntRef::Big(b) => b.is_zero(),
        }
    }

    /// True for values < 0.
    pub fn is_negative(self) -> bool {
        match self {
            IntRef::Small(v) => v < 0,
            IntRef::Big(b) => b.sign() == Sign::Minus,
        }
    }

    fn big(self) -> Cow<'a, BigInt> {
        match self {
            IntRef::Small(v) => Cow::Owned(BigInt::from(v)),
            IntRef::Big(b) => Cow::Borrowed(b),
        }
    }

    fn magnitude(self) -> BigUint {
        match self {
            IntRef::Small(v) => BigUint::from(v.unsigned_abs()),
            IntRef::Big(b) => b.magnitude().clone(),
        }
    }

    fn is_odd(self) -> bool {
        match self {
            IntRef::Small(v) => v & 1 != 0,
            IntRef::Big(b) => b.is_odd(),
        }
    }

    /// The value as `u128` when it is non-negative and fits.
    fn to_u128(self) -> Option<u128> {
        match self {
            IntRef::Small(v) => u128::try_from(v).ok(),
            IntRef::Big(b) => b.to_u128(),
        }
    }
}

// -- Int arithmetic -------------------------------------------------------

/// `a + b`.
pub fn add(a: IntRef, b: IntRef) -> Int {
    if let (IntRef::Small(x), IntRef::Small(y)) = (a, b) {
        if let Some(r) = x.checked_add(y) {
            return Int::Small(r);
        }
    }
    Int::from_big(&*a.big() + &*b.big())
}

/// `a - b`.
pub fn sub(a: IntRef, b: IntRef) -> Int {
    if let (IntRef::Small(x), IntRef::Small(y)) = (a, b) {
        if let Some(r) = x.checked_sub(y) {
            return Int::Small(r);
        }
    }
    Int::from_big(&*a.big() - &*b.big())
}

/// `a * b`.
pub fn mul(a: IntRef, b: IntRef) -> Int {
    if let (IntRef::Small(x), IntRef::Small(y)) = (a, b) {
        if let Some(r) = x.checked_mul(y) {
            return Int::Small(r);
        }
    }
    if a.is_zero() || b.is_zero() {
        return Int::Small(0);
    }
    Int::from_big(&*a.big() * &*b.big())
}

/// Floor division of small ints; `None` when the quotient overflows (`i64::MIN // -1`).
fn small_divmod(x: i64, y: i64) -> Option<(i64, i64)> {
    let q = x.checked_div(y)?;
    let r = x.checked_rem(y)?;
    if r != 0 && ((r < 0) != (y < 0)) {
        Some((q - 1, r + y))
    } else {
        Some((q, r))
    }
}

/// `a // b` (floors toward negative infinity).
/// ZeroDivisionError `integer division or modulo by zero`.
pub fn floordiv(a: IntRef, b: IntRef) -> Result<Int, NumError> {
    if b.is_zero() {
        return Err(zero_div("integer division or modulo by zero"));
    }
    if let (IntRef::Small(x), IntRef::Small(y)) = (a, b) {
        if let Some((q, _)) = small_divmod(x, y) {
            return Ok(Int::Small(q));
        }
    }
    Ok(Int::from_big(big_div_mod_floor(&a.big(), &b.big()).0))
}

/// `a % b` (result has the sign of `b`).  ZeroDivisionError `integer modulo by zero`.
pub fn modulo(a: IntRef, b: IntRef) -> Result<Int, NumError> {
    if b.is_zero() {
        return Err(zero_div("integer modulo by zero"));
    }
    if let (IntRef::Small(x), IntRef::Small(y)) = (a, b) {
        return Ok(Int::Small(small_divmod(x, y).map_or(0, |(_, r)| r)));
    }
    Ok(Int::from_big(big_div_mod_floor(&a.big(), &b.big()).1))
}

/// `divmod(a, b)`.  ZeroDivisionError `integer division or modulo by zero`.
pub fn divmod(a: IntRef, b: IntRef) -> Result<(Int, Int), NumError> {
    if b.is_zero() {
        return Err(zero_div("integer division or modulo by zero"));
    }
    if let (IntRef::Small(x), IntRef::Small(y)) = (a, b) {
        if let Some((q, r)) = small_divmod(x, y) {
            return Ok((Int::Small(q), Int::Small(r)));
        }
    }
    let (q, r) = big_div_mod_floor(&a.big(), &b.big());
    Ok((Int::from_big(q), Int::from_big(r)))
}

/// `(m >> shift)` when that fits in 128 bits, read from the top digits only.
fn top_bits(m: &BigUint, shift: u64) -> u128 {
    let (word, bit) = ((shift / 64) as usize, shift % 64);
    let mut d = m.iter_u64_digits().skip(word);
    let (d0, d1, d2) = (
        d.next().unwrap_or(0) as u128,
        d.next().unwrap_or(0) as u128,
        d.next().unwrap_or(0) as u128,
    );
    let low = (d0 | (d1 << 64)) >> bit;
    if bit == 0 {
        low
    } else {
        low | (d1 >> bit << 64) | (d2 << (128 - bit))
    }
}

/// Floor division and modulo of ints (Python's `divmod`, `b != 0`).
///
/// num-bigint divides operands of similar size by Burnikel–Ziegler recursion, which
/// is slow when the quotient is small (a spigot's `divmod(3*q + r, t)`: most of
/// pidigits' time). When the quotient has at most 60 bits and the divisor more than
/// 64, the quotient is estimated from the top 64 bits of the divisor (off by at most
/// one either way: `b`'s top bits are within 2**-63 of `b`), then corrected with one
/// multiplication and subtraction: O(n) instead of a recursion.
pub fn big_div_mod_floor(a: &BigInt, b: &BigInt) -> (BigInt, BigInt) {
    let (am, bm) = (a.magnitude(), b.magnitude());
    let (abits, bbits) = (am.bits(), bm.bits());
    if bbits <= 64 || abits < bbits || abits - bbits >= 60 {
        return a.div_mod_floor(b);
    }
    let shift = bbits - 64;
    let (at, bt) = (top_bits(am, shift), top_bits(bm, shift));
    let mut q = (at / bt) as u64;
    let mut prod = bm * q;
    if prod > *am {
        q -= 1;
        prod -= bm;
    }
    let mut rm = am - prod;
    if rm >= *bm {
        q += 1;
        rm -= bm;
    }
    debug_assert!(rm < *bm);
    let (qm, rm) = (BigUint::from(q), rm);
    let neg_a = a.sign() == Sign::Minus;
    let neg_b = b.sign() == Sign::Minus;
    let sign_b = if neg_b { Sign::Minus } else { Sign::Plus };
    if neg_a == neg_b {
        // Same signs: the quotient is positive and the remainder takes b's sign.
        (BigInt::from(qm), BigInt::from_biguint(sign_b, rm))
    } else if rm.is_zero() {
        (-BigInt::from(qm), BigInt::zero())
    } else {
        (
            -BigInt::from(qm + 1u32),
            BigInt::from_biguint(sign_b, bm - rm),
        )
    }
}

/// `a / b` for ints, correctly rounded like CPython's `long_true_divide`.
/// ZeroDivisionError `division by zero`;
/// OverflowError `integer division result too large for a float`.
pub fn truediv(a: IntRef, b: IntRef) -> Result<f64, NumError> {
    if b.is_zero() {
        return Err(zero_div("division by zero"));
    }
    const EXACT: u64 = 1 << 53;
    if let (IntRef::Small(x), IntRef::Small(y)) = (a, b) {
        if x.unsigned_abs() <= EXACT && y.unsigned_abs() <= EXACT {
            return Ok(x as f64 / y as f64);
        }
    }
    let negate = a.is_negative() != b.is_negative();
    match ratio_to_f64(&a.magnitude(), &b.magnitude()) {
        Some(v) => Ok(if negate { -v } else { v }),
        None => Err(overflow("integer division result too large for a float")),
    }
}

/// Correctly rounded `a / b` for `b > 0` (CPython's `long_true_divide` core);
/// `None` when the result overflows a double.
fn ratio_to_f64(a: &BigUint, b: &BigUint) -> Option<f64> {
    const MANT_DIG: i64 = 53;
    const MIN_EXP: i64 = -1021;
    const MAX_EXP: i64 = 1024;
    if a.is_zero() {
        return Some(0.0);
    }
    let diff = a.bits() as i64 - b.bits() as i64;
    if diff > MAX_EXP {
        return None;
    }
    if diff < MIN_EXP - MANT_DIG - 1 {
        return Some(0.0);
    }
    // Shift so that the quotient has MANT_DIG + 2 or + 3 bits (fewer for subnormals).
    let shift = diff.max(MIN_EXP) - MANT_DIG - 2;
    let (x, mut inexact) = if shift <= 0 {
        (a << ((-shift) as usize), false)
    } else {
        let s = shift as u64;
        let lost = a.trailing_zeros().is_some_and(|tz| tz < s);
        (a >> (s as usize), lost)
    };
    let (q, r) = x.div_rem(b);
    inexact |= !r.is_zero();
    let x_bits = q.bits() as i64;
    let extra_bits = x_bits.max(MIN_EXP - shift) - MANT_DIG;
    let mask = 1u64 << (extra_bits - 1);
    let mut low = q.to_u64()? | u64::from(inexact);
    if low & mask != 0 && low & (3 * mask - 1) != 0 {
        low += mask;
    }
    low &= !(2 * mask - 1);
    let dx = low as f64;
    if shift + x_bits >= MAX_EXP && (shift + x_bits > MAX_EXP || dx == ldexp(1.0, x_bits)) {
        return None;
    }
    Some(ldexp(dx, shift))
}

/// `x * 2**e`, exact whenever the result is representable (single rounding for `x >= 1`).
fn ldexp(mut x: f64, mut e: i64) -> f64 {
    let two_1023 = f64::from_bits(0x7FE << 52);
    let two_m1022 = f64::from_bits(1 << 52);
    while e > 1023 {
        x *= two_1023;
        e -= 1023;
        if x.is_infinite() {
            return x;
        }
    }
    while e < -1022 {
        x *= two_m1022;
        e += 1022;
        if x == 0.0 {
            return x;
        }
    }
    x * f64::from_bits(((e + 1023) as u64) << 52)
}

/// `base ** exp` (2-argument pow).  A negative exponent gives a float via [`float_pow`]
/// (so `0 ** -1` raises ZeroDivisionError `0.0 cannot be raised to a negative power`
/// and a base too large for a float raises OverflowError `int too large to convert to float`).
/// MemoryError when the result would exceed [`MAX_INT_BITS`].
pub fn pow(base: IntRef, exp: IntRef) -> Result<Num, NumError> {
    if exp.is_negative() {
        let b = int_to_f64(base)?;
        let e = int_to_f64(exp)?;
        return float_pow(b, e).map(Num::Float);
    }
    int_pow(base, exp).map(Num::Int)
}

/// `base ** exp` for `exp >= 0`.
fn int_pow(base: IntRef, exp: IntRef) -> Result<Int, NumError> {
    if exp.is_zero() {
        return Ok(Int::Small(1));
    }
    match base.to_i64() {
        Some(0) => return Ok(Int::Small(0)),
        Some(1) => return Ok(Int::Small(1)),
        Some(-1) => return Ok(Int::Small(if exp.is_odd() { -1 } else { 1 })),
        _ => {}
    }
    // |base| >= 2 from here on, so a huge exponent means a huge result.
    let e = match exp.to_i64() {
        Some(1) => return Ok(base.to_int()),
        Some(e) => e as u64,
        None => return Err(memory_error()),
    };
    if let IntRef::Small(x) = base {
        if e < 64 {
            if let Some(r) = x.checked_pow(e as u32) {
                return Ok(Int::Small(r));
            }
        }
    }
    let b = base.big();
    let min_bits = (b.bits() as u128 - 1) * e as u128;
    if min_bits > MAX_INT_BITS as u128 {
        return Err(memory_error());
    }
    if b.magnitude().trailing_zeros() == Some(b.bits() - 1) {
        // |base| == 2**k: the result is a single shifted bit.
        let r = BigInt::one() << (min_bits as usize);
        return Ok(Int::from_big(if b.is_negative() && e & 1 == 1 {
            -r
        } else {
            r
        }));
    }
    Ok(Int::from_big(Pow::pow(&*b, e)))
}

/// Modular inverse of `a` modulo `m > 1`, if `gcd(a, m) == 1`; result in `[0, m)`.
fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let a = a.mod_floor(m);
    let g = a.extended_gcd(m);
    if g.gcd.is_one() {
        Some(g.x.mod_floor(m))
    } else {
        None
    }
}

/// `(x * y) % m` without overflow, for `x, y < m <= 2**63`.
fn mulmod_u64(x: u64, y: u64, m: u64) -> u64 {
    ((x as u128 * y as u128) % m as u128) as u64
}

/// `pow(base, exp, m)` (3-argument pow).  ValueError `pow() 3rd argument cannot be 0`;
/// a negative exponent uses the modular inverse, ValueError
/// `base is not invertible for the given modulus` when none exists.  A negative
/// modulus gives a result in `(m, 0]` like CPython.
pub fn pow_mod(base: IntRef, exp: IntRef, m: IntRef) -> Result<Int, NumError> {
    if m.is_zero() {
        return Err(value_err("pow() 3rd argument cannot be 0"));
    }
    let negative_output = m.is_negative();
    let modulus = m.magnitude();
    if modulus.is_one() {
        return Ok(Int::Small(0));
    }
    // Fast path: everything small and non-negative exponent.
    if let (Some(md), Some(b), Some(e)) = (modulus.to_u64(), base.to_i64(), exp.to_i64()) {
        if e >= 0 && md <= 1 << 63 {
            let mut bb = (b as i128).rem_euclid(md as i128) as u64;
            let mut e = e as u64;
            let mut z: u64 = 1;
            while e > 0 {
                if e & 1 == 1 {
                    z = mulmod_u64(z, bb, md);
                }
                bb = mulmod_u64(bb, bb, md);
                e >>= 1;
            }
            let z = z as i128;
            let r = if negative_output && z != 0 {
                z - md as i128
            } else {
                z
            };
            return Ok(match i64::try_from(r) {
                Ok(v) => Int::Small(v),
                Err(_) => Int::from_big(BigInt::from(r)),
            });
        }
    }
    let md = BigInt::from(modulus);
    let mut b = base.to_big();
    let e;
    if exp.is_negative() {
        e = -exp.to_big();
        b = match mod_inverse(&b, &md) {
            Some(inv) => inv,
            None => return Err(value_err("base is not invertible for the given modulus")),
        };
    } else {
        e = exp.to_big();
    }
    let b = b.mod_floor(&md);
    let mut z = b.modpow(&e, &md);
    if negative_output && !z.is_zero() {
        z -= &md;
    }
    Ok(Int::from_big(z))
}

/// `-a`.
pub fn neg(a: IntRef) -> Int {
    match a {
        IntRef::Small(x) => match x.checked_neg() {
            Some(r) => Int::Small(r),
            None => Int::Big(-BigInt::from(x)),
        },
        IntRef::Big(b) => Int::from_big(-b),
    }
}

/// `abs(a)`.
pub fn abs(a: IntRef) -> Int {
    match a {
        IntRef::Small(x) => match x.checked_abs() {
            Some(r) => Int::Small(r),
            None => Int::Big(BigInt::from(x.unsigned_abs())),
        },
        IntRef::Big(b) => Int::from_big(b.abs()),
    }
}

/// `~a` (`-(a + 1)`).
pub fn invert(a: IntRef) -> Int {
    match a {
        IntRef::Small(x) => Int::Small(!x),
        IntRef::Big(b) => Int::from_big(-(b + 1u32)),
    }
}

/// `a << n`.  ValueError `negative shift count`; OverflowError `too many digits in integer`
/// for counts CPython rejects up front; MemoryError past [`MAX_INT_BITS`].
pub fn lshift(a: IntRef, n: IntRef) -> Result<Int, NumError> {
    if n.is_negative() {
        return Err(value_err("negative shift count"));
    }
    if a.is_zero() {
        return Ok(Int::Small(0));
    }
    if let (IntRef::Small(x), Some(s)) = (a, n.to_i64()) {
        if s < 64 {
            let r = x << s;
            if r >> s == x {
                return Ok(Int::Small(r));
            }
        }
    }
    let b = a.big();
    let a_bits = b.bits() as u128;
    // Reproduce CPython's size check (30-bit digits): too many digits -> OverflowError.
    let (wordshift, remshift) = match n.to_u128() {
        Some(s) if s / 30 < CLIPPED_WORDSHIFT => (s / 30, s % 30),
        _ => (CLIPPED_WORDSHIFT, 0),
    };
    let newsize = a_bits.div_ceil(30) + wordshift + u128::from(remshift != 0);
    if newsize > MAX_LONG_DIGITS {
        return Err(overflow("too many digits in integer"));
    }
    let s = wordshift * 30 + remshift;
    if s > 0 && a_bits + s > MAX_INT_BITS as u128 {
        return Err(memory_error());
    }
    Ok(Int::from_big(&*b << (s as usize)))
}

/// `a >> n` (floors; a huge count gives 0 or -1).  ValueError `negative shift count`.
pub fn rshift(a: IntRef, n: IntRef) -> Result<Int, NumError> {
    if n.is_negative() {
        return Err(value_err("negative shift count"));
    }
    let s = n.to_u128().unwrap_or(u128::MAX);
    match a {
        IntRef::Small(x) => Ok(Int::Small(x >> s.min(63))),
        IntRef::Big(b) => {
            if s >= b.bits() as u128 {
                Ok(Int::Small(if b.is_negative() { -1 } else { 0 }))
            } else {
                Ok(Int::from_big(b >> (s as usize)))
            }
        }
    }
}

/// `a & b` (two's complement semantics).
pub fn and(a: IntRef, b: IntRef) -> Int {
    match (a, b) {
        (IntRef::Small(x), IntRef::Small(y)) => Int::Small(x & y),
        _ => Int::from_big(&*a.big() & &*b.big()),
    }
}

/// `a | b` (two's complement semantics).
pub fn or(a: IntRef, b: IntRef) -> Int {
    match (a, b) {
        (IntRef::Small(x), IntRef::Small(y)) => Int::Small(x | y),
        _ => Int::from_big(&*a.big() | &*b.big()),
    }
}

/// `a ^ b` (two's complement semantics).
pub fn xor(a: IntRef, b: IntRef) -> Int {
    match (a, b) {
        (IntRef::Small(x), IntRef::Small(y)) => Int::Small(x ^ y),
        _ => Int::from_big(&*a.big() ^ &*b.big()),
    }
}

/// Total order of two ints.
pub fn cmp(a: IntRef, b: IntRef) -> Ordering {
    match (a, b) {
        (IntRef::Small(x), IntRef::Small(y)) => x.cmp(&y),
        _ => a.big().cmp(&b.big()),
    }
}

/// `a.bit_length()`: number of bits of `abs(a)` (0 for 0).
pub fn bit_length(a: IntRef) -> u64 {
    match a {
        IntRef::Small(x) => u64::from(64 - x.unsigned_abs().leading_zeros()),
        IntRef::Big(b) => b.bits(),
    }
}

// -- Float arithmetic -----------------------------------------------------

/// `x / y` for floats.  ZeroDivisionError `float division by zero`.
pub fn float_truediv(x: f64, y: f64) -> Result<f64, NumError> {
    if y == 0.0 {
        return Err(zero_div("float division by zero"));
    }
    Ok(x / y)
}

/// CPython's `_float_div_mod` for `w != 0`: returns `(floordiv, mod)`.
fn float_div_mod_raw(v: f64, w: f64) -> (f64, f64) {
    let mut m = v % w;
    let mut div = (v - m) / w;
    if m != 0.0 {
        if (w < 0.0) != (m < 0.0) {
            m += w;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(w);
    }
    let floordiv = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    } else {
        0.0f64.copysign(v / w)
    };
    (floordiv, m)
}

/// `x // y` for floats.  ZeroDivisionError `float floor division by zero`.
pub fn float_floordiv(x: f64, y: f64) -> Result<f64, NumError> {
    if y == 0.0 {
        return Err(zero_div("float floor division by zero"));
    }
    Ok(float_div_mod_raw(x, y).0)
}

/// `x % y` for floats (sign of `y`, signed zeros like CPython).  ZeroDivisionError `float modulo`.
pub fn float_mod(x: f64, y: f64) -> Result<f64, NumError> {
    if y == 0.0 {
        return Err(zero_div("float modulo"));
    }
    let m = x % y;
    Ok(if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m + y
        } else {
            m
        }
    } else {
        0.0f64.copysign(y)
    })
}

/// `divmod(x, y)` for floats.  ZeroDivisionError `float divmod()`.
pub fn float_divmod(x: f64, y: f64) -> Result<(f64, f64), NumError> {
    if y == 0.0 {
        return Err(zero_div("float divmod()"));
    }
    Ok(float_div_mod_raw(x, y))
}

fn is_odd_integer(x: f64) -> bool {
    x.abs() % 2.0 == 1.0
}

/// `x ** y` for floats, following CPython's `float_pow` special cases.
/// ZeroDivisionError `0.0 cannot be raised to a negative power`; OverflowError
/// `(34, 'Numerical result out of range')` (CPython raises it with args
/// `(34, 'Numerical result out of range')`, so that is its `str`).
/// A negative base with a non-integral exponent is a complex result in CPython;
/// here it is ValueError `complex numbers are not supported`.
pub fn float_pow(x: f64, y: f64) -> Result<f64, NumError> {
    let (mut iv, iw) = (x, y);
    if iw == 0.0 {
        return Ok(1.0);
    }
    if iv.is_nan() {
        return Ok(iv);
    }
    if iw.is_nan() {
        return Ok(if iv == 1.0 { 1.0 } else { iw });
    }
    if iw.is_infinite() {
        let a = iv.abs();
        return Ok(if a == 1.0 {
            1.0
        } else if (iw > 0.0) == (a > 1.0) {
            iw.abs()
        } else {
            0.0
        });
    }
    if iv.is_infinite() {
        let odd = is_odd_integer(iw);
        return Ok(if iw > 0.0 {
            if odd {
                iv
            } else {
                iv.abs()
            }
        } else if odd {
            0.0f64.copysign(iv)
        } else {
            0.0
        });
    }
    if iv == 0.0 {
        if iw < 0.0 {
            return Err(zero_div("0.0 cannot be raised to a negative power"));
        }
        return Ok(if is_odd_integer(iw) { iv } else { 0.0 });
    }
    let mut negate = false;
    if iv < 0.0 {
        if iw != iw.floor() {
            return Err(value_err("complex numbers are not supported"));
        }
        iv = -iv;
        negate = is_odd_integer(iw);
    }
    if iv == 1.0 {
        return Ok(if negate { -1.0 } else { 1.0 });
    }
    let r = iv.powf(iw);
    if r.is_infinite() {
        return Err(overflow("(34, 'Numerical result out of range')"));
    }
    Ok(if negate { -r } else { r })
}

/// `round(x)` / `round(x, ndigits)` for floats.  With `None` the result is an int
/// (round half to even; ValueError `cannot convert float NaN to integer`, OverflowError
/// `cannot convert float infinity to integer`).  With `Some(n)` the result is the
/// float closest to the correctly rounded (half-even on the exact binary value)
/// decimal, like CPython's dtoa-based `double_round`: `round(2.675, 2) == 2.67`;
/// OverflowError `rounded value too large to represent`.  A Python `ndigits` outside
/// the `i64` range should be clamped by the caller (CPython clamps it too).
pub fn float_round(x: f64, ndigits: Option<i64>) -> Result<Num, NumError> {
    let nd = match ndigits {
        None => return f64_to_int(x.round_ties_even()).map(Num::Int),
        Some(nd) => nd,
    };
    const NDIGITS_MAX: i64 = 323;
    const NDIGITS_MIN: i64 = -308;
    if !x.is_finite() || nd > NDIGITS_MAX || x == 0.0 {
        return Ok(Num::Float(x));
    }
    if nd < NDIGITS_MIN {
        return Ok(Num::Float(0.0 * x));
    }
    let (m, e) = decompose(x.abs());
    if e >= 0 && nd >= 0 {
        return Ok(Num::Float(x)); // already an integer
    }
    let mut num = BigUint::from(m);
    let mut den = BigUint::one();
    if e >= 0 {
        num <<= e as usize;
    } else {
        den <<= (-e) as usize;
    }
    let ten_pow = Pow::pow(BigUint::from(10u32), nd.unsigned_abs());
    if nd >= 0 {
        num *= &ten_pow;
    } else {
        den *= &ten_pow;
    }
    let (mut q, r) = num.div_rem(&den);
    let twice = r << 1usize;
    if twice > den || (twice == den && q.is_odd()) {
        q += 1u32;
    }
    let rounded = if nd >= 0 {
        ratio_to_f64(&q, &ten_pow)
    } else {
        big_uint_to_f64(&(q * ten_pow))
    };
    match rounded {
        Some(v) => Ok(Num::Float(if x < 0.0 { -v } else { v })),
        None => Err(overflow("rounded value too large to represent")),
    }
}

/// `round(v, ndigits)` for ints: unchanged unless `ndigits < 0`, then rounds to a
/// multiple of `10**-ndigits` with ties to even (`round(25, -1) == 20`).
pub fn int_round(v: IntRef, ndigits: Option<i64>) -> Int {
    let nd = match ndigits {
        Some(nd) if nd < 0 => nd.unsigned_abs(),
        _ => return v.to_int(),
    };
    let bits = bit_length(v);
    // 10**nd > 2*|v| guarantees the result is 0.
    if nd > (bits + 1) / 3 + 1 {
        return Int::Small(0);
    }
    let p = BigInt::from(Pow::pow(BigUint::from(10u32), nd));
    let a = v.big();
    let (q, mut r) = a.div_mod_floor(&p);
    let twice: BigInt = &r << 1usize;
    if twice > p || (twice == p && q.is_odd()) {
        r -= &p;
    }
    Int::from_big(&*a - r)
}

// -- Conversions ----------------------------------------------------------

/// Splits a finite positive float into `(m, e)` with `x == m * 2**e` exactly.
pub(crate) fn decompose(x: f64) -> (u64, i64) {
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7FF) as i64;
    let frac = bits & ((1 << 52) - 1);
    if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1 << 52), exp - 1075)
    }
}

/// Correctly rounded (half-even) conversion; `None` on overflow.
fn big_uint_to_f64(n: &BigUint) -> Option<f64> {
    let bits = n.bits();
    if bits <= 64 {
        return n.to_u64().map(|v| v as f64);
    }
    let shift = bits - 64;
    let mut top = (n >> (shift as usize)).to_u64()?;
    if n.trailing_zeros().is_some_and(|tz| tz < shift) {
        top |= 1;
    }
    let r = ldexp(top as f64, shift as i64);
    if r.is_infinite() {
        None
    } else {
        Some(r)
    }
}

/// `float(v)`, correctly rounded (half to even).
/// OverflowError `int too large to convert to float`.
pub fn int_to_f64(v: IntRef) -> Result<f64, NumError> {
    match v {
        IntRef::Small(x) => Ok(x as f64),
        IntRef::Big(b) => match big_uint_to_f64(b.magnitude()) {
            Some(r) => Ok(if b.is_negative() { -r } else { r }),
            None => Err(overflow("int too large to convert to float")),
        },
    }
}

/// `int(x)` for a float (truncates toward zero).  ValueError `cannot convert float NaN to integer`,
/// OverflowError `cannot convert float infinity to integer`.
pub fn f64_to_int(x: f64) -> Result<Int, NumError> {
    if x.is_nan() {
        return Err(value_err("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(overflow("cannot convert float infinity to integer"));
    }
    const LIMIT: f64 = 9_223_372_036_854_775_808.0; // 2**63
    if (-LIMIT..LIMIT).contains(&x) {
        return Ok(Int::Small(x as i64));
    }
    // |x| >= 2**63 is an integer, so the exponent is positive.
    let (m, e) = decompose(x.abs());
    let mag = BigInt::from(m) << (e as usize);
    Ok(Int::from_big(if x < 0.0 { -mag } else { mag }))
}

/// Current `sys.get_int_max_str_digits()` (0 means unlimited).
pub fn int_max_str_digits() -> i64 {
    MAX_STR_DIGITS.load(AtomicOrdering::Relaxed)
}

/// `sys.set_int_max_str_digits(n)`.  ValueError `maxdigits must be 0 or larger than 640`.
pub fn set_int_max_str_digits(n: i64) -> Result<(), NumError> {
    if n != 0 && n < STR_DIGITS_CHECK_THRESHOLD {
        return Err(value_err(format!(
            "maxdigits must be 0 or larger than {STR_DIGITS_CHECK_THRESHOLD}"
        )));
    }
    MAX_STR_DIGITS.store(n, AtomicOrdering::Relaxed);
    Ok(())
}

/// `str(v)` in base 10, subject to the int max str digits limit: ValueError
/// `Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit`.
pub fn int_to_str(v: IntRef) -> Result<String, NumError> {
    let b = match v {
        IntRef::Small(x) => return Ok(x.to_string()),
        IntRef::Big(b) => b,
    };
    let limit = int_max_str_digits();
    let too_long = || {
        value_err(format!(
            "Exceeds the limit ({limit} digits) for integer string conversion; \
             use sys.set_int_max_str_digits() to increase the limit"
        ))
    };
    if limit > 0 {
        // |b| >= 2**(bits-1) has at least floor((bits-1)*log10(2)) + 1 digits.
        let min_digits = ((b.bits().saturating_sub(1)) as f64 * std::f64::consts::LOG10_2) as i64;
        if min_digits > limit {
            return Err(too_long());
        }
    }
    let s = b.to_str_radix(10);
    if limit > 0 {
        let digits = s.len() - usize::from(b.is_negative());
        if digits as u64 > limit as u64 {
            return Err(too_long());
        }
    }
    Ok(s)
}

/// Digits of `v` in `radix` (2..=36, lowercase, `-` sign, no prefix; no length limit).
/// Use for `bin()`/`oct()`/`hex()`/`format()`; an invalid radix is treated as 10.
pub fn int_to_str_radix(v: IntRef, radix: u32) -> String {
    let radix = if (2..=36).contains(&radix) { radix } else { 10 };
    v.big().to_str_radix(radix)
}

/// CPython's `_PyUnicode_TransformDecimalAndSpaceToASCII`: ASCII kept, Unicode spaces
/// become `' '`, Unicode decimal digits become ASCII digits, and the first other
/// character becomes `'?'` and ends the string.
fn transform_to_ascii(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for ch in s.chars() {
        let c = ch as u32;
        if c < 127 {
            out.push(c as u8);
        } else if is_unicode_space(ch) {
            out.push(b' ');
        } else if let Some(d) = unicode_decimal(ch) {
            out.push(b'0' + d);
        } else {
            out.push(b'?');
            break;
        }
    }
    out
}

/// `Py_ISSPACE` for ASCII.
fn is_ascii_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

/// `str.isspace()` for one character.
fn is_unicode_space(ch: char) -> bool {
    matches!(ch as u32,
        0x09..=0x0D | 0x1C..=0x20 | 0x85 | 0xA0 | 0x1680 | 0x2000..=0x200A
        | 0x2028 | 0x2029 | 0x202F | 0x205F | 0x3000)
}

/// First code point of every run of ten Unicode decimal digits (Unicode 14, CPython 3.11).
const DECIMAL_RUNS: [u32; 66] = [
    0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66,
    0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
    0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650,
    0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0, 0x16B50,
    0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
];

/// `unicodedata.decimal(ch)` (`Py_UNICODE_TODECIMAL`); also used by the format-spec parser.
pub(crate) fn unicode_decimal(ch: char) -> Option<u8> {
    let c = ch as u32;
    let i = DECIMAL_RUNS.partition_point(|&s| s <= c);
    let start = *DECIMAL_RUNS.get(i.checked_sub(1)?)?;
    if c - start < 10 {
        Some((c - start) as u8)
    } else {
        None
    }
}

/// Value of an ASCII digit/letter as `_PyLong_DigitValue` (37 for anything else).
fn digit_value(c: u8) -> u32 {
    match c {
        b'0'..=b'9' => u32::from(c - b'0'),
        b'a'..=b'z' => u32::from(c - b'a') + 10,
        b'A'..=b'Z' => u32::from(c - b'A') + 10,
        _ => 37,
    }
}

enum ParseIntError {
    Invalid,
    TooManyDigits(usize),
}

/// CPython's `PyLong_FromString` on an ASCII buffer (base already validated).
fn parse_int_ascii(s: &[u8], base: u32) -> Result<Int, ParseIntError> {
    let at = |k: usize| s.get(k).copied().unwrap_or(0);
    let mut i = 0;
    while i < s.len() && is_ascii_space(s[i]) {
        i += 1;
    }
    let mut negative = false;
    if at(i) == b'+' {
        i += 1;
    } else if at(i) == b'-' {
        i += 1;
        negative = true;
    }
    let mut base = base;
    let mut error_if_nonzero = false;
    if base == 0 {
        base = if at(i) != b'0' {
            10
        } else {
            match at(i + 1) {
                b'x' | b'X' => 16,
                b'o' | b'O' => 8,
                b'b' | b'B' => 2,
                _ => {
                    error_if_nonzero = true;
                    10
                }
            }
        };
    }
    if at(i) == b'0'
        && matches!(
            (base, at(i + 1)),
            (16, b'x' | b'X') | (8, b'o' | b'O') | (2, b'b' | b'B')
        )
    {
        i += 2;
        if at(i) == b'_' {
            i += 1;
        }
    }
    if at(i) == b'_' {
        return Err(ParseIntError::Invalid);
    }
    let mut digits: Vec<u8> = Vec::new();
    let mut prev = 0u8;
    while i < s.len() {
        let c = s[i];
        if c == b'_' {
            if prev == b'_' {
                return Err(ParseIntError::Invalid);
            }
        } else {
            let d = digit_value(c);
            if d >= base {
                break;
            }
            digits.push(d as u8);
        }
        prev = c;
        i += 1;
    }
    if prev == b'_' {
        return Err(ParseIntError::Invalid);
    }
    if !base.is_power_of_two() && digits.len() as u64 > STR_DIGITS_CHECK_THRESHOLD as u64 {
        let limit = int_max_str_digits();
        if limit > 0 && digits.len() as u64 > limit as u64 {
            return Err(ParseIntError::TooManyDigits(digits.len()));
        }
    }
    if digits.is_empty() {
        return Err(ParseIntError::Invalid);
    }
    let value = digits_to_int(&digits, base, negative);
    if error_if_nonzero && value != Int::Small(0) {
        return Err(ParseIntError::Invalid);
    }
    while i < s.len() && is_ascii_space(s[i]) {
        i += 1;
    }
    if i != s.len() {
        return Err(ParseIntError::Invalid);
    }
    Ok(value)
}

fn digits_to_int(digits: &[u8], base: u32, negative: bool) -> Int {
    let mut acc: i64 = 0;
    let mut small = true;
    for &d in digits {
        match acc
            .checked_mul(i64::from(base))
            .and_then(|v| v.checked_add(i64::from(d)))
        {
            Some(v) => acc = v,
            None => {
                small = false;
                break;
            }
        }
    }
    if small {
        return Int::Small(if negative { -acc } else { acc });
    }
    let mag = BigUint::from_radix_be(digits, base).unwrap_or_default();
    let sign = if negative { Sign::Minus } else { Sign::Plus };
    Int::from_big(BigInt::from_biguint(sign, mag))
}

/// `int(s, base)` for a `str`, with all of CPython 3.11's rules: surrounding whitespace,
/// sign, single underscores between digits, base 0 prefixes (`0x`/`0o`/`0b`, and no
/// leading zeros like `'010'`), Unicode digits and spaces.  Errors: ValueError
/// `int() base must be >= 2 and <= 36, or 0`, `invalid literal for int() with base 10: 'abc'`
/// (repr of `s`, truncated to 200 characters like `%.200R`) and the digit limit
/// `Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit`.
pub fn int_from_str(s: &str, base: u32) -> Result<Int, NumError> {
    if base != 0 && !(2..=36).contains(&base) {
        return Err(value_err("int() base must be >= 2 and <= 36, or 0"));
    }
    let ascii = transform_to_ascii(s);
    match parse_int_ascii(&ascii, base) {
        Ok(v) => Ok(v),
        Err(ParseIntError::TooManyDigits(n)) => Err(value_err(format!(
            "Exceeds the limit ({} digits) for integer string conversion: value has {} digits; \
             use sys.set_int_max_str_digits() to increase the limit",
            int_max_str_digits(),
            n
        ))),
        Err(ParseIntError::Invalid) => {
            let r: String = repr_of(s).chars().take(200).collect();
            Err(value_err(format!(
                "invalid literal for int() with base {base}: {r}"
            )))
        }
    }
}

/// `repr(s)` for the error messages above.
fn repr_of(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    crate::repr::str_repr(s, &mut out);
    out
}

/// Validates CPython's float literal grammar (after whitespace stripping and
/// underscore removal) and parses it.
fn parse_float_ascii(s: &[u8]) -> Option<f64> {
    let (negative, body) = match s.first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let lower = body.to_ascii_lowercase();
    let special = match lower.as_slice() {
        b"inf" | b"infinity" => Some(f64::INFINITY),
        b"nan" => Some(f64::NAN),
        _ => None,
    };
    if let Some(v) = special {
        return Some(if negative { -v } else { v });
    }
    let mut i = 0;
    let count_digits = |from: usize| {
        body[from..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let int_digits = count_digits(i);
    i += int_digits;
    let mut frac_digits = 0;
    if body.get(i) == Some(&b'.') {
        i += 1;
        frac_digits = count_digits(i);
        i += frac_digits;
    }
    if int_digits + frac_digits == 0 {
        return None;
    }
    if matches!(body.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(body.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let exp_digits = count_digits(i);
        if exp_digits == 0 {
            return None;
        }
        i += exp_digits;
    }
    if i != body.len() {
        return None;
    }
    let text = std::str::from_utf8(s).ok()?;
    text.parse::<f64>().ok()
}

/// `float(s)` for a `str`: whitespace, sign, `inf`/`infinity`/`nan` (any case),
/// underscores between digits, Unicode digits and spaces; overflow gives `inf`.
/// ValueError `could not convert string to float: 'x'` (full repr of `s`).
pub fn float_from_str(s: &str) -> Result<f64, NumError> {
    let err = || value_err(format!("could not convert string to float: {}", repr_of(s)));
    let ascii = transform_to_ascii(s);
    let cleaned: Vec<u8> = if ascii.contains(&b'_') {
        let mut out = Vec::with_capacity(ascii.len());
        let mut prev = 0u8;
        for &c in &ascii {
            if c == b'_' {
                if !prev.is_ascii_digit() {
                    return Err(err());
                }
            } else {
                if prev == b'_' && !c.is_ascii_digit() {
                    return Err(err());
                }
                out.push(c);
            }
            prev = c;
        }
        if prev == b'_' {
            return Err(err());
        }
        out
    } else {
        ascii
    };
    let mut start = 0;
    let mut end = cleaned.len();
    while start < end && is_ascii_space(cleaned[start]) {
        start += 1;
    }
    while end > start && is_ascii_space(cleaned[end - 1]) {
        end -= 1;
    }
    parse_float_ascii(&cleaned[start..end]).ok_or_else(err)
}

// -- Mixed comparisons ----------------------------------------------------

/// Exact comparison of an int with a float (no rounding, even for huge ints);
/// `None` when `f` is NaN.
pub fn cmp_int_float(a: IntRef, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    if let IntRef::Small(x) = a {
        if x.unsigned_abs() <= 1 << 53 {
            return (x as f64).partial_cmp(&f);
        }
    }
    let fl = f.floor();
    let fi = f64_to_int(fl).ok()?;
    match cmp(a, fi.view()) {
        Ordering::Equal if fl != f => Some(Ordering::Less),
        c => Some(c),
    }
}

/// `a == f` for an int and a float, exact.
pub fn eq_int_float(a: IntRef, f: f64) -> bool {
    cmp_int_float(a, f) == Some(Ordering::Equal)
}

// -- Hashing --------------------------------------------------------------

/// `hash(v)` for an int (`hash(-1) == -2`, modulus `2**61 - 1`); equals the hash of an equal float.
pub fn hash_int(v: IntRef) -> i64 {
    let (neg, m) = match v {
        IntRef::Small(x) => (x < 0, x.unsigned_abs() % HASH_MODULUS),
        IntRef::Big(b) => {
            let r = b.magnitude() % HASH_MODULUS;
            (b.is_negative(), r.to_u64().unwrap_or(0))
        }
    };
    let h = if neg { -(m as i64) } else { m as i64 };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `hash(x)` for a float, exactly like CPython's `_Py_HashDouble` (`inf` -> 314159,
/// `-inf` -> -314159).  Returns `None` for NaN: CPython 3.11 hashes a NaN by object
/// identity, so the VM must hash the float object's address/id instead.
pub fn hash_float(x: f64) -> Option<i64> {
    if x.is_nan() {
        return None;
    }
    if x.is_infinite() {
        return Some(if x > 0.0 { HASH_INF } else { -HASH_INF });
    }
    if x == 0.0 {
        return Some(0);
    }
    // frexp: x = m * 2**e with 0.5 <= |m| < 1.
    let (mut m, mut e) = {
        let (mant, exp2) = decompose(x.abs());
        let shift = 64 - mant.leading_zeros() as i64; // bit length of mant
        (ldexp(mant as f64, -shift), exp2 + shift)
    };
    let sign: u64 = if x < 0.0 { u64::MAX } else { 1 };
    let mut h: u64 = 0;
    while m != 0.0 {
        h = ((h << 28) & HASH_MODULUS) | (h >> (HASH_BITS - 28));
        m *= 268_435_456.0; // 2**28
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        h += y;
        if h >= HASH_MODULUS {
            h -= HASH_MODULUS;
        }
    }
    let bits = i64::from(HASH_BITS);
    let e = if e >= 0 {
        e % bits
    } else {
        bits - 1 - ((-1 - e) % bits)
    } as u32;
    h = ((h << e) & HASH_MODULUS) | (h >> (HASH_BITS - e));
    h = h.wrapping_mul(sign);
    if h == u64::MAX {
        h = u64::MAX - 1;
    }
    Some(h as i64)
}

// -- Tests ----------------------------------------------------------------

#[cfg(test)]
mod tests {
    //! Expectation tables below were generated with CPython 3.11.7 (`python3`).
    //! Ints are decimal or `0x` hex; floats are `repr()` strings; errors are
    //! `E:<Kind>:<message>`; `{N*chunk}` stands for `chunk` repeated N times.

    use super::*;
    use crate::format::float_repr;

    /// The small-quotient path of `big_div_mod_floor` agrees with num-bigint's
    /// division on every sign combination, on random operands and on divisors whose
    /// low bits are all ones or all zeros (where the top-bits estimate is off by one).
    #[test]
    fn big_div_mod_floor_matches_general_division() {
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut cases = vec![];
        for _ in 0..400 {
            let bwords = 2 + (next() % 40) as usize;
            let b: Vec<u64> = (0..bwords).map(|_| next()).collect();
            let b = BigUint::new(
                b.iter()
                    .flat_map(|w| [*w as u32, (w >> 32) as u32])
                    .collect(),
            );
            let qbits = next() % 62;
            let q = BigUint::from(next() >> (64 - qbits.max(1)));
            let r = BigUint::from(next()) % &b;
            cases.push((&b * &q + r, b));
        }
        for words in [2usize, 5, 33] {
            let ones = (BigUint::one() << (64 * words)) - 1u32;
            let top = BigUint::one() << (64 * words - 1);
            for b in [ones.clone(), top.clone(), &top + 1u32, &ones >> 1u32] {
                for q in [1u64, 2, 3, (1 << 59) - 1, 1 << 59, 12345] {
                    for r in [BigUint::zero(), BigUint::one(), &b - 1u32] {
                        cases.push((&b * q + r, b.clone()));
                    }
                }
            }
        }
        for (a, b) in cases {
            for (sa, sb) in [
                (Sign::Plus, Sign::Plus),
                (Sign::Minus, Sign::Plus),
                (Sign::Plus, Sign::Minus),
                (Sign::Minus, Sign::Minus),
            ] {
                let a = BigInt::from_biguint(sa, a.clone());
                let b = BigInt::from_biguint(sb, b.clone());
                assert_eq!(big_div_mod_floor(&a, &b), a.div_mod_floor(&b), "{a} {b}");
            }
        }
    }

    /// Expands `{N*chunk}` runs.
    fn expand(s: &str) -> String {
        let mut out = String::new();
        let mut rest = s;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let close = rest[open..].find('}').expect("unclosed run") + open;
            let (n, chunk) = rest[open + 1..close].split_once('*').expect("bad run");
            out.push_str(&chunk.repeat(n.parse().expect("bad count")));
            rest = &rest[close + 1..];
        }
        out.push_str(rest);
        out
    }

    fn big(s: &str) -> BigInt {
        let s = expand(s);
        let (neg, body) = match s.strip_prefix('-') {
            Some(b) => (true, b),
            None => (false, s.as_str()),
        };
        let v = match body.strip_prefix("0x") {
            Some(h) => BigInt::parse_bytes(h.as_bytes(), 16),
            None => BigInt::parse_bytes(body.as_bytes(), 10),
        }
        .unwrap_or_else(|| panic!("bad int literal {s:?}"));
        if neg {
            -v
        } else {
            v
        }
    }

    fn int(s: &str) -> Int {
        Int::from_big(big(s))
    }

    fn flt(s: &str) -> f64 {
        s.parse()
            .unwrap_or_else(|_| panic!("bad float literal {s:?}"))
    }

    fn show_err(e: &NumError) -> String {
        format!("E:{}:{}", e.kind.name(), e.msg)
    }

    fn assert_normalised(v: &Int, ctx: &str) {
        if let Int::Big(b) = v {
            assert!(b.to_i64().is_none(), "{ctx}: Big holds an i64 value");
        }
    }

    fn check_int(ctx: &str, got: Result<Int, NumError>, exp: &str) {
        match got {
            Ok(v) => {
                assert_normalised(&v, ctx);
                assert!(!exp.starts_with("E:"), "{ctx}: got {v:?}, expected {exp}");
                assert_eq!(v, int(exp), "{ctx}");
            }
            Err(e) => assert_eq!(show_err(&e), expand(exp), "{ctx}"),
        }
    }

    fn check_float(ctx: &str, got: Result<f64, NumError>, exp: &str) {
        match got {
            Ok(v) => assert_eq!(float_repr(v), exp, "{ctx}"),
            Err(e) => assert_eq!(show_err(&e), expand(exp), "{ctx}"),
        }
    }

    fn check_num(ctx: &str, got: Result<Num, NumError>, exp: &str) {
        match got {
            Ok(Num::Int(v)) => check_int(ctx, Ok(v), exp),
            Ok(Num::Float(v)) => check_float(ctx, Ok(v), exp),
            Err(e) => assert_eq!(show_err(&e), expand(exp), "{ctx}"),
        }
    }

    fn show_ord(o: Option<Ordering>) -> &'static str {
        match o {
            Some(Ordering::Less) => "<",
            Some(Ordering::Equal) => "=",
            Some(Ordering::Greater) => ">",
            None => "None",
        }
    }

    #[rustfmt::skip]
    const INT_BINOPS: &[(&str, &str, &str, &str)] = &[
        ("add", "0", "0", "0"),
        ("add", "0", "7", "7"),
        ("add", "0", "-3", "-3"),
        ("add", "0", "0x7fffffffffffffff", "0x7fffffffffffffff"),
        ("add", "0", "-0x8000000000000000", "-0x8000000000000000"),
        ("add", "0", "0x10000000000000001", "0x10000000000000001"),
        ("add", "0", "-1{30*0}", "-1{30*0}"),
        ("add", "7", "0", "7"),
        ("add", "7", "7", "14"),
        ("add", "7", "-3", "4"),
        ("add", "7", "0x7fffffffffffffff", "0x8000000000000006"),
        ("add", "7", "-0x8000000000000000", "-0x7ffffffffffffff9"),
        ("add", "7", "0x10000000000000001", "0x10000000000000008"),
        ("add", "7", "-1{30*0}", "-{29*9}3"),
        ("add", "-3", "0", "-3"),
        ("add", "-3", "7", "4"),
        ("add", "-3", "-3", "-6"),
        ("add", "-3", "0x7fffffffffffffff", "0x7ffffffffffffffc"),
        ("add", "-3", "-0x8000000000000000", "-0x8000000000000003"),
        ("add", "-3", "0x10000000000000001", "0xfffffffffffffffe"),
        ("add", "-3", "-1{30*0}", "-1{29*0}3"),
        ("add", "0x7fffffffffffffff", "0", "0x7fffffffffffffff"),
        ("add", "0x7fffffffffffffff", "7", "0x8000000000000006"),
        ("add", "0x7fffffffffffffff", "-3", "0x7ffffffffffffffc"),
        ("add", "0x7fffffffffffffff", "0x7fffffffffffffff", "0xfffffffffffffffe"),
        ("add", "0x7fffffffffffffff", "-0x8000000000000000", "-1"),
        ("add", "0x7fffffffffffffff", "0x10000000000000001", "0x18000000000000000"),
        ("add", "0x7fffffffffffffff", "-1{30*0}", "-0xc9f2c9ccfc674edea40000001"),
        ("add", "-0x8000000000000000", "0", "-0x8000000000000000"),
        ("add", "-0x8000000000000000", "7", "-0x7ffffffffffffff9"),
        ("add", "-0x8000000000000000", "-3", "-0x8000000000000003"),
        ("add", "-0x8000000000000000", "0x7fffffffffffffff", "-1"),
        ("add", "-0x8000000000000000", "-0x8000000000000000", "-0x10000000000000000"),
        ("add", "-0x8000000000000000", "0x10000000000000001", "0x8000000000000001"),
        ("add", "-0x8000000000000000", "-1{30*0}", "-0xc9f2c9cd0c674edea40000000"),
        ("add", "0x10000000000000001", "0", "0x10000000000000001"),
        ("add", "0x10000000000000001", "7", "0x10000000000000008"),
        ("add", "0x10000000000000001", "-3", "0xfffffffffffffffe"),
        ("add", "0x10000000000000001", "0x7fffffffffffffff", "0x18000000000000000"),
        ("add", "0x10000000000000001", "-0x8000000000000000", "0x8000000000000001"),
        ("add", "0x10000000000000001", "0x10000000000000001", "0x20000000000000002"),
        ("add", "0x10000000000000001", "-1{30*0}", "-0xc9f2c9ccf4674edea3fffffff"),
        ("add", "-1{30*0}", "0", "-1{30*0}"),
        ("add", "-1{30*0}", "7", "-{29*9}3"),
        ("add", "-1{30*0}", "-3", "-1{29*0}3"),
        ("add", "-1{30*0}", "0x7fffffffffffffff", "-0xc9f2c9ccfc674edea40000001"),
        ("add", "-1{30*0}", "-0x8000000000000000", "-0xc9f2c9cd0c674edea40000000"),
        ("add", "-1{30*0}", "0x10000000000000001", "-0xc9f2c9ccf4674edea3fffffff"),
        ("add", "-1{30*0}", "-1{30*0}", "-2{30*0}"),
        ("sub", "0", "0", "0"),
        ("sub", "0", "7", "-7"),
        ("sub", "0", "-3", "3"),
        ("sub", "0", "0x7fffffffffffffff", "-0x7fffffffffffffff"),
        ("sub", "0", "-0x8000000000000000", "0x8000000000000000"),
        ("sub", "0", "0x10000000000000001", "-0x10000000000000001"),
        ("sub", "0", "-1{30*0}", "1{30*0}"),
        ("sub", "7", "0", "7"),
        ("sub", "7", "7", "0"),
        ("sub", "7", "-3", "10"),
        ("sub", "7", "0x7fffffffffffffff", "-0x7ffffffffffffff8"),
        ("sub", "7", "-0x8000000000000000", "0x8000000000000007"),
        ("sub", "7", "0x10000000000000001", "-0xfffffffffffffffa"),
        ("sub", "7", "-1{30*0}", "1{29*0}7"),
        ("sub", "-3", "0", "-3"),
        ("sub", "-3", "7", "-10"),
        ("sub", "-3", "-3", "0"),
        ("sub", "-3", "0x7fffffffffffffff", "-0x8000000000000002"),
        ("sub", "-3", "-0x8000000000000000", "0x7ffffffffffffffd"),
        ("sub", "-3", "0x10000000000000001", "-0x10000000000000004"),
        ("sub", "-3", "-1{30*0}", "{29*9}7"),
        ("sub", "0x7fffffffffffffff", "0", "0x7fffffffffffffff"),
        ("sub", "0x7fffffffffffffff", "7", "0x7ffffffffffffff8"),
        ("sub", "0x7fffffffffffffff", "-3", "0x8000000000000002"),
        ("sub", "0x7fffffffffffffff", "0x7fffffffffffffff", "0"),
        ("sub", "0x7fffffffffffffff", "-0x8000000000000000", "0xffffffffffffffff"),
        ("sub", "0x7fffffffffffffff", "0x10000000000000001", "-0x8000000000000002"),
        ("sub", "0x7fffffffffffffff", "-1{30*0}", "0xc9f2c9cd0c674edea3fffffff"),
        ("sub", "-0x8000000000000000", "0", "-0x8000000000000000"),
        ("sub", "-0x8000000000000000", "7", "-0x8000000000000007"),
        ("sub", "-0x8000000000000000", "-3", "-0x7ffffffffffffffd"),
        ("sub", "-0x8000000000000000", "0x7fffffffffffffff", "-0xffffffffffffffff"),
        ("sub", "-0x8000000000000000", "-0x8000000000000000", "0"),
        ("sub", "-0x8000000000000000", "0x10000000000000001", "-0x18000000000000001"),
        ("sub", "-0x8000000000000000", "-1{30*0}", "0xc9f2c9ccfc674edea40000000"),
        ("sub", "0x10000000000000001", "0", "0x10000000000000001"),
        ("sub", "0x10000000000000001", "7", "0xfffffffffffffffa"),
        ("sub", "0x10000000000000001", "-3", "0x10000000000000004"),
        ("sub", "0x10000000000000001", "0x7fffffffffffffff", "0x8000000000000002"),
        ("sub", "0x10000000000000001", "-0x8000000000000000", "0x18000000000000001"),
        ("sub", "0x10000000000000001", "0x10000000000000001", "0"),
        ("sub", "0x10000000000000001", "-1{30*0}", "0xc9f2c9cd14674edea40000001"),
        ("sub", "-1{30*0}", "0", "-1{30*0}"),
        ("sub", "-1{30*0}", "7", "-1{29*0}7"),
        ("sub", "-1{30*0}", "-3", "-{29*9}7"),
        ("sub", "-1{30*0}", "0x7fffffffffffffff", "-0xc9f2c9cd0c674edea3fffffff"),
        ("sub", "-1{30*0}", "-0x8000000000000000", "-0xc9f2c9ccfc674edea40000000"),
        ("sub", "-1{30*0}", "0x10000000000000001", "-0xc9f2c9cd14674edea40000001"),
        ("sub", "-1{30*0}", "-1{30*0}", "0"),
        ("mul", "0", "0", "0"),
        ("mul", "0", "7", "0"),
        ("mul", "0", "-3", "0"),
        ("mul", "0", "0x7fffffffffffffff", "0"),
        ("mul", "0", "-0x8000000000000000", "0"),
        ("mul", "0", "0x10000000000000001", "0"),
        ("mul", "0", "-1{30*0}", "0"),
        ("mul", "7", "0", "0"),
        ("mul", "7", "7", "49"),
        ("mul", "7", "-3", "-21"),
        ("mul", "7", "0x7fffffffffffffff", "0x37ffffffffffffff9"),
        ("mul", "7", "-0x8000000000000000", "-0x38000000000000000"),
        ("mul", "7", "0x10000000000000001", "0x70000000000000007"),
        ("mul", "7", "-1{30*0}", "-7{30*0}"),
        ("mul", "-3", "0", "0"),
        ("mul", "-3", "7", "-21"),
        ("mul", "-3", "-3", "9"),
        ("mul", "-3", "0x7fffffffffffffff", "-0x17ffffffffffffffd"),
        ("mul", "-3", "-0x8000000000000000", "0x18000000000000000"),
        ("mul", "-3", "0x10000000000000001", "-0x30000000000000003"),
        ("mul", "-3", "-1{30*0}", "3{30*0}"),
        ("mul", "0x7fffffffffffffff", "0", "0"),
        ("mul", "0x7fffffffffffffff", "7", "0x37ffffffffffffff9"),
        ("mul", "0x7fffffffffffffff", "-3", "-0x17ffffffffffffffd"),
        ("mul", "0x7fffffffffffffff", "0x7fffffffffffffff", "0x3fffffffffffffff0000000000000001"),
        ("mul", "0x7fffffffffffffff", "-0x8000000000000000", "-0x3fffffffffffffff8000000000000000"),
        ("mul", "0x7fffffffffffffff", "0x10000000000000001", "0x7fffffffffffffff7fffffffffffffff"),
        ("mul", "0x7fffffffffffffff", "-1{30*0}", "-9223372036854775807{30*0}"),
        ("mul", "-0x8000000000000000", "0", "0"),
        ("mul", "-0x8000000000000000", "7", "-0x38000000000000000"),
        ("mul", "-0x8000000000000000", "-3", "0x18000000000000000"),
        ("mul", "-0x8000000000000000", "0x7fffffffffffffff", "-0x3fffffffffffffff8000000000000000"),
        ("mul", "-0x8000000000000000", "-0x8000000000000000", "0x4{31*0}"),
        ("mul", "-0x8000000000000000", "0x10000000000000001", "-0x80000000000000008000000000000000"),
        ("mul", "-0x8000000000000000", "-1{30*0}", "9223372036854775808{30*0}"),
        ("mul", "0x10000000000000001", "0", "0"),
        ("mul", "0x10000000000000001", "7", "0x70000000000000007"),
        ("mul", "0x10000000000000001", "-3", "-0x30000000000000003"),
        ("mul", "0x10000000000000001", "0x7fffffffffffffff", "0x7fffffffffffffff7fffffffffffffff"),
        ("mul", "0x10000000000000001", "-0x8000000000000000", "-0x80000000000000008000000000000000"),
        ("mul", "0x10000000000000001", "0x10000000000000001", "0x100000000000000020000000000000001"),
        ("mul", "0x10000000000000001", "-1{30*0}", "-18446744073709551617{30*0}"),
        ("mul", "-1{30*0}", "0", "0"),
        ("mul", "-1{30*0}", "7", "-7{30*0}"),
        ("mul", "-1{30*0}", "-3", "3{30*0}"),
        ("mul", "-1{30*0}", "0x7fffffffffffffff", "-9223372036854775807{30*0}"),
        ("mul", "-1{30*0}", "-0x8000000000000000", "9223372036854775808{30*0}"),
        ("mul", "-1{30*0}", "0x10000000000000001", "-18446744073709551617{30*0}"),
        ("mul", "-1{30*0}", "-1{30*0}", "1{60*0}"),
        ("floordiv", "0", "0", "E:ZeroDivisionError:integer division or modulo by zero"),
        ("floordiv", "0", "7", "0"),
        ("floordiv", "0", "-3", "0"),
        ("floordiv", "0", "0x7fffffffffffffff", "0"),
        ("floordiv", "0", "-0x8000000000000000", "0"),
        ("floordiv", "0", "0x10000000000000001", "0"),
        ("floordiv", "0", "-1{30*0}", "0"),
        ("floordiv", "7", "0", "E:ZeroDivisionError:integer division or modulo by zero"),
        ("floordiv", "7", "7", "1"),
        ("floordiv", "7", "-3", "-3"),
        ("floordiv", "7", "0x7fffffffffffffff", "0"),
        ("floordiv", "7", "-0x8000000000000000", "-1"),
        ("floordiv", "7", "0x10000000000000001", "0"),
        ("floordiv", "7", "-1{30*0}", "-1"),
        ("floordiv", "-3", "0", "E:ZeroDivisionError:integer division or modulo by zero"),
        ("floordiv", "-3", "7", "-1"),
        ("floordiv", "-3", "-3", "1"),
        ("floordiv", "-3", "0x7fffffffffffffff", "-1"),
        ("floordiv", "-3", "-0x8000000000000000", "0"),
        ("floordiv", "-3", "0x10000000000000001", "-1"),
        ("floordiv", "-3", "-1{30*0}", "0"),
        ("floordiv", "0x7fffffffffffffff", "0", "E:ZeroDivisionError:integer division or modulo by zero"),
        ("floordiv", "0x7fffffffffffffff", "7", "0x1249249249249249"),
        ("floordiv", "0x7fffffffffffffff", "-3", "-0x2aaaaaaaaaaaaaab"),
        ("floordiv", "0x7fffffffffffffff", "0x7fffffffffffffff", "1"),
        ("floordiv", "0x7fffffffffffffff", "-0x8000000000000000", "-1"),
        ("floordiv", "0x7fffffffffffffff", "0x10000000000000001", "0"),
        ("floordiv", "0x7fffffffffffffff", "-1{30*0}", "-1"),
        ("floordiv", "-0x8000000000000000", "0", "E:ZeroDivisionError:integer division or modulo by zero"),
        ("floordiv", "-0x8000000000000000", "7", "-0x124924924924924a"),
        ("floordiv", "-0x8000000000000000", "-3", "0x2aaaaaaaaaaaaaaa"),
        ("floordiv", "-0x8000000000000000", "0x7fffffffffffffff", "-2"),
        ("floordiv", "-0x8000000000000000", "-0x8000000000000000", "1"),
        ("floordiv", "-0x8000000000000000", "0x10000000000000001", "-1"),
        ("floordiv", "-0x8000000000000000", "-1{30*0}", "0"),
        ("floordiv", "0x10000000000000001", "0", "E:ZeroDivisionError:integer division or modulo by zero"),
        ("floordiv", "0x10000000000000001", "7", "0x2492492492492492"),
        ("floordiv", "0x10000000000000001", "-3", "-0x5555555555555556"),
        ("floordiv", "0x10000000000000001", "0x7fffffffffffffff", "2"),
        ("floordiv", "0x10000000000000001", "-0x8000000000000000", "-3"),
        ("floordiv", "0x10000000000000001", "0x10000000000000001", "1"),
        ("floordiv", "0x10000000000000001", "-1{30*0}", "-1"),
        ("floordiv", "-1{30*0}", "0", "E:ZeroDivisionError:integer division or modulo by zero"),
        ("floordiv", "-1{30*0}", "7", "-0x1cd98a8b00a10b4460924924a"),
        ("floordiv", "-1{30*0}", "-3", "{30*3}"),
        ("floordiv", "-1{30*0}", "0x7fffffffffffffff", "-108420217249"),
        ("floordiv", "-1{30*0}", "-0x8000000000000000", "108420217248"),
        ("floordiv", "-1{30*0}", "0x10000000000000001", "-54210108625"),
        ("floordiv", "-1{30*0}", "-1{30*0}", "1"),
        ("mod", "0", "0", "E:ZeroDivisionError:integer modulo by zero"),
        ("mod", "0", "7", "0"),
        ("mod", "0", "-3", "0"),
        ("mod", "0", "0x7fffffffffffffff", "0"),
        ("mod", "0", "-0x8000000000000000", "0"),
        ("mod", "0", "0x10000000000000001", "0"),
        ("mod", "0", "-1{30*0}", "0"),
        ("mod", "7", "0", "E:ZeroDivisionError:integer modulo by zero"),
        ("mod", "7", "7", "0"),
        ("mod", "7", "-3", "-2"),
        ("mod", "7", "0x7fffffffffffffff", "7"),
        ("mod", "7", "-0x8000000000000000", "-0x7ffffffffffffff9"),
        ("mod", "7", "0x10000000000000001", "7"),
        ("mod", "7", "-1{30*0}", "-{29*9}3"),
        ("mod", "-3", "0", "E:ZeroDivisionError:integer modulo by zero"),
        ("mod", "-3", "7", "4"),
        ("mod", "-3", "-3", "0"),
        ("mod", "-3", "0x7fffffffffffffff", "0x7ffffffffffffffc"),
        ("mod", "-3", "-0x8000000000000000", "-3"),
        ("mod", "-3", "0x10000000000000001", "0xfffffffffffffffe"),
        ("mod", "-3", "-1{30*0}", "-3"),
        ("mod", "0x7fffffffffffffff", "0", "E:ZeroDivisionError:integer modulo by zero"),
        ("mod", "0x7fffffffffffffff", "7", "0"),
        ("mod", "0x7fffffffffffffff", "-3", "-2"),
        ("mod", "0x7fffffffffffffff", "0x7fffffffffffffff", "0"),
        ("mod", "0x7fffffffffffffff", "-0x8000000000000000", "-1"),
        ("mod", "0x7fffffffffffffff", "0x10000000000000001", "0x7fffffffffffffff"),
        ("mod", "0x7fffffffffffffff", "-1{30*0}", "-0xc9f2c9ccfc674edea40000001"),
        ("mod", "-0x8000000000000000", "0", "E:ZeroDivisionError:integer modulo by zero"),
        ("mod", "-0x8000000000000000", "7", "6"),
        ("mod", "-0x8000000000000000", "-3", "-2"),
        ("mod", "-0x8000000000000000", "0x7fffffffffffffff", "0x7ffffffffffffffe"),
        ("mod", "-0x8000000000000000", "-0x8000000000000000", "0"),
        ("mod", "-0x8000000000000000", "0x10000000000000001", "0x8000000000000001"),
        ("mod", "-0x8000000000000000", "-1{30*0}", "-0x8000000000000000"),
        ("mod", "0x10000000000000001", "0", "E:ZeroDivisionError:integer modulo by zero"),
        ("mod", "0x10000000000000001", "7", "3"),
        ("mod", "0x10000000000000001", "-3", "-1"),
        ("mod", "0x10000000000000001", "0x7fffffffffffffff", "3"),
        ("mod", "0x10000000000000001", "-0x8000000000000000", "-0x7fffffffffffffff"),
        ("mod", "0x10000000000000001", "0x10000000000000001", "0"),
        ("mod", "0x10000000000000001", "-1{30*0}", "-0xc9f2c9ccf4674edea3fffffff"),
        ("mod", "-1{30*0}", "0", "E:ZeroDivisionError:integer modulo by zero"),
        ("mod", "-1{30*0}", "7", "6"),
        ("mod", "-1{30*0}", "-3", "-1"),
        ("mod", "-1{30*0}", "0x7fffffffffffffff", "0x398b11fc81a6c65f"),
        ("mod", "-1{30*0}", "-0x8000000000000000", "-0x4674edea40000000"),
        ("mod", "-1{30*0}", "0x10000000000000001", "0xb98b12225f2c9cd1"),
        ("mod", "-1{30*0}", "-1{30*0}", "0"),
        ("divmod", "0", "0", "E:ZeroDivisionError:integer division or modulo by zero"),
        ("divmod", "0", "7", "0,0"),
        ("divmod", "0", "-3", "0,0"),
        ("divmod", "0", "0x7fffffffffffffff", "0,0"),
        ("divmod", "0", "-0x8000000000000000", "0,0"),
        ("divmod", "0", "0x10000000000000001", "0,0"),
        ("divmod", "0", "-1{30*0}", "0,0"),
        ("divmod", "7", "0", "E:ZeroDivisionError:integer division or modulo by zero"),
        ("divmod", "7", "7", "1,0"),
        ("divmod", "7", "-3", "-3,-2"),
        ("divmod", "7", "0x7fffffffffffffff", "0,7"),
        ("divmod", "7", "-0x8000000000000000", "-1,-0x7ffffffffffffff9"),
        ("divmod", "7", "0x10000000000000001", "0,7"),
        ("divmod", "7", "-1{30*0}", "-1,-{29*9}3"),
        ("divmod", "-3", "0", "E:ZeroDivisionError:integer division or modulo by zero"),
        ("divmod", "-3", "7", "-1,4"),
        ("divmod", "-3", "-3", "1,0"),
        ("divmod", "-3", "0x7fffffffffffffff", "-1,0x7ffffffffffffffc"),
        ("divmod", "-3", "-0x8000000000000000", "0,-3"),
        ("divmod", "-3", "0x10000000000000001", "-1,0xfffffffffffffffe"),
        ("divmod", "-3", "-1{30*0}", "0,-3"),
        ("divmod", "0x7fffffffffffffff", "0", "E:ZeroDivisionError:integer division or modulo by zero"),
        ("divmod", "0x7fffffffffffffff", "7", "0x1249249249249249,0"),
        ("divmod", "0x7fffffffffffffff", "-3", "-0x2aaaaaaaaaaaaaab,-2"),
        ("divmod", "0x7fffffffffffffff", "0x7fffffffffffffff", "1,0"),
        ("divmod", "0x7fffffffffffffff", "-0x8000000000000000", "-1,-1"),
        ("divmod", "0x7fffffffffffffff", "0x10000000000000001", "0,0x7fffffffffffffff"),
        ("divmod", "0x7fffffffffffffff", "-1{30*0}", "-1,-0xc9f2c9ccfc674edea40000001"),
        ("divmod", "-0x8000000000000000", "0", "E:ZeroDivisionError:integer division or modulo by zero"),
        ("divmod", "-0x8000000000000000", "7", "-0x124924924924924a,6"),
        ("divmod", "-0x8000000000000000", "-3", "0x2aaaaaaaaaaaaaaa,-2"),
        ("divmod", "-0x8000000000000000", "0x7fffffffffffffff", "-2,0x7ffffffffffffffe"),
        ("divmod", "-0x8000000000000000", "-0x8000000000000000", "1,0"),
        ("divmod", "-0x8000000000000000", "0x10000000000000001", "-1,0x8000000000000001"),
        ("divmod", "-0x8000000000000000", "-1{30*0}", "0,-0x8000000000000000"),
        ("divmod", "0x10000000000000001", "0", "E:ZeroDivisionError:integer division or modulo by zero"),
        ("divmod", "0x10000000000000001", "7", "0x2492492492492492,3"),
        ("divmod", "0x10000000000000001", "-3", "-0x5555555555555556,-1"),
        ("divmod", "0x10000000000000001", "0x7fffffffffffffff", "2,3"),
        ("divmod", "0x10000000000000001", "-0x8000000000000000", "-3,-0x7fffffffffffffff"),
        ("divmod", "0x10000000000000001", "0x10000000000000001", "1,0"),
        ("divmod", "0x10000000000000001", "-1{30*0}", "-1,-0xc9f2c9ccf4674edea3fffffff"),
        ("divmod", "-1{30*0}", "0", "E:ZeroDivisionError:integer division or modulo by zero"),
        ("divmod", "-1{30*0}", "7", "-0x1cd98a8b00a10b4460924924a,6"),
        ("divmod", "-1{30*0}", "-3", "{30*3},-1"),
        ("divmod", "-1{30*0}", "0x7fffffffffffffff", "-108420217249,0x398b11fc81a6c65f"),
        ("divmod", "-1{30*0}", "-0x8000000000000000", "108420217248,-0x4674edea40000000"),
        ("divmod", "-1{30*0}", "0x10000000000000001", "-54210108625,0xb98b12225f2c9cd1"),
        ("divmod", "-1{30*0}", "-1{30*0}", "1,0"),
        ("truediv", "0", "0", "E:ZeroDivisionError:division by zero"),
        ("truediv", "0", "7", "0.0"),
        ("truediv", "0", "-3", "-0.0"),
        ("truediv", "0", "0x7fffffffffffffff", "0.0"),
        ("truediv", "0", "-0x8000000000000000", "-0.0"),
        ("truediv", "0", "0x10000000000000001", "0.0"),
        ("truediv", "0", "-1{30*0}", "-0.0"),
        ("truediv", "7", "0", "E:ZeroDivisionError:division by zero"),
        ("truediv", "7", "7", "1.0"),
        ("truediv", "7", "-3", "-2.3333333333333335"),
        ("truediv", "7", "0x7fffffffffffffff", "7.589415207398531e-19"),
        ("truediv", "7", "-0x8000000000000000", "-7.589415207398531e-19"),
        ("truediv", "7", "0x10000000000000001", "3.7947076036992655e-19"),
        ("truediv", "7", "-1{30*0}", "-7e-30"),
        ("truediv", "-3", "0", "E:ZeroDivisionError:division by zero"),
        ("truediv", "-3", "7", "-0.42857142857142855"),
        ("truediv", "-3", "-3", "1.0"),
        ("truediv", "-3", "0x7fffffffffffffff", "-3.2526065174565133e-19"),
        ("truediv", "-3", "-0x8000000000000000", "3.2526065174565133e-19"),
        ("truediv", "-3", "0x10000000000000001", "-1.6263032587282567e-19"),
        ("truediv", "-3", "-1{30*0}", "3e-30"),
        ("truediv", "0x7fffffffffffffff", "0", "E:ZeroDivisionError:division by zero"),
        ("truediv", "0x7fffffffffffffff", "7", "1.3176245766935393e+18"),
        ("truediv", "0x7fffffffffffffff", "-3", "-3.0744573456182584e+18"),
        ("truediv", "0x7fffffffffffffff", "0x7fffffffffffffff", "1.0"),
        ("truediv", "0x7fffffffffffffff", "-0x8000000000000000", "-1.0"),
        ("truediv", "0x7fffffffffffffff", "0x10000000000000001", "0.5"),
        ("truediv", "0x7fffffffffffffff", "-1{30*0}", "-9.223372036854777e-12"),
        ("truediv", "-0x8000000000000000", "0", "E:ZeroDivisionError:division by zero"),
        ("truediv", "-0x8000000000000000", "7", "-1.3176245766935393e+18"),
        ("truediv", "-0x8000000000000000", "-3", "3.0744573456182584e+18"),
        ("truediv", "-0x8000000000000000", "0x7fffffffffffffff", "-1.0"),
        ("truediv", "-0x8000000000000000", "-0x8000000000000000", "1.0"),
        ("truediv", "-0x8000000000000000", "0x10000000000000001", "-0.5"),
        ("truediv", "-0x8000000000000000", "-1{30*0}", "9.223372036854777e-12"),
        ("truediv", "0x10000000000000001", "0", "E:ZeroDivisionError:division by zero"),
        ("truediv", "0x10000000000000001", "7", "2.6352491533870787e+18"),
        ("truediv", "0x10000000000000001", "-3", "-6.148914691236517e+18"),
        ("truediv", "0x10000000000000001", "0x7fffffffffffffff", "2.0"),
        ("truediv", "0x10000000000000001", "-0x8000000000000000", "-2.0"),
        ("truediv", "0x10000000000000001", "0x10000000000000001", "1.0"),
        ("truediv", "0x10000000000000001", "-1{30*0}", "-1.8446744073709553e-11"),
        ("truediv", "-1{30*0}", "0", "E:ZeroDivisionError:division by zero"),
        ("truediv", "-1{30*0}", "7", "-1.4285714285714285e+29"),
        ("truediv", "-1{30*0}", "-3", "3.333333333333333e+29"),
        ("truediv", "-1{30*0}", "0x7fffffffffffffff", "-108420217248.55045"),
        ("truediv", "-1{30*0}", "-0x8000000000000000", "108420217248.55045"),
        ("truediv", "-1{30*0}", "0x10000000000000001", "-54210108624.27522"),
        ("truediv", "-1{30*0}", "-1{30*0}", "1.0"),
        ("and", "0", "0", "0"),
        ("and", "0", "7", "0"),
        ("and", "0", "-3", "0"),
        ("and", "0", "0x7fffffffffffffff", "0"),
        ("and", "0", "-0x8000000000000000", "0"),
        ("and", "0", "0x10000000000000001", "0"),
        ("and", "0", "-1{30*0}", "0"),
        ("and", "7", "0", "0"),
        ("and", "7", "7", "7"),
        ("and", "7", "-3", "5"),
        ("and", "7", "0x7fffffffffffffff", "7"),
        ("and", "7", "-0x8000000000000000", "0"),
        ("and", "7", "0x10000000000000001", "1"),
        ("and", "7", "-1{30*0}", "0"),
        ("and", "-3", "0", "0"),
        ("and", "-3", "7", "5"),
        ("and", "-3", "-3", "-3"),
        ("and", "-3", "0x7fffffffffffffff", "0x7ffffffffffffffd"),
        ("and", "-3", "-0x8000000000000000", "-0x8000000000000000"),
        ("and", "-3", "0x10000000000000001", "0x10000000000000001"),
        ("and", "-3", "-1{30*0}", "-1{30*0}"),
        ("and", "0x7fffffffffffffff", "0", "0"),
        ("and", "0x7fffffffffffffff", "7", "7"),
        ("and", "0x7fffffffffffffff", "-3", "0x7ffffffffffffffd"),
        ("and", "0x7fffffffffffffff", "0x7fffffffffffffff", "0x7fffffffffffffff"),
        ("and", "0x7fffffffffffffff", "-0x8000000000000000", "0"),
        ("and", "0x7fffffffffffffff", "0x10000000000000001", "1"),
        ("and", "0x7fffffffffffffff", "-1{30*0}", "0x398b1215c0000000"),
        ("and", "-0x8000000000000000", "0", "0"),
        ("and", "-0x8000000000000000", "7", "0"),
        ("and", "-0x8000000000000000", "-3", "-0x8000000000000000"),
        ("and", "-0x8000000000000000", "0x7fffffffffffffff", "0"),
        ("and", "-0x8000000000000000", "-0x8000000000000000", "-0x8000000000000000"),
        ("and", "-0x8000000000000000", "0x10000000000000001", "0x10000000000000000"),
        ("and", "-0x8000000000000000", "-1{30*0}", "-0xc9f2c9cd08000000000000000"),
        ("and", "0x10000000000000001", "0", "0"),
        ("and", "0x10000000000000001", "7", "1"),
        ("and", "0x10000000000000001", "-3", "0x10000000000000001"),
        ("and", "0x10000000000000001", "0x7fffffffffffffff", "1"),
        ("and", "0x10000000000000001", "-0x8000000000000000", "0x10000000000000000"),
        ("and", "0x10000000000000001", "0x10000000000000001", "0x10000000000000001"),
        ("and", "0x10000000000000001", "-1{30*0}", "0x10000000000000000"),
        ("and", "-1{30*0}", "0", "0"),
        ("and", "-1{30*0}", "7", "0"),
        ("and", "-1{30*0}", "-3", "-1{30*0}"),
        ("and", "-1{30*0}", "0x7fffffffffffffff", "0x398b1215c0000000"),
        ("and", "-1{30*0}", "-0x8000000000000000", "-0xc9f2c9cd08000000000000000"),
        ("and", "-1{30*0}", "0x10000000000000001", "0x10000000000000000"),
        ("and", "-1{30*0}", "-1{30*0}", "-1{30*0}"),
        ("or", "0", "0", "0"),
        ("or", "0", "7", "7"),
        ("or", "0", "-3", "-3"),
        ("or", "0", "0x7fffffffffffffff", "0x7fffffffffffffff"),
        ("or", "0", "-0x8000000000000000", "-0x8000000000000000"),
        ("or", "0", "0x10000000000000001", "0x10000000000000001"),
        ("or", "0", "-1{30*0}", "-1{30*0}"),
        ("or", "7", "0", "7"),
        ("or", "7", "7", "7"),
        ("or", "7", "-3", "-1"),
        ("or", "7", "0x7fffffffffffffff", "0x7fffffffffffffff"),
        ("or", "7", "-0x8000000000000000", "-0x7ffffffffffffff9"),
        ("or", "7", "0x10000000000000001", "0x10000000000000007"),
        ("or", "7", "-1{30*0}", "-{29*9}3"),
        ("or", "-3", "0", "-3"),
        ("or", "-3", "7", "-1"),
        ("or", "-3", "-3", "-3"),
        ("or", "-3", "0x7fffffffffffffff", "-1"),
        ("or", "-3", "-0x8000000000000000", "-3"),
        ("or", "-3", "0x10000000000000001", "-3"),
        ("or", "-3", "-1{30*0}", "-3"),
        ("or", "0x7fffffffffffffff", "0", "0x7fffffffffffffff"),
        ("or", "0x7fffffffffffffff", "7", "0x7fffffffffffffff"),
        ("or", "0x7fffffffffffffff", "-3", "-1"),
        ("or", "0x7fffffffffffffff", "0x7fffffffffffffff", "0x7fffffffffffffff"),
        ("or", "0x7fffffffffffffff", "-0x8000000000000000", "-1"),
        ("or", "0x7fffffffffffffff", "0x10000000000000001", "0x17fffffffffffffff"),
        ("or", "0x7fffffffffffffff", "-1{30*0}", "-0xc9f2c9cd00000000000000001"),
        ("or", "-0x8000000000000000", "0", "-0x8000000000000000"),
        ("or", "-0x8000000000000000", "7", "-0x7ffffffffffffff9"),
        ("or", "-0x8000000000000000", "-3", "-3"),
        ("or", "-0x8000000000000000", "0x7fffffffffffffff", "-1"),
        ("or", "-0x8000000000000000", "-0x8000000000000000", "-0x8000000000000000"),
        ("or", "-0x8000000000000000", "0x10000000000000001", "-0x7fffffffffffffff"),
        ("or", "-0x8000000000000000", "-1{30*0}", "-0x4674edea40000000"),
        ("or", "0x10000000000000001", "0", "0x10000000000000001"),
        ("or", "0x10000000000000001", "7", "0x10000000000000007"),
        ("or", "0x10000000000000001", "-3", "-3"),
        ("or", "0x10000000000000001", "0x7fffffffffffffff", "0x17fffffffffffffff"),
        ("or", "0x10000000000000001", "-0x8000000000000000", "-0x7fffffffffffffff"),
        ("or", "0x10000000000000001", "0x10000000000000001", "0x10000000000000001"),
        ("or", "0x10000000000000001", "-1{30*0}", "-{30*9}"),
        ("or", "-1{30*0}", "0", "-1{30*0}"),
        ("or", "-1{30*0}", "7", "-{29*9}3"),
        ("or", "-1{30*0}", "-3", "-3"),
        ("or", "-1{30*0}", "0x7fffffffffffffff", "-0xc9f2c9cd00000000000000001"),
        ("or", "-1{30*0}", "-0x8000000000000000", "-0x4674edea40000000"),
        ("or", "-1{30*0}", "0x10000000000000001", "-{30*9}"),
        ("or", "-1{30*0}", "-1{30*0}", "-1{30*0}"),
        ("xor", "0", "0", "0"),
        ("xor", "0", "7", "7"),
        ("xor", "0", "-3", "-3"),
        ("xor", "0", "0x7fffffffffffffff", "0x7fffffffffffffff"),
        ("xor", "0", "-0x8000000000000000", "-0x8000000000000000"),
        ("xor", "0", "0x10000000000000001", "0x10000000000000001"),
        ("xor", "0", "-1{30*0}", "-1{30*0}"),
        ("xor", "7", "0", "7"),
        ("xor", "7", "7", "0"),
        ("xor", "7", "-3", "-6"),
        ("xor", "7", "0x7fffffffffffffff", "0x7ffffffffffffff8"),
        ("xor", "7", "-0x8000000000000000", "-0x7ffffffffffffff9"),
        ("xor", "7", "0x10000000000000001", "0x10000000000000006"),
        ("xor", "7", "-1{30*0}", "-{29*9}3"),
        ("xor", "-3", "0", "-3"),
        ("xor", "-3", "7", "-6"),
        ("xor", "-3", "-3", "0"),
        ("xor", "-3", "0x7fffffffffffffff", "-0x7ffffffffffffffe"),
        ("xor", "-3", "-0x8000000000000000", "0x7ffffffffffffffd"),
        ("xor", "-3", "0x10000000000000001", "-0x10000000000000004"),
        ("xor", "-3", "-1{30*0}", "{29*9}7"),
        ("xor", "0x7fffffffffffffff", "0", "0x7fffffffffffffff"),
        ("xor", "0x7fffffffffffffff", "7", "0x7ffffffffffffff8"),
        ("xor", "0x7fffffffffffffff", "-3", "-0x7ffffffffffffffe"),
        ("xor", "0x7fffffffffffffff", "0x7fffffffffffffff", "0"),
        ("xor", "0x7fffffffffffffff", "-0x8000000000000000", "-1"),
        ("xor", "0x7fffffffffffffff", "0x10000000000000001", "0x17ffffffffffffffe"),
        ("xor", "0x7fffffffffffffff", "-1{30*0}", "-0xc9f2c9cd0398b1215c0000001"),
        ("xor", "-0x8000000000000000", "0", "-0x8000000000000000"),
        ("xor", "-0x8000000000000000", "7", "-0x7ffffffffffffff9"),
        ("xor", "-0x8000000000000000", "-3", "0x7ffffffffffffffd"),
        ("xor", "-0x8000000000000000", "0x7fffffffffffffff", "-1"),
        ("xor", "-0x8000000000000000", "-0x8000000000000000", "0"),
        ("xor", "-0x8000000000000000", "0x10000000000000001", "-0x17fffffffffffffff"),
        ("xor", "-0x8000000000000000", "-1{30*0}", "0xc9f2c9cd0398b1215c0000000"),
        ("xor", "0x10000000000000001", "0", "0x10000000000000001"),
        ("xor", "0x10000000000000001", "7", "0x10000000000000006"),
        ("xor", "0x10000000000000001", "-3", "-0x10000000000000004"),
        ("xor", "0x10000000000000001", "0x7fffffffffffffff", "0x17ffffffffffffffe"),
        ("xor", "0x10000000000000001", "-0x8000000000000000", "-0x17fffffffffffffff"),
        ("xor", "0x10000000000000001", "0x10000000000000001", "0"),
        ("xor", "0x10000000000000001", "-1{30*0}", "-0xc9f2c9cd14674edea3fffffff"),
        ("xor", "-1{30*0}", "0", "-1{30*0}"),
        ("xor", "-1{30*0}", "7", "-{29*9}3"),
        ("xor", "-1{30*0}", "-3", "{29*9}7"),
        ("xor", "-1{30*0}", "0x7fffffffffffffff", "-0xc9f2c9cd0398b1215c0000001"),
        ("xor", "-1{30*0}", "-0x8000000000000000", "0xc9f2c9cd0398b1215c0000000"),
        ("xor", "-1{30*0}", "0x10000000000000001", "-0xc9f2c9cd14674edea3fffffff"),
        ("xor", "-1{30*0}", "-1{30*0}", "0"),
        ("cmp", "0", "0", "="),
        ("cmp", "0", "7", "<"),
        ("cmp", "0", "-3", ">"),
        ("cmp", "0", "0x7fffffffffffffff", "<"),
        ("cmp", "0", "-0x8000000000000000", ">"),
        ("cmp", "0", "0x10000000000000001", "<"),
        ("cmp", "0", "-1{30*0}", ">"),
        ("cmp", "7", "0", ">"),
        ("cmp", "7", "7", "="),
        ("cmp", "7", "-3", ">"),
        ("cmp", "7", "0x7fffffffffffffff", "<"),
        ("cmp", "7", "-0x8000000000000000", ">"),
        ("cmp", "7", "0x10000000000000001", "<"),
        ("cmp", "7", "-1{30*0}", ">"),
        ("cmp", "-3", "0", "<"),
        ("cmp", "-3", "7", "<"),
        ("cmp", "-3", "-3", "="),
        ("cmp", "-3", "0x7fffffffffffffff", "<"),
        ("cmp", "-3", "-0x8000000000000000", ">"),
        ("cmp", "-3", "0x10000000000000001", "<"),
        ("cmp", "-3", "-1{30*0}", ">"),
        ("cmp", "0x7fffffffffffffff", "0", ">"),
        ("cmp", "0x7fffffffffffffff", "7", ">"),
        ("cmp", "0x7fffffffffffffff", "-3", ">"),
        ("cmp", "0x7fffffffffffffff", "0x7fffffffffffffff", "="),
        ("cmp", "0x7fffffffffffffff", "-0x8000000000000000", ">"),
        ("cmp", "0x7fffffffffffffff", "0x10000000000000001", "<"),
        ("cmp", "0x7fffffffffffffff", "-1{30*0}", ">"),
        ("cmp", "-0x8000000000000000", "0", "<"),
        ("cmp", "-0x8000000000000000", "7", "<"),
        ("cmp", "-0x8000000000000000", "-3", "<"),
        ("cmp", "-0x8000000000000000", "0x7fffffffffffffff", "<"),
        ("cmp", "-0x8000000000000000", "-0x8000000000000000", "="),
        ("cmp", "-0x8000000000000000", "0x10000000000000001", "<"),
        ("cmp", "-0x8000000000000000", "-1{30*0}", ">"),
        ("cmp", "0x10000000000000001", "0", ">"),
        ("cmp", "0x10000000000000001", "7", ">"),
        ("cmp", "0x10000000000000001", "-3", ">"),
        ("cmp", "0x10000000000000001", "0x7fffffffffffffff", ">"),
        ("cmp", "0x10000000000000001", "-0x8000000000000000", ">"),
        ("cmp", "0x10000000000000001", "0x10000000000000001", "="),
        ("cmp", "0x10000000000000001", "-1{30*0}", ">"),
        ("cmp", "-1{30*0}", "0", "<"),
        ("cmp", "-1{30*0}", "7", "<"),
        ("cmp", "-1{30*0}", "-3", "<"),
        ("cmp", "-1{30*0}", "0x7fffffffffffffff", "<"),
        ("cmp", "-1{30*0}", "-0x8000000000000000", "<"),
        ("cmp", "-1{30*0}", "0x10000000000000001", "<"),
        ("cmp", "-1{30*0}", "-1{30*0}", "="),
        ("floordiv", "-0x8000000000000000", "-1", "0x8000000000000000"),
        ("mod", "-0x8000000000000000", "-1", "0"),
        ("divmod", "-0x8000000000000000", "-1", "0x8000000000000000,0"),
        ("truediv", "-0x8000000000000000", "-1", "9.223372036854776e+18"),
        ("floordiv", "7", "2", "3"),
        ("floordiv", "-7", "2", "-4"),
        ("floordiv", "7", "-2", "-4"),
        ("floordiv", "-7", "-2", "3"),
        ("mod", "7", "2", "1"),
        ("mod", "-7", "2", "1"),
        ("mod", "7", "-2", "-1"),
        ("mod", "-7", "-2", "-1"),
        ("mod", "6", "-3", "0"),
        ("mod", "-6", "3", "0"),
        ("divmod", "-7", "2", "-4,1"),
        ("divmod", "7", "-2", "-4,-1"),
        ("mul", "-0x8000000000000000", "-1", "0x8000000000000000"),
        ("mul", "4294967296", "2147483648", "0x8000000000000000"),
        ("mul", "4294967296", "-2147483648", "-0x8000000000000000"),
        ("add", "0x7fffffffffffffff", "1", "0x8000000000000000"),
        ("sub", "-0x8000000000000000", "1", "-0x8000000000000001"),
        ("add", "0x8000000000000000", "-1", "0x7fffffffffffffff"),
        ("sub", "-0x8000000000000001", "-1", "-0x8000000000000000"),
        ("truediv", "0", "-5", "-0.0"),
        ("truediv", "1", "3", "0.3333333333333333"),
        ("truediv", "9007199254740993", "1", "9007199254740992.0"),
        ("truediv", "0x1{275*0}", "3", "E:OverflowError:integer division result too large for a float"),
        ("truediv", "0x4{257*0}", "1", "E:OverflowError:integer division result too large for a float"),
        ("truediv", "1", "0x1{275*0}", "0.0"),
        ("truediv", "-1", "0x1{275*0}", "-0.0"),
        ("truediv", "1{40*0}", "1{39*0}", "10.0"),
        ("truediv", "0x1{349*0}1", "0x8{349*0}", "2.0"),
        ("truediv", "0xfffffffffffffc{242*0}", "1", "E:OverflowError:integer division result too large for a float"),
        ("truediv", "0xfffffffffffff8{242*0}", "1", "1.7976931348623157e+308"),
        ("truediv", "1", "0x4{268*0}", "5e-324"),
        ("truediv", "3", "0x1{269*0}", "5e-324"),
        ("truediv", "1", "0x8{268*0}", "0.0"),
        ("truediv", "5", "0x2{269*0}", "5e-324"),
        ("truediv", "0x1{499*0}1", "0x1{250*0}", "1.0715086071862673e+301"),
        ("truediv", "1{29*0}1", "30000000000", "3.333333333333333e+19"),
        ("truediv", "-0x10000000000000001", "7", "-2.6352491533870787e+18"),
        ("and", "-1", "0x1{25*0}", "0x1{25*0}"),
        ("and", "-0x1{25*0}", "0x1{25*f}", "0x1{25*0}"),
        ("or", "-0x1{25*0}", "5", "-0x{24*f}b"),
        ("xor", "-0x400000000000000000", "0x3fffffffffffffffff", "-1"),
        ("xor", "-1", "-0x8000000000000000", "0x7fffffffffffffff"),
        ("cmp", "0x8000000000000000", "0x7fffffffffffffff", ">"),
        ("cmp", "-0x8000000000000001", "-0x8000000000000000", "<"),
    ];

    #[rustfmt::skip]
    const INT_POW: &[(&str, &str, &str, &str)] = &[
        ("pow", "2", "10", "1024"),
        ("pow", "2", "62", "0x4000000000000000"),
        ("pow", "2", "63", "0x8000000000000000"),
        ("pow", "2", "64", "0x10000000000000000"),
        ("pow", "-2", "63", "-0x8000000000000000"),
        ("pow", "-2", "64", "0x10000000000000000"),
        ("pow", "3", "40", "0xa8b8b452291fe821"),
        ("pow", "3", "41", "0x1fa2a1cf67b5fb863"),
        ("pow", "-3", "41", "-0x1fa2a1cf67b5fb863"),
        ("pow", "0", "0", "1"),
        ("pow", "0", "5", "0"),
        ("pow", "0", "-1", "E:ZeroDivisionError:0.0 cannot be raised to a negative power"),
        ("pow", "2", "-1", "0.5"),
        ("pow", "-2", "-3", "-0.125"),
        ("pow", "10", "-2", "0.01"),
        ("pow", "-1", "1{30*0}", "1"),
        ("pow", "-1", "1{29*0}1", "-1"),
        ("pow", "1", "1{30*0}", "1"),
        ("pow", "0", "1{30*0}", "0"),
        ("pow", "7", "0", "1"),
        ("pow", "0x1{350*0}", "-1", "E:OverflowError:int too large to convert to float"),
        ("pow", "2", "-1075", "0.0"),
        ("pow", "2", "-1074", "5e-324"),
        ("pow", "10", "308", "1{308*0}"),
        ("pow", "10", "-308", "1e-308"),
        ("pow", "0x10000000000000000", "3", "0x1{48*0}"),
        ("pow", "-0x10000000000000000", "3", "-0x1{48*0}"),
        ("pow", "-0x8000000000000000", "1", "-0x8000000000000000"),
        ("pow", "-0x8000000000000000", "2", "0x4{31*0}"),
        ("pow", "5", "-0x1{350*0}", "E:OverflowError:int too large to convert to float"),
        ("pow", "3", "300", "0xb39cfff485a5dbf4d6aae030b91bfb0ec6bba389cd8d7f85bba3985c19c5e24e40c543a123c6e028a873e9e3874e1b4623a44be39b34e67dc5c2671"),
        ("pow", "12345678901", "5", "0xc43c0e9bce3e71ddd63fd0f1c114ae27ba347bf425"),
        ("pow", "2", "10000000000", "E:MemoryError:"),
        ("pow", "-7", "0x400000000000000000", "E:MemoryError:"),
        ("pow", "0x1{25*0}", "134217728", "E:MemoryError:"),
        ("lshift", "1", "0", "1"),
        ("lshift", "1", "63", "0x8000000000000000"),
        ("lshift", "1", "62", "0x4000000000000000"),
        ("lshift", "-1", "63", "-0x8000000000000000"),
        ("lshift", "3", "62", "0xc000000000000000"),
        ("lshift", "-3", "62", "-0xc000000000000000"),
        ("lshift", "-0x8000000000000000", "1", "-0x10000000000000000"),
        ("lshift", "0x7fffffffffffffff", "1", "0xfffffffffffffffe"),
        ("lshift", "5", "-1", "E:ValueError:negative shift count"),
        ("lshift", "0", "-1", "E:ValueError:negative shift count"),
        ("lshift", "0", "0x1{25*0}", "0"),
        ("lshift", "0", "5", "0"),
        ("lshift", "1", "1000", "0x1{250*0}"),
        ("lshift", "-1{30*0}", "7", "-128{30*0}"),
        ("lshift", "0x10000000000000001", "64", "0x100000000000000010000000000000000"),
        ("lshift", "-0x10000000000000001", "3", "-0x80000000000000008"),
        ("lshift", "1", "0x400000000000000000", "E:OverflowError:too many digits in integer"),
        ("lshift", "1", "0x10000000000000000", "E:MemoryError:"),
        ("lshift", "1", "0x8000000000000000", "E:MemoryError:"),
        ("lshift", "1", "0x3bfffffffffffff2e", "E:OverflowError:too many digits in integer"),
        ("lshift", "1", "0x3bfffffffffffff10", "E:MemoryError:"),
        ("lshift", "1", "0x3bfffffffffffff11", "E:OverflowError:too many digits in integer"),
        ("lshift", "1099511627776", "0x3bfffffffffffff0f", "E:OverflowError:too many digits in integer"),
        ("rshift", "1", "0", "1"),
        ("rshift", "-1", "1", "-1"),
        ("rshift", "-1", "0x1{25*0}", "-1"),
        ("rshift", "5", "0x1{25*0}", "0"),
        ("rshift", "-5", "0x1{25*0}", "-1"),
        ("rshift", "-5", "1", "-3"),
        ("rshift", "-5", "63", "-1"),
        ("rshift", "-5", "64", "-1"),
        ("rshift", "-0x8000000000000000", "63", "-1"),
        ("rshift", "-0x8000000000000000", "64", "-1"),
        ("rshift", "0x7fffffffffffffff", "62", "1"),
        ("rshift", "0x10000000000000001", "1", "0x8000000000000000"),
        ("rshift", "-0x10000000000000001", "1", "-0x8000000000000001"),
        ("rshift", "-0x10000000000000001", "64", "-2"),
        ("rshift", "-0x10000000000000000", "64", "-1"),
        ("rshift", "-0x10000000000000000", "65", "-1"),
        ("rshift", "-1{30*0}", "100", "-1"),
        ("rshift", "-1{30*0}", "99", "-2"),
        ("rshift", "5", "-1", "E:ValueError:negative shift count"),
        ("rshift", "0", "-5", "E:ValueError:negative shift count"),
    ];

    #[rustfmt::skip]
    const INT_POWMOD: &[(&str, &str, &str, &str)] = &[
        ("2", "3", "5", "3"),
        ("2", "3", "-5", "-2"),
        ("5", "0", "-3", "-2"),
        ("5", "0", "1", "0"),
        ("5", "0", "-1", "0"),
        ("2", "3", "0", "E:ValueError:pow() 3rd argument cannot be 0"),
        ("2", "-1", "4", "E:ValueError:base is not invertible for the given modulus"),
        ("3", "-1", "7", "5"),
        ("3", "-2", "7", "4"),
        ("-3", "-1", "7", "2"),
        ("3", "-1", "-7", "-2"),
        ("0", "-1", "1", "0"),
        ("0", "0", "7", "1"),
        ("-2", "5", "7", "3"),
        ("-2", "5", "-7", "-4"),
        ("2", "0x1{24*0}1", "1000000007", "83116962"),
        ("0x1{25*0}", "0x1{25*0}", "0x1{22*f}", "4194304"),
        ("-0x1{25*0}", "3", "0x1000000000000000d", "0xf906f0000000000d"),
        ("-0x8000000000000000", "3", "0x7fffffffffffffff", "0x7ffffffffffffffe"),
        ("0x7fffffffffffffff", "0x7fffffffffffffff", "-0x8000000000000000", "-1"),
        ("7", "-1{20*0}", "0x1000000000000000d", "0xd6ac834c81c677b8"),
        ("6", "-1", "9", "E:ValueError:base is not invertible for the given modulus"),
        ("-0x8000000000000000", "-1", "3", "1"),
    ];

    #[rustfmt::skip]
    const INT_UNARY: &[(&str, &str, &str)] = &[
        ("neg", "0", "0"),
        ("abs", "0", "0"),
        ("invert", "0", "-1"),
        ("bit_length", "0", "0"),
        ("to_f64", "0", "0.0"),
        ("hash", "0", "0"),
        ("round-1", "0", "0"),
        ("round-2", "0", "0"),
        ("round-19", "0", "0"),
        ("round-31", "0", "0"),
        ("round2", "0", "0"),
        ("neg", "1", "-1"),
        ("abs", "1", "1"),
        ("invert", "1", "-2"),
        ("bit_length", "1", "1"),
        ("to_f64", "1", "1.0"),
        ("hash", "1", "1"),
        ("round-1", "1", "0"),
        ("round-2", "1", "0"),
        ("round-19", "1", "0"),
        ("round-31", "1", "0"),
        ("round2", "1", "1"),
        ("neg", "-1", "1"),
        ("abs", "-1", "1"),
        ("invert", "-1", "0"),
        ("bit_length", "-1", "1"),
        ("to_f64", "-1", "-1.0"),
        ("hash", "-1", "-2"),
        ("round-1", "-1", "0"),
        ("round-2", "-1", "0"),
        ("round-19", "-1", "0"),
        ("round-31", "-1", "0"),
        ("round2", "-1", "-1"),
        ("neg", "7", "-7"),
        ("abs", "7", "7"),
        ("invert", "7", "-8"),
        ("bit_length", "7", "3"),
        ("to_f64", "7", "7.0"),
        ("hash", "7", "7"),
        ("round-1", "7", "10"),
        ("round-2", "7", "0"),
        ("round-19", "7", "0"),
        ("round-31", "7", "0"),
        ("round2", "7", "7"),
        ("neg", "-7", "7"),
        ("abs", "-7", "7"),
        ("invert", "-7", "6"),
        ("bit_length", "-7", "3"),
        ("to_f64", "-7", "-7.0"),
        ("hash", "-7", "-7"),
        ("round-1", "-7", "-10"),
        ("round-2", "-7", "0"),
        ("round-19", "-7", "0"),
        ("round-31", "-7", "0"),
        ("round2", "-7", "-7"),
        ("neg", "0x7fffffffffffffff", "-0x7fffffffffffffff"),
        ("abs", "0x7fffffffffffffff", "0x7fffffffffffffff"),
        ("invert", "0x7fffffffffffffff", "-0x8000000000000000"),
        ("bit_length", "0x7fffffffffffffff", "63"),
        ("to_f64", "0x7fffffffffffffff", "9.223372036854776e+18"),
        ("hash", "0x7fffffffffffffff", "3"),
        ("round-1", "0x7fffffffffffffff", "0x8000000000000002"),
        ("round-2", "0x7fffffffffffffff", "0x7ffffffffffffff8"),
        ("round-19", "0x7fffffffffffffff", "0x8ac7230489e80000"),
        ("round-31", "0x7fffffffffffffff", "0"),
        ("round2", "0x7fffffffffffffff", "0x7fffffffffffffff"),
        ("neg", "-0x8000000000000000", "0x8000000000000000"),
        ("abs", "-0x8000000000000000", "0x8000000000000000"),
        ("invert", "-0x8000000000000000", "0x7fffffffffffffff"),
        ("bit_length", "-0x8000000000000000", "64"),
        ("to_f64", "-0x8000000000000000", "-9.223372036854776e+18"),
        ("hash", "-0x8000000000000000", "-4"),
        ("round-1", "-0x8000000000000000", "-0x8000000000000002"),
        ("round-2", "-0x8000000000000000", "-0x7ffffffffffffff8"),
        ("round-19", "-0x8000000000000000", "-0x8ac7230489e80000"),
        ("round-31", "-0x8000000000000000", "0"),
        ("round2", "-0x8000000000000000", "-0x8000000000000000"),
        ("neg", "0x8000000000000000", "-0x8000000000000000"),
        ("abs", "0x8000000000000000", "0x8000000000000000"),
        ("invert", "0x8000000000000000", "-0x8000000000000001"),
        ("bit_length", "0x8000000000000000", "64"),
        ("to_f64", "0x8000000000000000", "9.223372036854776e+18"),
        ("hash", "0x8000000000000000", "4"),
        ("round-1", "0x8000000000000000", "0x8000000000000002"),
        ("round-2", "0x8000000000000000", "0x7ffffffffffffff8"),
        ("round-19", "0x8000000000000000", "0x8ac7230489e80000"),
        ("round-31", "0x8000000000000000", "0"),
        ("round2", "0x8000000000000000", "0x8000000000000000"),
        ("neg", "-0x8000000000000001", "0x8000000000000001"),
        ("abs", "-0x8000000000000001", "0x8000000000000001"),
        ("invert", "-0x8000000000000001", "0x8000000000000000"),
        ("bit_length", "-0x8000000000000001", "64"),
        ("to_f64", "-0x8000000000000001", "-9.223372036854776e+18"),
        ("hash", "-0x8000000000000001", "-5"),
        ("round-1", "-0x8000000000000001", "-0x8000000000000002"),
        ("round-2", "-0x8000000000000001", "-0x7ffffffffffffff8"),
        ("round-19", "-0x8000000000000001", "-0x8ac7230489e80000"),
        ("round-31", "-0x8000000000000001", "0"),
        ("round2", "-0x8000000000000001", "-0x8000000000000001"),
        ("neg", "0x10000000000000000", "-0x10000000000000000"),
        ("abs", "0x10000000000000000", "0x10000000000000000"),
        ("invert", "0x10000000000000000", "-0x10000000000000001"),
        ("bit_length", "0x10000000000000000", "65"),
        ("to_f64", "0x10000000000000000", "1.8446744073709552e+19"),
        ("hash", "0x10000000000000000", "8"),
        ("round-1", "0x10000000000000000", "0x10000000000000004"),
        ("round-2", "0x10000000000000000", "0xfffffffffffffff0"),
        ("round-19", "0x10000000000000000", "0x1158e460913d00000"),
        ("round-31", "0x10000000000000000", "0"),
        ("round2", "0x10000000000000000", "0x10000000000000000"),
        ("neg", "-0x10000000000000000", "0x10000000000000000"),
        ("abs", "-0x10000000000000000", "0x10000000000000000"),
        ("invert", "-0x10000000000000000", "0xffffffffffffffff"),
        ("bit_length", "-0x10000000000000000", "65"),
        ("to_f64", "-0x10000000000000000", "-1.8446744073709552e+19"),
        ("hash", "-0x10000000000000000", "-8"),
        ("round-1", "-0x10000000000000000", "-0x10000000000000004"),
        ("round-2", "-0x10000000000000000", "-0xfffffffffffffff0"),
        ("round-19", "-0x10000000000000000", "-0x1158e460913d00000"),
        ("round-31", "-0x10000000000000000", "0"),
        ("round2", "-0x10000000000000000", "-0x10000000000000000"),
        ("neg", "1{30*0}", "-1{30*0}"),
        ("abs", "1{30*0}", "1{30*0}"),
        ("invert", "1{30*0}", "-1{29*0}1"),
        ("bit_length", "1{30*0}", "100"),
        ("to_f64", "1{30*0}", "1e+30"),
        ("hash", "1{30*0}", "0x674ee4f3964e682"),
        ("round-1", "1{30*0}", "1{30*0}"),
        ("round-2", "1{30*0}", "1{30*0}"),
        ("round-19", "1{30*0}", "1{30*0}"),
        ("round-31", "1{30*0}", "0"),
        ("round2", "1{30*0}", "1{30*0}"),
        ("neg", "-1{30*0}", "1{30*0}"),
        ("abs", "-1{30*0}", "1{30*0}"),
        ("invert", "-1{30*0}", "{30*9}"),
        ("bit_length", "-1{30*0}", "100"),
        ("to_f64", "-1{30*0}", "-1e+30"),
        ("hash", "-1{30*0}", "-0x674ee4f3964e682"),
        ("round-1", "-1{30*0}", "-1{30*0}"),
        ("round-2", "-1{30*0}", "-1{30*0}"),
        ("round-19", "-1{30*0}", "-1{30*0}"),
        ("round-31", "-1{30*0}", "0"),
        ("round2", "-1{30*0}", "-1{30*0}"),
        ("round-1", "25", "20"),
        ("round-2", "25", "0"),
        ("round-10", "25", "0"),
        ("round-1", "35", "40"),
        ("round-2", "35", "0"),
        ("round-10", "35", "0"),
        ("round-1", "-25", "-20"),
        ("round-2", "-25", "0"),
        ("round-10", "-25", "0"),
        ("round-1", "-35", "-40"),
        ("round-2", "-35", "0"),
        ("round-10", "-35", "0"),
        ("round-1", "15", "20"),
        ("round-2", "15", "0"),
        ("round-10", "15", "0"),
        ("round-1", "150", "150"),
        ("round-2", "150", "200"),
        ("round-10", "150", "0"),
        ("round-1", "250", "250"),
        ("round-2", "250", "200"),
        ("round-10", "250", "0"),
        ("round-1", "249", "250"),
        ("round-2", "249", "200"),
        ("round-10", "249", "0"),
        ("round-1", "251", "250"),
        ("round-2", "251", "300"),
        ("round-10", "251", "0"),
        ("round-1", "-250", "-250"),
        ("round-2", "-250", "-200"),
        ("round-10", "-250", "0"),
        ("round-1", "5", "0"),
        ("round-2", "5", "0"),
        ("round-10", "5", "0"),
        ("round-1", "-5", "0"),
        ("round-2", "-5", "0"),
        ("round-10", "-5", "0"),
        ("round-1", "4", "0"),
        ("round-2", "4", "0"),
        ("round-10", "4", "0"),
        ("round-1", "6", "10"),
        ("round-2", "6", "0"),
        ("round-10", "6", "0"),
        ("round-1", "95", "100"),
        ("round-2", "95", "100"),
        ("round-10", "95", "0"),
        ("round-1", "105", "100"),
        ("round-2", "105", "100"),
        ("round-10", "105", "0"),
        ("round-1", "0x8000000000001388", "0x800000000000138a"),
        ("round-2", "0x8000000000001388", "0x8000000000001380"),
        ("round-10", "0x8000000000001388", "0x80000000bb785000"),
        ("round-1", "0x56bc75e2e8d15f200", "0x56bc75e2e8d15f200"),
        ("round-2", "0x56bc75e2e8d15f200", "0x56bc75e2e8d15f200"),
        ("round-10", "0x56bc75e2e8d15f200", "1{20*0}"),
        ("to_f64", "9007199254740993", "9007199254740992.0"),
        ("to_f64", "9007199254740995", "9007199254740996.0"),
        ("to_f64", "0x40000000000002", "1.8014398509481984e+16"),
        ("to_f64", "0x40000000000006", "1.801439850948199e+16"),
        ("to_f64", "0x1{256*0}", "E:OverflowError:int too large to convert to float"),
        ("to_f64", "0xfffffffffffffc{242*0}", "E:OverflowError:int too large to convert to float"),
        ("to_f64", "0xfffffffffffff8{242*0}", "1.7976931348623157e+308"),
        ("to_f64", "-0xfffffffffffffc{242*0}", "E:OverflowError:int too large to convert to float"),
        ("to_f64", "0xc{255*0}", "1.348269851146737e+308"),
        ("to_f64", "0x800001{250*0}", "8.988466745820187e+307"),
        ("to_f64", "0x2{256*0}", "E:OverflowError:int too large to convert to float"),
        ("to_f64", "0x20000000000001{224*0}1", "7.613526571406251e+286"),
        ("to_f64", "0xffffffffffffffff", "1.8446744073709552e+19"),
        ("hash", "0x1fffffffffffffff", "0"),
        ("hash", "0x2000000000000000", "1"),
        ("hash", "0x1ffffffffffffffe", "0x1ffffffffffffffe"),
        ("hash", "-0x2000000000000000", "-2"),
        ("hash", "-0x1fffffffffffffff", "0"),
        ("hash", "0x4{30*0}", "1"),
        ("hash", "-0x1{46*0}3039", "-143417"),
        ("hash", "0x4000000000000000", "2"),
    ];

    #[rustfmt::skip]
    const FLOAT_BINOPS: &[(&str, &str, &str, &str)] = &[
        ("truediv", "0.0", "0.0", "E:ZeroDivisionError:float division by zero"),
        ("truediv", "0.0", "-0.0", "E:ZeroDivisionError:float division by zero"),
        ("truediv", "0.0", "1.5", "0.0"),
        ("truediv", "0.0", "-5.0", "-0.0"),
        ("truediv", "0.0", "inf", "0.0"),
        ("truediv", "0.0", "-inf", "-0.0"),
        ("truediv", "0.0", "nan", "nan"),
        ("truediv", "0.0", "1e+308", "0.0"),
        ("truediv", "-0.0", "0.0", "E:ZeroDivisionError:float division by zero"),
        ("truediv", "-0.0", "-0.0", "E:ZeroDivisionError:float division by zero"),
        ("truediv", "-0.0", "1.5", "-0.0"),
        ("truediv", "-0.0", "-5.0", "0.0"),
        ("truediv", "-0.0", "inf", "-0.0"),
        ("truediv", "-0.0", "-inf", "0.0"),
        ("truediv", "-0.0", "nan", "nan"),
        ("truediv", "-0.0", "1e+308", "-0.0"),
        ("truediv", "1.5", "0.0", "E:ZeroDivisionError:float division by zero"),
        ("truediv", "1.5", "-0.0", "E:ZeroDivisionError:float division by zero"),
        ("truediv", "1.5", "1.5", "1.0"),
        ("truediv", "1.5", "-5.0", "-0.3"),
        ("truediv", "1.5", "inf", "0.0"),
        ("truediv", "1.5", "-inf", "-0.0"),
        ("truediv", "1.5", "nan", "nan"),
        ("truediv", "1.5", "1e+308", "1.5e-308"),
        ("truediv", "-5.0", "0.0", "E:ZeroDivisionError:float division by zero"),
        ("truediv", "-5.0", "-0.0", "E:ZeroDivisionError:float division by zero"),
        ("truediv", "-5.0", "1.5", "-3.3333333333333335"),
        ("truediv", "-5.0", "-5.0", "1.0"),
        ("truediv", "-5.0", "inf", "-0.0"),
        ("truediv", "-5.0", "-inf", "0.0"),
        ("truediv", "-5.0", "nan", "nan"),
        ("truediv", "-5.0", "1e+308", "-5e-308"),
        ("truediv", "inf", "0.0", "E:ZeroDivisionError:float division by zero"),
        ("truediv", "inf", "-0.0", "E:ZeroDivisionError:float division by zero"),
        ("truediv", "inf", "1.5", "inf"),
        ("truediv", "inf", "-5.0", "-inf"),
        ("truediv", "inf", "inf", "nan"),
        ("truediv", "inf", "-inf", "nan"),
        ("truediv", "inf", "nan", "nan"),
        ("truediv", "inf", "1e+308", "inf"),
        ("truediv", "-inf", "0.0", "E:ZeroDivisionError:float division by zero"),
        ("truediv", "-inf", "-0.0", "E:ZeroDivisionError:float division by zero"),
        ("truediv", "-inf", "1.5", "-inf"),
        ("truediv", "-inf", "-5.0", "inf"),
        ("truediv", "-inf", "inf", "nan"),
        ("truediv", "-inf", "-inf", "nan"),
        ("truediv", "-inf", "nan", "nan"),
        ("truediv", "-inf", "1e+308", "-inf"),
        ("truediv", "nan", "0.0", "E:ZeroDivisionError:float division by zero"),
        ("truediv", "nan", "-0.0", "E:ZeroDivisionError:float division by zero"),
        ("truediv", "nan", "1.5", "nan"),
        ("truediv", "nan", "-5.0", "nan"),
        ("truediv", "nan", "inf", "nan"),
        ("truediv", "nan", "-inf", "nan"),
        ("truediv", "nan", "nan", "nan"),
        ("truediv", "nan", "1e+308", "nan"),
        ("truediv", "1e+308", "0.0", "E:ZeroDivisionError:float division by zero"),
        ("truediv", "1e+308", "-0.0", "E:ZeroDivisionError:float division by zero"),
        ("truediv", "1e+308", "1.5", "6.666666666666666e+307"),
        ("truediv", "1e+308", "-5.0", "-2e+307"),
        ("truediv", "1e+308", "inf", "0.0"),
        ("truediv", "1e+308", "-inf", "-0.0"),
        ("truediv", "1e+308", "nan", "nan"),
        ("truediv", "1e+308", "1e+308", "1.0"),
        ("floordiv", "0.0", "0.0", "E:ZeroDivisionError:float floor division by zero"),
        ("floordiv", "0.0", "-0.0", "E:ZeroDivisionError:float floor division by zero"),
        ("floordiv", "0.0", "1.5", "0.0"),
        ("floordiv", "0.0", "-5.0", "-0.0"),
        ("floordiv", "0.0", "inf", "0.0"),
        ("floordiv", "0.0", "-inf", "-0.0"),
        ("floordiv", "0.0", "nan", "nan"),
        ("floordiv", "0.0", "1e+308", "0.0"),
        ("floordiv", "-0.0", "0.0", "E:ZeroDivisionError:float floor division by zero"),
        ("floordiv", "-0.0", "-0.0", "E:ZeroDivisionError:float floor division by zero"),
        ("floordiv", "-0.0", "1.5", "-0.0"),
        ("floordiv", "-0.0", "-5.0", "0.0"),
        ("floordiv", "-0.0", "inf", "-0.0"),
        ("floordiv", "-0.0", "-inf", "0.0"),
        ("floordiv", "-0.0", "nan", "nan"),
        ("floordiv", "-0.0", "1e+308", "-0.0"),
        ("floordiv", "1.5", "0.0", "E:ZeroDivisionError:float floor division by zero"),
        ("floordiv", "1.5", "-0.0", "E:ZeroDivisionError:float floor division by zero"),
        ("floordiv", "1.5", "1.5", "1.0"),
        ("floordiv", "1.5", "-5.0", "-1.0"),
        ("floordiv", "1.5", "inf", "0.0"),
        ("floordiv", "1.5", "-inf", "-1.0"),
        ("floordiv", "1.5", "nan", "nan"),
        ("floordiv", "1.5", "1e+308", "0.0"),
        ("floordiv", "-5.0", "0.0", "E:ZeroDivisionError:float floor division by zero"),
        ("floordiv", "-5.0", "-0.0", "E:ZeroDivisionError:float floor division by zero"),
        ("floordiv", "-5.0", "1.5", "-4.0"),
        ("floordiv", "-5.0", "-5.0", "1.0"),
        ("floordiv", "-5.0", "inf", "-1.0"),
        ("floordiv", "-5.0", "-inf", "0.0"),
        ("floordiv", "-5.0", "nan", "nan"),
        ("floordiv", "-5.0", "1e+308", "-1.0"),
        ("floordiv", "inf", "0.0", "E:ZeroDivisionError:float floor division by zero"),
        ("floordiv", "inf", "-0.0", "E:ZeroDivisionError:float floor division by zero"),
        ("floordiv", "inf", "1.5", "nan"),
        ("floordiv", "inf", "-5.0", "nan"),
        ("floordiv", "inf", "inf", "nan"),
        ("floordiv", "inf", "-inf", "nan"),
        ("floordiv", "inf", "nan", "nan"),
        ("floordiv", "inf", "1e+308", "nan"),
        ("floordiv", "-inf", "0.0", "E:ZeroDivisionError:float floor division by zero"),
        ("floordiv", "-inf", "-0.0", "E:ZeroDivisionError:float floor division by zero"),
        ("floordiv", "-inf", "1.5", "nan"),
        ("floordiv", "-inf", "-5.0", "nan"),
        ("floordiv", "-inf", "inf", "nan"),
        ("floordiv", "-inf", "-inf", "nan"),
        ("floordiv", "-inf", "nan", "nan"),
        ("floordiv", "-inf", "1e+308", "nan"),
        ("floordiv", "nan", "0.0", "E:ZeroDivisionError:float floor division by zero"),
        ("floordiv", "nan", "-0.0", "E:ZeroDivisionError:float floor division by zero"),
        ("floordiv", "nan", "1.5", "nan"),
        ("floordiv", "nan", "-5.0", "nan"),
        ("floordiv", "nan", "inf", "nan"),
        ("floordiv", "nan", "-inf", "nan"),
        ("floordiv", "nan", "nan", "nan"),
        ("floordiv", "nan", "1e+308", "nan"),
        ("floordiv", "1e+308", "0.0", "E:ZeroDivisionError:float floor division by zero"),
        ("floordiv", "1e+308", "-0.0", "E:ZeroDivisionError:float floor division by zero"),
        ("floordiv", "1e+308", "1.5", "6.666666666666666e+307"),
        ("floordiv", "1e+308", "-5.0", "-2e+307"),
        ("floordiv", "1e+308", "inf", "0.0"),
        ("floordiv", "1e+308", "-inf", "-1.0"),
        ("floordiv", "1e+308", "nan", "nan"),
        ("floordiv", "1e+308", "1e+308", "1.0"),
        ("mod", "0.0", "0.0", "E:ZeroDivisionError:float modulo"),
        ("mod", "0.0", "-0.0", "E:ZeroDivisionError:float modulo"),
        ("mod", "0.0", "1.5", "0.0"),
        ("mod", "0.0", "-5.0", "-0.0"),
        ("mod", "0.0", "inf", "0.0"),
        ("mod", "0.0", "-inf", "-0.0"),
        ("mod", "0.0", "nan", "nan"),
        ("mod", "0.0", "1e+308", "0.0"),
        ("mod", "-0.0", "0.0", "E:ZeroDivisionError:float modulo"),
        ("mod", "-0.0", "-0.0", "E:ZeroDivisionError:float modulo"),
        ("mod", "-0.0", "1.5", "0.0"),
        ("mod", "-0.0", "-5.0", "-0.0"),
        ("mod", "-0.0", "inf", "0.0"),
        ("mod", "-0.0", "-inf", "-0.0"),
        ("mod", "-0.0", "nan", "nan"),
        ("mod", "-0.0", "1e+308", "0.0"),
        ("mod", "1.5", "0.0", "E:ZeroDivisionError:float modulo"),
        ("mod", "1.5", "-0.0", "E:ZeroDivisionError:float modulo"),
        ("mod", "1.5", "1.5", "0.0"),
        ("mod", "1.5", "-5.0", "-3.5"),
        ("mod", "1.5", "inf", "1.5"),
        ("mod", "1.5", "-inf", "-inf"),
        ("mod", "1.5", "nan", "nan"),
        ("mod", "1.5", "1e+308", "1.5"),
        ("mod", "-5.0", "0.0", "E:ZeroDivisionError:float modulo"),
        ("mod", "-5.0", "-0.0", "E:ZeroDivisionError:float modulo"),
        ("mod", "-5.0", "1.5", "1.0"),
        ("mod", "-5.0", "-5.0", "-0.0"),
        ("mod", "-5.0", "inf", "inf"),
        ("mod", "-5.0", "-inf", "-5.0"),
        ("mod", "-5.0", "nan", "nan"),
        ("mod", "-5.0", "1e+308", "1e+308"),
        ("mod", "inf", "0.0", "E:ZeroDivisionError:float modulo"),
        ("mod", "inf", "-0.0", "E:ZeroDivisionError:float modulo"),
        ("mod", "inf", "1.5", "nan"),
        ("mod", "inf", "-5.0", "nan"),
        ("mod", "inf", "inf", "nan"),
        ("mod", "inf", "-inf", "nan"),
        ("mod", "inf", "nan", "nan"),
        ("mod", "inf", "1e+308", "nan"),
        ("mod", "-inf", "0.0", "E:ZeroDivisionError:float modulo"),
        ("mod", "-inf", "-0.0", "E:ZeroDivisionError:float modulo"),
        ("mod", "-inf", "1.5", "nan"),
        ("mod", "-inf", "-5.0", "nan"),
        ("mod", "-inf", "inf", "nan"),
        ("mod", "-inf", "-inf", "nan"),
        ("mod", "-inf", "nan", "nan"),
        ("mod", "-inf", "1e+308", "nan"),
        ("mod", "nan", "0.0", "E:ZeroDivisionError:float modulo"),
        ("mod", "nan", "-0.0", "E:ZeroDivisionError:float modulo"),
        ("mod", "nan", "1.5", "nan"),
        ("mod", "nan", "-5.0", "nan"),
        ("mod", "nan", "inf", "nan"),
        ("mod", "nan", "-inf", "nan"),
        ("mod", "nan", "nan", "nan"),
        ("mod", "nan", "1e+308", "nan"),
        ("mod", "1e+308", "0.0", "E:ZeroDivisionError:float modulo"),
        ("mod", "1e+308", "-0.0", "E:ZeroDivisionError:float modulo"),
        ("mod", "1e+308", "1.5", "0.5"),
        ("mod", "1e+308", "-5.0", "-4.0"),
        ("mod", "1e+308", "inf", "1e+308"),
        ("mod", "1e+308", "-inf", "-inf"),
        ("mod", "1e+308", "nan", "nan"),
        ("mod", "1e+308", "1e+308", "0.0"),
        ("divmod", "0.0", "0.0", "E:ZeroDivisionError:float divmod()"),
        ("divmod", "0.0", "-0.0", "E:ZeroDivisionError:float divmod()"),
        ("divmod", "0.0", "1.5", "0.0,0.0"),
        ("divmod", "0.0", "-5.0", "-0.0,-0.0"),
        ("divmod", "0.0", "inf", "0.0,0.0"),
        ("divmod", "0.0", "-inf", "-0.0,-0.0"),
        ("divmod", "0.0", "nan", "nan,nan"),
        ("divmod", "0.0", "1e+308", "0.0,0.0"),
        ("divmod", "-0.0", "0.0", "E:ZeroDivisionError:float divmod()"),
        ("divmod", "-0.0", "-0.0", "E:ZeroDivisionError:float divmod()"),
        ("divmod", "-0.0", "1.5", "-0.0,0.0"),
        ("divmod", "-0.0", "-5.0", "0.0,-0.0"),
        ("divmod", "-0.0", "inf", "-0.0,0.0"),
        ("divmod", "-0.0", "-inf", "0.0,-0.0"),
        ("divmod", "-0.0", "nan", "nan,nan"),
        ("divmod", "-0.0", "1e+308", "-0.0,0.0"),
        ("divmod", "1.5", "0.0", "E:ZeroDivisionError:float divmod()"),
        ("divmod", "1.5", "-0.0", "E:ZeroDivisionError:float divmod()"),
        ("divmod", "1.5", "1.5", "1.0,0.0"),
        ("divmod", "1.5", "-5.0", "-1.0,-3.5"),
        ("divmod", "1.5", "inf", "0.0,1.5"),
        ("divmod", "1.5", "-inf", "-1.0,-inf"),
        ("divmod", "1.5", "nan", "nan,nan"),
        ("divmod", "1.5", "1e+308", "0.0,1.5"),
        ("divmod", "-5.0", "0.0", "E:ZeroDivisionError:float divmod()"),
        ("divmod", "-5.0", "-0.0", "E:ZeroDivisionError:float divmod()"),
        ("divmod", "-5.0", "1.5", "-4.0,1.0"),
        ("divmod", "-5.0", "-5.0", "1.0,-0.0"),
        ("divmod", "-5.0", "inf", "-1.0,inf"),
        ("divmod", "-5.0", "-inf", "0.0,-5.0"),
        ("divmod", "-5.0", "nan", "nan,nan"),
        ("divmod", "-5.0", "1e+308", "-1.0,1e+308"),
        ("divmod", "inf", "0.0", "E:ZeroDivisionError:float divmod()"),
        ("divmod", "inf", "-0.0", "E:ZeroDivisionError:float divmod()"),
        ("divmod", "inf", "1.5", "nan,nan"),
        ("divmod", "inf", "-5.0", "nan,nan"),
        ("divmod", "inf", "inf", "nan,nan"),
        ("divmod", "inf", "-inf", "nan,nan"),
        ("divmod", "inf", "nan", "nan,nan"),
        ("divmod", "inf", "1e+308", "nan,nan"),
        ("divmod", "-inf", "0.0", "E:ZeroDivisionError:float divmod()"),
        ("divmod", "-inf", "-0.0", "E:ZeroDivisionError:float divmod()"),
        ("divmod", "-inf", "1.5", "nan,nan"),
        ("divmod", "-inf", "-5.0", "nan,nan"),
        ("divmod", "-inf", "inf", "nan,nan"),
        ("divmod", "-inf", "-inf", "nan,nan"),
        ("divmod", "-inf", "nan", "nan,nan"),
        ("divmod", "-inf", "1e+308", "nan,nan"),
        ("divmod", "nan", "0.0", "E:ZeroDivisionError:float divmod()"),
        ("divmod", "nan", "-0.0", "E:ZeroDivisionError:float divmod()"),
        ("divmod", "nan", "1.5", "nan,nan"),
        ("divmod", "nan", "-5.0", "nan,nan"),
        ("divmod", "nan", "inf", "nan,nan"),
        ("divmod", "nan", "-inf", "nan,nan"),
        ("divmod", "nan", "nan", "nan,nan"),
        ("divmod", "nan", "1e+308", "nan,nan"),
        ("divmod", "1e+308", "0.0", "E:ZeroDivisionError:float divmod()"),
        ("divmod", "1e+308", "-0.0", "E:ZeroDivisionError:float divmod()"),
        ("divmod", "1e+308", "1.5", "6.666666666666666e+307,0.5"),
        ("divmod", "1e+308", "-5.0", "-2e+307,-4.0"),
        ("divmod", "1e+308", "inf", "0.0,1e+308"),
        ("divmod", "1e+308", "-inf", "-1.0,-inf"),
        ("divmod", "1e+308", "nan", "nan,nan"),
        ("divmod", "1e+308", "1e+308", "1.0,0.0"),
        ("pow", "0.0", "0.0", "1.0"),
        ("pow", "0.0", "-0.0", "1.0"),
        ("pow", "0.0", "1.5", "0.0"),
        ("pow", "0.0", "-5.0", "E:ZeroDivisionError:0.0 cannot be raised to a negative power"),
        ("pow", "0.0", "inf", "0.0"),
        ("pow", "0.0", "-inf", "inf"),
        ("pow", "0.0", "nan", "nan"),
        ("pow", "0.0", "1e+308", "0.0"),
        ("pow", "-0.0", "0.0", "1.0"),
        ("pow", "-0.0", "-0.0", "1.0"),
        ("pow", "-0.0", "1.5", "0.0"),
        ("pow", "-0.0", "-5.0", "E:ZeroDivisionError:0.0 cannot be raised to a negative power"),
        ("pow", "-0.0", "inf", "0.0"),
        ("pow", "-0.0", "-inf", "inf"),
        ("pow", "-0.0", "nan", "nan"),
        ("pow", "-0.0", "1e+308", "0.0"),
        ("pow", "1.5", "0.0", "1.0"),
        ("pow", "1.5", "-0.0", "1.0"),
        ("pow", "1.5", "1.5", "1.8371173070873836"),
        ("pow", "1.5", "-5.0", "0.13168724279835392"),
        ("pow", "1.5", "inf", "inf"),
        ("pow", "1.5", "-inf", "0.0"),
        ("pow", "1.5", "nan", "nan"),
        ("pow", "1.5", "1e+308", "E:OverflowError:(34, 'Numerical result out of range')"),
        ("pow", "-5.0", "0.0", "1.0"),
        ("pow", "-5.0", "-0.0", "1.0"),
        ("pow", "-5.0", "1.5", "E:ValueError:complex numbers are not supported"),
        ("pow", "-5.0", "-5.0", "-0.00032"),
        ("pow", "-5.0", "inf", "inf"),
        ("pow", "-5.0", "-inf", "0.0"),
        ("pow", "-5.0", "nan", "nan"),
        ("pow", "-5.0", "1e+308", "E:OverflowError:(34, 'Numerical result out of range')"),
        ("pow", "inf", "0.0", "1.0"),
        ("pow", "inf", "-0.0", "1.0"),
        ("pow", "inf", "1.5", "inf"),
        ("pow", "inf", "-5.0", "0.0"),
        ("pow", "inf", "inf", "inf"),
        ("pow", "inf", "-inf", "0.0"),
        ("pow", "inf", "nan", "nan"),
        ("pow", "inf", "1e+308", "inf"),
        ("pow", "-inf", "0.0", "1.0"),
        ("pow", "-inf", "-0.0", "1.0"),
        ("pow", "-inf", "1.5", "inf"),
        ("pow", "-inf", "-5.0", "-0.0"),
        ("pow", "-inf", "inf", "inf"),
        ("pow", "-inf", "-inf", "0.0"),
        ("pow", "-inf", "nan", "nan"),
        ("pow", "-inf", "1e+308", "inf"),
        ("pow", "nan", "0.0", "1.0"),
        ("pow", "nan", "-0.0", "1.0"),
        ("pow", "nan", "1.5", "nan"),
        ("pow", "nan", "-5.0", "nan"),
        ("pow", "nan", "inf", "nan"),
        ("pow", "nan", "-inf", "nan"),
        ("pow", "nan", "nan", "nan"),
        ("pow", "nan", "1e+308", "nan"),
        ("pow", "1e+308", "0.0", "1.0"),
        ("pow", "1e+308", "-0.0", "1.0"),
        ("pow", "1e+308", "1.5", "E:OverflowError:(34, 'Numerical result out of range')"),
        ("pow", "1e+308", "-5.0", "0.0"),
        ("pow", "1e+308", "inf", "inf"),
        ("pow", "1e+308", "-inf", "0.0"),
        ("pow", "1e+308", "nan", "nan"),
        ("pow", "1e+308", "1e+308", "E:OverflowError:(34, 'Numerical result out of range')"),
        ("mod", "-0.0", "5.0", "0.0"),
        ("mod", "5.0", "-0.0", "E:ZeroDivisionError:float modulo"),
        ("mod", "5.5", "-2.0", "-0.5"),
        ("mod", "-5.5", "2.0", "0.5"),
        ("mod", "1e-300", "-1e+300", "-1e+300"),
        ("mod", "-1.0", "inf", "inf"),
        ("divmod", "-1.0", "inf", "-1.0,inf"),
        ("divmod", "1.0", "inf", "0.0,1.0"),
        ("divmod", "0.0", "-1.0", "-0.0,-0.0"),
        ("divmod", "-0.0", "1.0", "-0.0,0.0"),
        ("divmod", "7.5", "-2.0", "-4.0,-0.5"),
        ("floordiv", "-2.5", "1.0", "-3.0"),
        ("floordiv", "0.0", "-1.0", "-0.0"),
        ("floordiv", "-0.0", "1.0", "-0.0"),
        ("floordiv", "inf", "1.0", "nan"),
        ("floordiv", "0.7", "0.1", "6.0"),
        ("floordiv", "-1e-320", "1e+308", "-1.0"),
        ("pow", "10.0", "400.0", "E:OverflowError:(34, 'Numerical result out of range')"),
        ("pow", "-2.0", "1e+300", "E:OverflowError:(34, 'Numerical result out of range')"),
        ("pow", "-1.0", "1e+300", "1.0"),
        ("pow", "-1.0", "-3.0", "-1.0"),
        ("pow", "-2.0", "1.5", "E:ValueError:complex numbers are not supported"),
        ("pow", "-8.0", "0.3333333333333333", "E:ValueError:complex numbers are not supported"),
        ("pow", "0.0", "-1.0", "E:ZeroDivisionError:0.0 cannot be raised to a negative power"),
        ("pow", "-0.0", "-3.0", "E:ZeroDivisionError:0.0 cannot be raised to a negative power"),
        ("pow", "-0.0", "3.0", "-0.0"),
        ("pow", "-0.0", "2.5", "0.0"),
        ("pow", "0.0", "-inf", "inf"),
        ("pow", "inf", "-3.0", "0.0"),
        ("pow", "-inf", "-3.0", "-0.0"),
        ("pow", "-inf", "3.0", "-inf"),
        ("pow", "-inf", "2.0", "inf"),
        ("pow", "1e-320", "2.0", "0.0"),
        ("pow", "2.0", "-1080.0", "0.0"),
        ("pow", "2.0", "0.5", "1.4142135623730951"),
        ("pow", "1.0", "nan", "1.0"),
        ("pow", "nan", "0.0", "1.0"),
        ("pow", "-1.5", "1e+300", "E:OverflowError:(34, 'Numerical result out of range')"),
        ("pow", "-1.5", "-1e+300", "0.0"),
        ("pow", "2.0", "-1074.0", "5e-324"),
        ("pow", "0.5", "1073.7", "5e-324"),
        ("pow", "-2.0", "-1075.0", "-0.0"),
        ("pow", "1.0000001", "-7400000000.0", "4.2e-322"),
        ("pow", "-3.0", "3.0", "-27.0"),
        ("pow", "10.0", "-2.0", "0.01"),
        ("truediv", "1.0", "3.0", "0.3333333333333333"),
        ("truediv", "-1.0", "0.0", "E:ZeroDivisionError:float division by zero"),
        ("truediv", "1e+308", "1e-308", "inf"),
    ];

    #[rustfmt::skip]
    const FLOAT_ROUND: &[(&str, &str, &str)] = &[
        ("2.675", "2", "2.67"),
        ("0.5", "N", "0"),
        ("1.5", "N", "2"),
        ("2.5", "N", "2"),
        ("-0.5", "N", "0"),
        ("-1.5", "N", "-2"),
        ("nan", "N", "E:ValueError:cannot convert float NaN to integer"),
        ("inf", "N", "E:OverflowError:cannot convert float infinity to integer"),
        ("-inf", "N", "E:OverflowError:cannot convert float infinity to integer"),
        ("1e+300", "N", "0x17e43c8800759c{236*0}"),
        ("-2.7", "N", "-3"),
        ("0.125", "2", "0.12"),
        ("0.375", "2", "0.38"),
        ("-0.4", "0", "-0.0"),
        ("-0.5", "0", "-0.0"),
        ("0.5", "0", "0.0"),
        ("1.5", "0", "2.0"),
        ("2.5", "0", "2.0"),
        ("5.0", "-1", "0.0"),
        ("15.0", "-1", "20.0"),
        ("25.0", "-1", "20.0"),
        ("1.7976931348623157e+308", "-308", "E:OverflowError:rounded value too large to represent"),
        ("1.7976931348623157e+308", "-307", "E:OverflowError:rounded value too large to represent"),
        ("1e+300", "-300", "1e+300"),
        ("-1e-300", "300", "-1e-300"),
        ("1e-300", "299", "0.0"),
        ("5e-324", "323", "0.0"),
        ("5e-324", "324", "5e-324"),
        ("1.5e-323", "323", "1e-323"),
        ("-5e-324", "320", "-0.0"),
        ("123.456", "-1", "120.0"),
        ("123.456", "-2", "100.0"),
        ("123.456", "-3", "0.0"),
        ("-123.456", "1", "-123.5"),
        ("nan", "2", "nan"),
        ("inf", "-2", "inf"),
        ("-0.0", "2", "-0.0"),
        ("0.0", "-400", "0.0"),
        ("-3.0", "-400", "-0.0"),
        ("3.0", "400", "3.0"),
        ("1.23456789e+20", "-15", "1.23457e+20"),
        ("2.5e-07", "7", "2e-07"),
        ("3.5e-07", "7", "3e-07"),
        ("1.0000000000000002", "15", "1.0"),
        ("1.0000000000000002", "16", "1.0000000000000002"),
        ("0.30000000000000004", "16", "0.3"),
        ("0.30000000000000004", "17", "0.30000000000000004"),
        ("1234.5678", "2", "1234.57"),
        ("-1234.5678", "2", "-1234.57"),
        ("1e+22", "-22", "1e+22"),
        ("5e+22", "-23", "0.0"),
        ("4.35", "1", "4.3"),
        ("4.45", "1", "4.5"),
        ("9.995", "2", "9.99"),
        ("1000000000000000.5", "0", "1000000000000000.0"),
        ("4503599627370496.0", "N", "4503599627370496"),
        ("9.223372036854776e+18", "N", "0x8000000000000000"),
        ("-9.223372036854776e+18", "N", "-0x8000000000000000"),
        ("1.8446744073709552e+19", "N", "0x10000000000000000"),
        ("1e-05", "5", "1e-05"),
        ("-1e-05", "4", "-0.0"),
        ("1.5", "9223372036854775807", "1.5"),
        ("1.5", "-9223372036854775808", "0.0"),
        ("-1.5", "-9223372036854775808", "-0.0"),
    ];

    #[rustfmt::skip]
    const FLOAT_UNARY: &[(&str, &str, &str)] = &[
        ("to_int", "0.0", "0"),
        ("to_int", "-0.0", "0"),
        ("to_int", "1.9", "1"),
        ("to_int", "-1.9", "-1"),
        ("to_int", "9.223372036854776e+18", "0x8000000000000000"),
        ("to_int", "-9.223372036854776e+18", "-0x8000000000000000"),
        ("to_int", "9.223372036854775e+18", "0x7ffffffffffffc00"),
        ("to_int", "9.3e+18", "0x81103cb9fb220000"),
        ("to_int", "-9.3e+18", "-0x81103cb9fb220000"),
        ("to_int", "1e+300", "0x17e43c8800759c{236*0}"),
        ("to_int", "-1.5e+308", "-0xd59b6a470d678{243*0}"),
        ("to_int", "5e-324", "0"),
        ("to_int", "nan", "E:ValueError:cannot convert float NaN to integer"),
        ("to_int", "inf", "E:OverflowError:cannot convert float infinity to integer"),
        ("to_int", "-inf", "E:OverflowError:cannot convert float infinity to integer"),
        ("to_int", "1.8446744073709556e+19", "0x10000000000001000"),
        ("repr", "0.0", "0.0"),
        ("repr", "-0.0", "-0.0"),
        ("repr", "1.0", "1.0"),
        ("repr", "-1.0", "-1.0"),
        ("repr", "1.5", "1.5"),
        ("repr", "0.1", "0.1"),
        ("repr", "1e+16", "1e+16"),
        ("repr", "1000000000000000.0", "1000000000000000.0"),
        ("repr", "1.2345678901234568e+17", "1.2345678901234568e+17"),
        ("repr", "0.0001", "0.0001"),
        ("repr", "1e-05", "1e-05"),
        ("repr", "0.00012345", "0.00012345"),
        ("repr", "1.2345e-05", "1.2345e-05"),
        ("repr", "1e+22", "1e+22"),
        ("repr", "1e+23", "1e+23"),
        ("repr", "5e-324", "5e-324"),
        ("repr", "-5e-324", "-5e-324"),
        ("repr", "1.7976931348623157e+308", "1.7976931348623157e+308"),
        ("repr", "2.2250738585072014e-308", "2.2250738585072014e-308"),
        ("repr", "nan", "nan"),
        ("repr", "inf", "inf"),
        ("repr", "-inf", "-inf"),
        ("repr", "0.30000000000000004", "0.30000000000000004"),
        ("repr", "0.3333333333333333", "0.3333333333333333"),
        ("repr", "100.0", "100.0"),
        ("repr", "1e+100", "1e+100"),
        ("repr", "-2.5e-100", "-2.5e-100"),
        ("repr", "9007199254740992.0", "9007199254740992.0"),
        ("repr", "4.35", "4.35"),
        ("repr", "1.5e-323", "1.5e-323"),
        ("repr", "1234567890123456.8", "1234567890123456.8"),
        ("repr", "1.2345678901234568e+16", "1.2345678901234568e+16"),
        ("repr", "1415715052783367.2", "1415715052783367.2"),
        ("repr", "-1423068873164882.2", "-1423068873164882.2"),
        ("repr", "-767661467857798.2", "-767661467857798.2"),
        ("repr", "1.1529215046068477e+18", "1.1529215046068477e+18"),
        ("hash", "0.0", "0"),
        ("hash", "-0.0", "0"),
        ("hash", "1.0", "1"),
        ("hash", "-1.0", "-2"),
        ("hash", "1.5", "0x1000000000000001"),
        ("hash", "-1.5", "-0x1000000000000001"),
        ("hash", "0.5", "0x1000000000000000"),
        ("hash", "1e+300", "0x11000eb38017e43c"),
        ("hash", "-1e+300", "-0x11000eb38017e43c"),
        ("hash", "5e-324", "16777216"),
        ("hash", "2.305843009213694e+18", "1"),
        ("hash", "2.3058430092136937e+18", "0x1fffffffffffff00"),
        ("hash", "1e-300", "0x6b20156e1fc2f8f"),
        ("hash", "123.456", "0xe978d4fdf3b807b"),
        ("hash", "inf", "314159"),
        ("hash", "-inf", "-314159"),
        ("hash", "3.725290298461914e-09", "8589934592"),
        ("hash", "3.14159", "0x487e7c06e19b803"),
        ("hash", "9.223372036854776e+18", "4"),
        ("hash", "-1.8446744073709552e+19", "-8"),
        ("hash", "nan", "None"),
    ];

    #[rustfmt::skip]
    const INT_FLOAT_CMP: &[(&str, &str, &str)] = &[
        ("1", "1.0", "="),
        ("1", "1.5", "<"),
        ("2", "1.5", ">"),
        ("-2", "-1.5", "<"),
        ("-1", "-1.5", ">"),
        ("9007199254740993", "9007199254740992.0", ">"),
        ("9007199254740993", "9007199254740994.0", "<"),
        ("0x8000000000000000", "9.223372036854776e+18", "="),
        ("0x7fffffffffffffff", "9.223372036854776e+18", "<"),
        ("-0x8000000000000000", "-9.223372036854776e+18", "="),
        ("-0x8000000000000001", "-9.223372036854776e+18", "<"),
        ("0x1{350*0}", "inf", "<"),
        ("-0x1{350*0}", "-inf", ">"),
        ("0x1{350*0}", "1e+308", ">"),
        ("-0x1{350*0}", "1e+308", "<"),
        ("0", "-0.0", "="),
        ("0", "5e-324", "<"),
        ("0", "-5e-324", ">"),
        ("5", "nan", "None"),
        ("0x1{350*0}", "nan", "None"),
        ("0x7fffffffffffffff", "9.3e+18", "<"),
        ("0x1{256*0}", "1.7976931348623157e+308", ">"),
        ("0x17e43c8800759c{236*0}", "1e+300", "="),
        ("0x17e43c8800759c{235*0}1", "1e+300", ">"),
        ("0x17e43c8800759b{236*f}", "1e+300", "<"),
        ("-0x17e43c8800759c{236*0}", "-1e+300", "="),
        ("3", "2.9999999999999996", ">"),
    ];

    #[rustfmt::skip]
    const PARSE_INT: &[(&str, &str, &str)] = &[
        ("0", "10", "0"),
        ("-0", "10", "0"),
        (" 12 ", "10", "12"),
        ("+12", "10", "12"),
        ("-12", "10", "-12"),
        ("1_000", "10", "1000"),
        ("1__0", "10", "E:ValueError:invalid literal for int() with base 10: '1__0'"),
        ("_1", "10", "E:ValueError:invalid literal for int() with base 10: '_1'"),
        ("1_", "10", "E:ValueError:invalid literal for int() with base 10: '1_'"),
        ("- 1", "10", "E:ValueError:invalid literal for int() with base 10: '- 1'"),
        ("", "10", "E:ValueError:invalid literal for int() with base 10: ''"),
        ("  ", "10", "E:ValueError:invalid literal for int() with base 10: '  '"),
        ("abc", "10", "E:ValueError:invalid literal for int() with base 10: 'abc'"),
        ("abc", "16", "2748"),
        ("ABC", "16", "2748"),
        ("zz", "36", "1295"),
        ("ZZ", "36", "1295"),
        ("12", "3", "5"),
        ("3", "3", "E:ValueError:invalid literal for int() with base 3: '3'"),
        ("0x1f", "16", "31"),
        ("0X1F", "0", "31"),
        ("0x_1f", "16", "31"),
        ("0x__1", "0", "E:ValueError:invalid literal for int() with base 0: '0x__1'"),
        ("0x", "16", "E:ValueError:invalid literal for int() with base 16: '0x'"),
        ("0x", "0", "E:ValueError:invalid literal for int() with base 0: '0x'"),
        ("0b101", "0", "5"),
        ("-0b101", "0", "-5"),
        ("0b102", "0", "E:ValueError:invalid literal for int() with base 0: '0b102'"),
        ("0o17", "0", "15"),
        ("0o_17", "0", "15"),
        ("0O18", "0", "E:ValueError:invalid literal for int() with base 0: '0O18'"),
        ("0b1", "16", "177"),
        ("0b1", "2", "1"),
        ("0o7", "8", "7"),
        ("010", "0", "E:ValueError:invalid literal for int() with base 0: '010'"),
        ("000", "0", "0"),
        ("00", "0", "0"),
        ("0_0", "0", "0"),
        ("0_7", "0", "E:ValueError:invalid literal for int() with base 0: '0_7'"),
        ("-00", "0", "0"),
        ("0 ", "0", "0"),
        ("7", "0", "7"),
        ("1_000", "0", "1000"),
        ("1e5", "10", "E:ValueError:invalid literal for int() with base 10: '1e5'"),
        ("1.0", "10", "E:ValueError:invalid literal for int() with base 10: '1.0'"),
        ("9223372036854775807", "10", "0x7fffffffffffffff"),
        ("9223372036854775808", "10", "0x8000000000000000"),
        ("-9223372036854775808", "10", "-0x8000000000000000"),
        ("-9223372036854775809", "10", "-0x8000000000000001"),
        ("18446744073709551616", "10", "0x10000000000000000"),
        ("{64*1}", "2", "0xffffffffffffffff"),
        ("{40*f}", "16", "0x{40*f}"),
        ("\u{661}\u{662}", "10", "12"),
        ("\u{ff11}\u{ff12}", "10", "12"),
        ("1\u{a0}", "10", "1"),
        ("\u{3000}-7\u{2028}", "10", "-7"),
        ("1\u{85}", "10", "1"),
        ("1\u{1c}", "10", "E:ValueError:invalid literal for int() with base 10: '1\\x1c'"),
        ("1\u{0}", "10", "E:ValueError:invalid literal for int() with base 10: '1\\x00'"),
        ("it's", "10", "E:ValueError:invalid literal for int() with base 10: \"it's\""),
        ("a\"b'", "10", "E:ValueError:invalid literal for int() with base 10: 'a\"b\\''"),
        ("\u{a}", "10", "E:ValueError:invalid literal for int() with base 10: '\\n'"),
        ("\u{9}1\u{9}", "10", "1"),
        ("\u{e9}", "10", "E:ValueError:invalid literal for int() with base 10: '\u{e9}'"),
        ("\u{85}", "10", "E:ValueError:invalid literal for int() with base 10: '\\x85'"),
        ("\u{200b}", "10", "E:ValueError:invalid literal for int() with base 10: '\\u200b'"),
        ("\u{7f}", "10", "E:ValueError:invalid literal for int() with base 10: '\\x7f'"),
        ("1\u{7f}", "10", "E:ValueError:invalid literal for int() with base 10: '1\\x7f'"),
        ("\u{1f600}", "10", "E:ValueError:invalid literal for int() with base 10: '\u{1f600}'"),
        ("\u{378}", "10", "E:ValueError:invalid literal for int() with base 10: '\\u0378'"),
        ("\\", "10", "E:ValueError:invalid literal for int() with base 10: '\\\\'"),
        ("{300*a}", "10", "E:ValueError:invalid literal for int() with base 10: '{199*a}"),
        ("1", "1", "E:ValueError:int() base must be >= 2 and <= 36, or 0"),
        ("1", "37", "E:ValueError:int() base must be >= 2 and <= 36, or 0"),
        ("1", "0", "1"),
        ("{4300*1}", "10", "{4300*1}"),
        ("{4301*1}", "10", "E:ValueError:Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; use sys.set_int_max_str_digits() to increase the limit"),
        ("{5000*1}x", "10", "E:ValueError:Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit"),
        ("{5000*1}__", "10", "E:ValueError:invalid literal for int() with base 10: '{199*1}"),
        ("{5000*1}_x", "10", "E:ValueError:invalid literal for int() with base 10: '{199*1}"),
        ("{5000*0}", "0", "E:ValueError:Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit"),
        ("{4300*1_}1", "10", "E:ValueError:Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; use sys.set_int_max_str_digits() to increase the limit"),
        ("{5000*\u{661}}", "10", "E:ValueError:Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit"),
        ("x{5000*1}", "10", "E:ValueError:invalid literal for int() with base 10: 'x{198*1}"),
        ("{5000*1}", "16", "0x{5000*1}"),
        ("{5000*1}", "8", "0x{1250*249}"),
        ("{5000*1}", "3", "E:ValueError:Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit"),
    ];

    #[rustfmt::skip]
    const INT_TO_STR: &[(&str, &str)] = &[
        ("0", "0"),
        ("-5", "-5"),
        ("1{4299*0}", "1{4299*0}"),
        ("-1{4299*0}", "-1{4299*0}"),
        ("1{4300*0}", "E:ValueError:Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"),
        ("-1{4300*0}", "E:ValueError:Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"),
        ("{4300*9}", "{4300*9}"),
        ("-{4300*9}", "-{4300*9}"),
        ("{4301*9}", "E:ValueError:Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"),
        ("1{5000*0}", "E:ValueError:Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"),
        ("0x8000000000000000", "9223372036854775808"),
        ("-0x8000000000000001", "-9223372036854775809"),
    ];

    #[rustfmt::skip]
    const PARSE_FLOAT: &[(&str, &str)] = &[
        ("x", "E:ValueError:could not convert string to float: 'x'"),
        (" 1.5 ", "1.5"),
        ("-Infinity", "-inf"),
        ("inf", "inf"),
        ("+inf", "inf"),
        ("iNF", "inf"),
        ("infinity", "inf"),
        ("infin", "E:ValueError:could not convert string to float: 'infin'"),
        ("nan", "nan"),
        ("+NaN", "nan"),
        ("-nan", "nan"),
        ("1_000.5", "1000.5"),
        ("1_e5", "E:ValueError:could not convert string to float: '1_e5'"),
        ("1e_5", "E:ValueError:could not convert string to float: '1e_5'"),
        ("_1", "E:ValueError:could not convert string to float: '_1'"),
        ("1_", "E:ValueError:could not convert string to float: '1_'"),
        ("1__0", "E:ValueError:could not convert string to float: '1__0'"),
        ("1e1_0", "10000000000.0"),
        ("1.0_1", "1.01"),
        ("1._5", "E:ValueError:could not convert string to float: '1._5'"),
        ("1_.5", "E:ValueError:could not convert string to float: '1_.5'"),
        ("1e", "E:ValueError:could not convert string to float: '1e'"),
        ("1e+", "E:ValueError:could not convert string to float: '1e+'"),
        ("e5", "E:ValueError:could not convert string to float: 'e5'"),
        (".", "E:ValueError:could not convert string to float: '.'"),
        (".5", "0.5"),
        ("5.", "5.0"),
        ("-.5e-3", "-0.0005"),
        ("+.5", "0.5"),
        ("-.e1", "E:ValueError:could not convert string to float: '-.e1'"),
        ("1e400", "inf"),
        ("-1e-400", "-0.0"),
        ("", "E:ValueError:could not convert string to float: ''"),
        ("  ", "E:ValueError:could not convert string to float: '  '"),
        ("0x10", "E:ValueError:could not convert string to float: '0x10'"),
        ("1_0 ", "10.0"),
        (" 1_0", "10.0"),
        ("\u{661}.\u{665}", "1.5"),
        ("1.5\u{3000}", "1.5"),
        ("1\u{1c}", "E:ValueError:could not convert string to float: '1\\x1c'"),
        ("1\u{85}", "1.0"),
        ("1\u{0}", "E:ValueError:could not convert string to float: '1\\x00'"),
        ("4e-324", "5e-324"),
        ("2.4703282292062328e-324", "5e-324"),
        ("2.4703282292062327e-324", "0.0"),
        ("{400*1}e-400", "0.1111111111111111"),
        ("0.{400*0}1e400", "0.1"),
        ("1e5{21*0}", "inf"),
        ("0e-{20*9}", "0.0"),
        ("1.7976931348623158e308", "1.7976931348623157e+308"),
        ("1.7976931348623159e308", "inf"),
        ("-0", "-0.0"),
        ("+0.0", "0.0"),
        ("00001.5", "1.5"),
        ("1.5e+03", "1500.0"),
        ("1.5E-03", "0.0015"),
        ("{300*a}", "E:ValueError:could not convert string to float: '{300*a}'"),
        ("it's", "E:ValueError:could not convert string to float: \"it's\""),
        ("1 2", "E:ValueError:could not convert string to float: '1 2'"),
        ("\u{661}\u{662}\u{663}", "123.0"),
        ("\u{663}.\u{665}e\u{662}", "350.0"),
        ("infinityx", "E:ValueError:could not convert string to float: 'infinityx'"),
        ("9007199254740993", "9007199254740992.0"),
        ("0.1", "0.1"),
        ("2.5e-7", "2.5e-07"),
        ("1_2_3.4_5e1_0", "1234500000000.0"),
    ];

    #[rustfmt::skip]
    const STR_REPR: &[(&str, &str)] = &[
        ("abc", "'abc'"),
        ("it's", "\"it's\""),
        ("say \"hi\"", "'say \"hi\"'"),
        ("both ' and \"", "'both \\' and \"'"),
        ("\\", "'\\\\'"),
        ("\u{9}\u{a}\u{d}", "'\\t\\n\\r'"),
        ("\u{0}\u{1f}\u{7f}\u{80}\u{a0}\u{ad}", "'\\x00\\x1f\\x7f\\x80\\xa0\\xad'"),
        ("\u{e9}\u{4e2d}\u{1f600}", "'\u{e9}\u{4e2d}\u{1f600}'"),
        ("\u{378}\u{ffff}\u{e0001}\u{10ffff}", "'\\u0378\\uffff\\U000e0001\\U0010ffff'"),
        ("\u{2028}\u{3000} ", "'\\u2028\\u3000 '"),
        ("\u{d7ff}\u{e000}\u{f0000}", "'\\ud7ff\\ue000\\U000f0000'"),
    ];

    #[test]
    fn int_binops_match_cpython() {
        for &(op, a, b, exp) in INT_BINOPS {
            let ctx = format!("{op}({a}, {b})");
            let (a, b) = (int(a), int(b));
            let (a, b) = (a.view(), b.view());
            match op {
                "add" => check_int(&ctx, Ok(add(a, b)), exp),
                "sub" => check_int(&ctx, Ok(sub(a, b)), exp),
                "mul" => check_int(&ctx, Ok(mul(a, b)), exp),
                "and" => check_int(&ctx, Ok(and(a, b)), exp),
                "or" => check_int(&ctx, Ok(or(a, b)), exp),
                "xor" => check_int(&ctx, Ok(xor(a, b)), exp),
                "floordiv" => check_int(&ctx, floordiv(a, b), exp),
                "mod" => check_int(&ctx, modulo(a, b), exp),
                "truediv" => check_float(&ctx, truediv(a, b), exp),
                "cmp" => assert_eq!(show_ord(Some(cmp(a, b))), exp, "{ctx}"),
                "divmod" => match divmod(a, b) {
                    Ok((q, r)) => {
                        let (eq, er) = exp.split_once(',').expect("pair");
                        check_int(&ctx, Ok(q), eq);
                        check_int(&ctx, Ok(r), er);
                    }
                    Err(e) => assert_eq!(show_err(&e), exp, "{ctx}"),
                },
                _ => panic!("unknown op {op}"),
            }
        }
    }

    #[test]
    fn int_pow_and_shifts_match_cpython() {
        for &(op, a, b, exp) in INT_POW {
            let ctx = format!("{op}({a}, {b})");
            let (a, b) = (int(a), int(b));
            let (a, b) = (a.view(), b.view());
            match op {
                "pow" => check_num(&ctx, pow(a, b), exp),
                "lshift" => check_int(&ctx, lshift(a, b), exp),
                "rshift" => check_int(&ctx, rshift(a, b), exp),
                _ => panic!("unknown op {op}"),
            }
        }
    }

    #[test]
    fn pow_mod_matches_cpython() {
        for &(a, b, c, exp) in INT_POWMOD {
            let ctx = format!("pow({a}, {b}, {c})");
            let (a, b, c) = (int(a), int(b), int(c));
            check_int(&ctx, pow_mod(a.view(), b.view(), c.view()), exp);
        }
    }

    #[test]
    fn int_unary_ops_match_cpython() {
        for &(op, a, exp) in INT_UNARY {
            let ctx = format!("{op}({a})");
            let v = int(a);
            let v = v.view();
            match op {
                "neg" => check_int(&ctx, Ok(neg(v)), exp),
                "abs" => check_int(&ctx, Ok(abs(v)), exp),
                "invert" => check_int(&ctx, Ok(invert(v)), exp),
                "bit_length" => check_int(&ctx, Ok(Int::Small(bit_length(v) as i64)), exp),
                "to_f64" => check_float(&ctx, int_to_f64(v), exp),
                "hash" => check_int(&ctx, Ok(Int::Small(hash_int(v))), exp),
                _ => {
                    let nd: i64 = op
                        .strip_prefix("round")
                        .and_then(|n| n.parse().ok())
                        .expect("op");
                    check_int(&ctx, Ok(int_round(v, Some(nd))), exp);
                }
            }
        }
    }

    #[test]
    fn float_binops_match_cpython() {
        for &(op, a, b, exp) in FLOAT_BINOPS {
            let ctx = format!("{op}({a}, {b})");
            let (x, y) = (flt(a), flt(b));
            match op {
                "truediv" => check_float(&ctx, float_truediv(x, y), exp),
                "floordiv" => check_float(&ctx, float_floordiv(x, y), exp),
                "mod" => check_float(&ctx, float_mod(x, y), exp),
                "pow" => check_float(&ctx, float_pow(x, y), exp),
                "divmod" => match float_divmod(x, y) {
                    Ok((q, r)) => {
                        assert_eq!(format!("{},{}", float_repr(q), float_repr(r)), exp, "{ctx}")
                    }
                    Err(e) => assert_eq!(show_err(&e), exp, "{ctx}"),
                },
                _ => panic!("unknown op {op}"),
            }
        }
    }

    #[test]
    fn float_round_matches_cpython() {
        for &(x, nd, exp) in FLOAT_ROUND {
            let ctx = format!("round({x}, {nd})");
            let nd = if nd == "N" {
                None
            } else {
                Some(nd.parse::<i64>().expect("nd"))
            };
            check_num(&ctx, float_round(flt(x), nd), exp);
        }
    }

    #[test]
    fn float_unary_ops_match_cpython() {
        for &(op, x, exp) in FLOAT_UNARY {
            let ctx = format!("{op}({x})");
            let v = flt(x);
            match op {
                "to_int" => check_int(&ctx, f64_to_int(v), exp),
                "repr" => assert_eq!(float_repr(v), exp, "{ctx}"),
                "hash" => match hash_float(v) {
                    Some(h) => check_int(&ctx, Ok(Int::Small(h)), exp),
                    None => assert_eq!(exp, "None", "{ctx}"),
                },
                _ => panic!("unknown op {op}"),
            }
        }
    }

    #[test]
    fn int_float_comparisons_match_cpython() {
        for &(a, x, exp) in INT_FLOAT_CMP {
            let ctx = format!("cmp({a}, {x})");
            let v = int(a);
            let got = cmp_int_float(v.view(), flt(x));
            assert_eq!(show_ord(got), exp, "{ctx}");
            assert_eq!(eq_int_float(v.view(), flt(x)), exp == "=", "{ctx}");
        }
    }

    #[test]
    fn int_parsing_matches_cpython() {
        for &(s, base, exp) in PARSE_INT {
            let s = expand(s);
            let ctx = format!("int({s:?}, {base})");
            check_int(&ctx, int_from_str(&s, base.parse().expect("base")), exp);
        }
    }

    #[test]
    fn int_to_str_matches_cpython() {
        for &(v, exp) in INT_TO_STR {
            let ctx = format!("str({v})");
            let v = int(v);
            match int_to_str(v.view()) {
                Ok(s) => assert_eq!(s, expand(exp), "{ctx}"),
                Err(e) => assert_eq!(show_err(&e), exp, "{ctx}"),
            }
        }
    }

    #[test]
    fn float_parsing_matches_cpython() {
        for &(s, exp) in PARSE_FLOAT {
            let s = expand(s);
            let ctx = format!("float({s:?})");
            check_float(&ctx, float_from_str(&s), exp);
        }
    }

    /// `repr::str_repr`, which the `int()` / `float()` error messages use.
    #[test]
    fn str_repr_matches_cpython() {
        for &(s, exp) in STR_REPR {
            assert_eq!(repr_of(&expand(s)), expand(exp), "repr({s:?})");
        }
    }

    #[test]
    fn nan_sign_from_parsing() {
        assert!(float_from_str("nan").is_ok_and(|v| v.is_nan() && v.is_sign_positive()));
        assert!(float_from_str("-nan").is_ok_and(|v| v.is_nan() && v.is_sign_negative()));
    }

    #[test]
    fn results_are_normalised() {
        let b = BigInt::from(5);
        assert_eq!(add(IntRef::Big(&b), IntRef::Small(3)), Int::Small(8));
        assert_eq!(Int::from_big(BigInt::from(i64::MIN)), Int::Small(i64::MIN));
        let m = -BigInt::from(i64::MIN);
        assert_eq!(neg(IntRef::Big(&m)), Int::Small(i64::MIN));
        assert_eq!(sub(IntRef::Big(&m), IntRef::Small(1)), Int::Small(i64::MAX));
        assert_eq!(
            floordiv(IntRef::Small(i64::MIN), IntRef::Small(-1)),
            Ok(Int::Big(m.clone()))
        );
        assert_eq!(abs(IntRef::Small(i64::MIN)), Int::Big(m.clone()));
        assert_eq!(neg(IntRef::Small(i64::MIN)), Int::Big(m));
    }

    #[test]
    fn memory_guard() {
        let mem = Err(NumError::new(NumErrorKind::MemoryError, ""));
        let one = IntRef::Small(1);
        assert_eq!(lshift(one, IntRef::Small(1 << 33)), mem);
        assert_eq!(lshift(one, IntRef::Small(MAX_INT_BITS as i64)), mem);
        assert_eq!(int_pow(IntRef::Small(3), IntRef::Small(1 << 33)), mem);
        let huge = BigInt::from(1) << 200usize;
        assert_eq!(int_pow(IntRef::Small(3), IntRef::Big(&huge)), mem);
        assert_eq!(
            int_pow(IntRef::Small(-1), IntRef::Big(&huge)),
            Ok(Int::Small(1))
        );
        assert_eq!(
            rshift(IntRef::Small(-7), IntRef::Big(&huge)),
            Ok(Int::Small(-1))
        );
        // Large but allowed: a power-of-two base is a single shift.
        let r = int_pow(IntRef::Small(2), IntRef::Small(1 << 20));
        assert_eq!(r.map(|v| bit_length(v.view())), Ok((1 << 20) + 1));
        assert_eq!(memory_error().to_string(), "MemoryError");
    }

    #[test]
    fn hashes_of_equal_numbers_agree() {
        for x in [
            0.0,
            1.0,
            -1.0,
            2.0,
            -2.0,
            1e18,
            2f64.powi(63),
            -(2f64.powi(63)),
            2f64.powi(61),
            1e300,
            -1e300,
        ] {
            let i = f64_to_int(x).expect("finite");
            assert_eq!(hash_float(x), Some(hash_int(i.view())), "{x}");
        }
        assert_eq!(hash_int(IntRef::Small(1)), 1);
        assert_eq!(hash_float(f64::NAN), None);
    }

    #[test]
    fn float_repr_round_trips() {
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..20_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let x = f64::from_bits(state);
            if x.is_nan() {
                continue;
            }
            let r = float_repr(x);
            assert_eq!(float_from_str(&r).map(f64::to_bits), Ok(x.to_bits()), "{r}");
            // int -> float -> int round trip for integral values
            let t = x.trunc();
            if t.is_finite() {
                let i = f64_to_int(t).expect("finite");
                assert_eq!(int_to_f64(i.view()), Ok(t));
                assert_eq!(cmp_int_float(i.view(), t), Some(Ordering::Equal));
            }
        }
    }

    #[test]
    fn int_to_float_rounding() {
        let two = BigInt::from(2);
        let p = |e: usize| num_traits::pow(two.clone(), e);
        let f = |v: BigInt| int_to_f64(IntRef::Big(&v));
        assert_eq!(f(p(53) + 1u32), Ok(9007199254740992.0));
        assert_eq!(f(p(53) + 3u32), Ok(9007199254740996.0));
        // Sticky bit far below the top 64 bits decides the rounding.
        assert_eq!(
            f(p(100) + p(47) + 1u32),
            Ok(1267650600228229401496703205376.0 + 281474976710656.0 * 1.0000000001)
        );
        assert_eq!(f(p(100) + p(47)), Ok(1267650600228229401496703205376.0));
        assert_eq!(f(-p(1023)), Ok(-8.98846567431158e307));
        assert_eq!(f(p(1024) - p(971)), Ok(f64::MAX));
        let too_large = Err(overflow("int too large to convert to float"));
        assert_eq!(f(p(1024) - p(970)), too_large);
        assert_eq!(f(p(1024)), too_large);
        assert_eq!(f(p(5000)), too_large);
    }

    #[test]
    fn float_to_int_conversions() {
        assert_eq!(f64_to_int(-3.7), Ok(Int::Small(-3)));
        assert_eq!(f64_to_int(1e20), Ok(int("100000000000000000000")));
        assert_eq!(
            show_err(&f64_to_int(f64::INFINITY).unwrap_err()),
            "E:OverflowError:cannot convert float infinity to integer"
        );
        assert_eq!(
            show_err(&f64_to_int(f64::NAN).unwrap_err()),
            "E:ValueError:cannot convert float NaN to integer"
        );
    }

    #[test]
    fn max_str_digits_setting() {
        assert_eq!(int_max_str_digits(), DEFAULT_MAX_STR_DIGITS);
        let e = set_int_max_str_digits(5).unwrap_err();
        assert_eq!(
            show_err(&e),
            "E:ValueError:maxdigits must be 0 or larger than 640"
        );
        assert_eq!(set_int_max_str_digits(DEFAULT_MAX_STR_DIGITS), Ok(()));
    }

    #[test]
    fn never_panics_on_extreme_operands() {
        let bigs = [
            BigInt::from(1) << 5000usize,
            -(BigInt::from(1) << 5000usize) + 12345,
            BigInt::from(1) << 64usize,
            BigInt::from(5),
        ];
        let mut ops: Vec<IntRef> = [0, 1, -1, 2, -2, 63, 64, i64::MAX, i64::MIN, 1 << 40]
            .iter()
            .map(|&v| IntRef::Small(v))
            .collect();
        ops.extend(bigs.iter().map(IntRef::Big));
        for &a in &ops {
            let _ = (
                neg(a),
                abs(a),
                invert(a),
                bit_length(a),
                hash_int(a),
                int_to_f64(a),
            );
            let _ = (
                int_to_str(a),
                int_round(a, Some(-5)),
                int_round(a, Some(i64::MIN)),
            );
            for &b in &ops {
                let _ = (
                    add(a, b),
                    sub(a, b),
                    mul(a, b),
                    and(a, b),
                    or(a, b),
                    xor(a, b),
                );
                let _ = (
                    floordiv(a, b),
                    modulo(a, b),
                    divmod(a, b),
                    truediv(a, b),
                    cmp(a, b),
                );
                let _ = (lshift(a, b), rshift(a, b));
                if bit_length(a) <= 64 || bit_length(b) > 64 {
                    let _ = pow(a, b);
                }
                for c in [0, 1, -1, 7, i64::MIN] {
                    let _ = pow_mod(a, b, IntRef::Small(c));
                }
                let _ = pow_mod(a, b, IntRef::Big(&bigs[2]));
            }
        }
        let floats = [
            0.0,
            -0.0,
            1.0,
            -1.5,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            f64::MAX,
            f64::MIN_POSITIVE,
            5e-324,
        ];
        for &x in &floats {
            let _ = (
                f64_to_int(x),
                hash_float(x),
                float_repr(x),
                float_round(x, None),
            );
            for nd in [i64::MIN, -400, -308, -1, 0, 1, 323, 400, i64::MAX] {
                let _ = float_round(x, Some(nd));
            }
            for &y in &floats {
                let _ = (float_truediv(x, y), float_floordiv(x, y), float_mod(x, y));
                let _ = (float_divmod(x, y), float_pow(x, y));
            }
            for &a in &ops {
                let _ = (cmp_int_float(a, x), eq_int_float(a, x));
            }
        }
        for s in [
            "",
            "-",
            "+",
            "0x",
            "0b",
            "_",
            "\u{0}",
            "\u{10FFFF}",
            "9".repeat(100).as_str(),
            "1e999999999999999999999",
        ] {
            for base in [0, 1, 2, 10, 16, 36, 37, u32::MAX] {
                let _ = int_from_str(s, base);
            }
            let _ = float_from_str(s);
        }
    }
}
