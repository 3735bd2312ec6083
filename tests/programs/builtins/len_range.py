# len() on all sized types and range with 1, 2, 3 arguments.
print(len(""), len("abc"), len([]), len([1, [2, 3]]), len(()), len((1,)), len({}), len({1: 2, 3: 4}))
print(len(range(10)), len(range(3, 10)), len(range(0, 10, 3)), len(range(10, 0, -3)), len(range(5, 5)))
print(range(5), range(2, 5), range(0, 10, 2), range(10, 0, -1), range(-5, -1), range(0))
print(list(range(5)), list(range(2, 5)), list(range(0, 10, 3)), list(range(10, 0, -3)))
print(list(range(-3)), list(range(5, 2)), list(range(-10, -2, 2)), list(range(3, -4, -2)))
r = range(1, 20, 4)
print(r[0], r[-1], r[2], len(r), r[1:3], r[::-1], r[::2], list(r[::-1]))
print(range(0, 3) == range(0, 3), list(range(2 ** 64, 2 ** 64 + 3)), len(range(2 ** 40)))
for i in range(3, 0, -1):
    print("count", i)
for i in range(-2, 3):
    print(i, end=" ")
print()
total = 0
for i in range(1, 101):
    total += i
print(total, sum(range(101)), type(range(1)), repr(range(1, 2, 3)))
print(min(range(4, 9)), max(range(4, 9)), sorted(range(3), reverse=True), 7 in range(0, 10, 7))
