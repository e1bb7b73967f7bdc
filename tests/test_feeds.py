"""Feeds and web pages as inputs: local files, file:// URLs and a stand-in fetcher (no network)."""

import pytest
from fake_coder import DATA, load_records

from polevents import feeds, store
from polevents.ingest import ingest, iter_inputs, watch

RSS, ATOM = DATA / "feed_small.rss", DATA / "feed_small.atom"
NOT_A_FEED, PAGE = DATA / "not_a_feed.xml", DATA / "page_small.html"


def collect(inputs, **kw):
    reports = []
    docs = list(feeds.iter_feed_documents([str(i) for i in inputs], report=reports.append, **kw))
    return docs, reports


def test_rss_entries_become_documents():
    docs, reports = collect([RSS])
    assert reports == [] and len(docs) == 2
    first = docs[0]
    assert first.id == "https://example.org/world/bennett-putin" and first.date == "2022-03-05"
    assert first.title == "Bennett holds talks with Putin in Moscow"
    assert first.source == "Example Wire" and first.language == "en"
    assert "<p>" not in first.text and first.text.endswith("in the Kremlin on Saturday.")
    assert first.text.startswith(first.title)  # the headline is coded too
    assert docs[1].id == "wire-0002" and docs[1].date == "2022-03-06"


def test_atom_entries_become_documents():
    [doc], _ = collect([ATOM])
    assert doc.id == "urn:example:atom-desk:1" and doc.date == "2022-03-10"
    assert doc.url == "https://example.org/atom/antalya" and doc.source == "Example Atom Desk"
    assert "Dmytro Kuleba" in doc.text


def test_a_bad_feed_is_reported_once_and_reading_goes_on():
    docs, reports = collect([NOT_A_FEED, RSS])
    assert len(docs) == 2 and len(reports) == 1
    assert reports[0].startswith(f"{NOT_A_FEED}: not an RSS or Atom feed") and "\n" not in reports[0]


def test_a_web_page_by_file_url():
    [doc], reports = collect([PAGE.as_uri()])
    assert reports == [] and doc.url == PAGE.as_uri() and doc.date == "2022-03-05"
    assert "Naftali Bennett held talks" in doc.text
    assert "tracking" not in doc.text and "Subscribe" not in doc.text and "Sport" not in doc.text


def test_a_url_that_does_not_answer():
    def refuse(url):
        raise feeds.FeedError(f"{url}: could not fetch ([Errno 111] Connection refused)")

    docs, reports = collect(["https://feeds.example.org/world.rss", RSS], fetcher=refuse)
    assert len(docs) == 2
    assert reports == ["https://feeds.example.org/world.rss: could not fetch ([Errno 111] Connection"
                       " refused)"]


def test_fetch_turns_failures_into_one_line(tmp_path):
    with pytest.raises(feeds.FeedError, match="could not fetch"):
        feeds.fetch((tmp_path / "missing.rss").as_uri())
    assert feeds.fetch(RSS.as_uri()).startswith(b"<?xml")


def test_feed_urls_and_full_text_through_a_stand_in_fetcher():
    pages = {"https://feeds.example.org/world.rss": RSS.read_bytes(),
             "https://example.org/world/bennett-putin": PAGE.read_bytes()}

    def fetcher(url):
        if url not in pages:
            raise feeds.FeedError(f"{url}: the server answered 404 Not Found")
        return pages[url]

    docs, reports = collect(["https://feeds.example.org/world.rss"], fetcher=fetcher, full_text=True)
    assert "then spoke with Ukrainian President" in docs[0].text  # the page, not the summary
    assert docs[1].text.endswith("Ukrainian officials said.")  # no page: the summary is kept
    assert reports == ["https://example.org/world/kharkiv: the server answered 404 Not Found;"
                       " using the feed's summary"]


def test_inputs_are_routed_by_kind():
    assert feeds.is_feed_input("https://x.org/a") and feeds.is_feed_input("news.rss")
    assert not feeds.is_feed_input("article.html") and not feeds.is_feed_input("docs.jsonl")
    docs = list(iter_inputs([str(RSS), str(ATOM)]))
    assert [d.source for d in docs] == ["Example Wire", "Example Wire", "Example Atom Desk"]


class KharkivCoder:
    """Stand-in coder: the fixture's Kharkiv report for every document that mentions Kharkiv."""

    version = "fixture"

    def __init__(self):
        from fake_coder import event_from_record

        self.record = next(r for r in load_records() if r["doc_id"] == "ap-1")
        self.make = event_from_record
        self.coded = 0

    def code(self, docs):
        for doc in docs:
            self.coded += 1
            if "Kharkiv" not in doc.text:
                yield doc, []
                continue
            rec = dict(self.record, doc_id=doc.id)
            start = doc.text.index("Russian forces shelled")
            shift = start - rec["source"]["start"]
            rec["trigger"] = dict(rec["trigger"], start=rec["trigger"]["start"] + shift,
                                  end=rec["trigger"]["end"] + shift)
            for who in ("source", "target", "reported_by"):
                rec[who] = dict(rec[who], start=rec[who]["start"] + shift,
                                end=rec[who]["end"] + shift)
            yield doc, [self.make(rec)]


def test_watch_ingests_what_is_new_and_only_that(tmp_path):
    path, coder, naps = tmp_path / "feeds.duckdb", KharkivCoder(), []
    summaries = watch([str(RSS), str(NOT_A_FEED)], path, coder, seconds=60, rounds=3,
                      sleep=naps.append, progress=False, report=lambda m: None)
    assert [s["stored"] for s in summaries] == [2, 0, 0] and naps == [60, 60]
    assert coder.coded == 2 and summaries[0]["events"] == 1
    assert all(s["skipped"] == 1 and "not an RSS" in s["skipped_reasons"][0] for s in summaries)
    assert store.counts(path) == {"documents": 2, "events": 1, "clusters": 1, "unclustered": 0}
    with store.connect(path, read_only=True) as con:
        text, start, end, src = con.execute(
            "SELECT d.text, e.source_start, e.source_end, e.source_text FROM events e"
            " JOIN documents d ON d.hash = e.doc_hash").fetchone()
    assert text[start:end] == src


def test_watch_stops_on_ctrl_c(tmp_path):
    def interrupt(seconds):
        raise KeyboardInterrupt

    summaries = watch([str(RSS)], tmp_path / "w.duckdb", KharkivCoder(), seconds=5,
                      sleep=interrupt, progress=False)
    assert len(summaries) == 1 and summaries[0]["stored"] == 2


def test_ingest_of_only_bad_inputs_stores_nothing(tmp_path):
    summary = ingest([str(NOT_A_FEED)], tmp_path / "x.duckdb", KharkivCoder(), progress=False,
                     report=lambda m: None)
    assert summary["documents"] == 0 and summary["skipped"] == 1
