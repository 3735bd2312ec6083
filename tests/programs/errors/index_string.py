# string index out of range.
s = "hello"
for i in range(len(s)):
    print(i, s[i], s[-i - 1])
print(s[1:100], s[-100:2], repr(s[5:]))
print(s[-5], s[4])
def char_at(text, k):
    return text[k]
print(char_at(s, 0))
print(char_at(s, len(s)))
