# str.split (whitespace, explicit separator, maxsplit) and str.join.
s = "  the quick   brown\tfox\njumps  "
print(s.split())
print(s.split(" "))
print("a,b,,c,".split(","), "a,b,,c,".split(",", 1), "a,b,,c,".split(",", 2))
print("one two three four".split(None, 2), "one two three".split(" ", 0))
print("".split(), "".split(","), "   ".split(), "abc".split("b"), "aXXbXXc".split("XX"))
print("a b c".split(maxsplit=1), "x-y-z".split(sep="-"), "x-y-z".split("-", maxsplit=1))
words = ["alpha", "beta", "gamma"]
print(",".join(words), " ".join(words), "".join(words), "--".join(["x"]), repr("-".join([])))
print("".join(["a", "b", "c"]), ", ".join(("1", "2", "3")), "+".join("abc"))
line = "name=bob;age=42;city=paris"
for part in line.split(";"):
    kv = part.split("=")
    print(kv[0], "->", kv[1])
csv = "1,2,3\n4,5,6\n7,8,9"
total = 0
for row in csv.split("\n"):
    cells = row.split(",")
    for c in cells:
        total = total + int(c)
    print(cells, total)
print("|".join("a b  c".split(" ")), "/".join("path/to//file".split("/")))
