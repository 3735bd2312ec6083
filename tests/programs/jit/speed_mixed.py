# Speed sanity check: 1.2 million loop iterations mixing int and float math.
import math

def run(n, seed):
    s = 0
    f = 0.0
    x = seed
    i = 0
    while i < n:
        x = (x * 1103515245 + 12345) % 2147483648
        s += x >> 16
        f += (x & 1023) * 0.001 - 0.5
        if i % 7 == 0:
            f = f * 0.999
        i += 1
    return s, f

total_s = 0
total_f = 0.0
for k in range(4):
    s, f = run(200000, k + 1)
    total_s += s
    total_f += f
    print(k, s, f)
print("lcg", total_s, total_f)

# A for loop over range with float accumulation and int modulo.
acc = 0.0
cnt = 0
for i in range(400000):
    acc += math.sqrt(i) if i % 2 else i * 0.5
    cnt += i % 3 == 0
print("for", acc, cnt)
