"""Issue 10: reading any file within the size limit is bounded in time and memory.

The worst shapes are parsed in a real child process under a 200 MB address-space limit and a
wall-clock timeout generous enough not to depend on the machine's speed: a shape that blows
up (a dotted key of half a million parts took minutes and gigabytes) fails the test by
timing out or by running out of memory, which the child reports.
"""

from __future__ import annotations

import pytest

from briefcase_tui.domain.tomlio import (
    MAX_KEY_PARTS,
    MAX_PIECES,
    check_toml_shape,
    parse_toml,
)
from briefcase_tui.errors import BriefcaseError
from tests.limits import run_shape_in_child

MEMORY_LIMIT = 200 * 1024 * 1024
WALL_SECONDS = 20

CHILD = """
import json, resource, sys, time
from briefcase_tui.domain.tomlio import MAX_TOML_BYTES as N, parse_toml
from briefcase_tui.errors import BriefcaseError

def fill(unit, head="", tail=""):
    return head + unit * ((N - len(head) - len(tail)) // len(unit)) + tail

SHAPES = {
    "one long dotted key": lambda: "a" + ".a" * (N // 2 - 4) + "=1\\n",
    "many dotted keys": lambda: "".join(f"k{i}" + ".a" * 31 + "=1\\n" for i in range(N // 80)),
    "deep arrays": lambda: fill("[", "a="),
    "deep inline tables": lambda: fill("{b=", "a="),
    "a huge array": lambda: fill("1,", "a=[", "]\\n"),
    "empty inline tables": lambda: fill("{},", "a=[", "]\\n"),
    "table headers": lambda: "".join(f"[t{i}]\\n" for i in range(N // 9))[:N],
    "keys": lambda: "".join(f"k{i}=1\\n" for i in range(N // 10)),
    "comment lines": lambda: fill("#\\n"),
    "empty strings": lambda: fill('"",', "a=[", "]\\n"),
    "escapes": lambda: fill("\\\\n", 'a="', '"\\n'),
    "one long line": lambda: fill("x", 'a="', '"\\n'),
}
text = SHAPES[sys.argv[1]]()
assert len(text.encode()) <= N
started = time.perf_counter()
try:
    parse_toml(text, "worst.toml")
    outcome = "read"
except BriefcaseError as error:
    outcome = error.message
except MemoryError:
    outcome = "out of memory"
def peak_mb():
    # VmHWM, not ru_maxrss: Linux carries the forking parent's peak (a big pytest worker)
    # into ru_maxrss across exec, which would measure the test runner, not this child.
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

print(json.dumps({
    "outcome": outcome,
    "seconds": time.perf_counter() - started,
    "peak_mb": peak_mb(),
}))
"""

SHAPES = [
    "one long dotted key",
    "many dotted keys",
    "deep arrays",
    "deep inline tables",
    "a huge array",
    "empty inline tables",
    "table headers",
    "keys",
    "comment lines",
    "empty strings",
    "escapes",
    "one long line",
]


@pytest.mark.parametrize("shape", SHAPES)
def test_the_worst_shapes_at_the_size_limit_are_read_or_refused_within_bounds(shape: str) -> None:
    report = run_shape_in_child(
        CHILD, shape, memory=MEMORY_LIMIT, seconds=WALL_SECONDS, doing="parsing"
    )
    assert report["outcome"] not in ("out of memory", "invalid TOML: too large to parse"), report
    assert report["peak_mb"] < MEMORY_LIMIT / (1024 * 1024), report


def test_a_dotted_key_longer_than_the_limit_is_refused_in_our_words() -> None:
    ok = "a" + ".a" * (MAX_KEY_PARTS - 1) + " = 1\n"
    assert parse_toml(ok, "f.toml")
    with pytest.raises(BriefcaseError, match=f"more than {MAX_KEY_PARTS} parts") as refused:
        parse_toml("[x]\n" + "a" + " . a" * MAX_KEY_PARTS + " = 1\n", "f.toml")
    assert str(refused.value).startswith("f.toml: ")


def test_long_dotted_keys_are_found_wherever_they_stand_among_plain_lines() -> None:
    long_key = " . ".join(["k"] * (MAX_KEY_PARTS + 1))
    plain = 'title = "x"\nsize = 3\n' * 200
    for shape in (
        f"{plain}[{long_key}]\n",
        f"{plain}[[items]]\n{plain}t = {{ a = 1, {long_key} = 2 }}\n",
        f"{plain}t = [\n  {{ a = 1 }},{long_key} = 2\n]\n",
    ):
        with pytest.raises(BriefcaseError, match=f"more than {MAX_KEY_PARTS} parts"):
            check_toml_shape(shape, "f.toml")


def test_the_parts_of_dotted_keys_count_as_pieces_between_lines_without_dots() -> None:
    headers = "".join(f'[[a{n}.b.c.d]]\nx = ""\n' for n in range(MAX_PIECES // 5 + 1))
    with pytest.raises(BriefcaseError, match="too many keys, values and tables"):
        check_toml_shape(headers, "f.toml")


def test_too_many_pieces_are_refused_but_dots_commas_and_braces_in_text_do_not_count() -> None:
    with pytest.raises(BriefcaseError, match="too many keys, values and tables"):
        check_toml_shape("a = [" + "1," * MAX_PIECES + "]\n", "f.toml")
    prose = "a.b.c, {d} = e" * MAX_PIECES
    text = f'note = """{prose}"""\nquote = "{prose}"\nraw = \'{prose}\'\n# {prose}\n'
    assert parse_toml(text, "f.toml")["quote"] == prose
