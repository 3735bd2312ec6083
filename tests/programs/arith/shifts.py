# Left and right shifts, including big results and negative operands.
for s in [0, 1, 2, 7, 31, 32, 63, 64, 65, 100]:
    print(s, 1 << s, 3 << s, -1 << s, (1 << s) >> s)
for v in [1000, -1000, 2 ** 80, -(2 ** 80), 7, -7, -1]:
    print(v, v >> 1, v >> 3, v >> 10, v >> 100, v << 3)
print(-1 >> 1, -2 >> 1, -3 >> 1, 5 >> 0, 0 << 1000 == 0)
n = 12345678901234567890123
count = 0
while n:
    n = n >> 5
    count = count + 1
print("chunks", count)
x = 1
for i in range(8):
    x = (x << 9) | i
    print(i, x, x >> (i * 4))
print(True << 3, 1 << True)
