/* congkhai: search that folds Vietnamese diacritics, and instant filters on listing pages.
 *
 * The index (tim-kiem/chi-muc.json) is built at build time with lunr (Python);
 * it is fetched only when someone starts to search, expanded and loaded into
 * lunr.js. Queries are folded exactly as the index was: NFD, no marks, đ→d,
 * lowercase, punctuation → space.
 */
(function () {
  "use strict";

  var CK = (window.congkhai = window.congkhai || {});
  var meta = document.querySelector('meta[name="ck-base"]');
  var base = new URL((meta ? meta.content : ".").replace(/\/?$/, "/"), location.href);
  var KIND_WEIGHT = { tt: 1, lv: 0.9, dv: 0.7, nb: 0.6, kh: 0.5, tr: 0.5 };
  var KIND_LABEL = { tt: "Thủ tục", nb: "Thủ tục nội bộ", dv: "Đơn vị", kh: "Kế hoạch", lv: "Lĩnh vực", tr: "Trang" };

  CK.fold = function (text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  };

  CK.searchText = function (text) {
    return CK.fold(text).split(/[^a-z0-9]+/).filter(Boolean).join(" ");
  };

  CK.timings = {};

  /* ---- the index ---- */

  CK.load = function () {
    if (!CK.loading) {
      var started = performance.now();
      CK.loading = fetch(new URL("tim-kiem/chi-muc.json", base))
        .then(function (response) {
          if (!response.ok) throw new Error("HTTP " + response.status);
          return response.text();
        })
        .then(function (text) {
          var fetched = performance.now();
          var data = JSON.parse(text);
          var parsed = performance.now();
          CK.index = expand(data.lunr);
          CK.data = data;
          CK.timings = { fetch: fetched - started, parse: parsed - fetched, load: performance.now() - parsed };
          return CK;
        });
      CK.loading.catch(function () { CK.loading = null; });
    }
    return CK.loading;
  };

  function expand(t) {
    var fields = t.fields, inverted = [], vectors = [];
    t.terms.forEach(function (term, i) {
      var posting = { _index: i };
      fields.forEach(function (f) { posting[f] = {}; });
      inverted.push([term, posting]);
    });
    fields.forEach(function (f) {
      t.postings[f].forEach(function (row) {
        var target = inverted[row[0]][1][f], doc = 0;
        for (var k = 1; k < row.length; k++) { doc += row[k]; target[doc] = {}; }
      });
      t.vectors[f].forEach(function (vector, ref) { if (vector) vectors.push([f + "/" + ref, vector]); });
    });
    return lunr.Index.load({ version: lunr.version, fields: fields, fieldVectors: vectors, invertedIndex: inverted, pipeline: [] });
  }

  function run(terms, fuzzy) {
    var presence = lunr.Query.presence;
    return CK.index.query(function (q) {
      terms.forEach(function (term) {
        if (fuzzy && term.length >= 4) {
          q.term(term, { editDistance: 1, presence: presence.REQUIRED });
          q.term(term, { boost: 10, presence: presence.OPTIONAL });
          q.term(term, { wildcard: lunr.Query.wildcard.TRAILING, boost: 3, presence: presence.OPTIONAL });
        } else {
          q.term(term, { wildcard: lunr.Query.wildcard.TRAILING, presence: presence.REQUIRED });
          q.term(term, { boost: 10, presence: presence.OPTIONAL });
        }
      });
    });
  }

  /* Results, best first: an exact code, then codes that start with the query,
     then lunr's matches (name above popular names above the rest), with a
     small typo tolerance when nothing matches as typed. */
  CK.search = function (query) {
    var docs = CK.data.docs, text = CK.searchText(query), results = [], seen = {};
    if (!text) return results;
    var code = CK.fold(query).replace(/\s+/g, "");
    if (/^\d[\d.]*$/.test(code)) {
      docs.forEach(function (doc, ref) {
        if (doc[0] === "tt" && doc[3].indexOf(code) === 0) {
          results.push({ ref: ref, score: doc[3] === code ? 2e9 : 1e9 - doc[3].length });
          seen[ref] = true;
        }
      });
    }
    var best = {};
    alternatives(text).forEach(function (alternative) {
      var terms = alternative.text.split(" "), hits = [];
      try {
        hits = run(terms, false);
        if (!hits.length) hits = run(terms, true);
      } catch (error) { hits = []; }
      hits.forEach(function (hit) {
        var ref = Number(hit.ref), score = hit.score * alternative.weight * (KIND_WEIGHT[docs[ref][0]] || 0.5);
        if (!seen[ref] && !(best[ref] >= score)) best[ref] = score;
      });
    });
    Object.keys(best).forEach(function (ref) { results.push({ ref: Number(ref), score: best[ref] }); });
    results.sort(function (a, b) { return b.score - a.score || a.ref - b.ref; });
    return results.map(function (r) { return describe(r.ref); });
  };

  /* The query as typed, and the same query with a popular name ("so do")
     replaced by the official phrase it stands for, weighted higher. */
  function alternatives(text) {
    var found = [{ text: text, weight: 1 }], padded = " " + text + " ";
    (CK.data.synonyms || []).forEach(function (rule) {
      rule[0].forEach(function (word) {
        if (padded.indexOf(" " + word + " ") >= 0) {
          found.push({ text: padded.replace(" " + word + " ", " " + rule[1] + " ").trim(), weight: 2 });
        }
      });
    });
    return found;
  }

  function describe(ref) {
    var doc = CK.data.docs[ref], labels = CK.data.labels;
    return {
      kind: doc[0], kindLabel: KIND_LABEL[doc[0]], url: new URL(doc[1], base).href, title: doc[2], code: doc[3],
      field: labels[doc[4]], unit: labels[doc[5]], level: labels[doc[6]]
    };
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function resultBody(result) {
    var link = el("a", "ck-result__link");
    link.href = result.url;
    link.appendChild(el("span", "ck-result__title", result.title));
    var details = [result.kind === "tt" ? "Mã " + result.code : result.kindLabel];
    [result.field, result.unit, result.level].forEach(function (x) { if (x) details.push(x); });
    link.appendChild(el("span", "ck-result__meta", details.join(" · ")));
    return link;
  }

  /* ---- the search box in the header ---- */

  function SearchBox(form) {
    this.form = form;
    this.input = form.querySelector("input[name=q]");
    this.panel = form.querySelector(".ck-search__panel");
    this.list = form.querySelector(".ck-search__list");
    this.status = form.querySelector(".ck-search__status");
    this.active = -1;
    this.results = [];
    var box = this;
    this.input.addEventListener("focus", function () { CK.load().then(function () { if (box.input.value) box.update(); }, function () { box.say("Không tải được chỉ mục tìm kiếm."); }); });
    this.input.addEventListener("input", function () { box.update(); });
    this.input.addEventListener("keydown", function (event) { box.key(event); });
    document.addEventListener("click", function (event) { if (!form.contains(event.target)) box.close(); });
  }

  SearchBox.prototype.say = function (text) {
    this.status.textContent = text;
    this.panel.hidden = false;
    this.input.setAttribute("aria-expanded", "true");
  };

  SearchBox.prototype.update = function () {
    var box = this, query = this.input.value;
    if (!CK.searchText(query)) { this.close(); return; }
    if (!CK.index) {
      this.say("Đang tải chỉ mục tìm kiếm…");
      CK.load().then(function () { if (box.input.value === query) box.update(); });
      return;
    }
    var started = performance.now();
    this.results = CK.search(query);
    CK.timings.query = performance.now() - started;
    this.render(query);
  };

  SearchBox.prototype.render = function (query) {
    var list = this.list, shown = this.results.slice(0, 8);
    list.textContent = "";
    this.active = -1;
    this.input.removeAttribute("aria-activedescendant");
    shown.forEach(function (result, i) {
      var item = el("li", "ck-result");
      item.id = "ck-search-option-" + i;
      item.setAttribute("role", "option");
      item.setAttribute("aria-selected", "false");
      item.appendChild(resultBody(result)).tabIndex = -1;  // options are reached with the arrow keys
      list.appendChild(item);
    });
    var total = this.results.length;
    if (total) {
      var more = el("li", "ck-result ck-result--more");
      more.id = "ck-search-option-" + shown.length;
      more.setAttribute("role", "option");
      more.setAttribute("aria-selected", "false");
      var link = el("a", "ck-result__link", "Xem tất cả " + total + " kết quả");
      link.tabIndex = -1;
      link.href = new URL("tim-kiem/?q=" + encodeURIComponent(query), base).href;
      more.appendChild(link);
      list.appendChild(more);
    }
    this.say(total ? total + " kết quả" : "Không tìm thấy kết quả nào. Hãy thử từ khác, ví dụ tên thường gọi hoặc mã thủ tục.");
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
      location.href = this.options()[this.active].querySelector("a").href;
    }
  };

  SearchBox.prototype.close = function () {
    this.panel.hidden = true;
    this.active = -1;
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
  };

  /* ---- the results page /tim-kiem/?q=… ---- */

  function ResultsPage(root) {
    var input = root.querySelector("input[name=q]"), list = root.querySelector(".ck-results"), status = root.querySelector(".ck-results__status");
    var more = root.querySelector(".ck-results__more");
    var limit = 50, page = this;
    input.value = new URLSearchParams(location.search).get("q") || "";
    function show() {
      var query = input.value, results = CK.searchText(query) ? CK.search(query) : [];
      list.textContent = "";
      results.slice(0, limit).forEach(function (result) {
        var item = el("li", "ck-result");
        item.appendChild(resultBody(result));
        list.appendChild(item);
      });
      status.textContent = !CK.searchText(query) ? "Nhập tên thủ tục, tên thường gọi hoặc mã thủ tục." :
        results.length ? "Tìm thấy " + results.length + " kết quả cho “" + query + "”" + (results.length > limit ? ", đang hiện " + limit + " kết quả đầu." : ".") :
        "Không tìm thấy kết quả nào cho “" + query + "”. Hãy thử từ khác, tên thường gọi hoặc mã thủ tục.";
      more.hidden = results.length <= limit;
      var url = new URL(location.href);
      if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
      history.replaceState(null, "", url);
    }
    status.textContent = "Đang tải chỉ mục tìm kiếm…";
    CK.load().then(show, function () { status.textContent = "Không tải được chỉ mục tìm kiếm."; });
    input.addEventListener("input", function () { limit = 50; if (CK.index) show(); });
    root.querySelector("form").addEventListener("submit", function (event) { event.preventDefault(); if (CK.index) show(); });
    more.addEventListener("click", function () { limit += 50; show(); });
    page.show = show;
  }

  /* ---- instant filters on listing pages ---- */

  function Filter(form) {
    var container = form.parentElement;
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
    form.hidden = false;
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
