# list.sort and sorted(), with reverse, on ints, floats, strings and tuples.
nums = [5, -3, 8, 0, 2.5, -7.25, 10, 3, 3]
s1 = sorted(nums)
print(s1, nums)
nums.sort()
print(nums)
nums.sort(reverse=True)
print(nums)
words = ["pear", "Apple", "fig", "banana", "apple", "cherry"]
words.sort()
print(words)
print(sorted(words, reverse=True))
pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "a"), (0, "q")]
pairs.sort()
print(pairs)
print(sorted([[3, 1], [2, 9], [3, 0], [2]]))
print(sorted("hello world"), sorted((3, 1, 2)), sorted({"b": 1, "a": 2}), sorted(range(5), reverse=True))
print(sorted([]), sorted([1]), sorted([True, False, 0, 1, -1]))
big = []
x = 17
for i in range(30):
    x = (x * 1103515245 + 12345) % 2147483648
    big.append(x % 1000)
print(big)
big.sort()
print(big)
r = big.sort(reverse=True)
print(r, big[:5], big[-5:])
print(sorted([2 ** 70, -(2 ** 70), 0, 2 ** 64, 1.5]))
