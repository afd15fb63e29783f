"""Hostile input, faults and load: every bad input gets a clear reply, nothing is half-written."""
