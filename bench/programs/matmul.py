"""Benchmark: dense matrix multiply on lists of lists of floats."""


def make_matrix(n, seed):
    m = []
    x = seed
    for i in range(n):
        row = []
        for j in range(n):
            x = (x * 1103515245 + 12345) % 2147483648
            row.append((x % 1000) / 1000.0 - 0.5)
        m.append(row)
    return m


def matmul(a, b, n):
    c = []
    for i in range(n):
        ai = a[i]
        row = [0.0] * n
        for k in range(n):
            aik = ai[k]
            bk = b[k]
            for j in range(n):
                row[j] += aik * bk[j]
        c.append(row)
    return c


def trace(m, n):
    t = 0.0
    for i in range(n):
        t += m[i][i]
    return t


def main():
    n = 200
    a = make_matrix(n, 42)
    b = make_matrix(n, 7)
    c = matmul(a, b, n)
    d = matmul(c, a, n)
    print("matmul", trace(c, n), trace(d, n), sum(d[n - 1]))


main()
