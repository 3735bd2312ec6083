# Building strings in loops: concatenation, join, and repetition.
s = ""
for i in range(2000):
    s += str(i % 10)
print(len(s), s[:30], s[-10:])
parts = []
for i in range(1000):
    parts.append(str(i * i))
joined = ",".join(parts)
print(len(joined), joined[:40], joined[-20:])
pyramid = []
for i in range(1, 8):
    pyramid.append(" " * (7 - i) + "*" * (2 * i - 1))
print("\n".join(pyramid))
rle = ""
src = "aaabccddddde" * 50
i = 0
while i < len(src):
    j = i
    while j < len(src) and src[j] == src[i]:
        j += 1
    rle += src[i] + str(j - i)
    i = j
print(len(rle), rle[:40])
rev = ""
for ch in "The quick brown fox":
    rev = ch + rev
print(rev, rev.upper(), rev.replace(" ", "_"))
