# A recursive-descent JSON parser and serializer with a custom exception type
# for syntax errors, reported with positions via try/except.


class ParseError(Exception):
    def __init__(self, msg, pos):
        Exception.__init__(self, msg + " at position " + str(pos))
        self.pos = pos


class Parser:
    def __init__(self, text):
        self.text = text
        self.pos = 0

    def error(self, msg):
        raise ParseError(msg, self.pos)

    def peek(self):
        self.skip_ws()
        if self.pos < len(self.text):
            return self.text[self.pos]
        return ""

    def skip_ws(self):
        while self.pos < len(self.text) and self.text[self.pos] in " \t\n\r":
            self.pos += 1

    def expect(self, ch):
        if self.peek() != ch:
            self.error("expected '%s'" % ch)
        self.pos += 1

    def parse(self):
        value = self.value()
        if self.peek() != "":
            self.error("trailing data")
        return value

    def value(self):
        c = self.peek()
        if c == "{":
            return self.obj()
        if c == "[":
            return self.arr()
        if c == '"':
            return self.string()
        if c == "-" or c.isdigit():
            return self.number()
        for word, val in (("true", True), ("false", False), ("null", None)):
            if self.text.startswith(word, self.pos):
                self.pos += len(word)
                return val
        self.error("unexpected character %r" % c if c else "unexpected end")

    def obj(self):
        self.expect("{")
        result = {}
        if self.peek() == "}":
            self.pos += 1
            return result
        while True:
            if self.peek() != '"':
                self.error("expected key")
            key = self.string()
            self.expect(":")
            result[key] = self.value()
            c = self.peek()
            self.pos += 1
            if c == "}":
                return result
            if c != ",":
                self.pos -= 1
                self.error("expected ',' or '}'")

    def arr(self):
        self.expect("[")
        items = []
        if self.peek() == "]":
            self.pos += 1
            return items
        while True:
            items.append(self.value())
            c = self.peek()
            self.pos += 1
            if c == "]":
                return items
            if c != ",":
                self.pos -= 1
                self.error("expected ',' or ']'")

    def string(self):
        self.expect('"')
        out = []
        escapes = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "/": "/"}
        while True:
            if self.pos >= len(self.text):
                self.error("unterminated string")
            c = self.text[self.pos]
            self.pos += 1
            if c == '"':
                return "".join(out)
            if c == "\\":
                e = self.text[self.pos]
                self.pos += 1
                if e == "u":
                    out.append(chr(int(self.text[self.pos:self.pos + 4], 16)))
                    self.pos += 4
                elif e in escapes:
                    out.append(escapes[e])
                else:
                    self.error("bad escape")
            else:
                out.append(c)

    def number(self):
        start = self.pos
        if self.text[self.pos] == "-":
            self.pos += 1
        while self.pos < len(self.text) and (self.text[self.pos].isdigit() or self.text[self.pos] in ".eE+-"):
            self.pos += 1
        s = self.text[start:self.pos]
        try:
            if "." in s or "e" in s or "E" in s:
                return float(s)
            return int(s)
        except ValueError:
            raise ParseError("bad number " + s, start)


def dump(v, indent=0):
    pad = "  " * indent
    if isinstance(v, dict):
        if not v:
            return "{}"
        parts = [pad + "  " + '"%s": %s' % (k, dump(v[k], indent + 1)) for k in sorted(v)]
        return "{\n" + ",\n".join(parts) + "\n" + pad + "}"
    if isinstance(v, list):
        return "[" + ", ".join(dump(x, indent) for x in v) + "]"
    if isinstance(v, str):
        return '"' + v.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
    if v is True:
        return "true"
    if v is False:
        return "false"
    if v is None:
        return "null"
    return repr(v)


def depth(v):
    if isinstance(v, dict):
        return 1 + max([depth(x) for x in v.values()] + [0])
    if isinstance(v, list):
        return 1 + max([depth(x) for x in v] + [0])
    return 0


doc = """
{"name": "tvm", "version": [0, 1, 0], "fast": true, "ratio": -1.5e3,
 "tags": ["jit", "python", "tracing"], "nested": {"a": {"b": {"c": [1, [2, [3, null]]]}}},
 "escaped": "line\\nbreak \\"quoted\\" \\u0041BC", "empty": {}, "none": []}
"""
data = Parser(doc).parse()
print(dump(data))
print("depth", depth(data), "keys", len(data))

big = "[" + ",".join('{"id": %d, "sq": %d, "name": "item%d"}' % (i, i * i, i) for i in range(300)) + "]"
items = Parser(big).parse()
print(len(items), sum(it["sq"] for it in items), items[-1]["name"])

bad_docs = ['{"a": 1,}', "[1, 2", '{"a" 1}', "tru", '"abc', "[1, 2] x", "-", '{"x": [1, 2, }']
for bad in bad_docs:
    try:
        Parser(bad).parse()
        print("parsed?!", bad)
    except ParseError as e:
        print("error:", e, "| pos", e.pos)

roundtrip = Parser(dump(data)).parse()
print(roundtrip == data)
