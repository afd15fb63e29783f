"""The project's exceptions.

    PledgebotError            anything the project raises on purpose
    ├── ConfigError           a setting is missing or invalid
    ├── InputError            a document or question cannot be used (the message says why)
    │   ├── FetchError        a URL or feed could not be fetched
    │   └── UnsupportedInput  a file type or encoding we cannot read
    └── NotFoundError         a document, feed or subscription does not exist

The command line prints ``str(error)`` on one line; handlers turn it into a friendly reply.
"""
from __future__ import annotations


class PledgebotError(Exception):
    """Base class of every error the project raises on purpose."""


class ConfigError(PledgebotError):
    """A setting is missing or invalid."""


class InputError(PledgebotError):
    """A document or question cannot be used."""


class FetchError(InputError):
    """A URL or feed could not be fetched."""


class UnsupportedInput(InputError):
    """A file type or encoding that cannot be read."""


class NotFoundError(PledgebotError):
    """A document, feed or subscription that does not exist."""
