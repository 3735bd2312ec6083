# CPython runs comprehensions in their own frame (<setcomp>, <dictcomp>, <listcomp>):
# the traceback has one more entry than tvm's inlined comprehensions give.
values = [1, 2, 0]
inverses = {10 // v for v in values}
