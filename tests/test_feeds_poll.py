"""Polling feeds served by a real HTTP server on 127.0.0.1: good, changing, broken, slow, failing."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.feeds.poll import MAX_ITEM_ATTEMPTS, parse_feed, poll_due
from bot.feeds.store import add_feed, list_feeds
from bot.ingest.fetch import FetchLimits
from storage.store import Store
from tests.local_site import ARTICLE_PAGE, Route, Site, atom, rss, site_fixture  # noqa: F401 - the site fixture

NOW = dt.datetime(2026, 2, 3, 12, 0, tzinfo=dt.UTC)
FAST = FetchLimits(connect_timeout=2, read_timeout=0.5, allow_private=True)


def article(site: Site, path: str, *, text: str = ARTICLE_PAGE) -> str:
    site.routes[path] = Route(body=text)
    return site.url(path)


def documents(store: Store) -> list[tuple[str, str, str]]:
    return [(d["url"], d["title"], d["published"]) for d in store.db["documents"].rows_where(order_by="url")]


def notices(store: Store) -> list[str]:
    return [r["payload"] for r in store.db["alerts"].rows_where("kind = 'notice'", order_by="id")]


def test_good_rss_feed_is_ingested_once_and_then_not_modified(store: Store, site: Site) -> None:
    one, two = article(site, "/news/1"), article(site, "/news/2", text=ARTICLE_PAGE.replace("Oslo", "Bergen"))
    site.routes["/rss"] = Route(
        body=rss(("g1", one, "Ministers meet in Oslo"), ("g2", two, "Ministers meet in Bergen")),
        content_type="application/rss+xml",
        etag='"feed-v1"',
    )
    add_feed(store.db, url=site.url("/rss"), now=NOW)
    [first] = poll_due(store, now=NOW, limits=FAST)
    [second] = poll_due(store, now=NOW, limits=FAST)
    assert first.describe() == f"ok: {site.url('/rss')}: 2 new items, 2 ingested, 0 failed"
    assert second.describe() == f"ok: {site.url('/rss')}: not modified, 0 ingested, 0 failed"
    assert site.requests[-1][1]["if-none-match"] == '"feed-v1"'
    assert documents(store) == [
        (one, "Ministers meet in Oslo", "2026-02-03"),
        (two, "Ministers meet in Bergen", "2026-02-03"),
    ]
    assert all("Norway pledged 200 million euros" in d["text"] for d in store.db["documents"].rows)
    assert (site.hits("/news/1"), list_feeds(store.db)[0].title) == (1, "Example news")


def test_atom_feed_is_ingested(store: Store, site: Site) -> None:
    link = article(site, "/a/1")
    site.routes["/atom"] = Route(
        body=atom(("urn:1", link, "Atom entry")), content_type="application/atom+xml"
    )
    add_feed(store.db, url=site.url("/atom"), now=NOW)
    [outcome] = poll_due(store, now=NOW, limits=FAST)
    assert (outcome.ok, documents(store)) == (True, [(link, "Atom entry", "2026-02-04")])


def test_a_feed_that_changes_between_polls_yields_only_the_new_item(store: Store, site: Site) -> None:
    one, two = article(site, "/n/1"), article(site, "/n/2", text=ARTICLE_PAGE.replace("Oslo", "Tromso"))
    site.routes["/changing"] = Route(body=rss(("1", one, "First")), content_type="application/rss+xml")
    add_feed(store.db, url=site.url("/changing"), now=NOW)
    poll_due(store, now=NOW, limits=FAST)
    site.routes["/changing"] = Route(
        body=rss(("2", two, "Second"), ("1", one, "First")), content_type="application/rss+xml"
    )
    [outcome] = poll_due(store, now=NOW + dt.timedelta(minutes=30), limits=FAST)
    assert (outcome.new_items, outcome.ingested) == (1, 1)
    assert (site.hits("/n/1"), site.hits("/n/2")) == (1, 1)


@pytest.mark.parametrize(
    ("route", "reason"),
    [
        pytest.param(
            Route(
                body="<?xml version='1.0'?><rss version='2.0'><channel><title>x</tit",
                content_type="application/rss+xml",
            ),
            "malformed feed",
            id="malformed-xml",
        ),
        pytest.param(Route(body=rss(), delay=3), "timed out", id="slow"),
        pytest.param(Route(status=500, body="boom"), "HTTP 500", id="500"),
        pytest.param(None, "HTTP 404", id="404"),
        pytest.param(Route(body=ARTICLE_PAGE), "an HTML page, not a feed", id="html-page"),
        pytest.param(Route(body="just some words", content_type="text/plain"), "malformed feed", id="text"),
    ],
)
def test_a_failing_feed_backs_off_is_reported_once_and_spares_the_others(
    store: Store, site: Site, route: Route | None, reason: str
) -> None:
    if route is not None:
        site.routes["/bad"] = route
    link = article(site, "/ok/1")
    site.routes["/good"] = Route(body=rss(("1", link, "Fine")), content_type="application/rss+xml")
    add_feed(store.db, url=site.url("/bad"), now=NOW)
    add_feed(store.db, url=site.url("/good"), now=NOW + dt.timedelta(seconds=1))
    bad, good = poll_due(store, now=NOW, limits=FAST)
    assert (bad.ok, reason in (bad.error or ""), good.ingested) == (False, True, 1)
    assert [f.url for f in poll_due(store, now=NOW + dt.timedelta(minutes=4), limits=FAST)] == [
        site.url("/good")
    ]
    again, _ = poll_due(store, now=NOW + dt.timedelta(minutes=6), limits=FAST)
    feed = list_feeds(store.db)[0]
    assert (again.ok, feed.failures, feed.next_attempt_at) == (False, 2, "2026-02-03T12:16:00+00:00")
    assert len(notices(store)) == 1 and reason in notices(store)[0]


def test_recovery_ends_the_streak_so_a_new_failure_is_reported_again(store: Store, site: Site) -> None:
    add_feed(store.db, url=site.url("/flaky"), now=NOW)
    poll_due(store, now=NOW, limits=FAST)  # 404
    site.routes["/flaky"] = Route(body=rss(), content_type="application/rss+xml")
    [ok] = poll_due(store, now=NOW, force=True, limits=FAST)
    del site.routes["/flaky"]
    poll_due(store, now=NOW + dt.timedelta(hours=1), limits=FAST)
    assert ok.ok and list_feeds(store.db)[0].failures == 1
    assert [n.split(": ")[0] for n in notices(store)] == [
        '{"text":"Feed failing, retrying with backoff',
        '{"text":"Feed works again after 1 failed polls',
        '{"text":"Feed failing, retrying with backoff',
    ]


def test_an_item_whose_page_fails_is_retried_then_reported_once(store: Store, site: Site) -> None:
    site.routes["/items"] = Route(
        body=rss(("gone", site.url("/gone"), "Gone page")), content_type="application/rss+xml"
    )
    add_feed(store.db, url=site.url("/items"), now=NOW)
    for minutes in range(MAX_ITEM_ATTEMPTS + 2):
        poll_due(store, now=NOW + dt.timedelta(minutes=30 * minutes), limits=FAST)
    assert site.hits("/gone") == MAX_ITEM_ATTEMPTS
    assert len(notices(store)) == 1 and "HTTP 404" in notices(store)[0]


def test_items_without_http_links_are_skipped() -> None:
    content = rss(("1", "javascript:alert(1)", "Bad"), ("2", "https://news.example/2", "Good")).encode()
    title, items = parse_feed(content, url="https://news.example/rss")
    assert (title, [i["link"] for i in items]) == ("Example news", ["https://news.example/2"])


def test_feed_with_a_stray_ampersand_is_still_read() -> None:
    content = rss(("1", "https://news.example/1", "Talks & aid")).encode()
    assert [i["title"] for i in parse_feed(content, url="https://news.example/rss")[1]] == ["Talks & aid"]


def test_validators_are_kept_when_a_304_does_not_repeat_them(store: Store, site: Site) -> None:
    site.routes["/rss"] = Route(
        body=rss(), content_type="application/rss+xml", etag='"v7"', validators_on_304=False
    )
    add_feed(store.db, url=site.url("/rss"), now=NOW)
    for _ in range(3):
        poll_due(store, now=NOW, limits=FAST)
    assert [headers.get("if-none-match") for _, headers in site.requests] == [None, '"v7"', '"v7"']


def test_a_public_feed_cannot_lead_into_the_local_network(
    store: Store, site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    import bot.feeds.poll

    monkeypatch.setattr(bot.feeds.poll, "is_private_host", lambda host: False)  # the feed counts as public
    link = article(site, "/internal/secret")
    site.routes["/rss"] = Route(body=rss(("1", link, "Secret")), content_type="application/rss+xml")
    add_feed(store.db, url=site.url("/rss"), now=NOW)
    [outcome] = poll_due(store, now=NOW, limits=FAST)
    assert (outcome.ingested, outcome.failed_items, site.hits("/internal/secret")) == (0, 1, 0)
    assert "private network" in store.db["feed_items"].get((site.url("/rss"), "1"))["error"]


def test_a_slow_feed_never_holds_up_the_feeds_after_it(store: Store, site: Site) -> None:
    """The slow feed answers only once the next feed was fetched: polled one by one, it would
    have hit its deadline first (and failed); polled side by side, both are fine."""
    link = article(site, "/ok/1")
    site.routes["/slow"] = Route(body=rss(("s", link, "Slow")), content_type="application/rss+xml",
                                 wait_for="/fast")
    site.routes["/fast"] = Route(body=rss(("f", link, "Fast")), content_type="application/rss+xml")
    add_feed(store.db, url=site.url("/slow"), now=NOW)
    add_feed(store.db, url=site.url("/fast"), now=NOW + dt.timedelta(seconds=1))
    limits = FetchLimits(read_timeout=5, total_timeout=3, allow_private=True)
    slow, fast = poll_due(store, now=NOW, limits=limits)
    assert (slow.url, slow.ok, fast.url, fast.ok) == (site.url("/slow"), True, site.url("/fast"), True)
    assert slow.error is None and fast.error is None


def test_a_feed_dripping_its_headers_fails_at_the_deadline_and_the_next_is_polled(
    store: Store, site: Site
) -> None:
    link = article(site, "/ok/1")
    site.routes["/drip"] = Route(drip=0.05)
    site.routes["/good"] = Route(body=rss(("1", link, "Fine")), content_type="application/rss+xml")
    add_feed(store.db, url=site.url("/drip"), now=NOW)
    add_feed(store.db, url=site.url("/good"), now=NOW + dt.timedelta(seconds=1))
    # The deadline leaves the good feed seconds to spare even on a loaded machine; the drip,
    # a byte every 0.05 s, would otherwise go on for as long as its client waits.
    limits = FetchLimits(read_timeout=0.5, total_timeout=3, allow_private=True)
    drip, good = poll_due(store, now=NOW, limits=limits)
    assert (drip.ok, drip.error, good.ingested) == (
        False, f"{site.url('/drip')}: took longer than 3 s in all", 1)
