# Hot loops over sets (JIT modes record and abort or fall back cleanly).
seen = set()
dups = 0
x = 1
for i in range(3000):
    x = (x * 1103515245 + 12345) % 2147483648
    k = x % 500
    if k in seen:
        dups += 1
    else:
        seen.add(k)
print(len(seen), dups)
evens = {n for n in range(200) if n % 2 == 0}
total = 0
for e in evens:
    total += e
print(total)
acc = set()
i = 0
while i < 600:
    acc |= {i % 37}
    acc ^= {i % 11} if i % 3 == 0 else set()
    i += 1
print(sorted(acc))
counts = {}
for w in "a b c a b a d e d a".split():
    counts[w] = counts.get(w, 0) + 1
print(counts, {w for w in counts if counts[w] > 1} == {"a", "b", "d"})
bits = 0
for i in range(1000):
    bits |= 1 << (i % 40)
    bits &= ~(1 << (i % 7)) if i % 13 == 0 else bits
print(bits)
