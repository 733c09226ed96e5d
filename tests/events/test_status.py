"""What happened kept apart from what was negated, hypothesised, demanded or reported."""

from __future__ import annotations

import pytest

from kroniek.model import Document
from kroniek.pipeline import default_analyzer


def _statuses(text: str) -> set[tuple[str, str]]:
    (result,) = default_analyzer().analyze([Document("t", text, "2024-03-15", "nl")])
    return {(e.cameo, e.status) for e in result.events}


@pytest.mark.parametrize(
    ("text", "code", "status"),
    [
        ("De Europese Unie heeft nieuwe sancties opgelegd aan Rusland.", "163", "asserted"),
        ("De Europese Unie heeft geen sancties opgelegd aan Rusland.", "163", "negated"),
        ("De Europese Unie legt Rusland geen nieuwe sancties op.", "163", "negated"),
        ("Rusland heeft Oekraïne niet aangevallen.", "190", "negated"),
        ("De Europese Unie zal sancties opleggen aan Rusland.", "163", "hypothetical"),
        ("De Europese Unie kan sancties opleggen aan Rusland.", "163", "hypothetical"),
        ("Als Rusland doorgaat, legt de Europese Unie sancties op aan Rusland.", "163", "hypothetical"),
    ],
)
def test_status_of_an_act(text: str, code: str, status: str) -> None:
    assert (code, status) in _statuses(text)
