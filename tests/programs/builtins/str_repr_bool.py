# str(), repr(), bool() on every basic type.
vals = [0, -12, 2 ** 80, 1.5, -0.0, 1e-7, True, None, "s", "it's", [1, "a"], (1,), {"k": "v"}, range(3), ""]
for v in vals:
    print(str(v), repr(v), bool(v), len(str(v)), len(repr(v)))
print(str(), repr(""), bool(), str(str("x")), repr(repr("x")))
print(str(1) + str(2), repr(1) + repr("2"), str([None, True]), repr([None, True]))
print(str(1 / 3), repr(2.0), str(10 ** 20), str(-(10 ** 20)), str(1e20), str(1e21))
print(bool("False"), bool("0"), bool(0.0), bool([[]]), bool({}), bool(range(0)))
nested = [1, [2, ("three", {"four": 4.0})]]
s = str(nested)
r = repr(nested)
print(s == r, s)
print(len(s), s[5:15], s.find("four"))
text = ""
for v in [1, 2.0, "3", None]:
    text = text + str(v) + "/" + repr(v) + " "
print(text)
