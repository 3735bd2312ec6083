//! Sort: a port of CPython 3.11's `listsort` (timsort with the powersort merge
//! policy, galloping, `min_gallop` adaptation), so `list.sort` and `sorted` make the
//! same `<` comparisons in the same order as CPython.
//!
//! Why not any stable sort: for a consistent total order every stable sort gives
//! the same result, but Python lets `<` be inconsistent (NaN, sets ordered by
//! inclusion) or raise (mixed types): then the result, or which pair raised, depends
//! on exactly which comparisons are made. Following CPython step by step keeps those
//! cases byte-identical too.
//!
//! The sort permutes indices; `lt(x, y)` compares the keys of the items at indices
//! `x` and `y` and may fail (the error propagates, as in CPython).

use crate::object::PyResult;

const MIN_GALLOP: usize = 7;

struct Run {
    base: usize,
    len: usize,
    power: i32,
}

struct MergeState<'f> {
    lt: &'f mut dyn FnMut(usize, usize) -> PyResult<bool>,
    min_gallop: usize,
    pending: Vec<Run>,
    tmp: Vec<usize>,
    listlen: usize,
}

/// Sorts `a` (a permutation of item indices) stably by `lt`, exactly as CPython's
/// `list.sort` would order the items. `reverse` is handled by the caller (CPython
/// reverses, sorts, reverses back).
pub fn timsort(
    a: &mut [usize],
    lt: &mut dyn FnMut(usize, usize) -> PyResult<bool>,
) -> PyResult<()> {
    let n = a.len();
    if n < 2 {
        return Ok(());
    }
    let mut ms = MergeState {
        lt,
        min_gallop: MIN_GALLOP,
        pending: Vec::with_capacity(16),
        tmp: Vec::new(),
        listlen: n,
    };
    let minrun = compute_minrun(n);
    let mut lo = 0;
    let mut remaining = n;
    while remaining > 0 {
        let (mut run, descending) = ms.count_run(a, lo, lo + remaining)?;
        if descending {
            a[lo..lo + run].reverse();
        }
        if run < minrun {
            let force = remaining.min(minrun);
            ms.binarysort(a, lo, lo + force, lo + run)?;
            run = force;
        }
        ms.found_new_run(a, run)?;
        ms.pending.push(Run {
            base: lo,
            len: run,
            power: 0,
        });
        lo += run;
        remaining -= run;
    }
    ms.force_collapse(a)
}

fn compute_minrun(mut n: usize) -> usize {
    let mut r = 0;
    while n >= 64 {
        r |= n & 1;
        n >>= 1;
    }
    n + r
}

/// CPython's `powerloop`: the power of the run boundary between `[s1, s1+n1)` and
/// the next run of length `n2`, in a list of length `n`.
fn powerloop(s1: usize, n1: usize, n2: usize, n: usize) -> i32 {
    let mut result = 0;
    let mut a = 2 * s1 + n1;
    let mut b = a + n1 + n2;
    loop {
        result += 1;
        if a >= n {
            a -= n;
            b -= n;
        } else if b >= n {
            break;
        }
        a <<= 1;
        b <<= 1;
    }
    result
}

impl MergeState<'_> {
    fn lt(&mut self, x: usize, y: usize) -> PyResult<bool> {
        (self.lt)(x, y)
    }

    /// The length of the run starting at `lo` (strictly descending runs are
    /// reported, to be reversed).
    fn count_run(&mut self, a: &[usize], lo: usize, hi: usize) -> PyResult<(usize, bool)> {
        let mut p = lo + 1;
        if p == hi {
            return Ok((1, false));
        }
        let mut n = 2;
        if self.lt(a[p], a[p - 1])? {
            p += 1;
            while p < hi {
                if !self.lt(a[p], a[p - 1])? {
                    break;
                }
                p += 1;
                n += 1;
            }
            Ok((n, true))
        } else {
            p += 1;
            while p < hi {
                if self.lt(a[p], a[p - 1])? {
                    break;
                }
                p += 1;
                n += 1;
            }
            Ok((n, false))
        }
    }

    /// Binary insertion sort of `a[lo..hi]`, whose prefix `a[lo..start]` is sorted.
    fn binarysort(
        &mut self,
        a: &mut [usize],
        lo: usize,
        hi: usize,
        mut start: usize,
    ) -> PyResult<()> {
        if lo == start {
            start += 1;
        }
        while start < hi {
            let pivot = a[start];
            let (mut l, mut r) = (lo, start);
            loop {
                let p = l + ((r - l) >> 1);
                if self.lt(pivot, a[p])? {
                    r = p;
                } else {
                    l = p + 1;
                }
                if l >= r {
                    break;
                }
            }
            a.copy_within(l..start, l + 1);
            a[l] = pivot;
            start += 1;
        }
        Ok(())
    }

    fn found_new_run(&mut self, a: &mut [usize], n2: usize) -> PyResult<()> {
        if let Some(top) = self.pending.last() {
            let (s1, n1) = (top.base, top.len);
            let power = powerloop(s1, n1, n2, self.listlen);
            while self.pending.len() > 1 && self.pending[self.pending.len() - 2].power > power {
                let i = self.pending.len() - 2;
                self.merge_at(a, i)?;
            }
            let last = self.pending.len() - 1;
            self.pending[last].power = power;
        }
        Ok(())
    }

    fn force_collapse(&mut self, a: &mut [usize]) -> PyResult<()> {
        while self.pending.len() > 1 {
            let mut n = self.pending.len() - 2;
            if n > 0 && self.pending[n - 1].len < self.pending[n + 1].len {
                n -= 1;
            }
            self.merge_at(a, n)?;
        }
        Ok(())
    }

    fn merge_at(&mut self, a: &mut [usize], i: usize) -> PyResult<()> {
        let (mut base_a, mut na) = (self.pending[i].base, self.pending[i].len);
        let (base_b, nb) = (self.pending[i + 1].base, self.pending[i + 1].len);
        self.pending[i].len = na + nb;
        self.pending.remove(i + 1);

        // Where does b start in a? Elements of a before that are in place.
        let k = self.gallop_right(a[base_b], &a[base_a..base_a + na], 0)?;
        base_a += k;
        na -= k;
        if na == 0 {
            return Ok(());
        }
        // Where does a end in b? Elements of b after that are in place.
        let nb = self.gallop_left(a[base_a + na - 1], &a[base_b..base_b + nb], nb - 1)?;
        if nb == 0 {
            return Ok(());
        }
        if na <= nb {
            self.merge_lo(a, base_a, na, base_b, nb)
        } else {
            self.merge_hi(a, base_a, na, base_b, nb)
        }
    }

    /// CPython's `gallop_left`: the leftmost position in sorted `run` where `key`
    /// belongs (`run[k-1] < key <= run[k]`), starting the search at `hint`.
    fn gallop_left(&mut self, key: usize, run: &[usize], hint: usize) -> PyResult<usize> {
        let n = run.len();
        let mut lastofs: isize;
        let mut ofs: isize;
        if self.lt(run[hint], key)? {
            // Gallop right until run[hint + lastofs] < key <= run[hint + ofs].
            let maxofs = (n - hint) as isize;
            lastofs = 0;
            ofs = 1;
            while ofs < maxofs {
                if self.lt(run[hint + ofs as usize], key)? {
                    lastofs = ofs;
                    ofs = (ofs << 1) + 1;
                } else {
                    break;
                }
            }
            if ofs > maxofs {
                ofs = maxofs;
            }
            lastofs += hint as isize;
            ofs += hint as isize;
        } else {
            // Gallop left until run[hint - ofs] < key <= run[hint - lastofs].
            let maxofs = (hint + 1) as isize;
            lastofs = 0;
            ofs = 1;
            while ofs < maxofs {
                if self.lt(run[hint - ofs as usize], key)? {
                    break;
                }
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            }
            if ofs > maxofs {
                ofs = maxofs;
            }
            let k = lastofs;
            lastofs = hint as isize - ofs;
            ofs = hint as isize - k;
        }
        lastofs += 1;
        while lastofs < ofs {
            let m = lastofs + ((ofs - lastofs) >> 1);
            if self.lt(run[m as usize], key)? {
                lastofs = m + 1;
            } else {
                ofs = m;
            }
        }
        Ok(ofs as usize)
    }

    /// CPython's `gallop_right`: the rightmost position in sorted `run` where `key`
    /// belongs (`run[k-1] <= key < run[k]`).
    fn gallop_right(&mut self, key: usize, run: &[usize], hint: usize) -> PyResult<usize> {
        let n = run.len();
        let mut lastofs: isize;
        let mut ofs: isize;
        if self.lt(key, run[hint])? {
            // Gallop left until run[hint - ofs] <= key < run[hint - lastofs].
            let maxofs = (hint + 1) as isize;
            lastofs = 0;
            ofs = 1;
            while ofs < maxofs {
                if self.lt(key, run[hint - ofs as usize])? {
                    lastofs = ofs;
                    ofs = (ofs << 1) + 1;
                } else {
                    break;
                }
            }
            if ofs > maxofs {
                ofs = maxofs;
            }
            let k = lastofs;
            lastofs = hint as isize - ofs;
            ofs = hint as isize - k;
        } else {
            // Gallop right until run[hint + lastofs] <= key < run[hint + ofs].
            let maxofs = (n - hint) as isize;
            lastofs = 0;
            ofs = 1;
            while ofs < maxofs {
                if self.lt(key, run[hint + ofs as usize])? {
                    break;
                }
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            }
            if ofs > maxofs {
                ofs = maxofs;
            }
            lastofs += hint as isize;
            ofs += hint as isize;
        }
        lastofs += 1;
        while lastofs < ofs {
            let m = lastofs + ((ofs - lastofs) >> 1);
            if self.lt(key, run[m as usize])? {
                ofs = m;
            } else {
                lastofs = m + 1;
            }
        }
        Ok(ofs as usize)
    }

    /// Merges `a[pa..pa+na]` and the adjacent `a[pb..pb+nb]` (na <= nb), copying the
    /// first run to a temporary array (CPython's `merge_lo`).
    fn merge_lo(
        &mut self,
        a: &mut [usize],
        pa: usize,
        mut na: usize,
        pb: usize,
        mut nb: usize,
    ) -> PyResult<()> {
        let mut tmp = std::mem::take(&mut self.tmp);
        tmp.clear();
        tmp.extend_from_slice(&a[pa..pa + na]);
        let r = self.merge_lo_body(a, &tmp, pa, &mut na, pb, &mut nb);
        self.tmp = tmp;
        r
    }

    fn merge_lo_body(
        &mut self,
        a: &mut [usize],
        tmp: &[usize],
        pa: usize,
        na: &mut usize,
        pb: usize,
        nb: &mut usize,
    ) -> PyResult<()> {
        // dest writes into a; sa indexes tmp (run A), sb indexes a (run B).
        let mut dest = pa;
        let mut sa = 0usize;
        let mut sb = pb;
        // On any exit, what remains of A goes to dest (CPython's Fail/Succeed path).
        macro_rules! finish {
            () => {{
                a[dest..dest + *na].copy_from_slice(&tmp[sa..sa + *na]);
                return Ok(());
            }};
        }
        macro_rules! fail {
            ($e:expr) => {{
                a[dest..dest + *na].copy_from_slice(&tmp[sa..sa + *na]);
                return Err($e);
            }};
        }
        macro_rules! copy_b {
            () => {{
                // na == 1: the rest of B, then the last element of A.
                a.copy_within(sb..sb + *nb, dest);
                a[dest + *nb] = tmp[sa];
                return Ok(());
            }};
        }
        macro_rules! tri {
            ($e:expr) => {
                match $e {
                    Ok(v) => v,
                    Err(e) => fail!(e),
                }
            };
        }
        a[dest] = a[sb];
        dest += 1;
        sb += 1;
        *nb -= 1;
        if *nb == 0 {
            finish!();
        }
        if *na == 1 {
            copy_b!();
        }
        let mut min_gallop = self.min_gallop;
        loop {
            let mut acount = 0usize;
            let mut bcount = 0usize;
            loop {
                if tri!(self.lt(a[sb], tmp[sa])) {
                    a[dest] = a[sb];
                    dest += 1;
                    sb += 1;
                    bcount += 1;
                    acount = 0;
                    *nb -= 1;
                    if *nb == 0 {
                        finish!();
                    }
                    if bcount >= min_gallop {
                        break;
                    }
                } else {
                    a[dest] = tmp[sa];
                    dest += 1;
                    sa += 1;
                    acount += 1;
                    bcount = 0;
                    *na -= 1;
                    if *na == 1 {
                        copy_b!();
                    }
                    if acount >= min_gallop {
                        break;
                    }
                }
            }
            min_gallop += 1;
            loop {
                min_gallop -= (min_gallop > 1) as usize;
                self.min_gallop = min_gallop;
                let k = tri!(self.gallop_right(a[sb], &tmp[sa..sa + *na], 0));
                acount = k;
                if k > 0 {
                    a[dest..dest + k].copy_from_slice(&tmp[sa..sa + k]);
                    dest += k;
                    sa += k;
                    *na -= k;
                    if *na == 1 {
                        copy_b!();
                    }
                    if *na == 0 {
                        finish!();
                    }
                }
                a[dest] = a[sb];
                dest += 1;
                sb += 1;
                *nb -= 1;
                if *nb == 0 {
                    finish!();
                }
                let k = tri!(self.gallop_left(tmp[sa], &a[sb..sb + *nb], 0));
                bcount = k;
                if k > 0 {
                    a.copy_within(sb..sb + k, dest);
                    dest += k;
                    sb += k;
                    *nb -= k;
                    if *nb == 0 {
                        finish!();
                    }
                }
                a[dest] = tmp[sa];
                dest += 1;
                sa += 1;
                *na -= 1;
                if *na == 1 {
                    copy_b!();
                }
                if !(acount >= MIN_GALLOP || bcount >= MIN_GALLOP) {
                    break;
                }
            }
            min_gallop += 1;
            self.min_gallop = min_gallop;
        }
    }

    /// Merges `a[pa..pa+na]` and the adjacent `a[pb..pb+nb]` (na > nb) from the right,
    /// copying the second run to a temporary array (CPython's `merge_hi`).
    fn merge_hi(
        &mut self,
        a: &mut [usize],
        pa: usize,
        mut na: usize,
        pb: usize,
        mut nb: usize,
    ) -> PyResult<()> {
        let mut tmp = std::mem::take(&mut self.tmp);
        tmp.clear();
        tmp.extend_from_slice(&a[pb..pb + nb]);
        let r = self.merge_hi_body(a, &tmp, pa, &mut na, pb, &mut nb);
        self.tmp = tmp;
        r
    }

    #[allow(clippy::too_many_arguments)]
    fn merge_hi_body(
        &mut self,
        a: &mut [usize],
        tmp: &[usize],
        pa: usize,
        na: &mut usize,
        pb: usize,
        nb: &mut usize,
    ) -> PyResult<()> {
        // Indices are "one past" positions to avoid underflow: dest_end is one past
        // the slot written next; ea is one past the current last element of A (in a),
        // eb one past the current last element of B (in tmp).
        let mut dest_end = pb + *nb;
        let mut ea = pa + *na;
        let mut eb = *nb;
        macro_rules! finish {
            () => {{
                // What remains of B goes to the front of the gap.
                a[dest_end - *nb..dest_end].copy_from_slice(&tmp[eb - *nb..eb]);
                return Ok(());
            }};
        }
        macro_rules! fail {
            ($e:expr) => {{
                a[dest_end - *nb..dest_end].copy_from_slice(&tmp[eb - *nb..eb]);
                return Err($e);
            }};
        }
        macro_rules! copy_a {
            () => {{
                // nb == 1: the rest of A moves right, then B's only element goes first.
                a.copy_within(ea - *na..ea, dest_end - *na);
                a[dest_end - *na - 1] = tmp[eb - 1];
                return Ok(());
            }};
        }
        macro_rules! tri {
            ($e:expr) => {
                match $e {
                    Ok(v) => v,
                    Err(e) => fail!(e),
                }
            };
        }
        let _ = pa;
        a[dest_end - 1] = a[ea - 1];
        dest_end -= 1;
        ea -= 1;
        *na -= 1;
        if *na == 0 {
            finish!();
        }
        if *nb == 1 {
            copy_a!();
        }
        let mut min_gallop = self.min_gallop;
        loop {
            let mut acount = 0usize;
            let mut bcount = 0usize;
            loop {
                if tri!(self.lt(tmp[eb - 1], a[ea - 1])) {
                    a[dest_end - 1] = a[ea - 1];
                    dest_end -= 1;
                    ea -= 1;
                    acount += 1;
                    bcount = 0;
                    *na -= 1;
                    if *na == 0 {
                        finish!();
                    }
                    if acount >= min_gallop {
                        break;
                    }
                } else {
                    a[dest_end - 1] = tmp[eb - 1];
                    dest_end -= 1;
                    eb -= 1;
                    bcount += 1;
                    acount = 0;
                    *nb -= 1;
                    if *nb == 1 {
                        copy_a!();
                    }
                    if bcount >= min_gallop {
                        break;
                    }
                }
            }
            min_gallop += 1;
            loop {
                min_gallop -= (min_gallop > 1) as usize;
                self.min_gallop = min_gallop;
                let k = tri!(self.gallop_right(tmp[eb - 1], &a[ea - *na..ea], *na - 1));
                let k = *na - k;
                acount = k;
                if k > 0 {
                    a.copy_within(ea - k..ea, dest_end - k);
                    dest_end -= k;
                    ea -= k;
                    *na -= k;
                    if *na == 0 {
                        finish!();
                    }
                }
                a[dest_end - 1] = tmp[eb - 1];
                dest_end -= 1;
                eb -= 1;
                *nb -= 1;
                if *nb == 1 {
                    copy_a!();
                }
                let k = tri!(self.gallop_left(a[ea - 1], &tmp[eb - *nb..eb], *nb - 1));
                let k = *nb - k;
                bcount = k;
                if k > 0 {
                    a[dest_end - k..dest_end].copy_from_slice(&tmp[eb - k..eb]);
                    dest_end -= k;
                    eb -= k;
                    *nb -= k;
                    if *nb == 1 {
                        copy_a!();
                    }
                    if *nb == 0 {
                        finish!();
                    }
                }
                a[dest_end - 1] = a[ea - 1];
                dest_end -= 1;
                ea -= 1;
                *na -= 1;
                if *na == 0 {
                    finish!();
                }
                if !(acount >= MIN_GALLOP || bcount >= MIN_GALLOP) {
                    break;
                }
            }
            min_gallop += 1;
            self.min_gallop = min_gallop;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sort_by_keys(keys: &[f64]) -> Vec<usize> {
        let mut idx: Vec<usize> = (0..keys.len()).collect();
        timsort(&mut idx, &mut |x, y| Ok(keys[x] < keys[y])).unwrap();
        idx
    }

    #[test]
    fn sorts_and_is_stable() {
        let mut r = 12345u64;
        for n in [0usize, 1, 2, 5, 31, 64, 65, 200, 1000, 5000] {
            let keys: Vec<f64> = (0..n)
                .map(|_| {
                    r = r
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    ((r >> 33) % 50) as f64
                })
                .collect();
            let idx = sort_by_keys(&keys);
            for w in idx.windows(2) {
                let (a, b) = (w[0], w[1]);
                assert!(keys[a] < keys[b] || (keys[a] == keys[b] && a < b));
            }
        }
    }

    #[test]
    fn runs_and_gallops() {
        // Long ascending and descending runs exercise galloping in both merges.
        let mut keys: Vec<f64> = (0..300).map(|i| i as f64).collect();
        keys.extend((0..300).map(|i| (600 - i) as f64 / 2.0));
        keys.extend((0..50).map(|i| (i * 7 % 13) as f64));
        let idx = sort_by_keys(&keys);
        for w in idx.windows(2) {
            assert!(keys[w[0]] <= keys[w[1]]);
        }
    }
}
