# Nested replacement fields inside format specs: {x:{w}} and {x:{w}.{p}f}.
v = 3.14159
for w in [4, 8, 12]:
    for p in [0, 2, 4]:
        print(f"[{v:{w}.{p}f}]", end=" ")
    print()
fill = "*"
align = "^"
width = 11
print(f"[{'mid':{fill}{align}{width}}]", f"[{42:{'0'}>{6}}]", f"[{'x':{'<'}{3}}]")
cols = [("a", 3), ("bbbb", 6), ("cc", 4)]
line = ""
for text, w in cols:
    line = line + f"{text:>{w}}|"
print(line)
fmt = ".3e"
print(f"{12345.678:{fmt}}", f"{0.000123:{fmt}}")
for n in range(1, 6):
    print(f"{n:>{n}}", f"{'#' * n:<{6}}|", f"{n * 1.5:{n + 4}.{n - 1}f}|")
