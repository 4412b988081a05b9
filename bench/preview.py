"""How soon an editor sees a registry edit in `mkdocs serve`. Usage (after ./scripts/test):

    .venv/bin/python bench/preview.py [--edits 5]

It copies the real project to a temporary folder, starts the editors' preview on it
(`scripts/serve -f <copy>/mkdocs.yml`, so with the settings editors get), and then, edit after edit, changes one partner's Swedish description in partners.yaml and measures the time
until the served partner page shows the new text (polled every 20 ms): what an editor waits
between saving the file and seeing the change after a reload.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COPY = (
    "mkdocs.yml",
    "partners.yaml",
    "initiatives.yaml",
    "contracts.yaml",
    "emissions.yaml",
    "hooks",
    "overrides",
    "schemas",
    "docs",
)
OLD = "Stålföretag med valsverk"  # the start of SSAB's Swedish description
# Ctrl-C (SIGINT) at its default for the server, as in a terminal: run in the background, this
# script's children would inherit SIGINT ignored, and scripts/serve could not stop on it.
WITH_CTRL_C = [
    sys.executable,
    "-c",
    "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execv(sys.argv[1], sys.argv[1:])",
]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, text: str, timeout: float = 60) -> float:
    start = time.perf_counter()
    while text not in fetch(url):
        if time.perf_counter() - start > timeout:
            sys.exit(f"{url} did not show {text!r} within {timeout} s")
        time.sleep(0.02)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kb-preview-") as folder:
        project = Path(folder)
        for name in COPY:
            src = ROOT / name
            if src.is_dir():
                shutil.copytree(src, project / name, ignore=shutil.ignore_patterns("__pycache__"))
            else:
                shutil.copy2(src, project / name)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        server = subprocess.Popen(
            [*WITH_CTRL_C, ROOT / "scripts" / "serve", "-f", project / "mkdocs.yml", "-a", f"127.0.0.1:{port}"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env={**os.environ, "SITE_URL": f"http://127.0.0.1:{port}/"},
        )
        try:
            url = f"http://127.0.0.1:{port}/parter/ssab/"
            first = wait_for(url, OLD)
            print(f"`mkdocs serve` answered after {first:.2f} s (setup and its first build, from process start)")
            registry = project / "partners.yaml"
            text = registry.read_text(encoding="utf-8")
            assert OLD in text, "SSAB's description changed: update OLD in bench/preview.py"
            times = []
            for n in range(args.edits):
                marker = f"Redigering {n} {time.time_ns()}"
                registry.write_text(text.replace(OLD, f"{marker}: {OLD.lower()}", 1), encoding="utf-8")
                times.append(wait_for(url, marker))
                time.sleep(1)  # let the server settle, as an editor reading the page would
            print(
                f"edit to page: median {statistics.median(times):.2f} s, slowest {max(times):.2f} s "
                f"over {args.edits} edits ({', '.join(f'{t:.2f}' for t in times)})"
            )
        finally:
            server.send_signal(signal.SIGINT)  # Ctrl-C, as an editor stops it: its site folder goes
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
