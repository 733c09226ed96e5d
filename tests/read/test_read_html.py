"""HTML pages: main text without boilerplate, title, date and URL."""

from __future__ import annotations

from pathlib import Path

import pytest

from kroniek.errors import Errors, InputError
from kroniek.read.html import declared_charset, page_from_bytes

RESOURCES = Path(__file__).parent / "resources"
NEWS_PAGE = RESOURCES / "nieuws" / "buitenland" / "litouwen_asiel.html"


@pytest.fixture(scope="module")
def page():
    return page_from_bytes(NEWS_PAGE.read_bytes(), str(NEWS_PAGE))


def test_article_paragraphs_are_the_text(page) -> None:
    paragraphs = page.text.split("\n")
    assert len(paragraphs) == 5
    assert paragraphs[0].startswith("De Wit-Russische oppositieleider Svetlana Tichanovskaja")
    assert paragraphs[-1].endswith("weigerde een gesprek met de oppositie.")
    assert "Linkevičius" in page.text and "officiële" in page.text


@pytest.mark.parametrize(
    "boilerplate",
    ["cookies", "Akkoord", "Binnenland", "Zoeken", "Lees ook", "Colofon", "Alle rechten", "Marieke"],
)
def test_navigation_banner_footer_and_byline_are_dropped(page, boilerplate: str) -> None:
    assert boilerplate not in page.text


def test_metadata_title_date_and_url(page) -> None:
    assert page.title == "Litouwen biedt Wit-Russische oppositieleider Tichanovskaja onderdak"
    assert page.date == "2020-08-12"
    assert page.url == "https://www.dekroniek.example/buitenland/2020/08/12/litouwen-biedt-tichanovskaja-onderdak"


def test_title_is_not_repeated_in_text(page) -> None:
    assert page.title not in page.text


def test_short_brief_in_declared_cp1252_is_kept_without_its_headline() -> None:
    data = (RESOURCES / "kort_bericht.html").read_bytes()
    assert declared_charset(data) == "windows-1252"
    brief = page_from_bytes(data, "kort_bericht.html")
    assert brief.title == "Polen sluit grensovergang met Wit-Rusland"
    assert brief.text.startswith("Polen heeft dinsdag de grensovergang bij Kuźnica gesloten.")
    assert "één dag na" in brief.text
    assert "Voorpagina" not in brief.text and "©" not in brief.text
    assert brief.date == "2021-11-09"
    assert brief.url == "https://regio.example.nl/kort/polen-sluit-grensovergang"


def test_page_without_main_text_is_an_error() -> None:
    with pytest.raises(InputError) as caught:
        page_from_bytes((RESOURCES / "alleen_navigatie.html").read_bytes(), "alleen_navigatie.html")
    assert caught.value.error is Errors.E011
    assert str(caught.value) == "alleen_navigatie.html: HTML page has no main text [E011]"


def test_page_without_date_metadata_has_no_date() -> None:
    body = "De Kamer debatteerde over Wit-Rusland. " * 5
    html = f"<html><body><article><p>{body}</p></article></body></html>"
    page = page_from_bytes(html.encode(), "x.html")
    assert page.date is None and page.url is None
    assert page.text.startswith("De Kamer debatteerde")
