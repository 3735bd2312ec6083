//! Trace log: the `--trace-log` formats (docs/TRACE_LOG.md, a stable interface) and
//! the JIT's command-line switches (`--jit k=v`, `--jit help`, `--jit off`,
//! `--jit-stats`).
//!
//! `tests/trace_log/loop.py` has three hot loops: a while loop with an int
//! accumulator and a branch, a for-range loop with a float accumulator, and a loop
//! that aborts (NYI: a method call) until it is blacklisted. Its text log, with
//! machine addresses and timings masked, is compared with `tests/trace_log/loop.log`
//! (`TVM_TEST_BLESS=1 cargo test --test trace_log` rewrites it; read the diff). The
//! JSON log is checked against the schema below, which must list exactly the fields
//! the document's event table lists, and must carry the same events as the text log.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use tvm_tracer::abort::AbortReason;
use tvm_tracer::log::{Event, Log};
use tvm_tracer::params::Params;

// -- Running the program -----------------------------------------------------------

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/trace_log")
}

/// Runs `tvm args...` in `tests/trace_log` (so logs name the file `loop.py`).
fn tvm(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tvm"))
        .current_dir(dir())
        .args(args)
        .output()
        .expect("run tvm")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// A fresh path for a log file (tests run in parallel: one name per test).
fn scratch(name: &str) -> String {
    let d = std::env::temp_dir().join(format!("tvm-trace-log-{}", std::process::id()));
    std::fs::create_dir_all(&d).expect("temp dir");
    d.join(name).to_str().expect("utf-8 temp path").to_string()
}

/// Runs `loop.py` with `args` before it, writing the trace log to a fresh file;
/// returns the process output and the log.
fn run_logged(name: &str, args: &[&str]) -> (Output, String) {
    let log = scratch(name);
    let mut all = vec!["run", "--trace-log", &log];
    all.extend_from_slice(args);
    all.push("loop.py");
    let o = tvm(&all);
    assert!(
        o.status.success(),
        "tvm {all:?} failed: {}",
        text(&o.stderr)
    );
    let s = std::fs::read_to_string(&log).unwrap_or_else(|e| panic!("{log}: {e}"));
    (o, s)
}

/// What CPython 3.11 prints for loop.py.
const STDOUT: &str = "14650\n99.75\n2000\n";

// -- Normalising and comparing -----------------------------------------------------

/// Replaces every hex number `0x...` (except `0x0`) with what `name` returns for it.
fn mask_hex(s: &str, mut name: impl FnMut(&str) -> String) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find("0x") {
        let digits = rest[at + 2..]
            .bytes()
            .take_while(u8::is_ascii_hexdigit)
            .count();
        let end = at + 2 + digits;
        out.push_str(&rest[..at]);
        let word = at == 0 || !rest.as_bytes()[at - 1].is_ascii_alphanumeric();
        if word && digits > 0 && &rest[at..end] != "0x0" {
            out.push_str(&name(&rest[at..end]));
        } else {
            out.push_str(&rest[at..end]);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// A text log without what changes from run to run: addresses become `0xADDR`, and
/// `mcode N bytes, compiled in N ms` hides code sizes (Cranelift's business) and times.
fn normalize(log: &str) -> String {
    let mut out = String::new();
    for line in log.lines() {
        match line.split_once(" mcode ") {
            Some((head, _)) if line.starts_with("---- TRACE ") => {
                out.push_str(head);
                out.push_str(" mcode N bytes, compiled in N ms");
            }
            _ => out.push_str(&mask_hex(line, |_| "0xADDR".into())),
        }
        out.push('\n');
    }
    out
}

/// A unified-style line diff (`-` expected, `+` actual, 3 lines of context).
fn diff(expected: &str, actual: &str) -> String {
    let (e, a): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), actual.lines().collect());
    let mut lcs = vec![vec![0u32; a.len() + 1]; e.len() + 1];
    for i in (0..e.len()).rev() {
        for j in (0..a.len()).rev() {
            lcs[i][j] = if e[i] == a[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut rows: Vec<(char, &str)> = vec![];
    let (mut i, mut j) = (0, 0);
    while i < e.len() || j < a.len() {
        if i < e.len() && j < a.len() && e[i] == a[j] {
            rows.push((' ', e[i]));
            (i, j) = (i + 1, j + 1);
        } else if j == a.len() || (i < e.len() && lcs[i + 1][j] >= lcs[i][j + 1]) {
            rows.push(('-', e[i]));
            i += 1;
        } else {
            rows.push(('+', a[j]));
            j += 1;
        }
    }
    let near_change = |k: usize| {
        rows[k.saturating_sub(3)..(k + 4).min(rows.len())]
            .iter()
            .any(|r| r.0 != ' ')
    };
    let mut out = String::from("--- expected\n+++ actual\n");
    let mut gap = false;
    for (k, (mark, line)) in rows.iter().enumerate() {
        if near_change(k) {
            if gap {
                out.push_str("@@\n");
            }
            out.push_str(&format!("{mark}{line}\n"));
            gap = false;
        } else {
            gap = true;
        }
    }
    out
}

// -- A small JSON parser -------------------------------------------------------------

/// A JSON value. Numbers keep their text, so integers can be told from floats.
#[derive(Clone, Debug, PartialEq)]
enum Json {
    Null,
    Bool(bool),
    Num(String),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

impl Json {
    fn parse(s: &str) -> Result<Json, String> {
        let mut p = JsonParser {
            s: s.as_bytes(),
            i: 0,
        };
        let v = p.value()?;
        p.ws();
        match p.i == s.len() {
            true => Ok(v),
            false => Err(format!("trailing characters at byte {}", p.i)),
        }
    }

    fn get(&self, key: &str) -> &Json {
        match self {
            Json::Obj(fields) => fields.iter().find(|f| f.0 == key).map(|f| &f.1),
            _ => None,
        }
        .unwrap_or_else(|| panic!("no field '{key}' in {self:?}"))
    }

    fn str(&self) -> &str {
        match self {
            Json::Str(s) => s,
            _ => panic!("not a string: {self:?}"),
        }
    }

    fn uint(&self) -> u64 {
        match self {
            Json::Num(n) => n.parse().unwrap_or_else(|_| panic!("not a u64: {n}")),
            _ => panic!("not a number: {self:?}"),
        }
    }

    fn uints(&self) -> Vec<u64> {
        match self {
            Json::Arr(items) => items.iter().map(Json::uint).collect(),
            _ => panic!("not an array: {self:?}"),
        }
    }
}

struct JsonParser<'a> {
    s: &'a [u8],
    i: usize,
}

impl JsonParser<'_> {
    fn ws(&mut self) {
        while matches!(self.s.get(self.i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    fn err<T>(&self, what: &str) -> Result<T, String> {
        Err(format!("expected {what} at byte {}", self.i))
    }

    fn eat(&mut self, lit: &str) -> bool {
        let ok = self.s[self.i..].starts_with(lit.as_bytes());
        if ok {
            self.i += lit.len();
        }
        ok
    }

    fn value(&mut self) -> Result<Json, String> {
        self.ws();
        match self.s.get(self.i) {
            Some(b'{') => self
                .seq(b'}', |p| {
                    p.ws();
                    let k = p.string()?;
                    p.ws();
                    if !p.eat(":") {
                        return p.err("':'");
                    }
                    Ok((k, p.value()?))
                })
                .map(Json::Obj),
            Some(b'[') => self.seq(b']', |p| p.value()).map(Json::Arr),
            Some(b'"') => self.string().map(Json::Str),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ if self.eat("true") => Ok(Json::Bool(true)),
            _ if self.eat("false") => Ok(Json::Bool(false)),
            _ if self.eat("null") => Ok(Json::Null),
            _ => self.err("a value"),
        }
    }

    /// `open item (, item)* close` (the opening bracket is at `self.i`).
    fn seq<T>(
        &mut self,
        close: u8,
        mut item: impl FnMut(&mut Self) -> Result<T, String>,
    ) -> Result<Vec<T>, String> {
        self.i += 1;
        let mut items = vec![];
        self.ws();
        if self.s.get(self.i) == Some(&close) {
            self.i += 1;
            return Ok(items);
        }
        loop {
            items.push(item(self)?);
            self.ws();
            match self.s.get(self.i) {
                Some(b',') => self.i += 1,
                Some(&c) if c == close => {
                    self.i += 1;
                    return Ok(items);
                }
                _ => return self.err(&format!("',' or '{}'", close as char)),
            }
        }
    }

    fn number(&mut self) -> Result<Json, String> {
        let start = self.i;
        let digits = |p: &mut Self| {
            let n = p.s[p.i..].iter().take_while(|c| c.is_ascii_digit()).count();
            p.i += n;
            n
        };
        self.eat("-");
        if !self.eat("0") && digits(self) == 0 {
            return self.err("digits");
        }
        if self.eat(".") && digits(self) == 0 {
            return self.err("fraction digits");
        }
        if self.eat("e") || self.eat("E") {
            let _ = self.eat("+") || self.eat("-");
            if digits(self) == 0 {
                return self.err("exponent digits");
            }
        }
        let text = std::str::from_utf8(&self.s[start..self.i]).expect("ascii");
        Ok(Json::Num(text.to_string()))
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let h = self
            .s
            .get(self.i..self.i + 4)
            .and_then(|h| std::str::from_utf8(h).ok());
        match h.and_then(|h| u32::from_str_radix(h, 16).ok()) {
            Some(v) => {
                self.i += 4;
                Ok(v)
            }
            None => self.err("4 hex digits"),
        }
    }

    fn string(&mut self) -> Result<String, String> {
        if !self.eat("\"") {
            return self.err("'\"'");
        }
        let mut out: Vec<u8> = vec![];
        loop {
            let Some(&c) = self.s.get(self.i) else {
                return self.err("closing '\"'");
            };
            self.i += 1;
            match c {
                b'"' => return String::from_utf8(out).map_err(|e| e.to_string()),
                b'\\' => {
                    let Some(&e) = self.s.get(self.i) else {
                        return self.err("an escape");
                    };
                    self.i += 1;
                    let ch = match e {
                        b'"' | b'\\' | b'/' => e as char,
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let mut u = self.hex4()?;
                            if (0xd800..0xdc00).contains(&u) && self.eat("\\u") {
                                let lo = self.hex4()?;
                                if !(0xdc00..0xe000).contains(&lo) {
                                    return self.err("a low surrogate");
                                }
                                u = 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00);
                            }
                            char::from_u32(u).map_or_else(|| self.err("a code point"), Ok)?
                        }
                        _ => return self.err("a valid escape"),
                    };
                    out.extend_from_slice(ch.encode_utf8(&mut [0; 4]).as_bytes());
                }
                c if c < 0x20 => return self.err("no raw control character in a string"),
                c => out.push(c),
            }
        }
    }
}

#[test]
fn json_parser() {
    let v = Json::parse(
        r#" {"a": [1, -2.5e3, true, false, null], "b\n": "x\"\u00e9\ud83d\ude00", "c": {}} "#,
    )
    .unwrap();
    let a = ["1", "-2.5e3"].map(|n| Json::Num(n.into()));
    let a = [&a[..], &[Json::Bool(true), Json::Bool(false), Json::Null]].concat();
    assert_eq!(v.get("a"), &Json::Arr(a));
    assert_eq!(v.get("b\n").str(), "x\"é😀");
    assert_eq!(v.get("c"), &Json::Obj(vec![]));
    for bad in [
        "{",
        "[1,]",
        "01",
        "\"a",
        "{\"a\" 1}",
        "1 2",
        "\"\t\"",
        "-",
        "1.",
        r#""\ud83d\u0041""#,
    ] {
        assert!(Json::parse(bad).is_err(), "{bad} should not parse");
    }
}

// -- The schema ------------------------------------------------------------------------

/// JSON types of event fields.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    /// A non-negative integer.
    Uint,
    Str,
    /// An array of non-negative integers.
    Uints,
    /// A non-negative integer or null.
    OptUint,
}

use Kind::*;

/// Every event and its fields (besides `"event"`), as docs/TRACE_LOG.md lists them.
#[rustfmt::skip]
const SCHEMA: &[(&str, &[(&str, Kind)])] = &[
    ("trace", &[("id", Uint), ("file", Str), ("line", Uint), ("func", Str), ("pc", Uint),
        ("recorded", Str), ("ir", Str), ("compile_us", Uint), ("code_size", Uint),
        ("parent", OptUint), ("parent_exit", OptUint), ("start_pc", Uint)]),
    ("inline", &[("id", Uint), ("into", Uint), ("calls", Uint), ("compile_us", Uint),
        ("code_size", Uint)]),
    ("abort", &[("file", Str), ("line", Uint), ("func", Str), ("pc", Uint), ("reason", Str),
        ("code", Str)]),
    ("blacklist", &[("file", Str), ("line", Uint), ("func", Str), ("aborts", Uint)]),
    ("trace_stats", &[("id", Uint), ("file", Str), ("line", Uint), ("entered", Uint),
        ("exits", Uints)]),
];

fn is_uint(v: &Json) -> bool {
    matches!(v, Json::Num(n) if n.bytes().all(|b| b.is_ascii_digit()) && n.parse::<u64>().is_ok())
}

fn has_kind(v: &Json, kind: Kind) -> bool {
    match kind {
        Uint => is_uint(v),
        Str => matches!(v, Json::Str(_)),
        Uints => matches!(v, Json::Arr(items) if items.iter().all(is_uint)),
        OptUint => matches!(v, Json::Null) || is_uint(v),
    }
}

/// The event table of docs/TRACE_LOG.md: (event, field names, backquoted words in
/// the fields' explanations).
fn documented_events() -> Vec<(String, Vec<String>, Vec<String>)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/TRACE_LOG.md");
    let doc = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let quoted =
        |s: &str| -> Vec<String> { s.split('`').skip(1).step_by(2).map(String::from).collect() };
    let mut events = vec![];
    for row in doc.lines().filter(|l| l.starts_with("| `")) {
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        let (event, fields) = (quoted(cells[1]), cells[3]);
        // Fields are separated by commas outside parentheses: `name` (explanation).
        let (mut names, mut words, mut depth, mut start) = (vec![], vec![], 0, 0);
        for (i, c) in fields.char_indices().chain([(fields.len(), ',')]) {
            match c {
                '(' => depth += 1,
                ')' => depth -= 1,
                ',' if depth == 0 => {
                    let mut q = quoted(&fields[start..i]).into_iter();
                    names.push(q.next().expect("a `field` name"));
                    words.extend(q);
                    start = i + 1;
                }
                _ => {}
            }
        }
        events.push((event[0].clone(), names, words));
    }
    events
}

#[test]
fn schema_matches_the_document() {
    let documented = documented_events();
    let ours: Vec<(String, Vec<String>)> = SCHEMA
        .iter()
        .map(|(e, f)| (e.to_string(), f.iter().map(|f| f.0.to_string()).collect()))
        .collect();
    let theirs: Vec<(String, Vec<String>)> = documented
        .iter()
        .map(|(e, f, _)| (e.clone(), f.clone()))
        .collect();
    assert_eq!(
        ours, theirs,
        "docs/TRACE_LOG.md's event table and this test's SCHEMA disagree"
    );
    // The abort codes the document lists are exactly abort.rs's.
    let (_, _, words) = documented
        .iter()
        .find(|e| e.0 == "abort")
        .expect("abort row");
    let mut doc_codes: Vec<&str> = words
        .iter()
        .map(String::as_str)
        .filter(|w| w.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'))
        .collect();
    let mut codes: Vec<&str> = AbortReason::TABLE.iter().map(|r| r.0).collect();
    doc_codes.sort_unstable();
    codes.sort_unstable();
    assert_eq!(
        doc_codes, codes,
        "abort codes in docs/TRACE_LOG.md vs tracer/src/abort.rs"
    );
}

// -- Checking one JSON log --------------------------------------------------------------

/// Parses a JSON log and checks every line against `SCHEMA`.
fn check_json_log(log: &str) -> Vec<Json> {
    let mut events = vec![];
    for (n, line) in log.lines().enumerate() {
        let at = || format!("JSON log line {}: {line}", n + 1);
        let v = Json::parse(line).unwrap_or_else(|e| panic!("{e}\n{}", at()));
        let Json::Obj(fields) = &v else {
            panic!("not an object\n{}", at());
        };
        let Some(Json::Str(event)) = fields.iter().find(|f| f.0 == "event").map(|f| &f.1) else {
            panic!("no string field \"event\"\n{}", at());
        };
        let Some((_, schema)) = SCHEMA.iter().find(|s| s.0 == event) else {
            panic!("unknown event '{event}'\n{}", at());
        };
        let mut got: Vec<&str> = fields.iter().map(|f| f.0.as_str()).collect();
        let mut want: Vec<&str> = schema.iter().map(|f| f.0).chain(["event"]).collect();
        got.sort_unstable();
        want.sort_unstable();
        assert_eq!(got, want, "fields of a '{event}' event\n{}", at());
        for &(name, kind) in schema.iter() {
            let value = v.get(name);
            assert!(
                has_kind(value, kind),
                "field '{name}' is not {kind:?}\n{}",
                at()
            );
        }
        events.push(v);
    }
    events
}

/// The event a JSON object describes (the inverse of `Log::json`).
fn event_of(v: &Json) -> Event {
    if v.get("event").str() == "inline" {
        return Event::Inline {
            id: v.get("id").uint() as usize,
            into: v.get("into").uint() as usize,
            calls: v.get("calls").uint(),
            compile_time: std::time::Duration::from_micros(v.get("compile_us").uint()),
            code_size: v.get("code_size").uint() as usize,
        };
    }
    let (file, line) = (v.get("file").str().to_string(), v.get("line").uint() as u32);
    let func = || v.get("func").str().to_string();
    match v.get("event").str() {
        "trace" => Event::Trace {
            id: v.get("id").uint() as usize,
            file,
            line,
            func: func(),
            header_pc: v.get("pc").uint() as usize,
            recorded: v.get("recorded").str().into(),
            ir: v.get("ir").str().into(),
            compile_time: std::time::Duration::from_micros(v.get("compile_us").uint()),
            code_size: v.get("code_size").uint() as usize,
            side_of: match v.get("parent") {
                Json::Null => None,
                p => Some((
                    p.uint() as usize,
                    v.get("parent_exit").uint() as usize,
                    v.get("start_pc").uint() as usize,
                )),
            },
        },
        "abort" => Event::Abort {
            file,
            line,
            func: func(),
            pc: v.get("pc").uint() as usize,
            reason: v.get("reason").str().into(),
            code: v.get("code").str().into(),
        },
        "blacklist" => Event::Blacklist {
            file,
            line,
            func: func(),
            aborts: v.get("aborts").uint() as u32,
        },
        "trace_stats" => Event::TraceStats {
            id: v.get("id").uint() as usize,
            file,
            line,
            entered: v.get("entered").uint(),
            exits: v.get("exits").uints(),
        },
        e => panic!("unknown event {e}"),
    }
}

fn count(events: &[Json], name: &str) -> usize {
    events
        .iter()
        .filter(|e| e.get("event").str() == name)
        .count()
}

// -- Tests ------------------------------------------------------------------------------

#[test]
fn text_log_matches_golden() {
    let (o, log) = run_logged("golden.log", &[]);
    assert_eq!(text(&o.stdout), STDOUT);
    let interp = tvm(&["run", "--no-jit", "loop.py"]);
    assert_eq!(
        text(&interp.stdout),
        text(&o.stdout),
        "stdout with and without the JIT"
    );
    let actual = normalize(&log);
    // `--trace-log -` writes the same log to stderr.
    let dash = tvm(&["run", "--trace-log", "-", "loop.py"]);
    assert_eq!(
        normalize(&text(&dash.stderr)),
        actual,
        "--trace-log - (stderr)"
    );

    let golden = dir().join("loop.log");
    if std::env::var("TVM_TEST_BLESS").is_ok_and(|v| v == "1") {
        std::fs::write(&golden, &actual).expect("write golden");
        eprintln!("blessed {}", golden.display());
        return;
    }
    let expected = std::fs::read_to_string(&golden).unwrap_or_default();
    if expected != actual {
        panic!(
            "trace log differs from {} (TVM_TEST_BLESS=1 cargo test --test trace_log rewrites it):\n{}",
            golden.display(),
            diff(&expected, &actual)
        );
    }
}

#[test]
fn json_log_follows_the_documented_schema() {
    let (o, log) = run_logged("loop.jsonl", &["--trace-log-format=json"]);
    assert_eq!(text(&o.stdout), STDOUT);
    let events = check_json_log(&log);
    let counts: Vec<usize> = SCHEMA.iter().map(|s| count(&events, s.0)).collect();
    assert_eq!(
        counts,
        [3, 1, 4, 1, 3],
        "trace, inline, abort, blacklist, trace_stats events"
    );

    let mut snaps: HashMap<u64, usize> = HashMap::new();
    for e in &events {
        match e.get("event").str() {
            "trace" => {
                let recorded = tvm_tracer::text::parse(e.get("recorded").str());
                let recorded = recorded.unwrap_or_else(|err| panic!("recorded: {err}"));
                tvm_tracer::verify::verify(&recorded).expect("the recorded trace verifies");
                let ir = tvm_tracer::text::parse(e.get("ir").str()).expect("ir parses");
                snaps.insert(e.get("id").uint(), ir.snaps.len());
            }
            "abort" => {
                let code = e.get("code").str();
                assert!(
                    AbortReason::TABLE.iter().any(|r| r.0 == code),
                    "abort code {code}"
                );
            }
            "trace_stats" => {
                let exits = e.get("exits").uints();
                assert_eq!(
                    Some(&exits.len()),
                    snaps.get(&e.get("id").uint()),
                    "one count per snapshot"
                );
                assert_eq!(
                    exits.iter().sum::<u64>(),
                    e.get("entered").uint(),
                    "every entry leaves once"
                );
            }
            _ => {}
        }
    }

    // The JSON log holds the same events as the text log.
    let (_, text_log) = run_logged("same.log", &[]);
    let from_json: String = events.iter().map(|e| Log::text(&event_of(e))).collect();
    assert_eq!(normalize(&from_json), normalize(&text_log));
}

/// Runs `side_trace_inlined.py` with `jit` params; every `inline` event must say
/// `calls` calls, and the text log must agree with the JSON one.
fn check_inlined(jit: &str, calls: u64, tag: &str) {
    let log = scratch(&format!("{tag}.jsonl"));
    let program = "../programs/jit/side_trace_inlined.py";
    let args = |log: &str, fmt: &str| -> Vec<String> {
        ["run", "--trace-log", log, fmt, "--jit", jit, program]
            .iter()
            .map(|s| s.to_string())
            .collect()
    };
    let a = args(&log, "--trace-log-format=json");
    let o = tvm(&a.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(o.status.success(), "{}", text(&o.stderr));
    let expected = std::fs::read_to_string(dir().join("../programs/jit/side_trace_inlined.stdout"))
        .expect("golden stdout");
    assert_eq!(text(&o.stdout), expected);
    let json = std::fs::read_to_string(&log).expect("log");
    let events = check_json_log(&json);
    let traces: Vec<&Json> = events
        .iter()
        .filter(|e| e.get("event").str() == "trace")
        .collect();
    let inlines: Vec<&Json> = events
        .iter()
        .filter(|e| e.get("event").str() == "inline")
        .collect();
    assert!(!inlines.is_empty(), "no side trace was inlined:\n{json}");
    for e in &inlines {
        let (id, into) = (e.get("id").uint(), e.get("into").uint());
        let side = traces
            .iter()
            .find(|t| t.get("id").uint() == id)
            .expect("the side trace");
        assert!(
            !matches!(side.get("parent"), Json::Null),
            "trace {id} is a side trace"
        );
        let root = traces
            .iter()
            .find(|t| t.get("id").uint() == into)
            .expect("the unit root");
        assert!(
            matches!(root.get("parent"), Json::Null),
            "trace {into} is a loop trace"
        );
        assert_eq!(e.get("calls").uint(), calls);
        assert!(e.get("code_size").uint() > 0);
    }
    // The text log says the same.
    let text_log_path = scratch(&format!("{tag}.log"));
    let a = args(&text_log_path, "--trace-log-format=text");
    let o = tvm(&a.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(o.status.success(), "{}", text(&o.stderr));
    let text_log = std::fs::read_to_string(&text_log_path).expect("log");
    let from_json: String = events.iter().map(|e| Log::text(&event_of(e))).collect();
    assert_eq!(normalize(&from_json), normalize(&text_log));
    assert!(text_log.contains("inlined into trace"), "{text_log}");
}

#[test]
fn side_traces_compiled_into_their_loop_are_logged() {
    // A side trace called once is compiled into its loop's function then.
    check_inlined(
        "hotexit=1,sidedirect=0,sideinline=1,sideratio=4000000000",
        1,
        "inline",
    );
    // With `sidedirect` (the default), one whose exit is hot is compiled into it
    // straight away: after 0 calls.
    check_inlined("hotexit=1,sideratio=4000000000", 0, "direct");
}

#[test]
fn jit_stats_summarise_the_run() {
    let (o, log) = run_logged("stats.jsonl", &["--jit-stats", "--trace-log-format=json"]);
    assert_eq!(text(&o.stdout), STDOUT);
    let err = text(&o.stderr);
    let stat = |label: &str| -> f64 {
        let line = err
            .lines()
            .find(|l| l.trim_start().starts_with(label))
            .unwrap_or_else(|| panic!("no '{label}' line in:\n{err}"));
        let value = line.trim_start()[label.len()..]
            .trim()
            .trim_end_matches(" ms");
        value
            .parse()
            .unwrap_or_else(|_| panic!("bad '{label}' line: {line}"))
    };
    assert!(err.starts_with("jit-stats:\n"), "{err}");
    let events = check_json_log(&log);
    let sum = |f: &dyn Fn(&Json) -> u64| -> f64 {
        events
            .iter()
            .filter(|e| e.get("event").str() == "trace_stats")
            .map(f)
            .sum::<u64>() as f64
    };
    assert_eq!(stat("traces compiled"), count(&events, "trace") as f64);
    assert_eq!(stat("traces aborted"), count(&events, "abort") as f64);
    assert_eq!(stat("nyi"), count(&events, "abort") as f64);
    assert_eq!(
        stat("loops blacklisted"),
        count(&events, "blacklist") as f64
    );
    assert_eq!(stat("traces unlinked"), 0.0);
    assert_eq!(stat("trace entries"), sum(&|e| e.get("entered").uint()));
    assert_eq!(
        stat("side exits"),
        sum(&|e| e.get("exits").uints().iter().sum())
    );
    assert!(stat("recording time") >= 0.0 && stat("compile time") >= 0.0);
}

#[test]
fn jit_help_lists_every_parameter() {
    let o = tvm(&["run", "--jit", "help"]);
    assert!(o.status.success());
    let out = text(&o.stdout);
    for &(name, default, _) in Params::TABLE {
        assert!(
            out.lines()
                .any(|l| l.trim_start().starts_with(&format!("{name} "))
                    && l.ends_with(&format!("(default {default})"))),
            "--jit help does not list {name}:\n{out}"
        );
    }
}

#[test]
fn bad_jit_parameters_are_usage_errors() {
    for (spec, msg) in [
        (
            "hotloop=abc",
            "invalid value 'abc' for JIT parameter 'hotloop'",
        ),
        ("nosuch=1", "unknown JIT parameter 'nosuch'"),
        ("hotloop", "expected k=v, got 'hotloop'"),
    ] {
        let o = tvm(&["run", "--jit", spec, "loop.py"]);
        let err = text(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "--jit {spec}: {err}");
        assert!(
            err.starts_with("tvm: ") && err.contains(msg),
            "--jit {spec}: {err}"
        );
        assert!(
            o.stdout.is_empty(),
            "--jit {spec}: the program must not run"
        );
    }
}

#[test]
fn jit_off_compiles_nothing() {
    for (i, off) in [&["--jit", "off"][..], &["--no-jit"], &["--jit=off"]]
        .iter()
        .enumerate()
    {
        for format in ["text", "json"] {
            let fmt = format!("--trace-log-format={format}");
            let mut args = off.to_vec();
            args.extend(["--jit-stats", &fmt]);
            let (o, log) = run_logged(&format!("off{i}.{format}"), &args);
            assert_eq!(text(&o.stdout), STDOUT, "{args:?}");
            assert_eq!(log, "", "{args:?}: the JIT must not run");
        }
    }
}
