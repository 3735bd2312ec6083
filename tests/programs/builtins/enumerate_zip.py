# enumerate (with start) and zip (uneven lengths, several iterables).
fruits = ["apple", "banana", "cherry"]
for i, f in enumerate(fruits):
    print(i, f)
for i, f in enumerate(fruits, 1):
    print(i, f)
for i, c in enumerate("xyz", start=-2):
    print(i, c)
print(list(enumerate("ab")), list(enumerate([], 5)), list(enumerate(range(3), 100)))
nums = [1, 2, 3, 4]
letters = "abc"
print(list(zip(nums, letters)), list(zip()), list(zip(nums)), list(zip(nums, letters, [True, False])))
for n, l in zip(nums, letters):
    print(n, l, l * n)
a = [1, 2, 3]
b = [10, 20, 30]
dot = 0
for x, y in zip(a, b):
    dot += x * y
print("dot", dot)
pairs = list(zip(a, b))
print(pairs, dict(zip(letters, nums)))
for i, (x, y) in enumerate(zip(a, b)):
    print(i, x, y, x + y)
