"""Reading articles: formats, metadata found in or beside them, ids and duplicates."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from counterpoint.ingest.reader import document_id, ingest

from conftest import ARTICLE, write

HTML_PAGE = """<!doctype html><html><head>
<title>Rail link opens | The Valley Post</title>
<meta name="author" content="Jo Marsh">
<meta property="og:site_name" content="The Valley Post">
<meta property="og:title" content="Rail link opens">
<meta property="article:published_time" content="2024-05-06T08:00:00Z">
<link rel="canonical" href="https://valleypost.example/news/rail-link">
</head><body>
<nav><a href="/">Home</a> <a href="/sport">Sport</a></nav>
<article><h1>Rail link opens</h1>
<p>The new rail link between Dunmore and Ashby opened on Monday, cutting the journey to forty
minutes. Transport minister Carla Nunez called it the biggest investment in the region in a
generation.</p>
<p>Residents of Ashby had campaigned for the link for more than a decade, and local businesses
expect more visitors this summer.</p>
</article>
<footer>Copyright The Valley Post. All rights reserved.</footer>
</body></html>"""


def test_plain_text_title_byline_and_dateline(tmp_path: Path) -> None:
    write(tmp_path, "strike.txt", ARTICLE)
    (doc,) = ingest([tmp_path]).documents
    assert doc.title == "Harbour strike ends after talks"
    assert doc.author == "Mina Okafor"
    assert doc.published == date(2024, 6, 2)
    assert doc.outlet is None  # nothing says who published it: unknown, not guessed
    assert doc.language == "en"
    assert doc.format == "text"


def test_sidecar_metadata_is_used_and_url_host_names_the_outlet(tmp_path: Path) -> None:
    write(tmp_path, "strike.txt", ARTICLE)
    write(tmp_path, "strike.txt.meta.json", json.dumps({"url": "https://www.portnews.example/a"}))
    (doc,) = ingest([tmp_path]).documents
    assert doc.url == "https://www.portnews.example/a"
    assert doc.outlet == "portnews.example"


def test_html_main_text_and_meta_tags(tmp_path: Path) -> None:
    write(tmp_path, "rail.html", HTML_PAGE)
    (doc,) = ingest([tmp_path / "rail.html"]).documents
    assert doc.outlet == "The Valley Post"
    assert doc.author == "Jo Marsh"
    assert doc.published == date(2024, 5, 6)
    assert doc.url == "https://valleypost.example/news/rail-link"
    assert "Carla Nunez" in doc.text
    assert "All rights reserved" not in doc.text
    assert "Sport" not in doc.text


def test_markdown_front_matter(tmp_path: Path) -> None:
    write(
        tmp_path,
        "a.md",
        "---\ntitle: Floods recede\noutlet: River Times\npublished: 2024-03-01\n"
        "author: Lee Park\n---\nThe floods in Merrow receded on Friday, officials said.\n",
    )
    (doc,) = ingest([tmp_path]).documents
    assert (doc.title, doc.outlet, doc.author, doc.published) == (
        "Floods recede",
        "River Times",
        "Lee Park",
        date(2024, 3, 1),
    )
    assert doc.text.startswith("The floods in Merrow")
    assert doc.format == "markdown"


def test_json_lines_records_carry_their_metadata(tmp_path: Path) -> None:
    records = [
        {
            "text": "The council of Brill approved the budget on Tuesday.",
            "outlet": "Brill Daily",
            "published": "2024-02-06",
            "authors": ["A. One", "B. Two"],
            "title": "Budget passes",
        },
        {"text": "Snow closed the pass above Brill for a second day.", "source": "Alpine Wire"},
    ]
    write(tmp_path, "feed.jsonl", "\n".join(json.dumps(r) for r in records))
    first, second = ingest([tmp_path]).documents
    assert (first.outlet, first.author, first.published) == (
        "Brill Daily",
        "A. One, B. Two",
        date(2024, 2, 6),
    )
    assert first.source_path.endswith("feed.jsonl:1")
    assert second.outlet == "Alpine Wire" and second.published is None


def test_folders_are_read_recursively_and_globs_expand(tmp_path: Path) -> None:
    write(tmp_path, "a/one.txt", "First article about the port of Larkspur and its workers.")
    write(tmp_path, "a/b/two.md", "Second article about the rail link to Ashby, opened Monday.")
    assert len(ingest([tmp_path / "a"]).documents) == 2
    assert len(ingest([str(tmp_path / "a" / "**" / "*.md")]).documents) == 1


def test_same_text_gets_the_same_id_and_duplicates_are_reported(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "The  port reopened on Monday.\n")
    write(tmp_path, "b.txt", "The port reopened\non Monday.")
    result = ingest([tmp_path])
    assert len(result.documents) == 1
    assert result.duplicates == [(str(tmp_path / "b.txt"), str(tmp_path / "a.txt"))]
    assert document_id("The port reopened on Monday.") == result.documents[0].id


def test_known_documents_are_skipped(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "The port reopened on Monday.")
    known = {document_id("The port reopened on Monday.")}
    result = ingest([tmp_path], known_ids=known)
    assert result.documents == [] and result.skipped == [str(tmp_path / "a.txt")]


def test_spanish_is_detected(tmp_path: Path) -> None:
    write(
        tmp_path,
        "es.txt",
        "El gobierno anunció el lunes que el puerto volverá a abrir después "
        "de nueve días de huelga, según dijo el alcalde de la ciudad.",
    )
    assert ingest([tmp_path]).documents[0].language == "es"


def test_utf8_with_a_few_windows_1252_bytes_keeps_both_right(tmp_path: Path) -> None:
    """A UTF-8 article with a quote pasted from a Windows word processor: the UTF-8 letters stay
    as written and the curly quotes are read as Windows-1252, not the whole file as another
    code page."""
    text = "The café in Zürich reopened. The owner called it ".encode() + b"\x93a new start\x94."
    write(tmp_path, "a.txt", text)
    (doc,) = ingest([tmp_path]).documents
    assert doc.text == "The café in Zürich reopened. The owner called it “a new start”."


def test_a_windows_1252_article_is_still_read_as_windows_1252(tmp_path: Path) -> None:
    text = "The café in Zürich reopened. The owner called it “a new start”."
    write(tmp_path, "a.txt", text.encode("cp1252"))
    (doc,) = ingest([tmp_path]).documents
    assert doc.text == text
