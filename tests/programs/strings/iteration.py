# Iterating over strings and building new ones.
s = "Mississippi"
counts = {}
for ch in s:
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
vowels = 0
for ch in "Programming Language":
    if ch in "aeiouAEIOU":
        vowels = vowels + 1
print("vowels", vowels)
rev = ""
for ch in "stressed":
    rev = ch + rev
print(rev)
for i, ch in enumerate("abc"):
    print(i, ch)
caesar = ""
for ch in "hello world":
    if ch == " ":
        caesar = caesar + ch
    else:
        caesar = caesar + chr((ord(ch) - ord("a") + 3) % 26 + ord("a"))
print(caesar)
print(list("hey"), tuple("ab"), sorted("banana"), "".join(sorted("banana")))
