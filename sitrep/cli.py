"""sitrep's command line: argument handling and display only; the work is in the library."""

from __future__ import annotations

import json
import os
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text
from typer._click.exceptions import NoArgsIsHelpError, UsageError
from typer.core import TyperGroup

from . import export, pipeline, report
from .analyse import unresolved_places
from .analyse.compare import compare as compare_events
from .analyse.coverage import source_health
from .analyse.series import BREAKDOWNS, PERIODS
from .analyse.series import trends as count_trends
from .coded import dataset_of, read_coded
from .coded.load import import_dataset
from .config import SETTINGS, Config
from .errors import OutputError, SitrepError
from .extract.pool import available_cores
from .geo.boundaries import governorate_shapes
from .geo.build import DATA_DIR
from .geo.build import build as build_gazetteer
from .ingest import read_paths
from .model import CODED_DATASETS, EXTRACTED, Article, Dataset, Event, Problem
from .report.build import situation_report
from .report.explain import explain as explain_event
from .report.terminal import line, text, visible
from .store import EventFilter, Store, open_store, printable
from .store.base import COVERAGE_BY

DEMO_DIR = Path(__file__).parent / "demo"
_DEFAULTS = {s.name: s.default for s in SETTINGS}
INTERNAL_ERROR = 70  # sysexits EX_SOFTWARE
INTERRUPTED = 130

out = Console(width=None if sys.stdout.isatty() else 120)
err = Console(stderr=True)


def _error(message: str, label: str = "error") -> None:
    """One line on stderr, whatever the message holds (markup, control characters, line breaks)."""
    err.print(line(Text(f"{label}:", style="red"), " ", message), soft_wrap=True, highlight=False)


@contextmanager
def _one_line_errors() -> Iterator[None]:
    """What a command raises becomes one line on stderr and an exit code, never a traceback:
    usage errors 2, sitrep's errors 2, an OS error 1, Ctrl-C 130, anything else 70 (with
    SITREP_DEBUG set, anything else is raised again to show its traceback)."""
    try:
        yield
    except (typer.Exit, typer.Abort, NoArgsIsHelpError, BrokenPipeError):
        raise
    except UsageError as e:
        hint = f" (see '{e.ctx.command_path} --help')" if e.ctx else ""
        _error(e.format_message() + hint)
        raise typer.Exit(e.exit_code) from None
    except SitrepError as e:
        _error(str(e))
        raise typer.Exit(2) from None
    except KeyboardInterrupt:
        err.print("interrupted; everything committed so far is kept, re-run to finish", highlight=False)
        raise typer.Exit(INTERRUPTED) from None
    except OSError as e:
        _error(str(e))
        raise typer.Exit(1) from None
    except Exception as e:
        if os.environ.get("SITREP_DEBUG"):
            raise
        _error(
            f"{type(e).__name__}: {e}, please report (SITREP_DEBUG=1 shows the traceback)", "internal error"
        )
        raise typer.Exit(INTERNAL_ERROR) from None


class _Commands(TyperGroup):
    """sitrep's command group: every subcommand runs inside `_one_line_errors`."""

    def invoke(self, ctx: Any) -> Any:
        with _one_line_errors():
            return super().invoke(ctx)


app = typer.Typer(
    cls=_Commands,
    help="sitrep: news reports on political violence in, verified geolocated incidents out.",
    no_args_is_help=True,
    add_completion=False,
)
gazetteer_app = typer.Typer(help="Build the bundled gazetteer.", no_args_is_help=True)
app.add_typer(gazetteer_app, name="gazetteer")


def _settings() -> Config:
    """Read when a command runs, not at import: a bad value is that command's error, not --help's."""
    return Config.from_env()


def _db(db: str | None) -> str | Path:
    """The store a command uses: --db, else SITREP_DB (a file path or a sqlite:// or postgresql:// URL)."""
    return db if db is not None else _settings().db


@contextmanager
def _reading(db: str | None) -> Iterator[Store]:
    """The stored database, opened for a command that only reads: a missing file is an error, not
    a new empty database."""
    store = open_store(_db(db), create=False)
    try:
        yield store
    finally:
        store.close()


def _check_writable(path: Path, what: str) -> None:
    """Refuse an output path that cannot be written before any work is done."""
    if path.is_dir():
        raise OutputError(f"cannot write the {what} to {path}: it is a directory; give a file name")
    if not path.parent.is_dir():
        raise OutputError(f"cannot write the {what} to {path}: folder {path.parent} does not exist")


def _write(path: Path, content: str, what: str) -> None:
    try:
        path.write_text(content, encoding="utf-8")
    except OSError as e:
        raise OutputError(f"cannot write the {what} to {path}: {e.strerror or e}") from e


def _write_data(content: str) -> None:
    """CSV and JSON Lines on stdout: exact when piped; on a terminal, control characters escaped."""
    sys.stdout.write(visible(content, keep_lines=True) if sys.stdout.isatty() else content)


DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="SQLite file or sqlite:///FILE, or postgresql://USER@HOST:PORT/DATABASE"
        f" (env SITREP_DB, default {_DEFAULTS['db']}).",
    ),
]
SinceOption = Annotated[str | None, typer.Option(help="First event date, YYYY-MM-DD.")]
UntilOption = Annotated[str | None, typer.Option(help="Last event date, YYYY-MM-DD.")]
Admin1Option = Annotated[str | None, typer.Option(help="Governorate name or ISO code (e.g. Anbar, IQ-AN).")]
TypeOption = Annotated[str | None, typer.Option("--type", help="ACLED event type.")]


RUN_TABLE_ROWS = 30  # incidents listed after a run; `sitrep events` lists them all
LOG_EVERY = 10.0  # seconds between progress lines when stderr is not a terminal


class RunProgressView:
    """A run's progress: a live line on a terminal; a log line every LOG_EVERY seconds when piped."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self.live = console.is_terminal
        self.bar = Progress(
            TextColumn("{task.description}"), TimeElapsedColumn(), console=console, transient=True
        )
        self.task = self.bar.add_task("starting", total=None)
        self.last_log = -LOG_EVERY  # the first unit of work is logged at once

    def __enter__(self) -> RunProgressView:
        if self.live:
            self.bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.live:
            self.bar.stop()

    def update(self, p: pipeline.RunProgress) -> None:
        summary = f"{p.articles} articles, {p.events} events, {p.failures} set aside, {p.rate:.1f} articles/s"
        if self.live:
            self.bar.update(self.task, description=summary)
        elif p.seconds - self.last_log >= LOG_EVERY:
            self.last_log = p.seconds
            self.console.print(
                line(f"progress: {summary} ({p.seconds:.0f} s)"), highlight=False, soft_wrap=True
            )


@contextmanager
def _terminated_as_interrupt() -> Iterator[None]:
    """SIGTERM stops a run the way Ctrl-C does: the unit of work in hand is rolled back, the rest kept."""

    def stop(_signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread (a test runner): leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )


def _report_problems(problems: list[Problem]) -> None:
    for p in problems:
        err.print(
            line(Text("skipped", style="yellow"), " ", p.where, ": ", p.reason),
            soft_wrap=True,
            highlight=False,
        )


def _table(title: str, columns: tuple[str, ...]) -> Table:
    table = Table(title=text(title))
    for col in columns:
        table.add_column(col, overflow="fold")
    return table


def _events_table(events: list[Event], title: str) -> Table:
    table = _table(title, ("date", "type", "actor1", "location", "admin1", "killed", "wounded"))
    for e in events:
        table.add_row(
            *(
                text(v)
                for v in (
                    e.event_date,
                    e.sub_event_type,
                    e.actor1,
                    e.location,
                    e.admin1,
                    e.fatalities,
                    e.injured,
                )
            )
        )
    return table


def _stored_events(
    db: str | None,
    since: str | None,
    until: str | None,
    admin1: str | None,
    event_type: str | None,
    dataset: Dataset = EXTRACTED,
) -> list[Event]:
    flt = _event_filter(since, until, admin1, event_type, dataset)
    with _reading(db) as store:
        return store.events(flt)


def _event_filter(
    since: str | None,
    until: str | None,
    admin1: str | None,
    event_type: str | None,
    dataset: Dataset = EXTRACTED,
) -> EventFilter:
    first, last = _dates(since, until)
    return EventFilter(first, last, admin1, event_type, dataset=dataset)


def _dates(since: str | None, until: str | None) -> tuple[date | None, date | None]:
    try:
        return (date.fromisoformat(since) if since else None, date.fromisoformat(until) if until else None)
    except ValueError as e:
        raise typer.BadParameter(f"dates are YYYY-MM-DD: {e}") from e


def _dataset(name: str) -> Dataset:
    if name == EXTRACTED or name in CODED_DATASETS:
        return name
    raise typer.BadParameter(
        f"--dataset is {EXTRACTED} (extracted events) or one of {', '.join(CODED_DATASETS)}"
    )


DatasetOption = Annotated[
    str,
    typer.Option(
        "--dataset", help="Whose events: sitrep (extracted, the default) or an imported ucdp, acled or gtd."
    ),
]


@app.command()
def run(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Files or directories (.txt, .html, .jsonl).")
    ] = None,
    db: DbOption = None,
    report_path: Annotated[
        Path | None,
        typer.Option(
            "--report",
            help=f"HTML situation report to write (env SITREP_REPORT, default {_DEFAULTS['report']}).",
        ),
    ] = None,
    demo: Annotated[bool, typer.Option("--demo", help="Run on the bundled synthetic demo corpus.")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 when any input was skipped.")] = False,
    no_link: Annotated[
        bool, typer.Option("--no-link", help="One event per report: do not link reports across articles.")
    ] = False,
    retry_failed: Annotated[
        bool, typer.Option("--retry-failed", help="Try again the articles earlier runs set aside.")
    ] = False,
    retry_skipped: Annotated[
        bool,
        typer.Option(
            "--retry-skipped", help="Extract the articles the relevance filter skipped, unfiltered."
        ),
    ] = False,
    no_filter: Annotated[
        bool, typer.Option("--no-filter", help="Extract every new article: no relevance filter.")
    ] = False,
    workers: Annotated[
        int | None,
        typer.Option("--workers", min=1, help="Processes that extract (default: the machine's cores)."),
    ] = None,
    cluster: Annotated[
        str | None,
        typer.Option("--cluster", help="Read and extract on a Dask cluster: its scheduler, tcp://HOST:8786."),
    ] = None,
) -> None:
    """Ingest, deduplicate, extract, link and store; print a summary and write the situation report.

    Work is stored in units (SITREP_BATCH_SIZE articles with everything derived from them, in one
    transaction): after an interruption, running again finishes what was left."""
    inputs = list(paths or []) + ([DEMO_DIR] if demo else [])
    if not inputs and not retry_failed and not retry_skipped:
        raise typer.BadParameter("give files or directories, or --demo")
    cfg = _settings()
    location = db or cfg.db
    report_path = report_path or cfg.report
    _check_writable(report_path, "report")
    store = open_store(location, timeout=cfg.lock_timeout)
    try:
        with _terminated_as_interrupt(), RunProgressView(err) as view:
            result = pipeline.run(
                inputs,
                store,
                cfg,
                view.update,
                link_reports=not no_link,
                batch_size=cfg.batch_size,
                retry_failed=retry_failed,
                workers=workers or available_cores(),
                relevance_filter=not no_filter,
                retry_skipped=retry_skipped,
                cluster=cluster,
            )
        _report_problems(result.problems)
        shown = [e for e in (store.event(i) for i in list(result.event_ids)[-RUN_TABLE_ROWS:]) if e]
        status = store.status(failures=0)
        html = situation_report(store, cfg.report_events, date.today())
    finally:
        store.close()
    copies = sum(len(c) for c in result.copies.values())
    touched = len(result.event_ids)
    title = f"{touched} incidents new or changed this run" + (
        f" (the last {len(shown)} shown; `sitrep events` lists all)" if touched > len(shown) else ""
    )
    out.print(_events_table(shown, title))
    finished = (
        f", {result.articles_finished} left by an earlier run finished" if result.articles_finished else ""
    )
    skipped = f", {result.articles_skipped} skipped as not relevant" if result.articles_skipped else ""
    out.print(
        line(
            f"articles: {result.articles_new} new ({copies} syndicated copies), {result.articles_unchanged} "
            f"already stored{finished}{skipped}; claims: {result.claims}; set aside: {len(result.problems)}"
        ),
        line(
            "database: ",
            printable(location),
            f" ({status.events} events in all; `sitrep status` shows what is stored)",
        ),
        sep="\n",
    )
    try:
        _write(report_path, html, "report")
    except OutputError as e:
        raise OutputError(
            f"{e}. The events are stored in {printable(location)}: re-run with another --report to write it"
        ) from e
    out.print(line("report: ", report_path))
    if strict and result.problems:
        raise typer.Exit(1)


@app.command()
def status(
    db: DbOption = None,
    failures: Annotated[int, typer.Option(help="How many of the latest set-aside records to list.")] = 20,
) -> None:
    """What the store holds: articles done, pending (an interrupted run left them: `sitrep run`
    finishes them) and failed; events and claims; the records set aside and why."""
    with _reading(db) as store:
        st = store.status(failures=failures)
    out.print(
        line(
            f"articles: {st.articles_done} done ({st.copies} syndicated copies), {st.articles_pending} pending, "
            f"{st.articles_failed} failed, {st.articles_skipped} skipped; events: {st.events}; claims: {st.claims}; "
            f"records set aside: {st.failures}"
        )
    )
    if st.articles_pending:
        out.print(line("pending articles are finished by the next `sitrep run`"))
    if st.articles_failed:
        out.print(line("failed articles are tried again by `sitrep run --retry-failed`"))
    if st.articles_skipped:
        out.print(
            line(
                "skipped articles (not relevant to the filter) are extracted by `sitrep run --retry-skipped`"
            )
        )
    if st.latest_failures:
        table = _table(
            f"the {len(st.latest_failures)} latest records set aside",
            ("record", "stage", "reason", "last seen"),
        )
        for f in st.latest_failures:
            table.add_row(*(text(v) for v in (f.record, f.stage, f.reason, f.last_seen)))
        out.print(table)


@app.command()
def extract(
    input: Annotated[
        Path, typer.Argument(help="Article records, JSON Lines: {id, title, text, published, ...}.")
    ],
    output: Annotated[Path, typer.Option("-o", "--output", help="Event records, JSON Lines.")],
    claims: Annotated[
        Path | None, typer.Option("--claims", help="Also write claims here (JSON Lines).")
    ] = None,
    no_link: Annotated[
        bool, typer.Option("--no-link", help="One event per report: do not link reports across articles.")
    ] = False,
) -> None:
    """The evaluation contract: article records in, one event record per line out; no database."""
    cfg = _settings()
    for path, what in ((output, "events"), (claims, "claims")):
        if path is not None:
            _check_writable(path, what)
    items = list(read_paths([input], cfg.max_file_mb))
    articles = sum(isinstance(item, Article) for item in items)
    with _progress() as bar:
        task = bar.add_task("extracting", total=articles)
        found = pipeline.extract_events(
            items,
            cfg,
            lambda _s, n, total: bar.update(task, completed=n, total=total),
            link_reports=not no_link,
        )
    _report_problems(found.problems)
    _write(output, export.to_jsonl(export.event_record(e) for e in found.events), "events")
    if claims:
        _write(claims, export.to_jsonl(export.claim_record(c) for c in found.claims), "claims")
    err.print(
        line(
            f"{articles} articles -> {len(found.events)} events, {len(found.claims)} claims, "
            f"{len(found.problems)} set aside -> ",
            output,
        ),
        soft_wrap=True,
    )


@app.command()
def events(
    db: DbOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    admin1: Admin1Option = None,
    event_type: TypeOption = None,
    fmt: Annotated[str, typer.Option("--format", help="table, csv or json.")] = "table",
    explain: Annotated[
        str | None,
        typer.Option("--explain", help="Show every report behind EVENT_ID and why they were linked."),
    ] = None,
) -> None:
    """List stored events."""
    if explain:
        _explain(db, explain)
        return
    found = _stored_events(db, since, until, admin1, event_type)
    if fmt == "csv":
        _write_data(export.to_csv(found))
    elif fmt == "json":
        _write_data(export.to_jsonl(export.event_record(e) for e in found))
    elif fmt == "table":
        out.print(_events_table(found, f"{len(found)} events"))
    else:
        raise typer.BadParameter("--format is table, csv or json")


def _explain(db: str | None, event_id: str) -> None:
    with _reading(db) as store:
        event = store.event(event_id)
    if event is None:
        raise typer.BadParameter(f"no event {event_id!r} in {printable(_db(db))}")
    out.print(_events_table([event], f"{event_id}: {len(event.sources)} sources"))
    if event.fatalities_low is not None or event.fatalities_high is not None:
        out.print(
            line(f"killed: best {event.fatalities}, low {event.fatalities_low}, high {event.fatalities_high}")
        )
    table = _table(
        "reports behind the event",
        ("article", "outlet", "published", "what it said", "linked to", "score", "why"),
    )
    for r in explain_event(event):
        table.add_row(
            Text("\n").join(text(v) for v in (r.article_id, r.url) if v),
            text(r.outlet),
            text(r.published),
            text(r.evidence, keep_lines=True),
            text(r.linked_to),
            text("" if r.score is None else f"{r.score:.1f}"),
            Text("\n").join(text(reason) for reason in r.reasons),
        )
    out.print(table)


@app.command()
def articles(
    db: DbOption = None, fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table"
) -> None:
    """List stored articles, with the canonical article each syndicated copy was linked to."""
    with _reading(db) as store:
        stored = store.articles()
    if fmt == "json":
        for s in stored:
            a = s.article
            _write_data(
                json.dumps(
                    {
                        "id": a.id,
                        "title": a.title,
                        "published": str(a.published or ""),
                        "outlet": a.outlet,
                        "source": a.source,
                        "copy_of": s.canonical_id,
                    }
                )
                + "\n"
            )
        return
    table = _table(f"{len(stored)} articles", ("id", "published", "title", "source", "copy of"))
    for s in stored:
        a = s.article
        table.add_row(*(text(v) for v in (a.id, a.published, a.title[:70], a.source, s.canonical_id)))
    out.print(table)


@app.command("map")
def map_(
    db: DbOption = None,
    output: Annotated[Path, typer.Option("-o", "--output", help="HTML file to write.")] = Path(
        "sitrep-map.html"
    ),
    since: SinceOption = None,
    until: UntilOption = None,
    admin1: Admin1Option = None,
    event_type: TypeOption = None,
) -> None:
    """Draw stored events on an offline map (bundled governorate boundaries, no tile server)."""
    _check_writable(output, "map")
    found = _stored_events(db, since, until, admin1, event_type)
    _write(output, report.map_page(found, governorate_shapes(), f"sitrep: {len(found)} events"), "map")
    out.print(line(f"{len(found)} events drawn -> ", output))


@app.command("report")
def report_(
    db: DbOption = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o", "--output", help=f"HTML file to write (env SITREP_REPORT, default {_DEFAULTS['report']})."
        ),
    ] = None,
) -> None:
    """Write the situation report of the stored incidents: trend with surge alerts, map, forecast,
    source health, and the SITREP_REPORT_EVENTS most recent incidents they link to."""
    cfg = _settings()
    output = output or cfg.report
    _check_writable(output, "report")
    with _reading(db) as store:
        html = situation_report(store, cfg.report_events, date.today())
    _write(output, html, "report")
    out.print(line("report: ", output))


@app.command()
def coverage(
    db: DbOption = None,
    by: Annotated[
        str, typer.Option("--by", help="outlet or admin1 (the governorates of their events).")
    ] = "outlet",
    since: Annotated[str | None, typer.Option(help="First publication date, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Last publication date, YYYY-MM-DD.")] = None,
) -> None:
    """Source health: stored articles per week by outlet or governorate, and the weeks where an
    outlet's or governorate's coverage dropped (no reports is not no violence)."""
    if by not in COVERAGE_BY:
        raise typer.BadParameter(f"--by is {' or '.join(COVERAGE_BY)}")
    first, last = _dates(since, until)
    with _reading(db) as store:
        health = source_health(store.article_counts(COVERAGE_BY[by], first, last), COVERAGE_BY[by])
    table = _table(f"articles per week by {by}", ("week of", by, "articles"))
    for i, week in enumerate(health.weeks):
        for s in health.series:
            if s.articles[i]:
                table.add_row(*(text(v) for v in (week.isoformat(), s.key, s.articles[i])))
    out.print(table)
    out.print(
        line(
            f"{sum(s.total for s in health.series)} articles in {len(health.weeks)} weeks; "
            f"{health.undated} undated articles left out"
        ),
        soft_wrap=True,
    )
    for d in health.drops:
        out.print(line(Text("coverage drop:", style="yellow"), " ", d.message), soft_wrap=True)


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on (127.0.0.1: this machine only).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.", min=1, max=65535)] = 8000,
) -> None:
    """Serve the web API (OpenAPI docs at /docs) and the offline dashboard at http://HOST:PORT/.

    Writes (submitting articles, corrections) need the token in SITREP_TOKEN; without it the server is read-only."""
    from .serve.server import serve as serve_app
    from .serve.server import token_from_env

    token = token_from_env()
    out.print(
        line(
            f"sitrep serving {printable(_db(db))} at http://{host}:{port}/ ",
            "(read-write)" if token else "(read-only)",
        )
    )
    serve_app(_db(db), host, port, _settings(), token)


@app.command()
def places(
    db: DbOption = None,
    unresolved: Annotated[
        bool, typer.Option("--unresolved", help="Place names the gazetteer could not place.")
    ] = False,
) -> None:
    """Place names in stored events; with --unresolved, those left at district or governorate level."""
    if not unresolved:
        raise typer.BadParameter("only --unresolved is supported so far")
    with _reading(db) as store:
        rows = unresolved_places(store.events())
    table = _table(
        f"{len(rows)} unresolved place names (add them to the gazetteer: see README)",
        ("name", "events", "coded to", "example event"),
    )
    for r in rows:
        table.add_row(*(text(v) for v in (r.name, r.events, ", ".join(r.governorates), r.example_event_id)))
    out.print(table)


@app.command()
def trends(
    db: DbOption = None,
    dataset: DatasetOption = EXTRACTED,
    period: Annotated[str, typer.Option("--period", help="week or month.")] = "month",
    by: Annotated[
        str,
        typer.Option(
            "--by",
            help="admin1 (governorate only), type, actor, admin2 (district), priogrid (PRIO-GRID cell)"
            " or time_of_day.",
        ),
    ] = "admin1",
    since: SinceOption = None,
    until: UntilOption = None,
    admin1: Admin1Option = None,
    event_type: TypeOption = None,
) -> None:
    """Events and fatalities per week or month and governorate, broken down by type, actor, district,
    PRIO-GRID cell or time of day."""
    if period not in PERIODS or by not in BREAKDOWNS:
        raise typer.BadParameter(f"--period is {' or '.join(PERIODS)}; --by is {', '.join(BREAKDOWNS)}")
    found = _stored_events(db, since, until, admin1, event_type, _dataset(dataset))
    result = count_trends(found, period, by)
    columns = ("week of" if period == "week" else "month", "admin1", *((by,) if by != "admin1" else ()))
    table = _table(f"{dataset} events per {period}", (*columns, "events", "fatalities"))
    for r in result.rows:
        start = r.period.isoformat() if period == "week" else r.period.strftime("%Y-%m")
        group = (r.group,) if by != "admin1" else ()
        table.add_row(*(text(v) for v in (start, r.admin1, *group, r.events, r.fatalities)))
    out.print(table)
    out.print(
        line(
            f"{len(found)} events; {result.left_out} left out (no date, no governorate, "
            f"or dated less precisely than a {period})"
        )
    )


@app.command()
def compare(
    with_file: Annotated[
        Path, typer.Option("--with", help="A human-coded dataset's CSV (UCDP GED, ACLED, GTD).")
    ],
    as_dataset: Annotated[
        str | None, typer.Option("--as", help="Which dataset the file is (default: told by its header).")
    ] = None,
    db: DbOption = None,
) -> None:
    """Extracted events beside a human-coded dataset's, per governorate and month: counts, fatalities,
    events only one side has, and the correlation, over the months both cover."""
    dataset = _dataset(as_dataset) if as_dataset else dataset_of(with_file)
    if dataset not in CODED_DATASETS:
        raise typer.BadParameter(f"--as is one of {', '.join(CODED_DATASETS)}")
    coded = read_coded(dataset, with_file)
    _report_problems(list(coded.problems))
    with _reading(db) as store:
        ours = store.events()
    result = compare_events(ours, coded.events)
    if result.first is None or result.last is None:
        out.print(line(f"nothing to compare: sitrep's events and the {dataset} file share no month"))
        return
    table = _table(
        f"sitrep vs {dataset}, {result.first:%Y-%m}..{result.last:%Y-%m}",
        ("admin1", "month", "sitrep events", f"{dataset} events", "sitrep killed", f"{dataset} killed"),
    )
    for c in result.cells:
        table.add_row(
            *(
                text(v)
                for v in (
                    c.admin1,
                    c.month.strftime("%Y-%m"),
                    c.ours_events,
                    c.theirs_events,
                    c.ours_fatalities,
                    c.theirs_fatalities,
                )
            )
        )
    out.print(table)

    def r(x: float | None) -> str:
        return "n/a" if x is None else f"{x:.2f}"

    out.print(
        line(
            f"events: sitrep {result.ours_events}, {dataset} {result.theirs_events}; matched one to one "
            f"(same governorate, within a day): {result.matched}; only sitrep: {result.only_ours}; only "
            f"{dataset}: {result.only_theirs}"
        ),
        line(
            f"governorate-months: {len(result.cells)}, only sitrep: {result.cells_only_ours}, only {dataset}: "
            f"{result.cells_only_theirs}; correlation per governorate-month: events {r(result.events_correlation)}, "
            f"fatalities {r(result.fatalities_correlation)}; left out (no governorate, dated only to a year, "
            f"outside these months): {result.left_out}"
        ),
        sep="\n",
        soft_wrap=True,
    )


@app.command("import")
def import_(
    dataset: Annotated[str, typer.Argument(help="Which coded dataset the file is: ucdp, acled or gtd.")],
    file: Annotated[Path, typer.Argument(help="The dataset's CSV export.")],
    db: DbOption = None,
) -> None:
    """Import a human-coded dataset (UCDP GED, ACLED, GTD) as events of its own, kept apart from
    extracted events and never linked with them. Bad rows are named and skipped; importing the same
    file again changes nothing."""
    if dataset not in CODED_DATASETS:
        raise typer.BadParameter(f"{dataset!r} is not one of {', '.join(CODED_DATASETS)}")
    store = open_store(_db(db), timeout=_settings().lock_timeout)
    try:
        result = import_dataset(dataset, file, store)
    finally:
        store.close()
    _report_problems(list(result.file.problems))
    w = result.write
    out.print(
        line(
            f"{result.file.rows} rows: {len(result.file.events)} events ({w.added} new, {w.changed} changed, "
            f"{w.unchanged} unchanged), {len(result.file.problems)} rows refused -> ",
            printable(_db(db)),
        ),
        soft_wrap=True,
    )
    for warning, n in result.warnings:
        out.print(line(f"  {n} events kept with a warning: {warning}"), soft_wrap=True)


@gazetteer_app.command("build")
def gazetteer_build(
    geo_dir: Annotated[Path, typer.Argument(help="Folder with the WOF place TSVs and OCHA boundaries.")],
    out_dir: Annotated[Path, typer.Option(help="Where to write the gazetteer files.")] = DATA_DIR,
    geonames: Annotated[
        list[str] | None, typer.Option(help="Extra GeoNames dump as PATH:COUNTRY_NAME.")
    ] = None,
    places: Annotated[
        list[Path] | None,
        typer.Option(
            help="Your own places: TSV with name, alternate_names, latitude, longitude, admin1_code."
        ),
    ] = None,
) -> None:
    """Build places.tsv.gz and governorates.tsv from open data (Who's On First / GeoNames, OCHA)."""
    extra = [_geonames_dump(g) for g in geonames or []]
    n = build_gazetteer(geo_dir, out_dir, extra, places)
    out.print(line(f"{n} places written to ", out_dir))


def _geonames_dump(value: str) -> tuple[Path, str]:
    path, colon, country = value.rpartition(":")
    if not colon or not path or not country.strip():
        raise typer.BadParameter(
            f"{value!r} is not PATH:COUNTRY_NAME, e.g. IR.txt:Iran", param_hint="'--geonames'"
        )
    return Path(path), country.strip()


def main() -> None:
    app()
