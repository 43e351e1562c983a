"""The one error type of the set loaders."""


class SetError(ValueError):
    """A set file is unreadable or does not match the schema; the text names the file and key path."""
