//! `time`: the clocks (`time`, `perf_counter`, `monotonic`, `process_time` and their
//! `_ns` variants, read with `clock_gettime` like CPython) and `sleep`.

use super::functions;
use crate::builtins::{arity, no_kw};
use crate::error::ExcType;
use crate::interp::Vm;
use crate::object::*;
use crate::value::Value;

/// The `time` module's attributes.
pub fn attrs(vm: &mut Vm) -> Vec<(String, Value)> {
    functions(
        vm,
        &[
            ("time", t_time),
            ("time_ns", t_time_ns),
            ("perf_counter", t_perf_counter),
            ("perf_counter_ns", t_perf_counter_ns),
            ("monotonic", t_monotonic),
            ("monotonic_ns", t_monotonic_ns),
            ("process_time", t_process_time),
            ("process_time_ns", t_process_time_ns),
            ("sleep", t_sleep),
        ],
    )
}

/// Which clock to read.
#[derive(Clone, Copy)]
enum Clock {
    Realtime,
    Monotonic,
    ProcessCpu,
}

/// Nanoseconds on `clock`.
#[cfg(target_os = "linux")]
fn now_ns(clock: Clock) -> i128 {
    #[repr(C)]
    struct Timespec {
        tv_sec: i64,
        tv_nsec: i64,
    }
    extern "C" {
        fn clock_gettime(clk: i32, ts: *mut Timespec) -> i32;
    }
    let id = match clock {
        Clock::Realtime => 0,   // CLOCK_REALTIME
        Clock::Monotonic => 1,  // CLOCK_MONOTONIC
        Clock::ProcessCpu => 2, // CLOCK_PROCESS_CPUTIME_ID
    };
    let mut ts = Timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes a timespec (two longs on 64-bit Linux) to `ts`.
    unsafe { clock_gettime(id, &mut ts) };
    ts.tv_sec as i128 * 1_000_000_000 + ts.tv_nsec as i128
}

/// Nanoseconds on `clock` (portable fallback: process time is wall time).
#[cfg(not(target_os = "linux"))]
fn now_ns(clock: Clock) -> i128 {
    use std::sync::OnceLock;
    use std::time::{Instant, SystemTime, UNIX_EPOCH};
    static START: OnceLock<Instant> = OnceLock::new();
    match clock {
        Clock::Realtime => SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos() as i128)
            .unwrap_or(0),
        _ => START.get_or_init(Instant::now).elapsed().as_nanos() as i128,
    }
}

fn no_args(vm: &mut Vm, name: &str, args: &[Value], kw: KwArgs) -> PyResult<()> {
    let name = format!("time.{name}");
    no_kw(vm, &name, kw)?;
    arity(vm, &name, args, 0, 0)
}

fn seconds(vm: &mut Vm, name: &str, args: &[Value], kw: KwArgs, c: Clock) -> PyResult<Value> {
    no_args(vm, name, args, kw)?;
    Ok(Value::Float(now_ns(c) as f64 * 1e-9))
}

fn nanos(vm: &mut Vm, name: &str, args: &[Value], kw: KwArgs, c: Clock) -> PyResult<Value> {
    no_args(vm, name, args, kw)?;
    Ok(vm.new_int(num_bigint::BigInt::from(now_ns(c))))
}

fn t_time(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    seconds(vm, "time", args, kw, Clock::Realtime)
}
fn t_time_ns(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    nanos(vm, "time_ns", args, kw, Clock::Realtime)
}
fn t_perf_counter(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    seconds(vm, "perf_counter", args, kw, Clock::Monotonic)
}
fn t_perf_counter_ns(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    nanos(vm, "perf_counter_ns", args, kw, Clock::Monotonic)
}
fn t_monotonic(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    seconds(vm, "monotonic", args, kw, Clock::Monotonic)
}
fn t_monotonic_ns(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    nanos(vm, "monotonic_ns", args, kw, Clock::Monotonic)
}
fn t_process_time(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    seconds(vm, "process_time", args, kw, Clock::ProcessCpu)
}
fn t_process_time_ns(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    nanos(vm, "process_time_ns", args, kw, Clock::ProcessCpu)
}

/// `time.sleep(secs)`.
fn t_sleep(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "time.sleep", kw)?;
    arity(vm, "time.sleep", args, 1, 1)?;
    let secs = match args[0] {
        Value::Float(f) => {
            if f.is_nan() {
                return Err(vm.value_error("Invalid value NaN (not a number)"));
            }
            f
        }
        Value::Int(i) => i as f64,
        Value::Bool(b) => b as i64 as f64,
        Value::BigInt(_) => {
            return Err(vm.err(
                ExcType::OverflowError,
                "timestamp too large to convert to C _PyTime_t",
            ))
        }
        other => {
            return Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                other.type_name()
            )))
        }
    };
    if secs < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    if secs > 9.2e9 {
        return Err(vm.err(
            ExcType::OverflowError,
            "timestamp too large to convert to C _PyTime_t",
        ));
    }
    std::thread::sleep(std::time::Duration::from_secs_f64(secs));
    Ok(Value::None)
}
