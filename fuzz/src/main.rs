//! tvm's differential fuzzer: generates random Python programs inside tvm's
//! supported subset, runs each under every JIT mode (and CPython 3.11 when
//! present), and minimizes and saves any program whose runs differ.
//!
//! See fuzz/README.md.

mod ast;
mod gen;
mod minimize;
mod rng;
mod runner;

use runner::{Mode, Report, Runner, Signature, Verdict};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

const USAGE: &str = "\
usage: cargo run --release -p fuzz -- [options]

Generates random Python programs, runs each under every tvm mode (and CPython),
minimizes and saves programs whose runs differ (fuzz/findings/).

how long (default: --seconds 60):
  --seconds N | --minutes N   stop starting programs after this long
  --count N                   run N programs (with --seconds: whichever first)

what:
  --seed S               first program's seed (program k uses S+k; default: the clock)
  --features LIST        generator features, e.g. classes,closures or -generators
                         (known: exceptions generators varargs classes closures sets;
                         all, none; default: exceptions,generators,varargs)
  --modes LIST           tvm modes (interp jit eager aggr gc; default interp,jit,eager,aggr)
  --print-one SEED       print the program for SEED and exit

how:
  --tvm PATH             tvm binary (default: build and use target/release/tvm)
  --debug-tvm            build and use target/debug/tvm (slower; checks debug assertions)
  --python PATH          CPython 3.11 to compare with (default: python3 if it is 3.11)
  --no-cpython           do not compare with CPython
  --cpython-only         run only CPython (checks the generator; no tvm needed)
  --jobs N               parallel workers (default: available cores)
  --timeout SECS         per-run timeout (default 10)
  --findings DIR         where findings go (default: fuzz/findings)
  --no-minimize          report divergences without minimizing them
  --minimize-seconds N   time limit per minimization (default 300)
  --max-findings N       minimize and save at most N findings per run (default 10)
  -v, --verbose          print every program's verdict

Exit status: 0 if no divergence or crash was found, 1 if one was, 2 on usage errors.
";

struct Options {
    seconds: Option<f64>,
    count: Option<u64>,
    seed: u64,
    features: gen::Features,
    modes: Vec<String>,
    tvm: Option<PathBuf>,
    debug_tvm: bool,
    python: Option<String>,
    cpython: bool,
    cpython_only: bool,
    jobs: usize,
    timeout: f64,
    findings: PathBuf,
    minimize: bool,
    minimize_seconds: f64,
    max_findings: usize,
    verbose: bool,
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace")
        .to_path_buf()
}

fn parse_args() -> Result<Option<Options>, String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut o = Options {
        seconds: None,
        count: None,
        seed: std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() % 1_000_000 * 1000)
            .unwrap_or(0),
        features: gen::Features::default(),
        modes: runner::DEFAULT_MODES
            .iter()
            .map(|s| s.to_string())
            .collect(),
        tvm: None,
        debug_tvm: false,
        python: Some("python3".into()),
        cpython: true,
        cpython_only: false,
        jobs: std::thread::available_parallelism().map_or(2, |n| n.get()),
        timeout: 10.0,
        findings: workspace_root().join("fuzz").join("findings"),
        minimize: true,
        minimize_seconds: 300.0,
        max_findings: 10,
        verbose: false,
    };
    let mut i = 0;
    let mut print_one = None;
    while i < args.len() {
        let a = args[i].as_str();
        let (flag, inline) = match a.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_string())),
            _ => (a, None),
        };
        let mut value = || -> Result<String, String> {
            if let Some(v) = &inline {
                return Ok(v.clone());
            }
            i += 1;
            args.get(i).cloned().ok_or(format!("{flag} needs a value"))
        };
        fn num<T: std::str::FromStr>(flag: &str, v: String) -> Result<T, String> {
            v.parse().map_err(|_| format!("{flag}: not a number: {v}"))
        }
        match flag {
            "-h" | "--help" => {
                print!("{USAGE}");
                return Ok(None);
            }
            "--seconds" => o.seconds = Some(num(flag, value()?)?),
            "--minutes" => o.seconds = Some(num::<f64>(flag, value()?)? * 60.0),
            "--count" => o.count = Some(num(flag, value()?)?),
            "--seed" => o.seed = num(flag, value()?)?,
            "--features" => o.features.apply(&value()?)?,
            "--modes" => {
                let v = value()?;
                o.modes = v
                    .split(',')
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect();
                for m in &o.modes {
                    if runner::tvm_mode(m).is_none() {
                        return Err(format!(
                            "unknown mode '{m}' (known: {})",
                            runner::TVM_MODE_NAMES.join(", ")
                        ));
                    }
                }
            }
            "--print-one" => print_one = Some(num::<u64>(flag, value()?)?),
            "--tvm" => o.tvm = Some(PathBuf::from(value()?)),
            "--debug-tvm" => o.debug_tvm = true,
            "--python" => o.python = Some(value()?),
            "--no-cpython" => o.cpython = false,
            "--cpython-only" => o.cpython_only = true,
            "--jobs" | "-j" => o.jobs = num::<usize>(flag, value()?)?.max(1),
            "--timeout" => o.timeout = num(flag, value()?)?,
            "--findings" => o.findings = PathBuf::from(value()?),
            "--no-minimize" => o.minimize = false,
            "--minimize-seconds" => o.minimize_seconds = num(flag, value()?)?,
            "--max-findings" => o.max_findings = num(flag, value()?)?,
            "-v" | "--verbose" => o.verbose = true,
            _ => return Err(format!("unknown option '{a}'")),
        }
        i += 1;
    }
    if let Some(seed) = print_one {
        print!("{}", ast::render(&gen::generate(seed, o.features)));
        return Ok(None);
    }
    if o.seconds.is_none() && o.count.is_none() {
        o.seconds = Some(60.0);
    }
    Ok(Some(o))
}

/// Builds tvm (a no-op when it is up to date): release, or a debug build, which
/// also checks debug assertions.
fn build_tvm(debug: bool) -> Result<PathBuf, String> {
    let root = workspace_root();
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let args: &[&str] = if debug {
        &["build", "--bin", "tvm"]
    } else {
        &["build", "--release", "--bin", "tvm"]
    };
    eprintln!("fuzz: building tvm (cargo {})", args.join(" "));
    let st = Command::new(cargo)
        .args(args)
        .current_dir(&root)
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !st.success() {
        return Err("building tvm failed".into());
    }
    let target = std::env::var("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| root.join("target"));
    Ok(target
        .join(if debug { "debug" } else { "release" })
        .join("tvm"))
}

/// What workers tell the main thread.
enum Event {
    Ran {
        verdict: Verdict,
        /// Modes (by index) whose outcome differs from the first mode's.
        differing: Vec<usize>,
    },
    Finding(String),
}

struct Shared {
    runner: Runner,
    opts: Options,
    next: AtomicU64,
    findings: AtomicUsize,
    deadline: Option<Instant>,
}

fn main() -> ExitCode {
    let opts = match parse_args() {
        Ok(Some(o)) => o,
        Ok(None) => return ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("fuzz: {e}");
            eprintln!("(see --help)");
            return ExitCode::from(2);
        }
    };
    let python = if opts.cpython || opts.cpython_only {
        match runner::find_python(opts.python.as_deref().unwrap_or("python3")) {
            Ok(p) => Some(p),
            Err(e) if opts.cpython_only => {
                eprintln!("fuzz: {e}");
                return ExitCode::from(2);
            }
            Err(e) => {
                eprintln!("fuzz: not comparing with CPython: {e}");
                None
            }
        }
    } else {
        None
    };
    let tvm = if opts.cpython_only {
        PathBuf::new()
    } else {
        match opts
            .tvm
            .clone()
            .map(Ok)
            .unwrap_or_else(|| build_tvm(opts.debug_tvm))
        {
            // Absolute: programs run in their own directory.
            Ok(p) if p.exists() => std::fs::canonicalize(&p).unwrap_or(p),
            Ok(p) => {
                eprintln!("fuzz: no tvm binary at {}", p.display());
                return ExitCode::from(2);
            }
            Err(e) => {
                eprintln!("fuzz: {e}");
                return ExitCode::from(2);
            }
        }
    };
    let modes: Vec<Mode> = if opts.cpython_only {
        vec![]
    } else {
        opts.modes
            .iter()
            .map(|m| runner::tvm_mode(m).expect("mode"))
            .collect()
    };
    let runner = Runner {
        tvm,
        python,
        modes,
        timeout: Duration::from_secs_f64(opts.timeout),
    };
    let all = runner.all_modes();
    eprintln!(
        "fuzz: seed {}, features {}, modes {}, {} jobs, {}",
        opts.seed,
        opts.features.describe(),
        all.iter()
            .map(|m| m.name.as_str())
            .collect::<Vec<_>>()
            .join(","),
        opts.jobs,
        match (opts.seconds, opts.count) {
            (Some(s), Some(c)) => format!("{s} s or {c} programs"),
            (Some(s), None) => format!("{s} s"),
            (None, Some(c)) => format!("{c} programs"),
            (None, None) => unreachable!(),
        }
    );
    let start = Instant::now();
    let shared = Arc::new(Shared {
        deadline: opts.seconds.map(|s| start + Duration::from_secs_f64(s)),
        runner,
        opts,
        next: AtomicU64::new(0),
        findings: AtomicUsize::new(0),
    });
    let (tx, rx) = mpsc::channel();
    let mut handles = vec![];
    for w in 0..shared.opts.jobs {
        let shared = shared.clone();
        let tx = tx.clone();
        handles.push(std::thread::spawn(move || worker(w, &shared, &tx)));
    }
    drop(tx);

    let mut counts = std::collections::BTreeMap::<&'static str, u64>::new();
    let mut per_mode = vec![0u64; all.len()];
    let mut found = vec![];
    let mut programs = 0u64;
    let mut last_progress = Instant::now();
    for ev in rx {
        match ev {
            Event::Ran { verdict, differing } => {
                programs += 1;
                *counts.entry(verdict_name(verdict)).or_default() += 1;
                for d in differing {
                    per_mode[d] += 1;
                }
            }
            Event::Finding(path) => found.push(path),
        }
        if last_progress.elapsed() > Duration::from_secs(15) {
            last_progress = Instant::now();
            eprintln!(
                "fuzz: {programs} programs in {:.0} s, {} divergences",
                start.elapsed().as_secs_f64(),
                counts.get("jit divergence").unwrap_or(&0)
                    + counts.get("cpython divergence").unwrap_or(&0)
                    + counts.get("crash").unwrap_or(&0)
            );
        }
    }
    for h in handles {
        let _ = h.join();
    }
    let secs = start.elapsed().as_secs_f64();
    println!("== fuzz summary");
    println!(
        "programs run:        {programs} in {secs:.0} s ({:.1}/s), seeds {}..{}",
        programs as f64 / secs.max(0.001),
        shared.opts.seed,
        shared.opts.seed + programs
    );
    for name in [
        "agree",
        "jit divergence",
        "cpython divergence",
        "crash",
        "known divergence",
        "unsupported",
        "timeout",
    ] {
        println!(
            "{:<20} {}",
            format!("{name}:"),
            counts.get(name).unwrap_or(&0)
        );
    }
    if !shared.opts.cpython_only {
        let first = &all[0].name;
        for (m, n) in all.iter().zip(&per_mode).skip(1) {
            println!("  {:<18} {n}", format!("{} != {first}:", m.name));
        }
    }
    println!("findings saved:      {}", found.len());
    for f in &found {
        println!("  {f}");
    }
    let bugs = counts.get("jit divergence").unwrap_or(&0)
        + counts.get("cpython divergence").unwrap_or(&0)
        + counts.get("crash").unwrap_or(&0);
    if shared.opts.cpython_only {
        // Generator check: CPython runs that end in an error count as "crash".
        return ExitCode::SUCCESS;
    }
    if bugs > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn verdict_name(v: Verdict) -> &'static str {
    match v {
        Verdict::Agree => "agree",
        Verdict::Unsupported => "unsupported",
        Verdict::Timeout => "timeout",
        Verdict::Crash => "crash",
        Verdict::JitDivergence => "jit divergence",
        Verdict::CpythonDivergence => "cpython divergence",
        Verdict::Known => "known divergence",
    }
}

fn worker(w: usize, sh: &Shared, tx: &mpsc::Sender<Event>) {
    let dir = std::env::temp_dir().join(format!("tvm-fuzz-{}-{w}", std::process::id()));
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("fuzz: cannot create {}: {e}", dir.display());
        return;
    }
    let all = sh.runner.all_modes();
    loop {
        if sh.deadline.is_some_and(|d| Instant::now() >= d) {
            break;
        }
        let i = sh.next.fetch_add(1, Ordering::SeqCst);
        if sh.opts.count.is_some_and(|c| i >= c) {
            break;
        }
        let seed = sh.opts.seed.wrapping_add(i);
        let prog = gen::generate(seed, sh.opts.features);
        let src = ast::render(&prog);
        let mut report = match sh.runner.run(&dir, &src, sh.runner.timeout) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("fuzz: seed {seed}: cannot run: {e}");
                continue;
            }
        };
        let mut verdict = if sh.opts.cpython_only {
            cpython_only_verdict(&report)
        } else {
            sh.runner.verdict(&report)
        };
        // A divergence involving a timeout may be the machine's load: confirm it
        // with three times the time before believing it.
        if verdict.is_bug() && report.outcomes.iter().any(|o| o.timed_out) {
            if let Ok(r) = sh.runner.run(&dir, &src, sh.runner.timeout * 3) {
                report = r;
                verdict = sh.runner.verdict(&report);
            }
        }
        let differing: Vec<usize> = (1..all.len())
            .filter(|&m| report.outcomes[m] != report.outcomes[0])
            .collect();
        if sh.opts.verbose {
            eprintln!(
                "seed {seed}: {} ({:.2} s)",
                verdict_name(verdict),
                report.elapsed.as_secs_f64()
            );
        }
        if sh.opts.cpython_only && verdict != Verdict::Agree {
            let o = &report.outcomes[0];
            let last = String::from_utf8_lossy(&o.stderr);
            eprintln!(
                "seed {seed}: cpython {}: {}",
                o.status_text(),
                last.lines().last().unwrap_or("")
            );
        }
        if verdict == Verdict::Timeout {
            eprintln!("seed {seed}: timeout in every mode (the generator made a slow program)");
        }
        if verdict == Verdict::Unsupported {
            let o = report
                .outcomes
                .iter()
                .find(|o| o.unsupported())
                .expect("unsupported");
            eprintln!(
                "seed {seed}: unsupported: {}",
                String::from_utf8_lossy(&o.stderr)
                    .lines()
                    .last()
                    .unwrap_or("")
            );
        }
        let _ = tx.send(Event::Ran { verdict, differing });
        if sh.opts.cpython_only || !verdict.is_bug() {
            continue;
        }
        let sig = Signature::of(&report.outcomes);
        eprintln!(
            "\nseed {seed}: {}: {}",
            verdict_name(verdict),
            sig.describe(&all)
        );
        let (a, b) = first_split(&sig);
        eprint!(
            "{}",
            runner::explain(
                &all[a].name,
                &report.outcomes[a],
                &all[b].name,
                &report.outcomes[b]
            )
        );
        if !sh.opts.minimize || sh.findings.fetch_add(1, Ordering::SeqCst) >= sh.opts.max_findings {
            eprintln!(
                "  (not minimized; reproduce with: cargo run --release -p fuzz -- --print-one {seed} --features {})",
                sh.opts.features.describe()
            );
            continue;
        }
        match minimize_and_save(sh, &dir, seed, &prog, &report, verdict) {
            Ok(path) => {
                eprintln!("  minimized: {path}");
                let _ = tx.send(Event::Finding(path));
            }
            Err(e) => eprintln!("  could not save the finding: {e}"),
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// For `--cpython-only`: "agree" when CPython exits 0 in time.
fn cpython_only_verdict(r: &Report) -> Verdict {
    let o = &r.outcomes[0];
    if o.timed_out {
        Verdict::Timeout
    } else if o.code == Some(0) {
        Verdict::Agree
    } else {
        Verdict::Crash
    }
}

/// Two modes in different groups (or a crashed mode and another).
fn first_split(sig: &Signature) -> (usize, usize) {
    if let Some(c) = sig.crashed.iter().position(|&c| c) {
        let other = if c == 0 {
            1.min(sig.classes.len() - 1)
        } else {
            0
        };
        return (other, c);
    }
    let b = sig.classes.iter().position(|&c| c != 0).unwrap_or(0);
    (0, b)
}

fn fnv1a(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

fn minimize_and_save(
    sh: &Shared,
    dir: &Path,
    seed: u64,
    prog: &ast::Program,
    report: &Report,
    verdict: Verdict,
) -> Result<String, String> {
    let all = sh.runner.all_modes();
    let target = Signature::of(&report.outcomes);
    let orig_timed_out: Vec<bool> = report.outcomes.iter().map(|o| o.timed_out).collect();
    // Candidates that run much longer than the original are not interesting.
    let cand_timeout = if orig_timed_out.iter().any(|&t| t) {
        sh.runner.timeout
    } else {
        (report.elapsed * 4 + Duration::from_secs(2)).min(sh.runner.timeout)
    };
    // Run the modes one representative per group first, and stop as soon as the
    // candidate's split disagrees with the target's.
    let mut order: Vec<usize> = vec![];
    for c in 0..=target.classes.iter().copied().max().unwrap_or(0) {
        if let Some(m) = target.classes.iter().position(|&k| k == c) {
            order.push(m);
        }
    }
    for m in 0..all.len() {
        if !order.contains(&m) {
            order.push(m);
        }
    }
    let start = Instant::now();
    let mut interesting = |p: &ast::Program| -> bool {
        let src = ast::render(p);
        let file = dir.join("prog.py");
        if std::fs::write(&file, &src).is_err() {
            return false;
        }
        let mut got: Vec<Option<runner::Outcome>> = vec![None; all.len()];
        for &m in &order {
            let o = match sh.runner.run_one(dir, &all[m], cand_timeout) {
                Ok(o) => o,
                Err(_) => return false,
            };
            // The same difference, not just any: every pair of modes differs in
            // the same parts (stdout, stderr, status) as before, and each mode
            // ends with the same exception type. (Otherwise deleting a definition
            // "reproduces" a stdout divergence as a NameError divergence.)
            if o.timed_out != orig_timed_out[m]
                || o.crashed() != target.crashed[m]
                || o.unsupported()
                || o.exception_name() != report.outcomes[m].exception_name()
            {
                return false;
            }
            for (j, g) in got.iter().enumerate() {
                if let Some(g) = g {
                    if g.diff_parts(&o) != report.outcomes[j].diff_parts(&report.outcomes[m]) {
                        return false;
                    }
                }
            }
            got[m] = Some(o);
        }
        true
    };
    let deadline = start + Duration::from_secs_f64(sh.opts.minimize_seconds);
    let (small, stats) = minimize::minimize(prog, &mut interesting, deadline);
    let src = ast::render(&small);
    // Rerun the minimized program for the note.
    let final_report = sh
        .runner
        .run(dir, &src, sh.runner.timeout)
        .map_err(|e| e.to_string())?;
    let sig = Signature::of(&final_report.outcomes);
    let (a, b) = first_split(&sig);
    let hash = format!("{:016x}", fnv1a(&src));
    std::fs::create_dir_all(&sh.opts.findings).map_err(|e| e.to_string())?;
    let py = sh.opts.findings.join(format!("{hash}.py"));
    let note = sh.opts.findings.join(format!("{hash}.txt"));
    std::fs::write(&py, &src).map_err(|e| e.to_string())?;
    let orig = sh.opts.findings.join(format!("{hash}.orig.py"));
    std::fs::write(&orig, ast::render(prog)).map_err(|e| e.to_string())?;
    let mode_cmd = |m: &Mode| {
        if m.cpython {
            format!("python3 {hash}.py")
        } else {
            format!("tvm {} {hash}.py", m.args.join(" "))
        }
    };
    let text = format!(
        "tvm fuzz finding {hash}\n\
         kind: {}\n\
         modes (groups with equal output): {}\n\
         found by: seed {seed}, features {}; {} lines minimized to {} in {:.0} s ({} tests, {} accepted)\n\
         original program: {hash}.orig.py (cargo run --release -p fuzz -- --print-one {seed} --features {}, with this generator version)\n\
         reproduce: {}   vs   {}\n\n\
         {}",
        verdict_name(verdict),
        sig.describe(&all),
        sh.opts.features.describe(),
        ast::render(prog).lines().count(),
        src.lines().count(),
        start.elapsed().as_secs_f64(),
        stats.tests,
        stats.accepted,
        sh.opts.features.describe(),
        mode_cmd(&all[a]),
        mode_cmd(&all[b]),
        runner::explain(
            &all[a].name,
            &final_report.outcomes[a],
            &all[b].name,
            &final_report.outcomes[b]
        )
    );
    let mut text = text;
    // A crash: the crashed run's stderr (the panic message), which `explain` may
    // not show when every mode crashed the same way.
    if let Some(c) = sig.crashed.iter().position(|&c| c) {
        let o = &final_report.outcomes[c];
        let err = String::from_utf8_lossy(&o.stderr);
        text.push_str(&format!(
            "\n{} ({}) stderr:\n",
            all[c].name,
            o.status_text()
        ));
        for l in err.lines().take(12) {
            text.push_str(&format!("    | {l}\n"));
        }
    }
    std::fs::write(&note, text).map_err(|e| e.to_string())?;
    Ok(py.display().to_string())
}
