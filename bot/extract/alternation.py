"""Long lists of words as regex alternations that Python's engine tries a few at a time.

At every position it searches, ``re`` tries the alternatives of ``said|says|noted|...`` one after
the other, and under IGNORECASE it cannot even pass over one by its first letter: a list of sixty
titles costs sixty tries at the start of every word. Grouped by first letter
(``s(?:aid|ays)|n(?:oted)``) only the group of the letter found there is tried: the same matches,
about twice as fast for the long lists of cue words and titles that every sentence is searched for.
"""
from __future__ import annotations

from collections.abc import Iterable


def alternatives(pattern: str) -> list[str]:
    """Split ``pattern`` at the bars that are outside every group and character class."""
    parts: list[str] = []
    current: list[str] = []
    depth, i = 0, 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":  # an escape: the next character is taken as it is
            current.append(pattern[i:i + 2])
            i += 2
            continue
        if char == "[":  # a class: a bar or bracket inside it is a character like any other
            end = _class_end(pattern, i)
            current.append(pattern[i:end])
            i = end
            continue
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "|" and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
        i += 1
    parts.append("".join(current))
    return parts


def _class_end(pattern: str, start: int) -> int:
    i = start + 1
    if pattern[i:i + 1] == "^":
        i += 1
    if pattern[i:i + 1] == "]":  # a "]" first in a class is a character
        i += 1
    while pattern[i] != "]":
        i += 2 if pattern[i] == "\\" else 1
    return i + 1


def by_first_letter(words: Iterable[str]) -> str:
    """Return the alternation of ``words`` (regex fragments) as a group, grouped by first letter.

    It matches what ``(?:w1|w2|...)`` matches, the same way: each fragment must begin with a
    letter (or a group of such fragments, "(?:was|were)\\s+present", which is opened into one
    fragment each), and fragments that begin with the same letter keep their order (the first that
    matches wins, as before). Two first letters that differ only in case would be tried in a new
    order under IGNORECASE, so they are refused, as is a fragment that begins otherwise.
    """
    groups: dict[str, list[str]] = {}
    for fragment in (one for word in words for one in _opened(word)):
        first = fragment[:1]
        if not first.isalpha() or fragment[1:2] in ("?", "*", "+", "{"):
            raise ValueError(f"an alternative must begin with a letter of its own: {fragment!r}")
        groups.setdefault(first, []).append(fragment[1:])
    folded = [letter.lower() for letter in groups]
    if len(set(folded)) != len(folded):
        raise ValueError(f"first letters differ only in case: {sorted(groups)}")
    return "(?:" + "|".join(
        letter + (rests[0] if len(rests) == 1 else "(?:" + "|".join(rests) + ")")
        for letter, rests in groups.items()) + ")"


def _opened(word: str) -> list[str]:
    """Return ``word`` with a leading non-capturing group opened: "(?:a|b)c" -> ["ac", "bc"]."""
    if not word.startswith("(?:"):
        return [word]
    end = _group_end(word)
    rest = word[end:]
    if rest[:1] in ("?", "*", "+", "{"):  # "(?:a|b)?c" also matches "c": not opened
        return [word]
    return [one + rest for inner in alternatives(word[3:end - 1]) for one in _opened(inner)]


def _group_end(word: str) -> int:
    """Return where the group that opens ``word`` ends (just after its closing parenthesis)."""
    depth, i = 0, 0
    while i < len(word):
        char = word[i]
        if char == "\\":  # escapes and classes hold no parenthesis that counts, as in alternatives()
            i += 2
            continue
        if char == "[":
            i = _class_end(word, i)
            continue
        depth += {"(": 1, ")": -1}.get(char, 0)
        i += 1
        if depth == 0:
            return i
    raise ValueError(f"unbalanced group: {word!r}")
