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
use crate::value::Value;
use hashbrown::{HashMap, HashSet};
use num_traits::ToPrimitive;
use std::cell::Cell;
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
    let mut shared = Shared {
        filename: Rc::from(filename),
        source: Rc::from(source),
        lines: LineIndex::new(source),
        globals,
        global_slots: HashMap::new(),
        heap,
    };
    {
        let names = shared.globals.names.borrow();
        for (i, n) in names.iter().enumerate() {
            shared.global_slots.insert(n.clone(), i as u32);
        }
    }
    let mut c = FnCompiler::new(&mut shared, "<module>".into(), "<module>".into(), true, 1);
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
}

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
    site_map: HashMap<String, u16>,
    children: Vec<Rc<Code>>,
    locals: HashMap<String, Reg>,
    varnames: Vec<String>,
    declared_global: HashSet<String>,
    /// Locals of enclosing functions (closures are not supported yet).
    enclosing: Vec<HashSet<String>>,
    /// Comprehension variables shadowing outer names.
    shadows: Vec<(String, Reg)>,
    next_reg: u16,
    max_reg: u16,
    loops: Vec<LoopCtx>,
    nloops: u16,
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
            site_map: HashMap::new(),
            children: vec![],
            locals: HashMap::new(),
            varnames: vec![],
            declared_global: HashSet::new(),
            enclosing: vec![],
            shadows: vec![],
            next_reg: 0,
            max_reg: 0,
            loops: vec![],
            nloops: 0,
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
            ndefaults,
            kwdefault_params: kwdefs,
            varnames: self.varnames,
            loops: (0..self.nloops).map(|_| LoopState::new(u32::MAX)).collect(),
            first_line: self.first_line,
            globals: self.sh.globals.clone(),
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

    fn site(&mut self, name: &str) -> SiteId {
        if let Some(&s) = self.site_map.get(name) {
            return SiteId(s);
        }
        let s = self.sites.len() as u16;
        let name_obj = self.sh.heap.alloc(StrObj::new(name));
        self.sites.push(Site {
            name: name_obj,
            cache: Cell::new((u8::MAX, Value::None)),
        });
        self.site_map.insert(name.to_string(), s);
        SiteId(s)
    }

    fn new_loop(&mut self) -> LoopId {
        self.nloops += 1;
        LoopId(self.nloops - 1)
    }

    // -- Scopes -----------------------------------------------------------------------

    fn resolve(&self, name: &str) -> Option<Reg> {
        if let Some((_, r)) = self.shadows.iter().rev().find(|(n, _)| n == name) {
            return Some(*r);
        }
        if self.is_module || self.declared_global.contains(name) {
            return None;
        }
        self.locals.get(name).copied()
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

    fn stmt(&mut self, s: &ast::Stmt) -> CResult<()> {
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
                self.stmts(&w.body)?;
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
                let j = self.emit(Op::Jump { target: Label(0) }, b.range);
                self.loops.last_mut().expect("loop").breaks.push(j);
            }
            S::Continue(c) => {
                let Some(ctx) = self.loops.last() else {
                    return self.syntax_error("'continue' not properly in loop", c.range);
                };
                if let Some((top, lp)) = ctx.while_header {
                    self.emit(Op::JumpBack { target: top, lp }, c.range);
                } else {
                    let j = self.emit(Op::Jump { target: Label(0) }, c.range);
                    self.loops.last_mut().expect("loop").continues.push(j);
                }
            }
            S::Pass(_) => {}
            S::Return(r) => {
                if self.is_module {
                    return self.syntax_error("'return' outside function", r.range);
                }
                match &r.value {
                    None => {
                        self.emit(Op::ReturnNone {}, r.range);
                    }
                    Some(v) => {
                        let src = self.expr(v, None)?;
                        self.emit(Op::Return { src }, r.range);
                    }
                }
            }
            S::FunctionDef(f) => self.function_def(f)?,
            S::Global(_) => {}
            S::Nonlocal(n) => return unsupported("the 'nonlocal' statement", self.line(n.range)),
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
            S::Raise(r) => {
                if r.cause.is_some() {
                    return unsupported("'raise ... from ...'", line);
                }
                match &r.exc {
                    Some(e) => {
                        let src = self.expr(e, None)?;
                        self.emit(Op::Raise { src }, r.range);
                    }
                    None => return unsupported("bare 'raise'", line),
                }
            }
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
            S::ClassDef(_) => return unsupported("the 'class' statement", line),
            S::Try(_) | S::TryStar(_) => return unsupported("the 'try' statement", line),
            S::With(_) => return unsupported("the 'with' statement", line),
            S::AsyncFunctionDef(_) | S::AsyncFor(_) | S::AsyncWith(_) => {
                return unsupported("async code", line)
            }
            S::Match(_) => return unsupported("the 'match' statement", line),
            S::TypeAlias(_) => return unsupported("the 'type' statement", line),
        }
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
        match self.resolve(name) {
            Some(dst) => {
                if dst != src {
                    self.emit(Op::Move { dst, src }, r);
                }
            }
            None => {
                let g = self.sh.global(name);
                self.emit(Op::StoreGlobal { g, src }, r);
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
                if elts.iter().any(|e| matches!(e, E::Starred(_))) {
                    return unsupported("starred assignment targets", self.line(*range));
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
            E::Name(n) => match self.resolve(n.id.as_str()) {
                Some(reg) => {
                    self.emit(Op::DelLocal { reg }, n.range);
                }
                None => {
                    let g = self.sh.global(n.id.as_str());
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
            E::Attribute(a) => return unsupported("deleting attributes", self.line(a.range)),
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
                    self.emit(Op::AddImm { dst, a: dst, imm }, a.range);
                    return Ok(());
                }
                let rhs = self.expr(&a.value, None)?;
                match self.resolve(n.id.as_str()) {
                    Some(dst) => {
                        self.emit(binop(op, true, dst, dst, rhs), a.range);
                    }
                    None => {
                        let g = self.sh.global(n.id.as_str());
                        let t = self.temp();
                        self.emit(Op::LoadGlobal { dst: t, g }, n.range);
                        self.emit(binop(op, true, t, t, rhs), a.range);
                        self.emit(Op::StoreGlobal { g, src: t }, a.range);
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
        self.stmts(&f.body)?;
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
            f.iter.range(),
        );
        self.stmts(&f.orelse)?;
        for j in ctx.breaks {
            self.patch(j);
        }
        Ok(())
    }

    fn function_def(&mut self, f: &ast::StmtFunctionDef) -> CResult<()> {
        let line = self.line(f.range);
        if !f.decorator_list.is_empty() {
            return unsupported("decorators", line);
        }
        let args = &f.args;
        if args.vararg.is_some() {
            return unsupported("*args parameters", line);
        }
        if args.kwarg.is_some() {
            return unsupported("**kwargs parameters", line);
        }
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
        let name = f.name.as_str().to_string();
        let qualname = if self.is_module {
            name.clone()
        } else {
            format!("{}.<locals>.{}", self.qualname, name)
        };
        let mut enclosing = self.enclosing.clone();
        if !self.is_module {
            enclosing.push(self.locals.keys().cloned().collect());
        }
        let code = {
            let mut c = FnCompiler::new(self.sh, name.clone(), qualname, false, line);
            c.enclosing = enclosing;
            for p in pos.iter().copied().chain(args.kwonlyargs.iter()) {
                let pname = p.def.arg.as_str();
                if c.locals.contains_key(pname) {
                    return c.syntax_error(
                        &format!("duplicate argument '{pname}' in function definition"),
                        p.def.range,
                    );
                }
                c.add_local(pname);
            }
            scan_scope(&f.body, &mut c)?;
            c.stmts(&f.body)?;
            c.emit(Op::ReturnNone {}, TextRange::default());
            let kwdefs = kw_defaults.iter().map(|(i, _)| *i).collect();
            c.finish(
                pos.len() as u16,
                args.kwonlyargs.len() as u16,
                pos_defaults.len() as u16,
                kwdefs,
            )
        };
        self.children.push(Rc::new(code));
        let code = ConstId(self.children.len() as u32 - 1);
        let dst = self.temp();
        self.emit(Op::MakeFunction { dst, start, code }, f.range);
        self.store_name(&name, dst, f.range);
        Ok(())
    }

    // -- Conditions ---------------------------------------------------------------------

    /// Emits code that jumps when `e`'s truth equals `when`; returns the jumps to patch.
    fn cond_jump(&mut self, e: &ast::Expr, when: bool) -> CResult<Vec<usize>> {
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
        use ast::Expr as E;
        let range = e.range();
        match e {
            E::Name(n) => {
                let name = n.id.as_str();
                if let Some(r) = self.resolve(name) {
                    return Ok(match dst {
                        Some(d) if d != r => {
                            self.emit(Op::Move { dst: d, src: r }, range);
                            d
                        }
                        _ => r,
                    });
                }
                if !self.is_module
                    && self.enclosing.iter().any(|s| s.contains(name))
                    && !self.declared_global.contains(name)
                {
                    return unsupported(
                        format!(
                            "closures (nested function '{}' uses '{}' of an enclosing function)",
                            self.name, name
                        ),
                        self.line(range),
                    );
                }
                let d = self.dst(dst);
                let g = self.sh.global(name);
                self.emit(Op::LoadGlobal { dst: d, g }, range);
                Ok(d)
            }
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
                    return unsupported("'**' in dict displays", self.line(range));
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
            E::Lambda(_) => unsupported("lambda", self.line(range)),
            E::Set(st) => self.set_display(&st.elts, dst, range),
            E::SetComp(sc) => {
                self.collection_comp(&sc.generators, CompKind::Set(&sc.elt), dst, range)
            }
            E::DictComp(dc) => self.collection_comp(
                &dc.generators,
                CompKind::Dict(&dc.key, &dc.value),
                dst,
                range,
            ),
            E::GeneratorExp(_) => unsupported("generator expressions", self.line(range)),
            E::Yield(_) | E::YieldFrom(_) => unsupported("generators ('yield')", self.line(range)),
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

    fn const_value(&mut self, c: &ast::Constant, range: TextRange) -> CResult<Value> {
        Ok(match c {
            ast::Constant::None => Value::None,
            ast::Constant::Bool(b) => Value::Bool(*b),
            ast::Constant::Int(i) => crate::interp::int_value(self.sh.heap, i.clone()),
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
        if let Some(s) = elts.iter().find(|e| matches!(e, ast::Expr::Starred(_))) {
            return unsupported("starred expressions in displays", self.line(s.range()));
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
        let line = self.line(range);
        if c.args.iter().any(|a| matches!(a, ast::Expr::Starred(_))) {
            return unsupported("'*' unpacking in calls", line);
        }
        if c.keywords.iter().any(|k| k.arg.is_none()) {
            return unsupported("'**' unpacking in calls", line);
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
            let site = self.site(a.attr.as_str());
            self.emit(Op::LoadMethod { base, obj, site }, a.range);
            (base, base.0 + 2)
        } else {
            let base = self.temp();
            self.expr(&c.func, Some(base))?;
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

    /// `[elt for x in it if cond ...]`, inlined. The loop variables get fresh registers
    /// that shadow outer names, so they do not leak (as in Python 3).
    fn list_comp(&mut self, lc: &ast::ExprListComp, dst: Option<Reg>) -> CResult<Reg> {
        let range = lc.range;
        let result = self.temp();
        self.emit(
            Op::BuildList {
                dst: result,
                start: result,
                count: 0,
            },
            range,
        );
        let shadow_mark = self.shadows.len();
        self.comp_level(lc, 0, result)?;
        self.shadows.truncate(shadow_mark);
        Ok(self.move_to(result, dst, range))
    }

    fn comp_level(&mut self, lc: &ast::ExprListComp, level: usize, result: Reg) -> CResult<()> {
        let Some(gen) = lc.generators.get(level) else {
            let floor = self.next_reg;
            let v = self.expr(&lc.elt, None)?;
            self.emit(
                Op::ListAppend {
                    list: result,
                    src: v,
                },
                lc.elt.range(),
            );
            self.next_reg = floor;
            return Ok(());
        };
        if gen.is_async {
            return unsupported("async comprehensions", self.line(lc.range));
        }
        let base = self.temps(3);
        let src = self.iter_expr(&gen.iter)?;
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
        // Bind the target names to fresh registers.
        let mut names = vec![];
        collect_target_names(&gen.target, &mut names);
        for n in names {
            let r = self.temp();
            self.shadows.push((n, r));
        }
        self.store(&gen.target, dst)?;
        let mut skips = vec![];
        for cond in &gen.ifs {
            skips.extend(self.cond_jump(cond, false)?);
        }
        self.comp_level(lc, level + 1, result)?;
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
}

// -- sets and collections

use crate::set::{BUILD_SET_FOLDED, BUILD_SET_FROZEN_CONST, BUILD_SET_PLAIN};

/// What the innermost level of a set or dict comprehension adds.
enum CompKind<'a> {
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

    /// `{elt for x in it ...}` and `{k: v for x in it ...}`, inlined like list
    /// comprehensions (see `list_comp`).
    fn collection_comp(
        &mut self,
        generators: &[ast::Comprehension],
        kind: CompKind,
        dst: Option<Reg>,
        range: TextRange,
    ) -> CResult<Reg> {
        let result = self.temp();
        let op = match kind {
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
        self.collection_comp_level(generators, 0, &kind, result, range)?;
        self.shadows.truncate(shadow_mark);
        Ok(self.move_to(result, dst, range))
    }

    fn collection_comp_level(
        &mut self,
        generators: &[ast::Comprehension],
        level: usize,
        kind: &CompKind,
        result: Reg,
        range: TextRange,
    ) -> CResult<()> {
        let Some(gen) = generators.get(level) else {
            let floor = self.next_reg;
            match kind {
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
        let mut names = vec![];
        collect_target_names(&gen.target, &mut names);
        for n in names {
            let r = self.temp();
            self.shadows.push((n, r));
        }
        self.store(&gen.target, dst)?;
        let mut skips = vec![];
        for cond in &gen.ifs {
            skips.extend(self.cond_jump(cond, false)?);
        }
        self.collection_comp_level(generators, level + 1, kind, result, range)?;
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
    use ast::Operator as O;
    match op {
        O::Add if inplace => Op::InplaceAdd { dst, a, b },
        O::Mult if inplace => Op::InplaceMul { dst, a, b },
        O::BitOr if inplace => Op::InplaceOr { dst, a, b },
        O::BitAnd if inplace => Op::InplaceAnd { dst, a, b },
        O::BitXor if inplace => Op::InplaceXor { dst, a, b },
        O::Sub if inplace => Op::InplaceSub { dst, a, b },
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
        // '@' has no builtin meaning; treated like an unsupported operand pair at run time.
        O::MatMult => Op::Mul { dst, a, b },
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

// -- Scope analysis ---------------------------------------------------------------------

/// Finds the names a function body binds and its `global` declarations.
fn scan_scope(body: &[ast::Stmt], c: &mut FnCompiler) -> CResult<()> {
    let mut assigned: Vec<String> = vec![];
    let mut globals: Vec<(String, TextRange)> = vec![];
    scan_stmts(body, &mut assigned, &mut globals);
    for (g, r) in &globals {
        if c.locals.contains_key(g.as_str()) && (c.locals[g.as_str()].0 as usize) < c.varnames.len()
        {
            return c.syntax_error(&format!("name '{g}' is parameter and global"), *r);
        }
        c.declared_global.insert(g.clone());
    }
    for name in assigned {
        if !c.declared_global.contains(name.as_str()) {
            c.add_local(&name);
        }
    }
    Ok(())
}

fn scan_stmts(body: &[ast::Stmt], out: &mut Vec<String>, globals: &mut Vec<(String, TextRange)>) {
    for s in body {
        scan_stmt(s, out, globals);
    }
}

fn bind(name: &str, out: &mut Vec<String>) {
    if !out.iter().any(|n| n == name) {
        out.push(name.to_string());
    }
}

fn scan_target(t: &ast::Expr, out: &mut Vec<String>) {
    match t {
        ast::Expr::Name(n) => bind(n.id.as_str(), out),
        ast::Expr::Tuple(ast::ExprTuple { elts, .. })
        | ast::Expr::List(ast::ExprList { elts, .. }) => {
            for e in elts {
                scan_target(e, out);
            }
        }
        ast::Expr::Starred(s) => scan_target(&s.value, out),
        _ => {}
    }
}

fn scan_stmt(s: &ast::Stmt, out: &mut Vec<String>, globals: &mut Vec<(String, TextRange)>) {
    use ast::Stmt as S;
    match s {
        S::Assign(a) => {
            for t in &a.targets {
                scan_target(t, out);
            }
            scan_walrus(&a.value, out);
        }
        S::AugAssign(a) => scan_target(&a.target, out),
        S::AnnAssign(a) => scan_target(&a.target, out),
        S::For(f) => {
            scan_target(&f.target, out);
            scan_stmts(&f.body, out, globals);
            scan_stmts(&f.orelse, out, globals);
        }
        S::While(w) => {
            scan_walrus(&w.test, out);
            scan_stmts(&w.body, out, globals);
            scan_stmts(&w.orelse, out, globals);
        }
        S::If(i) => {
            scan_walrus(&i.test, out);
            scan_stmts(&i.body, out, globals);
            scan_stmts(&i.orelse, out, globals);
        }
        S::With(w) => {
            for item in &w.items {
                if let Some(v) = &item.optional_vars {
                    scan_target(v, out);
                }
            }
            scan_stmts(&w.body, out, globals);
        }
        S::Try(t) => {
            scan_stmts(&t.body, out, globals);
            for h in &t.handlers {
                let ast::ExceptHandler::ExceptHandler(h) = h;
                if let Some(n) = &h.name {
                    bind(n.as_str(), out);
                }
                scan_stmts(&h.body, out, globals);
            }
            scan_stmts(&t.orelse, out, globals);
            scan_stmts(&t.finalbody, out, globals);
        }
        S::FunctionDef(f) => bind(f.name.as_str(), out),
        S::ClassDef(c) => bind(c.name.as_str(), out),
        S::Delete(d) => {
            for t in &d.targets {
                scan_target(t, out);
            }
        }
        S::Import(i) => {
            for a in &i.names {
                let n = a
                    .asname
                    .as_ref()
                    .map(|x| x.as_str())
                    .unwrap_or_else(|| a.name.as_str().split('.').next().unwrap_or(""));
                bind(n, out);
            }
        }
        S::ImportFrom(i) => {
            for a in &i.names {
                bind(
                    a.asname
                        .as_ref()
                        .map(|x| x.as_str())
                        .unwrap_or(a.name.as_str()),
                    out,
                );
            }
        }
        S::Global(g) => {
            for n in &g.names {
                globals.push((n.to_string(), g.range));
            }
        }
        S::Expr(e) => scan_walrus(&e.value, out),
        S::Return(r) => {
            if let Some(v) = &r.value {
                scan_walrus(v, out);
            }
        }
        _ => {}
    }
}

/// `(x := ...)` binds `x` in the enclosing function.
fn scan_walrus(e: &ast::Expr, out: &mut Vec<String>) {
    if let ast::Expr::NamedExpr(n) = e {
        scan_target(&n.target, out);
        scan_walrus(&n.value, out);
    }
}
