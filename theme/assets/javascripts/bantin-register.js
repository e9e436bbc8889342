// bantin: filters for the document register "Văn bản". Without this file the page still lists
// every document; with it, readers filter by year, kind, issuer and words (with or without
// Vietnamese diacritics). Rows are only hidden or shown: nothing is fetched, nothing is built
// from strings, so a few thousand rows stay fast and no text is ever parsed as HTML.
(function () {
  "use strict";

  function fold(text) {
    // "Quyết định" and "quyet dinh" must match; "đ" has no Unicode decomposition.
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[đĐ]/g, "d").toLowerCase().replace(/\s+/g, " ");
  }

  function vnNumber(value) {
    return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  }

  function init() {
    var form = document.querySelector("[data-bantin-register-filter]");
    var body = document.querySelector("[data-bantin-register-rows]");
    if (!form || !body || form.getAttribute("data-ready")) { return; }
    form.setAttribute("data-ready", "1");
    var rows = Array.prototype.slice.call(body.rows);
    var texts = rows.map(function (row) { return fold(row.textContent); });
    var count = document.querySelector("[data-bantin-register-count]");
    var empty = document.querySelector("[data-bantin-register-empty]");
    var fields = {
      nam: form.elements.nam, loai: form.elements.loai,
      "co-quan": form.elements["co-quan"], q: form.elements.q
    };
    var params = new URLSearchParams(window.location.search);
    Object.keys(fields).forEach(function (name) {
      var value = params.get(name);
      if (value === null) { return; }
      var field = fields[name];
      if (field.tagName === "SELECT") {
        // Only a value the page offers; a stale link must not select nothing silently.
        for (var i = 0; i < field.options.length; i++) {
          if (field.options[i].value === value) { field.value = value; }
        }
      } else {
        field.value = value;
      }
    });

    // Rows shown at once: showing or hiding thousands of table rows makes every keystroke
    // wait for a full table layout; "Xem thêm" shows the next batch.
    var batch = 200, limit = batch;
    var more = document.querySelector("[data-bantin-register-more]");

    function apply() {
      var year = fields.nam.value, kind = fields.loai.value, issuer = fields["co-quan"].value;
      var words = fold(fields.q.value).split(" ").filter(Boolean);
      var matches = 0;
      for (var i = 0; i < rows.length; i++) {
        var row = rows[i], data = row.dataset, text = texts[i];
        var match = (!year || data.y === year) && (!kind || data.k === kind) &&
          (!issuer || data.i === issuer) &&
          words.every(function (word) { return text.indexOf(word) !== -1; });
        var show = match && matches < limit;
        if (match) { matches++; }
        if (row.hidden === show) { row.hidden = !show; }
      }
      var text = matches === rows.length
        ? "Có " + vnNumber(rows.length) + " văn bản."
        : "Hiển thị " + vnNumber(matches) + " trên " + vnNumber(rows.length) + " văn bản.";
      if (matches > limit) { text += " Đang hiện " + vnNumber(limit) + " văn bản đầu tiên."; }
      count.textContent = text;
      if (empty) { empty.hidden = matches !== 0; }
      if (more) {
        more.hidden = matches <= limit;
        if (!more.hidden) {
          more.textContent = "Xem thêm " + vnNumber(Math.min(batch, matches - limit)) + " văn bản";
        }
      }
      var query = new URLSearchParams();
      Object.keys(fields).forEach(function (name) {
        var value = fields[name].value.trim();
        if (value) { query.set(name, value); }
      });
      var search = query.toString();
      // The filtered view keeps a shareable address without adding history entries.
      window.history.replaceState(null, "", search ? "?" + search : window.location.pathname);
    }

    function refilter() { limit = batch; apply(); }

    if (more) {
      more.addEventListener("click", function () { limit += batch; apply(); });
    }
    form.addEventListener("input", refilter);
    form.addEventListener("change", refilter);
    form.addEventListener("reset", function () { window.setTimeout(refilter, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); refilter(); });
    form.hidden = false;
    apply();
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);  // Material's instant navigation swaps pages in place
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
