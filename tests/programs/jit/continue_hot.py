# continue in hot for and while loops.
s = 0
kept = 0
for i in range(10000):
    if i % 3 == 0:
        continue
    if i % 7 == 0:
        continue
    s += i
    kept += 1
    if kept % 1000 == 0:
        print(i, kept, s)
print("for", s, kept)

# while loop with the increment before the continue.
i = 0
t = 0.0
while i < 9000:
    i += 1
    if i % 2 == 0:
        continue
    if i > 6000 and i % 5 == 0:
        continue
    t += i * 0.5
    if i % 1001 == 0:
        print(i, t)
print("while", i, t)

# continue taken on the first iterations only, then never.
u = 0
for i in range(5000):
    if i < 3:
        continue
    u += i * i
print("early", u)

# continue taken only late.
w = 0
for i in range(5000):
    if i >= 4000:
        continue
    w -= i
print("late", w)

# continue in the inner loop of a nest, with a str accumulator.
text = ""
for i in range(40):
    for j in range(100):
        if (i + j) % 9 != 0:
            continue
        text = text + str((i * j) % 10)
print("text", len(text), text[:20], text[-20:])
