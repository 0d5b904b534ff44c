# typing against CPython: annotations evaluated at run time, subscripted
# aliases and their reprs, TypeVar, Generic subclassing, cast, NamedTuple, errors
from typing import (List, Dict, Tuple, Set, Optional, Union, Callable, Any, TypeVar, Generic,
                    cast, TYPE_CHECKING, Iterable, Iterator, Sequence, Mapping, NamedTuple, overload,
                    FrozenSet, Type, NewType, ClassVar, Literal, get_args, get_origin)
import typing

if TYPE_CHECKING:
    import nonexistent_module

T = TypeVar('T')
K = TypeVar('K', str, bytes)
V_co = TypeVar('V_co', covariant=True)
print(T, K, V_co, T.__name__, K.__constraints__)

def total(xs: List[int], scale: Optional[float] = None) -> int:
    return sum(xs) * (scale or 1)

def apply(f: Callable[[int], str], xs: Iterable[int]) -> Dict[str, List[int]]:
    out: Dict[str, List[int]] = {}
    for x in xs:
        out.setdefault(f(x), []).append(x)
    return out

print(total([1, 2, 3]), total([1], 2.5), apply(lambda x: 'odd' if x % 2 else 'even', range(5)))
print(List[int], Dict[str, List[int]], Tuple[int, ...], Tuple[()], Set[str], FrozenSet[int])
print(Optional[int], Union[int, str], Union[int, None], Union[int], Union[int, Union[str, float]], Union[int, int, str])
print(Callable[[int, str], bool], Callable[..., Any], Any, List, Type[int], Sequence[T], Mapping[K, V_co])
print(ClassVar[int], Literal['a', 1], Iterator[Tuple[int, str]])
print(Optional[int] == Union[int, None], List[int] == List[int], List[int] == List[str], Union[int, str] == Union[str, int])
print(get_origin(List[int]) is list, get_args(Dict[str, int]), get_args(int), get_origin(int))
print(cast(int, 'not really'), cast(List[int], [1]))

class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []
    def push(self, item: T) -> None:
        self.items.append(item)
    def pop(self) -> T:
        return self.items.pop()

s = Stack[int]()
s.push(1)
s.push(2)
print(s.pop(), s.items, isinstance(s, Stack), Stack.__name__)

class Pair(Generic[K, T]):
    def __init__(self, k: K, v: T):
        self.k, self.v = k, v
print(Pair('a', 1).v)

UserId = NewType('UserId', int)
print(UserId(5), UserId.__name__)

Point = NamedTuple('Point', [('x', int), ('y', int)])
p = Point(1, 2)
print(p, p.x + p.y, Point._fields)

@overload
def f(x: int) -> int: ...
def f(x):
    return x
print(f(3))

for bad in (lambda: List[int, str], lambda: Dict[int], lambda: List(), lambda: Union[()],
            lambda: Callable[int, str], lambda: Generic[int], lambda: Optional[int, str],
            lambda: TypeVar('X', int), lambda: Any[int]):
    try:
        print(bad())
    except TypeError as e:
        print('TypeError', e)
class Emp(NamedTuple):
    name: str
    id: int = 3
    tags: List[str] = []
    def label(self):
        return '%s#%d' % (self.name, self.id)
e = Emp('ann')
print(e, e.label(), Emp('bo', 5), e._replace(id=9), Emp._fields, isinstance(e, tuple), e[0])
print(Emp._field_defaults)
try:
    class Bad(NamedTuple):
        a: int = 1
        b: int
except TypeError as e:
    print(e)
