# A list mutated while it is being walked by index and by a for loop.
xs = list(range(10))
i = 0
pops = 0
while i < len(xs):
    v = xs[i]
    r = (v + i) % 7
    if r == 0:
        xs.pop()
        pops += 1
    elif len(xs) < 6000:
        xs.append((v * 37 + i) % 1009)
        if r >= 4:
            xs.append(i % 100)
    i += 1
    if i % 1000 == 0:
        print(i, len(xs), xs[-1], sum(xs[-10:]), pops)
print("walk", i, len(xs), sum(xs), pops)

# for loops see elements appended during the loop.
ys = [1, 2, 3]
seen = 0
for y in ys:
    seen += 1
    if len(ys) < 5000:
        ys.append((y * 7 + seen) % 101)
print("for-append", seen, len(ys), sum(ys), ys[-3:])

# Popping from the end while iterating from the front stops early.
zs = list(range(8000))
seen = 0
last = None
for z in zs:
    seen += 1
    last = z
    zs.pop()
print("for-pop", seen, last, len(zs))

# pop(0) and pop(i) inside a while loop over a shrinking list.
ws = [i * i for i in range(5000)]
acc = 0
k = 0
while len(ws) > 1:
    if k % 2 == 0:
        acc += ws.pop(0)
    else:
        acc -= ws.pop(len(ws) // 2)
    k += 1
    if k % 1000 == 0:
        print(k, len(ws), acc)
print("shrink", k, ws, acc)
