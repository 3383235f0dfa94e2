// Keeps the reader at the same section when switching language: headings have the same id in
// both languages, so the current #fragment is carried over to the other language's page.
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a[data-keep-hash]");
  if (link && window.location.hash) {
    link.setAttribute("href", link.getAttribute("href").split("#")[0] + window.location.hash);
  }
});
