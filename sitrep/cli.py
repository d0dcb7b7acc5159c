"""sitrep's command line: argument handling and display only; the work is in the library."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import export, pipeline, report
from .analyse import unresolved_places
from .config import Config
from .errors import SitrepError
from .geo.boundaries import governorate_shapes
from .geo.build import DATA_DIR
from .geo.build import build as build_gazetteer
from .ingest import read_paths
from .model import Article, Event, Problem
from .report.explain import explain as explain_event
from .store import EventFilter, SQLiteStore

DEMO_DIR = Path(__file__).parent / "demo"
_CFG = Config.from_env()

app = typer.Typer(
    help="sitrep: news reports on political violence in, verified geolocated incidents out.",
    no_args_is_help=True,
    add_completion=False,
)
gazetteer_app = typer.Typer(help="Build the bundled gazetteer.", no_args_is_help=True)
app.add_typer(gazetteer_app, name="gazetteer")
out = Console(width=None if sys.stdout.isatty() else 120)
err = Console(stderr=True)

DbOption = Annotated[Path, typer.Option("--db", help="SQLite database file (env SITREP_DB).")]
SinceOption = Annotated[str | None, typer.Option(help="First event date, YYYY-MM-DD.")]
UntilOption = Annotated[str | None, typer.Option(help="Last event date, YYYY-MM-DD.")]
Admin1Option = Annotated[str | None, typer.Option(help="Governorate name or ISO code (e.g. Anbar, IQ-AN).")]
TypeOption = Annotated[str | None, typer.Option("--type", help="ACLED event type.")]


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
        err.print(f"[yellow]skipped[/] {p.where}: {p.reason}", highlight=False, markup=True)


def _events_table(events: list[Event], title: str) -> Table:
    table = Table(title=title, show_lines=False)
    for col in ("date", "type", "actor1", "location", "admin1", "killed", "wounded"):
        table.add_column(col, overflow="fold")
    for e in events:
        table.add_row(
            str(e.event_date or ""),
            e.sub_event_type,
            e.actor1 or "",
            e.location or "",
            e.admin1 or "",
            str(e.fatalities),
            str(e.injured),
        )
    return table


def _stored_events(
    db: Path, since: str | None, until: str | None, admin1: str | None, event_type: str | None
) -> list[Event]:
    flt = _event_filter(since, until, admin1, event_type)
    store = SQLiteStore(db)
    try:
        return store.events(flt)
    finally:
        store.close()


def _event_filter(
    since: str | None, until: str | None, admin1: str | None, event_type: str | None
) -> EventFilter:
    try:
        return EventFilter(
            date.fromisoformat(since) if since else None,
            date.fromisoformat(until) if until else None,
            admin1,
            event_type,
        )
    except ValueError as e:
        raise typer.BadParameter(f"dates are YYYY-MM-DD: {e}") from e


@app.command()
def run(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Files or directories (.txt, .html, .jsonl).")
    ] = None,
    db: DbOption = _CFG.db,
    report_path: Annotated[
        Path, typer.Option("--report", help="HTML situation report to write.")
    ] = _CFG.report,
    demo: Annotated[bool, typer.Option("--demo", help="Run on the bundled synthetic demo corpus.")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 when any input was skipped.")] = False,
    no_link: Annotated[
        bool, typer.Option("--no-link", help="One event per report: do not link reports across articles.")
    ] = False,
) -> None:
    """Ingest, deduplicate, extract, link and store; print a summary and write the situation report."""
    inputs = list(paths or []) + ([DEMO_DIR] if demo else [])
    if not inputs:
        raise typer.BadParameter("give files or directories, or --demo")
    store = SQLiteStore(db)
    try:
        with _progress() as bar:
            task = bar.add_task("extracting", total=None)
            result = pipeline.run(
                inputs,
                store,
                _CFG,
                lambda _s, n, total: bar.update(task, completed=n, total=total),
                link_reports=not no_link,
            )
        _report_problems(result.problems)
        events = store.events()
        report_path.write_text(report.render(events, store.claims(), date.today()), encoding="utf-8")
    finally:
        store.close()
    copies = sum(len(c) for c in result.copies.values())
    out.print(_events_table(result.events, f"{len(result.events)} incidents extracted this run"))
    out.print(
        f"articles: {result.articles_new} new ({copies} syndicated copies), {result.articles_unchanged} already "
        f"stored; claims: {len(result.claims)}; skipped inputs: {len(result.problems)}\n"
        f"database: {db} ({len(events)} events in all)\nreport: {report_path}"
    )
    if strict and result.problems:
        raise typer.Exit(1)


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
    articles: list[Article] = []
    problems: list[Problem] = []
    for item in read_paths([input], _CFG.max_file_mb):
        (problems if isinstance(item, Problem) else articles).append(item)  # type: ignore[arg-type]
    _report_problems(problems)
    with _progress() as bar:
        task = bar.add_task("extracting", total=len(articles))
        events, found_claims, _ = pipeline.extract_events(
            articles,
            _CFG,
            lambda _s, n, total: bar.update(task, completed=n, total=total),
            link_reports=not no_link,
        )
    output.write_text(export.to_jsonl(export.event_record(e) for e in events), encoding="utf-8")
    if claims:
        claims.write_text(export.to_jsonl(export.claim_record(c) for c in found_claims), encoding="utf-8")
    err.print(f"{len(articles)} articles -> {len(events)} events, {len(found_claims)} claims -> {output}")


@app.command()
def events(
    db: DbOption = _CFG.db,
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
        sys.stdout.write(export.to_csv(found))
    elif fmt == "json":
        sys.stdout.write(export.to_jsonl(export.event_record(e) for e in found))
    elif fmt == "table":
        out.print(_events_table(found, f"{len(found)} events"))
    else:
        raise typer.BadParameter("--format is table, csv or json")


def _explain(db: Path, event_id: str) -> None:
    store = SQLiteStore(db)
    try:
        event = store.event(event_id)
    finally:
        store.close()
    if event is None:
        raise typer.BadParameter(f"no event {event_id!r} in {db}")
    out.print(_events_table([event], f"{event_id}: {len(event.sources)} sources"))
    if event.fatalities_low is not None or event.fatalities_high is not None:
        out.print(
            f"killed: best {event.fatalities}, low {event.fatalities_low}, high {event.fatalities_high}"
        )
    table = Table(title="reports behind the event")
    for col in ("article", "outlet", "published", "what it said", "linked to", "score", "why"):
        table.add_column(col, overflow="fold")
    for line in explain_event(event):
        table.add_row(
            line.article_id + (f"\n{line.url}" if line.url else ""),
            line.outlet or "",
            line.published,
            line.evidence,
            line.linked_to,
            "" if line.score is None else f"{line.score:.1f}",
            "\n".join(line.reasons),
        )
    out.print(table)


@app.command()
def articles(
    db: DbOption = _CFG.db, fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table"
) -> None:
    """List stored articles, with the canonical article each syndicated copy was linked to."""
    store = SQLiteStore(db)
    try:
        stored = store.articles()
    finally:
        store.close()
    if fmt == "json":
        for s in stored:
            a = s.article
            sys.stdout.write(
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
    table = Table(title=f"{len(stored)} articles")
    for col in ("id", "published", "title", "source", "copy of"):
        table.add_column(col, overflow="fold")
    for s in stored:
        a = s.article
        table.add_row(a.id, str(a.published or ""), a.title[:70], a.source or "", s.canonical_id or "")
    out.print(table)


@app.command("map")
def map_(
    db: DbOption = _CFG.db,
    output: Annotated[Path, typer.Option("-o", "--output", help="HTML file to write.")] = Path(
        "sitrep-map.html"
    ),
    since: SinceOption = None,
    until: UntilOption = None,
    admin1: Admin1Option = None,
    event_type: TypeOption = None,
) -> None:
    """Draw stored events on an offline map (bundled governorate boundaries, no tile server)."""
    found = _stored_events(db, since, until, admin1, event_type)
    output.write_text(
        report.map_page(found, governorate_shapes(), f"sitrep: {len(found)} events"), encoding="utf-8"
    )
    out.print(f"{len(found)} events drawn -> {output}")


@app.command()
def places(
    db: DbOption = _CFG.db,
    unresolved: Annotated[
        bool, typer.Option("--unresolved", help="Place names the gazetteer could not place.")
    ] = False,
) -> None:
    """Place names in stored events; with --unresolved, those left at district or governorate level."""
    if not unresolved:
        raise typer.BadParameter("only --unresolved is supported so far")
    store = SQLiteStore(db)
    try:
        rows = unresolved_places(store.events())
    finally:
        store.close()
    table = Table(title=f"{len(rows)} unresolved place names (add them to the gazetteer: see README)")
    for col in ("name", "events", "coded to", "example event"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(r.name, str(r.events), ", ".join(r.governorates), r.example_event_id)
    out.print(table)


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
    extra = [(Path(g.rsplit(":", 1)[0]), g.rsplit(":", 1)[1]) for g in geonames or []]
    n = build_gazetteer(geo_dir, out_dir, extra, places)
    out.print(f"{n} places written to {out_dir}")


def main() -> None:
    try:
        app()
    except SitrepError as e:
        err.print(f"[red]error:[/] {e}")
        raise SystemExit(2) from e
