"""Tab completion for the console: addresses, then each address's argument names."""
from __future__ import annotations

from typing import Dict, List

from .catalog import AddressInfo
from .lineparse import split_line

COMMANDS = ("help", "quit", "exit")
BOOL_WORDS = ("True", "False")


class Completer(object):
    """Candidates for the word being typed, given the text before it."""

    def __init__(self, entries: List[AddressInfo]) -> None:
        self.entries = {}  # type: Dict[str, AddressInfo]
        self.update(entries)

    def update(self, entries: List[AddressInfo]) -> None:
        """Replace the address catalogue."""
        self.entries = dict((entry.address, entry) for entry in entries)
        self.addresses = sorted(self.entries)

    def candidates(self, before: str, text: str) -> List[str]:
        """What may replace ``text``, the word after ``before`` on the line."""
        try:
            words = split_line(before)
        except ValueError:
            return []
        if not words:
            return [a for a in self.addresses if a.startswith(text)] + [c for c in COMMANDS if c.startswith(text)]
        if words[0] == "help":
            return [a for a in self.addresses if a.startswith(text)] if len(words) == 1 else []
        entry = self.entries.get(words[0])
        if entry is None:
            return []
        position = len(words) - 1
        names = entry.arg_names
        current = names[min(position, len(names) - 1)] if names else ""
        if text:
            if current.partition(":")[2].startswith("b"):
                return [word for word in BOOL_WORDS if word.lower().startswith(text.lower())]
            return []
        remaining = names[position:] if position < len(names) else [n for n in names[-1:] if n.endswith("*")]
        if not remaining:
            return []
        # Hints, never inserted: two candidates that share no prefix make readline list them
        # and leave the line alone ('<' sorts before '=', so the arguments come first).
        return ["<%s>" % " ".join(remaining), "=> %s" % (entry.reply or "no reply")]
