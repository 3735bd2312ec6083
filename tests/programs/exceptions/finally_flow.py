# return/break/continue through finally blocks, nested try statements.
log = []

def ret_in_try():
    try:
        log.append("try")
        return 1
    finally:
        log.append("finally")

def ret_value_kept():
    x = 10
    try:
        return x
    finally:
        x = 20
        log.append(x)

def finally_overrides():
    try:
        raise ValueError("lost")
    finally:
        return "override"

def break_in_finally():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            break
    return i

def continue_in_try(n):
    out = []
    for i in range(n):
        try:
            if i % 2:
                continue
            out.append(i)
        finally:
            out.append(-i)
    return out

def nested(n):
    res = []
    for i in range(n):
        try:
            try:
                if i == 2:
                    raise IndexError("two")
                if i == 3:
                    return res
                res.append(i)
            finally:
                res.append("f1")
        except IndexError as e:
            res.append(str(e))
        finally:
            res.append("f2")
    return res

def while_loop():
    i = 0
    while True:
        try:
            i += 1
            if i > 4:
                break
            if i % 2 == 0:
                continue
        finally:
            log.append(("w", i))
    return i

print(ret_in_try(), log)
print(ret_value_kept(), log)
print(finally_overrides())
print(break_in_finally())
print(continue_in_try(6))
print(nested(5))
print(while_loop(), log)

def exc_in_finally():
    try:
        1 / 0
    finally:
        print("cleanup runs")

try:
    exc_in_finally()
except ZeroDivisionError as e:
    print("caught after finally:", e)

def handler_return():
    try:
        {}[1]
    except KeyError:
        return "from handler"
    finally:
        print("fin after handler")
print(handler_return())

def loop_handler_break():
    for i in range(10):
        try:
            [][i]
        except IndexError:
            if i == 3:
                break
            continue
    return i
print(loop_handler_break())
