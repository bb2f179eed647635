"""TimeML reading, writing and TempEval-3 scoring."""

from __future__ import annotations

from pathlib import Path

import pytest

from armswatch.tempeval import (
    TimemlTimex,
    count_matches,
    read_timeml,
    render_timeml,
    run_tempeval,
    score_dirs,
    tag_document,
)

DATA = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "tempeval3"

SAMPLE = (
    '<?xml version="1.0" ?>\n<TimeML>\n<DOCID>sample</DOCID>\n'
    '<DCT><TIMEX3 tid="t0" type="DATE" value="2023-09-14" '
    'functionInDocument="CREATION_TIME">2023-09-14</TIMEX3></DCT>\n'
    '<TEXT>\nOfficials <EVENT eid="e1">said</EVENT> '
    '<TIMEX3 tid="t1" type="DATE" value="2023-09-13">Wednesday</TIMEX3> '
    'that drones &amp; shells arrived '
    '<TIMEX3 tid="t2" type="DATE" value="2023-08">last month</TIMEX3>.\n'
    'Talks lasted <TIMEX3 tid="t3" type="DURATION" value="P3D">three days</TIMEX3> '
    '&lt;in Minsk&gt;.\n</TEXT>\n</TimeML>\n'
)


def write_sample(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "sample.tml"
    path.write_text(SAMPLE, encoding="utf-8")
    return path


def test_read_timeml_strips_tags_and_keeps_offsets(tmp_path: Path) -> None:
    doc = read_timeml(write_sample(tmp_path))
    assert str(doc.dct) == "2023-09-14"
    assert "drones & shells" in doc.text and "<in Minsk>" in doc.text
    assert [doc.text[t.start:t.end] for t in doc.timexes] == ["Wednesday", "last month",
                                                              "three days"]
    assert [t.value for t in doc.timexes] == ["2023-09-13", "2023-08", "P3D"]


def test_rendered_file_has_identical_text_and_our_tags(tmp_path: Path) -> None:
    doc = read_timeml(write_sample(tmp_path / "in"))
    out = tmp_path / "out" / "sample.tml"
    out.parent.mkdir()
    out.write_text(render_timeml(doc, tag_document(doc)), encoding="utf-8")
    again = read_timeml(out)
    assert again.text == doc.text
    assert again.dct == doc.dct
    assert "EVENT" not in out.read_text(encoding="utf-8").split("<TEXT>")[1]
    assert [(t.type, t.value) for t in again.timexes] == [
        ("DATE", "2023-09-13"), ("DATE", "2023-08"), ("DURATION", "P3D")]


def test_run_tempeval_scores_a_perfect_document(tmp_path: Path) -> None:
    write_sample(tmp_path / "in")
    scores = run_tempeval(tmp_path / "in", tmp_path / "out")
    assert (scores.files, scores.gold, scores.predicted) == (1, 3, 3)
    assert scores.strict_f1 == scores.relaxed_f1 == scores.value_f1 == 1.0
    assert scores.type_accuracy == 1.0


def test_score_dirs_counts_a_missing_system_file_as_no_output(tmp_path: Path) -> None:
    write_sample(tmp_path / "gold")
    (tmp_path / "empty").mkdir()
    scores = score_dirs(tmp_path / "gold", tmp_path / "empty")
    assert (scores.gold, scores.predicted, scores.relaxed_r, scores.value_f1) == (3, 0, 0.0, 0.0)


def test_relaxed_and_value_matching() -> None:
    gold = [TimemlTimex(0, 10, "DATE", "2023-01"), TimemlTimex(20, 25, "DATE", "2023")]
    system = [TimemlTimex(4, 10, "DATE", "2023-01"), TimemlTimex(20, 25, "DATE", "2022"),
              TimemlTimex(40, 45, "DATE", "2021")]
    counts = count_matches(gold, system)
    assert (counts.strict, counts.relaxed_gold, counts.relaxed_predicted) == (1, 2, 2)
    assert counts.value_correct == 1


@pytest.mark.skipif(not (DATA / "test").is_dir(), reason="TempEval-3 data not available")
def test_platinum_value_f1_clears_the_bar(tmp_path: Path) -> None:
    scores = run_tempeval(DATA / "test", tmp_path / "test")
    assert scores.files == 20 and scores.gold == 138
    assert scores.value_f1 >= 0.78
    assert scores.relaxed_f1 >= 0.85


@pytest.mark.skipif(not (DATA / "train").is_dir(), reason="TempEval-3 data not available")
def test_training_texts_survive_tagging_unchanged(tmp_path: Path) -> None:
    for path in sorted((DATA / "train").glob("*.tml"))[:40]:
        doc = read_timeml(path)
        out = tmp_path / path.name
        out.write_text(render_timeml(doc, tag_document(doc)), encoding="utf-8")
        assert read_timeml(out).text == doc.text
