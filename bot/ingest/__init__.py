"""Fetching documents (files, URLs, feeds) and turning them into stored facts."""
