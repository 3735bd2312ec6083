//! Text: the parser for the trace IR's text form, the one format that tests,
//! `--trace-log` and bug reports share (the printer is `Trace::to_text` in `ir.rs`).
//!
//! Having a parser next to the printer means optimizer tests are written as IR text
//! (PyPy `oparser.py`, Cranelift filetests) and any logged trace can be replayed.
//!
//! # Format
//!
//! One item per line, in this order when printed (the parser accepts any order, but
//! instructions are numbered in the order they appear, and so are snapshots):
//!
//! ```text
//! s0 = frame(code=0x5581c0, pc=12, base=0, ret=0) {0: v1, 3: v4}   snapshot
//! v0 = int SLoad 0 ; s0                  instruction with a value, guard snapshot
//! Loop                                   instruction without a value (type void)
//! v1 = int LoopParam 0
//! v2 = int AddOv v1, v0 ; s1             value operands, comma separated
//! GuardRef v3, 0x7f00deadbeef ; s2       value operands, then the immediate
//! v5 = float KFloat 0.1                  float immediates as Rust `{:?}` prints them
//! carry 0: v0 -> v1 -> v2                slot: init -> LoopParam -> next
//! header_snap s3                         Trace::header_snap, when set
//! ```
//!
//! - An instruction line is `[vN = TYPE] OPCODE [operands] [; sN]`. Instructions
//!   whose type is `void` have no name. The operands are the opcode's value operands
//!   (`Opcode::operands().values` of them) followed by the immediate if it has one.
//! - Immediates: `KFloat` takes a float (`1.5`, `-0.0`, `inf`, `NaN`, `1e300`); `KRef`,
//!   `GuardRef`, `GStore`, `GLoad`, `GuardShape` and `GuardVersion` print their
//!   immediate as hex (`0x1f`, a negative
//!   i64 as its 64-bit two's complement); every other immediate is decimal. The parser
//!   accepts decimal or `0x` hex for every integer immediate.
//! - A snapshot line is `sN = FRAME* {SLOT: vN, ...}` with
//!   `FRAME = frame(code=ADDR, pc=N, base=N, ret=N)`.
//! - `#` starts a comment that runs to the end of the line; blank lines are ignored.
//!
//! # Names
//!
//! The printer names value `i` `v{i}` and snapshot `i` `s{i}`. Hand-written input
//! need not be dense: names are mapped to indices in order of definition, so a test
//! may define `v10` right after `v2` (and `s5` as its first snapshot). References may
//! come before definitions (snapshots are printed before the instructions they name).
//! A reference to a name that is never defined is an error, except in dense input
//! (every defined name equals its index, as printed), where `vN` means index `N` —
//! so even an invalid trace, say one whose operand names a void instruction, prints
//! and parses back unchanged.
//!
//! Round trip: `parse(&t.to_text()) == Ok(t)` for every trace whose unused operand
//! fields and immediates hold their defaults (as `Ins::new` leaves them), whose types
//! have names, and whose NaN constants are the canonical NaN (`{:?}` prints every NaN
//! as `NaN`; `emit` never folds to a NaN, so only a recorded NaN can appear).

use crate::ir::{Carried, Ins, InsRef, Opcode, SnapFrame, SnapId, Snapshot, Trace, Ty};
use cranelift_entity::EntityRef;
use std::collections::HashMap;
use std::fmt;

/// A syntax or naming error in trace text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    /// 1-based line number of the offending line.
    pub line: usize,
    /// What is wrong.
    pub msg: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.msg)
    }
}

impl std::error::Error for ParseError {}

type Res<T> = Result<T, String>;

/// Parses the text form of a trace (see the module docs for the format).
pub fn parse(text: &str) -> Result<Trace, ParseError> {
    let mut p = Parser::default();
    for (n, raw) in text.lines().enumerate() {
        let line = raw.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        p.line(line, n + 1)
            .map_err(|msg| ParseError { line: n + 1, msg })?;
    }
    p.finish()
}

// -- Parser state ------------------------------------------------------------------

/// A name as written (`v7` -> 7) and the line it was written on.
#[derive(Clone, Copy)]
struct NameRef {
    num: u32,
    line: usize,
}

/// An instruction whose value operands are still names.
struct RawIns {
    ins: Ins,
    args: [Option<NameRef>; 3],
    snap: Option<NameRef>,
}

struct RawCarry {
    slot: u32,
    init: NameRef,
    param: NameRef,
    next: NameRef,
}

#[derive(Default)]
struct Parser {
    ins: Vec<RawIns>,
    /// Snapshots, with their entries' values still names.
    snaps: Vec<RawSnap>,
    carried: Vec<RawCarry>,
    header_snap: Option<NameRef>,
    /// Value name number -> instruction index.
    values: HashMap<u32, usize>,
    /// Snapshot name number -> snapshot index.
    snap_names: HashMap<u32, usize>,
}

impl Parser {
    fn line(&mut self, line: &str, n: usize) -> Res<()> {
        if let Some(rest) = keyword(line, "carry") {
            return self.carry(rest, n);
        }
        if let Some(rest) = keyword(line, "header_snap") {
            if self.header_snap.is_some() {
                return Err("duplicate header_snap line".into());
            }
            self.header_snap = Some(name(rest.trim(), 's', n)?);
            return Ok(());
        }
        if let Some((lhs, rhs)) = line.split_once('=') {
            let lhs = lhs.trim();
            if lhs.starts_with('s') {
                let num = name(lhs, 's', n)?.num;
                if self.snap_names.insert(num, self.snaps.len()).is_some() {
                    return Err(format!("snapshot s{num} defined twice"));
                }
                let snap = snapshot(rhs, n)?;
                self.snaps.push(snap);
                return Ok(());
            }
            if lhs.starts_with('v') {
                let num = name(lhs, 'v', n)?.num;
                if self.values.insert(num, self.ins.len()).is_some() {
                    return Err(format!("value v{num} defined twice"));
                }
                let (ty, rest) = rhs
                    .trim()
                    .split_once(char::is_whitespace)
                    .unwrap_or((rhs.trim(), ""));
                let ty = Ty::from_name(ty).ok_or_else(|| format!("unknown type '{ty}'"))?;
                if ty == Ty::VOID {
                    return Err(format!(
                        "v{num} has type void; void instructions have no name"
                    ));
                }
                return self.instruction(ty, rest, n);
            }
        }
        self.instruction(Ty::VOID, line, n)
    }

    /// `OPCODE [operands] [; sN]`, after the optional `vN = TYPE`.
    fn instruction(&mut self, ty: Ty, text: &str, n: usize) -> Res<()> {
        let (body, snap) = match text.split_once(';') {
            Some((body, snap)) => (body, Some(name(snap.trim(), 's', n)?)),
            None => (text, None),
        };
        let body = body.trim();
        let (opname, operands) = body.split_once(char::is_whitespace).unwrap_or((body, ""));
        let op = Opcode::from_name(opname).ok_or_else(|| format!("unknown opcode '{opname}'"))?;
        let shape = op.operands();
        let fields: Vec<&str> = if operands.trim().is_empty() {
            Vec::new()
        } else {
            operands.split(',').map(str::trim).collect()
        };
        let want = shape.values as usize + shape.imm as usize;
        if fields.len() != want {
            return Err(format!(
                "{} takes {} value operand(s){}, got {} operand(s)",
                op.name(),
                shape.values,
                if shape.imm { " and an immediate" } else { "" },
                fields.len()
            ));
        }
        let mut ins = Ins::new(op, ty);
        let mut args = [None; 3];
        for (i, f) in fields.iter().take(shape.values as usize).enumerate() {
            args[i] = Some(name(f, 'v', n)?);
        }
        if shape.imm {
            ins.imm = imm(op, fields[want - 1])?;
        }
        self.ins.push(RawIns { ins, args, snap });
        Ok(())
    }

    /// `SLOT: INIT -> PARAM -> NEXT`, after `carry`.
    fn carry(&mut self, rest: &str, n: usize) -> Res<()> {
        let bad = || "expected 'carry SLOT: INIT -> PARAM -> NEXT'".to_string();
        let (slot, vals) = rest.split_once(':').ok_or_else(bad)?;
        let slot = int::<u32>(slot.trim()).map_err(|e| format!("bad slot: {e}"))?;
        let vals: Vec<&str> = vals.split("->").map(str::trim).collect();
        if vals.len() != 3 {
            return Err(bad());
        }
        self.carried.push(RawCarry {
            slot,
            init: name(vals[0], 'v', n)?,
            param: name(vals[1], 'v', n)?,
            next: name(vals[2], 'v', n)?,
        });
        Ok(())
    }

    /// Resolves every name and builds the trace.
    fn finish(self) -> Result<Trace, ParseError> {
        let vdense = self.values.iter().all(|(&k, &v)| k as usize == v);
        let sdense = self.snap_names.iter().all(|(&k, &v)| k as usize == v);
        let val = |r: NameRef| -> Result<InsRef, ParseError> {
            resolve(&self.values, vdense, r, 'v').map(InsRef::new)
        };
        let snap = |r: NameRef| -> Result<SnapId, ParseError> {
            resolve(&self.snap_names, sdense, r, 's').map(SnapId::new)
        };
        let mut t = Trace::default();
        for raw in &self.ins {
            let mut ins = raw.ins;
            let fields = [&mut ins.a, &mut ins.b, &mut ins.c];
            for (field, arg) in fields.into_iter().zip(raw.args) {
                if let Some(arg) = arg {
                    *field = val(arg)?;
                }
            }
            ins.snap = raw.snap.map(snap).transpose()?;
            t.ins.push(ins);
        }
        for (frames, entries) in &self.snaps {
            let entries = entries
                .iter()
                .map(|&(slot, v)| Ok((slot, val(v)?)))
                .collect::<Result<Vec<_>, ParseError>>()?;
            t.snaps.push(Snapshot {
                frames: frames.clone(),
                entries,
            });
        }
        for c in &self.carried {
            t.carried.push(Carried {
                slot: c.slot,
                param: val(c.param)?,
                init: val(c.init)?,
                next: val(c.next)?,
            });
        }
        t.header_snap = self.header_snap.map(snap).transpose()?;
        Ok(t)
    }
}

// -- Pieces ------------------------------------------------------------------------

/// `line` without a leading keyword `kw` (followed by whitespace or the end).
fn keyword<'a>(line: &'a str, kw: &str) -> Option<&'a str> {
    let rest = line.strip_prefix(kw)?;
    (rest.is_empty() || rest.starts_with(char::is_whitespace)).then_some(rest)
}

/// A name `v12` / `s3`.
fn name(s: &str, prefix: char, line: usize) -> Res<NameRef> {
    s.strip_prefix(prefix)
        .filter(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|d| d.parse::<u32>().ok())
        .map(|num| NameRef { num, line })
        .ok_or_else(|| format!("expected a name like '{prefix}3', got '{s}'"))
}

fn resolve(
    names: &HashMap<u32, usize>,
    dense: bool,
    r: NameRef,
    prefix: char,
) -> Result<usize, ParseError> {
    match names.get(&r.num) {
        Some(&i) => Ok(i),
        None if dense => Ok(r.num as usize),
        None => Err(ParseError {
            line: r.line,
            msg: format!("{prefix}{} is never defined", r.num),
        }),
    }
}

/// An integer in decimal or `0x` hex, with an optional sign.
fn int<T: TryFrom<i128>>(s: &str) -> Res<T> {
    let (neg, digits) = match s.strip_prefix('-') {
        Some(d) => (true, d),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    let v: i128 = match hex_digits(digits) {
        Some(h) => u64::from_str_radix(h, 16).map(i128::from),
        None => digits.parse::<u64>().map(i128::from),
    }
    .map_err(|_| format!("'{s}' is not an integer"))?;
    let v = if neg { -v } else { v };
    T::try_from(v).map_err(|_| format!("'{s}' is out of range"))
}

fn hex_digits(s: &str) -> Option<&str> {
    s.strip_prefix("0x").or_else(|| s.strip_prefix("0X"))
}

/// The immediate of `op`. Unsigned hex above `i64::MAX` is a 64-bit pattern (the
/// printer's `{:#x}` of a negative i64), so `0xffffffffffffffff` reads as -1.
fn imm(op: Opcode, s: &str) -> Res<i64> {
    if op == Opcode::KFloat {
        return s
            .parse::<f64>()
            .map(|f| f.to_bits() as i64)
            .map_err(|_| format!("'{s}' is not a float"));
    }
    let v = int::<i128>(s)?;
    match i64::try_from(v) {
        Ok(v) => Ok(v),
        Err(_) if hex_digits(s).is_some() && v <= u64::MAX as i128 => Ok(v as u64 as i64),
        Err(_) => Err(format!("'{s}' is out of range")),
    }
}

/// `FRAME* {SLOT: vN, ...}`: the right-hand side of a snapshot line.
type RawSnap = (Vec<SnapFrame>, Vec<(u32, NameRef)>);

fn snapshot(mut s: &str, line: usize) -> Res<RawSnap> {
    let mut frames = Vec::new();
    loop {
        s = s.trim_start();
        let Some(rest) = s.strip_prefix("frame(") else {
            break;
        };
        let (inner, after) = rest.split_once(')').ok_or("unclosed 'frame('")?;
        frames.push(frame(inner)?);
        s = after;
    }
    let body = s
        .trim()
        .strip_prefix('{')
        .and_then(|b| b.strip_suffix('}'))
        .ok_or("expected '{SLOT: vN, ...}' after the frames")?;
    let mut entries = Vec::new();
    for e in body.split(',').map(str::trim).filter(|e| !e.is_empty()) {
        let (slot, v) = e
            .split_once(':')
            .ok_or_else(|| format!("expected 'SLOT: vN', got '{e}'"))?;
        let slot = int::<u32>(slot.trim()).map_err(|e| format!("bad slot: {e}"))?;
        entries.push((slot, name(v.trim(), 'v', line)?));
    }
    Ok((frames, entries))
}

/// `code=ADDR, pc=N, base=N, ret=N` (any order, all required).
fn frame(s: &str) -> Res<SnapFrame> {
    let (mut code, mut pc, mut base, mut ret) = (None, None, None, None);
    for kv in s.split(',') {
        let (k, v) = kv
            .split_once('=')
            .ok_or_else(|| format!("expected 'key=value' in frame, got '{}'", kv.trim()))?;
        let v = v.trim();
        match k.trim() {
            "code" => code = Some(int::<usize>(v)?),
            "pc" => pc = Some(int::<u32>(v)?),
            "base" => base = Some(int::<u32>(v)?),
            "ret" => ret = Some(int::<u32>(v)?),
            k => return Err(format!("unknown frame field '{k}'")),
        }
    }
    match (code, pc, base, ret) {
        (Some(code), Some(pc), Some(base), Some(ret)) => Ok(SnapFrame {
            code,
            pc,
            base,
            ret,
        }),
        _ => Err("a frame needs code, pc, base and ret".into()),
    }
}

// -- Tests -------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::TyRule;

    fn v(i: usize) -> InsRef {
        InsRef::new(i)
    }

    /// A trace with one instruction of every opcode (in table order), each after a
    /// few values it can use, plus snapshots, carried slots and a header snapshot.
    fn every_opcode() -> Trace {
        let mut t = Trace::default();
        let s0 = t.push_snap(Snapshot {
            frames: vec![SnapFrame {
                code: 0x5555_0000_1230,
                pc: 7,
                base: 0,
                ret: 0,
            }],
            entries: vec![],
        });
        let int = t.push(Ins {
            imm: -42,
            ..Ins::new(Opcode::KInt, Ty::INT)
        });
        let flt = t.push(Ins {
            imm: 2.5f64.to_bits() as i64,
            ..Ins::new(Opcode::KFloat, Ty::FLOAT)
        });
        let bool_ = t.push(Ins {
            imm: 1,
            ..Ins::new(Opcode::KBool, Ty::BOOL)
        });
        let list = t.push(Ins {
            imm: 0x7f00_0000_1000,
            snap: Some(s0),
            ..Ins::new(Opcode::SLoad, Ty::LIST)
        });
        for &op in Opcode::ALL {
            let ty = match op.ty_rule() {
                TyRule::Fixed(ty) => ty,
                TyRule::Given if op == Opcode::KRef => Ty::STR,
                TyRule::Given => Ty::INT,
            };
            let mut ins = Ins::new(op, ty);
            let kinds: [InsRef; 3] = match op {
                Opcode::FAdd | Opcode::FSub | Opcode::FMul | Opcode::FDiv | Opcode::FNeg => {
                    [flt, flt, flt]
                }
                Opcode::FLt
                | Opcode::FLe
                | Opcode::FGt
                | Opcode::FGe
                | Opcode::FEq
                | Opcode::FNe => [flt, flt, flt],
                Opcode::Not | Opcode::GuardTrue | Opcode::GuardFalse => [bool_, bool_, bool_],
                Opcode::RefEq
                | Opcode::GuardRef
                | Opcode::ListLen
                | Opcode::GuardShape
                | Opcode::SlotGet
                | Opcode::SlotSet
                | Opcode::CellGet
                | Opcode::CellSet => [list, list, list],
                Opcode::ListGet | Opcode::ListSet => [list, int, int],
                _ => [int, int, flt],
            };
            let fields = [&mut ins.a, &mut ins.b, &mut ins.c];
            for (field, arg) in fields
                .into_iter()
                .zip(kinds)
                .take(op.operands().values as usize)
            {
                *field = arg;
            }
            if op.operands().imm {
                ins.imm = match op {
                    Opcode::KFloat => (-0.0f64).to_bits() as i64,
                    Opcode::KRef | Opcode::GuardRef => -0x1000, // prints as a 64-bit hex pattern
                    _ => 3,
                };
            }
            if op.flags() & crate::ir::flags::GUARD != 0 {
                let s = t.push_snap(Snapshot {
                    frames: vec![
                        SnapFrame {
                            code: 0x10,
                            pc: 1,
                            base: 0,
                            ret: 0,
                        },
                        SnapFrame {
                            code: 0x20,
                            pc: 0,
                            base: 4,
                            ret: 3,
                        },
                    ],
                    entries: vec![(0, int), (2, list)],
                });
                ins.snap = Some(s);
            }
            t.push(ins);
        }
        t.carried.push(Carried {
            slot: 3,
            param: v(12),
            init: int,
            next: v(14),
        });
        t.header_snap = Some(s0);
        t
    }

    #[test]
    fn round_trips_every_opcode() {
        let t = every_opcode();
        let text = t.to_text();
        for op in Opcode::ALL {
            assert!(
                text.contains(op.name()),
                "{} missing from\n{text}",
                op.name()
            );
        }
        assert_eq!(parse(&text), Ok(t), "text was:\n{text}");
    }

    #[test]
    fn round_trips_special_floats() {
        for f in [
            0.0,
            -0.0,
            0.1,
            1e300,
            -1e-300,
            5e-324,
            f64::MAX,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
        ] {
            let mut t = Trace::default();
            t.push(Ins {
                imm: f.to_bits() as i64,
                ..Ins::new(Opcode::KFloat, Ty::FLOAT)
            });
            assert_eq!(parse(&t.to_text()), Ok(t));
        }
    }

    #[test]
    fn sparse_names_comments_and_forward_references() {
        let text = "
            # a comment line
            s7 = {1: v10}            # entries may name values defined later
            v2 = int SLoad 1 ; s7
            v10 = int AddOv v2, v2 ; s7
            GuardTrue v11 ; s7       # v11 is never defined: an error in sparse input
        ";
        let err = parse(text).unwrap_err();
        assert_eq!(err.line, 6);
        let text = text.replace("GuardTrue v11 ; s7", "");
        let t = parse(&text).unwrap();
        assert_eq!(t.ins.len(), 2);
        assert_eq!(t.get(v(1)).a, v(0));
        assert_eq!(t.snaps[0].entries, vec![(1, v(1))]);
        assert_eq!(t.get(v(0)).snap, Some(SnapId::new(0)));
    }

    #[test]
    fn dense_input_keeps_references_to_void_instructions() {
        let text = "Loop\nGuardTrue v0\n";
        let t = parse(text).unwrap();
        assert_eq!(t.get(v(1)).a, v(0));
        assert_eq!(t.to_text(), text);
    }

    #[test]
    fn hex_and_decimal_immediates() {
        let t = parse("v0 = int KInt 0x10\nv1 = int KInt -0x10\nv2 = list KRef 16\nv3 = list KRef 0xffffffffffffffff").unwrap();
        assert_eq!(
            t.ins.iter().map(|i| i.imm).collect::<Vec<_>>(),
            vec![16, -16, 16, -1]
        );
    }

    #[test]
    fn errors_name_the_line() {
        let cases = [
            ("v0 = int Frob 1", "unknown opcode"),
            ("v0 = integer KInt 1", "unknown type"),
            ("v0 = int KInt", "takes 0 value operand(s) and an immediate"),
            ("v0 = int AddOv v1", "takes 2 value operand(s)"),
            ("v0 = int KInt x", "not an integer"),
            ("v0 = float KFloat one", "not a float"),
            ("v0 = int KInt 1\nv0 = int KInt 2", "defined twice"),
            ("s0 = {0 v1}", "expected 'SLOT: vN'"),
            (
                "s0 = frame(code=1, pc=2) {}",
                "needs code, pc, base and ret",
            ),
            ("carry 0: v1 -> v2", "expected 'carry"),
            ("v0 = void Loop", "void instructions have no name"),
            ("v0 = int AddOv x1, v2 ; s0", "expected a name"),
            ("header_snap s0\nheader_snap s0", "duplicate header_snap"),
        ];
        for (text, msg) in cases {
            let err = parse(text).unwrap_err();
            assert!(err.msg.contains(msg), "{text:?}: got {err}");
            assert_eq!(err.line, text.lines().count(), "{text:?}: got {err}");
        }
    }
}
