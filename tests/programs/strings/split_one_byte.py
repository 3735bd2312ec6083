# split by a one-byte ASCII separator (its own fast path), with maxsplit, empty
# pieces and non-ASCII text around the separator.
for s in ["a,b,,c", ",", "", "abc", "é,ü,,→", ",x,", "a|b|c|d"]:
    for sep in [",", "|"]:
        print(repr(s), sep, s.split(sep), s.split(sep, 1), s.split(sep, 0), s.split(sep, -1), s.split(sep, maxsplit=2))
print("a,b".split(sep=","))
