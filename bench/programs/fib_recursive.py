"""Benchmark: naive doubly-recursive Fibonacci; function call overhead."""


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def main():
    print("fib_recursive", fib(34))


main()
