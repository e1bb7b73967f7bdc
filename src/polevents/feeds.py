"""Documents from RSS and Atom feeds (feedparser) and web pages (trafilatura), from files or URLs.

An input is handled here when it is a URL (http, https or file) or a file ending in .rss, .atom
or .xml. A URL that answers with a feed gives one document per entry; any other answer is taken
as a web page and its main text is extracted. A bad feed, a page without text or a URL that does
not answer is reported in one line and skipped: the other inputs are still read.
"""

from __future__ import annotations

import hashlib
import html
import re
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from polevents.model import Document

FEED_SUFFIXES = {".rss", ".atom", ".xml"}
URL_SCHEMES = ("http://", "https://", "file://")
USER_AGENT = "polevents (+https://github.com/polevents)"


class FeedError(Exception):
    """A feed or page that could not be read: one line for the user."""


def is_feed_input(name: str) -> bool:
    return name.startswith(URL_SCHEMES) or Path(name).suffix.lower() in FEED_SUFFIXES


def fetch(url: str, timeout: float = 20.0) -> bytes:
    """The bytes at a URL; any failure becomes a one-line FeedError."""
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.read()
    except urllib.error.HTTPError as exc:
        raise FeedError(f"{url}: the server answered {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise FeedError(f"{url}: could not fetch ({exc.reason})") from None
    except (OSError, ValueError) as exc:
        raise FeedError(f"{url}: could not fetch ({exc})") from None


def _strip_html(value: str) -> str:
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", value or "", flags=re.S | re.I)
    text = re.sub(r"<br\s*/?>|</p>|</div>", "\n", text, flags=re.I)
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    lines = (re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _entry_date(entry) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return time.strftime("%Y-%m-%d", value)
    return None


def parse_feed(data: bytes, origin: str):
    """The parsed feed, or FeedError when the bytes are not an RSS or Atom feed."""
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception")
        why = f" ({str(reason).splitlines()[0]})" if reason else ""
        raise FeedError(f"{origin}: not an RSS or Atom feed{why}")
    return parsed


def feed_documents(data: bytes, origin: str, default_date: str | None = None,
                   full_text: bool = False, fetcher: Callable[[str], bytes] = fetch,
                   report: Callable[[str], None] = print) -> list[Document]:
    """One document per feed entry: its title and text (or, with full_text, the linked page)."""
    parsed = parse_feed(data, origin)
    outlet = parsed.feed.get("title") or None
    language = (parsed.feed.get("language") or "")[:2] or None
    docs = []
    for entry in parsed.entries:
        title = _strip_html(entry.get("title", ""))
        body = ""
        if entry.get("content"):
            body = _strip_html(entry.content[0].get("value", ""))
        body = body or _strip_html(entry.get("summary", ""))
        link = entry.get("link")
        if full_text and link:
            try:
                page = page_document(fetcher(link), link)
                body = page.text or body
            except FeedError as exc:
                report(f"{exc}; using the feed's summary")
        text = body if not title or body.startswith(title) else f"{title}\n\n{body}".strip()
        if not text.strip():
            report(f"{origin}: entry {link or title!r} has no text, skipped")
            continue
        doc_id = entry.get("id") or link or hashlib.sha1(text.encode()).hexdigest()[:16]
        docs.append(Document(id=doc_id, text=text, date=_entry_date(entry) or default_date,
                             title=title or None, url=link, source=outlet, language=language))
    return docs


def page_document(data: bytes, url: str, default_date: str | None = None) -> Document:
    """The main text of a web page, with its title, date and site name when trafilatura finds them."""
    import json

    import trafilatura

    found = trafilatura.extract(data, url=url, output_format="json", with_metadata=True,
                                include_comments=False, include_tables=False)
    meta = json.loads(found) if found else {}
    text = (meta.get("text") or "").strip()
    if not text:
        raise FeedError(f"{url}: no article text found on the page")
    date = meta.get("date")
    return Document(id=url, text=text, date=(date[:10] if date else default_date),
                    title=meta.get("title"), url=url, source=meta.get("sitename") or meta.get("hostname"),
                    language=meta.get("language"))


def iter_feed_documents(inputs: Iterable[str], default_date: str | None = None,
                        report: Callable[[str], None] = print, full_text: bool = False,
                        fetcher: Callable[[str], bytes] = fetch) -> Iterator[Document]:
    """Documents from feed files and URLs; each bad input is reported once and skipped."""
    for name in inputs:
        try:
            if name.startswith(URL_SCHEMES):
                data = fetcher(name)
                try:
                    docs = feed_documents(data, name, default_date, full_text, fetcher, report)
                except FeedError:
                    docs = [page_document(data, name, default_date)]
            else:
                try:
                    data = Path(name).read_bytes()
                except OSError as exc:
                    raise FeedError(f"{name}: cannot read ({exc.strerror})") from None
                docs = feed_documents(data, name, default_date, full_text, fetcher, report)
        except FeedError as exc:
            report(str(exc))
            continue
        yield from docs
