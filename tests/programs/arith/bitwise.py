# Bitwise operators on small, negative and big integers.
vals = [0, 1, 5, 12, -1, -6, 255, -256]
for a in vals:
    print(a, ~a, a & 12, a | 12, a ^ 12, a & -4, a | -4, a ^ -4)
print(0b1010 & 0b0110, 0b1010 | 0b0110, 0b1010 ^ 0b0110)
print(0xff & 0x0f, 0xf0 | 0x0f, 0o777 ^ 0o111)
print(~0, ~-1, ~2 ** 10, -~5, ~~7)
big = 2 ** 100 + 2 ** 50 + 7
print(big & (2 ** 64 - 1), big | 1, big ^ big, big & -big)
print(-big & 0xffff, -big | 0xffff, -big ^ 2 ** 100, ~big)
print((2 ** 70 - 1) & -(2 ** 35), (-(2 ** 70)) | (2 ** 69))
print(True & False, True | False, True ^ True, 6 & True)
x = 0
i = 0
while i < 10:
    x = x | (1 << (i * 7))
    print(i, x, x & 0x7f, x ^ (x >> 3))
    i = i + 1
