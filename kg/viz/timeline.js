// Draws the events held as JSON in #kg-data on a time axis, one lane per
// participant or place.  Time runs with the page's direction (right to left
// in Arabic).  Untrusted text is only ever set as textContent or as a title
// attribute; article links are made only for http(s) addresses.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var nameKey = window.kgNormalize.nameKey;
  var DAY = 86400000, LANE_LIMIT = 400, LANE_NAME_WIDTH = 192;
  var kinds = {};
  data.kinds.forEach(function (kind) { kinds[kind.kind] = kind; });

  function byId(id) { return document.getElementById(id); }
  function day(iso) {
    var parts = iso.split("-").map(Number);
    return Math.round(Date.UTC(parts[0], parts[1] - 1, parts[2]) / DAY);
  }
  function isoOf(number) { return new Date(number * DAY).toISOString().slice(0, 10); }
  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined) { node.textContent = text; }
    if (className) { node.className = className; }
    return node;
  }
  function laneName(id) {
    var lane = data.lanes[id];
    return lane ? lane.label : id;
  }

  var dated = data.events.filter(function (event) { return event.span.length === 2; });
  var first = dated.length ? day(data.dates[0]) - 3 : 0;
  var last = dated.length ? day(data.dates[1]) + 4 : 1;
  var laneKeys = {};
  Object.keys(data.lanes).forEach(function (id) {
    var lane = data.lanes[id];
    laneKeys[id] = [nameKey(lane.label), nameKey(lane.label_latn || "").toLowerCase()];
  });

  var view = { ready: false, lanes: 0, items: 0 };
  window.kgTimeline = view;

  function fitScale() {
    var width = Math.max(300, byId("kg-timeline").clientWidth - LANE_NAME_WIDTH - 20);
    return width / Math.max(1, last - first);
  }
  var fit = fitScale();

  function scale() {
    return fit * Math.pow(2, (Number(byId("kg-zoom").value) - 40) / 10);
  }

  function groups(by) {
    var lanes = {};
    dated.forEach(function (event) {
      var ids = by === "place" ? (event.place ? [event.place] : [])
        : event.participants.map(function (p) { return p.id; });
      ids.filter(function (id, index) { return ids.indexOf(id) === index; }).forEach(function (id) {
        (lanes[id] = lanes[id] || []).push(event);
      });
    });
    return Object.keys(lanes).map(function (id) { return { id: id, events: lanes[id] }; })
      .sort(function (a, b) {
        return b.events.length - a.events.length || (laneName(a.id) < laneName(b.id) ? -1 : 1);
      });
  }

  function describe(event) {
    var lines = [kinds[event.kind] ? kinds[event.kind].text : event.kind, event.label,
      event.span[0] === event.span[1] ? event.span[0] : event.span[0] + " \u2013 " + event.span[1]];
    if (event.scheduled) { lines.push(data.terms["@scheduled"]); }
    event.participants.forEach(function (p) { lines.push(laneName(p.id) + " (" + p.role + ")"); });
    if (event.place) { lines.push(data.terms.place + ": " + laneName(event.place)); }
    event.sources.forEach(function (source) { lines.push(data.terms["@article"] + ": " + source.headline); });
    return lines.join("\n");
  }

  function axis(px) {
    var row = byId("kg-axis");
    row.replaceChildren(element("div", "", "kg-axis-corner"));
    var track = element("div", undefined, "kg-track");
    track.style.width = Math.ceil((last - first) * px) + "px";
    var date = new Date(first * DAY), monthly = px * 30 >= 30;  // a month at least 30 px wide
    date.setUTCDate(1);
    while (date.getTime() / DAY <= last) {
      var at = date.getTime() / DAY;
      if (at >= first && (monthly || date.getUTCMonth() === 0)) {
        var tick = element("div", monthly ? date.toISOString().slice(0, 7) : String(date.getUTCFullYear()), "kg-tick");
        tick.style.insetInlineStart = Math.round((at - first) * px) + "px";
        track.appendChild(tick);
      }
      date.setUTCMonth(date.getUTCMonth() + 1);
    }
    row.appendChild(track);
  }

  var chosen = null;

  function item(event, px) {
    var box = element("div", event.label, "kg-event" + (event.scheduled ? " kg-scheduled" : ""));
    var start = day(event.span[0]), end = day(event.span[1]) + 1;
    box.style.insetInlineStart = Math.round((start - first) * px) + "px";
    box.style.width = Math.max(10, Math.round((end - start) * px)) + "px";
    box.style.backgroundColor = kinds[event.kind] ? kinds[event.kind].colour : "#ccc";
    box.setAttribute("dir", "auto");
    box.setAttribute("tabindex", "0");
    box.setAttribute("data-event", event.id);
    box.title = describe(event);
    box.addEventListener("click", function () { details(event, box); });
    box.addEventListener("keydown", function (key) { if (key.key === "Enter") { details(event, box); } });
    return box;
  }

  function render() {
    var by = document.querySelector("input[name=kg-group]:checked").value;
    var query = nameKey(byId("kg-search").value).toLowerCase();
    var px = scale();
    axis(px);
    var lanes = groups(by).filter(function (lane) {
      return !query || laneKeys[lane.id].some(function (key) { return key.indexOf(query) >= 0; });
    });
    var container = byId("kg-lanes"), items = 0;
    container.replaceChildren();
    lanes.slice(0, LANE_LIMIT).forEach(function (lane) {
      var row = element("div", undefined, "kg-lane");
      row.setAttribute("data-lane", lane.id);
      var name = element("div", laneName(lane.id) + " (" + lane.events.length + ")", "kg-lane-name");
      name.title = laneName(lane.id);
      row.appendChild(name);
      var track = element("div", undefined, "kg-track");
      track.style.width = Math.ceil((last - first) * px) + "px";
      lane.events.forEach(function (event) { track.appendChild(item(event, px)); items++; });
      row.appendChild(track);
      container.appendChild(row);
    });
    var undated = data.events.length - dated.length;
    byId("kg-count").textContent = Math.min(lanes.length, LANE_LIMIT) + " / " + lanes.length + " \u2022 " +
      dated.length + (undated ? " (+" + undated + " \u2205)" : "");
    view.lanes = Math.min(lanes.length, LANE_LIMIT);
    view.items = items;
  }

  function details(event, box) {
    if (chosen) { chosen.classList.remove("kg-chosen"); }
    chosen = box;
    box.classList.add("kg-chosen");
    var panel = byId("kg-details");
    panel.replaceChildren();
    var heading = element("h3", (kinds[event.kind] ? kinds[event.kind].text : event.kind) + " \u2014 " + event.label);
    heading.setAttribute("dir", "auto");
    panel.appendChild(heading);
    if (event.scheduled) { panel.appendChild(element("p", data.terms["@scheduled"], "kg-flag")); }
    var list = element("dl");
    function entry(term, text) {
      list.appendChild(element("dt", term));
      var value = element("dd", text);
      value.setAttribute("dir", "auto");
      list.appendChild(value);
    }
    Object.keys(event.dates).forEach(function (field) { entry(data.terms["@" + field], event.dates[field].join(", ")); });
    event.participants.forEach(function (p) { entry(p.role, laneName(p.id)); });
    if (event.place) { entry(data.terms.place, laneName(event.place)); }
    panel.appendChild(list);
    event.sources.forEach(function (source) {
      var block = element("div", undefined, "kg-source");
      var title = element("p");
      title.appendChild(element("strong", data.terms["@article"] + ": "));
      var headline = /^https?:\/\//i.test(source.url) ? element("a", source.headline) : element("span", source.headline);
      if (headline.tagName === "A") {
        headline.href = source.url;
        headline.rel = "noopener noreferrer";
        headline.target = "_blank";
      }
      headline.setAttribute("dir", "auto");
      title.appendChild(headline);
      if (source.published) { title.appendChild(element("span", " (" + source.published + ")")); }
      block.appendChild(title);
      source.sentences.forEach(function (sentence) {
        var quote = element("blockquote", sentence);
        quote.setAttribute("dir", "auto");
        block.appendChild(quote);
      });
      panel.appendChild(block);
    });
    view.details = event.id;
  }

  document.querySelectorAll("input[name=kg-group]").forEach(function (radio) {
    radio.addEventListener("change", render);
  });
  byId("kg-search").addEventListener("input", render);
  byId("kg-zoom").addEventListener("input", render);
  render();
  view.ready = true;
  view.render = render;
  view.isoOf = isoOf;
  document.documentElement.setAttribute("data-kg-ready", "1");
})();
