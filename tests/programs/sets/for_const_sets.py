# `for x in {constants}` iterates CPython's frozenset constant, whose order can differ
# from the set a display builds; both are mirrored.
print({5, 17, 33, 81, 2}, [x for x in {5, 17, 33, 81, 2}], {x for x in {5, 17, 33, 81, 2}})
for x in {64, 32, 0, 96, 8, 16}:
    print(x, end=" ")
print()
for x in {-1, -9, 7, 15, 23, 31, 39}:
    print(x, end=" ")
print()
print([x * 2 for x in {9, 1}], [y for y in {3, 11, 19, 27, 35} if y > 10])
print({k: k % 5 for k in {40, 24, 8, 16, 0}})
total = 0
for x in {1.5, 2.5, 0.25}:
    total += x
print(total, 17 in {5, 17, 33}, 18 not in {5, 17, 33})
