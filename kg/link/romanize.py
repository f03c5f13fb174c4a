"""Arabic personal names in Latin letters, for English labels of entities the gazetteers do not know.

``romanize`` asks the optional ``arabic-name-romanizer`` package (MIT, offline:
a name index and a small ONNX model ship inside its wheel, nothing is fetched)
for the spelling a name most often has in the Latin-script press ("ناصر
بوريطة" -> "Nasser Bourita").  It is strong on Arab names and weak on foreign
names written in Arabic ("دونالد ترامب" -> "Donaled Trameb"), so a person the
people gazetteer knows should take its ``label_en`` instead.

Without the package, ``romanize_by_rules`` applies the letter table in
``romanize.tsv``: a simplified ALA-LC romanisation without diacritics.  Arabic
writes no short vowels and the rules guess none, so "محمد" is "Mhmd": a last
resort that is still readable and always the same for the same name.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Final

from kg.errors import ResourceError
from kg.text.normalize import strip_diacritics

TABLE: Final = "romanize.tsv"
_KINDS: Final = ("letter", "vowel", "word")
_ARABIC_LETTER: Final = re.compile("[\u0621-\u063a\u0641-\u064a\u0671-\u06d3]")
_ARABIC_WORD: Final = re.compile("[\u0621-\u063a\u0641-\u064a\u0671-\u06d3]+")
# Letters that are themselves vowels: a waw or ya after one of these is a consonant ("أيمن" Ayman).
_VOWEL_LETTERS: Final = frozenset("اأإآٱؤئىة")
_ARTICLE: Final = "ال"
_ABD: Final = "عبد"
_DOUBLED_VOWEL: Final = re.compile(r"([aiu])\1+")


@dataclass(frozen=True, slots=True)
class Scheme:
    letters: dict[str, str]   # consonant (or only) reading of each letter
    vowels: dict[str, str]    # long-vowel reading of waw and ya
    words: dict[str, str]     # whole words read as given


@lru_cache(maxsize=1)
def scheme() -> Scheme:
    """The romanisation table, read once from ``romanize.tsv``."""
    try:
        text = resources.files("kg.link").joinpath(TABLE).read_text(encoding="utf-8")
    except (FileNotFoundError, UnicodeDecodeError) as error:
        raise ResourceError("cannot read the romanisation table", TABLE) from error
    tables: dict[str, dict[str, str]] = {kind: {} for kind in _KINDS}
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    for number, row in enumerate(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE), 1):
        if len(row) < 3 or row[2] not in tables or not row[0]:
            raise ResourceError(f"row {number} is not 'arabic, latin, letter|vowel|word'", TABLE, "\t".join(row))
        tables[row[2]][row[0]] = row[1]
    return Scheme(tables["letter"], tables["vowel"], tables["word"])


MAX_MODEL_WORDS: Final = 8


def romanize(name: str) -> str | None:
    """The Latin spelling of an Arabic personal name; None when ``name`` has no Arabic letter."""
    if not _ARABIC_LETTER.search(name):
        return None
    transliterator = package_transliterator()
    # The package's beam search grows exponentially with a name's words (16
    # words: 2.7 s): a run of words that long is no personal name, and the
    # rules spell it at once.
    if transliterator is not None and len(name.split()) <= MAX_MODEL_WORDS:
        latin = transliterator.transliterate(name).strip()
        if latin and not _ARABIC_LETTER.search(latin):
            return latin
    return romanize_by_rules(name)


@lru_cache(maxsize=1 << 16)
def latin_label(name: str, personal: bool) -> str | None:
    """The ``@ar-Latn`` label of an Arabic label: a personal name as the Latin-script
    press spells it (``romanize``), any other name letter by letter (``romanize_by_rules``:
    the package's name model invents vowels for words that are no names,
    "الأمم المتحدة" -> "Al-Amam Al-Mathada")."""
    return romanize(name) if personal else romanize_by_rules(name)


@lru_cache(maxsize=1)
def package_transliterator():
    """The ``arabic_name_romanizer`` transliterator (loaded once), or None when the
    optional package is not installed."""
    try:
        from arabic_name_romanizer import Transliterator
    except ImportError:
        return None
    return Transliterator(**_single_threaded_models())


_MODEL_FILES: Final = ("encoder.onnx", "decoder.onnx", "vocab.json", "meta.json")


def _single_threaded_models() -> dict:
    """The package's ONNX models on one ONNX Runtime thread instead of its default two.

    The beam search for a name the package's index does not know runs a dozen
    tiny decoder steps: a second thread only spins.  Measured on 529 names of
    the corpus, on a loaded two-core machine: 1.9 ms of CPU (4.5 ms wall) a name
    instead of 7.2 ms (21 ms wall), the model loaded in 0.07 s instead of 0.19 s,
    and the same spelling for every name.  Each unit is still decoded as the
    package decodes it (names are not batched together: the package's batched
    beam search gives another spelling for one name in ten).  ``{}`` (the
    package's defaults) when its model class is not where this expects it."""
    try:
        from arabic_name_romanizer.api import default_resources_dir
        from arabic_name_romanizer.inference import OnnxModel
    except ImportError:
        return {}
    models = {}
    for argument, folder in (("model", default_resources_dir()), ("persian_model", default_resources_dir() / "persian")):
        if all((folder / name).is_file() for name in _MODEL_FILES):
            models[argument] = OnnxModel(folder, intra_op_threads=1)
    return models


def romanize_by_rules(name: str) -> str | None:
    """``name`` romanised word by word with the table in ``romanize.tsv``."""
    words = _ARABIC_WORD.findall(strip_diacritics(name))
    if not words:
        return None
    table = scheme()
    return " ".join(_romanize_word(word, table) for word in words)


def _romanize_word(word: str, table: Scheme) -> str:
    if word in table.words:
        return table.words[word]
    if word.startswith(_ABD) and word[len(_ABD):].startswith(_ARTICLE):   # "عبدالعزيز" is "عبد العزيز"
        return f"{table.words.get(_ABD, 'Abd')} {_romanize_word(word[len(_ABD):], table)}"
    if word.startswith(_ARTICLE) and len(word) > len(_ARTICLE) + 1:
        return "al-" + _capitalised(_letters(word[len(_ARTICLE):], table))
    return _capitalised(_letters(word, table))


def _letters(word: str, table: Scheme) -> str:
    """Waw and ya are long vowels after a consonant and before no vowel letter ("بوريطة"
    Burita), consonants elsewhere ("يوسف" Yusf, "أيمن" Aymn)."""
    out = []
    after_vowel = True   # a word-initial waw or ya is a consonant
    for index, char in enumerate(word):
        following = word[index + 1] if index + 1 < len(word) else ""
        if char in table.vowels and not after_vowel and following not in _VOWEL_LETTERS | set(table.vowels):
            out.append(table.vowels[char])
            after_vowel = True
        else:
            out.append(table.letters.get(char, ""))
            after_vowel = char in _VOWEL_LETTERS
    return _DOUBLED_VOWEL.sub(r"\1", "".join(out))


def _capitalised(latin: str) -> str:
    return latin[:1].upper() + latin[1:]
