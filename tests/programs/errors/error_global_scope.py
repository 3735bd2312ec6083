# NameError for a name that is only assigned locally in another function.
def setup():
    helper_value = 10
    print("setup made", helper_value)
    return helper_value
def use():
    return helper_value * 2
result = setup()
print(result)
print("calling use")
print(use())
