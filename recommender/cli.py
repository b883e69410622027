"""The command line (`python -m recommender ...`), exactly as ../shared/CONTRACT.md describes.

Every command exits 0 on success and 2 on bad input with a one-line reason on stderr, never a traceback.
"""
from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

import pandas as pd

from .approach_ranker import ApproachRanker
from .catalogue import load_catalogue, style_of
from .directory import DirectoryError, load_directory
from .export import notice_for, to_csv_bytes
from .generator import generate_directory, write_directory
from .index_store import load_indexed
from .preferences import Preferences, PreferencesError
from .provider_ranker import OUTPUT_COLUMNS, ProviderRanker
from .vocabulary import load_vocabulary

APPROACH_FIELDS = ["rank", "approach", "score", "reasons_for", "reasons_against"]
PROVIDER_FIELDS = [c for c in OUTPUT_COLUMNS if c not in ("bio", "lat", "lon")]


class BadInput(Exception):
    """Input the user must fix; exit 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, exit 2, no usage dump
        raise BadInput(message)


def _jsonable(value):
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, (list, tuple)) or (hasattr(value, "tolist") and getattr(value, "ndim", 0) > 0):
        return [_jsonable(v) for v in value]
    if hasattr(value, "item"):
        return value.item()
    return value


def _records(df: pd.DataFrame, fields: list[str]) -> list[dict]:
    return [{k: _jsonable(v) for k, v in rec.items()} for rec in df[fields].to_dict("records")]


def _read_prefs(path: str) -> tuple[list[Preferences], bool]:
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise BadInput(f"no such preferences file: {path}") from None
    except json.JSONDecodeError as exc:
        raise BadInput(f"{path} is not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BadInput(f"cannot read {path}: {exc}") from None
    batch = isinstance(raw, list)
    items = raw if batch else [raw]
    prefs = []
    for i, item in enumerate(items):
        try:
            prefs.append(Preferences.from_dict(item))
        except PreferencesError as exc:
            raise BadInput(f"{'preferences #' + str(i) + ': ' if batch else ''}{exc}") from None
    return prefs, batch


def _emit(args, text: str | bytes) -> None:
    if args.output:
        data = text if isinstance(text, bytes) else text.encode("utf-8")
        Path(args.output).write_bytes(data)
    else:
        if isinstance(text, bytes):
            sys.stdout.buffer.write(text)
        else:
            sys.stdout.write(text + "\n")


def _answer(results: list[pd.DataFrame], fields: list[str], batch: bool, args) -> None:
    if args.format == "csv":
        frames = []
        for i, df in enumerate(results):
            for w in df.attrs.get("warnings", []):
                print(f"warning: {w}", file=sys.stderr)
            out = df[fields].copy()
            out.attrs = {}
            out.insert(0, "crisis", df.attrs.get("crisis", False))
            out["notice"] = notice_for(bool(out["sample"].any())) if "sample" in out else notice_for(False)
            if batch:
                out.insert(0, "query", i)
            frames.append(out)
        _emit(args, to_csv_bytes(pd.concat(frames, ignore_index=True)))
        return
    answers = [{"crisis": df.attrs.get("crisis", False), "warnings": df.attrs.get("warnings", []),
                "results": _records(df, fields),
                "notice": notice_for(bool("sample" in df and df["sample"].any()))} for df in results]
    _emit(args, json.dumps(answers if batch else answers[0], ensure_ascii=False, indent=2))


def cmd_vocab(args) -> int:
    vocab = load_vocabulary()
    answer = {**vocab.as_lists(), **({"labels": vocab.labels()} if args.labels else {})}
    _emit(args, json.dumps(answer, ensure_ascii=False, indent=2))
    return 0


def cmd_catalogue(args) -> int:
    records = []
    for _, rec in load_catalogue(include_discredited=True).iterrows():
        item = {k: _jsonable(rec[k]) for k in ["name", "summary", "populations", "concerns", "good_fit", "poor_fit",
                                               "session", "steps", "alternatives", "evidence", "length", "aliases"]}
        item["qualities"] = rec["qualities"]
        item["style"] = style_of(rec["qualities"])
        item["discredited"] = bool(rec["discredited"])
        if rec["discredited"]:
            item["warning"] = rec["warning"]
        records.append(item)
    _emit(args, json.dumps(records, ensure_ascii=False, indent=2))
    return 0


def cmd_approaches(args) -> int:
    prefs, batch = _read_prefs(args.prefs)
    ranker = ApproachRanker().fit(load_catalogue())
    _answer([ranker.rank(p, top=args.top) for p in prefs], APPROACH_FIELDS, batch, args)
    return 0


def cmd_providers(args) -> int:
    prefs, batch = _read_prefs(args.prefs)
    if args.index:
        if not args.directory:
            raise BadInput("--index needs --directory")
        if not Path(args.directory).exists():
            raise BadInput(f"no such file: {args.directory}")
        try:
            loaded, ranker, _ = load_indexed(args.directory)
        except DirectoryError as exc:
            raise BadInput(f"{args.directory}: {exc}") from None
    else:
        loaded = _load(args.directory)
        ranker = ProviderRanker().fit(loaded.directory)
    _answer([ranker.rank(p, top=args.top) for p in prefs], PROVIDER_FIELDS, batch, args)
    return 0


def _load(path):
    try:
        loaded = load_directory(path)
    except DirectoryError as exc:
        raise BadInput(f"{path or 'directory'}: {exc}") from None
    if loaded.rejected:
        print(f"warning: {loaded.rejected} of {loaded.rows_read} roster rows were rejected; run 'validate' for the report",
              file=sys.stderr)
    if loaded.directory.empty:
        raise BadInput(f"{path}: no valid provider rows")
    return loaded


def cmd_validate(args) -> int:
    try:
        loaded = load_directory(args.file)
    except DirectoryError as exc:
        raise BadInput(f"{args.file}: {exc}") from None
    report = loaded.report
    if args.format == "json":
        _emit(args, json.dumps({"rows_read": loaded.rows_read, "rows_loaded": len(loaded.directory),
                                "rejected": loaded.rejected, "report": _records(report, list(report.columns))},
                               ensure_ascii=False, indent=2))
    elif args.format == "csv":
        _emit(args, to_csv_bytes(report))
    else:
        lines = [f"{args.file}: {loaded.rows_read} rows read, {len(loaded.directory)} loaded, {loaded.rejected} rejected"]
        lines += [f"row {r.row}\t{r.provider_id}\t{r.status}\t{r.reason}" for r in report.itertuples()]
        _emit(args, "\n".join(lines))
    return 1 if loaded.rejected else 0


def cmd_generate(args) -> int:
    if args.rows < 1:
        raise BadInput("--rows must be at least 1")
    if not args.output.lower().endswith((".csv", ".parquet")):
        raise BadInput("--output must end in .csv or .parquet")
    write_directory(generate_directory(args.rows, seed=args.seed), args.output)
    print(f"wrote {args.rows} fictional providers to {args.output}", file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m recommender", description="Therapy finder: approaches and providers for a person's needs.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    p = sub.add_parser("vocab", help="every controlled vocabulary as JSON")
    p.add_argument("--labels", action="store_true", help="also the label people read for each id")
    p.add_argument("--output")
    p.set_defaults(func=cmd_vocab)
    p = sub.add_parser("catalogue", help="every approach record as JSON")
    p.add_argument("--output")
    p.set_defaults(func=cmd_catalogue)
    for name, func, default_top in (("approaches", cmd_approaches, None), ("providers", cmd_providers, 20)):
        p = sub.add_parser(name, help=f"rank {name} for preferences")
        p.add_argument("--prefs", required=True, help="JSON file: one preferences object or an array of them")
        p.add_argument("--top", type=int, default=default_top)
        p.add_argument("--format", choices=["json", "csv"], default="json")
        p.add_argument("--output")
        if name == "providers":
            p.add_argument("--directory", help="roster file (CSV, Excel .xlsx or Parquet); default: the bundled sample")
            p.add_argument("--index", action="store_true",
                           help="reuse the index saved next to --directory, or build and save it (large directories)")
        p.set_defaults(func=func)
    p = sub.add_parser("validate", help="check a provider roster and print a per-row report")
    p.add_argument("file")
    p.add_argument("--format", choices=["text", "json", "csv"], default="text")
    p.add_argument("--output")
    p.set_defaults(func=cmd_validate)
    p = sub.add_parser("generate-directory", help="write a fictional directory")
    p.add_argument("--rows", type=int, required=True)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--output", required=True)
    p.set_defaults(func=cmd_generate)
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        if getattr(args, "top", None) is not None and args.top < 1:
            raise BadInput("--top must be at least 1")
        return args.func(args)
    except BadInput as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except (OSError, ValueError) as exc:
        print(f"error: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}", file=sys.stderr)
        return 2
    except Exception as exc:  # a bug, not bad input: still one line, never a traceback
        print(f"internal error: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}", file=sys.stderr)
        return 1
