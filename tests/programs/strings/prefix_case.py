# startswith, endswith (incl. tuples and ranges), upper, lower.
names = ["apple.py", "Banana.txt", "cherry.PY", "date", "eggplant.py", "_fig.rs"]
for n in names:
    print(n, n.startswith("a"), n.endswith(".py"), n.lower().endswith(".py"), n.upper(), n.lower())
print("hello".startswith(("x", "he")), "hello".endswith(("lo", "z")), "hello".startswith(""))
print("hello".startswith("ell", 1), "hello".endswith("ell", 0, 4), "hello".startswith("hello world"))
print("MiXeD 123 ÄÖü".upper(), "MiXeD 123 ÄÖü".lower(), "".upper(), "straße".upper())
count = 0
for w in "The Quick brown Fox jumps Over the lazy Dog".split():
    if w[0] == w[0].upper():
        count = count + 1
        print("capitalized", w, w.lower(), w.upper())
print("count", count)
print("abc" < "abd", "ABC".lower() == "abc", "x".upper() + "Y".lower())
