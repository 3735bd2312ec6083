# Single inheritance, overriding, super() with zero and two arguments.
class Animal:
    kind = "animal"

    def __init__(self, name):
        self.name = name

    def speak(self):
        return "..."

    def describe(self):
        return f"{self.name} the {self.kind} says {self.speak()}"


class Dog(Animal):
    kind = "dog"

    def speak(self):
        return "woof"


class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age

    def speak(self):
        return super().speak() + "!" * self.age

    def describe(self):
        return super(Puppy, self).describe() + f" (age {self.age})"


class Cat(Animal):
    kind = "cat"

    def __init__(self, name, lives=9):
        Animal.__init__(self, name)
        self.lives = lives

    def speak(self):
        return "meow"


for a in [Animal("generic"), Dog("rex"), Puppy("bit", 3), Cat("tom")]:
    print(a.describe())

p = Puppy("pip", 2)
print(p.name, p.age, p.kind, isinstance(p, Dog), isinstance(p, Cat))
print(Puppy.__mro__)
print(Puppy.__bases__, Dog.__base__, Animal.__bases__)
print(issubclass(Puppy, Animal), issubclass(Animal, Puppy), issubclass(Cat, Cat))


class Base:
    def __init__(self):
        self.log = ["Base"]

    def hook(self):
        return "base-hook"

    def run(self):
        return self.hook()


class Mid(Base):
    def __init__(self):
        super().__init__()
        self.log.append("Mid")


class Leaf(Mid):
    def __init__(self):
        super().__init__()
        self.log.append("Leaf")

    def hook(self):
        return "leaf-hook/" + super().hook()


leaf = Leaf()
print(leaf.log, leaf.run(), Mid().run())


# super() inside a nested function and a comprehension of a method.
class Greeter:
    def greet(self, who):
        return "hello " + who


class LoudGreeter(Greeter):
    def greet(self, who):
        def inner():
            return super(LoudGreeter, self).greet(who).upper()

        return inner()

    def greet_all(self, names):
        return [Greeter.greet(self, n) for n in names]


g = LoudGreeter()
print(g.greet("bob"), g.greet_all(["x", "y"]))


# Classmethods through super.
class Shape:
    @classmethod
    def make(cls):
        return cls.__name__ + "()"


class Square(Shape):
    @classmethod
    def make(cls):
        return "square:" + super().make()


print(Square.make(), Square().make(), Shape.make())
