# String comparison is lexicographic by code point.
words = ["banana", "Apple", "apple", "cherry", "apple pie", "", "Zebra", "äpfel", "a"]
for a in words:
    row = ""
    for b in words:
        if a < b:
            row = row + "<"
        elif a == b:
            row = row + "="
        else:
            row = row + ">"
    print(repr(a), row)
print(sorted(words))
print(sorted(words, reverse=True))
print(max(words), min(words), "abc" < "abcd", "abd" > "abcd", "B" < "a", "10" < "9")
print("a" * 3 == "aaa", "abc" != "ABC", "abc" <= "abc" < "abd")
