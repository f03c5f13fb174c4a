"""Graph view: RDF graph -> plain view model (networkx) -> one self-contained HTML page."""

from kg.viz.html import render_html, write_view
from kg.viz.model import view_model

__all__ = ["render_html", "view_model", "write_view"]
