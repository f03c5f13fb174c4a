"""Hadath: event knowledge graphs from Arabic news."""
