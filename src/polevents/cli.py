"""The command line: thin wrappers over the library functions (SPEC section 4)."""

from __future__ import annotations

import sys
from enum import Enum
from typing import Annotated, Optional

import typer

from polevents import cli_kb, cli_store

app = typer.Typer(help="Political event data from news text: CAMEO and PLOVER coding, "
                  "a store, analysis and exports.", no_args_is_help=True,
                  add_completion=False, pretty_exceptions_enable=False)


class Format(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    table = "table"


DateOption = Annotated[Optional[str], typer.Option(
    "--date", help="Publication date (YYYY-MM-DD) for documents that have none.")]
ModelOption = Annotated[Optional[str], typer.Option(
    "--model", help="spaCy pipeline package to use (default: the best installed English one).")]
KbOption = Annotated[Optional[list[str]], typer.Option(
    "--kb", help="Extra knowledge-base file (polevents TSV/YAML or PETRARCH .txt); repeatable.")]


def fail(message: str, code: int = 2) -> None:
    typer.echo(f"polevents: {message}", err=True)
    raise typer.Exit(code)


def check_date(value: str | None, option: str = "--date") -> None:
    from datetime import date

    if value is None:
        return
    try:
        date.fromisoformat(value)
    except ValueError:
        fail(f"{option} {value!r}: expected YYYY-MM-DD")


def make_coder(model: str | None, kb: list[str] | None):
    from polevents.kb import KBError
    from polevents.pipeline import Coder

    try:
        return Coder(model=model, kb_files=tuple(kb or ()))
    except (KBError, OSError) as exc:
        fail(str(exc), 1)
    except RuntimeError as exc:
        fail(str(exc), 1)


@app.command()
def code(inputs: Annotated[list[str], typer.Argument(help="Files, directories, or - for stdin.")],
         format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.jsonl,
         date: DateOption = None, model: ModelOption = None, kb: KbOption = None) -> None:
    """Code documents into events and print them (one JSON object a line by default)."""
    from polevents.output import EventWriter
    from polevents.read import iter_documents

    check_date(date)
    coder = make_coder(model, kb)
    writer = EventWriter(format.value, sys.stdout)
    coded = 0
    for _, events in coder.code(iter_documents(inputs, date)):
        coded += 1
        writer.write(events)
    writer.close()
    if coded == 0:
        fail("no document could be coded", 1)


@app.command()
def evaluate(gold: Annotated[str, typer.Argument(help="Gold JSON Lines file (SPEC section 3).")],
             as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
             limit: Annotated[Optional[int], typer.Option(help="Score only the first N documents.")] = None,
             model: ModelOption = None, kb: KbOption = None) -> None:
    """Code the gold documents and print precision, recall and F1 at each level."""
    import json

    from polevents.evaluate import evaluate as run, format_report, read_gold
    from polevents.model import Document

    try:
        gold_docs = read_gold(gold)[:limit]
    except (OSError, ValueError) as exc:
        fail(f"{gold}: cannot read gold file: {exc}", 1)
    coder = make_coder(model, kb)
    docs = [Document(str(g.get("id", i)), g.get("text") or "", g.get("date")) for i, g in enumerate(gold_docs)]
    coded = ([e.to_dict() for e in events] for _, events in coder.code(docs))
    report = run(gold_docs, coded)
    typer.echo(json.dumps(report.as_dict(), indent=2) if as_json else format_report(report))


@app.command()
def who(name: Annotated[str, typer.Argument(help="A name or phrase, e.g. 'Bennett' or 'the Kremlin'.")],
        on: Annotated[Optional[str], typer.Option("--on", help="Date of the mention (YYYY-MM-DD).")] = None,
        kb: KbOption = None) -> None:
    """Show how the knowledge base resolves a name on a date, and why."""
    from polevents.kb import KBError, load_kb
    from polevents.who import explain

    check_date(on, "--on")
    try:
        knowledge = load_kb(tuple(kb or ()))
    except (KBError, OSError) as exc:
        fail(str(exc), 1)
    lines = explain(knowledge, name, on)
    if not lines:
        fail(f"{name!r}: not in the knowledge base", 1)
    typer.echo("\n".join(lines))


cli_store.register(app)
cli_kb.register(app)


def main() -> None:
    app()
