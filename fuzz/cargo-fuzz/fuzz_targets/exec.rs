//! Compile and run arbitrary programs on the interpreter with a fuel limit
//! (`Vm::set_fuel`): no panic, no crash, no hang. Uncaught exceptions are
//! rendered as `tvm run` renders them (tracebacks with carets).
//!
//! Fuel bounds loops and calls, not single native operations, so inputs that can
//! build huge values in one step (`**`, `<<`, `pow`, long int literals, many `*`)
//! are skipped: CPython would take as long or run out of memory on them too.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

/// Safepoints (loop back-edges and calls) per run. Small: one iteration may do a
/// lot of native work (printing a growing list), and the build is sanitized.
const FUEL: u64 = 10_000;

fn too_expensive(src: &str) -> bool {
    if ["**", "<<", "pow", "factorial", "comb", "perm"].iter().any(|s| src.contains(s)) {
        return true;
    }
    if src.matches('*').count() > 3 {
        return true;
    }
    // Int literals of more than 5 digits (sizes of lists, strings, repeats).
    let mut run = 0;
    for c in src.chars() {
        run = if c.is_ascii_digit() { run + 1 } else { 0 };
        if run > 5 {
            return true;
        }
    }
    false
}

fuzz_target!(|data: &[u8]| {
    let Some(src) = common::source(data) else {
        return;
    };
    if too_expensive(&src) {
        return;
    }
    common::on_big_stack(move || {
        let mut vm = tvm_vm::Vm::new();
        vm.set_fuel(Some(FUEL));
        let Ok(code) = common::compile(&mut vm, &src) else {
            return;
        };
        let result = vm.run_module(code);
        vm.flush();
        if let Err(e) = result {
            let text = tvm_vm::run::format_exception(&mut vm, e);
            assert!(!text.is_empty());
        }
    });
});
