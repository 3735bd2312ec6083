try:
    for x15 in gen12(0, 0):
        try:
            pass
        except IndexError as e:
            break
        finally:
            n3 -= min([0 for e22 in [0]])
except Exception as e:
    pass
print({})
