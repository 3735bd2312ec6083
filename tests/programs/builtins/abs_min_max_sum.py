# abs, min, max and sum with many argument forms.
print(abs(-5), abs(5), abs(0), abs(-2.5), abs(-0.0), abs(-(2 ** 100)), abs(True), abs(float("-inf")))
print(min(3, 1, 2), max(3, 1, 2), min([4, -1, 7]), max((4, -1, 7)), min("hello"), max("hello"))
print(min([], default="empty"), max([], default=None), min([5], default=0), max(range(0), default=-1))
print(min(1, 1.0), max(1, 1.0), min(1.0, 1), max(2, 2.5, 1), min(-0.0, 0.0), max(0.0, -0.0))
print(max([1, 2], [1, 3]), min("b", "a", "c"), max({"x": 1, "z": 2, "y": 3}), min((3, 1), (2, 9)))
print(max(2 ** 70, 2 ** 64, -(2 ** 80)), min(2 ** 70, 2.5, -1))
print(sum([1, 2, 3]), sum([]), sum([1.5, 2.5]), sum(range(10), 100), sum([0.1] * 10), sum((2 ** 64, 2 ** 64)))
print(sum([[1], [2, 3]], []), sum([(1,), (2,)], ()), sum([1, 2], 0.5), sum([True, True, 2]))
nums = [31, -4, 15, 9, -26, 53, 5]
lo = nums[0]
hi = nums[0]
for n in nums:
    lo = min(lo, n)
    hi = max(hi, n)
    print(n, lo, hi, abs(n), sum(nums[:nums.index(n) + 1]))
print(max(nums) - min(nums), sum(nums) / len(nums))
