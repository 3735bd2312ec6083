def f():
    try:
        return 1 / 0
    finally:
        print("finally ran")

def g():
    try:
        f()
    except ZeroDivisionError:
        print("first")
        raise

g()
