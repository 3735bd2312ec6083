//! Format: Python's float repr, the format-spec mini-language and %-formatting, byte-identical to CPython 3.11.
//!
//! Why a module of its own: `repr(float)`, `format()` / `str.format` / f-strings
//! and `"..." % args` must reproduce CPython's text exactly, and the rules are
//! fiddly. This file is a line-by-line port of the relevant C code —
//! `format_float_short` (Python/pystrtod.c), the spec parser and number layout
//! of Python/formatter_unicode.c (including `_PyUnicode_InsertThousandsGrouping`)
//! and `PyUnicode_Format` (Objects/unicodeobject.c) — on top of pure Rust
//! values (`BigInt`, `i64`, `f64`, `&str`). It knows nothing about VM objects.
//!
//! Float digits come from `core::fmt`: `{:e}` gives the shortest round-trip
//! digits and `{:.N}` / `{:.Ne}` give correctly rounded digits (round half to
//! even on the exact binary value), which is exactly what David Gay's `dtoa`
//! modes 0, 3 and 2 give CPython. Everything around the digits follows the C.
//!
//! What the VM must do itself (all messages are available as helpers here):
//! * `format(obj, "")` is `str(obj)` in CPython (this matters for `bool` and
//!   subclasses overriding `__str__`): short-circuit the empty spec.
//! * Pick the function by type (`format_int` for int/bool, `format_float`,
//!   `format_str`); objects without `__format__` support raise
//!   `TypeError: unsupported format string passed to X.__format__` (VM's text).
//! * For `%`-formatting: argument counting and lookup (tuple / single object /
//!   mapping), converting objects to `BigInt` / `f64` / text and the type errors
//!   for that ([`percent_type_error`], [`not_enough_arguments`],
//!   [`not_all_arguments_converted`], [`format_requires_mapping`],
//!   [`star_wants_int`], plus converters [`percent_star_width`],
//!   [`percent_star_precision`], [`int_to_f64`], [`float_to_int`]).
//! * `sys.set_int_max_str_digits` stores into [`INT_MAX_STR_DIGITS`].

use std::borrow::Cow;
use std::fmt;
use std::sync::atomic::{AtomicUsize, Ordering};

use num_bigint::{BigInt, BigUint, Sign};
use num_traits::{FromPrimitive, ToPrimitive, Zero};

// -- Errors -------------------------------------------------------------------

/// Error from formatting: which Python exception to raise and its message (exact CPython text).
#[derive(Debug, Clone, PartialEq)]
pub struct FormatError {
    /// The Python exception class to raise.
    pub kind: FormatErrorKind,
    /// The exception message, byte-identical to CPython 3.11.
    pub msg: String,
}

/// Python exception class of a [`FormatError`].
///
/// `MemoryError` is tvm's stand-in for an allocation CPython would attempt but
/// which tvm refuses: a width or precision above [`MAX_FIELD`] (its message is
/// empty, like CPython's `MemoryError()`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FormatErrorKind {
    /// `ValueError`
    ValueError,
    /// `TypeError`
    TypeError,
    /// `OverflowError`
    OverflowError,
    /// `MemoryError` (field larger than [`MAX_FIELD`]).
    MemoryError,
}

impl FormatError {
    fn new(kind: FormatErrorKind, msg: impl Into<String>) -> Self {
        FormatError {
            kind,
            msg: msg.into(),
        }
    }
    fn value(msg: impl Into<String>) -> Self {
        Self::new(FormatErrorKind::ValueError, msg)
    }
    fn type_error(msg: impl Into<String>) -> Self {
        Self::new(FormatErrorKind::TypeError, msg)
    }
    fn overflow(msg: impl Into<String>) -> Self {
        Self::new(FormatErrorKind::OverflowError, msg)
    }
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}: {}", self.kind, self.msg)
    }
}

impl std::error::Error for FormatError {}

/// `%.200s` of a type name, as CPython's `PyUnicode_FromFormat` renders it
/// (truncated to 200 UTF-8 bytes, a cut character decoded with "replace").
fn type_name_200(name: &str) -> Cow<'_, str> {
    if name.len() <= 200 {
        Cow::Borrowed(name)
    } else {
        String::from_utf8_lossy(&name.as_bytes()[..200])
    }
}

/// A presentation type quoted like CPython: `'d'`, or `'\x1'` outside 33..=127.
fn quote_code(t: char) -> String {
    let cp = t as u32;
    if cp > 32 && cp < 128 {
        format!("'{t}'")
    } else {
        format!("'\\x{cp:x}'")
    }
}

fn unknown_code(t: char, type_name: &str) -> FormatError {
    FormatError::value(format!(
        "Unknown format code {} for object of type '{}'",
        quote_code(t),
        type_name_200(type_name)
    ))
}

// -- Limits -------------------------------------------------------------------

/// Largest width / precision tvm will materialise. CPython would try to
/// allocate the string (and usually fail with `MemoryError`); tvm raises
/// `MemoryError` up front instead of aborting on a failed allocation.
pub const MAX_FIELD: usize = 100_000_000;

/// `sys.get_int_max_str_digits()`: the maximum number of decimal digits an int
/// may be converted to (0 = unlimited). CPython 3.11.7's default is 4300; the
/// VM's `sys.set_int_max_str_digits` should store into this.
pub static INT_MAX_STR_DIGITS: AtomicUsize = AtomicUsize::new(4300);

fn check_field(n: usize) -> Result<(), FormatError> {
    if n > MAX_FIELD {
        Err(FormatError::new(FormatErrorKind::MemoryError, ""))
    } else {
        Ok(())
    }
}

fn digit_limit_error(limit: usize) -> FormatError {
    FormatError::value(format!(
        "Exceeds the limit ({limit} digits) for integer string conversion; \
         use sys.set_int_max_str_digits() to increase the limit"
    ))
}

/// Decimal digits of a magnitude, honouring [`INT_MAX_STR_DIGITS`].
fn decimal_magnitude(mag: &BigUint) -> Result<String, FormatError> {
    let limit = INT_MAX_STR_DIGITS.load(Ordering::Relaxed);
    if limit > 0 {
        // Cheap lower bound on the digit count, so huge values fail fast.
        let bits = mag.bits();
        if bits > 1 {
            let lower = ((bits - 1) as f64 * 0.301_029_995_663_981).floor() as u64 + 1;
            if lower > limit as u64 {
                return Err(digit_limit_error(limit));
            }
        }
    }
    let s = mag.to_str_radix(10);
    if limit > 0 && s.len() > limit {
        return Err(digit_limit_error(limit));
    }
    Ok(s)
}

/// `str(v)` for an int: its decimal text, raising CPython's `ValueError` when
/// it has more than [`INT_MAX_STR_DIGITS`] digits.
pub fn int_to_decimal(v: &BigInt) -> Result<String, FormatError> {
    let digits = decimal_magnitude(v.magnitude())?;
    if v.sign() == Sign::Minus {
        Ok(format!("-{digits}"))
    } else {
        Ok(digits)
    }
}

// -- Number conversions -------------------------------------------------------

/// `float(v)` for an int, correctly rounded (half to even); `OverflowError:
/// int too large to convert to float` when it does not fit.
pub fn int_to_f64(v: &BigInt) -> Result<f64, FormatError> {
    let mag = v.magnitude();
    let bits = mag.bits();
    let f = if bits <= 64 {
        mag.to_u64().unwrap_or(0) as f64
    } else if bits > 1024 {
        return Err(FormatError::overflow("int too large to convert to float"));
    } else {
        // Keep the top 64 bits and fold everything below into a sticky bit;
        // the u64 -> f64 conversion then rounds exactly like the full value.
        let shift = bits - 64;
        let top = (mag >> shift).to_u64().unwrap_or(u64::MAX);
        let sticky = mag.trailing_zeros().map_or(false, |tz| tz < shift);
        let top = top | u64::from(sticky);
        (top as f64) * 2f64.powi(shift as i32)
    };
    if f.is_infinite() {
        return Err(FormatError::overflow("int too large to convert to float"));
    }
    Ok(if v.sign() == Sign::Minus { -f } else { f })
}

/// `int(x)` for a float (truncates), with CPython's errors:
/// `OverflowError: cannot convert float infinity to integer` and
/// `ValueError: cannot convert float NaN to integer`. Used by `%d` on floats.
pub fn float_to_int(x: f64) -> Result<BigInt, FormatError> {
    if x.is_nan() {
        return Err(FormatError::value("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(FormatError::overflow(
            "cannot convert float infinity to integer",
        ));
    }
    Ok(BigInt::from_f64(x.trunc()).unwrap_or_else(BigInt::zero))
}

// -- Float digits (dtoa) ------------------------------------------------------

/// Which digits to produce, mirroring `_Py_dg_dtoa` modes 0, 2 and 3.
#[derive(Clone, Copy)]
enum Mode {
    /// Mode 0: shortest string that round-trips.
    Shortest,
    /// Mode 2: this many significant digits (at least 1).
    Sig(usize),
    /// Mode 3: this many digits after the decimal point.
    Fixed(usize),
}

/// Digits of `ax` (finite, non-negative) with trailing zeros removed, and the
/// decimal point position: value = 0.DIGITS * 10**decpt. Zero gives ("0", 1);
/// a value that rounds to zero in `Fixed` mode gives ("", -ndigits), like dtoa.
fn dtoa(ax: f64, mode: Mode) -> (Vec<u8>, i64) {
    if ax == 0.0 {
        return (vec![b'0'], 1);
    }
    match mode {
        Mode::Shortest => shortest_digits(ax),
        Mode::Sig(n) => sci_digits(&format!("{:.*e}", n.max(1) - 1, ax)),
        Mode::Fixed(p) => {
            let s = format!("{ax:.p$}");
            let mut digits = Vec::with_capacity(s.len());
            let mut decpt: i64 = 0;
            let mut after_point = false;
            let mut leading = true;
            for b in s.bytes() {
                if b == b'.' {
                    after_point = true;
                    continue;
                }
                if leading && b == b'0' {
                    if after_point {
                        decpt -= 1;
                    }
                    continue;
                }
                leading = false;
                digits.push(b);
                if !after_point {
                    decpt += 1;
                }
            }
            while digits.last() == Some(&b'0') {
                digits.pop();
            }
            if digits.is_empty() {
                (digits, -(p as i64))
            } else {
                (digits, decpt)
            }
        }
    }
}

/// Mode 0: shortest round-trip digits. `core::fmt` picks the candidate
/// closest to `ax`, but breaks an exact tie between two shortest candidates
/// upwards, where dtoa takes the one with an even last digit; fix that up.
fn shortest_digits(ax: f64) -> (Vec<u8>, i64) {
    let (digits, decpt) = sci_digits(&format!("{ax:e}"));
    let n = digits.len();
    if digits.last().map_or(true, |d| d % 2 == 0) {
        return (digits, decpt);
    }
    // A tie means ax is exactly a decimal with n+1 digits ending in 5.
    let t = format!("{:.*e}", n, ax);
    let (mant, exp) = t.split_once('e').unwrap_or((&t, "0"));
    let tdig: Vec<u8> = mant.bytes().filter(u8::is_ascii_digit).collect();
    if tdig.len() != n + 1 || tdig.last() != Some(&b'5') {
        return (digits, decpt);
    }
    // Exact? (A double has at most 767 significant decimal digits.)
    let full = format!("{ax:.780e}");
    let full_mant = full.split_once('e').map_or(full.as_str(), |(m, _)| m);
    let tail_nonzero = full_mant
        .bytes()
        .filter(u8::is_ascii_digit)
        .skip(n + 1)
        .any(|b| b != b'0');
    if tail_nonzero {
        return (digits, decpt);
    }
    let tdecpt = exp.parse::<i64>().unwrap_or(0) + 1;
    // The two candidates: T rounded down and up to n digits; take the even one.
    let mut cand = tdig[..n].to_vec();
    let mut cdecpt = tdecpt;
    if cand.last().map_or(false, |d| d % 2 == 1) {
        // Round up with carry.
        let mut i = cand.len();
        loop {
            if i == 0 {
                cand.insert(0, b'1');
                cdecpt += 1;
                break;
            }
            i -= 1;
            if cand[i] == b'9' {
                cand[i] = b'0';
            } else {
                cand[i] += 1;
                break;
            }
        }
    }
    while cand.len() > 1 && cand.last() == Some(&b'0') {
        cand.pop();
    }
    if cand == digits && cdecpt == decpt {
        return (digits, decpt);
    }
    let text = format!(
        "0.{}e{}",
        String::from_utf8_lossy(&cand),
        cdecpt
    );
    if text.parse::<f64>() == Ok(ax) {
        (cand, cdecpt)
    } else {
        (digits, decpt)
    }
}

/// Split Rust's `d.ddde-N` output into (digits without trailing zeros, decpt).
fn sci_digits(s: &str) -> (Vec<u8>, i64) {
    let (mant, exp) = s.split_once('e').unwrap_or((s, "0"));
    let exp: i64 = exp.parse().unwrap_or(0);
    let mut digits: Vec<u8> = mant.bytes().filter(u8::is_ascii_digit).collect();
    while digits.len() > 1 && digits.last() == Some(&b'0') {
        digits.pop();
    }
    (digits, exp + 1)
}

// -- format_float_short (Python/pystrtod.c) -----------------------------------

/// Format code of `format_float_short`.
#[derive(Clone, Copy, PartialEq)]
enum Code {
    E,
    F,
    G,
    R,
}

/// Arguments of `PyOS_double_to_string` / `format_float_short`.
#[derive(Clone, Copy)]
struct FloatOpts {
    code: Code,
    precision: usize,
    always_add_sign: bool,
    add_dot_0: bool,
    alt: bool,
    no_neg_0: bool,
    upper: bool,
}

fn push_zeros(out: &mut String, n: i64) {
    for _ in 0..n.max(0) {
        out.push('0');
    }
}

fn push_ascii(out: &mut String, bytes: &[u8]) {
    for &b in bytes {
        out.push(char::from(b));
    }
}

/// Port of CPython's `format_float_short`: `d` formatted per `o`.
fn format_float_short(d: f64, o: &FloatOpts) -> String {
    let mut out = String::new();
    if !d.is_finite() {
        // The sign of a nan is ignored.
        if d.is_infinite() && d.is_sign_negative() {
            out.push('-');
        } else if o.always_add_sign {
            out.push('+');
        }
        out.push_str(match (d.is_nan(), o.upper) {
            (true, false) => "nan",
            (true, true) => "NAN",
            (false, false) => "inf",
            (false, true) => "INF",
        });
        return out;
    }
    // PyOS_double_to_string's adjustments: 'e' wants one more digit, 'g'
    // treats precision 0 as 1.
    let precision = match o.code {
        Code::E => o.precision + 1,
        Code::G => o.precision.max(1),
        _ => o.precision,
    };
    let mode = match o.code {
        Code::E | Code::G => Mode::Sig(precision),
        Code::F => Mode::Fixed(precision),
        Code::R => Mode::Shortest,
    };
    let (digits, mut decpt) = dtoa(d.abs(), mode);
    let precision = precision as i64;
    let mut sign = d.is_sign_negative();
    if o.no_neg_0 && sign && (digits.is_empty() || digits == b"0") {
        sign = false;
    }
    let digits_len = digits.len() as i64;

    let mut vdigits_end = digits_len;
    let mut use_exp = false;
    match o.code {
        Code::E => {
            use_exp = true;
            vdigits_end = precision;
        }
        Code::F => vdigits_end = decpt + precision,
        Code::G => {
            let limit = if o.add_dot_0 {
                precision - 1
            } else {
                precision
            };
            if decpt <= -4 || decpt > limit {
                use_exp = true;
            }
            if o.alt {
                vdigits_end = precision;
            }
        }
        Code::R => {
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    if !use_exp && o.add_dot_0 {
        vdigits_end = vdigits_end.max(decpt + 1);
    } else {
        vdigits_end = vdigits_end.max(decpt);
    }

    out.reserve((vdigits_end - vdigits_start).max(0) as usize + 8);
    if sign {
        out.push('-');
    } else if o.always_add_sign {
        out.push('+');
    }
    // Zero padding on the left of the digit string.
    if decpt <= 0 {
        push_zeros(&mut out, decpt - vdigits_start);
        out.push('.');
        push_zeros(&mut out, -decpt);
    } else {
        push_zeros(&mut out, -vdigits_start);
    }
    // Digits, with the decimal point if it falls inside them.
    if 0 < decpt && decpt <= digits_len {
        let (int_part, frac_part) = digits.split_at(decpt as usize);
        push_ascii(&mut out, int_part);
        out.push('.');
        push_ascii(&mut out, frac_part);
    } else {
        push_ascii(&mut out, &digits);
    }
    // Zeros on the right.
    if digits_len < decpt {
        push_zeros(&mut out, decpt - digits_len);
        out.push('.');
        push_zeros(&mut out, vdigits_end - decpt);
    } else {
        push_zeros(&mut out, vdigits_end - digits_len);
    }
    // Delete a trailing decimal point unless using alternative formatting.
    if out.ends_with('.') && !o.alt {
        out.pop();
    }
    if use_exp {
        out.push(if o.upper { 'E' } else { 'e' });
        out.push_str(&format!("{exp:+03}"));
    }
    out
}

/// `repr(x)` (== `str(x)`) of a float, e.g. `1e+16`, `1e-05`, `0.1`, `inf`,
/// `-inf`, `nan`, `-0.0`, `1.0`, `123456789012345.0`, `1.2345678901234567e+16`.
pub fn float_repr(x: f64) -> String {
    format_float_short(
        x,
        &FloatOpts {
            code: Code::R,
            precision: 0,
            always_add_sign: false,
            add_dot_0: true,
            alt: false,
            no_neg_0: false,
            upper: false,
        },
    )
}

// -- Format spec parsing (Python/formatter_unicode.c) -------------------------

/// Code points of the "0" of every Unicode 14 decimal-digit run: CPython's
/// spec parser accepts any `Nd` digit in widths and precisions.
const DECIMAL_ZEROS: [u32; 66] = [
    0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66,
    0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
    0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0,
    0xFF10, 0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0,
    0x11650, 0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0,
    0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
];

/// `Py_UNICODE_TODECIMAL`: the value of a decimal digit character.
fn decimal_value(c: char) -> Option<u32> {
    let cp = c as u32;
    if c.is_ascii() {
        return c.to_digit(10);
    }
    DECIMAL_ZEROS
        .iter()
        .find(|&&z| cp >= z && cp < z + 10)
        .map(|&z| cp - z)
}

/// `get_integer`: parse a run of decimal digits; `None` if there were none.
fn get_integer(chars: &[char], pos: &mut usize) -> Result<Option<usize>, FormatError> {
    let mut acc: i64 = 0;
    let mut consumed = false;
    while let Some(d) = chars.get(*pos).and_then(|&c| decimal_value(c)) {
        let d = i64::from(d);
        if acc > (i64::MAX - d) / 10 {
            return Err(FormatError::value(
                "Too many decimal digits in format string",
            ));
        }
        acc = acc * 10 + d;
        *pos += 1;
        consumed = true;
    }
    Ok(consumed.then(|| usize::try_from(acc).unwrap_or(usize::MAX)))
}

/// A parsed format spec: `[[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type]`.
///
/// Fields keep what was written; type-dependent defaults (alignment, the
/// meaning of the `0` flag, the default type) are applied by the `format_*`
/// functions, which is also where CPython's type-dependent checks happen.
#[derive(Debug, Clone, PartialEq)]
pub struct FormatSpec {
    /// Explicit fill character (only together with an alignment).
    pub fill: Option<char>,
    /// Alignment: `<`, `>`, `^` or `=`.
    pub align: Option<char>,
    /// Sign option: `+`, `-` or ` `.
    pub sign: Option<char>,
    /// `z`: coerce negative zero (after rounding) to positive zero.
    pub no_neg_zero: bool,
    /// `#`: alternate form.
    pub alternate: bool,
    /// The `0` flag (only recorded when no explicit fill was given): fill with
    /// `0` and, for numbers without explicit alignment, align with `=`.
    pub zero_pad: bool,
    /// Minimum field width.
    pub width: Option<usize>,
    /// Thousands separator: `,` or `_`.
    pub grouping: Option<char>,
    /// Precision.
    pub precision: Option<usize>,
    /// Presentation type (`d`, `x`, `f`, ...); `None` when omitted.
    pub ty: Option<char>,
    /// Name of the formatted object's type (`type(obj).__name__`), used in
    /// error messages such as `Unknown format code 'd' for object of type 'float'`.
    pub type_name: String,
}

impl FormatSpec {
    /// Parse `spec` for an object whose type is named `type_name` (e.g.
    /// `"int"`, `"bool"`, `"float"`, `"str"` or a subclass name; it appears in
    /// `Invalid format specifier '...' for object of type '...'` and in the
    /// type errors of the `format_*` functions).
    ///
    /// Errors (all `ValueError`): `Invalid format specifier ...`,
    /// `Format specifier missing precision`, `Cannot specify both ',' and '_'.`,
    /// `Too many decimal digits in format string`. The thousands-separator /
    /// type compatibility check (`Cannot specify ',' with 's'.`) needs the
    /// type's default presentation type, so the `format_*` functions do it first.
    pub fn parse(spec: &str, type_name: &str) -> Result<FormatSpec, FormatError> {
        let chars: Vec<char> = spec.chars().collect();
        let end = chars.len();
        let mut pos = 0;
        let mut out = FormatSpec {
            fill: None,
            align: None,
            sign: None,
            no_neg_zero: false,
            alternate: false,
            zero_pad: false,
            width: None,
            grouping: None,
            precision: None,
            ty: None,
            type_name: type_name.to_string(),
        };
        let is_align = |c: char| matches!(c, '<' | '>' | '=' | '^');
        let at = |pos: usize| chars.get(pos).copied();

        if end >= 2 && is_align(chars[1]) {
            out.fill = Some(chars[0]);
            out.align = Some(chars[1]);
            pos = 2;
        } else if end >= 1 && is_align(chars[0]) {
            out.align = Some(chars[0]);
            pos = 1;
        }
        if let Some(c @ ('+' | '-' | ' ')) = at(pos) {
            out.sign = Some(c);
            pos += 1;
        }
        if at(pos) == Some('z') {
            out.no_neg_zero = true;
            pos += 1;
        }
        if at(pos) == Some('#') {
            out.alternate = true;
            pos += 1;
        }
        if out.fill.is_none() && at(pos) == Some('0') {
            out.zero_pad = true;
            pos += 1;
        }
        out.width = get_integer(&chars, &mut pos)?;
        let both = || FormatError::value("Cannot specify both ',' and '_'.");
        if at(pos) == Some(',') {
            out.grouping = Some(',');
            pos += 1;
        }
        if at(pos) == Some('_') {
            if out.grouping.is_some() {
                return Err(both());
            }
            out.grouping = Some('_');
            pos += 1;
        }
        if at(pos) == Some(',') && out.grouping == Some('_') {
            return Err(both());
        }
        if at(pos) == Some('.') {
            pos += 1;
            out.precision = get_integer(&chars, &mut pos)?;
            if out.precision.is_none() {
                return Err(FormatError::value("Format specifier missing precision"));
            }
        }
        if end - pos > 1 {
            return Err(FormatError::value(format!(
                "Invalid format specifier '{}' for object of type '{}'",
                spec,
                type_name_200(type_name)
            )));
        }
        out.ty = at(pos);
        Ok(out)
    }

    /// The fill character in effect.
    fn fill_char(&self) -> char {
        self.fill
            .unwrap_or(if self.zero_pad { '0' } else { ' ' })
    }

    /// The alignment in effect: numbers default to `>` (`=` with the `0`
    /// flag), strings to `<`.
    fn align_for(&self, numeric: bool) -> char {
        match self.align {
            Some(a) => a,
            None if !numeric => '<',
            None if self.zero_pad => '=',
            None => '>',
        }
    }

    /// The thousands-separator / type check CPython does at the end of
    /// parsing; returns the separator and group size to use.
    fn grouping_for(&self, default_ty: Option<char>) -> Result<Option<(u8, usize)>, FormatError> {
        let Some(sep) = self.grouping else {
            return Ok(None);
        };
        match self.ty.or(default_ty) {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => Ok(Some((sep as u8, 3))),
            Some('b' | 'o' | 'x' | 'X') if sep == '_' => Ok(Some((b'_', 4))),
            Some(t) => Err(FormatError::value(format!(
                "Cannot specify '{sep}' with {}.",
                quote_code(t)
            ))),
        }
    }

    /// The width in effect (-1 when absent), refusing absurd sizes.
    fn width_i64(&self) -> Result<i64, FormatError> {
        match self.width {
            Some(w) => {
                check_field(w)?;
                Ok(w as i64)
            }
            None => Ok(-1),
        }
    }
}

// -- Number layout (calc_number_widths / fill_number) -------------------------

/// The pieces of a formatted number, as CPython's `calc_number_widths` sees
/// them: `[sign][prefix][digits][.][remainder]`.
struct Number<'a> {
    negative: bool,
    prefix: &'a str,
    digits: &'a str,
    decimal: bool,
    remainder: &'a str,
}

/// Port of `_PyUnicode_InsertThousandsGrouping`: group `digits` from the
/// right, padding with zeros (and separators) up to `min_width`.
fn insert_grouping(digits: &[u8], min_width: i64, group: Option<(u8, usize)>) -> String {
    let mut min_width = min_width.max(0);
    let mut remaining = digits.len() as i64;
    let mut dpos = digits.len();
    let mut rev: Vec<u8> = Vec::with_capacity(digits.len().max(min_width as usize) + 8);
    let mut emit = |rev: &mut Vec<u8>, sep: Option<u8>, n_chars: i64, n_zeros: i64| {
        if let Some(s) = sep {
            rev.push(s);
        }
        for _ in 0..n_chars {
            dpos -= 1;
            rev.push(digits[dpos]);
        }
        for _ in 0..n_zeros {
            rev.push(b'0');
        }
    };
    match group {
        Some((sep, g)) => {
            let g = g as i64;
            let mut use_sep = false;
            loop {
                let len = g.min(remaining.max(min_width).max(1));
                let n_zeros = (len - remaining).max(0);
                let n_chars = remaining.min(len).max(0);
                emit(&mut rev, use_sep.then_some(sep), n_chars, n_zeros);
                use_sep = true;
                remaining -= n_chars;
                min_width -= len;
                if remaining <= 0 && min_width <= 0 {
                    break;
                }
                min_width -= 1;
            }
        }
        None => {
            let len = remaining.max(min_width).max(1);
            let n_zeros = (len - remaining).max(0);
            let n_chars = remaining.min(len).max(0);
            emit(&mut rev, None, n_chars, n_zeros);
        }
    }
    rev.reverse();
    String::from_utf8(rev).unwrap_or_default()
}

fn push_fill(out: &mut String, c: char, n: i64) {
    for _ in 0..n.max(0) {
        out.push(c);
    }
}

/// Port of `calc_number_widths` + `fill_number`.
fn layout_number(
    n: &Number<'_>,
    spec: &FormatSpec,
    group: Option<(u8, usize)>,
) -> Result<String, FormatError> {
    let fill = spec.fill_char();
    let align = spec.align_for(true);
    let width = spec.width_i64()?;
    let sign = match spec.sign {
        Some('+') => Some(if n.negative { '-' } else { '+' }),
        Some(' ') => Some(if n.negative { '-' } else { ' ' }),
        _ => n.negative.then_some('-'),
    };
    let n_remainder = n.remainder.chars().count() as i64;
    let n_non_digit =
        i64::from(sign.is_some()) + n.prefix.len() as i64 + i64::from(n.decimal) + n_remainder;
    let min_width = if fill == '0' && align == '=' {
        width - n_non_digit
    } else {
        0
    };
    let grouped = if n.digits.is_empty() {
        String::new()
    } else {
        insert_grouping(n.digits.as_bytes(), min_width, group)
    };
    let n_padding = width - (n_non_digit + grouped.len() as i64);
    let (lpad, spad, rpad) = if n_padding > 0 {
        match align {
            '<' => (0, 0, n_padding),
            '^' => (n_padding / 2, 0, n_padding - n_padding / 2),
            '=' => (0, n_padding, 0),
            _ => (n_padding, 0, 0),
        }
    } else {
        (0, 0, 0)
    };
    let mut out = String::with_capacity((n_non_digit + grouped.len() as i64 + n_padding.max(0)) as usize);
    push_fill(&mut out, fill, lpad);
    if let Some(s) = sign {
        out.push(s);
    }
    out.push_str(n.prefix);
    push_fill(&mut out, fill, spad);
    out.push_str(&grouped);
    if n.decimal {
        out.push('.');
    }
    out.push_str(n.remainder);
    push_fill(&mut out, fill, rpad);
    Ok(out)
}

// -- format(): floats ---------------------------------------------------------

/// Port of `format_float_internal`; `ty` is the presentation type (`None`
/// when omitted), already known to be one of `e E f F g G n %`.
fn format_float_internal(
    val: f64,
    spec: &FormatSpec,
    ty: Option<char>,
    group: Option<(u8, usize)>,
) -> Result<String, FormatError> {
    if spec.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(FormatError::value("precision too big"));
    }
    let mut val = val;
    let mut default_precision = 6;
    let mut add_dot_0 = false;
    let mut add_pct = false;
    let (mut code, upper) = match ty {
        None => {
            add_dot_0 = true;
            default_precision = 0;
            (Code::R, false)
        }
        Some('e') => (Code::E, false),
        Some('E') => (Code::E, true),
        Some('f') => (Code::F, false),
        Some('F') => (Code::F, true),
        Some('g' | 'n') => (Code::G, false),
        Some('G') => (Code::G, true),
        Some('%') => {
            val *= 100.0;
            add_pct = true;
            (Code::F, false)
        }
        Some(t) => return Err(unknown_code(t, &spec.type_name)),
    };
    let precision = match spec.precision {
        None => default_precision,
        Some(p) => {
            if code == Code::R {
                code = Code::G;
            }
            p
        }
    };
    check_field(precision)?;
    let mut buf = format_float_short(
        val,
        &FloatOpts {
            code,
            precision,
            always_add_sign: false,
            add_dot_0,
            alt: spec.alternate,
            no_neg_0: spec.no_neg_zero,
            upper,
        },
    );
    if add_pct {
        buf.push('%');
    }
    let (negative, body) = match buf.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, buf.as_str()),
    };
    let n_digits = body.bytes().take_while(u8::is_ascii_digit).count();
    let (digits, rest) = body.split_at(n_digits);
    let (decimal, remainder) = match rest.strip_prefix('.') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    // 'n' uses the C locale: no grouping, '.' as decimal point.
    let group = if ty == Some('n') { None } else { group };
    layout_number(
        &Number {
            negative,
            prefix: "",
            digits,
            decimal,
            remainder,
        },
        spec,
        group,
    )
}

/// `format(v, spec)` for a float. Types: none `e E f F g G n %`. With no type
/// the result is like `repr` but honours precision (`format(1.0, '.3') ==
/// '1.0'`, `format(123.456, '.2') == '1.2e+02'`). Errors: `ValueError`s
/// `Unknown format code 'd' for object of type 'float'`, `Cannot specify ','
/// with 'n'.`, `precision too big`; `MemoryError` beyond [`MAX_FIELD`].
/// (An empty spec should be short-circuited by the VM to `str(v)`; the
/// result is the same.)
pub fn format_float(v: f64, spec: &FormatSpec) -> Result<String, FormatError> {
    let group = spec.grouping_for(None)?;
    match spec.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => {
            format_float_internal(v, spec, spec.ty, group)
        }
        Some(t) => Err(unknown_code(t, &spec.type_name)),
    }
}

// -- format(): ints -----------------------------------------------------------

/// An int argument, big or small.
#[derive(Clone, Copy)]
enum IntRef<'a> {
    Big(&'a BigInt),
    Small(i64),
}

impl IntRef<'_> {
    fn is_negative(&self) -> bool {
        match *self {
            IntRef::Big(v) => v.sign() == Sign::Minus,
            IntRef::Small(v) => v < 0,
        }
    }

    fn to_i64(self) -> Option<i64> {
        match self {
            IntRef::Big(v) => v.to_i64(),
            IntRef::Small(v) => Some(v),
        }
    }

    fn to_f64(self) -> Result<f64, FormatError> {
        match self {
            IntRef::Big(v) => int_to_f64(v),
            IntRef::Small(v) => Ok(v as f64),
        }
    }

    /// Digits of |v| in `base` (lowercase), honouring the decimal digit limit.
    fn magnitude_digits(self, base: u32) -> Result<String, FormatError> {
        match self {
            IntRef::Big(v) if base == 10 => decimal_magnitude(v.magnitude()),
            IntRef::Big(v) => Ok(v.magnitude().to_str_radix(base)),
            IntRef::Small(v) => {
                let m = v.unsigned_abs();
                Ok(match base {
                    2 => format!("{m:b}"),
                    8 => format!("{m:o}"),
                    16 => format!("{m:x}"),
                    _ => m.to_string(),
                })
            }
        }
    }
}

/// `%c` / `format(i, 'c')` range check and conversion.
fn int_to_char(v: IntRef<'_>, overflow_msg: &str) -> Result<char, FormatError> {
    let x = v
        .to_i64()
        .ok_or_else(|| FormatError::overflow(overflow_msg.to_string()))?;
    if !(0..=0x10ffff).contains(&x) {
        return Err(FormatError::overflow("%c arg not in range(0x110000)"));
    }
    char::from_u32(x as u32).ok_or_else(|| {
        // CPython would produce a lone surrogate; Rust strings cannot hold one.
        FormatError::value(format!(
            "%c arg {x:#x} is a lone surrogate, which tvm strings cannot represent"
        ))
    })
}

/// Port of `format_long_internal` (types `b c d o x X n`).
fn format_long_internal(
    v: IntRef<'_>,
    spec: &FormatSpec,
    ty: char,
    group: Option<(u8, usize)>,
) -> Result<String, FormatError> {
    if spec.precision.is_some() {
        return Err(FormatError::value(
            "Precision not allowed in integer format specifier",
        ));
    }
    if spec.no_neg_zero {
        return Err(FormatError::value(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    if ty == 'c' {
        if spec.sign.is_some() {
            return Err(FormatError::value(
                "Sign not allowed with integer format specifier 'c'",
            ));
        }
        if spec.alternate {
            return Err(FormatError::value(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        let c = int_to_char(v, "Python int too large to convert to C long")?;
        let mut buf = [0u8; 4];
        return layout_number(
            &Number {
                negative: false,
                prefix: "",
                digits: "",
                decimal: false,
                remainder: c.encode_utf8(&mut buf),
            },
            spec,
            None,
        );
    }
    let (base, prefix) = match ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = v.magnitude_digits(base)?;
    if ty == 'X' {
        digits.make_ascii_uppercase();
    }
    layout_number(
        &Number {
            negative: v.is_negative(),
            prefix: if spec.alternate { prefix } else { "" },
            digits: &digits,
            decimal: false,
            remainder: "",
        },
        spec,
        if ty == 'n' { None } else { group },
    )
}

fn format_integer(v: IntRef<'_>, spec: &FormatSpec) -> Result<String, FormatError> {
    let group = spec.grouping_for(Some('d'))?;
    let ty = spec.ty.unwrap_or('d');
    match ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => format_long_internal(v, spec, ty, group),
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let f = v.to_f64()?;
            format_float_internal(f, spec, Some(ty), group)
        }
        _ => Err(unknown_code(ty, &spec.type_name)),
    }
}

/// `format(v, spec)` for an int (or bool: pass `type_name` "bool" to the
/// parser). Types: none `d n b o x X c`, and `e E f F g G %` which convert to
/// float first (`OverflowError: int too large to convert to float`).
/// Errors include `Precision not allowed in integer format specifier`,
/// `Sign not allowed with integer format specifier 'c'`,
/// `OverflowError: %c arg not in range(0x110000)`, `Unknown format code ...`,
/// and the `INT_MAX_STR_DIGITS` `ValueError` for huge decimal output.
pub fn format_int(v: &BigInt, spec: &FormatSpec) -> Result<String, FormatError> {
    format_integer(IntRef::Big(v), spec)
}

/// Fast path of [`format_int`] for machine ints; identical results.
pub fn format_i64(v: i64, spec: &FormatSpec) -> Result<String, FormatError> {
    format_integer(IntRef::Small(v), spec)
}

// -- format(): strings --------------------------------------------------------

/// `format(s, spec)` for a str. Only type `s` (or none); precision truncates
/// (in characters), default alignment is left. Errors: `Unknown format code
/// 'd' for object of type 'str'`, `Cannot specify ',' with 's'.`, `Sign not
/// allowed in string format specifier`, `Space not allowed in string format
/// specifier`, `Negative zero coercion (z) not allowed in string format
/// specifier`, `Alternate form (#) not allowed in string format specifier`,
/// `'=' alignment not allowed in string format specifier`.
pub fn format_str(s: &str, spec: &FormatSpec) -> Result<String, FormatError> {
    spec.grouping_for(Some('s'))?;
    let ty = spec.ty.unwrap_or('s');
    if ty != 's' {
        return Err(unknown_code(ty, &spec.type_name));
    }
    match spec.sign {
        Some(' ') => {
            return Err(FormatError::value(
                "Space not allowed in string format specifier",
            ))
        }
        Some(_) => {
            return Err(FormatError::value(
                "Sign not allowed in string format specifier",
            ))
        }
        None => {}
    }
    if spec.no_neg_zero {
        return Err(FormatError::value(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if spec.alternate {
        return Err(FormatError::value(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    let align = spec.align_for(false);
    if align == '=' {
        return Err(FormatError::value(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    let mut body = s;
    let mut len = s.chars().count();
    if let Some(p) = spec.precision {
        if len >= p {
            len = p;
            body = truncate_chars(s, p);
        }
    }
    let width = spec.width_i64()?;
    let len = len as i64;
    let total = len.max(width);
    let lpad = match align {
        '>' => total - len,
        '^' => (total - len) / 2,
        _ => 0,
    };
    let rpad = total - len - lpad;
    let fill = spec.fill_char();
    let mut out = String::with_capacity(body.len() + (total - len) as usize);
    push_fill(&mut out, fill, lpad);
    out.push_str(body);
    push_fill(&mut out, fill, rpad);
    Ok(out)
}

/// The first `n` characters of `s`.
fn truncate_chars(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

// -- %-formatting: parsing (PyUnicode_Format) ---------------------------------

/// A width or precision in a `%` conversion.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PercentCount {
    /// Written as digits.
    Fixed(usize),
    /// `*`: taken from the next argument (see [`percent_star_width`] and
    /// [`percent_star_precision`]).
    Star,
}

/// The flag characters of a `%` conversion.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct PercentFlags {
    /// `-`: left-justify.
    pub left: bool,
    /// `+`: always print a sign.
    pub sign: bool,
    /// ` `: space before non-negative numbers.
    pub space: bool,
    /// `#`: alternate form (`0x`/`0o` prefixes, keep the point for floats).
    pub alt: bool,
    /// `0`: zero-pad numbers.
    pub zero: bool,
}

/// One `%` conversion: `%[(key)][flags][width][.precision][h|l|L]conv`.
#[derive(Debug, Clone, PartialEq)]
pub struct PercentSpec {
    /// `%(name)s`: the mapping key (the VM looks it up and uses the value as
    /// the argument source for this conversion).
    pub key: Option<String>,
    /// Flags.
    pub flags: PercentFlags,
    /// Width, if given.
    pub width: Option<PercentCount>,
    /// Precision, if given (`%.f` gives `Fixed(0)`).
    pub precision: Option<PercentCount>,
    /// Conversion character, one of `s r a d i u o x X e E f F g G c`.
    pub conv: char,
}

/// A piece of a `%` template: literal text (a `%%` yields `Literal("%")`) or
/// a conversion.
#[derive(Debug, Clone, PartialEq)]
pub enum PercentPiece<'a> {
    /// Text copied as is.
    Literal(&'a str),
    /// A conversion consuming argument(s).
    Conv(PercentSpec),
}

/// Incremental `%` template parser: yields pieces left to right and stops
/// after the first error. Processing each piece before pulling the next gives
/// CPython's error order across conversions (e.g. `'%d %' % ('x',)` raises
/// the `%d` TypeError, not `incomplete format`).
pub struct PercentParser<'a> {
    fmt: &'a str,
    pos: usize,
    done: bool,
    has_mapping: bool,
}

/// Iterate over the pieces of a `%` template (see [`PercentParser`]).
pub fn percent_pieces(fmt: &str) -> PercentParser<'_> {
    PercentParser {
        fmt,
        pos: 0,
        done: false,
        has_mapping: true,
    }
}

impl<'a> Iterator for PercentParser<'a> {
    type Item = Result<PercentPiece<'a>, FormatError>;

    fn next(&mut self) -> Option<Self::Item> {
        let bytes = self.fmt.as_bytes();
        if self.done || self.pos >= bytes.len() {
            return None;
        }
        if bytes[self.pos] != b'%' {
            let start = self.pos;
            let end = bytes[start..]
                .iter()
                .position(|&b| b == b'%')
                .map_or(bytes.len(), |i| start + i);
            self.pos = end;
            return Some(Ok(PercentPiece::Literal(&self.fmt[start..end])));
        }
        let r = self.parse_conv();
        if r.is_err() {
            self.done = true;
        }
        Some(r)
    }
}

impl<'a> PercentParser<'a> {
    /// Tell the parser whether the right operand is a mapping (CPython: a
    /// mapping that is neither a tuple nor a str). Without one, a `%(key)`
    /// conversion raises `TypeError: format requires a mapping` before its key
    /// is parsed, exactly where CPython raises it. Defaults to `true` (then
    /// the VM raises [`format_requires_mapping`] itself on a keyed piece).
    pub fn with_mapping(mut self, has_mapping: bool) -> Self {
        self.has_mapping = has_mapping;
        self
    }

    /// Parse the conversion whose `%` is at `self.pos`.
    fn parse_conv(&mut self) -> Result<PercentPiece<'a>, FormatError> {
        let fmt = self.fmt;
        let bytes = fmt.as_bytes();
        let len = bytes.len();
        let incomplete = || FormatError::value("incomplete format");
        let mut p = self.pos + 1;
        if p < len && bytes[p] == b'%' {
            self.pos = p + 1;
            return Ok(PercentPiece::Literal(&fmt[p..p + 1]));
        }
        let mut key = None;
        if p < len && bytes[p] == b'(' {
            if !self.has_mapping {
                return Err(format_requires_mapping());
            }
            p += 1;
            let start = p;
            let mut depth = 1;
            while depth > 0 && p < len {
                match bytes[p] {
                    b')' => depth -= 1,
                    b'(' => depth += 1,
                    _ => {}
                }
                p += 1;
            }
            if depth > 0 {
                return Err(FormatError::value("incomplete format key"));
            }
            key = Some(fmt[start..p - 1].to_string());
        }
        let mut flags = PercentFlags::default();
        loop {
            match bytes.get(p) {
                None => return Err(incomplete()),
                Some(b'-') => flags.left = true,
                Some(b'+') => flags.sign = true,
                Some(b' ') => flags.space = true,
                Some(b'#') => flags.alt = true,
                Some(b'0') => flags.zero = true,
                Some(_) => break,
            }
            p += 1;
        }
        let mut width = None;
        if bytes[p] == b'*' {
            width = Some(PercentCount::Star);
            p += 1;
        } else if bytes[p].is_ascii_digit() {
            let mut w: i64 = 0;
            while p < len && bytes[p].is_ascii_digit() {
                let d = i64::from(bytes[p] - b'0');
                if w > (i64::MAX - d) / 10 {
                    return Err(FormatError::value("width too big"));
                }
                w = w * 10 + d;
                p += 1;
            }
            width = Some(PercentCount::Fixed(usize::try_from(w).unwrap_or(usize::MAX)));
        }
        let mut precision = None;
        if p < len && bytes[p] == b'.' {
            p += 1;
            precision = Some(PercentCount::Fixed(0));
            if p < len && bytes[p] == b'*' {
                precision = Some(PercentCount::Star);
                p += 1;
            } else if p < len && bytes[p].is_ascii_digit() {
                let mut v: i64 = 0;
                while p < len && bytes[p].is_ascii_digit() {
                    let d = i64::from(bytes[p] - b'0');
                    if v > (i64::from(i32::MAX) - d) / 10 {
                        return Err(FormatError::value("precision too big"));
                    }
                    v = v * 10 + d;
                    p += 1;
                }
                precision = Some(PercentCount::Fixed(v as usize));
            }
        }
        if p < len && matches!(bytes[p], b'h' | b'l' | b'L') {
            p += 1;
        }
        let conv = fmt
            .get(p..)
            .and_then(|s| s.chars().next())
            .ok_or_else(incomplete)?;
        if !matches!(
            conv,
            's' | 'r' | 'a' | 'i' | 'd' | 'u' | 'o' | 'x' | 'X' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G'
                | 'c'
        ) {
            return Err(unsupported_conv(conv, fmt[..p].chars().count()));
        }
        self.pos = p + conv.len_utf8();
        Ok(PercentPiece::Conv(PercentSpec {
            key,
            flags,
            width,
            precision,
            conv,
        }))
    }
}

fn unsupported_conv(c: char, index: usize) -> FormatError {
    let cp = c as u32;
    let shown = if (31..=126).contains(&cp) { c } else { '?' };
    FormatError::value(format!(
        "unsupported format character '{shown}' (0x{cp:x}) at index {index}"
    ))
}

/// Parse a whole `%` template. Errors (`ValueError`): `incomplete format`,
/// `incomplete format key`, `unsupported format character 'y' (0x79) at
/// index 3`, `width too big`, `precision too big`.
///
/// Error-order caveat: CPython interleaves parsing with argument consumption,
/// so e.g. `'%y' % ()` raises `not enough arguments` there but the
/// `unsupported format character` error here. Use [`percent_pieces`] to keep
/// CPython's order across conversions; within a single conversion the parse
/// error always wins.
pub fn parse_percent(fmt: &str) -> Result<Vec<PercentPiece<'_>>, FormatError> {
    percent_pieces(fmt).collect()
}

// -- %-formatting: conversions ------------------------------------------------

/// Port of `unicode_format_arg_output`: pad `s` per flags and width.
/// `numeric` is CPython's `arg->sign` (true for number conversions).
fn percent_output(
    s: &str,
    conv: char,
    flags: PercentFlags,
    numeric: bool,
    width: Option<usize>,
    prec: Option<usize>,
) -> Result<String, FormatError> {
    let fill = if numeric && flags.zero { '0' } else { ' ' };
    let mut body = s;
    let mut len = s.chars().count() as i64;
    if matches!(conv, 's' | 'r' | 'a') {
        if let Some(p) = prec {
            if len > p as i64 {
                len = p as i64;
                body = truncate_chars(s, p);
            }
        }
    }
    let mut sign = numeric;
    let mut signchar = None;
    if sign {
        match body.chars().next() {
            Some(c @ ('-' | '+')) => {
                signchar = Some(c);
                len -= 1;
                body = &body[1..];
            }
            _ if flags.sign => signchar = Some('+'),
            _ if flags.space => signchar = Some(' '),
            _ => sign = false,
        }
    }
    let mut width = match width {
        Some(w) => {
            check_field(w)?;
            w as i64
        }
        None => -1,
    };
    if width < len {
        width = len;
    }
    let mut out = String::with_capacity(width as usize + 1);
    if sign {
        if fill != ' ' {
            out.extend(signchar);
        }
        if width > len {
            width -= 1;
        }
    }
    let has_prefix = flags.alt && matches!(conv, 'x' | 'X' | 'o');
    let mut prefix = "";
    if has_prefix {
        let cut = body.len().min(2);
        prefix = &body[..cut];
        body = &body[cut..];
        if fill != ' ' {
            out.push_str(prefix);
        }
        width = (width - 2).max(0);
        len -= 2;
    }
    if width > len && !flags.left {
        push_fill(&mut out, fill, width - len);
        width = len;
    }
    if fill == ' ' {
        if sign {
            out.extend(signchar);
        }
        if has_prefix {
            out.push_str(prefix);
        }
    }
    out.push_str(body);
    if width > len {
        push_fill(&mut out, ' ', width - len);
    }
    Ok(out)
}

/// `%d %i %u %o %x %X %c` for an int argument (the VM converts non-ints
/// first: `int(x)` for `d i u` via `__int__`/[`float_to_int`], `__index__` for
/// `o x X`, and raises [`percent_type_error`] otherwise). `width` / `prec` are
/// the resolved counts (fixed or from `*` arguments). Errors: digit-limit
/// `ValueError`, `OverflowError: precision too large`, `OverflowError: %c arg
/// not in range(0x110000)`; `MemoryError` beyond [`MAX_FIELD`].
pub fn percent_int(
    v: &BigInt,
    spec: &PercentSpec,
    width: Option<usize>,
    prec: Option<usize>,
) -> Result<String, FormatError> {
    let iv = IntRef::Big(v);
    let (base, prefix) = match spec.conv {
        'c' => {
            let c = int_to_char(iv, "%c arg not in range(0x110000)")?;
            let mut buf = [0u8; 4];
            return percent_output(c.encode_utf8(&mut buf), 'c', spec.flags, false, width, prec);
        }
        'd' | 'i' | 'u' => (10, ""),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        other => return Err(unsupported_conv(other, 0)),
    };
    let prec = prec.unwrap_or(0);
    if prec > (i32::MAX - 3) as usize {
        return Err(FormatError::overflow("precision too large"));
    }
    check_field(prec)?;
    let mut digits = iv.magnitude_digits(base)?;
    if spec.conv == 'X' {
        digits.make_ascii_uppercase();
    }
    let mut s = String::with_capacity(digits.len().max(prec) + 3);
    if iv.is_negative() {
        s.push('-');
    }
    if spec.flags.alt {
        s.push_str(prefix);
    }
    push_zeros(&mut s, prec as i64 - digits.len() as i64);
    s.push_str(&digits);
    percent_output(&s, spec.conv, spec.flags, true, width, None)
}

/// `%e %E %f %F %g %G` (default precision 6). The VM converts the argument
/// with `float()` semantics first (ints via [`int_to_f64`]; other types:
/// `TypeError: must be real number, not X`, see [`percent_type_error`]).
pub fn percent_float(
    v: f64,
    spec: &PercentSpec,
    width: Option<usize>,
    prec: Option<usize>,
) -> Result<String, FormatError> {
    let (code, upper) = match spec.conv {
        'e' => (Code::E, false),
        'E' => (Code::E, true),
        'f' => (Code::F, false),
        'F' => (Code::F, true),
        'g' => (Code::G, false),
        'G' => (Code::G, true),
        other => return Err(unsupported_conv(other, 0)),
    };
    let precision = prec.unwrap_or(6);
    check_field(precision)?;
    let s = format_float_short(
        v,
        &FloatOpts {
            code,
            precision,
            always_add_sign: false,
            add_dot_0: false,
            alt: spec.flags.alt,
            no_neg_0: false,
            upper,
        },
    );
    percent_output(&s, spec.conv, spec.flags, true, width, None)
}

/// `%s %r %a` (the VM passes `str(x)`, `repr(x)` or `ascii(x)`; precision
/// truncates) and `%c` with a one-character str argument (no truncation).
/// Returns `Err` only for `MemoryError` (width beyond [`MAX_FIELD`]).
pub fn percent_str(
    s: &str,
    spec: &PercentSpec,
    width: Option<usize>,
    prec: Option<usize>,
) -> Result<String, FormatError> {
    percent_output(s, spec.conv, spec.flags, false, width, prec)
}

// -- %-formatting: helpers for the VM -----------------------------------------

/// Convert a `*` width argument (an int): returns (width, left_justify). A
/// negative width means left-justify: the VM then formats with a copy of the
/// spec whose `flags.left` is set. `OverflowError: Python int too large to
/// convert to C ssize_t` if it does not fit. (A non-int argument is the VM's
/// [`star_wants_int`] error.)
pub fn percent_star_width(v: &BigInt) -> Result<(usize, bool), FormatError> {
    let w = v.to_i64().ok_or_else(|| {
        FormatError::overflow("Python int too large to convert to C ssize_t")
    })?;
    Ok((w.unsigned_abs() as usize, w < 0))
}

/// Convert a `*` precision argument (an int); negative means 0.
/// `OverflowError: Python int too large to convert to C int` if it does not fit.
pub fn percent_star_precision(v: &BigInt) -> Result<usize, FormatError> {
    let p = v
        .to_i32()
        .ok_or_else(|| FormatError::overflow("Python int too large to convert to C int"))?;
    Ok(p.max(0) as usize)
}

/// The `TypeError` for a `%` conversion given an argument of the wrong type
/// (`type_name` is `type(arg).__name__`):
/// `%d format: a real number is required, not str` (d i u),
/// `%x format: an integer is required, not float` (o x X),
/// `must be real number, not str` (e E f F g G),
/// `%c requires int or char` (c; also for a str whose length is not 1).
pub fn percent_type_error(conv: char, type_name: &str) -> FormatError {
    let t = type_name_200(type_name);
    FormatError::type_error(match conv {
        'o' | 'x' | 'X' => format!("%{conv} format: an integer is required, not {t}"),
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => format!("must be real number, not {t}"),
        'c' => "%c requires int or char".to_string(),
        _ => format!("%{conv} format: a real number is required, not {t}"),
    })
}

/// `TypeError: not enough arguments for format string`.
pub fn not_enough_arguments() -> FormatError {
    FormatError::type_error("not enough arguments for format string")
}

/// `TypeError: not all arguments converted during string formatting`.
pub fn not_all_arguments_converted() -> FormatError {
    FormatError::type_error("not all arguments converted during string formatting")
}

/// `TypeError: format requires a mapping` (a `%(key)` conversion when the
/// right operand is not a mapping).
pub fn format_requires_mapping() -> FormatError {
    FormatError::type_error("format requires a mapping")
}

/// `TypeError: * wants int` (a `*` width/precision argument that is not an int).
pub fn star_wants_int() -> FormatError {
    FormatError::type_error("* wants int")
}
