"""What a question asks for: its intent, from English and Ukrainian cue words.

The earliest cue in the question wins, so "what did Macron say when Zelenskyy signed ..." is a
statement question and "what did Germany pledge when ..." a commitment question.
"""
from __future__ import annotations

import re

INTENTS = ("attendance", "statement", "commitment", "agreement", "meeting", "search")

_B = r"(?<![\w])"  # a word start that also works before Cyrillic letters
_WHEN = r"when|what date|on what date|коли|якого числа|з якої дати|яка дата"
_CUES: tuple[tuple[str, str], ...] = (
    ("meeting", _B + rf"(?:{_WHEN}|where|which meetings?|what meetings?|де|які зустрічі)(?!\w)"),
    ("attendance", _B + r"(?:attend\w*|took part|take part|taking part|participa\w*|represent\w*|"
                        r"was there|were there|was present|were present|who came|came to|come to|"
                        r"who went|joined|who was at|who were at|was at the|were at the|"
                        r"sen[dt] (?:anyone|someone|their|a delegation|delegat\w*|representatives?|"
                        r"officials?|ministers?|presidents?|leaders?)|"
                        r"who (?:did|has) (?:\w+ ){1,3}(?:meet|met)|who met|accompan\w*|"
                        r"(?:co-?)?chaired|who (?:co-?)?chairs?|"
                        r"супровод\w*|головува\w*|зустрічався|зустрічалася|"
                        r"meet with|met with|delegation|(?:who |which (?:\w+ ){1,2})(?:were|was) (?:in|at)|"
                        r"хто від|"
                        r"present at|which countries (?:were|came|joined)|"
                        r"which \w+ officials?|хто був|хто були|брав участь|брала участь|брали участь|"
                        r"взяв участь|взяли участь|представля\w*|присутн\w*|хто приїхав|делегац\w*)(?!\w)"),
    ("statement", _B + r"(?:say|says|said|saying|talk(?:ed|ing)?|speak\w*|spoke|stat(?:e|ed|ing)|remark\w*|"
                       r"comment\w*|warn\w*|claim\w*|think|thinks|argue\w*|call(?:ed)? for|urge\w*|"
                       r"tells?(?! (?:me|us)\b)|told|telling|"
                       r"demand\w*|sound\w*|reacted|react|views?|opinion|position on|"
                       r"сказа\w*|заяви\w*|говори\w*|каза\w*|вимага\w*|наголоси\w*|закликa\w*|"
                       r"заклика\w*|думає|вважає|попереди\w*)(?!\w)"),
    ("commitment", _B + r"(?:commit\w*|pledg\w*|promis\w*|announc\w*|offer\w*|ready to|willing to|"
                        r"prepared to|provid\w*|give|gave|giving|allocat\w*|donat\w*|how much|how many|"
                        r"contribut\w*|will \w+ get|send|sent|agree(?:d)? (?:on|to)|what happens if|"
                        r"put (?:\w+ )?into|invest\w*|"
                        r"пообіця\w*|обіця\w*|зобов\w*|скільки|нада\w*|виділи\w*|готов\w*)(?!\w)"),
    ("agreement", _B + r"(?:sign\w*|agreements?|deal|deals|treaty|treaties|declarations?|accords?|"
                       r"memorandum|joint statement|communiqu\w*|adopt\w*|the name of|"
                       r"documents?(?! (?:mention\w*|say\w*|about|that|from|on|in|of|by)\b)|"
                       r"підписа\w*|угод\w*|договір\w*|декларац\w*|меморандум\w*|спільн\w* заяв\w*)(?!\w)"),
)
# A question that opens by asking when ("when does ...", "з якої дати ..."), not one with a
# "when" clause ("how big was the package unveiled when ...").
ASKS_WHEN = re.compile(rf"^\W*(?:(?:and|і|а)\s+)?(?:{_WHEN})(?!\w)", re.IGNORECASE)
_COMPILED = tuple((intent, re.compile(pattern, re.IGNORECASE)) for intent, pattern in _CUES)
# "which meetings did Rutte attend" asks for meetings although "attend" is there too.
_MEETING_LIST = re.compile(
    r"\b(?:which|what|list|show)(?: the| all)? (?:meetings?|summits?|events?|conferences?)\b", re.I)


# "was Xi at the summit?", "чи був Сі на саміті?": asked whether someone was there, when no
# other cue says what the question asks ("was the deal signed in Paris?" asks about a signing).
YES_NO_THERE = re.compile(r"^\s*(?:(?:was|were|is) .{2,60}? (?:at|in|present|among)|"
                          r"чи (?:був|була|були|приїжджа\w*|приїха\w*) .{2,60}? (?:на|у|в)|"
                          r"did .{2,60}? (?:attend|go to|come to|take part|participate|join))(?!\w)", re.I)


def detect_intent(text: str) -> str:
    """Return the intent of a question: the kind of its earliest cue, or "search"."""
    if _MEETING_LIST.search(text):
        return "meeting"
    best: tuple[int, str] | None = None
    for intent, pattern in _COMPILED:
        m = pattern.search(text)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), intent)
    if best is None and YES_NO_THERE.match(text):
        return "attendance"
    return best[1] if best else "search"
