# finally bodies are compiled once per way out (normal, exception, return, break,
# continue); nested scopes inside them (comprehensions, lambdas, generator
# expressions, functions) must work in every copy.
def f(xs):
    out = []
    for x in xs:
        try:
            if x == 2:
                continue
            if x == 4:
                break
            if x == 3:
                return out
            out.append(1 // (x - 1))
        except ZeroDivisionError:
            out.append("zero")
        finally:
            out.append([y * x for y in range(2)])
            out.append((lambda z: z + x)(10))
            out.append(sum(y for y in range(x)))
            def g():
                return {x: [x]}
            out.append(g())
    return out

print(f([0, 1, 2, 5, 4]))
print(f([3]))
try:
    f([1, "a"])
except TypeError as e:
    print("TypeError", e)
