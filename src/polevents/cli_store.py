"""Commands over the event store (ingest, query, dyads, network, roles, export)."""

import typer


def register(app: typer.Typer) -> None:
    """Adds the store commands to the main application."""
