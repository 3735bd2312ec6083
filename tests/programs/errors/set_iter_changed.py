s = {1, 2, 3}
it = iter(s)
print(next(it))
s.add(4)
print(next(it))
