// Marks the words a search result matched on the chapter page it opens: ?highlight= holds them
// as the text spells them (assets/search.js finds them), separated by spaces. The page then
// scrolls to the first mark in the section the address names, or in the page.
(function () {
  "use strict";

  var words = (new URLSearchParams(window.location.search).get("highlight") || "").split(" ")
    .map(function (word) { return word.toLowerCase(); })
    .filter(function (word) { return word.length > 0; })
    .sort(function (a, b) { return b.length - a.length; });
  var article = document.querySelector("main article") || document.querySelector("main");
  if (!words.length || !article) return;

  // Wraps each occurrence of a word in one text node in <mark>.
  function mark(node) {
    var text = node.nodeValue;
    var lower = text.toLowerCase();
    var ranges = [];
    words.forEach(function (word) {
      for (var at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + word.length)) ranges.push([at, at + word.length]);
    });
    if (!ranges.length || lower.length !== text.length) return;
    ranges.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var fragment = document.createDocumentFragment();
    var position = 0;
    ranges.forEach(function (range) {
      if (range[0] < position) return;
      fragment.appendChild(document.createTextNode(text.slice(position, range[0])));
      var element = document.createElement("mark");
      element.className = "search-highlight";
      element.textContent = text.slice(range[0], range[1]);
      fragment.appendChild(element);
      position = range[1];
    });
    fragment.appendChild(document.createTextNode(text.slice(position)));
    node.parentNode.replaceChild(fragment, node);
  }

  var walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT, {
    acceptNode: function (node) {
      return node.parentNode.closest("script, style, nav, mark") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
    }
  });
  var nodes = [];
  while (walker.nextNode()) nodes.push(walker.currentNode);
  nodes.forEach(mark);

  // The first mark at or after the section's heading.
  var marks = Array.from(article.querySelectorAll("mark.search-highlight"));
  var target = window.location.hash ? document.getElementById(decodeURIComponent(window.location.hash.slice(1))) : null;
  var first = marks.find(function (element) {
    return !target || target.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING || target.contains(element);
  });
  if (target) target.scrollIntoView();
  else if (first) first.scrollIntoView({ block: "center" });
  if (first) first.classList.add("search-highlight-first");
})();
