# repr of strings: quote choice and escaping.
print(repr("plain"), repr("it's"), repr('say "hi"'), repr("both ' and \""))
print(repr(""), repr("'"), repr('"'), repr("\\"), repr("a\\b"), repr("tab\there"))
print(repr("line1\nline2"), repr("cr\r"), repr("\x00\x01\x7f"), repr("bell\x07"))
print(repr("é"), repr("日本"), repr("\u200b"), repr("emoji \U0001F600"), repr("\xa0"))
print(["it's", 'a"b', "x\ny", "ü"], ("tab\t",), {"k'ey": "v\"al"})
print(str("it's"), "x\ty", "back\\slash")
items = ["a", "b'c", 'd"e', "f\\g", "h\ni"]
for it in items:
    print(len(it), repr(it), len(repr(it)))
print(repr(repr("a")), repr(str(1.5)), repr(str([1, "x"])))
print("%r and %s" % ("it's", "it's"), repr("\x1b[0m"), repr("\x9f"), repr("\ud7ff"))
