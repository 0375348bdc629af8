"""Every problem prints as one line, whatever the catalog values and file names it quotes hold.

A value or a file name with a line break could otherwise forge another
``path:line:col`` line in the report, or, under ``--format github``, a workflow
command of its own (``::error::``, ``::add-mask::``…). A Problem keeps its path
and message on one line from the moment it is made (visible escapes: ``\\n``,
``\\u2028``…); its GitHub form then escapes what GitHub's workflow-command
syntax requires, and GitHub's runner reads it back to that same one line.
"""

from __future__ import annotations

import unicodedata

from hypothesis import example, given
from hypothesis import strategies as st

from generator.catalog.errors import Collector, Problem, command_data, command_property, one_line

HIDDEN = ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")


def _runner_unescape(text: str, property_value: bool) -> str:
    """What GitHub's runner does to a command's data and property values (actions/runner ActionCommand.cs)."""
    mappings = [("\r", "%0D"), ("\n", "%0A")] + ([(":", "%3A"), (",", "%2C")] if property_value else []) + [("%", "%25")]
    for token, replacement in mappings:
        text = text.replace(replacement, token)
    return text


def _runner_parse(line: str) -> tuple[str, dict[str, str], str]:
    """A workflow command as the runner reads it: ``::name key=value,key=value::message``."""
    assert line.startswith("::")
    end = line.index("::", 2)
    name, _, props = line[2:end].partition(" ")
    properties = {}
    for pair in filter(None, props.split(",")):
        key, _, value = pair.partition("=")
        properties[key] = _runner_unescape(value, property_value=True)
    return name, properties, _runner_unescape(line[end + 2:], property_value=False)


def _visible(text: str) -> bool:
    return not any(unicodedata.category(c) in HIDDEN for c in text)


TRICKY = "50% xong\r\n::error file=x.yaml,line=1::giả, thật: catalog/x.yaml:1:1: lỗi giả\u2028\u202e"


def test_a_forged_line_stays_inside_its_problem():
    problem = Problem("catalog/a,b:c%d\r\n::error::x.yaml", 3, 7, TRICKY)
    assert str(problem) == ("catalog/a,b:c%d\\r\\n::error::x.yaml:3:7: 50% xong\\r\\n::error file=x.yaml,line=1::giả, thật: "
                            "catalog/x.yaml:1:1: lỗi giả\\u2028\\u202e")
    assert problem.github() == ("::error file=catalog/a%2Cb%3Ac%25d\\r\\n%3A%3Aerror%3A%3Ax.yaml,line=3,col=7::"
                                "50%25 xong\\r\\n::error file=x.yaml,line=1::giả, thật: catalog/x.yaml:1:1: lỗi giả\\u2028\\u202e")
    name, properties, message = _runner_parse(problem.github())
    assert (name, properties, message) == ("error", {"file": problem.path, "line": "3", "col": "7"}, problem.message)


def test_every_maker_of_problems_gets_one_line():
    """Collector (the validators) and modules that make Problem themselves (checks, review, load) alike."""
    out = Collector("catalog/units/x\n.yaml")
    out.error((2, 3), 'giá trị "a\nb" sai')
    out.warn((4, 5), "c\u2029d")
    made = [*out.problems, Problem("catalog/y.yaml", 1, 1, "e\rf\x1b[31m", warning=True)]
    assert [str(p) for p in made] == [
        'catalog/units/x\\n.yaml:2:3: giá trị "a\\nb" sai',
        "catalog/units/x\\n.yaml:4:5: cảnh báo: c\\u2029d",
        "catalog/y.yaml:1:1: cảnh báo: e\\rf\\u001b[31m",
    ]
    assert made[1].github() == "::warning file=catalog/units/x\\n.yaml,line=4,col=5::c\\u2029d"


def test_one_line_shows_what_hides_or_reorders_text():
    assert one_line("a\tb\u200bc\u2066d\u2069\ufeff\U000e0001") == "a\\tb\\u200bc\\u2066d\\u2069\\ufeff\\U000e0001"
    assert one_line("Thủ tục đăng ký khai sinh — 50%") == "Thủ tục đăng ký khai sinh — 50%"
    assert one_line("a\u00a0b") == "a\u00a0b"  # a no-break space hides nothing


@given(st.text(), st.text(), st.integers(0, 10**6), st.integers(0, 10**6), st.booleans())
@example("catalog/x\n.yaml", "a\r\n::error::b%0A,c:d", 1, 1, False)
def test_text_format_is_exactly_one_line(path, message, line, col, warning):
    text = str(Problem(path, line, col, message, warning))
    assert len(text.splitlines()) == 1 and _visible(text)
    assert text.startswith(f"{one_line(path)}:{line}:{col}: ")


@given(st.text(), st.text(), st.integers(0, 10**6), st.integers(0, 10**6), st.booleans())
@example("catalog/a,b:c%25.yaml", "50% :: , : %0A %25", 1, 2, True)
@example("catalog/x\r\n.yaml", "a\r\n::error::b", 1, 1, False)
def test_github_format_round_trips_through_the_runner(path, message, line, col, warning):
    problem = Problem(path, line, col, message, warning)
    command = problem.github()
    assert len(command.splitlines()) == 1 and "\n" not in command and "\r" not in command and _visible(command)
    name, properties, read = _runner_parse(command)
    assert name == ("warning" if warning else "error")
    assert properties == {"file": problem.path, "line": str(line), "col": str(col)}
    assert read == problem.message
    if _visible(path) and _visible(message):  # nothing to show as an escape: the runner reads back the very text
        assert (properties["file"], read) == (path, message)


@given(st.text())
@example("%0A%250D\r\n::,:%")
def test_workflow_command_escaping_is_lossless(text):
    """GitHub's escaping, apart from the one-line display: CR, LF, %, and in properties ':' and ','."""
    data, prop = command_data(text), command_property(text)
    assert "\r" not in data + prop and "\n" not in data + prop and ":" not in prop and "," not in prop
    assert _runner_unescape(data, property_value=False) == text
    assert _runner_unescape(prop, property_value=True) == text
