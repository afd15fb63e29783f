"""Every bad file gets the outcome its row in the table promises: clean text or a clear InputError."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import main
from bot.errors import InputError
from bot.ingest.loaders import flatten_nesting, load_bytes, load_file
from bot.wiring import open_store
from tests.hostile.bad_inputs import FILES, BadFile


@pytest.mark.parametrize("case", FILES)
def test_load_file_gives_text_or_a_clear_error(case: BadFile, tmp_path: Path) -> None:
    path = case.make(tmp_path)
    if case.error is not None:
        with pytest.raises(InputError, match=case.error) as err:
            load_file(path)
        assert case.name in str(err.value)  # the message names the file it is about
        return
    loaded = load_file(path)
    for fragment in case.has:
        assert fragment in loaded.text
    for fragment in case.lacks:
        assert fragment not in loaded.text


@pytest.mark.parametrize("case", FILES)
def test_cli_ingest_reports_one_line_and_stores_all_or_nothing(case: BadFile, tmp_path: Path) -> None:
    path = case.make(tmp_path)
    db = tmp_path / "hostile.db"
    result = CliRunner().invoke(main, ["ingest", "--db", str(db), str(path)], catch_exceptions=False)
    store = open_store(db)
    try:
        documents = list(store.documents())
        if case.error is not None:
            assert result.exit_code == 1
            assert result.stderr.startswith("error: ") and case.error in result.stderr
            assert "Traceback" not in result.stderr
            assert documents == []
        else:
            assert result.exit_code == 0, result.stderr
            (doc,) = documents
            assert store.db["sentences"].count > 0
            assert store.db["meetings"].count == 1
            assert all(fragment in doc["text"] for fragment in case.has)
    finally:
        store.close()


def test_a_document_too_large_is_refused_before_it_is_read(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as out:  # sparse: 50 MB on paper, nothing on disk
        out.truncate(50 * 1024 * 1024)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read a file over the limit"))
    with pytest.raises(InputError, match="51200 KB is larger than the 5120 KB limit"):
        load_file(path)


def test_bytes_over_the_limit_are_refused() -> None:
    with pytest.raises(InputError, match="larger than"):
        load_bytes(b"a" * (5 * 1024 * 1024 + 1), name="big.txt")


def test_a_directory_is_not_a_document(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory, not a file"):
        load_file(tmp_path)


def test_flattening_keeps_shallow_html_untouched() -> None:
    html = "<html><body><div><p>Hi &amp; <b>bye</b><br/></p><!-- c --></div></body></html>"
    assert flatten_nesting(html, max_depth=200) == html


def test_flattening_drops_only_the_deep_tags_and_keeps_entities() -> None:
    html = "<div>" * 5 + "Tom &amp; Jerry &#169;" + "</div>" * 5
    assert flatten_nesting(html, max_depth=2) == "<div><div>Tom &amp; Jerry &#169;</div></div>"


@pytest.mark.parametrize("text", ["", "\n\n", "\u200b\u200d\ufeff", "… — !!", "🇺🇦🇺🇦"])
def test_text_without_words_is_not_a_document(text: str) -> None:
    from bot.ingest.loaders import text_to_loaded

    with pytest.raises(InputError, match="post: no readable text"):
        text_to_loaded(text, name="post")


def test_a_text_too_long_to_extract_is_refused_with_its_length() -> None:
    from bot.ingest.loaders import MAX_TEXT_CHARS

    line = "The ministers met again and agreed to keep supporting Ukraine.\n"
    text = line * (MAX_TEXT_CHARS // len(line) + 1)
    with pytest.raises(InputError, match=r"long.txt: 300,0\d\d characters of text; one document may have "
                                         r"at most 300,000"):
        load_bytes(text.encode(), name="long.txt")
    html = f"<html><body><article><p>{text}</p></article></body></html>"
    with pytest.raises(InputError, match="characters of text"):
        load_bytes(html.encode(), name="long.html")
    assert load_bytes((line * 1000).encode(), name="fine.txt").text == line * 1000
