# raise SystemExit(n) behaves like sys.exit(n).
def main():
    print("main")
    raise SystemExit(4)


main()
