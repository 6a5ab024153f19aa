"""The main job: ingest, annotate and store new documents, then resolve entities across the
whole store. Everything the `analyze` and `status` commands do is here, callable from Python."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tqdm import tqdm

from .align import align_documents, forget_alignment, unaligned_documents
from .annotate import annotate
from .config import DEFAULT_DB, Settings
from .corrections import Corrections, corrections_path, find_entity
from .errors import CounterpointError, InputError, NothingProcessed
from .export import export
from .ingest import ingest
from .records import CandidateLink, Document, Entity
from .report import report
from .resolve import resolve
from .store import SCHEMA_VERSION, Store

DEMO_CORPUS = Path(__file__).parent / "demo" / "corpus"


@dataclass
class AnalyzeResult:
    db: Path
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
    'NAME.corrections.yaml' beside the store) are applied to the entities. Raises
    `NothingProcessed` when no input could be read at all."""
    settings = settings or Settings()
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
            for annotation in annotate(ingested.documents, settings):
                store.add_annotation(annotation)
                result.added.append(annotation.doc)
                bar.update()
        resolution = resolve(store, fixes)
        store.replace_resolution(resolution)
        align_all(store, settings, progress)
        store.finish_run(run, len(result.added))
        result.entities = len(resolution.entities)
        result.warnings = [
            f"{corrections or corrections_path(db)}: no single entity is named {ref!r}"
            for ref in fixes.unmatched
        ]
    return result


def align_all(store: Store, settings: Settings, progress: bool = False) -> None:
    """Align the documents not aligned yet, a batch per transaction."""
    todo = unaligned_documents(store)
    size = settings.align_batch
    with tqdm(total=len(todo), unit="doc", desc="align", disable=not progress) as bar:
        for first in range(0, len(todo), size):
            batch = todo[first : first + size]
            align_documents(store, batch, vectors=settings.align_vectors)
            bar.update(len(batch))


def _nothing_processed_message(errors: list[InputError]) -> str:
    if not errors:
        return "no articles found in the given paths"
    return f"none of the inputs could be read ({len(errors)} error(s), listed above)"


def status(db: str | Path = DEFAULT_DB) -> dict[str, Any]:
    """What is in the store: counts per table, outlets, date range and the last run."""
    with Store(db, read_only=True) as store:
        counts = store.counts()
        outlets = store.rows(
            "SELECT coalesce(outlet, '(unknown)') AS outlet, count(*) AS documents "
            "FROM documents GROUP BY 1 ORDER BY 2 DESC, 1"
        )
        span = store.rows("SELECT min(published) AS first, max(published) AS last FROM documents")[
            0
        ]
        runs = store.rows("SELECT * FROM runs ORDER BY id DESC LIMIT 1")
        return {
            "db": str(Path(db)),
            "schema_version": SCHEMA_VERSION,
            "counts": counts,
            "outlets": outlets,
            "first_published": span["first"].isoformat() if span["first"] else None,
            "last_published": span["last"].isoformat() if span["last"] else None,
            "last_run": runs[0] if runs else None,
        }


def run_demo(out: str | Path = "demo-output", progress: bool = False) -> dict[str, Path]:
    """Analyze the bundled demo corpus into `out` and write its report and JSON export there."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    db = out / "demo.duckdb"
    analyze([DEMO_CORPUS], db=db, progress=progress)
    html, markdown = report(db, out / "report")
    return {
        "store": db,
        "report": html,
        "markdown": markdown,
        "json": export(db, "json", out / "counterpoint.json"),
    }


def list_entities(
    db: str | Path = DEFAULT_DB, type: str | None = None, search: str | None = None
) -> list[Entity]:
    """The store's entities, most mentioned first, optionally of one type or matching a text."""
    with Store(db, read_only=True) as store:
        entities = store.entities()
    folded = search.casefold() if search else None
    chosen = [
        e
        for e in entities
        if (type is None or e.type == type)
        and (folded is None or any(folded in a.casefold() for a in [e.name, *e.aliases]))
    ]
    return sorted(chosen, key=lambda e: (-len(e.mentions), e.name))


def candidate_links(db: str | Path = DEFAULT_DB) -> list[CandidateLink]:
    """Possible merges the resolver saw but did not make, strongest first."""
    with Store(db, read_only=True) as store:
        return store.candidates()


def merge_entities(
    refs: list[str], db: str | Path = DEFAULT_DB, corrections: str | Path | None = None
) -> Entity:
    """Record that the entities named by `refs` (ids or names) are one actor, and apply it."""
    if len(refs) < 2:
        raise CounterpointError("name at least two entities to merge")
    return _correct(db, corrections, refs[0], lambda fixes: fixes.merge.append(list(refs)), refs)


def split_entity(
    ref: str, aliases: list[str], db: str | Path = DEFAULT_DB,
    corrections: str | Path | None = None,
) -> Entity:  # fmt: skip
    """Record that the mentions of `ref` written as one of `aliases` are another actor."""
    change = lambda fixes: fixes.split.append({"entity": ref, "aliases": list(aliases)})  # noqa: E731
    return _correct(db, corrections, aliases[0], change, [ref])


def add_alias(
    ref: str, alias: str, db: str | Path = DEFAULT_DB, corrections: str | Path | None = None
) -> Entity:
    """Record that mentions written as `alias` belong to `ref`."""
    change = lambda fixes: fixes.alias.append({"entity": ref, "alias": alias})  # noqa: E731
    return _correct(db, corrections, ref, change, [ref])


def _correct(
    db: str | Path,
    corrections: str | Path | None,
    show: str,
    change: Callable[[Corrections], object],
    refs: list[str],
) -> Entity:
    """Add a correction to the file, re-resolve the store with it, and return the entity now
    named by `show`. Nothing is written if a reference names no entity."""
    path = Path(corrections or corrections_path(db))
    fixes = Corrections.load(path)
    change(fixes)
    with Store(db) as store:
        resolution = resolve(store, fixes)
        unmatched = [ref for ref in refs if ref in fixes.unmatched]
        if unmatched:
            raise CounterpointError(
                f"no single entity is named {unmatched[0]!r}; see 'counterpoint entities list'"
            )
        store.replace_resolution(resolution)
        forget_alignment(store)
        align_all(store, Settings())
    fixes.save(path)
    shown = find_entity(show, resolution.entities)
    if shown is None:
        raise CounterpointError(f"no single entity is named {show!r} after the correction")
    return shown
