s = {1, 2}
print(s)
s.remove(3)
