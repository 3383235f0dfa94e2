// The filters of a library's search (report, meeting series, year), which assets/search.js loads
// when a reader opens them or the address holds a choice. They read the reports file named in the
// manifest (Sources/Search/SearchReports.swift): each report with its sections first..<end.
(function () {
  "use strict";

  var CHOICES = ["report", "series", "year"];

  // Three selects in `box`, their labels from `strings` (the results' data attributes). Choices
  // stay in the address (`?q=…&report=tel60-sample`) and go with the next query: the selects
  // belong to the search form. `onChange` runs when a choice changes.
  function Filters(box, index, manifest, strings, onChange) {
    var params = new URLSearchParams(window.location.search);
    var filters = this;
    this.index = index;
    this.manifest = manifest;
    this.chosen = {};
    this.reports = null;
    this.selects = {};
    var row = document.createElement("div");
    row.className = "search-filter-row";
    CHOICES.forEach(function (name) {
      filters.chosen[name] = params.get(name) || "";
      var label = document.createElement("label");
      var select = document.createElement("select");
      select.id = "search-filter-" + name;
      select.name = name;
      select.setAttribute("form", "search-form");
      label.htmlFor = select.id;
      label.textContent = strings[name] || name;
      select.appendChild(new Option(strings.any || "", ""));
      select.addEventListener("change", function () {
        filters.chosen[name] = select.value;
        filters.keepInAddress();
        onChange();
      });
      filters.selects[name] = select;
      var field = document.createElement("div");
      field.appendChild(label);
      field.appendChild(select);
      row.appendChild(field);
    });
    box.appendChild(row);
  }

  // Fetches the reports and fills the selects.
  Filters.prototype.load = function () {
    var filters = this;
    return this.index.get(this.manifest.reports).then(function (reports) {
      filters.reports = reports.slice().sort(function (a, b) { return a.first - b.first; });
      var series = new Map();
      reports.forEach(function (report) { series.set(report.series, report.seriesName); });
      var years = Array.from(new Set(reports.map(function (report) { return report.year; }))).sort(function (a, b) { return b - a; });
      var options = {
        report: reports.map(function (report) { return [report.id, report.title]; }),
        series: Array.from(series),
        year: years.map(function (year) { return [String(year), String(year)]; }),
      };
      CHOICES.forEach(function (name) {
        var select = filters.selects[name];
        options[name].forEach(function (option) { select.appendChild(new Option(option[1], option[0])); });
        select.value = filters.chosen[name];
        filters.chosen[name] = select.value; // a choice the index does not offer is no choice
      });
    });
  };

  Filters.prototype.keepInAddress = function () {
    var params = new URLSearchParams(window.location.search);
    var chosen = this.chosen;
    CHOICES.forEach(function (name) { if (chosen[name]) params.set(name, chosen[name]); else params.delete(name); });
    window.history.replaceState(null, "", "?" + params.toString() + window.location.hash);
  };

  // The report a section belongs to: the last whose first section is not after it.
  Filters.prototype.reportOf = function (section) {
    var reports = this.reports;
    var low = 0;
    var high = reports.length - 1;
    while (low < high) {
      var middle = (low + high + 1) >> 1;
      if (reports[middle].first <= section) low = middle; else high = middle - 1;
    }
    var report = reports[low];
    return report && section >= report.first && section < report.end ? report : null;
  };

  // The hits whose report matches every choice, before any fragment is fetched.
  Filters.prototype.apply = function (hits) {
    var chosen = this.chosen;
    if (!this.reports || !CHOICES.some(function (name) { return chosen[name]; })) return hits;
    var filters = this;
    return hits.filter(function (hit) {
      var report = filters.reportOf(hit.section);
      return report && (!chosen.report || report.id === chosen.report) && (!chosen.series || report.series === chosen.series) &&
        (!chosen.year || String(report.year) === chosen.year);
    });
  };

  window.RapporteurSearchFilters = Filters;
})();
