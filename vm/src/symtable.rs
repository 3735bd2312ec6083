//! Symtable: the scope analysis pass that runs before code generation.
//!
//! One `Scope` per module, function, lambda, class body and comprehension, found by
//! the address of its AST node. The first pass (`Builder`) records, for every name a
//! scope mentions, how (assigned, parameter, `global`, `nonlocal`, used) — and raises
//! CPython's SyntaxErrors for misplaced declarations. The second (`analyze`) resolves
//! every name as CPython 3.11 does:
//!
//! - `Local`: bound in this scope (assigned, parameter, import, def, class, for target);
//! - `Cell`: a local that a nested function captures;
//! - `Free`: bound in an enclosing *function* scope (class bodies are skipped: their
//!   names are not visible to nested functions), or declared `nonlocal`;
//! - `GlobalExplicit` / `GlobalImplicit`: module-level (or builtin).
//!
//! Comprehensions are compiled inline (in the enclosing frame, with fresh registers
//! for their variables), so a name a comprehension merely *uses* from its enclosing
//! function needs no cell: analysis only makes it a cell when a real function nested
//! in the comprehension captures it ("real" free variables). Comprehension variables
//! captured by a lambda are cells created when the comprehension starts — the same
//! sharing CPython's comprehension functions give (`[lambda: i for i in r]` all see
//! the last `i`).
//!
//! Class bodies get an implicit `__class__` cell when a method (or a function nested
//! in one) uses `super` or `__class__`; that is how zero-argument `super()` finds its
//! class (`MakeClass` fills the cell).

use crate::parser::{ast, TextRange};
use hashbrown::{HashMap, HashSet};

/// Index of a scope in `SymTable::scopes`.
pub type ScopeId = usize;

/// What kind of block a scope is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ScopeKind {
    /// The module.
    Module,
    /// A `def` or `lambda`.
    Function,
    /// A class body.
    Class,
    /// A list/set/dict comprehension (compiled inline).
    Comprehension,
    /// A generator expression (a real function in CPython).
    GenExpr,
}

/// How a name is resolved in a scope.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Binding {
    /// A local variable (a register).
    Local,
    /// A local captured by a nested function (a register holding a cell).
    Cell,
    /// A variable of an enclosing function (a closure register holding a cell).
    Free,
    /// Declared `global`.
    GlobalExplicit,
    /// Not bound in any enclosing function: a module global or builtin.
    GlobalImplicit,
}

const DEF_LOCAL: u8 = 1;
const DEF_PARAM: u8 = 2;
const DEF_GLOBAL: u8 = 4;
const DEF_NONLOCAL: u8 = 8;
const USE: u8 = 16;
/// Bound by `:=` inside a comprehension: resolved like a use here, bound outside.
const COMP_WALRUS: u8 = 32;

/// One scope.
pub struct Scope {
    /// Its kind.
    pub kind: ScopeKind,
    /// Parent scope (None for the module).
    pub parent: Option<ScopeId>,
    /// Nested scopes, in source order.
    pub children: Vec<ScopeId>,
    flags: HashMap<String, u8>,
    /// Names in the order first mentioned.
    pub order: Vec<String>,
    nonlocal_at: HashMap<String, TextRange>,
    global_at: HashMap<String, TextRange>,
    bindings: HashMap<String, Binding>,
    /// Free variables (their closure registers follow the locals), in a fixed order.
    pub freevars: Vec<String>,
    /// Class scopes: needs the implicit `__class__` cell.
    pub needs_class_cell: bool,
}

impl Scope {
    fn new(kind: ScopeKind, parent: Option<ScopeId>) -> Scope {
        Scope {
            kind,
            parent,
            children: vec![],
            flags: HashMap::new(),
            order: vec![],
            nonlocal_at: HashMap::new(),
            global_at: HashMap::new(),
            bindings: HashMap::new(),
            freevars: vec![],
            needs_class_cell: false,
        }
    }

    /// How `name` resolves here (None: never mentioned).
    pub fn binding(&self, name: &str) -> Option<Binding> {
        self.bindings.get(name).copied()
    }

    /// Whether `name` is a parameter.
    pub fn is_param(&self, name: &str) -> bool {
        self.flags.get(name).is_some_and(|f| f & DEF_PARAM != 0)
    }

    fn is_function_like(&self) -> bool {
        matches!(
            self.kind,
            ScopeKind::Function | ScopeKind::Comprehension | ScopeKind::GenExpr
        )
    }
}

/// The scopes of a module.
pub struct SymTable {
    /// Every scope; 0 is the module.
    pub scopes: Vec<Scope>,
    by_node: HashMap<usize, ScopeId>,
}

/// A SyntaxError found by the analysis: message and where.
pub type SymError = (String, TextRange);

/// The message of a `SymError` for an AST nested deeper than CPython compiles.
pub const TOO_DEEP: &str = "\0too deep";
/// The message of a `SymError` for what overflows CPython's parser stack.
pub const PARSER_OVERFLOW: &str = "\0parser overflow";

/// CPython's private name mangling: inside class `C`, `__spam` (not ending in `__`)
/// means `_C__spam` (leading underscores of the class name stripped).
pub fn mangle(private: Option<&str>, name: &str) -> String {
    if let Some(cls) = private {
        if name.starts_with("__") && !name.ends_with("__") && !name.contains('.') {
            let stripped = cls.trim_start_matches('_');
            if !stripped.is_empty() {
                return format!("_{stripped}{name}");
            }
        }
    }
    name.to_string()
}

/// The scope key of an AST node.
pub fn node_key<T>(node: &T) -> usize {
    node as *const T as usize
}

impl SymTable {
    /// Analyzes a module.
    pub fn build(module: &[ast::Stmt]) -> Result<SymTable, SymError> {
        let mut b = Builder {
            t: SymTable {
                scopes: vec![Scope::new(ScopeKind::Module, None)],
                by_node: HashMap::new(),
            },
            cur: 0,
            private: None,
            depth: 1,
        };
        b.stmts(module)?;
        let mut t = b.t;
        t.analyze(0, &HashSet::new(), &HashSet::new())?;
        Ok(t)
    }

    /// The scope of a function, lambda, class or comprehension node.
    pub fn scope_of<T>(&self, node: &T) -> Option<ScopeId> {
        self.by_node.get(&node_key(node)).copied()
    }

    /// Resolves every name of scope `id` and its children; returns the free names
    /// it needs from its parent, each with whether a real cell is needed.
    fn analyze(
        &mut self,
        id: ScopeId,
        bound: &HashSet<String>,
        globals: &HashSet<String>,
    ) -> Result<HashMap<String, bool>, SymError> {
        let kind = self.scopes[id].kind;
        let mut local: HashSet<String> = HashSet::new();
        let mut explicit_globals: HashSet<String> = HashSet::new();
        let order = self.scopes[id].order.clone();
        for name in &order {
            let f = self.scopes[id].flags[name];
            if f & DEF_NONLOCAL != 0 {
                if f & DEF_GLOBAL != 0 {
                    let at = self.scopes[id].global_at[name];
                    return Err((format!("name '{name}' is nonlocal and global"), at));
                }
                if kind == ScopeKind::Module {
                    let at = self.scopes[id].nonlocal_at[name];
                    return Err((
                        "nonlocal declaration not allowed at module level".into(),
                        at,
                    ));
                }
            }
            let b = if kind == ScopeKind::Module {
                if f & DEF_GLOBAL != 0 {
                    Binding::GlobalExplicit
                } else {
                    Binding::GlobalImplicit
                }
            } else if f & DEF_GLOBAL != 0 {
                explicit_globals.insert(name.clone());
                Binding::GlobalExplicit
            } else if f & DEF_NONLOCAL != 0 {
                if !bound.contains(name) {
                    let at = self.scopes[id].nonlocal_at[name];
                    return Err((format!("no binding for nonlocal '{name}' found"), at));
                }
                Binding::Free
            } else if f & (DEF_LOCAL | DEF_PARAM) != 0 {
                local.insert(name.clone());
                Binding::Local
            } else if bound.contains(name) {
                Binding::Free
            } else {
                Binding::GlobalImplicit
            };
            self.scopes[id].bindings.insert(name.clone(), b);
        }
        let (new_bound, new_globals) = match kind {
            ScopeKind::Module => (HashSet::new(), HashSet::new()),
            ScopeKind::Class => {
                let mut nb = bound.clone();
                nb.insert("__class__".to_string());
                let mut ng = globals.clone();
                ng.extend(explicit_globals.iter().cloned());
                (nb, ng)
            }
            _ => {
                let mut nb: HashSet<String> = bound
                    .iter()
                    .filter(|n| !explicit_globals.contains(*n))
                    .cloned()
                    .collect();
                nb.extend(local.iter().cloned());
                let mut ng: HashSet<String> = globals
                    .iter()
                    .filter(|n| !local.contains(*n))
                    .cloned()
                    .collect();
                ng.extend(explicit_globals.iter().cloned());
                (nb, ng)
            }
        };
        let mut child_free: Vec<(String, bool)> = vec![];
        let children = self.scopes[id].children.clone();
        for c in children {
            let f = self.analyze(c, &new_bound, &new_globals)?;
            let mut names: Vec<(String, bool)> = f.into_iter().collect();
            names.sort();
            for (n, real) in names {
                match child_free.iter_mut().find(|(m, _)| *m == n) {
                    Some(e) => e.1 |= real,
                    None => child_free.push((n, real)),
                }
            }
        }
        // Names this scope must get from its parent.
        let mut out: HashMap<String, bool> = HashMap::new();
        let own_real = kind != ScopeKind::Comprehension;
        for name in &order {
            if self.scopes[id].bindings[name] == Binding::Free {
                out.insert(name.clone(), own_real);
            }
        }
        let scope = &mut self.scopes[id];
        for (name, real) in child_free {
            if kind == ScopeKind::Class && name == "__class__" {
                scope.needs_class_cell = true;
                continue;
            }
            match scope.bindings.get(&name).copied() {
                Some(Binding::Local) if scope.is_function_like() => {
                    if real {
                        scope.bindings.insert(name.clone(), Binding::Cell);
                    }
                }
                Some(Binding::Cell) => {}
                Some(Binding::Free) => {
                    let e = out.entry(name.clone()).or_insert(false);
                    *e |= real || own_real;
                }
                Some(_) if kind == ScopeKind::Class => {
                    // Bound (or global) in the class body itself, but the nested code
                    // means the enclosing function's variable: pass it through.
                    if !scope.freevars.contains(&name) {
                        scope.freevars.push(name.clone());
                    }
                    out.insert(name.clone(), true);
                }
                _ => {
                    scope.bindings.insert(name.clone(), Binding::Free);
                    scope.order.push(name.clone());
                    out.insert(name.clone(), real || own_real);
                }
            }
        }
        let names: Vec<String> = scope
            .order
            .iter()
            .filter(|n| scope.bindings.get(*n) == Some(&Binding::Free))
            .cloned()
            .collect();
        for n in names {
            if !scope.freevars.contains(&n) {
                scope.freevars.push(n);
            }
        }
        if kind == ScopeKind::Module {
            return Ok(HashMap::new());
        }
        Ok(out)
    }
}

struct Builder {
    t: SymTable,
    cur: ScopeId,
    /// AST nesting depth (bounded like the compiler's, see `compiler::MAX_AST_DEPTH`).
    depth: u32,
    /// The innermost enclosing class name (for name mangling).
    private: Option<String>,
}

impl Builder {
    fn scope(&mut self) -> &mut Scope {
        &mut self.t.scopes[self.cur]
    }

    fn add(&mut self, name: &str, flag: u8) {
        let name = mangle(self.private.as_deref(), name);
        let s = self.scope();
        match s.flags.get_mut(&name) {
            Some(f) => *f |= flag,
            None => {
                s.flags.insert(name.clone(), flag);
                s.order.push(name);
            }
        }
    }

    fn push(&mut self, kind: ScopeKind, key: usize) -> ScopeId {
        let id = self.t.scopes.len();
        self.t.scopes.push(Scope::new(kind, Some(self.cur)));
        self.t.scopes[self.cur].children.push(id);
        self.t.by_node.insert(key, id);
        let parent = self.cur;
        self.cur = id;
        parent
    }

    fn stmts(&mut self, body: &[ast::Stmt]) -> Result<(), SymError> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn exprs<'a>(&mut self, es: impl IntoIterator<Item = &'a ast::Expr>) -> Result<(), SymError> {
        for e in es {
            self.expr(e)?;
        }
        Ok(())
    }

    fn args_defaults(&mut self, a: &ast::Arguments) -> Result<(), SymError> {
        for d in a
            .posonlyargs
            .iter()
            .chain(a.args.iter())
            .chain(a.kwonlyargs.iter())
        {
            if let Some(d) = &d.default {
                self.expr(d)?;
            }
            if let Some(an) = &d.def.annotation {
                self.expr(an)?;
            }
        }
        for v in a.vararg.iter().chain(a.kwarg.iter()) {
            if let Some(an) = &v.annotation {
                self.expr(an)?;
            }
        }
        Ok(())
    }

    fn params(&mut self, a: &ast::Arguments) {
        for p in a
            .posonlyargs
            .iter()
            .chain(a.args.iter())
            .chain(a.kwonlyargs.iter())
        {
            self.add(p.def.arg.as_str(), DEF_PARAM);
        }
        for v in a.vararg.iter().chain(a.kwarg.iter()) {
            self.add(v.arg.as_str(), DEF_PARAM);
        }
    }

    fn enter(&mut self, r: TextRange) -> Result<(), SymError> {
        self.depth += 1;
        if self.depth > crate::compiler::MAX_AST_DEPTH {
            return Err((TOO_DEEP.to_string(), r));
        }
        Ok(())
    }

    fn stmt(&mut self, s: &ast::Stmt) -> Result<(), SymError> {
        use crate::parser::Ranged;
        self.enter(s.range())?;
        let r = self.stmt_inner(s);
        self.depth -= 1;
        r
    }

    fn stmt_inner(&mut self, s: &ast::Stmt) -> Result<(), SymError> {
        use ast::Stmt as S;
        match s {
            S::FunctionDef(f) => {
                self.exprs(&f.decorator_list)?;
                self.args_defaults(&f.args)?;
                if let Some(r) = &f.returns {
                    self.expr(r)?;
                }
                self.add(f.name.as_str(), DEF_LOCAL);
                let parent = self.push(ScopeKind::Function, node_key(f));
                self.params(&f.args);
                self.stmts(&f.body)?;
                self.cur = parent;
            }
            S::AsyncFunctionDef(f) => {
                self.exprs(&f.decorator_list)?;
                self.add(f.name.as_str(), DEF_LOCAL);
            }
            S::ClassDef(c) => {
                self.exprs(&c.decorator_list)?;
                self.exprs(&c.bases)?;
                for k in &c.keywords {
                    self.expr(&k.value)?;
                }
                self.add(c.name.as_str(), DEF_LOCAL);
                let parent = self.push(ScopeKind::Class, node_key(c));
                let saved_private = self.private.replace(c.name.to_string());
                if let Some(ast::Stmt::Expr(e)) = c.body.first() {
                    if let ast::Expr::Constant(k) = &*e.value {
                        if matches!(k.value, ast::Constant::Str(_)) {
                            self.add("__doc__", DEF_LOCAL);
                        }
                    }
                }
                let r = self.stmts(&c.body);
                self.private = saved_private;
                r?;
                self.cur = parent;
            }
            S::Return(r) => {
                if let Some(v) = &r.value {
                    self.expr(v)?;
                }
            }
            S::Delete(d) => self.exprs(&d.targets)?,
            S::Assign(a) => {
                self.expr(&a.value)?;
                self.exprs(&a.targets)?;
            }
            S::AugAssign(a) => {
                self.expr(&a.value)?;
                if let ast::Expr::Name(n) = &*a.target {
                    self.add(n.id.as_str(), DEF_LOCAL | USE);
                } else {
                    self.expr(&a.target)?;
                }
            }
            S::AnnAssign(a) => {
                if let Some(v) = &a.value {
                    self.expr(v)?;
                }
                if self.scope().kind != ScopeKind::Function {
                    self.expr(&a.annotation)?;
                }
                if let ast::Expr::Name(n) = &*a.target {
                    self.add(n.id.as_str(), DEF_LOCAL);
                } else {
                    self.expr(&a.target)?;
                }
            }
            S::For(f) => {
                self.expr(&f.iter)?;
                self.expr(&f.target)?;
                self.stmts(&f.body)?;
                self.stmts(&f.orelse)?;
            }
            S::AsyncFor(f) => {
                self.expr(&f.iter)?;
                self.expr(&f.target)?;
                self.stmts(&f.body)?;
                self.stmts(&f.orelse)?;
            }
            S::While(w) => {
                self.expr(&w.test)?;
                self.stmts(&w.body)?;
                self.stmts(&w.orelse)?;
            }
            S::If(i) => {
                self.expr(&i.test)?;
                self.stmts(&i.body)?;
                self.stmts(&i.orelse)?;
            }
            S::With(w) => {
                for it in &w.items {
                    self.expr(&it.context_expr)?;
                    if let Some(v) = &it.optional_vars {
                        self.expr(v)?;
                    }
                }
                self.stmts(&w.body)?;
            }
            S::AsyncWith(w) => {
                for it in &w.items {
                    self.expr(&it.context_expr)?;
                    if let Some(v) = &it.optional_vars {
                        self.expr(v)?;
                    }
                }
                self.stmts(&w.body)?;
            }
            S::Match(m) => self.expr(&m.subject)?,
            S::Raise(r) => {
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                }
                if let Some(c) = &r.cause {
                    self.expr(c)?;
                }
            }
            S::Try(t) => {
                self.stmts(&t.body)?;
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(ty) = &h.type_ {
                        self.expr(ty)?;
                    }
                    if let Some(n) = &h.name {
                        self.add(n.as_str(), DEF_LOCAL);
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(&t.orelse)?;
                self.stmts(&t.finalbody)?;
            }
            S::TryStar(t) => {
                self.stmts(&t.body)?;
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(ty) = &h.type_ {
                        self.expr(ty)?;
                    }
                    if let Some(n) = &h.name {
                        self.add(n.as_str(), DEF_LOCAL);
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(&t.orelse)?;
                self.stmts(&t.finalbody)?;
            }
            S::Assert(a) => {
                self.expr(&a.test)?;
                if let Some(m) = &a.msg {
                    self.expr(m)?;
                }
            }
            S::Import(i) => {
                for a in &i.names {
                    let n = a
                        .asname
                        .as_ref()
                        .map(|x| x.as_str())
                        .unwrap_or_else(|| a.name.as_str().split('.').next().unwrap_or(""));
                    self.add(n, DEF_LOCAL);
                }
            }
            S::ImportFrom(i) => {
                for a in &i.names {
                    if a.name.as_str() == "*" {
                        continue;
                    }
                    let n = a
                        .asname
                        .as_ref()
                        .map(|x| x.as_str())
                        .unwrap_or(a.name.as_str());
                    self.add(n, DEF_LOCAL);
                }
            }
            S::Global(g) => {
                for n in &g.names {
                    let mangled = mangle(self.private.as_deref(), n.as_str());
                    let name = mangled.as_str();
                    let f = self.scope().flags.get(name).copied().unwrap_or(0);
                    let msg = if f & DEF_PARAM != 0 {
                        Some("is parameter and global")
                    } else if f & USE != 0 {
                        Some("is used prior to global declaration")
                    } else if f & DEF_LOCAL != 0 {
                        Some("is assigned to before global declaration")
                    } else {
                        None
                    };
                    if let Some(m) = msg {
                        return Err((format!("name '{name}' {m}"), g.range));
                    }
                    self.add(name, DEF_GLOBAL);
                    self.scope().global_at.insert(name.to_string(), g.range);
                }
            }
            S::Nonlocal(n) => {
                for id in &n.names {
                    let mangled = mangle(self.private.as_deref(), id.as_str());
                    let name = mangled.as_str();
                    let f = self.scope().flags.get(name).copied().unwrap_or(0);
                    let msg = if f & DEF_PARAM != 0 {
                        Some("is parameter and nonlocal")
                    } else if f & USE != 0 {
                        Some("is used prior to nonlocal declaration")
                    } else if f & DEF_LOCAL != 0 {
                        Some("is assigned to before nonlocal declaration")
                    } else {
                        None
                    };
                    if let Some(m) = msg {
                        return Err((format!("name '{name}' {m}"), n.range));
                    }
                    self.add(name, DEF_NONLOCAL);
                    self.scope().nonlocal_at.insert(name.to_string(), n.range);
                }
            }
            S::Expr(e) => self.expr(&e.value)?,
            S::Pass(_) | S::Break(_) | S::Continue(_) | S::TypeAlias(_) => {}
        }
        Ok(())
    }

    fn comprehension(
        &mut self,
        key: usize,
        kind: ScopeKind,
        gens: &[ast::Comprehension],
        elts: &[&ast::Expr],
    ) -> Result<(), SymError> {
        let Some(first) = gens.first() else {
            return Ok(());
        };
        self.expr(&first.iter)?;
        let parent = self.push(kind, key);
        for (i, g) in gens.iter().enumerate() {
            if i > 0 {
                self.expr(&g.iter)?;
            }
            self.expr(&g.target)?;
            self.exprs(&g.ifs)?;
        }
        for e in elts {
            self.expr(e)?;
        }
        self.cur = parent;
        Ok(())
    }

    fn expr(&mut self, e: &ast::Expr) -> Result<(), SymError> {
        use crate::parser::Ranged;
        if let ast::Expr::UnaryOp(_) = e {
            let mut n = 0;
            let mut x = e;
            while let ast::Expr::UnaryOp(u) = x {
                n += 1;
                x = &u.operand;
            }
            if n >= crate::compiler::MAX_UNARY_CHAIN {
                return Err((PARSER_OVERFLOW.to_string(), e.range()));
            }
        }
        self.enter(e.range())?;
        let r = self.expr_inner(e);
        self.depth -= 1;
        r
    }

    fn expr_inner(&mut self, e: &ast::Expr) -> Result<(), SymError> {
        use ast::Expr as E;
        match e {
            E::Name(n) => {
                let name = n.id.as_str();
                match n.ctx {
                    ast::ExprContext::Load => {
                        self.add(name, USE);
                        if name == "super" || name == "__class__" {
                            self.add("__class__", USE);
                        }
                    }
                    _ => self.add(name, DEF_LOCAL),
                }
            }
            E::NamedExpr(n) => {
                self.expr(&n.value)?;
                if let E::Name(t) = &*n.target {
                    let mangled = mangle(self.private.as_deref(), t.id.as_str());
                    let name = mangled.as_str();
                    // Binds in the nearest enclosing non-comprehension scope.
                    let mut s = self.cur;
                    while self.t.scopes[s].kind == ScopeKind::Comprehension {
                        let sc = &mut self.t.scopes[s];
                        match sc.flags.get_mut(name) {
                            Some(f) => *f |= COMP_WALRUS,
                            None => {
                                sc.flags.insert(name.to_string(), COMP_WALRUS);
                                sc.order.push(name.to_string());
                            }
                        }
                        s = sc.parent.unwrap_or(0);
                    }
                    let saved = self.cur;
                    self.cur = s;
                    self.add(name, DEF_LOCAL);
                    self.cur = saved;
                } else {
                    self.expr(&n.target)?;
                }
            }
            E::Lambda(l) => {
                self.args_defaults(&l.args)?;
                let parent = self.push(ScopeKind::Function, node_key(l));
                self.params(&l.args);
                self.expr(&l.body)?;
                self.cur = parent;
            }
            E::ListComp(c) => self.comprehension(
                node_key(c),
                ScopeKind::Comprehension,
                &c.generators,
                &[&c.elt],
            )?,
            E::SetComp(c) => self.comprehension(
                node_key(c),
                ScopeKind::Comprehension,
                &c.generators,
                &[&c.elt],
            )?,
            E::DictComp(c) => self.comprehension(
                node_key(c),
                ScopeKind::Comprehension,
                &c.generators,
                &[&c.key, &c.value],
            )?,
            E::GeneratorExp(c) => {
                self.comprehension(node_key(c), ScopeKind::GenExpr, &c.generators, &[&c.elt])?
            }
            E::BoolOp(b) => self.exprs(&b.values)?,
            E::BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
            }
            E::UnaryOp(u) => self.expr(&u.operand)?,
            E::IfExp(i) => {
                self.expr(&i.test)?;
                self.expr(&i.body)?;
                self.expr(&i.orelse)?;
            }
            E::Dict(d) => {
                for k in d.keys.iter().flatten() {
                    self.expr(k)?;
                }
                self.exprs(&d.values)?;
            }
            E::Set(s) => self.exprs(&s.elts)?,
            E::Await(a) => self.expr(&a.value)?,
            E::Yield(y) => {
                if let Some(v) = &y.value {
                    self.expr(v)?;
                }
            }
            E::YieldFrom(y) => self.expr(&y.value)?,
            E::Compare(c) => {
                self.expr(&c.left)?;
                self.exprs(&c.comparators)?;
            }
            E::Call(c) => {
                self.expr(&c.func)?;
                self.exprs(&c.args)?;
                for k in &c.keywords {
                    self.expr(&k.value)?;
                }
            }
            E::FormattedValue(f) => {
                self.expr(&f.value)?;
                if let Some(s) = &f.format_spec {
                    self.expr(s)?;
                }
            }
            E::JoinedStr(j) => self.exprs(&j.values)?,
            E::Constant(_) => {}
            E::Attribute(a) => self.expr(&a.value)?,
            E::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
            }
            E::Starred(s) => self.expr(&s.value)?,
            E::List(l) => self.exprs(&l.elts)?,
            E::Tuple(t) => self.exprs(&t.elts)?,
            E::Slice(s) => {
                for p in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.expr(p)?;
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(src: &str) -> (Vec<ast::Stmt>, Result<SymTable, SymError>) {
        let m = crate::parser::parse_module(src, "<test>").expect("parses");
        let t = SymTable::build(&m);
        (m, t)
    }

    #[test]
    fn closure_cells_and_frees() {
        let (m, t) =
            table("def f(a):\n    b = 1\n    def g():\n        return a + c\n    return g\n");
        let t = t.unwrap();
        let ast::Stmt::FunctionDef(f) = &m[0] else {
            panic!()
        };
        let fs = t.scope_of(f).unwrap();
        assert_eq!(t.scopes[fs].binding("a"), Some(Binding::Cell));
        assert_eq!(t.scopes[fs].binding("b"), Some(Binding::Local));
        let gs = t.scopes[fs].children[0];
        assert_eq!(t.scopes[gs].binding("a"), Some(Binding::Free));
        assert_eq!(t.scopes[gs].binding("c"), Some(Binding::GlobalImplicit));
        assert_eq!(t.scopes[gs].freevars, vec!["a".to_string()]);
    }

    #[test]
    fn class_scope_is_skipped() {
        let (m, t) = table("def f():\n    x = 1\n    class A:\n        x = 2\n        def m(self):\n            return x\n    return A\n");
        let t = t.unwrap();
        let ast::Stmt::FunctionDef(f) = &m[0] else {
            panic!()
        };
        let fs = t.scope_of(f).unwrap();
        assert_eq!(t.scopes[fs].binding("x"), Some(Binding::Cell));
        let cs = t.scopes[fs].children[0];
        assert_eq!(t.scopes[cs].binding("x"), Some(Binding::Local));
        assert_eq!(t.scopes[cs].freevars, vec!["x".to_string()]);
        let ms = t.scopes[cs].children[0];
        assert_eq!(t.scopes[ms].binding("x"), Some(Binding::Free));
    }

    #[test]
    fn nonlocal_errors() {
        let (_, t) = table("def f():\n    nonlocal x\n");
        assert_eq!(t.err().unwrap().0, "no binding for nonlocal 'x' found");
        let (_, t) = table("nonlocal x\n");
        assert_eq!(
            t.err().unwrap().0,
            "nonlocal declaration not allowed at module level"
        );
        let (_, t) = table("def f(a):\n    global a\n");
        assert_eq!(t.err().unwrap().0, "name 'a' is parameter and global");
    }

    #[test]
    fn super_needs_class_cell() {
        let (m, t) = table("class A:\n    def m(self):\n        return super().m()\n");
        let t = t.unwrap();
        let ast::Stmt::ClassDef(c) = &m[0] else {
            panic!()
        };
        let cs = t.scope_of(c).unwrap();
        assert!(t.scopes[cs].needs_class_cell);
        let ms = t.scopes[cs].children[0];
        assert_eq!(t.scopes[ms].binding("__class__"), Some(Binding::Free));
    }

    #[test]
    fn comprehension_uses_need_no_cell() {
        let (m, t) = table("def f(n):\n    return [i * n for i in range(n)]\n");
        let t = t.unwrap();
        let ast::Stmt::FunctionDef(f) = &m[0] else {
            panic!()
        };
        let fs = t.scope_of(f).unwrap();
        assert_eq!(t.scopes[fs].binding("n"), Some(Binding::Local));
        let (m, t) = table("def f(n):\n    return [lambda: i * n for i in range(n)]\n");
        let t = t.unwrap();
        let ast::Stmt::FunctionDef(f) = &m[0] else {
            panic!()
        };
        let fs = t.scope_of(f).unwrap();
        assert_eq!(t.scopes[fs].binding("n"), Some(Binding::Cell));
        let cs = t.scopes[fs].children[0];
        assert_eq!(t.scopes[cs].binding("i"), Some(Binding::Cell));
    }
}
