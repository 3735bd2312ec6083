# list.index of a missing value.
colors = ["red", "green", "blue"]
print(colors.index("green"))
print(colors.index("blue"))
colors.append("green")
print(colors, colors.index("green"), colors.index("green", 2))
for c in colors:
    print(c, colors.index(c))
print("purple" in colors)
print(colors.index("purple"))
