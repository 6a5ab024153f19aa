"""Turning query results into HTML: the page templates, and the marking of actors, facts and
search matches inside sentence text. Article text is untrusted: every piece of it passes
through `escape` (or Jinja2's autoescape) and only the markup made here is trusted."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any
from urllib.parse import quote, urlencode

from jinja2 import Environment, PackageLoader
from markupsafe import Markup, escape

from counterpoint.version import __version__

# Distinct colours for sources, in order; past the end, hues spaced by the golden angle.
PALETTE = (
    "#2563eb", "#ea580c", "#16a34a", "#9333ea", "#dc2626", "#0891b2",
    "#ca8a04", "#db2777", "#4b5563", "#65a30d", "#7c3aed", "#0d9488",
)  # fmt: skip


def colour(index: int) -> str:
    if index < len(PALETTE):
        return PALETTE[index]
    return f"hsl({(index * 137.508) % 360:.0f}, 65%, 42%)"


def actor_url(entity_id: str) -> str:
    return f"/actors/{quote(entity_id, safe='')}"


def sentence_url(doc: str, sentence: int | None) -> str:
    url = f"/sources/{quote(doc, safe='')}"
    return url if sentence is None else f"{url}#s-{sentence}"


def source_label(doc: Mapping[str, Any]) -> str:
    """The source as a reader names it: "Northbridge Wire, 2025-01-14: Police kill ..." """
    outlet = doc.get("outlet") or "unknown outlet"
    published = doc.get("published")
    when = published.isoformat() if isinstance(published, date) else "undated"
    title = doc.get("title") or doc.get("source_path") or doc.get("id") or doc.get("doc")
    return f"{outlet}, {when}: {title}"


def with_query(path: str, params: Mapping[str, Any], **changes: Any) -> str:
    """`path` with the query `params` changed by `changes`; empty values are left out."""
    merged = {**params, **changes}
    query = urlencode({k: v for k, v in merged.items() if v not in (None, "")})
    return f"{path}?{query}" if query else path


def pages(total: int, limit: int, offset: int) -> dict[str, int | None]:
    """Offsets of the previous and next pages, None where there is none."""
    return {
        "prev": max(offset - limit, 0) if offset > 0 else None,
        "next": offset + limit if offset + limit < total else None,
        "first": offset + 1 if total else 0,
        "last": min(offset + limit, total),
        "total": total,
    }


def highlight_sentence(
    text: str,
    start: int,
    end: int,
    mentions: Iterable[Mapping[str, Any]],
    facts: Iterable[Mapping[str, Any]],
) -> Markup:
    """The sentence text[start:end], escaped, with each actor mention a link to its actor and
    the words stating each fact (role, tie; later event, figure, claim) in a <mark> titled with
    the fact. Mentions never overlap; a fact boundary inside a mention moves to its edge, so
    that marks wrap whole mentions; overlapping facts share one mark."""
    chosen = _actor_mentions(mentions, start, end)
    spans = _fact_spans(facts, start, end, chosen)
    bounds = {start, end}
    bounds.update(p for m in chosen for p in (m["start"], m["end"]))
    bounds.update(p for s, e, _ in spans for p in (s, e))
    points = sorted(bounds)

    # Runs of pieces (a mention, or the words between two bounds) under the same facts.
    runs: list[tuple[tuple[int, ...], list[Markup]]] = []
    for left, right in zip(points, points[1:], strict=False):
        active = tuple(i for i, (s, e, _) in enumerate(spans) if s <= left and right <= e)
        mention = next((m for m in chosen if m["start"] == left and m["end"] == right), None)
        words = text[left:right]
        piece = escape(words) if mention is None else _actor_link(mention, words)
        if runs and runs[-1][0] == active:
            runs[-1][1].append(piece)
        else:
            runs.append((active, [piece]))
    return Markup("").join(
        _fact_mark([spans[i][2] for i in active], Markup("").join(pieces))
        for active, pieces in runs
    )


def _actor_mentions(
    mentions: Iterable[Mapping[str, Any]], start: int, end: int
) -> list[Mapping[str, Any]]:
    """The resolved mentions inside the sentence, in order, leaving out any that overlaps an
    earlier (or, at the same start, a longer) one."""
    chosen: list[Mapping[str, Any]] = []
    for m in sorted(mentions, key=lambda m: (m["start"], -m["end"])):
        inside = m.get("entity") and start <= m["start"] < m["end"] <= end
        if inside and (not chosen or m["start"] >= chosen[-1]["end"]):
            chosen.append(m)
    return chosen


def _fact_spans(
    facts: Iterable[Mapping[str, Any]], start: int, end: int, chosen: list[Mapping[str, Any]]
) -> list[tuple[int, int, Mapping[str, Any]]]:
    """Each fact's words within the sentence, widened to whole mentions."""

    def snap(point: int, outward_left: bool) -> int:
        for m in chosen:
            if m["start"] < point < m["end"]:
                return m["start"] if outward_left else m["end"]
        return point

    spans = []
    for fact in facts:
        s, e = max(fact["start"], start), min(fact["end"], end)
        if s < e:
            spans.append((snap(s, True), snap(e, False), fact))
    return spans


def _actor_link(mention: Mapping[str, Any], words: str) -> Markup:
    return Markup('<a class="actor" href="{}" title="{}" data-entity="{}">{}</a>').format(
        actor_url(mention["entity"]),
        f"{mention.get('name') or mention['entity']} ({mention.get('type') or 'actor'})",
        mention["entity"],
        words,
    )


def _fact_mark(facts: list[Mapping[str, Any]], inner: Markup) -> Markup:
    """`inner` in a <mark> classed with the facts' kinds and titled with their labels."""
    if not facts:
        return inner
    kinds = sorted({fact["kind"] for fact in facts})
    labels = "; ".join(dict.fromkeys(f"{fact['kind']}: {fact['label']}" for fact in facts))
    return Markup('<mark class="fact-span {}" title="{}">{}</mark>').format(
        " ".join(kinds), labels, inner
    )


def mark_spans(text: str, offset: int, spans: Iterable[Mapping[str, Any]]) -> Markup:
    """`text` (which starts at `offset` in its document), escaped, with the document spans
    `spans` (start, end) marked."""
    out: list[Markup] = []
    cursor = 0
    for span in sorted(spans, key=lambda s: s["start"]):
        s, e = span["start"] - offset, span["end"] - offset
        if s < cursor or e > len(text) or s >= e:
            continue
        out.append(escape(text[cursor:s]))
        out.append(Markup("<mark>{}</mark>").format(text[s:e]))
        cursor = e
    out.append(escape(text[cursor:]))
    return Markup("").join(out)


def fold(text: str) -> tuple[str, list[int]]:
    """`text` in lower case without accents, and for each folded character the index of the
    character it came from, so that a match in the folded text maps back."""
    folded: list[str] = []
    origin: list[int] = []
    for i, char in enumerate(text):
        for part in unicodedata.normalize("NFKD", char.lower()):
            if not unicodedata.combining(part):
                folded.append(part)
                origin.append(i)
    return "".join(folded), origin


def mark_query(text: str, query: str | None) -> Markup:
    """`text`, escaped, with each occurrence of `query` (ignoring case and accents) marked."""
    needle = fold(query or "")[0].strip()
    if not needle:
        return escape(text)
    haystack, origin = fold(text)
    spans = []
    at = haystack.find(needle)
    while at >= 0:
        last = at + len(needle) - 1
        spans.append({"start": origin[at], "end": origin[last] + 1})
        at = haystack.find(needle, at + len(needle))
    return mark_spans(text, 0, spans)


def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("counterpoint", "templates/web"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        actor_url=actor_url,
        sentence_url=sentence_url,
        source_label=source_label,
        colour=colour,
        with_query=with_query,
        version=__version__,
    )
    env.filters["thousands"] = lambda n: f"{n:,}" if isinstance(n, int) else n
    env.filters["day"] = lambda d: d.isoformat() if isinstance(d, date) else "undated"
    return env
