//! Params: every JIT tunable in one table (LuaJIT `JIT_PARAMDEF` in `lj_jit.h`, PyPy
//! `PARAMETERS` in `rlib/jit.py`).
//!
//! The table generates `Params` (one field per row), its `Default`, the
//! `--jit k=v,k=v` parser (`Params::parse_list`, `Params::set`) and `Params::help`,
//! which is what `tvm run --jit help` prints. Adding a tunable is adding a row.
//!
//! All values are unsigned integers. Counts are exact and per loop (or per guard),
//! never hashed, so the same program with the same parameters always makes the same
//! traces.

use std::fmt::Write;

macro_rules! jit_params {
    ($( $name:ident : $ty:ty = $default:expr, $doc:literal; )*) => {
        /// The JIT's tunables. Generated from the table in `params.rs`.
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub struct Params {
            $( #[doc = $doc] pub $name: $ty, )*
        }

        impl Default for Params {
            fn default() -> Params {
                Params { $( $name: $default, )* }
            }
        }

        impl Params {
            /// Every parameter as (name, default, doc), in table order.
            pub const TABLE: &'static [(&'static str, u64, &'static str)] =
                &[ $( (stringify!($name), $default as u64, $doc) ),* ];

            /// Sets parameter `key` from the decimal string `value`.
            pub fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
                match key {
                    $( stringify!($name) => {
                        self.$name = value.trim().parse::<$ty>().map_err(|_| {
                            format!(
                                "invalid value '{}' for JIT parameter '{}': expected an integer from 0 to {}",
                                value, key, <$ty>::MAX
                            )
                        })?;
                        Ok(())
                    } )*
                    _ => Err(format!(
                        "unknown JIT parameter '{}' (known: {}; see --jit help)",
                        key,
                        Self::TABLE.iter().map(|r| r.0).collect::<Vec<_>>().join(", ")
                    )),
                }
            }

            /// The value of parameter `key`, if it exists.
            pub fn get(&self, key: &str) -> Option<u64> {
                match key {
                    $( stringify!($name) => Some(self.$name as u64), )*
                    _ => None,
                }
            }
        }
    };
}

// Column guide: name: type = default, doc.
jit_params! {
    hotloop: u32 = 50,
        "Back-edges of a loop before it is recorded. LuaJIT uses 56 and PyPy 1039, but \
         their counters are hashed and shared (LuaJIT) or lossy and decaying (PyPy), \
         so they pick values that tolerate noise. tvm counts exactly, per loop, so a \
         low value is still deterministic; 50 iterations amortise the cost of recording \
         and compiling (worth a few hundred interpreted iterations) while letting loops \
         of a few hundred iterations run compiled.";
    hotexit: u32 = 10,
        "Exits taken through one guard before a side trace is recorded from it (LuaJIT hotexit 10).";
    sideinline: u32 = 1000,
        "Calls of a side trace (through its parent's exit table) after which it is \
         compiled into its parent's function: the function is compiled again with the \
         side trace inside, which then starts with the parent's values in registers \
         and jumps straight back to the loop header. 0: never.";
    sidedirect: u32 = 1,
        "1: a side trace whose exit was taken at least once per sideratio loop \
         iterations before it was recorded is compiled straight into its parent's \
         function, without a function of its own first (see sideinline). 0: every \
         side trace starts with a function of its own.";
    sideratio: u32 = 16,
        "A side trace is compiled into its parent's function only if its sideinline \
         calls took at most sideratio times as many loop iterations; a colder one is \
         counted again (compiling the function again costs more than it saves).";
    maxside: u32 = 100,
        "Maximum side traces per loop (0 disables side traces; LuaJIT maxside 100).";
    maxrecord: u32 = 4000,
        "Maximum IR instructions in one trace; recording longer aborts with too_long.";
    maxsnap: u32 = 500,
        "Maximum snapshots in one trace; recording more aborts with too_many_snaps.";
    maxinline: u32 = 8,
        "Maximum depth of Python calls inlined into one trace; deeper aborts with inline_depth.";
    maxabort: u32 = 4,
        "Aborted recordings of one loop before it is blacklisted (no more recording attempts).";
    penalty: u32 = 64,
        "Back-edges a loop waits after an abort before it is recorded again. The wait \
         doubles with each abort: after the n-th abort it is penalty * 2^(n-1) \
         back-edges, until maxabort blacklists the loop. No random bits: tvm stays \
         deterministic.";
    optimize: u32 = 0,
        "1: run Cranelift's e-graph optimizer on every compiled function. Off by \
         default: the tracer's passes and the backend's lowering already do what it \
         did for traces (folding, hoisting, constants at their uses, division by \
         constants as multiplies), and without it compiling takes about a quarter \
         less time.";
    maxtrace: u32 = 1000,
        "Maximum traces compiled in one run; after that the JIT stops recording.";
}

impl Params {
    /// Parses `--jit` settings `k=v,k=v` on top of the defaults. An empty spec gives
    /// the defaults; a later setting of the same key wins.
    pub fn parse_list(spec: &str) -> Result<Params, String> {
        let mut p = Params::default();
        for item in spec.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            let (k, v) = item.split_once('=').ok_or_else(|| {
                format!("expected key=value in --jit, got '{item}' (see --jit help)")
            })?;
            p.set(k.trim(), v)?;
        }
        Ok(p)
    }

    /// Every parameter with its default and doc, wrapped to 80 columns: the text of
    /// `tvm run --jit help`.
    pub fn help() -> String {
        let mut out = String::from("JIT parameters (--jit key=value,key=value):\n");
        let width = Self::TABLE.iter().map(|r| r.0.len()).max().unwrap_or(0);
        for &(name, default, doc) in Self::TABLE {
            let _ = writeln!(out, "  {name:<width$}  (default {default})");
            let mut line = String::new();
            for word in doc.split_whitespace() {
                if !line.is_empty() && 6 + line.len() + 1 + word.len() > 80 {
                    let _ = writeln!(out, "      {line}");
                    line.clear();
                }
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(word);
            }
            let _ = writeln!(out, "      {line}");
        }
        out
    }
}

/// Parses `--jit` settings `k=v,k=v` on top of the defaults (see `Params::parse_list`).
pub fn parse_list(spec: &str) -> Result<Params, String> {
    Params::parse_list(spec)
}

/// The text of `tvm run --jit help` (see `Params::help`).
pub fn help() -> String {
    Params::help()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults() {
        let p = Params::default();
        assert_eq!(
            (p.hotloop, p.hotexit, p.maxrecord, p.maxsnap),
            (50, 10, 4000, 500)
        );
        assert_eq!(
            (p.maxinline, p.maxabort, p.penalty, p.maxtrace),
            (8, 4, 64, 1000)
        );
        for &(name, default, _) in Params::TABLE {
            assert_eq!(p.get(name), Some(default));
        }
    }

    #[test]
    fn parse_list_sets_values() {
        let p = parse_list("hotloop=1, maxrecord=100,hotloop=2").unwrap();
        assert_eq!(p.hotloop, 2);
        assert_eq!(p.maxrecord, 100);
        assert_eq!(p.maxsnap, 500);
        assert_eq!(parse_list("").unwrap(), Params::default());
    }

    #[test]
    fn parse_list_rejects_bad_input() {
        let e = parse_list("hotlop=3").unwrap_err();
        assert!(
            e.contains("unknown JIT parameter 'hotlop'") && e.contains("hotloop"),
            "{e}"
        );
        let e = parse_list("hotloop=-1").unwrap_err();
        assert!(
            e.contains("invalid value '-1' for JIT parameter 'hotloop'"),
            "{e}"
        );
        let e = parse_list("maxrecord=lots").unwrap_err();
        assert!(e.contains("'lots'"), "{e}");
        assert!(parse_list("maxtrace=99999999999").is_err());
        let e = parse_list("hotloop").unwrap_err();
        assert!(e.contains("expected key=value"), "{e}");
    }

    #[test]
    fn help_lists_every_parameter() {
        let h = help();
        for &(name, default, _) in Params::TABLE {
            let line = h
                .lines()
                .find(|l| l.trim_start().starts_with(name))
                .unwrap();
            assert!(line.contains(&format!("(default {default})")), "{line}");
        }
        assert!(h.contains("doubles"));
        assert!(h.lines().all(|l| l.len() <= 80), "{h}");
    }
}
