//! JIT: the `Backend` — host ISA, Cranelift JIT module, and ownership of compiled code.
//!
//! One `Backend` per VM. It keeps one `JITModule` for its whole life and reuses its
//! Cranelift contexts between compiles, so a compile allocates little besides the
//! code itself. Each trace becomes one anonymous function, finalized (made
//! executable) before `compile` returns.
//!
//! Ownership of machine code: the `JITModule` inside the `Backend` owns every
//! compiled trace's code and never frees any of it, so a `CompiledTrace::entry` stays
//! callable for as long as the `Backend` lives. Callers must treat the `Backend` as
//! the owner and not call entries after dropping it (today Cranelift leaks the memory
//! on drop, so nothing breaks, but freeing it there is allowed in the future).
//! Flushing traces is done by dropping the whole `Backend`, not single traces.

use crate::error::BackendError;
use crate::lower::lower;
use cranelift_codegen::ir::{types, AbiParam, Function, UserFuncName};
use cranelift_codegen::settings::{self, Configurable};
use cranelift_codegen::{print_errors, Context};
use cranelift_frontend::FunctionBuilderContext;
use cranelift_jit::{JITBuilder, JITModule};
use cranelift_module::{default_libcall_names, Module, ModuleError};
use std::time::{Duration, Instant};
use tvm_tracer::abi::{ExitLinks, RuntimeLayout, TraceFn, Unit};
use tvm_tracer::ir::Trace;

/// A trace compiled to machine code.
#[derive(Clone, Debug)]
pub struct CompiledTrace {
    /// The native entry point (`tvm_tracer::abi` describes how to call it). Valid
    /// while the `Backend` that compiled it lives.
    pub entry: TraceFn,
    /// Machine code size in bytes.
    pub code_size: usize,
    /// Wall time of `Backend::compile` (lowering, Cranelift, finalizing).
    pub compile_time: Duration,
    /// The Cranelift IR as lowered (before Cranelift's optimizations), for trace
    /// logs; `None` unless `Backend::set_keep_clif(true)`.
    pub clif: Option<String>,
}

/// Compiles traces to native code for the host, with Cranelift.
pub struct Backend {
    module: JITModule,
    ctx: Context,
    fctx: FunctionBuilderContext,
    keep_clif: bool,
    /// `TVM_JIT_DISASM=1` was set.
    print_disasm: bool,
    code_total: usize,
}

impl Backend {
    /// A backend for the host ISA (`cranelift-native`) without Cranelift's
    /// optimizer (see `with_optimizer`), with frame pointers kept so profilers can
    /// walk through trace frames.
    pub fn new() -> Result<Backend, BackendError> {
        Backend::with_optimizer(false)
    }

    /// A backend that runs Cranelift's e-graph optimizer (`opt_level=speed`) on
    /// every function when `optimize`, else none (`opt_level=none`, the default).
    ///
    /// What that optimizer did for traces is done before it: the tracer's passes
    /// fold, hoist and eliminate on the trace IR, and `lower` emits constants where
    /// they are used, divides by constants with multiplies (`divconst`), shifts by
    /// constant counts without checks and shares list offsets. Without it a
    /// function compiles in about three quarters of the time, and the benchmarks'
    /// compiled code executes at most about 2% more instructions (callgrind).
    pub fn with_optimizer(optimize: bool) -> Result<Backend, BackendError> {
        let mut flags = settings::builder();
        let verify = if cfg!(debug_assertions) {
            "true"
        } else {
            "false"
        };
        for (name, value) in [
            ("opt_level", if optimize { "speed" } else { "none" }),
            ("is_pic", "false"),
            ("use_colocated_libcalls", "false"),
            ("preserve_frame_pointers", "true"),
            ("enable_verifier", verify),
        ] {
            flags
                .set(name, value)
                .map_err(|e| BackendError::Host(format!("setting {name}={value}: {e}")))?;
        }
        let isa = cranelift_native::builder()
            .map_err(|e| BackendError::Host(e.to_string()))?
            .finish(settings::Flags::new(flags))
            .map_err(|e| BackendError::Host(e.to_string()))?;
        if isa.pointer_bits() != 64 {
            return Err(BackendError::Host(
                "compiled traces need a 64-bit host".into(),
            ));
        }
        let module = JITModule::new(JITBuilder::with_isa(isa, default_libcall_names()));
        let mut ctx = module.make_context();
        // `TVM_JIT_DISASM=1`: print each trace's machine code (Cranelift's
        // disassembly) to stderr, for reading what the backend made of a loop.
        let print_disasm = std::env::var_os("TVM_JIT_DISASM").is_some_and(|v| v == "1");
        ctx.set_disasm(print_disasm);
        Ok(Backend {
            print_disasm,
            module,
            ctx,
            fctx: FunctionBuilderContext::new(),
            keep_clif: false,
            code_total: 0,
        })
    }

    /// Whether `compile` keeps the Cranelift IR text in `CompiledTrace::clif`
    /// (off by default: printing costs compile time).
    pub fn set_keep_clif(&mut self, keep: bool) {
        self.keep_clif = keep;
    }

    /// Total machine code bytes compiled by this backend.
    pub fn code_size_total(&self) -> usize {
        self.code_total
    }

    /// Compiles `trace` to an executable function. `name` only labels error messages;
    /// functions are anonymous in the module, so names need not be unique.
    /// After an error the backend stays usable.
    pub fn compile(
        &mut self,
        trace: &Trace,
        layout: &RuntimeLayout,
        name: &str,
    ) -> Result<CompiledTrace, BackendError> {
        self.compile_linked(trace, layout, name, ExitLinks::NONE)
    }

    /// Like `compile`, with exits linked through an exit table (side traces; see
    /// `tvm_tracer::abi`). The table must outlive the compiled code.
    pub fn compile_linked(
        &mut self,
        trace: &Trace,
        layout: &RuntimeLayout,
        name: &str,
        links: ExitLinks,
    ) -> Result<CompiledTrace, BackendError> {
        self.compile_unit(&Unit::single(trace, links), layout, name)
    }

    /// Compiles a unit — a trace and the side traces compiled into it, see
    /// `tvm_tracer::abi` — to one executable function.
    pub fn compile_unit(
        &mut self,
        unit: &Unit<'_>,
        layout: &RuntimeLayout,
        name: &str,
    ) -> Result<CompiledTrace, BackendError> {
        let start = Instant::now();
        let result = self.compile_inner(unit, layout, name, start);
        // Clearing the context also resets its disassembly switch.
        self.module.clear_context(&mut self.ctx);
        self.ctx.set_disasm(self.print_disasm);
        if result.is_err() {
            // Lowering may stop half-way, leaving the builder context dirty.
            self.fctx = FunctionBuilderContext::new();
        }
        result
    }

    fn compile_inner(
        &mut self,
        unit: &Unit<'_>,
        layout: &RuntimeLayout,
        name: &str,
        start: Instant,
    ) -> Result<CompiledTrace, BackendError> {
        let module_err = |e: ModuleError| BackendError::Module(format!("{name}: {e}"));
        let mut sig = self.module.make_signature();
        sig.params.push(AbiParam::new(types::I64));
        sig.params.push(AbiParam::new(types::I64));
        sig.returns.push(AbiParam::new(types::I32));
        let id = self
            .module
            .declare_anonymous_function(&sig)
            .map_err(module_err)?;
        self.ctx.func = Function::with_name_signature(UserFuncName::user(0, id.as_u32()), sig);
        let config = self.module.target_config();
        lower(&mut self.ctx.func, &mut self.fctx, unit, layout, config)?;
        let clif = self.keep_clif.then(|| self.ctx.func.display().to_string());
        match self.module.define_function(id, &mut self.ctx) {
            Ok(()) => {}
            Err(ModuleError::Compilation(e)) => {
                let msg = print_errors::pretty_error(&self.ctx.func, e);
                return Err(BackendError::Codegen(format!("{name}: {msg}")));
            }
            Err(e) => return Err(module_err(e)),
        }
        let code_size = self
            .ctx
            .compiled_code()
            .map_or(0, |c| c.code_info().total_size as usize);
        if self.print_disasm {
            if let Some(text) = self.ctx.compiled_code().and_then(|c| c.vcode.as_ref()) {
                eprintln!("---- {name} machine code ({code_size} bytes)\n{text}");
            }
        }
        self.module.finalize_definitions().map_err(module_err)?;
        let code = self.module.get_finalized_function(id);
        // SAFETY: the function was built with exactly `TraceFn`'s signature, in the
        // host's default calling convention (the one `extern "C"` uses).
        let entry = unsafe { std::mem::transmute::<*const u8, TraceFn>(code) };
        self.code_total += code_size;
        Ok(CompiledTrace {
            entry,
            code_size,
            compile_time: start.elapsed(),
            clif,
        })
    }
}
