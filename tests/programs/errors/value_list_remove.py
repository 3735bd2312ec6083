# list.remove of a missing value.
nums = [1, 2, 3, 2]
print(nums)
nums.remove(2)
print(nums)
nums.remove(2)
print(nums)
nums.remove(1)
print(nums, len(nums))
print(2 in nums)
nums.remove(2)
