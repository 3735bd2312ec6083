# Strings in hot loops: building, slicing, indexing, f-strings, str() of
# numbers whose digit count grows (and int/float/bool/None reprs).
s = ""
for i in range(5000):
    s += str(i % 10)
    if len(s) > 40:
        s = s[-20:]
    if i % 1000 == 0:
        print(i, s, s[0], s[-1], len(s))
print("s", s)

width = 0
for i in range(0, 2**70, 2**58 + 12345):
    width += len(str(i)) + len(f"{i:x}")
print("width", width)

# f-strings with format specs applied to values whose type changes.
lines = []
v = 0
for i in range(6000):
    if i == 2000:
        v = v * 1.0
    if i == 4000:
        v = None
    if v is not None:
        v += i % 7
    if i % 750 == 0 or i in (1999, 2000, 3999, 4000):
        lines.append(f"{i:>5}|{v!r}|{str(v):>10}|{i % 3 == 0}")
for line in lines:
    print(line)

# Float formatting in a loop.
acc = 0.0
out = []
for i in range(3000):
    acc += i / 7
    if i % 600 == 0:
        out.append(f"{acc:.3f} {acc:e} {acc:10.2f} {acc}")
print(out)

# Character scanning with find/replace/split in a loop.
text = "the quick brown fox jumps over the lazy dog " * 20
n = 0
for i in range(2000):
    j = text.find("o", i % len(text))
    n += j if j >= 0 else -1
print("find", n, len(text.split()), text.replace("the", "THE")[:20])
