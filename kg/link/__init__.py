"""Deciding which mentions are the same entity, and linking entities."""
