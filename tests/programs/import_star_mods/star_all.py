# a module with __all__: only those names are exported by `import *`
__all__ = ['shown', 'Helper', '_private_but_listed']
shown = 'shown'
hidden = 'hidden'
_private_but_listed = 'listed'


class Helper:
    def twice(self, v):
        return 2 * v
