# Missing required positional argument, several frames deep.
def area(width, height):
    return width * height
def describe(w):
    print("describing", w)
    return area(w)
def main():
    print(area(2, 3))
    print(describe(5))
main()
