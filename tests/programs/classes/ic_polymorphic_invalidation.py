# Inline caches: polymorphic load/store sites over several classes, and invalidation
# when a class or a base changes (methods, class attributes, properties, __setattr__).
class A:
    def m(self): return "A.m"
    x = 1
class B(A):
    pass
class C(A):
    def m(self): return "C.m"

def f(o): return o.m(), o.x
objs = [A(), B(), C(), B(), A()]
for o in objs: print(f(o))
A.x = 2
for o in objs: print(f(o))
def nm(self): return "new"
A.m = nm
for o in objs: print(f(o))
B.x = 5
for o in objs: print(f(o))
del A.x
for o in objs:
    try: print(f(o))
    except AttributeError as e: print("AE", e)
class P:
    def __init__(self): self.v = 1
def g(o): return o.v
def s(o, val): o.v = val
ps = [P() for _ in range(3)]
for p in ps: s(p, 3); print(g(p))
P.v = property(lambda self: 99, lambda self, val: print("set", val))
for p in ps: s(p, 4); print(g(p))
del P.v
for p in ps: s(p, 7); print(g(p))
# polymorphic stores over many classes
class Base:
    def setit(self, v): self.a = v
    def getit(self): return self.a
classes = [type("K%d" % i, (Base,), {}) for i in range(7)]
insts = [k() for k in classes for _ in range(2)]
for r in range(3):
    for i, o in enumerate(insts): o.setit(i * r)
    print([o.getit() for o in insts])
classes[3].setit = lambda self, v: setattr(self, "b", v)
for i, o in enumerate(insts): o.setit(-i)
print([(o.getit(), getattr(o, "b", None)) for o in insts])
class S:
    def __setattr__(self, k, v): print("setattr", k, v); object.__setattr__(self, k, v)
class T(S): pass
t = T()
def st(o): o.z = 1
st(t); st(t)
o = P(); st(o); st(o); print(o.z)
S.__setattr__ = object.__setattr__
st(t); print(t.z)
d = P(); d.__dict__; d.q = 5; print(d.q); st(d); print(d.z, d.__dict__)
