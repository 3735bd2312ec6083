# Counting words in generated text with a dict.
words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]
text_parts = []
x = 7
for i in range(5000):
    x = (x * 1103515245 + 12345) % 2147483648
    text_parts.append(words[(x >> 16) % len(words)])
text = " ".join(text_parts)
print(len(text), text[:50])
counts = {}
for w in text.split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
print(sum(counts.values()), len(counts))
best = None
for w in counts:
    if best is None or counts[w] > counts[best]:
        best = w
print("most common", best, counts[best])
lengths = {}
for w in text.split(" "):
    n = len(w)
    if n not in lengths:
        lengths[n] = 0
    lengths[n] += 1
print(sorted(lengths.items()))
