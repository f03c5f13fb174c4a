"""Views of a graph: RDF graph -> plain view model (networkx) -> one
self-contained HTML page (graph or timeline), or files for other tools."""

from kg.viz.export import export_graph
from kg.viz.html import render_html, write_view
from kg.viz.model import view_model
from kg.viz.select import select_view
from kg.viz.timeline import render_timeline, timeline_model, write_timeline

__all__ = ["export_graph", "render_html", "render_timeline", "select_view", "timeline_model", "view_model",
           "write_timeline", "write_view"]
