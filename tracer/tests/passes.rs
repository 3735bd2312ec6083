//! Passes: text-in, text-out tests of the optimizer passes (Cranelift filetests, PyPy
//! `test_optimizeopt.py`).
//!
//! Each file in `tests/opt/*.trace` looks like this:
//!
//! ```text
//! # pass: fold, dce          passes to run, in this order (names from opt::Pipeline)
//! # What the test is about (any other comment lines).
//! # input
//! ...a trace in the text form (see tracer/src/text.rs)...
//! # expect
//! ...the trace the passes must produce...
//! ```
//!
//! The input is parsed and verified, each named pass runs (`Pass::run` from
//! `opt::Pipeline`), and the trace is verified after each. For `fold` that means
//! every input instruction is emitted, in order, through `fold::emit` into an empty
//! trace (`fold::run`) — exactly what the recorder does while recording, so a fold
//! test reads as "the recorder asked for this; this is what it got".
//!
//! The result is compared with the parsed `# expect` trace structurally, so value
//! and snapshot names in the expectation only need to be consistent, not dense. On a
//! mismatch the test prints both traces side by side (expected left, actual right,
//! `|` marks changed lines, `<` / `>` lines only on one side), in the printer's
//! canonical naming. `TVM_TEST_BLESS=1 cargo test -p tvm-tracer --test passes`
//! rewrites every failing file's `# expect` section with the actual output
//! (comments in that section are not kept).

use std::fs;
use std::path::{Path, PathBuf};
use tvm_tracer::opt::Pipeline;
use tvm_tracer::text::parse;
use tvm_tracer::verify::verify;
use tvm_tracer::Trace;

/// A test file split into its parts.
struct Case {
    passes: Vec<String>,
    input: String,
    expect: String,
    /// The file up to and including the `# expect` line (kept when blessing).
    head: String,
}

fn split(text: &str) -> Result<Case, String> {
    let mut passes = None;
    let (mut input, mut expect, mut head) = (String::new(), String::new(), String::new());
    let mut section = 0; // 0 header, 1 input, 2 expect
    for line in text.lines() {
        let directive = line.trim();
        if section < 2 {
            head.push_str(line);
            head.push('\n');
        }
        if let Some(list) = directive.strip_prefix("# pass:") {
            let names = list
                .split([',', ' '])
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect();
            passes = Some(names);
        } else if directive == "# input" && section == 0 {
            section = 1;
        } else if directive == "# expect" && section == 1 {
            section = 2;
        } else if section == 1 {
            input.push_str(line);
            input.push('\n');
        } else if section == 2 {
            expect.push_str(line);
            expect.push('\n');
        }
    }
    let passes = passes.ok_or("missing '# pass: NAME[, NAME...]' header line")?;
    if section != 2 {
        return Err("expected '# input' then '# expect' lines".into());
    }
    Ok(Case {
        passes,
        input,
        expect,
        head,
    })
}

/// Runs the case's passes on its input.
fn run(case: &Case) -> Result<Trace, String> {
    let mut t = parse(&case.input).map_err(|e| format!("input: {e}"))?;
    verify(&t).map_err(|e| format!("input does not verify: {e}"))?;
    for name in &case.passes {
        let pass = Pipeline::pass(name).ok_or_else(|| format!("unknown pass '{name}'"))?;
        (pass.run)(&mut t);
        verify(&t).map_err(|e| format!("output of pass '{name}' does not verify: {e}\n{t}"))?;
    }
    Ok(t)
}

/// Expected and actual text side by side, aligned on their longest common
/// subsequence of lines.
fn side_by_side(expected: &str, actual: &str) -> String {
    let e: Vec<&str> = expected.lines().collect();
    let a: Vec<&str> = actual.lines().collect();
    let mut lcs = vec![vec![0usize; a.len() + 1]; e.len() + 1];
    for i in (0..e.len()).rev() {
        for j in (0..a.len()).rev() {
            lcs[i][j] = if e[i] == a[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    // Rows of (left, marker, right); runs of deletions then insertions pair up as `|`.
    let mut rows: Vec<(&str, char, &str)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    let (mut dels, mut ins): (Vec<&str>, Vec<&str>) = (Vec::new(), Vec::new());
    type Row<'a> = (&'a str, char, &'a str);
    fn flush<'a>(rows: &mut Vec<Row<'a>>, dels: &mut Vec<&'a str>, ins: &mut Vec<&'a str>) {
        for k in 0..dels.len().max(ins.len()) {
            match (dels.get(k), ins.get(k)) {
                (Some(l), Some(r)) => rows.push((l, '|', r)),
                (Some(l), None) => rows.push((l, '<', "")),
                (None, Some(r)) => rows.push(("", '>', r)),
                (None, None) => {}
            }
        }
        dels.clear();
        ins.clear();
    }
    while i < e.len() || j < a.len() {
        if i < e.len() && j < a.len() && e[i] == a[j] {
            flush(&mut rows, &mut dels, &mut ins);
            rows.push((e[i], ' ', a[j]));
            i += 1;
            j += 1;
        } else if j == a.len() || (i < e.len() && lcs[i + 1][j] >= lcs[i][j + 1]) {
            dels.push(e[i]);
            i += 1;
        } else {
            ins.push(a[j]);
            j += 1;
        }
    }
    flush(&mut rows, &mut dels, &mut ins);
    let width = e
        .iter()
        .map(|l| l.len())
        .max()
        .unwrap_or(0)
        .max("expected".len());
    let mut out = format!("{:<width$}   actual\n", "expected");
    for (l, m, r) in rows {
        out.push_str(format!("{l:<width$} {m} {r}").trim_end());
        out.push('\n');
    }
    out
}

/// Runs one file; `Err` describes the failure.
fn check(path: &Path, bless: bool) -> Result<(), String> {
    let text = fs::read_to_string(path).map_err(|e| e.to_string())?;
    let case = split(&text)?;
    let actual = run(&case)?;
    let expected = match parse(&case.expect) {
        Ok(t) if t == actual => return Ok(()),
        Ok(t) => t.to_text(),
        Err(e) if bless => format!("(unparsable: {e})"),
        Err(e) => return Err(format!("expect: {e}")),
    };
    if bless {
        fs::write(path, format!("{}{}", case.head, actual.to_text())).map_err(|e| e.to_string())?;
        eprintln!("blessed {}", path.display());
        return Ok(());
    }
    Err(format!(
        "output differs:\n{}",
        side_by_side(&expected, &actual.to_text())
    ))
}

fn trace_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/opt");
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "trace"))
        .collect();
    files.sort();
    files
}

#[test]
fn opt_passes() {
    let bless = std::env::var("TVM_TEST_BLESS").is_ok_and(|v| v == "1");
    let files = trace_files();
    assert!(!files.is_empty(), "no tests/opt/*.trace files");
    let mut failures = Vec::new();
    for path in &files {
        if let Err(msg) = check(path, bless) {
            failures.push(format!(
                "--- {}: {msg}",
                path.file_name().unwrap().to_string_lossy()
            ));
        }
    }
    eprintln!("{} pass test files, {} failed", files.len(), failures.len());
    if !failures.is_empty() {
        panic!(
            "\n{}\n(TVM_TEST_BLESS=1 rewrites the expectations)",
            failures.join("\n")
        );
    }
}

#[test]
fn side_by_side_marks_changes() {
    let d = side_by_side("a\nb\nc\n", "a\nB\nc\nd\n");
    let lines: Vec<&str> = d.lines().collect();
    assert_eq!(lines[1], "a          a");
    assert_eq!(lines[2], "b        | B");
    assert_eq!(lines[4], "         > d");
}
