"""Extracted lines as a reader sees them: which read as facts about their actor (debris), and the
normal forms of actors, amounts and stages that alerts, tracking and questions compare them by."""
