"""Keys and terms that tracking compares: actors, action words, amounts, stages (pure functions)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from bot.entities.text import fold as fold_word

# The ladder a commitment climbs, weakest first; "stalled" and "withdrawn" leave it.
STAGES = ("mentioned", "intent", "ready", "pledged", "signed", "delivered")
OFF_LADDER = ("stalled", "withdrawn")
NOT_ASSESSED = "not yet assessed"

_KIND_TO_STAGE = {"intent": "intent", "support": "intent", "ready": "ready", "pledge": "pledged",
                  "signed": "signed", "delivered": "delivered", "other": "mentioned"}

# Words a source uses when it reports what became of a promise (English and Ukrainian stems).
_WITHDRAWN = re.compile(
    r"\b(withdr[ae]w\w*|withdrawn|pulled out|backed out|revoked|cancel+ed|scrapped|reneged"
    r"|відкликал\w*|скасува\w*|відмовил\w*)", re.IGNORECASE)
_STALLED = re.compile(
    r"\b(stall\w*|delay\w*|suspend\w*|postpon\w*|on hold|frozen|froze|halted|blocked|stuck"
    r"|призупин\w*|затрим\w*|відклад\w*|заблок\w*)", re.IGNORECASE)
_DELIVERED = re.compile(
    r"\b((has|have|had|was|were)\s+(now\s+|already\s+)?(been\s+)?(delivered|disbursed|transferred"
    r"|handed over|shipped|deployed)|arrived|delivered|disbursed"
    r"|передал\w*|надійшл\w*|доставил\w*)", re.IGNORECASE)
# Every alternative of the three patterns above holds one of these stems (lower case). A text
# whose lower case holds none of them reports no status and is not searched: the patterns are
# slow (about 10 us a sentence each) and tracking tests every sentence of every saved document.
_STATUS_STEMS = ("withdr", "pulled out", "backed out", "revoked", "cancel", "scrapped", "reneged",
                 "stall", "delay", "suspend", "postpon", "on hold", "froze", "halted", "blocked",
                 "stuck", "delivered", "disbursed", "transferred", "handed over", "shipped",
                 "deployed", "arrived", "відкликал", "скасува", "відмовил", "призупин", "затрим",
                 "відклад", "заблок", "передал", "надійшл", "доставил")
# Letters that the patterns' case-insensitive matching takes for a stem letter although their
# str.lower() is another (dotted and dotless i, long s, old Cyrillic forms): texts holding one
# are always searched. tests/tracking/test_normalize.py recomputes this set.
_UNLOWERED = re.compile("[\u0130\u0131\u017f\u1c80-\u1c85]")
_FUTURE = re.compile(r"\b(will|would|shall|to|plans? to|promised to|pledged to)\s+(be\s+)?"
                     r"(deliver|disburse|transfer|ship|deploy)", re.IGNORECASE)

# Words that say nothing about *what* was promised: dropped before comparing actions.
_STOP = frozenset("""
a an the and or of to for in on at by with from into its it their his her our this that these those
as be is are was were been being has have had will would shall should can could may might must
not no new more further additional also up out about over under than per all any some such
ukraine ukraines ukrainian україни україні україна
provide providing provided give giving given offer offered support supporting supported help
commit committed commitment commitments pledge pledged pledges promise promised announce announced
agree agreed agreement say said ready willing plan plans intend intends want wants continue
sign signed signing deliver delivered delivery deliveries stall stalled delay delayed suspend
suspended withdraw withdrew withdrawn cancel cancelled postponed still yet finally
european europe western eastern northern southern nordic baltic transatlantic allied
""".split())

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# A capitalised word inside an action names a thing (a weapon system, a fund, a body).
_NAME = re.compile(r"\b[A-Z][\w-]*[A-Za-z]\b|\b[A-Z]{2,}\b")
_NUMBER = re.compile(r"(\d+(?:[.,]\d+)?)\s*(bn|billion|млрд|m|mn|million|млн|k|thousand|тис)?",
                     re.IGNORECASE)
_SCALE = {"bn": 1e9, "billion": 1e9, "млрд": 1e9, "m": 1e6, "mn": 1e6, "million": 1e6, "млн": 1e6,
          "k": 1e3, "thousand": 1e3, "тис": 1e3}
_CURRENCY = (("€", "EUR"), ("euro", "EUR"), ("євро", "EUR"), ("£", "GBP"), ("pound", "GBP"),
             ("$", "USD"), ("dollar", "USD"), ("долар", "USD"))


@lru_cache(maxsize=8192)
def fold(text: str | None) -> str:
    """Return ``text`` folded like entity names (case, accents, apostrophes), space runs collapsed."""
    return " ".join(fold_word(text).split()) if text else ""


def terms(text: str | None) -> str:
    """Return the content words of an action, singularised, in their original order."""
    words = []
    for word in _WORD.findall(fold(text)):
        if word[0].isdigit() or len(word) < 2:  # numbers are compared as amounts, not as words
            continue
        if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        if word not in _STOP and word.rstrip("s") not in _STOP:
            words.append(word)
    return " ".join(dict.fromkeys(words))


def names(text: str | None) -> str:
    """Return the proper names of an action ("four IRIS-T systems" -> "iris-t"), folded."""
    # The first word is capitalised by grammar, not because it is a name (unless all capitals).
    found = [m[0] for m in _NAME.finditer(text or "") if m.start() or m[0].isupper()]
    return " ".join(dict.fromkeys(fold(w) for w in found if fold(w) not in _STOP and not _is_entity(w)))


@lru_cache(maxsize=16384)
def _is_entity(word: str) -> bool:
    # "US", "Rome", "EU" name actors and places, not the thing promised: they prove nothing.
    from bot.entities import EntityIndex

    return EntityIndex.default().resolve(word) is not None


def actor_key(row: dict[str, Any]) -> str:
    """Return the identity of a commitment's actor: its country, else organisation, person, name."""
    if row.get("actor_country"):
        return "country:" + str(row["actor_country"])
    if row.get("actor_org"):
        return "org:" + str(row["actor_org"])
    if row.get("person_id"):
        return "person:" + str(row["person_id"])
    return "actor:" + fold(row.get("actor"))


def actor_label(key: str) -> str:
    """Return the readable part of an actor key ("country:Canada" -> "Canada")."""
    return key.split(":", 1)[1] if ":" in key else key


def amount_key(text: str | None) -> str | None:
    """Return an amount as "CUR value" ("€2bn" -> "EUR 2000000000"), or None without a number."""
    if not text:
        return None
    match = _NUMBER.search(text.replace(",", "") if "," in text and "." not in text else text)
    if not match:
        return None
    value = float(match.group(1).replace(",", ".")) * _SCALE.get((match.group(2) or "").lower(), 1)
    low = text.casefold()
    currency = next((code for sign, code in _CURRENCY if sign in low), "")
    return f"{currency} {value:.0f}".strip()


def stage_of(*, kind: str | None, text: str) -> str:
    """Return the stage a mention reports: a status word in ``text`` wins over the kind."""
    if not _has_status_stem(text.lower()) and not _UNLOWERED.search(text):
        return _KIND_TO_STAGE.get(kind or "", "mentioned")
    if _WITHDRAWN.search(text):
        return "withdrawn"
    if _STALLED.search(text):
        return "stalled"
    if _DELIVERED.search(text) and not _FUTURE.search(text):
        return "delivered"
    return _KIND_TO_STAGE.get(kind or "", "mentioned")


def _has_status_stem(low: str) -> bool:
    # A loop, not any() over a generator: every sentence of every saved document is tested and
    # almost none holds a stem, so the generator's cost was most of it (4.7 -> 2.6 us a sentence).
    for stem in _STATUS_STEMS:
        if stem in low:
            return True
    return False


def stage_rank(stage: str) -> int:
    """Return how far up the ladder ``stage`` is (off-ladder stages rank last)."""
    return STAGES.index(stage) if stage in STAGES else len(STAGES)
