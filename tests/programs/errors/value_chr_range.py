# chr() arg not in range(0x110000).
print(chr(65), chr(8364), chr(0x1F600) == "\U0001F600")
codes = [72, 105, 33]
out = ""
for c in codes:
    out += chr(c)
print(out)
print(ord(chr(1000)))
n = 1114111
print(repr(chr(n)))
print(chr(n + 1))
