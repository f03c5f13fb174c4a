"""The public API is pinned: a change to it is a decision, made here on purpose."""

import kg

PUBLIC = {
    "Document", "Entity", "EntityType", "Event", "EventType", "InputError", "InputWarning", "KgError",
    "OutputError", "Pipeline", "QueryError", "ResourceError", "build", "describe", "extract_articles",
    "extract_document", "format_result", "query", "read_articles", "view", "view_html",
}


def test_exported_members_are_pinned():
    assert set(kg.__all__) == PUBLIC
    assert all(hasattr(kg, name) for name in PUBLIC)


def test_exported_members_keep_the_subpackages_reachable():
    import kg.extract.patterns  # noqa: F401  (the name kg.extract is the package, not a function)
    assert kg.extract.__name__ == "kg.extract"
