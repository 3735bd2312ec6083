//! `str.format` and `str.format_map`: a port of CPython 3.11's
//! `Objects/stringlib/unicode_format.h` (the markup iterator, field-name parsing,
//! auto-numbering, nested format specs, conversions), with its error messages.
//! Each field is rendered with `builtins::format`, the same code as `format()` and
//! f-strings.

use crate::bytecode::Site;
use crate::error::ExcType;
use crate::interp::Vm;
use crate::object::*;
use crate::ops;
use crate::str_methods::Fields;
use crate::value::Value;

/// Auto-numbering state (`AutoNumber`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum AutoState {
    Init,
    Auto,
    Manual,
}

struct Auto {
    state: AutoState,
    next: usize,
}

/// `template.format(*args, **fields)` (or `format_map`).
pub fn format(vm: &mut Vm, template: &str, args: &[Value], fields: Fields) -> PyResult<String> {
    let chars: Vec<char> = template.chars().collect();
    let mut auto = Auto {
        state: AutoState::Init,
        next: 0,
    };
    let positional = !matches!(fields, Fields::Map(_));
    let mut out = String::with_capacity(template.len() + 16);
    build(
        vm, &chars, args, positional, &fields, 2, &mut auto, &mut out,
    )?;
    Ok(out)
}

#[allow(clippy::too_many_arguments)]
fn build(
    vm: &mut Vm,
    s: &[char],
    args: &[Value],
    positional: bool,
    fields: &Fields,
    depth: i32,
    auto: &mut Auto,
    out: &mut String,
) -> PyResult<()> {
    if depth <= 0 {
        return Err(vm.value_error("Max string recursion exceeded"));
    }
    let mut pos = 0;
    let end = s.len();
    while pos < end {
        // Literal text up to the first '{' or '}'.
        let start = pos;
        let mut c = '\0';
        let mut markup = false;
        while pos < end {
            c = s[pos];
            pos += 1;
            if c == '{' || c == '}' {
                markup = true;
                break;
            }
        }
        let at_end = pos >= end;
        let mut len = pos - start;
        if c == '}' && markup && (at_end || s[pos] != '}') {
            return Err(vm.value_error("Single '}' encountered in format string"));
        }
        if at_end && c == '{' && markup {
            return Err(vm.value_error("Single '{' encountered in format string"));
        }
        if !at_end && markup {
            if s[pos] == c {
                // `{{` or `}}`: the literal keeps one brace.
                pos += 1;
                markup = false;
            } else {
                len -= 1;
            }
        }
        out.extend(&s[start..start + len]);
        if !markup {
            continue;
        }
        // A replacement field.
        let field = parse_field(vm, s, &mut pos)?;
        let mut v = field_object(
            vm,
            &s[field.name.0..field.name.1],
            args,
            positional,
            fields,
            auto,
        )?;
        if let Some(conv) = field.conversion {
            let text = match conv {
                'r' => crate::repr::repr(vm, v)?,
                's' => crate::repr::str_of(vm, v)?,
                'a' => crate::repr::ascii(vm, v)?,
                c if (c as u32) > 32 && (c as u32) < 127 => {
                    return Err(vm.value_error(format!("Unknown conversion specifier {c}")))
                }
                c => {
                    return Err(
                        vm.value_error(format!("Unknown conversion specifier \\x{:x}", c as u32))
                    )
                }
            };
            v = vm.new_str(text);
        }
        let spec_chars = &s[field.spec.0..field.spec.1];
        let spec: String = if field.spec_needs_expanding {
            let mut inner = String::new();
            build(
                vm,
                spec_chars,
                args,
                positional,
                fields,
                depth - 1,
                auto,
                &mut inner,
            )?;
            inner
        } else {
            spec_chars.iter().collect()
        };
        vm.temp_roots.push(v);
        let r = crate::builtins::format(vm, v, &spec);
        vm.temp_roots.pop();
        out.push_str(&r?);
    }
    Ok(())
}

struct Field {
    name: (usize, usize),
    conversion: Option<char>,
    spec: (usize, usize),
    spec_needs_expanding: bool,
}

/// CPython's `parse_field`, starting just after the opening brace.
fn parse_field(vm: &mut Vm, s: &[char], pos: &mut usize) -> PyResult<Field> {
    let end = s.len();
    let name_start = *pos;
    let mut c = '\0';
    while *pos < end {
        c = s[*pos];
        *pos += 1;
        match c {
            '{' => return Err(vm.value_error("unexpected '{' in field name")),
            '[' => {
                while *pos < end && s[*pos] != ']' {
                    *pos += 1;
                }
                continue;
            }
            '}' | ':' | '!' => break,
            _ => continue,
        }
    }
    let mut field = Field {
        name: (name_start, (*pos).saturating_sub(1).max(name_start)),
        conversion: None,
        spec: (0, 0),
        spec_needs_expanding: false,
    };
    if c == '!' || c == ':' {
        if c == '!' {
            if *pos >= end {
                return Err(vm.value_error("end of string while looking for conversion specifier"));
            }
            field.conversion = Some(s[*pos]);
            *pos += 1;
            if *pos < end {
                let c2 = s[*pos];
                *pos += 1;
                if c2 == '}' {
                    return Ok(field);
                }
                if c2 != ':' {
                    return Err(vm.value_error("expected ':' after conversion specifier"));
                }
            }
        }
        let spec_start = *pos;
        let mut count = 1;
        while *pos < end {
            let c3 = s[*pos];
            *pos += 1;
            match c3 {
                '{' => {
                    field.spec_needs_expanding = true;
                    count += 1;
                }
                '}' => {
                    count -= 1;
                    if count == 0 {
                        field.spec = (spec_start, *pos - 1);
                        return Ok(field);
                    }
                }
                _ => {}
            }
        }
        return Err(vm.value_error("unmatched '{' in format spec"));
    }
    if c != '}' {
        return Err(vm.value_error("expected '}' before end of string"));
    }
    Ok(field)
}

/// CPython's `get_integer`: the decimal value of an all-digit name, or None.
fn get_integer(vm: &mut Vm, s: &[char]) -> PyResult<Option<usize>> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut acc: usize = 0;
    for &c in s {
        let Some(d) = decimal_value(c) else {
            return Ok(None);
        };
        acc = match acc.checked_mul(10).and_then(|a| a.checked_add(d)) {
            Some(a) if a <= i64::MAX as usize => a,
            _ => return Err(vm.value_error("Too many decimal digits in format string")),
        };
    }
    Ok(Some(acc))
}

fn decimal_value(c: char) -> Option<usize> {
    if c.is_ascii_digit() {
        return Some(c as usize - '0' as usize);
    }
    if !crate::str_methods::is_decimal(c) {
        return None;
    }
    // Unicode decimal digits come in contiguous runs 0..9.
    let mut zero = c as u32;
    while zero > 0 {
        match char::from_u32(zero - 1) {
            Some(p) if crate::str_methods::is_decimal(p) && (c as u32 - (zero - 1)) < 10 => {
                zero -= 1
            }
            _ => break,
        }
    }
    Some(((c as u32 - zero) % 10) as usize)
}

/// CPython's `get_field_object`: the argument and its `.attr` / `[key]` chain.
fn field_object(
    vm: &mut Vm,
    name: &[char],
    args: &[Value],
    positional: bool,
    fields: &Fields,
    auto: &mut Auto,
) -> PyResult<Value> {
    let split = name
        .iter()
        .position(|&c| c == '.' || c == '[')
        .unwrap_or(name.len());
    let (first, mut rest) = name.split_at(split);
    let mut index = get_integer(vm, first)?;
    let empty = first.is_empty();
    let numeric = empty || index.is_some();
    if numeric {
        if auto.state == AutoState::Init {
            auto.state = if empty {
                AutoState::Auto
            } else {
                AutoState::Manual
            };
        }
        if auto.state == AutoState::Manual && empty {
            return Err(vm.value_error(
                "cannot switch from manual field specification to automatic field numbering",
            ));
        }
        if auto.state == AutoState::Auto && !empty {
            return Err(vm.value_error(
                "cannot switch from automatic field numbering to manual field specification",
            ));
        }
        if empty {
            index = Some(auto.next);
            auto.next += 1;
        }
    }
    let mut obj = match index {
        None => {
            let text: String = first.iter().collect();
            let key = vm.new_str(text.as_str());
            match fields {
                Fields::Kw(kw) => match kw.iter().find(|(k, _)| k.as_str() == text) {
                    Some((_, v)) => *v,
                    None => return Err(vm.err_args(ExcType::KeyError, vec![key])),
                },
                Fields::Map(m) => ops::getitem(vm, *m, key)?,
            }
        }
        Some(i) => {
            if !positional {
                return Err(vm.value_error("Format string contains positional fields"));
            }
            match args.get(i) {
                Some(v) => *v,
                None => {
                    return Err(vm.err(
                        ExcType::IndexError,
                        format!("Replacement index {i} out of range for positional args tuple"),
                    ))
                }
            }
        }
    };
    // The rest: `.name` and `[key]` in any order.
    while !rest.is_empty() {
        let kind = rest[0];
        rest = &rest[1..];
        let part: &[char];
        match kind {
            '.' => {
                let e = rest
                    .iter()
                    .position(|&c| c == '.' || c == '[')
                    .unwrap_or(rest.len());
                part = &rest[..e];
                rest = &rest[e..];
            }
            '[' => {
                let Some(e) = rest.iter().position(|&c| c == ']') else {
                    return Err(vm.value_error("Missing ']' in format string"));
                };
                part = &rest[..e];
                rest = &rest[e + 1..];
            }
            _ => {
                return Err(
                    vm.value_error("Only '.' or '[' may follow ']' in format field specifier")
                )
            }
        }
        if part.is_empty() {
            return Err(vm.value_error("Empty attribute in format string"));
        }
        let text: String = part.iter().collect();
        vm.temp_roots.push(obj);
        let r = if kind == '.' {
            get_attr(vm, obj, &text)
        } else {
            match get_integer(vm, part) {
                Ok(Some(i)) => ops::getitem(vm, obj, Value::Int(i as i64)),
                Ok(None) => {
                    let k = vm.new_str(text);
                    ops::getitem(vm, obj, k)
                }
                Err(e) => Err(e),
            }
        };
        vm.temp_roots.pop();
        obj = r?;
    }
    Ok(obj)
}

/// `getattr(obj, name)` through the interpreter's attribute lookup.
fn get_attr(vm: &mut Vm, obj: Value, name: &str) -> PyResult<Value> {
    let Value::Str(n) = vm.new_str(name) else {
        unreachable!("new_str")
    };
    let site = Site::new(n);
    vm.temp_roots.push(Value::Str(n));
    let r = ops::load_attr(vm, obj, &site);
    vm.temp_roots.pop();
    r
}
