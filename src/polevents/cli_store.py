"""Commands over the event store (ingest, query, dyads, network, roles, export).

Each command is a thin call of a library function (ingest.py, query.py, analysis.py, export.py);
heavy modules are imported inside the commands so that `polevents --help` stays instant.
Exit codes: 0 done, 1 nothing could be done (store locked, corrupt or missing, no input read),
2 bad usage. Diagnostics go to standard error, data to standard output.
"""

from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import Optional

import typer

DB_HELP = "DuckDB database file."
Db = typer.Option("polevents.duckdb", "--db", help=DB_HELP)
Since = typer.Option(None, "--since", help="First day, YYYY-MM-DD.")
Until = typer.Option(None, "--until", help="Last day, YYYY-MM-DD.")
Clusters = typer.Option(False, "--clusters", help="Count event clusters (real events), not reports.")


def _fail(message: str, code: int) -> None:
    print(f"polevents: {message}", file=sys.stderr)
    raise typer.Exit(code)


@contextmanager
def _errors():
    """Store problems end the command with one line and exit code 1; bad filters with code 2."""
    from polevents.feeds import FeedError
    from polevents.query import QueryError
    from polevents.store import StoreError

    try:
        yield
    except (StoreError, FeedError) as exc:
        _fail(str(exc), 1)
    except (QueryError, ValueError) as exc:
        _fail(str(exc), 2)
    except BrokenPipeError:  # the reader went away (`| head`): stop quietly
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(0) from None


def _print_frame(df, fmt: str) -> None:
    if fmt == "csv":
        df.to_csv(sys.stdout, index=False)
    elif fmt == "jsonl":
        import json

        for record in df.to_dict(orient="records"):
            print(json.dumps({k: _jsonable(v) for k, v in record.items()}, ensure_ascii=False))
    else:
        from rich import box
        from rich.console import Console
        from rich.table import Table

        table = Table(box=box.SIMPLE_HEAD, pad_edge=False, collapse_padding=True)
        for c in df.columns:
            table.add_column(str(c), no_wrap=True)
        for record in df.to_dict(orient="records"):
            table.add_row(*(f"{v:.2f}" if isinstance(v, float) else str(_jsonable(v))
                            for v in record.values()))
        Console().print(table)


def _jsonable(value):
    """Plain JSON values from what pandas holds: dates as YYYY-MM-DD, numpy numbers as numbers."""
    if hasattr(value, "isoformat"):
        text = value.isoformat()
        return text[:10] if text.endswith("T00:00:00") or len(text) == 10 else text
    if hasattr(value, "item"):
        return value.item()
    return value


def _check_format(fmt: str, allowed: tuple[str, ...]) -> None:
    if fmt not in allowed:
        _fail(f"--format is one of {', '.join(allowed)}, not {fmt!r}", 2)


def _summary_line(s: dict) -> str:
    line = (f"{s['documents']} documents read ({s['stored']} new, {s['already_stored']} already"
            f" stored, {s['skipped']} skipped), {s['sentences']} sentences with events,"
            f" {s['events']} events, {s['clusters']} clusters, {s['seconds']:.1f} s -> {s['db']}")
    return line + (" (interrupted: rerun to continue)" if s.get("interrupted") else "")


def register(app: typer.Typer) -> None:
    """Adds the store commands to the main application."""

    @app.command()
    def ingest(inputs: list[str] = typer.Argument(..., help="Files, directories, '-', feeds or URLs."),
               db: str = Db,
               date: Optional[str] = typer.Option(None, "--date", help="Publication date for"
                                                  " documents without one, YYYY-MM-DD."),
               model: Optional[str] = typer.Option(None, "--model", help="spaCy pipeline."),
               kb: list[str] = typer.Option([], "--kb", help="Extra knowledge-base file."),
               watch: Optional[float] = typer.Option(None, "--watch", metavar="SECONDS",
                                                     help="Poll the inputs every SECONDS until Ctrl-C."),
               full_text: bool = typer.Option(False, "--full-text",
                                              help="Fetch each feed entry's page for its full text."),
               batch_size: int = typer.Option(50, "--batch-size", min=1,
                                              help="Documents per committed batch."),
               progress: bool = typer.Option(True, "--progress/--no-progress",
                                             help="Progress bar on a terminal.")):
        """Code documents and store them with their events; documents already stored are skipped."""
        from polevents import ingest as ingesting
        from polevents.query import parse_date

        with _errors():
            if date:
                parse_date(date)
            if watch is not None and watch <= 0:
                raise ValueError("--watch takes a positive number of seconds")
            from polevents.pipeline import Coder

            coder = Coder(model=model, kb_files=tuple(kb))
            options = dict(default_date=date, progress=progress and sys.stderr.isatty(),
                           batch_size=batch_size, full_text=full_text)
            show = lambda s: print(f"polevents: {_summary_line(s)}", file=sys.stderr)  # noqa: E731
            if watch:
                ingesting.watch(inputs, db, coder, watch, on_round=show, **options)
                return
            summary = ingesting.ingest(inputs, db, coder, **options)
        show(summary)
        if summary["interrupted"] or (summary["documents"] == 0):
            raise typer.Exit(1)

    @app.command()
    def query(db: str = Db,
              actor: Optional[str] = typer.Option(None, "--actor", help="Code prefix (ISR) or name words."),
              dyad: Optional[str] = typer.Option(None, "--dyad", help="SOURCE:TARGET, e.g. ISR:RUS."),
              undirected: bool = typer.Option(False, "--undirected", help="Dyad in either direction."),
              cameo: Optional[str] = typer.Option(None, "--cameo", help="CAMEO root or code prefix."),
              plover: Optional[str] = typer.Option(None, "--plover", help="PLOVER event type."),
              quad: Optional[int] = typer.Option(None, "--quad", help="Quad class 1-4."),
              since: Optional[str] = Since, until: Optional[str] = Until,
              modality: Optional[str] = typer.Option(None, "--modality", help="asserted, negated,"
                                                     " future, hypothetical or historical."),
              text: Optional[str] = typer.Option(None, "--text", help="Words in the sentence."),
              clusters: bool = typer.Option(False, "--clusters", help="Event clusters, not mentions."),
              fmt: str = typer.Option("table", "--format", help="table, jsonl or csv."),
              limit: Optional[int] = typer.Option(None, "--limit", min=0)):
        """Filter stored events (or event clusters) and print them."""
        from polevents import query as q

        _check_format(fmt, ("table", "jsonl", "csv"))
        with _errors():
            filters = q.Filters(actor, dyad, undirected, cameo, plover, quad, since, until,
                                modality, text)
            names, rows = q.select(db, filters, clusters=clusters, limit=limit)
            {"table": q.print_table, "jsonl": q.write_jsonl, "csv": q.write_csv}[fmt](names, rows)

    @app.command()
    def dyads(db: str = Db,
              dyad: Optional[str] = typer.Option(None, "--dyad", help="A:B; all dyads when left out."),
              undirected: bool = typer.Option(False, "--undirected"),
              freq: str = typer.Option("month", "--freq", help="day, week, month, quarter or year."),
              since: Optional[str] = Since, until: Optional[str] = Until, clusters: bool = Clusters,
              all_modalities: bool = typer.Option(False, "--all-modalities",
                                                  help="Count negated, future... events too."),
              by: str = typer.Option("country", "--by", help="Group actors by country or code."),
              fmt: str = typer.Option("table", "--format", help="table, csv or jsonl.")):
        """Dyadic time series: events per period, per quad class, Goldstein sum and mean."""
        from polevents import analysis

        _check_format(fmt, ("table", "csv", "jsonl"))
        with _errors():
            df = analysis.dyad_series(db, dyad, freq, undirected, since, until,
                                      None if all_modalities else "asserted",
                                      "clusters" if clusters else "mentions", by)
            _print_frame(df, fmt)

    @app.command()
    def network(db: str = Db, since: Optional[str] = Since, until: Optional[str] = Until,
                clusters: bool = Clusters,
                by: str = typer.Option("country", "--by", help="Group actors by country or code."),
                quad: Optional[int] = typer.Option(None, "--quad", help="Only this quad class."),
                min_weight: int = typer.Option(1, "--min-weight", min=1),
                fmt: str = typer.Option("json", "--format", help="json or graphml."),
                output: str = typer.Option("-", "--output", "-o", help="File; '-' is stdout.")):
        """Actor network: weighted directed edges with event counts and Goldstein scores."""
        import io

        from polevents import analysis

        _check_format(fmt, ("json", "graphml"))
        with _errors():
            analysis.check_period(since, until)
            graph = analysis.actor_network(db, since, until, unit="clusters" if clusters else
                                           "mentions", by=by, quad=quad, min_weight=min_weight)
            if output != "-":
                (analysis.write_json if fmt == "json" else analysis.write_graphml)(graph, output)
                print(f"polevents: {graph.number_of_nodes()} actors, {graph.number_of_edges()}"
                      f" edges -> {output}", file=sys.stderr)
            elif fmt == "json":
                import json

                print(json.dumps(analysis.network_json(graph), indent=1, sort_keys=True))
            else:
                buffer = io.BytesIO()
                import networkx as nx

                nx.write_graphml(graph, buffer)
                sys.stdout.write(buffer.getvalue().decode("utf-8"))

    @app.command()
    def roles(dyad: str = typer.Argument(..., help="The two sides, A:B, e.g. RUS:UKR."),
              db: str = Db, since: Optional[str] = Since, until: Optional[str] = Until,
              clusters: bool = Clusters,
              fmt: str = typer.Option("table", "--format", help="table, csv or jsonl.")):
        """Third parties of a dyad: mediators, and the supporters and sanctioners of each side."""
        from polevents import analysis

        _check_format(fmt, ("table", "csv", "jsonl"))
        with _errors():
            df = analysis.roles(db, dyad, since, until, unit="clusters" if clusters else "mentions")
            _print_frame(df, fmt)

    @app.command()
    def export(out: str = typer.Argument(..., help="Output file ('-' for stdout); a directory"
                                                   " for parquet."),
               fmt: str = typer.Option(..., "--format", help="csv, parquet, gdelt or plover."),
               db: str = Db, since: Optional[str] = Since, until: Optional[str] = Until,
               dyad: Optional[str] = typer.Option(None, "--dyad", help="Only this dyad, A:B."),
               actor: Optional[str] = typer.Option(None, "--actor", help="Only this actor."),
               modality: Optional[str] = typer.Option(None, "--modality",
                                                      help="Only this modality, e.g. asserted.")):
        """Write stored events as CSV, monthly Parquet, the GDELT 2.0 event table or PLOVER JSONL."""
        from polevents import export as exporting
        from polevents.query import Filters

        _check_format(fmt, exporting.FORMATS)
        with _errors():
            filters = Filters(actor=actor, dyad=dyad, since=since, until=until, modality=modality)
            n = exporting.export(db, fmt, out, filters)
        print(f"polevents: {n} {'clusters' if fmt == 'gdelt' else 'events'} written"
              f" ({fmt}) -> {out}", file=sys.stderr)
