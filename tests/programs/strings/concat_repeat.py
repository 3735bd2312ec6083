# String concatenation and repetition.
a = "abc"
b = "XYZ"
print(a + b, b + a, a + "" + b, "" + "", a * 3, 3 * b, a * 0, a * -2, "-" * 20)
print((a + b) * 2, a + b * 2, "ab" * 1, len("xy" * 50))
s = ""
for i in range(10):
    s = s + str(i)
    print(s)
line = ""
n = 1
while n < 6:
    line = line + "*" * n + "|"
    n = n + 1
print(line)
word = "ha"
laugh = word * 4 + "!"
print(laugh, len(laugh), laugh[::-1])
print("a" "b" "c", "x" + "y" * 3 + "z", ("=" * 3 + " ") * 3)
print(repr("" * 100), repr("ab" * True))
