/* congkhai: search that folds Vietnamese diacritics, and instant filters on listing pages.
 *
 * The index (generator/search/index.py) is split in small files under
 * tim-kiem/chi-muc/: the page fetches, as words are typed, the file of each
 * word's first two letters (tu/; it also holds the titles of the first results
 * of each of its words alone, so the beginning of a query shows after one round
 * trip; the page's inline script fetches them as soon as a word is typed, before
 * this script arrives: CK.early), then
 * the titles of the results it shows (muc/), and for a code the file of its
 * first five digits (ma/). Queries are folded exactly as the index was: NFD, no
 * marks, đ→d, lowercase, punctuation → space, numbers without leading zeros.
 */
(function () {
  "use strict";

  var CK = (window.congkhai = window.congkhai || {});
  var meta = document.querySelector('meta[name="ck-base"]');
  var base = new URL((meta ? meta.content : ".").replace(/\/?$/, "/"), location.href);
  var KIND_WEIGHT = { tt: 1, lv: 0.9, dv: 0.7, nb: 0.6, kh: 0.5, tr: 0.5 };
  var KIND_LABEL = { tt: "Thủ tục", nb: "Thủ tục nội bộ", dv: "Đơn vị", kh: "Kế hoạch", lv: "Lĩnh vực", tr: "Trang" };
  var INDEX = "tim-kiem/chi-muc/", CHUNK = 32;
  var FIELD_WEIGHT = [10, 4, 2, 1];  // name, the popular names a file gives, names reached through a synonym, the rest
  var EXACT = 1, PREFIX = 0.7, TYPO = 0.4;  // how well a typed word matches a word of the index

  CK.fold = function (text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  };

  CK.searchText = function (text) {
    return CK.fold(text).split(/[^a-z0-9]+/).filter(Boolean).join(" ").replace(/\b0+(?=\d)/g, "");
  };

  CK.timings = {};

  /* ---- the index, fetched as the typed words need it ---- */

  var pending = {}, loaded = {}, decoded = {}, previews = {};  // previews: document → [row, labels], from the word files

  function get(path) {
    if (!pending[path]) {
      var early = CK.early && CK.early[path];  // fetched by the page's inline script before this one arrived
      if (early) delete CK.early[path];
      pending[path] = (early || fetch(new URL(INDEX + path, base))).then(function (response) {
        if (response.status === 404) return null;  // no word of the index starts so
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      }).then(function (value) {
        loaded[path] = value;
        if (value && value.p) Object.keys(value.p.d).forEach(function (doc) { previews[doc] = [value.p.d[doc], value.p.l]; });
        return value;
      });
      pending[path].catch(function () { delete pending[path]; });
    }
    return pending[path];
  }

  /* A query: its words, whether the last one is still being typed (then it also
     matches the words it starts; one letter is not enough), and a code. */
  CK.parse = function (query) {
    var words = CK.searchText(query).split(" ").filter(Boolean), open = words.length > 0 && !/\s$/.test(query);
    if (open && words[words.length - 1].length < 2) {  // one letter: wait for the next; one digit ("mức 1") is a word
      if (!/\d/.test(words[words.length - 1])) words.pop();
      open = false;
    }
    var code = CK.fold(query).replace(/\s+/g, "");
    code = /^\d[\d.]*$/.test(code) ? code : "";
    if (code.indexOf(".") >= 0) words = [];  // "1.001193" is a code, not words
    var digits = code.replace(/\./g, "");
    return { words: words, open: open, code: code, codeFile: digits.length >= 5 ? "ma/" + digits.slice(0, 5) + ".json" : "" };
  };

  function wordFile(word) { return "tu/" + word.slice(0, 2) + ".json"; }

  /* The files a query needs, fetched in parallel (each once). */
  CK.need = function (parsed) {
    var paths = parsed.words.map(wordFile);
    if (parsed.codeFile) paths.push(parsed.codeFile);
    return Promise.all(paths.map(get));
  };

  var STEP = [3, 3, 3, 1];  // numbers per entry: name, alias and syn (document, length of the phrase, position); meta (document)

  /* A word's postings with document numbers in place of gaps, and its idf. */
  function postings(path, term) {
    var key = path + " " + term;
    if (!decoded[key]) {
      var shard = loaded[path], holders = {}, df = 0;
      var lists = shard.t[term].map(function (list, field) {
        var out = list.slice(), doc = 0;
        for (var i = 0; i < out.length; i += STEP[field]) {
          doc += out[i];
          out[i] = doc;
          if (!holders[doc]) { holders[doc] = true; df++; }
        }
        return out;
      });
      decoded[key] = { lists: lists, idf: Math.log(1 + (shard.n - df + 0.5) / (df + 0.5)) };
    }
    return decoded[key];
  }

  function oneEdit(a, b) {  // one letter changed, added or dropped, or two side by side swapped
    if (Math.abs(a.length - b.length) > 1 || a === b) return false;
    var i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    if (a.length === b.length) {
      return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
    }
    return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  /* The index's words a typed word matches, and how well. */
  function matches(word, open, shard) {
    if (!shard) return [];
    return Object.keys(shard.t).map(function (term) {
      var q = term === word ? EXACT : open && term.indexOf(word) === 0 ? PREFIX : word.length >= 4 && oneEdit(word, term) ? TYPO : 0;
      return { term: term, q: q };
    }).filter(function (match) { return match.q; });
  }

  function kindOf(doc, starts) {
    var kind = starts[0][0];
    for (var i = 0; i < starts.length && starts[i][1] <= doc; i++) kind = starts[i][0];
    return kind;
  }

  /* What each document that holds every typed word (or all but one) holds of each —
     once of its exact matches, once of all (words it starts, a typo): how well it
     matches, its score per field, its positions in the name and popular names with
     the length of their phrase. A first pass only counts, so that the many documents
     holding one common word cost no more than a mark. */
  function gather(parsed) {
    var n = parsed.words.length, docs = {}, found = parsed.words.map(function (word, w) {
      var path = wordFile(word);
      return matches(word, parsed.open && w === n - 1, loaded[path]).map(function (match) {
        return { match: match, postings: postings(path, match.term), starts: loaded[path].k, size: loaded[path].n };
      });
    });
    var size = 0;
    found.forEach(function (terms) { terms.forEach(function (t) { size = Math.max(size, t.size); }); });
    var held = new Uint8Array(size), mark = new Uint8Array(size), need = n, all = 0;
    found.forEach(function (terms) {
      mark.fill(0);
      terms.forEach(function (t) {
        t.postings.lists.forEach(function (list, field) {
          for (var i = 0; i < list.length; i += STEP[field]) {
            if (!mark[list[i]]) { mark[list[i]] = 1; if (++held[list[i]] === n) all++; }
          }
        });
      });
    });
    if (!all && n > 1) need = n - 1;  // no document holds every word: those that hold all but one
    found.forEach(function (terms, w) {
      terms.forEach(function (t) {
        var match = t.match;
        t.postings.lists.forEach(function (list, field) {
          var weight = FIELD_WEIGHT[field] * match.q * t.postings.idf;
          for (var i = 0; i < list.length; i += STEP[field]) {
            var doc = list[i];
            if (held[doc] < need) continue;
            var d = docs[doc] || (docs[doc] = { doc: doc, kind: kindOf(doc, t.starts), words: new Array(n) });
            var pair = d.words[w] || (d.words[w] = [hit(), hit()]);
            for (var all = match.q === EXACT ? 0 : 1; all < 2; all++) {
              var h = pair[all];
              h.q = Math.max(h.q, match.q);
              h.score[field] = Math.max(h.score[field], weight);
              if (field < 3) h.at[field].push([list[i + 2], list[i + 1]]);
            }
          }
        });
      });
    });
    return docs;
  }

  var NONE = [{ q: 0, score: [0, 0, 0, 0], at: [[], [], []] }, { q: 0, score: [0, 0, 0, 0], at: [[], [], []] }];

  function hit() { return { q: 0, score: [0, 0, 0, 0], at: [[], [], []] }; }

  /* How the words lie in a field, in the order typed: side by side (0) or with at most
     two other words among them (1), and the share of the field's phrase they cover;
     or not so (null). Positions are [position, length of the phrase]. */
  function phrase(words, field) {
    var best = null;
    words[0].at[field].forEach(function (start) {
      var at = start, exact = true;
      for (var w = 1; w < words.length && at !== null; w++) {
        var next = null;
        words[w].at[field].forEach(function (p) { if (p[0] > at[0] && (next === null || p[0] < next[0])) next = p; });
        exact = exact && next !== null && next[0] === at[0] + 1;
        at = next;
      }
      if (at === null || (!exact && at[0] - start[0] + 1 > words.length + 2)) return;
      var found = [exact ? 0 : 1, Math.min(1, words.length / start[1])];
      if (!best || found[0] < best[0] || (found[0] === best[0] && found[1] > best[1])) best = found;
    });
    return best;
  }

  /* A document's rank, compared item by item, higher first: [every word found (1) or
     all but one (0), every word as typed (2) or some started or with a typo (1) or
     some only with a typo (0), tier, share of the phrase the query covers, score].
     Tiers: the name holds the words as typed (6) or nearly so (5); a popular name of
     its own holds them (4); a name reached through a synonym holds them (3) — a
     synonym adds results, it never outranks what was typed; the name holds them all,
     apart (2); the document does (1). */
  function rank(d, skip) {
    var exact = tier(d, skip, 0);
    if (exact) return [skip < 0 ? 1 : 0, 2].concat(exact);
    var any = tier(d, skip, 1);
    if (!any) return null;
    var typo = d.words.some(function (x, w) { return w !== skip && x && x[1].q === TYPO; });
    return [skip < 0 ? 1 : 0, typo ? 0 : 1].concat(any);
  }

  function tier(d, skip, all) {
    var words = [];
    for (var w = 0; w < d.words.length; w++) if (w !== skip) words.push((d.words[w] || NONE)[all]);
    if (!words.every(function (x) { return x.q > 0; })) return null;
    var inName = words.every(function (x) { return x.at[0].length > 0; });
    var name = inName && phrase(words, 0), alias = !name && phrase(words, 1), syn = !name && !(alias && alias[0] === 0) && phrase(words, 2);
    var level = name ? 6 - name[0] : alias && alias[0] === 0 ? 4 : syn && syn[0] === 0 ? 3 : inName ? 2 : 1;
    var share = name ? name[1] : level === 4 ? alias[1] : level === 3 ? syn[1] : inName ? Math.min(1, words.length / words[0].at[0][0][1]) : 0;
    var score = 0;
    words.forEach(function (x) { x.score.forEach(function (s) { score += s; }); });
    var weight = KIND_WEIGHT[d.kind] || 0.5;  // an official name typed in full before a field or unit page of that name
    return [level, share * weight, Math.round(score * weight * 1000) / 1000];
  }

  function compare(a, b) {
    for (var i = 0; i < a.key.length; i++) if (a.key[i] !== b.key[i]) return b.key[i] - a.key[i];
    return a.doc - b.doc;
  }

  /* Every result of a query whose files are here, best first: an exact code, codes
     that start with the query, then the documents that hold every typed word (with a
     typo after without); when none does, those that hold all but one. With *limit*, the
     first *limit* of them, chosen without sorting them all; ``total`` says how many there are. */
  CK.rank = function (query, limit) {
    var parsed = typeof query === "string" ? CK.parse(query) : query, results = [], seen = {};
    ((parsed.codeFile && loaded[parsed.codeFile] || {}).c || []).forEach(function (pair) {
      if (pair[0].indexOf(parsed.code) === 0) {
        results.push({ doc: pair[1], key: [2, pair[0] === parsed.code ? 1 : 0, -pair[0].length] });
        seen[pair[1]] = true;
      }
    });
    if (!parsed.words.length) return firstOf(results, limit);
    var docs = gather(parsed), found = [], skips = [-1];
    if (parsed.words.length > 1 && !Object.keys(docs).some(function (doc) { return rank(docs[doc], -1); })) {
      skips = parsed.words.map(function (x, w) { return w; });
    }
    Object.keys(docs).forEach(function (doc) {
      if (seen[doc]) return;
      var best = null;
      skips.forEach(function (skip) {
        var key = rank(docs[doc], skip);
        if (key && (!best || compare({ key: key, doc: 0 }, best) < 0)) best = { key: key, doc: Number(doc) };
      });
      if (best) found.push(best);
    });
    return firstOf(results.concat(found), limit);
  };

  function firstOf(items, limit) {
    var top = [];
    if (!limit || items.length <= 4 * limit) top = items.sort(compare).slice(0, limit || items.length);
    else items.forEach(function (item) {  // insertion into the best *limit* so far
      if (top.length === limit && compare(item, top[limit - 1]) >= 0) return;
      var i = Math.min(top.length, limit - 1);
      for (; i > 0 && compare(item, top[i - 1]) < 0; i--) top[i] = top[i - 1];
      top[i] = item;
    });
    top.total = items.length;
    return top;
  }

  function titleFile(r) { return "muc/" + Math.floor(r.doc / CHUNK) + ".json"; }

  /* What the first results show, as far as their store files (or the previews in
     the word files) are here: the results before the first one missing. */
  CK.titles = function (ranked) {
    var shown = [];
    for (var i = 0; i < ranked.length && (loaded[titleFile(ranked[i])] || previews[ranked[i].doc]); i++) {
      var r = ranked[i], chunk = loaded[titleFile(r)], row = chunk ? [chunk.d[r.doc % CHUNK], chunk.l] : previews[r.doc];
      var doc = row[0], labels = row[1];
      shown.push({
        kind: doc[0], kindLabel: KIND_LABEL[doc[0]], url: new URL(doc[1], base).href, title: doc[2], code: doc[3],
        field: labels[doc[4]], unit: labels[doc[5]], level: labels[doc[6]], score: r.key
      });
    }
    return shown;
  };

  CK.fetchTitles = function (ranked) { return Promise.all(ranked.map(function (r) { return get(titleFile(r)); })); };

  /* Whether the files a query needs are here. */
  CK.ready = function (parsed) {
    return parsed.words.every(function (w) { return wordFile(w) in loaded; }) && (!parsed.codeFile || parsed.codeFile in loaded);
  };

  /* The beginning of a query whose files are here: its words before the first whose file is not. */
  CK.beginning = function (parsed) {
    var words = [];
    while (words.length < parsed.words.length && wordFile(parsed.words[words.length]) in loaded) words.push(parsed.words[words.length]);
    return { words: words, open: parsed.open && words.length === parsed.words.length, code: "", codeFile: "" };
  };

  /* The first *limit* results of a query (default 50), described, and how many there are. */
  CK.search = function (query, limit) {
    var parsed = CK.parse(query);
    return CK.need(parsed).then(function () {
      var started = performance.now(), ranked = CK.rank(parsed, limit || 50);
      CK.timings.rank = performance.now() - started;
      return CK.fetchTitles(ranked).then(function () { return { total: ranked.total, results: CK.titles(ranked) }; });
    });
  };

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function resultBody(result, tag) {
    var body = el(tag, "ck-result__link");
    if (tag === "a") body.href = result.url;
    body.appendChild(el("span", "ck-result__title", result.title));
    var details = [result.kind === "tt" ? "Mã " + result.code : result.kindLabel];
    [result.field, result.unit, result.level].forEach(function (x) { if (x) details.push(x); });
    body.appendChild(el("span", "ck-result__meta", details.join(" · ")));
    return body;
  }

  /* ---- the search box in the header: a combobox whose options are not links
     (an option opens its page when chosen, by click or Enter) ---- */

  function SearchBox(form) {
    this.form = form;
    this.input = form.querySelector("input[name=q]");
    this.panel = form.querySelector(".ck-search__panel");
    this.list = form.querySelector(".ck-search__list");
    this.status = form.querySelector(".ck-search__status");
    this.active = -1;
    this.asked = 0;
    this.waiting = [];  // queries typed whose files are on their way
    this.ranked = [];  // queries ranked whose titles are on their way
    this.showing = null;  // the query whose results are shown
    var box = this;
    this.input.addEventListener("input", function () {
      if (!CK.timings.typed) CK.timings.typed = performance.now();
      box.update();
    });
    this.input.addEventListener("focus", function () { if (box.input.value) box.update(); });
    this.input.addEventListener("keydown", function (event) { box.key(event); });
    this.list.addEventListener("click", function (event) {
      var option = event.target.closest("[role=option]");
      if (option) location.href = option.getAttribute("data-href");
    });
    document.addEventListener("click", function (event) { if (!form.contains(event.target)) box.close(); });
    // On a slow network the page is read, and typed in, before this script arrives: search what is there.
    if (document.activeElement === this.input && this.input.value) this.update();
  }

  SearchBox.prototype.say = function (text) {
    this.status.textContent = text;
    this.panel.hidden = false;
    this.input.setAttribute("aria-expanded", "true");
  };

  /* Each query typed is answered as soon as the files it needs are here; while those
     of the latest are on their way, the newest query whose files are here is shown
     (the beginning of what is being typed), as far as its titles are here. */
  SearchBox.prototype.update = function () {
    var box = this, query = this.input.value, parsed = CK.parse(query);
    if (!parsed.words.length && !parsed.codeFile) { this.close(); return; }  // nothing yet, or one letter
    var asked = { n: ++this.asked, query: query, parsed: parsed, at: performance.now() };
    this.waiting.push(asked);
    if (!this.list.firstChild) this.say("Đang tìm…");
    CK.need(parsed).then(function () { box.refresh(); }, function () { if (asked.n === box.asked) box.say("Không tải được chỉ mục tìm kiếm."); });
    parsed.words.forEach(function (word) {  // each file as it comes: the beginning of the query may be shown
      get(wordFile(word)).then(function () { if (asked.n === box.asked) box.refresh(); }, function () {});
    });
    this.refresh();
  };

  SearchBox.prototype.refresh = function () {
    for (var i = this.waiting.length - 1; i >= 0; i--) {
      var asked = this.waiting[i];
      if (!CK.ready(asked.parsed)) continue;
      this.waiting = this.waiting.slice(i + 1);  // older queries are not shown any more
      var box = this, first = CK.rank(asked.parsed, 8);
      this.ranked.push({ n: asked.n, query: asked.query, at: asked.at, total: first.total, first: first });
      this.paint();
      first.forEach(function (r) { CK.fetchTitles([r]).then(function () { box.paint(); }, function () {}); });
      return;
    }
    // None has all its files (on a slow network, what was typed before this script arrived is one query):
    // the beginning of the newest, as far as its words' files are here, with the titles that came with them.
    var newest = this.waiting[this.waiting.length - 1], begun = newest && CK.beginning(newest.parsed);
    var ranked = begun && begun.words.length ? CK.rank(begun, 8) : [];
    if (!ranked.length) return;  // nothing yet: "no result" is for the whole query to say
    this.ranked.push({ n: newest.n, query: begun.words.join(" "), at: newest.at, total: ranked.total, first: ranked });
    this.paint();
  };

  /* Show the newest ranked query whose best results' titles are here; older ones are
     dropped then. */
  SearchBox.prototype.paint = function () {
    for (var i = this.ranked.length - 1; i >= 0; i--) {
      var ranked = this.ranked[i], results = CK.titles(ranked.first);
      if (ranked.total && !results.length) continue;
      this.ranked = this.ranked.slice(i);
      if (ranked === this.showing && results.length === this.showing.count) return;
      this.showing = ranked;
      ranked.count = results.length;
      this.render(ranked.query, { total: ranked.total, results: results });
      if (results.length === ranked.first.length) {
        CK.timings.query = performance.now() - ranked.at;
        CK.timings.shown = { query: ranked.query, at: performance.now() };
      }
      if (!CK.timings.firstResult && results.length) CK.timings.firstResult = performance.now();
      return;
    }
  };

  function option(id, href) {
    var item = el("li", "ck-result");
    item.id = id;
    item.setAttribute("role", "option");
    item.setAttribute("aria-selected", "false");
    item.setAttribute("data-href", href);
    return item;
  }

  SearchBox.prototype.render = function (query, found) {
    var list = this.list, active = query === this.rendered ? this.active : -1;  // more titles of the same query: the choice stays
    list.textContent = "";
    this.rendered = query;
    this.active = -1;
    this.input.removeAttribute("aria-activedescendant");
    found.results.forEach(function (result, i) {
      list.appendChild(option("ck-search-option-" + i, result.url)).appendChild(resultBody(result, "div"));
    });
    if (found.total) {
      var more = option("ck-search-option-" + found.results.length, new URL("tim-kiem/?q=" + encodeURIComponent(query), base).href);
      more.className += " ck-result--more";
      more.appendChild(el("div", "ck-result__link", "Xem tất cả " + found.total + " kết quả"));
      list.appendChild(more);
    }
    this.say(found.total ? found.total + " kết quả" : "Không tìm thấy kết quả nào. Hãy thử từ khác, ví dụ tên thường gọi hoặc mã thủ tục.");
    if (active >= 0) this.move(active + 1);
  };

  SearchBox.prototype.options = function () { return this.list.querySelectorAll("[role=option]"); };

  SearchBox.prototype.move = function (step) {
    var options = this.options();
    if (!options.length) return;
    if (this.active >= 0) options[this.active].setAttribute("aria-selected", "false");
    var slots = options.length + 1;  // the options, and "none" (back in the input)
    this.active = (((this.active + 1 + step) % slots) + slots) % slots - 1;
    if (this.active < 0) { this.input.removeAttribute("aria-activedescendant"); return; }
    options[this.active].setAttribute("aria-selected", "true");
    options[this.active].scrollIntoView({ block: "nearest" });
    this.input.setAttribute("aria-activedescendant", options[this.active].id);
  };

  SearchBox.prototype.key = function (event) {
    if (event.key === "ArrowDown") { event.preventDefault(); if (this.panel.hidden) this.update(); this.move(1); }
    else if (event.key === "ArrowUp") { event.preventDefault(); this.move(-1); }
    else if (event.key === "Escape" && !this.panel.hidden) { event.preventDefault(); this.close(); }
    else if (event.key === "Enter" && this.active >= 0) {
      event.preventDefault();
      location.href = this.options()[this.active].getAttribute("data-href");
    }
  };

  SearchBox.prototype.close = function () {
    this.rendered = null;
    this.waiting = [];  // results still on their way are not shown
    this.ranked = [];
    this.showing = null;
    this.panel.hidden = true;
    this.active = -1;
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
  };

  /* ---- the results page /tim-kiem/?q=… ---- */

  function ResultsPage(root) {
    var input = root.querySelector("input[name=q]"), list = root.querySelector(".ck-results"), status = root.querySelector(".ck-results__status");
    var more = root.querySelector(".ck-results__more");
    var limit = 50, asked = 0, page = this;
    input.value = new URLSearchParams(location.search).get("q") || "";
    function show() {
      var query = input.value, mine = ++asked;
      var url = new URL(location.href);
      if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
      history.replaceState(null, "", url);
      if (!CK.searchText(query)) { list.textContent = ""; more.hidden = true; status.textContent = "Nhập tên thủ tục, tên thường gọi hoặc mã thủ tục."; return; }
      CK.search(query, limit).then(function (found) {
        if (mine !== asked) return;
        list.textContent = "";
        found.results.forEach(function (result) { list.appendChild(el("li", "ck-result")).appendChild(resultBody(result, "a")); });
        status.textContent = found.total ? "Tìm thấy " + found.total + " kết quả cho “" + query + "”" +
          (found.total > found.results.length ? ", đang hiện " + found.results.length + " kết quả đầu." : ".") :
          "Không tìm thấy kết quả nào cho “" + query + "”. Hãy thử từ khác, tên thường gọi hoặc mã thủ tục.";
        more.hidden = found.total <= found.results.length;
      }, function () { if (mine === asked) status.textContent = "Không tải được chỉ mục tìm kiếm."; });
    }
    status.textContent = "Đang tìm…";
    input.addEventListener("input", function () { limit = 50; show(); });
    root.querySelector("form").addEventListener("submit", function (event) { event.preventDefault(); show(); });
    more.addEventListener("click", function () { limit += 50; show(); });
    page.show = show;
    show();
  }

  /* ---- instant filters on listing pages ---- */

  function Filter(form) {
    var container = form.closest(".ck-filterable") || form.parentElement, fold = form.closest("[data-ck-filter-fold]");
    var toggle = fold && fold.querySelector("summary"), wide = window.matchMedia("(min-width: 45em)");
    var rows = Array.prototype.slice.call(container.querySelectorAll("tr[data-code]"));
    var groups = Array.prototype.slice.call(container.querySelectorAll(".ck-group"));
    var text = form.querySelector("input[name=loc]"), status = form.querySelector(".ck-filter__status");
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    var folded = rows.map(function (row) { return " " + CK.searchText(row.textContent) + " "; });
    var params = new URLSearchParams(location.search);
    text.value = params.get("loc") || "";
    selects.forEach(function (select) { if (params.get(select.name)) select.value = params.get(select.name); });

    function matches(row, i, terms) {
      for (var t = 0; t < terms.length; t++) if (folded[i].indexOf(" " + terms[t]) < 0) return false;
      for (var s = 0; s < selects.length; s++) {
        var select = selects[s], value = select.value;
        if (!value) continue;
        if (select.name === "don-vi") {
          var kind = select.selectedOptions[0].getAttribute("data-kind");
          var units = (row.getAttribute("data-units") || "").split(" "), kinds = (row.getAttribute("data-kinds") || "").split(" ");
          if (units.indexOf(value) < 0 && kinds.indexOf(kind) < 0) return false;
        } else if ((row.getAttribute(select.getAttribute("data-attribute")) || "").split(" ").indexOf(value) < 0) {
          return false;
        }
      }
      return true;
    }

    function filtered() {
      return Boolean(text.value) || selects.some(function (select) { return select.value; });
    }

    function apply() {
      var terms = CK.searchText(text.value).split(" ").filter(Boolean), shown = 0, seen = {};
      rows.forEach(function (row, i) {
        var ok = matches(row, i, terms);
        row.hidden = !ok;
        if (ok && !seen[row.getAttribute("data-code")]) { seen[row.getAttribute("data-code")] = true; shown++; }
      });
      groups.forEach(function (group) {
        var visible = group.querySelectorAll("tr[data-code]:not([hidden])").length, count = group.querySelector(".ck-count");
        group.hidden = !visible;
        if (count) count.textContent = "(" + visible + ")";
      });
      var total = {};
      rows.forEach(function (row) { total[row.getAttribute("data-code")] = true; });
      status.textContent = "Đang hiện " + shown + " trên " + Object.keys(total).length + " thủ tục";
      if (toggle) toggle.textContent = "Lọc danh sách" + (filtered() ? " (" + shown + "/" + Object.keys(total).length + ")" : "");
      var url = new URL(location.href);
      url.searchParams.delete("loc");
      if (text.value) url.searchParams.set("loc", text.value);
      selects.forEach(function (select) { url.searchParams.delete(select.name); if (select.value) url.searchParams.set(select.name, select.value); });
      history.replaceState(null, "", url);
    }

    text.addEventListener("input", apply);
    selects.forEach(function (select) { select.addEventListener("change", apply); });
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
    form.addEventListener("reset", function () { setTimeout(apply, 0); });
    if (fold) {  /* open on a wide screen, or when the address already filters; folded on a phone */
      fold.hidden = false;
      fold.open = wide.matches || filtered();
      wide.addEventListener("change", function (event) { if (event.matches) fold.open = true; });
    } else {
      form.hidden = false;
    }
    apply();
  }

  /* Printed pages say where they came from and when. */
  function stampPrint() {
    var now = new Date(), two = function (n) { return (n < 10 ? "0" : "") + n; };
    Array.prototype.forEach.call(document.querySelectorAll("[data-ck-print-date]"), function (node) {
      node.textContent = two(now.getDate()) + "/" + two(now.getMonth() + 1) + "/" + now.getFullYear();
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-ck-print-url]"), function (node) { node.textContent = location.href; });
  }

  function start() {
    stampPrint();
    window.addEventListener("beforeprint", stampPrint);
    Array.prototype.forEach.call(document.querySelectorAll("form[data-ck-search]"), function (form) { new SearchBox(form); });
    var results = document.querySelector("[data-ck-results]");
    if (results) CK.resultsPage = new ResultsPage(results);
    Array.prototype.forEach.call(document.querySelectorAll("form[data-ck-filter]"), function (form) { new Filter(form); });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
