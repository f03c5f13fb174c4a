// The query page: runs the query against this server's own /sparql and shows
// the answer.  Every value from the store (article text is untrusted) reaches
// the page through textContent, never as markup; the only requests are to
// this server (the Content-Security-Policy allows nothing else).
(function () {
  "use strict";
  var examples = JSON.parse(document.getElementById("examples-data").textContent);
  var form = document.getElementById("query-form");
  var queryBox = document.getElementById("query");
  var graphBox = document.getElementById("graph");
  var examplesList = document.getElementById("examples");
  var status = document.getElementById("status");
  var results = document.getElementById("results");
  var raw = document.getElementById("raw");
  var ACCEPT = "application/sparql-results+json, text/turtle;q=0.9";

  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined) { node.textContent = text; }
    if (className) { node.className = className; }
    return node;
  }

  function say(text, isError) {
    status.textContent = text;
    status.className = isError ? "error" : "";
  }

  function parameters() {
    var params = new URLSearchParams();
    params.set("query", queryBox.value);
    if (graphBox.value.trim()) { params.set("default-graph-uri", graphBox.value.trim()); }
    return params;
  }

  function updateRawLink() {
    raw.href = "sparql?" + parameters().toString();
  }

  function cell(term) {
    var td = element("td");
    if (!term) { return td; }
    td.textContent = term.value;
    if (term.type === "uri") {
      td.className = "iri";
    } else {
      td.setAttribute("dir", "auto");
      var tag = term["xml:lang"] ? "@" + term["xml:lang"] : "";
      if (!tag && term.datatype && term.datatype.indexOf("#string") < 0) {
        tag = term.datatype.replace(/^.*[#\/]/, "");
      }
      if (tag) { td.appendChild(element("span", tag, "tag")); }
    }
    return td;
  }

  function showSolutions(data) {
    if (typeof data.boolean === "boolean") {
      results.appendChild(element("p", data.boolean ? "true" : "false", "answer"));
      return 1;
    }
    var vars = data.head.vars || [];
    var table = element("table");
    var head = element("tr");
    vars.forEach(function (name) { head.appendChild(element("th", "?" + name)); });
    table.appendChild(element("thead")).appendChild(head);
    var body = element("tbody");
    data.results.bindings.forEach(function (row) {
      var tr = element("tr");
      vars.forEach(function (name) { tr.appendChild(cell(row[name])); });
      body.appendChild(tr);
    });
    table.appendChild(body);
    results.appendChild(table);
    return data.results.bindings.length;
  }

  function run() {
    var started = performance.now();
    results.textContent = "";
    say("…");
    fetch("sparql", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "Accept": ACCEPT },
      body: parameters().toString()
    }).then(function (response) {
      var type = response.headers.get("Content-Type") || "";
      var cut = response.headers.get("X-SPARQL-MaxRows");
      if (!response.ok) {
        return response.text().then(function (text) { say(response.status + ": " + text, true); });
      }
      if (type.indexOf("json") >= 0) {
        return response.json().then(function (data) {
          var rows = showSolutions(data);
          var seconds = ((performance.now() - started) / 1000).toFixed(2);
          say(typeof data.boolean === "boolean" ? seconds + " s" :
              rows + " rows, " + seconds + " s" + (cut ? " (cut at the limit of " + cut + " rows)" : ""));
        });
      }
      return response.text().then(function (text) {
        results.appendChild(element("pre", text, "graph"));
        say(((performance.now() - started) / 1000).toFixed(2) + " s; \u201cView as graph\u201d draws it");
      });
    }).catch(function (error) { say(String(error), true); });
  }

  examples.forEach(function (example, index) {
    examplesList.options[index + 1].title = example.text;
  });
  examplesList.addEventListener("change", function () {
    var chosen = examples[examplesList.selectedIndex - 1];
    if (chosen) { queryBox.value = chosen.text; updateRawLink(); }
  });
  queryBox.addEventListener("input", updateRawLink);
  graphBox.addEventListener("input", updateRawLink);
  queryBox.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); run(); }
  });
  form.addEventListener("submit", function (event) {
    // "View as graph" submits the form itself, to /view in a new tab.
    if (event.submitter && event.submitter.id === "view") { return; }
    event.preventDefault();
    run();
  });
  updateRawLink();
}());
