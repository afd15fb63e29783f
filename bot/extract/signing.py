"""Who signs, and who commits for a group: the countries on both sides of a signing
("Zelenskyy signed ... with France"), the countries a signature is made for ("on behalf of the
government of Chile"), a witness who binds no one, and members who each commit alone."""
from __future__ import annotations

import re

from bot.extract.agents import Agent, Discourse, parse_agent
from bot.extract.context import Context
from bot.extract.lexicon import alternation
from storage.records import Sentence

HEADS = {"President", "Prime Minister", "Chancellor", "Federal Chancellor", "King"}


def witnessed(sentence: Sentence, cue_end: int) -> bool:
    """Tell whether the signature whose cue ends at ``cue_end`` is a witness's ("signed the
    treaty as a witness"): it binds no party."""
    return _WITNESS.match(sentence.text, cue_end) is not None


def signers(ctx: Context, disc: Discourse, sentence: Sentence, agent: Agent, at: int,
             end: int) -> list[Agent]:
    """Return who signs, named by the countries on both sides ("Zelenskyy signed ... with
    France"); several countries that each sign with one partner sign one document each ("Canada
    and Italy signed agreements with Ukraine": Canada and Ukraine, Italy and Ukraine)."""
    head = sentence.text[:at]
    cut = max((m.end() for m in re.finditer(r"[;:“”\"]|\bwhere\b|\bthat\b|,(?!\s*[A-Z])", head)),
              default=0)
    lo, hi = sentence.start + cut, sentence.start + at
    people = [p for p in disc.people if p.sentence == sentence.index and lo <= p.start < hi]
    sides = [p.country for p in people]
    pronoun = re.search(r"\b(?:he|she)(?=\s+and\b)", head[cut:])  # "he and President X signed"
    if pronoun:
        other = parse_agent(ctx, disc, sentence, lo + pronoun.start(), lo + pronoun.end())
        sides.insert(0, other.country if other else None)
    if agent.country and not sides:
        sides.append(agent.country)
    partner = re.search(r"\bwith\s+", sentence.text[at:end])
    heads = len(people) >= 2 and all(p.role in HEADS and p.country for p in people)
    if not partner and len(people) >= 2 and not pronoun and not heads:
        # "Umerov and Pistorius signed ...": the two ministers, named as the text names them
        names = [p.name for p in people] if ctx.language == "en" else [p.written for p in people]
        return [Agent(label=(" and " if ctx.language == "en" else " і ").join(names), how=agent.how,
                      collective=True)]
    if not partner and not people and not pronoun and agent.collective:
        # "the leaders of Chile and Peru signed": the countries sign, whoever holds the pen
        named = [f.name for f in ctx.mentions(sentence) if f.kind == "country" and lo <= f.start < hi]
        if len(set(named)) >= 2:
            return [_pair(list(dict.fromkeys(named)), agent)]
    other_side = _partner(ctx, sentence, sentence.start + at + partner.end()) if partner else None
    if other_side and not people and not pronoun:
        countries = [f.name for f in ctx.mentions(sentence) if f.kind == "country" and lo <= f.start < hi]
        if len(countries) >= 2 and other_side not in countries:
            return [_pair([country, other_side], agent) for country in dict.fromkeys(countries)]
    if other_side:
        sides.append(other_side)
    names = [s for s in dict.fromkeys(sides) if s]
    return [_pair(names, agent)] if len(names) >= 2 else [agent]


# "signed the treaty as a witness", "підписав як свідок": a guarantor's signature binds no party
_WITNESS = re.compile(r"(?i)[^.,;]{0,40}?\s+" + alternation("signed_as_witness") + r"(?!\w)")
# "signed on behalf of the government of Chile", "підписав від імені уряду Чилі"
_BEHALF = re.compile(r"(?i)(?<!\w)" + alternation("signed_for") + r"\s+(?:the\s+)?")


def on_behalf_of(ctx: Context, sentence: Sentence) -> Agent | None:
    """Return the countries a sentence's signatures are made for: "A signed on behalf of Chile,
    and B on behalf of Peru" is one signing by Chile and Peru."""
    if "behalf" not in sentence.text and "імені" not in sentence.text:
        return None
    ends = [sentence.start + m.end() for m in _BEHALF.finditer(sentence.text)]
    found = ctx.mentions(sentence)
    sides = [next((f.name for f in found if f.kind in ("country", "org") and end <= f.start <= end + 4),
                  None) for end in ends]
    names = list(dict.fromkeys(side for side in sides if side))
    if not names:
        return None
    if len(names) == 1:
        return Agent(label=names[0], how="name", country=names[0])
    return _pair(names, Agent(label="", how="name"))


# "Chile and Peru each pledged", "Чилі та Перу кожна виділили", "виділили по 5 млн": the
# members commit one by one, each to the whole amount.
_EACH = re.compile(r"(?i)\b(?:each|кожн(?:а|ий|е|ен))\s+$")
_EACH_AFTER = re.compile(r"\s*\w+\s+по\s+\d")


def each_member(ctx: Context, sentence: Sentence, agent: Agent, at: int) -> list[Agent]:
    """Split a list of countries that commit each for itself into one actor per country."""
    if not agent.collective or not (_EACH.search(sentence.text[:at])
                                    or _EACH_AFTER.match(sentence.text[at:])):
        return [agent]
    named = [f.name for f in ctx.mentions(sentence)
             if f.kind == "country" and f.start < sentence.start + at]
    members = [name for name in dict.fromkeys(named) if name in agent.label]
    if len(members) < 2:
        return [agent]
    return [Agent(label=name, how=agent.how, country=name) for name in members]


def _pair(names: list[str], agent: Agent) -> Agent:
    return Agent(label=", ".join(names[:-1]) + " and " + names[-1], how=agent.how, collective=True)


def _partner(ctx: Context, sentence: Sentence, begin: int) -> str | None:
    """Return the country signing on the other side: "with France", "with President Stubb"."""
    found = [f for f in ctx.mentions(sentence) if f.start >= begin and f.kind != "org"]
    if not found:
        return None
    first = found[0]
    return first.entity.country if first.kind in ("person", "place") else first.name
