# if / elif / else chains and nested ifs.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n % 2 == 0:
        if n > 100:
            return "big even"
        return "even"
    else:
        if n > 100:
            return "big odd"
        else:
            return "odd"
for n in [-5, 0, 1, 2, 101, 102, 7, -0]:
    print(n, classify(n))
x = 15
if x % 15 == 0:
    print("fizzbuzz")
if x > 10: print("one-line if")
if x < 10:
    print("not printed")
elif x < 20:
    print("elif branch")
if []:
    print("empty list is true?")
else:
    print("empty list is false")
if "0":
    print("non-empty string is true")
if not None:
    print("None is false")
for i in range(1, 16):
    if i % 15 == 0:
        print("FizzBuzz")
    elif i % 3 == 0:
        print("Fizz")
    elif i % 5 == 0:
        print("Buzz")
    else:
        print(i)
