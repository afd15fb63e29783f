"""Split text into sentences with character offsets, keeping quotes that span sentences whole."""
from __future__ import annotations

import re
from collections.abc import Iterator

from storage.records import Sentence

# A sentence ends at . ! ? (optionally followed by closing quotes) before whitespace and an
# upper-case letter, a digit or an opening quote; abbreviations like "U.S." and "Mr." do not end one.
# A wire report glues sentences ("told reporters.The Netherlands"): a full stop after a lower-case
# word and before a capitalised one ends a sentence without a space.
_BOUNDARY = re.compile(r"(?<=[.!?])(?:[\"'”’»)]*\s+(?=[\"“«'‘(]?[A-ZА-ЯІЇЄҐ0-9])|"
                       r"(?<=[a-zа-яіїєґ]{2}[.!?])(?=[A-ZА-ЯІЇЄҐ][a-zа-яіїєґ]))")
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:[A-Z]\.){1,3}|\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sen|Rep|St|No|Jr|Sr|vs|etc|Prof|Gov|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|approx|incl|ім|див|тис|млн|млрд|ст)\.)$"
)
MAX_SENTENCE = 2000  # characters
_OPEN = "“«„"
_CLOSE = "”»"


def split_sentences(text: str) -> Iterator[Sentence]:
    """Yield the sentences of ``text``: paragraphs first, then sentence boundaries inside them."""
    index = 0
    for start, chunk in _paragraphs(text):
        balanced: bool | None = None  # counted at the first boundary: most paragraphs are one sentence
        pos = 0
        for boundary in _BOUNDARY.finditer(chunk):
            before = chunk[pos:boundary.start()]
            if _ABBREVIATIONS.search(before):
                continue
            if balanced is None:
                balanced = _quotes_close(chunk)
            if balanced and _inside_quote(chunk[pos:boundary.end()]):
                continue  # a quote of several sentences stays one sentence
            for sentence in _capped(index, start + pos, before):
                yield sentence
                index += 1
            pos = boundary.end()
        for sentence in _capped(index, start + pos, chunk[pos:]):
            yield sentence
            index += 1


def _paragraphs(text: str) -> Iterator[tuple[int, str]]:
    """Yield each paragraph with its offset: a line, or the lines of a hard-wrapped paragraph."""
    lines = list(re.finditer(r"[^\n]+", text))
    runs_on = _wrapped(text, lines)
    first = 0
    for i, line in enumerate(lines):
        if i + 1 < len(lines) and runs_on[i]:
            continue
        yield lines[first].start(), text[lines[first].start():line.end()]
        first = i + 1


_END = (".", "!", "?", ":", ";", "”", '"', "»", ")")


def _wrapped(text: str, lines: list[re.Match[str]]) -> list[bool]:
    """Tell, for each line, whether it runs on into the next: the text was cut at a fixed width
    (a wire report: three or more long lines, at least half of those followed by another line,
    end mid-sentence), or the next line goes on in lower case ("... air\ndefence")."""
    follows = [i + 1 < len(lines) and lines[i + 1].start() == line.end() + 1
               for i, line in enumerate(lines)]
    mid = [follows[i] and not line.group().rstrip().endswith(_END) for i, line in enumerate(lines)]
    long_mid = [m and len(line.group()) >= 40 for m, line in zip(mid, lines, strict=True)]
    hard = sum(long_mid) >= 3 and sum(long_mid) * 2 >= sum(follows)
    return [m and ((hard and long) or text[lines[i + 1].start()].islower())
            and not lines[i + 1].group().startswith(("•", "*", "-", "–", "—"))
            for i, (m, long) in enumerate(zip(mid, long_mid, strict=True))]


def _quotes_close(chunk: str) -> bool:
    # Only trust quote marks that pair up within the paragraph.
    curly = sum(chunk.count(c) for c in _OPEN) == sum(chunk.count(c) for c in _CLOSE)
    return curly and chunk.count('"') % 2 == 0


def _inside_quote(piece: str) -> bool:
    depth = sum(piece.count(c) for c in _OPEN) - sum(piece.count(c) for c in _CLOSE)
    return depth > 0 or piece.count('"') % 2 == 1


def _capped(index: int, start: int, piece: str) -> Iterator[Sentence]:
    """Yield ``piece`` as sentences, cut at a space wherever it runs past MAX_SENTENCE."""
    # Rules look at every pair of names in a sentence: a 40 KB "sentence" (a page without full
    # stops) took minutes to extract. No real sentence is this long.
    while len(piece) > MAX_SENTENCE:
        cut = piece.rfind(" ", 0, MAX_SENTENCE)
        cut = cut if cut > MAX_SENTENCE // 2 else MAX_SENTENCE
        if piece[:cut].strip():
            yield _sentence(index, start, piece[:cut])
            index += 1
        start, piece = start + cut, piece[cut:]
    if piece.strip():
        yield _sentence(index, start, piece)


def _sentence(index: int, start: int, piece: str) -> Sentence:
    stripped = piece.rstrip()
    lead = len(stripped) - len(stripped.lstrip())
    return Sentence(index=index, start=start + lead, end=start + len(stripped), text=stripped.strip())
