"""The command line: parses arguments, calls the library, prints results. Errors become one line
on stderr and a non-zero exit, never a traceback.

Each command imports the stages it runs, so that `--help` and the light commands do not wait
for spaCy or the web stack to load."""

from __future__ import annotations

import json
import math
import os
import sys
from dataclasses import replace
from typing import Any, NoReturn

import click

from counterpoint.config import DEFAULT_DB, Settings, static_embedding
from counterpoint.errors import CounterpointError, InputError, NothingProcessed
from counterpoint.outputs.formats import DEFAULT_OUT, FORMATS
from counterpoint.version import __version__

db_option = click.option(
    "--db",
    default=DEFAULT_DB,
    show_default=True,
    type=click.Path(dir_okay=False),
    help="The store file (DuckDB).",
)
corrections_option = click.option(
    "--corrections",
    type=click.Path(dir_okay=False),
    default=None,
    help="The corrections file (YAML); default NAME.corrections.yaml beside the store.",
)


class NumberRange(click.FloatRange):
    """A FloatRange that refuses "nan" too, which click lets through (it compares as in range)."""

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> float:
        number = super().convert(value, param, ctx)
        if math.isnan(number):
            self.fail(f"{value} is not a number.", param, ctx)
        return number


class Commands(click.Group):
    """Turns every failure into one line on stderr and an exit code."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            result = super().invoke(ctx)
            sys.stdout.flush()  # a closed pipe shows here, not at exit
            return result
        except BrokenPipeError:  # the reader went away ("counterpoint diff A B | head")
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            ctx.exit(1)
        except CounterpointError as error:
            raise click.ClickException(one_line(str(error))) from None
        except (KeyboardInterrupt, click.exceptions.Abort):
            interrupted(ctx)
        except (click.ClickException, click.exceptions.Exit):
            raise
        except Exception as error:  # a bug: still one line, with a way to see more
            duckdb = sys.modules.get("duckdb")  # loaded by the commands that query the store
            if duckdb and isinstance(error, duckdb.InterruptException):  # Ctrl-C in a query
                interrupted(ctx)
            if os.environ.get("COUNTERPOINT_DEBUG"):
                raise
            raise click.ClickException(
                f"internal error: {type(error).__name__}: {one_line(str(error))} (set "
                "COUNTERPOINT_DEBUG=1 to see the traceback, and please report it)"
            ) from None


def one_line(message: str) -> str:
    """A message as one line: parsers and DuckDB write theirs over several, and each error must
    stay one line of stderr (one per file, easy to grep)."""
    return " ".join(message.split())


def interrupted(ctx: click.Context) -> NoReturn:
    """Ctrl-C: nothing half-written is kept, so say so and exit 130."""
    click.echo("interrupted; documents stored so far are kept, run again to resume", err=True)
    ctx.exit(130)


@click.group(cls=Commands)
@click.version_option(__version__, prog_name="counterpoint")
def cli() -> None:
    """Counterpoint reads news articles from sources that disagree and shows every side of the
    story: who is involved, what each source says, and where they differ."""


@cli.command("analyze")
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(min=1),
    help="Processes for spaCy; with --executor ray and no --ray-address, the local Ray's CPUs.",
)
@click.option(
    "--executor",
    type=click.Choice(["local", "ray"]),
    default="local",
    show_default=True,
    help="Where annotation runs: in this process, or as Ray tasks (pip install "
    "'counterpoint[ray]').",
)
@click.option(
    "--ray-address",
    default=None,
    metavar="ADDR",
    help="The Ray cluster to run on (e.g. 'auto', 'HOST:6379'); default: a local Ray started "
    "for the run.",
)
@click.option(
    "--max-file-mb",
    default=10.0,
    show_default=True,
    type=NumberRange(min=0, min_open=True, max=math.inf, max_open=True),
    help="Larger files are refused with an error.",
)
@click.option(
    "--embedding",
    type=click.Choice(["e5", "static"]),
    default="e5",
    show_default=True,
    help="How alignment compares sentences: e5 embeddings, or word vectors (about three "
    "times faster; weaker event links, same-or-better relations: bench/README.md).",
)
@click.option("--quiet", is_flag=True, help="No progress bar.")
@corrections_option
def analyze_command(
    paths: tuple[str, ...],
    db: str,
    workers: int,
    executor: str,
    ray_address: str | None,
    max_file_mb: float,
    embedding: str,
    quiet: bool,
    corrections: str | None,
) -> None:
    """Read the articles in PATHS (files, folders, globs) and add them to the store.

    Plain text, Markdown, HTML, JSON and JSON Lines are read. Documents already in the store
    are not read again, so an interrupted run resumes where it stopped."""
    from counterpoint.pipeline.analyze import analyze

    settings = Settings(
        workers=workers,
        executor=executor,
        ray_address=ray_address,
        max_file_bytes=int(max_file_mb * 1024 * 1024),
    )
    if embedding == "static":
        settings = replace(settings, align=static_embedding(settings.align))
    try:
        result = analyze(
            paths, db=db, settings=settings, progress=not quiet, corrections=corrections
        )
    except NothingProcessed as error:
        _print_input_errors(error.errors)
        raise
    _print_input_errors(result.errors)
    for path, first in result.duplicates:
        click.echo(f"{path}: skipped, the same text as {first}", err=True)
    for warning in result.warnings:
        click.echo(f"Warning: {one_line(warning)}", err=True)
    click.echo(
        f"{len(result.added)} document(s) added, {len(result.already_stored)} already in the "
        f"store, {len(result.duplicates)} duplicate(s), {len(result.errors)} error(s); "
        f"{result.entities} entities in {db}"
    )


def _print_input_errors(errors: list[InputError]) -> None:
    for error in errors:
        click.echo(f"Error: {one_line(str(error))}", err=True)


@cli.command("report")
@db_option
@click.option(
    "--out",
    default="report",
    show_default=True,
    type=click.Path(file_okay=False),
    help="Folder for report.html and report.md.",
)
def report_command(db: str, out: str) -> None:
    """Write a self-contained HTML report comparing the sources, and its Markdown twin."""
    from counterpoint.outputs.report import report

    html, markdown = report(db=db, out=out)
    click.echo(f"report: {html}\nmarkdown: {markdown}")


@cli.command("export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="json",
    show_default=True,
    help="json: one document (schema in docs/export.schema.json); parquet: a folder "
    "with one file per table; graphml, gexf: actors linked by their ties and co-mentions, "
    "for Gephi; ftm: FollowTheMoney entities, one JSON object a line.",
)
@db_option
@click.option(
    "--out",
    type=click.Path(),
    default=None,
    help="Where to write; default " + ", ".join(f"{v} for {k}" for k, v in DEFAULT_OUT.items()),
)
def export_command(fmt: str, db: str, out: str | None) -> None:
    """Write the store's data as JSON, Parquet or GraphML."""
    from counterpoint.outputs.export import export

    click.echo(export(db=db, format=fmt, out=out))


@cli.command("status")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
def status_command(db: str, as_json: bool) -> None:
    """Say what is in the store."""
    from counterpoint.pipeline.analyze import status

    info = status(db)
    if as_json:
        click.echo(json.dumps(info, default=str, indent=1))
        return
    counts = info["counts"]
    click.echo(f"store: {info['db']} (schema {info['schema_version']})")
    click.echo(
        ", ".join(f"{counts[k]} {k}" for k in ("documents", "sentences", "mentions", "entities"))
    )
    if info["first_published"]:
        click.echo(f"published: {info['first_published']} to {info['last_published']}")
    for row in info["outlets"]:
        click.echo(f"  {row['outlet']}: {row['documents']} document(s)")
    run = info["last_run"]
    if run:
        state = "finished" if run["finished"] else "interrupted"
        click.echo(
            f"last run: {run['started']:%Y-%m-%d %H:%M}, {state}, "
            f"{run['documents_added']} document(s) added"
        )


@cli.command("demo")
@click.option(
    "--out",
    default="demo-output",
    show_default=True,
    type=click.Path(file_okay=False),
    help="Folder for the demo's store, report and export.",
)
def demo_command(out: str) -> None:
    """Analyze the bundled demo corpus and write its report: a first look at what Counterpoint
    does."""
    from counterpoint.demo import run_demo

    paths = run_demo(out, progress=True)
    for name, path in paths.items():
        click.echo(f"{name}: {path}")
    click.echo(f"Open {paths['report'].resolve()} in a browser to read the report.")


@cli.group("entities", cls=Commands)
def entities_group() -> None:
    """List the actors found, and correct them: merge two that are one, split one that is two,
    or give one an alias. Corrections go to a YAML file that every later 'analyze' applies."""


@entities_group.command("list")
@db_option
@click.option("--type", "kind", default=None, help="Only this type (Person, Country, ...).")
@click.option("--search", default=None, help="Only entities whose name or alias contains this.")
@click.option("--candidates", is_flag=True, help="List possible merges instead, with scores.")
@click.option(
    "--limit",
    default=50,
    show_default=True,
    type=click.IntRange(min=0),
    help="At most this many rows.",
)
def entities_list_command(
    db: str, kind: str | None, search: str | None, candidates: bool, limit: int
) -> None:
    """List entities with their id, type, mentions and aliases, most mentioned first."""
    from counterpoint.pipeline.entities import candidate_links, list_entities

    if candidates:
        for link in candidate_links(db)[:limit]:
            click.echo(f"{link.score:.2f}  {link.a}  {link.b}  ({link.reason})")
        return
    for entity in list_entities(db, type=kind, search=search)[:limit]:
        codes = " ".join(f"{k}:{v}" for k, v in entity.identifiers.items())
        click.echo(
            f"{entity.id}  {entity.type:<12} {len(entity.mentions):>4}  {entity.name}"
            + (f" [{codes}]" if codes else "")
            + f"  ({'; '.join(entity.aliases[:5])})"
        )


@entities_group.command("merge")
@click.argument("refs", nargs=-1, required=True)
@db_option
@corrections_option
def entities_merge_command(refs: tuple[str, ...], db: str, corrections: str | None) -> None:
    """Record that the entities REFS (ids or names) are one actor, and apply it to the store."""
    from counterpoint.pipeline.entities import merge_entities

    entity = merge_entities(list(refs), db=db, corrections=corrections)
    click.echo(f"merged: {entity.id} {entity.name} ({len(entity.mentions)} mentions)")


@entities_group.command("split")
@click.argument("ref")
@click.option(
    "--alias",
    "aliases",
    multiple=True,
    required=True,
    help="A surface form whose mentions become an entity of their own (repeatable).",
)
@db_option
@corrections_option
def entities_split_command(
    ref: str, aliases: tuple[str, ...], db: str, corrections: str | None
) -> None:
    """Record that the mentions of entity REF written as one of the aliases are another actor."""
    from counterpoint.pipeline.entities import split_entity

    entity = split_entity(ref, list(aliases), db=db, corrections=corrections)
    click.echo(f"split off: {entity.id} {entity.name} ({len(entity.mentions)} mentions)")


@entities_group.command("alias")
@click.argument("ref")
@click.argument("alias")
@db_option
@corrections_option
def entities_alias_command(ref: str, alias: str, db: str, corrections: str | None) -> None:
    """Record that mentions written as ALIAS belong to entity REF, and apply it."""
    from counterpoint.pipeline.entities import add_alias

    entity = add_alias(ref, alias, db=db, corrections=corrections)
    click.echo(f"alias added: {entity.id} {entity.name} ({len(entity.mentions)} mentions)")


@cli.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="The address to listen on.")
@click.option(
    "--port",
    default=8000,
    show_default=True,
    type=click.IntRange(1, 65535),
    help="The port to listen on.",
)
@click.option(
    "--token",
    envvar="COUNTERPOINT_TOKEN",
    default=None,
    help="Allow corrections (merge, split) through the API, for requests sending "
    "'Authorization: Bearer TOKEN'; also read from COUNTERPOINT_TOKEN. Without it the server "
    "is read-only.",
)
def serve_command(db: str, host: str, port: int, token: str | None) -> None:
    """Serve a web explorer of the store: its sources, actors, network, timeline, comparisons
    and search, and the same data as JSON under /api, until Ctrl-C."""
    from counterpoint.serve import serve

    click.echo(f"Counterpoint explorer of {db}: http://{host}:{port}/ (Ctrl-C to stop)")
    serve(db, host=host, port=port, token=token)


@cli.command("diff")
@click.argument("a")
@click.argument("b")
@db_option
@click.option(
    "--html",
    "html_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Also write the comparison side by side to this HTML file.",
)
@click.option("--story", default=None, help="Compare only the documents of this story (id).")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
def diff_command(
    a: str, b: str, db: str, html_path: str | None, story: str | None, as_json: bool
) -> None:
    """Compare two sources: A and B are outlets or documents (id or title). Prints what they
    corroborate, contradict, update, frame differently and report alone."""
    from counterpoint.align.compare import diff, diff_data
    from counterpoint.outputs.report import diff_text, write_diff_html

    found = diff(a, b, db, story=story)
    if as_json:
        click.echo(json.dumps(diff_data(found), ensure_ascii=False, indent=2, default=str))
    else:
        click.echo(diff_text(found), nl=False)
    if html_path:
        click.echo(f"wrote {write_diff_html(found, html_path, db)}", err=as_json)


@cli.command("stories")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
def stories_command(db: str, as_json: bool) -> None:
    """List the stories: documents about one event or developing story, across outlets and
    days, the one with most sources first."""
    from counterpoint.pipeline.stories import list_stories

    found = list_stories(db)
    if as_json:
        click.echo(json.dumps([s.__dict__ for s in found], ensure_ascii=False, indent=2))
        return
    for story in found:
        when = " to ".join(dict.fromkeys(d for d in (story.first, story.last) if d)) or "undated"
        click.echo(f"{story.id}  {story.title}")
        click.echo(
            f"    {len(story.documents)} documents, {len(story.sources)} sources, {when}: "
            + ", ".join(story.sources)
        )


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
