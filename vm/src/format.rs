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
//! even on the exact binary value), which is what David Gay's `dtoa` modes 0,
//! 3 and 2 give CPython — except that `{:e}` breaks an exact tie between two
//! shortest candidates upwards where dtoa picks the even one, which
//! `shortest_digits` corrects. Everything around the digits follows the C.
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
//!   [`percent_star_precision`]; int <-> float conversions are
//!   [`num::int_to_f64`] and [`num::f64_to_int`]).
//! * The int digit limit (`sys.set_int_max_str_digits`) is owned by
//!   [`num::int_max_str_digits`]; decimal int output goes through
//!   [`num::int_to_str`], so `str()` and `format()` always agree.
//!
//! Error order in `%`-formatting: CPython parses each conversion while it
//! consumes arguments. [`percent_pieces`] (with [`PercentParser::with_mapping`])
//! reproduces that order across conversions; within one conversion a parse
//! error (`incomplete format`, `unsupported format character ...`) is raised
//! before errors from that conversion's own arguments (`'%y' % ()` gives the
//! `ValueError` here, CPython's `TypeError: not enough arguments`).

use std::borrow::Cow;
use std::fmt;

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::num::{self, IntRef, NumError, NumErrorKind};

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

/// A [`NumError`] from a conversion in `num` (int -> float, int -> decimal
/// text), re-raised with the same exception class and message.
impl From<NumError> for FormatError {
    fn from(e: NumError) -> Self {
        let kind = match e.kind {
            NumErrorKind::TypeError => FormatErrorKind::TypeError,
            NumErrorKind::OverflowError => FormatErrorKind::OverflowError,
            NumErrorKind::MemoryError => FormatErrorKind::MemoryError,
            // The conversions used here raise no ZeroDivisionError.
            NumErrorKind::ValueError | NumErrorKind::ZeroDivisionError => {
                FormatErrorKind::ValueError
            }
        };
        FormatError { kind, msg: e.msg }
    }
}

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

fn check_field(n: usize) -> Result<(), FormatError> {
    if n > MAX_FIELD {
        Err(FormatError::new(FormatErrorKind::MemoryError, ""))
    } else {
        Ok(())
    }
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
    if !matches!(digits.last(), Some(d) if d % 2 == 1) {
        return (digits, decpt);
    }
    // A tie means ax is exactly a decimal with n+1 <= 18 digits ending in 5.
    // With ax = m * 2**e (m odd) that needs e >= -25: otherwise the exact
    // decimal has more than 18 significant digits.
    let (m, e) = num::decompose(ax);
    if e + i64::from(m.trailing_zeros()) < -25 {
        return (digits, decpt);
    }
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
    if cand.last().is_some_and(|d| d % 2 == 1) {
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
    let text = format!("0.{}e{}", String::from_utf8_lossy(&cand), cdecpt);
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

/// `get_integer`: parse a run of decimal digits; `None` if there were none.
fn get_integer(chars: &[char], pos: &mut usize) -> Result<Option<usize>, FormatError> {
    let mut acc: i64 = 0;
    let mut consumed = false;
    // CPython's spec parser accepts any Unicode `Nd` digit in widths and precisions.
    while let Some(d) = chars.get(*pos).and_then(|&c| num::unicode_decimal(c)) {
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
        self.fill.unwrap_or(if self.zero_pad { '0' } else { ' ' })
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
    let mut out =
        String::with_capacity((n_non_digit + grouped.len() as i64 + n_padding.max(0)) as usize);
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

/// Digits of |v| in `base` (2, 8, 10 or 16; lowercase). Decimal output of a
/// big int goes through [`num::int_to_str`] and so honours the int digit limit.
fn magnitude_digits(v: IntRef<'_>, base: u32) -> Result<String, FormatError> {
    match v {
        IntRef::Big(_) if base == 10 => {
            let mut s = num::int_to_str(v)?;
            if s.starts_with('-') {
                s.remove(0);
            }
            Ok(s)
        }
        IntRef::Big(b) => Ok(b.magnitude().to_str_radix(base)),
        IntRef::Small(x) => {
            let m = x.unsigned_abs();
            Ok(match base {
                2 => format!("{m:b}"),
                8 => format!("{m:o}"),
                16 => format!("{m:x}"),
                _ => m.to_string(),
            })
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
    let mut digits = magnitude_digits(v, base)?;
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
            let f = num::int_to_f64(v)?;
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
/// and the int digit limit's `ValueError` for huge decimal output
/// ([`num::int_max_str_digits`]).
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
            width = Some(PercentCount::Fixed(
                usize::try_from(w).unwrap_or(usize::MAX),
            ));
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
            's' | 'r'
                | 'a'
                | 'i'
                | 'd'
                | 'u'
                | 'o'
                | 'x'
                | 'X'
                | 'e'
                | 'E'
                | 'f'
                | 'F'
                | 'g'
                | 'G'
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
        // The "0x" / "0X" / "0o" that percent_int put after the sign.
        let cut = body.char_indices().nth(2).map_or(body.len(), |(i, _)| i);
        prefix = &body[..cut];
        body = &body[cut..];
        if fill != ' ' {
            out.push_str(prefix);
        }
        width = (width - 2).max(0);
        len -= prefix.chars().count() as i64;
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
/// first: `int(x)` for `d i u` via `__int__`/[`num::f64_to_int`], `__index__` for
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
    let mut digits = magnitude_digits(iv, base)?;
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
/// with `float()` semantics first (ints via [`num::int_to_f64`]; other types:
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
    let w = v
        .to_i64()
        .ok_or_else(|| FormatError::overflow("Python int too large to convert to C ssize_t"))?;
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

// -- Tests --------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;

    /// A `%` argument in the test tables.
    #[derive(Debug)]
    enum A {
        I(&'static str),
        F(u64),
        S(&'static str),
    }
    use A::{F, I, S};

    fn show(r: Result<String, FormatError>) -> String {
        match r {
            Ok(s) => s,
            Err(e) => format!("!{:?}:{}", e.kind, e.msg),
        }
    }

    fn big(s: &str) -> BigInt {
        s.parse().expect("test literal")
    }

    /// What the VM does for `fmt % args` with a tuple: pull arguments, convert
    /// them per conversion, and call the formatting functions.
    fn percent_driver(fmt: &str, args: &[A]) -> Result<String, FormatError> {
        let mut idx = 0;
        let mut out = String::new();
        for piece in percent_pieces(fmt).with_mapping(false) {
            match piece? {
                PercentPiece::Literal(s) => out.push_str(s),
                PercentPiece::Conv(mut spec) => {
                    let mut next = || -> Result<&A, FormatError> {
                        let a = args.get(idx).ok_or_else(not_enough_arguments)?;
                        idx += 1;
                        Ok(a)
                    };
                    let width = match spec.width {
                        Some(PercentCount::Fixed(n)) => Some(n),
                        Some(PercentCount::Star) => match next()? {
                            I(v) => {
                                let (w, left) = percent_star_width(&big(v))?;
                                spec.flags.left |= left;
                                Some(w)
                            }
                            _ => return Err(star_wants_int()),
                        },
                        None => None,
                    };
                    let prec = match spec.precision {
                        Some(PercentCount::Fixed(n)) => Some(n),
                        Some(PercentCount::Star) => match next()? {
                            I(v) => Some(percent_star_precision(&big(v))?),
                            _ => return Err(star_wants_int()),
                        },
                        None => None,
                    };
                    let a = next()?;
                    let s = match (spec.conv, a) {
                        ('s' | 'r' | 'a', I(v)) => percent_str(
                            &num::int_to_str(IntRef::Big(&big(v)))?,
                            &spec,
                            width,
                            prec,
                        )?,
                        ('s' | 'r' | 'a', F(b)) => {
                            percent_str(&float_repr(f64::from_bits(*b)), &spec, width, prec)?
                        }
                        ('s', S(s)) => percent_str(s, &spec, width, prec)?,
                        ('d' | 'i' | 'u' | 'o' | 'x' | 'X' | 'c', I(v)) => {
                            percent_int(&big(v), &spec, width, prec)?
                        }
                        ('d' | 'i' | 'u', F(b)) => {
                            let i = num::f64_to_int(f64::from_bits(*b))?.to_big();
                            percent_int(&i, &spec, width, prec)?
                        }
                        ('c', S(s)) if s.chars().count() == 1 => {
                            percent_str(s, &spec, width, prec)?
                        }
                        ('e' | 'E' | 'f' | 'F' | 'g' | 'G', I(v)) => percent_float(
                            num::int_to_f64(IntRef::Big(&big(v)))?,
                            &spec,
                            width,
                            prec,
                        )?,
                        ('e' | 'E' | 'f' | 'F' | 'g' | 'G', F(b)) => {
                            percent_float(f64::from_bits(*b), &spec, width, prec)?
                        }
                        (c, F(_)) => return Err(percent_type_error(c, "float")),
                        (c, _) => return Err(percent_type_error(c, "str")),
                    };
                    out.push_str(&s);
                }
            }
        }
        if idx < args.len() {
            return Err(not_all_arguments_converted());
        }
        Ok(out)
    }

    fn check_all(failures: Vec<String>, total: usize) {
        assert!(
            failures.is_empty(),
            "{} of {} cases failed:\n{}",
            failures.len(),
            total,
            failures.join("\n")
        );
    }

    #[test]
    fn repr_table() {
        let mut fails = Vec::new();
        for &(bits, want) in REPR_CASES {
            let got = float_repr(f64::from_bits(bits));
            if got != want {
                fails.push(format!("repr({bits:#x}): want {want:?} got {got:?}"));
            }
        }
        check_all(fails, REPR_CASES.len());
    }

    #[test]
    fn float_table() {
        let mut fails = Vec::new();
        for &(bits, spec, want) in FLOAT_CASES {
            let x = f64::from_bits(bits);
            let got = show(FormatSpec::parse(spec, "float").and_then(|s| format_float(x, &s)));
            if got != want {
                fails.push(format!(
                    "format({x:?}, {spec:?}): want {want:?} got {got:?}"
                ));
            }
        }
        check_all(fails, FLOAT_CASES.len());
    }

    #[test]
    fn int_table() {
        let mut fails = Vec::new();
        for &(v, tn, spec, want) in INT_CASES {
            let n = big(v);
            let got = show(FormatSpec::parse(spec, tn).and_then(|s| format_int(&n, &s)));
            if got != want {
                fails.push(format!(
                    "format({v}, {spec:?}) [{tn}]: want {want:?} got {got:?}"
                ));
            }
            if let Some(small) = n.to_i64() {
                let got = show(FormatSpec::parse(spec, tn).and_then(|s| format_i64(small, &s)));
                if got != want {
                    fails.push(format!(
                        "format_i64({v}, {spec:?}): want {want:?} got {got:?}"
                    ));
                }
            }
        }
        check_all(fails, INT_CASES.len());
    }

    #[test]
    fn str_table() {
        let mut fails = Vec::new();
        for &(v, spec, want) in STR_CASES {
            let got = show(FormatSpec::parse(spec, "str").and_then(|s| format_str(v, &s)));
            if got != want {
                fails.push(format!(
                    "format({v:?}, {spec:?}): want {want:?} got {got:?}"
                ));
            }
        }
        check_all(fails, STR_CASES.len());
    }

    #[test]
    fn percent_table() {
        let mut fails = Vec::new();
        for (fmt, args, want) in PERCENT_CASES {
            let got = show(percent_driver(fmt, args));
            if got != *want {
                fails.push(format!("{fmt:?} % {args:?}: want {want:?} got {got:?}"));
            }
        }
        check_all(fails, PERCENT_CASES.len());
    }

    #[test]
    fn spec_fields() {
        let s = FormatSpec::parse("*^+z#012_.3f", "float").expect("valid");
        assert_eq!(s.fill, Some('*'));
        assert_eq!(s.align, Some('^'));
        assert_eq!(s.sign, Some('+'));
        assert!(s.no_neg_zero && s.alternate);
        // With an explicit fill the '0' is part of the width, not the flag.
        assert!(!s.zero_pad);
        assert_eq!(s.width, Some(12));
        assert_eq!(s.grouping, Some('_'));
        assert_eq!(s.precision, Some(3));
        assert_eq!(s.ty, Some('f'));
        let s = FormatSpec::parse("<010", "int").expect("valid");
        assert!(s.zero_pad);
        assert_eq!(s.width, Some(10));
        let e = FormatSpec::parse(",,", "int").expect("parses; type is ','");
        assert_eq!(e.ty, Some(','));
        assert_eq!(
            show(format_int(&big("1"), &e)),
            "!ValueError:Cannot specify ',' with ','."
        );
    }

    #[test]
    fn examples_from_the_brief() {
        let f = |x: f64, spec: &str| {
            show(FormatSpec::parse(spec, "float").and_then(|s| format_float(x, &s)))
        };
        assert_eq!(float_repr(1e16), "1e+16");
        assert_eq!(float_repr(1e-5), "1e-05");
        assert_eq!(float_repr(0.1), "0.1");
        assert_eq!(float_repr(f64::NAN), "nan");
        assert_eq!(float_repr(-0.0), "-0.0");
        assert_eq!(float_repr(123456789012345.0), "123456789012345.0");
        assert_eq!(float_repr(1.2345678901234568e16), "1.2345678901234568e+16");
        assert_eq!(f(1.0, ".3"), "1.0");
        assert_eq!(f(1e20, ""), "1e+20");
        assert_eq!(f(123.456, ".2"), "1.2e+02");
        assert_eq!(f(-0.0, ".1f"), "-0.0");
        assert_eq!(f(-0.0, "z.1f"), "0.0");
        let i = |v: i64, spec: &str| {
            show(FormatSpec::parse(spec, "int").and_then(|s| format_i64(v, &s)))
        };
        assert_eq!(i(-5, "05"), "-0005");
        assert_eq!(i(0xdeadbeef, "_x"), "dead_beef");
        assert_eq!(i(255, "#b"), "0b11111111");
        assert_eq!(i(1234567, ","), "1,234,567");
        assert_eq!(
            show(FormatSpec::parse("d", "float").and_then(|s| format_float(1.0, &s))),
            "!ValueError:Unknown format code 'd' for object of type 'float'"
        );
    }

    #[test]
    fn huge_fields_are_memory_errors() {
        let mem = "!MemoryError:";
        let spec = FormatSpec::parse("1000000000000", "int").expect("valid");
        assert_eq!(show(format_i64(1, &spec)), mem);
        let spec = FormatSpec::parse("0=1000000000000,", "int").expect("valid");
        assert_eq!(show(format_i64(1, &spec)), mem);
        let spec = FormatSpec::parse(".1000000000f", "float").expect("valid");
        assert_eq!(show(format_float(1.0, &spec)), mem);
        let spec = FormatSpec::parse(".1000000000000f", "float").expect("valid");
        assert_eq!(
            show(format_float(1.0, &spec)),
            "!ValueError:precision too big"
        );
        let spec = FormatSpec::parse(">1000000000000", "str").expect("valid");
        assert_eq!(show(format_str("a", &spec)), mem);
        // A huge precision on a str only truncates: no allocation.
        let spec = FormatSpec::parse(".1000000000000", "str").expect("valid");
        assert_eq!(show(format_str("abc", &spec)), "abc");
        let pieces = parse_percent("%1000000000000d").expect("valid");
        let PercentPiece::Conv(spec) = &pieces[0] else {
            panic!("not a conversion")
        };
        assert_eq!(spec.width, Some(PercentCount::Fixed(1_000_000_000_000)));
        assert_eq!(
            show(percent_int(&big("1"), spec, Some(1_000_000_000_000), None)),
            mem
        );
        assert_eq!(
            show(percent_str("x", spec, Some(1_000_000_000_000), None)),
            mem
        );
        let pieces = parse_percent("%.1000000000f").expect("valid");
        let PercentPiece::Conv(spec) = &pieces[0] else {
            panic!("not a conversion")
        };
        assert_eq!(
            show(percent_float(1.0, spec, None, Some(1_000_000_000))),
            mem
        );
    }

    #[test]
    fn int_digit_limit() {
        let limit_msg =
            "!ValueError:Exceeds the limit (4300 digits) for integer string conversion; \
                         use sys.set_int_max_str_digits() to increase the limit";
        let ten = BigInt::from(10);
        let ok = num_traits::pow(ten.clone(), 4299); // 4300 digits
        let too_big = num_traits::pow(ten.clone(), 4300); // 4301 digits
        let huge = num_traits::pow(ten, 100_000);
        let d = FormatSpec::parse("d", "int").expect("valid");
        assert_eq!(show(format_int(&ok, &d)).len(), 4300);
        assert_eq!(show(format_int(&-ok.clone(), &d)).len(), 4301);
        assert_eq!(show(format_int(&too_big, &d)), limit_msg);
        assert_eq!(show(format_int(&huge, &d)), limit_msg);
        let as_str = num::int_to_str(IntRef::Big(&too_big)).map_err(FormatError::from);
        assert_eq!(show(as_str), limit_msg);
        // Power-of-two bases are not limited.
        let x = FormatSpec::parse("x", "int").expect("valid");
        assert!(format_int(&huge, &x).is_ok());
        let pieces = parse_percent("%d").expect("valid");
        let PercentPiece::Conv(spec) = &pieces[0] else {
            panic!("not a conversion")
        };
        assert_eq!(show(percent_int(&too_big, spec, None, None)), limit_msg);
        // Float types convert first (and overflow instead).
        let e = FormatSpec::parse("e", "int").expect("valid");
        assert_eq!(
            show(format_int(&too_big, &e)),
            "!OverflowError:int too large to convert to float"
        );
    }

    #[test]
    fn star_helpers() {
        assert_eq!(percent_star_width(&BigInt::from(-7)), Ok((7, true)));
        assert_eq!(percent_star_width(&BigInt::from(7)), Ok((7, false)));
        assert_eq!(
            show(percent_star_width(&big("100000000000000000000")).map(|_| String::new())),
            "!OverflowError:Python int too large to convert to C ssize_t"
        );
        assert_eq!(percent_star_precision(&BigInt::from(-7)), Ok(0));
        assert_eq!(
            show(percent_star_precision(&big("4294967296")).map(|_| String::new())),
            "!OverflowError:Python int too large to convert to C int"
        );
    }

    #[test]
    fn percent_pieces_structure() {
        let pieces = parse_percent("a%(x(y))-+ #05.3lf%%b%*.*s").expect("valid");
        assert_eq!(pieces.len(), 5);
        assert_eq!(pieces[0], PercentPiece::Literal("a"));
        let PercentPiece::Conv(spec) = &pieces[1] else {
            panic!("not a conversion")
        };
        assert_eq!(spec.key.as_deref(), Some("x(y)"));
        assert_eq!(
            spec.flags,
            PercentFlags {
                left: true,
                sign: true,
                space: true,
                alt: true,
                zero: true
            }
        );
        assert_eq!(spec.width, Some(PercentCount::Fixed(5)));
        assert_eq!(spec.precision, Some(PercentCount::Fixed(3)));
        assert_eq!(spec.conv, 'f');
        assert_eq!(pieces[2], PercentPiece::Literal("%"));
        assert_eq!(pieces[3], PercentPiece::Literal("b"));
        let PercentPiece::Conv(spec) = &pieces[4] else {
            panic!("not a conversion")
        };
        assert_eq!(spec.width, Some(PercentCount::Star));
        assert_eq!(spec.precision, Some(PercentCount::Star));
        // Errors stop the iteration after the pieces before them.
        let mut it = percent_pieces("x%d%");
        assert_eq!(it.next(), Some(Ok(PercentPiece::Literal("x"))));
        assert!(matches!(it.next(), Some(Ok(PercentPiece::Conv(_)))));
        assert_eq!(
            it.next(),
            Some(Err(FormatError::value("incomplete format")))
        );
        assert_eq!(it.next(), None);
        // Index is in characters, not bytes.
        assert_eq!(
            show(parse_percent("\u{e9}\u{e9}%y").map(|_| String::new())),
            "!ValueError:unsupported format character 'y' (0x79) at index 3"
        );
    }

    #[test]
    fn mapping_keys() {
        assert_eq!(
            show(parse_percent("%(a").map(|_| String::new())),
            "!ValueError:incomplete format key"
        );
        let mut it = percent_pieces("%(a").with_mapping(false);
        assert_eq!(it.next(), Some(Err(format_requires_mapping())));
        let pieces = parse_percent("%(name)s").expect("valid");
        let PercentPiece::Conv(spec) = &pieces[0] else {
            panic!("not a conversion")
        };
        assert_eq!(spec.key.as_deref(), Some("name"));
        assert_eq!(percent_str("v", spec, None, None), Ok("v".to_string()));
    }

    #[test]
    fn percent_type_error_messages() {
        let t = |c, n| show(Err::<String, _>(percent_type_error(c, n)));
        assert_eq!(
            t('d', "str"),
            "!TypeError:%d format: a real number is required, not str"
        );
        assert_eq!(
            t('x', "float"),
            "!TypeError:%x format: an integer is required, not float"
        );
        assert_eq!(t('f', "str"), "!TypeError:must be real number, not str");
        assert_eq!(t('c', "str"), "!TypeError:%c requires int or char");
        assert_eq!(
            show(Err::<String, _>(not_enough_arguments())),
            "!TypeError:not enough arguments for format string"
        );
        assert_eq!(
            show(Err::<String, _>(not_all_arguments_converted())),
            "!TypeError:not all arguments converted during string formatting"
        );
        assert_eq!(
            show(Err::<String, _>(star_wants_int())),
            "!TypeError:* wants int"
        );
    }

    #[test]
    fn surrogates_and_type_names() {
        let c = FormatSpec::parse("c", "int").expect("valid");
        assert!(show(format_i64(0xd800, &c)).starts_with("!ValueError:"));
        let long_name = "N".repeat(300);
        let spec = FormatSpec::parse("q", &long_name).expect("valid");
        let msg = show(format_i64(1, &spec));
        assert_eq!(
            msg,
            format!(
                "!ValueError:Unknown format code 'q' for object of type '{}'",
                "N".repeat(200)
            )
        );
        assert_eq!(
            show(FormatSpec::parse("abc", &long_name).map(|_| String::new())),
            format!(
                "!ValueError:Invalid format specifier 'abc' for object of type '{}'",
                "N".repeat(200)
            )
        );
    }

    #[test]
    fn no_panics_on_odd_input() {
        let specs = [
            "",
            "<",
            "<<",
            "<<<",
            "0",
            "00",
            "0<",
            "z",
            "zz",
            "#",
            "##",
            ".",
            ".0",
            ".x",
            "_",
            ",",
            "__",
            ",,",
            "_,",
            "x",
            "\u{0}",
            "\u{10ffff}",
            "\u{10ffff}<",
            "99999999999999999999",
            "9223372036854775807",
            "9223372036854775808",
            ".9223372036854775807",
            "0=,",
            "0=_x",
            "=c",
            "^c",
            "+%",
            "#%",
            "z%",
            ".0%",
            "#.0g",
            "#.0e",
            ".0n",
            "_n",
            "\u{661}\u{660}",
        ];
        let values = [
            0.0,
            -0.0,
            1.0,
            -1.5,
            1e308,
            -5e-324,
            f64::NAN,
            f64::INFINITY,
            1e16,
            0.5,
        ];
        for spec in specs {
            for tn in ["int", "float", "str", "bool"] {
                if let Ok(s) = FormatSpec::parse(spec, tn) {
                    for v in values {
                        let _ = format_float(v, &s);
                    }
                    for v in [i64::MIN, -1, 0, 1, 65, 0x10ffff, 0x110000, i64::MAX] {
                        let _ = format_i64(v, &s);
                        let _ = format_int(&BigInt::from(v), &s);
                    }
                    let _ = format_int(&num_traits::pow(BigInt::from(3), 2000), &s);
                    let _ = format_str("h\u{e9}llo", &s);
                }
            }
        }
        let templates = [
            "%",
            "%%",
            "%(",
            "%()",
            "%()s",
            "%(((",
            "%*",
            "%.*",
            "%*.*",
            "%-",
            "%5.",
            "%h",
            "%l",
            "%L",
            "%hh",
            "%#x",
            "%#-05o",
            "%#+ 010X",
            "%+c",
            "%#.3g",
            "%\u{10ffff}",
            "%.9999999999",
            "%9999999999999999999999",
            "%s%",
            "%(a)5.3lX",
        ];
        for t in templates {
            for p in percent_pieces(t).flatten() {
                if let PercentPiece::Conv(spec) = p {
                    for w in [None, Some(0), Some(30)] {
                        for pr in [None, Some(0), Some(20)] {
                            let _ = percent_int(&BigInt::from(-300), &spec, w, pr);
                            let _ = percent_float(-1.5, &spec, w, pr);
                            let _ = percent_str("ab", &spec, w, pr);
                            let _ = percent_str("\u{e9}\u{e9}\u{e9}", &spec, w, pr);
                            let _ = percent_str("", &spec, w, pr);
                        }
                    }
                }
            }
        }
    }

    // Generated with CPython 3.11.7 (repr(x)); (f64 bits, expected).
    #[rustfmt::skip]
    const REPR_CASES: &[(u64, &str)] = &[
        (0x0000000000000000, "0.0"),
        (0x8000000000000000, "-0.0"),
        (0x3ff0000000000000, "1.0"),
        (0xbff0000000000000, "-1.0"),
        (0x3fb999999999999a, "0.1"),
        (0x3fd3333333333334, "0.30000000000000004"),
        (0x3fd5555555555555, "0.3333333333333333"),
        (0x3fe5555555555555, "0.6666666666666666"),
        (0x4341c37937e08000, "1e+16"),
        (0x430c6bf526340000, "1000000000000000.0"),
        (0x4341c37937e07fff, "9999999999999998.0"),
        (0x4376345785d8a000, "1e+17"),
        (0x4345ee2a2eb5a5c4, "1.2345678901234568e+16"),
        (0x42dc12218377de40, "123456789012345.0"),
        (0x43118b54f22aeb00, "1234567890123456.0"),
        (0x3f1a36e2eb1c432d, "0.0001"),
        (0x3ee4f8b588e368f1, "1e-05"),
        (0x3f202c9dedbc309d, "0.0001234"),
        (0x3ee9e0fcaf9380fc, "1.234e-05"),
        (0x0000000000000001, "5e-324"),
        (0x0010000000000000, "2.2250738585072014e-308"),
        (0x7fefffffffffffff, "1.7976931348623157e+308"),
        (0x7ff0000000000000, "inf"),
        (0xfff0000000000000, "-inf"),
        (0x7ff8000000000000, "nan"),
        (0x4480f0cf064dd592, "1e+22"),
        (0x44b52d02c7e14af6, "1e+23"),
        (0x4340000000000000, "9007199254740992.0"),
        (0x4340000000000001, "9007199254740994.0"),
        (0x3fe0000000000000, "0.5"),
        (0x4059000000000000, "100.0"),
        (0x54b249ad2594c37d, "1e+100"),
        (0x7e41eb2d66005835, "1.5e+300"),
        (0x430bc622dc50d88a, "977209674832657.2"),
        (0x431402f7ef1ecc99, "1408190856540966.2"),
        (0x400921f9f01b866e, "3.14159"),
        (0x400921fb54442d18, "3.141592653589793"),
        (0x4005bf0a8b145769, "2.718281828459045"),
        (0x81a56e1fc2f8f359, "-1e-300"),
        (0x405edd2f1a9fbe77, "123.456"),
        (0x000012688b70e62b, "1e-310"),
        (0x0000000000000003, "1.5e-323"),
        (0x3fd3333333333333, "0.3"),
        (0x3ff199999999999a, "1.1"),
        (0x4005666666666666, "2.675"),
        (0x444b1ae4d6e2ef50, "1e+21"),
        (0x3e7ad7f29abcaf48, "1e-07"),
        (0x4023000000000000, "9.5"),
        (0x4058ff5c28f5c28f, "99.99"),
        (0x4011666666666666, "4.35"),
        (0x3f201f31f46ed246, "0.000123"),
        (0x4086e5851eb851ec, "732.69"),
        (0x3f4c4c25204e7511, "0.0008635693817386233"),
        (0x2fb4b22dbeb2a944, "6.98180606248187e-79"),
        (0x6ed4e94bdfc9e3b1, "7.740305260588998e+225"),
        (0x3de110629f81255a, "1.2415697615168587e-10"),
        (0x2d57e95a367f96e8, "2.9345987340391053e-90"),
        (0xfa88269287f26aee, "-1.7535380701421637e+282"),
        (0x408248cccccccccd, "585.1"),
        (0x432801c71a54d7a0, "3378677046471632.0"),
        (0x4317dc20d64a3ce3, "1678989514149688.8"),
        (0x56eaa3017576714a, "5.00460164228483e+110"),
        (0x82bde024f7acee22, "-1.8272601399104736e-295"),
        (0x400ba30a915379fb, "3.45461"),
        (0x4323904162aab320, "2753317530065296.0"),
        (0xc12871d17800c1da, "-801000.7343807772"),
        (0xae711399e2b2848b, "-5.493913207906451e-85"),
        (0x301792142e80dbd6, "5.088996278340121e-77"),
        (0x4321c14ffae6dca2, "2498811930046033.0"),
        (0x1eab5cd83b788b66, "6.082062402788562e-161"),
        (0x406b0c2c3c9eecc0, "216.3804"),
        (0x4323d5e1a0fd694c, "2791594801411238.0"),
        (0x10aead5cea80db07, "2.5292339561721207e-228"),
        (0x2a04f77afad2b6c5, "2.8568144927019664e-106"),
        (0x3bc6d2a650a7bbd8, "9.665853062950224e-21"),
        (0x4310a9c9f70ae8c3, "1172571131394608.8"),
        (0x315417f15e2c909c, "4.549013241029341e-71"),
        (0xbc66775842d2ac5d, "-9.74315702180278e-18"),
        (0x4053a66666666666, "78.6"),
        (0xb65b9045c5bc647a, "-7.543902500927032e-47"),
        (0xc260919abc5d576e, "-569298510570.7322"),
        (0x9f3180427b142708, "-1.9917072854191663e-158"),
        (0xa048592203898f4e, "-3.6319397453919873e-153"),
        (0x40745c2c3c9eecc0, "325.7608"),
        (0x408cd4d566cf41f2, "922.6042"),
        (0x43299a78aea0f592, "3603358767151817.0"),
        (0x3f347de93280abc8, "0.00031268065731876156"),
        (0x432ff3f9723d9a18, "4496988483538188.0"),
        (0x4308eefa6810ad28, "877269837026725.0"),
        (0xbcc935b1b72b968a, "-6.997109273505133e-16"),
        (0x125b4bb21ab99000, "3.0204886119640866e-220"),
        (0x7efe369aa85dffca, "5.179809312603586e+303"),
        (0x432470a5eae9e772, "2876678723662777.0"),
        (0x409025bdd6ba5562, "1033.4353894343008"),
        (0xc05f69afca5b2579, "-125.65135439778341"),
        (0x407a0b3333333333, "416.7"),
        (0x4319ddd106fb8a83, "1820191063204512.8"),
        (0x430ac3dcca1ff7a0, "941712805723892.0"),
        (0x426a59ebae103642, "905422139521.6956"),
        (0x431c72b3f5ce6014, "2001854149138437.0"),
        (0xc444978a39734f7b, "-7.597089697762434e+20"),
        (0x40873c84d551d68c, "743.56486"),
        (0x5fd9d78248f1cc94, "5.413786195833159e+153"),
        (0x432d9b5443f6925e, "4166780272199983.0"),
        (0x3d431a1e083a3865, "1.3572802085139202e-13"),
        (0x62c6302f82a4e5f3, "6.541994315242306e+167"),
        (0xc6f736f0428b2d1b, "-7.533569576135374e+33"),
        (0x4046051eb851eb85, "44.04"),
        (0x506b897c97a59070, "2.5508587242614223e+79"),
        (0x5f08199927fafa5d, "6.163179022035531e+149"),
        (0xbf0976bd4661d077, "-4.856839295622276e-05"),
        (0x40856f353f7ced91, "685.901"),
        (0xbee551b1a4327e6a, "-1.0165747090617328e-05"),
        (0x41f1aca1fc50e96a, "4744421317.056986"),
        (0x72101a3f43df86ae, "2.684297202618864e+241"),
        (0x58569a9b383a0301, "3.562560911573862e+117"),
        (0x42e10abf5e311160, "149902863730827.0"),
        (0x9a3a95651c6e7bd0, "-2.502511065097182e-182"),
        (0x431b6788dcea2255, "1928415472683157.2"),
        (0x4318582445caa284, "1713078063507617.0"),
        (0x40b19bd87530436f, "4507.845538155044"),
        (0x4d04125f9de9feb5, "1.032130983513577e+63"),
        (0x3c24f7a48419a6a8, "5.683212707188403e-19"),
        (0x4067c00000000000, "190.0"),
        (0x43159de5d14b5d88, "1521146223843170.0"),
        (0xbb9c9a0ca5f2a6f6, "-1.5141643284402371e-21"),
        (0x432f74618e8ca058, "4426843315130412.0"),
        (0xbc0fd5de5723d1a9, "-2.1572522343175882e-19"),
        (0x432082260cc037f4, "2323349780831226.0"),
        (0x48f095fc699a9f9c, "2.3117346581786054e+43"),
        (0x7d1445fd6f81c288, "3.2369972542418056e+294"),
        (0xbcd0a514383cd836, "-9.239742181259469e-16"),
        (0x35136f4187111aa9, "5.07266562378839e-53"),
        (0x7b150891811348f2, "7.819281464496546e+284"),
        (0x408ea80000000000, "981.0"),
        (0x4412d48126cf6138, "8.683848905173487e+19"),
        (0x3db35e8acb02e763, "1.7616280559477328e-11"),
        (0x4079f00000000000, "415.0"),
        (0x40a9663d9860c33c, "3251.12030317672"),
        (0x42bfada0482cb2b3, "34830578887858.7"),
        (0x3c346e6208b946de, "1.1075766704229443e-18"),
    ];

    // Generated with CPython 3.11.7 (format(x, spec)); (f64 bits, spec, expected or !Error:msg).
    #[rustfmt::skip]
    const FLOAT_CASES: &[(u64, &str, &str)] = &[
        (0x7e37e43c8800759c, "", "1e+300"),
        (0x8000000000000000, "", "-0.0"),
        (0x3fc0000000000000, "", "0.125"),
        (0xfff0000000000000, "", "-inf"),
        (0x8000000000000000, "", "-0.0"),
        (0x3fb999999999999a, "f", "0.100000"),
        (0xfff0000000000000, "f", "-inf"),
        (0xbf1a36e2eb1c432d, "f", "-0.000100"),
        (0x41678c29c0000000, "f", "12345678.000000"),
        (0x7ff0000000000000, "f", "inf"),
        (0xbf1a36e2eb1c432d, ".2f", "-0.00"),
        (0xbff8000000000000, ".2f", "-1.50"),
        (0x0000000000000001, ".2f", "0.00"),
        (0x41678c29c0000000, ".2f", "12345678.00"),
        (0x7ff8000000000000, ".2f", "nan"),
        (0x8000000000000000, ".0f", "-0"),
        (0x4004000000000000, ".0f", "2"),
        (0x4132d687e4189375, ".0f", "1234568"),
        (0x4023fd70a3d70a3d, ".0f", "10"),
        (0x7ff0000000000000, ".0f", "inf"),
        (0x7e37e43c8800759c, "e", "1.000000e+300"),
        (0x0000000000000001, "e", "4.940656e-324"),
        (0x8000000000000000, "e", "-0.000000e+00"),
        (0x7ff8000000000000, "e", "nan"),
        (0x7ff8000000000000, "e", "nan"),
        (0x4341c37937e08000, ".3e", "1.000e+16"),
        (0x3fc0000000000000, ".3e", "1.250e-01"),
        (0x405edd2f1a9fbe77, ".3e", "1.235e+02"),
        (0xfff0000000000000, ".3e", "-inf"),
        (0x7ff8000000000000, ".3e", "nan"),
        (0xc3118b54f2236200, ".0e", "-1e+15"),
        (0x0000000000000001, ".0e", "5e-324"),
        (0x405edd2f1a9fbe77, ".0e", "1e+02"),
        (0x4132d687e4189375, ".0e", "1e+06"),
        (0x7ff8000000000000, ".0e", "nan"),
        (0x405edd2f1a9fbe77, "g", "123.456"),
        (0xc3118b54f2236200, "g", "-1.23457e+15"),
        (0x7e37e43c8800759c, "g", "1e+300"),
        (0x0000000000000000, "g", "0"),
        (0x7ff8000000000000, "g", "nan"),
        (0x3ff0000000000000, ".3g", "1"),
        (0x3fe0000000000000, ".3g", "0.5"),
        (0xbff8000000000000, ".3g", "-1.5"),
        (0x3e7ad7f29abcaf48, ".3g", "1e-07"),
        (0x7ff8000000000000, ".3g", "nan"),
        (0x4132d687e4189375, "G", "1.23457E+06"),
        (0x3e7ad7f29abcaf48, "G", "1E-07"),
        (0x4341c37937e08000, "G", "1E+16"),
        (0x0000000000000001, "G", "4.94066E-324"),
        (0x8000000000000000, "G", "-0"),
        (0x3f202e7ef70994dd, ".10g", "0.000123456"),
        (0x7e37e43c8800759c, ".10g", "1e+300"),
        (0xc3118b54f2236200, ".10g", "-1.23456789e+15"),
        (0xfff0000000000000, ".10g", "-inf"),
        (0x7ff8000000000000, ".10g", "nan"),
        (0x4480f0cf064dd592, "%", "999999999999999983222784.000000%"),
        (0x7e37e43c8800759c, "%", "100000000000000007629703079084894925347346855150656811701601734206211380288125794484142188964691784076639747577138548761372210387844799938291815611350519830750167649856488981626536368095414607314235151058373458986890825155659063617715863205282622390509284183439858617103083735673849899204570498157510656.000000%"),
        (0x4023fd70a3d70a3d, "%", "999.500000%"),
        (0xbff8000000000000, "%", "-150.000000%"),
        (0x7ff0000000000000, "%", "inf%"),
        (0x4023fd70a3d70a3d, ".1%", "999.5%"),
        (0x3fe0000000000000, ".1%", "50.0%"),
        (0xc3118b54f2236200, ".1%", "-123456789000000000.0%"),
        (0x7ff0000000000000, ".1%", "inf%"),
        (0x7ff8000000000000, ".1%", "nan%"),
        (0xfff0000000000000, "n", "-inf"),
        (0x0000000000000001, "n", "4.94066e-324"),
        (0xc3118b54f2236200, "n", "-1.23457e+15"),
        (0x3ff0000000000000, "n", "1"),
        (0xbff8000000000000, "n", "-1.5"),
        (0x7e37e43c8800759c, "+", "+1e+300"),
        (0xbff8000000000000, "+", "-1.5"),
        (0x3fc0000000000000, "+", "+0.125"),
        (0x4341c37937e08000, "+", "+1e+16"),
        (0xbff8000000000000, "+", "-1.5"),
        (0x4004000000000000, "+.2f", "+2.50"),
        (0x7ff8000000000000, "+.2f", "+nan"),
        (0xbf1a36e2eb1c432d, "+.2f", "-0.00"),
        (0xbff8000000000000, "+.2f", "-1.50"),
        (0x7ff8000000000000, "+.2f", "+nan"),
        (0x4132d687e4189375, " .2f", " 1234567.89"),
        (0x41678c29c0000000, " .2f", " 12345678.00"),
        (0xfff0000000000000, " .2f", "-inf"),
        (0x3e7ad7f29abcaf48, " .2f", " 0.00"),
        (0x7ff8000000000000, " .2f", " nan"),
        (0x4480f0cf064dd592, "10.3f", "10000000000000000000000.000"),
        (0x0000000000000000, "10.3f", "     0.000"),
        (0x4023fd70a3d70a3d, "10.3f", "     9.995"),
        (0x3e7ad7f29abcaf48, "10.3f", "     0.000"),
        (0x7ff0000000000000, "10.3f", "       inf"),
        (0x0000000000000001, "<10.2f", "0.00      "),
        (0x3fc0000000000000, "<10.2f", "0.12      "),
        (0x3f202e7ef70994dd, "<10.2f", "0.00      "),
        (0x4480f0cf064dd592, "<10.2f", "10000000000000000000000.00"),
        (0x7ff8000000000000, "<10.2f", "nan       "),
        (0x4480f0cf064dd592, "^12.3e", " 1.000e+22  "),
        (0x4004000000000000, "^12.3e", " 2.500e+00  "),
        (0x0000000000000000, "^12.3e", " 0.000e+00  "),
        (0xfff0000000000000, "^12.3e", "    -inf    "),
        (0x8000000000000000, "^12.3e", " -0.000e+00 "),
        (0x4132d687e4189375, "*>12.2f", "**1234567.89"),
        (0x3fe0000000000000, "*>12.2f", "********0.50"),
        (0x3e7ad7f29abcaf48, "*>12.2f", "********0.00"),
        (0x4341c37937e08000, "*>12.2f", "10000000000000000.00"),
        (0x7ff0000000000000, "*>12.2f", "*********inf"),
        (0x4132d687e4189375, "=+12.2f", "+ 1234567.89"),
        (0x3e7ad7f29abcaf48, "=+12.2f", "+       0.00"),
        (0x3fe0000000000000, "=+12.2f", "+       0.50"),
        (0x0000000000000000, "=+12.2f", "+       0.00"),
        (0x7ff0000000000000, "=+12.2f", "+        inf"),
        (0x3fb999999999999a, "012.3f", "00000000.100"),
        (0xbf1a36e2eb1c432d, "012.3f", "-0000000.000"),
        (0x3fc0000000000000, "012.3f", "00000000.125"),
        (0x4132d687e4189375, "012.3f", "01234567.891"),
        (0x7ff8000000000000, "012.3f", "000000000nan"),
        (0x41678c29c0000000, "-012.3f", "12345678.000"),
        (0x4004000000000000, "-012.3f", "00000002.500"),
        (0x4023fd70a3d70a3d, "-012.3f", "00000009.995"),
        (0x0000000000000000, "-012.3f", "00000000.000"),
        (0x7ff8000000000000, "-012.3f", "000000000nan"),
        (0x7ff8000000000000, "z.2f", "nan"),
        (0xfff0000000000000, "z.2f", "-inf"),
        (0xc3118b54f2236200, "z.2f", "-1234567890000000.00"),
        (0xbf1a36e2eb1c432d, "z.2f", "0.00"),
        (0xbff8000000000000, "z.2f", "-1.50"),
        (0x4480f0cf064dd592, "z", "1e+22"),
        (0xc3118b54f2236200, "z", "-1234567890000000.0"),
        (0x7e37e43c8800759c, "z", "1e+300"),
        (0xbf1a36e2eb1c432d, "z", "-0.0001"),
        (0x8000000000000000, "z", "0.0"),
        (0x4023fd70a3d70a3d, "z.0f", "10"),
        (0x4004000000000000, "z.0f", "2"),
        (0x3fe0000000000000, "z.0f", "0"),
        (0x3ff0000000000000, "z.0f", "1"),
        (0xbff8000000000000, "z.0f", "-2"),
        (0x3f202e7ef70994dd, "#.0f", "0."),
        (0x0000000000000001, "#.0f", "0."),
        (0x4480f0cf064dd592, "#.0f", "10000000000000000000000."),
        (0x405edd2f1a9fbe77, "#.0f", "123."),
        (0xbff8000000000000, "#.0f", "-2."),
        (0x8000000000000000, "#.0e", "-0.e+00"),
        (0x3f202e7ef70994dd, "#.0e", "1.e-04"),
        (0xbff8000000000000, "#.0e", "-2.e+00"),
        (0x3e7ad7f29abcaf48, "#.0e", "1.e-07"),
        (0x8000000000000000, "#.0e", "-0.e+00"),
        (0x7ff8000000000000, "#g", "nan"),
        (0xfff0000000000000, "#g", "-inf"),
        (0x0000000000000001, "#g", "4.94066e-324"),
        (0x3ff0000000000000, "#g", "1.00000"),
        (0xbff8000000000000, "#g", "-1.50000"),
        (0x3f202e7ef70994dd, "#.3g", "0.000123"),
        (0x4480f0cf064dd592, "#.3g", "1.00e+22"),
        (0xbff8000000000000, "#.3g", "-1.50"),
        (0x7ff8000000000000, "#.3g", "nan"),
        (0x7ff8000000000000, "#.3g", "nan"),
        (0x41678c29c0000000, "#", "12345678.0"),
        (0x0000000000000000, "#", "0.0"),
        (0x7e37e43c8800759c, "#", "1.e+300"),
        (0x3fb999999999999a, "#", "0.1"),
        (0x7ff0000000000000, "#", "inf"),
        (0x7ff0000000000000, ",", "inf"),
        (0x405edd2f1a9fbe77, ",", "123.456"),
        (0xc3118b54f2236200, ",", "-1,234,567,890,000,000.0"),
        (0x3e7ad7f29abcaf48, ",", "1e-07"),
        (0x7ff8000000000000, ",", "nan"),
        (0xfff0000000000000, "_", "-inf"),
        (0x405edd2f1a9fbe77, "_", "123.456"),
        (0x4004000000000000, "_", "2.5"),
        (0x3fc0000000000000, "_", "0.125"),
        (0x8000000000000000, "_", "-0.0"),
        (0x7ff8000000000000, ",.2f", "nan"),
        (0x8000000000000000, ",.2f", "-0.00"),
        (0x7ff0000000000000, ",.2f", "inf"),
        (0x4341c37937e08000, ",.2f", "10,000,000,000,000,000.00"),
        (0xbff8000000000000, ",.2f", "-1.50"),
        (0x0000000000000000, "_.3f", "0.000"),
        (0x7ff0000000000000, "_.3f", "inf"),
        (0xc3118b54f2236200, "_.3f", "-1_234_567_890_000_000.000"),
        (0xfff0000000000000, "_.3f", "-inf"),
        (0xbff8000000000000, "_.3f", "-1.500"),
        (0x3fb999999999999a, "015,.2f", "0,000,000,000.10"),
        (0x41678c29c0000000, "015,.2f", "0,012,345,678.00"),
        (0x7ff0000000000000, "015,.2f", "000000000000inf"),
        (0x3f202e7ef70994dd, "015,.2f", "0,000,000,000.00"),
        (0x8000000000000000, "015,.2f", "-000,000,000.00"),
        (0x3fe0000000000000, "020_.4e", "000_000_005.0000e-01"),
        (0x3fb999999999999a, "020_.4e", "000_000_001.0000e-01"),
        (0x0000000000000001, "020_.4e", "00_000_004.9407e-324"),
        (0x7e37e43c8800759c, "020_.4e", "00_000_001.0000e+300"),
        (0x7ff0000000000000, "020_.4e", "00000000000000000inf"),
        (0x7e37e43c8800759c, ".3", "1e+300"),
        (0x7ff0000000000000, ".3", "inf"),
        (0x4341c37937e08000, ".3", "1e+16"),
        (0x7ff8000000000000, ".3", "nan"),
        (0xbff8000000000000, ".3", "-1.5"),
        (0x4341c37937e08000, ".0", "1e+16"),
        (0x41678c29c0000000, ".0", "1e+07"),
        (0x4023fd70a3d70a3d, ".0", "1e+01"),
        (0x3fc0000000000000, ".0", "0.1"),
        (0xbff8000000000000, ".0", "-2e+00"),
        (0x4004000000000000, "#.3", "2.50"),
        (0x41678c29c0000000, "#.3", "1.23e+07"),
        (0x4341c37937e08000, "#.3", "1.00e+16"),
        (0x7ff8000000000000, "#.3", "nan"),
        (0x8000000000000000, "#.3", "-0.00"),
        (0xbff8000000000000, ">+15.4G", "           -1.5"),
        (0x3fb999999999999a, ">+15.4G", "           +0.1"),
        (0x405edd2f1a9fbe77, ">+15.4G", "         +123.5"),
        (0x3fe0000000000000, ">+15.4G", "           +0.5"),
        (0x7ff0000000000000, ">+15.4G", "           +INF"),
        (0x3f202e7ef70994dd, "F", "0.000123"),
        (0xc3118b54f2236200, "F", "-1234567890000000.000000"),
        (0xbff8000000000000, "F", "-1.500000"),
        (0xfff0000000000000, "F", "-INF"),
        (0x7ff8000000000000, "F", "NAN"),
        (0x7ff0000000000000, "E", "INF"),
        (0x3ff0000000000000, "E", "1.000000E+00"),
        (0x4132d687e4189375, "E", "1.234568E+06"),
        (0xc3118b54f2236200, "E", "-1.234568E+15"),
        (0x7ff8000000000000, "E", "NAN"),
        (0x0000000000000000, ".2F", "0.00"),
        (0xbff8000000000000, ".2F", "-1.50"),
        (0x3fc0000000000000, ".2F", "0.12"),
        (0x3e7ad7f29abcaf48, ".2F", "0.00"),
        (0x7ff8000000000000, ".2F", "NAN"),
        (0x4480f0cf064dd592, "x<8", "1e+22xxx"),
        (0x3fe0000000000000, "x<8", "0.5xxxxx"),
        (0x41678c29c0000000, "x<8", "12345678.0"),
        (0x3e7ad7f29abcaf48, "x<8", "1e-07xxx"),
        (0x8000000000000000, "x<8", "-0.0xxxx"),
        (0x7ff0000000000000, "0<8", "inf00000"),
        (0x3fc0000000000000, "0<8", "0.125000"),
        (0xfff0000000000000, "0<8", "-inf0000"),
        (0x0000000000000000, "0<8", "0.000000"),
        (0x7ff0000000000000, "0<8", "inf00000"),
        (0xbf1a36e2eb1c432d, "0=8", "-00.0001"),
        (0x7e37e43c8800759c, "0=8", "001e+300"),
        (0x4480f0cf064dd592, "0=8", "0001e+22"),
        (0x3fc0000000000000, "0=8", "0000.125"),
        (0x7ff8000000000000, "0=8", "00000nan"),
        (0x3e7ad7f29abcaf48, "08", "0001e-07"),
        (0xbff8000000000000, "08", "-00001.5"),
        (0x405edd2f1a9fbe77, "08", "0123.456"),
        (0xc3118b54f2236200, "08", "-1234567890000000.0"),
        (0x8000000000000000, "08", "-00000.0"),
        (0xc3118b54f2236200, ",d", "!ValueError:Unknown format code 'd' for object of type 'float'"),
        (0x8000000000000000, ",d", "!ValueError:Unknown format code 'd' for object of type 'float'"),
        (0x4023fd70a3d70a3d, ",d", "!ValueError:Unknown format code 'd' for object of type 'float'"),
        (0x3fb999999999999a, ",d", "!ValueError:Unknown format code 'd' for object of type 'float'"),
        (0x7ff8000000000000, ",d", "!ValueError:Unknown format code 'd' for object of type 'float'"),
        (0x4023fd70a3d70a3d, "c", "!ValueError:Unknown format code 'c' for object of type 'float'"),
        (0x4132d687e4189375, "c", "!ValueError:Unknown format code 'c' for object of type 'float'"),
        (0x3f202e7ef70994dd, "c", "!ValueError:Unknown format code 'c' for object of type 'float'"),
        (0x3e7ad7f29abcaf48, "c", "!ValueError:Unknown format code 'c' for object of type 'float'"),
        (0x7ff8000000000000, "c", "!ValueError:Unknown format code 'c' for object of type 'float'"),
        (0x3e7ad7f29abcaf48, "d", "!ValueError:Unknown format code 'd' for object of type 'float'"),
        (0x7ff0000000000000, "d", "!ValueError:Unknown format code 'd' for object of type 'float'"),
        (0x8000000000000000, "d", "!ValueError:Unknown format code 'd' for object of type 'float'"),
        (0x3ff0000000000000, "d", "!ValueError:Unknown format code 'd' for object of type 'float'"),
        (0x7ff8000000000000, "d", "!ValueError:Unknown format code 'd' for object of type 'float'"),
        (0x4341c37937e08000, "s", "!ValueError:Unknown format code 's' for object of type 'float'"),
        (0x3f202e7ef70994dd, "s", "!ValueError:Unknown format code 's' for object of type 'float'"),
        (0x8000000000000000, "s", "!ValueError:Unknown format code 's' for object of type 'float'"),
        (0x3fb999999999999a, "s", "!ValueError:Unknown format code 's' for object of type 'float'"),
        (0x7ff0000000000000, "s", "!ValueError:Unknown format code 's' for object of type 'float'"),
        (0x8000000000000000, ".", "!ValueError:Format specifier missing precision"),
        (0x3fb999999999999a, ".", "!ValueError:Format specifier missing precision"),
        (0xfff0000000000000, ".", "!ValueError:Format specifier missing precision"),
        (0x7ff8000000000000, ".", "!ValueError:Format specifier missing precision"),
        (0xbff8000000000000, ".", "!ValueError:Format specifier missing precision"),
        (0x0000000000000000, "abc", "!ValueError:Invalid format specifier 'abc' for object of type 'float'"),
        (0x405edd2f1a9fbe77, "abc", "!ValueError:Invalid format specifier 'abc' for object of type 'float'"),
        (0x3fb999999999999a, "abc", "!ValueError:Invalid format specifier 'abc' for object of type 'float'"),
        (0xc3118b54f2236200, "abc", "!ValueError:Invalid format specifier 'abc' for object of type 'float'"),
        (0x7ff8000000000000, "abc", "!ValueError:Invalid format specifier 'abc' for object of type 'float'"),
        (0x0000000000000001, ",_", "!ValueError:Cannot specify both ',' and '_'."),
        (0xbff8000000000000, ",_", "!ValueError:Cannot specify both ',' and '_'."),
        (0x7ff0000000000000, ",_", "!ValueError:Cannot specify both ',' and '_'."),
        (0x3ff0000000000000, ",_", "!ValueError:Cannot specify both ',' and '_'."),
        (0x7ff8000000000000, ",_", "!ValueError:Cannot specify both ',' and '_'."),
        (0x0000000000000000, "_,", "!ValueError:Cannot specify both ',' and '_'."),
        (0x3ff0000000000000, "_,", "!ValueError:Cannot specify both ',' and '_'."),
        (0x7ff0000000000000, "_,", "!ValueError:Cannot specify both ',' and '_'."),
        (0x3fb999999999999a, "_,", "!ValueError:Cannot specify both ',' and '_'."),
        (0x8000000000000000, "_,", "!ValueError:Cannot specify both ',' and '_'."),
        (0x3fc0000000000000, "z#016.3%", "00000000012.500%"),
        (0x4132d687e4189375, "z#016.3%", "00123456789.100%"),
        (0x4004000000000000, "z#016.3%", "00000000250.000%"),
        (0x3fe0000000000000, "z#016.3%", "00000000050.000%"),
        (0x8000000000000000, "z#016.3%", "00000000000.000%"),
        (0xfff0000000000000, ".120f", "-inf"),
        (0x3ff0000000000000, ".120f", "1.000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"),
        (0x3fc0000000000000, ".120f", "0.125000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"),
        (0x405edd2f1a9fbe77, ".120f", "123.456000000000003069544618483632802963256835937500000000000000000000000000000000000000000000000000000000000000000000000000"),
        (0x8000000000000000, ".120f", "-0.000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"),
        (0x0000000000000001, ".30e", "4.940656458412465441765687928682e-324"),
        (0x3fe0000000000000, ".30e", "5.000000000000000000000000000000e-01"),
        (0x405edd2f1a9fbe77, ".30e", "1.234560000000000030695446184836e+02"),
        (0x3f202e7ef70994dd, ".30e", "1.234560000000000051876419826513e-04"),
        (0x7ff8000000000000, ".30e", "nan"),
        (0xfff0000000000000, ".20", "-inf"),
        (0x0000000000000000, ".20", "0.0"),
        (0x7e37e43c8800759c, ".20", "1.0000000000000000525e+300"),
        (0x3fb999999999999a, ".20", "0.10000000000000000555"),
        (0x8000000000000000, ".20", "-0.0"),
        (0x3fb999999999999a, ".17", "0.10000000000000001"),
        (0xc3118b54f2236200, ".17", "-1234567890000000.0"),
        (0x3fe0000000000000, ".17", "0.5"),
        (0x41678c29c0000000, ".17", "12345678.0"),
        (0x8000000000000000, ".17", "-0.0"),
        (0x3f202e7ef70994dd, ",n", "!ValueError:Cannot specify ',' with 'n'."),
        (0x3e7ad7f29abcaf48, ",n", "!ValueError:Cannot specify ',' with 'n'."),
        (0x4004000000000000, ",n", "!ValueError:Cannot specify ',' with 'n'."),
        (0x0000000000000000, ",n", "!ValueError:Cannot specify ',' with 'n'."),
        (0x8000000000000000, ",n", "!ValueError:Cannot specify ',' with 'n'."),
        (0x3f202e7ef70994dd, "012,", "00.000123456"),
        (0xfff0000000000000, "012,", "-00000000inf"),
        (0x3fe0000000000000, "012,", "00,000,000.5"),
        (0x4132d687e4189375, "012,", "1,234,567.891"),
        (0xbff8000000000000, "012,", "-0,000,001.5"),
        (0xbff8000000000000, "\u{e9}^15.4", "\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}-1.5\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}"),
        (0x4480f0cf064dd592, "\u{e9}^15.4", "\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}1e+22\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}"),
        (0x3fe0000000000000, "\u{e9}^15.4", "\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}0.5\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}"),
        (0x405edd2f1a9fbe77, "\u{e9}^15.4", "\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}123.5\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}"),
        (0xbff8000000000000, "\u{e9}^15.4", "\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}-1.5\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}"),
        (0x4023fd70a3d70a3d, "+015.2e", "+0000009.99e+00"),
        (0x405edd2f1a9fbe77, "+015.2e", "+0000001.23e+02"),
        (0x3ff0000000000000, "+015.2e", "+0000001.00e+00"),
        (0xc3118b54f2236200, "+015.2e", "-0000001.23e+15"),
        (0x7ff0000000000000, "+015.2e", "+00000000000inf"),
        (0xbff8000000000000, " 010,.1f", "-000,001.5"),
        (0x7ff8000000000000, " 010,.1f", " 000000nan"),
        (0x3fb999999999999a, " 010,.1f", " 000,000.1"),
        (0x8000000000000000, " 010,.1f", "-000,000.0"),
        (0xbff8000000000000, " 010,.1f", "-000,001.5"),
        (0x4480f0cf064dd592, "=10", "     1e+22"),
        (0xbff8000000000000, "=10", "-      1.5"),
        (0xfff0000000000000, "=10", "-      inf"),
        (0x3e7ad7f29abcaf48, "=10", "     1e-07"),
        (0x8000000000000000, "=10", "-      0.0"),
        (0x3fb999999999999a, ".2147483648f", "!ValueError:precision too big"),
        (0x4023fd70a3d70a3d, ".2147483648f", "!ValueError:precision too big"),
        (0x4341c37937e08000, ".2147483648f", "!ValueError:precision too big"),
        (0x405edd2f1a9fbe77, ".2147483648f", "!ValueError:precision too big"),
        (0x7ff0000000000000, ".2147483648f", "!ValueError:precision too big"),
        (0x7ff8000000000000, "99999999999999999999", "!ValueError:Too many decimal digits in format string"),
        (0x3fb999999999999a, "99999999999999999999", "!ValueError:Too many decimal digits in format string"),
        (0x3e7ad7f29abcaf48, "99999999999999999999", "!ValueError:Too many decimal digits in format string"),
        (0x4341c37937e08000, "99999999999999999999", "!ValueError:Too many decimal digits in format string"),
        (0x7ff0000000000000, "99999999999999999999", "!ValueError:Too many decimal digits in format string"),
        (0xc3118b54f2236200, ".2n", "-1.2e+15"),
        (0x3fc0000000000000, ".2n", "0.12"),
        (0xfff0000000000000, ".2n", "-inf"),
        (0x3fe0000000000000, ".2n", "0.5"),
        (0x8000000000000000, ".2n", "-0"),
        (0x4132d687e4189375, ".25g", "1234567.89100000006146729"),
        (0x7ff0000000000000, ".25g", "inf"),
        (0xfff0000000000000, ".25g", "-inf"),
        (0x4004000000000000, ".25g", "2.5"),
        (0x7ff0000000000000, ".25g", "inf"),
        (0x4004000000000000, "#.0%", "250.%"),
        (0x3f202e7ef70994dd, "#.0%", "0.%"),
        (0x41678c29c0000000, "#.0%", "1234567800.%"),
        (0x7ff8000000000000, "#.0%", "nan%"),
        (0xbff8000000000000, "#.0%", "-150.%"),
        (0x4341c37937e08000, " >z.2E", "1.00E+16"),
        (0xc1d859d8f26d3796, "<013_f", "-1_634_165_705.706518"),
        (0x3fb999999999999a, ".0%", "10%"),
        (0x1eaaba645e32707c, "0^0.17E", "5.94101047810820969E-161"),
        (0x4132d687e4189375, "20", "         1234567.891"),
        (0xc4d759814ebb72a7, ".9", "-4.41062028e+23"),
        (0x51771a11fb400a34, "25_E", "             2.804951E+84"),
        (0xce2b3a1051f67ea8, "2_", "-3.6701669332866355e+68"),
        (0x4341c37937e08000, "%", "1000000000000000000.000000%"),
        (0x3dd317e6beb19948, " #12G", " 6.94613E-11"),
        (0xbfd758fea2aaceb0, "z27.2%", "                    -36.48%"),
        (0x3fd540164a8189a8, "0<.3E", "3.320E-01"),
        (0xbedc8cf01f480808, "-.17e", "-6.80697893473865956e-06"),
        (0x4023fd70a3d70a3d, "0,%", "999.500000%"),
        (0xbdd469002dae286a, "-,g", "-7.42517e-11"),
        (0xc086b05160d4c2d8, ",.27g", "-726.03973547191253601340577"),
        (0xeb7af4281589282a, " #0.1", "-6.e+209"),
        (0xc2bd94b98baa9a1e, " #16.1", "         -3.e+13"),
        (0xbff8000000000000, ".3F", "-1.500"),
        (0xa7736adb1c3c5d9a, "==z6G", "-1.20313E-118"),
        (0x6c055de771895a75, "0<_.0G", "2E+212"),
        (0x7ff8000000000000, "n", "nan"),
        (0x41678c29c0000000, ".17", "12345678.0"),
        (0xbff8000000000000, "+z0e", "-1.500000e+00"),
        (0x4016021d4bd3a8d2, " ^-11.17E", "5.50206488112799441E+00"),
        (0x1d73a315d9ce55a0, "28.6e", "               8.325277e-167"),
        (0x40d42ddda30ff9f1, ">-0G", "20663.5"),
        (0xafa3650984960e32, "#26f", "                 -0.000000"),
        (0x27e11f44f9dfaae2, ">.10", "1.357969103e-116"),
        (0xd097440eb3b6577a, "_^#n", "-1.72416e+80"),
        (0x404e7c05b21cfaab, "-0", "60.96892382063864"),
        (0x40be4cc03c2fa6d5, " ", " 7756.750918367606"),
        (0xbff8000000000000, "4.1", "-2e+00"),
        (0xc3118b54f2236200, "-#015_.0e", "-0_000_001.e+15"),
        (0x2cb0a5fa0b138afe, "06_.10n", "!ValueError:Cannot specify '_' with 'n'."),
        (0x3ff0000000000000, ",.17g", "1"),
        (0xbfd431ef9e01b27c, "^e", "-3.155479e-01"),
        (0xa7fa477f7ee723c7, "=#27.3E", "-                4.168E-116"),
        (0x4023fd70a3d70a3d, "-z15%", "    999.500000%"),
        (0x40232b5d6077d1d9, "+0.1e", "+9.6e+00"),
        (0xc26b68e2091d9667, " 0n", "-9.4179e+11"),
        (0x13355785ecec8feb, "=17,", "3.8693315446100633e-216"),
        (0xbe8525e2d68e3936, "0.1n", "-2e-07"),
        (0x3fb848714a1bd6c2, "1.2G", "0.095"),
        (0x1ad099a673a2e2c7, " ^0n", "1.60021e-179"),
        (0x74c2af11332f652e, "#027G", "0000000000000002.73964E+254"),
        (0x0000000000000000, "+10,.3g", "        +0"),
        (0xc109fd815abb1b1d, "#_E", "-2.129122E+05"),
        (0xbf3f8aebbe72c554, "+.1", "-0.0005"),
        (0x7c82a621c45d60e2, "^ 7g", " 5.81568e+291"),
        (0x42d5ddd287f0f377, "= #8.1G", "  1.E+14"),
        (0x3e7ad7f29abcaf48, "= #f", " 0.000000"),
        (0x432e40676f0f6dfc, "4_.3n", "!ValueError:Cannot specify '_' with 'n'."),
        (0xbff8000000000000, " _.3E", "-1.500E+00"),
        (0x007020ed140a0251, "#e", "1.435495e-306"),
        (0x6eebc01445521336, "<^+", "+2.0543507226470633e+226"),
        (0xbf76aec765feda43, " 015%", "-000000.553778%"),
        (0xbf814c290243dd2d, "<>g", "-0.00844605"),
        (0x3a9d572893ee81f1, "+9.33n", "+2.37010371971766781846883104315198e-26"),
        (0x0000000000000000, "g", "0"),
        (0x7ff8000000000000, " 16,%", "            nan%"),
        (0x3fc0000000000000, ",.17G", "0.125"),
        (0xd8037f4c3047c0da, "=+025_.1G", "-000_000_000_000_001E+116"),
        (0x4341c37937e08000, ">1,", "1e+16"),
        (0x3fc0000000000000, "+0.0E", "+1E-01"),
        (0xc1edbb326c32183f, "_=0g", "-3.99046e+09"),
        (0xbe056fe1b3037196, ".24f", "-0.000000000623899909189561"),
        (0x3fc0000000000000, "_.17E", "1.25000000000000000E-01"),
        (0x2f85342eef106004, "< _f", " 0.000000"),
        (0x41678c29c0000000, "#7.3", "1.23e+07"),
        (0x405edd2f1a9fbe77, "#", "123.456"),
        (0xd3da50dda1011a55, "0.2F", "-878287224064128981343352724466877534083427635083363591618059157817308937433225603572487128350720.00"),
        (0xbe6627999127848e, "8", "-4.126632026694903e-08"),
        (0xbeedd5a2a6cc0b3f, "11F", "  -0.000014"),
        (0xbff8000000000000, "#.32g", "-1.5000000000000000000000000000000"),
        (0x5db09523352d0c92, "#014_e", "02.022133e+143"),
        (0x4341c37937e08000, " 16.6n", "           1e+16"),
        (0x41678c29c0000000, "14.17e", "1.23456780000000000e+07"),
        (0x4023fd70a3d70a3d, "^,g", "9.995"),
        (0x9ae3f4ff6ba66e4b, "0,G", "-3.84759E-179"),
    ];

    // Generated with CPython 3.11.7 (format(v, spec)); (value, type name, spec, expected or !Error:msg).
    #[rustfmt::skip]
    const INT_CASES: &[(&str, &str, &str, &str)] = &[
        ("1000000000000000000000000000000", "int", "", "1000000000000000000000000000000"),
        ("-255", "int", "", "-255"),
        ("179769313486231590772930519078902473361797697894230657273430081157732675805500963132708477322407536021120113879871393357658789768814416622492847430639474124377767893424865485276302219601246094119453082952085005768838150682342462881473913110540827237163350510684586298239947245938479716304835356329624224137216", "int", "", "179769313486231590772930519078902473361797697894230657273430081157732675805500963132708477322407536021120113879871393357658789768814416622492847430639474124377767893424865485276302219601246094119453082952085005768838150682342462881473913110540827237163350510684586298239947245938479716304835356329624224137216"),
        ("-1", "int", "", "-1"),
        ("-1", "int", "", "-1"),
        ("255", "int", "d", "255"),
        ("5", "int", "d", "5"),
        ("1", "int", "d", "1"),
        ("65", "int", "d", "65"),
        ("1180591620717411303424", "int", "d", "1180591620717411303424"),
        ("1000000000000000000000000000000", "int", "5", "1000000000000000000000000000000"),
        ("65", "int", "5", "   65"),
        ("42", "int", "5", "   42"),
        ("-5", "int", "5", "   -5"),
        ("0", "int", "5", "    0"),
        ("-987654321012", "int", "05", "-987654321012"),
        ("18446744073709551616", "int", "05", "18446744073709551616"),
        ("-5", "int", "05", "-0005"),
        ("1", "int", "05", "00001"),
        ("-1", "int", "05", "-0001"),
        ("42", "int", "-05", "00042"),
        ("-1234567", "int", "-05", "-1234567"),
        ("5", "int", "-05", "00005"),
        ("-1000000000000000000000000000000", "int", "-05", "-1000000000000000000000000000000"),
        ("1180591620717411303424", "int", "-05", "1180591620717411303424"),
        ("-1", "int", "+05", "-0001"),
        ("179769313486231590772930519078902473361797697894230657273430081157732675805500963132708477322407536021120113879871393357658789768814416622492847430639474124377767893424865485276302219601246094119453082952085005768838150682342462881473913110540827237163350510684586298239947245938479716304835356329624224137216", "int", "+05", "+179769313486231590772930519078902473361797697894230657273430081157732675805500963132708477322407536021120113879871393357658789768814416622492847430639474124377767893424865485276302219601246094119453082952085005768838150682342462881473913110540827237163350510684586298239947245938479716304835356329624224137216"),
        ("255", "int", "+05", "+0255"),
        ("-1000000000000000000000000000000", "int", "+05", "-1000000000000000000000000000000"),
        ("-1", "int", "+05", "-0001"),
        ("0", "int", " d", " 0"),
        ("9007199254740993", "int", " d", " 9007199254740993"),
        ("65", "int", " d", " 65"),
        ("-255", "int", " d", "-255"),
        ("0", "int", " d", " 0"),
        ("1000000000000000000000000000000", "int", "<5", "1000000000000000000000000000000"),
        ("9223372036854775807", "int", "<5", "9223372036854775807"),
        ("123456789", "int", "<5", "123456789"),
        ("18446744073709551616", "int", "<5", "18446744073709551616"),
        ("-1", "int", "<5", "-1   "),
        ("9007199254740993", "int", "^7", "9007199254740993"),
        ("1114111", "int", "^7", "1114111"),
        ("179769313486231590772930519078902473361797697894230657273430081157732675805500963132708477322407536021120113879871393357658789768814416622492847430639474124377767893424865485276302219601246094119453082952085005768838150682342462881473913110540827237163350510684586298239947245938479716304835356329624224137216", "int", "^7", "179769313486231590772930519078902473361797697894230657273430081157732675805500963132708477322407536021120113879871393357658789768814416622492847430639474124377767893424865485276302219601246094119453082952085005768838150682342462881473913110540827237163350510684586298239947245938479716304835356329624224137216"),
        ("1114112", "int", "^7", "1114112"),
        ("1180591620717411303424", "int", "^7", "1180591620717411303424"),
        ("9007199254740993", "int", "=+8", "+9007199254740993"),
        ("179769313486231590772930519078902473361797697894230657273430081157732675805500963132708477322407536021120113879871393357658789768814416622492847430639474124377767893424865485276302219601246094119453082952085005768838150682342462881473913110540827237163350510684586298239947245938479716304835356329624224137216", "int", "=+8", "+179769313486231590772930519078902473361797697894230657273430081157732675805500963132708477322407536021120113879871393357658789768814416622492847430639474124377767893424865485276302219601246094119453082952085005768838150682342462881473913110540827237163350510684586298239947245938479716304835356329624224137216"),
        ("-9223372036854775808", "int", "=+8", "-9223372036854775808"),
        ("-1234567", "int", "=+8", "-1234567"),
        ("-1", "int", "=+8", "-      1"),
        ("18446744073709551616", "int", "*^9", "18446744073709551616"),
        ("-987654321012", "int", "*^9", "-987654321012"),
        ("-255", "int", "*^9", "**-255***"),
        ("1000000000000000000000000000000", "int", "*^9", "1000000000000000000000000000000"),
        ("65", "int", "*^9", "***65****"),
        ("0", "int", ",", "0"),
        ("1", "int", ",", "1"),
        ("-1", "int", ",", "-1"),
        ("123456789", "int", ",", "123,456,789"),
        ("-1", "int", ",", "-1"),
        ("0", "int", "_", "0"),
        ("-9223372036854775808", "int", "_", "-9_223_372_036_854_775_808"),
        ("-987654321012", "int", "_", "-987_654_321_012"),
        ("255", "int", "_", "255"),
        ("1180591620717411303424", "int", "_", "1_180_591_620_717_411_303_424"),
        ("9223372036854775807", "int", "010,", "9,223,372,036,854,775,807"),
        ("1234", "int", "010,", "00,001,234"),
        ("9007199254740993", "int", "010,", "9,007,199,254,740,993"),
        ("1", "int", "010,", "00,000,001"),
        ("0", "int", "010,", "00,000,000"),
        ("-1000000000000000000000000000000", "int", "09,", "-1,000,000,000,000,000,000,000,000,000,000"),
        ("9223372036854775807", "int", "09,", "9,223,372,036,854,775,807"),
        ("255", "int", "09,", "0,000,255"),
        ("-1", "int", "09,", "-0,000,001"),
        ("65", "int", "09,", "0,000,065"),
        ("-255", "int", "08,", "-000,255"),
        ("0", "int", "08,", "0,000,000"),
        ("18446744073709551616", "int", "08,", "18,446,744,073,709,551,616"),
        ("179769313486231590772930519078902473361797697894230657273430081157732675805500963132708477322407536021120113879871393357658789768814416622492847430639474124377767893424865485276302219601246094119453082952085005768838150682342462881473913110540827237163350510684586298239947245938479716304835356329624224137216", "int", "08,", "179,769,313,486,231,590,772,930,519,078,902,473,361,797,697,894,230,657,273,430,081,157,732,675,805,500,963,132,708,477,322,407,536,021,120,113,879,871,393,357,658,789,768,814,416,622,492,847,430,639,474,124,377,767,893,424,865,485,276,302,219,601,246,094,119,453,082,952,085,005,768,838,150,682,342,462,881,473,913,110,540,827,237,163,350,510,684,586,298,239,947,245,938,479,716,304,835,356,329,624,224,137,216"),
        ("65", "int", "08,", "0,000,065"),
        ("5", "int", "_x", "5"),
        ("18446744073709551616", "int", "_x", "1_0000_0000_0000_0000"),
        ("-9223372036854775808", "int", "_x", "-8000_0000_0000_0000"),
        ("179769313486231590772930519078902473361797697894230657273430081157732675805500963132708477322407536021120113879871393357658789768814416622492847430639474124377767893424865485276302219601246094119453082952085005768838150682342462881473913110540827237163350510684586298239947245938479716304835356329624224137216", "int", "_x", "1_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000"),
        ("0", "int", "_x", "0"),
        ("-255", "int", "_b", "-1111_1111"),
        ("179769313486231590772930519078902473361797697894230657273430081157732675805500963132708477322407536021120113879871393357658789768814416622492847430639474124377767893424865485276302219601246094119453082952085005768838150682342462881473913110540827237163350510684586298239947245938479716304835356329624224137216", "int", "_b", "1_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000"),
        ("1234", "int", "_b", "100_1101_0010"),
        ("123456789", "int", "_b", "111_0101_1011_1100_1101_0001_0101"),
        ("1180591620717411303424", "int", "_b", "100_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000"),
        ("-1000000000000000000000000000000", "int", "#_o", "-0o14_4762_6234_6404_3164_7336_5100_0000_0000"),
        ("-987654321012", "int", "#_o", "-0o16_2764_6217_1564"),
        ("-9223372036854775808", "int", "#_o", "-0o10_0000_0000_0000_0000_0000"),
        ("65", "int", "#_o", "0o101"),
        ("-1", "int", "#_o", "-0o1"),
        ("1000000000000000000000000000000", "int", "#x", "0xc9f2c9cd04674edea40000000"),
        ("9007199254740993", "int", "#x", "0x20000000000001"),
        ("9223372036854775807", "int", "#x", "0x7fffffffffffffff"),
        ("1", "int", "#x", "0x1"),
        ("-1", "int", "#x", "-0x1"),
        ("-9223372036854775808", "int", "#X", "-0X8000000000000000"),
        ("65", "int", "#X", "0X41"),
        ("9223372036854775807", "int", "#X", "0X7FFFFFFFFFFFFFFF"),
        ("-1234567", "int", "#X", "-0X12D687"),
        ("0", "int", "#X", "0X0"),
        ("1234", "int", "#010x", "0x000004d2"),
        ("5", "int", "#010x", "0x00000005"),
        ("18446744073709551616", "int", "#010x", "0x10000000000000000"),
        ("9007199254740993", "int", "#010x", "0x20000000000001"),
        ("65", "int", "#010x", "0x00000041"),
        ("-1234567", "int", "x", "-12d687"),
        ("9007199254740993", "int", "x", "20000000000001"),
        ("1234", "int", "x", "4d2"),
        ("123456789", "int", "x", "75bcd15"),
        ("-1", "int", "x", "-1"),
        ("123456789", "int", "X", "75BCD15"),
        ("-5", "int", "X", "-5"),
        ("-1", "int", "X", "-1"),
        ("1114111", "int", "X", "10FFFF"),
        ("0", "int", "X", "0"),
        ("18446744073709551616", "int", "o", "2000000000000000000000"),
        ("1234", "int", "o", "2322"),
        ("179769313486231590772930519078902473361797697894230657273430081157732675805500963132708477322407536021120113879871393357658789768814416622492847430639474124377767893424865485276302219601246094119453082952085005768838150682342462881473913110540827237163350510684586298239947245938479716304835356329624224137216", "int", "o", "200000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"),
        ("1", "int", "o", "1"),
        ("65", "int", "o", "101"),
        ("1", "int", "b", "1"),
        ("1114111", "int", "b", "100001111111111111111"),
        ("0", "int", "b", "0"),
        ("65", "int", "b", "1000001"),
        ("0", "int", "b", "0"),
        ("0", "int", "#b", "0b0"),
        ("1000000000000000000000000000000", "int", "#b", "0b1100100111110010110010011100110100000100011001110100111011011110101001000000000000000000000000000000"),
        ("-9223372036854775808", "int", "#b", "-0b1000000000000000000000000000000000000000000000000000000000000000"),
        ("65", "int", "#b", "0b1000001"),
        ("-1", "int", "#b", "-0b1"),
        ("42", "int", "+#b", "+0b101010"),
        ("-255", "int", "+#b", "-0b11111111"),
        ("179769313486231590772930519078902473361797697894230657273430081157732675805500963132708477322407536021120113879871393357658789768814416622492847430639474124377767893424865485276302219601246094119453082952085005768838150682342462881473913110540827237163350510684586298239947245938479716304835356329624224137216", "int", "+#b", "+0b10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"),
        ("-987654321012", "int", "+#b", "-0b1110010111110100110010001111001101110100"),
        ("65", "int", "+#b", "+0b1000001"),
        ("42", "int", "c", "*"),
        ("-1000000000000000000000000000000", "int", "c", "!OverflowError:Python int too large to convert to C long"),
        ("1114111", "int", "c", "\u{10ffff}"),
        ("5", "int", "c", "\u{5}"),
        ("0", "int", "c", "\u{0}"),
        ("-9223372036854775808", "int", "5c", "!OverflowError:%c arg not in range(0x110000)"),
        ("9223372036854775807", "int", "5c", "!OverflowError:%c arg not in range(0x110000)"),
        ("1000000000000000000000000000000", "int", "5c", "!OverflowError:Python int too large to convert to C long"),
        ("-5", "int", "5c", "!OverflowError:%c arg not in range(0x110000)"),
        ("-1", "int", "5c", "!OverflowError:%c arg not in range(0x110000)"),
        ("1234", "int", "<3c", "\u{4d2}  "),
        ("65", "int", "<3c", "A  "),
        ("5", "int", "<3c", "\u{5}  "),
        ("1114111", "int", "<3c", "\u{10ffff}  "),
        ("0", "int", "<3c", "\u{0}  "),
        ("123456789", "int", "+c", "!ValueError:Sign not allowed with integer format specifier 'c'"),
        ("-255", "int", "+c", "!ValueError:Sign not allowed with integer format specifier 'c'"),
        ("1114112", "int", "+c", "!ValueError:Sign not allowed with integer format specifier 'c'"),
        ("1234", "int", "+c", "!ValueError:Sign not allowed with integer format specifier 'c'"),
        ("1180591620717411303424", "int", "+c", "!ValueError:Sign not allowed with integer format specifier 'c'"),
        ("-1234567", "int", "#c", "!ValueError:Alternate form (#) not allowed with integer format specifier 'c'"),
        ("-987654321012", "int", "#c", "!ValueError:Alternate form (#) not allowed with integer format specifier 'c'"),
        ("-1", "int", "#c", "!ValueError:Alternate form (#) not allowed with integer format specifier 'c'"),
        ("0", "int", "#c", "!ValueError:Alternate form (#) not allowed with integer format specifier 'c'"),
        ("65", "int", "#c", "!ValueError:Alternate form (#) not allowed with integer format specifier 'c'"),
        ("65", "int", "05c", "0000A"),
        ("1000000000000000000000000000000", "int", "05c", "!OverflowError:Python int too large to convert to C long"),
        ("-9223372036854775808", "int", "05c", "!OverflowError:%c arg not in range(0x110000)"),
        ("-255", "int", "05c", "!OverflowError:%c arg not in range(0x110000)"),
        ("65", "int", "05c", "0000A"),
        ("-255", "int", "n", "-255"),
        ("1114111", "int", "n", "1114111"),
        ("9223372036854775807", "int", "n", "9223372036854775807"),
        ("-1000000000000000000000000000000", "int", "n", "-1000000000000000000000000000000"),
        ("65", "int", "n", "65"),
        ("-987654321012", "int", ",n", "!ValueError:Cannot specify ',' with 'n'."),
        ("9223372036854775807", "int", ",n", "!ValueError:Cannot specify ',' with 'n'."),
        ("1000000000000000000000000000000", "int", ",n", "!ValueError:Cannot specify ',' with 'n'."),
        ("255", "int", ",n", "!ValueError:Cannot specify ',' with 'n'."),
        ("-1", "int", ",n", "!ValueError:Cannot specify ',' with 'n'."),
        ("1114111", "int", ".2", "!ValueError:Precision not allowed in integer format specifier"),
        ("123456789", "int", ".2", "!ValueError:Precision not allowed in integer format specifier"),
        ("18446744073709551616", "int", ".2", "!ValueError:Precision not allowed in integer format specifier"),
        ("5", "int", ".2", "!ValueError:Precision not allowed in integer format specifier"),
        ("1180591620717411303424", "int", ".2", "!ValueError:Precision not allowed in integer format specifier"),
        ("-1", "int", "z", "!ValueError:Negative zero coercion (z) not allowed in integer format specifier"),
        ("42", "int", "z", "!ValueError:Negative zero coercion (z) not allowed in integer format specifier"),
        ("1114111", "int", "z", "!ValueError:Negative zero coercion (z) not allowed in integer format specifier"),
        ("179769313486231590772930519078902473361797697894230657273430081157732675805500963132708477322407536021120113879871393357658789768814416622492847430639474124377767893424865485276302219601246094119453082952085005768838150682342462881473913110540827237163350510684586298239947245938479716304835356329624224137216", "int", "z", "!ValueError:Negative zero coercion (z) not allowed in integer format specifier"),
        ("65", "int", "z", "!ValueError:Negative zero coercion (z) not allowed in integer format specifier"),
        ("-5", "int", "e", "-5.000000e+00"),
        ("9223372036854775807", "int", "e", "9.223372e+18"),
        ("-1234567", "int", "e", "-1.234567e+06"),
        ("1", "int", "e", "1.000000e+00"),
        ("65", "int", "e", "6.500000e+01"),
        ("-1234567", "int", ".2e", "-1.23e+06"),
        ("1114112", "int", ".2e", "1.11e+06"),
        ("9223372036854775807", "int", ".2e", "9.22e+18"),
        ("5", "int", ".2e", "5.00e+00"),
        ("-1", "int", ".2e", "-1.00e+00"),
        ("1234", "int", "f", "1234.000000"),
        ("123456789", "int", "f", "123456789.000000"),
        ("0", "int", "f", "0.000000"),
        ("-9223372036854775808", "int", "f", "-9223372036854775808.000000"),
        ("65", "int", "f", "65.000000"),
        ("179769313486231590772930519078902473361797697894230657273430081157732675805500963132708477322407536021120113879871393357658789768814416622492847430639474124377767893424865485276302219601246094119453082952085005768838150682342462881473913110540827237163350510684586298239947245938479716304835356329624224137216", "int", ",.2f", "!OverflowError:int too large to convert to float"),
        ("-9223372036854775808", "int", ",.2f", "-9,223,372,036,854,775,808.00"),
        ("1114112", "int", ",.2f", "1,114,112.00"),
        ("-255", "int", ",.2f", "-255.00"),
        ("-1", "int", ",.2f", "-1.00"),
        ("-1234567", "int", "g", "-1.23457e+06"),
        ("42", "int", "g", "42"),
        ("0", "int", "g", "0"),
        ("123456789", "int", "g", "1.23457e+08"),
        ("-1", "int", "g", "-1"),
        ("1234", "int", "%", "123400.000000%"),
        ("-1234567", "int", "%", "-123456700.000000%"),
        ("65", "int", "%", "6500.000000%"),
        ("9007199254740993", "int", "%", "900719925474099200.000000%"),
        ("-1", "int", "%", "-100.000000%"),
        ("9223372036854775807", "int", ".1%", "922337203685477580800.0%"),
        ("-255", "int", ".1%", "-25500.0%"),
        ("-1", "int", ".1%", "-100.0%"),
        ("255", "int", ".1%", "25500.0%"),
        ("-1", "int", ".1%", "-100.0%"),
        ("-1000000000000000000000000000000", "int", "s", "!ValueError:Unknown format code 's' for object of type 'int'"),
        ("42", "int", "s", "!ValueError:Unknown format code 's' for object of type 'int'"),
        ("-9223372036854775808", "int", "s", "!ValueError:Unknown format code 's' for object of type 'int'"),
        ("9223372036854775807", "int", "s", "!ValueError:Unknown format code 's' for object of type 'int'"),
        ("0", "int", "s", "!ValueError:Unknown format code 's' for object of type 'int'"),
        ("-1234567", "int", "abc", "!ValueError:Invalid format specifier 'abc' for object of type 'int'"),
        ("179769313486231590772930519078902473361797697894230657273430081157732675805500963132708477322407536021120113879871393357658789768814416622492847430639474124377767893424865485276302219601246094119453082952085005768838150682342462881473913110540827237163350510684586298239947245938479716304835356329624224137216", "int", "abc", "!ValueError:Invalid format specifier 'abc' for object of type 'int'"),
        ("18446744073709551616", "int", "abc", "!ValueError:Invalid format specifier 'abc' for object of type 'int'"),
        ("1114112", "int", "abc", "!ValueError:Invalid format specifier 'abc' for object of type 'int'"),
        ("-1", "int", "abc", "!ValueError:Invalid format specifier 'abc' for object of type 'int'"),
        ("42", "int", ",_", "!ValueError:Cannot specify both ',' and '_'."),
        ("1234", "int", ",_", "!ValueError:Cannot specify both ',' and '_'."),
        ("255", "int", ",_", "!ValueError:Cannot specify both ',' and '_'."),
        ("5", "int", ",_", "!ValueError:Cannot specify both ',' and '_'."),
        ("65", "int", ",_", "!ValueError:Cannot specify both ',' and '_'."),
        ("42", "int", "_,", "!ValueError:Cannot specify both ',' and '_'."),
        ("-255", "int", "_,", "!ValueError:Cannot specify both ',' and '_'."),
        ("-1000000000000000000000000000000", "int", "_,", "!ValueError:Cannot specify both ',' and '_'."),
        ("5", "int", "_,", "!ValueError:Cannot specify both ',' and '_'."),
        ("65", "int", "_,", "!ValueError:Cannot specify both ',' and '_'."),
        ("5", "int", ".", "!ValueError:Format specifier missing precision"),
        ("18446744073709551616", "int", ".", "!ValueError:Format specifier missing precision"),
        ("-1234567", "int", ".", "!ValueError:Format specifier missing precision"),
        ("1", "int", ".", "!ValueError:Format specifier missing precision"),
        ("1180591620717411303424", "int", ".", "!ValueError:Format specifier missing precision"),
        ("-1234567", "int", "\u{1}", "!ValueError:Unknown format code '\\x1' for object of type 'int'"),
        ("9223372036854775807", "int", "\u{1}", "!ValueError:Unknown format code '\\x1' for object of type 'int'"),
        ("0", "int", "\u{1}", "!ValueError:Unknown format code '\\x1' for object of type 'int'"),
        ("5", "int", "\u{1}", "!ValueError:Unknown format code '\\x1' for object of type 'int'"),
        ("1180591620717411303424", "int", "\u{1}", "!ValueError:Unknown format code '\\x1' for object of type 'int'"),
        ("9223372036854775807", "int", "\u{e9}>6", "9223372036854775807"),
        ("0", "int", "\u{e9}>6", "\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}0"),
        ("9007199254740993", "int", "\u{e9}>6", "9007199254740993"),
        ("123456789", "int", "\u{e9}>6", "123456789"),
        ("-1", "int", "\u{e9}>6", "\u{e9}\u{e9}\u{e9}\u{e9}-1"),
        ("-1234567", "int", "\u{661}\u{660}", "  -1234567"),
        ("1114112", "int", "\u{661}\u{660}", "   1114112"),
        ("9223372036854775807", "int", "\u{661}\u{660}", "9223372036854775807"),
        ("42", "int", "\u{661}\u{660}", "        42"),
        ("-1", "int", "\u{661}\u{660}", "        -1"),
        ("1114111", "int", "0=10_", "01_114_111"),
        ("1", "int", "0=10_", "00_000_001"),
        ("-1000000000000000000000000000000", "int", "0=10_", "-1_000_000_000_000_000_000_000_000_000_000"),
        ("1114112", "int", "0=10_", "01_114_112"),
        ("65", "int", "0=10_", "00_000_065"),
        ("42", "int", "#_X", "0X2A"),
        ("0", "int", "#_X", "0X0"),
        ("1114111", "int", "#_X", "0X10_FFFF"),
        ("255", "int", "#_X", "0XFF"),
        ("0", "int", "#_X", "0X0"),
        ("-9223372036854775808", "int", "10000000000000000000000", "!ValueError:Too many decimal digits in format string"),
        ("-987654321012", "int", "10000000000000000000000", "!ValueError:Too many decimal digits in format string"),
        ("1114111", "int", "10000000000000000000000", "!ValueError:Too many decimal digits in format string"),
        ("42", "int", "10000000000000000000000", "!ValueError:Too many decimal digits in format string"),
        ("65", "int", "10000000000000000000000", "!ValueError:Too many decimal digits in format string"),
        ("1", "int", "+", "+1"),
        ("5", "int", "+", "+5"),
        ("1234", "int", "+", "+1234"),
        ("0", "int", "+", "+0"),
        ("-1", "int", "+", "-1"),
        ("-1000000000000000000000000000000", "int", " ", "-1000000000000000000000000000000"),
        ("179769313486231590772930519078902473361797697894230657273430081157732675805500963132708477322407536021120113879871393357658789768814416622492847430639474124377767893424865485276302219601246094119453082952085005768838150682342462881473913110540827237163350510684586298239947245938479716304835356329624224137216", "int", " ", " 179769313486231590772930519078902473361797697894230657273430081157732675805500963132708477322407536021120113879871393357658789768814416622492847430639474124377767893424865485276302219601246094119453082952085005768838150682342462881473913110540827237163350510684586298239947245938479716304835356329624224137216"),
        ("0", "int", " ", " 0"),
        ("-9223372036854775808", "int", " ", "-9223372036854775808"),
        ("0", "int", " ", " 0"),
        ("123456789", "int", "-", "123456789"),
        ("42", "int", "-", "42"),
        ("179769313486231590772930519078902473361797697894230657273430081157732675805500963132708477322407536021120113879871393357658789768814416622492847430639474124377767893424865485276302219601246094119453082952085005768838150682342462881473913110540827237163350510684586298239947245938479716304835356329624224137216", "int", "-", "179769313486231590772930519078902473361797697894230657273430081157732675805500963132708477322407536021120113879871393357658789768814416622492847430639474124377767893424865485276302219601246094119453082952085005768838150682342462881473913110540827237163350510684586298239947245938479716304835356329624224137216"),
        ("9007199254740993", "int", "-", "9007199254740993"),
        ("1180591620717411303424", "int", "-", "1180591620717411303424"),
        ("-5", "int", "#", "-5"),
        ("1114111", "int", "#", "1114111"),
        ("-1000000000000000000000000000000", "int", "#", "-1000000000000000000000000000000"),
        ("1000000000000000000000000000000", "int", "#", "1000000000000000000000000000000"),
        ("65", "int", "#", "65"),
        ("1114112", "int", "#o", "0o4200000"),
        ("9007199254740993", "int", "#o", "0o400000000000000001"),
        ("-9223372036854775808", "int", "#o", "-0o1000000000000000000000"),
        ("1000000000000000000000000000000", "int", "#o", "0o1447626234640431647336510000000000"),
        ("-1", "int", "#o", "-0o1"),
        ("1114112", "int", "-#o", "0o4200000"),
        ("5", "int", "-#o", "0o5"),
        ("1000000000000000000000000000000", "int", "-#o", "0o1447626234640431647336510000000000"),
        ("179769313486231590772930519078902473361797697894230657273430081157732675805500963132708477322407536021120113879871393357658789768814416622492847430639474124377767893424865485276302219601246094119453082952085005768838150682342462881473913110540827237163350510684586298239947245938479716304835356329624224137216", "int", "-#o", "0o200000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"),
        ("1180591620717411303424", "int", "-#o", "0o200000000000000000000000"),
        ("-1234567", "int", " #X", "-0X12D687"),
        ("1114112", "int", " #X", " 0X110000"),
        ("-987654321012", "int", " #X", "-0XE5F4C8F374"),
        ("5", "int", " #X", " 0X5"),
        ("1180591620717411303424", "int", " #X", " 0X400000000000000000"),
        ("-1", "int", ",x", "!ValueError:Cannot specify ',' with 'x'."),
        ("65", "int", ",x", "!ValueError:Cannot specify ',' with 'x'."),
        ("123456789", "int", ",x", "!ValueError:Cannot specify ',' with 'x'."),
        ("-1234567", "int", ",x", "!ValueError:Cannot specify ',' with 'x'."),
        ("65", "int", ",x", "!ValueError:Cannot specify ',' with 'x'."),
        ("-987654321012", "int", "_n", "!ValueError:Cannot specify '_' with 'n'."),
        ("179769313486231590772930519078902473361797697894230657273430081157732675805500963132708477322407536021120113879871393357658789768814416622492847430639474124377767893424865485276302219601246094119453082952085005768838150682342462881473913110540827237163350510684586298239947245938479716304835356329624224137216", "int", "_n", "!ValueError:Cannot specify '_' with 'n'."),
        ("-5", "int", "_n", "!ValueError:Cannot specify '_' with 'n'."),
        ("-9223372036854775808", "int", "_n", "!ValueError:Cannot specify '_' with 'n'."),
        ("-1", "int", "_n", "!ValueError:Cannot specify '_' with 'n'."),
        ("-1", "int", ">+#15_b", "           -0b1"),
        ("255", "int", ">+#15_b", "   +0b1111_1111"),
        ("-255", "int", ">+#15_b", "   -0b1111_1111"),
        ("1234", "int", ">+#15_b", "+0b100_1101_0010"),
        ("65", "int", ">+#15_b", "    +0b100_0001"),
        ("9223372036854775807", "int", "G", "9.22337E+18"),
        ("9007199254740993", "int", "G", "9.0072E+15"),
        ("5", "int", "G", "5"),
        ("-987654321012", "int", "G", "-9.87654E+11"),
        ("0", "int", "G", "0"),
        ("-9223372036854775808", "int", "E", "-9.223372E+18"),
        ("0", "int", "E", "0.000000E+00"),
        ("42", "int", "E", "4.200000E+01"),
        ("9223372036854775807", "int", "E", "9.223372E+18"),
        ("0", "int", "E", "0.000000E+00"),
        ("123456789", "int", "020,", "0,000,000,123,456,789"),
        ("5", "int", "020,", "0,000,000,000,000,005"),
        ("9007199254740993", "int", "020,", "9,007,199,254,740,993"),
        ("18446744073709551616", "int", "020,", "18,446,744,073,709,551,616"),
        ("0", "int", "020,", "0,000,000,000,000,000"),
        ("18446744073709551616", "int", "=", "18446744073709551616"),
        ("1114111", "int", "=", "1114111"),
        ("9223372036854775807", "int", "=", "9223372036854775807"),
        ("42", "int", "=", "42"),
        ("0", "int", "=", "0"),
        ("1", "int", "^", "1"),
        ("-987654321012", "int", "^", "-987654321012"),
        ("9223372036854775807", "int", "^", "9223372036854775807"),
        ("-255", "int", "^", "-255"),
        ("0", "int", "^", "0"),
        ("1", "int", "0", "1"),
        ("-1", "int", "0", "-1"),
        ("1114112", "int", "0", "1114112"),
        ("0", "int", "0", "0"),
        ("65", "int", "0", "65"),
        ("-1234567", "int", "0^9", "-12345670"),
        ("179769313486231590772930519078902473361797697894230657273430081157732675805500963132708477322407536021120113879871393357658789768814416622492847430639474124377767893424865485276302219601246094119453082952085005768838150682342462881473913110540827237163350510684586298239947245938479716304835356329624224137216", "int", "0^9", "179769313486231590772930519078902473361797697894230657273430081157732675805500963132708477322407536021120113879871393357658789768814416622492847430639474124377767893424865485276302219601246094119453082952085005768838150682342462881473913110540827237163350510684586298239947245938479716304835356329624224137216"),
        ("1234", "int", "0^9", "001234000"),
        ("1000000000000000000000000000000", "int", "0^9", "1000000000000000000000000000000"),
        ("65", "int", "0^9", "000650000"),
        ("1", "int", "x^9,", "xxxx1xxxx"),
        ("-1234567", "int", "x^9,", "-1,234,567"),
        ("9007199254740993", "int", "x^9,", "9,007,199,254,740,993"),
        ("-5", "int", "x^9,", "xxx-5xxxx"),
        ("65", "int", "x^9,", "xxx65xxxx"),
        ("5", "int", ",c", "!ValueError:Cannot specify ',' with 'c'."),
        ("65", "int", ",c", "!ValueError:Cannot specify ',' with 'c'."),
        ("-987654321012", "int", ",c", "!ValueError:Cannot specify ',' with 'c'."),
        ("-1234567", "int", ",c", "!ValueError:Cannot specify ',' with 'c'."),
        ("0", "int", ",c", "!ValueError:Cannot specify ',' with 'c'."),
        ("1234", "int", "_c", "!ValueError:Cannot specify '_' with 'c'."),
        ("-987654321012", "int", "_c", "!ValueError:Cannot specify '_' with 'c'."),
        ("42", "int", "_c", "!ValueError:Cannot specify '_' with 'c'."),
        ("1114112", "int", "_c", "!ValueError:Cannot specify '_' with 'c'."),
        ("65", "int", "_c", "!ValueError:Cannot specify '_' with 'c'."),
        ("179769313486231590772930519078902473361797697894230657273430081157732675805500963132708477322407536021120113879871393357658789768814416622492847430639474124377767893424865485276302219601246094119453082952085005768838150682342462881473913110540827237163350510684586298239947245938479716304835356329624224137216", "int", "\u{ff11}\u{ff10}", "179769313486231590772930519078902473361797697894230657273430081157732675805500963132708477322407536021120113879871393357658789768814416622492847430639474124377767893424865485276302219601246094119453082952085005768838150682342462881473913110540827237163350510684586298239947245938479716304835356329624224137216"),
        ("-255", "int", "\u{ff11}\u{ff10}", "      -255"),
        ("-1", "int", "\u{ff11}\u{ff10}", "        -1"),
        ("18446744073709551616", "int", "\u{ff11}\u{ff10}", "18446744073709551616"),
        ("0", "int", "\u{ff11}\u{ff10}", "         0"),
        ("5", "int", "zd", "!ValueError:Negative zero coercion (z) not allowed in integer format specifier"),
        ("123456789", "int", "zd", "!ValueError:Negative zero coercion (z) not allowed in integer format specifier"),
        ("42", "int", "zd", "!ValueError:Negative zero coercion (z) not allowed in integer format specifier"),
        ("9007199254740993", "int", "zd", "!ValueError:Negative zero coercion (z) not allowed in integer format specifier"),
        ("0", "int", "zd", "!ValueError:Negative zero coercion (z) not allowed in integer format specifier"),
        ("65", "int", "z.2f", "65.00"),
        ("-5", "int", "z.2f", "-5.00"),
        ("1114111", "int", "z.2f", "1114111.00"),
        ("255", "int", "z.2f", "255.00"),
        ("-1", "int", "z.2f", "-1.00"),
        ("1", "bool", "d", "1"),
        ("0", "bool", "d", "0"),
        ("1", "bool", "d", "1"),
        ("0", "bool", "d", "0"),
        ("1", "bool", "s", "!ValueError:Unknown format code 's' for object of type 'bool'"),
        ("0", "bool", "s", "!ValueError:Unknown format code 's' for object of type 'bool'"),
        ("1", "bool", ">5", "    1"),
        ("0", "bool", ">5", "    0"),
        ("1", "bool", "f", "1.000000"),
        ("0", "bool", "f", "0.000000"),
        ("1", "bool", "x", "1"),
        ("0", "bool", "x", "0"),
        ("1", "bool", "c", "\u{1}"),
        ("0", "bool", "c", "\u{0}"),
        ("1", "bool", ",", "1"),
        ("0", "bool", ",", "0"),
        ("1", "bool", "^7.2%", "100.00%"),
        ("0", "bool", "^7.2%", " 0.00% "),
        ("-8998111275971946502", "int", ",b", "!ValueError:Cannot specify ',' with 'b'."),
        ("-2696807538942567311668686789860495950640", "int", " 0F", "-2696807538942567173180923305238978363392.000000"),
        ("-685050166246963382", "int", "028o", "-000000046016227744436174266"),
        ("-233360872978230819245306113769825405354", "int", " >z,b", "!ValueError:Cannot specify ',' with 'b'."),
        ("17702271570083653738", "int", "28x", "            f5ab1a33cc55286a"),
        ("-9621328236542604980230858906162187175215", "int", "=0b", "-1110001000110010010000110101001100001101110000011110110001001000100110101011111000000101100000010100101000000111001111000010100101111"),
        ("240241", "int", "+019,b", "!ValueError:Cannot specify ',' with 'b'."),
        ("-12862040754162383896", "int", "=29o", "-      1311771136557634436030"),
        ("-5518331590098776624436523635111048237055", "int", "+0E", "-5.518332E+39"),
        ("287504614421575166945994208342304660438", "int", "=<27.1b", "!ValueError:Precision not allowed in integer format specifier"),
        ("-4920850334358232685428291492272862508005", "int", "=07G", "-4.92085E+39"),
        ("-16792528042640991787", "int", "#", "-16792528042640991787"),
        ("-308996", "int", "+4b", "-1001011011100000100"),
        ("-5045108234327894480", "int", " .17X", "!ValueError:Precision not allowed in integer format specifier"),
        ("-1602863539448629854172197185867920506093", "int", "0", "-1602863539448629854172197185867920506093"),
        ("-480167604783734243", "int", ">#013.0", "!ValueError:Precision not allowed in integer format specifier"),
        ("-3131244986805783648", "int", ">0%", "-313124498680578375680.000000%"),
        ("-7445889435987271528520568401056287363985", "int", "#x", "-0x15e1aa248a60350261d774843b9e171391"),
        ("-9169601555920221280750162044772504378420", "int", "+14E", " -9.169602E+39"),
        ("7419779859253038687865212842030808259929", "int", "#6F", "7419779859253038677820925498159420932096.000000"),
        ("8578122153911890222339221855164784039903", "int", ".14c", "!ValueError:Precision not allowed in integer format specifier"),
        ("-3728672685932701677", "int", ".17E", "-3.72867268593270170E+18"),
        ("-1603263843962960551", "int", " 27.1e", "                   -1.6e+18"),
        ("111711", "int", ".1F", "111711.0"),
        ("7614755342676328484305313824014553586323", "int", "<>#F", "7614755342676329021750660704131923050496.000000"),
        ("17544442986733930065", "int", " 0n", " 17544442986733930065"),
        ("-8400812258722314840784874352089593421510", "int", ">#04.17", "!ValueError:Precision not allowed in integer format specifier"),
        ("-7060496864167856282446591341009437798698", "int", "=< 23x", "-14bfba3bb93dba6509151f77fe6521312a"),
        ("6307936909906140825653188781982039249871", "int", "^ #d", " 6307936909906140825653188781982039249871"),
        ("1410318341384134042679793127273931257549", "int", "x=+.2o", "!ValueError:Precision not allowed in integer format specifier"),
        ("169860", "int", ".10", "!ValueError:Precision not allowed in integer format specifier"),
        ("-4615079684917336199", "int", "_=-011b", "-100000000001100000011101000010110001101100111101001100010000111"),
        ("-325253735232651797672272010728551053115", "int", "22d", "-325253735232651797672272010728551053115"),
        ("401872", "int", "==z12,X", "!ValueError:Cannot specify ',' with 'X'."),
        ("-7673335856010305883975996825104451764831", "int", "^z23_G", "     -7.67334E+39      "),
        ("-172797", "int", "7.39n", "!ValueError:Precision not allowed in integer format specifier"),
        ("8620031001510672861936080327834349086029", "int", "-0.0F", "8620031001510672856431857669560086822912"),
        ("4796468876402002495", "int", "=<.6d", "!ValueError:Precision not allowed in integer format specifier"),
        ("-8022537296457267897", "int", "x^28.2E", "xxxxxxxxx-8.02E+18xxxxxxxxxx"),
        ("843546", "int", ">13%", "84354600.000000%"),
        ("802727", "int", "_.17E", "8.02727000000000000E+05"),
        ("-8232633652638703385770129087108058987012", "int", "f", "-8232633652638702988620223608782378237952.000000"),
        ("16316059477479678922", "int", "27d", "       16316059477479678922"),
        ("-9190537187368199426681957451081708977074", "int", "24X", "-1B023113D183AF485BC4D63A98C557BBB2"),
        ("-7859652891630720986041352399363383905949", "int", "z15_x", "!ValueError:Negative zero coercion (z) not allowed in integer format specifier"),
        ("2901393579587837186997573653199676323744", "int", "-,.17d", "!ValueError:Precision not allowed in integer format specifier"),
        ("625220", "int", "-_G", "625_220"),
        ("412252", "int", ",^z4E", "4.122520E+05"),
        ("2791342680372940045575690717468949295974", "int", "0n", "2791342680372940045575690717468949295974"),
        ("4118182291283967383338104399784778142044", "int", "z14%", "411818229128396721024043694108611134357504.000000%"),
        ("1731817256887240188315191398478328266750", "int", "+24_", "+1_731_817_256_887_240_188_315_191_398_478_328_266_750"),
        ("4680721309585308820", "int", " =-.0", "!ValueError:Precision not allowed in integer format specifier"),
        ("223417", "int", ">.6E", "2.234170E+05"),
        ("-5931463183338206361982522102987978810231", "int", "#o", "-0o105562544060137412410626652336676654567321567"),
        ("-2901445464940103387333698061788084351437", "int", "", "-2901445464940103387333698061788084351437"),
        ("-13349960693183889447", "int", "_^z10.10G", "-1.334996069E+19"),
        ("458549", "int", "0.6b", "!ValueError:Precision not allowed in integer format specifier"),
        ("14778976364835802470", "int", "-#,.1X", "!ValueError:Cannot specify ',' with 'X'."),
        ("-331170", "int", " =-7%", "-33117000.000000%"),
        ("-760221355354720004879498327210018531169", "int", ">0,F", "-760,221,355,354,720,042,036,706,045,617,456,021,504.000000"),
    ];

    // Generated with CPython 3.11.7 (format(s, spec)); (value, spec, expected or !Error:msg).
    #[rustfmt::skip]
    const STR_CASES: &[(&str, &str, &str)] = &[
        ("\u{e9}\u{20ac}\u{1f600}", "", "\u{e9}\u{20ac}\u{1f600}"),
        ("x", "", "x"),
        ("abc", "", "abc"),
        ("\u{e9}\u{20ac}\u{1f600}", "s", "\u{e9}\u{20ac}\u{1f600}"),
        ("hello world", "s", "hello world"),
        ("abc", "s", "abc"),
        ("", "5", "     "),
        ("\u{e9}\u{20ac}\u{1f600}", "5", "\u{e9}\u{20ac}\u{1f600}  "),
        ("x", "5", "x    "),
        ("", "<5", "     "),
        ("\u{e9}\u{20ac}\u{1f600}", "<5", "\u{e9}\u{20ac}\u{1f600}  "),
        ("x", "<5", "x    "),
        ("abc", ">5", "  abc"),
        ("", ">5", "     "),
        ("x", ">5", "    x"),
        ("x", "^6", "  x   "),
        ("abc", "^6", " abc  "),
        ("", "^6", "      "),
        ("", "^7", "       "),
        ("abc", "^7", "  abc  "),
        ("x", "^7", "   x   "),
        ("hello world", "*^9", "hello world"),
        ("\u{e9}\u{20ac}\u{1f600}", "*^9", "***\u{e9}\u{20ac}\u{1f600}***"),
        ("", "*^9", "*********"),
        ("x", ".2", "x"),
        ("hello world", ".2", "he"),
        ("", ".2", ""),
        ("abc", "10.2", "ab        "),
        ("", "10.2", "          "),
        ("hello world", "10.2", "he        "),
        ("", "05", "00000"),
        ("hello world", "05", "hello world"),
        ("x", "05", "x0000"),
        ("\u{e9}\u{20ac}\u{1f600}", "0>5", "00\u{e9}\u{20ac}\u{1f600}"),
        ("x", "0>5", "0000x"),
        ("", "0>5", "00000"),
        ("abc", "=5", "!ValueError:'=' alignment not allowed in string format specifier"),
        ("hello world", "=5", "!ValueError:'=' alignment not allowed in string format specifier"),
        ("\u{e9}\u{20ac}\u{1f600}", "=5", "!ValueError:'=' alignment not allowed in string format specifier"),
        ("", "+", "!ValueError:Sign not allowed in string format specifier"),
        ("abc", "+", "!ValueError:Sign not allowed in string format specifier"),
        ("x", "+", "!ValueError:Sign not allowed in string format specifier"),
        ("\u{e9}\u{20ac}\u{1f600}", " ", "!ValueError:Space not allowed in string format specifier"),
        ("", " ", "!ValueError:Space not allowed in string format specifier"),
        ("x", " ", "!ValueError:Space not allowed in string format specifier"),
        ("\u{e9}\u{20ac}\u{1f600}", "-", "!ValueError:Sign not allowed in string format specifier"),
        ("x", "-", "!ValueError:Sign not allowed in string format specifier"),
        ("hello world", "-", "!ValueError:Sign not allowed in string format specifier"),
        ("x", "z", "!ValueError:Negative zero coercion (z) not allowed in string format specifier"),
        ("hello world", "z", "!ValueError:Negative zero coercion (z) not allowed in string format specifier"),
        ("", "z", "!ValueError:Negative zero coercion (z) not allowed in string format specifier"),
        ("\u{e9}\u{20ac}\u{1f600}", "#", "!ValueError:Alternate form (#) not allowed in string format specifier"),
        ("hello world", "#", "!ValueError:Alternate form (#) not allowed in string format specifier"),
        ("", "#", "!ValueError:Alternate form (#) not allowed in string format specifier"),
        ("x", ",", "!ValueError:Cannot specify ',' with 's'."),
        ("abc", ",", "!ValueError:Cannot specify ',' with 's'."),
        ("\u{e9}\u{20ac}\u{1f600}", ",", "!ValueError:Cannot specify ',' with 's'."),
        ("abc", "_", "!ValueError:Cannot specify '_' with 's'."),
        ("", "_", "!ValueError:Cannot specify '_' with 's'."),
        ("x", "_", "!ValueError:Cannot specify '_' with 's'."),
        ("", "d", "!ValueError:Unknown format code 'd' for object of type 'str'"),
        ("x", "d", "!ValueError:Unknown format code 'd' for object of type 'str'"),
        ("abc", "d", "!ValueError:Unknown format code 'd' for object of type 'str'"),
        ("", "x<8s", "xxxxxxxx"),
        ("hello world", "x<8s", "hello world"),
        ("abc", "x<8s", "abcxxxxx"),
        ("", ".0", ""),
        ("\u{e9}\u{20ac}\u{1f600}", ".0", ""),
        ("hello world", ".0", ""),
        ("\u{e9}\u{20ac}\u{1f600}", "\u{e9}^5", "\u{e9}\u{e9}\u{20ac}\u{1f600}\u{e9}"),
        ("hello world", "\u{e9}^5", "hello world"),
        ("x", "\u{e9}^5", "\u{e9}\u{e9}x\u{e9}\u{e9}"),
        ("x", ".", "!ValueError:Format specifier missing precision"),
        ("", ".", "!ValueError:Format specifier missing precision"),
        ("\u{e9}\u{20ac}\u{1f600}", ".", "!ValueError:Format specifier missing precision"),
        ("", "+5", "!ValueError:Sign not allowed in string format specifier"),
        ("\u{e9}\u{20ac}\u{1f600}", "+5", "!ValueError:Sign not allowed in string format specifier"),
        ("hello world", "+5", "!ValueError:Sign not allowed in string format specifier"),
        ("\u{e9}\u{20ac}\u{1f600}", "#5", "!ValueError:Alternate form (#) not allowed in string format specifier"),
        ("", "#5", "!ValueError:Alternate form (#) not allowed in string format specifier"),
        ("hello world", "#5", "!ValueError:Alternate form (#) not allowed in string format specifier"),
        ("x", "0=5", "!ValueError:'=' alignment not allowed in string format specifier"),
        ("", "0=5", "!ValueError:'=' alignment not allowed in string format specifier"),
        ("abc", "0=5", "!ValueError:'=' alignment not allowed in string format specifier"),
        ("x", ".100", "x"),
        ("\u{e9}\u{20ac}\u{1f600}", ".100", "\u{e9}\u{20ac}\u{1f600}"),
        ("hello world", ".100", "hello world"),
        ("", "^", ""),
        ("abc", "^", "abc"),
        ("x", "^", "x"),
        ("\u{e9}\u{20ac}\u{1f600}", "2.1s", "\u{e9} "),
        ("", "2.1s", "  "),
        ("hello world", "2.1s", "h "),
        ("abc", "S", "!ValueError:Unknown format code 'S' for object of type 'str'"),
        ("x", "S", "!ValueError:Unknown format code 'S' for object of type 'str'"),
        ("\u{e9}\u{20ac}\u{1f600}", "S", "!ValueError:Unknown format code 'S' for object of type 'str'"),
        ("", "abc", "!ValueError:Invalid format specifier 'abc' for object of type 'str'"),
        ("hello world", "abc", "!ValueError:Invalid format specifier 'abc' for object of type 'str'"),
        ("\u{e9}\u{20ac}\u{1f600}", "abc", "!ValueError:Invalid format specifier 'abc' for object of type 'str'"),
        ("hello world", "\u{663}", "hello world"),
        ("", "\u{663}", "   "),
        ("abc", "\u{663}", "abc"),
        ("\u{e9}\u{20ac}\u{1f600}", "x^0", "\u{e9}\u{20ac}\u{1f600}"),
        ("x", "x^0", "x"),
        ("abc", "x^0", "abc"),
    ];

    // Generated with CPython 3.11.7 (fmt % args); (fmt, args, expected or !Error:msg).
    #[rustfmt::skip]
    const PERCENT_CASES: &[(&str, &[A], &str)] = &[
        ("%d", &[I("5")], "5"),
        ("%5d", &[I("-3")], "   -3"),
        ("%-5d|", &[I("-3")], "-3   |"),
        ("%05d", &[I("-3")], "-0003"),
        ("%+d", &[I("3")], "+3"),
        ("% d", &[I("3")], " 3"),
        ("%+ d", &[I("3")], "+3"),
        ("%x", &[I("255")], "ff"),
        ("%#x", &[I("255")], "0xff"),
        ("%#X", &[I("255")], "0XFF"),
        ("%#o", &[I("8")], "0o10"),
        ("%o", &[I("-8")], "-10"),
        ("%#x", &[I("-255")], "-0xff"),
        ("%#.5x", &[I("-255")], "-0x000ff"),
        ("%#10.5x", &[I("-255")], "  -0x000ff"),
        ("%#010x", &[I("-255")], "-0x00000ff"),
        ("%#-10x|", &[I("255")], "0xff      |"),
        ("%.3d", &[I("7")], "007"),
        ("%.0d", &[I("0")], "0"),
        ("%5.3d", &[I("-7")], " -007"),
        ("%i %u", &[I("1"), I("2")], "1 2"),
        ("%d", &[F(0x400d99999999999a)], "3"),
        ("%d", &[F(0xc00d99999999999a)], "-3"),
        ("%x", &[F(0x4008000000000000)], "!TypeError:%x format: an integer is required, not float"),
        ("%d", &[S("x")], "!TypeError:%d format: a real number is required, not str"),
        ("%x", &[S("x")], "!TypeError:%x format: an integer is required, not str"),
        ("%o", &[F(0x3ff8000000000000)], "!TypeError:%o format: an integer is required, not float"),
        ("%d", &[F(0x7ff0000000000000)], "!OverflowError:cannot convert float infinity to integer"),
        ("%d", &[F(0x7ff8000000000000)], "!ValueError:cannot convert float NaN to integer"),
        ("%d", &[I("1000000000000000000000000000000")], "1000000000000000000000000000000"),
        ("%X", &[I("1267650600228229401496703205376")], "10000000000000000000000000"),
        ("%f", &[F(0x3ff8000000000000)], "1.500000"),
        ("%.2f", &[F(0x4005666666666666)], "2.67"),
        ("%e", &[F(0x40c81cd6c8b43958)], "1.234568e+04"),
        ("%E", &[F(0x3ddb7cdfd9d7bdbb)], "1.000000E-10"),
        ("%g", &[F(0x3ee4f8b588e368f1)], "1e-05"),
        ("%g", &[F(0x419d6f3454000000)], "1.23457e+08"),
        ("%G", &[F(0x54b249ad2594c37d)], "1E+100"),
        ("%.0f", &[F(0x3fe0000000000000)], "0"),
        ("%.0f", &[F(0x3ff8000000000000)], "2"),
        ("%#.0f", &[F(0x4000000000000000)], "2."),
        ("%#g", &[F(0x3ff0000000000000)], "1.00000"),
        ("%.0e", &[F(0x40c81c8000000000)], "1e+04"),
        ("%+f", &[F(0x7ff8000000000000)], "+nan"),
        ("%010f", &[F(0x7ff0000000000000)], "0000000inf"),
        ("%-10f|", &[F(0xfff0000000000000)], "-inf      |"),
        ("%F", &[F(0x7ff0000000000000)], "INF"),
        ("%+.3e", &[F(0x0000000000000000)], "+0.000e+00"),
        ("%f", &[F(0x8000000000000000)], "-0.000000"),
        ("%010.3f", &[F(0xc00921f9f01b866e)], "-00003.142"),
        ("% f", &[F(0x3ff0000000000000)], " 1.000000"),
        ("%f", &[I("100000000000000000000")], "100000000000000000000.000000"),
        ("%e", &[I("10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000")], "!OverflowError:int too large to convert to float"),
        ("%f", &[S("x")], "!TypeError:must be real number, not str"),
        ("%.1000f", &[F(0x01a56e1fc2f8f359)], "0.0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000010000000000000000250590918352087596856961468077037052499253423199004660431840514846763028121819501008949623062702782541489103114649988041308122460916061901827194266279345842755104147827870150702226392606037936139243597750940301438661414791255135908825910173416922229212204049186218220291556195418594185258832620409283163178720501540199698661694898041067655794243192165254180873224255430058507393834020333099315764646743363847906553166172481259959859490629378249375961717786188879297047653054233513471041822963756663795076749714785423658979515204489204917602528975670926176708182492472010563233775561653805064365381258305022465963115930056323650792902539887815381155401398600958797808116743280493635963"),
        ("%g", &[F(0x3f1a36e2eb1c432d)], "0.0001"),
        ("%.3g", &[F(0x40934a0000000000)], "1.23e+03"),
        ("%.20g", &[F(0x3fb999999999999a)], "0.10000000000000000555"),
        ("%.0g", &[F(0x402e000000000000)], "2e+01"),
        ("%#.0g", &[F(0x402e000000000000)], "2.e+01"),
        ("%s", &[S("abc")], "abc"),
        ("%5s|", &[S("ab")], "   ab|"),
        ("%-5s|", &[S("ab")], "ab   |"),
        ("%.1s", &[S("abc")], "a"),
        ("%5.1s|", &[S("abc")], "    a|"),
        ("%05s", &[S("ab")], "   ab"),
        ("%s", &[F(0x3ff0000000000000)], "1.0"),
        ("%s", &[I("100000000000000000000")], "100000000000000000000"),
        ("%r", &[F(0x4341c37937e08000)], "1e+16"),
        ("%a", &[I("5")], "5"),
        ("%.2r", &[I("12345")], "12"),
        ("%s", &[S("\u{e9}\u{20ac}")], "\u{e9}\u{20ac}"),
        ("%3s|", &[S("\u{e9}")], "  \u{e9}|"),
        ("%.1s", &[S("\u{1f600}x")], "\u{1f600}"),
        ("%c", &[I("65")], "A"),
        ("%c", &[S("x")], "x"),
        ("%5c", &[I("65")], "    A"),
        ("%-5c|", &[S("\u{e9}")], "\u{e9}    |"),
        ("%.0c", &[S("a")], "a"),
        ("%c", &[I("-1")], "!OverflowError:%c arg not in range(0x110000)"),
        ("%c", &[I("1114112")], "!OverflowError:%c arg not in range(0x110000)"),
        ("%c", &[I("1180591620717411303424")], "!OverflowError:%c arg not in range(0x110000)"),
        ("%c", &[S("ab")], "!TypeError:%c requires int or char"),
        ("%c", &[F(0x3ff8000000000000)], "!TypeError:%c requires int or char"),
        ("%05c", &[I("66")], "    B"),
        ("%c", &[I("128512")], "\u{1f600}"),
        ("%*d", &[I("5"), I("1")], "    1"),
        ("%*d|", &[I("-5"), I("1")], "1    |"),
        ("%-*d|", &[I("5"), I("1")], "1    |"),
        ("%.*f", &[I("2"), F(0x400921f9f01b866e)], "3.14"),
        ("%.*f", &[I("-3"), F(0x400921f9f01b866e)], "3"),
        ("%*.*f", &[I("8"), I("2"), F(0x400921f9f01b866e)], "    3.14"),
        ("%*d", &[S("a"), I("1")], "!TypeError:* wants int"),
        ("%.*d", &[S("a"), I("1")], "!TypeError:* wants int"),
        ("%*d", &[I("1180591620717411303424"), I("1")], "!OverflowError:Python int too large to convert to C ssize_t"),
        ("%.*d", &[I("1099511627776"), I("1")], "!OverflowError:Python int too large to convert to C int"),
        ("%%", &[], "%"),
        ("100%%", &[], "100%"),
        ("%d%%", &[I("5")], "5%"),
        ("%s %s", &[I("1")], "!TypeError:not enough arguments for format string"),
        ("%s", &[I("1"), I("2")], "!TypeError:not all arguments converted during string formatting"),
        ("", &[], ""),
        ("abc", &[], "abc"),
        ("abc", &[I("1")], "!TypeError:not all arguments converted during string formatting"),
        ("%", &[], "!ValueError:incomplete format"),
        ("%5", &[I("1")], "!ValueError:incomplete format"),
        ("%-", &[I("1")], "!ValueError:incomplete format"),
        ("%.", &[I("1")], "!ValueError:incomplete format"),
        ("%(a", &[], "!TypeError:format requires a mapping"),
        ("%(a)s", &[I("1")], "!TypeError:format requires a mapping"),
        ("%y", &[I("1")], "!ValueError:unsupported format character 'y' (0x79) at index 1"),
        ("%5%", &[I("1")], "!ValueError:unsupported format character '%' (0x25) at index 2"),
        ("%\u{e9}", &[I("1")], "!ValueError:unsupported format character '?' (0xe9) at index 1"),
        ("ab\u{e9}%k", &[I("1")], "!ValueError:unsupported format character 'k' (0x6b) at index 4"),
        ("%\u{1f}", &[I("1")], "!ValueError:unsupported format character '\u{1f}' (0x1f) at index 1"),
        ("%hd %ld %Lf", &[I("1"), I("2"), F(0x4008000000000000)], "1 2 3.000000"),
        ("%hh", &[I("1")], "!ValueError:unsupported format character 'h' (0x68) at index 2"),
        ("%99999999999999999999d", &[I("1")], "!ValueError:width too big"),
        ("%.2147483648d", &[I("1")], "!ValueError:precision too big"),
        ("%.2147483646d", &[I("1")], "!OverflowError:precision too large"),
        ("%d %s %r", &[I("1"), S("two"), F(0x400c000000000000)], "1 two 3.5"),
        ("%-+06d|", &[I("42")], "+42   |"),
        ("%0-6d|", &[I("42")], "42    |"),
        ("%+06.2f", &[F(0xbff8000000000000)], "-01.50"),
        ("% 06.2f", &[F(0x3ff8000000000000)], " 01.50"),
        ("%#o", &[I("0")], "0o0"),
        ("%#x", &[I("0")], "0x0"),
        ("%x", &[I("0")], "0"),
        ("%+x", &[I("10")], "+a"),
        ("% #X", &[I("10")], " 0XA"),
        ("%#5o|", &[I("8")], " 0o10|"),
        ("%#05o", &[I("-8")], "-0o10"),
        ("%i", &[I("1")], "1"),
        ("%.3s%.3s", &[S("abcdef"), S("ghijkl")], "abcghi"),
        ("x%sy%sz", &[S("A"), S("B")], "xAyBz"),
        ("%%%-+f %x", &[I("-110629"), F(0xc0cf296c286703e8)], "!TypeError:%x format: an integer is required, not float"),
        ("%0.*cx=%#+0.4d", &[I("10"), I("7616"), I("7765951692929867426")], "\u{1dc0}x=+7765951692929867426"),
        ("\u{e9}%0 cx=%*.13X", &[S("q"), I("-10"), I("-647")], "\u{e9}qx=-0000000000287"),
        ("\u{e9}%.*Fx=%d", &[I("3"), F(0x4304eb71d2ff00bd), F(0xc0e321693bfb5f1f)], "\u{e9}736046704746519.625x=-39179"),
        ("%*gx=%.*f", &[I("13"), I("-569795"), I("-2"), I("-750909")], "      -569795x=-750909"),
        (" %*E%23.11x", &[I("2"), I("807357"), I("-83089873945365013216")], " 8.073570E+05     -4811a881fd17762e0"),
        ("%*.18x%%%19.10x", &[I("1"), F(0xc0a7ad11a45ed3a0), I("-64446727913160805869")], "!TypeError:%x format: an integer is required, not float"),
        ("% .13x %+0E", &[F(0x40c2f844792603b0), F(0x3fd40bcc70af7828)], "!TypeError:%x format: an integer is required, not float"),
        ("\u{e9}%-014.12c", &[I("2061")], "\u{e9}\u{80d}             "),
        ("%+.1x%*c", &[I("461"), I("-3"), S("q")], "+1cdq  "),
        (" %*i", &[I("4"), I("11582222706599202035")], " 11582222706599202035"),
        ("x=%##.*e%.5X", &[I("19"), F(0xbe74e1531f61063a), I("47069678345943687660")], "x=-7.7784711866924207647e-0828D391711DDDEA1EC"),
        ("%#.15i", &[I("439")], "000000000000439"),
        ("%c", &[S("q")], "q"),
        ("%%%.*i", &[I("2"), I("624")], "%624"),
        ("%0c%.16E", &[I("2399"), I("890305")], "\u{95f}8.9030500000000000E+05"),
        ("%.11u", &[F(0x40c86e81d66feab8)], "00000012509"),
        ("%%%-9c", &[S("q")], "%q        "),
        ("%10.2o", &[I("243")], "       363"),
        (" %6fab%i", &[I("-109422"), I("64616090410015976312")], " -109422.000000ab64616090410015976312"),
        ("%.1c%*.10o", &[I("3153"), I("8"), I("-733")], "\u{c51}-0000001335"),
        ("% *.6e", &[I("-3"), F(0xc297a69107a49c49)], "-6.501041e+12"),
        ("ab%6.10x", &[I("128")], "ab0000000080"),
        ("ab%2.*X%-0o", &[I("11"), I("9562813631327763079"), I("495")], "ab84B5F054EC8DFA87757"),
        ("%+0.3ex=%24.2X", &[I("440535"), I("-38218348006504574032")], "+4.405e+05x=      -21262D905BDF6AC50"),
        ("%0*.*d", &[I("16"), I("15"), F(0x40eb635e18e45fec)], "0000000000056090"),
        ("%x", &[F(0xc0dd32a29ea2005c)], "!TypeError:%x format: an integer is required, not float"),
        ("%F", &[I("556719")], "556719.000000"),
        (" %.14ox=%+013u", &[I("-78589210583564446271"), I("91624471045195312945")], " -10412447552215356465077x=+91624471045195312945"),
        (" %.12X", &[I("-15299362182489346147")], " -D45240D871529063"),
        ("x=%+#21d", &[F(0x40ea07d4c6ca0700)], "x=               +53310"),
        ("%19c", &[S("q")], "                  q"),
        ("%+.5e\u{e9}%7s", &[F(0x4185d81b8d6c4cab), I("409431")], "+4.58105e+07\u{e9} 409431"),
        ("ab%s%.*f", &[F(0x411e08e404e617f4), I("-1"), I("809872")], "ab492089.0047839873809872"),
        ("%gab% #17c", &[I("-313256"), I("9976")], "-313256ab                \u{26f8}"),
        (" %+0E", &[F(0xc12cba7ed391d90a)], " -9.413754E+05"),
        ("x=%7.18d%#*g", &[I("468"), I("-11"), F(0xc24926b3406ef388)], "x=000000000000000468-2.16047e+11"),
        ("%d", &[I("-601")], "-601"),
        ("ab%X", &[I("-436")], "ab-1B4"),
        ("%-+f", &[I("-72950")], "-72950.000000"),
        ("%+c%.5f", &[I("5408"), I("570603")], "\u{1520}570603.00000"),
        ("%%%.7xx=%6x", &[I("550"), I("-564")], "%0000226x=  -234"),
        (" %17f", &[F(0xbf808b7e0c923901)], "         -0.008079"),
        ("%+11f", &[F(0xbe75d1a1e293cb99)], "  -0.000000"),
        ("%i%.15u", &[I("680"), I("790")], "680000000000000790"),
        ("ab%+o", &[I("-19960757079767553831")], "ab-2124026654726332113447"),
        ("ab%*.7ix=%.18G", &[I("7"), I("-28486633709361242701"), F(0xc01216861297ba10)], "ab-28486633709361242701x=-4.52199582148615775"),
        ("ab%++G", &[F(0x40df4312832c1d8c)], "ab+32012.3"),
        ("%.13u", &[I("-738")], "-0000000000738"),
        ("%d\u{e9}%x", &[I("15129363151552316364"), F(0xc0ecba735aa975e1)], "!TypeError:%x format: an integer is required, not float"),
        ("%3i", &[I("268")], "268"),
        ("%fx=%e", &[F(0x40f01299ac3a785a), F(0xc06c4792be4b7dae)], "65833.604548x=-2.262367e+02"),
        ("%1.*o", &[I("1"), I("-594")], "-1122"),
        ("%.1s%.12u", &[I("863847"), F(0x40ea60a96c06875c)], "8000000054021"),
        ("%%%-5.*c", &[I("13"), I("5523")], "%\u{1593}    "),
        ("\u{e9}%*f %9s", &[I("-9"), I("-766789"), S("abc\u{e9}")], "\u{e9}-766789.000000      abc\u{e9}"),
        ("ab%*f", &[I("-8"), I("-559217")], "ab-559217.000000"),
        ("%.7d\u{e9}%.*c", &[I("477"), I("10"), S("q")], "0000477\u{e9}q"),
        ("%-0.18f%3.1g", &[I("505997"), I("783793")], "505997.0000000000000000008e+05"),
        ("x=%21.13i", &[F(0x40e5cf1972bbfb14)], "x=        0000000044664"),
        ("\u{e9}%6.7e % 00.4E", &[F(0x4190764ce7dd6e3c), I("-422912")], "\u{e9}6.9047098e+07 -4.2291E+05"),
        ("% 0e", &[F(0x3fe2eb109fc1f00a)], " 5.911945e-01"),
        ("%%%16i", &[I("613")], "%             613"),
        ("%00.0sab%g", &[S("abc\u{e9}"), F(0xc0434e046b202a37)], "ab-38.6095"),
        ("%+*.12s\u{e9}%018.5F", &[I("14"), I("884771"), F(0xbf412dc3aee970e1)], "        884771\u{e9}-00000000000.00052"),
        ("%d", &[I("-39416924178599327677")], "-39416924178599327677"),
        ("ab%17.*Xx=%0o", &[I("1"), F(0x40914c01c5ce7140), F(0xc0dda897d451b120)], "!TypeError:%X format: an integer is required, not float"),
        ("%.9F", &[I("521774")], "521774.000000000"),
        ("%0024.6g% .0X", &[I("-478680"), F(0x40f77ec72728fbb2)], "!TypeError:%X format: an integer is required, not float"),
        ("% s", &[I("-696110")], "-696110"),
        (" % #f", &[F(0x42cecfde0ba12a7d)], "  67756264735316.976562"),
        ("%e", &[F(0x3f764fe6c4e51631)], "5.447294e-03"),
        ("%+0i%00.10x", &[F(0x40f471eebda96794), I("-435")], "+83742-00000001b3"),
        ("%.*g% *x", &[I("14"), F(0xc08db4702373c251), I("-12"), F(0xc0e4e31be94e4923)], "!TypeError:%x format: an integer is required, not float"),
        ("%*.*X\u{e9}%20.16F", &[I("19"), I("-4"), I("89925790031327168497"), I("-990090")], "  4DFF89596139E87F1\u{e9}-990090.0000000000000000"),
        ("%-c %-13.17G", &[I("8856"), I("-229804")], "\u{2298} -229804      "),
        ("% .3o", &[F(0xc0f7da59ad98796f)], "!TypeError:%o format: an integer is required, not float"),
        ("%%%21.9i\u{e9}%1.13u", &[I("220"), F(0x40e631e042d6b0e0)], "%            000000220\u{e9}0000000045455"),
        ("%i", &[F(0xc0ea207745564785)], "-53507"),
        ("ab%#e%8E", &[F(0x3e684b79ead782f1), F(0xc1babcf644c257da)], "ab4.525265e-08-4.485914E+08"),
        ("%18x", &[I("830")], "               33e"),
        ("%##.14g", &[I("84280")], "84280.000000000"),
        ("%+20.*X%15.0x", &[I("-2"), I("-604"), I("-253")], "                -25C            -fd"),
        ("%7.*u", &[I("14"), F(0x40f6da71f6e7bb86)], "00000000093607"),
        ("% 22g\u{e9}%0-10.7g", &[F(0x43dd113516836435), I("837792")], "           8.37805e+18\u{e9}837792    "),
        ("%%%.18G", &[F(0xc20180d82c4be867)], "%-9397011849.48847771"),
        ("%++15.17d", &[F(0x40b9eb561330f2d0)], "+00000000000006635"),
        ("%%%c", &[S("q")], "%q"),
        ("%-#G%.19E", &[F(0x42d3b2e50c7bf78a), F(0x408ddc2d20f9cb18)], "8.66363E+139.5552203555251162470E+02"),
        ("%22u%.12d", &[I("-41304018154502320240"), I("553")], " -41304018154502320240000000000553"),
        ("x=%.*c", &[I("17"), S("q")], "x=q"),
        ("%17u", &[I("463")], "              463"),
        ("ab%X", &[I("-622")], "ab-26E"),
        ("%g", &[F(0x3f49aadaa8ddadc7)], "0.000783307"),
        ("ab%.9u%%%+ .13c", &[I("306"), I("11944")], "ab000000306%\u{2ea8}"),
        ("ab%22.12f", &[I("-554080")], "ab  -554080.000000000000"),
        ("%.2i", &[I("-445")], "-445"),
        ("%%%+.8G", &[I("994189")], "%+994189"),
        (" %# *G", &[I("15"), F(0x3f7775e7a2a040f1)], "      0.00572768"),
        ("%%%++22.14f%#o", &[F(0xc0d2c5028dcb37f8), I("-94081108800627228895")], "% -19220.03990440812777-0o12146431737667020640337"),
        ("%e%.8E", &[I("956548"), I("-930804")], "9.565480e+05-9.30804000E+05"),
        (" %-2Xab%#+15.6X", &[I("-84927294495379099138"), I("-675")], " -49A9A5C61240F0E02ab      -0X0002A3"),
        ("%.8g", &[F(0x41a1c2c530c2d978)], "1.4898857e+08"),
        ("%c", &[I("11245")], "\u{2bed}"),
        ("%.11F%.10c", &[F(0x4037491430b4084f), S("q")], "23.28546432872q"),
        ("x=%-Xx=%i", &[I("4123362348104487510"), I("-87497487921003122670")], "x=3939203586FD1256x=-87497487921003122670"),
        ("%# *.10x%9.2f", &[I("7"), I("-64131205743448895507"), I("839739")], "-0x379ffcfd78bc33013839739.00"),
        ("ab%19e%o", &[F(0x41c24437666f05e4), I("-712")], "ab       6.129210e+08-1310"),
        ("%%%6.2i %*F", &[I("-48397052762524290429"), I("3"), F(0xbe330a10d93a4409)], "%-48397052762524290429 -0.000000"),
        ("%.13i", &[F(0x40f52ffc72c082f6)], "0000000086783"),
        ("%-012o", &[I("-462")], "-716        "),
        ("%*.17o", &[I("15"), I("-89071419331848459590")], "-11520351777306254052506"),
        ("%0.*f", &[I("2"), I("-716850")], "-716850.00"),
        ("%-011.11x", &[F(0x40d40707ac84da58)], "!TypeError:%x format: an integer is required, not float"),
        ("%%%-.*g%8.9o", &[I("15"), F(0xbe5eedefd464560c), I("-113")], "%-2.8805286400143e-08-000000161"),
        ("%+#8u", &[F(0xc0f14c7b641d6eda)], "  -70855"),
        ("\u{e9}%2F %14.*G", &[I("865515"), I("5"), I("330462")], "\u{e9}865515.000000     3.3046E+05"),
        ("x=%17x", &[I("-25498492494481525277")], "x=-161dcd7d3b1890a1d"),
        ("%16.*e% 0.18c", &[I("-5"), F(0x3e31e2b4506fc949), S("q")], "           4e-09q"),
        ("% 0.5c", &[I("4999")], "\u{1387}"),
    ];
}
