class Frozen:
    def __init__(self):
        self._v = 1

    @property
    def v(self):
        return self._v


f = Frozen()
print(f.v)
f.v = 2
