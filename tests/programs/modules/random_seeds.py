# random: CPython's exact sequences for int seeds of every size and sign.
import random

seeds = [0, 1, 42, 12345, -1, -42, 2**31, 2**32 - 1, 2**32, 2**32 + 1,
         2**63, 2**64, 2**64 + 123, -(2**70), 10**30, 3.5, -2.25, 1.0, True, False,
         "hello", "", "héllo wörld", "x" * 300]
for s in seeds:
    random.seed(s)
    print("seed", s)
    print("  random", random.random(), random.random())
    print("  bits", random.getrandbits(1), random.getrandbits(7), random.getrandbits(32),
          random.getrandbits(33), random.getrandbits(64), random.getrandbits(65),
          random.getrandbits(200), random.getrandbits(0))
    print("  randrange", random.randrange(10), random.randrange(1, 7), random.randrange(0, 100, 5),
          random.randrange(100, 0, -7), random.randrange(-50, 50), random.randrange(10**20),
          random.randrange(2**64 - 1), random.randrange(2**64), random.randrange(5, 6))
    print("  randint", [random.randint(1, 6) for i in range(12)], random.randint(-10**15, 10**15))
    print("  choice", random.choice("abcdefg"), random.choice([10, 20, 30]), random.choice(range(1000)),
          random.choice((None, True)))
    deck = list(range(16))
    random.shuffle(deck)
    print("  shuffle", deck)
    words = ["w%d" % i for i in range(7)]
    random.shuffle(words)
    print("  shuffle", words)
    print("  sample", random.sample(range(100), 10), random.sample("abcdefghij", 3),
          random.sample(range(10**9), 4), random.sample([1, 2, 3], 3), random.sample(range(50), 30)[:5])
    print("  counts", random.sample(["r", "g", "b"], k=5, counts=[3, 2, 4]))
    print("  uniform", random.uniform(0, 1), random.uniform(10, 20), random.uniform(-1.5, 1.5),
          random.uniform(5, 5))
    print("  gauss", random.gauss(), random.gauss(), random.gauss(100, 15), random.normalvariate(),
          random.normalvariate(0, 0.5))
    print("  choices", random.choices("xyz", k=6), random.choices([1, 2, 3], weights=[1, 0, 5], k=4),
          random.choices("ab", cum_weights=[2.5, 3.0], k=3), random.choices(range(5)))
    print("  other", random.triangular(), random.triangular(0, 10, 8), random.expovariate(1.5),
          random.lognormvariate(0, 0.25), random.paretovariate(2.0), random.weibullvariate(2, 3))

random.seed(2024)
state = random.getstate()
first = [random.random() for i in range(5)]
g1 = random.gauss()
random.setstate(state)
again = [random.random() for i in range(5)]
print(first == again, len(state), state[0], len(state[1]), state[2])
print(g1 == random.gauss())
random.seed()
x = random.random()
print(0.0 <= x < 1.0)
