"""Political news that is not about arms transfers should yield almost none.

Reads the PolNeAR development articles (US political news, 2016) from ../shared at run
time; they are research data and are not part of the project. Skips when absent.
"""

from __future__ import annotations

import pytest
from conftest import SHARED

from armswatch.model import Document

pytestmark = pytest.mark.slow

ARTICLES = SHARED / "benchmarks" / "polnear" / "dev" / "text"


def test_general_political_news_yields_few_transfers(shared_extractor):
    if not ARTICLES.is_dir():
        pytest.skip("PolNeAR articles are not available")
    paths = sorted(ARTICLES.glob("*.txt"))
    documents = [Document(id=p.stem, text=p.read_text(encoding="utf-8"), published="2016-10-01")
                 for p in paths]
    transfers = sum(len(e.transfers) for e in shared_extractor.extract(documents))
    assert len(documents) > 50
    # a few articles do mention real arms supplies; spurious readings would be many
    assert transfers <= len(documents) * 0.05, transfers
