// Search over the split index the build writes for each language in <lang>/search/ (see
// Sources/Search/SearchFiles.swift): the manifest (index.json), then only the chunks of postings
// that hold the query's terms, then the fragments (chapter, heading, URL, text) of the results
// shown. In a library, the filters (report, meeting series, year: assets/search-filters.js) and
// the reports file (SearchReports.swift) load only when a reader opens or uses them. Queries are
// split as Sources/Search/SearchTokenizer.swift splits the text: a run of CJK characters gives
// its bigrams (one character alone is its own term), each character folded to one form of its
// variants (臺 and 台; CharacterVariants.swift); other words are lower-cased and stripped of accents, and in an English index (SearchRules.swift) stemmed with Porter's
// step 1, as EnglishStemmer.swift does, its function words left out. The two must stay in step.
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
  var PAGE_SIZE = 8;

  // MARK: - Terms

  // Per index: whether words are stemmed, and each variant character's folded form.
  function Rules(manifest) {
    this.english = /^en(-|$)/i.test(manifest.language || "");
    this.variants = new Map();
  }

  Rules.prototype.addVariants = function (pairs) {
    var characters = Array.from(pairs);
    for (var i = 0; i + 1 < characters.length; i += 2) this.variants.set(characters[i], characters[i + 1]);
  };

  // Case, width and accents folded (NFKC, lower case, marks dropped), then CJK variants.
  Rules.prototype.fold = function (text) {
    var variants = this.variants;
    var folded = text.normalize("NFKC").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").normalize("NFC");
    return Array.from(folded, function (character) { return variants.get(character) || character; }).join("");
  };

  // The CJK runs and words of a text, as SearchTerms does.
  Rules.prototype.runs = function (text) {
    var found = [];
    var cjk = "";
    var word = "";
    function flush() {
      if (cjk) found.push({ cjk: true, text: cjk });
      if (word) found.push({ cjk: false, text: word });
      cjk = "";
      word = "";
    }
    for (var character of this.fold(text)) {
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
  };

  // The terms to look up: bigrams of CJK runs (a single character as itself), stemmed words.
  Rules.prototype.terms = function (query) {
    var rules = this;
    var terms = [];
    this.runs(query).forEach(function (run) {
      if (run.cjk) {
        var characters = Array.from(run.text);
        if (characters.length === 1) terms.push(characters[0]);
        for (var i = 1; i < characters.length; i++) terms.push(characters[i - 1] + characters[i]);
      } else if (Array.from(run.text).length > 1 && !(rules.english && STOP_WORDS.has(run.text))) {
        terms.push(rules.english ? stem(run.text) : run.text);
      }
    });
    return Array.from(new Set(terms));
  };

  // The query and the queries its synonyms give: each group member found in the folded query
  // replaced by each other member of its group.
  Rules.prototype.alternatives = function (query, synonyms) {
    var rules = this;
    var folded = rules.fold(query);
    var queries = [folded];
    (synonyms || []).forEach(function (group) {
      var members = group.map(function (member) { return rules.fold(member); });
      members.forEach(function (member) {
        var at = folded.indexOf(member);
        if (!member || at < 0) return;
        members.forEach(function (other) {
          if (other !== member) queries.push(folded.slice(0, at) + other + folded.slice(at + member.length));
        });
      });
    });
    return Array.from(new Set(queries)).slice(0, 8);
  };

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
    if (word.length <= 2 || !/^[a-z]+$/.test(word)) return word;
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

  // MARK: - The index's files

  // Each file fetched once, relative to the manifest's folder.
  function Index(url) {
    this.folder = new URL(".", new URL(url, window.location.href)).href;
    this.url = url;
    this.files = new Map();
  }

  Index.prototype.get = function (name) {
    var url = new URL(name, this.folder).href;
    if (!this.files.has(url)) {
      this.files.set(url, fetch(url).then(function (response) {
        if (!response.ok) throw new Error(response.status + " " + response.statusText + ": " + url);
        return response.json();
      }));
    }
    return this.files.get(url);
  };

  // Code point order, as the build sorts terms (UTF-16 order differs beyond U+FFFF).
  function compare(a, b) {
    var x = Array.from(a, function (c) { return c.codePointAt(0); });
    var y = Array.from(b, function (c) { return c.codePointAt(0); });
    for (var i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
    return x.length - y.length;
  }

  // The name of the chunk that holds `term`: the last whose first term is not after it.
  function chunkName(manifest, term) {
    var low = 0;
    var high = manifest.chunks.length - 1;
    if (high < 0) return null;
    while (low < high) {
      var middle = (low + high + 1) >> 1;
      if (compare(manifest.chunks[middle][0], term) <= 0) low = middle; else high = middle - 1;
    }
    return "terms-" + manifest.chunks[low][1] + ".json";
  }

  // A term's postings: section number -> {count, heading}.
  function postings(list) {
    var found = new Map();
    var section = 0;
    (list || "").split(" ").forEach(function (posting) {
      var match = /^(\d+)(?::(\d+))?(\*?)$/.exec(posting);
      if (!match) return;
      section += Number(match[1]);
      found.set(section, { count: match[2] ? Number(match[2]) : 1, heading: match[3] === "*" });
    });
    return found;
  }

  // Loads the manifest and what the query needs of the rest: {manifest, rules, lists} where
  // lists maps each term to its postings.
  function load(index, query) {
    return index.get(index.url).then(function (manifest) {
      var rules = new Rules(manifest);
      var variants = manifest.variants && CJK.test(query) ? index.get(manifest.variants) : Promise.resolve({ pairs: "" });
      return variants.then(function (file) {
        rules.addVariants(file.pairs || "");
        var queries = rules.alternatives(query, manifest.synonyms);
        var terms = Array.from(new Set([].concat.apply([], queries.map(function (q) { return rules.terms(q); }))));
        var names = Array.from(new Set(terms.map(function (term) { return chunkName(manifest, term); }).filter(Boolean)));
        return Promise.all(names.map(function (name) { return index.get(name); })).then(function (chunks) {
          var lists = new Map();
          terms.forEach(function (term) {
            var chunk = chunks[names.indexOf(chunkName(manifest, term))];
            lists.set(term, postings(chunk && Object.prototype.hasOwnProperty.call(chunk, term) ? chunk[term] : ""));
          });
          return { manifest: manifest, rules: rules, queries: queries, lists: lists };
        });
      });
    });
  }

  // MARK: - Ranking

  // Sections holding every term of a query (or, when none does, the most terms), each with a
  // score: rarer terms and repeated ones weigh more, a term in the heading twice, a section
  // whose heading holds every term more; table pages (the glossary among them) weigh less.
  function rankQuery(loaded, terms) {
    var manifest = loaded.manifest;
    var tables = new Set(manifest.tables || []);
    var scores = new Map();
    var matched = new Map();
    var headed = new Map();
    terms.forEach(function (term) {
      var list = loaded.lists.get(term);
      var weight = Math.log(1 + manifest.sections / Math.max(list.size, 1));
      list.forEach(function (posting, section) {
        scores.set(section, (scores.get(section) || 0) + (1 + Math.log(posting.count)) * weight * (posting.heading ? 2 : 1));
        matched.set(section, (matched.get(section) || 0) + 1);
        if (posting.heading) headed.set(section, (headed.get(section) || 0) + 1);
      });
    });
    var best = 0;
    matched.forEach(function (count) { best = Math.max(best, count); });
    var found = new Map();
    matched.forEach(function (count, section) {
      if (count < best) return;
      var score = scores.get(section);
      if (headed.get(section) === terms.length) score *= 1.5;
      if (tables.has(section)) score *= 0.4;
      found.set(section, score);
    });
    return found;
  }

  // Every section found by the query or one of its synonyms' queries, best first.
  function rank(loaded) {
    var best = new Map();
    loaded.queries.forEach(function (query) {
      var terms = loaded.rules.terms(query);
      if (terms.length === 0) return;
      rankQuery(loaded, terms).forEach(function (score, section) {
        best.set(section, Math.max(best.get(section) || 0, score));
      });
    });
    return Array.from(best, function (entry) { return { section: entry[0], score: entry[1] }; })
      .sort(function (a, b) { return b.score - a.score || a.section - b.section; });
  }

  // The fragments of `hits` (section numbers), fetched by file.
  function fragments(index, manifest, hits) {
    return Promise.all(hits.map(function (hit) {
      var file = Math.floor(hit.section / manifest.perFragment);
      return index.get(manifest.fragments + file + ".json").then(function (entries) {
        return entries[hit.section - file * manifest.perFragment];
      });
    }));
  }

  // The words and CJK runs of a text, folded, one space apart: the form phrases are compared in.
  function phraseForm(rules, text) {
    return rules.runs(text).map(function (run) { return run.text; }).join(" ");
  }

  // The first results moved up where their heading or text holds a query's words in order: a
  // phrase ranks above its words scattered.
  function phraseFirst(loaded, hits, entries) {
    var phrases = loaded.queries.map(function (query) { return phraseForm(loaded.rules, query); })
      .filter(function (phrase) { return phrase.indexOf(" ") > 0 || Array.from(phrase).length > 2; });
    var order = hits.map(function (hit, i) {
      var text = phraseForm(loaded.rules, entries[i].heading + " " + entries[i].text);
      var phrase = phrases.some(function (query) { return text.indexOf(query) >= 0; });
      return { hit: hit, entry: entries[i], score: hit.score * (phrase ? 2 : 1), position: i };
    });
    order.sort(function (a, b) { return b.score - a.score || a.position - b.position; });
    return order;
  }

  // MARK: - Showing results

  // The spans of `text` to mark: where its folded form holds a needle (folding keeps lengths,
  // character by character, for all the text the report has).
  function matches(rules, text, needles) {
    var folded = Array.from(text, function (c) {
      var f = rules.fold(c);
      return f.length === c.length ? f : c;
    }).join("");
    var ranges = [];
    needles.forEach(function (needle) {
      for (var at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + needle.length)) {
        ranges.push([at, at + needle.length]);
      }
    });
    ranges.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var kept = [];
    ranges.forEach(function (range) {
      if (!kept.length || range[0] >= kept[kept.length - 1][1]) kept.push(range);
    });
    return kept;
  }

  // What to mark: each query's CJK runs and bigrams, its words and their stems.
  function needles(loaded) {
    var list = [];
    loaded.queries.forEach(function (query) {
      loaded.rules.runs(query).forEach(function (run) {
        list.push(run.text);
        if (!run.cjk && loaded.rules.english) list.push(stem(run.text));
      });
      loaded.rules.terms(query).forEach(function (term) { list.push(term); });
    });
    return Array.from(new Set(list)).filter(function (needle) { return needle.length > 0; })
      .sort(function (a, b) { return b.length - a.length; });
  }

  function appendMarked(parent, text, ranges) {
    var position = 0;
    ranges.forEach(function (range) {
      parent.appendChild(document.createTextNode(text.slice(position, range[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(range[0], range[1]);
      parent.appendChild(mark);
      position = range[1];
    });
    parent.appendChild(document.createTextNode(text.slice(position)));
  }

  // About 150 characters of the text around the first match.
  function excerpt(rules, text, marks) {
    var found = matches(rules, text, marks);
    var first = found.length ? found[0][0] : 0;
    var start = Math.max(0, first - 40);
    var space = text.indexOf(" ", start);
    if (start > 0 && space >= 0 && space < first && space - start < 20) start = space + 1; // not mid-word
    var end = Math.min(text.length, start + 150);
    return (start > 0 ? "…" : "") + text.slice(start, end) + (end < text.length ? "…" : "");
  }

  // The result's address with the words to mark on its page (assets/highlight.js): the text's
  // own spellings of what matched, so the page needs no folding.
  function addressWithHighlight(url, words) {
    if (!words.length) return url;
    var hash = url.indexOf("#");
    var path = hash < 0 ? url : url.slice(0, hash);
    return path + (path.indexOf("?") < 0 ? "?" : "&") + "highlight=" + encodeURIComponent(words.join(" ")) +
      (hash < 0 ? "" : url.slice(hash));
  }

  function resultItem(loaded, entry, marks) {
    var item = document.createElement("li");
    var link = document.createElement("a");
    var whole = entry.heading + " " + entry.text;
    // highlight.js ignores case: one spelling of each word is enough.
    var words = Array.from(new Set(matches(loaded.rules, whole, marks).map(function (range) {
      return whole.slice(range[0], range[1]).toLowerCase();
    }))).slice(0, 10);
    link.href = addressWithHighlight(entry.url, words);
    link.className = "search-result-title";
    appendMarked(link, entry.heading, matches(loaded.rules, entry.heading, marks));
    var chapter = document.createElement("p");
    chapter.className = "search-result-chapter";
    chapter.textContent = entry.chapter;
    item.appendChild(link);
    if (entry.reportLabel) {
      var report = document.createElement("p");
      report.className = "search-result-report";
      report.textContent = entry.reportLabel;
      item.appendChild(report);
    }
    item.appendChild(chapter);
    if (entry.text) {
      var text = document.createElement("p");
      text.className = "search-result-excerpt";
      var shown = excerpt(loaded.rules, entry.text, marks);
      appendMarked(text, shown, matches(loaded.rules, shown, marks));
      item.appendChild(text);
    }
    return item;
  }

  // Shows the results page by page, each page's fragments fetched when it is shown.
  function show(index, loaded, hits) {
    var marks = needles(loaded);
    var list = document.createElement("ol");
    list.className = "search-result-list";
    results.replaceChildren(list);
    var more = document.createElement("button");
    more.type = "button";
    more.className = "search-more";
    more.textContent = results.dataset.more || "More";
    var shown = 0;
    function next() {
      var page = hits.slice(shown, shown + PAGE_SIZE);
      more.disabled = true;
      return fragments(index, loaded.manifest, page).then(function (entries) {
        var ordered = shown === 0 ? phraseFirst(loaded, page, entries) : entries.map(function (entry) { return { entry: entry }; });
        ordered.forEach(function (result) { list.appendChild(resultItem(loaded, result.entry, marks)); });
        shown += page.length;
        more.disabled = false;
        if (shown < hits.length) results.appendChild(more); else more.remove();
      });
    }
    more.addEventListener("click", next);
    return next();
  }

  function message(name, values) {
    var text = results.dataset[name] || "";
    Object.keys(values).forEach(function (key) { text = text.replace("{" + key + "}", String(values[key])); });
    return text;
  }

  // MARK: - When nothing is found

  function levenshtein(a, b) {
    var row = Array.from({ length: b.length + 1 }, function (_, i) { return i; });
    for (var i = 1; i <= a.length; i++) {
      var diagonal = row[0];
      row[0] = i;
      for (var j = 1; j <= b.length; j++) {
        var above = row[j];
        row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
        diagonal = above;
      }
    }
    return row[b.length];
  }

  // The glossary term nearest the query: fewest edits to it, or to one of its expansion's words.
  function nearestTerm(rules, help, query) {
    var folded = rules.fold(query).trim();
    var best = null;
    (help.glossary || []).forEach(function (entry) {
      var candidates = [entry.term].concat(entry.expansion.split(/\s+/));
      candidates.forEach(function (candidate) {
        var distance = levenshtein(folded, rules.fold(candidate));
        var limit = Math.max(1, Math.floor(folded.length / 3));
        if (distance <= limit && (!best || distance < best.distance)) best = { entry: entry, distance: distance };
      });
    });
    return best && best.entry;
  }

  function paragraph(text) {
    var p = document.createElement("p");
    p.textContent = text;
    return p;
  }

  function languageName(code) {
    try {
      return new Intl.DisplayNames([document.documentElement.lang], { type: "language" }).of(code) || code;
    } catch (error) {
      return code;
    }
  }

  // The other languages' pages of this search (the page's alternates), each with its count.
  function otherLanguages(query, box) {
    var links = Array.from(document.querySelectorAll("link[rel=alternate][hreflang]")).filter(function (link) {
      return link.hreflang !== "x-default" && link.hreflang !== document.documentElement.lang;
    });
    links.forEach(function (link) {
      // The alternate is absolute (the site's baseURL); its path on this host also works in a preview.
      var page = new URL(new URL(link.href).pathname, window.location.href);
      var other = new Index(new URL("index.json", page).href);
      load(other, query).then(function (loaded) {
        var count = rank(loaded).length;
        if (!count) return;
        var p = document.createElement("p");
        var a = document.createElement("a");
        page.searchParams.set("q", query);
        a.href = page.pathname + page.search;
        a.hreflang = link.hreflang;
        a.textContent = message("other", { count: count, language: languageName(link.hreflang) });
        p.appendChild(a);
        box.insertBefore(p, box.firstChild);
      }).catch(function () {});
    });
  }

  function showHelp(index, loaded, query) {
    var box = document.createElement("div");
    box.className = "search-help";
    results.replaceChildren(box);
    otherLanguages(query, box);
    return index.get(loaded.manifest.help).then(function (help) {
      var term = nearestTerm(loaded.rules, help, query);
      if (term) {
        var p = paragraph(message("nearest", { term: term.term, expansion: term.expansion }) + " ");
        var a = document.createElement("a");
        a.href = help.glossaryURL;
        a.textContent = message("glossary", {});
        p.appendChild(a);
        box.appendChild(p);
      }
      if (!help.chapters.length) return;
      box.appendChild(paragraph(message("chapters", {})));
      var list = document.createElement("ul");
      list.className = "search-chapter-list";
      help.chapters.forEach(function (chapter) {
        var item = document.createElement("li");
        var a = document.createElement("a");
        a.href = chapter.url;
        a.textContent = chapter.title;
        item.appendChild(a);
        list.appendChild(item);
      });
      box.appendChild(list);
    });
  }

  // MARK: - A library's filters

  var SCRIPT = document.currentScript ? document.currentScript.src : "";
  var CHOICES = ["report", "series", "year"];

  function loadScript(url) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = url;
      script.onload = resolve;
      script.onerror = function () { reject(new Error("cannot load " + url)); };
      document.head.appendChild(script);
    });
  }

  // MARK: - Run

  var query = (new URLSearchParams(window.location.search).get("q") || "").trim();
  if (input) input.value = query;
  if (!query) return;
  document.title = query + " · " + document.title;
  status.textContent = message("loading", { query: query, count: 0 });
  var index = new Index(results.dataset.index);
  // The results (those the filters keep); when the filters leave none, how many there are without
  // them and a button that clears them; help when the query finds nothing at all.
  function present(loaded, found, filters) {
    var hits = filters ? filters.apply(found) : found;
    if (hits.length) {
      status.textContent = message("count", { query: query, count: hits.length });
      return show(index, loaded, hits);
    }
    if (found.length) {
      status.textContent = message("filteredNone", { query: query, count: found.length });
      return Promise.resolve(offerClearing(filters));
    }
    status.textContent = message("none", { query: query, count: 0 });
    return showHelp(index, loaded, query);
  }

  function offerClearing(filters) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "search-clear-filters";
    button.textContent = message("clearFilters", {});
    button.addEventListener("click", function () { filters.clear(); });
    var box = document.createElement("div");
    box.className = "search-help";
    box.appendChild(button);
    results.replaceChildren(box);
  }

  // A library's filter form, closed: its selects (assets/search-filters.js) and the reports file
  // load when a reader opens it, or at once when the address holds a choice.
  function offerFilters(loaded, found) {
    var box = document.createElement("details");
    box.className = "search-filters";
    var summary = document.createElement("summary");
    summary.textContent = results.dataset.filters || "Filters";
    box.appendChild(summary);
    status.parentNode.insertBefore(box, status);
    var filters = null;
    var loading = null;
    function open() {
      loading = loading || loadScript(new URL("search-filters.js", SCRIPT).href).then(function () {
        filters = new window.RapporteurSearchFilters(box, index, loaded.manifest, results.dataset, function () {
          delete results.dataset.done;
          present(loaded, found, filters).then(function () { results.dataset.done = "true"; });
        });
        return filters.load();
      });
      return loading;
    }
    box.addEventListener("toggle", function () { if (box.open) open(); });
    var params = new URLSearchParams(window.location.search);
    if (!CHOICES.some(function (name) { return params.get(name); })) return present(loaded, found, null);
    box.open = true;
    return open().then(function () { return present(loaded, found, filters); });
  }

  load(index, query)
    .then(function (loaded) {
      var found = rank(loaded);
      return loaded.manifest.reports ? offerFilters(loaded, found) : present(loaded, found, null);
    })
    .then(function () { results.dataset.done = "true"; })
    .catch(function (error) {
      status.textContent = message("failed", { query: query, count: 0 });
      results.dataset.done = "true";
      if (window.console) console.error(error);
    });
})();
