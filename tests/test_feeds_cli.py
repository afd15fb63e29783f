"""``pledgebot feeds add|remove|list|poll`` against a real feed on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from bot.cli import main
from tests.local_site import ARTICLE_PAGE, Route, Site, rss, site_fixture  # noqa: F401 - the site fixture


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def test_add_list_poll_remove(tmp_path: Path, site: Site) -> None:
    db = str(tmp_path / "feeds.db")
    site.routes["/p/1"] = Route(body=ARTICLE_PAGE)
    site.routes["/rss"] = Route(
        body=rss(("1", site.url("/p/1"), "Oslo talks")), content_type="application/rss+xml"
    )
    feed = site.url("/rss")
    assert run("feeds", "add", feed, "--db", db) == (0, f"added: {feed}\n")
    assert run("feeds", "add", feed, "--db", db) == (0, f"already there: {feed}\n")
    assert run("feeds", "list", "--db", db) == (0, f"{feed}: ok, last polled never\n")
    assert run("feeds", "poll", "--db", db) == (0, f"ok: {feed}: 1 new items, 1 ingested, 0 failed\n")
    code, listed = run("feeds", "list", "--db", db)
    assert listed.startswith(f"{feed} (Example news): ok, last polled 20")
    assert run("feeds", "remove", feed, "--db", db) == (0, f"removed: {feed}\n")
    assert run("feeds", "list", "--db", db) == (0, "")


def test_failures_are_one_line_messages(tmp_path: Path, site: Site) -> None:
    db = str(tmp_path / "feeds.db")
    assert run("feeds", "add", "ftp://example.org/feed", "--db", db) == (
        1,
        "Error: ftp://example.org/feed: only http and https URLs can be fetched\n",
    )
    assert run("feeds", "remove", "https://nowhere.example/rss", "--db", db) == (
        1,
        "Error: no feed https://nowhere.example/rss\n",
    )
    run("feeds", "add", site.url("/missing"), "--db", db)
    assert run("feeds", "poll", "--db", db) == (
        0,
        f"failed: {site.url('/missing')}: {site.url('/missing')}: HTTP 404 Not Found\n",
    )
    code, listed = run("feeds", "list", "--db", db)
    assert "failing (1x, next try 20" in listed and listed.endswith("HTTP 404 Not Found\n")
