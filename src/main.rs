//! tvm: the command-line driver. Parses arguments and hands off to `tvm_vm::run`.

use std::process::ExitCode;

/// mimalloc instead of the system allocator: the GC frees and reallocates many small
/// objects, a pattern under which glibc malloc spends most of its time consolidating
/// (str_build: 60% of the run in malloc/free; 4-6x faster with mimalloc).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` in mimalloc v3's `mi_option_t` (include/mimalloc.h).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Keeps freed pages instead of returning them to the OS: after every collection
/// mimalloc would otherwise purge the freed pages and fault them back in (zeroing
/// fresh huge pages was half of str_build's run time).
fn tune_allocator() {
    // SAFETY: mi_option_set only stores an option value; valid at any time.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) };
}
use tvm_vm::run::{dis_file, run_file, RunOptions};

const USAGE: &str = "\
usage: tvm [options] <command> ...

tvm is a tracing JIT virtual machine for Python 3.

commands:
  tvm run [run-options] prog.py [args...]   run a program
  tvm prog.py [args...]                     shorthand for 'tvm run prog.py'
  tvm dis prog.py                           print the bytecode of a program

run options:
  --no-jit        run on the interpreter only (the JIT is not built yet, so this
                  is currently the only mode)
  --gc-stress     collect garbage at every safepoint (slow; for testing)
  --gc-stats      print garbage-collector statistics to stderr at exit

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

fn exit(code: i32) -> ExitCode {
    ExitCode::from(code.clamp(0, 255) as u8)
}

fn main() -> ExitCode {
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
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--no-jit" => opts.no_jit = true,
            "--gc-stress" => opts.gc_stress = true,
            "--gc-stats" => opts.gc_stats = true,
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
    exit(run_file(path, &opts))
}
