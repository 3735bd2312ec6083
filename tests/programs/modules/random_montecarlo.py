# random in hot loops: Monte Carlo estimates with a fixed seed.
import random
import math

random.seed(42)
inside = 0
n = 20000
for i in range(n):
    x = random.random()
    y = random.random()
    if x * x + y * y <= 1.0:
        inside += 1
print("pi ~", 4.0 * inside / n)

random.seed(7)
counts = [0] * 6
for i in range(6000):
    counts[random.randint(1, 6) - 1] += 1
print("dice", counts, sum(counts))

random.seed(99)
total = 0.0
for i in range(3000):
    total += random.gauss(10.0, 2.0)
print("mean", round(total / 3000, 6))

random.seed(5)
walk = 0
peak = 0
for i in range(5000):
    walk += random.choice([-1, 1])
    if abs(walk) > peak:
        peak = abs(walk)
print("walk", walk, peak)

random.seed(123)
bits = 0
for i in range(2000):
    bits ^= random.getrandbits(48)
print("xor", bits)

random.seed(31337)
hist = {}
for i in range(4000):
    k = random.randrange(0, 100, 10)
    hist[k] = hist.get(k, 0) + 1
print(sorted(hist.items()))

random.seed(8)
acc = 0.0
for i in range(2000):
    acc += math.sqrt(random.uniform(0, 4))
print("sqrt mean", acc / 2000)
