# '<' not supported between instances of 'str' and 'int'.
items = [3, 1, 2]
items.sort()
print(items)
print(sorted(items, reverse=True), max(items), min(items))
items.append(0)
print(items, sorted(items))
print(1 < 2.5, "a" < "b", [1] < [2])
items.append("four")
print(items)
items.sort()
