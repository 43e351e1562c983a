"""Did you mean: the known addresses nearest to one that is not known.

The addresses form a tree of segments ("live", "song", "get", "tempo"). An unknown address is
walked through it level by level: a known segment is followed; an unknown one is compared
(edit distance) with that level's few names only, keeping the best few paths. The cost is
bounded by the widest level (about a hundred names) and by MAX_EDITS, never by the number of
addresses, and answers are cached, so a sender repeating a typo costs a lookup.
"""

BEAM = 4
MAX_CACHED = 256
#: Typos, not rewrites: at most this many edits per segment, and segments longer than
#: MAX_SEGMENT are not compared at all, so one unknown address costs about a millisecond.
MAX_EDITS = 3
MAX_SEGMENT = 48


def distance(a, b, limit):
    """The edit distance of a and b (insert, delete, replace, swap two neighbours), or limit+1 when above it."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2 = None
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        best = i
        for j, cb in enumerate(b, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if previous2 is not None and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, previous2[j - 2] + 1)
            current[j] = cost
            best = min(best, cost)
        if best > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


class Suggester(object):
    """Nearest known addresses for unknown ones."""

    def __init__(self, addresses):
        self.tree = {}
        for address in addresses:
            node = self.tree
            for part in address.split("/")[1:]:
                node = node.setdefault(part, {})
            node[None] = address
        self._cache = {}

    def nearest(self, address, limit=3):
        """Up to ``limit`` known addresses near ``address``, nearest first."""
        key = (address, limit)
        found = self._cache.get(key)
        if found is None:
            found = self._walk(address.split("/")[1:], limit)
            if len(self._cache) >= MAX_CACHED:
                self._cache.clear()
            self._cache[key] = found
        return found

    def _walk(self, parts, limit):
        beam = [(0, self.tree)]
        for part in parts:
            grown = []
            for cost, node in beam:
                child = node.get(part)
                if child is not None:
                    grown.append((cost, child))
                    continue
                if len(part) > MAX_SEGMENT:
                    continue
                allowed = min(MAX_EDITS, max(1, len(part) // 3))
                for name, sub in node.items():
                    if name is None:
                        continue
                    d = distance(part, name, allowed)
                    if d <= allowed:
                        grown.append((cost + d, sub))
            grown.sort(key=lambda item: item[0])
            beam = grown[:BEAM]
            if not beam:
                return ()
        found = []
        for cost, node in beam:
            address = node.get(None)
            if address is not None and address not in found:
                found.append(address)
        return tuple(found[:limit])


def did_you_mean(candidates):
    """ "; did you mean /a?" or "; did you mean /a or /b?" ("" for none)."""
    if not candidates:
        return ""
    if len(candidates) == 1:
        return "; did you mean %s?" % candidates[0]
    return "; did you mean %s or %s?" % (", ".join(candidates[:-1]), candidates[-1])
