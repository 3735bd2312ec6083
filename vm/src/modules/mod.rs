//! Modules: the builtin modules tvm provides, one file each.
//!
//! | module | file | what |
//! |---|---|---|
//! | `math` | `math.rs` | libm functions with CPython's error rules, exact `fsum`, integer combinatorics |
//! | `sys` | `sys.rs` | `argv`, `exit`, the recursion limit, `stdout`/`stderr` writers, constants |
//! | `time` | `time.rs` | clocks and `sleep` |
//! | `random` | `random.rs` | CPython's Mersenne Twister and the `random.py` algorithms on top of it |
//!
//! A module is a `ModuleObj` (`Value::Module`) of native functions (`Value::Builtin`)
//! and constants, created by `make_module` on the first `import` and cached by the VM
//! (`Vm::import`). Modules are immutable: the trace recorder relies on that when it
//! resolves `math.sqrt` once behind a guard on the module's identity. State that
//! changes while the program runs (the random generator, `sys.argv`'s source) lives
//! in `ModuleState`, held by the VM as `Vm::mods`.
//!
//! Adding a module: a file with an `attrs(vm) -> Vec<(String, Value)>` function, a
//! `pub mod` line and a row in `make_module`'s match.

pub mod math;
pub mod random;
pub mod sys;
pub mod time;

use crate::interp::Vm;
use crate::object::ModuleObj;
use crate::value::Value;

/// Mutable state of the builtin modules (one per VM, `Vm::mods`). Holds no `Value`s,
/// so it needs no GC tracing.
pub struct ModuleState {
    /// The program's arguments: `sys.argv` (the script path as given first).
    pub argv: Vec<String>,
    /// The generator behind the `random` module's functions.
    pub rng: random::Mt19937,
    /// `random.gauss`'s second value, kept for the next call (`Random.gauss_next`).
    pub gauss_next: Option<f64>,
}

impl Default for ModuleState {
    fn default() -> Self {
        ModuleState {
            argv: vec![String::new()],
            rng: random::Mt19937::new(5489),
            gauss_next: None,
        }
    }
}

/// Creates a builtin module by name, or None if tvm has no such module.
pub fn make_module(vm: &mut Vm, name: &str) -> Option<Value> {
    let attrs = match name {
        "math" => math::attrs(vm),
        "sys" => sys::attrs(vm),
        "time" => time::attrs(vm),
        "random" => random::attrs(vm),
        _ => return None,
    };
    Some(new_module(vm, name, attrs))
}

/// A module object (also used for namespaces inside modules, e.g. `sys.stdout`).
pub fn new_module(vm: &mut Vm, name: &str, attrs: Vec<(String, Value)>) -> Value {
    Value::Module(vm.heap.alloc(ModuleObj {
        name: name.to_string(),
        attrs,
    }))
}

/// Native functions as module attributes.
pub fn functions(
    vm: &mut Vm,
    funcs: &[(&'static str, crate::object::NativeFn)],
) -> Vec<(String, Value)> {
    funcs
        .iter()
        .map(|&(n, f)| (n.to_string(), vm.new_builtin(n, f)))
        .collect()
}
