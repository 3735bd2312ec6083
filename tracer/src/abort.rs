//! Abort: every reason a trace recording can be abandoned, in one table (LuaJIT
//! `lj_traceerr.h`).
//!
//! An abort is a normal outcome, not a bug: the manager counts it per reason (by
//! `AbortReason::code`), logs it with its location, penalises the loop and
//! eventually blacklists it. So that users can tell which abort costs the most, each
//! reason has a stable short code for the JSON trace log and counters, and a human
//! message (its `Display`), both generated from the table below.

use crate::ir::Slot;
use std::fmt;

macro_rules! abort_reasons {
    ($( $name:ident $( ($field:ident : $fty:ty) )? = $code:literal, $msg:literal, $doc:literal; )*) => {
        /// Why a recording was abandoned. Generated from the table in `abort.rs`.
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub enum AbortReason {
            $( #[doc = $doc] $name $( ($fty) )? ),*
        }

        impl AbortReason {
            /// Every reason's code, message template and doc, in table order.
            pub const TABLE: &'static [(&'static str, &'static str, &'static str)] =
                &[ $( ($code, $msg, $doc) ),* ];

            /// The stable short code used in JSON logs and abort counters.
            pub fn code(&self) -> &'static str {
                match self { $( AbortReason::$name { .. } => $code ),* }
            }

            /// Position of the reason in the table (for arrays of counters).
            pub fn index(&self) -> usize {
                let code = self.code();
                Self::TABLE.iter().position(|row| row.0 == code).unwrap_or(0)
            }
        }

        impl fmt::Display for AbortReason {
            #[allow(clippy::uninlined_format_args)]
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                match self {
                    $( AbortReason::$name $( ($field) )? => write!(f, $msg $(, $field = $field)? ) ),*
                }
            }
        }
    };
}

// Column guide: Variant(field: type) = "code", "message", "when it happens".
abort_reasons! {
    Nyi(what: &'static str) = "nyi", "NYI: {what}",
        "Not yet implemented: the recorder does not handle this bytecode, type or feature.";
    TooLong = "too_long", "trace too long (maxrecord exceeded)",
        "The trace reached `maxrecord` IR instructions.";
    TooManySnaps = "too_many_snaps", "too many snapshots (maxsnap exceeded)",
        "The trace reached `maxsnap` snapshots.";
    InnerLoop = "inner_loop", "entered an inner loop",
        "Control reached the back-edge of another loop; that loop gets its own trace.";
    LeftLoop = "left_loop", "left the loop",
        "Control left the loop being recorded (`break`, `return` or the loop ended).";
    LeftFrame = "left_frame", "returned from the loop's frame",
        "The function containing the loop returned while recording.";
    Exception = "exception", "an exception was raised",
        "An exception was raised while recording; traces do not model unwinding.";
    TypeUnstable(slot: Slot) = "type_unstable", "loop-carried slot {slot} changes type",
        "A slot's type at the end of the iteration differs from its type on entry.";
    InlineDepth = "inline_depth", "call inlining too deep (maxinline exceeded)",
        "Inlined Python calls nested deeper than `maxinline`.";
    Recursion = "recursion", "recursive call while inlining",
        "A call to a function that is already being inlined in this trace.";
    Blacklisted = "blacklisted", "entered a blacklisted loop",
        "Recording reached a loop that was blacklisted after too many aborts.";
    GuardFails = "guard_fails", "guard would always fail",
        "Folding proved that a guard fails on every iteration (LuaJIT's GFAIL).";
    GcDuringRecording = "gc", "a garbage collection ran during recording",
        "The heap was collected while recording, so recorded object constants may be stale.";
    Internal(msg: String) = "internal", "internal error: {msg}",
        "A bug caught at run time (the verifier or the backend rejected the trace); the \
         program carries on in the interpreter.";
}

impl std::error::Error for AbortReason {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_and_codes() {
        let cases = [
            (AbortReason::Nyi("BuildClass"), "nyi", "NYI: BuildClass"),
            (
                AbortReason::TooLong,
                "too_long",
                "trace too long (maxrecord exceeded)",
            ),
            (
                AbortReason::InnerLoop,
                "inner_loop",
                "entered an inner loop",
            ),
            (
                AbortReason::LeftFrame,
                "left_frame",
                "returned from the loop's frame",
            ),
            (
                AbortReason::TypeUnstable(3),
                "type_unstable",
                "loop-carried slot 3 changes type",
            ),
            (
                AbortReason::Internal("verifier: v3: x".into()),
                "internal",
                "internal error: verifier: v3: x",
            ),
        ];
        for (reason, code, msg) in cases {
            assert_eq!(reason.code(), code);
            assert_eq!(reason.to_string(), msg);
            assert_eq!(AbortReason::TABLE[reason.index()].0, code);
        }
    }

    #[test]
    fn codes_are_unique_short_identifiers() {
        let codes: Vec<&str> = AbortReason::TABLE.iter().map(|r| r.0).collect();
        for (i, c) in codes.iter().enumerate() {
            assert!(!codes[..i].contains(c), "duplicate code {c}");
            assert!(!c.is_empty() && c.len() <= 16, "{c}");
            assert!(
                c.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
                "{c}"
            );
        }
    }
}
