(function () {
  "use strict";
  var data = {};
  try {
    data = JSON.parse(document.getElementById("report-data").textContent || "{}");
  } catch (err) {
    data = {};
  }
  var rank = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };
  var sevSelect = document.getElementById("filter-severity");
  var agentSelect = document.getElementById("filter-agent");
  var search = document.getElementById("filter-text");
  var status = document.getElementById("filter-status");
  var rows = Array.prototype.slice.call(document.querySelectorAll("#findings .finding"));
  (data.agents || []).forEach(function (name) {
    var option = document.createElement("option");
    option.value = name;
    option.textContent = name;
    agentSelect.appendChild(option);
  });
  function apply() {
    var minimum = sevSelect.value;
    var agent = agentSelect.value;
    var query = search.value.trim().toLowerCase();
    var shown = 0;
    rows.forEach(function (row) {
      var visible = (!minimum || rank[row.getAttribute("data-severity")] >= rank[minimum]) &&
        (!agent || row.getAttribute("data-agent") === agent) &&
        (!query || row.textContent.toLowerCase().indexOf(query) !== -1);
      row.hidden = !visible;
      if (visible) { shown += 1; }
    });
    status.textContent = shown + " of " + rows.length + " findings shown";
  }
  var timer = null;
  sevSelect.addEventListener("change", apply);
  agentSelect.addEventListener("change", apply);
  search.addEventListener("input", function () {
    if (timer !== null) { clearTimeout(timer); }
    timer = setTimeout(apply, 150);
  });
  function setAll(open) {
    Array.prototype.forEach.call(document.querySelectorAll("details"), function (d) { d.open = open; });
  }
  document.getElementById("expand-all").addEventListener("click", function () { setAll(true); });
  document.getElementById("collapse-all").addEventListener("click", function () { setAll(false); });
  // Closed <details> print closed; open them for printing and restore afterwards.
  window.addEventListener("beforeprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll("details:not([open])"), function (d) {
      d.setAttribute("data-print-opened", "1");
      d.open = true;
    });
  });
  window.addEventListener("afterprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll("details[data-print-opened]"), function (d) {
      d.removeAttribute("data-print-opened");
      d.open = false;
    });
  });
  apply();
  document.body.setAttribute("data-ready", "1");
})();
