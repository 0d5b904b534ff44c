# __init_subclass__: called on the nearest base that defines it when a
# subclass is made, implicitly a class method; super().__init_subclass__()
# reaches object's, which does nothing.

registry = []


class Plugin:
    def __init_subclass__(cls):
        super().__init_subclass__()
        registry.append(cls.__name__)
        cls.tag = cls.__name__.lower()


class Alpha(Plugin):
    pass


class Beta(Plugin):
    pass


class Gamma(Beta):       # through Beta, Plugin's again
    pass


print(registry, Alpha.tag, Gamma.tag, hasattr(Plugin, "tag"))


class Counted:
    count = 0

    @classmethod
    def __init_subclass__(cls):
        Counted.count += 1


class One(Counted):
    def __init_subclass__(cls):        # its own, for its subclasses
        cls.marked = True


class Two(One):
    pass


print(Counted.count, Two.marked, hasattr(One, "marked"))


class Strict:
    def __init_subclass__(cls):
        if not hasattr(cls, "required"):
            raise TypeError(cls.__name__ + " lacks 'required'")


try:
    class Bad(Strict):
        pass
except TypeError as e:
    print("TypeError", e)


class Good(Strict):
    required = 1


print(Good.required, Strict.__init_subclass__ is not None)
