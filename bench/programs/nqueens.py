"""Benchmark: N-queens backtracking; recursion with default args and bool lists."""


def solve(n, row, cols, diag1, diag2, count=0):
    if row == n:
        return count + 1
    for c in range(n):
        d1 = row + c
        d2 = row - c + n - 1
        if cols[c] or diag1[d1] or diag2[d2]:
            continue
        cols[c] = True
        diag1[d1] = True
        diag2[d2] = True
        count = solve(n, row + 1, cols, diag1, diag2, count)
        cols[c] = False
        diag1[d1] = False
        diag2[d2] = False
    return count


def queens(n):
    return solve(n, 0, [False] * n, [False] * (2 * n - 1), [False] * (2 * n - 1))


def main():
    results = []
    for n in range(4, 12):
        results.append(queens(n))
    print("nqueens", results, queens(12))


main()
