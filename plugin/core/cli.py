"""The headless command line: ``python -m plugin validate FILE [--format text|json|html] [--fix OUT]
[--mapping PROFILE]`` and ``python -m plugin convert FILE --mapping PROFILE [--source-name NAME] -o OUT``.

Exit codes (documented in README.md, "Ligne de commande"):

* 0 — the file conforms to the standard (warnings may remain);
* 1 — the file has errors (it does not conform);
* 2 — the command could not do its job: unreadable input, unwritable output, wrong arguments;
* 3 — an internal error (a bug): a short French message asks to report it; ``MEDNUM_DEBUG=1`` shows the details.

Messages go to stderr, the report to stdout (or to ``--output``). No Python traceback reaches the user.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import os
import sys
import traceback
from pathlib import Path
from typing import Iterator, Sequence, TextIO

from .errors import MednumError
from .i18n import QT_TRANSLATE_NOOP, translate, use_language
from .validation.codes import ERROR

EXIT_OK = 0
EXIT_ERRORS = 1
EXIT_UNREADABLE = 2
EXIT_BUG = 3

_CTX = "Cli"
FORMATS = ("text", "json", "html")


def _t(text: str) -> str:
    return translate(_CTX, text)


# argparse's own texts (the usage line, the help of -h, its errors), translated like ours while the CLI parses
ARGPARSE_TEXTS = (
    QT_TRANSLATE_NOOP("Argparse", "usage: "),
    QT_TRANSLATE_NOOP("Argparse", "positional arguments"),
    QT_TRANSLATE_NOOP("Argparse", "options"),
    QT_TRANSLATE_NOOP("Argparse", "optional arguments"),  # Python < 3.10
    QT_TRANSLATE_NOOP("Argparse", "show this help message and exit"),
    QT_TRANSLATE_NOOP("Argparse", "the following arguments are required: %s"),
    QT_TRANSLATE_NOOP("Argparse", "unrecognized arguments: %s"),
    QT_TRANSLATE_NOOP("Argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    QT_TRANSLATE_NOOP("Argparse", "expected one argument"),
    QT_TRANSLATE_NOOP("Argparse", "argument %(argument_name)s: %(message)s"),
    QT_TRANSLATE_NOOP("Argparse", "ambiguous option: %(option)s could match %(matches)s"),
)


def _argparse_text(text: str) -> str:
    return translate("Argparse", text)


class _Parser(argparse.ArgumentParser):
    """argparse that exits with code 2 and a translated one-line message instead of its usage dump."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(_t("Error: {message}").format(message=message) + "\n")
        raise SystemExit(EXIT_UNREADABLE)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m plugin", description=_t("Lieux de médiation numérique: headless tools."))
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True
    validate = commands.add_parser(
        "validate",
        help=_t("validate a file of lieux against the national standard"),
        description=_t(
            "Validate a file of lieux (CSV, XLSX, JSON, GeoJSON, GeoPackage) against the national standard "
            "and print the report. Exit code 0: conformant; 1: errors; 2: unreadable input; 3: internal error."
        ),
    )
    validate.add_argument("file", metavar="FILE", help=_t("file to validate (never modified)"))
    validate.add_argument("--format", choices=FORMATS, default="text", help=_t("report format (default: text)"))
    validate.add_argument("-o", "--output", metavar="REPORT", help=_t("write the report to this file"))
    validate.add_argument(
        "--fix",
        metavar="OUT",
        help=_t("write a corrected copy (safe fixes only) to OUT (.csv, .json or .geojson) and list the changes"),
    )
    validate.add_argument("--lang", choices=("fr", "en"), default=None, help=_t("language of the messages"))
    validate.add_argument(
        "--ignore-header-case", action="store_true", help=_t("match column names without regard to case")
    )
    validate.add_argument(
        "--schema-only", action="store_true", help=_t("check the schema's constraints only (no quality rules)")
    )
    validate.add_argument("--today", metavar="YYYY-MM-DD", help=_t("reference date of the date_maj checks"))
    validate.add_argument("--layer", help=_t("sheet (XLSX) or table (GeoPackage) to read"))
    _mapping_arguments(validate)
    convert = commands.add_parser(
        "convert",
        help=_t("convert a Hub's file into the national standard with a mapping profile"),
        description=_t(
            "Convert a file of lieux whose columns are not the standard's (a Hub's export: CSV, XLSX, JSON) into "
            "a file of the standard, with a mapping profile in mednum-cli's configuration grammar. Every record "
            "is kept, the columns the profile does not read are kept after the standard's, every changed value "
            "is listed. Exit code 0: conformant; 1: errors remain; 2: unreadable input or profile; 3: internal error."
        ),
    )
    convert.add_argument("file", metavar="FILE", help=_t("file to convert (never modified)"))
    convert.add_argument("--mapping", metavar="PROFILE", required=True, help=_t("mapping profile (.config.json)"))
    convert.add_argument("--source-name", metavar="NAME", default="", help=_t("source name: ids become NAME_<id>"))
    convert.add_argument(
        "-o", "--output", metavar="OUT", required=True, help=_t("output file (.csv, .json or .geojson)")
    )
    convert.add_argument(
        "--geocode",
        choices=("centroid", "ban", "none"),
        default="centroid",
        help=_t(
            "lieux without coordinates: placed at their commune's centre (default, offline), geocoded with the "
            "Base Adresse Nationale then the commune's centre (ban), or left without (none)"
        ),
    )
    convert.add_argument("--layer", help=_t("sheet (XLSX) or table (GeoPackage) to read"))
    convert.add_argument("--lang", choices=("fr", "en"), default=None, help=_t("language of the messages"))
    return parser


def _mapping_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--mapping", metavar="PROFILE", help=_t("read the file through a mapping profile (.config.json) first")
    )
    command.add_argument("--source-name", metavar="NAME", default="", help=_t("source name: ids become NAME_<id>"))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (never raises, never prints a traceback)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = _early_language(argv)
    if lang:
        use_language(lang)
    try:
        args = _parse(argv)
        if args.command == "validate":
            return run_validate(args, sys.stdout, sys.stderr)
        if args.command == "convert":
            return run_convert(args, sys.stdout, sys.stderr)
        return EXIT_UNREADABLE
    except SystemExit as exit_:
        return int(exit_.code) if isinstance(exit_.code, int) else EXIT_UNREADABLE
    except MednumError as error:
        sys.stderr.write(error.message + "\n")
        return EXIT_UNREADABLE
    except KeyboardInterrupt:
        sys.stderr.write(_t("Interrupted.") + "\n")
        return 130
    except MemoryError:  # a limit of the machine, not a bug: say which, and what to do
        sys.stderr.write(
            _t(
                "Not enough memory to finish: the file is too large for this computer or produces too many issues to "
                "hold (the memory limit was reached). Split the file, or validate its columns in several passes."
            )
            + "\n"
        )
        return EXIT_UNREADABLE
    except BrokenPipeError:  # the report piped into a command that stopped reading (| head): nothing to say
        with contextlib.suppress(OSError):
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 (the interpreter's final flush must not fail)
        return EXIT_UNREADABLE
    except BaseException as error:  # noqa: BLE001 — the last line of defence: no traceback for users
        return _internal_error(error)


def _parse(argv: Sequence[str]) -> argparse.Namespace:
    """parse_args with argparse's own texts in the active language (argparse reads them through ``_``)."""
    english = argparse._
    argparse._ = _argparse_text
    try:
        return build_parser().parse_args(argv)
    finally:
        argparse._ = english


def _early_language(argv: Sequence[str]) -> str | None:
    """The --lang value, read before argparse so that its own messages are translated too."""
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1][:2]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1][:2]
    return None


def _internal_error(error: BaseException) -> int:
    from ..__about__ import __tracker__

    sys.stderr.write(
        _t(
            "Internal error ({kind}): the validation could not finish. This is a bug of the plugin, not of your "
            "file: please report it at {tracker} with the file if you can. Set MEDNUM_DEBUG=1 to see the details."
        ).format(kind=type(error).__name__, tracker=__tracker__ or "—")
        + "\n"
    )
    if os.environ.get("MEDNUM_DEBUG"):
        traceback.print_exception(type(error), error, error.__traceback__, file=sys.stderr)
    return EXIT_BUG


def _parse_today(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise MednumError(
            _t("--today expects a date written YYYY-MM-DD, not “{text}”.").format(text=text), "bad-argument"
        ) from None


def run_validate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .readers import read_table
    from .schema import load_schema
    from .validation import ValidationOptions
    from .validation.issue_set import issue_set

    schema = load_schema()
    source = Path(args.file)
    if getattr(args, "mapping", None):
        result = _mapped(source, args, schema, geocode="none")
        for line in result.notes + result.summary_lines():
            err.write(line + "\n")
        table = result.table(schema)
    else:
        table = read_table(source, layer=args.layer) if args.layer else read_table(source)
    options = ValidationOptions(
        language=args.lang,
        ignore_header_case=args.ignore_header_case,
        today=_parse_today(args.today),
        quality=not args.schema_only,
    )
    report = issue_set(table, schema, options)  # duplicates included: the counts of the dock and of QGIS
    report.source = str(source)

    changes = None
    remaining = None
    if args.fix:
        changes, remaining = _write_fixed_copy(table, report, schema, options, Path(args.fix), source)

    lieux = _lieux(table, schema, options) if args.format == "html" else None
    del table  # the report alone from here on: the cells (a third of the peak memory) can go
    with _report_stream(args.output, source, out) as stream:
        if args.format == "json":
            from .report_stream import write_json_report

            write_json_report(report, stream, changes)
        elif args.format == "html":
            from .report_html import write_html

            write_html(report, stream, lieux=lieux)
        else:
            render_text(report, changes, args.fix, remaining, out=stream)
    if args.output:
        err.write(_t("Report written to {path}").format(path=args.output) + "\n")
    if changes is not None and args.format != "text":
        err.write(_fix_summary(changes, args.fix, remaining) + "\n")
    return EXIT_ERRORS if report.errors else EXIT_OK


def _mapped(source: Path, args: argparse.Namespace, schema, geocode: str):
    """The lieux of ``source`` through the profile of ``--mapping`` (placed per ``geocode``)."""
    from .mapping import convert_table, load_profile, read_source

    profile = load_profile(args.mapping, schema)
    table = read_source(source, layer=args.layer)
    source_name = args.source_name or str(profile.extras.get("source") or "")
    result = convert_table(table, profile, schema, source_name=source_name)
    result.notes[:0] = list(getattr(table, "notes", []) or [])
    if geocode != "none":
        from .mapping.geocoding import GeocodingCache, default_cache_path, place_lieux

        send = cache = None
        if geocode == "ban":
            from ..api.ban import BanGeocoder

            send = BanGeocoder().geocode_csv
            cache = GeocodingCache.load(default_cache_path())
        place_lieux(result, send, cache)
    return result


def run_convert(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .schema import load_schema
    from .validation import validate_records
    from .writers import write_records

    schema = load_schema()
    source = Path(args.file)
    result = _mapped(source, args, schema, geocode=args.geocode)
    target = write_records(
        Path(args.output), result.merged_records(), schema, extra=result.extra_columns, source_path=source
    )
    report = validate_records(result.records, schema, row_numbers=result.row_numbers)
    errors, warnings = report.counts()
    lines = [
        _t("{count} lieux written to {path} ({errors} errors, {warnings} warnings left).").format(
            count=len(result.records), path=target, errors=errors, warnings=warnings
        )
    ]
    if result.extra_columns:
        lines.append(
            _t("Columns kept after the standard's ({count}): {columns}").format(
                count=len(result.extra_columns), columns=", ".join(result.extra_columns)
            )
        )
    lines.extend(result.notes)
    changes = result.summary_lines()
    if changes:
        lines.append(_t("Changed values:"))
        lines.extend("  " + line for line in changes)
    err.write("\n".join(lines) + "\n")
    return EXIT_ERRORS if errors else EXIT_OK


def _lieux(table, schema, options) -> dict:
    from .records import match_header
    from .report_html import Lieu

    keys = match_header(table, schema, options.ignore_header_case).keys
    numbers = list(table.row_numbers)
    # two columns read as they are (a reader's columns): no record dict built for the 50,000 lieux
    noms, communes = (table.column(keys[name]) if name in keys else [""] * len(numbers) for name in ("nom", "commune"))
    return {number: Lieu(nom or "", commune or "") for number, nom, commune in zip(numbers, noms, communes)}


@contextlib.contextmanager
def _report_stream(output: str | None, source: Path, out: TextIO) -> Iterator[TextIO]:
    """Where the report is written, piece by piece: ``out`` (stdout), or the ``--output`` file — written beside it
    under a temporary name and renamed at the end, so that a failure never leaves half a report."""
    from .errors import WriteError

    if not output:
        yield out
        return
    path = Path(output)
    try:
        if _same_file(path, source):
            raise WriteError(
                _t("Refusing to overwrite the file being validated ({name}): choose another file name.").format(
                    name=path.name
                ),
                "overwrite-source",
            )
        # a name of our own beside the target (same file system: the final rename is atomic), created with the
        # usual permissions (umask), unlike a tempfile's private 0600
        handle = open(path.with_name(f".{path.name}.{os.getpid()}.tmp"), "x", encoding="utf-8")
    except OSError as error:
        raise WriteError(
            _t("Cannot write {path}: {reason}").format(path=path, reason=error.strerror or error), "unwritable"
        ) from None
    try:
        with handle:
            yield handle
        os.replace(handle.name, path)
    except OSError as error:
        _remove_quietly(handle.name)
        raise WriteError(
            _t("Cannot write {path}: {reason}").format(path=path, reason=error.strerror or error), "unwritable"
        ) from None
    except BaseException:
        _remove_quietly(handle.name)
        raise


def _same_file(a: Path, b: Path) -> bool:
    """Whether two names lead to one file: the same path, a symbolic link or a hard link (same inode)."""
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
        return a.resolve() == b.resolve()
    except (OSError, RuntimeError):  # a symlink loop: not the source (opening it fails with its own message)
        return False


def _remove_quietly(name: str) -> None:
    try:
        os.unlink(name)
    except OSError:
        pass


def _write_fixed_copy(table, report, schema, options, target: Path, source: Path):
    """Apply the safe fixes to a copy of the table's records and write it; return (changes, errors left)."""
    from .records import match_header
    from .validation import apply_fixes, validate_records
    from .writers import write_records

    match = match_header(table, schema, options.ignore_header_case)
    keys, extra = match.keys, match.extra_keys
    records = []
    for row in table.rows:
        record = {name: row.get(key, "") for name, key in keys.items()}
        for key in extra:
            record[key] = row.get(key, "")
        records.append(record)
    fixed, changes = apply_fixes(records, report.issues, row_numbers=table.row_numbers)
    ids = dict(zip(table.row_numbers, (record.get("id", "") for record in fixed)))
    changes = sorted(changes + _structure_changes(table, ids), key=lambda change: (change.row or 0, change.field))
    write_records(target, fixed, schema, extra=extra, source_path=source)
    remaining = validate_records(fixed, schema, options, row_numbers=table.row_numbers).errors
    return changes, remaining


def _structure_changes(table, ids: dict) -> list:
    """What a conformant copy cannot keep, listed as changes: blank rows, cells beyond the header."""
    from .validation import Change

    delimiter = getattr(table, "delimiter", None) or ","
    changes = [Change(number, "", "", "", "", ("blank-row",)) for number in getattr(table, "blank_rows", None) or ()]
    for number, cells in (getattr(table, "extra_cells", None) or {}).items():
        changes.append(Change(number, ids.get(number, ""), "", delimiter.join(map(str, cells)), "", ("extra-cell",)))
    return changes


def _fix_summary(changes, target, remaining) -> str:
    return _t("{count} changes (safe fixes only); corrected copy written to {path} ({remaining} errors left).").format(
        count=len(changes), path=target, remaining=remaining
    )


# ── Text report ───────────────────────────────────────────────────────────────────────────────────────────


def _severity_word(severity: str) -> str:
    return _t("error") if severity == ERROR else _t("warning")


def render_text(report, changes=None, fix_target=None, remaining=None, out: TextIO | None = None) -> str:
    """The report for a terminal: verdict and counts, summary by rule, then the issues lieu by lieu.

    Written to ``out`` piece by piece when given (then ``""`` is returned), else returned as one string."""
    if out is None:
        buffer = io.StringIO()
        render_text(report, changes, fix_target, remaining, out=buffer)
        return buffer.getvalue()
    from .validation.issue_set import issue_counts

    counts = issue_counts(report)
    lines: list[str] = []
    lines.append(
        _t("File: {source} · {rows} lieux · schema {version}").format(
            source=report.source or "—", rows=report.rows, version=report.schema_version or "—"
        )
    )
    if report.rows == 0:
        verdict = _t("NO LIEU") if counts.conformant else _t("NOT CONFORMANT, NO LIEU")
    else:
        verdict = _t("CONFORMANT") if counts.conformant else _t("NOT CONFORMANT")
    lines.append(
        _t("Result: {verdict} — {errors} errors, {warnings} warnings, {fixable} safe fixes suggested").format(
            verdict=verdict, errors=counts.total_errors, warnings=counts.total_warnings,
            fixable=len(report.fixable()),
        )
    )
    lines.append("  " + counts.text())  # the split every view of the plugin shows
    if report.issues:
        lines.append("")
        lines.append(_t("Summary by rule"))
        summary = report.summary_by_rule()
        width = max(len(code) for code, *_ in summary)
        for code, severity, title, count in summary:
            lines.append(f"  {count:>7}  {_severity_word(severity):<13} {code:<{width}}  {title}")
        lines.append("")
        lines.append(_t("Issues"))
        # the words looked up once, not once per issue; the lines written by blocks
        words = {severity: _severity_word(severity) for severity in {issue.severity for issue in report.issues}}
        file_label, row_label, fix_label = _t("File"), _t("Row {row}"), _t("→ suggested fix: “{fix}”")
        current = object()
        for issue in report.issues:
            if issue.row != current:
                current = issue.row
                label = file_label if issue.row is None else row_label.format(row=issue.row)
                if issue.id:
                    label += f" · id {issue.id}"
                lines.append(f"  {label}")
                if len(lines) > 4096:
                    out.write("\n".join(lines).translate(TERMINAL_SAFE) + "\n")
                    lines.clear()
            where = f"{issue.field} · " if issue.field else ""
            lines.append(f"    [{words[issue.severity]}] {where}{issue.code}: {issue.message}")
            if issue.suggestion is not None:
                lines.append("      " + fix_label.format(fix=issue.suggestion))
    if changes is not None:
        lines.append("")
        lines.append(_fix_summary(changes, fix_target, remaining))
        for change in changes:
            if "blank-row" in change.codes:
                text = _t("Row {row}: blank row removed").format(row=change.row)
            elif "extra-cell" in change.codes:
                text = _t("Row {row}: cells beyond the header removed: “{before}”").format(
                    row=change.row, before=change.before
                )
            else:
                text = _t("Row {row} · {field}: “{before}” → “{after}”").format(
                    row=change.row, field=change.field, before=change.before, after=change.after
                )
            lines.append("  " + text)
    out.write("\n".join(lines).translate(TERMINAL_SAFE) + "\n")
    return ""


# Control characters of the data (ANSI escapes, carriage returns, C1 controls, bidirectional overrides) shown as
# escapes in the text report: a value can never move the cursor, recolour or rewrite the terminal's lines.
TERMINAL_SAFE = {
    code: f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    for code in (*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0), *range(0x202A, 0x202F),
                 *range(0x2066, 0x206A))
}
