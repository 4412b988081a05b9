"""The editor's preview: `mkdocs serve` shows a registry edit without a restart, reports a
mistake in the terminal (no traceback), and shows the site again once it is fixed."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from conftest import MINIMAL, ROOT, copy_project

MEMORY = Path("/dev/shm")
# Runs a command with Ctrl-C (SIGINT) at its default, as in a terminal: a process started in the
# background (CI, `cmd &`) inherits SIGINT ignored, and scripts/serve then cannot act on it.
WITH_CTRL_C = [
    sys.executable,
    "-c",
    "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execv(sys.argv[1], sys.argv[1:])",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(address: str) -> str:
    with urllib.request.urlopen(address, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(address: str, text: str, seconds: float = 60) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            if text in fetch(address):
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


def follow(stream) -> tuple[list[str], threading.Thread]:
    """The lines a process prints, collected as they come until it ends."""
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(iter(stream.readline, "")), daemon=True)
    reader.start()
    return lines, reader


def wait_for_line(lines: list[str], text: str, seconds: float = 60) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if any(text in line for line in list(lines)):
            return True
        time.sleep(0.1)
    return False


def memory_has_room() -> bool:
    """What scripts/serve asks before it puts the preview in memory."""
    return MEMORY.is_dir() and os.access(MEMORY, os.W_OK) and shutil.disk_usage(MEMORY).free > 2**30


def test_serve_shows_a_registry_edit_and_survives_a_mistake(tmp_path):
    project = copy_project(tmp_path / "project", registries=MINIMAL)
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    server = subprocess.Popen(
        [*WITH_CTRL_C, ROOT / "scripts" / "serve", "-f", project / "mkdocs.yml", "-a", f"127.0.0.1:{port}"],
        env={**{k: v for k, v in os.environ.items() if k != "TMPDIR"}, "SITE_URL": base},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )  # the editors' command
    output, reader = follow(server.stdout)
    try:
        assert wait_for(base + "parter/borlange-energi/", "Borlänge Energi"), "".join(output)
        preview = Path(re.search(r"documentation to directory: (\S+)", "".join(output))[1])
        assert preview.is_dir() and preview.is_relative_to(MEMORY) == memory_has_room(), (
            f"the preview is in {preview}: in memory (/dev/shm) only, and always, where it has 1 GB free"
        )
        partners = project / "partners.yaml"
        partners.write_text(
            partners.read_text(encoding="utf-8").replace("name: Borlänge Energi", "name: Borlänge Energi AB"),
            encoding="utf-8",
        )
        assert wait_for(base + "en/parter/borlange-energi/", "Borlänge Energi AB"), "".join(output)
        partners.write_text(
            partners.read_text(encoding="utf-8").replace("    website:", "    webbsite:"), encoding="utf-8"
        )
        # MkDocs holds requests while a rebuild fails; fixing the mistake brings the site back
        assert wait_for_line(output, "unknown field 'webbsite' — did you mean 'website'?"), "".join(output)
        partners.write_text(
            partners.read_text(encoding="utf-8").replace("    webbsite:", "    website:"), encoding="utf-8"
        )
        assert wait_for(base + "parter/borlange-energi/", "Borlänge Energi AB"), "".join(output)
    finally:
        server.send_signal(signal.SIGINT)  # Ctrl-C, as an editor stops it
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
            raise AssertionError("the preview did not stop on Ctrl-C; it printed:\n" + "".join(output)) from None
        finally:
            reader.join(timeout=30)
            server.stdout.close()
    assert "Traceback" not in "".join(output)
    assert not preview.exists(), f"the preview's folder {preview} is left after Ctrl-C"
    if memory_has_room():
        assert not preview.parent.exists(), f"scripts/serve's folder {preview.parent} is left after Ctrl-C"
