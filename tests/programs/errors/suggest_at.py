class A:
    def __init__(self):
        self.value = 1
    def method(self): pass
a = A()
try:
    a.valeu
except AttributeError as e:
    print(e, e.name, e.obj is a)
[].apend
