"""Crash safety for real: kill -9 an ingest repeatedly, rerun it, compare with a clean run."""

from __future__ import annotations

import os
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


def snapshot(url: str) -> dict[str, Any]:
    """Everything a run leaves behind, keyed by stable values rather than row ids."""
    queries = {
        "documents": "SELECT d.doc_id, d.content_hash, o.doc_id FROM documents d "
                     "LEFT JOIN documents o ON o.id = d.duplicate_of",
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


def test_kill_9_at_any_moment_then_rerun_equals_clean_run(tmp_path):
    clean_url = f"sqlite:///{tmp_path / 'clean.db'}"
    crashed_url = f"sqlite:///{tmp_path / 'crashed.db'}"
    fast = _script(tmp_path, 0.0)
    assert _run(fast, clean_url).wait(timeout=120) == 0
    clean = snapshot(clean_url)
    assert len(clean["documents"]) == SIZE

    slow = _script(tmp_path, 0.004)
    kills = 0
    for wait_for in (1, 40, 41, 120, 200):  # documents stored before each kill
        process = _run(slow, crashed_url)
        deadline = time.monotonic() + 60
        while _stored(crashed_url) < wait_for and process.poll() is None:
            assert time.monotonic() < deadline, "ingest made no progress"
            time.sleep(0.005)
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
            kills += 1
        process.wait(timeout=30)
        assert _stored(crashed_url) <= SIZE
    assert kills >= 3, "the runs finished before they could be killed"
    final = _run(slow, crashed_url)
    assert final.wait(timeout=120) == 0, final.stderr.read().decode()
    assert snapshot(crashed_url) == clean
    assert clean["pending"] == [(0,)]
