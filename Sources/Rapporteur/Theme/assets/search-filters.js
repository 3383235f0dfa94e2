// The filters of a library's search (report, meeting series, year), which assets/search.js loads
// when a reader opens them or the address holds a choice. They read the reports file named in the
// manifest (Sources/Search/SearchReports.swift): each report with its sections first..<end.
// They narrow each other, as faceted filters do: each select offers only what the reports that
// match the other choices have (a series leaves its reports and years), and a choice the others
// rule out is cleared.
(function () {
  "use strict";

  var CHOICES = ["report", "series", "year"];

  // What a report has for a choice, as the select's option values say it.
  function valueOf(report, name) {
    return name === "report" ? report.id : name === "series" ? report.series : String(report.year);
  }

  // Whether `report` matches every choice of `chosen` but `except`.
  function matches(report, chosen, except) {
    return CHOICES.every(function (name) { return name === except || !chosen[name] || valueOf(report, name) === chosen[name]; });
  }

  // Three selects in `box`, their labels from `strings` (the results' data attributes). Choices
  // stay in the address (`?q=…&report=tel60-sample`) and go with the next query: the selects
  // belong to the search form. `onChange` runs when a choice changes.
  function Filters(box, index, manifest, strings, onChange) {
    var params = new URLSearchParams(window.location.search);
    var filters = this;
    this.index = index;
    this.manifest = manifest;
    this.onChange = onChange;
    this.chosen = {};
    this.reports = null;
    this.options = {};
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
        filters.narrow(name);
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
      filters.options = {
        report: reports.map(function (report) { return [report.id, report.title]; }),
        series: Array.from(series),
        year: years.map(function (year) { return [String(year), String(year)]; }),
      };
      // A choice the index does not offer, or that the address's other choices rule out, is no choice.
      CHOICES.forEach(function (name) {
        var offered = filters.options[name].some(function (option) { return option[0] === filters.chosen[name]; });
        if (!offered) filters.chosen[name] = "";
      });
      filters.narrow(null);
    });
  };

  // Clears the choices that no report matches together with `kept` (the choice just made) and
  // those before them, then offers in each select what the other choices leave.
  Filters.prototype.narrow = function (kept) {
    var chosen = this.chosen;
    var reports = this.reports || [];
    var together = {};
    [kept].concat(CHOICES).forEach(function (name) {
      if (!name || !chosen[name] || together[name]) return;
      together[name] = chosen[name];
      if (!reports.some(function (report) { return matches(report, together, null); })) {
        delete together[name];
        chosen[name] = "";
      }
    });
    var filters = this;
    CHOICES.forEach(function (name) {
      var left = new Set(reports.filter(function (report) { return matches(report, chosen, name); }).map(function (report) {
        return valueOf(report, name);
      }));
      var select = filters.selects[name];
      // The select itself stays (and keeps the focus); only its options change.
      while (select.options.length > 1) select.remove(1);
      filters.options[name].forEach(function (option) {
        if (left.has(option[0])) select.appendChild(new Option(option[1], option[0]));
      });
      select.value = chosen[name];
    });
    this.keepInAddress();
  };

  // Clears every choice and shows every result again, the focus on the first select (the
  // control that cleared them goes with the message it was in).
  Filters.prototype.clear = function () {
    var chosen = this.chosen;
    CHOICES.forEach(function (name) { chosen[name] = ""; });
    this.narrow(null);
    this.selects[CHOICES[0]].focus();
    this.onChange();
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
      return report && matches(report, chosen, null);
    });
  };

  window.RapporteurSearchFilters = Filters;
})();
