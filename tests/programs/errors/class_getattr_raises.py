class Lazy:
    def __getattr__(self, name):
        raise AttributeError(f"Lazy has no {name}")


print(hasattr(Lazy(), "x"))
Lazy().x
