"""How quickly the site's search answers in a real browser, for the synthetic registries of
bench/run.py at size N. Usage (after ./scripts/test set things up):

    .venv/bin/python bench/search.py [--size 3000] [--cpu-slowdown 4]

It builds the site of size N, serves it on 127.0.0.1, opens a page in Debian's Chromium at
390 px and, per language, measures:
  - the search index: raw and gzip size (what a phone downloads when search opens);
  - first answer: from the page's load to the first results of the first query, which
    includes fetching the index and building it in Material's search worker;
  - each further query, typed at 150 ms per key as a reader types (every key starts a search):
    from the last key to the results, for queries that name one record (so the result the
    reader wants is known, and must be among those shown) and one common word.
With --cpu-slowdown K, Chromium runs the page K times slower (its main thread; not the search worker).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run
from page_weight import ARGS, Quiet


def queries(n: int, lang: str) -> list[tuple[str, str | None]]:
    """Queries that name one record of the synthetic registries (see run.py), so the result a
    reader wants is known, and a common word; names as the page's language shows them."""
    a, b, c, d = 2 * n // 5, 4 * n // 5, 3 * (n // 7), n // 3 + 1  # c is a multiple of 3: an English name
    partner, initiative = ("Partner {} AB", "Insats {}") if lang == "sv" else ("Partner {} Ltd", "Initiative {}")
    return [
        (partner.format(c), f"parter/partner-{c}/"),
        (initiative.format(b), f"insatser/initiative-{b}/"),
        (f"Partner {a} AB" if a % 3 else f"Partner {a + 1} AB", f"parter/partner-{a if a % 3 else a + 1}/"),
        (initiative.format(d), f"insatser/initiative-{d}/"),
        ("biogas", None),
    ]


RESULTS = ".md-search-result__item > a"
TYPING = 150  # ms between keys: a reader typing on a phone


def answered(page, query: str, expected: str | None, timeout: float = 60_000) -> None:
    """Wait until the result list holds the expected record (or any result for a common word)."""
    condition = "true" if expected is None else f"a.href.split(/[?#]/)[0].endsWith('/{expected}')"
    try:
        page.wait_for_function(
            f"() => [...document.querySelectorAll('{RESULTS}')].some(a => {condition})", polling="raf", timeout=timeout
        )
    except PlaywrightTimeout:
        shown = page.eval_on_selector_all(RESULTS, "els => els.slice(0, 5).map(e => e.href.split('?')[0])")
        sys.exit(
            f"{query!r}: {expected or 'a result'} not among the results within {timeout / 1000:.0f} s;"
            f" shown first: {shown}"
        )


def measure(browser, base: str, lang: str, n: int, slowdown: float) -> dict:
    page = browser.new_page(viewport={"width": 390, "height": 800})
    if slowdown > 1:
        page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": slowdown})
    start = time.perf_counter()
    page.goto(base + ("" if lang == "sv" else "en/"), wait_until="load")
    loaded = time.perf_counter()
    (first, expected), *rest = queries(n, lang)
    page.keyboard.press("/")  # Material's shortcut to the search field
    page.keyboard.type(first)
    answered(page, first, expected)
    first_answer = time.perf_counter() - loaded
    times = []
    for query, expected in rest:
        page.keyboard.press("Control+A")
        page.keyboard.type(query, delay=TYPING)  # each key is a search, as when a reader types
        t0 = time.perf_counter()
        answered(page, query, expected)
        times.append(time.perf_counter() - t0)
    page.close()
    return {"load": loaded - start, "first": first_answer, "query": statistics.median(times), "worst": max(times)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=3000, help="N partners and N initiatives (default: %(default)s)")
    parser.add_argument("--cpu-slowdown", type=float, default=1, help="Chromium CPU throttling rate (default: none)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kb-search-"))
    try:
        run.snapshot(work / "source", run.ROOT / "hooks")
        project = work / "www"
        run.make_project(work / "source", project, args.size)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(project)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_port}/site/"
        run.ENV["SITE_URL"] = base  # the site's absolute links (language switcher) point at this server
        wall, _, _ = run.build_once(project)
        print(f"N={args.size:,}: built in {wall:.0f} s; CPU slowdown {args.cpu_slowdown:g}x")
        print(
            "| language | index raw (MB) | index gzip (MB) | page load (s) | first answer after load (s) "
            "| further query, median (s) | further query, slowest (s) |\n|---|---:|---:|---:|---:|---:|---:|"
        )
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            for lang in ("sv", "en"):
                index = (
                    project / "site" / ("" if lang == "sv" else "en") / "search" / "search_index.json"
                ).read_bytes()
                r = measure(browser, base, lang, args.size, args.cpu_slowdown)
                print(
                    f"| {lang} | {len(index) / 1e6:.2f} | {len(gzip.compress(index, 6)) / 1e6:.2f} | {r['load']:.2f} "
                    f"| {r['first']:.2f} | {r['query']:.2f} | {r['worst']:.2f} |",
                    flush=True,
                )
            browser.close()
        server.shutdown()
        server.server_close()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
