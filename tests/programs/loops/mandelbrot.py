# ASCII Mandelbrot set with float arithmetic in a tight loop.
chars = " .:-=+*#%@"
rows = []
for py in range(24):
    y0 = (py / 24) * 2.4 - 1.2
    line = ""
    for px in range(64):
        x0 = (px / 64) * 3.5 - 2.5
        x = 0.0
        y = 0.0
        it = 0
        while x * x + y * y <= 4.0 and it < 60:
            xt = x * x - y * y + x0
            y = 2 * x * y + y0
            x = xt
            it += 1
        line += chars[it % len(chars)] if it < 60 else "@"
    rows.append(line)
for r in rows:
    print(r.rstrip())
total = 0
for r in rows:
    total += len(r.strip())
print(total)
