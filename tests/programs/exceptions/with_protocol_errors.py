class A:
    def __enter__(self): return 1
try:
    with A() as x: pass
except TypeError as e: print(e)
class B:
    def __exit__(self, *a): pass
try:
    with B() as x: pass
except TypeError as e: print(e)
try:
    with 5: pass
except TypeError as e: print(e)
