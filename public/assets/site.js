// Keeps the reader at the same section when switching language: headings have the same id in
// both languages, so the other language's page opens at the heading of the section being read
// (the last heading above the top fifth of the window), or else at the current #fragment.
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a[data-keep-hash]");
  if (!link) return;
  var heading = null;
  if (window.scrollY > 0) {
    var line = window.innerHeight / 5;
    var headings = document.querySelectorAll("main :is(h2, h3, h4, h5, h6)[id]");
    for (var i = 0; i < headings.length && headings[i].getBoundingClientRect().top <= line; i++) heading = headings[i];
  }
  var hash = heading ? "#" + encodeURIComponent(heading.id) : window.location.hash;
  if (hash) link.setAttribute("href", link.getAttribute("href").split("#")[0] + hash);
});

// On phones the chapter list and the table of contents start closed, so the text comes first.
// Without JavaScript they stay open, which is still usable.
if (window.matchMedia && window.matchMedia("(max-width: 47.99rem)").matches) {
  document.querySelectorAll("details[data-collapse-narrow]").forEach(function (details) {
    details.open = false;
  });
}
