# Which clause matches: hierarchy, tuples, bare except, order, re-raise.
def classify(exc):
    try:
        raise exc
    except ZeroDivisionError:
        return "zero"
    except ArithmeticError:
        return "arith"
    except (KeyError, IndexError) as e:
        return "lookup " + type(e).__name__
    except LookupError:
        return "lookup"
    except Exception as e:
        return "exception " + type(e).__name__
    except:
        return "base"

for e in [ZeroDivisionError, OverflowError("o"), KeyError("k"), IndexError,
          LookupError(), ValueError("v"), TypeError, RuntimeError("r"),
          RecursionError, NotImplementedError, AssertionError, AttributeError,
          NameError, StopIteration, KeyboardInterrupt, SystemExit(3)]:
    print(classify(e))

def unbound_after():
    try:
        1 / 0
    except ZeroDivisionError as err:
        pass
    try:
        return err
    except UnboundLocalError as u:
        return "unbound: " + str(u)
print(unbound_after())

def nested_tuple():
    try:
        raise OverflowError
    except (KeyError, (OverflowError,)):
        return "nested tuple ok"
try:
    nested_tuple()
except TypeError as e:
    print("nested:", e, "/", repr(e.__context__))

print(issubclass(KeyError, LookupError), issubclass(RecursionError, RuntimeError))
print(isinstance(ValueError("x"), Exception), isinstance(KeyboardInterrupt(), Exception))
for e in [ValueError(), ValueError("a"), ValueError("a", 2), KeyError("k"), KeyError()]:
    print(repr(e), str(e), e.args)

def count_errors(items):
    errors = 0
    total = 0
    for x in items:
        try:
            total += 100 // x
        except ZeroDivisionError:
            errors += 1
        except TypeError:
            errors += 10
    return total, errors
print(count_errors([1, 0, 2, "a", 0, 5] * 300))

def reraise_outer():
    try:
        try:
            int("zz")
        except ValueError:
            raise
    except ValueError as e:
        return "outer got " + str(e)
print(reraise_outer())

def raise_in_except_type():
    try:
        try:
            1 / 0
        except undefined_name:
            pass
    except NameError as e:
        return str(e) + " / context: " + repr(e.__context__)
print(raise_in_except_type())
