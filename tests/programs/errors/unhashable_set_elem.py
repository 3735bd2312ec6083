ok = {1, (2, 3)}
print(ok)
bad = {[1], 2}
