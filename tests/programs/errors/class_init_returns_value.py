class Bad:
    def __init__(self):
        self.x = 1
        return self.x


Bad()
