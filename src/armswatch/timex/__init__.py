"""Temporal expressions: recognition, TIMEX3 normalisation and date intervals."""

from armswatch.timex.calendar import interval_of
from armswatch.timex.tagger import Timex, find_timexes

__all__ = ["Timex", "find_timexes", "interval_of"]
