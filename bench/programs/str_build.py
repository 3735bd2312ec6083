"""Benchmark: string building with +=, str(), join, split, slicing and len."""


def build_concat(n):
    s = ""
    for i in range(n):
        s += str(i % 10)
        if len(s) > 1000:
            s = s[500:]
    return s


def build_join(n):
    parts = []
    for i in range(n):
        parts.append(str(i * 7 % 1000))
    joined = ",".join(parts)
    fields = joined.split(",")
    total = 0
    for f in fields:
        total += len(f)
    return len(joined), len(fields), total


def lines(n):
    out = []
    for i in range(n):
        line = "row " + str(i) + ": " + "x" * (i % 7) + "|" + str(i * i % 97)
        out.append(line)
    text = "\n".join(out)
    longest = 0
    count = 0
    for line in text.split("\n"):
        parts = line.split("|")
        if len(parts[0]) > longest:
            longest = len(parts[0])
        if parts[1] == "0":
            count += 1
    return len(text), longest, count


def main():
    s = build_concat(900000)
    print("str_build", len(s), s[:12], build_join(900000), lines(450000))


main()
