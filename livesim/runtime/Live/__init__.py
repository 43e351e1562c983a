"""livesim's ``Live`` package: the Live Object Model a remote script imports (``import Live``).

The public submodules (``Live.Song``, ``Live.Track`` ...) hold exactly the names Live's modules
hold; they are made from the table in ``Live._public``.  Their classes live in private modules
(``Live._song``, ``Live._track`` ...) as thin views on the model (nodes and rules, in
``Live._song_model``, ``Live._track_model`` ...), over ``Live._lom`` (the machinery every class
uses).  Classes report the leaf module name (``type(song).__module__ == "Song"``).
"""
import sys as _sys

from Live import _public

_public.install(_sys.modules[__name__])
del _sys
