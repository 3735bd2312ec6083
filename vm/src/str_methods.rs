//! The methods of `str`, with CPython 3.11's semantics and error messages.
//!
//! Character properties and case mappings come from `unicode_str.rs`, generated
//! from CPython 3.11 itself (Unicode 14.0), so `isdigit`, `upper`, `title`,
//! `casefold`, the whitespace `split` uses, ... agree with CPython for every code
//! point. ASCII strings take byte-wise fast paths.
//!
//! Indices are code points: `find`'s result and its `start`/`end` arguments are
//! converted between code points and UTF-8 byte offsets (a no-op for ASCII).

use crate::builtins::arg_i64;
use crate::error::ExcType;
use crate::gc::Gc;
use crate::interp::Vm;
use crate::object::*;
use crate::ops;
use crate::unicode_str as ut;
use crate::value::Value;

// -- Character properties ------------------------------------------------------------------

fn in_ranges(t: &[(u32, u32)], c: char) -> bool {
    let c = c as u32;
    t.binary_search_by(|&(lo, hi)| {
        if hi < c {
            std::cmp::Ordering::Less
        } else if lo > c {
            std::cmp::Ordering::Greater
        } else {
            std::cmp::Ordering::Equal
        }
    })
    .is_ok()
}

/// `Py_UNICODE_ISSPACE`.
pub fn is_space(c: char) -> bool {
    if c.is_ascii() {
        matches!(
            c,
            ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c' | '\x1c'..='\x1f'
        )
    } else {
        in_ranges(ut::SPACE, c)
    }
}
/// `str.isalpha` of one char.
pub fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        in_ranges(ut::ALPHA, c)
    }
}
/// `str.isdecimal` of one char.
pub fn is_decimal(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        in_ranges(ut::DECIMAL, c)
    }
}
/// `str.isdigit` of one char.
pub fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        in_ranges(ut::DIGIT, c)
    }
}
/// `str.isnumeric` of one char.
pub fn is_numeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        in_ranges(ut::NUMERIC, c)
    }
}
/// `str.isalnum` of one char.
pub fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        is_alpha(c) || is_decimal(c) || is_digit(c) || is_numeric(c)
    }
}
/// `Py_UNICODE_ISLOWER`.
pub fn is_lower(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_lowercase()
    } else {
        in_ranges(ut::LOWER, c)
    }
}
/// `Py_UNICODE_ISUPPER`.
pub fn is_upper(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_uppercase()
    } else {
        in_ranges(ut::UPPER, c)
    }
}
fn is_title(c: char) -> bool {
    !c.is_ascii() && in_ranges(ut::TITLE, c)
}
fn is_cased(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        in_ranges(ut::CASED, c)
    }
}
fn is_case_ignorable(c: char) -> bool {
    if c.is_ascii() {
        matches!(c, '\'' | '.' | ':' | '^' | '`')
    } else {
        in_ranges(ut::CASE_IGNORABLE, c)
    }
}
fn is_xid_start(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        in_ranges(ut::XID_START, c)
    }
}
fn is_xid_continue(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        in_ranges(ut::XID_CONTINUE, c)
    }
}

/// Pushes the full case mapping of `c` from `table` (itself when absent).
fn push_mapped(table: &[(u32, [u32; 3])], c: char, out: &mut String) {
    match table.binary_search_by_key(&(c as u32), |e| e.0) {
        Ok(i) => {
            for &m in &table[i].1 {
                if m != 0 {
                    out.push(char::from_u32(m).unwrap_or(c));
                }
            }
        }
        Err(_) => out.push(c),
    }
}

fn push_upper(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_uppercase());
    } else {
        push_mapped(ut::UPPER_MAP, c, out);
    }
}
fn push_title(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_uppercase());
    } else {
        push_mapped(ut::TITLE_MAP, c, out);
    }
}

/// Lowercases `chars[i]`, with CPython's final-sigma rule for U+03A3.
fn push_lower(chars: &[char], i: usize, out: &mut String) {
    let c = chars[i];
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else if c == '\u{3a3}' {
        out.push(final_sigma(chars, i));
    } else {
        push_mapped(ut::LOWER_MAP, c, out);
    }
}

/// CPython's `handle_capital_sigma`.
fn final_sigma(chars: &[char], i: usize) -> char {
    let mut j = i;
    let mut before = None;
    while j > 0 {
        j -= 1;
        if !is_case_ignorable(chars[j]) {
            before = Some(chars[j]);
            break;
        }
    }
    let mut fin = matches!(before, Some(c) if is_cased(c));
    if fin {
        if let Some(&c) = chars[i + 1..].iter().find(|&&c| !is_case_ignorable(c)) {
            fin = !is_cased(c);
        }
    }
    if fin {
        '\u{3c2}'
    } else {
        '\u{3c3}'
    }
}

// -- Argument helpers ------------------------------------------------------------------------

fn this(args: &[Value]) -> Gc<StrObj> {
    match args[0] {
        Value::Str(s) => s,
        _ => unreachable!("str method on non-str"),
    }
}

/// METH_NOARGS: `str.upper()`.
fn no_args(vm: &mut Vm, name: &str, args: &[Value], kw: KwArgs) -> PyResult<()> {
    if !kw.is_empty() {
        return Err(vm.type_error(format!("str.{name}() takes no keyword arguments")));
    }
    if args.len() > 1 {
        return Err(vm.type_error(format!(
            "str.{name}() takes no arguments ({} given)",
            args.len() - 1
        )));
    }
    Ok(())
}

/// METH_O: `str.join(x)`.
fn one_arg(vm: &mut Vm, name: &str, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_error(format!("str.{name}() takes no keyword arguments")));
    }
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "str.{name}() takes exactly one argument ({} given)",
            args.len() - 1
        )));
    }
    Ok(args[1])
}

/// Positional-only arguments checked like `_PyArg_CheckPositional`.
fn positional(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kw: KwArgs,
    min: usize,
    max: usize,
) -> PyResult<()> {
    if !kw.is_empty() {
        return Err(vm.type_error(format!("str.{name}() takes no keyword arguments")));
    }
    let n = args.len() - 1;
    if n < min {
        return Err(vm.type_error(format!(
            "{name} expected at least {min} argument{}, got {n}",
            if min == 1 { "" } else { "s" }
        )));
    }
    if n > max {
        return Err(vm.type_error(format!(
            "{name} expected at most {max} argument{}, got {n}",
            if max == 1 { "" } else { "s" }
        )));
    }
    Ok(())
}

/// Old-style `PyArg_ParseTuple` counts: `find() takes at least 1 argument (0 given)`.
fn tuple_args(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kw: KwArgs,
    min: usize,
    max: usize,
) -> PyResult<()> {
    if !kw.is_empty() {
        return Err(vm.type_error(format!("str.{name}() takes no keyword arguments")));
    }
    let n = args.len() - 1;
    if n < min {
        return Err(vm.type_error(format!(
            "{name}() takes at least {min} argument{} ({n} given)",
            if min == 1 { "" } else { "s" }
        )));
    }
    if n > max {
        return Err(vm.type_error(format!(
            "{name}() takes at most {max} argument{} ({n} given)",
            if max == 1 { "" } else { "s" }
        )));
    }
    Ok(())
}

/// Clinic arguments with keywords: returns the values of `names` (positional first).
fn kw_args<const N: usize>(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kw: KwArgs,
    names: [&str; N],
) -> PyResult<[Option<Value>; N]> {
    let pos = &args[1..];
    if pos.len() > N {
        return Err(vm.type_error(format!(
            "{name}() takes at most {N} argument{} ({} given)",
            if N == 1 { "" } else { "s" },
            pos.len()
        )));
    }
    let mut out = [None; N];
    for (i, v) in pos.iter().enumerate() {
        out[i] = Some(*v);
    }
    for (k, v) in kw {
        match names.iter().position(|n| *n == k.as_str()) {
            Some(i) if i < pos.len() => {
                return Err(vm.type_error(format!(
                    "argument for {name}() given by name ('{}') and position ({})",
                    k.as_str(),
                    i + 1
                )))
            }
            Some(i) => out[i] = Some(*v),
            None => {
                return Err(vm.type_error(format!(
                    "'{}' is an invalid keyword argument for {name}()",
                    k.as_str()
                )))
            }
        }
    }
    Ok(out)
}

/// A `str` argument, else `must be str, not int`.
fn str_arg(vm: &mut Vm, v: Value) -> PyResult<Gc<StrObj>> {
    match v {
        Value::Str(s) => Ok(s),
        other => Err(vm.type_error(format!("must be str, not {}", other.type_name()))),
    }
}

/// An index argument (`__index__`), OverflowError beyond i64.
fn index_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    arg_i64(vm, v)
}

/// A slice index of `find` & co (`_PyEval_SliceIndex`): int or None.
fn slice_index(vm: &mut Vm, v: Option<Value>) -> PyResult<Option<i64>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(Value::Int(i)) => Ok(Some(i)),
        Some(Value::Bool(b)) => Ok(Some(b as i64)),
        Some(Value::BigInt(b)) => Ok(Some(if b.value.sign() == num_bigint::Sign::Minus {
            i64::MIN
        } else {
            i64::MAX
        })),
        Some(_) => {
            Err(vm.type_error("slice indices must be integers or None or have an __index__ method"))
        }
    }
}

/// CPython's `ADJUST_INDICES`: `end` is clamped to the length, `start` is not.
fn adjust(start: Option<i64>, end: Option<i64>, len: usize) -> (i64, i64) {
    let len = len as i64;
    let mut start = start.unwrap_or(0);
    let mut end = end.unwrap_or(i64::MAX);
    if end > len {
        end = len;
    } else if end < 0 {
        end = (end + len).max(0);
    }
    if start < 0 {
        start = (start + len).max(0);
    }
    (start, end)
}

/// Byte offset of code point `ci` (clamped to the end).
fn byte_at(s: &StrObj, ci: usize) -> usize {
    if s.is_ascii() {
        ci.min(s.as_str().len())
    } else {
        s.as_str()
            .char_indices()
            .nth(ci)
            .map(|(b, _)| b)
            .unwrap_or(s.as_str().len())
    }
}

fn char_index(s: &StrObj, byte: usize) -> i64 {
    if s.is_ascii() {
        byte as i64
    } else {
        s.as_str()[..byte].chars().count() as i64
    }
}

/// A list of the strs `parts`, pieces of a str that is all ASCII when `ascii` (so
/// every piece is, and counts no characters).
fn new_list_of_strs(vm: &mut Vm, parts: Vec<&str>, ascii: bool) -> Value {
    let items: Vec<Value> = if ascii {
        parts
            .into_iter()
            .map(|p| vm.new_str_n(p, p.len()))
            .collect()
    } else {
        parts.into_iter().map(|p| vm.new_str(p)).collect()
    };
    vm.new_list(items)
}

// -- Case ----------------------------------------------------------------------------------

fn case_method(
    vm: &mut Vm,
    args: &[Value],
    kw: KwArgs,
    name: &str,
    f: fn(&[char], &mut String),
    ascii: fn(&str) -> String,
) -> PyResult<Value> {
    no_args(vm, name, args, kw)?;
    let s = this(args);
    let out = if s.is_ascii() {
        ascii(s.as_str())
    } else {
        let chars: Vec<char> = s.as_str().chars().collect();
        let mut out = String::with_capacity(s.as_str().len());
        f(&chars, &mut out);
        out
    };
    Ok(vm.new_str(out))
}

/// `str.upper()`.
pub fn upper(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    case_method(
        vm,
        args,
        kw,
        "upper",
        |cs, out| cs.iter().for_each(|&c| push_upper(c, out)),
        |s| s.to_ascii_uppercase(),
    )
}

/// `str.lower()`.
pub fn lower(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    case_method(
        vm,
        args,
        kw,
        "lower",
        |cs, out| (0..cs.len()).for_each(|i| push_lower(cs, i, out)),
        |s| s.to_ascii_lowercase(),
    )
}

/// `str.casefold()`.
pub fn casefold(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    case_method(
        vm,
        args,
        kw,
        "casefold",
        |cs, out| cs.iter().for_each(|&c| push_mapped(ut::FOLD_MAP, c, out)),
        |s| s.to_ascii_lowercase(),
    )
}

/// `str.swapcase()`.
pub fn swapcase(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    case_method(
        vm,
        args,
        kw,
        "swapcase",
        |cs, out| {
            for (i, &c) in cs.iter().enumerate() {
                if is_upper(c) {
                    push_lower(cs, i, out);
                } else if is_lower(c) {
                    push_upper(c, out);
                } else {
                    out.push(c);
                }
            }
        },
        |s| {
            s.chars()
                .map(|c| {
                    if c.is_ascii_uppercase() {
                        c.to_ascii_lowercase()
                    } else {
                        c.to_ascii_uppercase()
                    }
                })
                .collect()
        },
    )
}

fn title_chars(cs: &[char], out: &mut String) {
    let mut prev_cased = false;
    for (i, &c) in cs.iter().enumerate() {
        if prev_cased {
            push_lower(cs, i, out);
        } else {
            push_title(c, out);
        }
        prev_cased = is_cased(c);
    }
}

/// `str.title()`.
pub fn title(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    case_method(vm, args, kw, "title", title_chars, |s| {
        let cs: Vec<char> = s.chars().collect();
        let mut out = String::with_capacity(s.len());
        title_chars(&cs, &mut out);
        out
    })
}

fn capitalize_chars(cs: &[char], out: &mut String) {
    if let Some(&c) = cs.first() {
        push_title(c, out);
        for i in 1..cs.len() {
            push_lower(cs, i, out);
        }
    }
}

/// `str.capitalize()`.
pub fn capitalize(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    case_method(vm, args, kw, "capitalize", capitalize_chars, |s| {
        let cs: Vec<char> = s.chars().collect();
        let mut out = String::with_capacity(s.len());
        capitalize_chars(&cs, &mut out);
        out
    })
}

// -- Predicates ----------------------------------------------------------------------------

fn pred(
    vm: &mut Vm,
    args: &[Value],
    kw: KwArgs,
    name: &str,
    f: fn(&str) -> bool,
) -> PyResult<Value> {
    no_args(vm, name, args, kw)?;
    let s = this(args);
    Ok(Value::Bool(f(s.as_str())))
}

fn all_nonempty(s: &str, f: fn(char) -> bool) -> bool {
    !s.is_empty() && s.chars().all(f)
}

/// `str.isdigit()`.
pub fn isdigit(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    pred(vm, args, kw, "isdigit", |s| all_nonempty(s, is_digit))
}
/// `str.isdecimal()`.
pub fn isdecimal(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    pred(vm, args, kw, "isdecimal", |s| all_nonempty(s, is_decimal))
}
/// `str.isnumeric()`.
pub fn isnumeric(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    pred(vm, args, kw, "isnumeric", |s| all_nonempty(s, is_numeric))
}
/// `str.isalpha()`.
pub fn isalpha(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    pred(vm, args, kw, "isalpha", |s| all_nonempty(s, is_alpha))
}
/// `str.isalnum()`.
pub fn isalnum(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    pred(vm, args, kw, "isalnum", |s| all_nonempty(s, is_alnum))
}
/// `str.isspace()`.
pub fn isspace(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    pred(vm, args, kw, "isspace", |s| all_nonempty(s, is_space))
}
/// `str.isascii()`.
pub fn isascii(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    pred(vm, args, kw, "isascii", |s| s.is_ascii())
}
/// `str.isprintable()`.
pub fn isprintable(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    pred(vm, args, kw, "isprintable", |s| {
        s.chars().all(|c| {
            if c.is_ascii() {
                (' '..='~').contains(&c)
            } else {
                crate::unicode_tables::is_printable(c)
            }
        })
    })
}
/// `str.isidentifier()`.
pub fn isidentifier(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    pred(vm, args, kw, "isidentifier", |s| {
        let mut cs = s.chars();
        match cs.next() {
            Some(c) if c == '_' || is_xid_start(c) => cs.all(is_xid_continue),
            _ => false,
        }
    })
}
/// `str.islower()`.
pub fn islower(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    pred(vm, args, kw, "islower", |s| {
        let mut cased = false;
        for c in s.chars() {
            if is_upper(c) || is_title(c) {
                return false;
            }
            if is_lower(c) {
                cased = true;
            }
        }
        cased
    })
}
/// `str.isupper()`.
pub fn isupper(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    pred(vm, args, kw, "isupper", |s| {
        let mut cased = false;
        for c in s.chars() {
            if is_lower(c) || is_title(c) {
                return false;
            }
            if is_upper(c) {
                cased = true;
            }
        }
        cased
    })
}
/// `str.istitle()`.
pub fn istitle(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    pred(vm, args, kw, "istitle", |s| {
        let (mut cased, mut prev) = (false, false);
        for c in s.chars() {
            if is_upper(c) || is_title(c) {
                if prev {
                    return false;
                }
                prev = true;
                cased = true;
            } else if is_lower(c) {
                if !prev {
                    return false;
                }
                prev = true;
                cased = true;
            } else {
                prev = false;
            }
        }
        cased
    })
}

// -- Searching -----------------------------------------------------------------------------

/// Parses `(sub, start=None, end=None)` and returns the haystack's code-point bounds.
fn find_args(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kw: KwArgs,
) -> PyResult<(Gc<StrObj>, Value, i64, i64)> {
    tuple_args(vm, name, args, kw, 1, 3)?;
    let s = this(args);
    let start = slice_index(vm, args.get(2).copied())?;
    let end = slice_index(vm, args.get(3).copied())?;
    let (start, end) = adjust(start, end, s.char_len());
    Ok((s, args[1], start, end))
}

/// `s[start:end].find(sub)` (or rfind) as a code-point index of `s`.
fn find_in(s: &StrObj, sub: &StrObj, start: i64, end: i64, rev: bool) -> Option<i64> {
    let sublen = sub.char_len() as i64;
    if end - start < sublen {
        return None;
    }
    if sublen == 0 {
        return Some(if rev { end } else { start });
    }
    let (lo, hi) = (byte_at(s, start as usize), byte_at(s, end as usize));
    let hay = &s.as_str()[lo..hi];
    let found = if rev {
        hay.rfind(sub.as_str())
    } else {
        hay.find(sub.as_str())
    };
    found.map(|b| char_index(s, lo + b))
}

fn find_common(
    vm: &mut Vm,
    args: &[Value],
    kw: KwArgs,
    name: &str,
    rev: bool,
) -> PyResult<Option<i64>> {
    let (s, sub, start, end) = find_args(vm, name, args, kw)?;
    let sub = str_arg(vm, sub)?;
    Ok(find_in(&s, &sub, start, end, rev))
}

/// `str.find(sub[, start[, end]])`.
pub fn find(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    Ok(Value::Int(
        find_common(vm, args, kw, "find", false)?.unwrap_or(-1),
    ))
}
/// `str.rfind(sub[, start[, end]])`.
pub fn rfind(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    Ok(Value::Int(
        find_common(vm, args, kw, "rfind", true)?.unwrap_or(-1),
    ))
}
/// `str.index(sub[, start[, end]])`.
pub fn index(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    match find_common(vm, args, kw, "index", false)? {
        Some(i) => Ok(Value::Int(i)),
        None => Err(vm.value_error("substring not found")),
    }
}
/// `str.rindex(sub[, start[, end]])`.
pub fn rindex(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    match find_common(vm, args, kw, "rindex", true)? {
        Some(i) => Ok(Value::Int(i)),
        None => Err(vm.value_error("substring not found")),
    }
}

/// `str.count(sub[, start[, end]])`.
pub fn count(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let (s, sub, start, end) = find_args(vm, "count", args, kw)?;
    let sub = str_arg(vm, sub)?;
    let sublen = sub.char_len() as i64;
    if end - start < sublen {
        return Ok(Value::Int(0));
    }
    if sublen == 0 {
        return Ok(Value::Int(end - start + 1));
    }
    let (lo, hi) = (byte_at(&s, start as usize), byte_at(&s, end as usize));
    Ok(Value::Int(
        s.as_str()[lo..hi].matches(sub.as_str()).count() as i64
    ))
}

fn affix(vm: &mut Vm, args: &[Value], kw: KwArgs, name: &str, at_start: bool) -> PyResult<Value> {
    let (s, prefix, start, end) = find_args(vm, name, args, kw)?;
    let test = |p: &StrObj| -> bool {
        let plen = p.char_len() as i64;
        let last = end - plen;
        if last < start {
            return false;
        }
        if plen == 0 {
            return true;
        }
        let at = if at_start { start } else { last };
        let b = byte_at(&s, at as usize);
        s.as_str()[b..].starts_with(p.as_str())
    };
    match prefix {
        Value::Str(p) => Ok(Value::Bool(test(&p))),
        Value::Tuple(t) => {
            for x in t.items.iter() {
                match x {
                    Value::Str(p) => {
                        if test(p) {
                            return Ok(Value::Bool(true));
                        }
                    }
                    other => {
                        return Err(vm.type_error(format!(
                            "tuple for {name} must only contain str, not {}",
                            other.type_name()
                        )))
                    }
                }
            }
            Ok(Value::Bool(false))
        }
        other => Err(vm.type_error(format!(
            "{name} first arg must be str or a tuple of str, not {}",
            other.type_name()
        ))),
    }
}

/// `str.startswith(prefix[, start[, end]])`.
pub fn startswith(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    affix(vm, args, kw, "startswith", true)
}
/// `str.endswith(suffix[, start[, end]])`.
pub fn endswith(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    affix(vm, args, kw, "endswith", false)
}

// -- Splitting and joining -----------------------------------------------------------------------

fn split_args(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kw: KwArgs,
) -> PyResult<(Option<Gc<StrObj>>, i64)> {
    let [sep, maxsplit] = kw_args(vm, name, args, kw, ["sep", "maxsplit"])?;
    let sep = match sep {
        None | Some(Value::None) => None,
        Some(Value::Str(s)) => {
            if s.as_str().is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            Some(s)
        }
        Some(other) => {
            return Err(vm.type_error(format!("must be str or None, not {}", other.type_name())))
        }
    };
    let maxsplit = match maxsplit {
        None => -1,
        Some(v) => index_arg(vm, v)?,
    };
    Ok((sep, if maxsplit < 0 { i64::MAX } else { maxsplit }))
}

/// Whitespace split of CPython's `split_whitespace`.
fn split_ws(s: &str, mut maxcount: i64) -> Vec<&str> {
    let mut out = vec![];
    let mut rest = s;
    while maxcount > 0 {
        rest = rest.trim_start_matches(is_space);
        if rest.is_empty() {
            return out;
        }
        let end = rest.find(is_space).unwrap_or(rest.len());
        out.push(&rest[..end]);
        rest = &rest[end..];
        maxcount -= 1;
    }
    let rest = rest.trim_start_matches(is_space);
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

fn rsplit_ws(s: &str, mut maxcount: i64) -> Vec<&str> {
    let mut out = vec![];
    let mut rest = s;
    while maxcount > 0 {
        rest = rest.trim_end_matches(is_space);
        if rest.is_empty() {
            out.reverse();
            return out;
        }
        let start = match rest.rfind(is_space) {
            Some(i) => i + rest[i..].chars().next().map_or(1, |c| c.len_utf8()),
            None => 0,
        };
        out.push(&rest[start..]);
        rest = &rest[..start];
        maxcount -= 1;
    }
    let rest = rest.trim_end_matches(is_space);
    if !rest.is_empty() {
        out.push(rest);
    }
    out.reverse();
    out
}

/// `str.split(sep=None, maxsplit=-1)`.
pub fn split(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let (sep, maxsplit) = split_args(vm, "split", args, kw)?;
    let s = this(args);
    if let Some(sep) = sep {
        if let &[b] = sep.as_str().as_bytes() {
            if b < 128 {
                return Ok(split_ascii_byte(vm, s, b, maxsplit));
            }
        }
    }
    let parts: Vec<&str> = match sep {
        None => split_ws(s.as_str(), maxsplit),
        Some(sep) => {
            let n = usize::try_from(maxsplit)
                .unwrap_or(usize::MAX)
                .saturating_add(1);
            match sep.as_str().as_bytes() {
                // One ASCII byte: a byte search (memchr) instead of the substring one.
                &[b] if b < 128 => s.as_str().splitn(n, b as char).collect(),
                _ => s.as_str().splitn(n, sep.as_str()).collect(),
            }
        }
    };
    Ok(new_list_of_strs(vm, parts, s.is_ascii()))
}

/// `s.split(sep)` for a one-byte ASCII separator (the common `split(",")`): pieces
/// made as they are found, without collecting slices first. Cutting UTF-8 at an
/// ASCII byte leaves UTF-8 on both sides.
fn split_ascii_byte(vm: &mut Vm, s: Gc<StrObj>, sep: u8, maxsplit: i64) -> Value {
    let text = s.as_str();
    let ascii = s.is_ascii();
    // A long text is counted first (a vectorised byte count costs less than
    // growing the item vector through a few copies of a big list).
    let pieces = if text.len() > 256 {
        let seps = text.bytes().filter(|&c| c == sep).count();
        seps.min(usize::try_from(maxsplit).unwrap_or(usize::MAX)) + 1
    } else {
        4
    };
    let mut items = Vec::with_capacity(pieces);
    let mut start = 0;
    let mut left = maxsplit;
    while left > 0 {
        let Some(i) = text[start..].find(sep as char) else {
            break;
        };
        let piece = &text[start..start + i];
        items.push(if ascii {
            vm.new_str_n(piece, piece.len())
        } else {
            vm.new_str(piece)
        });
        start += i + 1;
        left -= 1;
    }
    let piece = &text[start..];
    items.push(if ascii {
        vm.new_str_n(piece, piece.len())
    } else {
        vm.new_str(piece)
    });
    vm.new_list(items)
}

/// `str.rsplit(sep=None, maxsplit=-1)`.
pub fn rsplit(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let (sep, maxsplit) = split_args(vm, "rsplit", args, kw)?;
    let s = this(args);
    let parts: Vec<&str> = match sep {
        None => rsplit_ws(s.as_str(), maxsplit),
        Some(sep) => {
            let n = usize::try_from(maxsplit)
                .unwrap_or(usize::MAX)
                .saturating_add(1);
            let mut v: Vec<&str> = s.as_str().rsplitn(n, sep.as_str()).collect();
            v.reverse();
            v
        }
    };
    Ok(new_list_of_strs(vm, parts, s.is_ascii()))
}

/// `str.splitlines(keepends=False)`.
pub fn splitlines(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let [keep] = kw_args(vm, "splitlines", args, kw, ["keepends"])?;
    let keep = match keep {
        None => false,
        Some(v) => index_arg(vm, v)? != 0,
    };
    let s = this(args);
    let st = s.as_str();
    let mut parts = vec![];
    let mut start = 0;
    let mut it = st.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let is_break = matches!(
            c,
            '\n' | '\r'
                | '\x0b'
                | '\x0c'
                | '\x1c'
                | '\x1d'
                | '\x1e'
                | '\u{85}'
                | '\u{2028}'
                | '\u{2029}'
        );
        if !is_break {
            continue;
        }
        let mut eol = i + c.len_utf8();
        if c == '\r' {
            if let Some(&(_, '\n')) = it.peek() {
                it.next();
                eol += 1;
            }
        }
        parts.push(&st[start..if keep { eol } else { i }]);
        start = eol;
    }
    if start < st.len() {
        parts.push(&st[start..]);
    }
    Ok(new_list_of_strs(vm, parts, s.is_ascii()))
}

/// `str.join(iterable)`.
pub fn join(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let it = one_arg(vm, "join", args, kw)?;
    let sep = this(args);
    // A list or tuple is read in place (nothing below runs Python code that could
    // change it); only another iterable is collected first.
    let collected;
    let items: &[Value] = match &it {
        Value::List(l) => l.items(),
        Value::Tuple(t) => &t.items,
        _ => {
            if ops::get_iter(vm, it).is_err() {
                return Err(vm.type_error("can only join an iterable"));
            }
            collected = ops::collect_iter(vm, it)?;
            &collected
        }
    };
    let mut len = 0;
    let mut nchars = 0;
    for (i, x) in items.iter().enumerate() {
        match x {
            Value::Str(s) => {
                len += s.as_str().len();
                nchars += s.char_len();
            }
            other => {
                return Err(vm.type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    other.type_name()
                )))
            }
        }
    }
    if items.len() == 1 {
        return Ok(items[0]);
    }
    let mut out = String::with_capacity(len + sep.as_str().len() * items.len());
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep.as_str());
        }
        if let Value::Str(s) = x {
            out.push_str(s.as_str());
        }
    }
    let nchars = nchars + sep.char_len() * items.len().saturating_sub(1);
    Ok(vm.new_str_n(out, nchars))
}

fn partition_common(
    vm: &mut Vm,
    args: &[Value],
    kw: KwArgs,
    name: &str,
    rev: bool,
) -> PyResult<Value> {
    let sep = one_arg(vm, name, args, kw)?;
    let sep = str_arg(vm, sep)?;
    if sep.as_str().is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let s = this(args);
    let st = s.as_str();
    let found = if rev {
        st.rfind(sep.as_str())
    } else {
        st.find(sep.as_str())
    };
    let parts = match found {
        Some(i) => {
            let a = vm.new_str(&st[..i]);
            let c = vm.new_str(&st[i + sep.as_str().len()..]);
            [a, Value::Str(sep), c]
        }
        None => {
            let e = vm.new_str("");
            if rev {
                [e, e, args[0]]
            } else {
                [args[0], e, e]
            }
        }
    };
    Ok(vm.new_tuple(parts.to_vec()))
}

/// `str.partition(sep)`.
pub fn partition(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    partition_common(vm, args, kw, "partition", false)
}
/// `str.rpartition(sep)`.
pub fn rpartition(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    partition_common(vm, args, kw, "rpartition", true)
}

// -- Transforming --------------------------------------------------------------------------

/// `str.replace(old, new, count=-1)`.
pub fn replace(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    positional(vm, "replace", args, kw, 2, 3)?;
    let s = this(args);
    let old = match args[1] {
        Value::Str(o) => o,
        other => {
            return Err(vm.type_error(format!(
                "replace() argument 1 must be str, not {}",
                other.type_name()
            )))
        }
    };
    let new = match args[2] {
        Value::Str(n) => n,
        other => {
            return Err(vm.type_error(format!(
                "replace() argument 2 must be str, not {}",
                other.type_name()
            )))
        }
    };
    let count = match args.get(3) {
        Some(v) => index_arg(vm, *v)?,
        None => -1,
    };
    let count = if count < 0 {
        usize::MAX
    } else {
        count as usize
    };
    let (st, o, n) = (s.as_str(), old.as_str(), new.as_str());
    let out = if o.is_empty() {
        let mut out = String::with_capacity(st.len() + n.len() * (st.len() + 1).min(count));
        let mut k = 0;
        if k < count {
            out.push_str(n);
            k += 1;
        }
        for c in st.chars() {
            out.push(c);
            if k < count {
                out.push_str(n);
                k += 1;
            }
        }
        out
    } else if count == usize::MAX {
        st.replace(o, n)
    } else {
        st.replacen(o, n, count)
    };
    if out == st {
        return Ok(args[0]);
    }
    Ok(vm.new_str(out))
}

fn strip_common(
    vm: &mut Vm,
    args: &[Value],
    kw: KwArgs,
    name: &str,
    left: bool,
    right: bool,
) -> PyResult<Value> {
    positional(vm, name, args, kw, 0, 1)?;
    let s = this(args);
    let chars: Option<Vec<char>> = match args.get(1) {
        None | Some(Value::None) => None,
        Some(Value::Str(c)) => Some(c.as_str().chars().collect()),
        Some(_) => return Err(vm.type_error(format!("{name} arg must be None or str"))),
    };
    let pred = |c: char| match &chars {
        None => is_space(c),
        Some(cs) => cs.contains(&c),
    };
    let mut r = s.as_str();
    if left {
        r = r.trim_start_matches(pred);
    }
    if right {
        r = r.trim_end_matches(pred);
    }
    if r.len() == s.as_str().len() {
        return Ok(args[0]);
    }
    Ok(vm.new_str(r))
}

/// `str.strip(chars=None)`.
pub fn strip(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    strip_common(vm, args, kw, "strip", true, true)
}
/// `str.lstrip(chars=None)`.
pub fn lstrip(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    strip_common(vm, args, kw, "lstrip", true, false)
}
/// `str.rstrip(chars=None)`.
pub fn rstrip(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    strip_common(vm, args, kw, "rstrip", false, true)
}

fn affix_remove(
    vm: &mut Vm,
    args: &[Value],
    kw: KwArgs,
    name: &str,
    prefix: bool,
) -> PyResult<Value> {
    let a = one_arg(vm, name, args, kw)?;
    let Value::Str(p) = a else {
        return Err(vm.type_error(format!(
            "{name}() argument must be str, not {}",
            a.type_name()
        )));
    };
    let s = this(args);
    let r = if prefix {
        s.as_str().strip_prefix(p.as_str())
    } else {
        s.as_str().strip_suffix(p.as_str())
    };
    match r {
        Some(r) if !p.as_str().is_empty() => Ok(vm.new_str(r)),
        _ => Ok(args[0]),
    }
}

/// `str.removeprefix(prefix)`.
pub fn removeprefix(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    affix_remove(vm, args, kw, "removeprefix", true)
}
/// `str.removesuffix(suffix)`.
pub fn removesuffix(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    affix_remove(vm, args, kw, "removesuffix", false)
}

/// `str.expandtabs(tabsize=8)`.
pub fn expandtabs(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let [size] = kw_args(vm, "expandtabs", args, kw, ["tabsize"])?;
    let size = match size {
        None => 8,
        Some(v) => index_arg(vm, v)?,
    };
    if i32::try_from(size).is_err() {
        return Err(vm.err(
            ExcType::OverflowError,
            "Python int too large to convert to C int",
        ));
    }
    let s = this(args);
    let mut out = String::with_capacity(s.as_str().len());
    let mut col: i64 = 0;
    for c in s.as_str().chars() {
        if c == '\t' {
            if size > 0 {
                let incr = size - col % size;
                if out.len() as i64 + incr > (1 << 40) {
                    return Err(vm.err(ExcType::OverflowError, "new string is too long"));
                }
                col += incr;
                for _ in 0..incr as usize {
                    out.push(' ');
                }
            }
        } else {
            col += 1;
            out.push(c);
            if c == '\n' || c == '\r' {
                col = 0;
            }
        }
    }
    Ok(vm.new_str(out))
}

/// The fill character argument of center/ljust/rjust.
fn fill_char(vm: &mut Vm, v: Option<&Value>) -> PyResult<char> {
    match v {
        None => Ok(' '),
        Some(Value::Str(f)) if f.char_len() == 1 => Ok(f.char_at(0)),
        Some(Value::Str(_)) => {
            Err(vm.type_error("The fill character must be exactly one character long"))
        }
        Some(other) => Err(vm.type_error(format!(
            "The fill character must be a unicode character, not {}",
            other.type_name()
        ))),
    }
}

fn pad(vm: &mut Vm, args: &[Value], left: i64, right: i64, fill: char) -> PyResult<Value> {
    let s = this(args);
    if left <= 0 && right <= 0 {
        return Ok(args[0]);
    }
    let (left, right) = (left.max(0) as usize, right.max(0) as usize);
    if left.saturating_add(right) > (1 << 40) {
        return Err(vm.err_args(ExcType::MemoryError, vec![]));
    }
    let mut out = String::with_capacity(s.as_str().len() + (left + right) * fill.len_utf8());
    for _ in 0..left {
        out.push(fill);
    }
    out.push_str(s.as_str());
    for _ in 0..right {
        out.push(fill);
    }
    Ok(vm.new_str(out))
}

fn width_and_fill(vm: &mut Vm, args: &[Value], kw: KwArgs, name: &str) -> PyResult<(i64, char)> {
    positional(vm, name, args, kw, 1, 2)?;
    let w = index_arg(vm, args[1])?;
    let f = fill_char(vm, args.get(2))?;
    Ok((w, f))
}

/// `str.center(width, fillchar=' ')`.
pub fn center(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let (w, f) = width_and_fill(vm, args, kw, "center")?;
    let n = this(args).char_len() as i64;
    if w <= n {
        return Ok(args[0]);
    }
    let marg = w - n;
    let left = marg / 2 + (marg & w & 1);
    pad(vm, args, left, marg - left, f)
}
/// `str.ljust(width, fillchar=' ')`.
pub fn ljust(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let (w, f) = width_and_fill(vm, args, kw, "ljust")?;
    let n = this(args).char_len() as i64;
    pad(vm, args, 0, w - n, f)
}
/// `str.rjust(width, fillchar=' ')`.
pub fn rjust(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let (w, f) = width_and_fill(vm, args, kw, "rjust")?;
    let n = this(args).char_len() as i64;
    pad(vm, args, w - n, 0, f)
}

/// `str.zfill(width)`.
pub fn zfill(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let w = one_arg(vm, "zfill", args, kw)?;
    let w = index_arg(vm, w)?;
    let s = this(args);
    let n = s.char_len() as i64;
    if w <= n {
        return Ok(args[0]);
    }
    if w > (1 << 40) {
        return Err(vm.err_args(ExcType::MemoryError, vec![]));
    }
    let fill = (w - n) as usize;
    let st = s.as_str();
    let (sign, rest) = match st.chars().next() {
        Some(c @ ('+' | '-')) => (Some(c), &st[1..]),
        _ => (None, st),
    };
    let mut out = String::with_capacity(w as usize);
    if let Some(c) = sign {
        out.push(c);
    }
    for _ in 0..fill {
        out.push('0');
    }
    out.push_str(rest);
    Ok(vm.new_str(out))
}

// -- translate / maketrans -------------------------------------------------------------------

/// `str.translate(table)`: `table[ord(c)]` is a str, an int code point or None
/// (delete); a missing key (LookupError) keeps the character.
pub fn translate(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let table = one_arg(vm, "translate", args, kw)?;
    let s = this(args);
    let chars: Vec<char> = s.as_str().chars().collect();
    let mut out = String::with_capacity(s.as_str().len());
    for c in chars {
        let key = Value::Int(c as i64);
        let mapped = match table {
            Value::Dict(d) => ops::dict_get(vm, d, key)?,
            _ => match ops::getitem(vm, table, key) {
                Ok(v) => Some(v),
                Err(e)
                    if matches!(
                        e.0.ty.kind,
                        TypeKind::Exception(
                            ExcType::IndexError | ExcType::KeyError | ExcType::LookupError
                        )
                    ) =>
                {
                    None
                }
                Err(e) => return Err(e),
            },
        };
        match mapped {
            None => out.push(c),
            Some(Value::None) => {}
            Some(Value::Str(r)) => out.push_str(r.as_str()),
            Some(v @ (Value::Int(_) | Value::Bool(_) | Value::BigInt(_))) => {
                let i = match v {
                    Value::Int(i) => i,
                    Value::Bool(b) => b as i64,
                    _ => -1,
                };
                match u32::try_from(i).ok().and_then(char::from_u32) {
                    Some(m) => out.push(m),
                    None => {
                        return Err(vm.value_error("character mapping must be in range(0x110000)"))
                    }
                }
            }
            Some(_) => {
                return Err(vm.type_error("character mapping must return integer, None or str"))
            }
        }
    }
    Ok(vm.new_str(out))
}

/// `str.maketrans(x[, y[, z]])` (called on an instance).
pub fn maketrans(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    positional(vm, "maketrans", args, kw, 1, 3)?;
    let d = vm.new_dict();
    vm.temp_roots.push(Value::Dict(d));
    let r = (|| {
        match (args.get(1), args.get(2)) {
            (Some(&x), None) => {
                let Value::Dict(src) = x else {
                    return Err(vm.type_error(
                        "if you give only one argument to maketrans it must be a dict",
                    ));
                };
                let entries: Vec<(Value, Value)> =
                    src.table().iter().map(|e| (e.key, e.value)).collect();
                for (k, v) in entries {
                    let key = match k {
                        Value::Str(s) if s.char_len() == 1 => Value::Int(s.char_at(0) as i64),
                        Value::Str(_) => {
                            return Err(vm
                                .value_error("string keys in translate table must be of length 1"))
                        }
                        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => k,
                        _ => {
                            return Err(vm
                                .type_error("keys in translate table must be strings or integers"))
                        }
                    };
                    ops::dict_set(vm, d, key, v)?;
                }
            }
            (Some(&x), Some(&y)) => {
                let (Value::Str(xs), Value::Str(ys)) = (x, y) else {
                    return Err(vm.type_error("maketrans() argument 2 must be str, not int"));
                };
                if xs.char_len() != ys.char_len() {
                    return Err(
                        vm.value_error("the first two maketrans arguments must have equal length")
                    );
                }
                for (a, b) in xs.as_str().chars().zip(ys.as_str().chars()) {
                    ops::dict_set(vm, d, Value::Int(a as i64), Value::Int(b as i64))?;
                }
                if let Some(&z) = args.get(3) {
                    let Value::Str(zs) = z else {
                        return Err(vm.type_error(format!(
                            "maketrans() argument 3 must be str, not {}",
                            z.type_name()
                        )));
                    };
                    for c in zs.as_str().chars() {
                        ops::dict_set(vm, d, Value::Int(c as i64), Value::None)?;
                    }
                }
            }
            _ => unreachable!("maketrans arity"),
        }
        Ok(())
    })();
    vm.temp_roots.pop();
    r.map(|_| Value::Dict(d))
}

// -- format ------------------------------------------------------------------------------------

/// `str.format(*args, **kwargs)`.
pub fn format(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let s = this(args);
    let out = crate::strformat::format(vm, s.as_str(), &args[1..], Fields::Kw(kw))?;
    Ok(vm.new_str(out))
}

/// `str.format_map(mapping)`.
pub fn format_map(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let m = one_arg(vm, "format_map", args, kw)?;
    let s = this(args);
    let out = crate::strformat::format(vm, s.as_str(), &[], Fields::Map(m))?;
    Ok(vm.new_str(out))
}

/// Where `str.format` finds named fields.
pub enum Fields<'a> {
    /// Keyword arguments.
    Kw(KwArgs<'a>),
    /// A mapping (`format_map`).
    Map(Value),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lower(s: &str) -> String {
        let cs: Vec<char> = s.chars().collect();
        let mut out = String::new();
        for i in 0..cs.len() {
            push_lower(&cs, i, &mut out);
        }
        out
    }

    #[test]
    fn final_sigma_follows_cpython() {
        assert_eq!(lower("ΑΣ"), "ας");
        assert_eq!(lower("Σ"), "σ");
        assert_eq!(lower("ΑΣΑ"), "ασα");
        assert_eq!(lower("ΑΣ.Α"), "ασ.α");
        assert_eq!(lower("Α'Σ'"), "α'ς'");
    }

    #[test]
    fn full_case_mappings() {
        let mut out = String::new();
        push_upper('ß', &mut out);
        push_title('ǆ', &mut out);
        push_mapped(ut::FOLD_MAP, 'ß', &mut out);
        assert_eq!(out, "SSǅss");
        assert_eq!(lower("İ"), "i\u{307}");
    }

    #[test]
    fn predicates_use_cpython_tables() {
        assert!(is_space('\u{1c}') && is_space('\u{85}') && is_space('\u{3000}'));
        assert!(!is_space('\u{200b}'));
        assert!(is_digit('²') && !is_decimal('²') && is_numeric('½') && !is_digit('½'));
        assert!(is_decimal('٣') && is_alpha('é') && !is_alpha('²'));
        assert!(is_title('ǅ') && is_upper('Ⅻ') && is_lower('ⅻ'));
        assert!(is_xid_start('é') && !is_xid_start('1') && is_xid_continue('1'));
    }

    #[test]
    fn adjust_indices_like_cpython() {
        assert_eq!(adjust(None, None, 5), (0, 5));
        assert_eq!(adjust(Some(-2), Some(100), 5), (3, 5));
        assert_eq!(adjust(Some(10), Some(-100), 5), (10, 0));
    }

    #[test]
    fn whitespace_split_keeps_the_tail() {
        assert_eq!(split_ws("  a  b c ", 1), vec!["a", "b c "]);
        assert_eq!(rsplit_ws("  a  b c ", 1), vec!["  a  b", "c"]);
        assert_eq!(split_ws("   ", i64::MAX), Vec::<&str>::new());
    }
}
