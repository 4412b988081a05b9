"""What a reader's phone downloads for a page: every request the page makes in Chromium,
gzip-compressed as a web server would send it. A failed request (no answer, or a status of 400 or
more) is a defect, and so is a start page over the budget of 100 KB: the script then exits with 1.
Usage (after ./scripts/test set things up):

    .venv/bin/python bench/page_weight.py [route ...]
    # default: the start page in both languages, a partner page and the portfolio
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
BUDGET = 100 * 1024  # the start page, compressed (issue #13)
START_PAGES = {"", "en/"}
DEFAULT_ROUTES = ["", "en/", "parter/ssab/", "insatser/"]
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def build(www: Path, base: str) -> None:
    env = {**os.environ, "SITE_URL": base, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(www / "site")], cwd=ROOT, env=env, check=True
    )


def weigh(browser, base: str, www: Path, route: str) -> tuple[int, list[str]]:
    """(compressed bytes, failed requests) of one page, with a table of its files on stdout."""
    page = browser.new_page(viewport={"width": 390, "height": 800})
    urls, failed = [], []
    page.on("requestfinished", lambda r: urls.append(r.url))
    page.on("requestfailed", lambda r: failed.append(f"{r.url} ({r.failure})"))
    page.on("response", lambda r: failed.append(f"{r.url} ({r.status})") if r.status >= 400 else None)
    page.goto(base + route)
    page.wait_for_load_state("networkidle")
    total = 0
    print(f"\n/{route}  (390 px wide)\n{'gzip bytes':>10} {'raw bytes':>10}  file")
    for url in dict.fromkeys(urls):
        path = www / "site" / url[len(base) :].split("?")[0].split("#")[0]
        if not path.exists():
            continue  # a failed request, listed below
        data = (path / "index.html" if path.is_dir() else path).read_bytes()
        size = len(gzip.compress(data, 6))
        total += size
        print(f"{size:>10,} {len(data):>10,}  {url[len(base) :] or '(page)'}")
    print(f"{total:>10,} in total")
    for failure in failed:
        print(f"  FAILED REQUEST: {failure}")
    page.close()
    return total, failed


def defects(route: str, total: int, failed: list[str]) -> list[str]:
    found = [f"/{route}: failed request {f}" for f in failed]
    if route in START_PAGES and total > BUDGET:
        found.append(f"/{route}: {total:,} bytes compressed, over the budget of {BUDGET:,}")
    return found


@contextlib.contextmanager
def served_site():
    """The site built into a temporary folder and served at http://127.0.0.1:PORT/site/, with
    Chromium: yields (browser, base address, folder)."""
    with tempfile.TemporaryDirectory() as folder:
        www = Path(folder)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=folder))
        base = f"http://127.0.0.1:{server.server_port}/site/"
        build(www, base)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            yield browser, base, www
            browser.close()
        server.shutdown()
        server.server_close()


def main(routes: list[str]) -> int:
    found = []
    with served_site() as (browser, base, www):
        for route in routes:
            found += defects(route, *weigh(browser, base, www, route))
    print("\n" + ("\n".join(found) if found else "No defects: no failed request, the start page within budget."))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or DEFAULT_ROUTES))
