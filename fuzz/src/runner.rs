//! Running one program in every mode and comparing the outcomes.

// Shared with the end-to-end harness (the fuzzer ignores `truncated`: outputs are
// compared as cut at the same cap).
#[allow(dead_code)]
#[path = "../../tests/support/proc.rs"]
mod proc;

use std::io;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Output kept per stream; more is truncated (and the truncation compared).
const OUTPUT_CAP: usize = 1 << 20;

/// One way of running a program.
#[derive(Clone, Debug)]
pub struct Mode {
    pub name: String,
    /// Arguments before the file name (tvm), or empty (CPython).
    pub args: Vec<String>,
    pub cpython: bool,
}

/// Every tvm mode the fuzzer knows, by name.
pub fn tvm_mode(name: &str) -> Option<Mode> {
    let args: &[&str] = match name {
        "interp" => &["run", "--no-jit"],
        "jit" => &["run"],
        "eager" => &["run", "--jit", "hotloop=1"],
        // Everything traced at once, aborted loops retried at once and many times,
        // deep inlining: the most aggressive settings.
        "aggr" => &[
            "run",
            "--jit",
            "hotloop=1,hotexit=1,penalty=1,maxabort=1000,maxinline=30",
        ],
        // The eager JIT with a collection at every safepoint after an allocation.
        "gc" => &["run", "--gc-stress", "--jit", "hotloop=1"],
        _ => return None,
    };
    Some(Mode {
        name: name.to_string(),
        args: args.iter().map(|s| s.to_string()).collect(),
        cpython: false,
    })
}

pub const TVM_MODE_NAMES: &[&str] = &["interp", "jit", "eager", "aggr", "gc"];
pub const DEFAULT_MODES: &[&str] = &["interp", "jit", "eager", "aggr"];

/// What a run did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    /// Exit code, or None if killed by a signal or timed out.
    pub code: Option<i32>,
    pub signal: Option<i32>,
    pub timed_out: bool,
}

impl Outcome {
    /// tvm crashed: a signal, a Rust panic, or the VM thread's failure exit code.
    pub fn crashed(&self) -> bool {
        !self.timed_out
            && (self.signal.is_some()
                || contains(&self.stderr, b"panicked at")
                || matches!(self.code, Some(70) | Some(101) | Some(134)))
    }

    pub fn unsupported(&self) -> bool {
        contains(&self.stderr, b"NotImplementedError: ")
            && contains(&self.stderr, b" is not supported (")
    }

    /// Which parts differ from `o`: bit 0 stdout, bit 1 stderr, bit 2 status.
    pub fn diff_parts(&self, o: &Outcome) -> u8 {
        (self.stdout != o.stdout) as u8
            | ((self.stderr != o.stderr) as u8) << 1
            | (((self.code, self.signal, self.timed_out) != (o.code, o.signal, o.timed_out)) as u8)
                << 2
    }

    /// The exception type the last line of stderr names (`ValueError`), or "".
    pub fn exception_name(&self) -> String {
        let text = String::from_utf8_lossy(&self.stderr);
        let last = text
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("");
        let name = last.split(':').next().unwrap_or("");
        if !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
        {
            name.to_string()
        } else {
            String::new()
        }
    }

    pub fn status_text(&self) -> String {
        if self.timed_out {
            "timeout".into()
        } else if let Some(s) = self.signal {
            format!("signal {s}")
        } else {
            format!("exit {}", self.code.unwrap_or(-1))
        }
    }
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// Everything needed to run a program in every mode.
#[derive(Clone, Debug)]
pub struct Runner {
    pub tvm: PathBuf,
    /// CPython's executable, if compared against.
    pub python: Option<PathBuf>,
    pub modes: Vec<Mode>,
    pub timeout: Duration,
}

/// The result of running one program in every mode.
#[derive(Clone, Debug)]
pub struct Report {
    pub outcomes: Vec<Outcome>,
    /// Longest run.
    pub elapsed: Duration,
}

/// How the modes split: each mode's class (modes with equal outcomes share it,
/// numbered by first appearance), and which modes crashed.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Signature {
    pub classes: Vec<usize>,
    pub crashed: Vec<bool>,
}

impl Signature {
    pub fn of(outcomes: &[Outcome]) -> Signature {
        let mut classes = vec![];
        for (i, o) in outcomes.iter().enumerate() {
            let c = (0..i)
                .find(|&j| outcomes[j] == *o)
                .map(|j| classes[j])
                .unwrap_or_else(|| classes.iter().copied().max().map_or(0, |m: usize| m + 1));
            classes.push(c);
        }
        Signature {
            classes,
            crashed: outcomes.iter().map(Outcome::crashed).collect(),
        }
    }

    /// `interp,cpython | jit,eager,aggr`.
    pub fn describe(&self, modes: &[Mode]) -> String {
        let n = self.classes.iter().copied().max().unwrap_or(0) + 1;
        let groups: Vec<String> = (0..n)
            .map(|c| {
                modes
                    .iter()
                    .zip(&self.classes)
                    .filter(|(_, &k)| k == c)
                    .map(|(m, _)| m.name.clone())
                    .collect::<Vec<_>>()
                    .join(",")
            })
            .collect();
        let crashed: Vec<&str> = modes
            .iter()
            .zip(&self.crashed)
            .filter(|(_, &c)| c)
            .map(|(m, _)| m.name.as_str())
            .collect();
        let mut s = groups.join(" | ");
        if !crashed.is_empty() {
            s.push_str(&format!(" (crashed: {})", crashed.join(",")));
        }
        s
    }
}

/// What a program's run means for the fuzzer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Every mode agrees.
    Agree,
    /// tvm says a feature is not supported: the generator's subset is wrong.
    Unsupported,
    /// Every mode (CPython included) timed out: the generator made a slow program.
    Timeout,
    /// tvm crashed (panic, signal).
    Crash,
    /// tvm modes disagree with each other.
    JitDivergence,
    /// tvm modes agree with each other but not with CPython.
    CpythonDivergence,
    /// A divergence from CPython listed in `KNOWN` (already reported).
    Known,
}

/// Divergences from CPython already reported, recognized by a string in CPython's
/// stderr (tvm's modes must still agree with each other). They count as "known",
/// not as bugs, so that long runs keep looking for new ones. Remove an entry when
/// tvm is fixed.
pub const KNOWN: &[(&str, &str)] = &[];

impl Verdict {
    pub fn is_bug(self) -> bool {
        matches!(
            self,
            Verdict::Crash | Verdict::JitDivergence | Verdict::CpythonDivergence
        )
    }
}

impl Runner {
    /// The modes in order: tvm modes, then CPython (if any).
    pub fn all_modes(&self) -> Vec<Mode> {
        let mut m = self.modes.clone();
        if self.python.is_some() {
            m.push(Mode {
                name: "cpython".into(),
                args: vec![],
                cpython: true,
            });
        }
        m
    }

    /// Runs `source` (written to `dir/prog.py`) in every mode.
    pub fn run(&self, dir: &Path, source: &str, timeout: Duration) -> io::Result<Report> {
        std::fs::write(dir.join("prog.py"), source)?;
        let mut outcomes = vec![];
        let mut elapsed = Duration::ZERO;
        for m in self.all_modes() {
            let start = Instant::now();
            outcomes.push(self.run_one(dir, &m, timeout)?);
            elapsed = elapsed.max(start.elapsed());
        }
        Ok(Report { outcomes, elapsed })
    }

    /// Runs `dir/prog.py` in mode `m`.
    pub fn run_one(&self, dir: &Path, m: &Mode, timeout: Duration) -> io::Result<Outcome> {
        if m.cpython {
            let python = self.python.as_ref().expect("python");
            let mut cmd = Command::new(python);
            cmd.arg("prog.py").current_dir(dir).env_clear();
            for (k, v) in PYTHON_ENV {
                cmd.env(k, v);
            }
            let (mut o, _) = run_with_timeout(cmd, timeout)?;
            o.stderr = normalize_cpython_stderr(&o.stderr, dir);
            Ok(o)
        } else {
            let mut cmd = Command::new(&self.tvm);
            cmd.args(&m.args)
                .arg("prog.py")
                .current_dir(dir)
                .env_clear();
            let (mut o, _) = run_with_timeout(cmd, timeout)?;
            o.stderr = normalize_panic(&o.stderr);
            Ok(o)
        }
    }

    pub fn verdict(&self, r: &Report) -> Verdict {
        let ntvm = self.modes.len();
        let tvm = &r.outcomes[..ntvm];
        if tvm.iter().any(Outcome::crashed) {
            return Verdict::Crash;
        }
        if tvm.iter().any(Outcome::unsupported) {
            return Verdict::Unsupported;
        }
        if r.outcomes.iter().all(|o| o.timed_out) {
            return Verdict::Timeout;
        }
        if tvm.iter().any(|o| o != &tvm[0]) {
            return Verdict::JitDivergence;
        }
        if r.outcomes[ntvm..].iter().any(|o| o != &tvm[0]) {
            // CPython too slow for the timeout (tvm finished): not a tvm bug.
            if r.outcomes[ntvm..].iter().all(|o| o.timed_out) {
                return Verdict::Timeout;
            }
            let py = String::from_utf8_lossy(&r.outcomes[ntvm].stderr);
            if KNOWN.iter().any(|(pat, _)| py.contains(pat)) {
                return Verdict::Known;
            }
            return Verdict::CpythonDivergence;
        }
        Verdict::Agree
    }
}

/// The environment CPython runs in (as tests/bless.sh).
const PYTHON_ENV: &[(&str, &str)] = &[
    ("PYTHONIOENCODING", "utf-8"),
    ("PYTHONUTF8", "1"),
    ("PYTHONHASHSEED", "0"),
    ("PYTHONDONTWRITEBYTECODE", "1"),
];

/// CPython prints the script's absolute path in tracebacks; tvm prints the name
/// it was given. Turn `File "/abs/dir/prog.py"` into `File "prog.py"`.
fn normalize_cpython_stderr(stderr: &[u8], dir: &Path) -> Vec<u8> {
    let mut text = String::from_utf8_lossy(stderr).into_owned();
    let mut dirs = vec![dir.to_path_buf()];
    if let Ok(real) = std::fs::canonicalize(dir) {
        dirs.push(real);
    }
    for d in dirs {
        let from = format!("\"{}\"", d.join("prog.py").display());
        text = text.replace(&from, "\"prog.py\"");
    }
    text.into_bytes()
}

/// Rust prints `thread 'tvm' (12345) panicked at`: drop the thread id, which
/// differs from run to run, so equal panics compare equal.
fn normalize_panic(stderr: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(stderr);
    if !text.contains(" panicked at ") {
        return stderr.to_vec();
    }
    let mut out = String::new();
    for line in text.split_inclusive('\n') {
        match (line.find("' ("), line.find(") panicked at ")) {
            (Some(a), Some(b)) if line.starts_with("thread '") && a < b => {
                out.push_str(&line[..a + 1]);
                out.push_str(&line[b + 1..]);
            }
            _ => out.push_str(line),
        }
    }
    out.into_bytes()
}

/// Resolves `python3` to its executable (a pyenv shim does not work with a
/// cleared environment) and checks it is CPython 3.11.
pub fn find_python(name: &str) -> Result<PathBuf, String> {
    let out = Command::new(name)
        .args([
            "-c",
            "import sys, platform; print(sys.executable); print('%d.%d' % sys.version_info[:2]); print(platform.python_implementation())",
        ])
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run {name}: {e}"))?;
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let mut it = text.lines();
    let exe = it.next().unwrap_or("").to_string();
    let ver = it.next().unwrap_or("");
    let imp = it.next().unwrap_or("");
    if exe.is_empty() {
        return Err(format!("{name} did not report sys.executable"));
    }
    if ver != "3.11" || imp != "CPython" {
        return Err(format!("{exe} is {imp} {ver}, not CPython 3.11"));
    }
    Ok(PathBuf::from(exe))
}

/// Runs `cmd` with stdin closed, capturing output, in its own process group;
/// on timeout the whole group is killed.
/// Runs `cmd` (see `tests/support/proc.rs`); the outcome and the wall time.
pub fn run_with_timeout(cmd: Command, timeout: Duration) -> io::Result<(Outcome, Duration)> {
    let r = proc::run_with_timeout(cmd, timeout, OUTPUT_CAP)?;
    let o = Outcome {
        stdout: r.stdout,
        stderr: r.stderr,
        code: r.status.and_then(|s| s.code()),
        signal: r.status.and_then(|s| proc::signal_of(&s)),
        timed_out: r.timed_out,
    };
    Ok((o, r.elapsed))
}

/// A short human-readable account of how outcomes `a` (mode `an`) and `b`
/// (mode `bn`) differ: status, and the first differing line of each stream with
/// a little context.
pub fn explain(an: &str, a: &Outcome, bn: &str, b: &Outcome) -> String {
    let mut s = String::new();
    if a.status_text() != b.status_text() {
        s.push_str(&format!(
            "status: {an}: {}, {bn}: {}\n",
            a.status_text(),
            b.status_text()
        ));
    }
    for (stream, x, y) in [
        ("stdout", &a.stdout, &b.stdout),
        ("stderr", &a.stderr, &b.stderr),
    ] {
        if x == y {
            continue;
        }
        let xs = String::from_utf8_lossy(x);
        let ys = String::from_utf8_lossy(y);
        let xl: Vec<&str> = xs.lines().collect();
        let yl: Vec<&str> = ys.lines().collect();
        let first = (0..xl.len().max(yl.len()))
            .find(|&i| xl.get(i) != yl.get(i))
            .unwrap_or(0);
        s.push_str(&format!(
            "{stream}: first difference at line {} ({} vs {} lines)\n",
            first + 1,
            xl.len(),
            yl.len()
        ));
        let lo = first.saturating_sub(2);
        for (name, lines) in [(an, &xl), (bn, &yl)] {
            s.push_str(&format!("  {name}:\n"));
            for l in lines.iter().skip(lo).take(first - lo + 4) {
                let l: String = l.chars().take(200).collect();
                s.push_str(&format!("    | {l}\n"));
            }
            if lines.len() <= first {
                s.push_str("    | <end>\n");
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn o(out: &str) -> Outcome {
        Outcome {
            stdout: out.as_bytes().to_vec(),
            stderr: vec![],
            code: Some(0),
            signal: None,
            timed_out: false,
        }
    }

    #[test]
    fn signatures() {
        let s = Signature::of(&[o("a"), o("b"), o("a"), o("c")]);
        assert_eq!(s.classes, vec![0, 1, 0, 2]);
        assert_eq!(Signature::of(&[o("a"), o("a")]).classes, vec![0, 0]);
        let modes: Vec<Mode> = ["interp", "jit", "eager", "aggr"]
            .iter()
            .map(|n| tvm_mode(n).unwrap())
            .collect();
        assert_eq!(s.describe(&modes), "interp,eager | jit | aggr");
    }

    #[test]
    fn panics_compare_without_thread_ids() {
        let a = normalize_panic(b"\nthread 'tvm' (18242) panicked at vm/src/x.rs:1:9:\nboom\n");
        assert_eq!(a, b"\nthread 'tvm' panicked at vm/src/x.rs:1:9:\nboom\n");
    }

    #[test]
    fn explains_first_difference() {
        let e = explain("interp", &o("1\n2\n3\n"), "jit", &o("1\n2\n4\n"));
        assert!(e.contains("first difference at line 3"), "{e}");
    }
}
