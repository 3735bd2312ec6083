# Lots of output, then a TypeError from calling len() on an int.
for i in range(20):
    print("line", i, "x" * i)
lengths = []
for w in ["a", "bb", "ccc"]:
    lengths.append(len(w))
print(lengths, sum(lengths))
value = 12345
print("value", value, str(value), len(str(value)))
print(len(value))
