//! Running a child process under a time limit with its output captured and capped.
//!
//! Shared by the end-to-end harness (`tests/e2e.rs`) and the differential fuzzer
//! (`fuzz/src/runner.rs`), which both include this file with `#[path]`. The child
//! gets its own process group, so a timeout kills whatever it started too, and
//! output a leftover grandchild keeps open cannot hang the caller.

use std::io::{self, Read};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

/// What a run produced.
pub struct RunOutput {
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    /// None when the run timed out (and was killed).
    pub status: Option<ExitStatus>,
    pub timed_out: bool,
    /// Either stream was longer than the cap and cut there.
    pub truncated: bool,
    pub elapsed: Duration,
}

/// Runs `cmd` with stdin closed, killing its process group after `timeout`; keeps
/// at most `cap` bytes of each output stream.
pub fn run_with_timeout(mut cmd: Command, timeout: Duration, cap: usize) -> io::Result<RunOutput> {
    let start = Instant::now();
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    own_process_group(&mut cmd);
    let mut child = cmd.spawn()?;
    let pid = child.id();
    let (tx, rx) = mpsc::channel();
    spawn_reader(child.stdout.take().expect("stdout"), 0, cap, tx.clone());
    spawn_reader(child.stderr.take().expect("stderr"), 1, cap, tx);
    let mut timed_out = false;
    let mut nap = Duration::from_micros(200);
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break Some(status);
        }
        if start.elapsed() >= timeout {
            timed_out = true;
            kill_process_group(pid);
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        thread::sleep(nap);
        nap = (nap * 2).min(Duration::from_millis(10));
    };
    let elapsed = start.elapsed();
    // Collect both streams; if something the child left behind still holds a
    // pipe open after 2 s, kill its group and give it 2 s more.
    let mut streams: [Option<(Vec<u8>, bool)>; 2] = [None, None];
    let mut deadline = Instant::now() + Duration::from_secs(2);
    let mut killed_leftovers = false;
    while streams.iter().any(Option::is_none) {
        match rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
            Ok((idx, data, truncated)) => streams[idx] = Some((data, truncated)),
            Err(_) if !killed_leftovers => {
                kill_process_group(pid);
                killed_leftovers = true;
                deadline = Instant::now() + Duration::from_secs(2);
            }
            Err(_) => break,
        }
    }
    let [out, err] = streams;
    let (stdout, t1) = out.unwrap_or_default();
    let (stderr, t2) = err.unwrap_or_default();
    Ok(RunOutput {
        stdout,
        stderr,
        status,
        timed_out,
        truncated: t1 || t2,
        elapsed,
    })
}

fn spawn_reader<R: Read + Send + 'static>(
    mut r: R,
    idx: usize,
    cap: usize,
    tx: mpsc::Sender<(usize, Vec<u8>, bool)>,
) {
    thread::spawn(move || {
        let mut kept = Vec::new();
        let mut truncated = false;
        let mut buf = [0u8; 16384];
        loop {
            match r.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => {
                    let room = cap.saturating_sub(kept.len());
                    if n > room {
                        truncated = true;
                    }
                    kept.extend_from_slice(&buf[..n.min(room)]);
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(_) => break,
            }
        }
        let _ = tx.send((idx, kept, truncated));
    });
}

#[cfg(unix)]
fn own_process_group(cmd: &mut Command) {
    use std::os::unix::process::CommandExt;
    cmd.process_group(0);
}

#[cfg(not(unix))]
fn own_process_group(_cmd: &mut Command) {}

/// Kills the process group led by `pid` (std has no killpg: use kill(1)).
#[cfg(unix)]
fn kill_process_group(pid: u32) {
    let _ = Command::new("kill")
        .args(["-KILL", "--", &format!("-{pid}")])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
}

#[cfg(not(unix))]
fn kill_process_group(_pid: u32) {}

/// The signal that ended the process, if one did.
#[cfg(unix)]
pub fn signal_of(status: &ExitStatus) -> Option<i32> {
    use std::os::unix::process::ExitStatusExt;
    status.signal()
}

#[cfg(not(unix))]
pub fn signal_of(_status: &ExitStatus) -> Option<i32> {
    None
}
