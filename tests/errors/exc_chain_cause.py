class ConfigError(Exception):
    def __init__(self, key):
        super().__init__(key)
        self.key = key

    def __str__(self):
        return "missing setting " + repr(self.key)


def lookup(settings, key):
    try:
        return settings[key]
    except KeyError as err:
        raise ConfigError(key) from err


print(lookup({"a": 1}, "a"))
lookup({"a": 1}, "rate")
