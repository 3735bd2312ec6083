def f(x):
    try:
        return 10 // x
    except ZeroDivisionError as e:
        print("caught", e, type(e).__name__)
        return -1
    finally:
        print("finally", x)

print(f(2), f(0))

for i in range(5):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print("body", i)
    finally:
        print("fin", i)
else:
    print("no")

def g():
    try:
        raise ValueError("bad")
    except (TypeError, ValueError) as e:
        print("got", repr(e), e.args)
    try:
        try:
            [][1]
        except KeyError:
            print("wrong")
        else:
            print("else?")
    except IndexError as e:
        print("outer", e)
    try:
        x = 1
    except Exception:
        pass
    else:
        print("else", x)
g()

try:
    try:
        1/0
    except ZeroDivisionError:
        raise
except ArithmeticError as e:
    print("re", e)

def h(n):
    total = 0
    for i in range(n):
        try:
            total += 10 // (i % 3)
        except ZeroDivisionError:
            total -= 1
    return total
print(h(1000))
try:
    raise KeyError("k") from ValueError("v")
except KeyError as e:
    print(repr(e.__cause__), e.__suppress_context__)
try:
    try:
        1/0
    except Exception:
        {}["x"]
except KeyError as e:
    print(repr(e.__context__))
try:
    e
except NameError as ne:
    print(ne)
def k():
    try:
        return "try"
    finally:
        return "finally"
print(k())
def m():
    for i in range(3):
        try:
            try:
                return i
            finally:
                print("inner fin")
        finally:
            print("outer fin")
print(m())
try:
    raise
except RuntimeError as e:
    print(e)
try:
    raise TypeError
except TypeError as e:
    print(repr(e))
try:
    try:
        pass
    except 5:
        pass
    1/0
except 5:
    pass
