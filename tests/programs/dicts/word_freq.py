# Word frequency counting with a dict, then ranking by count.
text = """the quick brown fox jumps over the lazy dog the dog barks
and the fox runs away quick quick the end"""
freq = {}
for word in text.split():
    freq[word] = freq.get(word, 0) + 1
print(freq)
print(len(freq), sum(freq.values()))
ranked = []
for word, n in freq.items():
    ranked.append((-n, word))
ranked.sort()
for neg, word in ranked[:6]:
    print(word, -neg)
letters = {}
for ch in text:
    if ch != " " and ch != "\n":
        letters[ch] = letters.get(ch, 0) + 1
keys = sorted(letters)
line = ""
for k in keys:
    line = line + k + str(letters[k]) + " "
print(line.strip())
