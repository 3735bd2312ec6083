# A tokenizer and a precedence-climbing expression evaluator with variables,
# functions and errors reported through exceptions.
import math


class CalcError(Exception):
    pass


class Token:
    def __init__(self, kind, text, pos):
        self.kind = kind
        self.text = text
        self.pos = pos

    def __repr__(self):
        return "%s:%s" % (self.kind, self.text)


def tokenize(src):
    tokens = []
    i = 0
    while i < len(src):
        c = src[i]
        if c.isspace():
            i += 1
        elif c.isdigit() or c == ".":
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == "."):
                j += 1
            tokens.append(Token("num", src[i:j], i))
            i = j
        elif c.isalpha() or c == "_":
            j = i
            while j < len(src) and (src[j].isalnum() or src[j] == "_"):
                j += 1
            tokens.append(Token("name", src[i:j], i))
            i = j
        elif src.startswith("**", i):
            tokens.append(Token("op", "**", i))
            i += 2
        elif c in "+-*/%(),=":
            tokens.append(Token("op", c, i))
            i += 1
        else:
            raise CalcError("unexpected %r at %d" % (c, i))
    tokens.append(Token("end", "", len(src)))
    return tokens


BINARY = {"+": (1, "L"), "-": (1, "L"), "*": (2, "L"), "/": (2, "L"), "%": (2, "L"), "**": (4, "R")}
FUNCS = {"sqrt": math.sqrt, "abs": abs, "max": max, "min": min, "floor": math.floor}


class Evaluator:
    def __init__(self):
        self.vars = {"pi": math.pi, "e": math.e}

    def run(self, src):
        self.toks = tokenize(src)
        self.i = 0
        if (self.toks[0].kind == "name" and self.toks[1].text == "="):
            name = self.toks[0].text
            self.i = 2
            value = self.expr(0)
            self.vars[name] = value
        else:
            value = self.expr(0)
        if self.peek().kind != "end":
            raise CalcError("trailing input at %d" % self.peek().pos)
        return value

    def peek(self):
        return self.toks[self.i]

    def advance(self):
        t = self.toks[self.i]
        self.i += 1
        return t

    def expr(self, min_prec):
        lhs = self.unary()
        while True:
            t = self.peek()
            if t.kind != "op" or t.text not in BINARY:
                return lhs
            prec, assoc = BINARY[t.text]
            if prec < min_prec:
                return lhs
            self.advance()
            rhs = self.expr(prec + 1 if assoc == "L" else prec)
            lhs = self.apply(t.text, lhs, rhs)

    def unary(self):
        t = self.peek()
        if t.kind == "op" and t.text == "-":
            self.advance()
            return -self.expr(3)
        if t.kind == "op" and t.text == "+":
            self.advance()
            return self.expr(3)
        return self.atom()

    def atom(self):
        t = self.advance()
        if t.kind == "num":
            return float(t.text) if "." in t.text else int(t.text)
        if t.kind == "name":
            if self.peek().text == "(":
                self.advance()
                args = [self.expr(0)]
                while self.peek().text == ",":
                    self.advance()
                    args.append(self.expr(0))
                self.expect(")")
                if t.text not in FUNCS:
                    raise CalcError("unknown function " + t.text)
                return FUNCS[t.text](*args)
            if t.text not in self.vars:
                raise CalcError("unknown variable " + t.text)
            return self.vars[t.text]
        if t.text == "(":
            v = self.expr(0)
            self.expect(")")
            return v
        raise CalcError("unexpected %r at %d" % (t.text, t.pos))

    def expect(self, text):
        t = self.advance()
        if t.text != text:
            raise CalcError("expected %r at %d" % (text, t.pos))

    def apply(self, op, a, b):
        try:
            if op == "+":
                return a + b
            if op == "-":
                return a - b
            if op == "*":
                return a * b
            if op == "/":
                return a / b
            if op == "%":
                return a % b
            return a ** b
        except ZeroDivisionError as e:
            raise CalcError("division by zero") from e


ev = Evaluator()
programs = [
    "1 + 2 * 3", "(1 + 2) * 3", "2 ** 3 ** 2", "-2 ** 2", "7 % 3 + 10 / 4",
    "x = 12", "y = x * 2 + 1", "x * y - 3", "sqrt(16) + abs(-3)", "max(1, x, y, 4)",
    "floor(pi * 1000) / 1000", "2 ** 100", "r = 1.5", "pi * r ** 2", "min(3, 2, 1) - -1",
    "1 / 0", "3 +", "foo + 1", "bar(2)", "(1 + 2", "4 $ 4", "1 2", "10 % 0",
]
for p in programs:
    try:
        print("%-24s => %r" % (p, ev.run(p)))
    except CalcError as e:
        print("%-24s !! %s" % (p, e))
print(tokenize("a1 = (3.5 ** 2) % b_2"))
print(sorted(ev.vars))
total = 0
for i in range(300):
    total += ev.run("(%d * 3 + x) %% 17" % i)
print(total)
