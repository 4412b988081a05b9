"""The registries of Klimatneutrala Borlänge 2030: load, check and render them.

Pure Python: nothing here imports MkDocs, so tests and the editors' check call it directly.
"""

from .load import Registries, load_registries
from .problems import Problem, RegistryError

__all__ = ["Problem", "Registries", "RegistryError", "load_registries"]
