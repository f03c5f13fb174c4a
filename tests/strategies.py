"""Hypothesis strategies for text as news sites really serve it, and worse.

Random Unicode rarely reaches the deep code paths: a name needs a title before
it, an event a trigger and two sides.  So the text here mixes single characters
of every kind a page may hold (Arabic letters, harakat, tatweel, ligatures,
three sets of digits, Latin, punctuation, newlines, zero-width and bidi
controls, terminal escapes) with real Arabic words and titles, and whole
sentences built from them, so that names, posts, dates and events are found
and then stressed.
"""

from __future__ import annotations

import os

from hypothesis import strategies as st

# Multiplies every property test's number of examples: 1 in CI, more to fuzz deeper.
SCALE = int(os.environ.get("KG_FUZZ_SCALE", "1"))

LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإىةئؤ"
HARAKAT = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670"
TATWEEL = "\u0640"
LIGATURES = "\ufefb\ufef7\ufef5\ufe8d\ufe91\ufedf"  # lam-alef forms, presentation forms
DIGITS = "0123456789" + "٠١٢٣٤٥٦٧٨٩" + "۰۱۲۳۴۵۶۷۸۹" + "²³¹⁰₂①२"  # and digits int() does not read
LATIN = "abcxyzABCXYZéàçü"
PUNCTUATION = ".،,؛;:!?؟…-–—()[]«»\"'“”/%&<>#_*"
SPACES = [" ", "  ", "\n", "\n\n", "\t", "\u00a0", "\r\n", "\u2028"]
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",
             "\u2066", "\u2067", "\u2068", "\u2069", "\ufeff", "\u00ad", "\u061c", "\u2060"]
CONTROLS = ["\x00", "\x01", "\x0b", "\x1b", "\x1b[31m", "\x7f", "\x85", "\x9b", "\ud800"]

# Words and phrases the extractor knows, so its deeper rules run.
TITLES = ["وزير الخارجية", "وزير الداخلية", "الرئيس", "رئيس الوزراء", "رئيس الحكومة", "الأمين العام",
          "الملك", "الشيخ", "الدكتور", "السيد", "سفير", "المدير العام للأمن الوطني", "نظيره", "ولي العهد"]
NAMES = ["سعيد العلوي", "كمال بن يوسف", "محمد السادس", "عبد الله", "فاطمة الزهراء", "Saeed Al-Alawi", "يوسف"]
ORGANISATIONS = ["جامعة الدول العربية", "الأمم المتحدة", "الاتحاد الأفريقي", "مجلس التعاون الخليجي",
                 "منظمة الصحة العالمية", "الإنتربول", "اللجنة المشتركة"]
PLACES = ["القاهرة", "الرباط", "تونس", "المغرب", "مصر", "باريس", "بالرباط", "في القاهرة", "قصر الاتحادية"]
TRIGGERS = ["استقبل", "زار", "التقى", "بحث مع", "وقع", "اتفاقية", "مؤتمر", "قمة", "اتصالا هاتفيا", "عين",
            "تعيين", "استضافة", "الدورة الـ13", "يزور", "يلتقي", "مباحثات"]
DATES = ["أمس", "اليوم", "اليوم الجمعة", "الأحد المقبل", "يوم 12 مارس 2024", "١٢ مارس ٢٠٢٤", "۱۵ رمضان ۱۴۴۵هـ",
         "في 1 ديسمبر، 2023", "2024-03-12", "الشهر الماضي", "ما بين 3 و5 مايو", "²024-3-12", "12/3/²⁰²⁴"]
WORDS = TITLES + NAMES + ORGANISATIONS + PLACES + TRIGGERS + DATES + [
    "في", "مع", "و", "إلى", "من", "على", "المصري", "التونسي", "الإسباني", "لبحث", "التعاون", "الثنائي",
    "الجانبان", "هامش", "بحضور", "كتب", "-", "ال", "لل", "وال"]

_CHARACTER = st.sampled_from(list(LETTERS * 3 + HARAKAT + TATWEEL + LIGATURES + DIGITS + LATIN + PUNCTUATION)
                             + SPACES + INVISIBLE)


def _pieces(controls: bool) -> st.SearchStrategy[str]:
    characters = st.lists(_CHARACTER, min_size=1, max_size=6).map("".join)
    options = [st.sampled_from(WORDS), characters, st.sampled_from(SPACES), st.sampled_from(INVISIBLE)]
    if controls:
        options.append(st.sampled_from(CONTROLS))
    return st.one_of(*options)


def _sentence() -> st.SearchStrategy[str]:
    """A sentence shaped like news: trigger, title, name, place, date, in a mixed order."""
    return st.builds(
        lambda trigger, title, name, place, date, other, end: f"{trigger} {title}، {name}، {place} {date} {other}{end}",
        st.sampled_from(TRIGGERS), st.sampled_from(TITLES), st.sampled_from(NAMES + ORGANISATIONS),
        st.sampled_from(PLACES), st.sampled_from(DATES), st.sampled_from(TITLES + NAMES + ORGANISATIONS),
        st.sampled_from([".", "؟", "!", "\n", "", "..."]))


def news_text(max_pieces: int = 40, controls: bool = False) -> st.SearchStrategy[str]:
    """Text mixing whole news-like sentences, known words and odd characters."""
    piece = st.one_of(_pieces(controls), _sentence())
    return st.lists(piece, max_size=max_pieces).map(" ".join)


def any_text(max_size: int = 60) -> st.SearchStrategy[str]:
    """News-like text, or any Unicode text at all (surrogates and controls included)."""
    return st.one_of(news_text(controls=True), st.text(max_size=max_size))


def headline() -> st.SearchStrategy[str | None]:
    return st.one_of(st.none(), st.sampled_from(TITLES + PLACES + TRIGGERS), news_text(max_pieces=6))
