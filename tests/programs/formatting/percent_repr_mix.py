# Mixing %-formatting with repr of containers and special strings.
data = {"name": "it's", "vals": [1, 2.5, None], "t": (1,)}
print("%s" % data)
print("%r" % (data,))
print("%s|%r" % ("a\nb", "a\nb"))
print("%s %s %s" % ([], (), {}))
print("[%5s] [%-5s] [%5r]" % ("é", "日本", "x"))
for k in data:
    print("%-6s -> %r" % (k, data[k]))
print("%d/%d = %.3f" % (22, 7, 22 / 7))
line = ""
for i in range(3):
    line = line + "%02d:%s;" % (i, "x" * i)
print(line)
