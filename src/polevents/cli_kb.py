"""Knowledge-base commands: `polevents kbcheck` (resolution accuracy on dated mentions)."""

from __future__ import annotations

import sys
from typing import Annotated, Optional

import typer


def _fail(message: str, code: int) -> None:
    print(f"polevents: {message}", file=sys.stderr)
    raise typer.Exit(code)


def register(app: typer.Typer) -> None:
    @app.command()
    def kbcheck(
        files: Annotated[list[str], typer.Argument(
            help="Mention TSV files (mention, date, expected_code, expected_person_id, note).")],
        show_failures: Annotated[bool, typer.Option(
            "--show-failures", help="List every mention resolved wrongly, expected vs got.")] = False,
        as_json: Annotated[bool, typer.Option("--json", help="Print the full report as JSON.")] = False,
        model: Annotated[Optional[str], typer.Option(
            "--model", help="spaCy pipeline package to use.")] = None,
        kb: Annotated[Optional[list[str]], typer.Option(
            "--kb", help="Extra knowledge-base file; repeatable.")] = None,
    ) -> None:
        """Resolve dated mentions as the coder does and print the accuracy against expected codes."""
        from pathlib import Path

        from polevents.kb import KBError
        from polevents.kb.check import check_mentions, format_report

        for name in files:
            if not Path(name).is_file():
                _fail(f"{name}: no such file", 2)
        try:
            from polevents.pipeline import Coder

            coder = Coder(model=model, kb_files=tuple(kb or ()))
        except (KBError, OSError, RuntimeError) as exc:
            _fail(str(exc), 1)
        try:
            report = check_mentions(files, coder)
        except (OSError, ValueError) as exc:
            _fail(str(exc), 1)
        if report["total"] == 0:
            _fail("no mention to check", 1)
        if as_json:
            import json

            typer.echo(json.dumps(report, indent=2, ensure_ascii=False))
        else:
            typer.echo("\n".join(format_report(report, show_failures)))
