"""The time stage: temporal expressions resolved against a report's publication date.

The implementation lives in :mod:`armswatch.timex`; this module is the stable import path.
"""

from armswatch.timex import Timex, find_timexes, interval_of

__all__ = ["Timex", "find_timexes", "interval_of"]
