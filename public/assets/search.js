// Search over the index the build writes for each language (<lang>/search/index.json), run on
// the search page for the query in ?q=. Queries are split as Sources/Rapporteur/Search/
// SearchTokenizer.swift splits the text: a run of CJK characters gives its bigrams (one
// character alone is its own term, and also finds the bigrams that hold it); other words are
// lower-cased and stripped of accents, and in an English index (SearchRules.swift) stemmed with
// Porter's step 1, as EnglishStemmer.swift does, its function words left out. The two must stay
// in step.
(function () {
  "use strict";

  var results = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var input = document.getElementById("search-q");
  if (!results || !status) return;

  var STOP_WORDS = new Set(["a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in", "is",
    "of", "on", "or", "that", "the", "this", "to", "was", "were", "which", "with"]);
  var CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\u{20000}-\u{3ffff}]/u;
  var WORD = /[\p{Alphabetic}\p{N}]/u;
  var MAX_RESULTS = 50;
  // Whether words are stemmed: set from the index's language once it is loaded.
  var english = true;

  // MARK: - Terms

  // The CJK runs and words of a text, as SearchTokenizer.runs(of:).
  function runs(text) {
    var found = [];
    var cjk = "";
    var word = "";
    function flush() {
      if (cjk) found.push({ cjk: true, text: cjk });
      if (word) found.push({ cjk: false, text: word });
      cjk = "";
      word = "";
    }
    // Accents off (NFD, then the marks dropped) and back to composed form, as the index folds them.
    var folded = text.normalize("NFKC").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").normalize("NFC");
    for (var character of folded) {
      if (CJK.test(character)) {
        if (word) flush();
        cjk += character;
      } else if (WORD.test(character)) {
        if (cjk) flush();
        word += character;
      } else {
        flush();
      }
    }
    flush();
    return found;
  }

  // The terms to look up: bigrams of CJK runs (a single character as itself), stemmed words.
  function queryTerms(query) {
    var terms = [];
    runs(query).forEach(function (run) {
      if (run.cjk) {
        var characters = Array.from(run.text);
        if (characters.length === 1) terms.push(characters[0]);
        for (var i = 1; i < characters.length; i++) terms.push(characters[i - 1] + characters[i]);
      } else if (Array.from(run.text).length > 1 && !(english && STOP_WORDS.has(run.text))) {
        terms.push(stem(run.text));
      }
    });
    return Array.from(new Set(terms));
  }

  // MARK: - Porter's step 1, as EnglishStemmer.swift

  function isConsonant(word, i) {
    var c = word[i];
    if ("aeiou".indexOf(c) >= 0) return false;
    if (c === "y") return i === 0 || !isConsonant(word, i - 1);
    return true;
  }

  function measure(word) {
    var count = 0;
    var previousWasVowel = false;
    for (var i = 0; i < word.length; i++) {
      var consonant = isConsonant(word, i);
      if (consonant && previousWasVowel) count++;
      previousWasVowel = !consonant;
    }
    return count;
  }

  function hasVowel(word) {
    for (var i = 0; i < word.length; i++) if (!isConsonant(word, i)) return true;
    return false;
  }

  function stem(word) {
    if (!english || word.length <= 2 || !/^[a-z]+$/.test(word)) return word;
    // 1a
    if (/(sses|ies)$/.test(word)) word = word.slice(0, -2);
    else if (/s$/.test(word) && !/ss$/.test(word)) word = word.slice(0, -1);
    // 1b
    if (/eed$/.test(word)) {
      if (measure(word.slice(0, -3)) > 0) word = word.slice(0, -1);
    } else {
      var suffix = /ed$/.test(word) ? 2 : /ing$/.test(word) ? 3 : 0;
      if (suffix > 0 && hasVowel(word.slice(0, -suffix))) {
        word = word.slice(0, -suffix);
        var n = word.length;
        if (/(at|bl|iz)$/.test(word)) {
          word += "e";
        } else if (n >= 2 && word[n - 1] === word[n - 2] && isConsonant(word, n - 1) && "lsz".indexOf(word[n - 1]) < 0) {
          word = word.slice(0, -1);
        } else if (measure(word) === 1 && n >= 3 && isConsonant(word, n - 3) && !isConsonant(word, n - 2) &&
          isConsonant(word, n - 1) && "wxy".indexOf(word[n - 1]) < 0) {
          word += "e";
        }
      }
    }
    // 1c
    if (/y$/.test(word) && hasVowel(word.slice(0, -1))) word = word.slice(0, -1) + "i";
    return word;
  }

  // MARK: - Ranking

  // How often a term occurs per section number. A single CJK character also counts the bigrams
  // that hold it: the index has a character on its own only where it stands alone in the text.
  function postings(index, term) {
    var counts = new Map();
    function add(list) {
      list.split(" ").forEach(function (posting) {
        var parts = posting.split(":");
        var section = Number(parts[0]);
        counts.set(section, (counts.get(section) || 0) + (parts.length > 1 ? Number(parts[1]) : 1));
      });
    }
    if (Object.prototype.hasOwnProperty.call(index.terms, term)) add(index.terms[term]);
    if (Array.from(term).length === 1 && CJK.test(term)) {
      Object.keys(index.terms).forEach(function (key) {
        if (key !== term && Array.from(key).length === 2 && key.indexOf(term) >= 0) add(index.terms[key]);
      });
    }
    return counts;
  }

  // Sections holding every term (or, when none does, the most terms), best first.
  function search(index, query) {
    var terms = queryTerms(query);
    if (terms.length === 0) return [];
    var total = index.sections.length;
    var scores = new Map();
    var matched = new Map();
    terms.forEach(function (term) {
      var counts = postings(index, term);
      var weight = Math.log(1 + total / Math.max(counts.size, 1));
      counts.forEach(function (count, section) {
        scores.set(section, (scores.get(section) || 0) + (1 + Math.log(count)) * weight);
        matched.set(section, (matched.get(section) || 0) + 1);
      });
    });
    var best = 0;
    matched.forEach(function (count) { best = Math.max(best, count); });
    var phrase = query.normalize("NFKC").toLowerCase().trim();
    var found = [];
    matched.forEach(function (count, section) {
      if (count < best) return;
      var entry = index.sections[section];
      var score = scores.get(section);
      if (phrase && (entry.heading + " " + entry.text).toLowerCase().indexOf(phrase) >= 0) score *= 2;
      found.push({ section: section, score: score });
    });
    found.sort(function (a, b) { return b.score - a.score || a.section - b.section; });
    return found.slice(0, MAX_RESULTS).map(function (hit) { return index.sections[hit.section]; });
  }

  // MARK: - Showing results

  // What to highlight: the query's CJK runs and bigrams, its words and their stems.
  function needles(query) {
    var list = [];
    runs(query).forEach(function (run) {
      list.push(run.text);
      if (!run.cjk) list.push(stem(run.text));
    });
    queryTerms(query).forEach(function (term) { list.push(term); });
    return Array.from(new Set(list)).filter(function (needle) { return needle.length > 0; })
      .sort(function (a, b) { return b.length - a.length; });
  }

  // Appends `text` to `parent` with every needle inside <mark>.
  function appendMarked(parent, text, marks) {
    var lower = text.toLowerCase();
    var ranges = [];
    marks.forEach(function (needle) {
      for (var at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + needle.length)) {
        ranges.push([at, at + needle.length]);
      }
    });
    ranges.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var position = 0;
    ranges.forEach(function (range) {
      if (range[0] < position) return;
      parent.appendChild(document.createTextNode(text.slice(position, range[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(range[0], range[1]);
      parent.appendChild(mark);
      position = range[1];
    });
    parent.appendChild(document.createTextNode(text.slice(position)));
  }

  // About 150 characters of the text around the first needle found.
  function excerpt(text, marks) {
    var lower = text.toLowerCase();
    var first = -1;
    marks.forEach(function (needle) {
      var at = lower.indexOf(needle);
      if (at >= 0 && (first < 0 || at < first)) first = at;
    });
    var start = Math.max(0, first - 40);
    var space = text.indexOf(" ", start);
    if (start > 0 && space >= 0 && space < first && space - start < 20) start = space + 1; // not mid-word
    var end = Math.min(text.length, start + 150);
    return (start > 0 ? "…" : "") + text.slice(start, end) + (end < text.length ? "…" : "");
  }

  function show(sections, query) {
    var marks = needles(query);
    var list = document.createElement("ol");
    list.className = "search-result-list";
    sections.forEach(function (section) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = section.url;
      link.className = "search-result-title";
      appendMarked(link, section.heading, marks);
      var chapter = document.createElement("p");
      chapter.className = "search-result-chapter";
      chapter.textContent = section.chapter;
      item.appendChild(link);
      item.appendChild(chapter);
      if (section.text) {
        var text = document.createElement("p");
        text.className = "search-result-excerpt";
        appendMarked(text, excerpt(section.text, marks), marks);
        item.appendChild(text);
      }
      list.appendChild(item);
    });
    results.replaceChildren(list);
  }

  function message(name, query, count) {
    return (results.dataset[name] || "").replace("{query}", query).replace("{count}", String(count));
  }

  // MARK: - Run

  var query = (new URLSearchParams(window.location.search).get("q") || "").trim();
  if (input) input.value = query;
  if (!query) return;
  document.title = query + " · " + document.title;
  status.textContent = message("loading", query, 0);
  fetch(results.dataset.index)
    .then(function (response) {
      if (!response.ok) throw new Error(response.status + " " + response.statusText);
      return response.json();
    })
    .then(function (index) {
      english = /^en(-|$)/i.test(index.language || "");
      var found = search(index, query);
      status.textContent = message(found.length ? "count" : "none", query, found.length);
      show(found, query);
    })
    .catch(function (error) {
      status.textContent = message("failed", query, 0);
      if (window.console) console.error(error);
    });
})();
