"""Files to clean text: encodings, titles, HTML chrome dropped, unusable files refused clearly."""
from __future__ import annotations

import pytest

from bot.errors import InputError, UnsupportedInput
from bot.ingest.loaders import load_bytes

UKRAINIAN = "Зустріч у Римі\n\nЛідери пообіцяли допомогу Україні.\n"

PAGE = """<!doctype html><html><head><title>Leaders meet in Rome</title>
<script>var tracking = "do not keep me";</script></head><body>
<nav><ul><li>Home</li><li>World</li><li>Subscribe now</li></ul></nav>
<article><h1>Leaders meet in Rome</h1>
<p>Leaders of the coalition met in Rome on Thursday to discuss air defence for Ukraine.</p>
<p>The Prime Minister of Italy said that Europe will keep supporting Ukraine for as long as it takes.</p>
<p>Several countries pledged new packages of military aid, including air defence systems.</p>
</article><footer>Copyright Example News. All rights reserved. Cookie settings.</footer></body></html>"""


@pytest.mark.parametrize(
    ("data", "title", "first_words"),
    [
        pytest.param(UKRAINIAN.encode("utf-8"), "Зустріч у Римі", "Зустріч", id="utf8"),
        pytest.param(UKRAINIAN.encode("utf-8-sig"), "Зустріч у Римі", "Зустріч", id="utf8-bom"),
        pytest.param(UKRAINIAN.encode("utf-16"), "Зустріч у Римі", "Зустріч", id="utf16"),
        pytest.param(UKRAINIAN.encode("cp1251"), "Зустріч у Римі", "Зустріч", id="windows-1251"),
        pytest.param(b"One line only, no title.", None, "One line", id="no-title"),
    ],
)
def test_text_is_decoded_with_its_title(data: bytes, title: str | None, first_words: str) -> None:
    loaded = load_bytes(data, name="doc.txt")
    assert loaded.title == title
    assert loaded.text.startswith(first_words)


def test_html_keeps_the_article_and_drops_the_chrome() -> None:
    loaded = load_bytes(PAGE.encode(), name="page.html")
    assert "air defence for Ukraine" in loaded.text
    assert "as long as it takes" in loaded.text
    for chrome in ("Subscribe now", "do not keep me", "Cookie settings"):
        assert chrome not in loaded.text
    assert loaded.title == "Leaders meet in Rome"


@pytest.mark.parametrize(
    ("data", "name", "error", "message"),
    [
        pytest.param(b"", "empty.txt", InputError, "the file is empty", id="empty"),
        pytest.param(b"  \n\n ", "blank.txt", InputError, "the file is empty", id="blank"),
        pytest.param(bytes(range(256)) * 8, "blob.txt", UnsupportedInput, "binary", id="binary"),
        pytest.param(b"%PDF-1.7 stuff", "report.pdf", UnsupportedInput, ".txt, .md and .html", id="pdf"),
    ],
)
def test_unusable_files_get_a_clear_reason(data: bytes, name: str, error: type, message: str) -> None:
    with pytest.raises(error, match=message):
        load_bytes(data, name=name)


GERMAN = "Talks in München\n\nThe ministers met in München and agreed to meet again in Zürich next spring.\n"
UKRAINIAN_LONG = ("Зустріч у Києві\n\nМіністр оборони заявив, що партнери передадуть Україні нові системи "
                  "протиповітряної оборони до кінця року.\n")


@pytest.mark.parametrize(
    ("data", "text", "note"),
    [
        pytest.param(GERMAN.encode("cp1252"), GERMAN, "not UTF-8; read as Windows-1252", id="cp1252-german"),
        pytest.param(UKRAINIAN_LONG.encode("cp1251"), UKRAINIAN_LONG, "not UTF-8; read as Windows-1251",
                     id="cp1251-ukrainian"),
        pytest.param(UKRAINIAN_LONG.encode("koi8_u"), UKRAINIAN_LONG, "not UTF-8; read as KOI8-U",
                     id="koi8u-ukrainian"),
        pytest.param(UKRAINIAN_LONG.encode("utf-16"), UKRAINIAN_LONG, None, id="utf16-no-note"),
        pytest.param(UKRAINIAN_LONG.encode("utf-8"), UKRAINIAN_LONG, None, id="utf8-no-note"),
    ],
)
def test_legacy_encodings_are_detected_and_named(data: bytes, text: str, note: str | None) -> None:
    loaded = load_bytes(data, name="doc.txt")
    assert (loaded.text, loaded.note) == (text, note)


@pytest.mark.parametrize(
    ("damage", "replaced"),
    [
        pytest.param(b"\xff", 1, id="one-stray-byte"),
        pytest.param(b"\xc0\xaf", 2, id="overlong-pair"),
        pytest.param(b"\xd0", 1, id="cut-sequence"),
    ],
)
def test_utf8_with_a_few_bad_bytes_stays_utf8(damage: bytes, replaced: int) -> None:
    """A damaged byte in a UTF-8 readout costs one character, not the whole text (no mojibake)."""
    good = UKRAINIAN_LONG.encode("utf-8")
    cut = good.index(b" ", 40)
    loaded = load_bytes(good[:cut] + damage + good[cut:], name="doc.txt")
    assert loaded.text == UKRAINIAN_LONG[:len(good[:cut].decode())] + "\ufffd" * replaced \
        + UKRAINIAN_LONG[len(good[:cut].decode()):]
    plural = "s" if replaced > 1 else ""
    assert loaded.note == f"read as UTF-8 with {replaced} invalid byte{plural} replaced by \ufffd"
