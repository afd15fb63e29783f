"""Bytes to text: UTF-8 first, a few bad bytes replaced; else the likely legacy encoding, detected.

A readout saved as UTF-8 with one damaged byte is still UTF-8: decoding all of it as Windows-1251
turned every Ukrainian letter into two Cyrillic ones ("Р—РµР»..."). Text with no valid UTF-8
sequence at all was saved in a legacy code page; which one is a guess, made by charset-normalizer
among the encodings news text in English and Ukrainian actually comes in, and always reported.
"""
from __future__ import annotations

from dataclasses import dataclass

# The legacy encodings worth considering, in charset-normalizer's names (UTF-16 has its own path).
# Western European and Cyrillic ones only: with Central European code pages in the race, German
# text came out as Windows-1250 (the same letters, a wrong name in the report).
LIKELY_ENCODINGS = ("cp1252", "cp1251", "latin_1", "koi8_u", "koi8_r", "iso8859_5", "mac_cyrillic", "cp866")
COMMON_ENCODINGS = ("cp1252", "cp1251")
READABLE_NAMES = {"cp1252": "Windows-1252", "cp1251": "Windows-1251", "latin_1": "Latin-1",
                  "koi8_u": "KOI8-U", "koi8_r": "KOI8-R", "iso8859_5": "ISO-8859-5",
                  "mac_cyrillic": "Mac Cyrillic", "cp866": "CP866"}
# Invalid bytes allowed per valid multi-byte UTF-8 character before the text counts as legacy:
# real damage is a byte or two among many good characters (three in an English text naming Київ);
# legacy text has few valid sequences by chance ("Ві" in Windows-1251 is one) and a bad byte for
# nearly every other letter.
MAX_BAD_PER_GOOD = 0.5


@dataclass(frozen=True)
class Decoded:
    """Text and how it was read: the encoding used and how many bytes were replaced."""

    text: str
    encoding: str  # "utf-8", "utf-16", or a READABLE_NAMES value
    replaced: int = 0

    @property
    def note(self) -> str | None:
        """Return the line a report shows about the reading, or None for clean UTF-8."""
        if self.replaced:
            plural = "s" if self.replaced > 1 else ""
            return f"read as UTF-8 with {self.replaced} invalid byte{plural} replaced by \ufffd"
        if self.encoding not in ("utf-8", "utf-16"):
            return f"not UTF-8; read as {self.encoding}"
        return None


def decode_utf8_or_legacy(data: bytes) -> Decoded | None:
    """Decode ``data`` (no NUL bytes, no UTF-16 BOM) as UTF-8, damaged UTF-8 or a legacy encoding.

    Return None when the bytes are neither UTF-8 nor, with any confidence, a likely legacy encoding.
    """
    try:
        return Decoded(data.decode("utf-8-sig"), "utf-8")
    except UnicodeDecodeError:
        pass
    lenient = data.decode("utf-8-sig", errors="replace")
    bad = lenient.count("\ufffd") - data.count("\ufffd".encode())
    good = sum(1 for ch in lenient if ord(ch) > 0x7F and ch != "\ufffd")
    if good and bad <= MAX_BAD_PER_GOOD * good:
        return Decoded(lenient, "utf-8", replaced=bad)
    return _legacy(data)


def _legacy(data: bytes) -> Decoded | None:
    """Return the text in the detected legacy encoding, or None when no encoding is a safe guess."""
    from charset_normalizer import from_bytes  # only legacy files pay for the import

    best = from_bytes(data, cp_isolation=list(LIKELY_ENCODINGS)).best()
    # On a few bytes the detector has no language to go by (coherence 0) and any code page that
    # decodes them "wins": trust that only for the two code pages most legacy text comes in.
    if best is None or (best.coherence == 0 and best.encoding not in COMMON_ENCODINGS):
        return None
    return Decoded(str(best), READABLE_NAMES.get(best.encoding, best.encoding))
