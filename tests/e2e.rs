//! End-to-end tests: run every program under `tests/programs/**.py` (and
//! `tests/wishlist/**.py`) through the `tvm` binary in every mode of `MODES`,
//! and compare stdout, stderr and the exit code with the goldens recorded from
//! CPython 3.11 (`x.stdout`, `x.stderr`, `x.exit` next to `x.py`).
//!
//! This is a `harness = false` test (see tests/README.md):
//!
//! ```text
//! cargo test --test e2e                      # everything
//! cargo test --test e2e -- arith             # only names containing "arith"
//! cargo test --test e2e -- '[interp]'        # one mode
//! TVM_TEST_BLESS=1 cargo test --test e2e     # regenerate goldens with python3
//! ```
//!
//! Environment:
//! - `TVM_TEST_BLESS=1`: regenerate goldens (same as tests/bless.sh) instead of testing.
//! - `TVM_TEST_PYTHON`: interpreter used for blessing (default `python3`, must be 3.11).
//! - `TVM_TEST_BIN`: binary to test instead of the `tvm` built by cargo.
//! - `TVM_TEST_TIMEOUT`: per-run timeout in seconds (default 10).
//! - `TVM_TEST_EXTRA_ARGS`: extra `tvm run` options for every mode (CI uses
//!   `--gc-stress` to run the suite with a collection at every safepoint).
//!
//! Only std is used.

#[path = "support/proc.rs"]
mod proc;

use proc::{run_with_timeout, signal_of};
use std::env;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::thread;
use std::time::Duration;

/// Every program runs once per row: (mode name, arguments placed before the
/// bare file name). Adding a mode is adding a row.
#[rustfmt::skip]
const MODES: &[(&str, &[&str])] = &[
    ("interp", &["run", "--no-jit"]),
    ("jit", &["run"]),
    // Records at the first back-edge: every loop is traced, every exit exercised.
    ("jit-eager", &["run", "--jit", "hotloop=1"]),
];

/// Default per-run timeout; `TVM_TEST_TIMEOUT` (seconds) overrides it.
const DEFAULT_TIMEOUT_SECS: u64 = 10;

/// Output beyond this many bytes per stream is drained but not kept.
const OUTPUT_CAP: usize = 8 << 20;

/// Lines of diff shown per stream before cutting off.
const MAX_DIFF_LINES: usize = 40;

/// Corpus folders under `tests/`: (folder, is_wishlist).
const CORPORA: &[(&str, bool)] = &[("programs", false), ("wishlist", true)];

/// Environment of the python3 runs that produce goldens; tests/bless.sh uses
/// the same (`env -i` plus these).
const BLESS_ENV: &[(&str, &str)] = &[
    ("PATH", "/usr/local/bin:/usr/bin:/bin"),
    ("PYTHONIOENCODING", "utf-8"),
    ("PYTHONUTF8", "1"),
    ("PYTHONHASHSEED", "0"),
    ("PYTHONDONTWRITEBYTECODE", "1"),
];

#[derive(Clone)]
struct Program {
    /// Path relative to `tests/`, with `/` separators, e.g. `programs/arith/power.py`.
    rel: String,
    /// Absolute path of the folder holding the program.
    dir: PathBuf,
    /// Bare file name, e.g. `power.py`.
    file: String,
    wishlist: bool,
}

impl Program {
    fn golden(&self, ext: &str) -> PathBuf {
        let stem = self.file.strip_suffix(".py").unwrap_or(&self.file);
        self.dir.join(format!("{stem}.{ext}"))
    }
}

struct Job {
    program: Program,
    mode: usize,
}

impl Job {
    fn name(&self) -> String {
        format!("{} [{}]", self.program.rel, MODES[self.mode].0)
    }
}

enum Verdict {
    Pass,
    Fail(String),
}

struct Options {
    filter: Option<String>,
    skip: Vec<String>,
    exact: bool,
    list: bool,
    /// `--ignored`: only ignored tests, of which there are none.
    list_ignored: bool,
    threads: Option<usize>,
}

fn parse_args() -> Options {
    let mut opts = Options {
        filter: None,
        skip: Vec::new(),
        exact: false,
        list: false,
        list_ignored: false,
        threads: None,
    };
    // libtest flags that take a value as the next argument.
    const WITH_VALUE: &[&str] = &[
        "--test-threads",
        "--skip",
        "--format",
        "--color",
        "--logfile",
        "--shuffle-seed",
        "-Z",
    ];
    let mut args = env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg.starts_with('-') && arg.len() > 1 {
            let flag = arg.as_str();
            let (name, inline) = match flag.split_once('=') {
                Some((n, v)) => (n.to_string(), Some(v.to_string())),
                None => (flag.to_string(), None),
            };
            let value = if inline.is_none() && WITH_VALUE.contains(&name.as_str()) {
                args.next()
            } else {
                inline
            };
            match name.as_str() {
                "--test-threads" => {
                    opts.threads = value.and_then(|v| v.parse().ok()).filter(|&n| n > 0)
                }
                "--skip" => opts.skip.extend(value),
                "--exact" => opts.exact = true,
                "--list" => opts.list = true,
                "--ignored" => opts.list_ignored = true,
                _ => {} // unknown libtest flag: ignored
            }
        } else if opts.filter.is_none() {
            opts.filter = Some(arg);
        }
    }
    opts
}

fn tests_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests")
}

fn collect_programs(root: &Path) -> Vec<Program> {
    let mut out = Vec::new();
    for &(folder, wishlist) in CORPORA {
        let base = root.join(folder);
        let mut files = Vec::new();
        walk(&base, &mut files);
        files.sort();
        for path in files {
            let rel = path
                .strip_prefix(root)
                .unwrap_or(&path)
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            let dir = path.parent().unwrap().to_path_buf();
            let file = path.file_name().unwrap().to_string_lossy().into_owned();
            out.push(Program {
                rel,
                dir,
                file,
                wishlist,
            });
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        if path.is_dir() {
            walk(&path, out);
        } else if path.extension().is_some_and(|e| e == "py") {
            out.push(path);
        }
    }
}

/// Runs `cmd` with a timeout, capturing stdout and stderr. On unix the child
/// gets its own process group, so a timeout kills everything it started.
fn read_golden(path: &Path) -> Result<String, String> {
    fs::read(path)
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .map_err(|e| {
            format!(
                "cannot read golden {}: {e} (run tests/bless.sh)",
                path.display()
            )
        })
}

fn check(job: &Job, bin: &Path, timeout: Duration) -> Verdict {
    let p = &job.program;
    let (expected_out, expected_err, expected_exit) = match (
        read_golden(&p.golden("stdout")),
        read_golden(&p.golden("stderr")),
        read_golden(&p.golden("exit")),
    ) {
        (Ok(o), Ok(e), Ok(x)) => match x.trim().parse::<i32>() {
            Ok(code) => (o, e, code),
            Err(_) => {
                return Verdict::Fail(format!(
                    "bad golden {}: {:?}",
                    p.golden("exit").display(),
                    x
                ))
            }
        },
        (o, e, x) => {
            let msgs: Vec<String> = [o.err(), e.err(), x.err()].into_iter().flatten().collect();
            return Verdict::Fail(msgs.join("\n"));
        }
    };

    let mut args: Vec<&str> = MODES[job.mode].1.to_vec();
    let extra = env::var("TVM_TEST_EXTRA_ARGS").unwrap_or_default();
    args.extend(extra.split_whitespace());
    let mut cmd = Command::new(bin);
    cmd.args(&args).arg(&p.file).current_dir(&p.dir);
    let shown_cmd = format!(
        "cd tests/{} && {} {} {}",
        p.rel.rsplit_once('/').map_or("", |(d, _)| d),
        bin.display(),
        args.join(" "),
        p.file
    );
    let out = match run_with_timeout(cmd, timeout, OUTPUT_CAP) {
        Ok(out) => out,
        Err(e) => {
            return Verdict::Fail(format!(
                "command: {shown_cmd}\ncannot start {}: {e}",
                bin.display()
            ))
        }
    };

    let actual_out = String::from_utf8_lossy(&out.stdout).into_owned();
    let actual_err = String::from_utf8_lossy(&out.stderr).into_owned();
    let mut notes = Vec::new();
    let mut failed = false;

    if out.timed_out {
        failed = true;
        notes.push(format!("TIMEOUT: killed after {} s", timeout.as_secs_f64()));
    }
    let actual_exit = out.status.as_ref().and_then(|s| s.code());
    if let Some(sig) = out.status.as_ref().and_then(signal_of) {
        failed = true;
        notes.push(format!("CRASH: tvm was killed by signal {sig}"));
    } else if !out.timed_out && actual_exit.is_none() {
        failed = true;
        notes.push("CRASH: tvm ended without an exit code".to_string());
    }
    if actual_err.contains("panicked at") {
        failed = true;
        notes.push("CRASH: tvm panicked (stderr contains `panicked at`)".to_string());
    }
    if out.truncated {
        notes.push(format!(
            "note: output beyond {} bytes per stream was dropped",
            OUTPUT_CAP
        ));
    }
    if !out.timed_out && actual_exit != Some(expected_exit) {
        failed = true;
        let got = actual_exit.map_or("none".to_string(), |c| c.to_string());
        notes.push(format!("exit code: expected {expected_exit}, got {got}"));
    }
    if actual_out != expected_out {
        failed = true;
        notes.push(format!(
            "stdout differs (- expected, + actual):\n{}",
            diff(&expected_out, &actual_out)
        ));
    }
    if actual_err != expected_err {
        failed = true;
        notes.push(format!(
            "stderr differs (- expected, + actual):\n{}",
            diff(&expected_err, &actual_err)
        ));
    }
    if failed {
        notes.insert(
            0,
            format!("command: {shown_cmd}  ({:.2} s)", out.elapsed.as_secs_f64()),
        );
        Verdict::Fail(notes.join("\n"))
    } else {
        Verdict::Pass
    }
}

/// Splits keeping line terminators, so a missing final newline is a difference.
fn split_lines(s: &str) -> Vec<&str> {
    s.split_inclusive('\n').collect()
}

fn show_line(prefix: char, line: &str) -> String {
    match line.strip_suffix('\n') {
        Some(body) => format!(
            "{prefix} {}",
            body.strip_suffix('\r')
                .map_or(body.to_string(), |b| format!("{b}\\r"))
        ),
        None => format!("{prefix} {line}\n\\ no newline at end"),
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Op {
    Same,
    Del,
    Add,
}

/// A readable line diff: common prefix/suffix trimmed, LCS on the rest when
/// it is small enough, hunks with 3 lines of context, capped in length.
fn diff(expected: &str, actual: &str) -> String {
    let a = split_lines(expected);
    let b = split_lines(actual);
    let mut pre = 0;
    while pre < a.len() && pre < b.len() && a[pre] == b[pre] {
        pre += 1;
    }
    let mut suf = 0;
    while suf < a.len() - pre && suf < b.len() - pre && a[a.len() - 1 - suf] == b[b.len() - 1 - suf]
    {
        suf += 1;
    }
    let ma = &a[pre..a.len() - suf];
    let mb = &b[pre..b.len() - suf];
    let mut ops: Vec<(Op, usize, usize)> = Vec::new(); // (op, index in a, index in b)
    for i in 0..pre {
        ops.push((Op::Same, i, i));
    }
    if ma.len().saturating_mul(mb.len()) <= 4_000_000 {
        // LCS table over the middle part.
        let (n, m) = (ma.len(), mb.len());
        let mut t = vec![0u32; (n + 1) * (m + 1)];
        for i in (0..n).rev() {
            for j in (0..m).rev() {
                t[i * (m + 1) + j] = if ma[i] == mb[j] {
                    t[(i + 1) * (m + 1) + j + 1] + 1
                } else {
                    t[(i + 1) * (m + 1) + j].max(t[i * (m + 1) + j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < n || j < m {
            if i < n && j < m && ma[i] == mb[j] {
                ops.push((Op::Same, pre + i, pre + j));
                i += 1;
                j += 1;
            } else if i < n && (j == m || t[(i + 1) * (m + 1) + j] >= t[i * (m + 1) + j + 1]) {
                ops.push((Op::Del, pre + i, pre + j));
                i += 1;
            } else {
                ops.push((Op::Add, pre + i, pre + j));
                j += 1;
            }
        }
    } else {
        for i in 0..ma.len() {
            ops.push((Op::Del, pre + i, pre));
        }
        for j in 0..mb.len() {
            ops.push((Op::Add, pre + ma.len(), pre + j));
        }
    }
    for k in 0..suf {
        ops.push((Op::Same, a.len() - suf + k, b.len() - suf + k));
    }
    render(&a, &b, &ops)
}

fn render(a: &[&str], b: &[&str], ops: &[(Op, usize, usize)]) -> String {
    let mut lines = Vec::new();
    const CONTEXT: usize = 3;
    // Mark which ops are shown: changes plus CONTEXT lines around them.
    let mut shown = vec![false; ops.len()];
    for (k, op) in ops.iter().enumerate() {
        if op.0 != Op::Same {
            let lo = k.saturating_sub(CONTEXT);
            let hi = (k + CONTEXT + 1).min(ops.len());
            for s in &mut shown[lo..hi] {
                *s = true;
            }
        }
    }
    let mut k = 0;
    while k < ops.len() {
        if !shown[k] {
            k += 1;
            continue;
        }
        let (_, ia, ib) = ops[k];
        lines.push(format!(
            "@@ expected line {}, actual line {} @@",
            ia + 1,
            ib + 1
        ));
        while k < ops.len() && shown[k] {
            let (op, ia, ib) = ops[k];
            lines.push(match op {
                Op::Same => show_line(' ', a[ia]),
                Op::Del => show_line('-', a[ia]),
                Op::Add => show_line('+', b[ib]),
            });
            k += 1;
        }
    }
    if lines.is_empty() {
        lines.push("  (texts differ only in line endings)".to_string());
    }
    let total = lines.len();
    let mut out: Vec<String> = lines.into_iter().take(MAX_DIFF_LINES).collect();
    if total > MAX_DIFF_LINES {
        out.push(format!("... ({} more diff lines)", total - MAX_DIFF_LINES));
    }
    let mut s = String::new();
    for l in out {
        for part in l.split('\n') {
            s.push_str("    ");
            s.push_str(part);
            s.push('\n');
        }
    }
    s
}

/// Resolves the CPython used for blessing and checks it is 3.11.
fn bless_python() -> Result<PathBuf, String> {
    let python = env::var("TVM_TEST_PYTHON").unwrap_or_else(|_| "python3".to_string());
    let out = Command::new(&python)
        .args([
            "-c",
            "import sys; print(sys.executable); print('%d.%d' % sys.version_info[:2])",
        ])
        .output()
        .map_err(|e| format!("cannot run {python}: {e}"))?;
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let mut it = text.lines();
    let exe = it.next().unwrap_or("").to_string();
    let ver = it.next().unwrap_or("");
    if exe.is_empty() {
        return Err(format!("{python} did not report sys.executable"));
    }
    if ver != "3.11" {
        return Err(format!(
            "{exe} is Python {ver}; the goldens must come from CPython 3.11"
        ));
    }
    Ok(PathBuf::from(exe))
}

fn bless_one(p: &Program, python: &Path) -> Result<i32, String> {
    let mut cmd = Command::new(python);
    cmd.arg(&p.file).current_dir(&p.dir).env_clear();
    for (k, v) in BLESS_ENV {
        cmd.env(k, v);
    }
    let out = run_with_timeout(cmd, Duration::from_secs(60), OUTPUT_CAP)
        .map_err(|e| format!("{}: {e}", p.rel))?;
    if out.timed_out {
        return Err(format!("{}: python3 timed out after 60 s", p.rel));
    }
    let code = out
        .status
        .and_then(|s| s.code())
        .ok_or_else(|| format!("{}: python3 killed by a signal", p.rel))?;
    // CPython (3.9+) makes the script path absolute; tvm prints the name as
    // given. Turn `File "/abs/dir/x.py"` back into `File "x.py"`.
    let mut stderr = out.stderr;
    let mut dirs = vec![p.dir.clone()];
    if let Ok(real) = fs::canonicalize(&p.dir) {
        dirs.push(real);
    }
    for d in dirs {
        let from = format!("\"{}\"", d.join(&p.file).display());
        let to = format!("\"{}\"", p.file);
        stderr = replace_bytes(&stderr, from.as_bytes(), to.as_bytes());
    }
    let write = |ext: &str, data: &[u8]| {
        fs::write(p.golden(ext), data).map_err(|e| format!("{}: {e}", p.rel))
    };
    write("stdout", &out.stdout)?;
    write("stderr", &stderr)?;
    write("exit", format!("{code}\n").as_bytes())?;
    Ok(code)
}

fn replace_bytes(hay: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(hay.len());
    let mut i = 0;
    while i < hay.len() {
        if !from.is_empty() && hay[i..].starts_with(from) {
            out.extend_from_slice(to);
            i += from.len();
        } else {
            out.push(hay[i]);
            i += 1;
        }
    }
    out
}

fn bless(programs: Vec<Program>, threads: usize) -> i32 {
    let python = match bless_python() {
        Ok(p) => p,
        Err(e) => {
            eprintln!("e2e bless: {e}");
            return 2;
        }
    };
    let next = AtomicUsize::new(0);
    let errors = Mutex::new(Vec::new());
    thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                let Some(p) = programs.get(i) else { break };
                match bless_one(p, &python) {
                    Ok(code) => println!("blessed {} (exit {code})", p.rel),
                    Err(e) => errors.lock().unwrap().push(e),
                }
            });
        }
    });
    let errors = errors.into_inner().unwrap();
    for e in &errors {
        eprintln!("e2e bless: {e}");
    }
    println!(
        "e2e bless: wrote goldens for {} programs with {}",
        programs.len() - errors.len(),
        python.display()
    );
    if errors.is_empty() {
        0
    } else {
        1
    }
}

fn main() {
    let opts = parse_args();
    let root = tests_dir();
    let programs = collect_programs(&root);
    let threads = opts
        .threads
        .unwrap_or_else(|| thread::available_parallelism().map_or(1, |n| n.get()));

    // A job is named `programs/arith/power.py [interp]`; the filter is a
    // substring of that name (with --exact: the whole name or the path).
    let matches = |name: &str, rel: &str| {
        let hit = match &opts.filter {
            None => true,
            Some(f) if opts.exact => name == f || rel == f,
            Some(f) => name.contains(f.as_str()),
        };
        hit && !opts.skip.iter().any(|s| name.contains(s.as_str()))
    };

    if env::var("TVM_TEST_BLESS").is_ok_and(|v| !v.is_empty() && v != "0") {
        // Bless by program path (modes do not matter for CPython).
        let selected: Vec<Program> = programs
            .into_iter()
            .filter(|p| {
                (0..MODES.len()).any(|m| matches(&format!("{} [{}]", p.rel, MODES[m].0), &p.rel))
            })
            .collect();
        std::process::exit(bless(selected, threads));
    }

    let jobs: Vec<Job> = programs
        .iter()
        .flat_map(|p| {
            (0..MODES.len()).map(move |mode| Job {
                program: p.clone(),
                mode,
            })
        })
        .filter(|j| matches(&j.name(), &j.program.rel))
        .collect();

    // No run is #[ignore]d: `--ignored` (run only ignored tests) selects none.
    let jobs = if opts.list_ignored { Vec::new() } else { jobs };

    if opts.list {
        {
            let mut out = io::stdout().lock();
            for j in &jobs {
                if writeln!(out, "{}: test", j.name()).is_err() {
                    break;
                }
            }
        }
        return;
    }

    let bin = match env::var_os("TVM_TEST_BIN") {
        Some(b) => {
            let b = PathBuf::from(b);
            if b.components().count() > 1 && b.is_relative() {
                env::current_dir().unwrap().join(b)
            } else {
                b
            }
        }
        None => PathBuf::from(env!("CARGO_BIN_EXE_tvm")),
    };
    let timeout = Duration::from_secs(
        env::var("TVM_TEST_TIMEOUT")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(DEFAULT_TIMEOUT_SECS),
    );

    let mut names: Vec<&str> = jobs.iter().map(|j| j.program.rel.as_str()).collect();
    names.dedup();
    println!(
        "\nrunning {} e2e tests ({} programs, modes: {}) on {} threads with {}",
        jobs.len(),
        names.len(),
        MODES.iter().map(|m| m.0).collect::<Vec<_>>().join(", "),
        threads,
        bin.display()
    );

    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<Verdict>>> = Mutex::new((0..jobs.len()).map(|_| None).collect());
    let stdout_lock = Mutex::new(());
    thread::scope(|s| {
        for _ in 0..threads.min(jobs.len().max(1)) {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                let Some(job) = jobs.get(i) else { break };
                let verdict = check(job, &bin, timeout);
                let status = match (&verdict, job.program.wishlist) {
                    (Verdict::Pass, false) => "ok",
                    (Verdict::Fail(_), false) => "FAILED",
                    (Verdict::Pass, true) => "ok (wishlist)",
                    (Verdict::Fail(_), true) => "not yet (wishlist)",
                };
                {
                    let _g = stdout_lock.lock().unwrap();
                    let mut out = io::stdout().lock();
                    let _ = writeln!(out, "test {} ... {}", job.name(), status);
                    let _ = out.flush();
                }
                results.lock().unwrap()[i] = Some(verdict);
            });
        }
    });
    let results: Vec<Verdict> = results
        .into_inner()
        .unwrap()
        .into_iter()
        .map(|v| v.unwrap())
        .collect();

    let mut passed = 0;
    let mut failed = Vec::new();
    let mut wish_total = 0;
    let mut wish_pass = 0;
    let mut wish_failed = Vec::new();
    for (job, verdict) in jobs.iter().zip(&results) {
        match (job.program.wishlist, verdict) {
            (true, Verdict::Pass) => {
                wish_total += 1;
                wish_pass += 1;
            }
            (true, Verdict::Fail(detail)) => {
                wish_total += 1;
                wish_failed.push((job.name(), detail));
            }
            (false, Verdict::Pass) => passed += 1,
            (false, Verdict::Fail(detail)) => failed.push((job.name(), detail)),
        }
    }

    if !failed.is_empty() {
        println!("\nfailures:");
        for (name, detail) in &failed {
            println!("\n---- {name} ----\n{}", detail.trim_end());
        }
        println!("\nfailures:");
        for (name, _) in &failed {
            println!("    {name}");
        }
    }
    // Wishlist diffs are shown only when a filter selected the programs.
    if opts.filter.is_some() && !wish_failed.is_empty() {
        println!("\nwishlist programs not passing yet (not counted):");
        for (name, detail) in &wish_failed {
            println!("\n---- {name} ----\n{}", detail.trim_end());
        }
    }
    if jobs.is_empty() {
        println!(
            "\nno program matches the filter {:?}",
            opts.filter.as_deref().unwrap_or("")
        );
    }
    println!("\nwishlist: {wish_pass} of {wish_total} pass");
    println!("e2e: {} passed, {} failed", passed, failed.len());
    let _ = io::stdout().flush();
    if !failed.is_empty() {
        std::process::exit(1);
    }
}
