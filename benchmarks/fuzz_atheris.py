"""Coverage-guided fuzzing of reading, normalisation, segmentation and extraction (atheris).

    pip install atheris
    python benchmarks/fuzz_atheris.py -max_total_time=30          # bounded, as CI runs it
    python benchmarks/fuzz_atheris.py corpus-dir -max_total_time=3600

Each input is raw bytes, as a file would hold them: decoded as the reader
decodes a file (BOMs, UTF-8, legacy Arabic), then read as a .txt, .html or
.jsonl article, normalised, segmented and run through the whole pipeline.  An
``InputError`` is the answer to bad input and ends that input quietly; any
other exception, or an offset outside the text, is a crash that libFuzzer
reports with the input that caused it (saved under the temporary artifact
directory it prints).  Only the ``kg`` package is instrumented, so rdflib and
pyarabic do not slow it down.  Seeds are a few short Arabic news texts in each
form, so the fuzzer starts inside the interesting code.

atheris installs from a wheel on CPython 3.8 to 3.11 for x86_64 Linux (it was
3.0.0 when this was written); elsewhere it may need clang to build, and
``tests/test_fuzz.py`` skips the bounded run when it is absent.
"""

from __future__ import annotations

import os
import sys
import tempfile

import atheris

with atheris.instrument_imports(include=["kg"]):
    from kg.errors import InputError
    from kg.pipeline import extract
    from kg.reader import decode, make_document, read_html_article, read_jsonl, read_text_article
    from kg.text.normalize import normalize_with_offsets
    from kg.text.segment import tokenize

SEEDS = [
    "وزير الخارجية يزور القاهرة\n\nزار وزير الخارجية، سعيد العلوي، القاهرة أمس في زيارة رسمية.".encode("utf-8"),
    "<html><body><nav>الرئيسية</nav><article><h1>لقاء</h1><p>استقبل الرئيس في الرباط يوم ١٢ مارس ٢٠٢٤ "
    "نظيره التونسي، وبحث الجانبان التعاون.</p></article><script>x()</script></body></html>".encode("utf-8"),
    '{"title": "اتفاقية", "text": "وقع الجانبان اتفاقية للتعاون بحضور الأمين العام لجامعة الدول العربية.", '
    '"published": "2024-03-12"}\n{bad}\n'.encode("utf-8"),
    "زيارة\n\nزار وزير\u200b الخار\u200cجية القاهرة\u202e أمس.".encode("utf-8"),
    "زيارة رسمية\n\nزار الوزير القاهرة.".encode("windows-1256"),
    "\ufeffزيارة رسمية\n\nزار الوزير القاهرة.".encode("utf-16"),
]


def _ignore(problem) -> None:
    """Warnings and skipped JSONL lines: expected answers to bad input."""


def _check_spans(doc) -> None:
    text = doc.text

    def valid(span) -> bool:
        return 0 <= span.start < span.end <= len(text) and bool(text[span.start:span.end].strip())

    for span in ([t.span for t in doc.tokens] + [s.span for s in doc.sentences] + [m.span for m in doc.mentions]
                 + [p.span for p in doc.posts] + [t.span for t in doc.times]
                 + [e.trigger for e in doc.events] + [e.sentence for e in doc.events]):
        if not valid(span):
            raise AssertionError(f"invalid span {span} in a text of {len(text)} characters")
    ids = {entity.id for entity in doc.entities}
    for event in doc.events:
        if not {p.entity for p in event.participants} <= ids or (event.place and event.place not in ids):
            raise AssertionError(f"event {event.id} names an entity the document does not have")


def test_one_input(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    form = provider.ConsumeIntInRange(0, 3)
    raw = provider.ConsumeBytes(provider.remaining_bytes())
    try:
        text = decode(raw, "fuzz", _ignore)
    except InputError:
        return
    normalised = normalize_with_offsets(text)
    if normalised.offsets[-1] != len(text) or list(normalised.offsets) != sorted(normalised.offsets):
        raise AssertionError("normalisation offsets are not monotone or do not end at the text's length")
    ends = [token.span.end for token in tokenize(text)]
    if ends != sorted(ends):
        raise AssertionError("tokens out of order")
    try:
        if form == 0:
            docs = [read_text_article(text, "fuzz.txt")]
        elif form == 1:
            docs = [read_html_article(text, "fuzz.html")]
        elif form == 2:
            docs = list(read_jsonl(text, "fuzz.jsonl", _ignore))
        else:
            docs = [make_document(text, None, source="fuzz")]
    except InputError:
        return
    for doc in docs:
        _check_spans(extract(doc))


def main(argv: list[str]) -> None:
    work = tempfile.mkdtemp(prefix="kg-atheris-")
    if not any(not arg.startswith("-") for arg in argv[1:]):  # no corpus given: seed one
        corpus = os.path.join(work, "corpus")
        os.mkdir(corpus)
        for number, seed in enumerate(SEEDS):
            for form in range(4):  # the first byte picks the form
                with open(os.path.join(corpus, f"seed-{number}-{form}"), "wb") as handle:
                    handle.write(bytes([form]) + seed)
        argv = [*argv, corpus]
    if not any(arg.startswith("-artifact_prefix=") for arg in argv):
        argv = [*argv, f"-artifact_prefix={work}/"]
    print(f"kg fuzz: artifacts in {work}", file=sys.stderr)
    atheris.Setup(argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
