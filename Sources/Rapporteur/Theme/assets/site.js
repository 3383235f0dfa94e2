// Keeps the reader at the same section when switching language: headings have the same id in
// both languages, so the current #fragment is carried over to the other language's page.
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a[data-keep-hash]");
  if (link && window.location.hash) {
    link.setAttribute("href", link.getAttribute("href").split("#")[0] + window.location.hash);
  }
});

// On phones the chapter list and the table of contents start closed, so the text comes first.
// Without JavaScript they stay open, which is still usable.
if (window.matchMedia && window.matchMedia("(max-width: 47.99rem)").matches) {
  document.querySelectorAll("details[data-collapse-narrow]").forEach(function (details) {
    details.open = false;
  });
}
