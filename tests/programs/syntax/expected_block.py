# A def without an indented body.
print("never printed")
items = [3, 1, 2]
items.sort()
def empty():
print(items)
total = 0
for i in items:
    total += i
print(total)
