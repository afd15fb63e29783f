"""``pledgebot ask``: one answer, or one JSON error object, for every line of input.

Standard input is read as bytes and decoded here, line by line, so a stray invalid byte costs only
its own line (a JSON error object, or a one-line error in text mode) and never the batch; the
output is built as text and written by the caller as UTF-8 bytes, whatever the locale.
"""
from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from storage.store import Store

log = logging.getLogger(__name__)

# (line number, the question or None when the line is not UTF-8 text)
NumberedQuestion = tuple[int, "str | None"]


def stdin_questions(stream: IO[bytes]) -> Iterator[NumberedQuestion]:
    """Yield each line of ``stream`` decoded as UTF-8, or None for a line that is not UTF-8."""
    for number, raw in enumerate(stream, 1):
        try:
            yield number, raw.decode("utf-8").removesuffix("\n").removesuffix("\r")
        except UnicodeDecodeError:
            yield number, None


def answer_lines(questions: Iterable[NumberedQuestion], *, store: Store, as_json: bool) -> Iterator[str]:
    """Yield one output line (text mode: a paragraph) per question, an error in place of an answer."""
    from bot.ask import answer_question

    for number, question in questions:
        error = _problem(question)
        if error is None:
            assert question is not None
            try:
                reply = answer_question(question, store=store)
            except Exception:  # one question's failure must not cost the lines after it
                log.exception("question on line %d failed", number)
                error = "internal error while answering; the details are in the log"
            else:
                yield (json.dumps(reply.as_json(), ensure_ascii=False) + "\n") if as_json \
                    else reply.text + "\n\n"
                continue
        if as_json:
            yield json.dumps({"line": number, "question": _printable(question), "error": error},
                             ensure_ascii=False) + "\n"
        else:
            yield f"error: line {number}: {error}\n\n"


def _problem(question: str | None) -> str | None:
    if question is None:
        return "the line is not valid UTF-8 text"
    if any(0xD800 <= ord(ch) <= 0xDFFF for ch in question):  # argv bytes smuggled in as surrogates
        return "the question is not valid UTF-8 text"
    return None


def _printable(question: str | None) -> str | None:
    if question is None:
        return None
    return question.encode("utf-8", "replace").decode("utf-8")[:200]
