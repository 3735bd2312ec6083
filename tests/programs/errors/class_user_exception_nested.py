class Parser:
    class Error(Exception):
        pass

    def parse(self, s):
        if not s:
            raise Parser.Error("empty input")
        return s


print(Parser().parse("x"))
Parser().parse("")
