//! The minimizer: shrinks a program while it still shows the same difference.
//!
//! Greedy passes over the AST, repeated until none makes progress (or time runs
//! out):
//!
//! 1. delete a statement (pre-order, so whole functions and loops go first);
//! 2. unwrap a compound statement (`if` → one branch, loop → its body, `try` →
//!    its body, drop an `except` clause);
//! 3. replace an expression by the simplest literal of its kind or by one of its
//!    sub-expressions of a fitting kind; shrink int literals (loop counts) toward 0.
//!
//! "Still interesting" is decided by the caller (same split of the modes into
//! agreeing groups, same modes crashing).

use crate::ast::*;
use std::time::Instant;

pub struct Stats {
    pub tests: usize,
    pub accepted: usize,
}

/// Shrinks `prog` while `interesting` holds, until no pass makes progress or
/// `deadline` passes.
pub fn minimize(
    prog: &Program,
    interesting: &mut dyn FnMut(&Program) -> bool,
    deadline: Instant,
) -> (Program, Stats) {
    let mut cur = prog.clone();
    let mut stats = Stats {
        tests: 0,
        accepted: 0,
    };
    let mut try_it = |cand: Program, cur: &mut Program, stats: &mut Stats| -> bool {
        if render(&cand) == render(cur) {
            return false;
        }
        stats.tests += 1;
        if interesting(&cand) {
            stats.accepted += 1;
            *cur = cand;
            true
        } else {
            false
        }
    };
    loop {
        let before = render(&cur);
        // 1. Delete statements.
        let mut n = 0;
        while n < count_stmts(&cur) && Instant::now() < deadline {
            let mut cand = cur.clone();
            at_stmt(&mut cand, n, &mut |block, i| {
                block.remove(i);
            });
            if !try_it(cand, &mut cur, &mut stats) {
                n += 1;
            }
        }
        // 2. Unwrap compound statements.
        let mut n = 0;
        while n < count_stmts(&cur) && Instant::now() < deadline {
            let mut progressed = false;
            for variant in 0..8 {
                let mut cand = cur.clone();
                let mut applied = false;
                at_stmt(&mut cand, n, &mut |block, i| {
                    applied = unwrap(block, i, variant);
                });
                if applied && try_it(cand, &mut cur, &mut stats) {
                    progressed = true;
                    break;
                }
            }
            if !progressed {
                n += 1;
            }
        }
        // 3. Simplify expressions.
        let mut n = 0;
        while n < count_exprs(&mut cur) && Instant::now() < deadline {
            let mut opts = vec![];
            at_expr(&mut cur.clone(), n, &mut |e| opts = options(e));
            let mut progressed = false;
            for o in opts {
                let mut cand = cur.clone();
                at_expr(&mut cand, n, &mut |e| *e = o.clone());
                if try_it(cand, &mut cur, &mut stats) {
                    progressed = true;
                    break;
                }
            }
            if !progressed {
                n += 1;
            }
        }
        if render(&cur) == before || Instant::now() >= deadline {
            break;
        }
    }
    (cur, stats)
}

fn count_stmts(block: &[Stmt]) -> usize {
    block
        .iter()
        .map(|s| {
            1 + s
                .clone()
                .blocks_mut()
                .iter()
                .map(|b| count_stmts(b))
                .sum::<usize>()
        })
        .sum()
}

/// Calls `f(parent, index)` on the `n`-th statement in pre-order.
fn at_stmt(block: &mut Vec<Stmt>, n: usize, f: &mut dyn FnMut(&mut Vec<Stmt>, usize)) -> bool {
    let mut n = n;
    walk_stmt(block, &mut n, f)
}

fn walk_stmt(
    block: &mut Vec<Stmt>,
    n: &mut usize,
    f: &mut dyn FnMut(&mut Vec<Stmt>, usize),
) -> bool {
    for i in 0..block.len() {
        if *n == 0 {
            f(block, i);
            return true;
        }
        *n -= 1;
        for b in block[i].blocks_mut() {
            if walk_stmt(b, n, f) {
                return true;
            }
        }
    }
    false
}

/// Replaces statement `i` of `block` by a simpler form; `variant` picks which.
/// Returns false if this variant does not apply.
fn unwrap(block: &mut Vec<Stmt>, i: usize, variant: usize) -> bool {
    let repl: Vec<Stmt> = match &block[i] {
        Stmt::If(arms, orelse) => {
            if variant < arms.len() {
                arms[variant].1.clone()
            } else if variant == arms.len() && !orelse.is_empty() {
                orelse.clone()
            } else if variant == arms.len() + 1 && arms.len() > 1 {
                // Drop the last elif.
                let mut a = arms.clone();
                a.pop();
                vec![Stmt::If(a, orelse.clone())]
            } else {
                return false;
            }
        }
        Stmt::For {
            target,
            body,
            orelse,
            ..
        } => match variant {
            0 if !target.contains(',') => {
                let mut v = vec![assign(target, Kind::Int, Expr::int(0))];
                v.extend(body.iter().cloned());
                v
            }
            1 if !orelse.is_empty() => {
                let mut s = block[i].clone();
                if let Stmt::For { orelse, .. } = &mut s {
                    orelse.clear();
                }
                vec![s]
            }
            _ => return false,
        },
        Stmt::While {
            counter,
            body,
            orelse,
            extra,
            ..
        } => match variant {
            0 => {
                let mut v = vec![assign(counter, Kind::Int, Expr::int(1))];
                v.extend(body.iter().cloned());
                v
            }
            1 if !orelse.is_empty() => {
                let mut s = block[i].clone();
                if let Stmt::While { orelse, .. } = &mut s {
                    orelse.clear();
                }
                vec![s]
            }
            2 if extra.is_some() => {
                let mut s = block[i].clone();
                if let Stmt::While { extra, .. } = &mut s {
                    *extra = None;
                }
                vec![s]
            }
            _ => return false,
        },
        Stmt::Try {
            body,
            handlers,
            orelse,
            finally,
        } => {
            if variant == 0 {
                let mut v = body.clone();
                v.extend(finally.iter().cloned());
                v
            } else if variant <= handlers.len() && handlers.len() > 1 {
                let mut h = handlers.clone();
                h.remove(variant - 1);
                vec![Stmt::Try {
                    body: body.clone(),
                    handlers: h,
                    orelse: orelse.clone(),
                    finally: finally.clone(),
                }]
            } else {
                return false;
            }
        }
        _ => return false,
    };
    block.splice(i..=i, repl);
    true
}

fn count_exprs(block: &mut [Stmt]) -> usize {
    let mut n = 0;
    for s in block.iter_mut() {
        for e in s.exprs_mut() {
            n += count_expr(e);
        }
        for b in s.blocks_mut() {
            n += count_exprs(b);
        }
    }
    n
}

fn count_expr(e: &mut Expr) -> usize {
    1 + e.children_mut().into_iter().map(count_expr).sum::<usize>()
}

/// Calls `f` on the `n`-th expression in pre-order.
fn at_expr(block: &mut [Stmt], n: usize, f: &mut dyn FnMut(&mut Expr)) -> bool {
    let mut n = n;
    walk_block_exprs(block, &mut n, f)
}

fn walk_block_exprs(block: &mut [Stmt], n: &mut usize, f: &mut dyn FnMut(&mut Expr)) -> bool {
    for s in block.iter_mut() {
        for e in s.exprs_mut() {
            if walk_expr(e, n, f) {
                return true;
            }
        }
        for b in s.blocks_mut() {
            if walk_block_exprs(b, n, f) {
                return true;
            }
        }
    }
    false
}

fn walk_expr(e: &mut Expr, n: &mut usize, f: &mut dyn FnMut(&mut Expr)) -> bool {
    if *n == 0 {
        f(e);
        return true;
    }
    *n -= 1;
    for c in e.children_mut() {
        if walk_expr(c, n, f) {
            return true;
        }
    }
    false
}

/// Simpler replacements for `e`, best first.
fn options(e: &mut Expr) -> Vec<Expr> {
    let kind = e.kind;
    let mut v = vec![];
    if kind == Kind::Other && !matches!(e.node, Node::Call(..)) {
        return v;
    }
    if let Node::Lit(t) = &e.node {
        // Shrink int literals (loop counts, indices) toward zero.
        if let Ok(x) = t.trim_matches(|c| c == '(' || c == ')').parse::<i64>() {
            for y in [0, 1, x / 2, x - 1] {
                if y.unsigned_abs() < x.unsigned_abs() {
                    v.push(Expr::int(y));
                }
            }
        }
        if let Some(s) = kind.simplest() {
            if t != s && !matches!(t.as_str(), "True" | "False" | "None") {
                v.push(Expr::lit(kind, s));
            }
        }
        return v;
    }
    // print() with one argument fewer.
    if let Node::Call(f, args) = &e.node {
        if matches!(&f.node, Node::Lit(n) if n == "print") && args.len() > 1 {
            for i in 0..args.len() {
                let mut a = args.clone();
                a.remove(i);
                v.push(Expr {
                    kind,
                    node: Node::Call(f.clone(), a),
                });
            }
        }
    }
    if kind == Kind::Other {
        return v;
    }
    if let Some(s) = kind.simplest() {
        v.push(Expr::lit(kind, s));
    }
    for c in e.children_mut() {
        if c.kind != Kind::Other && c.kind.fits(kind) {
            v.push(c.clone());
        }
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shrinks_to_the_interesting_statement() {
        let prog = vec![
            print(vec![Expr::int(1)]),
            Stmt::For {
                target: "i".into(),
                iter: Expr::call(Kind::Other, "range", vec![Expr::int(100)]),
                body: vec![
                    print(vec![Expr::int(2)]),
                    print(vec![Expr::bin(Kind::Int, Expr::int(40), "+", Expr::int(2))]),
                ],
                orelse: vec![],
            },
        ];
        // Interesting: the program still adds to 40 somewhere.
        let mut f = |p: &Program| render(p).contains("(40 + ");
        let deadline = Instant::now() + std::time::Duration::from_secs(5);
        let (small, _) = minimize(&prog, &mut f, deadline);
        assert_eq!(render(&small), "print((40 + 0))\n");
    }
}
