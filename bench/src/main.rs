//! Benchmark harness: runs `bench/programs/*.py` under tvm (with and without the JIT),
//! CPython and PyPy, checks that every configuration prints what CPython prints, times
//! interleaved runs and prints a Markdown table of median wall times and ratios.
//!
//! Usage: `cargo run --release -p bench -- [--runs N] [--quick] [--filter NAME]...
//! [--json FILE] [--timeout SECS] [--no-build]`. See `bench/README.md`.

use std::env;
use std::ffi::OsString;
use std::fmt::Write as _;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

/// Where a configuration's executable comes from.
#[derive(Clone, Copy)]
enum Bin {
    /// The workspace's `tvm` binary (or `$TVM_BENCH_BIN`).
    Tvm,
    /// A program looked up on `PATH`.
    OnPath(&'static str),
}

/// One column of the table: an executable plus the arguments placed before the program path.
struct Config {
    name: &'static str,
    bin: Bin,
    args: &'static [&'static str],
}

/// Every configuration, in column order. To benchmark a JIT variant add a row such as
/// `Config { name: "tvm hot=10", bin: Bin::Tvm, args: &["run", "--jit", "hot=10"] }`.
const CONFIGS: &[Config] = &[
    Config {
        name: "tvm --no-jit",
        bin: Bin::Tvm,
        args: &["run", "--no-jit"],
    },
    Config {
        name: "tvm",
        bin: Bin::Tvm,
        args: &["run"],
    },
    Config {
        name: "python3",
        bin: Bin::OnPath("python3"),
        args: &[],
    },
    Config {
        name: "pypy3",
        bin: Bin::OnPath("pypy3"),
        args: &[],
    },
];

/// The configuration whose stdout every other configuration must reproduce.
const REFERENCE: &str = "python3";

/// A ratio column: `median(num) / median(den)`; > 1 means `den` is faster.
struct Ratio {
    label: &'static str,
    num: &'static str,
    den: &'static str,
}

const RATIOS: &[Ratio] = &[
    Ratio {
        label: "python3 / tvm --no-jit",
        num: "python3",
        den: "tvm --no-jit",
    },
    Ratio {
        label: "tvm-jit speedup over --no-jit",
        num: "tvm --no-jit",
        den: "tvm",
    },
    Ratio {
        label: "pypy3 / tvm-jit",
        num: "pypy3",
        den: "tvm",
    },
];

/// Environment variable naming a tvm binary to use instead of the workspace's.
const BIN_ENV: &str = "TVM_BENCH_BIN";

struct Options {
    runs: usize,
    filters: Vec<String>,
    json: Option<PathBuf>,
    timeout: Duration,
    build: bool,
}

const USAGE: &str = "\
usage: cargo run --release -p bench -- [options]
  --runs N         timed runs per configuration and program (default 5)
  --quick          one timed run (same as --runs 1)
  --filter NAME    only programs whose name contains NAME (repeatable)
  --json FILE      also write the results as JSON to FILE
  --timeout SECS   per-run time limit in seconds (default 60)
  --no-build       do not run `cargo build --release --bin tvm` first (it still builds
                   when the binary is missing)
  -h, --help       this text
env: TVM_BENCH_BIN=PATH  use PATH as the tvm binary (no build)";

fn parse_args() -> Result<Options, String> {
    let mut opts = Options {
        runs: 5,
        filters: Vec::new(),
        json: None,
        timeout: Duration::from_secs(60),
        build: true,
    };
    let mut args = env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--runs" => {
                let v = value("--runs")?;
                opts.runs = match v.parse::<usize>() {
                    Ok(n) if n > 0 => n,
                    _ => return Err(format!("--runs: expected a positive integer, got {v:?}")),
                };
            }
            "--quick" => opts.runs = 1,
            "--filter" => opts.filters.push(value("--filter")?),
            "--json" => opts.json = Some(PathBuf::from(value("--json")?)),
            "--timeout" => {
                let v = value("--timeout")?;
                opts.timeout = match v.parse::<f64>() {
                    Ok(s) if s > 0.0 && s.is_finite() => Duration::from_secs_f64(s),
                    _ => return Err(format!("--timeout: expected positive seconds, got {v:?}")),
                };
            }
            "--no-build" => opts.build = false,
            "-h" | "--help" => {
                println!("{USAGE}");
                std::process::exit(0);
            }
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    Ok(opts)
}

/// Outcome of one process run.
enum RunResult {
    Ok { secs: f64, stdout: String },
    Failed { detail: String, stderr_tail: String },
    Timeout,
}

/// Runs `cmd args... [file]` with stdin closed, capturing output, killing it after `timeout`.
fn run_once(cmd: &Path, args: &[&str], file: Option<&Path>, timeout: Duration) -> RunResult {
    let start = Instant::now();
    let child = Command::new(cmd)
        .args(args)
        .args(file)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(c) => c,
        Err(e) => {
            return RunResult::Failed {
                detail: format!("spawn failed: {e}"),
                stderr_tail: String::new(),
            }
        }
    };
    let out_reader = drain(child.stdout.take());
    let err_reader = drain(child.stderr.take());
    let deadline = start + timeout;
    let mut stdout_buf: Option<Vec<u8>> = None;
    let status = loop {
        if stdout_buf.is_none() {
            // Block until stdout closes, which normally means the process is exiting; wake
            // now and then in case it exited while something else holds its stdout open.
            let nap = deadline
                .saturating_duration_since(Instant::now())
                .min(Duration::from_millis(50));
            match out_reader.recv_timeout(nap) {
                Ok(buf) => stdout_buf = Some(buf),
                Err(mpsc::RecvTimeoutError::Disconnected) => stdout_buf = Some(Vec::new()),
                Err(mpsc::RecvTimeoutError::Timeout) => {}
            }
        } else {
            thread::sleep(Duration::from_micros(100));
        }
        match child.try_wait() {
            Ok(Some(status)) => break Ok(status),
            Ok(None) if Instant::now() >= deadline => {
                let _ = child.kill();
                let _ = child.wait();
                break Err(None);
            }
            Ok(None) => {}
            Err(e) => break Err(Some(e)),
        }
    };
    let secs = start.elapsed().as_secs_f64();
    // A grandchild that inherited the pipes can keep them open after the child is gone; wait
    // for the readers only until the run's deadline (briefly after a timeout), never forever.
    let deadline = if status.is_ok() {
        deadline.max(Instant::now() + Duration::from_secs(1))
    } else {
        Instant::now() + Duration::from_millis(200)
    };
    let stdout = match stdout_buf {
        Some(buf) => Ok(buf),
        None => out_reader.recv_timeout(deadline.saturating_duration_since(Instant::now())),
    };
    let stderr = err_reader.recv_timeout(deadline.saturating_duration_since(Instant::now()));
    let stderr_tail = tail(&String::from_utf8_lossy(&stderr.unwrap_or_default()), 3);
    let Ok(stdout) = stdout else {
        return match status {
            Err(None) => RunResult::Timeout,
            _ => RunResult::Failed {
                detail: "stdout held open by a leftover subprocess".into(),
                stderr_tail,
            },
        };
    };
    let stdout = String::from_utf8_lossy(&stdout).into_owned();
    match status {
        Ok(s) if s.success() => RunResult::Ok { secs, stdout },
        Ok(s) => RunResult::Failed {
            detail: match s.code() {
                Some(code) => format!("exit {code}"),
                None => "killed by signal".to_string(),
            },
            stderr_tail,
        },
        Err(None) => RunResult::Timeout,
        Err(Some(e)) => RunResult::Failed {
            detail: format!("wait failed: {e}"),
            stderr_tail,
        },
    }
}

/// Reads a child pipe to its end on a helper thread so the child never blocks on a full pipe.
fn drain<R: Read + Send + 'static>(pipe: Option<R>) -> mpsc::Receiver<Vec<u8>> {
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(mut p) = pipe {
            let _ = p.read_to_end(&mut buf);
        }
        let _ = tx.send(buf);
    });
    rx
}

/// The last `n` non-empty lines of `text`, joined with " | ".
fn tail(text: &str, n: usize) -> String {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    lines[lines.len().saturating_sub(n)..].join(" | ")
}

/// Finds an executable named `name` on `PATH`.
fn find_on_path(name: &str) -> Option<PathBuf> {
    let path = env::var_os("PATH")?;
    env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|p| is_executable(p))
}

fn is_executable(p: &Path) -> bool {
    match fs::metadata(p) {
        Ok(m) if m.is_file() => {
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                m.permissions().mode() & 0o111 != 0
            }
            #[cfg(not(unix))]
            {
                true
            }
        }
        _ => false,
    }
}

/// Locates (and builds, unless told not to) the tvm binary. Notes go under the table.
fn locate_tvm(build: bool, notes: &mut Vec<String>) -> Option<PathBuf> {
    if let Some(p) = env::var_os(BIN_ENV) {
        let p = PathBuf::from(p);
        if is_executable(&p) {
            notes.push(format!("tvm binary from ${BIN_ENV}: {}", p.display()));
            return Some(p);
        }
        notes.push(format!(
            "${BIN_ENV}={} is not an executable file; tvm columns are missing",
            p.display()
        ));
        return None;
    }
    let exe_dir = env::current_exe()
        .ok()
        .and_then(|e| e.parent().map(Path::to_path_buf));
    let Some(exe_dir) = exe_dir else {
        notes
            .push("cannot locate the bench executable's directory; tvm columns are missing".into());
        return None;
    };
    let tvm = exe_dir.join(format!("tvm{}", env::consts::EXE_SUFFIX));
    let exists = is_executable(&tvm);
    if build || !exists {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let root = root.canonicalize().unwrap_or(root);
        let cargo = env::var_os("CARGO").unwrap_or_else(|| OsString::from("cargo"));
        eprintln!(
            "bench: cargo build --release --bin tvm (in {})",
            root.display()
        );
        let status = Command::new(&cargo)
            .args(["build", "--release", "--bin", "tvm"])
            .current_dir(&root)
            .stdin(Stdio::null())
            .stdout(Stdio::inherit())
            .stderr(Stdio::inherit())
            .status();
        let ok = matches!(status, Ok(s) if s.success());
        if !ok {
            let why = match status {
                Ok(s) => format!("{s}"),
                Err(e) => format!("{e}"),
            };
            if is_executable(&tvm) {
                notes.push(format!(
                    "**`cargo build --release --bin tvm` failed ({why}); timing the OLD binary {}**",
                    tvm.display()
                ));
            } else {
                notes.push(format!(
                    "`cargo build --release --bin tvm` failed ({why}); tvm columns are missing"
                ));
                return None;
            }
        }
    }
    if is_executable(&tvm) {
        notes.push(format!("tvm binary: {}", tvm.display()));
        Some(tvm)
    } else {
        notes.push(format!(
            "no tvm binary at {} after building; tvm columns are missing",
            tvm.display()
        ));
        None
    }
}

/// The interpreter behind `cmd` as reported by `sys.executable`, so that launcher scripts
/// such as pyenv shims (which add ~80 ms per run) stay out of the timings.
fn resolve_interpreter(cmd: &Path) -> PathBuf {
    let args = ["-c", "import sys; print(sys.executable)"];
    if let RunResult::Ok { stdout, .. } = run_once(cmd, &args, None, Duration::from_secs(10)) {
        let real = PathBuf::from(stdout.trim());
        if real.is_absolute() && is_executable(&real) {
            return real;
        }
    }
    cmd.to_path_buf()
}

/// `cmd --version` on one line, if it answers within a few seconds.
fn version_of(cmd: &Path) -> Option<String> {
    match run_once(cmd, &["--version"], None, Duration::from_secs(10)) {
        RunResult::Ok { stdout, .. } => {
            let text = stdout.split_whitespace().collect::<Vec<_>>().join(" ");
            (!text.is_empty()).then_some(text)
        }
        _ => None,
    }
}

/// What a table cell ends up holding.
enum Cell {
    /// The configuration's binary is not available.
    Missing,
    /// Output differs from the reference; not timed.
    Wrong {
        first_diff: String,
    },
    /// A run exited non-zero or could not be started.
    Error {
        detail: String,
    },
    Timeout,
    /// The reference failed on this program, so the output cannot be checked; not timed.
    NoReference,
    /// Check passed; timed samples in seconds.
    Times(Vec<f64>),
}

impl Cell {
    fn median(&self) -> Option<f64> {
        match self {
            Cell::Times(t) if !t.is_empty() => Some(median(t)),
            _ => None,
        }
    }

    fn status(&self) -> &'static str {
        match self {
            Cell::Missing => "missing",
            Cell::Wrong { .. } => "wrong",
            Cell::Error { .. } => "error",
            Cell::Timeout => "timeout",
            Cell::NoReference => "no-reference",
            Cell::Times(_) => "ok",
        }
    }

    fn markdown(&self) -> String {
        match self {
            Cell::Missing => "missing".into(),
            Cell::Wrong { .. } => "**WRONG**".into(),
            Cell::Error { detail } => format!("error ({detail})"),
            Cell::Timeout => "timeout".into(),
            Cell::NoReference => "unchecked".into(),
            Cell::Times(_) => format!("{:.3}", self.median().unwrap_or(f64::NAN)),
        }
    }
}

fn median(xs: &[f64]) -> f64 {
    let mut v = xs.to_vec();
    v.sort_by(f64::total_cmp);
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

/// Describes the first line where `got` differs from `want`.
fn first_difference(want: &str, got: &str) -> String {
    let (mut w, mut g) = (want.lines(), got.lines());
    let mut line = 1;
    loop {
        match (w.next(), g.next()) {
            (Some(a), Some(b)) if a == b => line += 1,
            (None, None) => return "outputs differ only in line endings".into(),
            (a, b) => {
                let show = |l: Option<&str>| match l {
                    Some(l) => format!("{:?}", clip(l)),
                    None => "end of output".to_string(),
                };
                return format!("line {line}: expected {}, got {}", show(a), show(b));
            }
        }
    }
}

fn clip(s: &str) -> String {
    const MAX: usize = 120;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        let mut c: String = s.chars().take(MAX).collect();
        c.push('…');
        c
    }
}

/// A configuration resolved against this machine.
struct Column {
    config: &'static Config,
    cmd: Option<PathBuf>,
}

struct ProgramResult {
    name: String,
    path: PathBuf,
    cells: Vec<Cell>,
}

fn discover_programs(dir: &Path, filters: &[String]) -> Result<Vec<(String, PathBuf)>, String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut progs: Vec<(String, PathBuf)> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .filter_map(|p| {
            let stem = p.file_stem()?.to_string_lossy().into_owned();
            Some((stem, p))
        })
        .filter(|(name, _)| filters.is_empty() || filters.iter().any(|f| name.contains(f.as_str())))
        .collect();
    progs.sort();
    Ok(progs)
}

/// Checks every column's output for one program, then times the columns that passed.
fn bench_program(name: &str, path: &Path, columns: &[Column], opts: &Options) -> Vec<Cell> {
    let mut cells: Vec<Cell> = Vec::with_capacity(columns.len());
    let mut outputs: Vec<Option<String>> = Vec::with_capacity(columns.len());
    let mut progress = format!("{name}: check");
    for col in columns {
        let Some(cmd) = &col.cmd else {
            cells.push(Cell::Missing);
            outputs.push(None);
            continue;
        };
        let (cell, out) = match run_once(cmd, col.config.args, Some(path), opts.timeout) {
            RunResult::Ok { secs, stdout } => {
                let _ = write!(progress, "  {}={:.2}s", col.config.name, secs);
                (Cell::Times(Vec::new()), Some(stdout))
            }
            RunResult::Timeout => {
                let _ = write!(progress, "  {}=timeout", col.config.name);
                (Cell::Timeout, None)
            }
            RunResult::Failed {
                detail,
                stderr_tail,
            } => {
                let _ = write!(progress, "  {}=error", col.config.name);
                eprintln!(
                    "  {name} under {}: {detail}: {stderr_tail}",
                    col.config.name
                );
                (Cell::Error { detail }, None)
            }
        };
        cells.push(cell);
        outputs.push(out);
    }
    eprintln!("{progress}");

    // Compare against the reference configuration.
    let ref_idx = columns.iter().position(|c| c.config.name == REFERENCE);
    let reference = ref_idx.map(|i| (i, outputs[i].clone()));
    for (i, cell) in cells.iter_mut().enumerate() {
        let Some((ri, want)) = &reference else { break };
        if i == *ri || !matches!(cell, Cell::Times(_)) {
            continue;
        }
        match (want, &outputs[i]) {
            (Some(w), Some(g)) if w == g => {}
            (Some(w), Some(g)) => {
                let first_diff = first_difference(w, g);
                eprintln!(
                    "  {name} under {}: WRONG output: {first_diff}",
                    columns[i].config.name
                );
                *cell = Cell::Wrong { first_diff };
            }
            _ => *cell = Cell::NoReference,
        }
    }

    // Interleaved timed runs: run r of every column, then run r + 1 of every column.
    for r in 1..=opts.runs {
        let mut progress = format!("{name}: run {r}/{}", opts.runs);
        for (i, col) in columns.iter().enumerate() {
            if !matches!(cells[i], Cell::Times(_)) {
                continue;
            }
            let cmd = col.cmd.as_deref().expect("timed column has a binary");
            let result = run_once(cmd, col.config.args, Some(path), opts.timeout);
            let new_cell = match result {
                RunResult::Ok { secs, stdout } => {
                    if outputs[i].as_deref() == Some(stdout.as_str()) {
                        let _ = write!(progress, "  {}={:.3}s", col.config.name, secs);
                        if let Cell::Times(t) = &mut cells[i] {
                            t.push(secs);
                        }
                        None
                    } else {
                        let first_diff =
                            first_difference(outputs[i].as_deref().unwrap_or(""), &stdout);
                        eprintln!(
                            "  {name} under {}: output changed between runs: {first_diff}",
                            col.config.name
                        );
                        Some(Cell::Wrong { first_diff })
                    }
                }
                RunResult::Timeout => Some(Cell::Timeout),
                RunResult::Failed {
                    detail,
                    stderr_tail,
                } => {
                    eprintln!(
                        "  {name} under {}: {detail}: {stderr_tail}",
                        col.config.name
                    );
                    Some(Cell::Error { detail })
                }
            };
            if let Some(c) = new_cell {
                let _ = write!(progress, "  {}={}", col.config.name, c.status());
                cells[i] = c;
            }
        }
        eprintln!("{progress}");
    }
    cells
}

fn ratio_value(r: &Ratio, columns: &[Column], cells: &[Cell]) -> Option<f64> {
    let idx = |n: &str| columns.iter().position(|c| c.config.name == n);
    let num = cells[idx(r.num)?].median()?;
    let den = cells[idx(r.den)?].median()?;
    if den > 0.0 {
        Some(num / den)
    } else {
        None
    }
}

/// Geometric mean of the defined values, with how many were defined.
fn geomean(values: &[Option<f64>]) -> (Option<f64>, usize) {
    let defined: Vec<f64> = values
        .iter()
        .flatten()
        .copied()
        .filter(|v| *v > 0.0)
        .collect();
    if defined.is_empty() {
        return (None, 0);
    }
    let mean_log = defined.iter().map(|v| v.ln()).sum::<f64>() / defined.len() as f64;
    (Some(mean_log.exp()), defined.len())
}

fn ratio_cell(v: Option<f64>) -> String {
    match v {
        Some(v) => format!("{v:.2}x"),
        None => "—".into(),
    }
}

fn render_markdown(
    columns: &[Column],
    results: &[ProgramResult],
    ratios: &[Vec<Option<f64>>],
    opts: &Options,
    notes: &[String],
) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "Median wall time in seconds over {} run{} per cell (interleaved); ratios > 1 mean the \
         right-hand side is faster.\n",
        opts.runs,
        if opts.runs == 1 { "" } else { "s" }
    );
    let shown: Vec<usize> = (0..columns.len())
        .filter(|&i| !matches!(columns[i].config.bin, Bin::OnPath(_)) || columns[i].cmd.is_some())
        .collect();
    s.push_str("| program |");
    for &i in &shown {
        let _ = write!(s, " {} |", columns[i].config.name);
    }
    for r in RATIOS {
        let _ = write!(s, " {} |", r.label);
    }
    s.push_str("\n|---|");
    for _ in 0..shown.len() + RATIOS.len() {
        s.push_str("---:|");
    }
    s.push('\n');
    for (p, res) in results.iter().enumerate() {
        let _ = write!(s, "| {} |", res.name);
        for &i in &shown {
            let _ = write!(s, " {} |", res.cells[i].markdown());
        }
        for col in ratios {
            let _ = write!(s, " {} |", ratio_cell(col[p]));
        }
        s.push('\n');
    }
    let _ = write!(s, "| **geomean** |");
    for _ in &shown {
        s.push_str(" |");
    }
    for col in ratios {
        let (g, n) = geomean(col);
        match g {
            Some(g) if n == results.len() => {
                let _ = write!(s, " **{g:.2}x** |");
            }
            Some(g) => {
                let _ = write!(s, " **{g:.2}x** ({n}/{}) |", results.len());
            }
            None => s.push_str(" — |"),
        }
    }
    s.push('\n');

    let mut all_notes: Vec<String> = notes.to_vec();
    for res in results {
        for (i, cell) in res.cells.iter().enumerate() {
            if let Cell::Wrong { first_diff } = cell {
                all_notes.push(format!(
                    "**WRONG**: {} under {}: {}",
                    res.name, columns[i].config.name, first_diff
                ));
            }
        }
    }
    if !all_notes.is_empty() {
        s.push('\n');
        for n in all_notes {
            let _ = writeln!(s, "- {n}");
        }
    }
    s
}

fn json_str(s: &str) -> String {
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

fn json_num(v: Option<f64>) -> String {
    match v {
        Some(v) if v.is_finite() => format!("{v}"),
        _ => "null".into(),
    }
}

fn render_json(
    columns: &[Column],
    results: &[ProgramResult],
    ratios: &[Vec<Option<f64>>],
    opts: &Options,
    notes: &[String],
) -> String {
    let mut s = String::from("{\n");
    let _ = writeln!(s, "  \"runs\": {},", opts.runs);
    let _ = writeln!(s, "  \"timeout_secs\": {},", opts.timeout.as_secs_f64());
    let _ = writeln!(s, "  \"reference\": {},", json_str(REFERENCE));
    s.push_str("  \"configs\": [\n");
    for (i, col) in columns.iter().enumerate() {
        let args: Vec<String> = col.config.args.iter().map(|a| json_str(a)).collect();
        let _ = write!(
            s,
            "    {{\"name\": {}, \"binary\": {}, \"args\": [{}], \"available\": {}}}",
            json_str(col.config.name),
            col.cmd
                .as_ref()
                .map_or("null".into(), |p| json_str(&p.display().to_string())),
            args.join(", "),
            col.cmd.is_some()
        );
        s.push_str(if i + 1 < columns.len() { ",\n" } else { "\n" });
    }
    s.push_str("  ],\n  \"programs\": [\n");
    for (p, res) in results.iter().enumerate() {
        let _ = writeln!(
            s,
            "    {{\"name\": {}, \"path\": {},",
            json_str(&res.name),
            json_str(&res.path.display().to_string())
        );
        s.push_str("     \"results\": {");
        for (i, cell) in res.cells.iter().enumerate() {
            let samples = match cell {
                Cell::Times(t) => t.iter().map(|v| json_num(Some(*v))).collect::<Vec<_>>(),
                _ => Vec::new(),
            };
            let detail = match cell {
                Cell::Wrong { first_diff } => json_str(first_diff),
                Cell::Error { detail } => json_str(detail),
                _ => "null".into(),
            };
            let _ = write!(
                s,
                "\n       {}: {{\"status\": {}, \"median_secs\": {}, \"samples_secs\": [{}], \"detail\": {}}}",
                json_str(columns[i].config.name),
                json_str(cell.status()),
                json_num(cell.median()),
                samples.join(", "),
                detail
            );
            if i + 1 < res.cells.len() {
                s.push(',');
            }
        }
        s.push_str("},\n     \"ratios\": {");
        for (k, r) in RATIOS.iter().enumerate() {
            let _ = write!(s, "{}: {}", json_str(r.label), json_num(ratios[k][p]));
            if k + 1 < RATIOS.len() {
                s.push_str(", ");
            }
        }
        s.push_str("}}");
        s.push_str(if p + 1 < results.len() { ",\n" } else { "\n" });
    }
    s.push_str("  ],\n  \"geomean\": {");
    for (k, r) in RATIOS.iter().enumerate() {
        let (g, n) = geomean(&ratios[k]);
        let _ = write!(
            s,
            "{}: {{\"value\": {}, \"programs\": {}}}",
            json_str(r.label),
            json_num(g),
            n
        );
        if k + 1 < RATIOS.len() {
            s.push_str(", ");
        }
    }
    s.push_str("},\n  \"notes\": [");
    let ns: Vec<String> = notes.iter().map(|n| json_str(n)).collect();
    s.push_str(&ns.join(", "));
    s.push_str("]\n}\n");
    s
}

fn main() -> ExitCode {
    let opts = match parse_args() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("bench: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let programs_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("programs");
    let programs = match discover_programs(&programs_dir, &opts.filters) {
        Ok(p) if p.is_empty() => {
            eprintln!(
                "bench: no programs in {} match {:?}",
                programs_dir.display(),
                opts.filters
            );
            return ExitCode::from(2);
        }
        Ok(p) => p,
        Err(e) => {
            eprintln!("bench: {e}");
            return ExitCode::from(2);
        }
    };

    let mut notes: Vec<String> = Vec::new();
    let needs_tvm = CONFIGS.iter().any(|c| matches!(c.bin, Bin::Tvm));
    let tvm = if needs_tvm {
        locate_tvm(opts.build, &mut notes)
    } else {
        None
    };
    let mut columns: Vec<Column> = Vec::new();
    for config in CONFIGS {
        let cmd = match config.bin {
            Bin::Tvm => tvm.clone(),
            Bin::OnPath(name) => {
                let found = find_on_path(name).map(|p| resolve_interpreter(&p));
                match &found {
                    Some(p) => {
                        let v = version_of(p).unwrap_or_else(|| "version unknown".into());
                        notes.push(format!("{}: {} ({v})", config.name, p.display()));
                    }
                    None => notes.push(format!(
                        "{}: `{name}` not found on PATH; column skipped",
                        config.name
                    )),
                }
                found
            }
        };
        columns.push(Column { config, cmd });
    }
    if !columns
        .iter()
        .any(|c| c.config.name == REFERENCE && c.cmd.is_some())
    {
        notes.push(format!(
            "**reference `{REFERENCE}` unavailable: outputs were NOT checked**"
        ));
    }
    for note in &notes {
        eprintln!("bench: {note}");
    }

    let mut results = Vec::with_capacity(programs.len());
    for (k, (name, path)) in programs.iter().enumerate() {
        eprintln!("[{}/{}] {name}", k + 1, programs.len());
        let cells = bench_program(name, path, &columns, &opts);
        results.push(ProgramResult {
            name: name.clone(),
            path: path.clone(),
            cells,
        });
    }
    let ratios: Vec<Vec<Option<f64>>> = RATIOS
        .iter()
        .map(|r| {
            results
                .iter()
                .map(|res| ratio_value(r, &columns, &res.cells))
                .collect()
        })
        .collect();

    print!(
        "{}",
        render_markdown(&columns, &results, &ratios, &opts, &notes)
    );
    if let Some(path) = &opts.json {
        let text = render_json(&columns, &results, &ratios, &opts, &notes);
        if let Err(e) = fs::write(path, text) {
            eprintln!("bench: cannot write {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
        eprintln!("bench: wrote {}", path.display());
    }
    ExitCode::SUCCESS
}
