def f():
    def g():
        return total

    print(g.__name__)
    total += 1


f()
