"""`armswatch eval`: extraction quality on gold files, or the time stage on TempEval-3."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from armswatch.cli.common import fail


def register(app: typer.Typer) -> None:
    app.command("eval")(evaluate)


def evaluate(
    gold: Annotated[list[Path] | None, typer.Argument(
        help="Gold files (*.gold.json) or folders of them")] = None,
    tempeval: Annotated[Path | None, typer.Option(
        help="Folder of TimeML files: tag their time expressions and score them")] = None,
    out: Annotated[Path | None, typer.Option(help="With --tempeval: where to write the "
                                                  "system's TimeML files")] = None,
    verbose: Annotated[bool, typer.Option(help="List each document's errors")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON")] = False,
) -> None:
    """Score extraction against gold readings (the figures of tools/score.py).

    Example: armswatch eval eval/test/
    """
    if tempeval is not None:
        _tempeval(tempeval, out, as_json)
        return
    if not gold:
        fail("give gold files or folders, or --tempeval IN_DIR --out OUT_DIR", code=2)
    from armswatch.evaluate import evaluate_files

    missing = [str(p) for p in gold if not p.exists()]
    if missing:
        fail(f"no such file or directory: {', '.join(missing)}", code=2)
    report = evaluate_files(gold)
    if as_json:
        print(json.dumps(report.to_json(), indent=2))
        return
    if verbose:
        for errors in report.errors:
            print(f"-- {errors.id}: FP {errors.false_transfers} FN {errors.missed_transfers} "
                  f"| claims FP {errors.false_claims} FN {errors.missed_claims}")
    names = {"transfers": "transfers (supplier,recipient,status)",
             "pairs": "pairs (supplier,recipient)", "claims": "claims (source,stance,pair)",
             "denials": "denials"}
    for key, counts in report.counts.items():
        print(f"{names[key]:40s} P={counts.precision:.3f} R={counts.recall:.3f} "
              f"F1={counts.f1:.3f}  (tp={counts.tp} fp={counts.fp} fn={counts.fn})")
    print(f"documents={report.documents} missing_outputs={report.missing} "
          f"evidence_spans={report.spans} bad_spans={report.bad_spans}")
    c = report.counts
    print(f"transfer_F1={c['transfers'].f1:.3f} pair_F1={c['pairs'].f1:.3f} "
          f"claim_F1={c['claims'].f1:.3f} denial_F1={c['denials'].f1:.3f} "
          f"bad_spans={report.bad_spans} missing={report.missing}")


def _tempeval(in_dir: Path, out: Path | None, as_json: bool) -> None:
    from armswatch.tempeval import run_tempeval

    if not in_dir.is_dir():
        fail(f"--tempeval: {in_dir} is not a folder", code=2)
    if out is None:
        fail("--tempeval needs --out OUT_DIR for the tagged files", code=2)
    scores = run_tempeval(in_dir, out)
    figures = {k: round(v, 4) if isinstance(v, float) else v for k, v in vars(scores).items()}
    if as_json:
        print(json.dumps(figures, indent=2))
        return
    print(f"files={scores.files} gold={scores.gold} predicted={scores.predicted}")
    print(f"strict  P={scores.strict_p:.4f} R={scores.strict_r:.4f} F1={scores.strict_f1:.4f}")
    print(f"relaxed P={scores.relaxed_p:.4f} R={scores.relaxed_r:.4f} F1={scores.relaxed_f1:.4f}")
    print(f"value accuracy={scores.value_accuracy:.4f} type accuracy={scores.type_accuracy:.4f}")
    print(f"value F1={scores.value_f1:.4f}")
