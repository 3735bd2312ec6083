specs = ["", "5", "<5", ">5", "^5", "*^7", "+", "-", " ", "05", "+05", "=+6", "x", "X", "#x", "#o", "#b", "o", "b", "c", ",", "_", "_x", "_b", ",d", "n", "e", ".2e", "E", "f", ".0f", ".3f", "F", "g", ".3g", "G", "%", ".1%", "10.2f", "<10.3e", "010.2f", "+.1f", "z.1f", "#.0f", "#g", ".10g", ".0e"]
ints = [0, 7, -7, 255, 123456789, -2**40, 2**70]
floats = [0.0, -0.0, 1.5, -2.5, 3.14159, 1e-7, 123456.789, 1e20, 0.1, float("inf"), float("nan")]
for spec in specs:
    out = []
    for i in ints:
        if spec in ("c",) and (i < 0 or i > 0x10ffff):
            continue
        if spec in ("z.1f",):
            continue
        out.append(format(i, spec))
    print(repr(spec), out)
for spec in specs:
    if spec in ("x", "X", "#x", "#o", "#b", "o", "b", "c", "_x", "_b", ",d"):
        continue
    print(repr(spec), [format(x, spec) for x in floats])
for spec in ["", "10", "<6", ">6", "^6", "*>4", ".2", "8.3", "s"]:
    print(repr(spec), [format(s, spec) for s in ["", "a", "hello", "naïve"]])
print(format(True, ""), format(False, "d"), format(True, ">6"), format(None, ""), format([1], ""))
print(f"{3.14159:.2f} {42:05d} {'s':>3} {1e6:g} {255:#x} {12345:,} {0.1:.17g} {2**100} {-(2**100):_}")
w, p = 12, 4
print(f"{3.14159265:{w}.{p}f}|{'x':{'>'}{w}}|{7:{'0'}{3}}")
