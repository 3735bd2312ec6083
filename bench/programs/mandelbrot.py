"""Benchmark: Mandelbrot escape-time counts; pure float arithmetic in a tight loop."""


def mandel(width, height, max_iter):
    total = 0
    inside = 0
    y = 0
    while y < height:
        ci = 2.0 * y / height - 1.0
        x = 0
        while x < width:
            cr = 3.0 * x / width - 2.0
            zr = 0.0
            zi = 0.0
            n = 0
            while n < max_iter:
                zr2 = zr * zr
                zi2 = zi * zi
                if zr2 + zi2 > 4.0:
                    break
                zi = 2.0 * zr * zi + ci
                zr = zr2 - zi2 + cr
                n += 1
            if n == max_iter:
                inside += 1
            total += n
            x += 1
        y += 1
    return total, inside


def main():
    total, inside = mandel(320, 240, 200)
    print("mandelbrot", total, inside)


main()
