# Strs built by + share a buffer that later + appends into (StrObj::concat).
# Every str must keep its own value whoever appends after it.
a = "x" * 70
b = a + "1"
c = a + "2"  # a no longer ends the buffer: a copy
d = b + "3"  # b ends it: appended in place
e = b + "4"  # b no longer ends it: a copy
print(len(a), a[-3:], b[-3:], c[-3:], d[-3:], e[-3:])
print(a == "x" * 70, b == "x" * 70 + "1", d == b + "3", e == b + "4", d != e)

# An accumulating loop: every intermediate value stays intact.
s = ""
seen = []
for i in range(300):
    s += chr(65 + i % 26)
    if i % 7 == 0:
        seen.append(s)
print(len(s), s[:30], s[-5:])
print(all(p == s[: len(p)] for p in seen), [len(p) for p in seen[:8]])

# The same loop where an old value is extended again (a branch off the middle).
base = "y" * 64
t = base
for i in range(50):
    t = t + str(i % 10)
branch = base + "!"
t = t + "?"
print(len(base), len(t), branch[-2:], t[60:70], t[-3:])

# Non-ASCII text, lengths, indexing and hashing across the shared buffer.
u = "é" * 40
v = u + "ü" * 30
w = v + "→"
x = v + "←"
print(len(u), len(v), len(w), len(x), w[-1], x[-1], w[69], v[40])
print({w: 1, x: 2}[v + "→"], hash(w) == hash(v + "→"), w.upper()[-3:])

# Slicing, find, split and repr of appended strs.
line = ""
for word in ["alpha", "beta", "gamma", "delta", "epsilon"] * 5:
    line += word + ","
print(line.count(","), line.find("delta"), line.split(",")[3], line[10:20])
print(repr(line[-12:]), line.endswith("epsilon,"), "gamma" in line)

# Strs of other kinds joined by +.
n = ""
for i in range(40):
    n += str(i * i)
print(n[:20], len(n), int(n[-4:]))
