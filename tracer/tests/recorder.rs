//! Recorder: what the recorder makes of small Python loops, as IR text, and how
//! `snapshot::restore` rebuilds the frames of inlined calls.
//!
//! The recorder runs beside the interpreter, so these tests drive it for real: a
//! `Vm` with a trace `Manager` that records every loop at its first back-edge
//! (`jit_threshold = 1`) and compiles it with the Cranelift backend, so the program
//! also checks its own results with `assert` on the compiled code. Each file in
//! `tests/recorder/*.trace` looks like this:
//!
//! ```text
//! # What the test is about (comment lines).
//! # source
//! ...a Python program (run as `t.py`)...
//! # expect
//! ---- TRACE 1 start t.py:4 in f (pc 2)
//! ...the trace handed to the backend (after fold and dce), `Trace::to_text`...
//! ---- TRACE 1 stats t.py:4: entered 1, exits s3=1
//! ```
//!
//! Besides each trace, the expectation holds the trace log's one-line events:
//! aborts, blacklists (`maxabort=1`: a loop that aborts once is never tried again)
//! and, at exit, how often each trace was entered and left through each snapshot.
//! Addresses are named after what they point at: `@code:f` (a code object),
//! `@func:f` / `@builtin:len` (the global's value), `@global:g` (a global's slot);
//! any other becomes `0xADDR`. `TVM_TEST_BLESS=1 cargo test -p tvm-tracer --test
//! recorder` rewrites the `# expect` sections; read the diff before keeping it.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::rc::Rc;
use tvm_tracer::abi::RuntimeLayout;
use tvm_tracer::ir::{SnapFrame, Snapshot};
use tvm_tracer::log::{Format, Log};
use tvm_tracer::manager::{CompiledCode, Compiler, Manager};
use tvm_tracer::params::Params;
use tvm_tracer::snapshot::{payload_bits, restore};
use tvm_vm::bytecode::Code;
use tvm_vm::interp::Frame;
use tvm_vm::{Value, Vm};

// -- Recording a program ---------------------------------------------------------------

/// What a run shows: each compiled trace's text under its log line, and the log's
/// other one-line events.
#[derive(Default)]
struct Sink {
    out: String,
    /// The text of the trace being compiled, until its `start` line is logged.
    pending: Option<String>,
    line: Vec<u8>,
}

impl Sink {
    fn log_line(&mut self, line: &str) {
        let keep =
            line.starts_with("---- TRACE ") && !line.ends_with(" IR") && !line.contains(" mcode ");
        if !keep {
            return; // The annotated IR: the trace's own text is shown instead.
        }
        let pending = self.pending.take().unwrap_or_default();
        if line.contains(" start ") {
            self.out += &format!("{line}\n{pending}");
        } else {
            self.out += &format!("{pending}{line}\n");
        }
    }
}

/// The trace log's output stream.
struct SinkWriter(Rc<RefCell<Sink>>);

impl Write for SinkWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut sink = self.0.borrow_mut();
        for &b in buf {
            if b == b'\n' {
                let line = String::from_utf8_lossy(&std::mem::take(&mut sink.line)).into_owned();
                sink.log_line(&line);
            } else {
                sink.line.push(b);
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Names for the addresses a trace of `module` can mention (see the module doc).
fn address_names(vm: &Vm, module: &Rc<Code>) -> HashMap<String, String> {
    fn codes(c: &Rc<Code>, names: &mut HashMap<String, String>) {
        let addr = format!("{:#x}", Rc::as_ptr(c) as usize);
        names.insert(addr, format!("@code:{}", c.name));
        c.children.iter().for_each(|c| codes(c, names));
    }
    let mut names = HashMap::new();
    codes(module, &mut names);
    for (g, name) in vm.global_names.names.borrow().iter().enumerate() {
        let slot = &vm.globals[g] as *const Value as usize;
        names.insert(format!("{slot:#x}"), format!("@global:{name}"));
        let (v, kind) = match vm.globals[g] {
            Value::Undef => (vm.builtin_for_global(g), "builtin"),
            v => (v, "func"),
        };
        if matches!(v, Value::Func(_) | Value::Builtin(_)) {
            names.insert(
                format!("{:#x}", payload_bits(&v)),
                format!("@{kind}:{name}"),
            );
        }
    }
    names
}

/// Replaces every hex number `0x...` (except `0x0`) with `name(it)`.
fn mask_hex(s: &str, name: impl Fn(&str) -> String) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find("0x") {
        let digits = rest[at + 2..]
            .bytes()
            .take_while(u8::is_ascii_hexdigit)
            .count();
        let end = at + 2 + digits;
        out.push_str(&rest[..at]);
        if digits > 0 && &rest[at..end] != "0x0" {
            out.push_str(&name(&rest[at..end]));
        } else {
            out.push_str(&rest[at..end]);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Runs `source` as `t.py` with every loop recorded at once; returns what it showed.
fn record(source: &str) -> Result<String, String> {
    let sink = Rc::new(RefCell::new(Sink::default()));
    let mut backend = tvm_backend::Backend::new().map_err(|e| e.to_string())?;
    let l = tvm_vm::object::list_layout().ok_or("no list layout")?;
    let layout = RuntimeLayout {
        list_items: l.items,
        list_len: l.len,
        list_traced: l.traced,
    };
    let pending = sink.clone();
    let compiler: Compiler = Box::new(move |unit: &tvm_tracer::abi::Unit<'_>, name: &str| {
        pending.borrow_mut().pending = Some(unit.traces.last().expect("a trace").trace.to_text());
        let c = backend.compile_unit(unit, &layout, name);
        c.map(|c| CompiledCode {
            entry: c.entry,
            code_size: c.code_size,
        })
        .map_err(|e| e.to_string())
    });
    let params = Params {
        maxabort: 1,
        ..Params::default()
    };
    let mut manager = Manager::new(params, compiler);
    manager.log = Some(Log::new(Box::new(SinkWriter(sink.clone())), Format::Text));
    let mut vm = Vm::new();
    vm.jit = Some(Box::new(manager));
    vm.jit_threshold = 1;
    let code = vm
        .compile(source, "t.py")
        .map_err(|e| format!("compile: {e:?}"))?;
    let result = vm.run_module(code.clone());
    vm.with_jit(|jit, vm| jit.finish(vm));
    if let Err(e) = result {
        return Err(tvm_vm::run::format_exception(&mut vm, e));
    }
    let names = address_names(&vm, &code);
    let out = std::mem::take(&mut sink.borrow_mut().out);
    Ok(mask_hex(&out, |a| {
        names.get(a).cloned().unwrap_or_else(|| "0xADDR".into())
    }))
}

// -- The .trace files ----------------------------------------------------------------

/// A test file split into its parts.
struct Case {
    source: String,
    expect: String,
    /// The file up to and including the `# expect` line (kept when blessing).
    head: String,
}

fn split(text: &str) -> Result<Case, String> {
    let (mut source, mut expect, mut head) = (String::new(), String::new(), String::new());
    let mut section = 0; // 0 header, 1 source, 2 expect
    for line in text.lines() {
        if section < 2 {
            head.push_str(line);
            head.push('\n');
        }
        match (section, line.trim_end()) {
            (0, "# source") => section = 1,
            (1, "# expect") => section = 2,
            (1, _) => source.push_str(&format!("{line}\n")),
            (2, _) => expect.push_str(&format!("{line}\n")),
            _ => {}
        }
    }
    if section != 2 {
        return Err("expected a '# source' line, then a '# expect' line".into());
    }
    Ok(Case {
        source,
        expect,
        head,
    })
}

/// Expected and actual text, line by line (`-` expected, `+` actual), aligned on
/// their longest common subsequence.
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
    let mut out = String::new();
    let (mut i, mut j) = (0, 0);
    while i < e.len() || j < a.len() {
        if i < e.len() && j < a.len() && e[i] == a[j] {
            out += &format!(" {}\n", e[i]);
            (i, j) = (i + 1, j + 1);
        } else if j == a.len() || (i < e.len() && lcs[i + 1][j] >= lcs[i][j + 1]) {
            out += &format!("-{}\n", e[i]);
            i += 1;
        } else {
            out += &format!("+{}\n", a[j]);
            j += 1;
        }
    }
    out
}

/// Runs one file; `Err` describes the failure.
fn check(path: &Path, bless: bool) -> Result<(), String> {
    let text = fs::read_to_string(path).map_err(|e| e.to_string())?;
    let case = split(&text)?;
    let actual = record(&case.source)?;
    if actual == case.expect {
        return Ok(());
    }
    if bless {
        fs::write(path, format!("{}{actual}", case.head)).map_err(|e| e.to_string())?;
        eprintln!("blessed {}", path.display());
        return Ok(());
    }
    Err(format!(
        "output differs (-expected +actual):\n{}",
        diff(&case.expect, &actual)
    ))
}

fn trace_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/recorder");
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "trace"))
        .collect();
    files.sort();
    files
}

#[test]
fn recorded_traces() {
    let bless = std::env::var("TVM_TEST_BLESS").is_ok_and(|v| v == "1");
    let files = trace_files();
    assert!(!files.is_empty(), "no tests/recorder/*.trace files");
    let mut failures = vec![];
    for path in &files {
        if let Err(msg) = check(path, bless) {
            failures.push(format!("{}: {msg}", path.display()));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} recorder tests failed (TVM_TEST_BLESS=1 rewrites expectations):\n\n{}",
        failures.len(),
        files.len(),
        failures.join("\n\n")
    );
}

// -- Snapshot restore -------------------------------------------------------------------

/// A snapshot with two inlined frames, restored on a VM whose only frame is the root
/// at absolute slot 40: the root resumes at its snapshot pc, and one frame per inlined
/// call is pushed, with `base` and `ret` relative to the root's base.
#[test]
fn restore_rebuilds_inlined_frames() {
    let mut vm = Vm::new();
    let src = "def g(a):\n    return a\n\ndef h(b):\n    return g(b)\n";
    let module = vm.compile(src, "t.py").expect("compiles");
    let (g, h) = (module.children[0].clone(), module.children[1].clone());
    assert_eq!((g.name.as_str(), h.name.as_str()), ("g", "h"));
    let root_base = 40;
    vm.frames.push(Frame {
        code: module.clone(),
        pc: 99,
        base: root_base,
        ret: root_base,
    });
    let frame = |code: &Rc<Code>, pc, base, ret| SnapFrame {
        code: Rc::as_ptr(code) as usize,
        pc,
        base,
        ret,
    };
    let snap = Snapshot {
        frames: vec![
            frame(&module, 7, 0, 0),
            frame(&h, 3, 5, 4),
            frame(&g, 1, 9, 8),
        ],
        entries: vec![],
    };
    let counts = (Rc::strong_count(&g), Rc::strong_count(&h));
    restore(&mut vm, root_base, &snap);

    let got: Vec<(&str, usize, usize, usize)> = vm
        .frames
        .iter()
        .map(|f| (f.code.name.as_str(), f.pc, f.base, f.ret))
        .collect();
    assert_eq!(
        got,
        [("<module>", 7, 40, 40), ("h", 3, 45, 44), ("g", 1, 49, 48),]
    );
    assert!(Rc::ptr_eq(&vm.frames[1].code, &h) && Rc::ptr_eq(&vm.frames[2].code, &g));
    // Each rebuilt frame holds its own reference to its code.
    assert_eq!(
        (Rc::strong_count(&g), Rc::strong_count(&h)),
        (counts.0 + 1, counts.1 + 1)
    );
    vm.frames.truncate(1);
    assert_eq!(
        (Rc::strong_count(&g), Rc::strong_count(&h)),
        counts,
        "popping the frames releases them"
    );

    // A snapshot of the root frame alone only moves its pc.
    let root_only = Snapshot {
        frames: vec![frame(&module, 12, 0, 0)],
        entries: vec![],
    };
    restore(&mut vm, root_base, &root_only);
    assert_eq!(vm.frames.len(), 1);
    assert_eq!((vm.frames[0].pc, vm.frames[0].base), (12, root_base));
}
