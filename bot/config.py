"""Settings from the environment and ``.env``, built once at the edge and passed down."""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Annotated

from pydantic import Field, SecretStr, ValidationError, ValidationInfo, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.errors import ConfigError


def default_db() -> Path:
    """Return where the store lives without PLEDGEBOT_DB: the user's data directory (XDG), never
    inside the installed package, which may be read-only and is replaced on upgrade."""
    # The one place outside load_settings that reads the environment: it is where XDG says to look.
    base = os.environ.get("XDG_DATA_HOME", "")
    root = Path(base) if os.path.isabs(base) else Path.home() / ".local" / "share"  # XDG: absolute only
    return root / "pledgebot" / "pledgebot.db"


# What @BotFather hands out: the bot's numeric id, a colon, and a 35-character secret.
_TOKEN = re.compile(r"\d{3,16}:[A-Za-z0-9_-]{30,64}")
# Each secret setting: the shape it must have, and what to say (never quoting it) when it has not.
_SECRET_SHAPES = {
    "telegram_bot_token": (_TOKEN, "does not look like a token from @BotFather "
                                   "(digits, a colon, then about 35 letters, digits, - or _)"),
    "webhook_secret": (re.compile(r"[A-Za-z0-9_-]{1,256}"),
                       "must be 1-256 letters, digits, _ or - (Telegram's rule for secret_token)"),
}
_LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


class Settings(BaseSettings):
    """Every setting of the bot; ``.env.example`` documents each one."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    telegram_bot_token: SecretStr | None = Field(default=None, alias="TELEGRAM_BOT_TOKEN")
    db: Path = Field(default_factory=default_db, alias="PLEDGEBOT_DB")
    admin_ids: Annotated[list[int], NoDecode] = Field(default_factory=list, alias="ADMIN_IDS")
    admin_chat_id: int | None = Field(default=None, alias="ADMIN_CHAT_ID")
    alert_chat_id: int | None = Field(default=None, alias="ALERT_CHAT_ID")
    telegram_base_url: str | None = Field(default=None, alias="TELEGRAM_BASE_URL")
    webhook_url: str | None = Field(default=None, alias="WEBHOOK_URL")
    # Telegram echoes it with every webhook update; kept, so restarts and replicas accept them.
    webhook_secret: SecretStr | None = Field(default=None, alias="WEBHOOK_SECRET")
    feed_poll_minutes: int = Field(default=30, ge=1, le=1440, alias="FEED_POLL_MINUTES")
    user_rate_limit: int = Field(default=20, ge=1, alias="USER_RATE_LIMIT_PER_MINUTE")
    daily_digest: bool = Field(default=False, alias="DAILY_DIGEST")
    # A document published longer ago than this is archive, not news: it joins a silent digest.
    alert_max_age_days: int = Field(default=14, ge=0, alias="ALERT_MAX_AGE_DAYS")
    log_level: str = Field(default="INFO", alias="LOG_LEVEL")
    # Fetching from loopback, private and link-local addresses (an intranet, a test server).
    allow_private_fetch: bool = Field(default=False, alias="ALLOW_PRIVATE_FETCH")
    fetch_timeout_seconds: float = Field(default=60.0, gt=0, le=600, alias="FETCH_TIMEOUT_SECONDS")

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        # ADMIN_IDS=123,456 in .env: accept a comma- or space-separated list, not only JSON.
        if isinstance(value, str) and not value.strip().startswith("["):
            parts = value.replace(",", " ").split()
            bad = [p for p in parts if not re.fullmatch(r"-?\d{1,20}", p)]
            if bad:
                raise ValueError(f"{bad[0][:20]!r} is not a numeric Telegram user id; "
                                 "give ids separated by commas, e.g. ADMIN_IDS=123456,789012")
            return [int(part) for part in parts]
        if isinstance(value, int):
            return [value]
        return value

    @field_validator("telegram_bot_token", "webhook_secret", mode="before")
    @classmethod
    def _check_secret(cls, value: object, info: ValidationInfo) -> object:
        # The message must never quote the value: it is a secret, and it ends up in logs.
        raw = value.get_secret_value() if isinstance(value, SecretStr) else value
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            return None
        shape, rule = _SECRET_SHAPES[info.field_name or ""]
        if not isinstance(raw, str) or not shape.fullmatch(raw.strip()):
            raise ValueError(rule)
        return raw.strip()

    @field_validator("telegram_base_url", "webhook_url", mode="after")
    @classmethod
    def _check_url(cls, value: str | None) -> str | None:
        if value is not None and not value.strip():
            return None
        if value is not None and not re.match(r"https?://[^\s/]+", value):
            raise ValueError("must be an http:// or https:// URL")
        return value

    @field_validator("log_level", mode="after")
    @classmethod
    def _check_log_level(cls, value: str) -> str:
        if value.upper() not in _LOG_LEVELS:
            raise ValueError(f"must be one of {', '.join(_LOG_LEVELS)}")
        return value.upper()


def ensure_webhook_secret(settings: Settings, *, env_file: Path = Path(".env")) -> str:
    """Return WEBHOOK_SECRET; when unset, generate one and keep it in ``env_file`` for next time.

    A fresh secret per start made a second replica (or the process before a restart, still
    behind the same URL) answer 403 to every update. The file is locked while it is read and
    written, so replicas starting together settle on one secret.
    """
    if settings.webhook_secret is not None:
        return settings.webhook_secret.get_secret_value()
    import fcntl
    import os
    import secrets

    from dotenv import dotenv_values

    fd = os.open(env_file, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o600)
    with os.fdopen(fd, "r+", encoding="utf-8") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        kept = dotenv_values(env_file).get("WEBHOOK_SECRET")
        if kept:
            return kept
        secret = secrets.token_urlsafe(32)
        handle.seek(0, os.SEEK_END)
        lead = "\n" if handle.tell() and not _ends_with_newline(env_file) else ""
        handle.write(f"{lead}# Generated by `pledgebot run --webhook`; shared by every replica.\n"
                     f"WEBHOOK_SECRET={secret}\n")
        return secret


def _ends_with_newline(path: Path) -> bool:
    with path.open("rb") as handle:
        handle.seek(-1, 2)
        return handle.read(1) == b"\n"


def load_settings(**overrides: object) -> Settings:
    """Build the settings once, from the environment, ``.env`` and explicit overrides."""
    try:
        return Settings(**{k: v for k, v in overrides.items() if v is not None})  # type: ignore[arg-type]
    except ValidationError as err:
        message = describe_errors(err)
    # Raised outside the except block: pydantic's error quotes every input (the token too), so it
    # must not travel along as __context__ into tracebacks and error reports.
    raise ConfigError(message)


def describe_errors(err: ValidationError) -> str:
    """Return one line per invalid setting, naming it, and never quoting its value."""
    lines = []
    for error in err.errors(include_input=False, include_url=False, include_context=False):
        name = ".".join(str(part) for part in error["loc"]) or "settings"
        message = error["msg"].removeprefix("Value error, ")
        lines.append(f"{name}: {message}")
    return "invalid settings: " + "; ".join(lines)
