"""Type stubs for winerr: libwinerr for Python."""
from enum import IntEnum
from typing import Iterable, Iterator, List, NamedTuple, Optional, Tuple, Union, final

__version__: str

class Kind(IntEnum):
    OTHER = 0
    WIN32 = 1
    HRESULT = 2
    NTSTATUS = 3
    BUGCHECK = 4
    SQL = 5

@final
class Entry:
    """One (name, value, table) row: immutable, hashable, picklable."""
    @property
    def value(self) -> int: ...
    @property
    def name(self) -> str: ...
    @property
    def table(self) -> str: ...
    @property
    def kind(self) -> Kind: ...
    @property
    def text(self) -> Optional[str]: ...
    def __hash__(self) -> int: ...
    def __eq__(self, other: object) -> bool: ...

class HResultBits(NamedTuple):
    severity: int
    reserved: int
    customer: int
    nt: int
    reserved_x: int
    facility: int
    facility_name: Optional[str]
    code: int

class NTStatusBits(NamedTuple):
    severity: int
    severity_name: str
    customer: int
    nt: int
    facility: int
    facility_name: Optional[str]
    code: int

class FollowUp(NamedTuple):
    value: int
    relation: str

class Decoded(NamedTuple):
    value: int
    hresult: HResultBits
    ntstatus: NTStatusBits
    follow: Tuple[FollowUp, ...]

class Table(NamedTuple):
    name: str
    entries: int

class Hit(Tuple[int, int, int, List[Entry]]):
    """(line, column, value, entries); the other fields are attributes only."""
    @property
    def line(self) -> int: ...
    @property
    def column(self) -> int: ...
    @property
    def value(self) -> int: ...
    @property
    def entries(self) -> List[Entry]: ...
    @property
    def match(self) -> Union[str, bytes]: ...
    @property
    def form(self) -> str: ...
    @property
    def relations(self) -> Tuple[str, ...]: ...
    @property
    def main(self) -> int: ...
    @property
    def total(self) -> int: ...

def lookup(x: Union[int, str, bytes], /, *, strict: bool = ...) -> List[Entry]: ...
def decode(v: Union[int, str, bytes]) -> Decoded: ...
def search(words: Union[str, bytes]) -> List[Entry]: ...
def names(substring: Union[str, bytes]) -> List[Entry]: ...
def tables() -> List[Table]: ...
def entries() -> List[Entry]: ...
def annotate(lines: Iterable[Union[str, bytes]], *, strict: bool = ...) -> Iterator[Hit]: ...
