//! Log: the trace log (`--trace-log FILE`), a product feature with a stable format.
//!
//! Everything the JIT does is an `Event`; a `Log` renders events either as dense text
//! (in the spirit of LuaJIT's `-jdump`) or as JSON Lines (`--trace-log-format=json`),
//! one object per line with a `"event"` field. Both formats are documented in
//! docs/TRACE_LOG.md and tested (tests/trace_log.rs); change them only together with
//! that document. Text format:
//!
//! ```text
//! ---- TRACE 1 start prog.py:3 in f (pc 7)
//! ---- TRACE 1 IR (recorded / optimized, with source lines)
//! # f:3 7  while i < n:
//! v0 = int SLoad 1 ; s0
//! ...
//! ---- TRACE 1 mcode 412 bytes, compiled in 0.214 ms
//! ---- TRACE --- prog.py:9 in g (pc 3) -- NYI: LoadMethod
//! ---- TRACE blacklisted prog.py:9 in g after 4 aborts
//! ---- TRACE 1 stats prog.py:3: entered 12, exits s4=11 s7=1
//! ```

use std::fmt::Write as _;
use std::io::Write;
use std::time::Duration;

/// Something the JIT did.
#[derive(Clone, Debug)]
pub enum Event {
    /// A trace was compiled.
    Trace {
        /// Trace id (1-based).
        id: usize,
        /// File of the loop.
        file: String,
        /// Line of the loop header.
        line: u32,
        /// Function containing the loop.
        func: String,
        /// Bytecode index of the loop header.
        header_pc: usize,
        /// The recorded IR, before optimization (text form).
        recorded: String,
        /// The optimized IR with source lines and bytecode positions interleaved, and
        /// the snapshots.
        ir: String,
        /// Optimization + code generation time.
        compile_time: Duration,
        /// Machine code size in bytes.
        code_size: usize,
        /// A side trace: (parent trace id, parent exit/snapshot index, start pc).
        side_of: Option<(usize, usize, usize)>,
    },
    /// A recording was aborted.
    Abort {
        /// File.
        file: String,
        /// Line of the loop header.
        line: u32,
        /// Function.
        func: String,
        /// Bytecode index of the loop header.
        pc: usize,
        /// Human-readable reason.
        reason: String,
        /// Stable reason code (`abort.rs`).
        code: String,
    },
    /// A loop was blacklisted after too many aborts.
    Blacklist {
        /// File.
        file: String,
        /// Line of the loop header.
        line: u32,
        /// Function.
        func: String,
        /// Aborts so far.
        aborts: u32,
    },
    /// A side trace was compiled into the function of the trace tree it belongs to
    /// (its unit's root was compiled again with it; `tracer/src/abi.rs`).
    Inline {
        /// The side trace.
        id: usize,
        /// The trace whose function now contains it.
        into: usize,
        /// Calls of the side trace that made it hot.
        calls: u64,
        /// Compile time of the new function.
        compile_time: Duration,
        /// Machine code size of the new function.
        code_size: usize,
    },
    /// At exit: how often a trace was entered and each snapshot's exit was taken.
    TraceStats {
        /// Trace id.
        id: usize,
        /// File.
        file: String,
        /// Line of the loop header.
        line: u32,
        /// Times entered.
        entered: u64,
        /// Exits taken, indexed by snapshot.
        exits: Vec<u64>,
    },
}

/// Output format of the log.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Dense text.
    Text,
    /// JSON Lines.
    Json,
}

/// A trace log writing to a file or stderr.
pub struct Log {
    out: Box<dyn Write>,
    format: Format,
}

/// Escapes a string for JSON.
pub fn json_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

impl Log {
    /// A log writing to `out` in `format`.
    pub fn new(out: Box<dyn Write>, format: Format) -> Log {
        Log { out, format }
    }

    /// Renders one event in the text format.
    pub fn text(e: &Event) -> String {
        match e {
            Event::Trace {
                id,
                file,
                line,
                func,
                header_pc,
                ir,
                compile_time,
                code_size,
                side_of,
                ..
            } => {
                let start = match side_of {
                    Some((parent, exit, pc)) => format!(
                        "---- TRACE {id} start {file}:{line} in {func} (pc {pc}) side of trace {parent} exit {exit}, to pc {header_pc}"
                    ),
                    None => format!("---- TRACE {id} start {file}:{line} in {func} (pc {header_pc})"),
                };
                format!(
                    "{start}\n---- TRACE {id} IR\n{ir}---- TRACE {id} mcode {code_size} bytes, compiled in {:.3} ms\n",
                    compile_time.as_secs_f64() * 1e3
                )
            }
            Event::Abort {
                file,
                line,
                func,
                pc,
                reason,
                ..
            } => format!("---- TRACE --- {file}:{line} in {func} (pc {pc}) -- {reason}\n"),
            Event::Blacklist {
                file,
                line,
                func,
                aborts,
            } => format!("---- TRACE blacklisted {file}:{line} in {func} after {aborts} aborts\n"),
            Event::Inline {
                id,
                into,
                calls,
                compile_time,
                code_size,
            } => format!(
                "---- TRACE {id} inlined into trace {into} after {calls} calls, mcode {code_size} bytes, compiled in {:.3} ms\n",
                compile_time.as_secs_f64() * 1e3
            ),
            Event::TraceStats {
                id,
                file,
                line,
                entered,
                exits,
            } => {
                let mut s =
                    format!("---- TRACE {id} stats {file}:{line}: entered {entered}, exits");
                let mut any = false;
                for (i, n) in exits.iter().enumerate() {
                    if *n > 0 {
                        let _ = write!(s, " s{i}={n}");
                        any = true;
                    }
                }
                if !any {
                    s.push_str(" none");
                }
                s.push('\n');
                s
            }
        }
    }

    /// Renders one event as a JSON object (one line).
    pub fn json(e: &Event) -> String {
        match e {
            Event::Trace {
                id,
                file,
                line,
                func,
                header_pc,
                recorded,
                ir,
                compile_time,
                code_size,
                side_of,
            } => format!(
                "{{\"event\":\"trace\",\"id\":{id},\"file\":{},\"line\":{line},\"func\":{},\"pc\":{header_pc},\"recorded\":{},\"ir\":{},\"compile_us\":{},\"code_size\":{code_size},\"parent\":{},\"parent_exit\":{},\"start_pc\":{}}}",
                json_str(file),
                json_str(func),
                json_str(recorded),
                json_str(ir),
                compile_time.as_micros(),
                side_of.map_or("null".to_string(), |s| s.0.to_string()),
                side_of.map_or("null".to_string(), |s| s.1.to_string()),
                side_of.map_or(header_pc.to_string(), |s| s.2.to_string()),
            ),
            Event::Abort {
                file,
                line,
                func,
                pc,
                reason,
                code,
            } => format!(
                "{{\"event\":\"abort\",\"file\":{},\"line\":{line},\"func\":{},\"pc\":{pc},\"reason\":{},\"code\":{}}}",
                json_str(file),
                json_str(func),
                json_str(reason),
                json_str(code)
            ),
            Event::Blacklist {
                file,
                line,
                func,
                aborts,
            } => format!(
                "{{\"event\":\"blacklist\",\"file\":{},\"line\":{line},\"func\":{},\"aborts\":{aborts}}}",
                json_str(file),
                json_str(func)
            ),
            Event::Inline {
                id,
                into,
                calls,
                compile_time,
                code_size,
            } => format!(
                "{{\"event\":\"inline\",\"id\":{id},\"into\":{into},\"calls\":{calls},\"compile_us\":{},\"code_size\":{code_size}}}",
                compile_time.as_micros()
            ),
            Event::TraceStats {
                id,
                file,
                line,
                entered,
                exits,
            } => {
                let ex: Vec<String> = exits.iter().map(|n| n.to_string()).collect();
                format!(
                    "{{\"event\":\"trace_stats\",\"id\":{id},\"file\":{},\"line\":{line},\"entered\":{entered},\"exits\":[{}]}}",
                    json_str(file),
                    ex.join(",")
                )
            }
        }
    }

    /// Writes one event.
    pub fn event(&mut self, e: Event) {
        let s = match self.format {
            Format::Text => Self::text(&e),
            Format::Json => {
                let mut s = Self::json(&e);
                s.push('\n');
                s
            }
        };
        let _ = self.out.write_all(s.as_bytes());
    }

    /// Flushes the output.
    pub fn flush(&mut self) {
        let _ = self.out.flush();
    }
}
