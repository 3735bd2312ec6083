//! Shared by the targets: compile like `tvm run` and render errors like it.
#![allow(dead_code)] // each target uses part of it

use tvm_vm::bytecode::{Code, Loc};
use tvm_vm::compiler::CompileError;
use tvm_vm::traceback::{self, Pos};
use tvm_vm::Vm;
use std::rc::Rc;

pub const FILE: &str = "fuzz.py";

/// Native stack for the parser and compiler, which recurse on nested source
/// (`tvm run` gives them 512 MiB; inputs here are at most a few KiB).
pub const STACK: usize = 256 << 20;

/// Runs `f` on a thread with a big stack. A panic there aborts the process (the
/// libFuzzer panic hook), so it is reported as a crash.
pub fn on_big_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(STACK)
        .spawn(f)
        .expect("spawn")
        .join()
        .expect("the fuzz thread panicked")
}

/// The input as source text, as `tvm run` reads a file (UTF-8, BOM stripped).
pub fn source(data: &[u8]) -> Option<String> {
    let s = std::str::from_utf8(data).ok()?;
    Some(s.strip_prefix('\u{feff}').unwrap_or(s).to_string())
}

/// Compiles `src`; on failure renders the error the way `tvm run` does.
pub fn compile(vm: &mut Vm, src: &str) -> Result<Rc<Code>, String> {
    vm.compile(src, FILE).map_err(|e| render(src, e))
}

/// Compiles `src` without a VM (faster: no builtins, no value stack). The heap
/// holds the code's constants: keep it alive as long as the code.
pub fn compile_bare(src: &str) -> (tvm_vm::gc::Heap, Result<Rc<Code>, String>) {
    let mut heap = tvm_vm::gc::Heap::new();
    let globals = Rc::new(tvm_vm::bytecode::GlobalNames::default());
    let r = tvm_vm::compiler::compile_module(src, FILE, globals, &mut heap)
        .map_err(|e| render(src, e));
    (heap, r)
}

/// The text `tvm run` prints for a compile error.
pub fn render(src: &str, e: CompileError) -> String {
    match e {
        CompileError::Parse(p) => traceback::format_syntax_error(FILE, src, &p),
        CompileError::Syntax { msg, loc } => {
            traceback::format_syntax_error_at(FILE, src, &msg, "SyntaxError", pos(loc))
        }
        CompileError::TooDeep(report) => report,
        CompileError::Unsupported { feature, line } => {
            format!("NotImplementedError: {feature} is not supported ({FILE}, line {line})\n")
        }
    }
}

fn pos(l: Loc) -> Pos {
    Pos {
        line: l.line,
        col: l.col,
        end_line: l.end_line,
        end_col: l.end_col,
    }
}
