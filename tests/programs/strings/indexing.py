# Indexing strings with positive and negative indexes.
s = "Hello, World"
print(len(s), s[0], s[1], s[-1], s[-2], s[len(s) - 1], s[-len(s)])
i = 0
while i < len(s):
    print(i, s[i], s[-i - 1], repr(s[i]))
    i = i + 2
for ch in "abc":
    print(ch, ch * 2, ord(ch))
alpha = "abcdefghijklmnopqrstuvwxyz"
out = ""
for k in range(0, 26, 5):
    out = out + alpha[k] + alpha[-k - 1]
print(out)
print("xyz"[2], "xyz"[-3], "q"[0], "ümlaut"[0], "日本語"[1], len("日本語"))
