# @property with setters and deleters, and property() called directly.
class Circle:
    def __init__(self, r):
        self._r = r
        self.log = []

    @property
    def radius(self):
        self.log.append("get")
        return self._r

    @radius.setter
    def radius(self, value):
        self.log.append("set")
        self._r = max(0, value)

    @radius.deleter
    def radius(self):
        self.log.append("del")
        self._r = 0

    @property
    def area(self):
        return round(3.14159 * self._r * self._r, 3)


c = Circle(2)
print(c.radius, c.area)
c.radius = 5
print(c.radius, c.area)
c.radius = -3
print(c.radius)
del c.radius
print(c.radius, c.log)


class Celsius:
    def __init__(self):
        self._t = 0

    def get_t(self):
        return self._t

    def set_t(self, v):
        self._t = v

    temp = property(get_t, set_t)
    double = property(lambda self: self._t * 2)


x = Celsius()
x.temp = 21
print(x.temp, x.double, x.get_t())
print(type(Celsius.temp).__name__)


class Base:
    @property
    def name(self):
        return "base"


class Derived(Base):
    @property
    def name(self):
        return "derived/" + super().name


print(Base().name, Derived().name)


# A property shadows an instance attribute of the same name.
class Shadow:
    def __init__(self):
        self.__dict__  # touching __dict__ is allowed
        self.v = 1

    @property
    def w(self):
        return self.v * 10


s = Shadow()
print(s.w)
s.v = 4
print(s.w)

# Hot property reads.
total = 0
for i in range(200):
    c.radius = i
    total += c.radius
print(total, len(c.log))
