"""Ingest: turn files, folders and globs into `Document` records.

Each file is read on its own: a file that cannot be read becomes an `InputError` naming it and the
batch goes on. Metadata comes from the document itself (HTML meta tags, Markdown front matter, a
byline or dateline), from a sidecar file `NAME.meta.json` beside it, or stays unknown.
"""

from __future__ import annotations

import errno
import glob
import hashlib
import json
import os
import re
import stat
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import urlparse

import charset_normalizer
import dateparser
import py3langid
import trafilatura
import yaml

from counterpoint.config import Settings
from counterpoint.errors import InputError
from counterpoint.files import SURROGATES, path_text
from counterpoint.lang import words
from counterpoint.records import Document

TEXT_SUFFIXES = {".txt", ".text"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED_SUFFIXES = (
    TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES
)
SIDECAR_SUFFIX = ".meta.json"
WESTERN_ENCODINGS = ("cp1252", "latin_1", "iso8859_15")

# Metadata keys accepted in JSON records, front matter and sidecars, and what they mean here.
METADATA_KEYS = {
    "title": "title",
    "headline": "title",
    "outlet": "outlet",
    "source": "outlet",
    "sitename": "outlet",
    "site_name": "outlet",
    "publisher": "outlet",
    "author": "author",
    "authors": "author",
    "byline": "author",
    "published": "published",
    "date": "published",
    "published_at": "published",
    "url": "url",
    "link": "url",
    "language": "language",
    "lang": "language",
}

HEAD_LINES = 20  # a byline or dateline is looked for only this near the top
MAX_TITLE_WORDS = 25
# Fewer words than this from a web page is navigation or boilerplate, not an article.
MIN_HTML_WORDS = 20
MB = 1024 * 1024
# Metadata is a line of text: a longer title, author or outlet is cut, a longer URL dropped.
MAX_METADATA_CHARS = 1000
MAX_DATE_CHARS = 200
MAX_REASON_CHARS = 300
UNDECODED_BYTES = re.compile("[\udc80-\udcff]")  # bytes that "surrogateescape" kept


@dataclass
class IngestResult:
    documents: list[Document] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (path, path it repeats)
    skipped: list[str] = field(default_factory=list)  # already in the store


def ingest(
    inputs: Iterable[str | Path],
    settings: Settings | None = None,
    known_ids: set[str] | None = None,
) -> IngestResult:
    """Read every article under `inputs`; documents whose id is in `known_ids` are skipped."""
    settings = settings or Settings()
    known_ids = known_ids or set()
    result = IngestResult()
    seen: dict[str, str] = {}
    paths, errors = expand_paths(inputs)
    result.errors = errors
    for path in paths:
        for item in read_path(path, settings):
            if isinstance(item, InputError):
                result.errors.append(item)
            elif item.id in seen:
                result.duplicates.append((item.source_path, seen[item.id]))
            elif item.id in known_ids:
                result.skipped.append(item.source_path)
                seen[item.id] = item.source_path
            else:
                seen[item.id] = item.source_path
                result.documents.append(item)
    return result


def expand_paths(inputs: Iterable[str | Path]) -> tuple[list[Path], list[InputError]]:
    """Files, folders (recursively) and glob patterns, in a stable order, without repeats."""
    paths: list[Path] = []
    errors: list[InputError] = []
    for given in inputs:
        text = str(given)
        if any(ch in text for ch in "*?[") and not Path(text).exists():
            matches = sorted(Path(m) for m in glob.glob(text, recursive=True))
            if not matches:
                errors.append(InputError(text, "no file matches this pattern"))
            for match in matches:
                if match.is_dir():
                    paths.extend(_walk(match, errors))
                elif match.is_file():
                    paths.append(match)
                else:
                    errors.append(InputError(match, _not_a_file(match)))
            continue
        path = Path(text)
        if path.is_dir():
            paths.extend(_walk(path, errors))
        elif path.is_file():
            paths.append(path)
        else:
            errors.append(InputError(text, _not_a_file(path)))
    unique = list(dict.fromkeys(paths))
    return unique, errors


def _walk(folder: Path, errors: list[InputError]) -> list[Path]:
    """The files under `folder`, hidden ones and sidecars left out; what cannot be read (a
    folder without permission, a FIFO, a broken link) is reported in `errors`, not skipped."""

    def unreadable(error: OSError) -> None:
        where = error.filename or folder
        errors.append(InputError(where, f"folder cannot be read ({error.strerror})"))

    found: list[Path] = []
    for root, folders, names in os.walk(folder, onerror=unreadable):
        folders[:] = [name for name in folders if not name.startswith(".")]
        for name in names:
            path = Path(root, name)
            if name.startswith(".") or name.endswith(SIDECAR_SUFFIX):
                continue
            if path.is_file():
                found.append(path)
            else:
                errors.append(InputError(path, _not_a_file(path)))
    return sorted(found)


def _not_a_file(path: Path) -> str:
    """Why a path that is not a regular file or a folder cannot be read."""
    try:
        mode = path.stat().st_mode
    except ValueError:
        return "not a valid path"
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "a symbolic link loop"
        if path.is_symlink():
            return "a broken symbolic link"
        if error.errno in (errno.ENOENT, errno.ENOTDIR):
            return "no such file or folder"
        return f"cannot be read ({error.strerror or error})"
    kind = "a FIFO" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else "a device"
    return f"not a regular file ({kind})"


def read_path(path: Path, settings: Settings) -> Iterator[Document | InputError]:
    """Yield the documents in one file (JSON Lines may hold many), or the errors met."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        yield InputError(
            path,
            f"unsupported file type '{suffix or path.name}'; expected one of "
            + ", ".join(sorted(SUPPORTED_SUFFIXES)),
        )
        return
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a FIFO would block the read forever
            yield InputError(path, _not_a_file(path))
            return
        size = info.st_size
        if size > settings.max_file_bytes:
            yield InputError(
                path,
                f"file is {size / MB:.1f} MB, over the {settings.max_file_bytes / MB:g} MB "
                "limit (raise it with --max-file-mb)",
            )
            return
        text = decode(path.read_bytes(), path)
        sidecar = _read_sidecar(path)
        if suffix in JSONL_SUFFIXES:
            yield from _read_json_lines(path, text, sidecar)
        elif suffix in JSON_SUFFIXES:
            yield from _read_json(path, text, sidecar)
        elif suffix in HTML_SUFFIXES:
            yield _read_html(path, text, sidecar)
        elif suffix in MARKDOWN_SUFFIXES:
            yield _read_markdown(path, text, sidecar)
        else:
            yield _read_plain(path, text, sidecar)
    except InputError as error:
        yield error
    except OSError as error:
        yield InputError(path, f"cannot be read ({error.strerror or error})")
    except Exception as error:  # one file must never stop a batch
        yield InputError(path, f"could not be read: {type(error).__name__}: {_short(error)}")


def _short(error: Exception) -> str:
    reason = " ".join(str(error).split())
    return reason if len(reason) <= MAX_REASON_CHARS else reason[:MAX_REASON_CHARS] + "…"


def decode(data: bytes, path: str | Path) -> str:
    """Bytes to text: BOMs first, then UTF-8 (stray Windows-1252 bytes in it read as such), then
    a detected encoding; binary data is refused."""
    if not data.strip():
        raise InputError(path, "empty file")
    for bom, codec in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe\x00\x00", "utf-32"),
        (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if data.startswith(bom):
            return _clean_text(data.decode(codec, errors="replace"), path)
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return _clean_text(utf16, path)
    try:
        return _clean_text(data.decode("utf-8"), path)
    except UnicodeDecodeError:
        pass
    mixed = _utf8_with_cp1252(data)
    if mixed is not None:
        return _clean_text(mixed, path)
    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None:
        raise InputError(path, "binary file, not text")
    # Short texts fit several 8-bit encodings equally well; news in Western languages is far
    # more often Windows-1252 than Windows-1250 or the Baltic code pages, so it wins ties.
    tied = [m for m in matches if m.chaos <= best.chaos and m.coherence >= best.coherence]
    best = next((m for m in tied if m.encoding in WESTERN_ENCODINGS), best)
    if b"\x00" in data and not best.encoding.startswith(("utf_16", "utf_32")):
        raise InputError(path, "binary file, not text")
    return _clean_text(str(best), path)


def _utf8_with_cp1252(data: bytes) -> str | None:
    """UTF-8 text with a few Windows-1252 bytes pasted in (curly quotes from a word processor):
    the UTF-8 decoded as UTF-8, each invalid byte as Windows-1252. Taken when at least one in
    five non-ASCII characters is valid multi-byte UTF-8; an 8-bit file (Windows-1251, say) makes
    such sequences only by chance and far less often, and is left to charset detection."""
    text = data.decode("utf-8", "surrogateescape")  # an invalid byte b becomes U+DC00 + b
    invalid = len(UNDECODED_BYTES.findall(text))
    valid = sum(1 for ch in text if ord(ch) > 127) - invalid
    if not valid or invalid > 4 * valid:
        return None
    return UNDECODED_BYTES.sub(
        lambda m: m.group().encode("utf-8", "surrogateescape").decode("cp1252", "replace"), text
    )


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a byte-order mark, recognised by its NULs: most characters of a
    Western text have a zero high byte, so NULs fill one of the two byte positions (at least a
    quarter of them) and hardly ever the other. Anything else is left to the other checks."""
    if len(data) % 2 or b"\x00" not in data:
        return None
    pairs = len(data) // 2
    even, odd = data[0::2].count(0), data[1::2].count(0)
    for codec, zeros, others in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros >= pairs // 4 and others <= pairs // 100:
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                return None
    return None


def _clean_text(text: str, path: str | Path) -> str:
    """Line breaks unified, NFC, and lone surrogates (which JSON escapes like '\\ud800' make and
    no UTF-8 store can hold) replaced with U+FFFD; control characters mean binary data."""
    text = SURROGATES.sub("\ufffd", text)
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\n\t\f")
    if controls > max(2, len(text) // 100):
        raise InputError(path, "binary file, not text")
    if not text.strip():
        raise InputError(path, "empty file")
    return text


def document_id(text: str) -> str:
    """Stable id from the content: the same article read twice, or re-encoded, gets the same id."""
    normalised = " ".join(unicodedata.normalize("NFC", text).casefold().split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:16]


def _make_document(path: str | Path, text: str, fmt: str, *sources: dict[str, Any]) -> Document:
    """Later metadata sources override earlier ones; the outlet falls back to the URL's host."""
    text = text.strip("\n")
    if not text.strip():
        raise InputError(path, "no article text in this document")
    meta: dict[str, Any] = {}
    for source in sources:
        meta.update({k: v for k, v in _normalise_metadata(source).items() if v})
    if not meta.get("outlet") and meta.get("url"):
        try:
            host = urlparse(str(meta["url"])).hostname
        except ValueError:  # not a URL after all ("http://[x")
            host = None
        meta["outlet"] = host.removeprefix("www.") if host else None
    return Document(
        id=document_id(text),
        text=text,
        source_path=path_text(path),
        title=meta.get("title"),
        outlet=meta.get("outlet"),
        author=meta.get("author"),
        published=meta.get("published"),
        url=meta.get("url"),
        language=meta.get("language") or detect_language(text),
        format=fmt,
    )


def _normalise_metadata(raw: dict[str, Any]) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    for key, value in raw.items():
        name = METADATA_KEYS.get(str(key).lower())
        if name is None:
            continue
        value = parse_date(value) if name == "published" else _metadata_text(name, value)
        if value:
            meta.setdefault(name, value)
    return meta


def _metadata_text(name: str, value: Any) -> str | None:
    """Text, numbers and dates are kept as text (a list of authors is joined); true/false,
    objects and other lists say nothing usable and are dropped, so `outlet: false` stays unknown."""
    if name == "author" and isinstance(value, list):
        value = ", ".join(v.strip() for v in value if isinstance(v, str) and v.strip())
    if isinstance(value, bool) or not isinstance(value, (str, int, float, date)):
        return None
    text = SURROGATES.sub("\ufffd", str(value)).strip()
    if len(text) > MAX_METADATA_CHARS:
        return None if name == "url" else text[:MAX_METADATA_CHARS].rstrip()
    return text or None


def parse_date(value: Any) -> date | None:
    """A date, or None when the value is not one (a date that cannot exist, like 2025-13-45,
    included)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return None
    text = str(value)
    if len(text) > MAX_DATE_CHARS:
        return None
    try:
        parsed = dateparser.parse(
            text,
            languages=["en", "es"],
            settings={"STRICT_PARSING": True, "PREFER_DAY_OF_MONTH": "first"},
        )
    except (ValueError, TypeError, OverflowError):
        return None
    return parsed.date() if parsed else None


def detect_language(text: str) -> str | None:
    language, _score = py3langid.classify(text[:5000])
    return str(language) if language else None


def _read_sidecar(path: Path) -> dict[str, Any]:
    sidecar = path.with_name(path.name + SIDECAR_SUFFIX)
    if not sidecar.is_file():
        return {}
    try:
        data = json.loads(decode(sidecar.read_bytes(), sidecar))
    except (ValueError, RecursionError) as error:
        raise InputError(sidecar, f"metadata file is {_json_problem(error)}") from None
    if not isinstance(data, dict):
        raise InputError(sidecar, "metadata file must hold one JSON object")
    return data


def _read_plain(path: Path, text: str, sidecar: dict[str, Any]) -> Document:
    return _make_document(path, text, "text", text_metadata(text), sidecar)


def text_metadata(text: str) -> dict[str, Any]:
    """Title, byline and dateline from the top of a plain-text article, where they are present,
    read in the article's language."""
    language = detect_language(text)
    patterns = words(language, "ingest")
    lines = [line.strip() for line in text.split("\n")]
    head = [line for line in lines if line][:HEAD_LINES]
    meta: dict[str, Any] = {"language": language}
    if (
        len(head) > 1
        and not head[0].endswith((".", ":", ";"))
        and (len(head[0].split()) <= MAX_TITLE_WORDS)
    ):
        meta["title"] = head[0]
    for line in head:
        byline = patterns.BYLINE_PATTERN.match(line)
        if byline and "author" not in meta:
            meta["author"] = byline.group("name")
        if "published" not in meta:
            found = _dateline_date(line, patterns)
            if found:
                meta["published"] = found
    return meta


def _dateline_date(line: str, patterns: ModuleType) -> date | None:
    """A date that stands as a dateline: 'CITY, Month D, YYYY —' or a short line mostly a date."""
    dateline = patterns.DATELINE_PATTERN.match(line)
    if dateline:
        return parse_date(dateline.group("date"))
    match = patterns.DATE_PATTERN.search(line)
    if match and len(line.split()) <= len(match.group().split()) + 5:
        return parse_date(match.group())
    return None


def _json_problem(error: Exception, lines: bool = False) -> str:
    """Why text is not JSON: invalid, nested too deeply, or a number too long to read."""
    if isinstance(error, json.JSONDecodeError):
        where = f", line {error.lineno}" if lines else ""
        return f"not valid JSON ({error.msg}{where})"
    if isinstance(error, RecursionError):
        return "not readable JSON (nested too deeply)"
    return f"not readable JSON ({_short(error).split(';')[0]})"


FRONT_MATTER = re.compile(r"\A---\n(?P<yaml>.*?)\n---\n", re.DOTALL)


class AliasRefused(yaml.YAMLError):
    """Front matter that uses YAML aliases."""


class FrontMatterLoader(yaml.SafeLoader):
    """Safe YAML without aliases (a few hundred bytes of them expand to gigabytes: the "billion
    laughs"), and a date that cannot exist (2025-13-45) read as text, so it stays unknown."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            raise AliasRefused("aliases (*name) are not accepted in front matter")
        return super().compose_node(parent, index)

    def construct_yaml_timestamp(self, node: Any) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)


FrontMatterLoader.add_constructor(
    "tag:yaml.org,2002:timestamp", FrontMatterLoader.construct_yaml_timestamp
)


def _read_markdown(path: Path, text: str, sidecar: dict[str, Any]) -> Document:
    front: dict[str, Any] = {}
    match = FRONT_MATTER.match(text)
    if match:
        try:
            loaded = yaml.load(match.group("yaml"), Loader=FrontMatterLoader)  # a SafeLoader
        except AliasRefused as error:
            raise InputError(path, str(error)) from None
        except (yaml.YAMLError, ValueError, RecursionError) as error:
            reason = f"front matter is not valid YAML ({_short(error)})"
            raise InputError(path, reason) from None
        front = loaded if isinstance(loaded, dict) else {}
        text = text[match.end() :]
    return _make_document(path, text, "markdown", text_metadata(text), front, sidecar)


def _read_html(path: Path, html: str, sidecar: dict[str, Any]) -> Document:
    extracted = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False
    )
    found: dict[str, Any] = {} if extracted is None else extracted.as_dict()  # type: ignore[union-attr]
    text = found.get("text") or ""
    if len(text.split()) < MIN_HTML_WORDS:
        raise InputError(path, "no article text found in this HTML page")
    meta = {
        "title": found.get("title"),
        "author": found.get("author"),
        "outlet": found.get("sitename"),
        "published": found.get("date"),
        "url": found.get("url"),
    }
    return _make_document(path, text, "html", meta, sidecar)


def _read_json(path: Path, text: str, sidecar: dict[str, Any]) -> Iterator[Document | InputError]:
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as error:
        raise InputError(path, _json_problem(error, lines=True)) from None
    records = data if isinstance(data, list) else [data]
    for number, record in enumerate(records, start=1):
        where = f"{path}:{number}" if isinstance(data, list) else str(path)
        yield _record_document(where, record, sidecar)


def _read_json_lines(
    path: Path, text: str, sidecar: dict[str, Any]
) -> Iterator[Document | InputError]:
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except (ValueError, RecursionError) as error:
            yield InputError(where, f"line is {_json_problem(error)}")
            continue
        yield _record_document(where, record, sidecar)


def _record_document(where: str, record: Any, sidecar: dict[str, Any]) -> Document | InputError:
    if not isinstance(record, dict):
        return InputError(where, "record is not a JSON object")
    body = record.get("text")
    if not isinstance(body, str) or not body.strip():
        return InputError(where, "record has no 'text' field")
    try:
        return _make_document(where, _clean_text(body, where), "json", sidecar, record)
    except InputError as error:
        return error
