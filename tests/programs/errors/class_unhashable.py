class K:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return self.v == other.v


print(K(1) == K(1))
d = {K(1): "one"}
