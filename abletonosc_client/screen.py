"""Terminal output that can print above a line being typed and redraw it."""
from __future__ import annotations

import sys
import threading
from typing import Any, Optional, TextIO


def load_readline() -> Optional[Any]:
    """The readline module, or None (Windows without pyreadline3): plain input then."""
    try:
        import readline
    except ImportError:
        return None
    return readline


class Screen(object):
    """Writes whole lines; while the user types, a line goes above the prompt and the input is redrawn."""

    def __init__(self, prompt: str, readline: Optional[Any], stream: Optional[TextIO] = None) -> None:
        self.prompt = prompt
        self.readline = readline
        self.stream = stream or sys.stdout
        self.lock = threading.Lock()
        self.reading = False

    def line_buffer(self) -> str:
        """The text typed so far on the input line ('' without readline)."""
        if self.readline is None:
            return ""
        try:
            return self.readline.get_line_buffer()
        except AttributeError:
            return ""

    def show(self, text: str) -> None:
        """Print ``text`` (one or more lines) without breaking the input line."""
        with self.lock:
            if not self.reading:
                self.stream.write(text + "\n")
                self.stream.flush()
                return
            if self.readline is not None:
                # Clear the input line, print, then draw the prompt and the typed text again.
                self.stream.write("\r\x1b[K" + text + "\n" + self.prompt + self.line_buffer())
                self.stream.flush()
                try:
                    self.readline.redisplay()
                except AttributeError:
                    pass
            else:
                self.stream.write("\n" + text + "\n" + self.prompt)
                self.stream.flush()

    def read(self) -> str:
        """One input line (EOFError at the end of input)."""
        hooked = False
        if self.readline is not None:
            try:
                # Readline calls this once the prompt is on screen: only then is there a line to redraw.
                self.readline.set_pre_input_hook(self._prompt_shown)
                hooked = True
            except AttributeError:
                pass
        if not hooked:
            self._prompt_shown()
        try:
            return input(self.prompt)
        finally:
            with self.lock:
                self.reading = False

    def _prompt_shown(self) -> None:
        with self.lock:
            self.reading = True
