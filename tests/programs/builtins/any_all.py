# any / all on various iterables including empty ones.
print(any([]), all([]), any([0, 0]), all([1, 1]), any([0, 1]), all([1, 0]))
print(any("abc"), all(""), any(["", None, 0]), all(["a", 1, [0]]), any(range(0)), all(range(1, 4)))
print(any((False, True)), all({"a": 1, "": 2}), any({0: "x"}), all([[], [1]]), any([[], [1]]))
nums = [3, 8, 12, 7]
flags = []
for n in nums:
    flags.append(n > 5)
print(flags, any(flags), all(flags))
evens = []
for n in nums:
    evens.append(n % 2 == 0)
print(any(evens), all(evens))
print(all([True, 1, "x", 2.5]), any([0.0, -0.0, ""]), all(iter([1, 2])), any(iter([])))
