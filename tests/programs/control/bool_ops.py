# and / or / not return operands and short-circuit.
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or "x", "" or [] or 0, "a" and "b" and "c")
print([] and 1, [0] and 1, 0.0 or -0.0, None and 1, not 0, not [], not "x", not None)
print(0 or None, False or 0, "" and 1, (1, 2) or 3, {} or {"a": 1})
def side(tag, value):
    print("  side", tag)
    return value
print(side("a", 0) and side("b", 1))
print(side("c", 1) and side("d", 2))
print(side("e", 0) or side("f", 0) or side("g", 3) or side("h", 4))
print(not side("i", 5) or side("j", 6))
x = 5
print(x > 3 and x < 10, x > 3 and "big", x < 3 or "small?", not x == 5)
print(True and False or True, True or False and False, not True or True, not (True or True))
vals = [0, 1, "", "s", None, [], [0], 0.0, 2.5]
for v in vals:
    print(repr(v), bool(v), v or "default", v and "set")
name = ""
display = name or "anonymous"
print(display)
