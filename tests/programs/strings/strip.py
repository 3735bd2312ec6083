# strip, lstrip and rstrip with and without a chars argument.
samples = ["  hello  ", "\t\n x y \n", "xxhixx", "", "   ", "abc", "..a.b..."]
for s in samples:
    print(repr(s), repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print(repr("xxhixx".strip("x")), repr("xxhixx".lstrip("x")), repr("xxhixx".rstrip("x")))
print(repr("..a.b...".strip(".")), repr("abcHELLOcba".strip("abc")), repr("123abc321".strip("321")))
print(repr("www.example.com".strip("cmowz.")), repr("  spaced  ".strip(" s")))
print(repr("aaa".strip("a")), repr("hello".strip("")), repr("hello".rstrip("lo")))
print(repr("hello\n".rstrip("\n")), repr("\r\nline\r\n".strip()), repr("xyz".lstrip("zyx")))
lines = ["  first  ", "second\n", "\tthird\t"]
for ln in lines:
    print("[" + ln.strip() + "]", "[" + ln.lstrip() + "]", "[" + ln.rstrip() + "]")
