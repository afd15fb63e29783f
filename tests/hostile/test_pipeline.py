"""Any bytes a user sends end as a stored document or a clear InputError; never a crash or half a document."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.errors import InputError
from bot.ingest.loaders import load_bytes
from bot.ingest.pipeline import DocumentInput, build_document, ingest_document
from bot.wiring import open_store
from storage.store import Store
from tests.hostile.consistency import store_problems

NAMES = ["readout.txt", "notes.md", "page.html", "README", "photo.jpg", "archive.tar.gz", ".txt", "x.HTML"]
CONTENT_TYPES = [None, "text/plain", "text/html; charset=utf-8", "application/octet-stream", "image/png"]
SNIPPETS = ["Leaders met in Oslo on 3 May 2025. ", "Anna Berg said Norway will send aid. ", "<html>",
            "<body>", "<p>", "</p>", "<script>alert(1)</script>", "\u200b", "🇺🇦", "Україна ", "\r\n", "\x00"]
encodings = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1251", "latin-1"])
texty = st.builds(lambda parts, enc: "".join(parts).encode(enc, errors="replace"),
                  st.lists(st.sampled_from(SNIPPETS), max_size=40), encodings)
payloads = st.binary(max_size=2000) | texty | st.builds(lambda a, b: a + b, texty, st.binary(max_size=50))


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    s = open_store(tmp_path_factory.mktemp("ingest") / "ingest.db")
    yield s
    s.close()


def whole_or_absent(store: Store, doc_id: str) -> bool:
    """Return whether the document is there with its meeting and sentences, or not there at all."""
    has_doc = store.document(doc_id) is not None
    has_meeting = bool(store.db.execute("select 1 from meetings where doc_id = ?", [doc_id]).fetchone())
    has_sentences = bool(store.db.execute("select 1 from sentences where doc_id = ?", [doc_id]).fetchone())
    return has_doc == has_meeting == has_sentences


@settings(max_examples=200, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(payloads, st.sampled_from(NAMES), st.sampled_from(CONTENT_TYPES))
def test_any_bytes_give_a_stored_document_or_a_clear_error(
        store: Store, data: bytes, name: str, content_type: str | None) -> None:
    before = store.db["documents"].count
    try:
        loaded = load_bytes(data, name=name, content_type=content_type)
    except InputError as err:
        assert name in str(err) and "\n" not in str(err)
        assert store.db["documents"].count == before
        return
    assert loaded.text.strip() and "\x00" not in loaded.text
    doc = build_document(DocumentInput(title=None), loaded)
    result = ingest_document(store, doc)
    assert result.status in {"new", "updated", "unchanged"}
    assert store.document(result.doc_id) is not None
    assert whole_or_absent(store, result.doc_id)


def test_the_store_is_sound_after_every_example(store: Store) -> None:
    # Runs after the property test in this module: the file it leaves must pass every check.
    assert store.db["documents"].count > 10  # the property did store documents, not only refuse them
    assert store_problems(Path(store.db.execute("PRAGMA database_list").fetchone()[2])) == []


def test_a_failing_save_leaves_no_trace(store: Store) -> None:
    doc = build_document(DocumentInput(url="https://example.org/fails"),
                         load_bytes(b"Leaders met in Bern on 2 June 2025.\n", name="bern.txt"))

    def explode(*_args: object) -> None:
        raise RuntimeError("disk full, say")

    store.write_hooks.append(explode)
    try:
        with pytest.raises(RuntimeError):
            ingest_document(store, doc)
    finally:
        store.write_hooks.remove(explode)
    assert store.document(doc.key) is None
    assert whole_or_absent(store, doc.key)


@pytest.mark.parametrize(("line", "message"), [
    pytest.param('{"path": 123}', '"path" must be a string', id="path-number"),
    pytest.param('{"path": ["a.txt"]}', '"path" must be a string', id="path-list"),
    pytest.param('{"url": {"href": "x"}}', '"url" must be a string', id="url-object"),
    pytest.param('{"path": "a.txt", "title": 5}', '"title" must be a string', id="title-number"),
    pytest.param('[1, 2]', 'needs a "path" or a "url"', id="a-list"),
    pytest.param('{"path": "a.txt"', "Expecting", id="cut-json"),
    pytest.param("[" * 50_000, "nested too deeply", id="deep-brackets"),
    pytest.param("[" * 100_000, "97 KB long; a line may have at most 64 KB", id="deep-and-long-brackets"),
    pytest.param('{"path": "a.txt", "published": "2025-13-45"}', "'2025-13-45' is not a real date",
                 id="impossible-date"),
    pytest.param('{"path": "a.txt", "title": "' + "T" * 5_000_000 + '"}',
                 "KB long; a line may have at most 64 KB", id="five-megabyte-title"),
    pytest.param('{"path": "a.txt", "title": "' + "T" * 20_000 + '"}',
                 '"title" has 20,000 characters; at most 500', id="long-title"),
    pytest.param('{"url": "https://example.org/' + "a" * 3000 + '"}', '"url" has 3,020 characters',
                 id="long-url"),
])
def test_a_bad_manifest_line_is_one_error(tmp_path: Path, line: str, message: str) -> None:
    from bot.ingest.pipeline import read_manifest

    manifest = tmp_path / "m.jsonl"
    manifest.write_text(line + "\n" + '{"path": "good.txt", "published": 20250503}\n', encoding="utf-8")
    bad, good = list(read_manifest(manifest))
    assert isinstance(bad, InputError) and str(bad).startswith("m.jsonl line 1: ") and message in str(bad)
    assert isinstance(good, DocumentInput) and good.path == str(tmp_path / "good.txt")


def test_a_manifest_with_a_byte_order_mark_reads_its_first_line(tmp_path: Path) -> None:
    from bot.ingest.pipeline import read_manifest

    manifest = tmp_path / "m.jsonl"
    manifest.write_bytes('{"path": "a.txt", "published": "2025-05-03"}\n{"url": "https://example.org/b"}\n'
                         .encode("utf-8-sig"))
    assert list(read_manifest(manifest)) == [
        DocumentInput(path=str(tmp_path / "a.txt"), published="2025-05-03"),
        DocumentInput(url="https://example.org/b")]


def test_cli_ingests_the_good_lines_of_a_hostile_manifest(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from bot.cli import main

    (tmp_path / "good.txt").write_text("Talks in Rome\n\nThe ministers met in Rome on 2 May 2025.\n",
                                       encoding="utf-8")
    lines = ["[" * 100_000, '{"path": "good.txt", "published": "2025-13-45"}',
             '{"path": "good.txt", "title": "' + "T" * 5_000_000 + '"}',
             '{"path": "good.txt", "published": "2025-05-02", "title": "Talks in Rome"}']
    (tmp_path / "m.jsonl").write_bytes("\n".join(lines).encode("utf-8-sig"))
    result = CliRunner().invoke(main, ["ingest", "--db", str(tmp_path / "m.db"), "--manifest",
                                       str(tmp_path / "m.jsonl")], catch_exceptions=False)
    assert result.exit_code == 1
    assert result.stdout.splitlines()[-1] == "documents: 1 new, 0 updated, 0 unchanged, 3 failed; 0 facts"
    errors = result.stderr.splitlines()
    assert [line[:len("error: m.jsonl line 1: ")] for line in errors] == [
        f"error: m.jsonl line {n}: " for n in (1, 2, 3)]
    assert all(len(line) < 200 for line in errors)


def test_a_manifest_that_is_not_utf8_is_one_error(tmp_path: Path) -> None:
    from bot.ingest.pipeline import read_manifest

    manifest = tmp_path / "m.jsonl"
    manifest.write_bytes('{"path": "a.txt"}\n'.encode("utf-16"))
    (error,) = list(read_manifest(manifest))
    assert isinstance(error, InputError) and "cannot be read as UTF-8 JSON Lines" in str(error)
