//! Division by a constant as a multiply (Granlund and Montgomery, "Division by
//! invariant integers using multiplication", PLDI 1994; Hacker's Delight 10-9).
//!
//! Every dividend the backend divides this way is below 2^63: an `i64` known to be
//! `>= 0` (`UDiv`/`URem`), or `a ^ (a >> 63)` of any `i64` (the floor trick in
//! `lower.rs`: for `d > 0`, `floor(a / d) == s ^ ((a ^ s) / d)` with `s = a >> 63`,
//! because `!a == -a - 1`). For dividends of 63 bits a magic number of 64 bits
//! always exists, so the quotient is one `umulhi` and one shift, without the add
//! and extra shift that full 64-bit unsigned dividends may need.
//!
//! Doing this here rather than leaving it to Cranelift's mid-end means the traces'
//! `//` and `%` by constants stay cheap whatever `opt_level` compiles them.

/// How to divide a dividend `n < 2^63` by a constant `d > 0`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UDivBy {
    /// `d == 2^k`: `n >> k`.
    Shift(u32),
    /// Otherwise: `umulhi(n, magic) >> shift`.
    Magic {
        /// The multiplier, `ceil(2^(63+l) / d)` with `l = ceil(log2 d)`.
        magic: u64,
        /// The shift of the product's high word, `l - 1`.
        shift: u32,
    },
}

/// The quotient recipe for divisor `d`, which must be positive.
///
/// With `l = ceil(log2 d)` and `m = ceil(2^(63+l) / d)`, for every `n < 2^63`
/// `n * m / 2^(63+l) = n/d + n*e / (d * 2^(63+l))` where `e = m*d - 2^(63+l) < d <= 2^l`,
/// so the error is below `1/d` and the floor is `floor(n/d)`. And `m < 2^64` when `d`
/// is not a power of two (`d > 2^(l-1)`).
pub fn udiv_by(d: i64) -> UDivBy {
    assert!(d > 0, "udiv_by needs a positive divisor, got {d}");
    let d = d as u64;
    if d.is_power_of_two() {
        return UDivBy::Shift(d.trailing_zeros());
    }
    let l = 64 - (d - 1).leading_zeros(); // ceil(log2 d), in 2..=63
    let pow = 1u128 << (63 + l);
    let m = pow.div_ceil(u128::from(d));
    debug_assert!(m < 1u128 << 64);
    UDivBy::Magic {
        magic: m as u64,
        // The product's high word is n*m >> 64; the quotient is n*m >> (63 + l).
        shift: l - 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `n / d` as the code `lower.rs` emits for `rule` computes it.
    fn apply(rule: UDivBy, n: u64) -> u64 {
        assert!(n < 1 << 63);
        match rule {
            UDivBy::Shift(k) => n >> k,
            UDivBy::Magic { magic, shift } => {
                (((u128::from(n) * u128::from(magic)) >> 64) as u64) >> shift
            }
        }
    }

    /// Python's `a // d` for `d > 0` as `lower.rs` computes it: `s ^ ((a ^ s) / d)`,
    /// `s = a >> 63`.
    fn floor_div(a: i64, d: i64) -> i64 {
        let s = a >> 63;
        (apply(udiv_by(d), (a ^ s) as u64) as i64) ^ s
    }

    /// Dividends near 0, near 2^63, and around multiples of `d`.
    fn dividends(d: i64) -> Vec<u64> {
        let top = (1u64 << 63) - 1;
        let d = d as u64;
        let mut v = vec![0, 1, 2, top, top - 1, top / 2, top / 3];
        for q in [1u64, 2, 3, 1000, top / d, top / d - 1, top / d / 2] {
            if let Some(m) = q.checked_mul(d) {
                for n in [m.wrapping_sub(1), m, m + 1] {
                    if n <= top {
                        v.push(n);
                    }
                }
            }
        }
        let mut x = 0x9e37_79b9_7f4a_7c15u64 ^ d;
        for _ in 0..200 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            v.push(x >> 1);
            v.push((x >> 1) >> (x % 60));
        }
        v
    }

    fn divisors() -> Vec<i64> {
        let mut ds: Vec<i64> = (1..=1000).collect();
        for k in 1..63 {
            let p = 1i64 << k;
            ds.extend([p - 1, p, p + 1]);
        }
        ds.extend([
            i64::MAX,
            i64::MAX - 1,
            i64::MAX / 3,
            641,
            6_700_417,
            1_000_000_007,
        ]);
        ds.retain(|&d| d > 0);
        ds
    }

    #[test]
    fn quotients_are_exact_for_63_bit_dividends() {
        for d in divisors() {
            let rule = udiv_by(d);
            for n in dividends(d) {
                assert_eq!(apply(rule, n), n / d as u64, "{n} / {d} with {rule:?}");
            }
        }
    }

    #[test]
    fn floor_division_matches_python_for_every_sign_of_the_dividend() {
        for d in divisors() {
            for n in dividends(d) {
                for a in [n as i64, -(n as i64), !(n as i64)] {
                    assert_eq!(floor_div(a, d), a.div_euclid(d), "{a} // {d}");
                }
            }
        }
    }

    #[test]
    fn powers_of_two_shift_and_others_multiply() {
        assert_eq!(udiv_by(1), UDivBy::Shift(0));
        assert_eq!(udiv_by(1 << 40), UDivBy::Shift(40));
        assert!(matches!(udiv_by(7), UDivBy::Magic { shift: 2, .. }));
        assert!(matches!(udiv_by(3), UDivBy::Magic { shift: 1, .. }));
    }
}
