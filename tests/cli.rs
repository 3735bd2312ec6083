//! CLI: the `tvm` command line — exit codes, usage errors, unreadable and non-UTF-8
//! files, unsupported features, `dis`, and the GC's memory bound.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn tvm() -> Command {
    Command::new(env!("CARGO_BIN_EXE_tvm"))
}

fn scratch(name: &str, contents: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tvm-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let p = dir.join(name);
    std::fs::write(&p, contents).expect("write program");
    p
}

fn run(args: &[&str]) -> Output {
    tvm().args(args).output().expect("run tvm")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// (collections, live objects) from `--gc-stats`' line
/// `gc: N collections, N full, N objects freed, N live`.
fn gc_stats(stderr: &str) -> (u64, u64) {
    let line = stderr
        .lines()
        .find(|l| l.contains("collections,"))
        .unwrap_or("");
    let words: Vec<&str> = line.split_whitespace().collect();
    let num = |i: usize| {
        words
            .get(i)
            .and_then(|w| w.parse().ok())
            .unwrap_or(u64::MAX)
    };
    (num(1), num(words.len().saturating_sub(2)))
}

/// Runs `source` (saved as `name`) with `--gc-stats`, checks it succeeds with
/// `stdout`, and returns its stderr (the statistics).
fn run_for_gc_stats(name: &str, source: &[u8], stdout: &str) -> String {
    let p = scratch(name, source);
    let o = run(&["run", "--gc-stats", p.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert_eq!(text(&o.stdout), stdout);
    text(&o.stderr)
}

fn in_dir(dir: &Path, args: &[&str]) -> Output {
    tvm().current_dir(dir).args(args).output().expect("run tvm")
}

#[test]
fn version_and_help() {
    let v = run(&["--version"]);
    assert!(v.status.success());
    assert!(text(&v.stdout).starts_with("tvm "));
    let h = run(&["--help"]);
    assert!(h.status.success());
    assert!(text(&h.stdout).contains("tvm run"));
}

#[test]
fn no_arguments_is_a_usage_error() {
    let o = run(&[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("usage"));
}

#[test]
fn unknown_option_is_a_usage_error() {
    let o = run(&["run", "--frobnicate", "x.py"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("unknown option '--frobnicate'"));
}

#[test]
fn missing_file_is_exit_2_with_one_line() {
    let o = run(&["run", "/nonexistent/prog.py"]);
    assert_eq!(o.status.code(), Some(2));
    let err = text(&o.stderr);
    assert_eq!(
        err,
        "tvm: can't open file '/nonexistent/prog.py': [Errno 2] No such file or directory\n"
    );
}

#[test]
fn shorthand_runs_program() {
    let p = scratch("hello.py", b"print('hello', 6 * 7)\n");
    let o = run(&[p.to_str().unwrap()]);
    assert!(o.status.success());
    assert_eq!(text(&o.stdout), "hello 42\n");
    let o = run(&["run", "--no-jit", p.to_str().unwrap()]);
    assert_eq!(text(&o.stdout), "hello 42\n");
}

#[test]
fn empty_file_runs() {
    let p = scratch("empty.py", b"");
    let o = run(&["run", p.to_str().unwrap()]);
    assert!(o.status.success());
    assert!(o.stdout.is_empty() && o.stderr.is_empty());
}

#[test]
fn non_utf8_source_is_a_syntax_error() {
    let p = scratch("latin1.py", b"x = 1\nprint('caf\xe9')\n");
    let o = run(&["run", p.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    assert!(
        err.starts_with("SyntaxError: Non-UTF-8 code starting with '\\xe9' in file"),
        "{err}"
    );
    assert!(err.contains("on line 2"), "{err}");
}

#[test]
fn unsupported_feature_names_feature_and_line() {
    let dir = scratch("mat.py", b"x = 1\n\nmatch x:\n    case 1:\n        pass\n");
    let o = in_dir(dir.parent().unwrap(), &["run", "mat.py"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        text(&o.stderr),
        "NotImplementedError: the 'match' statement is not supported (mat.py, line 3)\n"
    );
    assert!(o.stdout.is_empty(), "nothing runs when compilation fails");
}

#[test]
fn dis_lists_bytecode_with_source_lines() {
    let p = scratch(
        "dis.py",
        b"def f(a, b):\n    return a + b\nprint(f(1, 2))\n",
    );
    let o = run(&["dis", p.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert!(out.contains("Disassembly of <module>"), "{out}");
    assert!(out.contains("Disassembly of f"), "{out}");
    assert!(out.contains("return a + b"), "{out}");
    assert!(out.contains("Add"), "{out}");
    assert!(out.contains("MakeFunction"), "{out}");
}

#[test]
fn stdout_is_flushed_before_the_traceback() {
    let dir = scratch("order.py", b"print('before')\n1/0\n");
    let o = in_dir(dir.parent().unwrap(), &["run", "order.py"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(text(&o.stdout), "before\n");
    assert!(text(&o.stderr).ends_with("ZeroDivisionError: division by zero\n"));
}

/// 10^7 short-lived lists in a loop must run in bounded memory: the collector runs
/// at back-edges. Checked through the GC statistics (collections happen, few live).
#[test]
fn short_lived_garbage_is_collected() {
    let stats = run_for_gc_stats(
        "garbage.py",
        b"n = 0\nfor i in range(10000000):\n    x = [i, i]\n    n += len(x)\nprint(n)\n",
        "20000000\n",
    );
    let (collections, live) = gc_stats(&stats);
    assert!(
        (10..u64::MAX).contains(&collections),
        "expected many collections: {stats}"
    );
    assert!(live < 200_000, "live objects should stay bounded: {stats}");
}

/// Reference cycles are reclaimed: a loop building self-referencing lists does not
/// accumulate them.
#[test]
fn cycles_are_collected() {
    let stats = run_for_gc_stats(
        "cycles.py",
        b"for i in range(2000000):\n    a = [i]\n    b = [a]\n    a.append(b)\nprint(len(a))\n",
        "2\n",
    );
    let (_, live) = gc_stats(&stats);
    assert!(live < 200_000, "cycles should be freed: {stats}");
}

/// Objects that survive minor collections and die later are reclaimed by full
/// collections: a loop that keeps one big list at a time (promoted while it is
/// alive) holds about one list's worth of objects, not all of them.
#[test]
fn old_garbage_is_collected() {
    let stats = run_for_gc_stats(
        "old_garbage.py",
        b"keep = None\nfor r in range(40):\n    keep = [str(i) for i in range(100000)]\nprint(len(keep))\n",
        "100000\n",
    );
    let (_, live) = gc_stats(&stats);
    assert!(live < 1_000_000, "dead old lists should be freed: {stats}");
    let full: u64 = stats
        .split(", ")
        .find_map(|w| w.strip_suffix(" full"))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    assert!(full >= 1, "expected full collections: {stats}");
}

/// Deep recursion raises RecursionError (never a native stack overflow), and the
/// program can print before that.
#[test]
fn deep_recursion_is_a_recursion_error() {
    let dir = scratch(
        "deep.py",
        b"def f(n):\n    return f(n + 1)\nprint('start')\nf(0)\n",
    );
    let o = in_dir(dir.parent().unwrap(), &["run", "deep.py"]);
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    assert!(
        err.ends_with("RecursionError: maximum recursion depth exceeded\n"),
        "{err}"
    );
    assert!(err.contains("[Previous line repeated"), "{err}");
}

/// GC stress mode (a collection at every safepoint) gives the same results.
#[test]
fn gc_stress_mode_runs_correctly() {
    let p = scratch(
        "stress.py",
        b"d = {}\nfor i in range(3000):\n    d[str(i)] = [i] * 3\n    if i % 3 == 0:\n        del d[str(i)]\ns = 0\nfor k in d:\n    s += sum(d[k])\nprint(len(d), s)\n",
    );
    let o = run(&["run", "--gc-stress", p.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert_eq!(text(&o.stdout), "2000 9000000\n");
}

/// Deeply nested sources: CPython's limits and messages, never a stack overflow.
/// (Expected texts recorded from CPython 3.11.)
#[test]
fn deeply_nested_sources_fail_like_cpython() {
    let unary = |n: usize| format!("x = {}1\nprint(x)\n", "-".repeat(n));
    let plus = |n: usize| format!("x = 1{}\nprint(x)\n", "+1".repeat(n));
    let cases: Vec<(String, &str, &str)> = vec![
        (unary(2998), "1\n", ""),
        (
            unary(2999),
            "",
            "RecursionError: maximum recursion depth exceeded during compilation\n",
        ),
        (unary(5968), "", "MemoryError\n"),
        (unary(200_000), "", "MemoryError\n"),
        (plus(2998), "2999\n", ""),
        (
            plus(200_000),
            "",
            "RecursionError: maximum recursion depth exceeded during compilation\n",
        ),
        (
            format!("if {}1:\n    pass\n", "not ".repeat(4000)),
            "",
            "RecursionError: maximum recursion depth exceeded during compilation\n",
        ),
        (
            format!("x = {}1{}\n", "(".repeat(5000), ")".repeat(5000)),
            "",
            "SyntaxError: too many nested parentheses\n",
        ),
    ];
    for (i, (src, out, err_tail)) in cases.iter().enumerate() {
        let name = format!("deep{i}.py");
        let dir = scratch(&name, src.as_bytes());
        let o = in_dir(dir.parent().unwrap(), &["run", &name]);
        assert_eq!(text(&o.stdout), *out, "case {i}");
        assert!(
            text(&o.stderr).ends_with(err_tail),
            "case {i}: stderr {:?}",
            text(&o.stderr)
        );
        let code = if err_tail.is_empty() { 0 } else { 1 };
        assert_eq!(o.status.code(), Some(code), "case {i}");
    }
}

/// Sends SIGINT to a running `tvm run <args> prog` after it has had time to start
/// (and, with the JIT, to compile its loop), and returns its output.
#[cfg(unix)]
fn interrupt(prog: &str, args: &[&str]) -> Output {
    use std::process::Stdio;
    let dir = std::env::temp_dir().join(format!("tvm-cli-{}", std::process::id()));
    let child = tvm()
        .current_dir(&dir)
        .arg("run")
        .args(args)
        .arg(prog)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn tvm");
    std::thread::sleep(std::time::Duration::from_millis(700));
    let status = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill");
    assert!(status.success());
    child.wait_with_output().expect("wait")
}

#[cfg(unix)]
#[test]
fn ctrl_c_raises_keyboard_interrupt_in_interpreted_and_compiled_loops() {
    use std::os::unix::process::ExitStatusExt;
    let src = b"x = 0\nwhile True:\n    x += 1\n";
    for (i, args) in [&["--no-jit"][..], &[][..], &["--jit", "hotloop=1"][..]]
        .iter()
        .enumerate()
    {
        let name = format!("spin{i}.py");
        scratch(&name, src);
        let o = interrupt(&name, args);
        let err = text(&o.stderr);
        assert!(
            err.starts_with("Traceback (most recent call last):\n")
                && err.ends_with("KeyboardInterrupt\n"),
            "{args:?}: {err}"
        );
        // Like CPython: the process dies by SIGINT after the traceback.
        assert_eq!(o.status.signal(), Some(2), "{args:?}");
    }
}

#[cfg(unix)]
#[test]
fn keyboard_interrupt_can_be_caught() {
    let src = b"def step(n):\n    return n + 1\n\ntry:\n    i = 0\n    while True:\n        i = step(i)\nexcept KeyboardInterrupt:\n    print('caught', i > 0)\n";
    for (i, args) in [&["--no-jit"][..], &[][..]].iter().enumerate() {
        let name = format!("catch{i}.py");
        scratch(&name, src);
        let o = interrupt(&name, args);
        assert_eq!(text(&o.stdout), "caught True\n", "{args:?}");
        assert_eq!(o.status.code(), Some(0));
    }
}

#[test]
fn a_panic_is_a_short_internal_error_with_exit_70() {
    let dir = scratch("p.py", b"print(1)\n");
    let o = tvm()
        .current_dir(dir.parent().unwrap())
        .args(["run", "p.py"])
        .env("TVM_INTERNAL_TEST_PANIC", "1")
        .output()
        .expect("run tvm");
    assert_eq!(o.status.code(), Some(70));
    let err = text(&o.stderr);
    assert!(err.starts_with("tvm: internal error: "), "{err}");
    assert!(!err.contains("RUST_BACKTRACE"), "{err}");
}

#[test]
fn program_arguments_reach_sys_argv() {
    let p = scratch("argv.py", b"import sys\nprint(sys.argv[1:])\n");
    let dir = p.parent().unwrap();
    let o = in_dir(dir, &["run", "--no-jit", "argv.py", "a", "--no-jit", "-x"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert_eq!(text(&o.stdout), "['a', '--no-jit', '-x']\n");
    let o = in_dir(dir, &["argv.py", "1", "2"]);
    assert_eq!(text(&o.stdout), "['1', '2']\n");
    let o = in_dir(dir, &["run", "--", "argv.py"]);
    assert_eq!(text(&o.stdout), "[]\n");
    let p0 = scratch("argv0.py", b"import sys\nprint(sys.argv[0])\n");
    let o = run(&["run", p0.to_str().unwrap()]);
    assert_eq!(text(&o.stdout), format!("{}\n", p0.to_str().unwrap()));
}

#[test]
fn sys_exit_sets_the_status() {
    let cases: &[(&str, i32, &str)] = &[
        ("import sys\nsys.exit(7)\n", 7, ""),
        ("import sys\nsys.exit()\n", 0, ""),
        ("import sys\nsys.exit(-2)\n", 254, ""),
        ("import sys\nsys.exit('bye')\n", 1, "bye\n"),
        ("raise SystemExit(3)\n", 3, ""),
    ];
    for (i, (src, code, err)) in cases.iter().enumerate() {
        let p = scratch(&format!("exit{i}.py"), src.as_bytes());
        let o = run(&["run", p.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(*code), "{src}");
        assert_eq!(text(&o.stderr), *err, "{src}");
    }
}

/// A decimal int literal beyond CPython's 4300-digit limit is a SyntaxError at
/// compile time (CPython shows a fragment of its tokenizer buffer as the text line;
/// tvm shows the literal), hexadecimal ones are fine.
#[test]
fn huge_decimal_int_literal_is_a_syntax_error() {
    let src = format!("print(1)\nx = {}\n", "9".repeat(4301));
    let dir = scratch("hugelit.py", src.as_bytes());
    let o = in_dir(dir.parent().unwrap(), &["run", "hugelit.py"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty(), "nothing runs");
    let err = text(&o.stderr);
    assert!(err.starts_with("  File \"hugelit.py\", line 2\n"), "{err}");
    assert!(err.ends_with("SyntaxError: Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.\n"), "{err}");
    let src = format!(
        "x = 0x{}\ny = -0x{}\nprint(x % 7, y % 7)\n",
        "f".repeat(5000),
        "9".repeat(5000)
    );
    let dir = scratch("hugehex.py", src.as_bytes());
    let o = in_dir(dir.parent().unwrap(), &["run", "hugehex.py"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(text(&o.stdout), "3 1\n");
}
