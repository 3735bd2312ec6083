# Hot loops over str methods and formatting (JIT modes record, abort or exit cleanly).
out = []
for i in range(500):
    s = "item-%03d" % i
    if s.endswith("7"):
        out.append(s.upper().replace("-", "_"))
print(len(out), out[:3], out[-1])
words = "lorem ipsum dolor sit amet consectetur adipiscing elit".split()
lens = {}
for i in range(800):
    w = words[i % len(words)]
    key = w[0].upper() + w[1:].lower()
    lens[key] = lens.get(key, 0) + len(w.strip())
print(sorted(lens.items()))
total = 0
line = ""
for i in range(300):
    line = "{:>5}|{:<4}|{:^6.2f}".format(i, i % 7, i / 7)
    total += len(line) + line.count("|") + line.find("|")
print(total, repr(line))
parts = []
for i in range(200):
    parts.append(f"{i:04x}")
joined = ":".join(parts)
print(len(joined), joined[:24], joined.split(":")[-3:], joined.count("0"))
acc = 0
for ch in "The Quick Brown Fox Jumps Over The Lazy Dog" * 20:
    if ch.isupper():
        acc += 2
    elif ch.isspace():
        acc += 1
print(acc)
