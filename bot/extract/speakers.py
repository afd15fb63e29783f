"""Who speaks through a speech verb: the subject before it ("Merz said"), the name after it
("..., said Merz"), several subjects ("Meloni and Merz recalled"), an appositive ("the head of the
delegation, Celso Amorim, called for ..."), or the sentence's subject for a participle."""
from __future__ import annotations

import re

from bot.extract.agents import Agent, Discourse, parse_agent, person_agent
from bot.extract.alternation import by_first_letter
from bot.extract.context import Context
from bot.extract.lexicon import LANGUAGES, alternation, fragment, fragments, words
from bot.extract.people import people_in
from storage.records import Sentence

# The verbs live in data/language/<lang>/speech_verbs.txt. Only what a word list cannot say is
# written here: a question put is said too ("... ?" Vance asked), but "asked Kyiv to" is a request.
# "called the deal a victory": an object, then what the speaker calls it (speech_verbs_complement).
_COMPLEMENT = (r"(?=\s+(?:it|them|(?:the|this|that|its|his|her|their|our)(?:\s+[\w’'-]+){1,3}?)"
               r"\s+(?:(?:a|an|the)(?!\w)|[“\"]))")
# "announced at the summit that ...": a verb listed with its "that" keeps it across a few words.
_THAT_APART = [fragment(entry[:-len(" that")]) + r"(?=(?:\s+[\w’'-]+){1,5}?\s+that\b)"
               for entry in words("en", "speech_verbs") if entry.endswith(" that")]
_IMPERSONAL = re.compile(r"(?i)" + by_first_letter(fragments("uk", "impersonal_speech_verbs")))
_SPEECH_VERBS = by_first_letter([*(one for lang in LANGUAGES for one in fragments(lang, "speech_verbs")),
                                 *fragments("uk", "impersonal_speech_verbs"),
                                 r"asked(?=\s*[.,;])", *_THAT_APART,
                                 *(one + _COMPLEMENT for one in fragments("en", "speech_verbs_complement"))])
# Lower case only: "States" in "United States" is not a verb.
SPEECH = re.compile(rf"(?<!\w){_SPEECH_VERBS}(?!\w)")
# "..., saying ...": a participle reports what the subject of the sentence said.
_PARTICIPLE = re.compile("(?i)^" + by_first_letter(dict.fromkeys(
    fragment(entry.split()[0]) for entry in words("en", "speech_verbs")
    if entry.split()[0].endswith("ing"))))
# Verbs whose capitalised next word is their object, not their speaker (speech_verbs_object.txt).
_OBJECT = re.compile(by_first_letter(fragments("en", "speech_verbs_object")))
# A person's name as written: two to four capitalised words ("Celso Amorim", "Lloyd J. Austin").
_NAME = re.compile(r"(?:[A-Z][\w’'-]+|[A-Z]\.)(?:\s+(?:[A-Z][\w’'-]+|[A-Z]\.)){1,3}")
# Examples after a subject and the scene before it (data/language/en/example_words.txt,
# scene_words.txt).
_EXAMPLES = re.compile(r"(?i)\s*" + alternation("example_words", ("en",)) + r"\b")
# A segment that sets the scene rather than naming anyone: "In his statement, ..."
_FRAME = re.compile(r"(?i)\s*(?:" + alternation("example_words", ("en",)) + "|" +
                    alternation("scene_words", ("en",)) + r")\b")
# A comma-set phrase between the subject and its verb that is not the subject: a participle
# ("speaking to reporters"), a time ("moments after the vote"), a place or occasion ("in a
# statement").
_ASIDE = re.compile(r"\s*(?:[a-z]\w*ing\b|(?:\w+\s+){0,2}(?:after|before|since|following)\b|"
                    r"(?:in|on|at|during|while|when|with|without|via|through|amid|despite)\b)")
# (data/language/*/framing_prepositions.txt, subject_pronouns.txt)
_FRAMED_PRONOUN = re.compile(r"(?i)^\s*" + alternation("framing_prepositions") + r"\s[^,]*?\s"
                             r"(?P<who>" + alternation("subject_pronouns") + r")\s*$")
_BOUNDARY = re.compile(r"[,;:(“”\"«»—–]|\b(?:that|but|while|when|which|as|після|що)\b")
_CLOSED_QUOTE = re.compile(r"[”\"»][\s,–—-]*$|[,.][”\"»][\s–—-]*$")


# A document that speaks: "the declaration said", "a joint statement issued after the talks
# said", "..., said the Oslo Declaration adopted on Monday" (data/language/*/document_speakers.txt).
_DOCUMENT = (r"(?:(?i:the|a|an|its|their|this)\s+)(?P<doc>(?:[\w’'-]+\s+){0,4}?"
             r"(?i:" + alternation("document_speakers") + r"))\b")
_ISSUED = r"(?:\s+(?:issued|adopted|released|published|agreed|signed)\b[^;:“”\"«»]*)?"
_CLAUSE_START = r"(?:^|[,—–”\"»]\s*|\b(?:where|when|and|as|while|but)\s+)"
_DOCUMENT_BEFORE = re.compile(_CLAUSE_START + _DOCUMENT + _ISSUED + r"[\s,]*"
                              r"(?:has|have|had|also|further|then|\s)*$")
_DOCUMENT_AFTER = re.compile(r"\s*" + _DOCUMENT)
_UK_DOCUMENT = re.compile(_CLAUSE_START + r"(?P<doc>(?i:" + alternation("document_speakers", ("uk",))
                          + r"))\s+(?:також\s+)?$")
_NAMED_DOCUMENT = "(?:[A-Z][\\w’'-]*[ ]+){1,4}"


def speakers(ctx: Context, disc: Discourse, sentence: Sentence, at: int,
              verb_end: int) -> list[Agent]:
    """Return who speaks through the verb at ``at``: before it, after it, or the subject."""
    head = ctx.text[sentence.start:at]
    if _IMPERSONAL.fullmatch(ctx.text[at:verb_end]):  # "у заяві йдеться": the document speaks
        return [a for a in [_document_in_case(sentence)] if a]
    document = _document(ctx, sentence, head, ctx.text[verb_end:sentence.end])
    if document:
        return [document]
    cut = max((m.end() for m in _BOUNDARY.finditer(head)), default=0)
    phrase = head[cut:]
    if SPEECH.search(phrase) or re.fullmatch(r"(?i)\s*(?:you|and|but|also|and\s+also)\s*", phrase):
        return []  # "X said ... and added" is one statement; "as you said" addresses someone
    participle = bool(_PARTICIPLE.match(ctx.text[at:verb_end]))
    right_after_quote = not phrase.strip() and head.rstrip().endswith(("”", '"', "»", "–", "—"))
    if not participle and (_CLOSED_QUOTE.search(head) or right_after_quote):
        after = _after(ctx, disc, sentence, verb_end)  # "..." said Keir Starmer
        if after:
            return [after]
    if re.fullmatch(r"\s*(?:who|which)\s*", phrase) and cut:
        previous = [p for p in disc.people
                    if p.sentence == sentence.index and p.end < sentence.start + cut]
        if previous:
            return [person_agent(previous[-1])]
    framed = _FRAMED_PRONOUN.search(phrase)
    if framed:  # "У своїй промові він запевнив": the pronoun after a framing phrase
        cut += framed.start("who")
    if not participle:
        found = _several(ctx, sentence, sentence.start + cut, at) or [
            a for a in [parse_agent(ctx, disc, sentence, sentence.start + cut, at)] if a]
        if not found and not phrase.strip() and head.rstrip().endswith(","):
            apposed = _appositive(ctx, disc, sentence, head)
            if apposed is None:
                return []
            found = apposed
        if not found and not phrase.strip():
            found = _before_dashes(ctx, disc, sentence, head)
        if found:
            return found
    return _fallback_speaker(ctx, disc, sentence, at, verb_end, participle)


def _before_dashes(ctx: Context, disc: Discourse, sentence: Sentence, head: str) -> list[Agent]:
    """Return the subject before an aside set off by dashes: "Argentina — represented by its
    foreign minister — said ..." is Argentina's statement, not the minister's."""
    dashes = [m.start() for m in re.finditer(r"\s[—–]\s", head)]
    if len(dashes) < 2 or head[dashes[-1]:].strip() not in ("—", "–"):
        return []
    before = head[:dashes[-2]]
    cut = max((m.end() for m in _BOUNDARY.finditer(before)), default=0)
    agent = parse_agent(ctx, disc, sentence, sentence.start + cut, sentence.start + dashes[-2])
    return [agent] if agent else []


def _document_in_case(sentence: Sentence) -> Agent | None:
    """Return the document an impersonal verb quotes: "у спільній заяві йдеться" -> "спільна
    заява" (the nominative the list gives, matched on the words' stems in any case)."""
    for entry in sorted(words("uk", "document_speakers"), key=len, reverse=True):
        stems = [w[:-1] if len(w) > 4 else w for w in entry.split()]
        if re.search(r"(?i)\b(?:у|в)\s+(?:\w+\s+)?" + r"\s+".join(re.escape(st) + r"\w*" for st in stems)
                     + r"\b", sentence.text):
            return Agent(label=entry, how="name")
    return None


def _document(ctx: Context, sentence: Sentence, head: str, tail: str) -> Agent | None:
    """Return the document that speaks through the verb: its subject ("the declaration said") or,
    after a quote, what follows the verb ("“...,” said the Oslo Declaration")."""
    quoted = bool(_CLOSED_QUOTE.search(head))
    match = (_DOCUMENT_AFTER.match(tail) if quoted else None) or _DOCUMENT_BEFORE.search(head) or \
        _UK_DOCUMENT.search(head)
    if not match:
        return None
    written = match.group("doc")
    if written.split()[-1][:1].isupper() and len(written.split()) > 1:
        return Agent(label=written, how="name")  # "the Oslo Declaration": a name
    noun = written.split()[-1]
    # "the declaration" is the one the text named before: "the Oslo Declaration ... the declaration"
    named = re.findall(_NAMED_DOCUMENT + re.escape(noun.capitalize()) + r"\b",
                       ctx.text[:sentence.start + match.start()])
    label = named[-1].strip() if named and noun.isascii() else written.lower()
    return Agent(label=re.sub(r"^(?:The|A|An)\s+", "", label), how="name")


def _appositive(ctx: Context, disc: Discourse, sentence: Sentence,
                head: str) -> list[Agent] | None:
    """Return the speaker set off by commas before the verb: "the head of the delegation, Celso
    Amorim, called for ..." (the name), "Scott Miller, the U.S. ambassador, urged ..." (the name
    before the title), "the minister, Anna Berg, said" (the name after the title). Asides between
    the speaker and the verb are skipped ("Anna Berg, speaking to reporters, shortly after the
    vote, said"). None when the subject is a thing, not a speaker ("The summit, hosted by ...,
    ended"): no other rule should then look for one."""
    body = ctx.body_start(sentence) - sentence.start
    cuts = [body - 1, *(m.start() for m in re.finditer(",", head.rstrip()[:-1]) if m.start() >= body)]
    segments = [(a + 1, b) for a, b in zip(cuts, [*cuts[1:], len(head.rstrip()) - 1], strict=True)]
    if len(segments) < 2:
        return []
    if _EXAMPLES.match(head[segments[-1][0]:segments[-1][1]]):
        return []  # "European leaders, among them Merz and Starmer, said": the group speaks
    while len(segments) > 1 and _ASIDE.match(head[segments[-1][0]:segments[-1][1]]):
        segments.pop()
    parts = segments[-2:]
    lo, hi = sentence.start + parts[0][0], sentence.start + parts[-1][1]
    known = [p for p in people_in(ctx, sentence) if lo < p.end <= hi and not p.possessive]
    if known:  # a person the rules know, with or without the title before the comma
        return [person_agent(known[-1])]
    agents = [parse_agent(ctx, disc, sentence, sentence.start + a, sentence.start + b)
              if not _FRAME.match(head[a:b]) else None for a, b in parts]
    # a name written between the commas wins over a title resolved through the gazetteer
    written = [a for a in agents if a and a.how == "name" and not a.collective
               and (a.person_id or _NAME.fullmatch(a.label))]
    found = written[-1:] or [a for a in agents if a and a.how == "role"][-1:]
    if not found and len(parts) == 1 and len(segments) < len(cuts):
        return None  # the subject, stripped of its asides, names nobody
    return found


def _fallback_speaker(ctx: Context, disc: Discourse, sentence: Sentence, at: int,
                      verb_end: int, participle: bool) -> list[Agent]:
    """Return the sentence's subject, a speaker after the verb, or a described opening phrase."""
    group = re.match(r"[^,;:“\"]+(?=,\s+(?:among\s+them|including|such\s+as)\b)", sentence.text)
    if group:  # "European leaders, among them Merz and Starmer, said ...": the group speaks
        agent = parse_agent(ctx, disc, sentence, sentence.start, sentence.start + group.end())
        if agent and agent.collective:
            return [agent]
    subject = [p for p in people_in(ctx, sentence)
               if p.end <= at and not p.possessive and not ctx.in_quote(p.start)]
    if subject:
        return [person_agent(subject[0])]
    # "Таку заяву зробила прем'єр-міністр ...", "... said Merz"; but "condemned Russia" names
    # whom the verb is about
    after = None if _OBJECT.fullmatch(ctx.text[at:verb_end]) else \
        _after(ctx, disc, sentence, verb_end)
    if after:
        return [after]
    # "A senior official, speaking on condition of anonymity, said ...": the opening phrase.
    opening = re.match(r"[^,;:“\"]+", sentence.text)
    if opening and not participle and sentence.start + opening.end() < at:
        agent = parse_agent(ctx, disc, sentence, sentence.start, sentence.start + opening.end())
        if agent and (agent.how == "role" or agent.person_id or agent.org):
            return [agent]
    return []


def _after(ctx: Context, disc: Discourse, sentence: Sentence, verb_end: int) -> Agent | None:
    tail = ctx.text[verb_end:sentence.end]
    if ctx.language == "en" and not re.match(r"\s*(?:the\s+)?[A-Z]", tail):
        return None  # "said X" names X with a capital; "said he had ..." is what was said
    stop = re.search(r"[,.;:]\s|[,.;:]$|\s(?:on|at|in|after|before|to|during)\s", tail)
    end = verb_end + (stop.start() if stop else len(tail))
    return parse_agent(ctx, disc, sentence, verb_end, end)


def _several(ctx: Context, sentence: Sentence, start: int, end: int) -> list[Agent]:
    # "Meloni and Merz recalled ..." is said by both.
    people = [p for p in people_in(ctx, sentence)
              if start <= p.start and p.end <= end and not p.possessive]
    between = ctx.text[start:end]
    if len(people) > 1 and re.search(r"\b(?:and|та|і)\b", between):
        return [person_agent(p) for p in people]
    return []
