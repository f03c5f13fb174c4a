"""Reading articles: plain text, HTML pages, JSON Lines, and directories of them.

Each article becomes a ``Document`` whose text is the headline, a blank line and
the body, so offsets in the graph point into exactly the text it stores.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import re
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path

from kg.errors import InputError, InputWarning, ResourceError
from kg.model import Document
from kg.text.clitics import stems
from kg.text.normalize import normalize_for_matching

# Receives each InputWarning, and each InputError that spoils one record of a
# file (which is then skipped); see kg.errors.
OnProblem = Callable[[InputError | InputWarning], None]

SUFFIXES = (".txt", ".html", ".htm", ".jsonl")
# Elements whose text is never article text.
_SKIPPED = frozenset({"script", "style", "noscript", "template", "svg", "nav", "header", "footer",
                      "aside", "form", "button", "iframe", "select", "figcaption"})
_BLOCKS = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
                     "blockquote", "tr", "td", "main"})


# Control characters other than tab and newline (C0, DEL, C1), lone surrogates
# (from JSON escapes) and the two non-characters: invalid in XML output,
# terminal escapes on screen, never article text.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def blank_controls(text: str) -> str:
    """``text`` with each control character replaced by one space, so the
    length, and every offset into it, stays the same."""
    return _CONTROLS.sub(" ", text)


def make_document(body: str, title: str | None = None, published: date | None = None,
                  url: str | None = None, source: str | None = None) -> Document:
    """A Document from a headline and body (the headline may be None).  Article
    text is untrusted: control characters become spaces, so text of nothing
    but control characters is an empty article (an InputError)."""
    body = blank_controls(body.replace("\r\n", "\n").replace("\r", "\n")).strip()
    title = " ".join(blank_controls(title).split()) if title else None
    text = f"{title}\n\n{body}" if title else body
    if not text.strip():
        raise InputError("empty article", source)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    body_start = len(title) + 2 if title else 0
    return Document(text=text, id=digest, title=title, published=published, url=url,
                    source=source, body_start=body_start)


def parse_date(value: str, where: str) -> date:
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError as error:
        raise InputError("not a date (expected YYYY-MM-DD)", where, value) from error


def read_text_article(text: str, source: str | None = None) -> Document:
    """A .txt article: the first non-empty line is the headline."""
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    if not lines:
        raise InputError("empty article", source)
    return make_document("\n".join(lines[1:]), lines[0].strip(), source=source)


@dataclass
class _Block:
    """Text between two block-level tags.  ``element`` is the innermost element
    open when it began (0: the page itself), ``parent`` the one around that."""

    element: int
    parent: int | None = None
    opened_by: str | None = None  # the tag that opened this block, if one did
    parts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join("".join(self.parts).split())


class _ArticleHTML(HTMLParser):
    """Collects the <title>, each <h1>, the <article> elements and the block text
    of a page, dropping scripts, styles, navigation, headers, footers and
    asides.  Elements are numbered in document order and each records the last
    number given out before it closed, so "is this text inside that element" is
    one comparison: a page of deeply nested tags costs time and memory in
    proportion to its size, not to its size times its depth."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skip_depth = 0
        self.stack: list[tuple[str, int]] = []  # open elements: tag, number
        self.open_tags: dict[str, int] = {}     # how many of each tag are open
        self.elements = 0
        self.last = [0]  # per element: the last element number opened before it closed
        self.title: list[str] = []
        self.h1s: list[_Block] = []
        self.articles: list[int] = []
        self.blocks: list[_Block] = [_Block(0)]
        self.meta_published: str | None = None

    def _block(self, opened_by: str | None = None) -> _Block:
        element = self.stack[-1][1] if self.stack else 0
        parent = self.stack[-2][1] if len(self.stack) >= 2 else None
        return _Block(element, parent, opened_by)

    def _open(self, tag: str) -> bool:
        return self.open_tags.get(tag, 0) > 0

    def within(self, container: int, element: int) -> bool:
        """Whether ``element`` is ``container`` or was opened inside it."""
        return container == element or container < element <= self.last[container]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            values = dict(attrs)
            if values.get("property") in ("article:published_time", "og:published_time") or \
                    values.get("name") in ("date", "pubdate", "publish-date"):
                self.meta_published = values.get("content")
            return
        if tag in ("br", "img", "hr", "input", "link"):
            if tag == "br":
                self.blocks.append(self._block())
            return
        self.elements += 1
        self.last.append(self.elements)
        self.stack.append((tag, self.elements))
        self.open_tags[tag] = self.open_tags.get(tag, 0) + 1
        if tag in _SKIPPED:
            self.skip_depth += 1
        if tag == "article":
            self.articles.append(self.elements)
        if tag == "h1" and not self.skip_depth:
            self.h1s.append(self._block())
        if tag in _BLOCKS:
            self.blocks.append(self._block(tag))

    def _pop(self) -> str:
        open_tag, number = self.stack.pop()
        self.last[number] = self.elements
        self.open_tags[open_tag] -= 1
        if open_tag in _SKIPPED:
            self.skip_depth -= 1
        return open_tag

    def handle_endtag(self, tag: str) -> None:
        if not self._open(tag):
            return
        while self.stack and self._pop() != tag:
            pass
        if tag in _BLOCKS:
            self.blocks.append(self._block())

    def handle_data(self, data: str) -> None:
        if self.skip_depth:
            return
        if self._open("title"):
            self.title.append(data)
        elif self._open("h1"):
            if self.h1s:
                self.h1s[-1].parts.append(data)
        else:
            self.blocks[-1].parts.append(data)

    def close(self) -> None:
        super().close()
        while self.stack:  # elements never closed end with the page
            self._pop()


def _words_within(parser: _ArticleHTML, containers: list[int]) -> dict[int, int]:
    """The number of words of block text inside each of ``containers``: element
    numbers are in document order, so an element's words are a range of a
    running sum over elements."""
    running = [0] * (parser.elements + 2)
    for block in parser.blocks:
        running[block.element + 1] += len(block.text.split())
    for number in range(1, len(running)):
        running[number] += running[number - 1]
    return {number: running[parser.last[number] + 1] - running[number] for number in containers}


def _content_element(parser: _ArticleHTML) -> int | None:
    """The element holding the article: the <article> with the most text, else
    the element whose own <p> children hold the most text, else None (the page).
    An <article> half as long as that element's paragraphs is a teaser card, not
    the story."""
    paragraph_words: dict[int, int] = {}
    for block in parser.blocks:
        if block.opened_by == "p" and block.parent is not None:
            paragraph_words[block.parent] = paragraph_words.get(block.parent, 0) + len(block.text.split())
    paragraphs = max(paragraph_words, key=lambda number: paragraph_words[number], default=None)
    most_paragraph_words = paragraph_words.get(paragraphs, 0)
    article_words = _words_within(parser, parser.articles) if parser.articles else {}
    article = max(article_words, key=lambda number: article_words[number], default=None)
    if article is not None and article_words[article] and article_words[article] * 2 >= most_paragraph_words:
        return article
    return paragraphs if most_paragraph_words else None


@lru_cache(maxsize=1)
def _boilerplate_words() -> frozenset[str]:
    """The share/follow words of reader_boilerplate.tsv, as compared."""
    try:
        text = resources.files("kg").joinpath("reader_boilerplate.tsv").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ResourceError("cannot read the boilerplate word list", "kg/reader_boilerplate.tsv") from error
    return frozenset(_word_key(line.strip()) for line in text.splitlines()
                     if line.strip() and not line.startswith("#"))


def _word_key(word: str) -> str:
    return normalize_for_matching(word.casefold())


_WORD_EDGES = re.compile(r"^\W+|\W+$")
_SENTENCE_ENDS = (".", "!", "\u061f")  # \u061f ARABIC QUESTION MARK


def _is_boilerplate(line: str) -> bool:
    """A share/follow line: more than half its words are share/follow words
    (with or without article and proclitics), and it does not end a sentence."""
    if line.endswith(_SENTENCE_ENDS):
        return False
    known = _boilerplate_words()
    words = [_WORD_EDGES.sub("", word) for word in line.split()]
    words = [word for word in words if word]
    hits = sum(1 for word in words if any(stem in known for _, stem in stems(_word_key(word))))
    return bool(words) and hits * 2 > len(words)


def _is_article_line(line: str) -> bool:
    # Menus and share buttons are short; article paragraphs are sentences.
    return (len(line.split()) >= 4 or line.endswith(_SENTENCE_ENDS)) and not _is_boilerplate(line)


# "<![" opens a marked section, which html.parser knows only as CDATA: any
# other ("<![if !IE]>", a downlevel-revealed conditional comment) makes it raise.
_CONDITIONAL_MARKER = re.compile(r"<!\[(?!CDATA\[)[^<>]*>")
_MARKED_SECTION = re.compile(r"<!\[(?!CDATA\[)")
# What ends a comment and a CDATA section for any version of html.parser (a superset).
_COMMENT_CLOSE = re.compile(r"--!?\s*>")
_CDATA_CLOSE = re.compile(r"]\s*]\s*>")


def _end_of_last(pattern: re.Pattern[str], text: str) -> int:
    last = 0
    for match in pattern.finditer(text):
        last = match.end()
    return last


def _defused(html: str) -> str:
    """``html`` without what makes html.parser fail or slow, read as a browser
    reads it.  Markup that never ends costs the parser of Python before 3.11.13
    (CVE-2025-6069) a scan to the end of the page for each "<": 200 KB of "</"
    took 4 s, of "<a " or "<!--" minutes.  So a "<" after the last ">" (it
    can open nothing that ends) is text, a comment that never closes runs to
    the end of the page and is cut, a CDATA section that never closes is text;
    conditional-comment markers are dropped and any other "<![" is text."""
    html = _MARKED_SECTION.sub("&lt;![", _CONDITIONAL_MARKER.sub("", html))
    closed = _end_of_last(_CDATA_CLOSE, html)
    html = html[:closed] + html[closed:].replace("<![CDATA[", "&lt;![CDATA[")
    unclosed = html.find("<!--", _end_of_last(_COMMENT_CLOSE, html))
    if unclosed >= 0:
        html = html[:unclosed]
    last = html.rfind(">")
    return html[:last + 1] + html[last + 1:].replace("<", "&lt;")


def read_html_article(html: str, source: str | None = None) -> Document:
    """An HTML page: the text of its <article> (or of the element with the most
    paragraph text), headed by the first <h1> in it (else the page's first
    <h1>, else its <title>); menus, share bars and other page furniture dropped."""
    parser = _ArticleHTML()
    try:
        parser.feed(_defused(html))
        parser.close()
    except AssertionError as error:  # how html.parser reports markup it cannot read (Python 3.10+)
        raise InputError(f"cannot read the HTML page ({error})", source) from error
    container = _content_element(parser)
    blocks = [block for block in parser.blocks if container is None or parser.within(container, block.element)]
    h1s = [h1 for h1 in parser.h1s if h1.text]
    headline = next((h1 for h1 in h1s if container is not None and parser.within(container, h1.element)), None)
    headline = headline or (h1s[0] if h1s else None)
    title = headline.text if headline else " ".join("".join(parser.title).split()) or None
    body = "\n\n".join(block.text for block in blocks if _is_article_line(block.text))
    if not body.strip():
        raise InputError("no article text found in the HTML page", source)
    published = None
    if parser.meta_published:
        try:
            published = date.fromisoformat(parser.meta_published[:10])
        except ValueError:
            published = None
    return make_document(body, title, published=published, source=source)


_JSON_TYPES = {bool: "true or false", int: "a number", float: "a number", list: "an array", dict: "an object"}


def _optional_string(record: dict, name: str, where: str) -> str | None:
    value = record.get(name)
    if value is None or isinstance(value, str):
        return value or None
    raise InputError(f'"{name}" must be a string, not {_JSON_TYPES.get(type(value), "that")}', where)


def _jsonl_record(line: str, where: str) -> Document:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(f"malformed JSON ({error.msg} at column {error.colno})", where) from error
    if not isinstance(record, dict) or not isinstance(record.get("text"), str) or not record["text"].strip():
        raise InputError("a JSONL record needs a non-empty \"text\" field", where)
    title = _optional_string(record, "title", where)
    url = _optional_string(record, "url", where)
    published = _optional_string(record, "published", where)
    return make_document(record["text"], title, parse_date(published, where) if published else None, url, where)


def read_jsonl(text: str, source: str, on_problem: OnProblem | None = None) -> Iterator[Document]:
    """One article a line.  A bad line is an InputError naming file:line; with
    ``on_problem`` it is reported there and the other lines are still read."""
    good = bad = 0
    # Lines end at "\n" only: str.splitlines would also split at U+2028 and
    # U+0085, which JSON strings may hold unescaped.
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            doc = _jsonl_record(line, f"{source}:{number}")
        except InputError as error:
            if on_problem is None:
                raise
            on_problem(error)
            bad += 1
            continue
        good += 1
        yield doc
    if bad and not good:
        raise InputError("no usable record in the JSONL file", source)


def html_declared_encoding(data: bytes) -> str | None:
    """The charset a page declares in a <meta> tag near its start, if any."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
# The byte-order marks, UTF-32 before UTF-16 (FF FE 00 00 begins both).
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# The legacy Arabic encodings still met, the commoner first: it wins a tie.
LEGACY_ARABIC = ("windows-1256", "iso-8859-6")
_HEAD = 4096  # bytes looked at to tell text from binary
# C0 controls other than tab, line feed, vertical tab, form feed and carriage return.
_BINARY_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1f\x7f]")


def decode(data: bytes, source: str, on_problem: OnProblem | None = None,
           declared: str | None = None) -> str:
    """The text of an article file: UTF-8, or UTF-16/32 with a byte-order mark,
    or the ``declared`` encoding (an HTML page's <meta charset>) when the bytes
    are not UTF-8, or, for legacy Arabic files, windows-1256 or ISO-8859-6,
    whichever gives more Arabic text (reported as an InputWarning).  UTF-8 text
    with a few bad bytes (a damaged or cut file) is refused, not guessed at."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as error:
                name = encoding.removesuffix("-sig").upper()
                raise InputError(f"not {name} text despite its byte-order mark (byte {error.start})",
                                 source) from error
    if b"\0" in data[:_HEAD]:
        if _utf16_without_bom(data):
            raise InputError("binary file, not an article (UTF-16 without a byte-order mark? "
                             "save it as UTF-8)", source)
        raise InputError("binary file, not an article", source)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        not_utf8 = error
    if _mostly_utf8(data):
        raise InputError(f"damaged UTF-8 text (undecodable byte {not_utf8.start})", source) from not_utf8
    if len(_BINARY_BYTES.findall(data[:_HEAD])) * 50 > len(data[:_HEAD]):
        raise InputError("binary file, not an article", source)
    if declared:
        try:
            if codecs.lookup(declared).name != "utf-8":
                return data.decode(declared)
        except LookupError:
            pass  # an unknown or non-text codec: as if nothing were declared
        except UnicodeError:
            pass  # declared wrongly (iso-8859-6 for windows-1256 is common): guess as below
    guessed = _legacy_arabic(data)
    if guessed is not None:
        encoding, text = guessed
        _report(on_problem, InputWarning(f"not UTF-8, read as {encoding} (legacy Arabic)", source))
        return text
    raise InputError(f"not UTF-8 text (byte {not_utf8.start})", source) from not_utf8


def _utf16_without_bom(data: bytes) -> bool:
    """Whether bytes with NULs read as UTF-16 text: Arabic letters, spaces and
    line ends, with no NUL among them.  Not read as such (the byte order is a
    guess), but named in the error, since 'binary' alone would puzzle."""
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data[:_HEAD - _HEAD % 2].decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\0" not in text and not _BINARY_BYTES.search(text.encode("utf-8", "surrogatepass")) \
                and arabic_share(text) > 0.3:
            return True
    return False


def _mostly_utf8(data: bytes) -> bool:
    """Whether bytes that are not UTF-8 are still mostly UTF-8: more non-ASCII
    characters decode than bytes fail.  Legacy Arabic text almost never forms a
    valid UTF-8 sequence (a letter would have to be followed by a punctuation
    byte), so for it the undecodable bytes are the great majority."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for char in text if char >= "\x80") - bad
    return good > bad


def _legacy_arabic(data: bytes) -> tuple[str, str] | None:
    """The legacy encoding that reads ``data`` as the most plausible Arabic text,
    and that text; None when none does.  ISO-8859-6 read as windows-1256 also
    gives Arabic letters, but mixed with accented Latin ones (its ف ق ك ل
    are à â ç è there), so the share of Arabic letters decides."""
    best: tuple[float, str, str] | None = None
    for encoding in LEGACY_ARABIC:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue  # ISO-8859-6 leaves half its bytes undefined
        share = _plausibly_arabic(text)
        if share is not None and (best is None or share > best[0]):
            best = (share, encoding, text)
    return (best[1], best[2]) if best else None


# The Unicode blocks of Arabic script: Arabic, Supplement, Extended-B and -A,
# the two presentation-form blocks, mathematical letters.
_ARABIC_BLOCKS = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x0870, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF),
                  (0x1EE00, 0x1EEFF))


def _letters_of(blocks: tuple[tuple[int, int], ...]) -> str:
    """A regular-expression character class of the letters in ``blocks``."""
    ranges: list[list[int]] = []
    for first, last in blocks:
        for code in range(first, last + 1):
            if chr(code).isalpha():
                if ranges and ranges[-1][1] == code - 1:
                    ranges[-1][1] = code
                else:
                    ranges.append([code, code])
    return "[" + "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in ranges) + "]"


_LETTER_RUNS = re.compile(r"[^\W\d_]+")
_ARABIC_LETTER_RUNS = re.compile(_letters_of(_ARABIC_BLOCKS) + "+")


def arabic_share(text: str) -> float:
    """The share of the letters of ``text`` that are Arabic (0 when it has none).
    Runs of letters are counted, not letters one by one: ten megabytes take a second."""
    letters = sum(map(len, _LETTER_RUNS.findall(text)))
    return sum(map(len, _ARABIC_LETTER_RUNS.findall(text))) / letters if letters else 0.0


def _plausibly_arabic(text: str) -> float | None:
    """Most legacy single-byte text decodes as *something*: the share of Arabic
    letters when over 30% of the letters are Arabic and no C1 control came out,
    else None."""
    if any("\x80" <= char <= "\x9f" or char == "\ufffd" for char in text):
        return None
    share = arabic_share(text)
    return share if share > 0.3 else None


def _report(on_problem: OnProblem | None, warning: InputWarning) -> None:
    if on_problem is None:
        warnings.warn(warning, stacklevel=3)
    else:
        on_problem(warning)


def read_path(path: Path, on_problem: OnProblem | None = None) -> Iterator[Document]:
    """Every article in a file or, recursively and in sorted order, a directory.

    A file found in a directory is one record of it: with ``on_problem``, a file
    that cannot be read is reported there and skipped, and the directory fails
    only when no file in it gives an article.  A file named directly always
    fails with its error."""
    if path.is_dir():
        yield from _read_directory(path, on_problem)
        return
    source = str(path)
    data = _read_bytes(path)
    suffix = path.suffix.lower()
    html = suffix in (".html", ".htm")
    text = decode(data, source, on_problem, html_declared_encoding(data) if html else None)
    if not text.strip():
        raise InputError("empty article", source)
    if suffix == ".jsonl":
        docs: Iterator[Document] = read_jsonl(text, source, on_problem)
    elif html:
        docs = iter([read_html_article(text, source)])
    else:
        docs = iter([read_text_article(text, source)])
    for doc in docs:
        _check_content(doc, on_problem)
        yield doc


def _read_directory(path: Path, on_problem: OnProblem | None) -> Iterator[Document]:
    files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
    if not files:
        raise InputError("no .txt, .html or .jsonl articles in directory", str(path))
    read = 0
    for file in files:
        try:
            for doc in read_path(file, on_problem):
                read += 1
                yield doc
        except InputError as error:
            if on_problem is None:
                raise
            on_problem(error)
    if not read:
        raise InputError("no usable article in the directory", str(path))


# Larger than any news file; a bound so that a device or a runaway file
# (/dev/zero, a disk image) is refused instead of filling memory.
MAX_FILE_BYTES = 256 * 1024 * 1024


def _read_bytes(path: Path) -> bytes:
    source = str(path)
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError as error:
        raise InputError("no such file", source) from error
    except OSError as error:
        raise InputError(f"cannot read file ({error.strerror or error})", source) from error
    if len(data) > MAX_FILE_BYTES:
        raise InputError(f"file larger than {MAX_FILE_BYTES // (1024 * 1024)} MB", source)
    return data


# Below this share of Arabic letters an article is reported as not Arabic.
MIN_ARABIC_SHARE = 0.1


def _check_content(doc: Document, on_problem: OnProblem | None) -> None:
    """Warn about an article that was read but will give little: one in another
    language, or a headline with no text under it."""
    share = arabic_share(doc.text)
    if share < MIN_ARABIC_SHARE:
        _report(on_problem, InputWarning(f"not an Arabic article ({share:.0%} of its letters are Arabic)",
                                         doc.source))
    if not doc.text[doc.body_start:].strip():
        _report(on_problem, InputWarning("only a headline, no article text under it", doc.source))
