"""Proclitics and the article (kg.text.clitics), on words written for these tests."""

import pytest

from kg.text.clitics import definite
from kg.text.normalize import normalize_for_matching


@pytest.mark.parametrize("word, is_definite", [
    ("الوفد", True), ("والوفد", True), ("بالزيارة", True), ("للوزير", True),
    ("وفد", False), ("زيارة", False), ("بزيارة", False), ("لوزير", False),
])
def test_clitics_definite_behind_proclitics(word, is_definite):
    assert definite(normalize_for_matching(word)) is is_definite
