# unhashable type: 'list' used as a dict key.
d = {}
d[(1, 2)] = "tuple ok"
d[1] = "int ok"
d["s"] = "str ok"
d[2.5] = "float ok"
d[None] = "none ok"
print(d)
print(len(d), d[(1, 2)])
print(hash((1, 2)) == hash((1, 2)))
d[[1, 2]] = "list fails"
