// Navigation on long pages (chapter pages): the contents mark the section in view, a heading's
// link copies the section's address, and the phone's "contents" control opens the contents (the
// language switch keeping the section is in site.js). Without JavaScript all of these are plain links.
(function () {
  var headings = Array.prototype.slice.call(document.querySelectorAll(".chapter-body :is(h2, h3, h4, h5, h6)[id]"));

  // The heading of the section being read: the last one above the top fifth of the viewport.
  function currentHeading(among) {
    var line = window.innerHeight / 5;
    var current = null;
    for (var i = 0; i < among.length; i++) {
      if (among[i].getBoundingClientRect().top > line) break;
      current = among[i];
    }
    return current;
  }

  // MARK: - The section in view, marked in the contents

  var tocLinks = {};
  document.querySelectorAll(".toc a[href^='#']").forEach(function (link) {
    tocLinks[decodeURIComponent(link.hash.slice(1))] = link;
  });
  var tocHeadings = headings.filter(function (heading) { return tocLinks[heading.id]; });
  var marked = null;
  function markSection() {
    var heading = currentHeading(tocHeadings) || tocHeadings[0];
    var link = heading && tocLinks[heading.id];
    if (link === marked) return;
    if (marked) marked.removeAttribute("aria-current");
    if (link) link.setAttribute("aria-current", "location");
    marked = link;
  }
  if (tocHeadings.length && "IntersectionObserver" in window) {
    // Headings crossing the viewport are the only moments the section can change.
    var observer = new IntersectionObserver(markSection, { rootMargin: "0px 0px -80% 0px" });
    tocHeadings.forEach(function (heading) { observer.observe(heading); });
    markSection();
  }

  // MARK: - Heading links copy the section's address

  var status = document.getElementById("heading-link-status");
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.heading-link");
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    var address = link.href;
    window.history.replaceState(null, "", link.hash);
    link.parentNode.scrollIntoView();
    function copied() {
      link.setAttribute("data-copied", "");
      if (status) status.textContent = status.dataset.copied;
      window.setTimeout(function () {
        link.removeAttribute("data-copied");
        if (status) status.textContent = "";
      }, 2000);
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(address).then(copied, function () {});
    }
  });

  // MARK: - Contents on phones

  // The contents start closed on phones (site.js); the control opens them before jumping there.
  document.querySelectorAll("a[data-open-contents]").forEach(function (link) {
    link.addEventListener("click", function () {
      var details = document.querySelector("#contents details");
      if (details) details.open = true;
    });
  });
})();
