# del of dict keys and insertion order after deletion and re-insertion.
d = {}
for i in range(8):
    d["k" + str(i)] = i * i
print(d)
del d["k3"]
del d["k0"]
print(d)
d["k3"] = "back"
d["k0"] = "again"
print(d)
d["k5"] = "updated in place"
print(list(d), d)
for k in list(d.keys()):
    if d[k] == 1 or d[k] == 49:
        del d[k]
print(d)
n = {1: "a", 2: "b"}
n.pop(1)
n[1] = "c"
print(n, list(n.items()))
x = 5
y = [x, x]
del x
del y[0]
print(y)
