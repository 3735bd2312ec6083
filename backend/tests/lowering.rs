//! Lowering: end-to-end tests of the backend. Each test builds a trace with the IR
//! API, compiles it, runs it on a real register array (`Vec<Value>`, the layout the
//! interpreter uses) and checks the exit taken and the values written back.
//!
//! Straight-line traces (no `Loop`) observe their results by ending in a guard that
//! always fails (`GuardTrue` of a false constant) whose snapshot lists the values.

use tvm_backend::{Backend, BackendError, CompiledTrace, END_OF_TRACE};
use tvm_tracer::abi::{RuntimeLayout, TraceCtx};
use tvm_tracer::ir::{Carried, Ins, InsRef, Opcode, SnapId, Snapshot, Trace, Ty};
use tvm_vm::gc::{Gc, Heap};
use tvm_vm::object::{list_layout, ListObj, StrObj};
use tvm_vm::value::Value;

// -- Helpers ----------------------------------------------------------------------

/// A small trace builder over the `ir.rs` API.
#[derive(Default)]
struct B {
    t: Trace,
}

impl B {
    fn ins(
        &mut self,
        op: Opcode,
        ty: Ty,
        args: &[InsRef],
        imm: i64,
        snap: Option<SnapId>,
    ) -> InsRef {
        let mut i = Ins::new(op, ty);
        let mut it = args.iter().copied();
        i.a = it.next().unwrap_or_default();
        i.b = it.next().unwrap_or_default();
        i.c = it.next().unwrap_or_default();
        i.imm = imm;
        i.snap = snap;
        self.t.push(i)
    }
    fn snap(&mut self, entries: &[(u32, InsRef)]) -> SnapId {
        self.t.push_snap(Snapshot {
            frames: vec![],
            entries: entries.to_vec(),
        })
    }
    fn int(&mut self, v: i64) -> InsRef {
        self.ins(Opcode::KInt, Ty::INT, &[], v, None)
    }
    fn float(&mut self, v: f64) -> InsRef {
        self.ins(Opcode::KFloat, Ty::FLOAT, &[], v.to_bits() as i64, None)
    }
    fn boolean(&mut self, v: bool) -> InsRef {
        self.ins(Opcode::KBool, Ty::BOOL, &[], v as i64, None)
    }
    fn sload(&mut self, slot: u32, ty: Ty, snap: SnapId) -> InsRef {
        self.ins(Opcode::SLoad, ty, &[], slot.into(), Some(snap))
    }
    fn op(&mut self, op: Opcode, ty: Ty, args: &[InsRef]) -> InsRef {
        self.ins(op, ty, args, 0, None)
    }
    fn guarded(&mut self, op: Opcode, ty: Ty, args: &[InsRef], snap: SnapId) -> InsRef {
        self.ins(op, ty, args, 0, Some(snap))
    }
    fn lp(&mut self) {
        self.ins(Opcode::Loop, Ty::VOID, &[], 0, None);
    }
    fn param(&mut self, slot: u32, ty: Ty) -> InsRef {
        self.ins(Opcode::LoopParam, ty, &[], slot.into(), None)
    }
    fn carry(&mut self, slot: u32, init: InsRef, param: InsRef, next: InsRef) {
        self.t.carried.push(Carried {
            slot,
            param,
            init,
            next,
        });
    }
    /// Ends a straight-line trace with an exit that writes `entries` back.
    fn observe(&mut self, entries: &[(u32, InsRef)]) -> SnapId {
        let s = self.snap(entries);
        let no = self.boolean(false);
        self.guarded(Opcode::GuardTrue, Ty::VOID, &[no], s);
        s
    }
}

fn layout() -> RuntimeLayout {
    let l = list_layout().expect("list layout");
    RuntimeLayout {
        list_items: l.items,
        list_len: l.len,
        list_traced: l.traced,
    }
}

fn compile(t: &Trace) -> CompiledTrace {
    let mut be = Backend::new().expect("host backend");
    be.compile(t, &layout(), "test")
        .unwrap_or_else(|e| panic!("{e}\n{t}"))
}

/// Runs `ct` on `regs` with the GC flag `gc` and `*ctx.iterations` starting at
/// `start`; returns the exit index and the count the trace left there.
fn run_ctx(ct: &CompiledTrace, regs: &mut [Value], gc: bool, start: u64) -> (u32, u64) {
    let flag = gc as u8;
    let mut iterations = start;
    let mut who = 0u32;
    let ctx = TraceCtx {
        gc_flag: &flag,
        iterations: &mut iterations,
        exit_trace: &mut who,
    };
    // SAFETY: `regs` covers every slot the test traces touch.
    let exit = unsafe { (ct.entry)(regs.as_mut_ptr() as *mut u8, &ctx) };
    (exit, iterations)
}

/// Runs `ct` on `regs` with the GC flag `gc`; returns the exit index.
fn run_gc(ct: &CompiledTrace, regs: &mut [Value], gc: bool) -> u32 {
    run_ctx(ct, regs, gc, 0).0
}

fn run(ct: &CompiledTrace, regs: &mut [Value]) -> u32 {
    run_gc(ct, regs, false)
}

/// Runs `ct` with `*ctx.iterations` starting at `start`; returns the exit index
/// and the count the trace left there.
fn run_counted(ct: &CompiledTrace, regs: &mut [Value], start: u64) -> (u32, u64) {
    run_ctx(ct, regs, false, start)
}

fn s(id: SnapId) -> u32 {
    id.as_u32()
}

fn int(v: &Value) -> i64 {
    match v {
        Value::Int(i) => *i,
        _ => panic!("expected an int, tag {}", v.tag()),
    }
}

fn float(v: &Value) -> f64 {
    match v {
        Value::Float(f) => *f,
        _ => panic!("expected a float, tag {}", v.tag()),
    }
}

fn boolean(v: &Value) -> bool {
    match v {
        Value::Bool(b) => *b,
        _ => panic!("expected a bool, tag {}", v.tag()),
    }
}

/// The raw payload word of a slot.
fn payload_word(v: &Value) -> u64 {
    // SAFETY: a Value is 16 bytes; the payload word is at offset 8.
    unsafe { *(v as *const Value as *const u64).add(1) }
}

// -- Loops ------------------------------------------------------------------------

/// `i += step while i < n` over slots 0 (i), 1 (n), 2 (step). With `extra`, slot 3
/// is carried unchanged with init 42 (a value memory does not hold).
/// Snapshots: s0 entry, s1 header, s2 AddOv (pre-add), s3 loop exit.
fn counting(extra: bool) -> Trace {
    let mut b = B::default();
    let s0 = b.snap(&[]);
    let i0 = b.sload(0, Ty::INT, s0);
    let n = b.sload(1, Ty::INT, s0);
    let step = b.sload(2, Ty::INT, s0);
    let k42 = b.int(42);
    b.lp();
    let i = b.param(0, Ty::INT);
    let x = if extra { b.param(3, Ty::INT) } else { k42 };
    let extra_entry = |v| if extra { vec![(3, v)] } else { vec![] };
    let s1 = b.snap(&[vec![(0, i)], extra_entry(x)].concat());
    b.t.header_snap = Some(s1);
    let s2 = b.snap(&[vec![(0, i)], extra_entry(x)].concat());
    let i1 = b.guarded(Opcode::AddOv, Ty::INT, &[i, step], s2);
    let c = b.op(Opcode::Lt, Ty::BOOL, &[i1, n]);
    let s3 = b.snap(&[vec![(0, i1)], extra_entry(x)].concat());
    b.guarded(Opcode::GuardTrue, Ty::VOID, &[c], s3);
    b.carry(0, i0, i, i1);
    if extra {
        b.carry(3, k42, x, x);
    }
    b.t
}

#[test]
fn counting_loop_exits_through_its_guard() {
    let t = counting(false);
    let mut be = Backend::new().unwrap();
    be.set_keep_clif(true);
    let ct = be.compile(&t, &layout(), "count").unwrap();
    let clif = ct.clif.as_deref().unwrap();
    assert!(clif.contains("brif"), "{clif}");
    eprintln!("{t}\n{clif}");
    eprintln!(
        "counting loop: {} bytes of machine code, compiled in {:?}",
        ct.code_size, ct.compile_time
    );
    assert!(ct.code_size > 0 && ct.code_size < 1024);
    assert_eq!(be.code_size_total(), ct.code_size);
    be.set_keep_clif(false);
    let mut times: Vec<_> = (0..25)
        .map(|_| be.compile(&t, &layout(), "count").unwrap().compile_time)
        .collect();
    times.sort();
    eprintln!(
        "counting loop: warm compile time min {:?}, median {:?}",
        times[0], times[12]
    );

    let mut regs = vec![Value::Int(0), Value::Int(10), Value::Int(1), Value::None];
    assert_eq!(run(&ct, &mut regs), 3);
    assert_eq!(int(&regs[0]), 10);
    assert_eq!(int(&regs[1]), 10);
    assert!(matches!(regs[3], Value::None));

    // The iteration count is carried in a register and stored when the loop is
    // left: memory holds one per pass through the loop header (10, the pass that
    // exits leaves before the header), added to what was there on entry.
    let mut regs = vec![Value::Int(0), Value::Int(10), Value::Int(1), Value::None];
    assert_eq!(run_counted(&ct, &mut regs, 0), (3, 10));
    let mut regs = vec![Value::Int(0), Value::Int(10), Value::Int(1), Value::None];
    assert_eq!(run_counted(&ct, &mut regs, 1000), (3, 1010));

    // Already past the end: one iteration, then the exit.
    let mut regs = vec![Value::Int(50), Value::Int(10), Value::Int(1), Value::None];
    assert_eq!(run(&ct, &mut regs), 3);
    assert_eq!(int(&regs[0]), 51);

    // A long run, timed.
    let n = 100_000_000;
    let mut regs = vec![Value::Int(0), Value::Int(n), Value::Int(1), Value::None];
    let start = std::time::Instant::now();
    assert_eq!(run(&ct, &mut regs), 3);
    let el = start.elapsed();
    assert_eq!(int(&regs[0]), n);
    eprintln!(
        "counting loop: {n} iterations in {el:?} ({:.2} ns/iter)",
        el.as_nanos() as f64 / n as f64
    );
}

#[test]
fn entry_type_guards_exit_without_writing() {
    let ct = compile(&counting(false));
    let mut regs = vec![
        Value::Int(0),
        Value::Float(10.0),
        Value::Int(1),
        Value::None,
    ];
    assert_eq!(run(&ct, &mut regs), 0);
    assert_eq!(int(&regs[0]), 0);
    assert_eq!(float(&regs[1]), 10.0);
    let mut regs = vec![Value::None, Value::Int(10), Value::Int(1), Value::None];
    assert_eq!(
        run_counted(&ct, &mut regs, 77),
        (0, 77),
        "no iteration counted"
    );
    assert!(matches!(regs[0], Value::None));
}

#[test]
fn add_overflow_exits_with_the_pre_add_state() {
    let ct = compile(&counting(false));
    let step = 1i64 << 62;
    let mut regs = vec![
        Value::Int(0),
        Value::Int(i64::MAX),
        Value::Int(step),
        Value::None,
    ];
    // 0 -> 2^62 (< MAX, loops) -> 2^62 + 2^62 overflows.
    assert_eq!(run(&ct, &mut regs), 2);
    assert_eq!(int(&regs[0]), step);
}

#[test]
fn gc_flag_exits_at_the_loop_header_with_carried_values() {
    let t = counting(true);
    let ct = compile(&t);
    let header = s(t.header_snap.unwrap());
    let mut regs = vec![Value::Int(7), Value::Int(10), Value::Int(1), Value::None];
    assert_eq!(
        run_ctx(&ct, &mut regs, true, 5),
        (header, 5),
        "the poll comes before the iteration is counted"
    );
    assert_eq!(int(&regs[0]), 7);
    assert_eq!(int(&regs[3]), 42, "carried init written back with its tag");

    let mut regs = vec![Value::Int(7), Value::Int(10), Value::Int(1), Value::None];
    assert_eq!(run_gc(&ct, &mut regs, false), 3);
    assert_eq!(int(&regs[0]), 10);
    assert_eq!(int(&regs[3]), 42);
}

/// `s += k * i; i += 1 while i < n` over slots 0 (i), 1 (n), 2 (s).
fn float_sum(k: f64) -> Trace {
    let mut b = B::default();
    let s0 = b.snap(&[]);
    let i0 = b.sload(0, Ty::INT, s0);
    let n = b.sload(1, Ty::INT, s0);
    let sum0 = b.sload(2, Ty::FLOAT, s0);
    let kf = b.float(k);
    let one = b.int(1);
    b.lp();
    let i = b.param(0, Ty::INT);
    let sum = b.param(2, Ty::FLOAT);
    let s1 = b.snap(&[(0, i), (2, sum)]);
    b.t.header_snap = Some(s1);
    let f = b.op(Opcode::IToF, Ty::FLOAT, &[i]);
    let h = b.op(Opcode::FMul, Ty::FLOAT, &[kf, f]);
    let sum1 = b.op(Opcode::FAdd, Ty::FLOAT, &[sum, h]);
    let s2 = b.snap(&[(0, i), (2, sum1)]);
    let i1 = b.guarded(Opcode::AddOv, Ty::INT, &[i, one], s2);
    let c = b.op(Opcode::Lt, Ty::BOOL, &[i1, n]);
    let s3 = b.snap(&[(0, i1), (2, sum1)]);
    b.guarded(Opcode::GuardTrue, Ty::VOID, &[c], s3);
    b.carry(0, i0, i, i1);
    b.carry(2, sum0, sum, sum1);
    b.t
}

#[test]
fn float_loop_matches_rust_bit_for_bit() {
    for k in [0.5, 0.1, -1.0 / 3.0] {
        let ct = compile(&float_sum(k));
        for n in [1i64, 1000, 12345] {
            let mut regs = vec![Value::Int(0), Value::Int(n), Value::Float(0.0)];
            assert_eq!(run(&ct, &mut regs), 3);
            let mut expect = 0.0f64;
            let mut i = 0i64;
            loop {
                expect += k * (i as f64);
                i += 1;
                if i >= n {
                    break;
                }
            }
            assert_eq!(int(&regs[0]), n);
            assert_eq!(float(&regs[2]).to_bits(), expect.to_bits(), "k={k} n={n}");
        }
    }
}

#[test]
fn list_sum_loop() {
    // s += l[i]; i += 1 while i < len(l): slots 0 (l), 1 (i), 2 (s).
    let mut b = B::default();
    let s0 = b.snap(&[]);
    let l = b.sload(0, Ty::LIST, s0);
    let i0 = b.sload(1, Ty::INT, s0);
    let sum0 = b.sload(2, Ty::INT, s0);
    let one = b.int(1);
    b.lp();
    let i = b.param(1, Ty::INT);
    let sum = b.param(2, Ty::INT);
    let s1 = b.snap(&[(1, i), (2, sum)]);
    b.t.header_snap = Some(s1);
    let x = b.guarded(Opcode::ListGet, Ty::INT, &[l, i], s1);
    let sum1 = b.guarded(Opcode::AddOv, Ty::INT, &[sum, x], s1);
    let s2 = b.snap(&[(1, i), (2, sum1)]);
    let i1 = b.guarded(Opcode::AddOv, Ty::INT, &[i, one], s2);
    let len = b.op(Opcode::ListLen, Ty::INT, &[l]);
    let c = b.op(Opcode::Lt, Ty::BOOL, &[i1, len]);
    let s3 = b.snap(&[(1, i1), (2, sum1)]);
    b.guarded(Opcode::GuardTrue, Ty::VOID, &[c], s3);
    b.carry(1, i0, i, i1);
    b.carry(2, sum0, sum, sum1);
    let ct = compile(&b.t);

    let mut heap = Heap::new();
    let list = heap.alloc(ListObj::new((1..=100).map(Value::Int).collect()));
    let mut regs = vec![Value::List(list), Value::Int(0), Value::Int(0)];
    assert_eq!(run(&ct, &mut regs), 3);
    assert_eq!(int(&regs[1]), 100);
    assert_eq!(int(&regs[2]), 5050);

    // A float in the middle: the tag guard exits before adding it.
    list.items_mut()[50] = Value::Float(1.5);
    let mut regs = vec![Value::List(list), Value::Int(0), Value::Int(0)];
    assert_eq!(run(&ct, &mut regs), 1);
    assert_eq!(int(&regs[1]), 50);
    assert_eq!(int(&regs[2]), (1..=50).sum::<i64>());
}

// -- Integer arithmetic -----------------------------------------------------------

fn py_floordiv(a: i64, b: i64) -> i64 {
    let q = a / b;
    if a % b != 0 && ((a < 0) != (b < 0)) {
        q - 1
    } else {
        q
    }
}

fn py_mod(a: i64, b: i64) -> i64 {
    let r = a % b;
    if r != 0 && ((r < 0) != (b < 0)) {
        r + b
    } else {
        r
    }
}

#[test]
fn floor_div_and_mod_follow_python() {
    let mut b = B::default();
    let s0 = b.snap(&[]);
    let x = b.sload(0, Ty::INT, s0);
    let y = b.sload(1, Ty::INT, s0);
    let s1 = b.snap(&[]);
    let q = b.guarded(Opcode::FloorDiv, Ty::INT, &[x, y], s1);
    let m = b.guarded(Opcode::Mod, Ty::INT, &[x, y], s1);
    let s2 = b.observe(&[(2, q), (3, m)]);
    let ct = compile(&b.t);

    let xs = [
        -7,
        -6,
        -1,
        0,
        1,
        5,
        7,
        100,
        -100,
        i64::MIN,
        i64::MIN + 1,
        i64::MAX,
    ];
    let ys = [1, 2, 3, 7, 10, i64::MAX, 0, -1, -3, i64::MIN];
    for &a in &xs {
        for &d in &ys {
            let mut regs = vec![Value::Int(a), Value::Int(d), Value::None, Value::None];
            let exit = run(&ct, &mut regs);
            if d > 0 {
                assert_eq!(exit, s(s2), "{a} // {d}");
                assert_eq!(int(&regs[2]), py_floordiv(a, d), "{a} // {d}");
                assert_eq!(int(&regs[3]), py_mod(a, d), "{a} % {d}");
            } else {
                assert_eq!(exit, s(s1), "{a} // {d} must exit");
                assert!(matches!(regs[2], Value::None));
            }
        }
    }
    // Spot checks against Python itself.
    assert_eq!((py_floordiv(-7, 2), py_mod(-7, 2)), (-4, 1));
}

/// `//` and `%` by a positive constant compile to a multiply (`divconst`), with no
/// exit; they agree with Python for dividends of both signs up to both ends of i64.
#[test]
fn floor_div_and_mod_by_constants_multiply() {
    let xs = [
        0,
        1,
        -1,
        2,
        -2,
        6,
        -6,
        7,
        -7,
        8,
        -8,
        100,
        -100,
        1 << 40,
        -(1 << 40) - 1,
        i64::MAX,
        i64::MAX - 1,
        i64::MIN,
        i64::MIN + 1,
        0x1234_5678_9abc_def0,
        -0x1234_5678_9abc_def1,
    ];
    for d in [
        1i64,
        2,
        3,
        7,
        10,
        11,
        255,
        641,
        1 << 40,
        (1 << 40) + 1,
        i64::MAX,
    ] {
        let mut b = B::default();
        let s0 = b.snap(&[]);
        let x = b.sload(0, Ty::INT, s0);
        let k = b.int(d);
        let s1 = b.snap(&[]);
        let q = b.guarded(Opcode::FloorDiv, Ty::INT, &[x, k], s1);
        let m = b.guarded(Opcode::Mod, Ty::INT, &[x, k], s1);
        let done = b.observe(&[(1, q), (2, m)]);
        let ct = compile(&b.t);
        let mut tried = xs.to_vec();
        tried.extend(
            xs.iter()
                .flat_map(|&a| [a.wrapping_mul(d), a.wrapping_mul(d).wrapping_sub(1)]),
        );
        for a in tried {
            let mut regs = vec![Value::Int(a), Value::None, Value::None];
            assert_eq!(run(&ct, &mut regs), s(done), "{a} // {d}");
            assert_eq!(int(&regs[1]), py_floordiv(a, d), "{a} // {d}");
            assert_eq!(int(&regs[2]), py_mod(a, d), "{a} % {d}");
        }
    }
}

/// `UDiv`/`URem` (what `bounds` makes of `//` and `%` of a value that cannot be
/// negative by a positive constant) agree with Python for every such dividend,
/// i64::MAX included; a non-constant divisor is refused, not compiled to a trap.
#[test]
fn unsigned_div_and_rem_by_constants() {
    for d in [1i64, 2, 3, 7, 10, 255, 1 << 40, i64::MAX] {
        let mut b = B::default();
        let s0 = b.snap(&[]);
        let x = b.sload(0, Ty::INT, s0);
        let k = b.int(d);
        let q = b.op(Opcode::UDiv, Ty::INT, &[x, k]);
        let m = b.op(Opcode::URem, Ty::INT, &[x, k]);
        let done = b.observe(&[(1, q), (2, m)]);
        let ct = compile(&b.t);
        for a in [
            0,
            1,
            2,
            6,
            7,
            8,
            100,
            254,
            255,
            256,
            1 << 40,
            i64::MAX - 1,
            i64::MAX,
        ] {
            let mut regs = vec![Value::Int(a), Value::None, Value::None];
            assert_eq!(run(&ct, &mut regs), s(done));
            assert_eq!(int(&regs[1]), py_floordiv(a, d), "{a} // {d}");
            assert_eq!(int(&regs[2]), py_mod(a, d), "{a} % {d}");
        }
    }
    let mut b = B::default();
    let s0 = b.snap(&[]);
    let x = b.sload(0, Ty::INT, s0);
    let y = b.sload(1, Ty::INT, s0);
    let m = b.op(Opcode::URem, Ty::INT, &[x, y]);
    b.observe(&[(2, m)]);
    let Err(e) = Backend::new().unwrap().compile(&b.t, &layout(), "t") else {
        panic!("URem by a non-constant compiled");
    };
    assert!(
        e.to_string()
            .contains("unsigned division by a non-constant"),
        "{e}"
    );
}

#[test]
fn overflow_checked_and_wrapping_int_ops() {
    let mut b = B::default();
    let s0 = b.snap(&[]);
    let x = b.sload(0, Ty::INT, s0);
    let y = b.sload(1, Ty::INT, s0);
    let s1 = b.snap(&[]);
    let sub = b.guarded(Opcode::SubOv, Ty::INT, &[x, y], s1);
    let s2 = b.snap(&[(2, sub)]);
    let mul = b.guarded(Opcode::MulOv, Ty::INT, &[x, y], s2);
    let s3 = b.snap(&[(2, sub), (3, mul)]);
    let neg = b.guarded(Opcode::NegOv, Ty::INT, &[x], s3);
    let add = b.op(Opcode::Add, Ty::INT, &[x, y]);
    let wsub = b.op(Opcode::Sub, Ty::INT, &[x, y]);
    let and = b.op(Opcode::BAnd, Ty::INT, &[x, y]);
    let or = b.op(Opcode::BOr, Ty::INT, &[x, y]);
    let xor = b.op(Opcode::BXor, Ty::INT, &[x, y]);
    let truth = b.op(Opcode::IntTruth, Ty::BOOL, &[x]);
    let not = b.op(Opcode::Not, Ty::BOOL, &[truth]);
    let f = b.op(Opcode::IToF, Ty::FLOAT, &[x]);
    let s4 = b.observe(&[
        (2, sub),
        (3, mul),
        (4, neg),
        (5, add),
        (6, wsub),
        (7, and),
        (8, or),
        (9, xor),
        (10, truth),
        (11, not),
        (12, f),
    ]);
    let ct = compile(&b.t);

    let vals = [
        0,
        1,
        -1,
        3,
        -7,
        1 << 40,
        (1 << 53) + 1,
        i64::MAX,
        i64::MIN,
        i64::MIN + 1,
    ];
    for &a in &vals {
        for &c in &vals {
            let mut regs = vec![Value::None; 13];
            regs[0] = Value::Int(a);
            regs[1] = Value::Int(c);
            let exit = run(&ct, &mut regs);
            let Some(sub) = a.checked_sub(c) else {
                assert_eq!(exit, s(s1), "{a} - {c}");
                assert!(matches!(regs[2], Value::None));
                continue;
            };
            let Some(mul) = a.checked_mul(c) else {
                assert_eq!(exit, s(s2), "{a} * {c}");
                assert_eq!(int(&regs[2]), sub);
                assert!(matches!(regs[3], Value::None));
                continue;
            };
            let Some(neg) = a.checked_neg() else {
                assert_eq!(exit, s(s3), "-{a}");
                assert_eq!((int(&regs[2]), int(&regs[3])), (sub, mul));
                continue;
            };
            assert_eq!(exit, s(s4));
            assert_eq!(int(&regs[2]), sub);
            assert_eq!(int(&regs[3]), mul);
            assert_eq!(int(&regs[4]), neg);
            assert_eq!(int(&regs[5]), a.wrapping_add(c));
            assert_eq!(int(&regs[6]), a.wrapping_sub(c));
            assert_eq!(int(&regs[7]), a & c);
            assert_eq!(int(&regs[8]), a | c);
            assert_eq!(int(&regs[9]), a ^ c);
            assert_eq!(boolean(&regs[10]), a != 0);
            assert_eq!(boolean(&regs[11]), a == 0);
            assert_eq!(
                float(&regs[12]).to_bits(),
                (a as f64).to_bits(),
                "float({a})"
            );
        }
    }
}

/// `AddOv`/`SubOv` by a constant are lowered as a wrapping op and one compare of the
/// result with the operand; every constant sign and both ends of the i64 range must
/// exit exactly when Rust's checked ops overflow, with the pre-op state.
/// The same compare trick when an operand is not a constant but cannot be
/// negative (`x & 255`, `x % 7` as `URem`): checked against Rust's checked ops at
/// both ends of the i64 range, with the known operand on either side of an `AddOv`
/// (and a `BAnd` with a negative mask, whose sign is not known, for contrast).
#[test]
fn overflow_checks_with_an_operand_that_cannot_be_negative() {
    let vals = [
        0,
        1,
        -1,
        255,
        256,
        i64::MAX,
        i64::MAX - 100,
        i64::MIN,
        i64::MIN + 100,
    ];
    // (op, known operand first?, mask op, mask constant)
    let cases = [
        (Opcode::AddOv, false, Opcode::BAnd, 255),
        (Opcode::AddOv, true, Opcode::BAnd, 255),
        (Opcode::SubOv, false, Opcode::BAnd, 255),
        (Opcode::AddOv, false, Opcode::URem, 7),
        (Opcode::SubOv, false, Opcode::URem, 1000),
        (Opcode::AddOv, true, Opcode::BAnd, -256),
        (Opcode::SubOv, false, Opcode::BAnd, -256),
    ];
    for (op, known_first, mask_op, k) in cases {
        let mut b = B::default();
        let s0 = b.snap(&[]);
        let a = b.sload(0, Ty::INT, s0);
        let x = b.sload(1, Ty::INT, s0);
        let kk = b.int(k);
        let m = b.op(mask_op, Ty::INT, &[x, kk]);
        let s1 = b.snap(&[(2, a)]);
        let args = if known_first { [m, a] } else { [a, m] };
        let y = b.guarded(op, Ty::INT, &args, s1);
        let done = b.observe(&[(2, y)]);
        let ct = compile(&b.t);
        for &av in &vals {
            for &xv in &vals {
                if mask_op == Opcode::URem && xv < 0 {
                    continue; // bounds only makes URem of values that are not negative
                }
                let mv = if mask_op == Opcode::BAnd {
                    xv & k
                } else {
                    xv % k
                };
                let want = match (op, known_first) {
                    (Opcode::AddOv, false) => av.checked_add(mv),
                    (Opcode::AddOv, true) => mv.checked_add(av),
                    _ => av.checked_sub(mv),
                };
                let mut regs = vec![Value::Int(av), Value::Int(xv), Value::None];
                let exit = run(&ct, &mut regs);
                let what = format!("{op:?} {av} {mask_op:?}({xv}, {k})");
                match want {
                    Some(v) => {
                        assert_eq!(exit, s(done), "{what}");
                        assert_eq!(int(&regs[2]), v, "{what}");
                    }
                    None => assert_eq!(exit, s(s1), "{what} overflows"),
                }
            }
        }
    }
}

#[test]
fn overflow_checks_with_a_constant_operand() {
    let consts = [1, -1, 2, -2, 5, i64::MAX, i64::MIN, i64::MIN + 1];
    let vals = [
        0,
        1,
        -1,
        7,
        i64::MAX,
        i64::MAX - 1,
        i64::MAX - 5,
        i64::MIN,
        i64::MIN + 1,
        i64::MIN + 5,
    ];
    for op in [Opcode::AddOv, Opcode::SubOv] {
        for &c in &consts {
            let mut b = B::default();
            let s0 = b.snap(&[]);
            let x = b.sload(0, Ty::INT, s0);
            let k = b.int(c);
            let s1 = b.snap(&[(1, x)]);
            let y = b.guarded(op, Ty::INT, &[x, k], s1);
            let done = b.observe(&[(1, y)]);
            let ct = compile(&b.t);
            for &a in &vals {
                let want = if op == Opcode::AddOv {
                    a.checked_add(c)
                } else {
                    a.checked_sub(c)
                };
                let mut regs = vec![Value::Int(a), Value::None];
                let exit = run(&ct, &mut regs);
                match want {
                    Some(v) => {
                        assert_eq!(exit, s(done), "{op:?} {a}, {c}");
                        assert_eq!(int(&regs[1]), v, "{op:?} {a}, {c}");
                    }
                    None => {
                        assert_eq!(exit, s(s1), "{op:?} {a}, {c} overflows");
                        assert_eq!(int(&regs[1]), a, "the state before the op");
                    }
                }
            }
        }
    }
}

/// Shifts by a constant count are lowered without the count checks (and a count of
/// 64 or more still gives the sign); `<<` still exits when bits are lost.
#[test]
fn shifts_by_constant_counts() {
    let xs = [
        0,
        1,
        -1,
        5,
        -5,
        255,
        1 << 40,
        -(1 << 40),
        i64::MAX,
        i64::MIN,
    ];
    for k in [0i64, 1, 3, 8, 40, 62, 63, 64, 100] {
        let mut b = B::default();
        let s0 = b.snap(&[]);
        let x = b.sload(0, Ty::INT, s0);
        let c = b.int(k);
        let s1 = b.snap(&[]);
        let r = b.guarded(Opcode::Shr, Ty::INT, &[x, c], s1);
        let s2 = b.snap(&[(1, r)]);
        let l = b.guarded(Opcode::ShlOv, Ty::INT, &[x, c], s2);
        let done = b.observe(&[(1, r), (2, l)]);
        let ct = compile(&b.t);
        for &a in &xs {
            let mut regs = vec![Value::Int(a), Value::None, Value::None];
            let exit = run(&ct, &mut regs);
            assert_eq!(int(&regs[1]), a >> k.min(63), "{a} >> {k}");
            let fits = k < 64 && (a << k) >> k == a;
            if fits {
                assert_eq!(exit, s(done), "{a} << {k}");
                assert_eq!(int(&regs[2]), a << k, "{a} << {k}");
            } else {
                assert_eq!(exit, s(s2), "{a} << {k} must exit");
                assert!(matches!(regs[2], Value::None));
            }
        }
    }
}

// -- Floats -----------------------------------------------------------------------

/// Division by a nonzero float constant has no zero test; by a zero constant (of
/// either sign) it still exits.
#[test]
fn fdiv_by_constants() {
    for (k, exits) in [
        (2.0, false),
        (-0.5, false),
        (f64::NAN, false),
        (f64::INFINITY, false),
        (0.0, true),
        (-0.0, true),
    ] {
        let mut b = B::default();
        let s0 = b.snap(&[]);
        let x = b.sload(0, Ty::FLOAT, s0);
        let c = b.float(k);
        let s1 = b.snap(&[]);
        let d = b.guarded(Opcode::FDiv, Ty::FLOAT, &[x, c], s1);
        let done = b.observe(&[(1, d)]);
        let ct = compile(&b.t);
        for a in [3.5, -1.0, 0.0, f64::INFINITY] {
            let mut regs = vec![Value::Float(a), Value::None];
            let exit = run(&ct, &mut regs);
            if exits {
                assert_eq!(exit, s(s1), "{a} / {k} must exit");
            } else {
                assert_eq!(exit, s(done));
                let got = float(&regs[1]);
                assert!(
                    got.to_bits() == (a / k).to_bits() || (got.is_nan() && (a / k).is_nan()),
                    "{a} / {k} = {got}"
                );
            }
        }
    }
}

#[test]
fn fdiv_by_zero_exits() {
    let mut b = B::default();
    let s0 = b.snap(&[]);
    let x = b.sload(0, Ty::FLOAT, s0);
    let y = b.sload(1, Ty::FLOAT, s0);
    let s1 = b.snap(&[]);
    let d = b.guarded(Opcode::FDiv, Ty::FLOAT, &[x, y], s1);
    let sub = b.op(Opcode::FSub, Ty::FLOAT, &[x, y]);
    let neg = b.op(Opcode::FNeg, Ty::FLOAT, &[d]);
    let s2 = b.observe(&[(2, d), (3, sub), (4, neg)]);
    let ct = compile(&b.t);

    for zero in [0.0, -0.0] {
        let mut regs = vec![
            Value::Float(3.5),
            Value::Float(zero),
            Value::None,
            Value::None,
            Value::None,
        ];
        assert_eq!(run(&ct, &mut regs), s(s1));
        assert!(matches!(regs[2], Value::None));
    }
    for (a, c) in [
        (3.5, 2.0),
        (1.0, 3.0),
        (1.0, f64::NAN),
        (-1.0, f64::INFINITY),
        (0.0, -5.0),
    ] {
        let mut regs = vec![
            Value::Float(a),
            Value::Float(c),
            Value::None,
            Value::None,
            Value::None,
        ];
        assert_eq!(run(&ct, &mut regs), s(s2));
        assert_eq!(float(&regs[2]).to_bits(), (a / c).to_bits(), "{a} / {c}");
        assert_eq!(float(&regs[3]).to_bits(), (a - c).to_bits());
        assert_eq!(float(&regs[4]).to_bits(), (-(a / c)).to_bits());
    }
}

#[test]
fn comparisons_including_nan() {
    let int_ops = [
        Opcode::Lt,
        Opcode::Le,
        Opcode::Gt,
        Opcode::Ge,
        Opcode::Eq,
        Opcode::Ne,
    ];
    let float_ops = [
        Opcode::FLt,
        Opcode::FLe,
        Opcode::FGt,
        Opcode::FGe,
        Opcode::FEq,
        Opcode::FNe,
    ];
    let mut b = B::default();
    let s0 = b.snap(&[]);
    let x = b.sload(0, Ty::INT, s0);
    let y = b.sload(1, Ty::INT, s0);
    let fx = b.sload(2, Ty::FLOAT, s0);
    let fy = b.sload(3, Ty::FLOAT, s0);
    let mut entries = vec![];
    for (k, op) in int_ops.iter().enumerate() {
        entries.push((4 + k as u32, b.op(*op, Ty::BOOL, &[x, y])));
    }
    for (k, op) in float_ops.iter().enumerate() {
        entries.push((10 + k as u32, b.op(*op, Ty::BOOL, &[fx, fy])));
    }
    b.observe(&entries);
    let ct = compile(&b.t);

    let ints = [
        (1, 2),
        (2, 1),
        (2, 2),
        (-1, 1),
        (i64::MIN, i64::MAX),
        (i64::MAX, i64::MIN),
        (-5, -5),
    ];
    let nan = f64::NAN;
    let floats = [
        (1.0, 2.0),
        (2.0, 1.0),
        (1.0, 1.0),
        (nan, 1.0),
        (1.0, nan),
        (nan, nan),
        (0.0, -0.0),
        (f64::NEG_INFINITY, f64::INFINITY),
    ];
    for &(a, c) in &ints {
        for &(fa, fc) in &floats {
            let mut regs = vec![Value::None; 16];
            regs[0] = Value::Int(a);
            regs[1] = Value::Int(c);
            regs[2] = Value::Float(fa);
            regs[3] = Value::Float(fc);
            run(&ct, &mut regs);
            let want_int = [a < c, a <= c, a > c, a >= c, a == c, a != c];
            let want_float = [fa < fc, fa <= fc, fa > fc, fa >= fc, fa == fc, fa != fc];
            for k in 0..6 {
                assert_eq!(
                    boolean(&regs[4 + k]),
                    want_int[k],
                    "{:?} {a} {c}",
                    int_ops[k]
                );
                assert_eq!(
                    boolean(&regs[10 + k]),
                    want_float[k],
                    "{:?} {fa} {fc}",
                    float_ops[k]
                );
            }
        }
    }
}

// -- Objects, guards and globals --------------------------------------------------

#[test]
fn ref_eq_guard_ref_and_bool_guards() {
    let mut heap = Heap::new();
    let l1 = heap.alloc(ListObj::new(vec![]));
    let l2 = heap.alloc(ListObj::new(vec![]));
    let mut b = B::default();
    let s0 = b.snap(&[]);
    let a = b.sload(0, Ty::LIST, s0);
    let c = b.sload(1, Ty::LIST, s0);
    let p = b.sload(2, Ty::BOOL, s0);
    let q = b.sload(3, Ty::BOOL, s0);
    let n = b.sload(4, Ty::NONE, s0);
    let same = b.op(Opcode::RefEq, Ty::BOOL, &[a, c]);
    let same_bool = b.op(Opcode::RefEq, Ty::BOOL, &[p, q]);
    let kn = b.op(Opcode::KNone, Ty::NONE, &[]);
    let none_is_none = b.op(Opcode::RefEq, Ty::BOOL, &[n, kn]);
    let list_is_none = b.op(Opcode::RefEq, Ty::BOOL, &[a, kn]);
    let s1 = b.snap(&[(5, same)]);
    b.ins(Opcode::GuardRef, Ty::VOID, &[a], l1.addr() as i64, Some(s1));
    let s2 = b.snap(&[(5, same), (6, same_bool)]);
    b.guarded(Opcode::GuardFalse, Ty::VOID, &[p], s2);
    let s3 = b.observe(&[
        (5, same),
        (6, same_bool),
        (7, none_is_none),
        (8, list_is_none),
    ]);
    let ct = compile(&b.t);

    let regs_for = |x: Gc<ListObj>, y: Gc<ListObj>, p: bool, q: bool| {
        let mut r = vec![Value::None; 9];
        r[0] = Value::List(x);
        r[1] = Value::List(y);
        r[2] = Value::Bool(p);
        r[3] = Value::Bool(q);
        r
    };
    let mut regs = regs_for(l1, l1, false, false);
    assert_eq!(run(&ct, &mut regs), s(s3));
    assert!(boolean(&regs[5]) && boolean(&regs[6]) && boolean(&regs[7]));
    assert!(!boolean(&regs[8]));
    let mut regs = regs_for(l1, l2, false, true);
    assert_eq!(run(&ct, &mut regs), s(s3));
    assert!(!boolean(&regs[5]) && !boolean(&regs[6]));
    // GuardRef: a is not l1.
    let mut regs = regs_for(l2, l2, false, false);
    assert_eq!(run(&ct, &mut regs), s(s1));
    assert!(boolean(&regs[5]));
    assert!(matches!(regs[6], Value::None));
    // GuardFalse on true.
    let mut regs = regs_for(l1, l2, true, true);
    assert_eq!(run(&ct, &mut regs), s(s2));
    assert!(!boolean(&regs[5]) && boolean(&regs[6]));
    // The None slot's type guard.
    let mut regs = regs_for(l1, l1, false, false);
    regs[4] = Value::Int(0);
    assert_eq!(run(&ct, &mut regs), s(s0));
}

#[test]
fn list_get_and_list_set() {
    let mut heap = Heap::new();
    let text = heap.alloc(StrObj::new("hi"));
    let list = heap.alloc(ListObj::new(vec![
        Value::Int(10),
        Value::Float(2.5),
        Value::None,
        Value::Bool(true),
    ]));

    // ListGet of each type, and ListLen.
    for (ty, index) in [
        (Ty::INT, 0i64),
        (Ty::FLOAT, 1),
        (Ty::NONE, 2),
        (Ty::BOOL, 3),
    ] {
        let mut b = B::default();
        let s0 = b.snap(&[]);
        let l = b.sload(0, Ty::LIST, s0);
        let i = b.sload(1, Ty::INT, s0);
        let s1 = b.snap(&[]);
        let x = b.guarded(Opcode::ListGet, ty, &[l, i], s1);
        let n = b.op(Opcode::ListLen, Ty::INT, &[l]);
        let s2 = b.observe(&[(2, x), (3, n)]);
        let ct = compile(&b.t);
        for probe in [-1, 0, 1, 2, 3, 4, 1 << 40, i64::MIN] {
            let mut regs = vec![
                Value::List(list),
                Value::Int(probe),
                Value::Int(-9),
                Value::None,
            ];
            let exit = run(&ct, &mut regs);
            if probe != index {
                assert_eq!(
                    exit,
                    s(s1),
                    "get {probe} as {ty}: out of range or wrong tag"
                );
                assert_eq!(int(&regs[2]), -9);
                continue;
            }
            assert_eq!(exit, s(s2));
            assert_eq!(int(&regs[3]), 4);
            match ty {
                Ty::INT => assert_eq!(int(&regs[2]), 10),
                Ty::FLOAT => assert_eq!(float(&regs[2]), 2.5),
                Ty::NONE => {
                    assert!(matches!(regs[2], Value::None));
                    assert_eq!(
                        payload_word(&regs[2]),
                        -9i64 as u64,
                        "None stores only its tag"
                    );
                }
                _ => assert!(boolean(&regs[2])),
            }
        }
    }

    // ListSet of each type.
    let cases = [
        (Ty::INT, Value::Int(-3)),
        (Ty::FLOAT, Value::Float(0.25)),
        (Ty::BOOL, Value::Bool(false)),
        (Ty::NONE, Value::None),
        (Ty::STR, Value::Str(text)),
    ];
    for (ty, v) in cases {
        let mut b = B::default();
        let s0 = b.snap(&[]);
        let l = b.sload(0, Ty::LIST, s0);
        let i = b.sload(1, Ty::INT, s0);
        let c = b.sload(2, ty, s0);
        let s1 = b.snap(&[]);
        b.guarded(Opcode::ListSet, Ty::VOID, &[l, i, c], s1);
        let s2 = b.observe(&[]);
        let ct = compile(&b.t);
        for probe in [4, -1, i64::MIN] {
            let mut regs = vec![Value::List(list), Value::Int(probe), v];
            assert_eq!(run(&ct, &mut regs), s(s1), "set {probe}");
        }
        let mut regs = vec![Value::List(list), Value::Int(1), v];
        assert_eq!(run(&ct, &mut regs), s(s2));
        let item = list.items()[1];
        assert_eq!(item.tag(), ty.0);
        match item {
            Value::Int(x) => assert_eq!(x, -3),
            Value::Float(x) => assert_eq!(x, 0.25),
            Value::Bool(x) => assert!(!x),
            Value::None => {}
            Value::Str(p) => assert!(Gc::ptr_eq(p, text)),
            _ => unreachable!(),
        }
        assert_eq!(list.items().len(), 4);
        assert_eq!(int(&list.items()[0]), 10, "neighbours untouched");
        assert!(boolean(&list.items()[3]));
    }
}

/// Without a known list layout (the `tvm` binary passes negative offsets then),
/// a trace with list instructions is refused, not compiled with loads at bogus
/// offsets; the backend still compiles other traces.
#[test]
fn list_instructions_without_a_list_layout_are_refused() {
    let mut be = Backend::new().expect("host backend");
    let unknown = RuntimeLayout {
        list_items: -1,
        list_len: -1,
        list_traced: -1,
    };
    for op in [Opcode::ListLen, Opcode::ListGet, Opcode::ListSet] {
        let mut b = B::default();
        let s0 = b.snap(&[]);
        let l = b.sload(0, Ty::LIST, s0);
        let i = b.sload(1, Ty::INT, s0);
        let s1 = b.snap(&[]);
        let x = match op {
            Opcode::ListLen => b.op(op, Ty::INT, &[l]),
            Opcode::ListGet => b.guarded(op, Ty::INT, &[l, i], s1),
            _ => b.guarded(op, Ty::VOID, &[l, i, i], s1),
        };
        match be.compile(&b.t, &unknown, "test") {
            Err(BackendError::InvalidTrace { ins, reason }) => {
                assert_eq!(ins, x, "{op:?}");
                assert!(reason.contains("list layout"), "{reason}");
            }
            Err(e) => panic!("unexpected error {e}"),
            Ok(_) => panic!("{op:?} compiled without a list layout"),
        }
        be.compile(&b.t, &layout(), "test")
            .expect("with the layout");
    }
}

/// The collector's side of `ListSet`: a store into a list that a collection has
/// already traced (old, `traced` = len) must make the next minor collection trace
/// that item again, or a young object kept only by the list would be freed.
#[test]
fn list_set_makes_the_collector_trace_the_item_again() {
    let mut heap = Heap::new();
    let list = heap.alloc(ListObj::new(vec![Value::Int(0); 8]));
    // The list survives a collection: it is old and all its items are traced.
    heap.collect_as(&mut vec![Value::List(list)], false);
    let freed = heap.stats.freed;

    let mut b = B::default();
    let s0 = b.snap(&[]);
    let l = b.sload(0, Ty::LIST, s0);
    let i = b.sload(1, Ty::INT, s0);
    let c = b.sload(2, Ty::STR, s0);
    let s1 = b.snap(&[]);
    b.guarded(Opcode::ListSet, Ty::VOID, &[l, i, c], s1);
    let s2 = b.observe(&[]);
    let ct = compile(&b.t);

    for index in [5, 2] {
        let fresh = heap.alloc(StrObj::new(format!("young {index}")));
        let mut regs = vec![Value::List(list), Value::Int(index), Value::Str(fresh)];
        assert_eq!(run(&ct, &mut regs), s(s2));
        // Only the list is a root: the str is reachable through the store alone.
        heap.collect_as(&mut vec![Value::List(list)], false);
        assert_eq!(heap.stats.freed, freed, "the stored str must survive");
        match list.items()[index as usize] {
            Value::Str(p) => assert!(Gc::ptr_eq(p, fresh)),
            _ => panic!("the store did not happen"),
        }
    }
    // And a str nobody keeps is freed by the same kind of collection.
    heap.alloc(StrObj::new("garbage"));
    heap.collect_as(&mut vec![Value::List(list)], false);
    assert_eq!(heap.stats.freed, freed + 1);
}

#[test]
fn gload_and_gstore_on_a_static_array() {
    // The module's globals: four Values at fixed addresses.
    let globals: &'static mut [Value; 4] = Box::leak(Box::new([Value::None; 4]));
    let base = globals.as_mut_ptr();
    let addr = move |k: usize| unsafe { base.add(k) } as i64;
    // SAFETY (below): the compiled code writes these Values only while it runs.
    unsafe { *base = Value::Int(5) };

    // x = i + g while x < n, storing x to global 1 each iteration.
    let mut b = B::default();
    let s0 = b.snap(&[]);
    let g = b.ins(Opcode::GLoad, Ty::INT, &[], addr(0), Some(s0));
    let i0 = b.sload(0, Ty::INT, s0);
    let n = b.sload(1, Ty::INT, s0);
    b.lp();
    let i = b.param(0, Ty::INT);
    let s1 = b.snap(&[(0, i)]);
    b.t.header_snap = Some(s1);
    let x = b.guarded(Opcode::AddOv, Ty::INT, &[i, g], s1);
    b.ins(Opcode::GStore, Ty::VOID, &[x], addr(1), None);
    let c = b.op(Opcode::Lt, Ty::BOOL, &[x, n]);
    let s2 = b.snap(&[(0, x)]);
    b.guarded(Opcode::GuardTrue, Ty::VOID, &[c], s2);
    b.carry(0, i0, i, x);
    let ct = compile(&b.t);
    let mut regs = vec![Value::Int(0), Value::Int(23)];
    assert_eq!(run(&ct, &mut regs), s(s2));
    assert_eq!(int(&regs[0]), 25);
    assert_eq!(int(unsafe { &*base.add(1) }), 25);
    // Wrong tag in the global.
    unsafe { *base = Value::Float(5.0) };
    let mut regs = vec![Value::Int(0), Value::Int(23)];
    assert_eq!(run(&ct, &mut regs), s(s0));
    assert_eq!(int(&regs[0]), 0);

    // GStore of other types.
    let mut b = B::default();
    let f = b.float(-1.5);
    let t = b.boolean(true);
    let none = b.op(Opcode::KNone, Ty::NONE, &[]);
    b.ins(Opcode::GStore, Ty::VOID, &[f], addr(1), None);
    b.ins(Opcode::GStore, Ty::VOID, &[t], addr(2), None);
    b.ins(Opcode::GStore, Ty::VOID, &[none], addr(3), None);
    let ct = compile(&b.t);
    unsafe { *base.add(3) = Value::Int(77) };
    assert_eq!(run(&ct, &mut []), END_OF_TRACE);
    let g = unsafe { std::slice::from_raw_parts(base, 4) };
    assert_eq!(float(&g[1]), -1.5);
    assert!(boolean(&g[2]));
    assert!(matches!(g[3], Value::None));
    assert_eq!(payload_word(&g[3]), 77, "None stores only its tag");
}

#[test]
fn constants_of_every_type_in_a_snapshot() {
    let mut heap = Heap::new();
    let list = heap.alloc(ListObj::new(vec![]));
    let text = heap.alloc(StrObj::new("x"));
    let odd_nan = f64::from_bits(0x7ff8_0000_dead_beef);
    let mut b = B::default();
    let ki = b.int(-5);
    let kf = b.float(-0.0);
    let kn = b.float(odd_nan);
    let kt = b.boolean(true);
    let kfalse = b.boolean(false);
    let knone = b.op(Opcode::KNone, Ty::NONE, &[]);
    let kl = b.ins(Opcode::KRef, Ty::LIST, &[], list.addr() as i64, None);
    let ks = b.ins(Opcode::KRef, Ty::STR, &[], text.addr() as i64, None);
    let kbig = b.int(i64::MIN);
    let snap = b.observe(&[
        (0, ki),
        (1, kf),
        (2, kn),
        (3, kt),
        (4, kfalse),
        (5, knone),
        (6, kl),
        (7, ks),
        (9, kbig),
    ]);
    let ct = compile(&b.t);
    let mut regs = vec![Value::Int(99); 10];
    assert_eq!(run(&ct, &mut regs), s(snap));
    assert_eq!(int(&regs[0]), -5);
    assert_eq!(float(&regs[1]).to_bits(), (-0.0f64).to_bits());
    assert_eq!(float(&regs[2]).to_bits(), odd_nan.to_bits());
    assert!(boolean(&regs[3]));
    assert!(!boolean(&regs[4]));
    assert!(matches!(regs[5], Value::None));
    assert_eq!(payload_word(&regs[5]), 99, "None stores only its tag");
    assert!(matches!(regs[6], Value::List(p) if Gc::ptr_eq(p, list)));
    assert!(matches!(regs[7], Value::Str(p) if Gc::ptr_eq(p, text)));
    assert_eq!(int(&regs[8]), 99, "slots outside the snapshot untouched");
    assert_eq!(int(&regs[9]), i64::MIN);
}

// -- The backend itself -----------------------------------------------------------

#[test]
fn straight_line_trace_returns_end_of_trace() {
    let mut b = B::default();
    let s0 = b.snap(&[]);
    b.sload(0, Ty::INT, s0);
    let ct = compile(&b.t);
    let mut regs = vec![Value::Int(1)];
    assert_eq!(run(&ct, &mut regs), END_OF_TRACE);
    assert_eq!(run(&ct, &mut [Value::None]), 0);
}

#[test]
fn invalid_traces_are_errors_and_the_backend_survives() {
    let mut be = Backend::new().unwrap();
    let bad = |e: Result<CompiledTrace, BackendError>| match e {
        Err(BackendError::InvalidTrace { ins, reason }) => (ins, reason),
        Err(e) => panic!("unexpected error {e}"),
        Ok(_) => panic!("compiled an invalid trace"),
    };

    // A guard without a snapshot.
    let mut b = B::default();
    let k = b.boolean(true);
    let g = b.op(Opcode::GuardTrue, Ty::VOID, &[k]);
    assert_eq!(bad(be.compile(&b.t, &layout(), "t")).0, g);

    // A snapshot naming a value defined after its guard.
    let mut b = B::default();
    let k = b.boolean(true);
    let s = b.snap(&[(0, InsRef::from_u32(2))]);
    let g = b.guarded(Opcode::GuardTrue, Ty::VOID, &[k], s);
    b.int(1);
    assert_eq!(bad(be.compile(&b.t, &layout(), "t")).0, g);

    // An operand used before its definition.
    let mut b = B::default();
    let add = b.op(
        Opcode::Add,
        Ty::INT,
        &[InsRef::from_u32(1), InsRef::from_u32(1)],
    );
    b.int(1);
    assert_eq!(bad(be.compile(&b.t, &layout(), "t")).0, add);

    // A loop without a header snapshot.
    let mut t = counting(false);
    t.header_snap = None;
    bad(be.compile(&t, &layout(), "t"));

    // A result type that does not match the opcode.
    let mut b = B::default();
    let x = b.int(1);
    let f = b.op(Opcode::Add, Ty::FLOAT, &[x, x]);
    assert_eq!(bad(be.compile(&b.t, &layout(), "t")).0, f);

    // Still usable.
    let ct = be.compile(&counting(false), &layout(), "ok").unwrap();
    let mut regs = vec![Value::Int(0), Value::Int(3), Value::Int(1), Value::None];
    assert_eq!(run(&ct, &mut regs), 3);
    assert_eq!(int(&regs[0]), 3);
}

#[test]
fn many_traces_stay_callable() {
    let mut be = Backend::new().unwrap();
    let traces: Vec<CompiledTrace> = (0..200)
        .map(|k| {
            let mut b = B::default();
            let x = b.int(k * 1000);
            b.observe(&[(0, x)]);
            be.compile(&b.t, &layout(), "same-name").unwrap()
        })
        .collect();
    for (k, ct) in traces.iter().enumerate() {
        let mut regs = vec![Value::None];
        assert_eq!(run(ct, &mut regs), 0);
        assert_eq!(int(&regs[0]), k as i64 * 1000);
    }
    assert_eq!(
        be.code_size_total(),
        traces.iter().map(|t| t.code_size).sum::<usize>()
    );
}

// -- Units: side traces compiled into their loop's function ------------------------

/// Root loop over slots 0 (i), 1 (n), 2 (total), 3 (k): `total += i + k` on even
/// `i`, exit 2 on odd `i`; `i += 1` while `i < n` (exit 3 when done).
const UNIT_ROOT: &str = "\
s0 = frame(code=0x40, pc=0, base=0, ret=0) {}
s1 = frame(code=0x40, pc=0, base=0, ret=0) {0: v5, 2: v6}
s2 = frame(code=0x40, pc=3, base=0, ret=0) {0: v5, 2: v6}
s3 = frame(code=0x40, pc=5, base=0, ret=0) {0: v14, 2: v13}
v0 = int SLoad 0 ; s0
v1 = int SLoad 1 ; s0
v2 = int SLoad 2 ; s0
v3 = int SLoad 3 ; s0
Loop
v5 = int LoopParam 0
v6 = int LoopParam 2
v7 = int KInt 1
v8 = int BAnd v5, v7
v9 = int KInt 0
v10 = bool Eq v8, v9
GuardTrue v10 ; s2
v12 = int AddOv v5, v3 ; s2
v13 = int AddOv v6, v12 ; s2
v14 = int AddOv v5, v7 ; s2
v15 = bool Lt v14, v1
GuardTrue v15 ; s3
carry 0: v0 -> v5 -> v14
carry 2: v2 -> v6 -> v13
header_snap s1
";

/// Side trace of the root's exit 2 (odd `i`): `total += 100; k += 1; i += 1`, exit 1
/// when `i` reaches `n`, else back to the loop (with `k`, a loop invariant of the
/// root, changed).
const UNIT_SIDE: &str = "\
s0 = frame(code=0x40, pc=3, base=0, ret=0) {}
s1 = frame(code=0x40, pc=4, base=0, ret=0) {0: v8, 2: v4, 3: v7}
v0 = int SLoad 0 ; s0
v1 = int SLoad 2 ; s0
v2 = int SLoad 1 ; s0
v3 = int KInt 100
v4 = int AddOv v1, v3 ; s0
v5 = int SLoad 3 ; s0
v6 = int KInt 1
v7 = int AddOv v5, v6 ; s0
v8 = int AddOv v0, v6 ; s0
v9 = bool Lt v8, v2
GuardTrue v9 ; s1
SStore v4, 2
SStore v7, 3
SStore v8, 0
";

/// The same loop in Rust, with `total += i + f * k` (`f` 1 for `UNIT_ROOT`, 3 for
/// `UNIT_ROOT_HOISTED`, whose preamble computes `3 * k` and exits if it
/// overflows): (exit trace id, exit index, i, total, k).
fn unit_model(n: i64, k0: i64, f: i64) -> (u32, u32, i64, i64, i64) {
    let (mut i, mut total, mut k) = (0i64, 0i64, k0);
    loop {
        // The preamble, on entry and after the side trace.
        let Some(fk) = k.checked_mul(f) else {
            return (1, 0, i, total, k);
        };
        loop {
            if i & 1 == 0 {
                total += i + fk;
                i += 1;
                if i >= n {
                    return (1, 3, i, total, k);
                }
            } else {
                total += 100;
                k += 1;
                i += 1;
                if i >= n {
                    return (2, 1, i, total, k);
                }
                break;
            }
        }
    }
}

/// Compiles `root` (text) with `UNIT_SIDE` compiled into its exit 2, as one unit.
fn compile_root_and_side(root: &str) -> CompiledTrace {
    use tvm_tracer::abi::{ExitLinks, Unit, UnitTrace};
    let root = tvm_tracer::text::parse(root).expect("root parses");
    let side = tvm_tracer::text::parse(UNIT_SIDE).expect("side parses");
    let links = |id, side| ExitLinks {
        trace_id: id,
        table: std::ptr::null(),
        side,
    };
    let unit = Unit {
        traces: vec![
            UnitTrace {
                trace: &root,
                links: links(1, false),
                parent: None,
            },
            UnitTrace {
                trace: &side,
                links: links(2, true),
                parent: Some((0, 2)),
            },
        ],
    };
    let mut be = Backend::new().unwrap();
    be.compile_unit(&unit, &layout(), "unit")
        .unwrap_or_else(|e| panic!("{e}"))
}

/// Runs a unit; returns (id of the trace that exited, exit index, iterations).
fn run_unit(ct: &CompiledTrace, regs: &mut [Value]) -> (u32, u32, u64) {
    let flag = 0u8;
    let mut iterations = 0u64;
    let mut who = 1u32; // the runtime's default: the root trace
    let ctx = TraceCtx {
        gc_flag: &flag,
        iterations: &mut iterations,
        exit_trace: &mut who,
    };
    // SAFETY: `regs` covers every slot the unit's traces touch.
    let exit = unsafe { (ct.entry)(regs.as_mut_ptr() as *mut u8, &ctx) };
    (who, exit, iterations)
}

#[test]
fn side_trace_compiled_into_the_loop_runs_like_the_loop() {
    let ct = compile_root_and_side(UNIT_ROOT);
    for (n, k0) in [(1, 5), (2, 5), (7, 0), (10, 3), (1001, -7)] {
        let mut regs = vec![Value::Int(0), Value::Int(n), Value::Int(0), Value::Int(k0)];
        let (who, exit, iterations) = run_unit(&ct, &mut regs);
        let (want_who, want_exit, i, total, k) = unit_model(n, k0, 1);
        assert_eq!(
            (who, exit),
            (want_who, want_exit),
            "n={n}: who exited, where"
        );
        assert_eq!(int(&regs[0]), i, "n={n}: i");
        assert_eq!(int(&regs[1]), n, "n={n}: n is never written");
        assert_eq!(int(&regs[2]), total, "n={n}: total");
        assert_eq!(int(&regs[3]), k, "n={n}: k, changed by the side trace");
        assert_eq!(iterations, n as u64, "n={n}: one count per loop iteration");
    }
}

/// `UNIT_ROOT` with `total += i + 3 * k`, the `3 * k` hoisted into the preamble
/// (as `licm` does): `UNIT_SIDE` changes `k`, so it must come back through the
/// preamble, which computes `3 * k` again, not straight to the loop header.
const UNIT_ROOT_HOISTED: &str = "\
s0 = frame(code=0x40, pc=0, base=0, ret=0) {}
s1 = frame(code=0x40, pc=0, base=0, ret=0) {0: v7, 2: v8}
s2 = frame(code=0x40, pc=3, base=0, ret=0) {0: v7, 2: v8}
s3 = frame(code=0x40, pc=5, base=0, ret=0) {0: v16, 2: v15}
v0 = int SLoad 0 ; s0
v1 = int SLoad 1 ; s0
v2 = int SLoad 2 ; s0
v3 = int SLoad 3 ; s0
v4 = int KInt 3
v5 = int MulOv v3, v4 ; s0
Loop
v7 = int LoopParam 0
v8 = int LoopParam 2
v9 = int KInt 1
v10 = int BAnd v7, v9
v11 = int KInt 0
v12 = bool Eq v10, v11
GuardTrue v12 ; s2
v14 = int AddOv v7, v5 ; s2
v15 = int AddOv v8, v14 ; s2
v16 = int AddOv v7, v9 ; s2
v17 = bool Lt v16, v1
GuardTrue v17 ; s3
carry 0: v0 -> v7 -> v16
carry 2: v2 -> v8 -> v15
header_snap s1
";

#[test]
fn side_trace_changing_what_the_preamble_computed_from_reenters_it() {
    let ct = compile_root_and_side(UNIT_ROOT_HOISTED);
    for (n, k0) in [(1, 5), (2, 5), (7, 0), (10, 3), (1001, -7), (50, 1 << 62)] {
        let mut regs = vec![Value::Int(0), Value::Int(n), Value::Int(0), Value::Int(k0)];
        let (who, exit, iterations) = run_unit(&ct, &mut regs);
        let (want_who, want_exit, i, total, k) = unit_model(n, k0, 3);
        assert_eq!((who, exit), (want_who, want_exit), "n={n} k0={k0}");
        assert_eq!(int(&regs[0]), i, "n={n} k0={k0}: i");
        assert_eq!(int(&regs[2]), total, "n={n} k0={k0}: total");
        assert_eq!(int(&regs[3]), k, "n={n} k0={k0}: k");
        // Through the preamble again or not, one count per iteration, each of
        // which adds one to i.
        assert_eq!(iterations, i as u64, "n={n} k0={k0}: iterations");
    }
}

#[test]
fn side_trace_with_a_loop_or_a_bad_parent_is_rejected() {
    use tvm_tracer::abi::{ExitLinks, Unit, UnitTrace};
    let root = tvm_tracer::text::parse(UNIT_ROOT).expect("root parses");
    let mut be = Backend::new().unwrap();
    let mut unit = Unit::single(&root, ExitLinks::NONE);
    unit.traces.push(UnitTrace {
        trace: &root,
        links: ExitLinks::NONE,
        parent: Some((0, 2)),
    });
    assert!(matches!(
        be.compile_unit(&unit, &layout(), "loop-in-side"),
        Err(BackendError::InvalidTrace { .. })
    ));
    unit.traces[1].parent = Some((1, 0));
    assert!(matches!(
        be.compile_unit(&unit, &layout(), "self-parent"),
        Err(BackendError::InvalidTrace { .. })
    ));
    // Still usable.
    let ct = be.compile(&counting(false), &layout(), "ok").unwrap();
    let mut regs = vec![Value::Int(0), Value::Int(3), Value::Int(1), Value::None];
    assert_eq!(run(&ct, &mut regs), 3);
}

/// A guard that is the only user of its snapshot knows its bool at the exit: the
/// slot holding it is written as false (`GuardTrue`) or true (`GuardFalse`), with
/// no setcc on the main path; so does every later exit (s2 and the last one write
/// the constants the earlier guards proved). A snapshot shared by two guards writes
/// the computed bool, which is right for either guard.
#[test]
fn guards_write_back_the_bool_they_tested() {
    let mut b = B::default();
    let s0 = b.snap(&[]);
    let x = b.sload(0, Ty::INT, s0);
    let k10 = b.int(10);
    let k0 = b.int(0);
    let lt = b.op(Opcode::Lt, Ty::BOOL, &[x, k10]);
    let s1 = b.snap(&[(1, lt)]);
    b.guarded(Opcode::GuardTrue, Ty::VOID, &[lt], s1);
    let neg = b.op(Opcode::Lt, Ty::BOOL, &[x, k0]);
    let s2 = b.snap(&[(1, lt), (2, neg)]);
    b.guarded(Opcode::GuardFalse, Ty::VOID, &[neg], s2);
    // Two guards, one snapshot: x != 5 and x != 7.
    let k5 = b.int(5);
    let k7 = b.int(7);
    let n5 = b.op(Opcode::Ne, Ty::BOOL, &[x, k5]);
    let n7 = b.op(Opcode::Ne, Ty::BOOL, &[x, k7]);
    let s3 = b.snap(&[(3, n5)]);
    b.guarded(Opcode::GuardTrue, Ty::VOID, &[n5], s3);
    b.guarded(Opcode::GuardTrue, Ty::VOID, &[n7], s3);
    let done = b.observe(&[(1, lt), (2, neg), (3, n5)]);
    let ct = compile(&b.t);
    let fresh = |x: i64| vec![Value::Int(x), Value::None, Value::None, Value::None];

    let mut regs = fresh(15);
    assert_eq!(run(&ct, &mut regs), s(s1));
    assert!(!boolean(&regs[1]), "x < 10 failed: slot 1 is False");

    let mut regs = fresh(-3);
    assert_eq!(run(&ct, &mut regs), s(s2));
    assert!(boolean(&regs[1]));
    assert!(boolean(&regs[2]), "x < 0 held: slot 2 is True");

    let mut regs = fresh(5);
    assert_eq!(run(&ct, &mut regs), s(s3));
    assert!(!boolean(&regs[3]), "x != 5 failed: slot 3 is False");

    let mut regs = fresh(7);
    assert_eq!(run(&ct, &mut regs), s(s3));
    assert!(
        boolean(&regs[3]),
        "x != 7 failed; the shared snapshot's x != 5 is True"
    );

    let mut regs = fresh(3);
    assert_eq!(run(&ct, &mut regs), s(done));
    assert!(boolean(&regs[1]) && !boolean(&regs[2]) && boolean(&regs[3]));
}

/// Carried slots whose next values the iteration defines in another order than
/// their slots (`a, b = b, a + b` written as `t = a + b; a = b; b = t` in reverse):
/// the header params follow the definition order, and the loop still passes each
/// slot its own value.
#[test]
fn carried_slots_defined_out_of_slot_order() {
    // slots: 0 a, 1 b, 2 i, 3 n.  while i < n: a, b = b, a + b; i += 1
    let mut b = B::default();
    let s0 = b.snap(&[]);
    let a0 = b.sload(0, Ty::INT, s0);
    let b0 = b.sload(1, Ty::INT, s0);
    let i0 = b.sload(2, Ty::INT, s0);
    let n = b.sload(3, Ty::INT, s0);
    b.lp();
    let i = b.param(2, Ty::INT);
    let bb = b.param(1, Ty::INT);
    let a = b.param(0, Ty::INT);
    let s1 = b.snap(&[(0, a), (1, bb), (2, i)]);
    b.t.header_snap = Some(s1);
    let c = b.op(Opcode::Lt, Ty::BOOL, &[i, n]);
    let s2 = b.snap(&[(0, a), (1, bb), (2, i)]);
    b.guarded(Opcode::GuardTrue, Ty::VOID, &[c], s2);
    let one = b.int(1);
    let i1 = b.op(Opcode::Add, Ty::INT, &[i, one]);
    let sum = b.guarded(Opcode::AddOv, Ty::INT, &[a, bb], s2);
    // Slot order 0, 1, 2; definition order of the nexts: i1, b's sum, then a = b.
    b.carry(0, a0, a, bb);
    b.carry(1, b0, bb, sum);
    b.carry(2, i0, i, i1);
    let ct = compile(&b.t);
    let mut regs = vec![Value::Int(0), Value::Int(1), Value::Int(0), Value::Int(50)];
    assert_eq!(run(&ct, &mut regs), s(s2));
    let (mut fa, mut fb) = (0i64, 1i64);
    for _ in 0..50 {
        (fa, fb) = (fb, fa + fb);
    }
    assert_eq!((int(&regs[0]), int(&regs[1]), int(&regs[2])), (fa, fb, 50));
    // Overflow exits with the state before the add.
    let mut regs = vec![Value::Int(0), Value::Int(1), Value::Int(0), Value::Int(500)];
    assert_eq!(run(&ct, &mut regs), s(s2));
    let (a, b) = (int(&regs[0]), int(&regs[1]));
    assert!(a.checked_add(b).is_none() && a > 0 && b > a, "{a} {b}");
}
