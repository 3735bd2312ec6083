//! Signals: Ctrl-C (SIGINT) becomes a KeyboardInterrupt at the next safepoint.
//!
//! The handler only stores: it sets `INTERRUPTED` and raises the heap's
//! `gc_requested` byte, the flag every safepoint already tests (interpreter
//! back-edges and calls) and compiled traces poll at their loop headers. So an
//! interrupt costs nothing until it happens, a compiled loop leaves to the
//! interpreter at its next iteration, and the interpreter raises
//! KeyboardInterrupt there (`Vm::safepoint`), with a traceback, catchable by
//! `except KeyboardInterrupt`. An uncaught one ends the process the way CPython's
//! does: traceback printed, then death by SIGINT (so shells see status 130).

use std::sync::atomic::{AtomicBool, AtomicPtr, Ordering};

static INTERRUPTED: AtomicBool = AtomicBool::new(false);
static POLL_FLAG: AtomicPtr<bool> = AtomicPtr::new(std::ptr::null_mut());

#[cfg(unix)]
mod sys {
    pub const SIGINT: i32 = 2;
    pub const SIG_DFL: usize = 0;
    extern "C" {
        pub fn signal(sig: i32, handler: usize) -> usize;
        pub fn raise(sig: i32) -> i32;
    }
}

#[cfg(unix)]
extern "C" fn on_sigint(_sig: i32) {
    INTERRUPTED.store(true, Ordering::SeqCst);
    let p = POLL_FLAG.load(Ordering::SeqCst);
    if !p.is_null() {
        // SAFETY: `p` is the running VM's `heap.gc_requested` (see `install`); a
        // byte store is all a signal handler may do, and what the pollers read.
        unsafe { std::ptr::write_volatile(p, true) };
    }
}

/// Routes SIGINT to `poll_flag` (the VM's `heap.gc_requested`, which must stay at
/// this address until `uninstall`).
pub fn install(poll_flag: *mut bool) {
    POLL_FLAG.store(poll_flag, Ordering::SeqCst);
    INTERRUPTED.store(false, Ordering::SeqCst);
    #[cfg(unix)]
    // SAFETY: installs an async-signal-safe handler (atomic stores only).
    unsafe {
        sys::signal(
            sys::SIGINT,
            on_sigint as extern "C" fn(i32) as *const () as usize,
        );
    }
}

/// Stops routing SIGINT to the VM's flag (the VM is going away).
pub fn uninstall() {
    POLL_FLAG.store(std::ptr::null_mut(), Ordering::SeqCst);
}

/// Whether Ctrl-C was pressed since the last call (and forget it).
#[inline]
pub fn take_interrupt() -> bool {
    INTERRUPTED.load(Ordering::Relaxed) && INTERRUPTED.swap(false, Ordering::SeqCst)
}

/// Ends the process by SIGINT, as CPython does after an uncaught KeyboardInterrupt.
pub fn die_by_sigint() -> ! {
    #[cfg(unix)]
    // SAFETY: restores the default action and re-raises; the process ends.
    unsafe {
        sys::signal(sys::SIGINT, sys::SIG_DFL);
        sys::raise(sys::SIGINT);
    }
    std::process::exit(130)
}
