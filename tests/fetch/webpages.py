"""Article pages and feeds written for the web tests (ours, not copied from any site)."""

from __future__ import annotations

from xml.sax.saxutils import escape


def article_html(title: str, body: str, date: str = "2020-08-12") -> str:
    """An article page as a news site serves one: navigation, the article, a footer."""
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in body.split("\n\n"))
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{escape(title)}</title><meta property='article:published_time' content='{date}T08:00:00Z'>"
        "</head><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{escape(title)}</h1>{paragraphs}</article>"
        "<footer>Copyright the Example Herald</footer></body></html>"
    )


def rss(items: list[tuple[str, str]], title: str = "Example Herald") -> str:
    """An RSS 2.0 feed of (title, link) items."""
    entries = "".join(
        f"<item><title>{escape(t)}</title><link>{escape(link)}</link><guid>{escape(link)}</guid>"
        "<pubDate>Wed, 12 Aug 2020 08:00:00 GMT</pubDate></item>"
        for t, link in items
    )
    return (f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>{title}</title>"
            f"<link>http://example.org/</link><description>news</description>{entries}</channel></rss>")


def atom(items: list[tuple[str, str]]) -> str:
    """An Atom feed of (title, link) entries."""
    entries = "".join(
        f"<entry><title>{escape(t)}</title><link href='{escape(link)}'/><id>{escape(link)}</id>"
        "<updated>2020-08-12T08:00:00Z</updated></entry>"
        for t, link in items
    )
    return ("<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
            f"<title>Example</title><id>urn:example</id><updated>2020-08-12T08:00:00Z</updated>{entries}</feed>")
