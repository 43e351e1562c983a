"""Address helpers: a property's get, start_listen and stop_listen addresses."""
from __future__ import annotations

from typing import Any, Tuple

LISTEN_VERBS = ("get", "start_listen", "stop_listen")


def listen_addresses(address: str) -> Tuple[str, str, str]:
    """(get, start_listen, stop_listen) addresses of a property given any one of them."""
    parts = address.split("/")
    for position, part in enumerate(parts):
        if part in LISTEN_VERBS and position >= 2:
            def with_verb(verb: str) -> str:
                return "/".join(parts[:position] + [verb] + parts[position + 1:])

            return with_verb("get"), with_verb("start_listen"), with_verb("stop_listen")
    raise ValueError("not a property address (no get/start_listen/stop_listen part): %s" % address)


def same_value(expected: object, actual: object) -> bool:
    """Whether an echoed argument is the one sent ('*' matches anything; 2 matches 2.0)."""
    if expected == "*":
        return True
    if isinstance(expected, (int, float)) and isinstance(actual, (int, float)):
        return bool(expected == actual)
    return expected == actual


def echoes(sent: Tuple[object, ...], values: Tuple[object, ...]) -> bool:
    """Whether ``values`` start with the arguments in ``sent``."""
    if len(values) < len(sent):
        return False
    for expected, actual in zip(sent, values):
        if not same_value(expected, actual):
            return False
    return True


def after_echo(sent: Tuple[Any, ...], values: Tuple[Any, ...]) -> Any:
    """What follows the echoed arguments in a reply: one value, or a tuple of several."""
    rest = values[len(sent):] if echoes(sent, values) else values
    return rest[0] if len(rest) == 1 else tuple(rest)
