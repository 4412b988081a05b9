"""The pages' visible text before and after, word by word (hooks/changes.py --pages OLD NEW)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup

from conftest import ROOT

HEAD = "<html><head><title>T</title><script>var x = 1;</script></head><body><nav>Menu</nav>"


def write(site: Path, route: str, article: str) -> None:
    folder = site / route
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "index.html").write_text(
        f"{HEAD}<article><h1>Sida</h1>{article}</article></body></html>", encoding="utf-8"
    )


def changes(*args: object) -> subprocess.CompletedProcess:
    """hooks/changes.py with `args`, the site published at https://example.org/."""
    return subprocess.run(
        [sys.executable, str(ROOT / "hooks" / "changes.py"), *map(str, args)],
        capture_output=True,
        text=True,
        timeout=60,
        env={"SITE_URL": "https://example.org/"},
    )


def test_each_changed_page_is_a_collapsed_word_diff(tmp_path):
    old, new = tmp_path / "old", tmp_path / "new"
    long = " ".join(f"w{n}" for n in range(30))
    write(old, "", "<p>Hem</p>")
    write(new, "", "<p>Hem</p>")
    write(old, "insatser/solceller/", f"<p>Status: Pågår. {long}</p><style>p {{}}</style>")
    write(new, "insatser/solceller/", f"<p>Status: Genomförd. {long} <b>&lt;ny&gt;</b></p>")
    write(new, "en/parter/x/", "<p>New <br>partner</p>")
    write(old, "parter/y/", "<p>Gone</p>")
    result = changes("--pages", old, new)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        "### Sidornas text före och efter (The pages' text before and after)\n\n"
        "<details><summary>https://example.org/en/parter/x/ (ny sida, new page)</summary>\n\n"
        "<ins>Sida New partner</ins>\n\n</details>\n\n"
        "<details><summary>https://example.org/insatser/solceller/ (ändrad, changed)</summary>\n\n"
        "Sida Status: <del>Pågår.</del> <ins>Genomförd.</ins> w0 w1 w2 w3 w4 w5 w6 w7 … "
        "w22 w23 w24 w25 w26 w27 w28 w29 <ins>\\<ny\\></ins>\n\n</details>\n\n"
        "<details><summary>https://example.org/parter/y/ (sidan tas bort, page removed)</summary>\n\n"
        "<del>Sida Gone</del>\n\n</details>\n"
    )


def test_markdown_in_a_pages_text_stays_text(tmp_path):
    """The page diff goes into a job summary that GitHub renders as Markdown."""
    old, new = tmp_path / "old", tmp_path / "new"
    write(old, "", "<p>Hem</p>")
    write(new, "", "<p>Hem **fet** [länk](https://evil.example) @octocat &lt;img src=x&gt; | a |</p>")
    result = changes("--pages", old, new)
    assert (
        "Sida Hem <ins>\\*\\*fet\\*\\* \\[länk\\](`https://evil.example`) `@octocat` \\<img src=x\\> \\| a \\|</ins>"
    ) in result.stdout


def test_no_change(tmp_path):
    write(tmp_path / "a", "", "<p>Hem</p>")
    write(tmp_path / "b", "", "<p>Hem</p>")
    result = changes("--pages", tmp_path / "a", tmp_path / "b")
    assert result.stdout.endswith("\n\nIngen sida ändras. (No page changes.)\n")


def test_the_preview_opens_on_a_list_of_the_changed_pages(tmp_path):
    """Issue #22: the preview was a zip of folders; its index.html now links the changed pages."""
    old, new = tmp_path / "old", tmp_path / "new" / "webbplatsen"
    write(old, "", "<p>Hem</p>")
    write(new, "", "<p>Hem</p>")
    write(old, "parter/ssab/", "<p>Stål</p>")
    write(new, "parter/ssab/", "<p>Fossilfritt stål</p>")
    write(new, "parter/<ny>/", "<p>Ny</p>")
    write(old, "parter/y/", "<p>Gone</p>")
    result = changes("--index", old, new, "webbplatsen")
    assert result.returncode == 0
    page = BeautifulSoup(result.stdout, "html.parser")
    assert [(a.get_text(), a["href"]) for a in page.find_all("a")] == [
        ("/parter/<ny>/", "webbplatsen/parter/<ny>/index.html"),
        ("/parter/ssab/", "webbplatsen/parter/ssab/index.html"),
    ]
    assert [li.get_text() for li in page.find_all("li")][-1] == "/parter/y/ (sidan tas bort, page removed)"
    assert "&lt;ny&gt;" in result.stdout and "<ny>" not in result.stdout
    assert (new / "parter" / "ssab" / "index.html").is_file()  # what the first link opens
