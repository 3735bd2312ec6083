# chr and ord across ASCII and non-ASCII code points.
for c in ["a", "z", "A", "0", " ", "~", "\n", "é", "€", "日", "\U0001F600"]:
    print(repr(c), ord(c), repr(chr(ord(c))))
for n in [65, 97, 48, 32, 126, 0, 127, 128, 255, 256, 1000, 8364, 65535, 128512]:
    print(n, repr(chr(n)))
alpha = ""
for i in range(26):
    alpha = alpha + chr(ord("a") + i)
print(alpha, alpha.upper())
code = 0
for ch in "tvm!":
    code = code * 256 + ord(ch)
print(code, code % 1000, chr(code % 94 + 33))
