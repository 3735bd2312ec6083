//! Run: the embedding API the `tvm` binary uses — read, compile, run, report.
//!
//! Everything that ends a program is turned into an exit code here: 0 on success,
//! 1 for an uncaught exception, a syntax error or an unsupported feature, 2 for a
//! file that cannot be read. The VM runs on a thread with a large native stack, so
//! the parser and compiler can handle deeply nested source.

use crate::builtins;
use crate::bytecode::Loc;
use crate::compiler::CompileError;
use crate::error::ExcType;
use crate::error::PyErr;
use crate::gc::Gc;
use crate::interp::Vm;
use crate::object::{ExcObj, TypeObj};
use crate::traceback::{self, Pos, TbEntry};
use crate::value::Value;
use std::io::Write;

/// Creates the JIT inside the VM's thread: its hooks and the hot-loop threshold.
pub type JitFactory =
    std::sync::Arc<dyn Fn() -> Result<(Box<dyn crate::jit::JitHooks>, u32), String> + Send + Sync>;

/// Options for one run.
#[derive(Clone, Default)]
pub struct RunOptions {
    /// Interpreter only (`--no-jit`, `--jit off`).
    pub no_jit: bool,
    /// The JIT to install (ignored with `no_jit`).
    pub jit: Option<JitFactory>,
    /// Collect garbage at every safepoint (GC stress testing).
    pub gc_stress: bool,
    /// Print GC statistics to stderr at exit.
    pub gc_stats: bool,
    /// The program's arguments after its path (`sys.argv[1:]`).
    pub args: Vec<String>,
}

/// Native stack for the VM thread.
const VM_STACK_BYTES: usize = 512 << 20;

/// Runs `path` and returns the process exit code.
pub fn run_file(path: &str, opts: &RunOptions) -> i32 {
    let source = match read_source(path) {
        Ok(s) => s,
        Err(code) => return code,
    };
    install_panic_report();
    let path = path.to_string();
    let opts = opts.clone();
    let child = std::thread::Builder::new()
        .name("tvm".into())
        .stack_size(VM_STACK_BYTES)
        .spawn(move || {
            if std::env::var_os("TVM_INTERNAL_TEST_PANIC").is_some() {
                panic!("TVM_INTERNAL_TEST_PANIC is set");
            }
            run_source(&source, &path, &opts)
        });
    match child.map(|h| h.join()) {
        Ok(Ok(code)) => code,
        _ => INTERNAL_ERROR_EXIT,
    }
}

/// Exit status of a run that hit a bug in tvm (a Rust panic): `EX_SOFTWARE`.
pub const INTERNAL_ERROR_EXIT: i32 = 70;

/// Replaces Rust's panic message with a short internal-error report. The run's
/// thread unwinds, `run_file` returns `INTERNAL_ERROR_EXIT`. Every panic is a bug;
/// the test suites assert that none occurs (no run ever exits 70).
/// `TVM_INTERNAL_TEST_PANIC=1` makes a run panic on purpose, to test this path.
fn install_panic_report() {
    std::panic::set_hook(Box::new(|info| {
        let msg = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".into());
        let at = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let _ = std::io::stdout().flush();
        eprintln!("tvm: internal error: {msg}{at}\nThis is a bug in tvm; please report it with the program that triggered it.");
    }));
}

/// Disassembles `path` to stdout; returns the exit code.
pub fn dis_file(path: &str) -> i32 {
    let source = match read_source(path) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let path = path.to_string();
    let child = std::thread::Builder::new()
        .name("tvm".into())
        .stack_size(VM_STACK_BYTES)
        .spawn(move || {
            let mut vm = Vm::new();
            match vm.compile(&source, &path) {
                Ok(code) => {
                    let mut out = String::new();
                    code.disassemble(&mut out);
                    print!("{out}");
                    0
                }
                Err(e) => report_compile_error(&path, &source, e),
            }
        });
    match child.map(|h| h.join()) {
        Ok(Ok(code)) => code,
        _ => 70,
    }
}

/// Reads a program; on failure prints CPython-style messages and returns the exit code.
fn read_source(path: &str) -> Result<String, i32> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            let detail = match e.kind() {
                std::io::ErrorKind::NotFound => "[Errno 2] No such file or directory".to_string(),
                std::io::ErrorKind::PermissionDenied => "[Errno 13] Permission denied".to_string(),
                _ if std::path::Path::new(path).is_dir() => "[Errno 21] Is a directory".to_string(),
                _ => e.to_string(),
            };
            eprintln!("tvm: can't open file '{path}': {detail}");
            return Err(2);
        }
    };
    match String::from_utf8(bytes) {
        Ok(s) => Ok(s.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(s)),
        Err(e) => {
            let bytes = e.as_bytes();
            let at = e.utf8_error().valid_up_to();
            let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            eprintln!(
                "SyntaxError: Non-UTF-8 code starting with '\\x{:02x}' in file {path} on line {line}, but no encoding declared; see https://peps.python.org/pep-0263/ for details",
                bytes[at]
            );
            Err(1)
        }
    }
}

fn run_source(source: &str, path: &str, opts: &RunOptions) -> i32 {
    let mut vm = Vm::new();
    crate::signals::install(&mut vm.heap.gc_requested);
    vm.heap.stress = opts.gc_stress;
    vm.mods.argv = std::iter::once(path.to_string())
        .chain(opts.args.iter().cloned())
        .collect();
    if let (false, Some(factory)) = (opts.no_jit, &opts.jit) {
        match factory() {
            Ok((hooks, threshold)) => {
                vm.jit = Some(hooks);
                vm.jit_threshold = threshold;
            }
            Err(e) => eprintln!("tvm: JIT disabled: {e}"),
        }
    }
    let code = match vm.compile(source, path) {
        Ok(c) => c,
        Err(e) => return report_compile_error(path, source, e),
    };
    let result = vm.run_module(code);
    vm.flush();
    vm.with_jit(|jit, vm| jit.finish(vm));
    let status = match result {
        Ok(()) => 0,
        Err(e) if is_system_exit(&vm, e) => system_exit_status(&mut vm, e),
        Err(e) => {
            let text = format_exception(&mut vm, e);
            let _ = std::io::stderr().write_all(text.as_bytes());
            if Gc::ptr_eq(e.0.ty, vm.types.exc[ExcType::KeyboardInterrupt as usize]) {
                crate::signals::die_by_sigint();
            }
            1
        }
    };
    crate::signals::uninstall();
    if opts.gc_stats {
        let s = vm.heap.stats;
        eprintln!(
            "gc: {} collections, {} full, {} objects freed, {} live",
            s.collections, s.full_collections, s.freed, s.live
        );
        eprintln!(
            "gc: {:.1} ms collecting, {:.1} MiB live after the last collection",
            s.time.as_secs_f64() * 1e3,
            s.live_bytes as f64 / (1 << 20) as f64
        );
    }
    // The process ends next: freeing every object one by one (a million for a
    // program that holds a big list) would only touch all that memory again.
    // Output is flushed and the JIT is finished above.
    std::mem::forget(vm);
    status
}

fn is_system_exit(vm: &Vm, e: PyErr) -> bool {
    let se = vm.types.exc[crate::error::ExcType::SystemExit as usize];
    crate::object::TypeObj::is_subtype(e.0.ty, se)
}

/// The exit status of an uncaught `SystemExit`, like CPython's `_Py_HandleSystemExit`:
/// its code (`args[0]`, the args tuple if several, None if none) is the status if
/// it is None (0) or an int (truncated to a C int: the OS keeps the low 8 bits, and
/// an int beyond a C long gives -1); anything else is printed to stderr, status 1.
fn system_exit_status(vm: &mut Vm, e: PyErr) -> i32 {
    use crate::value::Value;
    let args = e.0.args.to_vec();
    let code = match args.len() {
        0 => Value::None,
        1 => args[0],
        _ => vm.new_tuple(args),
    };
    match code {
        Value::None => 0,
        Value::Int(i) => i as i32,
        Value::Bool(b) => b as i32,
        Value::BigInt(_) => -1,
        other => {
            let text = crate::repr::str_of(vm, other).unwrap_or_default();
            let _ = std::io::stderr().write_all(format!("{text}\n").as_bytes());
            1
        }
    }
}

fn pos_of(l: Loc) -> Pos {
    Pos {
        line: l.line,
        col: l.col,
        end_line: l.end_line,
        end_col: l.end_col,
    }
}

/// The full CPython-style report of an uncaught exception, preceded by the
/// exceptions it was raised from (`__cause__`) or while handling (`__context__`).
pub fn format_exception(vm: &mut Vm, e: PyErr) -> String {
    let mut out = String::new();
    let mut seen = vec![];
    format_chain(vm, e, &mut out, &mut seen);
    out
}

fn format_chain(vm: &mut Vm, e: PyErr, out: &mut String, seen: &mut Vec<*const ExcObj>) {
    seen.push(&*e.0 as *const ExcObj);
    let unseen = |v: Value, seen: &Vec<*const ExcObj>| match v {
        Value::Exc(x) if !seen.contains(&(&*x as *const ExcObj)) => Some(x),
        _ => None,
    };
    if let Some(c) = unseen(e.0.cause.get(), seen) {
        format_chain(vm, PyErr(c), out, seen);
        out.push_str("\nThe above exception was the direct cause of the following exception:\n\n");
    } else if let (false, Some(c)) = (e.0.suppress_context.get(), unseen(e.0.context.get(), seen)) {
        format_chain(vm, PyErr(c), out, seen);
        out.push_str("\nDuring handling of the above exception, another exception occurred:\n\n");
    }
    out.push_str(&format_one(vm, e));
}

/// One exception's traceback and last line.
fn format_one(vm: &mut Vm, e: PyErr) -> String {
    let frames: Vec<_> = e.0.tb().iter().rev().cloned().collect();
    let mut out = String::new();
    if !frames.is_empty() {
        let entries: Vec<TbEntry> = frames
            .iter()
            .map(|f| {
                let loc = f
                    .loc
                    .unwrap_or_else(|| f.code.locs.get(f.pc as usize).copied().unwrap_or_default());
                TbEntry {
                    filename: &f.code.filename,
                    lineno: loc.line,
                    name: f.name.unwrap_or(&f.code.name),
                    source: Some(&f.code.source),
                    pos: if loc.line == 0 {
                        None
                    } else {
                        Some(pos_of(loc))
                    },
                }
            })
            .collect();
        traceback::format_traceback(&entries, &mut out);
    }
    out.push_str(&builtins::exc_line(vm, e));
    if let Some(s) = suggestion(vm, e) {
        out.push_str(&format!(". Did you mean: '{s}'?"));
    }
    out.push('\n');
    out
}

/// CPython 3.11's "Did you mean" for an uncaught NameError (the innermost frame's
/// locals, then globals, then builtins) or AttributeError (`dir(obj)`).
fn suggestion(vm: &Vm, e: PyErr) -> Option<String> {
    let exc = e.0;
    let is = |t: ExcType| Gc::ptr_eq(exc.ty, vm.types.exc[t as usize]);
    if is(ExcType::NameError) {
        // Only NameErrors the VM raised carry `name` (as in CPython).
        let name = match exc.attrs().iter().find(|(n, _)| &**n == "name")?.1 {
            Value::Str(s) => s,
            _ => return None,
        };
        let name = name.as_str();
        let frame = exc.tb().first()?;
        let locals: Vec<&str> = frame.code.varnames.iter().map(String::as_str).collect();
        if let Some(s) = traceback::suggest(name, &locals) {
            return Some(s.to_string());
        }
        let names = vm.global_names.names.borrow();
        let mut globals: Vec<&str> = traceback::CPYTHON_MODULE_DUNDERS.to_vec();
        globals.extend(
            names
                .iter()
                .enumerate()
                .filter(|(i, _)| !matches!(vm.globals.get(*i), Some(Value::Undef) | None))
                .map(|(_, n)| n.as_str()),
        );
        if let Some(s) = traceback::suggest(name, &globals) {
            return Some(s.to_string());
        }
        return traceback::suggest(name, traceback::CPYTHON_BUILTIN_NAMES).map(str::to_string);
    }
    if TypeObj::is_subtype(exc.ty, vm.types.exc[ExcType::AttributeError as usize]) {
        let attrs = exc.attrs();
        let name = match attrs.iter().find(|(n, _)| &**n == "name")?.1 {
            Value::Str(s) => s.as_str().to_string(),
            _ => return None,
        };
        let obj = attrs.iter().find(|(n, _)| &**n == "obj")?.1;
        let dir = crate::classes::dir_names(vm, obj);
        let cands: Vec<&str> = dir.iter().map(String::as_str).collect();
        return traceback::suggest(&name, &cands).map(str::to_string);
    }
    None
}

fn report_compile_error(path: &str, source: &str, e: CompileError) -> i32 {
    let text = match e {
        CompileError::Parse(p) => traceback::format_syntax_error(path, source, &p),
        CompileError::Syntax { msg, loc } => {
            traceback::format_syntax_error_at(path, source, &msg, "SyntaxError", pos_of(loc))
        }
        CompileError::TooDeep(report) => report,
        CompileError::Unsupported { feature, line } => {
            format!("NotImplementedError: {feature} is not supported ({path}, line {line})\n")
        }
    };
    let _ = std::io::stdout().flush();
    let _ = std::io::stderr().write_all(text.as_bytes());
    1
}
