"""Read one YAML file into plain Python values plus the line and column of every value.

The registries are untrusted input (pull requests from outside the municipality), so
this reader builds the tree itself from PyYAML's event stream instead of `yaml.load`:
no recursion (deep nesting cannot crash it), no anchors or aliases (no alias bombs),
no custom tags (no `!!python/...`), duplicate keys are errors instead of being dropped,
and every value keeps its position for the editor's error messages.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TypeAlias

import yaml

from .problems import Problem

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_resolver = yaml.resolver.Resolver()
_constructor = yaml.constructor.SafeConstructor()

MAX_BYTES = 5_000_000
MAX_DEPTH = 20

_DUPLICATE = object()  # the key of a value that is dropped because its key came twice
Path: TypeAlias = tuple[object, ...]  # ("partners", 3, "name"): keys and list indexes from the document root


@dataclass
class Tree:
    """A parsed document: its value, and where each value (and each mapping key) starts."""

    value: object
    places: dict[Path, tuple[int, int]] = field(default_factory=dict)
    key_places: dict[Path, tuple[int, int]] = field(default_factory=dict)
    duplicates: list[tuple[Path, str]] = field(default_factory=list)  # (path, message), not fatal

    def place(self, path: Path) -> tuple[int, int]:
        """Line and column (1-based) of the key or value at `path`, or of its nearest ancestor."""
        for end in range(len(path), -1, -1):
            sub = tuple(path[:end])
            if sub in self.key_places:
                return self.key_places[sub]
            if sub in self.places:
                return self.places[sub]
        return (1, 1)


class YamlProblem(Exception):
    def __init__(self, problem: Problem):
        super().__init__(problem.message)
        self.problem = problem


def read_tree(raw: bytes, file: str) -> Tree:
    """Decode and parse `raw`; raise YamlProblem (with its place) on anything unsafe or broken."""
    text = _decode(raw, file)
    try:
        return _build(yaml.parse(text, Loader=Loader), file)
    except yaml.MarkedYAMLError as err:
        raise YamlProblem(_syntax_problem(err, file, text)) from None
    except yaml.YAMLError as err:  # unmarked errors (rare): still the editor's problem, not ours
        raise YamlProblem(Problem(file, 1, 1, None, None, f"the YAML cannot be read ({err})")) from None


def _decode(raw: bytes, file: str) -> str:
    if len(raw) > MAX_BYTES:
        raise YamlProblem(
            Problem(
                file,
                1,
                1,
                None,
                None,
                f"the file is {len(raw):,} bytes, more than the limit of {MAX_BYTES:,}"
                " — split it or remove what does not belong in a registry",
            )
        )
    if raw.startswith(b"\xef\xbb\xbf"):
        raise YamlProblem(
            Problem(
                file, 1, 1, None, None, "the file starts with a byte-order mark (BOM) — save it as UTF-8 without BOM"
            )
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        col = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        raise YamlProblem(
            Problem(
                file,
                line,
                col,
                None,
                None,
                f"byte 0x{raw[err.start]:02x} is not UTF-8 — save the file as UTF-8 (å, ä and ö must be UTF-8)",
            )
        ) from None
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        raise YamlProblem(
            Problem(
                file,
                1,
                1,
                None,
                None,
                "the file is empty — undo the change that emptied it (on GitHub: the file's History)",
            )
        )
    return text


def _place(event: yaml.Event) -> tuple[int, int]:
    mark = event.start_mark  # the parser always sets it; the stubs allow None
    return (mark.line + 1, mark.column + 1) if mark else (1, 1)


_Raise: TypeAlias = Callable[[yaml.Event, str], "YamlProblem"]


@dataclass(slots=True)
class _Frame:
    """An open mapping or list while the events are read: where it is, and the key read last."""

    container: dict[object, object] | list[object]
    path: Path
    pending_key: object = None


def _scalar(event: yaml.ScalarEvent, problem: _Raise) -> object:
    if event.tag not in (None, "!"):
        raise problem(event, f"the tag {event.tag} is not allowed — remove it and write plain text")
    # types-PyYAML leaves Resolver.resolve unannotated; it returns the tag, a str
    tag: str = _resolver.resolve(yaml.ScalarNode, event.value, event.implicit)  # type: ignore[no-untyped-call]
    node = yaml.ScalarNode(tag, event.value)
    try:
        return _constructor.construct_object(node)
    except (ValueError, yaml.constructor.ConstructorError):
        return event.value  # e.g. 2022-13-01: kept as text; the model says what a date looks like
    finally:
        _constructor.constructed_objects.pop(node, None)  # else every scalar ever read stays in memory


def _build(events: Iterable[yaml.Event], file: str) -> Tree:
    def problem(event: yaml.Event, message: str) -> YamlProblem:
        line, col = _place(event)
        return YamlProblem(Problem(file, line, col, None, None, message))

    tree = Tree(None)
    stack: list[_Frame] = []
    documents = 0
    for event in events:
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise problem(event, "a second document (---) in one file — keep one document per registry file")
            continue
        if isinstance(event, yaml.AliasEvent):
            raise problem(event, f"the alias *{event.anchor} is not allowed — write the value out in full")
        if isinstance(event, yaml.NodeEvent) and event.anchor:
            raise problem(event, f"the anchor &{event.anchor} is not allowed — remove it and write values out in full")
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            if len(stack) >= MAX_DEPTH:
                raise problem(event, f"the data is nested more than {MAX_DEPTH} levels deep — check the indentation")
            if event.tag not in (None, "!"):
                raise problem(event, f"the tag {event.tag} is not allowed — remove it")
            container: dict[object, object] | list[object] = {} if isinstance(event, yaml.MappingStartEvent) else []
            path = _attach(tree, stack, container, event, problem)
            stack.append(_Frame(container, path))
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            stack.pop()
        elif isinstance(event, yaml.ScalarEvent):
            _attach(tree, stack, _scalar(event, problem), event, problem)
    return tree


def _attach(tree: Tree, stack: list[_Frame], value: object, event: yaml.Event, problem: _Raise) -> Path:
    """Put `value` where it belongs (root, list item, mapping key or value); return its path."""
    place = _place(event)
    if not stack:
        tree.value = value
        tree.places[()] = place
        return ()
    frame = stack[-1]
    container, path = frame.container, frame.path
    if isinstance(container, list):
        sub = path + (len(container),)
        container.append(value)
    elif frame.pending_key is None:  # this value is a key
        if not isinstance(value, str):
            if isinstance(value, (dict, list)):
                raise problem(event, "a field name must be a simple word — check the indentation")
            value = str(value).lower() if isinstance(value, bool) else str(value)
        if value in container:
            first, line = tree.key_places[path + (value,)][0], place[0]
            tree.duplicates.append(
                (
                    path + (value,),
                    f"the field '{value}' appears twice, on lines {first}"
                    f" and {line} (YAML would keep only the last) — keep only one",
                )
            )
            value = _DUPLICATE  # keep the first; the duplicate is reported, not used
        frame.pending_key = value
        tree.key_places.setdefault(path + (value,), place)
        return path + (value,)
    else:
        sub = path + (frame.pending_key,)
        if frame.pending_key is not _DUPLICATE:
            container[frame.pending_key] = value
        frame.pending_key = None
    tree.places[sub] = place
    return sub


_HINTS = [
    ("cannot start any token", "'\\t'", "a tab is used for indentation — use spaces only"),
    ("tab character", "", "a tab is used for indentation — use spaces only"),  # also found by _real_mistake
    (
        "mapping values are not allowed",
        "",
        "a colon followed by a space inside a text"
        " — put the whole text in quotes, or check the indentation of this line",
    ),
    ("could not find expected ':'", "", "a field name without its colon — write `name: value`"),
    ("while scanning a quoted scalar", "", "a quote is opened but not closed — close it with the same quote mark"),
    ("found unexpected end of stream", "", "a quote is opened but not closed — close it with the same quote mark"),
    ("did not find expected key", "", "the indentation is off — align this line with the fields of its record"),
    ("did not find expected '-' indicator", "", "the indentation is off — align list items (`- `) with each other"),
    ("bad indentation", "", "the indentation is off — align this line with the fields of its record"),
    ("expected <block end>", "", "the indentation is off — align this line with the fields of its record"),
]


def _unclosed_quote_before(lines: list[str], line: int) -> int | None:
    """The line (1-based) of an unbalanced quoted value at or just above `line`, if any: such a
    quote makes the parser stumble a line or two later, on what looks like indentation."""
    for number in range(min(line, len(lines)), max(0, line - 10), -1):
        value = lines[number - 1].split("#")[0] if '"' not in lines[number - 1] else lines[number - 1]
        value = value.split(": ", 1)[1] if ": " in value else value.strip().removeprefix("- ")
        value = value.strip()
        if value[:1] in ("'", '"') and not _balanced(value):
            return number
    return None


def _balanced(value: str) -> bool:
    quote, body = value[0], value[1:]
    if quote == "'":
        return body.endswith("'") and "'" not in body[:-1].replace("''", "")
    inner = body[:-1].replace('\\"', "") if body.endswith('"') else body
    return body.endswith('"') and '"' not in inner


TAB_HINT = "a tab is used for indentation — use spaces only"
NBSP = "\u00a0"  # a non-breaking space: Word and web pages paste it for an ordinary one
TYPOGRAPHIC = "”“„«»‘’‚"  # quotes that Word and web pages write, which YAML reads as text
FIELD_LINE = re.compile(r"^( *)(- )?([A-Za-z_][\w-]*):(?: |$)")


def _syntax_problem(err: yaml.MarkedYAMLError, file: str, text: str) -> Problem:
    starts_earlier = err.context and ("quoted scalar" in err.context or "simple key" in err.context)
    mark = (err.context_mark if starts_earlier else None) or err.problem_mark or err.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    what = f"{err.context or ''} {err.problem or ''}"
    hint = next((h for key, extra, h in _HINTS if key in what and extra in what), None)
    hint = hint or f"the YAML cannot be read ({(err.problem or err.context or '').strip()})"
    lines = text.splitlines()
    quote_line = _unclosed_quote_before(lines, line) or (line if "quote" in hint else None)
    ends = lines[quote_line - 1].rstrip() if quote_line and 1 <= quote_line <= len(lines) else ""
    opening = ends.split(": ", 1)[-1].lstrip()[:1]
    if ends and ends[-1] in TYPOGRAPHIC and opening and opening in "\"'":
        line, col = quote_line or line, len(ends)
        hint = (
            f"the text ends with a typographic quote ({ends[-1]}), which does not close the straight quote"
            " it starts with — end it with the same straight quote"
        )
    elif quote_line and "quote" not in hint:
        line = quote_line
        col = len(lines[line - 1]) - len(lines[line - 1].split(": ", 1)[-1].lstrip()) + 1
        hint = (
            "a quote is opened on this line but not closed, or a quote mark inside the text ends it early"
            " — close the quote, or use ” ” inside the text"
        )
    elif 1 <= line <= len(lines):
        line, col, hint = _real_mistake(lines, line, col, hint, what)
    if 1 <= line <= len(lines):
        excerpt = lines[line - 1].replace("\t", "→").replace(NBSP, "␣")
        hint += f"\n    {line} | {excerpt}\n    {' ' * len(str(line))} | {' ' * (col - 1)}^"
    return Problem(file, line, col, None, None, "YAML syntax: " + hint)


def _indent(line: str) -> int:
    """Where a line's field starts: its spaces, and a list item's '- ' as well."""
    found = FIELD_LINE.match(line)
    return len(found.group(1)) + len(found.group(2) or "") if found else len(line) - len(line.lstrip(" "))


def _previous(lines: list[str], line: int) -> int | None:
    """The line (1-based) of the last line with content above `line`, or None."""
    for number in range(line - 1, 0, -1):
        if lines[number - 1].strip() and not lines[number - 1].lstrip().startswith("#"):
            return number
    return None


def _real_mistake(lines: list[str], line: int, col: int, hint: str, what: str) -> tuple[int, int, str]:
    """What libyaml stumbles on is often a line or two after the editor's mistake, and its words
    describe the parser, not the file. Look at the lines themselves: a tab or a non-breaking space
    where indentation goes, and fields indented more or less than the record's own."""
    for number in range(max(1, line - 2), line + 1):
        text = lines[number - 1]
        lead = text[: len(text) - len(text.lstrip(" \t" + NBSP))]
        if "\t" in lead:
            return number, lead.index("\t") + 1, TAB_HINT
        if NBSP in lead:
            return (
                number,
                lead.index(NBSP) + 1,
                (
                    "a non-breaking space (pasted from Word or a web page) is used for indentation"
                    " — delete the indentation and type it again with ordinary spaces"
                ),
            )
        after = re.match(r"^ *(- )?[A-Za-z_][\w-]*:" + NBSP, text)
        if after:
            return (
                number,
                after.end(),
                (
                    f"a non-breaking space (pasted from Word or a web page) after `{after.group().strip(' -' + NBSP)}`"
                    " — delete it and type an ordinary space"
                ),
            )
    here = lines[line - 1]
    found = FIELD_LINE.match(here)
    value = here.split(": ", 1)[1].lstrip() if found and ": " in here else ""
    if "mapping values" in what and value and value[0] in TYPOGRAPHIC:
        return (
            line,
            len(here) - len(value) + 1,
            (
                f"the text is in typographic quotes ({value[0]}…), which YAML does not read as quotes,"
                ' so its colon ends the field — write straight quotes "…" around the text'
            ),
        )
    above = _previous(lines, line)
    if found is None or above is None:
        return line, col, hint
    key, width = found.group(3), _indent(here)
    if found.group(2):  # a record's first line, `- id:`: it lines up with the other records
        others = [m.group(1) for m in (re.match(r"^( *)- id:", t) for i, t in enumerate(lines, 1) if i != line) if m]
        if others and "indentation" in hint:  # libyaml: expected key, bad indentation, <block end>
            spaces = max(set(others), key=others.count)
            return (
                line,
                len(found.group(1)) + 1,
                (
                    f"the indentation is off — start `- {key}:` where the other records' `- id:` start"
                    f" ({len(spaces)} spaces before the -)"
                ),
            )
        return line, col, hint
    above_text = lines[above - 1]
    above_key = FIELD_LINE.match(above_text)
    over = "mapping values" in what and col == len(found.group(1)) + len(key) + 1
    if over and _indent(above_text) < width:
        parent = _previous(lines, above)
        if (
            parent is not None
            and lines[parent - 1].rstrip().endswith(":")
            and _indent(lines[parent - 1]) == _indent(above_text)
        ):
            outer, inner = FIELD_LINE.match(lines[parent - 1]), above_key
            if outer and inner:
                return (
                    above,
                    _indent(above_text) + 1,
                    (
                        f"the indentation is off — `{inner.group(3)}:` belongs under `{outer.group(3)}:`:"
                        f" indent it {width} spaces, like `{key}:` below it"
                    ),
                )
        like = f"like `{above_key.group(3)}:` above it" if above_key else "like the line above"
        return (
            line,
            width + 1,
            (
                f"the indentation is off — `{key}:` is indented more than the line above:"
                f" indent it {_indent(above_text)} spaces, {like}"
            ),
        )
    fields = _record_fields(lines, line)
    if ("'-' indicator" in what or "indentation" in hint) and _indent(above_text) > width and fields is not None:
        if width < fields or above_key is None:
            where = f"indent it {fields} spaces, like the other fields of its record"
        else:  # between a nested field and the record's fields: either may be meant
            where = (
                f"indent it {_indent(above_text)} spaces, like `{above_key.group(3)}:` above it,"
                f" or {fields}, like the other fields of its record"
            )
        return line, width + 1, f"the indentation is off — `{key}:` is indented {width} spaces: {where}"
    return line, col, hint


def _record_fields(lines: list[str], line: int) -> int | None:
    """The indentation of the fields of the record that `line` is in: two more than the dash of
    the nearest `- id:` (or `- year:`) above it; None outside a record."""
    for number in range(line - 1, 0, -1):
        start = re.match(r"^( *)- (id|year):", lines[number - 1])
        if start:
            return len(start.group(1)) + 2
    return None


# Where a problem is, in words ---------------------------------------------------------------


def _record_name(tree: Tree, key: str, index: int) -> str:
    records = tree.value.get(key) if isinstance(tree.value, dict) else None
    record = records[index] if isinstance(records, list) and index < len(records) else None
    if isinstance(record, dict):
        rid = record.get("id", record.get("year"))
        if isinstance(rid, (str, int)) and not isinstance(rid, bool):
            return str(rid)
    return f"#{index + 1}"


def field_name(parts: Path) -> str | None:
    """('sources', 1) -> 'sources, item 2'; ('description', 'en') -> 'description.en'."""
    text = ""
    for part in parts:
        text += f", item {part + 1}" if isinstance(part, int) else f".{part}" if text else str(part)
    return text or None


def problem_at(file: str, tree: Tree, key: str, loc: Path, message: str) -> Problem:
    """A problem at `loc` (a path from the document root), naming its record and field."""
    line, col = tree.place(loc)
    record = field = None
    if len(loc) >= 2 and loc[0] == key and isinstance(loc[1], int):
        record = _record_name(tree, key, loc[1])
        field = field_name(loc[2:])
    elif loc:
        field = field_name(loc)
    return Problem(file, line, col, record, field, message)
