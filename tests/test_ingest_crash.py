"""Crash safety for real: kill -9 an ingest, rerun it, compare with a clean run.

Two variants: the `armswatch ingest` command with the real extractor over example reports,
and a stand-in extraction slowed down so that kills land at many different moments.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text

TESTS = Path(__file__).resolve().parent
SOURCE = TESTS.parent / "src"
EXAMPLES = TESTS.parent / "examples"
SIZE = 240

SCRIPT = textwrap.dedent("""
    import sys, time
    sys.path[:0] = [{tests!r}, {source!r}]
    from conftest import store_corpus, store_fake_extraction
    from armswatch.store.db import open_store
    from armswatch.store.ingest import Ingestor

    def slow_extract(documents):
        for document in documents:
            time.sleep({delay})  # stands in for the NLP work, so kills land mid-run
            yield store_fake_extraction(document)

    Ingestor(open_store(sys.argv[1]), slow_extract, batch_size=8).run(store_corpus({size}))
""")


def _script(tmp_path: Path, delay: float) -> Path:
    path = tmp_path / f"ingest_{int(delay * 1000)}.py"
    path.write_text(SCRIPT.format(tests=str(TESTS), source=str(SOURCE), delay=delay,
                                  size=SIZE))
    return path


def _run(script: Path, url: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(script), url], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)


def _stored(url: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return connection.execute(text("SELECT count(*) FROM documents")).scalar_one()
    except Exception:  # the schema may not exist yet right after start
        return 0
    finally:
        engine.dispose()


def kill_once_stored(process: subprocess.Popen, url: str, wanted: int,
                     patience: float = 60) -> bool:
    """SIGKILL `process` as soon as `wanted` documents are committed; False if it ended first."""
    deadline = time.monotonic() + patience
    while _stored(url) < wanted and process.poll() is None:
        assert time.monotonic() < deadline, "ingest made no progress"
        time.sleep(0.002)
    killed = process.poll() is None
    if killed:
        os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    return killed


def snapshot(url: str) -> dict[str, Any]:
    """Everything a run leaves behind, keyed by stable values rather than row ids."""
    queries = {
        "documents": "SELECT d.doc_id, d.content_hash, o.doc_id FROM documents d "
                     "LEFT JOIN documents o ON o.id = d.duplicate_of",
        "texts": "SELECT d.doc_id, x.text FROM document_texts x "
                 "JOIN documents d ON d.id = x.document_id",
        "transfers": "SELECT d.doc_id, t.ordinal, t.actor_key, t.state_key, t.status "
                     "FROM transfers t JOIN documents d ON d.id = t.document_id",
        "claims": "SELECT d.doc_id, t.ordinal, c.source, c.stance, c.evidence_start "
                  "FROM claims c JOIN transfers t ON t.id = c.transfer_id "
                  "JOIN documents d ON d.id = t.document_id",
        "relations": "SELECT level, key, status, documents, stories, independent_sources, "
                     "confidence FROM relations",
        "pending": "SELECT count(*) FROM transfers WHERE NOT aggregated",
    }
    engine = create_engine(url)
    with engine.connect() as connection:
        result = {name: sorted(map(tuple, connection.execute(text(sql))))
                  for name, sql in queries.items()}
    engine.dispose()
    return result


def example_reports() -> list[Path]:
    """Eighteen example reports, then syndicated copies of two of them (stored last)."""
    originals = sorted((EXAMPLES / "json").glob("*.json"))[:18]
    copies = [EXAMPLES / "syndicated" / f"{path.stem}-copy.json" for path in originals]
    return originals + [path for path in copies if path.exists()][:2]


def armswatch_ingest(paths: list[Path], url: str) -> subprocess.Popen:
    command = shutil.which("armswatch", path=str(Path(sys.executable).parent)) or "armswatch"
    return subprocess.Popen([command, "ingest", *map(str, paths), "--db", url,
                             "--batch-size", "2", "--quiet"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_real_ingest_killed_after_first_batch_then_rerun_equals_clean_run(tmp_path):
    reports = example_reports()
    assert len(reports) == 20
    clean_url = f"sqlite:///{tmp_path / 'clean.db'}"
    crashed_url = f"sqlite:///{tmp_path / 'crashed.db'}"
    clean = armswatch_ingest(reports, clean_url)  # runs alongside the one to be killed
    doomed = armswatch_ingest(reports, crashed_url)
    assert kill_once_stored(doomed, crashed_url, 2), "the run ended before it could be killed"
    assert doomed.returncode == -signal.SIGKILL
    assert 2 <= _stored(crashed_url) < len(reports)
    assert clean.wait(timeout=120) == 0, clean.stderr.read().decode()

    rerun = armswatch_ingest(reports, crashed_url)
    assert rerun.wait(timeout=120) == 0, rerun.stderr.read().decode()
    expected = snapshot(clean_url)
    assert snapshot(crashed_url) == expected
    assert len(expected["documents"]) == len(expected["texts"]) == len(reports)
    assert sum(original is not None for _, _, original in expected["documents"]) == 2
    assert expected["transfers"] and expected["relations"] and expected["pending"] == [(0,)]


def test_stand_in_killed_at_many_moments_then_rerun_equals_clean_run(tmp_path):
    clean_url = f"sqlite:///{tmp_path / 'clean.db'}"
    crashed_url = f"sqlite:///{tmp_path / 'crashed.db'}"
    fast = _script(tmp_path, 0.0)
    assert _run(fast, clean_url).wait(timeout=120) == 0
    clean = snapshot(clean_url)
    assert len(clean["documents"]) == len(clean["texts"]) == SIZE

    slow = _script(tmp_path, 0.004)
    kills = 0
    for wait_for in (1, 40, 41, 120, 200):  # documents stored before each kill
        kills += kill_once_stored(_run(slow, crashed_url), crashed_url, wait_for)
        assert _stored(crashed_url) <= SIZE
    assert kills >= 3, "the runs finished before they could be killed"
    final = _run(slow, crashed_url)
    assert final.wait(timeout=120) == 0, final.stderr.read().decode()
    assert snapshot(crashed_url) == clean
    assert clean["pending"] == [(0,)]
