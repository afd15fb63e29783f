"""Countries from pycountry's ISO 3166-1 data and its Ukrainian locale, plus our overrides.

The pycountry package is read as data files (its JSON database and ``uk`` gettext catalogue)
without importing it: importing pycountry costs ~50 ms through importlib.metadata, reading its
files ~5 ms. ``data/gazetteer/countries.json`` gives canonical English short names, demonyms,
safe codes and Ukrainian short forms, keyed by ISO alpha-2 code.
"""
from __future__ import annotations

import gettext
import importlib.util
import json
from pathlib import Path
from typing import Any

from bot.entities.model import Entity


def _pycountry_dir() -> Path:
    spec = importlib.util.find_spec("pycountry")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("pycountry is not installed")
    return Path(list(spec.submodule_search_locations)[0])


def _ukrainian(root: Path) -> gettext.NullTranslations:
    try:
        return gettext.translation("iso3166-1", str(root / "locales"), languages=["uk"])
    except OSError:  # a pycountry without locales still gives English names
        return gettext.NullTranslations()


def country_id(name: str) -> str:
    """Return the entity id of the country with canonical name ``name``."""
    from bot.entities.gazetteer import slug

    return "country:" + slug(name)


def load_countries(overrides: dict[str, dict[str, Any]]) -> list[tuple[Entity, list[str]]]:
    """Return every ISO country as an Entity with its codes (matched only in capitals)."""
    root = _pycountry_dir()
    records = json.loads((root / "databases" / "iso3166-1.json").read_text("utf-8"))["3166-1"]
    uk = _ukrainian(root)
    out = []
    for rec in records:
        extra = overrides.get(rec["alpha_2"], {})
        english = [rec[f] for f in ("common_name", "name", "official_name") if rec.get(f)]
        name = extra.get("name") or english[0]
        aliases = [name, *english, *(uk.gettext(n) for n in english),
                   *extra.get("aliases", ()), *extra.get("demonyms", ()),
                   *_plurals(extra.get("demonyms", ())), *extra.get("uk", ())]
        unique = tuple(dict.fromkeys(a for a in aliases if a))
        entity = Entity(id=country_id(name), kind="country", name=name, country=name,
                        aliases=unique)
        out.append((entity, list(extra.get("codes", ()))))
    return out


def _plurals(demonyms: list[str]) -> list[str]:
    # "Canadian" -> "Canadians", "Pakistani" -> "Pakistanis"; "British", "French" stay as they are.
    return [d + "s" for d in demonyms if d.isascii() and d[-1:] in ("n", "i") and " " not in d]
