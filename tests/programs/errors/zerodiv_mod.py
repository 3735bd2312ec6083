# Modulo by zero in a loop body.
total = 0
mods = [7, 5, 3, 1, 0, 9]
print("mods", mods)
for m in mods:
    total += 100 % m
    print("m", m, "total", total)
    if total > 1000:
        break
print("done", total)
print("unreachable")
