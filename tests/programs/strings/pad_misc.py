for w in [0, 3, 6, 7, 10]:
    print(repr("abc".center(w)), repr("abc".center(w, "*")), repr("ab".center(w, "-")), repr("abc".ljust(w, ".")), repr("abc".rjust(w)))
print("42".zfill(6), "-42".zfill(6), "+42".zfill(6), "abc".zfill(2), "".zfill(3), "-".zfill(3), "12.5".zfill(7))
print(repr("a\tb\tc".expandtabs()), repr("ab\tc\nd\te".expandtabs(4)), repr("\t".expandtabs(0)), repr("x\ty".expandtabs(1)))
table = str.maketrans("abc", "xyz", "d")
print("aabbccdd".translate(table), "hello".translate({ord("l"): "L", ord("o"): None}), sorted(table.items()))
print(str.lower("ABC"), str.upper("x"), str.join("-", ["p", "q"]), sorted(["b", "C", "a"], key=str.lower))
print(list(map(str.strip, [" a ", "b "])), dict.fromkeys("ab", 1))
print("é".encode if False else "ok", ord("é"), chr(0x1F600), ascii("é日😀"), repr("tab\there"), repr("q'\""))
print("abc" * 3, 2 * "xy", "a" * 0, "ab" * -1, "abc"[::-1], "abcdef"[1:5:2], "héllo"[::-1])
print("abc" < "abd", "abc" < "ab", "Z" < "a", "é" > "z", max("hello"), min("hello"), sorted("hello"))
text = "the cat sat on the mat"
freq = {}
for ch in text:
    if ch.isalpha():
        freq[ch] = freq.get(ch, 0) + 1
print(sorted(freq.items()), max(freq, key=freq.get))
