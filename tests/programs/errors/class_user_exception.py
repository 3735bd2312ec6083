class ValidationError(ValueError):
    def __init__(self, field, problem):
        super().__init__(problem)
        self.field = field

    def __str__(self):
        return f"{self.field}: {self.args[0]}"


def check(age):
    if age < 0:
        raise ValidationError("age", "must be non-negative")
    return age


print(check(5))
check(-1)
