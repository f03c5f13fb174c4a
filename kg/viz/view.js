// Draws the graph held as JSON in #kg-data.  Untrusted text is only ever drawn
// on the canvas or set as textContent: a tooltip is a DOM element, never a
// string, because vis-network gives string titles to innerText at best.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);

  function tooltip(text) {
    var element = document.createElement("div");
    element.className = "kg-tooltip";
    element.setAttribute("dir", "auto");
    element.textContent = text;
    return element;
  }

  function withTooltips(items) {
    return items.map(function (item) {
      var copy = Object.assign({}, item);
      copy.title = tooltip(item.tooltip);
      delete copy.tooltip;
      return copy;
    });
  }

  var network = new vis.Network(
    document.getElementById("kg-network"),
    {
      nodes: new vis.DataSet(withTooltips(data.nodes)),
      edges: new vis.DataSet(withTooltips(data.edges))
    },
    data.options
  );

  if (data.nodes.length === 0) {
    document.getElementById("kg-status").hidden = true;
  }
  // Lay out once, then stand still: a few hundred nodes stay cheap to drag.
  network.once("stabilizationIterationsDone", function () {
    network.setOptions({ physics: { enabled: false } });
    document.getElementById("kg-status").hidden = true;
  });
})();
