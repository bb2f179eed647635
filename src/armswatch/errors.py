"""One exception tree; the CLI and the API map it to exit codes and HTTP errors."""

from __future__ import annotations


class ArmswatchError(Exception):
    """Base of every error armswatch raises on purpose."""


class InputError(ArmswatchError):
    """A document could not be read; `where` names the file (and line)."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}")
        self.where = where
        self.problem = problem


class DataFileError(ArmswatchError):
    """A bundled or user-supplied knowledge file is invalid."""


class StoreError(ArmswatchError):
    """The store could not be opened or written."""
