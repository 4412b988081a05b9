"""The built HTML, checked by the W3C Nu HTML Checker (vnu-jar from npm, run with Java)."""

from __future__ import annotations

import subprocess

from conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_the_nu_html_checker_reports_no_error_on_any_page(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 100
    result = subprocess.run(
        # The quick compiler only (a short run does not repay the optimising one, which doubled the
        # CPU time), and the deep stack the checker's schema needs with it.
        [
            "java",
            "-XX:TieredStopAtLevel=1",
            "-Xss8m",
            "-jar",
            str(VNU),
            "--errors-only",
            "--format",
            "gnu",
            "--skip-non-html",
            str(site),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    errors = (result.stdout + result.stderr).replace(f"{site}/", "").strip()
    assert errors == ""
    assert result.returncode == 0
