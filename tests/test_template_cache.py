"""The cache of compiled templates is the project's own and never serves code compiled for
other options: a template compiled without autoescape must not reach an environment with it."""

from __future__ import annotations

import jinja2

from conftest import MINIMAL, build, copy_project
from registry.template_cache import template_cache

PAYLOAD = "<script>alert(1)</script>"


def render(project, autoescape: bool) -> str:
    env = jinja2.Environment(
        loader=jinja2.DictLoader({"t.html": "<p>{{ value }}</p>"}),
        autoescape=autoescape,
        bytecode_cache=template_cache(project),
    )
    return env.get_template("t.html").render(value=PAYLOAD)


def test_a_template_compiled_without_autoescape_is_not_served_to_an_escaping_environment(tmp_path):
    assert render(tmp_path, autoescape=False) == f"<p>{PAYLOAD}</p>"
    assert render(tmp_path, autoescape=True) == "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"
    assert len(list((tmp_path / ".cache" / "jinja").glob("*.cache"))) == 2  # one compiled copy each


def test_the_build_keeps_compiled_templates_in_the_project_only(tmp_path):
    project = copy_project(tmp_path / "project", registries=MINIMAL, compiled=False)
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    compiled = list((project / ".cache" / "jinja").glob("*.cache"))
    assert len(compiled) > 20  # ours and Material's
