def load():
    from nosuch_pkg import thing
    return thing


print("loading")
load()
