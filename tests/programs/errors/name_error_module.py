# NameError at module level after deleting a variable.
widget_total = 3
print("widget_total is", widget_total)
widget_total += 4
print("now", widget_total)
del widget_total
print("deleted")
x = 1
print(x)
print(widget_total)
print("unreachable")
