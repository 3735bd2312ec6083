//! Compiler: walks the Python AST and emits register bytecode (`bytecode.rs`).
//!
//! One `FnCompiler` per function body (and one for the module). Scope analysis runs
//! first: every name a function assigns (and does not declare `global`) gets a fixed
//! register, parameters first; other names are module globals, addressed by slot
//! (`GlobalId`), never hashed at run time. Temporaries are allocated above the locals
//! like a stack and released after each statement.
//!
//! Register discipline: `expr(e, dst)` evaluates sub-expressions into fresh
//! temporaries and lets only its *final* instruction write `dst`, so `x = (x + 1) * x`
//! reads the old `x` everywhere. Every instruction records the source range of the
//! AST node it implements, which is what tracebacks print (CPython's `co_positions`).
//!
//! Valid Python that tvm does not support yet is rejected here with
//! `CompileError::Unsupported`, naming the feature and the line.

use crate::bytecode::*;
use crate::gc::Heap;
use crate::object::{StrObj, TupleObj};
use crate::parser::{self, ast, LineIndex, Ranged, TextRange};
use crate::symtable::{Binding, ScopeId, ScopeKind, SymTable};
use crate::value::Value;
use hashbrown::HashMap;
use num_traits::ToPrimitive;
use std::rc::Rc;

/// Why a program could not be compiled.
#[derive(Debug)]
pub enum CompileError {
    /// The parser rejected it; rendered by `traceback::format_syntax_error`.
    Parse(parser::ParseError),
    /// A SyntaxError the compiler detects (`'return' outside function`).
    Syntax {
        /// Message.
        msg: String,
        /// Where.
        loc: Loc,
    },
    /// The program is too deeply nested to compile: CPython's
    /// `RecursionError: maximum recursion depth exceeded during compilation`,
    /// `MemoryError` where its parser's stack overflows, or its tokenizer's
    /// `too many nested parentheses`. The text is the whole report.
    TooDeep(String),
    /// Valid Python that tvm does not support yet.
    Unsupported {
        /// What is not supported, e.g. "the 'try' statement".
        feature: String,
        /// Line number.
        line: u32,
    },
}

type CResult<T> = Result<T, CompileError>;

/// Compiles a module's source into its code object.
pub fn compile_module(
    source: &str,
    filename: &str,
    globals: Rc<GlobalNames>,
    heap: &mut Heap,
) -> CResult<Rc<Code>> {
    let module = parser::parse_module(source, filename).map_err(CompileError::Parse)?;
    // Limits of CPython's tokenizer that rustpython's does not have.
    if let Some(report) = crate::traceback::tokenizer_limit_error(filename, source) {
        return Err(CompileError::TooDeep(report));
    }
    let lines = LineIndex::new(source);
    let sym = SymTable::build(&module).map_err(|(msg, r)| match msg.as_str() {
        crate::symtable::TOO_DEEP => CompileError::TooDeep(
            "RecursionError: maximum recursion depth exceeded during compilation\n".into(),
        ),
        crate::symtable::PARSER_OVERFLOW => CompileError::TooDeep("MemoryError\n".into()),
        _ => CompileError::Syntax {
            msg,
            loc: lines.loc(r),
        },
    })?;
    let mut shared = Shared {
        filename: Rc::from(filename),
        source: Rc::from(source),
        lines,
        globals,
        global_slots: HashMap::new(),
        heap,
        depth: 1,
        sym,
        name_strs: HashMap::new(),
    };
    {
        let names = shared.globals.names.borrow();
        for (i, n) in names.iter().enumerate() {
            shared.global_slots.insert(n.clone(), i as u32);
        }
    }
    let mut c = FnCompiler::new(&mut shared, "<module>".into(), "<module>".into(), true, 1);
    c.scope = 0;
    c.stmts(&module)?;
    let end = TextRange::default();
    c.emit(Op::ReturnNone {}, end);
    Ok(Rc::new(c.finish(0, 0, 0, vec![])))
}

/// State shared by the compilers of one module.
struct Shared<'h> {
    filename: Rc<str>,
    source: Rc<str>,
    lines: LineIndex,
    globals: Rc<GlobalNames>,
    global_slots: HashMap<String, u32>,
    heap: &'h mut Heap,
    /// Nesting depth of the statement/expression being compiled (the module is 1).
    depth: u32,
    /// Scopes and name resolution (`symtable.rs`).
    sym: SymTable,
    /// Attribute-name strings shared by the sites of this module.
    name_strs: HashMap<String, crate::gc::Gc<StrObj>>,
}

/// CPython 3.11 raises RecursionError while compiling an AST nested deeper than
/// this (its recursion limit, 1000, times COMPILER_STACK_FRAME_SCALE, 3, plus the
/// frames already active). It also bounds the compiler's own recursion.
pub(crate) const MAX_AST_DEPTH: u32 = 3001;

/// CPython's parser gives up (MemoryError) on this many nested unary operators
/// (its MAXSTACK of 6000 parser levels, less those above the first operator).
pub(crate) const MAX_UNARY_CHAIN: usize = 5968;

impl Shared<'_> {
    fn global(&mut self, name: &str) -> GlobalId {
        if let Some(&g) = self.global_slots.get(name) {
            return GlobalId(g);
        }
        let mut names = self.globals.names.borrow_mut();
        let g = names.len() as u32;
        names.push(name.to_string());
        self.global_slots.insert(name.to_string(), g);
        GlobalId(g)
    }
}

/// Where a name lives, for loads and stores.
#[derive(Clone, Copy, Debug)]
enum NameLoc {
    /// A local in a register.
    Reg(Reg),
    /// A cell (captured local or free variable) in a register.
    Cell(Reg),
    /// A class-body name: a register, falling back to the global when unbound.
    ClassLocal(Reg),
    /// A module global (or builtin).
    Global,
}

/// The body of a function (`def`) or lambda.
enum FnBody<'a> {
    Stmts(&'a [ast::Stmt]),
    Expr(&'a ast::Expr),
}

/// What `break`/`continue` inside a loop jump to.
struct LoopCtx {
    /// Jumps to patch to the loop exit.
    breaks: Vec<usize>,
    /// Jumps to patch to the continue point (for loops: the ForNext).
    continues: Vec<usize>,
    /// `while` loops: continue jumps straight back to the header with this counter.
    while_header: Option<(Label, LoopId)>,
}

struct FnCompiler<'s, 'h> {
    sh: &'s mut Shared<'h>,
    name: String,
    qualname: String,
    is_module: bool,
    first_line: u32,
    ops: Vec<Op>,
    locs: Vec<Loc>,
    consts: Vec<Value>,
    str_consts: HashMap<String, u32>,
    sites: Vec<Site>,
    children: Vec<Rc<Code>>,
    locals: HashMap<String, Reg>,
    varnames: Vec<String>,
    /// This code's scope in the symbol table.
    scope: ScopeId,
    /// Compiling a class body (its names are class locals, see `NameLoc::ClassLocal`).
    is_class: bool,
    /// Free variables: the registers holding their cells (after the locals).
    free_regs: HashMap<String, Reg>,
    freevars: Vec<String>,
    /// Comprehension variables shadowing outer names.
    shadows: Vec<(String, Reg)>,
    /// Inline comprehensions being compiled: their scope and where their shadows start.
    comp_stack: Vec<(ScopeId, usize)>,
    /// Shadow registers that hold cells (comprehension variables a lambda captures).
    cell_shadows: Vec<Reg>,
    /// The first parameter (zero-argument `super()` passes it).
    first_param: Option<String>,
    /// The innermost enclosing class name (private names are mangled with it).
    private: Option<String>,
    next_reg: u16,
    max_reg: u16,
    loops: Vec<LoopCtx>,
    nloops: u16,
    /// Blocks that `return`/`break`/`continue` must clean up on the way out
    /// (CPython's "frame blocks"), innermost last.
    fblocks: Vec<FBlock>,
    /// Protected regions of try statements being compiled (become `Code::handlers`).
    regions: Vec<Region>,
    /// The exception table, filled as regions close.
    handlers: Vec<Handler>,
    /// Whether the body yields (set while compiling `yield`).
    generator: bool,
    /// The inline comprehensions compiled so far (become `Code::comp_frames`).
    comp_frames: Vec<CompFrame>,
}

/// A block that jumping out of (`return`, `break`, `continue`) must clean up.
enum FBlock {
    /// A loop: `break`/`continue` unwind down to here.
    Loop,
    /// A protected region (index into `FnCompiler::regions`): suspended while the
    /// cleanup code of the blocks it protects is emitted.
    Try(usize),
    /// The body of a `try` with this `finally` body: run a copy of it.
    /// (The body is the AST's own: the symbol table finds nested scopes by node
    /// address, so a copy of the body would not be found. The AST outlives the
    /// compilation of the try statement that pushes this block.)
    Finally(*const [ast::Stmt]),
    /// Inside an `except` (or exceptional `finally`) handler: restore the exception
    /// being handled from `save`, and unbind the `as` name.
    Handler { save: Reg, name: Option<String> },
    /// Inside a `with` body: call `exit(None, None, None)`.
    With { exit: Reg },
}

/// A try statement's protected instructions: possibly several ranges, because the
/// inline cleanup code `return`/`break` emit must not be protected by it.
struct Region {
    ranges: Vec<(u32, u32)>,
    open: Option<u32>,
    exc: Reg,
    depth: u16,
}

fn unsupported<T>(feature: impl Into<String>, line: u32) -> CResult<T> {
    Err(CompileError::Unsupported {
        feature: feature.into(),
        line,
    })
}

impl<'s, 'h> FnCompiler<'s, 'h> {
    fn new(
        sh: &'s mut Shared<'h>,
        name: String,
        qualname: String,
        is_module: bool,
        first_line: u32,
    ) -> Self {
        FnCompiler {
            sh,
            name,
            qualname,
            is_module,
            first_line,
            ops: vec![],
            locs: vec![],
            consts: vec![],
            str_consts: HashMap::new(),
            sites: vec![],
            children: vec![],
            locals: HashMap::new(),
            varnames: vec![],
            scope: 0,
            is_class: false,
            free_regs: HashMap::new(),
            freevars: vec![],
            shadows: vec![],
            comp_stack: vec![],
            cell_shadows: vec![],
            first_param: None,
            private: None,
            next_reg: 0,
            max_reg: 0,
            loops: vec![],
            nloops: 0,
            fblocks: vec![],
            regions: vec![],
            handlers: vec![],
            generator: false,
            comp_frames: vec![],
        }
    }

    fn finish(self, nparams: u16, nkwonly: u16, ndefaults: u16, kwdefs: Vec<usize>) -> Code {
        Code {
            name: self.name,
            qualname: self.qualname,
            filename: self.sh.filename.clone(),
            source: self.sh.source.clone(),
            ops: self.ops,
            locs: self.locs,
            consts: self.consts,
            sites: self.sites,
            children: self.children,
            nregs: self.max_reg.max(self.next_reg).max(1),
            nparams,
            nkwonly,
            varargs: false,
            varkw: false,
            generator: self.generator,
            ndefaults,
            kwdefault_params: kwdefs,
            varnames: self.varnames,
            freevars: self.freevars,
            loops: (0..self.nloops).map(|_| LoopState::new(u32::MAX)).collect(),
            first_line: self.first_line,
            globals: self.sh.globals.clone(),
            handlers: self.handlers,
            comp_frames: self.comp_frames,
        }
    }

    // -- Emission helpers ----------------------------------------------------------

    fn loc(&self, r: TextRange) -> Loc {
        self.sh.lines.loc(r)
    }
    fn line(&self, r: TextRange) -> u32 {
        self.sh.lines.loc(r).line
    }

    fn emit(&mut self, op: Op, r: TextRange) -> usize {
        let loc = if r == TextRange::default() {
            self.locs.last().copied().unwrap_or_default()
        } else {
            self.loc(r)
        };
        self.ops.push(op);
        self.locs.push(loc);
        self.ops.len() - 1
    }

    fn here(&self) -> Label {
        Label(self.ops.len() as u32)
    }

    /// Points the jump at `at` to the current position.
    fn patch(&mut self, at: usize) {
        let target = self.here();
        self.patch_to(at, target);
    }

    fn patch_to(&mut self, at: usize, target: Label) {
        match &mut self.ops[at] {
            Op::Jump { target: t }
            | Op::JumpIfFalse { target: t, .. }
            | Op::JumpIfTrue { target: t, .. }
            | Op::ForPrep { target: t, .. }
            | Op::ForNext { target: t, .. }
            | Op::JumpBack { target: t, .. } => *t = target,
            _ => unreachable!("patching a non-jump"),
        }
    }

    fn temp(&mut self) -> Reg {
        let r = Reg(self.next_reg);
        self.next_reg += 1;
        if self.next_reg > self.max_reg {
            self.max_reg = self.next_reg;
        }
        r
    }

    fn temps(&mut self, n: u16) -> Reg {
        let r = Reg(self.next_reg);
        for _ in 0..n {
            self.temp();
        }
        r
    }

    fn check_regs(&self, line: u32) -> CResult<()> {
        if self.max_reg >= u16::MAX - 8 {
            return unsupported("a function needing more than 65000 registers", line);
        }
        Ok(())
    }

    fn konst(&mut self, v: Value) -> ConstId {
        self.consts.push(v);
        ConstId(self.consts.len() as u32 - 1)
    }

    fn str_const(&mut self, s: &str) -> ConstId {
        if let Some(&k) = self.str_consts.get(s) {
            return ConstId(k);
        }
        let v = Value::Str(self.sh.heap.alloc(StrObj::new(s)));
        let k = self.konst(v);
        self.str_consts.insert(s.to_string(), k.0);
        k
    }

    /// `name` after private name mangling (`__x` in class `C` is `_C__x`).
    fn mangled(&self, name: &str) -> String {
        crate::symtable::mangle(self.private.as_deref(), name)
    }

    /// A new attribute site (one per occurrence, so each has its own inline cache;
    /// past 60000 sites in one code object, occurrences of a name share one).
    fn site(&mut self, name: &str) -> SiteId {
        let mangled = self.mangled(name);
        let name = mangled.as_str();
        if self.sites.len() >= 60000 {
            if let Some(i) = self.sites.iter().position(|s| s.name.as_str() == name) {
                return SiteId(i as u16);
            }
        }
        let s = self.sites.len() as u16;
        let name_obj = match self.sh.name_strs.get(name) {
            Some(n) => *n,
            None => {
                let n = self.sh.heap.alloc(StrObj::new(name));
                self.sh.name_strs.insert(name.to_string(), n);
                n
            }
        };
        self.sites.push(Site::new(name_obj));
        SiteId(s)
    }

    fn new_loop(&mut self) -> LoopId {
        self.nloops += 1;
        LoopId(self.nloops - 1)
    }

    // -- Scopes -----------------------------------------------------------------------

    /// The plain register of a local name (None for globals, cells, class locals).
    fn resolve(&self, name: &str) -> Option<Reg> {
        match self.name_loc(name) {
            NameLoc::Reg(r) => Some(r),
            _ => None,
        }
    }

    /// Where `name` lives here (see `symtable.rs`).
    fn name_loc(&self, name: &str) -> NameLoc {
        let mangled = self.mangled(name);
        let name = mangled.as_str();
        let sym = &self.sh.sym;
        let mut via_comp = false;
        for &(comp, mark) in self.comp_stack.iter().rev() {
            match sym.scopes[comp].binding(name) {
                Some(Binding::Local | Binding::Cell) => {
                    return match self.shadows[mark..].iter().rev().find(|(n, _)| n == name) {
                        Some(&(_, r)) if self.cell_shadows.contains(&r) => NameLoc::Cell(r),
                        Some(&(_, r)) => NameLoc::Reg(r),
                        None => NameLoc::Global,
                    };
                }
                Some(Binding::GlobalExplicit | Binding::GlobalImplicit) => return NameLoc::Global,
                Some(Binding::Free) => via_comp = true,
                None => {}
            }
        }
        if self.is_module {
            return NameLoc::Global;
        }
        if self.is_class && via_comp {
            return match self.free_regs.get(name) {
                Some(&r) => NameLoc::Cell(r),
                None => NameLoc::Global,
            };
        }
        match sym.scopes[self.scope].binding(name) {
            Some(Binding::Local) => match self.locals.get(name) {
                Some(&r) if self.is_class => NameLoc::ClassLocal(r),
                Some(&r) => NameLoc::Reg(r),
                None => NameLoc::Global,
            },
            Some(Binding::Cell) => match self.locals.get(name) {
                Some(&r) => NameLoc::Cell(r),
                None => NameLoc::Global,
            },
            Some(Binding::Free) => match self.free_regs.get(name) {
                Some(&r) => NameLoc::Cell(r),
                None => NameLoc::Global,
            },
            _ => NameLoc::Global,
        }
    }

    /// The register holding the cell of `name`, for building a closure.
    fn cell_reg(&self, name: &str) -> Option<Reg> {
        if let NameLoc::Cell(r) = self.name_loc(name) {
            return Some(r);
        }
        if self.is_class {
            if let Some(&r) = self.free_regs.get(name) {
                return Some(r);
            }
            if name == "__class__" {
                return self.locals.get(name).copied();
            }
        }
        None
    }

    fn add_local(&mut self, name: &str) -> Reg {
        if let Some(&r) = self.locals.get(name) {
            return r;
        }
        let r = Reg(self.varnames.len() as u16);
        self.varnames.push(name.to_string());
        self.locals.insert(name.to_string(), r);
        self.next_reg = self.varnames.len() as u16;
        self.max_reg = self.max_reg.max(self.next_reg);
        r
    }

    // -- Statements ---------------------------------------------------------------------

    fn stmts(&mut self, body: &[ast::Stmt]) -> CResult<()> {
        for s in body {
            let floor = self.next_reg;
            self.stmt(s)?;
            self.next_reg = floor;
        }
        Ok(())
    }

    /// Counts one more level of nesting (see `MAX_AST_DEPTH`); `leave` undoes it.
    fn enter(&mut self) -> CResult<()> {
        self.sh.depth += 1;
        if self.sh.depth > MAX_AST_DEPTH {
            return Err(CompileError::TooDeep(
                "RecursionError: maximum recursion depth exceeded during compilation\n".into(),
            ));
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.sh.depth -= 1;
    }

    fn stmt(&mut self, s: &ast::Stmt) -> CResult<()> {
        self.enter()?;
        let r = self.stmt_inner(s);
        self.leave();
        r
    }

    fn stmt_inner(&mut self, s: &ast::Stmt) -> CResult<()> {
        use ast::Stmt as S;
        let line = self.line(s.range());
        self.check_regs(line)?;
        match s {
            S::Expr(e) => {
                let r = self.temp();
                self.expr(&e.value, Some(r))?;
            }
            S::Assign(a) => {
                if a.targets.len() == 1 {
                    if let Some(()) = self.try_parallel_assign(&a.targets[0], &a.value)? {
                        return Ok(());
                    }
                    if let ast::Expr::Name(n) = &a.targets[0] {
                        if let Some(r) = self.resolve(n.id.as_str()) {
                            self.expr(&a.value, Some(r))?;
                            return Ok(());
                        }
                    }
                }
                let v = self.expr(&a.value, None)?;
                for t in &a.targets {
                    self.store(t, v)?;
                }
            }
            S::AugAssign(a) => self.aug_assign(a)?,
            S::AnnAssign(a) => {
                if let Some(v) = &a.value {
                    let r = self.expr(v, None)?;
                    self.store(&a.target, r)?;
                }
            }
            S::If(i) => {
                let else_jumps = self.cond_jump(&i.test, false)?;
                self.stmts(&i.body)?;
                if i.orelse.is_empty() {
                    for j in else_jumps {
                        self.patch(j);
                    }
                } else {
                    let end = self.emit(Op::Jump { target: Label(0) }, i.range);
                    for j in else_jumps {
                        self.patch(j);
                    }
                    self.stmts(&i.orelse)?;
                    self.patch(end);
                }
            }
            S::While(w) => {
                let lp = self.new_loop();
                let top = self.here();
                let exits = self.cond_jump(&w.test, false)?;
                self.loops.push(LoopCtx {
                    breaks: vec![],
                    continues: vec![],
                    while_header: Some((top, lp)),
                });
                self.fblocks.push(FBlock::Loop);
                self.stmts(&w.body)?;
                self.fblocks.pop();
                self.emit(Op::JumpBack { target: top, lp }, w.test.range());
                let ctx = self.loops.pop().expect("loop ctx");
                for j in exits {
                    self.patch(j);
                }
                self.stmts(&w.orelse)?;
                for j in ctx.breaks {
                    self.patch(j);
                }
            }
            S::For(f) => self.for_stmt(f)?,
            S::Break(b) => {
                if self.loops.is_empty() {
                    return self.syntax_error("'break' outside loop", b.range);
                }
                let resume = self.unwind_to_loop(b.range)?;
                let j = self.emit(Op::Jump { target: Label(0) }, b.range);
                self.resume_regions(resume);
                self.loops.last_mut().expect("loop").breaks.push(j);
            }
            S::Continue(c) => {
                if self.loops.is_empty() {
                    return self.syntax_error("'continue' not properly in loop", c.range);
                }
                let resume = self.unwind_to_loop(c.range)?;
                let ctx = self.loops.last().expect("loop");
                if let Some((top, lp)) = ctx.while_header {
                    self.emit(Op::JumpBack { target: top, lp }, c.range);
                } else {
                    let j = self.emit(Op::Jump { target: Label(0) }, c.range);
                    self.loops.last_mut().expect("loop").continues.push(j);
                }
                self.resume_regions(resume);
            }
            S::Pass(_) => {}
            S::Return(r) => {
                if self.is_module || self.is_class {
                    return self.syntax_error("'return' outside function", r.range);
                }
                match &r.value {
                    None => {
                        let resume = self.unwind(0, r.range)?;
                        self.emit(Op::ReturnNone {}, r.range);
                        self.resume_regions(resume);
                    }
                    Some(v) => {
                        let mut src = self.expr(v, None)?;
                        if self.fblocks.iter().any(|b| !matches!(b, FBlock::Loop)) {
                            // The value must survive the cleanup code (which may
                            // reuse temporaries or rebind locals), and reading it
                            // (UnboundLocalError) is still protected by the handlers.
                            let keep = self.temp();
                            self.emit(Op::Move { dst: keep, src }, r.range);
                            src = keep;
                        }
                        let resume = self.unwind(0, r.range)?;
                        self.emit(Op::Return { src }, r.range);
                        self.resume_regions(resume);
                    }
                }
            }
            S::FunctionDef(f) => self.function_def(f)?,
            S::Global(_) => {}
            S::Nonlocal(_) => {}
            S::Delete(d) => {
                for t in &d.targets {
                    self.delete(t)?;
                }
            }
            S::Assert(a) => {
                let ok = self.cond_jump(&a.test, true)?;
                let msg = self.temp();
                let has_msg = if let Some(m) = &a.msg {
                    self.expr(m, Some(msg))?;
                    true
                } else {
                    false
                };
                self.emit(Op::AssertFail { msg, has_msg }, a.test.range());
                for j in ok {
                    self.patch(j);
                }
            }
            S::Raise(r) => match (&r.exc, &r.cause) {
                (Some(e), None) => {
                    let src = self.expr(e, None)?;
                    self.emit(Op::Raise { src }, r.range);
                }
                (Some(e), Some(c)) => {
                    let src = self.expr(e, None)?;
                    let cause = self.expr(c, None)?;
                    self.emit(Op::RaiseFrom { src, cause }, r.range);
                }
                (None, _) => {
                    self.emit(Op::RaiseBare {}, r.range);
                }
            },
            S::Import(i) => {
                for alias in &i.names {
                    let full = alias.name.as_str();
                    if full.contains('.') {
                        return unsupported("importing a dotted module name", line);
                    }
                    let k = self.str_const(full);
                    let dst = self.temp();
                    self.emit(Op::ImportName { dst, name: k }, i.range);
                    let bind = alias.asname.as_ref().map(|a| a.as_str()).unwrap_or(full);
                    self.store_name(bind, dst, i.range);
                }
            }
            S::ImportFrom(i) => {
                let Some(module) = &i.module else {
                    return unsupported("relative imports", line);
                };
                if i.level.map(|l| l.to_u32()).unwrap_or(0) != 0 {
                    return unsupported("relative imports", line);
                }
                let k = self.str_const(module.as_str());
                let m = self.temp();
                self.emit(Op::ImportName { dst: m, name: k }, i.range);
                for alias in &i.names {
                    if alias.name.as_str() == "*" {
                        return unsupported("'from ... import *'", line);
                    }
                    let name = self.str_const(alias.name.as_str());
                    let dst = self.temp();
                    self.emit(
                        Op::ImportFrom {
                            dst,
                            module: m,
                            name,
                        },
                        i.range,
                    );
                    let bind = alias
                        .asname
                        .as_ref()
                        .map(|a| a.as_str())
                        .unwrap_or(alias.name.as_str());
                    self.store_name(bind, dst, i.range);
                }
            }
            S::ClassDef(c) => self.class_def(c)?,
            S::Try(t) => self.try_stmt(t)?,
            S::TryStar(_) => return unsupported("'except*'", line),
            S::With(w) => self.with_stmt(&w.items, &w.body, w.range)?,
            S::AsyncFunctionDef(_) | S::AsyncFor(_) | S::AsyncWith(_) => {
                return unsupported("async code", line)
            }
            S::Match(_) => return unsupported("the 'match' statement", line),
            S::TypeAlias(_) => return unsupported("the 'type' statement", line),
        }
        Ok(())
    }

    // -- Exceptions: try, with, and unwinding -------------------------------------------
    //
    // A `try` statement emits no instruction to set up its handler: the instructions it
    // protects are listed in `Code::handlers` (see `bytecode::Handler`). Jumping out of
    // protected code (`return`, `break`, `continue`) runs the cleanup of every block it
    // leaves (a copy of each `finally` body, `__exit__` of each `with`, restoring the
    // exception being handled) — emitted inline, outside the regions being left, like
    // CPython's compiler does.

    /// Opens a protected region whose handler receives the exception in `exc`.
    fn open_region(&mut self, exc: Reg) -> usize {
        let idx = self.regions.len();
        self.regions.push(Region {
            ranges: vec![],
            open: Some(self.ops.len() as u32),
            exc,
            depth: self.fblocks.len() as u16,
        });
        self.fblocks.push(FBlock::Try(idx));
        idx
    }

    fn suspend_region(&mut self, idx: usize) {
        let here = self.ops.len() as u32;
        let r = &mut self.regions[idx];
        if let Some(start) = r.open.take() {
            if here > start {
                r.ranges.push((start, here));
            }
        }
    }

    /// Closes the region opened last (its protected code is complete).
    fn end_region(&mut self, idx: usize) {
        match self.fblocks.pop() {
            Some(FBlock::Try(i)) if i == idx => {}
            _ => unreachable!("unbalanced protected regions"),
        }
        self.suspend_region(idx);
    }

    /// Points a closed region at its handler code.
    fn bind_region(&mut self, idx: usize, target: Label) {
        let r = &self.regions[idx];
        for &(start, end) in &r.ranges {
            self.handlers.push(Handler {
                start,
                end,
                target,
                exc: r.exc,
                depth: r.depth,
            });
        }
    }

    fn resume_regions(&mut self, suspended: Vec<usize>) {
        let here = self.ops.len() as u32;
        for idx in suspended {
            self.regions[idx].open = Some(here);
        }
    }

    /// Emits the cleanup of every block above `down_to`, innermost first. Returns
    /// the regions suspended on the way, to resume after the jump that follows.
    fn unwind(&mut self, down_to: usize, r: TextRange) -> CResult<Vec<usize>> {
        let mut suspended = vec![];
        let mut i = self.fblocks.len();
        while i > down_to {
            i -= 1;
            match &self.fblocks[i] {
                FBlock::Loop => {}
                FBlock::Try(idx) => {
                    let idx = *idx;
                    self.suspend_region(idx);
                    suspended.push(idx);
                }
                FBlock::Finally(body) => {
                    let body = *body;
                    // The copy runs as if written after the try statement: the blocks
                    // it leaves are gone.
                    let above = self.fblocks.split_off(i);
                    // SAFETY: the try statement's AST outlives its frame block.
                    let res = self.stmts(unsafe { &*body });
                    self.fblocks.extend(above);
                    res?;
                }
                FBlock::Handler { save, name } => {
                    let (save, name) = (*save, name.clone());
                    self.emit(Op::LeaveHandler { save }, r);
                    if let Some(n) = name {
                        self.unbind_name(&n, r)?;
                    }
                }
                FBlock::With { exit } => {
                    let exit = *exit;
                    let none = self.temp();
                    self.emit(Op::LoadNone { dst: none }, r);
                    let dst = self.temp();
                    self.emit(
                        Op::WithExit {
                            dst,
                            exit,
                            exc: none,
                        },
                        r,
                    );
                }
            }
        }
        Ok(suspended)
    }

    /// `break`/`continue`: unwinds the blocks inside the innermost loop.
    fn unwind_to_loop(&mut self, r: TextRange) -> CResult<Vec<usize>> {
        let down_to = self
            .fblocks
            .iter()
            .rposition(|b| matches!(b, FBlock::Loop))
            .map_or(0, |i| i + 1);
        self.unwind(down_to, r)
    }

    /// `name = None; del name` (what leaving `except E as name:` does).
    fn unbind_name(&mut self, name: &str, r: TextRange) -> CResult<()> {
        let t = self.temp();
        self.emit(Op::LoadNone { dst: t }, r);
        self.store_name(name, t, r);
        let e = ast::Expr::Name(ast::ExprName {
            range: r,
            id: ast::Identifier::new(name),
            ctx: ast::ExprContext::Del,
        });
        self.delete(&e)
    }

    fn try_stmt(&mut self, t: &ast::StmtTry) -> CResult<()> {
        if t.finalbody.is_empty() {
            return self.try_except(t);
        }
        let r = t.range;
        let exc = self.temp();
        let save = self.temp();
        self.fblocks
            .push(FBlock::Finally(t.finalbody.as_slice() as *const [ast::Stmt]));
        let region = self.open_region(exc);
        if t.handlers.is_empty() {
            self.stmts(&t.body)?;
        } else {
            self.try_except(t)?;
        }
        self.end_region(region);
        self.fblocks.pop();
        // Normal exit: the finally body, then on.
        self.stmts(&t.finalbody)?;
        let end = self.emit(Op::Jump { target: Label(0) }, r);
        // Exceptional exit: the finally body with the exception being handled, then
        // re-raise it (unless the body returns or breaks).
        let target = self.here();
        self.bind_region(region, target);
        self.emit(Op::EnterHandler { save, exc }, r);
        let exc2 = self.temp();
        self.fblocks.push(FBlock::Handler { save, name: None });
        let cleanup = self.open_region(exc2);
        self.stmts(&t.finalbody)?;
        self.end_region(cleanup);
        self.fblocks.pop();
        self.emit(Op::LeaveHandler { save }, r);
        self.emit(Op::Reraise { src: exc }, r);
        let ct = self.here();
        self.bind_region(cleanup, ct);
        self.emit(Op::LeaveHandler { save }, r);
        self.emit(Op::Reraise { src: exc2 }, r);
        self.patch(end);
        Ok(())
    }

    fn try_except(&mut self, t: &ast::StmtTry) -> CResult<()> {
        let r = t.range;
        let exc = self.temp();
        let save = self.temp();
        let region = self.open_region(exc);
        self.stmts(&t.body)?;
        self.end_region(region);
        self.stmts(&t.orelse)?;
        let mut ends = vec![self.emit(Op::Jump { target: Label(0) }, r)];
        let target = self.here();
        self.bind_region(region, target);
        self.emit(Op::EnterHandler { save, exc }, r);
        // Everything up to the end of the clauses: an exception restores the
        // exception being handled and propagates.
        let exc_m = self.temp();
        let matching = self.open_region(exc_m);
        for (i, h) in t.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            let next = match &h.type_ {
                Some(ty) => {
                    let floor = self.next_reg;
                    let tr = self.expr(ty, None)?;
                    let b = self.temp();
                    self.emit(
                        Op::ExcMatch {
                            dst: b,
                            exc,
                            ty: tr,
                        },
                        h.range,
                    );
                    let j = self.emit(
                        Op::JumpIfFalse {
                            cond: b,
                            target: Label(0),
                        },
                        ty.range(),
                    );
                    self.next_reg = floor;
                    Some(j)
                }
                None => {
                    if i + 1 != t.handlers.len() {
                        return self.syntax_error("default 'except:' must be last", h.range);
                    }
                    None
                }
            };
            let name = h.name.as_ref().map(|n| n.to_string());
            if let Some(n) = &name {
                self.store_name(n, exc, h.range);
            }
            self.fblocks.push(FBlock::Handler {
                save,
                name: name.clone(),
            });
            let exc2 = self.temp();
            let body_region = name.as_ref().map(|_| self.open_region(exc2));
            self.stmts(&h.body)?;
            if let Some(b) = body_region {
                self.end_region(b);
            }
            self.fblocks.pop();
            self.emit(Op::LeaveHandler { save }, h.range);
            if let Some(n) = &name {
                self.unbind_name(n, h.range)?;
            }
            ends.push(self.emit(Op::Jump { target: Label(0) }, h.range));
            if let (Some(b), Some(n)) = (body_region, &name) {
                // The body raised: unbind the name, let `matching` restore and re-raise.
                let ct = self.here();
                self.bind_region(b, ct);
                self.unbind_name(n, h.range)?;
                self.emit(Op::Reraise { src: exc2 }, h.range);
            }
            if let Some(j) = next {
                self.patch(j);
            }
        }
        // No clause matched.
        self.emit(Op::Reraise { src: exc }, r);
        self.end_region(matching);
        let mt = self.here();
        self.bind_region(matching, mt);
        self.emit(Op::LeaveHandler { save }, r);
        self.emit(Op::Reraise { src: exc_m }, r);
        for j in ends {
            self.patch(j);
        }
        Ok(())
    }

    fn with_stmt(
        &mut self,
        items: &[ast::WithItem],
        body: &[ast::Stmt],
        r: TextRange,
    ) -> CResult<()> {
        let item = &items[0];
        let mgr = self.expr(&item.context_expr, None)?;
        let exit = self.temp();
        let val = self.temp();
        let exc = self.temp();
        let save = self.temp();
        self.emit(
            Op::WithEnter {
                dst: val,
                mgr,
                exit,
            },
            item.context_expr.range(),
        );
        self.fblocks.push(FBlock::With { exit });
        let region = self.open_region(exc);
        if let Some(t) = &item.optional_vars {
            self.store(t, val)?;
        }
        if items.len() > 1 {
            self.with_stmt(&items[1..], body, r)?;
        } else {
            self.stmts(body)?;
        }
        self.end_region(region);
        self.fblocks.pop();
        let none = self.temp();
        self.emit(Op::LoadNone { dst: none }, r);
        let d = self.temp();
        self.emit(
            Op::WithExit {
                dst: d,
                exit,
                exc: none,
            },
            item.context_expr.range(),
        );
        let end = self.emit(Op::Jump { target: Label(0) }, r);
        let target = self.here();
        self.bind_region(region, target);
        self.emit(Op::EnterHandler { save, exc }, r);
        let exc2 = self.temp();
        let m = self.open_region(exc2);
        self.emit(
            Op::WithExit { dst: d, exit, exc },
            item.context_expr.range(),
        );
        let swallow = self.emit(
            Op::JumpIfTrue {
                cond: d,
                target: Label(0),
            },
            r,
        );
        self.emit(Op::Reraise { src: exc }, r);
        self.end_region(m);
        self.patch(swallow);
        self.emit(Op::LeaveHandler { save }, r);
        let end2 = self.emit(Op::Jump { target: Label(0) }, r);
        let mt = self.here();
        self.bind_region(m, mt);
        self.emit(Op::LeaveHandler { save }, r);
        self.emit(Op::Reraise { src: exc2 }, r);
        self.patch(end);
        self.patch(end2);
        Ok(())
    }

    fn syntax_error<T>(&self, msg: &str, r: TextRange) -> CResult<T> {
        Err(CompileError::Syntax {
            msg: msg.to_string(),
            loc: self.loc(r),
        })
    }

    /// `a, b = x, y` with plain names on both sides: no tuple is built.
    fn try_parallel_assign(
        &mut self,
        target: &ast::Expr,
        value: &ast::Expr,
    ) -> CResult<Option<()>> {
        let (ast::Expr::Tuple(lt), ast::Expr::Tuple(rt)) = (target, value) else {
            return Ok(None);
        };
        if lt.elts.len() != rt.elts.len()
            || lt.elts.iter().any(|e| !matches!(e, ast::Expr::Name(_)))
            || rt.elts.iter().any(|e| matches!(e, ast::Expr::Starred(_)))
        {
            return Ok(None);
        }
        let start = self.temps(rt.elts.len() as u16);
        for (i, e) in rt.elts.iter().enumerate() {
            self.expr(e, Some(Reg(start.0 + i as u16)))?;
        }
        for (i, t) in lt.elts.iter().enumerate() {
            self.store(t, Reg(start.0 + i as u16))?;
        }
        Ok(Some(()))
    }

    fn store_name(&mut self, name: &str, src: Reg, r: TextRange) {
        let mangled = self.mangled(name);
        let name = mangled.as_str();
        match self.name_loc(name) {
            NameLoc::Reg(dst) | NameLoc::ClassLocal(dst) => {
                if dst != src {
                    self.emit(Op::Move { dst, src }, r);
                }
            }
            NameLoc::Cell(cell) => {
                self.emit(Op::StoreDeref { cell, src }, r);
            }
            NameLoc::Global => {
                let g = self.sh.global(name);
                self.emit(Op::StoreGlobal { g, src }, r);
            }
        }
    }

    /// Loads a name into `dst` (or a fresh register / the local's own register).
    fn load_name(&mut self, name: &str, dst: Option<Reg>, range: TextRange) -> Reg {
        let mangled = self.mangled(name);
        let name = mangled.as_str();
        match self.name_loc(name) {
            NameLoc::Reg(r) => match dst {
                Some(d) if d != r => {
                    self.emit(Op::Move { dst: d, src: r }, range);
                    d
                }
                _ => r,
            },
            NameLoc::Cell(cell) => {
                let d = self.dst(dst);
                self.emit(Op::LoadDeref { dst: d, cell }, range);
                d
            }
            NameLoc::ClassLocal(src) => {
                let d = self.dst(dst);
                let g = self.sh.global(name);
                self.emit(Op::LoadClassLocal { dst: d, src, g }, range);
                d
            }
            NameLoc::Global => {
                let d = self.dst(dst);
                let g = self.sh.global(name);
                self.emit(Op::LoadGlobal { dst: d, g }, range);
                d
            }
        }
    }

    /// Stores `src` into an assignment target.
    fn store(&mut self, t: &ast::Expr, src: Reg) -> CResult<()> {
        use ast::Expr as E;
        match t {
            E::Name(n) => self.store_name(n.id.as_str(), src, n.range),
            E::Subscript(s) => {
                let obj = self.expr(&s.value, None)?;
                if let E::Slice(sl) = &*s.slice {
                    let start = self.slice_regs(sl)?;
                    self.emit(Op::SetSlice { obj, start, src }, s.range);
                } else {
                    let key = self.expr(&s.slice, None)?;
                    self.emit(Op::SetItem { obj, key, src }, s.range);
                }
            }
            E::Attribute(a) => {
                let obj = self.expr(&a.value, None)?;
                let site = self.site(a.attr.as_str());
                self.emit(Op::StoreAttr { obj, site, src }, a.range);
            }
            E::Tuple(ast::ExprTuple { elts, range, .. })
            | E::List(ast::ExprList { elts, range, .. }) => {
                let stars: Vec<usize> = elts
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| matches!(e, E::Starred(_)))
                    .map(|(i, _)| i)
                    .collect();
                if stars.len() > 1 {
                    return self.syntax_error("multiple starred expressions in assignment", *range);
                }
                if let Some(&star) = stars.first() {
                    let after = elts.len() - star - 1;
                    if star > 255 || after > 255 {
                        return unsupported(
                            "more than 255 targets around a starred target",
                            self.line(*range),
                        );
                    }
                    let start = self.temps(elts.len() as u16);
                    self.emit(
                        Op::UnpackEx {
                            src,
                            start,
                            before: star as u8,
                            after: after as u8,
                        },
                        *range,
                    );
                    for (i, e) in elts.iter().enumerate() {
                        let t = match e {
                            E::Starred(s) => &*s.value,
                            other => other,
                        };
                        self.store(t, Reg(start.0 + i as u16))?;
                    }
                    return Ok(());
                }
                let n = elts.len() as u16;
                let start = self.temps(n);
                self.emit(
                    Op::UnpackSeq {
                        src,
                        start,
                        count: n,
                    },
                    *range,
                );
                for (i, e) in elts.iter().enumerate() {
                    self.store(e, Reg(start.0 + i as u16))?;
                }
            }
            E::Starred(s) => return unsupported("starred assignment targets", self.line(s.range)),
            other => {
                return self.syntax_error("cannot assign to expression here", other.range());
            }
        }
        Ok(())
    }

    fn delete(&mut self, t: &ast::Expr) -> CResult<()> {
        use ast::Expr as E;
        match t {
            E::Name(n) => match self.name_loc(n.id.as_str()) {
                NameLoc::Reg(reg) | NameLoc::ClassLocal(reg) => {
                    self.emit(Op::DelLocal { reg }, n.range);
                }
                NameLoc::Cell(cell) => {
                    self.emit(Op::DelDeref { cell }, n.range);
                }
                NameLoc::Global => {
                    let name = self.mangled(n.id.as_str());
                    let g = self.sh.global(&name);
                    self.emit(Op::DelGlobal { g }, n.range);
                }
            },
            E::Subscript(s) => {
                let obj = self.expr(&s.value, None)?;
                if let E::Slice(sl) = &*s.slice {
                    let start = self.slice_regs(sl)?;
                    self.emit(Op::DelSlice { obj, start }, s.range);
                } else {
                    let key = self.expr(&s.slice, None)?;
                    self.emit(Op::DelItem { obj, key }, s.range);
                }
            }
            E::Tuple(ast::ExprTuple { elts, .. }) | E::List(ast::ExprList { elts, .. }) => {
                for e in elts {
                    self.delete(e)?;
                }
            }
            E::Attribute(a) => {
                let obj = self.expr(&a.value, None)?;
                let site = self.site(a.attr.as_str());
                self.emit(Op::DelAttr { obj, site }, a.range);
            }
            other => return self.syntax_error("cannot delete expression", other.range()),
        }
        Ok(())
    }

    fn aug_assign(&mut self, a: &ast::StmtAugAssign) -> CResult<()> {
        use ast::Expr as E;
        let op = a.op;
        match &*a.target {
            E::Name(n) => {
                if let (Some(dst), Some(imm)) =
                    (self.resolve(n.id.as_str()), small_imm(op, &a.value))
                {
                    let sub = matches!(op, ast::Operator::Sub);
                    self.emit(
                        Op::InplaceAddImm {
                            dst,
                            a: dst,
                            imm,
                            sub,
                        },
                        a.range,
                    );
                    return Ok(());
                }
                match self.resolve(n.id.as_str()) {
                    Some(dst) => {
                        let rhs = self.expr(&a.value, None)?;
                        self.emit(binop(op, true, dst, dst, rhs), a.range);
                    }
                    None => {
                        let t = self.temp();
                        self.load_name(n.id.as_str(), Some(t), n.range);
                        let rhs = self.expr(&a.value, None)?;
                        self.emit(binop(op, true, t, t, rhs), a.range);
                        self.store_name(n.id.as_str(), t, a.range);
                    }
                }
            }
            E::Subscript(s) => {
                let obj = self.expr(&s.value, None)?;
                let t = self.temp();
                if let E::Slice(sl) = &*s.slice {
                    let start = self.slice_regs(sl)?;
                    self.emit(Op::GetSlice { dst: t, obj, start }, s.range);
                    let rhs = self.expr(&a.value, None)?;
                    self.emit(binop(op, true, t, t, rhs), a.range);
                    self.emit(Op::SetSlice { obj, start, src: t }, s.range);
                } else {
                    let key = self.expr(&s.slice, None)?;
                    self.emit(Op::GetItem { dst: t, obj, key }, s.range);
                    let rhs = self.expr(&a.value, None)?;
                    self.emit(binop(op, true, t, t, rhs), a.range);
                    self.emit(Op::SetItem { obj, key, src: t }, s.range);
                }
            }
            E::Attribute(at) => {
                let obj = self.expr(&at.value, None)?;
                let site = self.site(at.attr.as_str());
                let t = self.temp();
                self.emit(Op::LoadAttr { dst: t, obj, site }, at.range);
                let rhs = self.expr(&a.value, None)?;
                self.emit(binop(op, true, t, t, rhs), a.range);
                self.emit(Op::StoreAttr { obj, site, src: t }, at.range);
            }
            other => {
                return self.syntax_error(
                    "'expression' is an illegal expression for augmented assignment",
                    other.range(),
                )
            }
        }
        Ok(())
    }

    fn for_stmt(&mut self, f: &ast::StmtFor) -> CResult<()> {
        let base = self.temps(3);
        let src = self.iter_expr(&f.iter)?;
        let prep = self.emit(
            Op::ForPrep {
                base,
                src,
                target: Label(0),
            },
            f.iter.range(),
        );
        // The loop variable: written directly by ForNext when it is a local.
        let (dst, direct) = match &*f.target {
            ast::Expr::Name(n) => match self.resolve(n.id.as_str()) {
                Some(r) => (r, true),
                None => (self.temp(), false),
            },
            _ => (self.temp(), false),
        };
        let body_floor = self.next_reg;
        let body = self.here();
        if !direct {
            self.store(&f.target, dst)?;
            self.next_reg = body_floor;
        }
        let lp = self.new_loop();
        self.loops.push(LoopCtx {
            breaks: vec![],
            continues: vec![],
            while_header: None,
        });
        self.fblocks.push(FBlock::Loop);
        self.stmts(&f.body)?;
        self.fblocks.pop();
        let ctx = self.loops.pop().expect("loop ctx");
        for j in ctx.continues {
            self.patch(j);
        }
        self.patch(prep);
        self.emit(
            Op::ForNext {
                base,
                dst,
                target: body,
                lp,
            },
            // CPython 3.11 locates FOR_ITER at the whole statement (so a traceback
            // through it shows the line without carets).
            f.range,
        );
        self.stmts(&f.orelse)?;
        for j in ctx.breaks {
            self.patch(j);
        }
        Ok(())
    }

    fn function_def(&mut self, f: &ast::StmtFunctionDef) -> CResult<()> {
        let line = self.line(f.range);
        // Decorators are evaluated first, top to bottom, and applied bottom-up.
        let decos = self.eval_decorators(&f.decorator_list)?;
        let name = f.name.as_str().to_string();
        let scope = self.sh.sym.scope_of(f).expect("function scope");
        let func = self.make_function(
            &f.args,
            FnBody::Stmts(&f.body),
            name.clone(),
            scope,
            f.range,
            line,
        )?;
        let dst = self.apply_decorators(&decos, &f.decorator_list, func);
        self.store_name(&name, dst, f.range);
        Ok(())
    }

    /// The qualified name of a function or class defined here.
    fn child_qualname(&self, name: &str) -> String {
        let mut base = if self.is_module {
            String::new()
        } else if self.is_class {
            format!("{}.", self.qualname)
        } else {
            format!("{}.<locals>.", self.qualname)
        };
        // Inside inline comprehensions, as if they were the functions CPython makes
        // of them: `f.<locals>.<listcomp>.<lambda>`.
        for _ in &self.comp_stack {
            base.push_str("<listcomp>.");
        }
        base + name
    }

    /// Evaluates decorator expressions into fresh registers.
    fn eval_decorators(&mut self, decos: &[ast::Expr]) -> CResult<Vec<Reg>> {
        let mut out = Vec::with_capacity(decos.len());
        for d in decos {
            let t = self.temp();
            self.expr(d, Some(t))?;
            out.push(t);
        }
        Ok(out)
    }

    /// Calls the decorators in `regs` on `value`, innermost (last) first.
    fn apply_decorators(&mut self, regs: &[Reg], exprs: &[ast::Expr], value: Reg) -> Reg {
        let mut cur = value;
        for (d, e) in regs.iter().zip(exprs.iter()).rev() {
            let base = self.temps(2);
            self.emit(Op::Move { dst: base, src: *d }, e.range());
            self.emit(
                Op::Move {
                    dst: Reg(base.0 + 1),
                    src: cur,
                },
                e.range(),
            );
            self.emit(
                Op::Call {
                    func: base,
                    nargs: 1,
                    dst: base,
                },
                e.range(),
            );
            cur = base;
        }
        cur
    }

    /// Compiles a function or lambda body and emits the code that makes the function
    /// (defaults evaluated here, closure cells collected); returns its register.
    fn make_function(
        &mut self,
        args: &ast::Arguments,
        body: FnBody,
        name: String,
        scope: ScopeId,
        range: TextRange,
        line: u32,
    ) -> CResult<Reg> {
        // Defaults are evaluated in the defining scope, into consecutive registers.
        let pos: Vec<&ast::ArgWithDefault> =
            args.posonlyargs.iter().chain(args.args.iter()).collect();
        let pos_defaults: Vec<&ast::Expr> =
            pos.iter().filter_map(|a| a.default.as_deref()).collect();
        let kw_defaults: Vec<(usize, &ast::Expr)> = args
            .kwonlyargs
            .iter()
            .enumerate()
            .filter_map(|(i, a)| a.default.as_deref().map(|d| (pos.len() + i, d)))
            .collect();
        let n = (pos_defaults.len() + kw_defaults.len()) as u16;
        let start = self.temps(n);
        for (i, d) in pos_defaults
            .iter()
            .chain(kw_defaults.iter().map(|(_, d)| d))
            .enumerate()
        {
            self.expr(d, Some(Reg(start.0 + i as u16)))?;
        }

        // Compile the body.
        let qualname = self.child_qualname(&name);
        let code = {
            let private = self.private.clone();
            let mut c = FnCompiler::new(self.sh, name, qualname, false, line);
            c.private = private;
            for p in pos.iter().copied().chain(args.kwonlyargs.iter()) {
                let pname_m = c.mangled(p.def.arg.as_str());
                let pname = pname_m.as_str();
                if c.locals.contains_key(pname) {
                    return c.syntax_error(
                        &format!("duplicate argument '{pname}' in function definition"),
                        p.def.range,
                    );
                }
                c.add_local(pname);
            }
            for p in args.vararg.iter().chain(args.kwarg.iter()) {
                let pname_m = c.mangled(p.arg.as_str());
                let pname = pname_m.as_str();
                if c.locals.contains_key(pname) {
                    return c.syntax_error(
                        &format!("duplicate argument '{pname}' in function definition"),
                        p.range,
                    );
                }
                c.add_local(pname);
            }
            c.first_param = pos.first().map(|p| c.mangled(p.def.arg.as_str()));
            c.setup_scope(scope, range);
            match body {
                FnBody::Stmts(b) => {
                    c.stmts(b)?;
                    c.emit(Op::ReturnNone {}, TextRange::default());
                }
                FnBody::Expr(e) => {
                    let r = c.expr(e, None)?;
                    c.emit(Op::Return { src: r }, e.range());
                }
            }
            let kwdefs = kw_defaults.iter().map(|(i, _)| *i).collect();
            let mut code = c.finish(
                pos.len() as u16,
                args.kwonlyargs.len() as u16,
                pos_defaults.len() as u16,
                kwdefs,
            );
            code.varargs = args.vararg.is_some();
            code.varkw = args.kwarg.is_some();
            code
        };
        self.emit_make_function(code, start, range)
    }

    /// Emits MakeFunction (or MakeClosure, collecting the cells of the code's free
    /// variables after the defaults, which start at `start`).
    fn emit_make_function(&mut self, code: Code, start: Reg, range: TextRange) -> CResult<Reg> {
        let freevars = code.freevars.clone();
        self.children.push(Rc::new(code));
        let code = ConstId(self.children.len() as u32 - 1);
        if freevars.is_empty() {
            let dst = self.temp();
            self.emit(Op::MakeFunction { dst, start, code }, range);
            return Ok(dst);
        }
        let cells = self.temps(freevars.len() as u16);
        for (i, name) in freevars.iter().enumerate() {
            let Some(src) = self.cell_reg(name) else {
                return unsupported(
                    format!("capturing '{name}' here (no cell found)"),
                    self.line(range),
                );
            };
            self.emit(
                Op::Move {
                    dst: Reg(cells.0 + i as u16),
                    src,
                },
                range,
            );
        }
        let dst = self.temp();
        self.emit(Op::MakeClosure { dst, start, code }, range);
        Ok(dst)
    }

    /// Gives a new code object its scope: registers for its locals (after the
    /// parameters, already added), then one per free variable; cells for captured
    /// locals are created first thing.
    fn setup_scope(&mut self, scope: ScopeId, range: TextRange) {
        self.scope = scope;
        let sc = &self.sh.sym.scopes[scope];
        self.is_class = sc.kind == ScopeKind::Class;
        let needs_class_cell = sc.needs_class_cell;
        let names: Vec<(String, bool, bool)> = sc
            .order
            .iter()
            .filter_map(|n| match sc.binding(n) {
                Some(Binding::Local) => Some((n.clone(), false, false)),
                Some(Binding::Cell) => Some((n.clone(), true, sc.is_param(n))),
                _ => None,
            })
            .collect();
        let frees = sc.freevars.clone();
        for (n, _, _) in &names {
            self.add_local(n);
        }
        if self.is_class && needs_class_cell {
            self.add_local("__class__");
        }
        for n in frees {
            let r = Reg(self.next_reg);
            self.next_reg += 1;
            self.free_regs.insert(n.clone(), r);
            self.freevars.push(n);
        }
        self.max_reg = self.max_reg.max(self.next_reg);
        for (n, is_cell, is_param) in &names {
            if *is_cell {
                let reg = self.locals[n.as_str()];
                self.emit(
                    Op::MakeCell {
                        reg,
                        wrap: *is_param,
                    },
                    range,
                );
            }
        }
        if self.is_class && needs_class_cell {
            let reg = self.locals["__class__"];
            self.emit(Op::MakeCell { reg, wrap: false }, range);
        }
    }

    fn class_def(&mut self, c: &ast::StmtClassDef) -> CResult<()> {
        let line = self.line(c.range);
        if !c.keywords.is_empty() {
            return unsupported("class keyword arguments (metaclass=...)", line);
        }
        if c.bases.iter().any(|b| matches!(b, ast::Expr::Starred(_))) {
            return unsupported("'*' unpacking in class bases", line);
        }
        let decos = self.eval_decorators(&c.decorator_list)?;
        let name = c.name.as_str().to_string();
        let qualname = self.child_qualname(&name);
        let scope = self.sh.sym.scope_of(c).expect("class scope");
        // [namespace, base0, base1, ...]
        let nb = c.bases.len() as u16;
        let start = self.temps(1 + nb);
        for (i, b) in c.bases.iter().enumerate() {
            self.expr(b, Some(Reg(start.0 + 1 + i as u16)))?;
        }
        let code = {
            let mut cc = FnCompiler::new(self.sh, name.clone(), qualname.clone(), false, line);
            cc.private = Some(name.clone());
            cc.setup_scope(scope, c.range);
            if let Some(ast::Stmt::Expr(e)) = c.body.first() {
                if let ast::Expr::Constant(k) = &*e.value {
                    if matches!(k.value, ast::Constant::Str(_)) {
                        let t = cc.temp();
                        cc.expr(&e.value, Some(t))?;
                        cc.store_name("__doc__", t, e.range);
                    }
                }
            }
            cc.stmts(&c.body)?;
            let t = cc.temp();
            cc.emit(Op::ClassNamespace { dst: t }, c.range);
            cc.emit(Op::Return { src: t }, c.range);
            cc.finish(0, 0, 0, vec![])
        };
        let fstart = Reg(self.next_reg);
        let body = self.emit_make_function(code, fstart, c.range)?;
        self.emit(
            Op::Call {
                func: body,
                nargs: 0,
                dst: start,
            },
            c.range,
        );
        let names = vec![
            Value::Str(self.sh.heap.alloc(StrObj::new(name.as_str()))),
            Value::Str(self.sh.heap.alloc(StrObj::new(qualname.as_str()))),
        ];
        let t = self.sh.heap.alloc(TupleObj {
            items: names.into_boxed_slice(),
        });
        let k = self.konst(Value::Tuple(t));
        self.emit(
            Op::MakeClass {
                dst: start,
                start,
                nbases: nb,
                name: k,
            },
            c.range,
        );
        let dst = self.apply_decorators(&decos, &c.decorator_list, start);
        self.store_name(&name, dst, c.range);
        Ok(())
    }

    // -- Conditions ---------------------------------------------------------------------

    /// Emits code that jumps when `e`'s truth equals `when`; returns the jumps to patch.
    fn cond_jump(&mut self, e: &ast::Expr, when: bool) -> CResult<Vec<usize>> {
        self.enter()?;
        let r = self.cond_jump_inner(e, when);
        self.leave();
        r
    }

    fn cond_jump_inner(&mut self, e: &ast::Expr, when: bool) -> CResult<Vec<usize>> {
        use ast::Expr as E;
        match e {
            E::UnaryOp(u) if matches!(u.op, ast::UnaryOp::Not) => self.cond_jump(&u.operand, !when),
            E::BoolOp(b) => {
                let is_and = matches!(b.op, ast::BoolOp::And);
                let mut out = vec![];
                let last = b.values.len() - 1;
                if is_and != when {
                    // `a and b` jumping when false / `a or b` jumping when true:
                    // any operand deciding it jumps straight out.
                    for v in &b.values {
                        out.extend(self.cond_jump(v, when)?);
                    }
                } else {
                    // `a and b` jumping when true: every operand but the last must be
                    // true to go on; a false one skips past the test.
                    let mut skip = vec![];
                    for (i, v) in b.values.iter().enumerate() {
                        if i == last {
                            out.extend(self.cond_jump(v, when)?);
                        } else {
                            skip.extend(self.cond_jump(v, !when)?);
                        }
                    }
                    for j in skip {
                        self.patch(j);
                    }
                }
                Ok(out)
            }
            _ => {
                let floor = self.next_reg;
                let r = self.expr(e, None)?;
                self.next_reg = floor;
                let op = if when {
                    Op::JumpIfTrue {
                        cond: r,
                        target: Label(0),
                    }
                } else {
                    Op::JumpIfFalse {
                        cond: r,
                        target: Label(0),
                    }
                };
                Ok(vec![self.emit(op, e.range())])
            }
        }
    }

    // -- Expressions --------------------------------------------------------------------

    /// Evaluates `e`; the result is in `dst` if given, else in the returned register
    /// (a local's own register for a plain local name).
    fn expr(&mut self, e: &ast::Expr, dst: Option<Reg>) -> CResult<Reg> {
        if let ast::Expr::UnaryOp(_) = e {
            let mut n = 0;
            let mut x = e;
            while let ast::Expr::UnaryOp(u) = x {
                n += 1;
                x = &u.operand;
            }
            if n >= MAX_UNARY_CHAIN {
                return Err(CompileError::TooDeep("MemoryError\n".into()));
            }
        }
        self.enter()?;
        let r = self.expr_inner(e, dst);
        self.leave();
        r
    }

    fn expr_inner(&mut self, e: &ast::Expr, dst: Option<Reg>) -> CResult<Reg> {
        use ast::Expr as E;
        let range = e.range();
        match e {
            E::Name(n) => Ok(self.load_name(n.id.as_str(), dst, range)),
            E::Constant(c) => {
                let d = self.dst(dst);
                self.constant(&c.value, d, range)?;
                Ok(d)
            }
            E::BinOp(b) => {
                if let (ast::Operator::Add | ast::Operator::Sub, Some(imm)) =
                    (b.op, int_imm(&b.right))
                {
                    let a = self.expr(&b.left, None)?;
                    let imm = if matches!(b.op, ast::Operator::Sub) {
                        -imm
                    } else {
                        imm
                    };
                    let d = self.dst(dst);
                    self.emit(Op::AddImm { dst: d, a, imm }, range);
                    return Ok(d);
                }
                let floor = self.next_reg;
                let a = self.expr(&b.left, None)?;
                let bb = self.expr(&b.right, None)?;
                self.next_reg = floor;
                let d = self.dst(dst);
                self.emit(binop(b.op, false, d, a, bb), range);
                Ok(d)
            }
            E::UnaryOp(u) => {
                if let (ast::UnaryOp::USub, E::Constant(c)) = (u.op, &*u.operand) {
                    let neg = match &c.value {
                        ast::Constant::Int(i) => Some(ast::Constant::Int(-i.clone())),
                        ast::Constant::Float(f) => Some(ast::Constant::Float(-f)),
                        _ => None,
                    };
                    if let Some(k) = neg {
                        // The folded constant is one level deeper.
                        self.enter()?;
                        self.leave();
                        let d = self.dst(dst);
                        self.constant(&k, d, range)?;
                        return Ok(d);
                    }
                }
                let floor = self.next_reg;
                let src = self.expr(&u.operand, None)?;
                self.next_reg = floor;
                let d = self.dst(dst);
                let op = match u.op {
                    ast::UnaryOp::USub => Op::Neg { dst: d, src },
                    ast::UnaryOp::UAdd => Op::Pos { dst: d, src },
                    ast::UnaryOp::Invert => Op::Invert { dst: d, src },
                    ast::UnaryOp::Not => Op::Not { dst: d, src },
                };
                self.emit(op, range);
                Ok(d)
            }
            E::BoolOp(b) => {
                // The result is one of the operands: evaluate into a fresh temp so a
                // local destination is not clobbered before later operands read it.
                let t = self.temp();
                let mut ends = vec![];
                let last = b.values.len() - 1;
                for (i, v) in b.values.iter().enumerate() {
                    self.expr(v, Some(t))?;
                    if i != last {
                        let op = match b.op {
                            ast::BoolOp::And => Op::JumpIfFalse {
                                cond: t,
                                target: Label(0),
                            },
                            ast::BoolOp::Or => Op::JumpIfTrue {
                                cond: t,
                                target: Label(0),
                            },
                        };
                        ends.push(self.emit(op, v.range()));
                    }
                }
                for j in ends {
                    self.patch(j);
                }
                Ok(self.move_to(t, dst, range))
            }
            E::IfExp(i) => {
                let t = self.temp();
                let else_jumps = self.cond_jump(&i.test, false)?;
                self.expr(&i.body, Some(t))?;
                let end = self.emit(Op::Jump { target: Label(0) }, range);
                for j in else_jumps {
                    self.patch(j);
                }
                self.expr(&i.orelse, Some(t))?;
                self.patch(end);
                Ok(self.move_to(t, dst, range))
            }
            E::Compare(c) => {
                let t = self.temp();
                let mut left = self.expr(&c.left, None)?;
                let mut ends = vec![];
                let n = c.ops.len();
                for (i, (op, right)) in c.ops.iter().zip(c.comparators.iter()).enumerate() {
                    let r = if i + 1 < n {
                        // Kept for the next comparison of the chain.
                        let keep = self.temp();
                        self.expr(right, Some(keep))?
                    } else {
                        self.expr(right, None)?
                    };
                    self.emit(cmpop(*op, t, left, r), range);
                    if i + 1 < n {
                        ends.push(self.emit(
                            Op::JumpIfFalse {
                                cond: t,
                                target: Label(0),
                            },
                            range,
                        ));
                    }
                    left = r;
                }
                for j in ends {
                    self.patch(j);
                }
                Ok(self.move_to(t, dst, range))
            }
            E::Call(c) => self.call(c, dst),
            E::Attribute(a) => {
                let floor = self.next_reg;
                let obj = self.expr(&a.value, None)?;
                self.next_reg = floor;
                let site = self.site(a.attr.as_str());
                let d = self.dst(dst);
                self.emit(Op::LoadAttr { dst: d, obj, site }, range);
                Ok(d)
            }
            E::Subscript(s) => {
                let floor = self.next_reg;
                let obj = self.expr(&s.value, None)?;
                if let E::Slice(sl) = &*s.slice {
                    let start = self.slice_regs(sl)?;
                    self.next_reg = floor;
                    let d = self.dst(dst);
                    self.emit(Op::GetSlice { dst: d, obj, start }, range);
                    return Ok(d);
                }
                let key = self.expr(&s.slice, None)?;
                self.next_reg = floor;
                let d = self.dst(dst);
                self.emit(Op::GetItem { dst: d, obj, key }, range);
                Ok(d)
            }
            E::List(l) => self.sequence(&l.elts, true, dst, range),
            E::Tuple(t) => {
                if let Some(k) = const_tuple(&t.elts) {
                    let d = self.dst(dst);
                    self.constant(&k, d, range)?;
                    return Ok(d);
                }
                self.sequence(&t.elts, false, dst, range)
            }
            E::Dict(d) => {
                if d.keys.iter().any(|k| k.is_none()) {
                    let t = self.temp();
                    self.emit(
                        Op::BuildDict {
                            dst: t,
                            start: t,
                            count: 0,
                        },
                        range,
                    );
                    for (k, v) in d.keys.iter().zip(d.values.iter()) {
                        let floor = self.next_reg;
                        let src = match k {
                            None => self.expr(v, None)?,
                            Some(k) => {
                                let pair = self.temps(2);
                                self.expr(k, Some(pair))?;
                                self.expr(v, Some(Reg(pair.0 + 1)))?;
                                let one = self.temp();
                                self.emit(
                                    Op::BuildDict {
                                        dst: one,
                                        start: pair,
                                        count: 1,
                                    },
                                    range,
                                );
                                one
                            }
                        };
                        self.emit(Op::DictUpdate { dict: t, src }, v.range());
                        self.next_reg = floor;
                    }
                    return Ok(self.move_to(t, dst, range));
                }
                let n = d.keys.len() as u16;
                let start = self.temps(n * 2);
                for (i, (k, v)) in d.keys.iter().zip(d.values.iter()).enumerate() {
                    if let Some(k) = k {
                        self.expr(k, Some(Reg(start.0 + 2 * i as u16)))?;
                    }
                    self.expr(v, Some(Reg(start.0 + 2 * i as u16 + 1)))?;
                }
                self.next_reg = start.0;
                let dd = self.dst(dst);
                self.emit(
                    Op::BuildDict {
                        dst: dd,
                        start,
                        count: n,
                    },
                    range,
                );
                Ok(dd)
            }
            E::JoinedStr(j) => self.fstring(&j.values, dst, range),
            E::FormattedValue(f) => {
                let d = self.dst(dst);
                self.formatted(f, d)?;
                Ok(d)
            }
            E::NamedExpr(n) => {
                let t = self.temp();
                self.expr(&n.value, Some(t))?;
                self.store(&n.target, t)?;
                Ok(self.move_to(t, dst, range))
            }
            E::ListComp(lc) => self.list_comp(lc, dst),
            E::Slice(_) => unsupported("slices outside subscripts", self.line(range)),
            E::Starred(_) => unsupported("starred expressions", self.line(range)),
            E::Lambda(l) => {
                let scope = self.sh.sym.scope_of(l).expect("lambda scope");
                let line = self.line(range);
                let floor = self.next_reg;
                let r = self.make_function(
                    &l.args,
                    FnBody::Expr(&l.body),
                    "<lambda>".into(),
                    scope,
                    range,
                    line,
                )?;
                self.next_reg = floor;
                let d = self.dst(dst);
                if d != r {
                    self.emit(Op::Move { dst: d, src: r }, range);
                }
                Ok(d)
            }
            E::Set(st) => self.set_display(&st.elts, dst, range),
            E::SetComp(sc) => {
                let scope = self.sh.sym.scope_of(sc).expect("comprehension scope");
                self.comprehension(scope, &sc.generators, CompKind::Set(&sc.elt), dst, range)
            }
            E::DictComp(dc) => {
                let scope = self.sh.sym.scope_of(dc).expect("comprehension scope");
                let kind = CompKind::Dict(&dc.key, &dc.value);
                self.comprehension(scope, &dc.generators, kind, dst, range)
            }
            E::GeneratorExp(g) => self.genexpr(g, dst),
            E::Yield(y) => {
                if self.is_module {
                    return self.syntax_error("'yield' outside function", range);
                }
                self.generator = true;
                let floor = self.next_reg;
                let src = match &y.value {
                    Some(v) => self.expr(v, None)?,
                    None => {
                        let t = self.temp();
                        self.emit(Op::LoadNone { dst: t }, range);
                        t
                    }
                };
                self.next_reg = floor;
                let d = self.dst(dst);
                self.emit(Op::Yield { dst: d, src }, range);
                Ok(d)
            }
            E::YieldFrom(y) => {
                if self.is_module {
                    return self.syntax_error("'yield' outside function", range);
                }
                self.generator = true;
                let it = self.temp();
                let v = self.expr(&y.value, None)?;
                self.emit(Op::YieldFromIter { dst: it, src: v }, range);
                let d = self.temp();
                self.emit(Op::LoadNone { dst: d }, range);
                self.emit(Op::YieldFrom { dst: d, it }, range);
                Ok(self.move_to(d, dst, range))
            }
            E::Await(_) => unsupported("async code", self.line(range)),
        }
    }

    fn dst(&mut self, dst: Option<Reg>) -> Reg {
        match dst {
            Some(d) => d,
            None => self.temp(),
        }
    }

    fn move_to(&mut self, t: Reg, dst: Option<Reg>, range: TextRange) -> Reg {
        match dst {
            Some(d) if d != t => {
                self.emit(Op::Move { dst: d, src: t }, range);
                d
            }
            _ => t,
        }
    }

    fn constant(&mut self, c: &ast::Constant, d: Reg, range: TextRange) -> CResult<()> {
        match c {
            ast::Constant::None => {
                self.emit(Op::LoadNone { dst: d }, range);
            }
            ast::Constant::Bool(b) => {
                self.emit(Op::LoadBool { dst: d, val: *b }, range);
            }
            ast::Constant::Int(i) => {
                if let Some(v) = i.to_i32() {
                    self.emit(Op::LoadInt { dst: d, val: v }, range);
                } else {
                    let v = self.const_value(c, range)?;
                    let k = self.konst(v);
                    self.emit(Op::LoadConst { dst: d, k }, range);
                }
            }
            ast::Constant::Str(s) => {
                let k = self.str_const(s);
                self.emit(Op::LoadConst { dst: d, k }, range);
            }
            _ => {
                let v = self.const_value(c, range)?;
                let k = self.konst(v);
                self.emit(Op::LoadConst { dst: d, k }, range);
            }
        }
        Ok(())
    }

    /// CPython refuses decimal int literals longer than its int max str digits
    /// (4300) at compile time, with this SyntaxError (no caret; the literal as text).
    fn check_int_literal(&self, range: TextRange) -> CResult<()> {
        let text = &self.sh.source[usize::from(range.start())..usize::from(range.end())];
        // A folded `-literal` comes with its sign (and maybe parentheses).
        let text = text
            .trim_start_matches(|c: char| c == '-' || c == '+' || c == '(' || c.is_whitespace());
        let lower = text.to_ascii_lowercase();
        if lower.starts_with("0x") || lower.starts_with("0o") || lower.starts_with("0b") {
            return Ok(());
        }
        let digits = text.bytes().filter(u8::is_ascii_digit).count();
        if digits as i64 <= crate::num::DEFAULT_MAX_STR_DIGITS {
            return Ok(());
        }
        Err(CompileError::TooDeep(format!(
            "  File \"{}\", line {}\n    {}\nSyntaxError: Exceeds the limit ({} digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.\n",
            self.sh.filename,
            self.line(range),
            text,
            crate::num::DEFAULT_MAX_STR_DIGITS,
            digits
        )))
    }

    fn const_value(&mut self, c: &ast::Constant, range: TextRange) -> CResult<Value> {
        Ok(match c {
            ast::Constant::None => Value::None,
            ast::Constant::Bool(b) => Value::Bool(*b),
            ast::Constant::Int(i) => {
                if i.bits() > 14_000 {
                    self.check_int_literal(range)?;
                }
                crate::interp::int_value(self.sh.heap, i.clone())
            }
            ast::Constant::Float(f) => Value::Float(*f),
            ast::Constant::Str(s) => Value::Str(self.sh.heap.alloc(StrObj::new(s.as_str()))),
            ast::Constant::Tuple(items) => {
                let mut vs = Vec::with_capacity(items.len());
                for it in items {
                    vs.push(self.const_value(it, range)?);
                }
                Value::Tuple(self.sh.heap.alloc(TupleObj {
                    items: vs.into_boxed_slice(),
                }))
            }
            ast::Constant::Bytes(_) => return unsupported("bytes literals", self.line(range)),
            ast::Constant::Complex { .. } => {
                return unsupported("complex numbers", self.line(range))
            }
            ast::Constant::Ellipsis => return unsupported("'...' (Ellipsis)", self.line(range)),
        })
    }

    fn sequence(
        &mut self,
        elts: &[ast::Expr],
        list: bool,
        dst: Option<Reg>,
        range: TextRange,
    ) -> CResult<Reg> {
        if elts.iter().any(|e| matches!(e, ast::Expr::Starred(_))) {
            let l = self.temp();
            self.starred_list(elts, l, None, range)?;
            if list {
                return Ok(self.move_to(l, dst, range));
            }
            let d = self.dst(dst);
            self.emit(Op::ListToTuple { dst: d, src: l }, range);
            return Ok(d);
        }
        const CHUNK: usize = 64;
        if list && elts.len() > CHUNK {
            // Long list displays: build the first chunk, append the rest.
            let l = self.temp();
            self.sequence(&elts[..CHUNK], true, Some(l), range)?;
            for e in &elts[CHUNK..] {
                let floor = self.next_reg;
                let r = self.expr(e, None)?;
                self.emit(Op::ListAppend { list: l, src: r }, range);
                self.next_reg = floor;
            }
            return Ok(self.move_to(l, dst, range));
        }
        let n = elts.len() as u16;
        let start = self.temps(n);
        for (i, e) in elts.iter().enumerate() {
            self.expr(e, Some(Reg(start.0 + i as u16)))?;
        }
        self.next_reg = start.0;
        let d = self.dst(dst);
        let op = if list {
            Op::BuildList {
                dst: d,
                start,
                count: n,
            }
        } else {
            Op::BuildTuple {
                dst: d,
                start,
                count: n,
            }
        };
        self.emit(op, range);
        Ok(d)
    }

    /// Evaluates the three parts of a slice into consecutive registers.
    fn slice_regs(&mut self, s: &ast::ExprSlice) -> CResult<Reg> {
        let start = self.temps(3);
        for (i, part) in [&s.lower, &s.upper, &s.step].iter().enumerate() {
            let r = Reg(start.0 + i as u16);
            match part {
                Some(e) => {
                    self.expr(e, Some(r))?;
                }
                None => {
                    self.emit(Op::LoadNone { dst: r }, s.range);
                }
            }
        }
        Ok(start)
    }

    fn call(&mut self, c: &ast::ExprCall, dst: Option<Reg>) -> CResult<Reg> {
        let range = c.range;
        if let Some(r) = self.zero_arg_super(c, dst)? {
            return Ok(r);
        }
        if c.args.iter().any(|a| matches!(a, ast::Expr::Starred(_)))
            || c.keywords.iter().any(|k| k.arg.is_none())
        {
            return self.call_ex(c, dst);
        }
        let nargs = (c.args.len() + c.keywords.len()) as u16;
        let kwnames = if c.keywords.is_empty() {
            None
        } else {
            let names: Vec<Value> = c
                .keywords
                .iter()
                .map(|k| {
                    let s = k.arg.as_ref().map(|a| a.as_str()).unwrap_or("");
                    Value::Str(self.sh.heap.alloc(StrObj::new(s)))
                })
                .collect();
            let t = self.sh.heap.alloc(TupleObj {
                items: names.into_boxed_slice(),
            });
            Some(self.konst(Value::Tuple(t)))
        };
        let floor = self.next_reg;
        let (base, first_arg) = if let ast::Expr::Attribute(a) = &*c.func {
            let base = self.temps(2);
            let obj = self.expr(&a.value, Some(Reg(base.0 + 1)))?;
            // Temporaries of the receiver expression are dead now.
            self.next_reg = base.0 + 2;
            let site = self.site(a.attr.as_str());
            self.emit(Op::LoadMethod { base, obj, site }, a.range);
            (base, base.0 + 2)
        } else {
            let base = self.temp();
            self.expr(&c.func, Some(base))?;
            self.next_reg = base.0 + 1;
            (base, base.0 + 1)
        };
        let is_method = first_arg == base.0 + 2;
        let args_start = self.temps(nargs);
        debug_assert_eq!(args_start.0, first_arg);
        for (i, a) in c
            .args
            .iter()
            .chain(c.keywords.iter().map(|k| &k.value))
            .enumerate()
        {
            self.expr(a, Some(Reg(first_arg + i as u16)))?;
        }
        self.next_reg = floor;
        let result = match (is_method, kwnames) {
            (false, None) => {
                let d = self.dst(dst);
                self.emit(
                    Op::Call {
                        func: base,
                        nargs,
                        dst: d,
                    },
                    range,
                );
                return Ok(d);
            }
            (true, None) => {
                let d = self.dst(dst);
                self.emit(
                    Op::CallMethod {
                        base,
                        nargs,
                        dst: d,
                    },
                    range,
                );
                return Ok(d);
            }
            (false, Some(k)) => {
                self.emit(
                    Op::CallKw {
                        func: base,
                        nargs,
                        kwnames: k,
                    },
                    range,
                );
                base
            }
            (true, Some(k)) => {
                self.emit(
                    Op::CallMethodKw {
                        base,
                        nargs,
                        kwnames: k,
                    },
                    range,
                );
                base
            }
        };
        // The kw forms leave the result in `base` (a temp above `floor`).
        let d = match dst {
            Some(d) => d,
            None => self.temp(),
        };
        if d != result {
            self.emit(
                Op::Move {
                    dst: d,
                    src: result,
                },
                range,
            );
        }
        Ok(d)
    }

    /// A call with `*` or `**` unpacking: the positional arguments are gathered in a
    /// list, the keywords in a dict, and `CallEx` spreads them.
    fn call_ex(&mut self, c: &ast::ExprCall, dst: Option<Reg>) -> CResult<Reg> {
        let range = c.range;
        let floor = self.next_reg;
        let func = self.temp();
        self.expr(&c.func, Some(func))?;
        let args = self.temp();
        let kwargs = self.temp();
        self.starred_list(&c.args, args, Some(func), range)?;
        if c.keywords.is_empty() {
            self.emit(Op::LoadNone { dst: kwargs }, range);
        } else {
            self.emit(
                Op::BuildDict {
                    dst: kwargs,
                    start: kwargs,
                    count: 0,
                },
                range,
            );
            for k in &c.keywords {
                let f = self.next_reg;
                match &k.arg {
                    Some(name) => {
                        let pair = self.temps(2);
                        let kk = self.str_const(name.as_str());
                        self.emit(Op::LoadConst { dst: pair, k: kk }, k.range);
                        self.expr(&k.value, Some(Reg(pair.0 + 1)))?;
                        let one = self.temp();
                        self.emit(
                            Op::BuildDict {
                                dst: one,
                                start: pair,
                                count: 1,
                            },
                            k.range,
                        );
                        self.emit(
                            Op::KwMerge {
                                dict: kwargs,
                                src: one,
                                func,
                            },
                            k.range,
                        );
                    }
                    None => {
                        let v = self.expr(&k.value, None)?;
                        self.emit(
                            Op::KwMerge {
                                dict: kwargs,
                                src: v,
                                func,
                            },
                            k.value.range(),
                        );
                    }
                }
                self.next_reg = f;
            }
        }
        self.next_reg = floor;
        let d = self.dst(dst);
        self.emit(Op::CallEx { func, args, dst: d }, range);
        Ok(d)
    }

    /// Builds a list in `dst` from expressions, some of them `*starred`.
    /// `func` is the callee when the list holds a call's arguments.
    fn starred_list(
        &mut self,
        elts: &[ast::Expr],
        dst: Reg,
        func: Option<Reg>,
        range: TextRange,
    ) -> CResult<()> {
        let lead = elts
            .iter()
            .position(|e| matches!(e, ast::Expr::Starred(_)))
            .unwrap_or(elts.len());
        let floor = self.next_reg;
        let start = self.temps(lead as u16);
        for (i, e) in elts[..lead].iter().enumerate() {
            self.expr(e, Some(Reg(start.0 + i as u16)))?;
        }
        self.emit(
            Op::BuildList {
                dst,
                start,
                count: lead as u16,
            },
            range,
        );
        self.next_reg = floor;
        for e in &elts[lead..] {
            let f = self.next_reg;
            match e {
                ast::Expr::Starred(s) => {
                    let v = self.expr(&s.value, None)?;
                    match func {
                        Some(func) => self.emit(
                            Op::ArgsExtend {
                                list: dst,
                                src: v,
                                func,
                            },
                            s.range,
                        ),
                        None => self.emit(Op::ListExtend { list: dst, src: v }, s.range),
                    };
                }
                other => {
                    let v = self.expr(other, None)?;
                    self.emit(Op::ListAppend { list: dst, src: v }, other.range());
                }
            }
            self.next_reg = f;
        }
        Ok(())
    }

    /// `super()` in a method becomes `super(__class__, <first argument>)`, the way
    /// CPython's zero-argument super finds them (the `__class__` cell and the frame's
    /// first local).
    fn zero_arg_super(&mut self, c: &ast::ExprCall, dst: Option<Reg>) -> CResult<Option<Reg>> {
        let ast::Expr::Name(n) = &*c.func else {
            return Ok(None);
        };
        if n.id.as_str() != "super" || !c.args.is_empty() || !c.keywords.is_empty() {
            return Ok(None);
        }
        if !matches!(self.name_loc("super"), NameLoc::Global) {
            return Ok(None);
        }
        let (NameLoc::Cell(class_cell), Some(first)) =
            (self.name_loc("__class__"), self.first_param.clone())
        else {
            return Ok(None);
        };
        let floor = self.next_reg;
        let base = self.temps(3);
        self.load_name("super", Some(base), n.range);
        self.emit(
            Op::LoadDeref {
                dst: Reg(base.0 + 1),
                cell: class_cell,
            },
            c.range,
        );
        self.load_name(&first, Some(Reg(base.0 + 2)), c.range);
        self.next_reg = floor;
        let d = self.dst(dst);
        self.emit(
            Op::Call {
                func: base,
                nargs: 2,
                dst: d,
            },
            c.range,
        );
        Ok(Some(d))
    }

    fn fstring(
        &mut self,
        values: &[ast::Expr],
        dst: Option<Reg>,
        range: TextRange,
    ) -> CResult<Reg> {
        if values.len() == 1 {
            if let ast::Expr::FormattedValue(f) = &values[0] {
                let d = self.dst(dst);
                self.formatted(f, d)?;
                return Ok(d);
            }
        }
        let n = values.len() as u16;
        let start = self.temps(n);
        for (i, v) in values.iter().enumerate() {
            let r = Reg(start.0 + i as u16);
            match v {
                ast::Expr::FormattedValue(f) => self.formatted(f, r)?,
                other => {
                    self.expr(other, Some(r))?;
                }
            }
        }
        self.next_reg = start.0;
        let d = self.dst(dst);
        self.emit(
            Op::BuildString {
                dst: d,
                start,
                count: n,
            },
            range,
        );
        Ok(d)
    }

    fn formatted(&mut self, f: &ast::ExprFormattedValue, d: Reg) -> CResult<()> {
        let floor = self.next_reg;
        let src = self.expr(&f.value, None)?;
        let spec = self.temp();
        match &f.format_spec {
            Some(s) => {
                self.expr(s, Some(spec))?;
            }
            None => {
                self.emit(Op::LoadNone { dst: spec }, f.range);
            }
        }
        let conv = match f.conversion {
            ast::ConversionFlag::None => 0,
            ast::ConversionFlag::Str => b's',
            ast::ConversionFlag::Repr => b'r',
            ast::ConversionFlag::Ascii => b'a',
        };
        self.next_reg = floor;
        self.emit(
            Op::FormatValue {
                dst: d,
                src,
                spec,
                conv,
            },
            f.range,
        );
        Ok(())
    }

    /// `(elt for x in it ...)`: as in CPython, a generator function `<genexpr>` with
    /// one parameter, the iterator of the first iterable (evaluated here, in the
    /// enclosing scope), called at once. Its other names resolve in its own scope
    /// (free variables through cells, like any nested function).
    fn genexpr(&mut self, g: &ast::ExprGeneratorExp, dst: Option<Reg>) -> CResult<Reg> {
        let range = g.range;
        let scope = self.sh.sym.scope_of(g).expect("generator expression scope");
        let floor = self.next_reg;
        let base = self.temps(2);
        let first = &g.generators[0];
        let src = self.iter_expr(&first.iter)?;
        self.emit(
            Op::YieldFromIter {
                dst: Reg(base.0 + 1),
                src,
            },
            first.iter.range(),
        );
        let qualname = self.child_qualname("<genexpr>");
        let line = self.line(range);
        let code = {
            let private = self.private.clone();
            let mut c = FnCompiler::new(self.sh, "<genexpr>".into(), qualname, false, line);
            c.private = private;
            c.add_local(".0");
            c.setup_scope(scope, range);
            c.generator = true;
            c.genexpr_level(g, 0)?;
            c.emit(Op::ReturnNone {}, TextRange::default());
            c.finish(1, 0, 0, vec![])
        };
        let start = Reg(self.next_reg);
        let f = self.emit_make_function(code, start, range)?;
        self.emit(Op::Move { dst: base, src: f }, range);
        self.next_reg = floor;
        let d = self.dst(dst);
        self.emit(
            Op::Call {
                func: base,
                nargs: 1,
                dst: d,
            },
            range,
        );
        Ok(d)
    }

    /// One `for` of a generator expression's body (the innermost level yields).
    fn genexpr_level(&mut self, g: &ast::ExprGeneratorExp, level: usize) -> CResult<()> {
        let Some(gen) = g.generators.get(level) else {
            let floor = self.next_reg;
            let v = self.expr(&g.elt, None)?;
            let sent = self.temp();
            self.emit(Op::Yield { dst: sent, src: v }, g.elt.range());
            self.next_reg = floor;
            return Ok(());
        };
        if gen.is_async {
            return unsupported("async comprehensions", self.line(g.range));
        }
        let base = self.temps(3);
        let src = if level == 0 {
            Reg(0) // the `.0` parameter
        } else {
            self.iter_expr(&gen.iter)?
        };
        let prep = self.emit(
            Op::ForPrep {
                base,
                src,
                target: Label(0),
            },
            gen.iter.range(),
        );
        let dst = self.temp();
        let body = self.here();
        self.store(&gen.target, dst)?;
        let mut skips = vec![];
        for cond in &gen.ifs {
            skips.extend(self.cond_jump(cond, false)?);
        }
        self.genexpr_level(g, level + 1)?;
        for j in skips {
            self.patch(j);
        }
        self.patch(prep);
        let lp = self.new_loop();
        self.emit(
            Op::ForNext {
                base,
                dst,
                target: body,
                lp,
            },
            gen.iter.range(),
        );
        Ok(())
    }

    /// `[elt for x in it if cond ...]`, inlined.
    fn list_comp(&mut self, lc: &ast::ExprListComp, dst: Option<Reg>) -> CResult<Reg> {
        let scope = self.sh.sym.scope_of(lc).expect("comprehension scope");
        self.comprehension(
            scope,
            &lc.generators,
            CompKind::List(&lc.elt),
            dst,
            lc.range,
        )
    }

    /// A list, set or dict comprehension, inlined. The loop variables get fresh
    /// registers that shadow outer names, so they do not leak (as in Python 3).
    fn comprehension(
        &mut self,
        scope: ScopeId,
        generators: &[ast::Comprehension],
        kind: CompKind,
        dst: Option<Reg>,
        range: TextRange,
    ) -> CResult<Reg> {
        let result = self.temp();
        let op = match kind {
            CompKind::List(_) => Op::BuildList {
                dst: result,
                start: result,
                count: 0,
            },
            CompKind::Set(_) => Op::BuildSet {
                dst: result,
                start: result,
                count: 0,
                mode: BUILD_SET_PLAIN,
            },
            CompKind::Dict(..) => Op::BuildDict {
                dst: result,
                start: result,
                count: 0,
            },
        };
        self.emit(op, range);
        let shadow_mark = self.shadows.len();
        let cells_mark = self.cell_shadows.len();
        let comps = self.comp_stack.len();
        let r = self.comp_level(scope, generators, 0, &kind, result, range);
        self.shadows.truncate(shadow_mark);
        self.cell_shadows.truncate(cells_mark);
        self.comp_stack.truncate(comps);
        r?;
        Ok(self.move_to(result, dst, range))
    }

    /// The innermost level adds the element; each other level is one `for`.
    fn comp_level(
        &mut self,
        scope: ScopeId,
        generators: &[ast::Comprehension],
        level: usize,
        kind: &CompKind,
        result: Reg,
        range: TextRange,
    ) -> CResult<()> {
        let Some(gen) = generators.get(level) else {
            let floor = self.next_reg;
            match kind {
                CompKind::List(elt) => {
                    let v = self.expr(elt, None)?;
                    self.emit(
                        Op::ListAppend {
                            list: result,
                            src: v,
                        },
                        elt.range(),
                    );
                }
                CompKind::Set(elt) => {
                    let v = self.expr(elt, None)?;
                    self.emit(
                        Op::SetAdd {
                            set: result,
                            src: v,
                        },
                        elt.range(),
                    );
                }
                CompKind::Dict(k, v) => {
                    let key = self.expr(k, None)?;
                    let val = self.expr(v, None)?;
                    self.emit(
                        Op::SetItem {
                            obj: result,
                            key,
                            src: val,
                        },
                        k.range().cover(v.range()),
                    );
                }
            }
            self.next_reg = floor;
            return Ok(());
        };
        if gen.is_async {
            return unsupported("async comprehensions", self.line(range));
        }
        let base = self.temps(3);
        let src = self.iter_expr(&gen.iter)?;
        if level == 0 {
            // The first iterable is evaluated in the enclosing scope; the rest of the
            // comprehension in its own.
            self.comp_stack.push((scope, self.shadows.len()));
        }
        // Bind the target names to fresh registers; a variable a lambda captures is
        // a cell, made once per evaluation of the comprehension (as CPython's
        // comprehension function makes it once per call).
        let comp_scope = self.comp_stack.last().expect("comprehension").0;
        let mut names = vec![];
        collect_target_names(&gen.target, &mut names);
        for n in names {
            let n = self.mangled(&n);
            let r = self.temp();
            if self.sh.sym.scopes[comp_scope].binding(&n) == Some(Binding::Cell) {
                self.cell_shadows.push(r);
                self.emit(
                    Op::MakeCell {
                        reg: r,
                        wrap: false,
                    },
                    gen.iter.range(),
                );
            }
            self.shadows.push((n, r));
        }
        let prep = self.emit(
            Op::ForPrep {
                base,
                src,
                target: Label(0),
            },
            gen.iter.range(),
        );
        let comp_start = self.ops.len() as u32;
        let dst = self.temp();
        let body = self.here();
        self.store(&gen.target, dst)?;
        let mut skips = vec![];
        for cond in &gen.ifs {
            skips.extend(self.cond_jump(cond, false)?);
        }
        self.comp_level(scope, generators, level + 1, kind, result, range)?;
        for j in skips {
            self.patch(j);
        }
        self.patch(prep);
        let lp = self.new_loop();
        self.emit(
            Op::ForNext {
                base,
                dst,
                target: body,
                lp,
            },
            gen.iter.range(),
        );
        if level == 0 {
            // CPython runs this part in a function of its own: tracebacks show it.
            let name = match kind {
                CompKind::List(_) => "<listcomp>",
                CompKind::Set(_) => "<setcomp>",
                CompKind::Dict(..) => "<dictcomp>",
            };
            let loc = self.loc(range);
            self.comp_frames.push(CompFrame {
                start: comp_start,
                end: self.ops.len() as u32,
                name,
                loc,
            });
        }
        Ok(())
    }
}

// -- sets and collections

use crate::set::{BUILD_SET_FOLDED, BUILD_SET_FROZEN_CONST, BUILD_SET_PLAIN};

/// What the innermost level of a comprehension adds to its result.
enum CompKind<'a> {
    /// `[elt for ...]`.
    List(&'a ast::Expr),
    /// `{elt for ...}`.
    Set(&'a ast::Expr),
    /// `{key: value for ...}`.
    Dict(&'a ast::Expr, &'a ast::Expr),
}

impl FnCompiler<'_, '_> {
    /// The iterable of a `for` loop or comprehension. CPython's AST optimizer turns a
    /// set display of constants there into a frozenset constant, which iterates in
    /// the frozenset's order (not the order of the set a display builds).
    fn iter_expr(&mut self, e: &ast::Expr) -> CResult<Reg> {
        match e {
            ast::Expr::Set(st) if st.elts.iter().all(folds_to_constant) => {
                self.set_display_mode(&st.elts, None, st.range, BUILD_SET_FROZEN_CONST)
            }
            _ => self.expr(e, None),
        }
    }

    /// `{a, b, c}`. A display of more than two constants is built the way CPython
    /// builds it, from a frozenset constant.
    fn set_display(
        &mut self,
        elts: &[ast::Expr],
        dst: Option<Reg>,
        range: TextRange,
    ) -> CResult<Reg> {
        let mode = if elts.len() > 2 && elts.iter().all(folds_to_constant) {
            BUILD_SET_FOLDED
        } else {
            BUILD_SET_PLAIN
        };
        self.set_display_mode(elts, dst, range, mode)
    }

    fn set_display_mode(
        &mut self,
        elts: &[ast::Expr],
        dst: Option<Reg>,
        range: TextRange,
        mode: u8,
    ) -> CResult<Reg> {
        if let Some(s) = elts.iter().find(|e| matches!(e, ast::Expr::Starred(_))) {
            return unsupported("starred expressions in displays", self.line(s.range()));
        }
        let n = elts.len() as u16;
        let start = self.temps(n);
        for (i, e) in elts.iter().enumerate() {
            self.expr(e, Some(Reg(start.0 + i as u16)))?;
        }
        self.next_reg = start.0;
        let d = self.dst(dst);
        self.emit(
            Op::BuildSet {
                dst: d,
                start,
                count: n,
                mode,
            },
            range,
        );
        Ok(d)
    }
}

/// Whether CPython's AST optimizer turns `e` into a constant (literals, and unary
/// and binary operators and tuples over them), which decides how it compiles a set
/// display.
fn folds_to_constant(e: &ast::Expr) -> bool {
    match e {
        ast::Expr::Constant(_) => true,
        ast::Expr::UnaryOp(u) => folds_to_constant(&u.operand),
        ast::Expr::BinOp(b) => folds_to_constant(&b.left) && folds_to_constant(&b.right),
        ast::Expr::Tuple(t) => t.elts.iter().all(folds_to_constant),
        _ => false,
    }
}

fn collect_target_names(t: &ast::Expr, out: &mut Vec<String>) {
    match t {
        ast::Expr::Name(n) => out.push(n.id.to_string()),
        ast::Expr::Tuple(ast::ExprTuple { elts, .. })
        | ast::Expr::List(ast::ExprList { elts, .. }) => {
            for e in elts {
                collect_target_names(e, out);
            }
        }
        _ => {}
    }
}

/// An int literal small enough for AddImm.
fn int_imm(e: &ast::Expr) -> Option<i32> {
    if let ast::Expr::Constant(c) = e {
        if let ast::Constant::Int(i) = &c.value {
            return i.to_i32().filter(|v| v.abs() < (1 << 30));
        }
    }
    None
}

/// `x += k` / `x -= k` with a small int literal.
fn small_imm(op: ast::Operator, e: &ast::Expr) -> Option<i32> {
    let v = int_imm(e)?;
    match op {
        ast::Operator::Add => Some(v),
        ast::Operator::Sub => Some(-v),
        _ => None,
    }
}

fn binop(op: ast::Operator, inplace: bool, dst: Reg, a: Reg, b: Reg) -> Op {
    use crate::classes::BinOp as B;
    use ast::Operator as O;
    if inplace {
        let k = match op {
            O::Add => return Op::InplaceAdd { dst, a, b },
            O::Mult => return Op::InplaceMul { dst, a, b },
            O::Sub => B::Sub,
            O::Div => B::TrueDiv,
            O::FloorDiv => B::FloorDiv,
            O::Mod => B::Mod,
            O::Pow => B::Pow,
            O::LShift => B::LShift,
            O::RShift => B::RShift,
            O::BitAnd => B::And,
            O::BitOr => B::Or,
            O::BitXor => B::Xor,
            O::MatMult => B::MatMul,
        };
        return Op::InplaceOp {
            dst,
            a,
            b,
            op: k as u8,
        };
    }
    match op {
        O::Add => Op::Add { dst, a, b },
        O::Sub => Op::Sub { dst, a, b },
        O::Mult => Op::Mul { dst, a, b },
        O::Div => Op::TrueDiv { dst, a, b },
        O::FloorDiv => Op::FloorDiv { dst, a, b },
        O::Mod => Op::Mod { dst, a, b },
        O::Pow => Op::Pow { dst, a, b },
        O::LShift => Op::LShift { dst, a, b },
        O::RShift => Op::RShift { dst, a, b },
        O::BitAnd => Op::BitAnd { dst, a, b },
        O::BitOr => Op::BitOr { dst, a, b },
        O::BitXor => Op::BitXor { dst, a, b },
        O::MatMult => Op::MatMul { dst, a, b },
    }
}

fn cmpop(op: ast::CmpOp, dst: Reg, a: Reg, b: Reg) -> Op {
    use ast::CmpOp as C;
    match op {
        C::Lt => Op::Lt { dst, a, b },
        C::LtE => Op::Le { dst, a, b },
        C::Gt => Op::Gt { dst, a, b },
        C::GtE => Op::Ge { dst, a, b },
        C::Eq => Op::Eq { dst, a, b },
        C::NotEq => Op::Ne { dst, a, b },
        C::Is => Op::Is { dst, a, b },
        C::IsNot => Op::IsNot { dst, a, b },
        C::In => Op::In { dst, a, b },
        C::NotIn => Op::NotIn { dst, a, b },
    }
}

/// A tuple display made only of constants becomes one constant.
fn const_tuple(elts: &[ast::Expr]) -> Option<ast::Constant> {
    let mut out = vec![];
    for e in elts {
        match e {
            ast::Expr::Constant(c) => match &c.value {
                ast::Constant::Int(_)
                | ast::Constant::Str(_)
                | ast::Constant::Float(_)
                | ast::Constant::Bool(_)
                | ast::Constant::None => out.push(c.value.clone()),
                _ => return None,
            },
            _ => return None,
        }
    }
    if out.is_empty() {
        return None;
    }
    Some(ast::Constant::Tuple(out))
}
