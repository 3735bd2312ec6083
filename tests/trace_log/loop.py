# The program behind tests/trace_log.rs: three hot loops, each in its own function.


def count(n):
    # A counting while loop: int accumulator, a branch (the recorded iteration
    # takes the else side, so every third iteration leaves the trace).
    i = 0
    total = 0
    while i < n:
        if i % 3 == 0:
            total += i
        else:
            total -= 1
        i += 1
    return total


def average(n):
    # A for-range loop with a float accumulator (int * float: the 2**53 guards).
    acc = 0.0
    for k in range(n):
        acc += k * 0.5
    return acc / n


def collect(n):
    # A method call the recorder does not handle yet: aborts until blacklisted.
    xs = []
    j = 0
    while j < n:
        xs.append(j)
        j += 1
    return len(xs)


print(count(300))
print(average(400))
print(collect(2000))
