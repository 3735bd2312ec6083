# Text statistics: word frequencies with dicts, sorting with keys, string
# methods, str.format and f-strings with alignment.

TEXT = """It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was the
epoch of incredulity, it was the season of Light, it was the season of Darkness,
it was the spring of hope, it was the winter of despair, we had everything
before us, we had nothing before us, we were all going direct to Heaven, we were
all going direct the other way - in short, the period was so far like the present
period, that some of its noisiest authorities insisted on its being received, for
good or for evil, in the superlative degree of comparison only."""


def words_of(text):
    out = []
    for raw in text.lower().split():
        w = raw.strip(".,;:-!?\"'")
        if w:
            out.append(w)
    return out


words = words_of(TEXT)
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1

print("words:", len(words), "distinct:", len(freq))
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:12]
for rank, (w, n) in enumerate(top, 1):
    bar = "#" * n
    print(f"{rank:>2}. {w:<12}{n:>3} {bar}")

by_len = {}
for w in freq:
    by_len.setdefault(len(w), []).append(w)
for n in sorted(by_len):
    print("{:2d} letters: {}".format(n, ", ".join(sorted(by_len[n])[:6])))

letters = {}
for ch in TEXT.lower():
    if ch.isalpha():
        letters[ch] = letters.get(ch, 0) + 1
total = sum(letters.values())
common = sorted(letters, key=lambda c: letters[c], reverse=True)[:5]
print("letters:", total, " ".join("{}={:.1%}".format(c, letters[c] / total) for c in common))

sentences = [s.strip() for s in TEXT.replace("\n", " ").split(",") if s.strip()]
longest = max(sentences, key=len)
print(f"clauses: {len(sentences)}, longest ({len(longest)} chars): {longest[:40]!r}...")
caps = [w for w in TEXT.split() if w[0].isupper()]
print("capitalized:", caps)
pairs = {}
for a, b in zip(words, words[1:]):
    key = a + " " + b
    pairs[key] = pairs.get(key, 0) + 1
print(sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0]))[:5])
print("{0:*^30}".format(" done "), "{:08.3f}|{:+d}|{:x}|{:,}".format(3.14159, 42, 255, 10**7))
table = [("alpha", 1.5, 10), ("beta", 22.25, 200), ("gamma", 333.125, 3000)]
for name, x, n in table:
    print(f"|{name:^9}|{x:>9.2f}|{n:<6}|{n:>6,}|")
print(" ".join(w.capitalize() for w in "the end of the text".split()).center(30, "~"))
