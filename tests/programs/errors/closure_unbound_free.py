def outer():
    def inner():
        return payload_total

    print("calling inner early")
    inner()
    payload_total = 1


outer()
