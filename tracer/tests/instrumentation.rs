//! Instrumentation: the trace manager reports its lifecycle through the `tracing`
//! crate (target `tvm::jit`), checked with a minimal in-test subscriber.

use std::sync::{Arc, Mutex};
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Metadata, Subscriber};
use tvm_backend::Backend;
use tvm_tracer::abi::RuntimeLayout;
use tvm_tracer::manager::{CompiledCode, Compiler, Manager};
use tvm_tracer::params::Params;
use tvm_vm::Vm;

/// Collects the `message` of every event with target `tvm::jit`, and span names.
#[derive(Clone, Default)]
struct Collect(Arc<Mutex<Vec<String>>>);

struct Message(String);
impl Visit for Message {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        if field.name() == "message" {
            self.0 = format!("{value:?}");
        }
    }
}

impl Subscriber for Collect {
    fn enabled(&self, m: &Metadata<'_>) -> bool {
        m.target() == "tvm::jit"
    }
    fn new_span(&self, a: &Attributes<'_>) -> Id {
        self.0
            .lock()
            .unwrap()
            .push(format!("span {}", a.metadata().name()));
        Id::from_u64(1)
    }
    fn record(&self, _: &Id, _: &Record<'_>) {}
    fn record_follows_from(&self, _: &Id, _: &Id) {}
    fn event(&self, e: &Event<'_>) {
        let mut m = Message(String::new());
        e.record(&mut m);
        self.0.lock().unwrap().push(m.0);
    }
    fn enter(&self, _: &Id) {}
    fn exit(&self, _: &Id) {}
}

fn run(source: &str) -> Vec<String> {
    run_with(source, Params::default(), false)
}

/// Runs `source` with a JIT of `params` (`maxabort` 1); with `refuse_units`, the
/// compiler fails every function holding more than one trace.
fn run_with(source: &str, params: Params, refuse_units: bool) -> Vec<String> {
    let collect = Collect::default();
    let seen = collect.0.clone();
    tracing::subscriber::with_default(collect, || {
        let mut backend = Backend::new().expect("backend");
        let l = tvm_vm::object::list_layout().expect("layout");
        let layout = RuntimeLayout {
            list_items: l.items,
            list_len: l.len,
            list_traced: l.traced,
        };
        let compiler: Compiler = Box::new(move |unit: &tvm_tracer::abi::Unit<'_>, name: &str| {
            if refuse_units && unit.traces.len() > 1 {
                return Err("refused by the test".to_string());
            }
            backend
                .compile_unit(unit, &layout, name)
                .map(|c| CompiledCode {
                    entry: c.entry,
                    code_size: c.code_size,
                })
                .map_err(|e| e.to_string())
        });
        let params = Params {
            maxabort: 1,
            ..params
        };
        let mut vm = Vm::new();
        vm.jit = Some(Box::new(Manager::new(params, compiler)));
        vm.jit_threshold = 1;
        let code = vm.compile(source, "t.py").expect("compiles");
        vm.run_module(code).expect("runs");
    });
    let v = seen.lock().unwrap().clone();
    v
}

#[test]
fn lifecycle_events_are_reported() {
    let events = run(
        "def f(n):\n    s = 0\n    for i in range(n):\n        s += i\n    xs = []\n    for i in range(n):\n        xs.append(i)\n    return s\nassert f(100) == 4950\n",
    );
    let has = |m: &str| events.iter().any(|e| e == m);
    assert!(has("recording started"), "{events:?}");
    assert!(has("span compile"), "{events:?}");
    assert!(has("trace compiled"), "{events:?}");
    assert!(has("trace aborted"), "{events:?}");
    assert!(has("loop blacklisted"), "{events:?}");
}

/// A side trace of a hot exit is compiled straight into its loop's function
/// (`sidedirect`); when that compile fails, it gets a function of its own instead,
/// and the program runs on, with the same result.
#[test]
fn a_side_trace_the_unit_cannot_take_is_compiled_alone() {
    let source = "def f(n):\n    s = 0\n    i = 0\n    while i < n:\n        if i % 2 == 0:\n            s += i\n        else:\n            s -= 1\n        i += 1\n    return s\nassert f(3000) == 2247000, f(3000)\n";
    let direct = run_with(source, Params::default(), false);
    assert!(
        direct.iter().any(|e| e == "side trace inlined"),
        "{direct:?}"
    );
    let alone = run_with(source, Params::default(), true);
    assert!(
        alone.iter().any(|e| e == "side trace not inlined"),
        "{alone:?}"
    );
    assert!(
        !alone.iter().any(|e| e == "side trace inlined"),
        "{alone:?}"
    );
    let compiled = alone.iter().filter(|e| *e == "trace compiled").count();
    assert!(compiled >= 2, "the loop and its side trace: {alone:?}");
}
