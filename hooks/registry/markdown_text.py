"""Text an editor, an issue or a fork controls, placed in Markdown that GitHub renders (the change
summary, the form's answers on an issue, a pull request's body, a job summary): the one place
where such text is made inert. GitHub's Markdown turns more than markup into action: @mentions
notify people, bare addresses become links, and a line break can start a heading of its own.

- `inline(text)`: one line of plain text; markup escaped, addresses and @mentions as code,
  invisible characters named (<U+202E>), capped.
- `code(text)`: a code span that no backtick in the text can close.
- `fenced(text)`: a code block that no line of the text can close.
"""

from __future__ import annotations

import re

from .models import invisible

# Every character that ends a line somewhere: in Markdown, in Unicode, or in a browser's eyes.
LINE_BREAKS = re.compile(r"[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]+")
# What GitHub turns into a link or a notification, whatever the backslashes around it.
ACTIVE = re.compile(
    r"(?:[a-z][a-z0-9+.-]*://|www\.|mailto:)[^\s”“\"'<>]*[^\s”“\"'<>.,:;!?)\]]"  # addresses, not their end mark
    r"|[\w.+-]*@[^\s`”“\"'<>]*[^\s`”“\"'<>.,:;!?)\]]"  # @user, @org/team, any e-mail address GitHub links
    r"|(?:[\w.-]+/[\w.-]+)?#\d+|\bGH-\d+"  # references to issues, here or in another repository
    r"|\b(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{7,40}\b",  # what looks like a commit
    re.IGNORECASE,
)
# ASCII punctuation that means something in GitHub's Markdown, HTML or math: escaped with a backslash.
SPECIAL = re.compile(r"([\\`*_\[\]<>#!|~&$])")
ITEM = 300  # characters of editor text in one line of a summary or comment


def _shown(text: str) -> str:
    """Line breaks of every kind as single spaces, and characters nobody sees (a right-to-left
    override that turns the text around, a zero-width space) named."""
    flat = LINE_BREAKS.sub(" ", text)
    return "".join(f"<U+{ord(c):04X}>" if invisible(c) else c for c in flat)


def one_line(text: str) -> str:
    """The text on one line, trimmed, with nothing in it that nobody sees."""
    return _shown(text).strip()


def lines_kept(text: str) -> str:
    """Like one_line, but plain line breaks and indentation stay (inside a code block, harmless)."""
    return "\n".join(_shown(part).rstrip() for part in text.split("\n"))


def cap(text: str, limit: int = ITEM) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def inline(text: object, limit: int = ITEM) -> str:
    """`text` shown as written inside a line of Markdown, never as markup, a link or a mention."""
    flat = cap(one_line(str(text)), limit)
    out, last = [], 0
    for found in ACTIVE.finditer(flat):
        out += [SPECIAL.sub(r"\\\1", flat[last : found.start()]), code(found.group())]
        last = found.end()
    out.append(SPECIAL.sub(r"\\\1", flat[last:]))
    return re.sub(r"^(\d+)([.)])|^([-+])", _list_marker, "".join(out))


def _list_marker(found: re.Match[str]) -> str:
    """A text that starts like a list item ('1. ', '- ') at the start of a line: escaped."""
    return f"{found.group(1)}\\{found.group(2)}" if found.group(1) else f"\\{found.group(3)}"


def code(text: object) -> str:
    """A code span around `text` (on one line), with a backtick run longer than any inside it."""
    flat = one_line(str(text))
    ticks = "`" * (1 + max((len(run) for run in re.findall("`+", flat)), default=0))
    pad = " " if flat.startswith(("`", " ")) or flat.endswith(("`", " ")) or not flat else ""
    return f"{ticks}{pad}{flat}{pad}{ticks}"


def fenced(text: str, info: str = "text") -> str:
    """A fenced code block holding `text`, its fence longer than any backtick run in the text."""
    longest = max((len(run) for run in re.findall("`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{info}\n{text}\n{fence}"
