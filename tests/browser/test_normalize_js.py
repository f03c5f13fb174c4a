"""The page's name keys (normalize.js) agree with kg.text.normalize.name_key."""

from __future__ import annotations

import random

import pytest

from kg.text.normalize import name_key
from kg.viz import render_html, view_model

from ..viz.synthetic import synthetic_graph

CASES = [
    "عبد اللطيف الحموشي", "الحموشي", "عَبْدُ اللَّطِيفِ الحَمُّوشِي", "الحـــموشي", "أحمد", "إبراهيم", "آمنة", "ٱلله",
    "مصطفى", "موسى", "فاطمة", "مدرسة", "والمغرب", "بالرباط", "للتعاون", "فالأمر", "لله", "ال", "الم", "المغ",
    "لا", "\ufefb\ufef7", "٢٠٢٤", "۱۴۰۲", "كتاب\u06cc", "\u06a9تاب", "مجلس\u00a0الأمن", "سالم\u200fالحارثي",
    "\u202eالحارثي\u202c", "سالم\u2066 الحارثي\u2069", "وزير الخارجية، ناصر بوريطة.", "«الأمم المتحدة»",
    "Salem Al-Harthi", "Al_Harthi", "a\u0301b", "الإمارات العربية المتحدة", "  فراغ   كثير  ", "ـــ", "",
    "\u0627\u0654", "\u0610\u0611تجربة", "x\u200dy", "رقم 12٫5", "🙂 الوجه", "ﻻ\u064b", "الـلـه",
]
ALPHABET = ("ابتثجحخدذرسشصضطظعغفقكلمنهويءآأإؤئىةـ\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670"
            "٠١٢٣٤٥٦٧٨٩۰۱۲ یک ،.-_«»\u200c\u200f\u202b\u2067ﻻﻷ abcXYZ19")


@pytest.fixture(scope="module")
def page_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("normalize") / "graph.html"
    path.write_text(render_html(view_model(synthetic_graph(10))), encoding="utf-8")
    return path


def random_strings(count: int, seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(ALPHABET) for _ in range(rng.randrange(1, 16))) for _ in range(count)]


def test_browser_name_keys_match_python(open_page, page_file):
    opened = open_page(page_file)
    strings = CASES + random_strings(500)
    keys = opened.evaluate("(strings) => strings.map(window.kgNormalize.nameKey)", strings)
    mismatches = [(text, key, name_key(text)) for text, key in zip(strings, keys) if key != name_key(text)]
    assert mismatches == []
