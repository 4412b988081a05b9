"""Compiled templates kept on disk in the project's own `.cache/jinja/` (gitignored), as Python
keeps compiled modules in __pycache__.

Compiling is the slow part of a template, and MkDocs makes a new theme environment for every
language and every rebuild. Jinja's own cache keys a template by its name and checks its
source; but the compiled code also depends on the environment's options, above all
autoescape, our defence against script injection. So the key here is made of the template's
name and file and every option that changes the compiled code, and the cache is the
project's own, not a folder shared with every checkout on the machine.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket

# Environment attributes that the code generator reads (jinja2/environment.py, compiler.py).
COMPILE_OPTIONS = (
    "block_start_string",
    "block_end_string",
    "variable_start_string",
    "variable_end_string",
    "comment_start_string",
    "comment_end_string",
    "line_statement_prefix",
    "line_comment_prefix",
    "trim_blocks",
    "lstrip_blocks",
    "newline_sequence",
    "keep_trailing_newline",
    "optimized",
    "is_async",
)
FOLDER = Path(".cache") / "jinja"


def compile_options(env: jinja2.Environment, name: str) -> tuple[object, ...]:
    """Everything besides the source that decides the code a template compiles to."""
    autoescape = env.autoescape(name) if callable(env.autoescape) else env.autoescape
    return (
        jinja2.__version__,
        bool(autoescape),
        env.finalize is not None,
        tuple(sorted(env.extensions)),
        env.code_generator_class.__qualname__,
        *(getattr(env, option) for option in COMPILE_OPTIONS),
    )


class TemplateCache(jinja2.FileSystemBytecodeCache):
    def get_bucket(self, environment: jinja2.Environment, name: str, filename: str | None, source: str) -> Bucket:
        key = hashlib.sha256(repr((name, filename, compile_options(environment, name))).encode()).hexdigest()
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket


def template_cache(project: Path) -> TemplateCache | None:
    """The cache in `project`/.cache/jinja, or None (compile every time) where it cannot be written."""
    folder = project / FOLDER
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return TemplateCache(str(folder), "%s.cache") if os.access(folder, os.W_OK) else None
