//! Parser: the one door to the Python parser (rustpython-parser), so it can be swapped.
//!
//! Everything else in tvm sees the AST through `parser::ast`, source ranges through
//! `TextRange`, and converts ranges to CPython-style positions with `LineIndex`.

pub use rustpython_parser::ast;
pub use rustpython_parser::ast::Ranged;
pub use rustpython_parser::text_size::{TextRange, TextSize};
pub use rustpython_parser::ParseError;

use crate::bytecode::Loc;

/// Parses a whole module.
pub fn parse_module(source: &str, filename: &str) -> Result<Vec<ast::Stmt>, ParseError> {
    use rustpython_parser::Parse;
    ast::Suite::parse(source, filename)
}

/// Maps byte offsets to (line, column) positions.
pub struct LineIndex {
    starts: Vec<u32>,
}

impl LineIndex {
    /// Indexes the line starts of `source`.
    pub fn new(source: &str) -> LineIndex {
        let mut starts = vec![0u32];
        for (i, b) in source.bytes().enumerate() {
            if b == b'\n' {
                starts.push(i as u32 + 1);
            }
        }
        LineIndex { starts }
    }

    /// 1-based line and 0-based byte column of an offset.
    pub fn pos(&self, offset: TextSize) -> (u32, u32) {
        let off = u32::from(offset);
        let line = match self.starts.binary_search(&off) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        (line as u32 + 1, off - self.starts[line])
    }

    /// The CPython-style position of a range.
    pub fn loc(&self, r: TextRange) -> Loc {
        let (line, col) = self.pos(r.start());
        let (end_line, end_col) = self.pos(r.end());
        Loc {
            line,
            col,
            end_line,
            end_col,
        }
    }
}
