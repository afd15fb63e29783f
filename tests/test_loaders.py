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
