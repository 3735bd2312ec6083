# is / is not with None, and None as default and sentinel.
def find(seq, target):
    i = 0
    for v in seq:
        if v == target:
            return i
        i += 1
    return None
for t in [3, 7, 1]:
    r = find([1, 2, 3], t)
    if r is None:
        print(t, "not found")
    else:
        print(t, "at", r, r is not None)
x = None
print(x is None, x is not None, None is None, x == None, type(None), repr(None), str(None))
def nothing():
    pass
def implicit():
    return
print(nothing(), implicit(), nothing() is None, implicit() is None)
results = [None, 0, False, "", None]
n = 0
for v in results:
    if v is None:
        n += 1
print("nones", n)
print([None], (None,), {None: None}, None or "dflt")
