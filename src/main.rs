//! tvm: the command-line driver. Parses arguments and hands off to `tvm_vm::run`.

use std::process::ExitCode;

/// mimalloc instead of the system allocator: the GC frees and reallocates many small
/// objects, a pattern under which glibc malloc spends most of its time consolidating
/// (str_build: 60% of the run in malloc/free; 4-6x faster with mimalloc).
///
/// Called directly rather than through the `mimalloc` crate's `MiMalloc`, which
/// always takes mimalloc's aligned entry points: for alignments mimalloc gives
/// anyway (8, and 16 for sizes of 16 or more) the plain ones are shorter, and
/// every heap object is an allocation.
struct Allocator;

/// The alignment every mimalloc block has.
fn natural(layout: std::alloc::Layout) -> bool {
    layout.align() <= 8 || (layout.align() <= 16 && layout.size() >= 16)
}

// SAFETY: forwards to mimalloc, whose blocks satisfy `natural` alignments and the
// explicitly requested ones otherwise.
unsafe impl std::alloc::GlobalAlloc for Allocator {
    #[inline]
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        use libmimalloc_sys as mi;
        if natural(layout) {
            unsafe { mi::mi_malloc(layout.size()) as *mut u8 }
        } else {
            unsafe { mi::mi_malloc_aligned(layout.size(), layout.align()) as *mut u8 }
        }
    }
    #[inline]
    unsafe fn alloc_zeroed(&self, layout: std::alloc::Layout) -> *mut u8 {
        use libmimalloc_sys as mi;
        if natural(layout) {
            unsafe { mi::mi_zalloc(layout.size()) as *mut u8 }
        } else {
            unsafe { mi::mi_zalloc_aligned(layout.size(), layout.align()) as *mut u8 }
        }
    }
    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: std::alloc::Layout) {
        unsafe { libmimalloc_sys::mi_free(ptr as *mut std::ffi::c_void) }
    }
    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new_size: usize) -> *mut u8 {
        use libmimalloc_sys as mi;
        let p = ptr as *mut std::ffi::c_void;
        let new = std::alloc::Layout::from_size_align(new_size, layout.align());
        if new.is_ok_and(natural) && natural(layout) {
            unsafe { mi::mi_realloc(p, new_size) as *mut u8 }
        } else {
            unsafe { mi::mi_realloc_aligned(p, new_size, layout.align()) as *mut u8 }
        }
    }
}

#[global_allocator]
static GLOBAL: Allocator = Allocator;

/// `mi_option_purge_delay` in mimalloc v3's `mi_option_t` (include/mimalloc.h).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

#[cfg(target_os = "linux")]
extern "C" {
    fn prctl(option: std::ffi::c_int, ...) -> std::ffi::c_int;
}
/// `PR_SET_THP_DISABLE` from linux/prctl.h.
#[cfg(target_os = "linux")]
const PR_SET_THP_DISABLE: std::ffi::c_int = 41;

/// Keeps freed pages instead of returning them to the OS: after every collection
/// mimalloc would otherwise purge the freed pages and fault them back in (zeroing
/// fresh huge pages was half of str_build's run time).
///
/// No transparent huge pages either: the kernel zeroes a whole 2 MiB page on the
/// first touch of a fresh arena, and with THP on, str_build spent 48% of its run in
/// `clear_page_erms` (1.85 s vs 1.07 s without; no other benchmark changed by more
/// than noise).
///
/// It runs from `.init_array`, before Rust's runtime makes its first allocation
/// (called from `main`, mimalloc had already faulted in two huge pages of its first
/// arena: a fifth of an empty program's 2.3 ms).
extern "C" fn tune_allocator() {
    // SAFETY: mi_option_set only stores an option value; valid at any time.
    unsafe {
        libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1);
    }
    // mimalloc reads its own `allow_thp` option only when it initializes, which is
    // before main; the process-wide switch it would use is set here instead.
    // SAFETY: prctl with PR_SET_THP_DISABLE takes one integer argument.
    #[cfg(target_os = "linux")]
    unsafe {
        prctl(
            PR_SET_THP_DISABLE,
            1 as std::ffi::c_ulong,
            0 as std::ffi::c_ulong,
            0 as std::ffi::c_ulong,
            0 as std::ffi::c_ulong,
        );
    }
}

/// Runs `tune_allocator` when the dynamic loader runs the program's constructors,
/// before `main` and before the Rust runtime's first allocation.
#[cfg(target_os = "linux")]
#[used]
#[link_section = ".init_array"]
static TUNE_ALLOCATOR: extern "C" fn() = tune_allocator;

use tvm_vm::run::{dis_file, run_file, RunOptions};

const USAGE: &str = "\
usage: tvm [options] <command> ...

tvm is a tracing JIT virtual machine for Python 3.

commands:
  tvm run [run-options] prog.py [args...]   run a program
  tvm prog.py [args...]                     shorthand for 'tvm run prog.py'
  tvm dis prog.py                           print the bytecode of a program

run options:
  --no-jit                 run on the interpreter only (same as --jit off)
  --jit k=v,k=v            set JIT parameters ('--jit help' lists them)
  --jit off                disable the JIT
  --trace-log FILE         log what the JIT does to FILE ('-': stderr);
                           format: docs/TRACE_LOG.md
  --trace-log-format=F     'text' (default) or 'json' (JSON Lines)
  --jit-stats              print a JIT summary to stderr at exit
  --gc-stress              collect garbage at the first safepoint after every
                           allocation (slow; for testing)
  --gc-stats               print garbage-collector statistics to stderr at exit

options:
  -h, --help      show this help and exit
  -V, --version   show the version and exit

exit status: 0 success, 1 uncaught exception or syntax error, 2 usage or file error.
";

fn usage_error(msg: &str) -> ExitCode {
    eprintln!("tvm: {msg}");
    eprintln!("usage: tvm run [--no-jit] prog.py [args...]   (see 'tvm --help')");
    ExitCode::from(2)
}

/// The process exit status: like C's `exit(code)`, only the low 8 bits survive
/// (`sys.exit(256)` exits with 0, `sys.exit(-1)` with 255).
fn exit(code: i32) -> ExitCode {
    ExitCode::from(code as u8)
}

fn main() -> ExitCode {
    #[cfg(not(target_os = "linux"))]
    tune_allocator();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(first) = args.first() else {
        eprint!("{USAGE}");
        return ExitCode::from(2);
    };
    match first.as_str() {
        "-h" | "--help" | "help" => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        "-V" | "--version" => {
            println!("tvm {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        "dis" => match &args[1..] {
            [path] => exit(dis_file(path)),
            [] => usage_error("dis: missing program file"),
            _ => usage_error("dis: expected exactly one program file"),
        },
        "run" => run_command(&args[1..]),
        s if s.starts_with('-') => run_command(&args),
        _ => run_command(&args),
    }
}

fn run_command(args: &[String]) -> ExitCode {
    let mut opts = RunOptions::default();
    let mut params = tvm_tracer::params::Params::default();
    let mut log_path: Option<String> = None;
    let mut log_format = tvm_tracer::log::Format::Text;
    let mut jit_stats = false;
    let mut i = 0;
    while i < args.len() {
        let a = args[i].as_str();
        let (flag, inline) = match a.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_string())),
            _ => (a, None),
        };
        // The value of an option: `--opt=v` or `--opt v`.
        let value = |i: &mut usize| -> Option<String> {
            if let Some(v) = &inline {
                return Some(v.clone());
            }
            *i += 1;
            args.get(*i).cloned()
        };
        match flag {
            "--no-jit" => opts.no_jit = true,
            "--gc-stress" => opts.gc_stress = true,
            "--gc-stats" => opts.gc_stats = true,
            "--jit-stats" => jit_stats = true,
            "--jit" => {
                let Some(spec) = value(&mut i) else {
                    return usage_error("--jit needs a value (see '--jit help')");
                };
                match spec.as_str() {
                    "off" => opts.no_jit = true,
                    "on" => opts.no_jit = false,
                    "help" => {
                        print!("{}", tvm_tracer::params::Params::help());
                        return ExitCode::SUCCESS;
                    }
                    _ => {
                        for kv in spec.split(',').filter(|s| !s.is_empty()) {
                            let Some((k, v)) = kv.split_once('=') else {
                                return usage_error(&format!("--jit: expected k=v, got '{kv}'"));
                            };
                            if let Err(e) = params.set(k.trim(), v) {
                                return usage_error(&e);
                            }
                        }
                    }
                }
            }
            "--trace-log" => match value(&mut i) {
                Some(p) => log_path = Some(p),
                None => return usage_error("--trace-log needs a file name ('-' for stderr)"),
            },
            "--trace-log-format" => match value(&mut i).as_deref() {
                Some("text") => log_format = tvm_tracer::log::Format::Text,
                Some("json") => log_format = tvm_tracer::log::Format::Json,
                _ => return usage_error("--trace-log-format must be 'text' or 'json'"),
            },
            "-h" | "--help" => {
                print!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            "--" => {
                i += 1;
                break;
            }
            s if s.starts_with('-') => return usage_error(&format!("unknown option '{s}'")),
            _ => break,
        }
        i += 1;
    }
    let Some(path) = args.get(i) else {
        return usage_error("run: missing program file");
    };
    if let Some(p) = &log_path {
        if p != "-" {
            if let Err(e) = std::fs::File::create(p) {
                eprintln!("tvm: can't open trace log '{p}': {e}");
                return ExitCode::from(2);
            }
        }
    }
    opts.args = args[i + 1..].to_vec();
    opts.jit = Some(jit_factory(params, log_path, log_format, jit_stats));
    exit(run_file(path, &opts))
}

/// Builds the tracing JIT (trace manager + Cranelift backend) inside the VM thread.
fn jit_factory(
    params: tvm_tracer::params::Params,
    log_path: Option<String>,
    log_format: tvm_tracer::log::Format,
    jit_stats: bool,
) -> tvm_vm::run::JitFactory {
    std::sync::Arc::new(move || {
        use tvm_tracer::manager::{CompiledCode, Manager};
        let mut backend = tvm_backend::Backend::with_optimizer(params.optimize != 0)
            .map_err(|e| e.to_string())?;
        let l = tvm_vm::object::list_layout();
        let layout = tvm_tracer::abi::RuntimeLayout {
            list_items: l.map_or(-1, |l| l.items),
            list_len: l.map_or(-1, |l| l.len),
            list_traced: l.map_or(-1, |l| l.traced),
        };
        let compiler = Box::new(move |unit: &tvm_tracer::abi::Unit<'_>, name: &str| {
            backend
                .compile_unit(unit, &layout, name)
                .map(|c| CompiledCode {
                    entry: c.entry,
                    code_size: c.code_size,
                })
                .map_err(|e| e.to_string())
        });
        let threshold = params.hotloop;
        let mut m = Manager::new(params.clone(), compiler);
        m.print_stats = jit_stats;
        if let Some(p) = &log_path {
            let out: Box<dyn std::io::Write> = if p == "-" {
                Box::new(std::io::stderr())
            } else {
                Box::new(std::io::BufWriter::new(
                    std::fs::File::create(p)
                        .map_err(|e| format!("can't open trace log '{p}': {e}"))?,
                ))
            };
            m.log = Some(tvm_tracer::log::Log::new(out, log_format));
        }
        Ok((Box::new(m) as Box<dyn tvm_vm::jit::JitHooks>, threshold))
    })
}
