"""Tab completion for the console: addresses, then each address's argument names."""
from __future__ import annotations

from typing import Dict, List, Sequence

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


def condensed(typed: str, matches: Sequence[str]) -> List[str]:
    """Matching addresses cut after the next '/' past what is typed, without repeats.

    Typing /live/ and Tab then lists /live/song/, /live/track/... rather than every address.
    """
    shown = []  # type: List[str]
    for match in matches:
        if match.startswith("/") and match.startswith(typed):
            cut = match.find("/", len(typed))
            match = match[:cut + 1] if cut >= 0 else match
        if match not in shown:
            shown.append(match)
    return shown


def columns(items: Sequence[str], width: int) -> str:
    """Items laid out in columns, down then across, as readline lists them."""
    if not items:
        return ""
    cell = max(len(item) for item in items) + 2
    per_line = max(1, width // cell)
    rows = (len(items) + per_line - 1) // per_line
    lines = []
    for row in range(rows):
        line = "".join(items[i].ljust(cell) for i in range(row, len(items), rows))
        lines.append(line.rstrip())
    return "\n".join(lines)
