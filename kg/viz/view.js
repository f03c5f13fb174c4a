// Draws the graph held as JSON in #kg-data, already laid out (physics off),
// and wires the search box, the kind and date filters and the label switch.
// Untrusted text is only ever drawn on the canvas or set as textContent: a
// tooltip is a DOM element, never a string, because vis-network gives string
// titles to innerText at best.
(function () {
  "use strict";
  var started = performance.now();
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var nameKey = window.kgNormalize.nameKey;
  var MAX_RESULTS = 20;

  function byId(id) { return document.getElementById(id); }

  function tooltip(text) {
    var element = document.createElement("div");
    element.className = "kg-tooltip";
    element.setAttribute("dir", "auto");
    element.textContent = text;
    return element;
  }

  var eventKinds = data.legend.filter(function (entry) { return entry.group === "event"; })
    .map(function (entry) { return entry.kind; });

  function isEvent(item) { return eventKinds.indexOf(item.kind) >= 0; }
  var dayKinds = data.legend.filter(function (entry) { return entry.group === "date"; })
    .map(function (entry) { return entry.kind; });
  function isDay(item) { return dayKinds.indexOf(item.kind) >= 0; }

  var info = {};  // node id -> {item, keys, events (ids of event neighbours)}
  var nodeItems = data.nodes.map(function (item) {
    var copy = Object.assign({}, item);
    copy.title = tooltip(item.tooltip);
    ["tooltip", "keys", "span", "label_latn", "scheduled"].forEach(function (key) { delete copy[key]; });
    info[item.id] = { item: item, keys: item.keys.map(function (key) { return key.toLowerCase(); }), events: [] };
    return copy;
  });
  var edgeItems = data.edges.map(function (item) {
    var copy = Object.assign({}, item);
    copy.title = tooltip(item.tooltip);
    delete copy.tooltip;
    if (info[item.from] && info[item.to]) {
      if (isEvent(info[item.from].item)) { info[item.to].events.push(item.from); }
      if (isEvent(info[item.to].item)) { info[item.from].events.push(item.to); }
    }
    return copy;
  });

  var nodes = new vis.DataSet(nodeItems);
  var edges = new vis.DataSet(edgeItems);
  var network = new vis.Network(byId("kg-network"), { nodes: nodes, edges: edges }, data.options);
  var status = byId("kg-status");
  var view = { network: network, nodes: nodes, edges: edges, ready: false, timings: {} };
  window.kgView = view;

  function showStatus(text) {
    status.textContent = text;
    status.hidden = !text;
  }

  network.once("afterDrawing", function () {
    view.ready = true;
    view.timings.firstDraw = performance.now();
    view.timings.script = performance.now() - started;
    document.documentElement.setAttribute("data-kg-ready", "1");
    showStatus("");
  });
  if (data.nodes.length === 0) { showStatus(""); }

  // --- filters: kinds and dates -------------------------------------------
  var hidden = {};

  function checkedKinds() {
    var kinds = {};
    document.querySelectorAll("input.kg-kind").forEach(function (box) { kinds[box.value] = box.checked; });
    return kinds;
  }

  function dateRange() {
    var from = byId("kg-from").value, to = byId("kg-to").value;
    return from || to ? { from: from || "0000-01-01", to: to || "9999-12-31" } : null;
  }

  function eventShown(item, kinds, range) {
    if (kinds[item.kind] === false) { return false; }
    if (!range) { return true; }
    return item.span.length === 2 && item.span[0] <= range.to && item.span[1] >= range.from;
  }

  function applyFilters() {
    var kinds = checkedKinds(), range = dateRange(), changes = [], shown = 0;
    var events = {};
    data.nodes.forEach(function (item) {
      if (isEvent(item)) { events[item.id] = eventShown(item, kinds, range); }
    });
    data.nodes.forEach(function (item) {
      var show;
      if (isEvent(item)) {
        show = events[item.id];
      } else {
        show = kinds[item.kind] !== false;
        // out of the date range: an entity none of whose events is shown
        // a day none of whose events is shown is hidden too
        if (show && (range || isDay(item)) && info[item.id].events.length) {
          show = info[item.id].events.some(function (id) { return events[id]; });
        }
      }
      if (show) { shown++; }
      if (Boolean(hidden[item.id]) === show) {
        hidden[item.id] = !show;
        changes.push({ id: item.id, hidden: !show });
      }
    });
    if (changes.length) { nodes.update(changes); }
    view.shown = shown;
    byId("kg-count").textContent = shown + " / " + data.nodes.length;
  }

  document.querySelectorAll("input.kg-kind").forEach(function (box) {
    box.addEventListener("change", applyFilters);
  });
  ["kg-from", "kg-to"].forEach(function (id) {
    var input = byId(id);
    if (data.dates.length) {
      input.min = data.dates[0];
      input.max = data.dates[1];
    }
    input.addEventListener("change", applyFilters);
    input.addEventListener("input", applyFilters);
  });
  byId("kg-dates-reset").addEventListener("click", function () {
    byId("kg-from").value = "";
    byId("kg-to").value = "";
    applyFilters();
  });

  // --- search by any name, Arabic-normalised --------------------------------
  var results = byId("kg-results");

  function find(text) {
    var key = nameKey(text).toLowerCase();
    if (!key) { return []; }
    var exact = [], partial = [];
    data.nodes.forEach(function (item) {
      var keys = info[item.id].keys;
      if (keys.indexOf(key) >= 0) { exact.push(item.id); }
      else if (keys.some(function (k) { return k.indexOf(key) >= 0; })) { partial.push(item.id); }
    });
    return exact.concat(partial);
  }

  function select(id) {
    if (hidden[id]) {  // a found node is shown even if a filter hid it
      hidden[id] = false;
      nodes.update({ id: id, hidden: false });
    }
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1), animation: false });
    view.selected = id;
  }

  function search() {
    var found = find(byId("kg-search").value);
    results.replaceChildren();
    found.slice(0, MAX_RESULTS).forEach(function (id) {
      var item = info[id].item, li = document.createElement("li"), button = document.createElement("button");
      button.type = "button";
      button.setAttribute("dir", "auto");
      button.textContent = labelOf(item);
      button.title = item.kind;
      button.addEventListener("click", function () { select(id); });
      li.appendChild(button);
      results.appendChild(li);
    });
    byId("kg-found").textContent = byId("kg-search").value.trim() ? String(found.length) : "";
    view.found = found;
    return found;
  }

  byId("kg-search").addEventListener("input", search);
  byId("kg-search").addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      event.preventDefault();
      var found = search();
      if (found.length) { select(found[0]); }
    }
  });

  // --- labels: Arabic, or Latin where the graph has them --------------------
  var script = "ar";

  function labelOf(item) { return script === "latn" && item.label_latn ? item.label_latn : item.label; }

  function relabel(value) {
    script = value;
    nodes.update(data.nodes.map(function (item) { return { id: item.id, label: labelOf(item) }; }));
    byId("kg-network").setAttribute("dir", value === "latn" ? "ltr" : "rtl");
  }

  var switcher = byId("kg-labels");
  if (data.latin) {
    switcher.hidden = false;
    switcher.querySelectorAll("input").forEach(function (radio) {
      radio.addEventListener("change", function () { if (radio.checked) { relabel(radio.value); } });
    });
  }

  byId("kg-fit").addEventListener("click", function () { network.fit({ animation: false }); });

  // --- what the command line chose: a focus, or a folded graph -------------
  if (data.focus.length) {
    network.selectNodes(data.focus.filter(function (id) { return info[id]; }));
  }
  if (data.aggregated) {
    byId("kg-dates").hidden = true;  // events are folded into edges: no dates to filter by
    var note = byId("kg-aggregated");
    note.hidden = false;
    if (data.aggregated.shown < data.aggregated.entities) {
      note.textContent += " (" + data.aggregated.shown + " / " + data.aggregated.entities + ")";
    }
  }

  view.find = find;
  view.select = select;
  view.applyFilters = applyFilters;
  applyFilters();
})();
