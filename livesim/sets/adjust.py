"""What a set loader changed to open a file Live opened: counted per kind, reported once per kind.

Live opens sets that hold things livesim cannot model exactly (a plug-in it cannot run, a loop end
before its loop start, a note of zero length).  The loader reads such things as closely as it can
and notes each change here; ``lines()`` gives one log line per kind.  In strict mode the first
change refuses the file instead (for people validating the sets their own tools write).
"""
import collections
import os

from .errors import SetError

AUTOMATION_NOT_READ = ("arrangement automation is not played: parameters keep the values saved in the set and "
                       "show automation_state 1 (playing) (livesim plays clip envelopes, not arrangement "
                       "automation)")


class Adjustments(object):
    """The changes made while reading one set file."""

    def __init__(self, source, strict=False):
        self.source = source
        self.strict = strict
        self.kinds = collections.OrderedDict()  # kind -> [count, where first seen]

    def add(self, kind, where):
        """Note one change of ``kind`` (a sentence saying what was done) at ``where`` (a key path)."""
        if self.strict:
            raise SetError("%s: %s: %s (refused: strict loading)" % (self.source, where, kind))
        entry = self.kinds.get(kind)
        if entry is None:
            self.kinds[kind] = [1, where]
        else:
            entry[0] += 1

    def __len__(self):
        return sum(entry[0] for entry in self.kinds.values())

    def lines(self):
        """One line per kind of change: what was done, how often, and where first."""
        out = []
        for kind, (count, where) in self.kinds.items():
            times = "once" if count == 1 else "%d times" % count
            out.append("%s: %s (%s; first at %s)" % (os.path.basename(str(self.source)), kind, times, where))
        return out


def summary(count):
    """The banner's words for ``count`` kinds of adjustment (one log line each)."""
    if not count:
        return "loaded as saved"
    return "loaded with %d adjustment%s; see the log" % (count, "" if count == 1 else "s")
