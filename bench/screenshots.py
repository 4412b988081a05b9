"""Screenshots of the reader's main pages, so anyone can look before and after a change.
Builds the site, serves it locally and saves full-page PNGs at 390 px and 1280 px into bench/out/:

    .venv/bin/python bench/screenshots.py [route ...]   # default: start, explainer, portfolio, a partner
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from page_weight import ROOT, served_site

OUT = ROOT / "bench" / "out"
ROUTES = ["", "klimatneutralt/", "insatser/", "parter/ssab/"]
WIDTHS = (390, 1280)


def name(route: str, lang: str, width: int) -> str:
    slug = route.strip("/").replace("/", "-") or "start"
    return f"{slug}-{lang}-{width}.png"


def shoot(browser, base: str, route: str, lang: str, width: int) -> Path:
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(base + ("" if lang == "sv" else "en/") + route)
    page.wait_for_load_state("networkidle")
    path = OUT / name(route, lang, width)
    page.screenshot(path=str(path), full_page=True)
    page.close()
    return path


def main(routes: list[str]) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with served_site() as (browser, base, _):
        for route in routes:
            for lang in ("sv", "en"):
                for width in WIDTHS:
                    print(shoot(browser, base, route, lang, width).relative_to(ROOT))


if __name__ == "__main__":
    main(sys.argv[1:] or ROUTES)
