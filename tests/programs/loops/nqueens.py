# N-queens counting by backtracking with lists.
def solve(n):
    cols = [False] * n
    d1 = [False] * (2 * n)
    d2 = [False] * (2 * n)
    count = 0
    stack = [(0, 0)]
    placed = [0] * n
    row = 0
    col = 0
    while True:
        if row == n:
            count += 1
            row -= 1
            col = placed[row]
            cols[col] = False
            d1[row + col] = False
            d2[row - col + n] = False
            col += 1
            continue
        while col < n and (cols[col] or d1[row + col] or d2[row - col + n]):
            col += 1
        if col < n:
            placed[row] = col
            cols[col] = True
            d1[row + col] = True
            d2[row - col + n] = True
            row += 1
            col = 0
        else:
            row -= 1
            if row < 0:
                break
            col = placed[row]
            cols[col] = False
            d1[row + col] = False
            d2[row - col + n] = False
            col += 1
    return count
for n in range(1, 9):
    print(n, solve(n))
