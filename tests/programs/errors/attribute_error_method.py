# 'list' object has no attribute 'bar' (method call).
items = [3, 1, 2]
items.sort()
print(items)
items.reverse()
print(items)
items.extend([9, 8])
print(items, items.index(9))
s = "text"
print(s.upper(), s.find("x"))
items.bar(1)
