"""TempEval-3 Task A figures for the time stage, on train (TimeBank + AQUAINT) and test
(TE3-Platinum), plus tagging speed.

Usage: python benchmarks/tempeval.py [DATA_DIR]
DATA_DIR defaults to ../shared/benchmarks/tempeval3 beside the project root and must hold
train/ and test/ folders of .tml files.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
try:
    import armswatch  # noqa: F401
except ImportError:  # running from a checkout without an install
    sys.path.insert(0, str(ROOT / "src"))

from armswatch.pipeline.timex import find_timexes  # noqa: E402
from armswatch.tempeval import TempevalScores, read_timeml, run_tempeval  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "benchmarks" / "tempeval3"
COLUMNS = ("files", "gold", "pred", "strict P", "strict R", "strict F1", "relax P",
           "relax R", "relax F1", "val acc", "value F1", "type acc")


def _row(name: str, s: TempevalScores) -> str:
    figures = [s.strict_p, s.strict_r, s.strict_f1, s.relaxed_p, s.relaxed_r, s.relaxed_f1,
               s.value_accuracy, s.value_f1, s.type_accuracy]
    cells = [f"{s.files:>5}", f"{s.gold:>5}", f"{s.predicted:>5}"]
    cells += [f"{100 * f:>9.2f}" for f in figures]
    return f"{name:<6}" + " ".join(cells)


def measure_speed(folder: Path, repeats: int = 5) -> tuple[int, float]:
    """Characters tagged per second over the folder's texts, best of `repeats` runs."""
    docs = [read_timeml(path) for path in sorted(folder.glob("*.tml"))]
    chars = sum(len(doc.text) for doc in docs)
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        for doc in docs:
            find_timexes(doc.text, doc.dct)
        best = min(best, time.perf_counter() - started)
    return chars, chars / best


def main(argv: list[str]) -> int:
    data = Path(argv[1]) if len(argv) > 1 else DEFAULT_DATA
    if not (data / "train").is_dir() or not (data / "test").is_dir():
        print(f"no TempEval-3 data under {data}", file=sys.stderr)
        return 2
    print(f"{'split':<6}" + " ".join(f"{c:>9}" if i > 2 else f"{c:>5}"
                                      for i, c in enumerate(COLUMNS)))
    with tempfile.TemporaryDirectory() as scratch:
        for split in ("train", "test"):
            scores = run_tempeval(data / split, Path(scratch) / split)
            print(_row(split, scores))
    chars, speed = measure_speed(data / "train")
    print(f"speed: {speed / 1e6:.2f} MB/s ({chars:,} characters of train text, best of 5)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
