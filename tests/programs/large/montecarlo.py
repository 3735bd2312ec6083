# Monte Carlo with random.seed(42): pi, a random walk, a queue simulation,
# an integral and a card-game estimate; every number matches CPython.
import random
import math

random.seed(42)


def estimate_pi(n):
    inside = 0
    for _ in range(n):
        x = random.random()
        y = random.random()
        if x * x + y * y < 1.0:
            inside += 1
    return 4.0 * inside / n


def random_walk(steps):
    x = y = 0
    far = 0
    for _ in range(steps):
        d = random.randrange(4)
        if d == 0:
            x += 1
        elif d == 1:
            x -= 1
        elif d == 2:
            y += 1
        else:
            y -= 1
        dist = abs(x) + abs(y)
        if dist > far:
            far = dist
    return x, y, far


def queue_sim(customers, servers):
    free_at = [0.0] * servers
    t = 0.0
    total_wait = 0.0
    longest = 0.0
    for _ in range(customers):
        t += random.expovariate(1.0)
        k = free_at.index(min(free_at))
        start = max(t, free_at[k])
        wait = start - t
        total_wait += wait
        if wait > longest:
            longest = wait
        free_at[k] = start + random.uniform(0.5, 2.5)
    return total_wait / customers, longest


def integrate(f, a, b, n):
    total = 0.0
    for _ in range(n):
        total += f(random.uniform(a, b))
    return (b - a) * total / n


def f(x):
    return math.exp(-x * x)


def blackjack_bust_rate(trials):
    busts = 0
    for _ in range(trials):
        deck = [min(v, 10) for v in range(1, 14)] * 4
        random.shuffle(deck)
        total = 0
        i = 0
        while total < 17:
            total += deck[i]
            i += 1
        if total > 21:
            busts += 1
    return busts / trials


print("pi", estimate_pi(30000))
print("walk", random_walk(5000))
w, l = queue_sim(2000, 2)
print("queue %.6f %.6f" % (w, l))
print("integral", round(integrate(f, 0.0, 2.0, 20000), 10))
print("bust", blackjack_bust_rate(1500))
hand = random.sample(range(52), 5)
print("hand", hand, [("A23456789TJQK"[c % 13], "SHDC"[c // 13]) for c in sorted(hand)])
print("gauss", [round(random.gauss(0, 1), 4) for _ in range(5)])
print("choices", random.choices("ACGT", weights=[1, 2, 3, 4], k=20))
