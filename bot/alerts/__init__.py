"""Alerts: an outbox filled in the save transaction, subscriptions, and delivery to Telegram."""
