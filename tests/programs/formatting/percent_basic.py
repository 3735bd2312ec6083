# %-formatting: d s r, width, flags, tuples and single values.
print("%d" % 42, "%d" % -42, "%5d|" % 42, "%-5d|" % 42, "%05d" % 42, "%+d" % 42, "%+d" % -42)
print("%s" % "str", "%s" % 1.5, "%s" % [1, "a"], "%r" % "str", "%r" % [1, "a"], "%s" % None)
print("%10s|" % "right", "%-10s|" % "left", "%.3s" % "truncate", "%5.2s|" % "abc")
print("%d items cost %s" % (3, "cheap"), "%s-%s-%s" % (1, 2, 3), "100%%", "%d%%" % 50)
print("%i" % 7, "%d" % 3.99, "%d" % True, "%s" % True, "%d" % (2 ** 70), "%d" % -(2 ** 65))
print("%x" % 255, "%X" % 255, "%o" % 8, "%#x" % 255, "%#o" % 8, "%08x" % 48879, "%x" % -255)
print("% d" % 5, "% d" % -5, "%c" % 65, "%c" % "z", "%3c|" % "q")
print("%(name)s is %(age)d" % {"name": "Ann", "age": 30})
rows = [("apple", 3, 0.5), ("banana", 12, 0.25), ("kiwi", 100, 1.125)]
for name, qty, price in rows:
    print("%-8s %4d %6.2f %s" % (name, qty, price, "*" * (qty // 10)))
print("%s" % (1,), "%s" % ((1, 2),), "%r" % ("it's",))
width = 7
print("%*d|" % (width, 5), "%-*d|" % (width, 5), "%.*f" % (2, 3.14159))
