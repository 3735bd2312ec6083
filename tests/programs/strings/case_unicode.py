for s in ["hello World", "ß straße", "İstanbul", "ǅemal", "ΣΑΣ ΟΔΟΣ", "ﬁsh", "ŉ", "Ⅻ", "ǆ", "I'm ok", "they're bill's friends", "3rd-place 2ND", "ǈ ǉ"]:
    print(repr(s), s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase(), s.casefold())
for s in ["abc", "ABC", "Abc", "aBC", "Abc Def", "Abc def", "123", "a1", "", " ", "ǅ", "Ǆ", "ǆ", "Ⅻ", "ⅻ", "½", "²", "٣", "x²", "a_b", "_1", "1a", "é", "日本", "\t", "\u2028", "a\x00"]:
    print(repr(s), s.isupper(), s.islower(), s.istitle(), s.isalpha(), s.isalnum(), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isspace(), s.isidentifier(), s.isprintable(), s.isascii())
print("Σ".lower(), "ΑΣ".lower(), "ΑΣ1".lower(), "ΑΣ Α".lower(), "Σ.Σ".lower(), "A'Σ'".lower())
