#!/usr/bin/env python3
"""Generates vm/src/unicode_str.rs from CPython 3.11's own str methods.

Run with CPython 3.11 (Unicode 14.0.0):  python3 tools/gen_unicode_str.py > vm/src/unicode_str.rs

Every table is read off CPython's behaviour on single characters, so tvm's str
predicates and case mappings agree with CPython 3.11 exactly (not with whatever
Unicode version Rust's std implements).
"""
import sys
import unicodedata

assert sys.version_info[:2] == (3, 11), "generate with CPython 3.11"

MAX = 0x110000


def is_surrogate(c):
    return 0xD800 <= c <= 0xDFFF


def ranges(pred):
    out = []
    start = None
    for c in range(MAX):
        ok = not is_surrogate(c) and pred(chr(c))
        if ok and start is None:
            start = c
        elif not ok and start is not None:
            out.append((start, c - 1))
            start = None
    if start is not None:
        out.append((start, MAX - 1))
    return out


def cased(ch):
    return ch.islower() or ch.isupper() or unicodedata.category(ch) == "Lt"


def case_ignorable(ch):
    # Read off CPython's final-sigma rule (handle_capital_sigma), which skips
    # case-ignorable characters before testing for a cased one.
    if cased(ch):
        return ("1" + ch + "\u03a3").lower()[-1] == "\u03c3"
    return ("A" + ch + "\u03a3").lower()[-1] == "\u03c2"


PROPS = [
    ("ALPHA", lambda ch: ch.isalpha()),
    ("DECIMAL", lambda ch: ch.isdecimal()),
    ("DIGIT", lambda ch: ch.isdigit()),
    ("NUMERIC", lambda ch: ch.isnumeric()),
    ("SPACE", lambda ch: ch.isspace()),
    ("LOWER", lambda ch: ch.islower()),
    ("UPPER", lambda ch: ch.isupper()),
    ("TITLE", lambda ch: unicodedata.category(ch) == "Lt"),
    ("CASED", cased),
    ("CASE_IGNORABLE", case_ignorable),
    ("XID_START", lambda ch: ch.isidentifier() and ch != "_"),
    ("XID_CONTINUE", lambda ch: ("a" + ch).isidentifier()),
]

MAPS = [
    ("LOWER_MAP", lambda ch: ch.lower()),
    ("UPPER_MAP", lambda ch: ch.upper()),
    ("TITLE_MAP", lambda ch: ch.title()),
    ("FOLD_MAP", lambda ch: ch.casefold()),
]

out = []
w = out.append
w("//! Unicode tables for str methods: generated from CPython 3.11's unicodedata")
w("//! (Unicode 14.0.0) by `tools/gen_unicode_str.py`; do not edit by hand.")
w("//!")
w("//! Properties are sorted inclusive code point ranges; case mappings are sorted")
w("//! `(code point, [mapped; 3])` pairs (unused slots are 0) for the characters whose")
w("//! full mapping is not the character itself.")
w("")
for name, pred in PROPS:
    rs = ranges(pred)
    w(f"/// Code points with the `{name.lower()}` property.")
    w(f"pub const {name}: &[(u32, u32)] = &[")
    for a, b in rs:
        w(f"    (0x{a:X}, 0x{b:X}),")
    w("];")
    w("")
for name, f in MAPS:
    w(f"/// Full `{name.lower()}` mappings that differ from the identity.")
    w(f"pub const {name}: &[(u32, [u32; 3])] = &[")
    for c in range(MAX):
        if is_surrogate(c):
            continue
        ch = chr(c)
        m = f(ch)
        if m != ch:
            assert len(m) <= 3, (hex(c), m)
            cps = [ord(x) for x in m] + [0] * (3 - len(m))
            w(f"    (0x{c:X}, [0x{cps[0]:X}, 0x{cps[1]:X}, 0x{cps[2]:X}]),")
    w("];")
    w("")
print("\n".join(out))
