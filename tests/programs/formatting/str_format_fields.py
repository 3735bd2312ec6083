print("{} {} {}".format(1, "a", 2.5), "{0} {1} {0}".format("x", "y"), "{a}-{b}".format(a=1, b=2))
print("{0[1]} {0[0]}".format([5, 6]), "{d[k]}".format(d={"k": 9}), "{0[k]}".format({"k": 9}), "{0[0][1]}".format([[1, 2]]))
print("{0.real} {1.imag} {2.start}:{2.stop}".format(3, 2.5, range(4, 8)))
print("{!r} {!s} {!a}".format("é", "é", "é"), "{0!r:>8}|".format("ab"))
print("{:>10}|{:<10}|{:^10}|".format("a", "b", "c"), "{:*^11}".format("mid"))
print("{:{w}.{p}f}".format(3.14159, w=10, p=3), "{:{}}|".format("x", 5), "{0:{1}}".format(42, "08b"))
print("{{}} {{{}}} {{".format(7), "}}{{")
print("{:d}".format(True), "{}".format(None), "{}".format([1, "a"]), "{!s:>6}".format(None))
print("{0}{0}{0}".format("ab"), "a{}b{}c".format(1, 2), "{}".format(""), "".format())
print("{a[0]}{a[1]}".format_map({"a": "xy"}), "{n:03d}".format_map({"n": 7}))
row = "{:<8}{:>6}{:>9.2f}"
for name, qty, price in [("apple", 3, 0.5), ("banana", 12, 0.25), ("kiwi", 100, 1.125)]:
    print(row.format(name, qty, qty * price))
print("{:=+8d}|{:08.3f}|{:+.2e}|{:#x}|{:#o}|{:#b}".format(42, -3.14159, 12345.678, 255, 8, 5))
