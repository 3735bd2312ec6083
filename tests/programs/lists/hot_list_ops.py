# Hot loops over list methods and slices (JIT modes).
acc = []
for i in range(2000):
    acc.append(i % 17)
    if len(acc) > 50:
        acc.pop(0)
print(len(acc), acc[:5], sum(acc))
data = list(range(100))
total = 0
for i in range(300):
    chunk = data[i % 50:i % 50 + 10]
    total += chunk[0] + chunk[-1] + len(chunk)
print(total)
counts = [0] * 10
n = 12345
for i in range(1500):
    n = (n * 75 + 74) % 65537
    counts[n % 10] += 1
print(counts, counts.index(max(counts)), counts.count(0))
s = []
for i in range(400):
    s.insert(len(s) // 2, i)
print(s[:8], s[-8:], s.index(399))
words = []
for i in range(200):
    words.append(str(i * 3))
print(len("".join(words)), ",".join(words[:6]), sorted(words)[:4])
