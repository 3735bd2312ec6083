//! The program generator: a seeded, typed, grammar-ish generator of Python
//! programs inside tvm's supported subset, biased toward what breaks JITs.
//!
//! Every expression is generated for a `Kind` (int, float, int-or-float-or-bool,
//! list of ints, ...), so programs rarely raise by accident; they raise on
//! purpose (risky operations inside `try`, raising helpers, a rare uncaught
//! error). The biases the issue asks for:
//!
//! - hot loops (counts around and far beyond the JIT's `hotloop`), nested up to
//!   three deep, with a cost budget so every program finishes quickly;
//! - variables of kind `Num` that change type inside loops (int → float → bool),
//!   often after a late iteration (`i >= K`);
//! - ints near and across 2**63 (edge literals, recurrences reduced modulo
//!   2**64 + c or 2**63 + c, shifts, negation of -2**63);
//! - branches whose direction flips late, data-dependent `break`/`continue`;
//! - calls (inlined by the JIT) with changing argument types, recursion, generators;
//! - lists indexed at and past their bounds, inside `try`;
//! - exceptions raised inside hot loops and inlined calls;
//! - feature-gated: classes (objects of several classes through one call site,
//!   user exceptions), closures and lambdas, sets.
//!
//! Programs print a checksum line per loop (sampled for long loops) and every
//! variable at the end, so a wrong value shows.

use crate::ast::*;
use crate::rng::Rng;

/// Optional language features. Off by default until tvm supports them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Features {
    pub exceptions: bool,
    pub generators: bool,
    pub varargs: bool,
    pub classes: bool,
    pub closures: bool,
    pub sets: bool,
}

/// Every feature name, for `--features` and the docs.
pub const FEATURE_NAMES: &[&str] = &[
    "exceptions",
    "generators",
    "varargs",
    "classes",
    "closures",
    "sets",
];

impl Default for Features {
    fn default() -> Features {
        Features {
            exceptions: true,
            generators: true,
            varargs: true,
            // Checked after classes, closures and sets landed: 2441 programs with
            // all three, no divergence.
            classes: true,
            closures: true,
            sets: true,
        }
    }
}

impl Features {
    /// Applies a comma list: `classes,closures` turns them on, `-generators` off,
    /// `all` / `none` set everything.
    pub fn apply(&mut self, spec: &str) -> Result<(), String> {
        for item in spec.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            let (on, name) = match item.strip_prefix('-') {
                Some(n) => (false, n),
                None => (true, item.strip_prefix('+').unwrap_or(item)),
            };
            match name {
                "all" | "none" => {
                    let v = (name == "all") == on;
                    *self = Features {
                        exceptions: v,
                        generators: v,
                        varargs: v,
                        classes: v,
                        closures: v,
                        sets: v,
                    };
                }
                "exceptions" => self.exceptions = on,
                "generators" => self.generators = on,
                "varargs" => self.varargs = on,
                "classes" => self.classes = on,
                "closures" => self.closures = on,
                "sets" => self.sets = on,
                _ => {
                    return Err(format!(
                        "unknown feature '{name}' (known: {}, all, none)",
                        FEATURE_NAMES.join(", ")
                    ))
                }
            }
        }
        Ok(())
    }

    pub fn describe(&self) -> String {
        let on = [
            self.exceptions,
            self.generators,
            self.varargs,
            self.classes,
            self.closures,
            self.sets,
        ];
        let v: Vec<&str> = FEATURE_NAMES
            .iter()
            .zip(on)
            .filter(|(_, o)| *o)
            .map(|(n, _)| *n)
            .collect();
        if v.is_empty() {
            "none".into()
        } else {
            v.join(",")
        }
    }
}

/// Generates the program for `seed`.
pub fn generate(seed: u64, features: Features) -> Program {
    let mut g = Gen {
        rng: Rng::new(seed),
        f: features,
        next_id: 0,
        funcs: vec![],
        classes: vec![],
        exc_classes: vec![],
        globals: vec![],
    };
    g.program()
}

/// Iterations a program may run, summed over its loops (weighted by nesting).
const BUDGET: u64 = 4000;
/// What one call of a helper function may cost.
const HELPER_BUDGET: u64 = 12;

#[derive(Clone, Debug)]
struct Var {
    name: String,
    kind: Kind,
    write: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum FnShape {
    /// Plain function: params, body, return.
    Plain,
    /// `rK(n, acc)`: linear recursion, depth `n`.
    Recursive,
    /// `tK(n)`: tree recursion (fibonacci-like).
    Tree,
    /// Generator: yields ints.
    Generator,
    /// Raises ValueError (or a user exception) when its argument passes a bound.
    Raiser,
    /// A closure-returning factory `mkK(k)` (feature closures); its result is a Fn.
    Factory,
    /// Positional parameters, a JIT-friendly body: inlined into traces.
    Simple,
}

#[derive(Clone, Debug)]
struct Func {
    name: String,
    shape: FnShape,
    ret: Kind,
    /// (name, kind, has a default).
    params: Vec<(String, Kind, bool)>,
    star: bool,
    kw: bool,
}

#[derive(Clone, Debug)]
struct ClassInfo {
    name: String,
}

#[derive(Clone, Debug, Default)]
struct Scope {
    vars: Vec<Var>,
    /// Extra leaf expressions (`len(args)`, ...).
    leaves: Vec<Expr>,
    /// Names of the enclosing loops' counters (innermost last) and their counts.
    loops: Vec<(String, i64)>,
    /// Product of the enclosing loops' iteration counts.
    mult: u64,
    budget: u64,
    in_func: bool,
    in_gen: bool,
    ret: Option<Kind>,
    in_try: bool,
    /// Lists and dicts an enclosing `for` iterates: no structural mutation.
    frozen: Vec<String>,
    /// Loop nesting depth.
    depth: u32,
    /// Generate only what the trace recorder compiles (ints, floats, lists,
    /// branches, simple calls), so loops actually run as machine code.
    jit: bool,
    /// Nesting of compound statements (bounds the program's size).
    nest: u32,
    /// Statements still allowed in this function or phase.
    room: i32,
}

struct Gen {
    rng: Rng,
    f: Features,
    next_id: usize,
    funcs: Vec<Func>,
    classes: Vec<ClassInfo>,
    exc_classes: Vec<String>,
    globals: Vec<Var>,
}

const INT_EDGES: &[&str] = &[
    "9223372036854775807",
    "9223372036854775808",
    "(-9223372036854775808)",
    "(-9223372036854775809)",
    "4611686018427387904",
    "18446744073709551615",
    "18446744073709551616",
    "(2 ** 63)",
    "(2 ** 63 - 1)",
    "(2 ** 64 + 13)",
    "(-(2 ** 63))",
    "(10 ** 20)",
    "(1 << 62)",
    "0x7fffffffffffffff",
    "3037000499",
    "3037000500",
    "2147483647",
    "2147483648",
    "4294967296",
    "(-2147483648)",
    "9007199254740993",
];

const SMALL_INTS: &[i64] = &[
    0, 1, 2, 3, 5, 7, 10, 16, 31, 63, 64, 100, 255, 1000, -1, -2, -7,
];

const FLOATS: &[&str] = &[
    "0.0",
    "0.5",
    "1.5",
    "2.5",
    "3.0",
    "0.1",
    "1e16",
    "1e300",
    "1e-300",
    "(-2.25)",
    "(-0.0)",
    "9007199254740992.0",
    "1e+100",
    "(-1.5)",
    "123.456",
    "4.5",
    "math.pi",
    "math.e",
];

const RARE_FLOATS: &[&str] = &[
    "math.inf",
    "(-math.inf)",
    "math.nan",
    "1.7976931348623157e+308",
];

/// Moduli that keep recurrences bounded; several sit across 2**63 and 2**64.
const INT_MODS: &[&str] = &[
    "(2 ** 64 + 13)",
    "(2 ** 63 + 7)",
    "18446744073709551616",
    "9223372036854775807",
    "(10 ** 19)",
    "1000003",
    "997",
    "65536",
    "(-1000)",
    "(-(2 ** 63))",
    "(2 ** 65)",
    "4294967311",
];

const NUM_MODS: &[&str] = &[
    "1000.0",
    "97.5",
    "(2 ** 64 + 1)",
    "1e6",
    "4096",
    "(-333.25)",
    "1000003",
    "(2 ** 63)",
];

const STRS: &[&str] = &[
    "''", "'a'", "'abc'", "'hello'", "'x-y'", "'0'", "'123'", "' sp '", "'AbC'", "'a,b,c'",
];

/// Functions the generator leaves out while a divergence found with them is
/// open, so that long runs look for new ones. Empty this when they are fixed.
/// - `math.hypot`: not correctly rounded like CPython's (fuzz/findings/6650e1a4f3aa0a77.py).
const HELD_BACK: &[&str] = &[];

const CMP_OPS: &[&str] = &["<", "<=", ">", ">=", "==", "!="];

fn is_num(k: Kind) -> bool {
    matches!(k, Kind::Int | Kind::Float | Kind::Num | Kind::Bool)
}

impl Gen {
    fn fresh(&mut self, prefix: &str) -> String {
        self.next_id += 1;
        format!("{prefix}{}", self.next_id)
    }

    fn prefix(k: Kind) -> &'static str {
        match k {
            Kind::Int => "a",
            Kind::Float => "f",
            Kind::Num => "n",
            Kind::Bool => "b",
            Kind::Str => "s",
            Kind::ListInt => "L",
            Kind::ListNum => "M",
            Kind::Dict => "D",
            Kind::Obj => "o",
            Kind::Fn => "h",
            Kind::Set => "S",
            Kind::Other => "t",
        }
    }

    // ------------------------------------------------------------ program

    fn program(&mut self) -> Program {
        let mut p: Program = vec![Stmt::Raw("import math".into())];
        if self.f.classes {
            p.extend(self.classes());
        }
        // Module variables: at least one of each basic kind.
        let mut kinds = vec![
            Kind::Int,
            Kind::Int,
            Kind::Num,
            Kind::Num,
            Kind::Float,
            Kind::Bool,
            Kind::Str,
            Kind::ListInt,
            Kind::ListNum,
            Kind::Dict,
        ];
        if self.f.classes {
            kinds.push(Kind::Obj);
        }
        if self.f.sets {
            kinds.push(Kind::Set);
        }
        let mut sc = Scope {
            mult: 1,
            budget: BUDGET,
            room: 60,
            ..Scope::default()
        };
        for k in kinds {
            let name = self.fresh(Self::prefix(k));
            let init = self.init_value(k, &sc);
            p.push(assign(&name, k, init));
            let v = Var {
                name,
                kind: k,
                write: true,
            };
            sc.vars.push(v.clone());
            self.globals.push(Var { write: false, ..v });
        }
        // Helper functions.
        let nhelpers = self.rng.range(1, 5);
        for _ in 0..nhelpers {
            p.extend(self.helper());
        }
        if self.f.closures {
            for _ in 0..self.rng.range(1, 2) {
                let (defs, var) = self.closure_var(&sc);
                p.extend(defs);
                sc.vars.push(var.clone());
                self.globals.push(Var {
                    write: false,
                    ..var
                });
            }
        }
        // Phases: hot loops at module level or inside functions.
        let nphases = self.rng.range(1, 3);
        for _ in 0..nphases {
            if self.rng.pct(55) {
                p.extend(self.phase_function());
            } else {
                sc.room = 25;
                sc.jit = self.rng.pct(60);
                let l = self.loop_stmt(&mut sc);
                p.extend(l);
                sc.jit = false;
            }
        }
        // Rarely: a deliberate uncaught error at the end (traceback comparison).
        if self.f.exceptions && self.rng.pct(4) {
            let e = self.risky_int(&sc);
            p.push(print(vec![e]));
        }
        p.push(self.print_vars(&sc, usize::MAX));
        p
    }

    /// An initial value of kind `k` (no variable references).
    fn init_value(&mut self, k: Kind, sc: &Scope) -> Expr {
        match k {
            Kind::ListInt | Kind::ListNum => {
                let n = self.rng.range(1, 8);
                let items = (0..n).map(|_| self.literal(k_elem(k))).collect();
                Expr::list(k, items)
            }
            Kind::Dict => {
                let n = self.rng.range(0, 5);
                let items = (0..n)
                    .map(|i| (Expr::int(i * self.rng.range(1, 3)), self.literal(Kind::Int)))
                    .collect();
                Expr {
                    kind: Kind::Dict,
                    node: Node::Dict(items),
                }
            }
            Kind::Obj => self.new_obj(sc),
            Kind::Set => {
                let n = self.rng.range(1, 5);
                let items = (0..n).map(|_| Expr::int(self.rng.range(-5, 40))).collect();
                Expr {
                    kind: Kind::Set,
                    node: Node::Seq("{", items),
                }
            }
            _ => self.literal(k),
        }
    }

    fn literal(&mut self, k: Kind) -> Expr {
        match k {
            Kind::Int => {
                if self.rng.pct(20) {
                    Expr::lit(Kind::Int, self.rng.choose(INT_EDGES))
                } else if self.rng.pct(50) {
                    Expr::int(self.rng.choose(SMALL_INTS))
                } else {
                    Expr::int(self.rng.range(-20, 120))
                }
            }
            Kind::Float => {
                if self.rng.pct(3) {
                    Expr::lit(Kind::Float, self.rng.choose(RARE_FLOATS))
                } else {
                    Expr::lit(Kind::Float, self.rng.choose(FLOATS))
                }
            }
            Kind::Num => match self.rng.below(10) {
                0..=2 => self.literal(Kind::Float),
                3 => self.literal(Kind::Bool),
                _ => self.literal(Kind::Int),
            },
            Kind::Bool => Expr::lit(Kind::Bool, self.rng.choose(&["True", "False"])),
            Kind::Str => Expr::lit(Kind::Str, self.rng.choose(STRS)),
            _ => Expr::lit(k, k.simplest().unwrap_or("None")),
        }
    }

    // ------------------------------------------------------------ classes

    fn classes(&mut self) -> Vec<Stmt> {
        let mut out = vec![];
        // Exception classes.
        let e0 = self.fresh("Err");
        out.push(Stmt::Class {
            name: e0.clone(),
            bases: "Exception".into(),
            body: vec![Stmt::Pass],
        });
        let e1 = self.fresh("Err");
        out.push(Stmt::Class {
            name: e1.clone(),
            bases: e0.clone(),
            body: vec![Stmt::Pass],
        });
        self.exc_classes = vec![e0, e1];
        // Value classes: all have `v`, `m(x)` and a deterministic __repr__.
        let n = self.rng.range(2, 4);
        for i in 0..n {
            let name = self.fresh("K");
            let base = if i > 0 && self.rng.pct(50) {
                Some(
                    self.classes[self.rng.below(self.classes.len() as u64) as usize]
                        .name
                        .clone(),
                )
            } else {
                None
            };
            let mut body = vec![];
            let init_val = match self.rng.below(3) {
                0 => Expr::name(Kind::Num, "v"),
                1 => Expr::call(Kind::Float, "float", vec![Expr::name(Kind::Num, "v")]),
                _ => Expr::bin(Kind::Num, Expr::name(Kind::Num, "v"), "+", Expr::int(i)),
            };
            if base.is_none() || self.rng.pct(50) {
                body.push(Stmt::Def {
                    name: "__init__".into(),
                    params: vec!["self".into(), "v".into()],
                    body: vec![Stmt::Assign(vec![Expr::lit(Kind::Num, "self.v")], init_val)],
                });
            }
            let sv = Expr::lit(Kind::Num, "self.v");
            let x = Expr::name(Kind::Num, "x");
            let mexpr = match self.rng.below(5) {
                0 => Expr::bin(Kind::Num, sv, "+", x),
                1 => Expr::bin(
                    Kind::Num,
                    Expr::bin(Kind::Num, sv, "*", Expr::int(2)),
                    "-",
                    x,
                ),
                2 => x,
                3 => Expr::bin(
                    Kind::Num,
                    Expr::bin(Kind::Num, sv, "-", x),
                    "%",
                    Expr::int(1000),
                ),
                _ => Expr::call(Kind::Num, "max", vec![sv, x]),
            };
            if base.is_none() || self.rng.pct(70) {
                body.push(Stmt::Def {
                    name: "m".into(),
                    params: vec!["self".into(), "x".into()],
                    body: vec![Stmt::Return(Some(mexpr))],
                });
            }
            if base.is_none() || self.rng.pct(30) {
                body.push(Stmt::Def {
                    name: "__repr__".into(),
                    params: vec!["self".into()],
                    body: vec![Stmt::Return(Some(Expr {
                        kind: Kind::Str,
                        node: Node::FStr(vec![
                            FPart::Text(format!("{name}(")),
                            FPart::Val(Expr::lit(Kind::Num, "self.v"), "!r".into()),
                            FPart::Text(")".into()),
                        ]),
                    }))],
                });
            }
            out.push(Stmt::Class {
                name: name.clone(),
                bases: base.unwrap_or_default(),
                body,
            });
            self.classes.push(ClassInfo { name });
        }
        out
    }

    fn new_obj(&mut self, sc: &Scope) -> Expr {
        let c = self.rng.below(self.classes.len() as u64) as usize;
        let name = self.classes[c].name.clone();
        let arg = self.expr(Kind::Num, 1, sc);
        Expr::call(Kind::Obj, &name, vec![arg])
    }

    // ------------------------------------------------------------ closures

    /// A factory (or lambda) and a module variable holding a closure, kind Fn.
    fn closure_var(&mut self, sc: &Scope) -> (Vec<Stmt>, Var) {
        let var = self.fresh("h");
        let mut out = vec![];
        let value = match self.rng.below(3) {
            0 => {
                let k = self.fresh("k");
                let body = self.closure_body(&k);
                Expr {
                    kind: Kind::Fn,
                    node: Node::Lambda(
                        "x".into(),
                        Box::new(Expr::bin(
                            Kind::Int,
                            body,
                            "+",
                            Expr::int(self.rng.range(-3, 3)),
                        )),
                    ),
                }
                .with_free(&k, self.rng.range(1, 9), &mut out)
            }
            1 => {
                // def mk(k): def inner(x): return f(x, k); return inner
                let mk = self.fresh("mk");
                let body = self.closure_body("k");
                out.push(Stmt::Def {
                    name: mk.clone(),
                    params: vec!["k".into()],
                    body: vec![
                        Stmt::Def {
                            name: "inner".into(),
                            params: vec!["x".into()],
                            body: vec![Stmt::Return(Some(body))],
                        },
                        Stmt::Return(Some(Expr::name(Kind::Fn, "inner"))),
                    ],
                });
                self.funcs.push(Func {
                    name: mk.clone(),
                    shape: FnShape::Factory,
                    ret: Kind::Fn,
                    params: vec![("k".into(), Kind::Int, false)],
                    star: false,
                    kw: false,
                });
                let arg = self.expr(Kind::Int, 1, sc);
                Expr::call(Kind::Fn, &mk, vec![arg])
            }
            _ => {
                // A counter: nonlocal state.
                let mk = self.fresh("counter");
                out.push(Stmt::Def {
                    name: mk.clone(),
                    params: vec!["start".into()],
                    body: vec![
                        assign("c", Kind::Int, Expr::name(Kind::Int, "start")),
                        Stmt::Def {
                            name: "step".into(),
                            params: vec!["x".into()],
                            body: vec![
                                Stmt::Nonlocal(vec!["c".into()]),
                                Stmt::Assign(
                                    vec![Expr::name(Kind::Int, "c")],
                                    Expr::bin(
                                        Kind::Int,
                                        Expr::bin(
                                            Kind::Int,
                                            Expr::name(Kind::Int, "c"),
                                            "+",
                                            Expr::name(Kind::Int, "x"),
                                        ),
                                        "%",
                                        Expr::lit(Kind::Int, "1000003"),
                                    ),
                                ),
                                Stmt::Return(Some(Expr::name(Kind::Int, "c"))),
                            ],
                        },
                        Stmt::Return(Some(Expr::name(Kind::Fn, "step"))),
                    ],
                });
                Expr::call(Kind::Fn, &mk, vec![Expr::int(self.rng.range(0, 10))])
            }
        };
        out.push(assign(&var, Kind::Fn, value));
        (
            out,
            Var {
                name: var,
                kind: Kind::Fn,
                write: true,
            },
        )
    }

    /// `x op k` style body over int `x` and free variable `k`.
    fn closure_body(&mut self, k: &str) -> Expr {
        let x = Expr::name(Kind::Int, "x");
        let kk = Expr::name(Kind::Int, k);
        match self.rng.below(4) {
            0 => Expr::bin(
                Kind::Int,
                Expr::bin(Kind::Int, x, "*", kk),
                "%",
                Expr::int(1000003),
            ),
            1 => Expr::bin(Kind::Int, x, "+", kk),
            2 => Expr::bin(Kind::Int, x, "^", kk),
            _ => Expr::bin(
                Kind::Int,
                Expr::bin(Kind::Int, x, "-", kk),
                "&",
                Expr::lit(Kind::Int, "0xffffffffffffffff"),
            ),
        }
    }

    // ------------------------------------------------------------ helpers

    fn helper(&mut self) -> Vec<Stmt> {
        let mut shapes = vec![
            (FnShape::Plain, 35),
            (FnShape::Simple, 35),
            (FnShape::Recursive, 12),
            (FnShape::Tree, 6),
        ];
        if self.f.generators {
            shapes.push((FnShape::Generator, 16));
        }
        if self.f.exceptions {
            shapes.push((FnShape::Raiser, 12));
        }
        let w: Vec<u32> = shapes.iter().map(|s| s.1).collect();
        let shape = shapes[self.rng.weighted(&w)].0;
        match shape {
            FnShape::Plain => self.plain_fn(),
            FnShape::Simple => self.simple_fn(),
            FnShape::Recursive => self.recursive_fn(),
            FnShape::Tree => self.tree_fn(),
            FnShape::Generator => self.generator_fn(),
            FnShape::Raiser => self.raiser_fn(),
            FnShape::Factory => unreachable!(),
        }
    }

    fn fn_scope(&self, budget: u64) -> Scope {
        Scope {
            vars: self.globals.clone(),
            mult: 1,
            budget,
            in_func: true,
            room: 10,
            ..Scope::default()
        }
    }

    fn plain_fn(&mut self) -> Vec<Stmt> {
        let name = self.fresh("fn");
        let nparams = self.rng.range(1, 3);
        let mut sc = self.fn_scope(HELPER_BUDGET);
        let mut params = vec![];
        let mut ptext = vec![];
        for i in 0..nparams {
            let k = self.rng.choose(&[
                Kind::Int,
                Kind::Num,
                Kind::Num,
                Kind::Float,
                Kind::Int,
                Kind::Str,
            ]);
            let p = format!("p{i}");
            // After a parameter with a default, every one has a default.
            let default =
                i > 0 && (params.iter().any(|p: &(String, Kind, bool)| p.2) || self.rng.pct(40));
            if default {
                let d = self.literal(k);
                let mut t = String::new();
                expr(&mut t, &d);
                ptext.push(format!("{p}={t}"));
            } else {
                ptext.push(p.clone());
            }
            params.push((p.clone(), k, default));
            sc.vars.push(Var {
                name: p,
                kind: k,
                write: true,
            });
        }
        let star = self.f.varargs && self.rng.pct(15);
        let kw = self.f.varargs && self.rng.pct(10);
        if star {
            ptext.push("*args".into());
            sc.leaves.push(Expr::call(
                Kind::Int,
                "len",
                vec![Expr::name(Kind::Other, "args")],
            ));
            sc.leaves.push(Expr::call(
                Kind::Num,
                "sum",
                vec![Expr::name(Kind::Other, "args")],
            ));
        }
        if kw {
            ptext.push("**kw".into());
            sc.leaves.push(Expr::call(
                Kind::Int,
                "len",
                vec![Expr::name(Kind::Other, "kw")],
            ));
            sc.leaves.push(Expr::method(
                Kind::Num,
                Expr::name(Kind::Other, "kw"),
                "get",
                vec![Expr::lit(Kind::Str, "'z'"), Expr::int(0)],
            ));
        }
        let ret = self
            .rng
            .choose(&[Kind::Int, Kind::Num, Kind::Num, Kind::Float, Kind::Str]);
        sc.ret = Some(ret);
        let mut body = vec![];
        // Sometimes the helper writes a module variable: `g += f()` must read `g`
        // before calling `f`.
        let numeric: Vec<String> = sc
            .vars
            .iter()
            .filter(|v| matches!(v.kind, Kind::Int | Kind::Num))
            .map(|v| v.name.clone())
            .collect();
        if !numeric.is_empty() && self.rng.pct(20) {
            let g = self.rng.pick(&numeric).clone();
            body.push(Stmt::Global(vec![g.clone()]));
            for v in sc.vars.iter_mut().filter(|v| v.name == g) {
                v.write = true;
            }
            let k = sc
                .vars
                .iter()
                .find(|v| v.name == g)
                .map_or(Kind::Int, |v| v.kind);
            let e = self.expr(k, 2, &sc);
            let e = self.reduce(e, k);
            body.push(assign(&g, k, e));
        }
        body.extend(self.locals(&mut sc, 2));
        let n = self.rng.range(1, 4) as usize;
        body.extend(self.block(&mut sc, n));
        let r = self.expr(ret, 3, &sc);
        body.push(Stmt::Return(Some(r)));
        self.funcs.push(Func {
            name: name.clone(),
            shape: FnShape::Plain,
            ret,
            params,
            star,
            kw,
        });
        vec![Stmt::Def {
            name,
            params: ptext,
            body,
        }]
    }

    /// Fresh local variables with initial values.
    fn locals(&mut self, sc: &mut Scope, max: i64) -> Vec<Stmt> {
        let mut out = vec![];
        for _ in 0..self.rng.range(0, max) {
            let k = self.rng.choose(&[
                Kind::Int,
                Kind::Num,
                Kind::Float,
                Kind::ListInt,
                Kind::Str,
                Kind::Bool,
            ]);
            let name = self.fresh(Self::prefix(k));
            let v = if is_num(k) && (sc.jit || self.rng.pct(60)) {
                self.expr(k, 2, sc)
            } else {
                self.init_value(k, sc)
            };
            out.push(assign(&name, k, v));
            sc.vars.push(Var {
                name,
                kind: k,
                write: true,
            });
        }
        out
    }

    fn recursive_fn(&mut self) -> Vec<Stmt> {
        let name = self.fresh("rec");
        let mut sc = self.fn_scope(HELPER_BUDGET);
        sc.jit = self.rng.pct(50);
        sc.vars.push(Var {
            name: "n".into(),
            kind: Kind::Int,
            write: false,
        });
        sc.vars.push(Var {
            name: "acc".into(),
            kind: Kind::Num,
            write: false,
        });
        let step = self.expr(Kind::Num, 2, &sc);
        let op = self.rng.choose(&["+", "-", "*", "+"]);
        let mut next = Expr::bin(Kind::Num, Expr::name(Kind::Num, "acc"), op, step);
        if op == "*" || self.rng.pct(50) {
            next = Expr::bin(
                Kind::Num,
                next,
                "%",
                Expr::lit(Kind::Int, self.rng.choose(INT_MODS)),
            );
        }
        let base = if self.rng.pct(70) {
            Expr::name(Kind::Num, "acc")
        } else {
            self.expr(Kind::Num, 2, &sc)
        };
        let call = Expr::call(
            Kind::Num,
            &name,
            vec![
                Expr::bin(Kind::Int, Expr::name(Kind::Int, "n"), "-", Expr::int(1)),
                next,
            ],
        );
        let mut body = vec![Stmt::If(
            vec![(
                Expr::cmp(Expr::name(Kind::Int, "n"), "<=", Expr::int(0)),
                vec![Stmt::Return(Some(base))],
            )],
            vec![],
        )];
        if self.rng.pct(30) {
            body.extend(self.block(&mut sc, 1));
        }
        body.push(Stmt::Return(Some(call)));
        self.funcs.push(Func {
            name: name.clone(),
            shape: FnShape::Recursive,
            ret: Kind::Num,
            params: vec![
                ("n".into(), Kind::Int, false),
                ("acc".into(), Kind::Num, false),
            ],
            star: false,
            kw: false,
        });
        vec![Stmt::Def {
            name,
            params: vec!["n".into(), "acc".into()],
            body,
        }]
    }

    fn tree_fn(&mut self) -> Vec<Stmt> {
        let name = self.fresh("tree");
        let n = Expr::name(Kind::Int, "n");
        let call = |d: i64| {
            Expr::call(
                Kind::Int,
                &name,
                vec![Expr::bin(Kind::Int, n.clone(), "-", Expr::int(d))],
            )
        };
        let op = self.rng.choose(&["+", "-", "^"]);
        let body = vec![
            Stmt::If(
                vec![(
                    Expr::cmp(n.clone(), "<", Expr::int(2)),
                    vec![Stmt::Return(Some(n.clone()))],
                )],
                vec![],
            ),
            Stmt::Return(Some(Expr::bin(Kind::Int, call(1), op, call(2)))),
        ];
        self.funcs.push(Func {
            name: name.clone(),
            shape: FnShape::Tree,
            ret: Kind::Int,
            params: vec![("n".into(), Kind::Int, false)],
            star: false,
            kw: false,
        });
        vec![Stmt::Def {
            name,
            params: vec!["n".into()],
            body,
        }]
    }

    fn generator_fn(&mut self) -> Vec<Stmt> {
        let name = self.fresh("gen");
        let mut sc = self.fn_scope(HELPER_BUDGET * 2);
        sc.in_gen = true;
        sc.vars.push(Var {
            name: "n".into(),
            kind: Kind::Int,
            write: false,
        });
        sc.vars.push(Var {
            name: "p".into(),
            kind: Kind::Num,
            write: true,
        });
        let j = self.fresh("j");
        let mut inner = Scope {
            mult: 20,
            ..sc.clone()
        };
        inner.vars.push(Var {
            name: j.clone(),
            kind: Kind::Int,
            write: false,
        });
        inner.loops.push((j.clone(), 20));
        inner.depth = 1;
        let mut body = vec![];
        if self.rng.pct(30) {
            let c = self.expr(Kind::Bool, 2, &inner);
            body.push(Stmt::If(vec![(c, vec![Stmt::Continue])], vec![]));
        }
        if self.rng.pct(30) {
            body.extend(self.block(&mut inner, 1));
        }
        let y = self.expr(Kind::Int, 2, &inner);
        body.push(Stmt::Expr(Expr {
            kind: Kind::Other,
            node: Node::Un("yield", Box::new(y)),
        }));
        let mut fbody = vec![Stmt::For {
            target: j,
            iter: Expr::call(
                Kind::Other,
                "range",
                vec![Expr::call(
                    Kind::Int,
                    "min",
                    vec![Expr::name(Kind::Int, "n"), Expr::int(20)],
                )],
            ),
            body,
            orelse: vec![],
        }];
        // yield from another generator or a list.
        if self.rng.pct(40) {
            let src = match self
                .funcs
                .iter()
                .rev()
                .find(|f| f.shape == FnShape::Generator)
            {
                Some(g) if self.rng.pct(60) => {
                    let g = g.name.clone();
                    Expr::call(
                        Kind::Other,
                        &g,
                        vec![Expr::int(self.rng.range(0, 4)), Expr::name(Kind::Num, "p")],
                    )
                }
                _ => {
                    let items = (0..self.rng.range(0, 3))
                        .map(|_| self.expr(Kind::Int, 1, &sc))
                        .collect();
                    Expr::list(Kind::Other, items)
                }
            };
            fbody.push(Stmt::Expr(Expr {
                kind: Kind::Other,
                node: Node::Un("yield from", Box::new(src)),
            }));
        }
        self.funcs.push(Func {
            name: name.clone(),
            shape: FnShape::Generator,
            ret: Kind::Int,
            params: vec![
                ("n".into(), Kind::Int, false),
                ("p".into(), Kind::Num, false),
            ],
            star: false,
            kw: false,
        });
        vec![Stmt::Def {
            name,
            params: vec!["n".into(), "p".into()],
            body: fbody,
        }]
    }

    fn raiser_fn(&mut self) -> Vec<Stmt> {
        let name = self.fresh("chk");
        let x = Expr::name(Kind::Num, "x");
        let bound = self.literal(Kind::Int);
        let op = self.rng.choose(CMP_OPS);
        let exc = self.exception_ctor(&x);
        let ret = Expr::bin(Kind::Num, x.clone(), "+", Expr::int(self.rng.range(0, 3)));
        self.funcs.push(Func {
            name: name.clone(),
            shape: FnShape::Raiser,
            ret: Kind::Num,
            params: vec![("x".into(), Kind::Num, false)],
            star: false,
            kw: false,
        });
        vec![Stmt::Def {
            name,
            params: vec!["x".into()],
            body: vec![
                Stmt::If(
                    vec![(Expr::cmp(x, op, bound), vec![Stmt::Raise(Some(exc))])],
                    vec![],
                ),
                Stmt::Return(Some(ret)),
            ],
        }]
    }

    /// `ValueError(x)`, `KeyError(...)`, or a user exception.
    fn exception_ctor(&mut self, arg: &Expr) -> Expr {
        let mut names = vec![
            "ValueError",
            "IndexError",
            "KeyError",
            "RuntimeError",
            "ZeroDivisionError",
        ];
        let user: Vec<String> = self.exc_classes.clone();
        let pick_user = !user.is_empty() && self.rng.pct(50);
        let cls = if pick_user {
            self.rng.pick(&user).clone()
        } else {
            names.truncate(if self.rng.pct(70) { 1 } else { names.len() });
            self.rng.pick(&names).to_string()
        };
        let args = if self.rng.pct(20) {
            vec![Expr::lit(Kind::Str, "'bad'"), arg.clone()]
        } else {
            vec![arg.clone()]
        };
        Expr::call(Kind::Other, &cls, args)
    }

    // ------------------------------------------------------------ phases

    /// A function holding hot loops over locals, called and its result printed.
    fn phase_function(&mut self) -> Vec<Stmt> {
        let name = self.fresh("phase");
        let mut sc = self.fn_scope(BUDGET);
        sc.room = 25;
        sc.jit = self.rng.pct(60);
        sc.vars.push(Var {
            name: "n".into(),
            kind: Kind::Int,
            write: false,
        });
        let mut body = vec![];
        // Sometimes write a module variable.
        let writable: Vec<Var> = self
            .globals
            .iter()
            .filter(|v| is_num(v.kind))
            .cloned()
            .collect();
        if !writable.is_empty() && self.rng.pct(35) {
            let g = self.rng.pick(&writable).clone();
            body.push(Stmt::Global(vec![g.name.clone()]));
            for v in sc.vars.iter_mut() {
                if v.name == g.name {
                    v.write = true;
                }
            }
        }
        body.extend(self.locals(&mut sc, 4));
        let nloops = self.rng.range(1, 2);
        for _ in 0..nloops {
            body.extend(self.loop_stmt(&mut sc));
        }
        let ret = self.print_vars_expr(&sc);
        body.push(Stmt::Return(Some(ret)));
        let count = self.loop_count(1, BUDGET);
        vec![
            Stmt::Def {
                name: name.clone(),
                params: vec!["n".into()],
                body,
            },
            print(vec![Expr::call(Kind::Other, &name, vec![Expr::int(count)])]),
        ]
    }

    /// An iteration count for a loop entered `mult` times in all.
    fn loop_count(&mut self, mult: u64, budget: u64) -> i64 {
        let cap = (budget / mult.max(1)).max(1) as i64;
        let n = match self.rng.weighted(&[10, 20, 25, 30, 15]) {
            0 => self.rng.range(0, 5),
            1 => self.rng.range(8, 40),
            2 => self.rng.range(45, 70),
            3 => self.rng.range(100, 600),
            _ => self.rng.range(1000, 2000),
        };
        n.min(cap)
    }

    /// A loop statement (with its checksum prints).
    fn loop_stmt(&mut self, sc: &mut Scope) -> Vec<Stmt> {
        let cap = sc.budget / sc.mult.max(1);
        if cap < 2 || sc.depth >= 3 {
            return self.simple_stmt(sc);
        }
        let n = if sc.depth == 0 && sc.in_func && sc.vars.iter().any(|v| v.name == "n") {
            // The phase's parameter: `range(n)`; n was chosen by loop_count.
            -1
        } else {
            self.loop_count(sc.mult, sc.budget)
        };
        let count_expr = if n < 0 {
            Expr::name(Kind::Int, "n")
        } else {
            Expr::int(n)
        };
        let count = if n < 0 { BUDGET as i64 / 2 } else { n.max(1) };
        let mut inner = sc.clone();
        inner.mult = sc.mult * count.max(1) as u64;
        inner.nest += 1;
        let mut out = vec![];
        let form = if sc.jit {
            self.rng.weighted(&[55, 25, 10, 5])
        } else {
            self.rng
                .weighted(&[45, 20, 12, 8, 8, if self.f.generators { 7 } else { 0 }])
        };
        let idx = self.fresh("i");
        inner.vars.push(Var {
            name: idx.clone(),
            kind: Kind::Int,
            write: false,
        });
        inner.loops.push((idx.clone(), count));
        inner.depth += 1;
        // An exception raised inside the loop (a side exit, in a trace) may be
        // caught outside it.
        let wrap = self.f.exceptions && !sc.in_try && self.rng.pct(if sc.jit { 35 } else { 12 });
        inner.in_try |= wrap;
        let mut has_idx = true;
        let mut body;
        let stmt = match form {
            // for i in range(...)
            0 | 3 => {
                let iter = if form == 3 && n >= 0 {
                    // Unusual ranges: negative steps and offsets.
                    match self.rng.below(3) {
                        0 => Expr::call(
                            Kind::Other,
                            "range",
                            vec![Expr::int(n), Expr::int(0), Expr::int(-1)],
                        ),
                        1 => {
                            let off = self.rng.choose(&[
                                "9223372036854775800",
                                "(-9223372036854775808)",
                                "(2 ** 62)",
                                "(-5)",
                            ]);
                            Expr::call(
                                Kind::Other,
                                "range",
                                vec![
                                    Expr::lit(Kind::Int, off),
                                    Expr::bin(
                                        Kind::Int,
                                        Expr::lit(Kind::Int, off),
                                        "+",
                                        Expr::int(n),
                                    ),
                                ],
                            )
                        }
                        _ => Expr::call(
                            Kind::Other,
                            "range",
                            vec![Expr::int(-n), Expr::int(n), Expr::int(2)],
                        ),
                    }
                } else {
                    Expr::call(Kind::Other, "range", vec![count_expr.clone()])
                };
                body = self.loop_body(&mut inner);
                Stmt::For {
                    target: idx.clone(),
                    iter,
                    body: vec![],
                    orelse: vec![],
                }
            }
            // while c < n [and extra]
            1 => {
                let extra = if self.rng.pct(25) {
                    Some(self.expr(Kind::Bool, 2, &inner))
                } else {
                    None
                };
                body = self.loop_body(&mut inner);
                Stmt::While {
                    counter: idx.clone(),
                    limit: count_expr.clone(),
                    extra,
                    body: vec![],
                    orelse: vec![],
                }
            }
            // for x in list (a copy, or a frozen list)
            2 | 4 => {
                let lists: Vec<Var> = sc
                    .vars
                    .iter()
                    .filter(|v| matches!(v.kind, Kind::ListInt | Kind::ListNum))
                    .cloned()
                    .collect();
                if lists.is_empty() {
                    return self.simple_stmt(sc);
                }
                let l = self.rng.pick(&lists).clone();
                let elem = k_elem(l.kind);
                let x = self.fresh("x");
                inner.vars.push(Var {
                    name: x.clone(),
                    kind: elem,
                    write: false,
                });
                let reps = (count / 8).clamp(1, 50);
                let iter = if form == 4 {
                    inner.frozen.push(l.name.clone());
                    Expr::call(Kind::Other, "enumerate", vec![Expr::name(l.kind, &l.name)])
                } else if self.rng.pct(50) {
                    // A copy, repeated: long enough to get hot.
                    Expr::bin(
                        l.kind,
                        Expr {
                            kind: l.kind,
                            node: Node::Slice(
                                Box::new(Expr::name(l.kind, &l.name)),
                                None,
                                None,
                                None,
                            ),
                        },
                        "*",
                        Expr::int(reps),
                    )
                } else {
                    inner.frozen.push(l.name.clone());
                    Expr::name(l.kind, &l.name)
                };
                inner.mult = sc.mult * (reps as u64 * 16);
                if form == 2 {
                    // A plain `for x in list`: no counter.
                    has_idx = false;
                    inner.vars.retain(|v| v.name != idx);
                    inner.loops.pop();
                }
                body = self.loop_body(&mut inner);
                Stmt::For {
                    target: if form == 4 { format!("{idx}, {x}") } else { x },
                    iter,
                    body: vec![],
                    orelse: vec![],
                }
            }
            // for x in generator(...)
            _ => {
                let gens: Vec<Func> = self
                    .funcs
                    .iter()
                    .filter(|f| f.shape == FnShape::Generator)
                    .cloned()
                    .collect();
                if gens.is_empty() {
                    return self.simple_stmt(sc);
                }
                let g = self.rng.pick(&gens).clone();
                let x = self.fresh("x");
                inner.vars.push(Var {
                    name: x.clone(),
                    kind: Kind::Int,
                    write: false,
                });
                let arg = self.expr(Kind::Num, 1, sc);
                inner.mult = sc.mult * 30;
                let mut iter = Expr::call(
                    Kind::Other,
                    &g.name,
                    vec![Expr::int(self.rng.range(0, 20)), arg],
                );
                let target = if self.rng.pct(50) {
                    iter = Expr::call(Kind::Other, "enumerate", vec![iter]);
                    format!("{idx}, {x}")
                } else {
                    has_idx = false;
                    inner.vars.retain(|v| v.name != idx);
                    inner.loops.pop();
                    x
                };
                body = self.loop_body(&mut inner);
                Stmt::For {
                    target,
                    iter,
                    body: vec![],
                    orelse: vec![],
                }
            }
        };
        // The checksum line.
        // Sampled on a prime period and a random phase, so the iteration the JIT
        // records (the 1st, the 50th) rarely prints.
        let sample = if count <= 12 || n == 0 {
            None
        } else {
            let primes = [
                7i64, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 97, 101, 199,
            ];
            let cands: Vec<i64> = primes
                .iter()
                .copied()
                .filter(|&p| p <= (count / 4).max(7))
                .collect();
            let k = self.rng.choose(&cands);
            Some((k, self.rng.range(0, k - 1)))
        };
        let p = self.print_vars(&inner, 4);
        match (sample, has_idx) {
            // JIT mode: short inner loops get hot across entries; keep them quiet.
            (None, _) if sc.jit => {}
            (None, _) => body.push(p),
            (Some((k, r)), true) => body.push(Stmt::If(
                vec![(
                    Expr::cmp(
                        Expr::bin(Kind::Int, Expr::name(Kind::Int, &idx), "%", Expr::int(k)),
                        "==",
                        Expr::int(r),
                    ),
                    vec![p],
                )],
                vec![],
            )),
            _ => {}
        }
        let orelse = if self.rng.pct(10) && form == 1 {
            vec![print(vec![
                Expr::lit(Kind::Str, "'else'"),
                Expr::name(Kind::Other, &idx),
            ])]
        } else if self.rng.pct(10) {
            vec![print(vec![Expr::lit(Kind::Str, "'else'")])]
        } else {
            vec![]
        };
        let stmt = match stmt {
            Stmt::For { target, iter, .. } => Stmt::For {
                target,
                iter,
                body,
                orelse,
            },
            Stmt::While {
                counter,
                limit,
                extra,
                ..
            } => Stmt::While {
                counter,
                limit,
                extra,
                body,
                orelse,
            },
            s => s,
        };
        // An exception raised on purpose inside the loop may be caught outside it.
        if wrap {
            let handler_body = vec![print(vec![
                Expr::lit(Kind::Str, "'caught'"),
                Expr::lit(Kind::Str, "type(e).__name__"),
                Expr::name(Kind::Other, "e"),
            ])];
            out.push(Stmt::Try {
                body: vec![stmt],
                handlers: vec![Handler {
                    types: "Exception".into(),
                    name: Some("e".into()),
                    body: handler_body,
                }],
                orelse: vec![],
                finally: vec![],
            });
        } else {
            out.push(stmt);
        }
        out.push(self.print_vars(sc, 6));
        sc.room -= 3;
        out
    }

    fn loop_body(&mut self, sc: &mut Scope) -> Vec<Stmt> {
        let n = self.rng.range(1, 5) as usize;
        let mut body = self.block(sc, n);
        // Late exits.
        if let Some((idx, count)) = sc.loops.last().cloned() {
            if self.rng.pct(15) && count > 2 {
                let k = self.rng.range(count / 2, count);
                let s = if self.rng.pct(50) {
                    Stmt::Break
                } else {
                    Stmt::Continue
                };
                let pos = self.rng.below(body.len() as u64 + 1) as usize;
                body.insert(
                    pos,
                    Stmt::If(
                        vec![(
                            Expr::cmp(Expr::name(Kind::Int, &idx), "==", Expr::int(k)),
                            vec![s],
                        )],
                        vec![],
                    ),
                );
            }
        }
        body
    }

    fn block(&mut self, sc: &mut Scope, n: usize) -> Vec<Stmt> {
        let mut out = vec![];
        for _ in 0..n {
            if sc.room <= 0 {
                break;
            }
            out.extend(self.stmt(sc));
        }
        if out.is_empty() {
            if sc.jit {
                out.extend(self.jit_list_store(sc));
            } else {
                out.extend(self.simple_stmt(sc));
            }
        }
        out
    }

    fn stmt(&mut self, sc: &mut Scope) -> Vec<Stmt> {
        sc.room -= 1;
        if sc.jit {
            return self.jit_stmt(sc);
        }
        let can_nest = sc.nest < 4 && sc.room > 2;
        let can_loop = can_nest && sc.budget / sc.mult.max(1) >= 2 && sc.depth < 3;
        let w = [
            40,                            // simple
            if can_nest { 14 } else { 0 }, // if
            if can_loop { 10 } else { 0 }, // loop
            // No try in generators: a generator left suspended inside `try` is
            // closed when CPython frees it (refcounting), at a moment a tracing GC
            // cannot reproduce.
            if can_nest && self.f.exceptions && !sc.in_gen {
                8
            } else {
                0
            }, // try
            if sc.depth == 0 { 0 } else { 5 }, // break/continue under if
            if sc.in_gen { 6 } else { 0 },     // yield
            if sc.ret.is_some() { 3 } else { 0 }, // early return
        ];
        match self.rng.weighted(&w) {
            0 => self.simple_stmt(sc),
            1 => vec![self.if_stmt(sc)],
            2 => self.loop_stmt(sc),
            3 => vec![self.try_stmt(sc)],
            4 => {
                let c = self.cond(sc);
                let s = if self.rng.pct(50) {
                    Stmt::Break
                } else {
                    Stmt::Continue
                };
                vec![Stmt::If(vec![(c, vec![s])], vec![])]
            }
            5 => {
                let y = self.expr(Kind::Int, 2, sc);
                vec![Stmt::Expr(Expr {
                    kind: Kind::Other,
                    node: Node::Un("yield", Box::new(y)),
                })]
            }
            _ => {
                let c = self.cond(sc);
                let r = self.expr(sc.ret.unwrap_or(Kind::Int), 2, sc);
                vec![Stmt::If(vec![(c, vec![Stmt::Return(Some(r))])], vec![])]
            }
        }
    }

    /// A condition, biased toward late flips on the loop counter.
    fn cond(&mut self, sc: &Scope) -> Expr {
        if let Some((idx, count)) = sc.loops.last().cloned() {
            if self.rng.pct(45) {
                let i = Expr::name(Kind::Int, &idx);
                return match self.rng.below(4) {
                    0 => {
                        let k = self.rng.range(0, count.max(1));
                        Expr::cmp(i, self.rng.choose(&[">=", ">", "<"]), Expr::int(k))
                    }
                    1 => {
                        let m = self.rng.range(2, 9);
                        Expr::cmp(
                            Expr::bin(Kind::Int, i, "%", Expr::int(m)),
                            "==",
                            Expr::int(self.rng.range(0, m - 1)),
                        )
                    }
                    2 => Expr::cmp(i, "==", Expr::int(self.rng.range(0, count.max(1)))),
                    _ => {
                        let k = self.rng.range(0, count.max(1));
                        let other = self.expr(Kind::Bool, 1, sc);
                        Expr {
                            kind: Kind::Bool,
                            node: Node::BoolOp(
                                self.rng.choose(&["and", "or"]),
                                vec![Expr::cmp(i, ">", Expr::int(k)), other],
                            ),
                        }
                    }
                };
            }
        }
        self.expr(Kind::Bool, 2, sc)
    }

    fn if_stmt(&mut self, sc: &mut Scope) -> Stmt {
        let mut inner = sc.clone();
        inner.nest += 1;
        let narms = self.rng.weighted(&[60, 30, 10]) + 1;
        let mut arms = vec![];
        for _ in 0..narms {
            let c = self.cond(sc);
            let n = self.rng.range(1, 3) as usize;
            let b = self.block(&mut inner, n);
            arms.push((c, b));
        }
        let orelse = if self.rng.pct(40) {
            let n = self.rng.range(1, 2) as usize;
            self.block(&mut inner, n)
        } else {
            vec![]
        };
        sc.room = inner.room;
        Stmt::If(arms, orelse)
    }

    fn try_stmt(&mut self, sc: &mut Scope) -> Stmt {
        let mut inner = sc.clone();
        inner.nest += 1;
        inner.in_try = true;
        let mut body = vec![];
        // Something that may raise, at a random position among ordinary statements.
        let n = self.rng.range(0, 2) as usize;
        body.extend(self.block(&mut inner, n));
        let risky = self.risky_stmt(&inner);
        let pos = self.rng.below(body.len() as u64 + 1) as usize;
        body.insert(pos, risky);
        let mut handlers = vec![];
        let mut hsc = sc.clone();
        hsc.nest += 1;
        let all: Vec<String> = {
            let mut v: Vec<String> = [
                "ZeroDivisionError",
                "IndexError",
                "KeyError",
                "ValueError",
                "OverflowError",
                "(IndexError, KeyError)",
                "(ValueError, ZeroDivisionError)",
                "ArithmeticError",
                "LookupError",
                "RuntimeError",
            ]
            .iter()
            .map(|s| s.to_string())
            .collect();
            v.extend(self.exc_classes.iter().cloned());
            v
        };
        for _ in 0..self.rng.range(1, 3) {
            let types = self.rng.pick(&all).clone();
            let named = self.rng.pct(60);
            let mut hb = vec![];
            if named {
                hb.push(print(vec![
                    Expr::lit(
                        Kind::Str,
                        format!("'{}'", types.replace(['(', ')', ','], "")),
                    ),
                    Expr::name(Kind::Other, "e"),
                ]));
            }
            if self.rng.pct(60) || hb.is_empty() {
                hb.extend(self.block(&mut hsc, 1));
            }
            handlers.push(Handler {
                types,
                name: named.then(|| "e".to_string()),
                body: hb,
            });
        }
        // Catch-all last, so a wrong guess about what is raised does not end the program.
        if self.rng.pct(85) {
            let hb = vec![print(vec![
                Expr::lit(Kind::Str, "'other'"),
                Expr::lit(Kind::Str, "type(e).__name__"),
                Expr::name(Kind::Other, "e"),
            ])];
            handlers.push(Handler {
                types: "Exception".into(),
                name: Some("e".into()),
                body: hb,
            });
        }
        let orelse = if self.rng.pct(25) {
            self.block(&mut hsc, 1)
        } else {
            vec![]
        };
        let finally = if self.rng.pct(25) {
            self.block(&mut hsc, 1)
        } else {
            vec![]
        };
        sc.room = inner.room.min(hsc.room);
        Stmt::Try {
            body,
            handlers,
            orelse,
            finally,
        }
    }

    /// A statement that raises sometimes.
    fn risky_stmt(&mut self, sc: &Scope) -> Stmt {
        let target = self.writable(sc, Kind::Num);
        let e = self.risky_int(sc);
        match target {
            Some(t) if self.rng.pct(80) => assign(&t, Kind::Num, e),
            _ => print(vec![e]),
        }
    }

    /// An int expression that raises for some values.
    fn risky_int(&mut self, sc: &Scope) -> Expr {
        let a = self.expr(Kind::Int, 1, sc);
        match self.rng.below(8) {
            0 => {
                let b = self.expr(Kind::Int, 1, sc);
                Expr::bin(Kind::Int, a, self.rng.choose(&["//", "%"]), b)
            }
            1 | 2 => {
                // Near and past the bounds of a list.
                let l = self
                    .var_of(sc, Kind::ListInt)
                    .unwrap_or_else(|| Expr::list(Kind::ListInt, vec![Expr::int(1)]));
                let idx = match sc.loops.last() {
                    Some((i, count)) => Expr::bin(
                        Kind::Int,
                        Expr::name(Kind::Int, i),
                        "-",
                        Expr::int(self.rng.range(0, (*count).max(1))),
                    ),
                    None => Expr::bin(
                        Kind::Int,
                        Expr::call(Kind::Int, "len", vec![l.clone()]),
                        self.rng.choose(&["+", "-"]),
                        Expr::int(self.rng.range(-1, 1)),
                    ),
                };
                Expr::index(Kind::Int, l, idx)
            }
            3 => {
                let d = self
                    .var_of(sc, Kind::Dict)
                    .unwrap_or_else(|| Expr::lit(Kind::Dict, "{}"));
                let k = self.small_int(sc);
                Expr::index(Kind::Int, d, k)
            }
            4 => {
                let f = self.expr(Kind::Num, 2, sc);
                Expr::call(
                    Kind::Int,
                    self.rng.choose(&["int", "round", "math.floor"]),
                    vec![f],
                )
            }
            5 => {
                let raisers: Vec<Func> = self
                    .funcs
                    .iter()
                    .filter(|f| f.shape == FnShape::Raiser)
                    .cloned()
                    .collect();
                if raisers.is_empty() {
                    let b = self.expr(Kind::Int, 1, sc);
                    return Expr::bin(Kind::Int, a, "//", b);
                }
                let f = self.rng.pick(&raisers).clone();
                Expr::call(Kind::Num, &f.name, vec![a])
            }
            6 => {
                let s = self.expr(Kind::Str, 1, sc);
                Expr::call(Kind::Int, "int", vec![s])
            }
            _ => {
                let b = self.expr(Kind::Num, 1, sc);
                // abs(): a negative float to a fractional power is complex.
                Expr::bin(
                    Kind::Float,
                    Expr::call(
                        Kind::Float,
                        "abs",
                        vec![Expr::call(Kind::Float, "float", vec![a])],
                    ),
                    self.rng.choose(&["/", "**", "%"]),
                    b,
                )
            }
        }
    }

    /// Assignments, calls, list/dict operations, prints.
    fn simple_stmt(&mut self, sc: &mut Scope) -> Vec<Stmt> {
        let in_loop = sc.depth > 0;
        let w = [
            30, // assign
            14, // augmented assign
            10, // list op
            5,  // dict op
            6,  // print
            5,  // tuple assignment
            if self.f.classes { 6 } else { 0 },
            if self.f.closures { 4 } else { 0 },
            if self.f.sets { 4 } else { 0 },
            if self.f.exceptions && sc.in_try { 6 } else { 0 }, // raise
            4,                                                  // str accumulate
        ];
        match self.rng.weighted(&w) {
            0 => {
                let kinds = [
                    Kind::Int,
                    Kind::Num,
                    Kind::Num,
                    Kind::Float,
                    Kind::Bool,
                    Kind::Str,
                ];
                let k = self.rng.choose(&kinds);
                let Some(t) = self.writable(sc, k) else {
                    return vec![self.print_vars(sc, 3)];
                };
                let mut v = self.expr(k, 3, sc);
                if is_num(k) && k != Kind::Bool && (in_loop || self.rng.pct(30)) && self.rng.pct(90)
                {
                    v = self.reduce(v, k);
                }
                // Type changes: a late switch between two kinds.
                if k == Kind::Num && self.rng.pct(30) {
                    let c = self.cond(sc);
                    let ok = self.rng.choose(&[Kind::Int, Kind::Float, Kind::Bool]);
                    let other = self.expr(ok, 2, sc);
                    v = Expr::ifexp(Kind::Num, other, c, v);
                }
                if k == Kind::Str {
                    v = Expr {
                        kind: Kind::Str,
                        node: Node::Slice(Box::new(v), Some(Box::new(Expr::int(-24))), None, None),
                    };
                }
                vec![assign(&t, k, v)]
            }
            1 => {
                let k = self.rng.choose(&[Kind::Int, Kind::Num, Kind::Float]);
                let Some(t) = self.writable(sc, k) else {
                    return vec![self.print_vars(sc, 3)];
                };
                let ops: &[&'static str] = if k == Kind::Int {
                    &["+", "-", "^", "|", "&", "+"]
                } else {
                    &["+", "-", "+"]
                };
                let op = self.rng.choose(ops);
                let mut rsc = sc.clone();
                rsc.vars.retain(|v| v.name != t);
                let rhs_kind = if k == Kind::Float { Kind::Num } else { k };
                let v = self.expr(rhs_kind, 2, &rsc);
                let v = if k == Kind::Int {
                    v
                } else {
                    self.reduce(v, Kind::Num)
                };
                vec![Stmt::Aug(Expr::name(k, &t), op, v)]
            }
            2 => self.list_op(sc),
            3 => self.dict_op(sc),
            4 => vec![self.print_vars(sc, 4)],
            5 => {
                let a = self.writable(sc, Kind::Int);
                let b = self.writable(sc, Kind::Int);
                match (a, b) {
                    (Some(a), Some(b)) if a != b => {
                        let e = Expr::bin(
                            Kind::Int,
                            Expr::bin(
                                Kind::Int,
                                Expr::name(Kind::Int, &a),
                                "+",
                                Expr::name(Kind::Int, &b),
                            ),
                            "%",
                            Expr::lit(Kind::Int, self.rng.choose(INT_MODS)),
                        );
                        vec![Stmt::Assign(
                            vec![Expr::name(Kind::Int, &a), Expr::name(Kind::Int, &b)],
                            Expr::tuple(vec![Expr::name(Kind::Int, &b), e]),
                        )]
                    }
                    _ => vec![self.print_vars(sc, 2)],
                }
            }
            6 => self.obj_op(sc),
            7 => {
                // Rebind a closure variable (a new closure through the same call site).
                let fns: Vec<Var> = sc
                    .vars
                    .iter()
                    .filter(|v| v.kind == Kind::Fn && v.write)
                    .cloned()
                    .collect();
                let factories: Vec<Func> = self
                    .funcs
                    .iter()
                    .filter(|f| f.shape == FnShape::Factory)
                    .cloned()
                    .collect();
                if fns.is_empty() || factories.is_empty() {
                    return vec![self.print_vars(sc, 2)];
                }
                let v = self.rng.pick(&fns).clone();
                let f = self.rng.pick(&factories).clone();
                let arg = self.expr(Kind::Int, 1, sc);
                let c = self.cond(sc);
                vec![Stmt::If(
                    vec![(
                        c,
                        vec![assign(
                            &v.name,
                            Kind::Fn,
                            Expr::call(Kind::Fn, &f.name, vec![arg]),
                        )],
                    )],
                    vec![],
                )]
            }
            8 => {
                let Some(s) = self.var_of(sc, Kind::Set) else {
                    return vec![self.print_vars(sc, 2)];
                };
                let x = self.small_int(sc);
                if self.rng.pct(70) {
                    vec![Stmt::Expr(Expr::method(Kind::Other, s, "add", vec![x]))]
                } else {
                    vec![Stmt::If(
                        vec![(
                            Expr::cmp(
                                Expr::call(Kind::Int, "len", vec![s.clone()]),
                                ">",
                                Expr::int(1),
                            ),
                            vec![Stmt::Expr(Expr::method(Kind::Other, s, "discard", vec![x]))],
                        )],
                        vec![],
                    )]
                }
            }
            9 => {
                let arg = self.expr(Kind::Int, 1, sc);
                let e = self.exception_ctor(&arg);
                let c = self.cond(sc);
                vec![Stmt::If(vec![(c, vec![Stmt::Raise(Some(e))])], vec![])]
            }
            _ => {
                let Some(t) = self.writable(sc, Kind::Str) else {
                    return vec![self.print_vars(sc, 2)];
                };
                let piece = self.expr(Kind::Str, 2, sc);
                let v = Expr {
                    kind: Kind::Str,
                    node: Node::Slice(
                        Box::new(Expr::bin(Kind::Str, Expr::name(Kind::Str, &t), "+", piece)),
                        Some(Box::new(Expr::int(-30))),
                        None,
                        None,
                    ),
                };
                vec![assign(&t, Kind::Str, v)]
            }
        }
    }

    fn list_op(&mut self, sc: &Scope) -> Vec<Stmt> {
        let lists: Vec<Var> = sc
            .vars
            .iter()
            .filter(|v| matches!(v.kind, Kind::ListInt | Kind::ListNum))
            .cloned()
            .collect();
        if lists.is_empty() {
            return vec![self.print_vars(sc, 2)];
        }
        let l = self.rng.pick(&lists).clone();
        let lk = l.kind;
        let le = Expr::name(lk, &l.name);
        let elem = k_elem(lk);
        let frozen = sc.frozen.contains(&l.name);
        let len = Expr::call(Kind::Int, "len", vec![le.clone()]);
        let rebind = if l.write { 8 } else { 7 };
        match self.rng.below(if frozen { 3 } else { rebind }) {
            0 | 1 => {
                // L[idx] = v, with idx in range (possibly negative).
                let i = self.small_int(sc);
                let idx = Expr::bin(Kind::Int, i, "%", len.clone());
                let idx = if self.rng.pct(30) {
                    Expr::bin(Kind::Int, idx, "-", len)
                } else {
                    idx
                };
                let v = self.expr(elem, 2, sc);
                let v = self.reduce(v, elem);
                if self.rng.pct(30) && elem == Kind::Int {
                    vec![Stmt::Aug(Expr::index(elem, le, idx), "+", v)]
                } else {
                    vec![Stmt::Assign(vec![Expr::index(elem, le, idx)], v)]
                }
            }
            2 => {
                // Slice assignment keeping the length.
                let i = self.small_int(sc);
                let lo = Expr::bin(Kind::Int, i, "%", len);
                let v = self.expr(elem, 1, sc);
                vec![Stmt::Assign(
                    vec![Expr {
                        kind: lk,
                        node: Node::Slice(
                            Box::new(le),
                            Some(Box::new(lo.clone())),
                            Some(Box::new(Expr::bin(Kind::Int, lo, "+", Expr::int(1)))),
                            None,
                        ),
                    }],
                    Expr::list(lk, vec![v]),
                )]
            }
            3 | 4 => {
                // append, bounded: the pop comes first, so an exception between
                // the two (or a caller iterating the list) never grows it.
                let v = self.expr(elem, 2, sc);
                let v = self.reduce(v, elem);
                let bound = self.rng.range(4, 24);
                vec![
                    Stmt::If(
                        vec![(
                            Expr::cmp(len, ">=", Expr::int(bound)),
                            vec![Stmt::Expr(Expr::method(
                                Kind::Other,
                                le.clone(),
                                "pop",
                                vec![Expr::int(self.rng.choose(&[0, -1, 1]))],
                            ))],
                        )],
                        vec![],
                    ),
                    Stmt::Expr(Expr::method(Kind::Other, le, "append", vec![v])),
                ]
            }
            5 => vec![Stmt::Expr(Expr::method(
                Kind::Other,
                le,
                self.rng.choose(&["sort", "reverse"]),
                vec![],
            ))],
            6 => {
                // pop, then insert: never longer than before, never empty.
                let v = self.expr(elem, 1, sc);
                vec![
                    Stmt::If(
                        vec![(
                            Expr::cmp(len, ">", Expr::int(1)),
                            vec![Stmt::Expr(Expr::method(
                                Kind::Other,
                                le.clone(),
                                "pop",
                                vec![],
                            ))],
                        )],
                        vec![],
                    ),
                    Stmt::Expr(Expr::method(
                        Kind::Other,
                        le,
                        "insert",
                        vec![Expr::int(self.rng.range(-2, 3)), v],
                    )),
                ]
            }
            _ => {
                // Rebuild with a comprehension (same length).
                let x = self.fresh("e");
                let mut csc = sc.clone();
                csc.vars.push(Var {
                    name: x.clone(),
                    kind: elem,
                    write: false,
                });
                let body = self.expr(elem, 2, &csc);
                let body = self.reduce(body, elem);
                vec![assign(
                    &l.name,
                    lk,
                    Expr {
                        kind: lk,
                        node: Node::Comp {
                            elt: Box::new(body),
                            var: x,
                            iter: Box::new(le),
                            cond: None,
                        },
                    },
                )]
            }
        }
    }

    fn dict_op(&mut self, sc: &Scope) -> Vec<Stmt> {
        let Some(d) = self.var_of(sc, Kind::Dict) else {
            return vec![self.print_vars(sc, 2)];
        };
        let name = match &d.node {
            Node::Lit(n) => n.clone(),
            _ => String::new(),
        };
        let frozen = sc.frozen.contains(&name);
        let k = self.small_int(sc);
        let k = Expr::bin(Kind::Int, k, "%", Expr::int(self.rng.range(3, 12)));
        match self.rng.below(if frozen { 1 } else { 4 }) {
            0 => {
                let v = self.expr(Kind::Int, 2, sc);
                let v = self.reduce(v, Kind::Int);
                vec![Stmt::Assign(vec![Expr::index(Kind::Int, d, k)], v)]
            }
            1 => vec![Stmt::Expr(Expr::method(
                Kind::Other,
                d,
                "pop",
                vec![k, Expr::lit(Kind::Other, "None")],
            ))],
            2 => {
                let v = self.expr(Kind::Int, 1, sc);
                vec![Stmt::Aug(
                    Expr::index(Kind::Int, d.clone(), k.clone()),
                    "+",
                    v,
                )]
                .into_iter()
                .map(|s| {
                    Stmt::If(
                        vec![(
                            Expr {
                                kind: Kind::Bool,
                                node: Node::Cmp(Box::new(k.clone()), vec![("in", d.clone())]),
                            },
                            vec![s],
                        )],
                        vec![],
                    )
                })
                .collect()
            }
            _ => {
                let v = self.expr(Kind::Int, 1, sc);
                vec![Stmt::Expr(Expr::method(
                    Kind::Other,
                    d,
                    "setdefault",
                    vec![k, v],
                ))]
            }
        }
    }

    fn obj_op(&mut self, sc: &Scope) -> Vec<Stmt> {
        let objs: Vec<Var> = sc
            .vars
            .iter()
            .filter(|v| v.kind == Kind::Obj)
            .cloned()
            .collect();
        if objs.is_empty() || self.classes.is_empty() {
            return self.quiet_fallback(sc);
        }
        let o = self.rng.pick(&objs).clone();
        match self.rng.below(3) {
            0 if o.write => {
                // Another class through the same sites, often late.
                let v = self.new_obj(sc);
                let c = self.cond(sc);
                vec![Stmt::If(
                    vec![(c, vec![assign(&o.name, Kind::Obj, v)])],
                    vec![],
                )]
            }
            1 => {
                let v = self.expr(Kind::Num, 2, sc);
                let v = self.reduce(v, Kind::Num);
                vec![Stmt::Assign(
                    vec![Expr {
                        kind: Kind::Num,
                        node: Node::Attr(Box::new(Expr::name(Kind::Obj, &o.name)), "v".into()),
                    }],
                    v,
                )]
            }
            _ => {
                let Some(t) = self.writable(sc, Kind::Num) else {
                    return self.quiet_fallback(sc);
                };
                let x = self.expr(Kind::Num, 1, sc);
                let call = Expr::method(Kind::Num, Expr::name(Kind::Obj, &o.name), "m", vec![x]);
                vec![assign(&t, Kind::Num, self.reduce(call, Kind::Num))]
            }
        }
    }

    /// `e % M` with a modulus that keeps recurrences bounded.
    fn reduce(&mut self, e: Expr, k: Kind) -> Expr {
        match k {
            Kind::Int => {
                if self.rng.pct(20) {
                    Expr::bin(
                        Kind::Int,
                        e,
                        "&",
                        Expr::lit(Kind::Int, "0xffffffffffffffff"),
                    )
                } else {
                    Expr::bin(
                        Kind::Int,
                        e,
                        "%",
                        Expr::lit(Kind::Int, self.rng.choose(INT_MODS)),
                    )
                }
            }
            Kind::Num | Kind::Float => {
                let m = if self.rng.pct(50) {
                    self.rng.choose(NUM_MODS)
                } else {
                    self.rng.choose(INT_MODS)
                };
                Expr::bin(k, e, "%", Expr::lit(Kind::Num, m))
            }
            _ => e,
        }
    }

    // ------------------------------------------------------------ printing

    /// `print(...)` of up to `max` variables (loop counters first).
    fn print_vars(&mut self, sc: &Scope, max: usize) -> Stmt {
        let mut items = vec![];
        for (i, _) in sc.loops.iter().rev().take(1) {
            items.push(Expr::name(Kind::Int, i));
        }
        let mut vars: Vec<&Var> = sc
            .vars
            .iter()
            .filter(|v| v.kind != Kind::Fn && !sc.loops.iter().any(|(i, _)| *i == v.name))
            .collect();
        if max != usize::MAX {
            // A random subset, in a stable order.
            let keep = max.min(vars.len());
            while vars.len() > keep {
                let i = self.rng.below(vars.len() as u64) as usize;
                vars.remove(i);
            }
        }
        for v in vars {
            items.push(self.show(v));
        }
        if items.is_empty() {
            items.push(Expr::lit(Kind::Str, "'-'"));
        }
        print(items)
    }

    /// How a variable is printed: sets sorted, the rest as is.
    fn show(&self, v: &Var) -> Expr {
        match v.kind {
            Kind::Set => Expr::call(
                Kind::ListInt,
                "sorted",
                vec![Expr::name(Kind::Set, &v.name)],
            ),
            k => Expr::name(k, &v.name),
        }
    }

    /// A tuple of the scope's variables (a phase's return value).
    fn print_vars_expr(&mut self, sc: &Scope) -> Expr {
        let items = sc
            .vars
            .iter()
            .filter(|v| v.write && v.kind != Kind::Fn)
            .map(|v| self.show(v))
            .collect();
        Expr::tuple(items)
    }

    // ------------------------------------------------------------ expressions

    fn var_of(&mut self, sc: &Scope, k: Kind) -> Option<Expr> {
        let c: Vec<&Var> = sc.vars.iter().filter(|v| v.kind.fits(k)).collect();
        if c.is_empty() {
            return None;
        }
        let v = self.rng.pick(&c);
        Some(Expr::name(v.kind, &v.name))
    }

    fn writable(&mut self, sc: &Scope, k: Kind) -> Option<String> {
        let c: Vec<&Var> = sc
            .vars
            .iter()
            .filter(|v| v.write && (v.kind == k || (k == Kind::Num && v.kind == Kind::Num)))
            .collect();
        if c.is_empty() {
            return None;
        }
        Some(self.rng.pick(&c).name.clone())
    }

    /// A small int: a loop counter, a small literal, or an int expression.
    fn small_int(&mut self, sc: &Scope) -> Expr {
        if let Some((i, _)) = sc.loops.last() {
            if self.rng.pct(60) {
                let i = Expr::name(Kind::Int, i);
                return if self.rng.pct(50) {
                    i
                } else {
                    Expr::bin(
                        Kind::Int,
                        i,
                        self.rng.choose(&["+", "*", "-"]),
                        Expr::int(self.rng.range(1, 7)),
                    )
                };
            }
        }
        if self.rng.pct(50) {
            Expr::int(self.rng.range(-3, 12))
        } else {
            self.expr(Kind::Int, 1, sc)
        }
    }

    fn leaf(&mut self, k: Kind, sc: &Scope) -> Expr {
        let leaves: Vec<&Expr> = sc.leaves.iter().filter(|e| e.kind.fits(k)).collect();
        if !leaves.is_empty() && self.rng.pct(15) {
            return (self.rng.choose(&leaves)).clone();
        }
        if self.rng.pct(70) {
            if let Some(v) = self.var_of(sc, k) {
                return v;
            }
        }
        match k {
            Kind::ListInt | Kind::ListNum | Kind::Dict | Kind::Set | Kind::Obj => {
                self.init_value(k, sc)
            }
            Kind::Fn => Expr::lit(Kind::Fn, "abs"),
            _ => self.literal(k),
        }
    }

    /// An expression of kind `k`, at most `d` levels deep.
    fn expr(&mut self, k: Kind, d: u32, sc: &Scope) -> Expr {
        if sc.jit && matches!(k, Kind::Int | Kind::Float | Kind::Num | Kind::Bool) {
            return self.jit_expr(k, d, sc);
        }
        if d == 0 || self.rng.pct(22) {
            return self.leaf(k, sc);
        }
        match k {
            Kind::Int => self.int_expr(d, sc),
            Kind::Float => self.float_expr(d, sc),
            Kind::Num => self.num_expr(d, sc),
            Kind::Bool => self.bool_expr(d, sc),
            Kind::Str => self.str_expr(d, sc),
            Kind::ListInt | Kind::ListNum => self.list_expr(k, d, sc),
            _ => self.leaf(k, sc),
        }
    }

    fn int_expr(&mut self, d: u32, sc: &Scope) -> Expr {
        let d1 = d - 1;
        let nfuncs = self.funcs.len();
        let w = [
            20,                                  // + - *
            8,                                   // // % by (b or 1)
            8,                                   // & | ^
            6,                                   // shifts
            5,                                   // unary
            if nfuncs > 0 { 12 } else { 0 },     // calls
            6,                                   // len / index
            5,                                   // min max sum abs
            4,                                   // ifexp
            4,                                   // divmod / pow
            3,                                   // hash / bit_length / int(str())
            3,                                   // bool arithmetic
            3,                                   // math ints
            3,                                   // dict get
            if self.f.closures { 5 } else { 0 }, // closure call
            if self.f.sets { 2 } else { 0 },     // len(set)
            3,                                   // edge constants arithmetic
        ];
        match self.rng.weighted(&w) {
            0 => {
                let a = self.expr(Kind::Int, d1, sc);
                let b = self.expr(Kind::Int, d1, sc);
                Expr::bin(Kind::Int, a, self.rng.choose(&["+", "-", "*", "+", "-"]), b)
            }
            1 => {
                let a = self.expr(Kind::Int, d1, sc);
                let b = self.expr(Kind::Int, d1, sc);
                Expr::bin(
                    Kind::Int,
                    a,
                    self.rng.choose(&["//", "%"]),
                    nonzero(Kind::Int, b),
                )
            }
            2 => {
                let a = self.expr(Kind::Int, d1, sc);
                let b = self.expr(Kind::Int, d1, sc);
                Expr::bin(Kind::Int, a, self.rng.choose(&["&", "|", "^"]), b)
            }
            3 => {
                let a = self.expr(Kind::Int, d1, sc);
                let s = if self.rng.pct(50) {
                    Expr::int(self.rng.choose(&[1, 3, 31, 32, 62, 63, 64, 65]))
                } else {
                    let b = self.expr(Kind::Int, d1, sc);
                    Expr::bin(
                        Kind::Int,
                        b,
                        "&",
                        Expr::int(self.rng.choose(&[7, 31, 63, 127])),
                    )
                };
                Expr::bin(Kind::Int, a, self.rng.choose(&["<<", ">>"]), s)
            }
            4 => {
                let a = self.expr(Kind::Int, d1, sc);
                match self.rng.below(3) {
                    0 => Expr::un(Kind::Int, "-", a),
                    1 => Expr::un(Kind::Int, "~", a),
                    _ => Expr::call(Kind::Int, "abs", vec![a]),
                }
            }
            5 => self.call_expr(Kind::Int, d1, sc),
            6 => {
                let l = self.expr(Kind::ListInt, d1.min(1), sc);
                match self.rng.below(4) {
                    0 => Expr::call(Kind::Int, "len", vec![l]),
                    1 => Expr::index(Kind::Int, l, Expr::int(self.rng.choose(&[0, -1]))),
                    _ => {
                        let i = self.small_int(sc);
                        let len = Expr::call(Kind::Int, "len", vec![l.clone()]);
                        let idx = Expr::bin(Kind::Int, i, "%", len.clone());
                        let idx = if self.rng.pct(30) {
                            Expr::bin(Kind::Int, idx, "-", len)
                        } else {
                            idx
                        };
                        Expr::index(Kind::Int, l, idx)
                    }
                }
            }
            7 => {
                let a = self.expr(Kind::Int, d1, sc);
                let b = self.expr(Kind::Int, d1, sc);
                match self.rng.below(3) {
                    0 => Expr::call(Kind::Int, "min", vec![a, b]),
                    1 => Expr::call(Kind::Int, "max", vec![a, b]),
                    _ => {
                        let l = self.expr(Kind::ListInt, d1.min(1), sc);
                        Expr::call(Kind::Int, "sum", vec![l])
                    }
                }
            }
            8 => {
                let a = self.expr(Kind::Int, d1, sc);
                let c = self.cond(sc);
                let b = self.expr(Kind::Int, d1, sc);
                Expr::ifexp(Kind::Int, a, c, b)
            }
            9 => {
                let a = self.expr(Kind::Int, d1, sc);
                let b = self.expr(Kind::Int, d1, sc);
                if self.rng.pct(50) {
                    Expr::index(
                        Kind::Int,
                        Expr::call(Kind::Other, "divmod", vec![a, nonzero(Kind::Int, b)]),
                        Expr::int(self.rng.range(0, 1)),
                    )
                } else if self.rng.pct(50) {
                    Expr::bin(Kind::Int, a, "**", Expr::int(self.rng.range(0, 3)))
                } else {
                    Expr::call(
                        Kind::Int,
                        "pow",
                        vec![
                            a,
                            Expr::bin(Kind::Int, b, "%", Expr::int(40)),
                            Expr::lit(
                                Kind::Int,
                                self.rng.choose(&["1000003", "(2 ** 64 + 13)", "97"]),
                            ),
                        ],
                    )
                }
            }
            10 => {
                let a = self.expr(Kind::Int, d1, sc);
                // No hash() of floats: hash(nan) is the object's address in 3.11.
                match self.rng.below(3) {
                    0 => Expr::call(Kind::Int, "hash", vec![a]),
                    1 => Expr::method(Kind::Int, a, "bit_length", vec![]),
                    _ => Expr::call(
                        Kind::Int,
                        "int",
                        vec![Expr::call(Kind::Str, "str", vec![a])],
                    ),
                }
            }
            11 => {
                let b = self.expr(Kind::Bool, d1, sc);
                let a = self.expr(Kind::Int, d1, sc);
                Expr::bin(Kind::Int, b, self.rng.choose(&["+", "*", "-"]), a)
            }
            12 => {
                let a = self.expr(Kind::Int, d1, sc);
                let b = self.expr(Kind::Int, d1, sc);
                match self.rng.below(3) {
                    0 => Expr::call(Kind::Int, "math.gcd", vec![a, b]),
                    1 => Expr::call(
                        Kind::Int,
                        "math.isqrt",
                        vec![Expr::call(Kind::Int, "abs", vec![a])],
                    ),
                    _ => Expr::call(
                        Kind::Int,
                        "math.factorial",
                        vec![Expr::bin(Kind::Int, a, "%", Expr::int(25))],
                    ),
                }
            }
            13 => {
                let Some(dv) = self.var_of(sc, Kind::Dict) else {
                    return self.leaf(Kind::Int, sc);
                };
                let k = self.small_int(sc);
                if self.rng.pct(70) {
                    let dflt = self.expr(Kind::Int, 0, sc);
                    Expr::method(Kind::Int, dv, "get", vec![k, dflt])
                } else {
                    Expr::call(Kind::Int, "len", vec![dv])
                }
            }
            14 => {
                let Some(h) = self.var_of(sc, Kind::Fn) else {
                    return self.leaf(Kind::Int, sc);
                };
                let a = self.expr(Kind::Int, d1, sc);
                Expr {
                    kind: Kind::Int,
                    node: Node::Call(Box::new(h), vec![Arg::Pos(a)]),
                }
            }
            15 => {
                let Some(s) = self.var_of(sc, Kind::Set) else {
                    return self.leaf(Kind::Int, sc);
                };
                Expr::call(Kind::Int, "len", vec![s])
            }
            _ => {
                let a = self.expr(Kind::Int, d1, sc);
                let e = Expr::lit(Kind::Int, self.rng.choose(INT_EDGES));
                Expr::bin(Kind::Int, a, self.rng.choose(&["+", "-", "^", "*"]), e)
            }
        }
    }

    fn float_expr(&mut self, d: u32, sc: &Scope) -> Expr {
        let d1 = d - 1;
        match self.rng.weighted(&[20, 12, 8, 14, 4, 4, 4, 4]) {
            0 => {
                let a = self.expr(Kind::Float, d1, sc);
                let b = self.expr(Kind::Num, d1, sc);
                let (a, b) = if self.rng.pct(50) { (a, b) } else { (b, a) };
                Expr::bin(Kind::Float, a, self.rng.choose(&["+", "-", "*"]), b)
            }
            1 => {
                let a = self.expr(Kind::Num, d1, sc);
                let b = self.expr(Kind::Num, d1, sc);
                Expr::bin(Kind::Float, a, "/", nonzero(Kind::Num, b))
            }
            2 => {
                let a = self.expr(Kind::Num, d1, sc);
                Expr::call(Kind::Float, "float", vec![a])
            }
            3 => {
                let a = self.expr(Kind::Num, d1, sc);
                match self.rng.below(8) {
                    0 => Expr::call(
                        Kind::Float,
                        "math.sqrt",
                        vec![Expr::call(Kind::Num, "abs", vec![a])],
                    ),
                    1 => Expr::call(Kind::Float, "math.sin", vec![a]),
                    2 => Expr::call(Kind::Float, "math.cos", vec![a]),
                    3 => {
                        let b = self.expr(Kind::Num, d1, sc);
                        Expr::call(Kind::Float, "math.atan2", vec![a, b])
                    }
                    4 => Expr::call(
                        Kind::Float,
                        "math.log",
                        vec![Expr::bin(
                            Kind::Num,
                            Expr::call(Kind::Num, "abs", vec![a]),
                            "+",
                            Expr::int(1),
                        )],
                    ),
                    5 => Expr::call(Kind::Float, "math.fabs", vec![a]),
                    6 => Expr::call(
                        Kind::Float,
                        "math.exp",
                        vec![Expr::bin(Kind::Num, a, "%", Expr::int(50))],
                    ),
                    _ if HELD_BACK.contains(&"math.hypot") => {
                        let b = self.expr(Kind::Num, d1, sc);
                        Expr::call(
                            Kind::Float,
                            "math.sqrt",
                            vec![Expr::bin(
                                Kind::Num,
                                Expr::bin(Kind::Num, a.clone(), "*", a),
                                "+",
                                Expr::bin(Kind::Num, b.clone(), "*", b),
                            )],
                        )
                    }
                    _ => {
                        let b = self.expr(Kind::Num, d1, sc);
                        Expr::call(Kind::Float, "math.hypot", vec![a, b])
                    }
                }
            }
            4 => {
                let a = self.expr(Kind::Float, d1, sc);
                if self.rng.pct(50) {
                    Expr::bin(Kind::Float, a, "**", Expr::int(2))
                } else {
                    Expr::bin(
                        Kind::Float,
                        Expr::call(Kind::Float, "abs", vec![a]),
                        "**",
                        Expr::lit(Kind::Float, "0.5"),
                    )
                }
            }
            5 => {
                let a = self.expr(Kind::Float, d1, sc);
                match self.rng.below(3) {
                    0 => Expr::un(Kind::Float, "-", a),
                    1 => Expr::call(
                        Kind::Float,
                        "round",
                        vec![a, Expr::int(self.rng.range(0, 3))],
                    ),
                    _ => Expr::call(Kind::Float, "abs", vec![a]),
                }
            }
            6 => {
                let a = self.expr(Kind::Float, d1, sc);
                let c = self.cond(sc);
                let b = self.expr(Kind::Float, d1, sc);
                Expr::ifexp(Kind::Float, a, c, b)
            }
            _ => {
                let a = self.expr(Kind::Float, d1, sc);
                let b = self.expr(Kind::Num, d1, sc);
                Expr::bin(
                    Kind::Float,
                    a,
                    self.rng.choose(&["%", "//"]),
                    nonzero(Kind::Num, b),
                )
            }
        }
    }

    fn num_expr(&mut self, d: u32, sc: &Scope) -> Expr {
        let d1 = d - 1;
        match self.rng.weighted(&[
            20,
            15,
            10,
            8,
            6,
            6,
            5,
            5,
            if self.f.classes { 6 } else { 0 },
        ]) {
            0 => {
                let a = self.expr(Kind::Num, d1, sc);
                let b = self.expr(Kind::Num, d1, sc);
                Expr::bin(Kind::Num, a, self.rng.choose(&["+", "-", "*", "+"]), b)
            }
            1 => self.int_expr(d, sc),
            2 => self.float_expr(d, sc),
            3 => {
                let a = self.expr(Kind::Num, d1, sc);
                let b = self.expr(Kind::Num, d1, sc);
                Expr::bin(
                    Kind::Num,
                    a,
                    self.rng.choose(&["//", "%"]),
                    nonzero(Kind::Num, b),
                )
            }
            4 => {
                let a = self.expr(Kind::Num, d1, sc);
                let b = self.expr(Kind::Num, d1, sc);
                Expr {
                    kind: Kind::Num,
                    node: Node::BoolOp(self.rng.choose(&["and", "or"]), vec![a, b]),
                }
            }
            5 => {
                let a = self.expr(Kind::Num, d1, sc);
                let c = self.cond(sc);
                let b = self.expr(Kind::Num, d1, sc);
                Expr::ifexp(Kind::Num, a, c, b)
            }
            6 => {
                let l = self.expr(Kind::ListNum, d1.min(1), sc);
                if self.rng.pct(50) {
                    let i = self.small_int(sc);
                    let idx = Expr::bin(
                        Kind::Int,
                        i,
                        "%",
                        Expr::call(Kind::Int, "len", vec![l.clone()]),
                    );
                    Expr::index(Kind::Num, l, idx)
                } else {
                    Expr::call(Kind::Num, self.rng.choose(&["sum", "max", "min"]), vec![l])
                }
            }
            7 => self.call_expr(Kind::Num, d1, sc),
            _ => {
                let Some(o) = self.var_of(sc, Kind::Obj) else {
                    return self.leaf(Kind::Num, sc);
                };
                if self.rng.pct(50) {
                    Expr {
                        kind: Kind::Num,
                        node: Node::Attr(Box::new(o), "v".into()),
                    }
                } else {
                    let x = self.expr(Kind::Num, d1, sc);
                    Expr::method(Kind::Num, o, "m", vec![x])
                }
            }
        }
    }

    fn bool_expr(&mut self, d: u32, sc: &Scope) -> Expr {
        let d1 = d - 1;
        match self.rng.weighted(&[
            30,
            8,
            10,
            8,
            6,
            5,
            5,
            if self.f.classes { 4 } else { 0 },
            if self.f.sets { 3 } else { 0 },
        ]) {
            0 => {
                let a = self.expr(Kind::Num, d1, sc);
                let b = self.expr(Kind::Num, d1, sc);
                Expr::cmp(a, self.rng.choose(CMP_OPS), b)
            }
            1 => {
                let a = self.expr(Kind::Num, d1, sc);
                let b = self.expr(Kind::Num, d1, sc);
                let c = self.expr(Kind::Num, d1, sc);
                Expr {
                    kind: Kind::Bool,
                    node: Node::Cmp(
                        Box::new(a),
                        vec![(self.rng.choose(CMP_OPS), b), (self.rng.choose(CMP_OPS), c)],
                    ),
                }
            }
            2 => {
                let a = self.expr(Kind::Bool, d1, sc);
                let b = self.expr(Kind::Bool, d1, sc);
                if self.rng.pct(30) {
                    Expr::un(Kind::Bool, "not", a)
                } else {
                    Expr {
                        kind: Kind::Bool,
                        node: Node::BoolOp(self.rng.choose(&["and", "or"]), vec![a, b]),
                    }
                }
            }
            3 => {
                // Ints only: `x in [y]` with floats depends on object identity for
                // nan, which unboxed floats do not have (63d5790ccb2ba488).
                let x = self.expr(Kind::Int, d1, sc);
                let l = self.expr(Kind::ListInt, d1.min(1), sc);
                Expr {
                    kind: Kind::Bool,
                    node: Node::Cmp(Box::new(x), vec![(self.rng.choose(&["in", "not in"]), l)]),
                }
            }
            4 => {
                let x = self.expr(Kind::Num, d1, sc);
                let t = self.rng.choose(&["int", "float", "bool", "(int, float)"]);
                Expr::call(Kind::Bool, "isinstance", vec![x, Expr::lit(Kind::Other, t)])
            }
            5 => {
                let s = self.expr(Kind::Str, d1, sc);
                match self.rng.below(3) {
                    0 => Expr::method(
                        Kind::Bool,
                        s,
                        "startswith",
                        vec![Expr::lit(Kind::Str, self.rng.choose(STRS))],
                    ),
                    1 => Expr::method(Kind::Bool, s, "isdigit", vec![]),
                    _ => Expr {
                        kind: Kind::Bool,
                        node: Node::Cmp(
                            Box::new(Expr::lit(
                                Kind::Str,
                                self.rng.choose(&["'a'", "'1'", "'-'"]),
                            )),
                            vec![("in", s)],
                        ),
                    },
                }
            }
            6 => {
                let f = self.expr(Kind::Float, d1, sc);
                Expr::call(
                    Kind::Bool,
                    self.rng
                        .choose(&["math.isnan", "math.isinf", "math.isfinite", "bool"]),
                    vec![f],
                )
            }
            7 => {
                let Some(o) = self.var_of(sc, Kind::Obj) else {
                    return self.leaf(Kind::Bool, sc);
                };
                let c = self.rng.pick(&self.classes).name.clone();
                Expr::call(Kind::Bool, "isinstance", vec![o, Expr::lit(Kind::Other, c)])
            }
            _ => {
                let Some(s) = self.var_of(sc, Kind::Set) else {
                    return self.leaf(Kind::Bool, sc);
                };
                let x = self.small_int(sc);
                Expr {
                    kind: Kind::Bool,
                    node: Node::Cmp(Box::new(x), vec![("in", s)]),
                }
            }
        }
    }

    fn str_expr(&mut self, d: u32, sc: &Scope) -> Expr {
        let d1 = d - 1;
        match self.rng.weighted(&[15, 15, 8, 8, 6, 6, 5, 5]) {
            0 => {
                let a = self.expr(Kind::Num, d1, sc);
                Expr::call(Kind::Str, self.rng.choose(&["str", "repr"]), vec![a])
            }
            1 if d1 > 0 => {
                // f-string (not nested).
                let mut parts = vec![];
                for i in 0..self.rng.range(1, 3) {
                    if i > 0 || self.rng.pct(50) {
                        parts.push(FPart::Text(
                            self.rng.pick(&["", ":", "-", " x=", "|"]).to_string(),
                        ));
                    }
                    let k = self.rng.choose(&[Kind::Int, Kind::Float, Kind::Num]);
                    let e = self.expr(k, 1, sc);
                    let spec = match k {
                        Kind::Int => self
                            .rng
                            .choose(&["", ":d", ":>8", ":x", ":,", ":08d", "!r", ":+d", ":b"]),
                        Kind::Float => self
                            .rng
                            .choose(&["", ":.3f", ":e", ":g", ":>10.2f", "!r", ":.0f", ":%"]),
                        _ => self.rng.choose(&["", "!r", ":>6", "!s"]),
                    };
                    parts.push(FPart::Val(e, spec.to_string()));
                }
                Expr {
                    kind: Kind::Str,
                    node: Node::FStr(parts),
                }
            }
            2 => {
                let a = self.expr(Kind::Str, d1, sc);
                let b = self.expr(Kind::Str, d1, sc);
                Expr::bin(Kind::Str, a, "+", b)
            }
            3 => {
                let s = self.expr(Kind::Str, d1, sc);
                let lo = self.small_int(sc);
                Expr {
                    kind: Kind::Str,
                    node: Node::Slice(
                        Box::new(s),
                        Some(Box::new(lo)),
                        if self.rng.pct(50) {
                            Some(Box::new(Expr::int(self.rng.range(-3, 6))))
                        } else {
                            None
                        },
                        None,
                    ),
                }
            }
            4 => {
                let s = self.expr(Kind::Str, d1, sc);
                match self.rng.below(4) {
                    0 => Expr::method(Kind::Str, s, "upper", vec![]),
                    1 => Expr::method(Kind::Str, s, "strip", vec![]),
                    2 => Expr::method(
                        Kind::Str,
                        s,
                        "replace",
                        vec![Expr::lit(Kind::Str, "'a'"), Expr::lit(Kind::Str, "'<>'")],
                    ),
                    _ => Expr::bin(Kind::Str, s, "*", Expr::int(self.rng.range(0, 3))),
                }
            }
            5 => {
                let a = self.expr(Kind::Int, d1, sc);
                let b = self.expr(Kind::Num, d1, sc);
                let fmt = self
                    .rng
                    .choose(&["'%d/%s'", "'%x:%r'", "'%5d|%.2f'", "'%o %s'"]);
                Expr::bin(
                    Kind::Str,
                    Expr::lit(Kind::Str, fmt),
                    "%",
                    Expr::tuple(vec![a, b]),
                )
            }
            6 => {
                let a = self.expr(Kind::Int, d1, sc);
                Expr::call(Kind::Str, self.rng.choose(&["hex", "bin", "oct"]), vec![a])
            }
            _ => {
                let l = self.expr(Kind::ListInt, d1.min(1), sc);
                let x = self.fresh("e");
                Expr::method(
                    Kind::Str,
                    Expr::lit(Kind::Str, self.rng.choose(&["','", "''", "'-'"])),
                    "join",
                    vec![Expr {
                        kind: Kind::Other,
                        node: Node::Comp {
                            elt: Box::new(Expr::call(
                                Kind::Str,
                                "str",
                                vec![Expr::name(Kind::Int, &x)],
                            )),
                            var: x,
                            iter: Box::new(l),
                            cond: None,
                        },
                    }],
                )
            }
        }
    }

    fn list_expr(&mut self, k: Kind, d: u32, sc: &Scope) -> Expr {
        let d1 = d - 1;
        let elem = k_elem(k);
        match self.rng.below(6) {
            0 => {
                let n = self.rng.range(1, 4);
                let items = (0..n).map(|_| self.expr(elem, d1, sc)).collect();
                Expr::list(k, items)
            }
            1 => {
                let l = self.leaf(k, sc);
                Expr::call(k, "sorted", vec![l])
            }
            2 => {
                let l = self.leaf(k, sc);
                let x = self.expr(elem, d1, sc);
                Expr::bin(k, l, "+", Expr::list(k, vec![x]))
            }
            3 => {
                let l = self.leaf(k, sc);
                Expr {
                    kind: k,
                    node: Node::Slice(Box::new(l), None, None, Some(Box::new(Expr::int(-1)))),
                }
            }
            4 if self.f.generators && k == Kind::ListInt => {
                let gens: Vec<Func> = self
                    .funcs
                    .iter()
                    .filter(|f| f.shape == FnShape::Generator)
                    .cloned()
                    .collect();
                if gens.is_empty() {
                    return self.leaf(k, sc);
                }
                let g = self.rng.pick(&gens).clone();
                let a = self.expr(Kind::Num, 0, sc);
                Expr::bin(
                    k,
                    Expr::call(
                        Kind::ListInt,
                        "list",
                        vec![Expr::call(
                            Kind::Other,
                            &g.name,
                            vec![Expr::int(self.rng.range(0, 6)), a],
                        )],
                    ),
                    "+",
                    Expr::list(k, vec![Expr::int(0)]),
                )
            }
            _ => {
                let l = self.leaf(k, sc);
                let x = self.fresh("e");
                let mut csc = sc.clone();
                csc.vars.push(Var {
                    name: x.clone(),
                    kind: elem,
                    write: false,
                });
                let body = self.expr(elem, d1.min(2), &csc);
                Expr {
                    kind: k,
                    node: Node::Comp {
                        elt: Box::new(body),
                        var: x,
                        iter: Box::new(l),
                        cond: None,
                    },
                }
            }
        }
    }

    /// A call of a helper function returning (something that fits) `k`.
    fn call_expr(&mut self, k: Kind, d: u32, sc: &Scope) -> Expr {
        let cands: Vec<Func> = self
            .funcs
            .iter()
            .filter(|f| {
                f.shape != FnShape::Factory && f.ret.fits(k)
                    || (f.shape == FnShape::Generator && k == Kind::Int)
            })
            .filter(|f| f.shape != FnShape::Raiser || sc.in_try)
            .cloned()
            .collect();
        if cands.is_empty() {
            return self.leaf(k, sc);
        }
        let f = self.rng.pick(&cands).clone();
        match f.shape {
            FnShape::Recursive => {
                let n = self.small_int(sc);
                let depth = Expr::bin(Kind::Int, n, "%", Expr::int(self.rng.range(2, 40)));
                let acc = self.expr(Kind::Num, d.min(1), sc);
                Expr::call(f.ret, &f.name, vec![depth, acc])
            }
            FnShape::Tree => {
                let n = self.small_int(sc);
                let cap = if sc.mult > 200 { 7 } else { 12 };
                Expr::call(
                    f.ret,
                    &f.name,
                    vec![Expr::bin(Kind::Int, n, "%", Expr::int(cap))],
                )
            }
            FnShape::Generator => {
                let n = Expr::int(self.rng.range(0, 12));
                let p = self.expr(Kind::Num, d.min(1), sc);
                let call = Expr::call(Kind::Other, &f.name, vec![n, p]);
                if self.rng.pct(70) {
                    Expr::call(Kind::Int, "sum", vec![call])
                } else {
                    Expr::call(Kind::Int, "next", vec![call, Expr::int(-1)])
                }
            }
            _ => {
                let mut args = vec![];
                let mut use_kw = false;
                for (i, (p, pk, has_default)) in f.params.iter().enumerate() {
                    if *has_default && self.rng.pct(40) {
                        use_kw = true; // later ones must be keywords now
                        continue;
                    }
                    let a = self.expr(*pk, d, sc);
                    if (use_kw || (i > 0 && self.rng.pct(25))) && !f.star {
                        use_kw = true;
                        args.push(Arg::Kw(p.clone(), a));
                    } else if use_kw {
                        // f(*args) with a skipped default: pass nothing more.
                        break;
                    } else {
                        args.push(Arg::Pos(a));
                    }
                }
                if f.star && !use_kw && self.rng.pct(60) {
                    if self.rng.pct(50) {
                        let x = self.expr(Kind::Num, d.min(1), sc);
                        args.push(Arg::Pos(x));
                    } else {
                        let l = self.expr(Kind::ListNum, d.min(1), sc);
                        args.push(Arg::Star(l));
                    }
                }
                if f.kw && self.rng.pct(60) {
                    let v = self.expr(Kind::Int, d.min(1), sc);
                    if self.rng.pct(50) {
                        args.push(Arg::Kw("z".into(), v));
                    } else {
                        args.push(Arg::StarStar(Expr {
                            kind: Kind::Other,
                            node: Node::Dict(vec![(Expr::lit(Kind::Str, "'z'"), v)]),
                        }));
                    }
                }
                // All positional: sometimes pass them through `*[...]`.
                if !f.star
                    && !f.kw
                    && args.len() > 1
                    && args.iter().all(|a| matches!(a, Arg::Pos(_)))
                    && self.rng.pct(10)
                    && self.f.varargs
                {
                    let items = args
                        .drain(..)
                        .map(|a| match a {
                            Arg::Pos(e) => e,
                            _ => unreachable!(),
                        })
                        .collect();
                    args.push(Arg::Star(Expr::list(Kind::Other, items)));
                }
                Expr::call_args(f.ret, &f.name, args)
            }
        }
    }
}

// ---------------------------------------------------------------- JIT-friendly code
//
// What tvm's trace recorder compiles today: int and float arithmetic (overflow
// guards), comparisons and branches, `//` and `%` by positive ints, bitwise ops
// and shifts, list indexing and stores with in-range indices, `len()` of lists,
// module globals, and inlined calls of Python functions with positional
// arguments. Loops generated in this mode actually run as machine code, so type
// changes, overflows and late branch flips become guard failures and side exits.

/// Moduli below 2**63 (a BigInt constant would abort recording).
const JIT_MODS: &[&str] = &[
    "1000003",
    "2147483647",
    "2305843009213693951",
    "9223372036854775807",
    "65536",
    "97",
    "4294967296",
];

/// Int literals at the i64 edges (overflowing products and sums).
const JIT_EDGES: &[&str] = &[
    "9223372036854775807",
    "(-9223372036854775807)",
    "4611686018427387904",
    "3037000499",
    "3037000500",
    "2147483647",
    "4294967296",
    "(1 << 62)",
];

const JIT_FLOATS: &[&str] = &[
    "0.5", "1.5", "2.5", "0.1", "3.0", "(-2.25)", "1e16", "1e300", "(-0.0)", "123.456",
];

impl Gen {
    /// A function with positional parameters and a JIT-friendly body.
    fn simple_fn(&mut self) -> Vec<Stmt> {
        let name = self.fresh("sf");
        let mut sc = self.fn_scope(HELPER_BUDGET);
        sc.jit = true;
        sc.room = 4;
        let nparams = self.rng.range(1, 3);
        let mut params = vec![];
        for i in 0..nparams {
            let k = self
                .rng
                .choose(&[Kind::Int, Kind::Int, Kind::Num, Kind::Float]);
            let p = format!("p{i}");
            params.push((p.clone(), k, false));
            sc.vars.push(Var {
                name: p,
                kind: k,
                write: true,
            });
        }
        let ret = self
            .rng
            .choose(&[Kind::Int, Kind::Int, Kind::Num, Kind::Float]);
        sc.ret = Some(ret);
        let mut body = vec![];
        if self.rng.pct(50) {
            let c = self.jit_expr(Kind::Bool, 2, &sc);
            let r = self.jit_expr(ret, 2, &sc);
            body.push(Stmt::If(vec![(c, vec![Stmt::Return(Some(r))])], vec![]));
        }
        if self.rng.pct(50) {
            let k = self.rng.choose(&[Kind::Int, Kind::Num]);
            let v = self.fresh(Self::prefix(k));
            let e = self.jit_expr(k, 2, &sc);
            let e = self.jit_reduce(e, k);
            body.push(assign(&v, k, e));
            sc.vars.push(Var {
                name: v,
                kind: k,
                write: true,
            });
        }
        if self.rng.pct(30) {
            body.extend(self.jit_stmt(&mut sc));
        }
        let r = self.jit_expr(ret, 3, &sc);
        body.push(Stmt::Return(Some(r)));
        let ptext = params.iter().map(|p| p.0.clone()).collect();
        self.funcs.push(Func {
            name: name.clone(),
            shape: FnShape::Simple,
            ret,
            params,
            star: false,
            kw: false,
        });
        vec![Stmt::Def {
            name,
            params: ptext,
            body,
        }]
    }

    /// A statement of a JIT-friendly loop body.
    fn jit_stmt(&mut self, sc: &mut Scope) -> Vec<Stmt> {
        let can_nest = sc.nest < 4 && sc.room > 2;
        let can_loop = can_nest && sc.budget / sc.mult.max(1) >= 2 && sc.depth < 3;
        let w = [
            30,                                   // assignment
            12,                                   // augmented assignment
            10,                                   // list store
            if can_nest { 12 } else { 0 },        // if
            if can_loop { 8 } else { 0 },         // nested loop
            if sc.depth > 0 { 6 } else { 0 },     // late break / continue
            if sc.in_try { 10 } else { 0 },       // something that raises late
            6,                                    // call
            3,                                    // rare print (a side exit)
            if sc.ret.is_some() { 3 } else { 0 }, // early return
            if self.f.classes { 5 } else { 0 },   // object op
        ];
        match self.rng.weighted(&w) {
            0 => {
                let k = self
                    .rng
                    .choose(&[Kind::Int, Kind::Int, Kind::Num, Kind::Num, Kind::Float]);
                let Some(t) = self.writable(sc, k) else {
                    return self.jit_list_store(sc);
                };
                let e = self.jit_expr(k, 3, sc);
                let mut v = self.jit_reduce(e, k);
                if k == Kind::Num && self.rng.pct(40) {
                    // A type change, often late.
                    let c = self.cond(sc);
                    let ok = self.rng.choose(&[Kind::Int, Kind::Float]);
                    let other = self.jit_expr(ok, 2, sc);
                    let other = self.jit_reduce(other, ok);
                    v = Expr::ifexp(Kind::Num, other, c, v);
                }
                vec![assign(&t, k, v)]
            }
            1 => {
                let k = self.rng.choose(&[Kind::Int, Kind::Num, Kind::Float]);
                let Some(t) = self.writable(sc, k) else {
                    return self.jit_list_store(sc);
                };
                // No `*=`: repeated products grow past CPython's 4300-digit str()
                // limit within a few hundred iterations.
                let op = if k == Kind::Int {
                    self.rng.choose(&["+", "-", "^", "|", "&", "+"])
                } else {
                    self.rng.choose(&["+", "-", "+"])
                };
                let mut rsc = sc.clone();
                rsc.vars.retain(|v| v.name != t);
                let v = self.jit_expr(k, 2, &rsc);
                vec![Stmt::Aug(Expr::name(k, &t), op, v)]
            }
            2 => self.jit_list_store(sc),
            3 => vec![self.if_stmt(sc)],
            4 => self.loop_stmt(sc),
            5 => {
                let c = self.cond(sc);
                let s = if self.rng.pct(50) {
                    Stmt::Break
                } else {
                    Stmt::Continue
                };
                vec![Stmt::If(vec![(c, vec![s])], vec![])]
            }
            6 => vec![self.jit_risky(sc)],
            7 => {
                let k = self.rng.choose(&[Kind::Int, Kind::Num]);
                let Some(t) = self.writable(sc, k) else {
                    return self.jit_list_store(sc);
                };
                let e = self.jit_call(k, 2, sc);
                vec![assign(&t, k, self.jit_reduce(e, k))]
            }
            8 => {
                let p = self.print_vars(sc, 3);
                let c = match sc.loops.last() {
                    Some((i, _)) => Expr::cmp(
                        Expr::bin(
                            Kind::Int,
                            Expr::name(Kind::Int, i),
                            "%",
                            Expr::int(self.rng.range(50, 300)),
                        ),
                        "==",
                        Expr::int(self.rng.range(0, 49)),
                    ),
                    None => self.cond(sc),
                };
                vec![Stmt::If(vec![(c, vec![p])], vec![])]
            }
            9 => {
                let c = self.cond(sc);
                let r = self.jit_expr(sc.ret.unwrap_or(Kind::Int), 2, sc);
                vec![Stmt::If(vec![(c, vec![Stmt::Return(Some(r))])], vec![])]
            }
            _ => self.obj_op(sc),
        }
    }

    /// A statement when the one wanted has nothing to work on: a print, or in JIT
    /// mode a list store (a print would end the trace).
    fn quiet_fallback(&mut self, sc: &Scope) -> Vec<Stmt> {
        if sc.jit {
            self.jit_list_store(sc)
        } else {
            vec![self.print_vars(sc, 2)]
        }
    }

    /// `L[e % len(L)] = v`.
    fn jit_list_store(&mut self, sc: &Scope) -> Vec<Stmt> {
        let lists: Vec<Var> = sc
            .vars
            .iter()
            .filter(|v| matches!(v.kind, Kind::ListInt | Kind::ListNum))
            .cloned()
            .collect();
        if lists.is_empty() {
            return vec![self.print_vars(sc, 2)];
        }
        let l = self.rng.pick(&lists).clone();
        let le = Expr::name(l.kind, &l.name);
        let elem = k_elem(l.kind);
        let i = self.jit_index(&le, sc);
        let v = self.jit_expr(elem, 2, sc);
        let v = self.jit_reduce(v, elem);
        vec![Stmt::Assign(vec![Expr::index(elem, le, i)], v)]
    }

    /// An in-range, non-negative index into `l`.
    fn jit_index(&mut self, l: &Expr, sc: &Scope) -> Expr {
        let len = Expr::call(Kind::Int, "len", vec![l.clone()]);
        let i = match sc.loops.last() {
            Some((i, _)) if self.rng.pct(70) => {
                let i = Expr::name(Kind::Int, i);
                match self.rng.below(3) {
                    0 => i,
                    1 => Expr::bin(Kind::Int, i, "*", Expr::int(self.rng.range(2, 7))),
                    _ => Expr::bin(Kind::Int, i, "+", Expr::int(self.rng.range(1, 9))),
                }
            }
            _ => self.jit_expr(Kind::Int, 1, sc),
        };
        Expr::bin(Kind::Int, i, "%", len)
    }

    /// A statement that raises after a while (caught around the loop).
    fn jit_risky(&mut self, sc: &Scope) -> Stmt {
        let Some(t) = self
            .writable(sc, Kind::Int)
            .or_else(|| self.writable(sc, Kind::Num))
        else {
            return self.print_vars(sc, 2);
        };
        let (idx, count) = sc.loops.last().cloned().unwrap_or(("0".into(), 1));
        let i = Expr::name(Kind::Int, &idx);
        let e = match self.rng.below(4) {
            0 => {
                // Division by a value that reaches zero late.
                let k = self.rng.range(1, count.max(2));
                let d = Expr::bin(Kind::Int, Expr::int(k), "-", i);
                let a = self.jit_expr(Kind::Int, 1, sc);
                Expr::bin(Kind::Int, a, self.rng.choose(&["//", "%"]), d)
            }
            1 => {
                // An index that leaves the list late.
                let Some(l) = self.var_of(sc, Kind::ListInt) else {
                    return self.print_vars(sc, 2);
                };
                let off = self.rng.range(-2, 6);
                Expr::index(Kind::Int, l, Expr::bin(Kind::Int, i, "+", Expr::int(off)))
            }
            2 => {
                // A raising helper, inlined.
                let raisers: Vec<Func> = self
                    .funcs
                    .iter()
                    .filter(|f| f.shape == FnShape::Raiser)
                    .cloned()
                    .collect();
                if raisers.is_empty() {
                    let a = self.jit_expr(Kind::Int, 1, sc);
                    Expr::bin(
                        Kind::Int,
                        a,
                        "//",
                        Expr::bin(Kind::Int, Expr::int(count / 2), "-", i),
                    )
                } else {
                    let f = self.rng.pick(&raisers).clone();
                    let a = self.jit_expr(Kind::Int, 1, sc);
                    Expr::call(Kind::Num, &f.name, vec![a])
                }
            }
            _ => {
                // Shift by a count that turns negative late.
                let a = self.jit_expr(Kind::Int, 1, sc);
                Expr::bin(
                    Kind::Int,
                    a,
                    self.rng.choose(&["<<", ">>"]),
                    Expr::bin(
                        Kind::Int,
                        Expr::int(self.rng.range(0, count.clamp(1, 64))),
                        "-",
                        i,
                    ),
                )
            }
        };
        let e = self.jit_reduce(e, Kind::Int);
        assign(&t, Kind::Int, e)
    }

    /// `e % M` (ints: M below 2**63) or a decay (floats), keeping loops bounded.
    fn jit_reduce(&mut self, e: Expr, k: Kind) -> Expr {
        match k {
            Kind::Int => {
                if self.rng.pct(15) {
                    Expr::bin(
                        Kind::Int,
                        e,
                        "&",
                        Expr::lit(Kind::Int, "0x7fffffffffffffff"),
                    )
                } else {
                    Expr::bin(
                        Kind::Int,
                        e,
                        "%",
                        Expr::lit(Kind::Int, self.rng.choose(JIT_MODS)),
                    )
                }
            }
            Kind::Num if self.rng.pct(25) => Expr::bin(
                Kind::Num,
                e,
                "%",
                Expr::lit(Kind::Int, self.rng.choose(JIT_MODS)),
            ),
            Kind::Num | Kind::Float => Expr::bin(
                k,
                Expr::bin(
                    k,
                    e,
                    "*",
                    Expr::lit(Kind::Float, self.rng.choose(&["0.5", "0.25", "0.75"])),
                ),
                "+",
                Expr::lit(Kind::Float, self.rng.choose(&["1.0", "0.5", "(-3.0)"])),
            ),
            _ => e,
        }
    }

    fn jit_leaf(&mut self, k: Kind, sc: &Scope) -> Expr {
        if self.rng.pct(70) {
            let c: Vec<&Var> = sc
                .vars
                .iter()
                .filter(|v| match k {
                    Kind::Num => matches!(v.kind, Kind::Int | Kind::Float | Kind::Num),
                    _ => v.kind == k,
                })
                .collect();
            if !c.is_empty() {
                let v = self.rng.pick(&c);
                return Expr::name(v.kind, &v.name);
            }
        }
        match k {
            Kind::Int | Kind::Num if k == Kind::Int || self.rng.pct(60) => {
                if self.rng.pct(15) {
                    Expr::lit(Kind::Int, self.rng.choose(JIT_EDGES))
                } else {
                    Expr::int(self.rng.range(-5, 100))
                }
            }
            Kind::Bool => Expr::lit(Kind::Bool, self.rng.choose(&["True", "False"])),
            _ => Expr::lit(Kind::Float, self.rng.choose(JIT_FLOATS)),
        }
    }

    /// A JIT-friendly expression of kind `k` (Int, Float, Num or Bool).
    fn jit_expr(&mut self, k: Kind, d: u32, sc: &Scope) -> Expr {
        if d == 0 || self.rng.pct(25) {
            return self.jit_leaf(k, sc);
        }
        let d1 = d - 1;
        match k {
            Kind::Int => match self.rng.weighted(&[25, 10, 10, 6, 4, 10, 4, 8, 5, 4]) {
                0 => {
                    let a = self.jit_expr(Kind::Int, d1, sc);
                    let b = self.jit_expr(Kind::Int, d1, sc);
                    Expr::bin(Kind::Int, a, self.rng.choose(&["+", "-", "*"]), b)
                }
                1 => {
                    let a = self.jit_expr(Kind::Int, d1, sc);
                    let c = Expr::int(self.rng.choose(&[1, 2, 3, 7, 10, 16, 1000, 65536]));
                    Expr::bin(Kind::Int, a, self.rng.choose(&["//", "%"]), c)
                }
                2 => {
                    let a = self.jit_expr(Kind::Int, d1, sc);
                    let b = self.jit_expr(Kind::Int, d1, sc);
                    Expr::bin(Kind::Int, a, self.rng.choose(&["&", "|", "^"]), b)
                }
                3 => {
                    let a = self.jit_expr(Kind::Int, d1, sc);
                    let c = Expr::int(self.rng.choose(&[1, 2, 3, 13, 31, 32, 62, 63, 64]));
                    Expr::bin(Kind::Int, a, self.rng.choose(&["<<", ">>"]), c)
                }
                4 => {
                    let a = self.jit_expr(Kind::Int, d1, sc);
                    Expr::un(Kind::Int, "-", a)
                }
                5 => {
                    let Some(l) = self.var_of(sc, Kind::ListInt) else {
                        return self.jit_leaf(Kind::Int, sc);
                    };
                    let i = self.jit_index(&l, sc);
                    Expr::index(Kind::Int, l, i)
                }
                6 => {
                    let Some(l) = self.var_of(sc, Kind::ListNum) else {
                        return self.jit_leaf(Kind::Int, sc);
                    };
                    Expr::call(Kind::Int, "len", vec![l])
                }
                7 => self.jit_call(Kind::Int, d1, sc),
                8 => {
                    let a = self.jit_expr(Kind::Int, d1, sc);
                    let c = self.cond(sc);
                    let b = self.jit_expr(Kind::Int, d1, sc);
                    Expr::ifexp(Kind::Int, a, c, b)
                }
                _ => {
                    let a = self.jit_expr(Kind::Int, d1, sc);
                    let e = Expr::lit(Kind::Int, self.rng.choose(JIT_EDGES));
                    Expr::bin(Kind::Int, a, self.rng.choose(&["+", "-", "*"]), e)
                }
            },
            Kind::Float => match self.rng.weighted(&[25, 10, 8, 6, 5]) {
                0 => {
                    let a = self.jit_expr(Kind::Float, d1, sc);
                    let b = self.jit_expr(Kind::Num, d1, sc);
                    let (a, b) = if self.rng.pct(50) { (a, b) } else { (b, a) };
                    Expr::bin(Kind::Float, a, self.rng.choose(&["+", "-", "*"]), b)
                }
                1 => {
                    let a = self.jit_expr(Kind::Num, d1, sc);
                    let c = Expr::lit(
                        Kind::Float,
                        self.rng.choose(&["2.0", "0.5", "3", "(-4)", "1e-3"]),
                    );
                    Expr::bin(Kind::Float, a, "/", c)
                }
                2 => {
                    let a = self.jit_expr(Kind::Num, d1, sc);
                    Expr::call(
                        Kind::Float,
                        "math.sqrt",
                        vec![Expr::bin(
                            Kind::Float,
                            Expr::bin(Kind::Num, a.clone(), "*", a),
                            "+",
                            Expr::lit(Kind::Float, "1.0"),
                        )],
                    )
                }
                3 => {
                    let Some(l) = self.var_of(sc, Kind::ListNum) else {
                        return self.jit_leaf(Kind::Float, sc);
                    };
                    let i = self.jit_index(&l, sc);
                    Expr::bin(
                        Kind::Float,
                        Expr::index(Kind::Num, l, i),
                        "*",
                        Expr::lit(Kind::Float, "0.5"),
                    )
                }
                _ => {
                    let a = self.jit_expr(Kind::Float, d1, sc);
                    let c = self.cond(sc);
                    let b = self.jit_expr(Kind::Float, d1, sc);
                    Expr::ifexp(Kind::Float, a, c, b)
                }
            },
            Kind::Num => match self.rng.weighted(&[20, 20, 15, 6, 6]) {
                0 => self.jit_expr(Kind::Int, d, sc),
                1 => self.jit_expr(Kind::Float, d, sc),
                2 => {
                    let a = self.jit_expr(Kind::Num, d1, sc);
                    let b = self.jit_expr(Kind::Num, d1, sc);
                    Expr::bin(Kind::Num, a, self.rng.choose(&["+", "-", "*"]), b)
                }
                3 => {
                    let Some(l) = self.var_of(sc, Kind::ListNum) else {
                        return self.jit_leaf(Kind::Num, sc);
                    };
                    let i = self.jit_index(&l, sc);
                    Expr::index(Kind::Num, l, i)
                }
                _ => self.jit_call(Kind::Num, d1, sc),
            },
            _ => match self.rng.weighted(&[40, 10, 10]) {
                0 => {
                    let a = self.jit_expr(Kind::Num, d1, sc);
                    let b = self.jit_expr(Kind::Num, d1, sc);
                    Expr::cmp(a, self.rng.choose(CMP_OPS), b)
                }
                1 => {
                    let a = self.jit_expr(Kind::Bool, d1, sc);
                    Expr::un(Kind::Bool, "not", a)
                }
                _ => {
                    let a = self.jit_expr(Kind::Bool, d1, sc);
                    let b = self.cond(sc);
                    Expr {
                        kind: Kind::Bool,
                        node: Node::BoolOp(self.rng.choose(&["and", "or"]), vec![a, b]),
                    }
                }
            },
        }
    }

    /// A call of a Simple function (or a recursive one) with positional arguments.
    fn jit_call(&mut self, k: Kind, d: u32, sc: &Scope) -> Expr {
        let cands: Vec<Func> = self
            .funcs
            .iter()
            .filter(|f| matches!(f.shape, FnShape::Simple | FnShape::Recursive) && f.ret.fits(k))
            .cloned()
            .collect();
        if cands.is_empty() {
            return self.jit_leaf(k, sc);
        }
        let f = self.rng.pick(&cands).clone();
        if f.shape == FnShape::Recursive {
            // Depths around maxinline (8): some calls inline fully, some abort.
            let n = self.jit_expr(Kind::Int, 0, sc);
            let depth = Expr::bin(
                Kind::Int,
                n,
                "%",
                Expr::int(self.rng.choose(&[3, 6, 9, 12, 20])),
            );
            let acc = self.jit_expr(Kind::Num, d.min(1), sc);
            return Expr::call(f.ret, &f.name, vec![depth, acc]);
        }
        let args = f
            .params
            .iter()
            .map(|(_, pk, _)| self.jit_expr(*pk, d, sc))
            .collect();
        Expr::call(f.ret, &f.name, args)
    }
}

/// The element kind of a list kind.
fn k_elem(k: Kind) -> Kind {
    match k {
        Kind::ListInt => Kind::Int,
        Kind::ListNum => Kind::Num,
        _ => Kind::Num,
    }
}

/// `(b or 1)`: never zero.
fn nonzero(k: Kind, b: Expr) -> Expr {
    Expr {
        kind: k,
        node: Node::BoolOp("or", vec![b, Expr::int(1)]),
    }
}

trait WithFree {
    fn with_free(self, name: &str, value: i64, out: &mut Vec<Stmt>) -> Expr;
}

impl WithFree for Expr {
    /// A lambda over free variable `name`, bound as a module variable first.
    fn with_free(self, name: &str, value: i64, out: &mut Vec<Stmt>) -> Expr {
        out.push(assign(name, Kind::Int, Expr::int(value)));
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_program() {
        let a = render(&generate(42, Features::default()));
        let b = render(&generate(42, Features::default()));
        assert_eq!(a, b);
        assert_ne!(a, render(&generate(43, Features::default())));
    }

    #[test]
    fn features_parse() {
        let mut f = Features::default();
        f.apply("classes,-generators").unwrap();
        assert!(f.classes && !f.generators);
        f.apply("none").unwrap();
        assert_eq!(f.describe(), "none");
        assert!(f.apply("bogus").is_err());
    }
}
