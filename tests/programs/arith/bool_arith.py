# Booleans are ints: arithmetic, comparisons and printing.
t = True
f = False
print(t, f, t + t, t - f, t * 7, f * 7, t / 2, t // 2, -t, ~t, ~f)
print(t == 1, f == 0, t == True, t != False, t > f, f < t)
print(int(t), int(f), float(t), str(t), repr(f), bool(0), bool(1), bool(-3))
print(True + 0.5, 3 - True, True ** 10, 2 ** True, divmod(True, 2))
print(sum([True, True, False, True]), max(False, True), min(True, 0))
count = 0
for x in [3, -1, 0, 8, 12, -7, 5]:
    count = count + (x > 0)
    print(x, x > 0, count)
print(type(t), type(t + t), type(t & t), type(t | 1), type(t ^ f))
print(t & f, t | f, t ^ t, f ^ t, not t, not f, not not t)
print(abs(t), abs(-t), isinstance(t, int), isinstance(1, bool))
print(True == 1 == 1.0, False < True < 2)
