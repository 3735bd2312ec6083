# Loops whose overflow checks the `bounds` pass removes, run right up to the ends
# of the i64 range: a proven check must never be one that could fail. Where the
# counter can pass 2**63 - 1 (or -2**63) the check stays, and the loop goes on in
# big ints exactly as in the interpreter.
M = 2**63 - 1


def count_up(start, stop, step):
    i = start
    n = 0
    while i < stop:
        i += step
        n += 1
    return i, n


def count_down(start, stop, step):
    i = start
    n = 0
    while i > stop:
        i -= step
        n += 1
    return i, n


def count_up_by_one(start, stop):
    i = start
    while i < stop:
        i += 1
    return i


def count_down_by_one(start, stop):
    i = start
    while stop < i:
        i = i - 1
    return i


def down_past_the_end(start, stop):
    # i >= stop leaves i - 1 unproven at i64::MIN: a constant step whose check
    # stays, and fails there.
    i = start
    while i >= stop:
        i -= 1
    return i


def bounded_sum(n):
    # (i * 7) % 1000 is in [0, 999]: subtracting 500 cannot overflow.
    t = 0
    i = 0
    while i < n:
        t += (i * 7) % 1000 - 500
        i += 1
    return t


def le_loop(stop):
    i = stop - 3000
    while i <= stop:
        i = i + 1
    return i


print(count_up(M - 3000, M, 1))
print(count_up(M - 3001, M, 2))
print(count_up(M - 5000, M, 3))
print(count_down(-M + 3000, -M - 1, 1))
print(count_down(-M + 3000, -M - 1, 3))
print(count_up_by_one(M - 3000, M), count_up_by_one(M - 3000, M - 7))
print(count_down_by_one(-M + 3000, -M - 1))
print(down_past_the_end(-M + 3000, -M - 1))
print(bounded_sum(20000))
print(le_loop(M - 1))
print(le_loop(M))
print(count_up(0, 3000, 1), count_up(-5, 3000, 7))
