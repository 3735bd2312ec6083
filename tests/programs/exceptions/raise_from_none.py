def parse(s):
    try:
        return int(s)
    except ValueError:
        raise KeyError(s) from None

print(parse("12"))
try:
    parse("x")
except KeyError as e:
    print(repr(e), e.__cause__, e.__suppress_context__, repr(e.__context__))
parse("bad")
