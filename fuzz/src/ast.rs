//! The generator's program representation: a small Python AST that prints as
//! source and that the minimizer edits.
//!
//! Every expression carries the `Kind` of value it was generated to produce, so
//! the minimizer can replace it by a simpler expression of the same kind (a child
//! of that kind, or a plain literal) and keep the program meaningful.

use std::fmt::Write;

/// The static kind of value an expression produces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Always an int (possibly big).
    Int,
    /// Always a float.
    Float,
    /// An int, a float or a bool: the kind of values whose type changes.
    Num,
    Bool,
    Str,
    /// A list of ints, never empty.
    ListInt,
    /// A list of ints, floats and bools, never empty.
    ListNum,
    /// A dict from ints to ints.
    Dict,
    /// An instance of one of the generated classes (feature `classes`).
    Obj,
    /// A one-argument int function (feature `closures`).
    Fn,
    /// A set of ints (feature `sets`).
    Set,
    /// Anything else (a callee, a tuple, None): never replaced by the minimizer.
    Other,
}

impl Kind {
    /// The simplest literal of this kind, if there is one.
    pub fn simplest(self) -> Option<&'static str> {
        Some(match self {
            Kind::Int | Kind::Num => "0",
            Kind::Float => "0.0",
            Kind::Bool => "False",
            Kind::Str => "''",
            Kind::ListInt | Kind::ListNum => "[0]",
            Kind::Dict => "{}",
            Kind::Fn => "abs",
            Kind::Set => "set()",
            Kind::Obj | Kind::Other => return None,
        })
    }

    /// Whether an expression of kind `self` can stand where `want` is expected.
    pub fn fits(self, want: Kind) -> bool {
        self == want
            || (want == Kind::Num && matches!(self, Kind::Int | Kind::Float | Kind::Bool))
            || (want == Kind::ListNum && self == Kind::ListInt)
    }
}

#[derive(Clone, Debug)]
pub struct Expr {
    pub kind: Kind,
    pub node: Node,
}

#[derive(Clone, Debug)]
pub enum Node {
    /// Printed as is: literals, names, dotted names.
    Lit(String),
    /// `(a op b)`.
    Bin(Box<Expr>, &'static str, Box<Expr>),
    /// `(op a)`.
    Un(&'static str, Box<Expr>),
    /// `f(args)`.
    Call(Box<Expr>, Vec<Arg>),
    /// `e.name`.
    Attr(Box<Expr>, String),
    /// `e[i]`.
    Index(Box<Expr>, Box<Expr>),
    /// `e[lo:hi:step]`.
    Slice(
        Box<Expr>,
        Option<Box<Expr>>,
        Option<Box<Expr>>,
        Option<Box<Expr>>,
    ),
    /// `(a if cond else b)`: (a, cond, b).
    IfExp(Box<Expr>, Box<Expr>, Box<Expr>),
    /// `[a, b]`, `(a, b)` (a 1-tuple gets its comma) or `{a, b}` (a set, never empty).
    Seq(&'static str, Vec<Expr>),
    Dict(Vec<(Expr, Expr)>),
    /// `(a < b <= c)`.
    Cmp(Box<Expr>, Vec<(&'static str, Expr)>),
    /// `(a and b and c)`.
    BoolOp(&'static str, Vec<Expr>),
    /// An f-string.
    FStr(Vec<FPart>),
    /// `[elt for var in iter if cond]`.
    Comp {
        elt: Box<Expr>,
        var: String,
        iter: Box<Expr>,
        cond: Option<Box<Expr>>,
    },
    /// `(lambda params: body)`.
    Lambda(String, Box<Expr>),
}

#[derive(Clone, Debug)]
pub enum Arg {
    Pos(Expr),
    Kw(String, Expr),
    Star(Expr),
    StarStar(Expr),
}

#[derive(Clone, Debug)]
pub enum FPart {
    Text(String),
    /// `{e}` with a suffix such as `!r` or `:>8`.
    Val(Expr, String),
}

#[derive(Clone, Debug)]
pub struct Handler {
    /// `ZeroDivisionError`, `(IndexError, KeyError)`, or empty for a bare `except:`.
    pub types: String,
    pub name: Option<String>,
    pub body: Vec<Stmt>,
}

#[derive(Clone, Debug)]
pub enum Stmt {
    Expr(Expr),
    /// `t1, t2 = value` (one target: plain assignment).
    Assign(Vec<Expr>, Expr),
    Aug(Expr, &'static str, Expr),
    /// `if c1: b1 elif c2: b2 else: orelse`.
    If(Vec<(Expr, Vec<Stmt>)>, Vec<Stmt>),
    For {
        target: String,
        iter: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    /// Printed as `counter = 0` / `while counter < limit [and extra]:` /
    /// `counter += 1` / body: the increment cannot be minimized away, so every
    /// `while` loop terminates.
    While {
        counter: String,
        limit: Expr,
        extra: Option<Expr>,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    Try {
        body: Vec<Stmt>,
        handlers: Vec<Handler>,
        orelse: Vec<Stmt>,
        finally: Vec<Stmt>,
    },
    Raise(Option<Expr>),
    Return(Option<Expr>),
    Break,
    Continue,
    Pass,
    Global(Vec<String>),
    Nonlocal(Vec<String>),
    Def {
        name: String,
        params: Vec<String>,
        body: Vec<Stmt>,
    },
    Class {
        name: String,
        bases: String,
        body: Vec<Stmt>,
    },
    /// A line printed as is (`import math`).
    Raw(String),
}

pub type Program = Vec<Stmt>;

// ---------------------------------------------------------------- constructors

impl Expr {
    pub fn lit(kind: Kind, text: impl Into<String>) -> Expr {
        Expr {
            kind,
            node: Node::Lit(text.into()),
        }
    }
    /// An int literal (negative ones parenthesized: `(-5) ** 2` is not `-5 ** 2`).
    pub fn int(v: i64) -> Expr {
        if v < 0 {
            Expr::lit(Kind::Int, format!("({v})"))
        } else {
            Expr::lit(Kind::Int, v.to_string())
        }
    }
    pub fn name(kind: Kind, n: &str) -> Expr {
        Expr::lit(kind, n)
    }
    pub fn bin(kind: Kind, a: Expr, op: &'static str, b: Expr) -> Expr {
        Expr {
            kind,
            node: Node::Bin(Box::new(a), op, Box::new(b)),
        }
    }
    pub fn un(kind: Kind, op: &'static str, a: Expr) -> Expr {
        Expr {
            kind,
            node: Node::Un(op, Box::new(a)),
        }
    }
    /// `f(args...)` with a callee given by name (`len`, `math.sqrt`, `f3`).
    pub fn call(kind: Kind, f: &str, args: Vec<Expr>) -> Expr {
        Expr::call_args(kind, f, args.into_iter().map(Arg::Pos).collect())
    }
    pub fn call_args(kind: Kind, f: &str, args: Vec<Arg>) -> Expr {
        Expr {
            kind,
            node: Node::Call(Box::new(Expr::lit(Kind::Other, f)), args),
        }
    }
    /// `recv.name(args...)`.
    pub fn method(kind: Kind, recv: Expr, name: &str, args: Vec<Expr>) -> Expr {
        let f = Expr {
            kind: Kind::Other,
            node: Node::Attr(Box::new(recv), name.to_string()),
        };
        Expr {
            kind,
            node: Node::Call(Box::new(f), args.into_iter().map(Arg::Pos).collect()),
        }
    }
    pub fn index(kind: Kind, e: Expr, i: Expr) -> Expr {
        Expr {
            kind,
            node: Node::Index(Box::new(e), Box::new(i)),
        }
    }
    pub fn ifexp(kind: Kind, a: Expr, c: Expr, b: Expr) -> Expr {
        Expr {
            kind,
            node: Node::IfExp(Box::new(a), Box::new(c), Box::new(b)),
        }
    }
    pub fn cmp(a: Expr, op: &'static str, b: Expr) -> Expr {
        Expr {
            kind: Kind::Bool,
            node: Node::Cmp(Box::new(a), vec![(op, b)]),
        }
    }
    pub fn list(kind: Kind, items: Vec<Expr>) -> Expr {
        Expr {
            kind,
            node: Node::Seq("[", items),
        }
    }
    pub fn tuple(items: Vec<Expr>) -> Expr {
        Expr {
            kind: Kind::Other,
            node: Node::Seq("(", items),
        }
    }
}

/// `print(args...)` as a statement.
pub fn print(args: Vec<Expr>) -> Stmt {
    Stmt::Expr(Expr::call(Kind::Other, "print", args))
}

/// `name = value`.
pub fn assign(name: &str, kind: Kind, value: Expr) -> Stmt {
    Stmt::Assign(vec![Expr::name(kind, name)], value)
}

// ---------------------------------------------------------------- printing

/// The program as Python source.
pub fn render(prog: &[Stmt]) -> String {
    let mut out = String::new();
    block(&mut out, prog, 0);
    out
}

fn indent(out: &mut String, level: usize) {
    for _ in 0..level {
        out.push_str("    ");
    }
}

fn block(out: &mut String, body: &[Stmt], level: usize) {
    if body.is_empty() {
        indent(out, level);
        out.push_str("pass\n");
        return;
    }
    for s in body {
        stmt(out, s, level);
    }
}

fn stmt(out: &mut String, s: &Stmt, level: usize) {
    indent(out, level);
    match s {
        Stmt::Expr(e) => {
            expr(out, e);
            out.push('\n');
        }
        Stmt::Assign(targets, v) => {
            for (i, t) in targets.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                expr(out, t);
            }
            out.push_str(" = ");
            expr(out, v);
            out.push('\n');
        }
        Stmt::Aug(t, op, v) => {
            expr(out, t);
            let _ = write!(out, " {op}= ");
            expr(out, v);
            out.push('\n');
        }
        Stmt::If(arms, orelse) => {
            for (i, (c, b)) in arms.iter().enumerate() {
                if i > 0 {
                    indent(out, level);
                    out.push_str("elif ");
                } else {
                    out.push_str("if ");
                }
                expr(out, c);
                out.push_str(":\n");
                block(out, b, level + 1);
            }
            if !orelse.is_empty() {
                indent(out, level);
                out.push_str("else:\n");
                block(out, orelse, level + 1);
            }
        }
        Stmt::For {
            target,
            iter,
            body,
            orelse,
        } => {
            let _ = write!(out, "for {target} in ");
            expr(out, iter);
            out.push_str(":\n");
            block(out, body, level + 1);
            if !orelse.is_empty() {
                indent(out, level);
                out.push_str("else:\n");
                block(out, orelse, level + 1);
            }
        }
        Stmt::While {
            counter,
            limit,
            extra,
            body,
            orelse,
        } => {
            let _ = writeln!(out, "{counter} = 0");
            indent(out, level);
            let _ = write!(out, "while {counter} < ");
            expr(out, limit);
            if let Some(x) = extra {
                out.push_str(" and ");
                expr(out, x);
            }
            out.push_str(":\n");
            indent(out, level + 1);
            let _ = writeln!(out, "{counter} += 1");
            for s in body {
                stmt(out, s, level + 1);
            }
            if !orelse.is_empty() {
                indent(out, level);
                out.push_str("else:\n");
                block(out, orelse, level + 1);
            }
        }
        Stmt::Try {
            body,
            handlers,
            orelse,
            finally,
        } => {
            out.push_str("try:\n");
            block(out, body, level + 1);
            for h in handlers {
                indent(out, level);
                out.push_str("except");
                if !h.types.is_empty() {
                    out.push(' ');
                    out.push_str(&h.types);
                    if let Some(n) = &h.name {
                        let _ = write!(out, " as {n}");
                    }
                }
                out.push_str(":\n");
                block(out, &h.body, level + 1);
            }
            if !orelse.is_empty() && !handlers.is_empty() {
                indent(out, level);
                out.push_str("else:\n");
                block(out, orelse, level + 1);
            }
            if !finally.is_empty() || handlers.is_empty() {
                indent(out, level);
                out.push_str("finally:\n");
                block(out, finally, level + 1);
            }
        }
        Stmt::Raise(e) => {
            out.push_str("raise");
            if let Some(e) = e {
                out.push(' ');
                expr(out, e);
            }
            out.push('\n');
        }
        Stmt::Return(e) => {
            out.push_str("return");
            if let Some(e) = e {
                out.push(' ');
                expr(out, e);
            }
            out.push('\n');
        }
        Stmt::Break => out.push_str("break\n"),
        Stmt::Continue => out.push_str("continue\n"),
        Stmt::Pass => out.push_str("pass\n"),
        Stmt::Global(names) => {
            let _ = writeln!(out, "global {}", names.join(", "));
        }
        Stmt::Nonlocal(names) => {
            let _ = writeln!(out, "nonlocal {}", names.join(", "));
        }
        Stmt::Def { name, params, body } => {
            let _ = writeln!(out, "def {name}({}):", params.join(", "));
            block(out, body, level + 1);
        }
        Stmt::Class { name, bases, body } => {
            if bases.is_empty() {
                let _ = writeln!(out, "class {name}:");
            } else {
                let _ = writeln!(out, "class {name}({bases}):");
            }
            block(out, body, level + 1);
        }
        Stmt::Raw(text) => {
            out.push_str(text);
            out.push('\n');
        }
    }
}

/// Prints an expression. Compound expressions are parenthesized, so precedence
/// never matters.
pub fn expr(out: &mut String, e: &Expr) {
    match &e.node {
        Node::Lit(t) => out.push_str(t),
        Node::Bin(a, op, b) => {
            out.push('(');
            expr(out, a);
            let _ = write!(out, " {op} ");
            expr(out, b);
            out.push(')');
        }
        Node::Un(op, a) => {
            out.push('(');
            out.push_str(op);
            if op.ends_with(char::is_alphabetic) {
                out.push(' ');
            }
            expr(out, a);
            out.push(')');
        }
        Node::Call(f, args) => {
            expr(out, f);
            out.push('(');
            for (i, a) in args.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                match a {
                    Arg::Pos(e) => expr(out, e),
                    Arg::Kw(k, e) => {
                        let _ = write!(out, "{k}=");
                        expr(out, e);
                    }
                    Arg::Star(e) => {
                        out.push('*');
                        expr(out, e);
                    }
                    Arg::StarStar(e) => {
                        out.push_str("**");
                        expr(out, e);
                    }
                }
            }
            out.push(')');
        }
        Node::Attr(a, n) => {
            // `11.bit_length()` does not parse: `(11).bit_length()` does.
            let numeric =
                matches!(&a.node, Node::Lit(t) if t.starts_with(|c: char| c.is_ascii_digit()));
            if numeric {
                out.push('(');
            }
            expr(out, a);
            if numeric {
                out.push(')');
            }
            let _ = write!(out, ".{n}");
        }
        Node::Index(a, i) => {
            expr(out, a);
            out.push('[');
            expr(out, i);
            out.push(']');
        }
        Node::Slice(a, lo, hi, step) => {
            expr(out, a);
            out.push('[');
            if let Some(x) = lo {
                expr(out, x);
            }
            out.push(':');
            if let Some(x) = hi {
                expr(out, x);
            }
            if let Some(x) = step {
                out.push(':');
                expr(out, x);
            }
            out.push(']');
        }
        Node::IfExp(a, c, b) => {
            out.push('(');
            expr(out, a);
            out.push_str(" if ");
            expr(out, c);
            out.push_str(" else ");
            expr(out, b);
            out.push(')');
        }
        Node::Seq(open, items) => {
            out.push_str(open);
            for (i, x) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                expr(out, x);
            }
            match *open {
                "(" => {
                    if items.len() == 1 {
                        out.push(',');
                    }
                    out.push(')');
                }
                "{" => out.push('}'),
                _ => out.push(']'),
            }
        }
        Node::Dict(items) => {
            out.push('{');
            for (i, (k, v)) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                expr(out, k);
                out.push_str(": ");
                expr(out, v);
            }
            out.push('}');
        }
        Node::Cmp(a, rest) => {
            out.push('(');
            expr(out, a);
            for (op, b) in rest {
                let _ = write!(out, " {op} ");
                expr(out, b);
            }
            out.push(')');
        }
        Node::BoolOp(op, items) => {
            out.push('(');
            for (i, x) in items.iter().enumerate() {
                if i > 0 {
                    let _ = write!(out, " {op} ");
                }
                expr(out, x);
            }
            out.push(')');
        }
        Node::FStr(parts) => {
            out.push_str("f'");
            for p in parts {
                match p {
                    FPart::Text(t) => {
                        for c in t.chars() {
                            match c {
                                '{' => out.push_str("{{"),
                                '}' => out.push_str("}}"),
                                '\'' => out.push_str("\\'"),
                                '\\' => out.push_str("\\\\"),
                                c => out.push(c),
                            }
                        }
                    }
                    FPart::Val(e, suffix) => {
                        // Inside an f-string (3.11), the expression may not use the
                        // quote character: generated string literals inside use "".
                        out.push('{');
                        let mut inner = String::new();
                        expr(&mut inner, e);
                        if inner.starts_with('{') {
                            out.push(' ');
                        }
                        out.push_str(&inner.replace('\'', "\""));
                        out.push_str(suffix);
                        out.push('}');
                    }
                }
            }
            out.push('\'');
        }
        Node::Comp {
            elt,
            var,
            iter,
            cond,
        } => {
            out.push('[');
            expr(out, elt);
            let _ = write!(out, " for {var} in ");
            expr(out, iter);
            if let Some(c) = cond {
                out.push_str(" if ");
                expr(out, c);
            }
            out.push(']');
        }
        Node::Lambda(params, body) => {
            let _ = write!(out, "(lambda {params}: ");
            expr(out, body);
            out.push(')');
        }
    }
}

// ---------------------------------------------------------------- traversal

impl Expr {
    /// The direct sub-expressions, in printing order.
    pub fn children_mut(&mut self) -> Vec<&mut Expr> {
        match &mut self.node {
            Node::Lit(_) => vec![],
            Node::Bin(a, _, b) => vec![&mut **a, &mut **b],
            Node::Un(_, a) => vec![&mut **a],
            Node::Call(f, args) => {
                let mut v = vec![&mut **f];
                for a in args {
                    v.push(match a {
                        Arg::Pos(e) | Arg::Kw(_, e) | Arg::Star(e) | Arg::StarStar(e) => e,
                    });
                }
                v
            }
            Node::Attr(a, _) => vec![&mut **a],
            Node::Index(a, i) => vec![&mut **a, &mut **i],
            Node::Slice(a, lo, hi, st) => {
                let mut v = vec![&mut **a];
                for x in [lo, hi, st].into_iter().flatten() {
                    v.push(&mut **x);
                }
                v
            }
            Node::IfExp(a, c, b) => vec![&mut **a, &mut **c, &mut **b],
            Node::Seq(_, items) => items.iter_mut().collect(),
            Node::Dict(items) => items.iter_mut().flat_map(|(k, v)| [k, v]).collect(),
            Node::Cmp(a, rest) => {
                let mut v = vec![&mut **a];
                v.extend(rest.iter_mut().map(|(_, b)| b));
                v
            }
            Node::BoolOp(_, items) => items.iter_mut().collect(),
            Node::FStr(parts) => parts
                .iter_mut()
                .filter_map(|p| match p {
                    FPart::Val(e, _) => Some(e),
                    FPart::Text(_) => None,
                })
                .collect(),
            Node::Comp {
                elt, iter, cond, ..
            } => {
                let mut v = vec![&mut **elt, &mut **iter];
                if let Some(c) = cond {
                    v.push(&mut **c);
                }
                v
            }
            Node::Lambda(_, body) => vec![&mut **body],
        }
    }
}

impl Stmt {
    /// The statement's blocks (bodies), in order.
    pub fn blocks_mut(&mut self) -> Vec<&mut Vec<Stmt>> {
        match self {
            Stmt::If(arms, orelse) => {
                let mut v: Vec<&mut Vec<Stmt>> = arms.iter_mut().map(|(_, b)| b).collect();
                v.push(orelse);
                v
            }
            Stmt::For { body, orelse, .. } | Stmt::While { body, orelse, .. } => {
                vec![body, orelse]
            }
            Stmt::Try {
                body,
                handlers,
                orelse,
                finally,
            } => {
                let mut v = vec![body];
                v.extend(handlers.iter_mut().map(|h| &mut h.body));
                v.push(orelse);
                v.push(finally);
                v
            }
            Stmt::Def { body, .. } | Stmt::Class { body, .. } => vec![body],
            _ => vec![],
        }
    }

    /// The statement's own expressions (not those of nested statements). Of an
    /// assignment target only the sub-expressions (`L[i]`: `L` and `i`): the
    /// target itself must stay a target.
    pub fn exprs_mut(&mut self) -> Vec<&mut Expr> {
        match self {
            Stmt::Expr(e) => vec![e],
            Stmt::Assign(ts, v) => {
                let mut r: Vec<&mut Expr> = ts.iter_mut().flat_map(|t| t.children_mut()).collect();
                r.push(v);
                r
            }
            Stmt::Aug(t, _, v) => {
                let mut r = t.children_mut();
                r.push(v);
                r
            }
            Stmt::If(arms, _) => arms.iter_mut().map(|(c, _)| c).collect(),
            Stmt::For { iter, .. } => vec![iter],
            Stmt::While { limit, extra, .. } => {
                let mut r = vec![limit];
                if let Some(x) = extra {
                    r.push(x);
                }
                r
            }
            Stmt::Raise(Some(e)) | Stmt::Return(Some(e)) => vec![e],
            _ => vec![],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_parenthesized() {
        let e = Expr::bin(
            Kind::Int,
            Expr::un(Kind::Int, "-", Expr::int(2)),
            "**",
            Expr::int(2),
        );
        let mut s = String::new();
        expr(&mut s, &e);
        assert_eq!(s, "((-2) ** 2)");
        let t = Expr::tuple(vec![Expr::int(1)]);
        s.clear();
        expr(&mut s, &t);
        assert_eq!(s, "(1,)");
    }

    #[test]
    fn while_prints_its_counter() {
        let w = Stmt::While {
            counter: "c0".into(),
            limit: Expr::int(3),
            extra: None,
            body: vec![print(vec![Expr::name(Kind::Int, "c0")])],
            orelse: vec![],
        };
        assert_eq!(
            render(&[w]),
            "c0 = 0\nwhile c0 < 3:\n    c0 += 1\n    print(c0)\n"
        );
    }
}
