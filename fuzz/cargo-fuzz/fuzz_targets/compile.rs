//! Parse + compile arbitrary bytes: never a panic or a crash, whatever the input.
//! Also renders SyntaxErrors (carets and all) and disassembles what compiles.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Some(src) = common::source(data) else {
        return;
    };
    common::on_big_stack(move || {
        let (_heap, code) = common::compile_bare(&src);
        match code {
            Ok(code) => {
                let mut out = String::new();
                code.disassemble(&mut out);
            }
            Err(text) => assert!(!text.is_empty()),
        }
    });
});
