/* bantin search: reads the static index built by bantin.search (tim-kiem/chi-muc/).
 *
 * A query downloads the manifest, one shard per term and one small file per result shown,
 * so its cost does not grow with the archive. Words are folded like bantin/search/text.py
 * (tones and marks dropped, đ → d): "van phong" finds "Văn phòng", "dong chi" "Đồng chí".
 * Results are written with textContent and <mark> elements only: nothing from the index is
 * ever parsed as HTML.
 */
(function () {
  "use strict";

  var PAGE_SIZE = 10;
  var PHRASE_BREAK = /[.,;:!?()[\]{}"“”‘’«»…\u2013\u2014|/\\\n]+/;
  var WORD = /[\p{L}\p{N}]+/gu;

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[đĐ]/g, "d").toLowerCase();
  }

  /* Lowercase NFC with one tone placement (hòa/hoà, thủy/thuỷ → hoà, thuỷ), as form_key. */
  var PLACEMENT = /([òóõỏọ])([ae])|([ùúũủụ])(y)/g;
  function formKey(text) {
    return text.normalize("NFC").toLowerCase().replace(PLACEMENT, function (_, o, a, u, y) {
      var marked = (o || u).normalize("NFD");
      return marked.charAt(0) + ((a || y) + marked.slice(1)).normalize("NFC");
    });
  }

  function phrases(text) {
    return text.normalize("NFC").toLowerCase().split(PHRASE_BREAK)
      .map(function (part) { return part.match(WORD) || []; })
      .filter(function (words) { return words.length > 0; });
  }

  var CRC_TABLE = (function () {
    var table = new Uint32Array(256);
    for (var n = 0; n < 256; n++) {
      var c = n;
      for (var k = 0; k < 8; k++) { c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; }
      table[n] = c >>> 0;
    }
    return table;
  })();

  function crc32(text) {
    var bytes = new TextEncoder().encode(text);
    var crc = 0xffffffff;
    for (var i = 0; i < bytes.length; i++) { crc = CRC_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8); }
    return (crc ^ 0xffffffff) >>> 0;
  }

  var MAX_TERMS = 4;

  /* Terms of a query: two adjacent words of one phrase form a bigram, a lone word is a
   * unigram. Bigrams do not overlap (w1 w2, w3 w4, then w4 w5 for an odd tail), and at most
   * MAX_TERMS are kept: each term costs one shard download. exact: the reader typed
   * diacritics, so their spelling ranks first. */
  function queryTerms(query, unigrams) {
    var terms = [];
    phrases(query).forEach(function (words) {
      var folded = words.map(fold);
      var forms = words.map(formKey);
      var marked = words.map(function (word, i) { return folded[i] !== word; });
      var add = function (i, j) {
        terms.push({
          term: j === undefined ? folded[i] : folded[i] + " " + folded[j],
          form: j === undefined ? forms[i] : forms[i] + " " + forms[j],
          exact: marked[i] || (j !== undefined && marked[j]),
        });
      };
      if (unigrams || words.length === 1) {
        words.forEach(function (_, i) { add(i); });
      } else {
        for (var i = 0; i + 1 < words.length; i += 2) { add(i, i + 1); }
        if (words.length % 2 === 1) { add(words.length - 2, words.length - 1); }
      }
    });
    var seen = {};
    return terms.filter(function (t) { return seen[t.term] ? false : (seen[t.term] = true); })
      .slice(0, MAX_TERMS);
  }

  function Searcher(root) {
    this.indexUrl = new URL(root.getAttribute("data-index").replace(/\/?$/, "/"), location.href);
    this.base = root.getAttribute("data-base") || ".";
    this.manifest = null;
    this.shards = {};
  }

  Searcher.prototype.fetchJson = function (path, fresh) {
    var url = new URL(path, this.indexUrl);
    if (!fresh) { url.searchParams.set("v", this.manifest.version); }
    return fetch(url.href, fresh ? { cache: "no-cache" } : {}).then(function (response) {
      if (!response.ok) { throw new Error(response.status + " " + url.pathname); }
      return response.json();
    });
  };

  Searcher.prototype.load = function () {
    var self = this;
    if (self.manifest) { return Promise.resolve(self.manifest); }
    return self.fetchJson("manifest.json", true).then(function (manifest) {
      self.manifest = manifest;
      return manifest;
    });
  };

  Searcher.prototype.shard = function (term) {
    var number = crc32(term) % this.manifest.shards;
    if (!this.shards[number]) { this.shards[number] = this.fetchJson("t/" + number + ".json"); }
    return this.shards[number];
  };

  /* Documents matching every term, best first: exact spellings, then weight (title hits,
   * frequency), then the newest (smaller numbers are newer). A capped term (a word in more
   * items than the index keeps) only adds weight: an item missing from its list may still
   * have it, so it filters only when every term is capped. */
  Searcher.prototype.match = function (terms) {
    var self = this;
    return Promise.all(terms.map(function (t) { return self.shard(t.term); })).then(function (shards) {
      var lists = terms.map(function (t, i) {
        var entry = shards[i][t.term];
        var found = new Map();
        if (entry) {
          var stride = entry.f.length > 1 ? 3 : 2;
          var doc = 0;
          for (var p = 0; p < entry.p.length; p += stride) {
            doc += entry.p[p];
            var form = stride === 3 ? entry.f[entry.p[p + 2]] : entry.f[0];
            found.set(doc, { weight: entry.p[p + 1], exact: t.exact && form === t.form ? 1 : 0 });
          }
        }
        return { found: found, capped: !!entry && entry.n > self.manifest.cap };
      });
      var filters = lists.filter(function (list) { return !list.capped; });
      if (!filters.length) { filters = lists; }
      var scores = new Map();
      filters[0].found.forEach(function (_, doc) {
        var score = { weight: 0, exact: 0 };
        for (var i = 0; i < lists.length; i++) {
          var hit = lists[i].found.get(doc);
          if (hit) {
            score.weight += hit.weight;
            score.exact += hit.exact;
          } else if (filters.indexOf(lists[i]) >= 0) {
            return;
          }
        }
        scores.set(doc, score);
      });
      var docs = Array.from(scores.entries());
      docs.sort(function (a, b) {
        return (b[1].exact - a[1].exact) || (b[1].weight - a[1].weight) || (a[0] - b[0]);
      });
      return {
        docs: docs.map(function (pair) { return pair[0]; }),
        capped: lists.some(function (list) { return list.capped; }),
      };
    });
  };

  Searcher.prototype.search = function (query) {
    var self = this;
    var terms = queryTerms(query, false);
    if (!terms.length) { return Promise.resolve({ docs: [], capped: false, loose: false }); }
    return self.load().then(function () { return self.match(terms); }).then(function (result) {
      var words = queryTerms(query, true);
      if (result.docs.length || words.length === terms.length || words.length > 3) {
        return result;
      }
      // No item has the words side by side: show items that have all of them anywhere
      // (short queries only, so the extra shards stay within the download budget).
      return self.match(words).then(function (loose) { loose.loose = true; return loose; });
    });
  };

  /* The part of an item's text around the best cluster of matches, with the matches marked. */
  function snippet(text, wanted, length) {
    var tokens = text.split(/([\p{L}\p{N}]+)/u);
    var words = [];
    for (var i = 1; i < tokens.length; i += 2) { words.push(i); }
    var hits = words.map(function (index) { return wanted.has(fold(tokens[index])) ? 1 : 0; });
    var best = 0;
    var bestCount = -1;
    var count = 0;
    for (var w = 0; w < words.length; w++) {
      count += hits[w] - (w >= length ? hits[w - length] : 0);
      if (count > bestCount) { bestCount = count; best = Math.max(0, w - length + 1); }
    }
    var first = hits.indexOf(1, best);
    var start = Math.max(0, (first < 0 ? best : Math.min(best, first)) - 6);
    var end = Math.min(words.length, start + length);
    var fragment = document.createDocumentFragment();
    if (!words.length) { return fragment; }
    if (start > 0) { fragment.appendChild(document.createTextNode("… ")); }
    var from = words[start];
    var to = end < words.length ? words[end] - 1 : tokens.length;
    for (var t = from; t < to; t++) {
      if (t % 2 === 1 && wanted.has(fold(tokens[t]))) {
        var mark = document.createElement("mark");
        mark.textContent = tokens[t];
        fragment.appendChild(mark);
      } else {
        fragment.appendChild(document.createTextNode(tokens[t]));
      }
    }
    if (end < words.length) { fragment.appendChild(document.createTextNode(" …")); }
    return fragment;
  }

  function formatCount(value) {
    return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  }

  function Page(root) {
    this.root = root;
    this.searcher = new Searcher(root);
    this.status = root.querySelector("[data-bantin-search-status]");
    this.list = root.querySelector("[data-bantin-search-results]");
    this.more = root.querySelector("[data-bantin-search-more]");
    this.forms = document.querySelectorAll("form[data-bantin-search-form]");
    this.run = 0;
  }

  Page.prototype.start = function () {
    var self = this;
    Array.prototype.forEach.call(self.forms, function (form) {
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var query = form.elements.q.value.trim();
        var url = new URL(location.href);
        url.searchParams.set("q", query);
        history.pushState({}, "", url.href);
        self.show(query);
      });
    });
    self.more.addEventListener("click", function () { self.next(); });
    window.addEventListener("popstate", function () { self.show(self.queryFromUrl()); });
    self.show(self.queryFromUrl());
  };

  Page.prototype.queryFromUrl = function () {
    return (new URL(location.href).searchParams.get("q") || "").trim();
  };

  Page.prototype.say = function (text) { this.status.textContent = text; };

  /* aria-busy on the list while results are still being fetched: screen readers wait for
   * the whole list, and the browser tests know when the page has finished. */
  Page.prototype.busy = function (busy) {
    if (busy) { this.list.setAttribute("aria-busy", "true"); } else { this.list.removeAttribute("aria-busy"); }
  };

  Page.prototype.show = function (query) {
    var self = this;
    var run = ++self.run;
    Array.prototype.forEach.call(self.forms, function (form) { form.elements.q.value = query; });
    self.list.textContent = "";
    self.more.hidden = true;
    self.busy(false);
    if (!query) { self.say(""); return; }
    if (self.root.hasAttribute("data-unavailable")) {
      self.say("Bản xem trước không có chỉ mục tìm kiếm; hãy xem bản dựng bằng mkdocs build.");
      return;
    }
    document.title = "Tìm kiếm: " + query;
    self.say("Đang tìm…");
    self.busy(true);
    self.searcher.search(query).then(function (result) {
      if (run !== self.run) { return; }
      self.query = query;
      self.docs = result.docs;
      self.wanted = new Set(phrases(query).flat().map(fold));
      self.shown = 0;
      if (!result.docs.length) {
        self.busy(false);
        self.say("Không tìm thấy tin nào có “" + query + "”. Hãy thử từ khóa ngắn hơn.");
        return;
      }
      // Capped postings: these are the best matches, not every item with the words.
      var total = formatCount(result.docs.length) + (result.capped ? " tin phù hợp nhất" : " tin");
      self.say(total + " có “" + query + "”" +
        (result.loose ? " (các từ không đứng liền nhau)" : "") + ".");
      self.next();
    }).catch(function () {
      if (run !== self.run) { return; }
      self.busy(false);
      self.say("Không tải được chỉ mục tìm kiếm. Vui lòng thử lại sau.");
    });
  };

  Page.prototype.next = function () {
    var self = this;
    var run = self.run;
    var batch = self.docs.slice(self.shown, self.shown + PAGE_SIZE);
    self.shown += batch.length;
    self.more.hidden = true;
    self.busy(true);
    Promise.all(batch.map(function (doc) {
      return self.searcher.fetchJson("d/" + doc + ".json");
    })).then(function (records) {
      if (run !== self.run) { return; }
      records.forEach(function (record) { self.list.appendChild(self.render(record)); });
      self.more.hidden = self.shown >= self.docs.length;
      self.busy(false);
    }).catch(function () {
      if (run !== self.run) { return; }
      self.busy(false);
      self.say("Không tải được kết quả. Vui lòng thử lại sau.");
    });
  };

  Page.prototype.render = function (record) {
    var item = document.createElement("li");
    item.className = "bantin-search__result";
    var heading = document.createElement("h2");
    var link = document.createElement("a");
    link.href = this.searcher.base.replace(/\/$/, "") + "/" + record.u;
    link.textContent = record.t;
    heading.appendChild(link);
    var time = document.createElement("time");
    time.className = "bantin-search__date";
    time.dateTime = record.i;
    time.textContent = record.d;
    var text = document.createElement("p");
    text.className = "bantin-search__snippet";
    text.appendChild(snippet(record.x || "", this.wanted, 32));
    item.appendChild(heading);
    item.appendChild(time);
    item.appendChild(text);
    return item;
  };

  var root = document.querySelector("[data-bantin-search]");
  if (root && window.fetch && window.URL && window.Map) { new Page(root).start(); }

  // Exposed for the tests, which check these rules against the Python ones.
  window.bantinSearchText = { fold: fold, formKey: formKey, crc32: crc32, queryTerms: queryTerms };
})();
