# TypeError raised inside a function called with keyword args.
def fmt(value, width=5, fill=" "):
    s = str(value)
    return fill * (width - len(s)) + s
print(fmt(42))
print(fmt(7, width=3, fill="0"))
print(fmt("abc", fill="."))
print(fmt(123456))
print(fmt(value=1, width=2))
print(fmt(7, fill=0))
