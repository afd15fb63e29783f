"""Settings from the environment and ``.env``, built once at the edge and passed down."""
from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr, field_validator
from typing import Annotated

from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


class Settings(BaseSettings):
    """Every setting of the bot; ``.env.example`` documents each one."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    telegram_bot_token: SecretStr | None = Field(default=None, alias="TELEGRAM_BOT_TOKEN")
    db: Path = Field(default=DATA_DIR / "pledgebot.db", alias="PLEDGEBOT_DB")
    admin_ids: Annotated[list[int], NoDecode] = Field(default_factory=list, alias="ADMIN_IDS")
    admin_chat_id: int | None = Field(default=None, alias="ADMIN_CHAT_ID")
    alert_chat_id: int | None = Field(default=None, alias="ALERT_CHAT_ID")
    telegram_base_url: str | None = Field(default=None, alias="TELEGRAM_BASE_URL")
    webhook_url: str | None = Field(default=None, alias="WEBHOOK_URL")
    feed_poll_minutes: int = Field(default=30, ge=1, le=1440, alias="FEED_POLL_MINUTES")
    user_rate_limit: int = Field(default=20, ge=1, alias="USER_RATE_LIMIT_PER_MINUTE")
    daily_digest: bool = Field(default=False, alias="DAILY_DIGEST")
    log_level: str = Field(default="INFO", alias="LOG_LEVEL")

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        # ADMIN_IDS=123,456 in .env: accept a comma- or space-separated list, not only JSON.
        if isinstance(value, str) and not value.strip().startswith("["):
            return [int(part) for part in value.replace(",", " ").split()]
        if isinstance(value, int):
            return [value]
        return value


def load_settings(**overrides: object) -> Settings:
    """Build the settings once, from the environment, ``.env`` and explicit overrides."""
    return Settings(**{k: v for k, v in overrides.items() if v is not None})  # type: ignore[arg-type]
