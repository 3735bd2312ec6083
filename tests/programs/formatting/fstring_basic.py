# f-strings: expressions, repr conversion, nested quotes and braces.
name = "World"
n = 42
pi = 3.14159
items = [1, "two", 3.0]
print(f"Hello, {name}!", f"{n}", f"{n + 1}", f"{n * 2}")
print(f"{name!r}", f"{name!s}", f"{items}", f"{items!r}", f"{items[1]!r}", f"{'it' + chr(39) + 's'!r}")
print(f"{{literal braces}}", f"{{{n}}}", f"{n}{n}", f"", f"{''}", f"{None}", f"{True}")
print(f"{pi}", f"{1 / 3}", f"{2 ** 100}", f"{-0.0}", f"{[1.5, 'a']}", f"{(1,)}", f"{ {'k': 1} }")
d = {"key": "value", "num": 7}
print(f"{d['key']} and {d['num'] * 3}", f"{len(name)} letters", f"{name.upper()} {name[::-1]}")
for i in range(4):
    print(f"row {i}: {i * i} {'even' if i % 2 == 0 else 'odd'} {[i] * i}")
x = 10
y = 3
print(f"{x} / {y} = {x / y}", f"{x} // {y} = {x // y}", f"{x} % {y} = {x % y}")
print(f"a" f"b" f"{x}", "plain" f"{y}", f"multi {x} " f"parts {y}")
s = "tab\there"
print(f"{s}", f"{s!r}", f"{'quote'}", f'{"double"}')
