# Format specs: width, alignment < > ^, fill characters, = alignment.
s = "abc"
n = 42
print(f"[{s:10}]", f"[{s:<10}]", f"[{s:>10}]", f"[{s:^10}]", f"[{s:^9}]", f"[{s:2}]")
print(f"[{n:10}]", f"[{n:<10}]", f"[{n:>10}]", f"[{n:^10}]", f"[{n:=10}]", f"[{-n:=10}]")
print(f"[{s:*<10}]", f"[{s:->10}]", f"[{s:.^10}]", f"[{n:0>6}]", f"[{n:x<6}]", f"[{-n:#=8}]")
print(f"[{n:06}]", f"[{-n:06}]", f"[{n:+06}]", f"[{3.5:08.2f}]", f"[{-3.5:08.2f}]", f"[{'z':0>3}]")
print(f"[{True:>6}]", f"[{None!s:>6}]", f"[{[1, 2]!r:>10}]", f"[{'é':^5}]", f"[{'日本':*^8}]")
table = [("name", "qty", "price"), ("apple", 3, 1.5), ("watermelon", 12, 0.25), ("fig", 100, 12.0)]
for a, b, c in table:
    print(f"|{a:<12}|{b!s:>5}|{c!s:^8}|")
for i in range(1, 6):
    bar = "#" * i
    print(f"{i:>2} {bar:<6}| {bar:>6} | {bar:^7} |")
print(f"{'left':<{8}}|", f"{'right':>{4 + 4}}|")
