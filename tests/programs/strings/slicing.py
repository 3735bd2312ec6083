# String slicing with steps, negative steps and out-of-range bounds.
s = "0123456789"
print(s[2:5], s[:3], s[7:], s[:], s[-3:], s[:-3], s[-5:-2])
print(s[::2], s[1::2], s[::-1], s[::-2], s[8:2:-1], s[8:2:-3], s[2:8:-1])
print(s[100:], s[-100:], s[:100], s[5:100], s[-100:3], s[3:1], s[-1:-5])
print(s[::3], s[::-3], s[10::-1], s[-1::-4], s[:-11:-1], s[5::-1], s[:5:-1])
print(repr(s[5:5]), repr(s[9:0]), s[0:10:9], s[-2:], s[1:-1])
word = "racecar"
print(word == word[::-1], "python"[::-1], "python"[1:4], "python"[-2:])
for start in range(-3, 4):
    print(start, s[start:], s[:start], s[start::2])
text = "the quick brown fox"
pos = 0
while pos < len(text):
    print(repr(text[pos:pos + 5]))
    pos = pos + 5
print("héllo wörld"[1:8], "héllo wörld"[::-1])
