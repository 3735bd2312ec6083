# Hot integer summation loops (a JIT's first target).
total = 0
i = 0
while i < 50000:
    total += i
    i += 1
print("while sum", total)
total = 0
for i in range(50000):
    total += i * i
print("for sum of squares", total)
acc = 0
for i in range(30000):
    if i % 3 == 0:
        acc += i
    elif i % 5 == 0:
        acc -= i
    else:
        acc ^= i
print("mixed", acc)
f = 0.0
for i in range(1, 30001):
    f += 1.0 / i
print("harmonic", f)
big = 0
for i in range(2000):
    big = big * 3 + i
print("big", big % (10 ** 20), len(str(big)))
neg = 0
for i in range(-50000, 50000, 7):
    neg += i
print("neg range", neg)
