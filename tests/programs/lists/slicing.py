# List slicing: steps, negative steps, out-of-range bounds; slices are copies.
a = list(range(10))
print(a[2:5], a[:3], a[7:], a[-3:], a[:-3], a[::2], a[1::2], a[::-1], a[::-3])
print(a[8:2:-2], a[2:8:-1], a[100:], a[-100:2], a[3:3], a[5:100:2], a[-1:-11:-1])
b = a[:]
b[0] = 99
print(a[0], b[0], a == b, b[:1] + a[1:] == b)
t = (10, 20, 30, 40, 50)
print(t[1:3], t[::-1], t[::2], t[4:0:-2], t[10:], t[:-10], t[-2:])
for step in [1, 2, 3, -1, -2, -4]:
    print(step, a[::step], a[1:9:step], a[9:1:step])
m = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print(m[1:], m[::-1], m[0][::-1], m[-1][1:])
print("".join(["x", "y", "z"][::-1]), list("abcdef")[1::2])
