//! The fuel limit (`Vm::set_fuel`): what the cargo-fuzz execution target relies on
//! to stop any program, however it loops, recurses or catches exceptions.

use tvm_vm::Vm;

/// Runs `src` with `fuel` safepoints; returns the uncaught error's last line, if any.
fn run(src: &str, fuel: Option<u64>) -> Option<String> {
    let src = src.to_string();
    // The parser and compiler recurse: run on a big stack, like `run_file`.
    std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(move || {
            let mut vm = Vm::new();
            vm.set_fuel(fuel);
            let code = vm.compile(&src, "fuel.py").expect("compiles");
            let r = vm.run_module(code);
            vm.flush();
            r.err().map(|e| tvm_vm::builtins::exc_line(&mut vm, e))
        })
        .unwrap()
        .join()
        .unwrap()
}

const EXHAUSTED: &str = "RuntimeError: fuel exhausted";

#[test]
fn stops_infinite_loops() {
    assert_eq!(
        run("while True:\n    pass\n", Some(10_000)).as_deref(),
        Some(EXHAUSTED)
    );
    assert_eq!(
        run("for i in range(10**18):\n    pass\n", Some(10_000)).as_deref(),
        Some(EXHAUSTED)
    );
}

#[test]
fn stops_exponential_recursion() {
    let src = "def f(n):\n    return 0 if n == 0 else f(n - 1) + f(n - 1)\nf(200)\n";
    assert_eq!(run(src, Some(10_000)).as_deref(), Some(EXHAUSTED));
}

#[test]
fn cannot_be_caught() {
    let src = "\
while True:
    try:
        while True:
            pass
    except BaseException:
        pass
    finally:
        while True:
            pass
";
    assert_eq!(run(src, Some(10_000)).as_deref(), Some(EXHAUSTED));
    let gen = "\
def g():
    while True:
        try:
            yield 1
        except BaseException:
            pass
for x in g():
    try:
        pass
    except BaseException:
        pass
";
    assert_eq!(run(gen, Some(10_000)).as_deref(), Some(EXHAUSTED));
}

#[test]
fn enough_fuel_or_none_changes_nothing() {
    let src = "s = 0\nfor i in range(1000):\n    s += i\nassert s == 499500\n";
    assert_eq!(run(src, Some(10_000)), None);
    assert_eq!(run(src, None), None);
    assert_eq!(run(src, Some(100)).as_deref(), Some(EXHAUSTED));
}
