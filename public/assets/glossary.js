// The glossary's filter: rows whose text does not contain what was typed are hidden, and so is an
// initial with no row left. Without JavaScript the box stays hidden and every row is shown.
(function () {
  var box = document.querySelector(".glossary-filter");
  var input = document.getElementById("glossary-filter");
  var count = document.getElementById("glossary-count");
  if (!box || !input || !count) return;
  var rows = Array.prototype.slice.call(document.querySelectorAll(".glossary-table tbody tr:not(.glossary-letter)"));
  box.hidden = false;

  function filter() {
    var query = input.value.trim().toLocaleLowerCase();
    var shown = 0;
    rows.forEach(function (row) {
      var match = !query || row.textContent.toLocaleLowerCase().indexOf(query) !== -1;
      row.hidden = !match;
      if (match) shown += 1;
    });
    document.querySelectorAll(".glossary-table tbody").forEach(function (group) {
      var empty = !group.querySelector("tr:not(.glossary-letter):not([hidden])");
      group.hidden = empty;
      var jump = document.querySelector('.glossary-letters a[href="#' + group.id + '"]');
      if (jump) jump.parentNode.hidden = empty;
    });
    count.textContent = query ? count.dataset.shown.replace("{count}", shown).replace("{total}", rows.length) : "";
  }
  input.addEventListener("input", filter);
  filter();
})();
