"""Event records for the export tests, built from hand-made model.py events."""

from __future__ import annotations

from typing import Any

import pytest

from kroniek.model import Actor, Event


def _event(**changes: Any) -> Event:
    fields: dict[str, Any] = dict(
        doc_id="belarus_nl", doc_date="2020-08-12", sentence_index=7,
        sentence='Litouwen biedt "oppositieleider" Tichanovskaja, zegt men,\nonderdak aan.',
        source=Actor("de Litouwse leiders", 3120, 3139, "LTUGOV", "Lithuania", "LTU", "Q37"),
        target=Actor("oppositieleider Cichanoŭskaja", 3145, 3174, "BLROPP", "Sviatlana Cichanoŭskaja", "BLR"),
        cameo="075", cameo_name="Grant asylum", root="07", quad_class=2, goldstein=7.0,
        plover={"event_type": "AID", "mode": "asylum"}, date="2020-08-11", date_precision="day",
        location={"name": "Vilnius", "country": "LTU", "lat": 54.69, "lon": 25.28}, status="asserted",
        evidence={"start": 3100, "end": 3180, "rule": "nl:opvangen"}, confidence=0.82,
        extra={"location_source": "geonames:593116"},
    )  # fmt: skip
    fields.update(changes)
    return Event(**fields)


@pytest.fixture
def records() -> list[dict[str, Any]]:
    """Three records: a full one, one without target or place (and a tab in its text), an IGO one."""
    return [
        _event().record(),
        _event(sentence_index=8, sentence="Wit-Rusland\tprotesteert.", target=None, location=None,
               date=None, date_precision=None, cameo="111", cameo_name="Criticize", root="11",
               quad_class=3, goldstein=-2.0, evidence={"start": 3200, "end": 3230, "rule": "nl:protest"},
               source=Actor("Wit-Rusland", 3200, 3211, "BLRGOV", "Belarus\tgov", "BLR")).record(),
        _event(sentence_index=0, source=Actor("de EU", 10, 15, "IGOEUREEC", "European Union"),
               date="2020-08", date_precision="month", extra={"location_source": "country"},
               location={"name": "Litouwen", "country": "LTU", "lat": 55.0, "lon": 24.0}).record(),
    ]  # fmt: skip
