# str.find and str.replace, plus in / not in for substrings.
s = "the cat sat on the mat with the hat"
print(s.find("the"), s.find("at"), s.find("dog"), s.find(""), s.find("the", 1), s.find("t", 30))
print(s.find("hat"), s.find("the", 5, 20), s.find("at", -10), "".find(""), "".find("a"))
print(s.replace("the", "a"))
print(s.replace("at", "og", 2))
print(s.replace(" ", ""), s.replace("", "-")[:20], "aaaa".replace("aa", "b"), "abc".replace("x", "y"))
print("cat" in s, "dog" in s, "" in s, "the" not in s, "z" not in s, "t h" in s)
pos = s.find("at")
while pos != -1:
    print("found 'at' at", pos, repr(s[pos - 1:pos + 2]))
    pos = s.find("at", pos + 1)
t = "banana"
print(t.replace("a", "o"), t.replace("an", "AN", 1), t.replace("na", ""), t.replace("banana", "x"))
print("a\tb\tc".replace("\t", "    "), "x".replace("x", "xx").replace("xx", "xxx"))
