"""The addresses the MCP tools may use: the running script's catalogue, described by the
registry, and searched by words.

The script lists what it answers (/live/api/get/addresses); the AbletonOSC package beside this
client describes each address (kind, description, Live version, example). A script newer than
the package still has its addresses listed, with kinds guessed from their names.
"""
from __future__ import annotations

import re
from typing import Any, Dict, Iterable, List, Optional

from ..catalog import AddressInfo, completion_entries, guess_kind

KINDS = ("get", "set", "method", "start_listen", "stop_listen", "status")
_WORD = re.compile(r"[a-z0-9]+")
# Musicians' words for what Live's API names otherwise.
SYNONYMS = {
    "locator": ("cue",), "marker": ("cue",), "bpm": ("tempo",), "fader": ("volume",), "level": ("volume",),
    "pan": ("panning",), "sidechain": ("routing", "input"), "effect": ("device",), "instrument": ("device",),
    "plugin": ("device",), "knob": ("parameter",), "macro": ("parameter", "macros"), "pattern": ("clip",),
    "loop": ("loop", "looping"), "record": ("record", "arm"), "meter": ("output_meter", "meter"),
    "sample": ("sample", "simpler"), "quantise": ("quantize",), "colour": ("color",),
}


def words(text: str) -> List[str]:
    """Lower-case words of a text or an address, singular ('markers' -> 'marker')."""
    return [_singular(w) for w in _WORD.findall(text.lower())]


def _singular(word: str) -> str:
    if len(word) > 3 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


class AddressBook(object):
    """Address entries by address, with the registry's descriptions where it has them."""

    def __init__(self, entries: Iterable[AddressInfo], source: str = "package") -> None:
        self.entries = {}  # type: Dict[str, AddressInfo]
        for entry in entries:
            self.entries[entry.address] = entry
        self.source = source
        self._index = {}  # type: Dict[str, tuple]

    @classmethod
    def from_package(cls) -> "AddressBook":
        """Every address of the AbletonOSC package's registry."""
        return cls(completion_entries(), "package")

    def merged_with_server(self, listed: Iterable[AddressInfo]) -> "AddressBook":
        """The script's list of addresses, described from this book where it knows them."""
        result = []
        for item in listed:
            known = self.entries.get(item.address)
            if known is not None and known.args == item.args:
                result.append(known)
            else:
                kind = known.kind if known is not None else guess_kind(item.address, item.reply)
                doc = known.doc if known is not None else ""
                result.append(AddressInfo(item.address, item.args, item.reply, kind, doc))
        return AddressBook(result, "script")

    def get(self, address: str) -> Optional[AddressInfo]:
        """The entry of an address, or None."""
        return self.entries.get(address)

    def dispatchable(self) -> List[AddressInfo]:
        """Entries one can send to (status messages are only received)."""
        return [e for e in self.entries.values() if e.kind != "status"]

    def near(self, address: str, count: int = 3) -> List[str]:
        """Known addresses that look like ``address`` (for 'did you mean')."""
        import difflib

        return difflib.get_close_matches(address, list(self.entries), count, 0.6)

    def _words_of(self, entry: AddressInfo) -> tuple:
        cached = self._index.get(entry.address)
        if cached is None:
            cached = (set(words(entry.address)), set(words(entry.doc)))
            self._index[entry.address] = cached
        return cached

    def search(self, text: str, kind: str = "", limit: int = 20) -> List[AddressInfo]:
        """Entries whose address or description has the words of ``text``, best first.

        Every word must match when some entry matches them all; otherwise entries matching most
        words come first. Listener start/stop addresses are left out unless ``kind`` asks for
        them: a property's get address names them (the listen tool takes it).
        """
        wanted = words(text)
        scored = []
        for entry in self.dispatchable():
            if kind and entry.kind != kind:
                continue
            if not kind and entry.kind in ("start_listen", "stop_listen"):
                continue
            in_address, in_doc = self._words_of(entry)
            hits = 0
            score = 0
            for word in wanted:
                # The word itself counts more than a synonym; in the address more than in the description.
                points = 4 if _matches(word, in_address) else 3 if _matches(word, in_doc) else \
                    2 if any(_matches(w, in_address) for w in SYNONYMS.get(word, ())) else \
                    1 if any(_matches(w, in_doc) for w in SYNONYMS.get(word, ())) else 0
                if points:
                    hits += 1
                    score += points
            if hits:
                scored.append((hits, score, -len(entry.address), entry))
        if not scored:
            return []
        best_hits = max(item[0] for item in scored)
        scored = [item for item in scored if item[0] == best_hits]
        scored.sort(key=lambda item: (-item[1], -item[2], item[3].address))
        return [item[3] for item in scored[:max(1, limit)]]


def _matches(word: str, vocabulary: set) -> bool:
    if word in vocabulary:
        return True
    if len(word) < 3:
        return False
    return any(token.startswith(word) for token in vocabulary if len(token) > len(word))


def summary(entry: AddressInfo) -> Dict[str, Any]:
    """An entry as a tool shows it in a list."""
    item = {"address": entry.address, "kind": entry.kind, "arguments": entry.args, "reply": entry.reply}
    if entry.doc:
        item["description"] = entry.doc
    return item
