// Tells each table block whether its table scrolls sideways (data-overflows or data-fits) and
// whether it is scrolled to the end (data-at-end), so tables.css shows the "scroll" hint and
// the edge shadow only where there is more to see.
(function () {
  var blocks = Array.prototype.slice.call(document.querySelectorAll(".table-block"));
  function update(block) {
    var scroller = block.querySelector(".table-scroll");
    if (!scroller) return;
    var overflows = scroller.scrollWidth > scroller.clientWidth + 1;
    block.toggleAttribute("data-overflows", overflows);
    block.toggleAttribute("data-fits", !overflows);
    block.toggleAttribute("data-at-end", scroller.scrollLeft + scroller.clientWidth >= scroller.scrollWidth - 1);
  }
  blocks.forEach(function (block) {
    var scroller = block.querySelector(".table-scroll");
    if (scroller) scroller.addEventListener("scroll", function () { update(block); }, { passive: true });
    update(block);
  });
  window.addEventListener("resize", function () { blocks.forEach(update); });
})();
