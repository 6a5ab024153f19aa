"""The main job: ingest, annotate and store new documents, place them in stories, resolve their
actors (linked with those of the store) and align them. Everything the `analyze` and `status`
commands do is here, callable from Python."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from tqdm import tqdm

from counterpoint.align.place import place_in_stories
from counterpoint.align.stage import align_all
from counterpoint.config import DEFAULT_DB, Settings
from counterpoint.errors import CounterpointError, InputError, NothingProcessed
from counterpoint.ingest.reader import ingest
from counterpoint.nlp.annotate import annotate, annotated_part
from counterpoint.records import Annotation, Document
from counterpoint.resolve.corrections import Corrections, corrections_path, shown
from counterpoint.resolve.resolver import (
    forget_outdated_resolutions,
    links_everything,
    resolve,
)
from counterpoint.store import SCHEMA_VERSION, Store
from counterpoint.store.database import PENDING_STAGES
from counterpoint.store.resolution import write_resolution
from counterpoint.store.snapshot import refresh_snapshot
from counterpoint.store.status import last_run, outlets, published_span


@dataclass
class AnalyzeResult:
    db: Path
    # The documents added, without their text (it is in the store): a run holds no text once
    # its annotation is stored, so that its memory does not grow with its documents.
    added: list[Document] = field(default_factory=list)
    already_stored: list[str] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    entities: int = 0
    warnings: list[str] = field(default_factory=list)


def analyze(
    paths: Iterable[str | Path],
    db: str | Path = DEFAULT_DB,
    settings: Settings | None = None,
    progress: bool = False,
    corrections: str | Path | None = None,
) -> AnalyzeResult:
    """Add the articles under `paths` to the store at `db`. Documents already there are not
    read again; an interrupted run resumes where it stopped. The user's corrections (by default
    'NAME.corrections.yaml' beside the store) are applied to the entities. Where the explorer
    reads a snapshot of the store, it is published again after the new documents are stored,
    after resolution and at the end. Annotation runs in this process or as Ray tasks
    (`Settings.executor`), to the same store. Raises `NothingProcessed` when no input could be
    read at all."""
    settings = settings or Settings()
    annotator = _annotator(settings)  # before any work: a missing Ray is said at once
    fixes = Corrections.load(corrections or corrections_path(db))
    with Store(db) as store:
        ingested = ingest(paths, settings, known_ids=store.document_ids())
        result = AnalyzeResult(
            db=Path(db),
            already_stored=ingested.skipped,
            duplicates=ingested.duplicates,
            errors=ingested.errors,
        )
        if not (ingested.documents or ingested.skipped or ingested.duplicates):
            raise NothingProcessed(_nothing_processed_message(ingested.errors), ingested.errors)
        run = store.start_run(settings)
        with tqdm(
            total=len(ingested.documents), unit="doc", desc="analyze", disable=not progress
        ) as bar:

            def given_up(error: InputError) -> None:
                """A document an extractor failed on: listed with the input errors, not stored
                (the next run tries it again)."""
                result.errors.append(error)
                bar.update()

            partly: list[str] = []
            for annotation in annotator(_handed_over(ingested.documents), settings, given_up):
                store.add_annotation(annotation)
                partly += _partly_annotated([annotation.doc], settings)
                result.added.append(replace(annotation.doc, text=""))
                bar.update()
        if result.added:  # the explorer reads the snapshot: it shows each part as it ends
            refresh_snapshot(store)
        align_warnings = []
        forget_outdated_resolutions(store, settings)
        for part in _parts(store, fixes, settings):
            place_in_stories(store, settings, part)
            write_resolution(store, resolve(store, fixes, settings, part))
            align_warnings += align_all(store, settings, progress, part)
            refresh_snapshot(store)
        store.finish_run(run, len(result.added))
        refresh_snapshot(store)
        result.entities = int(store.scalar("SELECT count(*) FROM entities"))
        result.warnings = (
            partly
            + align_warnings
            + [
                f"{corrections or corrections_path(db)}: no single entity is named {shown(ref)}"
                for ref in fixes.unmatched
            ]
        )
    return result


def _parts(store: Store, fixes: Corrections, settings: Settings) -> Iterator[set[str]]:
    """The stored documents a later stage still waits for, in the order they were added, in
    parts of `Settings.stage_part` (all at once when resolving links the whole store anyway);
    one part at least, so that the user's corrections are applied with no new document."""
    done: set[str] = set()
    while True:
        waiting = [
            doc for doc in store.pending_in_order(list(PENDING_STAGES), "added") if doc not in done
        ]
        if done and not waiting:
            return
        size = len(waiting) if links_everything(store, fixes) else max(settings.stage_part, 1)
        part = set(waiting[:size])
        yield part
        if not part:
            return
        done |= part


def _handed_over(documents: list[Document]) -> Iterator[Document]:
    """The documents in order, each let go by the list as it is handed to annotation: once its
    annotation is stored nothing holds its text, so that a run's memory does not grow with the
    number of documents it reads (the list is empty afterwards)."""
    documents.reverse()
    while documents:
        yield documents.pop()


Annotator = Callable[
    [Iterable[Document], Settings, Callable[[InputError], None]], Iterator[Annotation]
]


def _annotator(settings: Settings) -> Annotator:
    """The annotate function of `settings.executor`: spaCy in this process ("local") or Ray
    tasks ("ray", imported only then: Ray is an optional extra)."""
    if settings.executor == "local":
        if settings.ray_address is not None:
            raise CounterpointError("a Ray address is for the ray executor (--executor ray)")
        return annotate
    if settings.executor != "ray":
        raise CounterpointError(
            f"unknown executor '{settings.executor}'; expected 'local' or 'ray'"
        )
    try:
        from counterpoint.pipeline.ray_executor import annotate_on_ray
    except ModuleNotFoundError as error:
        if error.name != "ray" and not (error.name or "").startswith("ray."):
            raise
        raise CounterpointError(
            "the ray executor needs Ray, which is not installed: pip install 'counterpoint[ray]'"
        ) from None
    return annotate_on_ray


def _partly_annotated(documents: list[Document], settings: Settings) -> list[str]:
    """A warning for each document longer than `Settings.max_annotated_chars`."""
    warnings = []
    for doc in documents:
        read = len(annotated_part(doc.text, settings.max_annotated_chars))
        if read < len(doc.text):
            warnings.append(
                f"{doc.source_path}: annotated in its first {read:,} characters of "
                f"{len(doc.text):,} (max_annotated_chars); the rest is stored, not read"
            )
    return warnings


def _nothing_processed_message(errors: list[InputError]) -> str:
    if not errors:
        return "no articles found in the given paths"
    return f"none of the inputs could be read ({len(errors)} error(s), listed above)"


def status(db: str | Path = DEFAULT_DB) -> dict[str, Any]:
    """What is in the store: counts per table, outlets, date range and the last run."""
    with Store(db, read_only=True) as store:
        counts = store.counts()
        first, last = published_span(store)
        return {
            "db": str(Path(db)),
            "schema_version": SCHEMA_VERSION,
            "counts": counts,
            "outlets": outlets(store),
            "first_published": first.isoformat() if first else None,
            "last_published": last.isoformat() if last else None,
            "last_run": last_run(store),
        }
