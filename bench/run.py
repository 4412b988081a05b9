"""Build-time benchmark: our hooked build against plain Markdown of the same pages.

    .venv/bin/python bench/run.py [--sizes 10,100,1000,3000] [--runs 3] [--big-runs 1] [--hooks DIR]
    .venv/bin/python bench/run.py --profile 3000     # cProfile of one hooked build
    .venv/bin/python bench/run.py --events 1000      # seconds spent in each plugin's and hook's events

For each N it makes a temporary project with N synthetic partners and N initiatives, builds it
with `mkdocs build --strict` (both languages), then builds the same pages as hand-written
Markdown without hooks, and prints one Markdown table row per N. See bench/README.md.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
COPY = ("mkdocs.yml", "emissions.yaml", "hooks", "overrides", "schemas", "docs")
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
TIME = Path("/usr/bin/time")
os.environ["NO_MKDOCS_2_WARNING"] = "1"

models = None  # the registry core, imported from the snapshot by use_hooks()
GENERATED = "---\n# Generated from the registries"  # how a generated page begins

# ---------------------------------------------------------------- synthetic registries

WORDS = [
    "solceller",
    "fjärrvärme",
    "biogas",
    "cykelbanor",
    "laddstolpar",
    "återbruk",
    "matsvinn",
    "renovering",
    "elektrifiering",
    "kolsänkor",
    "upphandling",
    "vätgas",
]


def text(kind: str, i: int) -> dict:
    w = [WORDS[(i * k) % len(WORDS)] for k in (1, 3, 7)]
    return {
        "sv": f"{kind} nummer {i} i Borlänge arbetar med {w[0]}, {w[1]} och {w[2]} för ett klimatneutralt "
        f"Borlänge 2030. Arbetet följs upp årligen tillsammans med kommunen och parterna.",
        "en": f"{kind} number {i} in Borlänge works on {w[0]}, {w[1]} and {w[2]} towards a climate-neutral "
        f"Borlänge by 2030. The work is followed up yearly with the municipality and the partners.",
    }


def sources(kind: str, i: int) -> list[str]:
    return [f"https://example.org/{kind}/{i}", f"https://www.borlange.se/nyheter/{kind}-{i}"]


def partner(i: int) -> dict:
    p = {
        "id": f"partner-{i}",
        "name": f"Partner {i} AB",
        "type": list(models.PARTNER_TYPES)[i % 13],
        "roles": [list(models.ROLES)[i % 7]],
        "website": f"https://partner{i}.example.se",
        "description": text("Parten", i),
        "joined": date(2021 + i % 5, 1 + i % 12, 1 + i % 28),
    }
    if i % 3 == 0:
        p["name_en"] = f"Partner {i} Ltd"
    if i % 5 == 0:
        p["caveat"] = text("Uppgiften", i)
    return {**p, "sources": sources("partner", i), "last_reviewed": date(2026 if i % 7 else 2024, 11, 1)}


def initiative(i: int, n: int) -> dict:
    lead, others = i % n, sorted({(i + 1) % n, (i + 2) % n} - {i % n})
    rec = {
        "id": f"initiative-{i}",
        "title": {"sv": f"Insats {i}", "en": f"Initiative {i}"},
        "summary": text("Insatsen", i),
        "category": list(models.CATEGORIES)[i % 8],
        "status": list(models.STATUSES)[i % 4],
        "lead": f"partner-{lead}",
        "partners": [f"partner-{j}" for j in others],
        "start": f"{2021 + i % 4}-0{1 + i % 9}",
    }
    if i % 4 == 0:
        rec["effect"] = {
            "kind": "expected",
            "value": 100 + i,
            "unit": {"sv": "ton CO₂e/år", "en": "t CO₂e/yr"},
            "description": text("Effekten", i),
            "source": f"https://example.org/effect/{i}",
        }
    if i % 3 == 0:
        rec["links"] = [
            {
                "title": {"sv": "Mer om insatsen", "en": "More about it"},
                "url": f"https://example.org/initiative/{i}/more",
            }
        ]
    return {**rec, "sources": sources("initiative", i), "last_reviewed": date(2026, 10, 1)}


def contract(k: int, n: int) -> dict:
    return {
        "id": f"contract-{k}",
        "date": date(2021 + k, 4, 11),
        "kind": list(models.CONTRACT_KINDS)[k % 4],
        "title": {"sv": f"Klimatkontrakt {2021 + k}", "en": f"Climate contract {2021 + k}"},
        "summary": text("Kontraktet", k),
        "signatories": [f"partner-{j}" for j in range(k, n, max(1, n // 10))],
        "cities": 23 + k,
        "sources": sources("contract", k),
        "last_reviewed": date(2026, 11, 1),
    }


def write_registries(project: Path, n: int) -> None:
    data = {
        "partners": {"partners": [partner(i) for i in range(n)]},
        "initiatives": {"initiatives": [initiative(i, n) for i in range(n)]},
        "contracts": {"contracts": [contract(k, n) for k in range(5)]},
    }
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    for name, value in data.items():
        (project / f"{name}.yaml").write_text(
            yaml.dump(value, Dumper=dumper, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8"
        )


# ---------------------------------------------------------------- the two projects


def remove_stubs(docs: Path) -> None:
    """Delete the generated record pages: what a fresh clone has (they are gitignored)."""
    for path in docs.rglob("*.md"):
        if path.read_text(encoding="utf-8").startswith(GENERATED):
            path.unlink()


def snapshot(source: Path, hooks: Path) -> None:
    """Copy the site's sources once (hooks from `hooks`), so that edits made while the benchmark
    runs reach neither size; then import the registry core from that copy."""
    source.mkdir(parents=True)
    for name in COPY:
        src, dst = (hooks if name == "hooks" else ROOT / name), source / name
        if src.is_dir():
            shutil.copytree(src, dst, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dst)
    use_hooks(source / "hooks")
    remove_stubs(source / "docs")


def use_hooks(hooks: Path) -> None:
    global models
    sys.path.insert(0, str(hooks))
    from registry import models


def make_project(source: Path, project: Path, n: int) -> None:
    """The snapshot with registries of size n, checked by the project's own checker."""
    shutil.copytree(source, project, ignore=shutil.ignore_patterns("__pycache__"))
    write_registries(project, n)
    check = subprocess.run(
        [sys.executable, str(project / "hooks" / "check.py"), "--root", str(project)], capture_output=True, text=True
    )
    if check.returncode:
        sys.exit(f"synthetic registries for N={n} are invalid:\n{check.stderr}")


def make_plain(project: Path, plain: Path) -> None:
    """The same pages as Markdown, from the core's own output (build_site), once: each generated
    page with its HTML, each hand-written page with its markers filled in; then mkdocs.yml
    without its `hooks:` entry."""
    from registry import load_registries
    from registry.content import build_site
    from registry.settings import read_settings

    shutil.copytree(project, plain, ignore=shutil.ignore_patterns("site", "__pycache__", ".cache"))
    config_file = plain / "mkdocs.yml"
    config_file.write_text(
        re.sub(r"^hooks:\n(?:[ \t]+- .*\n)+", "", config_file.read_text(encoding="utf-8"), flags=re.MULTILINE),
        encoding="utf-8",
    )
    settings, registries, docs = read_settings(config_file), load_registries(plain), plain / "docs"
    for lang in settings.languages:
        pages = {p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8") for p in docs.rglob(f"*.{lang}.md")}
        content = build_site(registries, settings, lang, pages, plain / "overrides" / "partials" / "registry")
        for src_uri, hand_written in content.hand_written.items():
            (docs / src_uri).write_text(hand_written.fill(hand_written.markdown), encoding="utf-8")
        for src_uri, page in content.pages.items():
            meta = {"title": page.title, "description": page.description, "search": {"exclude": True}}
            front = "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in meta.items())
            (docs / src_uri).parent.mkdir(parents=True, exist_ok=True)
            (docs / src_uri).write_text(f"---\n{front}---\n\n{page.html}\n", encoding="utf-8")


# ---------------------------------------------------------------- measuring

RUSAGE_CHILD = (
    "import resource, subprocess, sys; rc = subprocess.call(sys.argv[1:]); "
    "r = resource.getrusage(resource.RUSAGE_CHILDREN); "
    "print(r.ru_maxrss, r.ru_utime + r.ru_stime, file=sys.stderr); sys.exit(rc)"
)


def build_once(project: Path) -> tuple[float, float, float]:
    """One `mkdocs build --strict` in a child process: (wall s, CPU s, peak RSS MB)."""
    mkdocs = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "-f",
        str(project / "mkdocs.yml"),
        "-d",
        str(project / "site"),
    ]
    wrap = [str(TIME), "-v"] if TIME.exists() else [sys.executable, "-c", RUSAGE_CHILD]
    start = time.perf_counter()
    result = subprocess.run(wrap + mkdocs, capture_output=True, text=True, env=ENV)
    wall = time.perf_counter() - start
    if result.returncode:
        sys.exit(f"build failed in {project}:\n{result.stderr[-4000:]}")
    if not TIME.exists():
        kbytes, cpu = result.stderr.strip().splitlines()[-1].split()
        return wall, float(cpu), int(kbytes) / 1024
    value = {
        k: float(re.search(rf"{k}.*?: ([\d.]+)", result.stderr).group(1))
        for k in ("User time", "System time", "Maximum resident set size")
    }
    return wall, value["User time"] + value["System time"], value["Maximum resident set size"] / 1024


def pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("index.html")}


def article(path: Path) -> str:
    """A page's content, without the line breaks between tags."""
    html = path.read_text(encoding="utf-8")
    return re.sub(r">\s+<", "><", html[html.find("<article") : html.find("</article>")])


def search_sizes(site: Path) -> str:
    files = [site / "search" / "search_index.json", site / "en" / "search" / "search_index.json"]
    return " / ".join(f"{f.stat().st_size / 1e6:.2f}" for f in files if f.exists())


# ---------------------------------------------------------------- the benchmark


def forget_templates(project: Path) -> None:
    """Empty the project's cache of compiled templates (ours and Material's): a first build."""
    shutil.rmtree(project / ".cache" / "jinja", ignore_errors=True)


def measure(n: int, runs: int, work: Path, cold: bool = False) -> dict:
    """Build ours and plain in turn `runs` times, so that other load on the machine hits both alike."""
    ours, plain = work / f"n{n}", work / f"n{n}-plain"
    make_project(work / "source", ours, n)
    make_plain(ours, plain)
    timings = {"ours": [], "plain": []}
    for _ in range(runs):
        if cold:
            forget_templates(ours)
        timings["ours"].append(build_once(ours))
        timings["plain"].append(build_once(plain))
    if pages(ours / "site") != pages(plain / "site"):
        sys.exit(f"N={n}: the plain build made different pages from ours")
    records = sorted(p for p in pages(ours / "site") if re.match(r"(en/)?(parter|insatser|klimatkontraktet)/.+/", p))
    for page in records[:: max(1, n // 20)]:  # record pages; hand-written ones differ by the external-link marks
        if article(ours / "site" / page) != article(plain / "site" / page):
            sys.exit(f"N={n}: {page} differs between ours and plain")
    row = {
        "n": n,
        "pages": len(pages(ours / "site")),
        "runs": runs,
        "search": search_sizes(ours / "site"),
        "load": os.getloadavg()[0],
    }
    for name, runs_ in timings.items():
        walls, cpus, peaks = zip(*runs_, strict=True)
        row[name] = {"wall": statistics.median(walls), "cpu": statistics.median(cpus), "rss": max(peaks)}
    print(format_row(row), flush=True)
    return row


HEAD = (
    "| N | pages | runs | wall ours (s) | wall plain (s) | ours/plain wall | CPU ours (s) | CPU plain (s) "
    "| ours/plain CPU | peak RSS ours (MB) | peak RSS plain (MB) | search index sv / en (MB) | load avg |\n"
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|"
)


def format_row(r: dict) -> str:
    o, p = r["ours"], r["plain"]
    return (
        f"| {r['n']:,} | {r['pages']:,} | {r['runs']} | {o['wall']:.2f} | {p['wall']:.2f} | "
        f"{o['wall'] / p['wall']:.3f} | {o['cpu']:.2f} | {p['cpu']:.2f} | {o['cpu'] / p['cpu']:.3f} | "
        f"{o['rss']:.0f} | {p['rss']:.0f} | {r['search']} | {r['load']:.1f} |"
    )


def verdict(ok: bool) -> str:
    return "ok  " if ok else "FAIL"


def budgets(rows: dict) -> list[str]:
    lines = [
        f"{verdict(r['ours']['wall'] <= 1.05 * r['plain']['wall'])} N={n:,}: ours {r['ours']['wall']:.2f} s"
        f" <= 1.05 x plain {r['plain']['wall']:.2f} s (CPU: {r['ours']['cpu'] / r['plain']['cpu']:.3f} x)"
        for n, r in rows.items()
    ]
    if 1000 in rows and 3000 in rows:
        growth = rows[3000]["ours"]["wall"] / rows[1000]["ours"]["wall"]
        cpu = rows[3000]["ours"]["cpu"] / rows[1000]["ours"]["cpu"]
        lines.append(
            f"{verdict(growth <= 3.3)} time(3000)/time(1000) = {growth:.2f} <= 3.3 "
            f"(CPU: {cpu:.2f}; linear would be 3.0)"
        )
    if 3000 in rows:
        rss = rows[3000]["ours"]["rss"]
        lines.append(f"{verdict(rss < 282)} peak RSS at 3000 = {rss:.0f} MB < 282 MB (issue #11's budget)")
    return lines


# ---------------------------------------------------------------- profile


def profile(n: int, work: Path, top: int) -> None:
    """One in-process build of the hooked project under cProfile; stats saved to bench/out/."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    project = work / f"profile-n{n}"
    make_project(work / "source", project, n)
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(project / "site"), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    profiler = cProfile.Profile()
    profiler.runcall(build, config)
    config.plugins.on_shutdown()
    OUT.mkdir(parents=True, exist_ok=True)
    profiler.dump_stats(OUT / f"profile-{n}.pstats")
    stats = pstats.Stats(profiler)
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)


def timed(handler, label: str, totals: dict):
    def run(*args, **kwargs):
        start = time.perf_counter()
        try:
            return handler(*args, **kwargs)
        finally:
            totals[label] = totals.get(label, 0.0) + time.perf_counter() - start

    return run


def event_times(n: int, work: Path) -> None:
    """One in-process build with every plugin's and hook's event handlers timed (no profiler overhead)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    project = work / f"events-n{n}"
    make_project(work / "source", project, n)
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(project / "site"), strict=True)
    totals, plugins = {}, config.plugins
    for event, handlers in plugins.events.items():
        plugins.events[event] = [timed(h, f"{plugins._event_origins.get(h, '?')} on_{event}", totals) for h in handlers]
    start = time.perf_counter()
    build(config)
    print(f"N={n:,}: build {time.perf_counter() - start:.2f} s in-process; i18n on_post_build holds the English build")
    for label, seconds in sorted(totals.items(), key=lambda kv: -kv[1])[:20]:
        print(f"{seconds:9.2f} s  {label}")


def revision(hooks: Path) -> str:
    def git(*args: str) -> str:
        return subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True).stdout.strip()

    dirty = git("status", "--porcelain", "--", "hooks", "docs", "overrides", "mkdocs.yml")
    return (
        f"commit {git('rev-parse', '--short', 'HEAD') or '?'}{' + uncommitted changes' if dirty else ''}"
        f", hooks from {hooks}"
    )


def machine() -> str:
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"{date.today()}, {os.cpu_count()} cores (nproc {len(os.sched_getaffinity(0))}), {mem:.1f} GiB RAM, "
        f"Python {sys.version.split()[0]}, peak RSS via {'/usr/bin/time -v' if TIME.exists() else 'getrusage'}"
    )


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,100,1000,3000", help="comma-separated N (default: %(default)s)")
    parser.add_argument("--runs", type=int, default=3, help="runs per build for N <= 1000 (median)")
    parser.add_argument("--big-runs", type=int, default=1, help="runs per build for N > 1000")
    parser.add_argument("--profile", type=int, metavar="N", help="instead: profile one hooked build of size N")
    parser.add_argument("--top", type=int, default=30, help="rows of profile output")
    parser.add_argument("--events", type=int, metavar="N", help="instead: time each plugin's and hook's events at N")
    parser.add_argument("--hooks", type=Path, default=ROOT / "hooks", help="hooks folder to test (e.g. a patch)")
    parser.add_argument("--keep", action="store_true", help="keep the projects (in bench/out/work)")
    parser.add_argument(
        "--cold", action="store_true", help="empty the compiled-template cache before each of our builds"
    )
    return parser.parse_args()


def main() -> None:
    args = arguments()
    work = OUT / "work" if args.keep else Path(tempfile.mkdtemp(prefix="kb-bench-"))
    shutil.rmtree(work, ignore_errors=True)
    try:
        snapshot(work / "source", args.hooks.resolve())
        if args.profile:
            return profile(args.profile, work, args.top)
        if args.events:
            return event_times(args.events, work)
        print(f"{machine()}\n{revision(args.hooks.resolve())}\n\n{HEAD}", flush=True)
        sizes = [int(s) for s in args.sizes.split(",")]
        rows = {n: measure(n, args.runs if n <= 1000 else args.big_runs, work, args.cold) for n in sizes}
        print("\n" + "\n".join(budgets(rows)))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
