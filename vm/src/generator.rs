//! Generator: generator objects, and how the interpreter suspends and resumes them.
//!
//! Calling a function whose body contains `yield` binds the arguments as usual but
//! pushes no frame: the frame's registers are copied into a new `GenObj`, which is
//! the call's result. `Vm::gen_resume` copies the registers back onto the top of the
//! value stack, pushes a frame at the saved pc and runs a nested dispatch loop
//! (`Vm::execute`-style) until the frame yields (`Op::Yield`, `Op::YieldFrom`) or
//! returns; yielding copies the registers back out.
//!
//! Why copy: every running frame lives in the one contiguous value stack, because
//! compiled traces address frame slots directly and side exits rebuild frames
//! there. A suspended generator is just data. Copying costs O(frame size) per
//! resume — a few dozen words for typical generators — where Lua-style coroutines
//! pay a stack switch instead.
//!
//! The exception being handled (`Vm::handling`) is saved per generator, so a
//! generator suspended inside an `except` block does not leak its exception to the
//! caller (CPython keeps an exc_info per generator frame).
//!
//! `throw(e)` resumes the frame by raising `e` at the suspended `yield`; `close()`
//! throws GeneratorExit. A StopIteration escaping the body becomes RuntimeError
//! (PEP 479).

use crate::bytecode::{Code, Reg};
use crate::error::{ExcType, PyErr};
use crate::gc::{Gc, Trace};
use crate::interp::Vm;
use crate::object::PyResult;
use crate::value::Value;
use std::cell::UnsafeCell;
use std::rc::Rc;

/// Where a generator is in its life.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum GenStatus {
    /// Called, body not started.
    Created,
    /// Stopped at a `yield`.
    Suspended,
    /// Its frame is on the stack.
    Running,
    /// Returned or raised; every resume now stops at once.
    Done,
}

/// The mutable part of a generator.
pub struct GenState {
    /// The frame's registers while not running.
    pub regs: Vec<Value>,
    /// Where the frame resumes.
    pub pc: usize,
    /// The register that receives the value sent in on resume.
    pub resume_reg: Option<Reg>,
    /// Life cycle.
    pub status: GenStatus,
    /// The exception the frame was handling when it yielded (None if none).
    pub handling: Value,
}

/// A generator object.
pub struct GenObj {
    /// The generator function's code.
    pub code: Rc<Code>,
    state: UnsafeCell<GenState>,
}

impl GenObj {
    /// A generator that has not started, with its bound registers.
    pub fn new(code: Rc<Code>, regs: Vec<Value>) -> GenObj {
        GenObj {
            code,
            state: UnsafeCell::new(GenState {
                regs,
                pc: 0,
                resume_reg: None,
                status: GenStatus::Created,
                handling: Value::None,
            }),
        }
    }
    /// The state. Do not hold across calls that may resume this generator.
    #[allow(clippy::mut_from_ref)]
    pub fn state(&self) -> &mut GenState {
        // SAFETY: single-threaded; callers copy out what they need before
        // resuming (see object.rs's rule for interior mutability).
        unsafe { &mut *self.state.get() }
    }
}

impl Trace for GenObj {
    fn trace(&self, out: &mut crate::gc::Marker) {
        let st = self.state();
        out.extend_from_slice(&st.regs);
        out.push(st.handling);
    }
    fn extra_size(&self) -> usize {
        self.state().regs.capacity() * 16
    }
}

/// How a resumed generator stopped.
pub enum GenResult {
    /// It yielded this value.
    Yield(Value),
    /// It returned this value (StopIteration's value).
    Return(Value),
}

impl Vm {
    /// Resumes `g`, sending `sent` (or raising `throw` at the suspended yield).
    pub fn gen_resume(
        &mut self,
        g: Gc<GenObj>,
        sent: Value,
        throw: Option<PyErr>,
    ) -> PyResult<GenResult> {
        let st = g.state();
        match st.status {
            GenStatus::Running => {
                return Err(self.value_error("generator already executing"));
            }
            GenStatus::Done => {
                return match throw {
                    Some(e) => Err(e),
                    None => Ok(GenResult::Return(Value::None)),
                };
            }
            GenStatus::Created => {
                if let Some(e) = throw {
                    st.status = GenStatus::Done;
                    return Err(e);
                }
                if !matches!(sent, Value::None) {
                    return Err(
                        self.type_error("can't send non-None value to a just-started generator")
                    );
                }
            }
            GenStatus::Suspended => {}
        }
        if self.frames.len() >= self.recursion_limit {
            return Err(self.err(ExcType::RecursionError, "maximum recursion depth exceeded"));
        }
        let base = self.stack_top();
        let n = g.code.nregs as usize;
        if base + n + 1 >= crate::interp::STACK_SLOTS {
            return Err(self.err(ExcType::RecursionError, "maximum recursion depth exceeded"));
        }
        self.stack_mut()[base..base + st.regs.len()].copy_from_slice(&st.regs);
        if let (Some(r), GenStatus::Suspended) = (st.resume_reg, st.status) {
            self.stack_mut()[base + r.i()] = sent;
        }
        st.status = GenStatus::Running;
        let outer_handling = self.handling;
        if !matches!(st.handling, Value::None) {
            self.handling = st.handling;
        }
        self.running_gens.push(g);
        let entry = self.frames.len();
        let pc = st.pc;
        self.push_gen_frame(g.code.clone(), pc, base);
        let r = match throw {
            Some(e) if !self.raise_in_frame(e, entry) => Err(e),
            _ => self.run_frames(entry),
        };
        self.running_gens.pop();
        let st = g.state();
        st.handling = if self.handling.is(&outer_handling) {
            Value::None
        } else {
            self.handling
        };
        self.handling = outer_handling;
        match r {
            Ok((v, true)) => {
                st.status = GenStatus::Suspended;
                Ok(GenResult::Yield(v))
            }
            Ok((v, false)) => {
                st.status = GenStatus::Done;
                st.regs = Vec::new();
                Ok(GenResult::Return(v))
            }
            Err(e) => {
                st.status = GenStatus::Done;
                st.regs = Vec::new();
                let stop = self.types.exc[ExcType::StopIteration as usize];
                if crate::object::TypeObj::is_subtype(e.0.ty, stop) {
                    let re = self.err(ExcType::RuntimeError, "generator raised StopIteration");
                    re.0.cause.set(Value::Exc(e.0));
                    re.0.context.set(Value::Exc(e.0));
                    re.0.suppress_context.set(true);
                    return Err(re);
                }
                Err(e)
            }
        }
    }

    /// The next value, or None when the generator is exhausted — for native
    /// code draining a generator (`list(g)`, `sum(g)`), whose locals the collector
    /// cannot see: no collection happens while the generator runs. (The
    /// interpreter's own `for` loops and `next()` resume with `gen_resume`
    /// directly: everything they hold is in registers.)
    pub fn gen_next(&mut self, g: Gc<GenObj>) -> PyResult<Option<Value>> {
        self.gc_inhibit += 1;
        let r = self.gen_resume(g, Value::None, None);
        self.gc_inhibit -= 1;
        match r? {
            GenResult::Yield(v) => Ok(Some(v)),
            GenResult::Return(_) => Ok(None),
        }
    }

    /// `g.close()`.
    pub fn gen_close(&mut self, g: Gc<GenObj>) -> PyResult<()> {
        if matches!(g.state().status, GenStatus::Created | GenStatus::Done) {
            g.state().status = GenStatus::Done;
            return Ok(());
        }
        let exit = self.err_args(ExcType::GeneratorExit, vec![]);
        match self.gen_resume(g, Value::None, Some(exit)) {
            Ok(GenResult::Yield(_)) => {
                Err(self.err(ExcType::RuntimeError, "generator ignored GeneratorExit"))
            }
            Ok(GenResult::Return(_)) => Ok(()),
            Err(e)
                if Gc::ptr_eq(e.0.ty, self.types.exc[ExcType::GeneratorExit as usize])
                    || Gc::ptr_eq(e.0.ty, self.types.exc[ExcType::StopIteration as usize]) =>
            {
                Ok(())
            }
            Err(e) => Err(e),
        }
    }

    /// StopIteration carrying a generator's return value.
    pub fn stop_iteration(&mut self, v: Value) -> PyErr {
        let args = if matches!(v, Value::None) {
            vec![]
        } else {
            vec![v]
        };
        self.err_args(ExcType::StopIteration, args)
    }
}

/// Native methods of generators.
pub mod methods {
    use super::*;
    use crate::object::KwArgs;

    fn this(vm: &mut Vm, args: &[Value], name: &str, n: usize) -> PyResult<Gc<GenObj>> {
        match args.first() {
            Some(Value::Gen(g)) if args.len() == n + 1 => Ok(*g),
            Some(Value::Gen(_)) => Err(vm.type_error(format!(
                "generator.{name}() takes exactly {n} argument{} ({} given)",
                if n == 1 { "" } else { "s" },
                args.len() - 1
            ))),
            _ => Err(vm.type_error(format!("descriptor '{name}' requires a 'generator' object"))),
        }
    }

    /// `g.send(v)`.
    pub fn send(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
        let g = this(vm, args, "send", 1)?;
        match vm.gen_resume(g, args[1], None)? {
            GenResult::Yield(v) => Ok(v),
            GenResult::Return(v) => Err(vm.stop_iteration(v)),
        }
    }

    /// `g.throw(exc)`.
    pub fn throw(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
        let g = this(vm, args, "throw", 1)?;
        let e = crate::ops::make_raise(vm, args[1])?;
        match vm.gen_resume(g, Value::None, Some(e))? {
            GenResult::Yield(v) => Ok(v),
            GenResult::Return(v) => Err(vm.stop_iteration(v)),
        }
    }

    /// `g.close()`.
    pub fn close(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
        let g = this(vm, args, "close", 0)?;
        vm.gen_close(g)?;
        Ok(Value::None)
    }

    /// `g.__next__()`.
    pub fn next(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
        let g = this(vm, args, "__next__", 0)?;
        match vm.gen_resume(g, Value::None, None)? {
            GenResult::Yield(v) => Ok(v),
            GenResult::Return(v) => Err(vm.stop_iteration(v)),
        }
    }

    /// The method table (name, function).
    pub const TABLE: &[(&str, crate::object::NativeFn)] = &[
        ("send", send),
        ("throw", throw),
        ("close", close),
        ("__next__", next),
    ];
}
