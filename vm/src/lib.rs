//! tvm-vm: the front end, bytecode compiler, object model, GC and interpreter of tvm.
//!
//! Reading order: `value` (how a Python value is represented), `gc` (the heap),
//! `object` (heap object types), `bytecode` (the instruction table), `compiler`
//! (AST -> bytecode), `interp` (frames and the dispatch loop), `ops` (operator
//! semantics), `builtins` / `methods` / `modules` (the library), `run` (the
//! embedding API the CLI uses).

pub mod builtins;
pub mod bytecode;
pub mod classes;
pub mod compiler;
pub mod dict;
pub mod error;
pub mod format;
pub mod gc;
pub mod generator;
pub mod interp;
pub mod jit;
pub mod methods;
pub mod modules;
pub mod num;
pub mod object;
pub mod ops;
pub mod parser;
pub mod repr;
pub mod run;
pub mod set;
pub mod shape;
pub mod signals;
pub mod sort;
pub mod str_methods;
pub mod strformat;
pub mod symtable;
pub mod traceback;
pub mod unicode_str;
pub mod unicode_tables;
pub mod value;

pub use interp::Vm;
pub use run::{run_file, RunOptions};
pub use value::Value;
