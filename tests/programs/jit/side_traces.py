# Hot exits become side traces: branchy loops, nested loops, and deopts that
# happen inside side traces (type changes, overflow, exceptions, inlined calls).

def branchy(n):
    total = 0
    for i in range(n):
        if i % 3 == 0:
            total += i
        elif i % 3 == 1:
            total -= 2
        else:
            total += 7
    return total
print("branchy", branchy(3000))

def nested_branches(n):
    a = b = c = 0
    k = 0
    while k < n:
        if k % 2:
            if k % 5 == 0:
                a += 1
            else:
                b += k
        else:
            c -= 1
        k += 1
    return a, b, c
print("nested", nested_branches(5000))

def mandel_like(w, h, limit):
    total = 0
    y = 0
    while y < h:
        x = 0
        while x < w:
            zr = zi = 0.0
            cr = 3.0 * x / w - 2.0
            ci = 2.0 * y / h - 1.0
            n = 0
            while n < limit:
                zr2 = zr * zr
                zi2 = zi * zi
                if zr2 + zi2 > 4.0:
                    break
                zi = 2.0 * zr * zi + ci
                zr = zr2 - zi2 + cr
                n += 1
            total += n
            x += 1
        y += 1
    return total
print("mandel", mandel_like(40, 30, 50))

def type_change_in_side(n):
    acc = 0
    for i in range(n):
        if i % 2:
            acc += 1
        else:
            acc += 2 if i < n - 100 else 0.5
    return acc
print("type change", type_change_in_side(2000))

def overflow_in_side(n):
    x = 1
    y = 0
    for i in range(n):
        if i % 4 == 0:
            y += 1
        else:
            x = x * 3
    return y, x % 1000003, x.bit_length()
print("overflow", overflow_in_side(400))

def helper(v):
    return v * 2 if v % 7 else v // 7

def calls_in_side(n):
    s = 0
    for i in range(n):
        if i % 3:
            s += helper(i)
        else:
            s -= 1
    return s
print("calls", calls_in_side(3000))

def exception_in_side(n):
    errors = 0
    s = 0
    for i in range(n):
        if i % 2:
            try:
                s += 100 // (i % 9)
            except ZeroDivisionError:
                errors += 1
        else:
            s += 1
    return s, errors
print("exceptions", exception_in_side(3000))

def late_raise(n):
    s = 0
    for i in range(n):
        if i % 3 == 0:
            s += 1
        elif i == n - 5:
            raise ValueError("late in a side trace at %d" % i)
        else:
            s += 2
    return s
try:
    late_raise(2000)
except ValueError as e:
    print("caught", e)

def nested_for(n):
    t = 0
    for i in range(n):
        for j in range(i % 5):
            if j % 2:
                t += j
            else:
                t -= 1
    return t
print("nested for", nested_for(2000))

def list_side(n):
    data = [i % 10 for i in range(50)]
    hits = 0
    for i in range(n):
        v = data[i % 50]
        if v > 5:
            hits += v
        elif v == 3:
            data[i % 50] = 4
        else:
            hits -= 1
    return hits, sum(data)
print("lists", list_side(4000))
