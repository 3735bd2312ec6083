"""Benchmark: dict counting with int and str keys (dict get/store, str() conversion, split)."""


def count_ints(n):
    counts = {}
    x = 1
    for _ in range(n):
        x = (x * 48271) % 2147483647
        k = x % 1009
        counts[k] = counts.get(k, 0) + 1
    best = 0
    best_key = -1
    for k in counts:
        c = counts[k]
        if c > best or (c == best and k < best_key):
            best = c
            best_key = k
    return len(counts), best_key, best


def count_strs(n):
    counts = {}
    for i in range(n):
        k = "k" + str(i % 773)
        counts[k] = counts.get(k, 0) + 1
    return len(counts), counts["k0"], counts.get("k772", 0), counts.get("missing", -1)


def count_words(reps):
    text = "the quick brown fox jumps over the lazy dog and the cat sat on the mat"
    counts = {}
    for r in range(reps):
        for w in text.split(" "):
            key = w + str(r % 5)
            counts[key] = counts.get(key, 0) + 1
    total = 0
    for key in counts:
        total += counts[key] * len(key)
    return len(counts), counts["the0"], total


def main():
    print("dict_count", count_ints(1500000), count_strs(1000000), count_words(80000))


main()
