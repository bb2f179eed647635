"""armswatch: who arms whom, according to whom, from news reports."""

__version__ = "0.1.0"
