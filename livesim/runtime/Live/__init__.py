"""livesim's ``Live`` package: the Live Object Model a remote script imports (``import Live``).

Submodules are flat and named like Live's (``Live.Song``, ``Live.Track`` ...); classes report
the leaf module name (``type(song).__module__ == "Song"``).  Every public module in this
directory is imported here, as ``import Live; Live.Song.Quantization`` expects.  The shared
machinery every class uses is documented in ``Live._lom``.
"""
import importlib
import os

for _file in sorted(os.listdir(os.path.dirname(os.path.abspath(__file__)))):
    if _file.endswith(".py") and not _file.startswith("_"):
        globals()[_file[:-3]] = importlib.import_module("Live." + _file[:-3])
del _file, importlib, os
