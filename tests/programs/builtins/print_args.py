# print with sep, end, several args and no args.
print()
print("a", "b", "c")
print("a", "b", "c", sep="")
print("a", "b", "c", sep=", ")
print("x", end="")
print("y", end="|")
print("z")
print(1, 2, 3, sep="-", end=".\n")
print("no newline", end=" ")
print("then newline")
print(sep="ignored")
print(end="only end\n")
print(None, True, 1.5, [1], (2,), {"3": 4}, sep=" ; ")
print("multi\nline", "tab\there")
print("", "", sep="*")
print("sep None", "ok", sep=None)
print("end None", end=None)
for i in range(5):
    print(i, end=" " if i < 4 else "\n")
row = 0
while row < 3:
    print(row, row * row, row ** 3, sep="\t")
    row += 1
print("unicode: é ü 日本 ✓", "→")
