class N:
    def __init__(self):
        self.kids = [self]
    def __repr__(self):
        return "N" + repr(self.kids)
n = N()
print(repr([1, [2]]))
print(n)
