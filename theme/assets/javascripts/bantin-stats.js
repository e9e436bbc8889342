/* bantin: refresh the "Thống kê truy cập" and "Tin đọc nhiều" boxes from /thong-ke/truy-cap.json.
 *
 * Every value is written with textContent; a value that is not a non-negative integer shows
 * "—"; a failed fetch (network, HTTP error, broken JSON) keeps the numbers already shown.
 * Refreshes once on load, then every minute while the page is visible.
 */
(function () {
  "use strict";

  var KEYS = ["online", "today", "yesterday", "week", "month", "total"];
  var INTERVAL = 60 * 1000;
  var SAFE_PATH = /^\/(?:[A-Za-z0-9._~-]+\/)*(?:[A-Za-z0-9._~-]+\.html)?$/;
  var lastFetch = 0;

  function isCount(value) {
    return typeof value === "number" && Number.isInteger(value) && value >= 0;
  }

  /* 8705 → "8.705", as bantin's vn_number filter prints it at build time. */
  function formatNumber(value) {
    return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  }

  function pad(number) {
    return (number < 10 ? "0" : "") + number;
  }

  /* "2026-11-23T10:15:00+07:00" → "23/11/2026 10:15", read as written (Vietnam time). */
  function formatAsOf(text) {
    var match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(typeof text === "string" ? text : "");
    return match ? match[3] + "/" + match[2] + "/" + match[1] + " " + match[4] + ":" + match[5] : "";
  }

  function show(element, visible) {
    if (element) element.hidden = !visible;
  }

  function renderCounts(box, data) {
    KEYS.forEach(function (key) {
      var cell = box.querySelector('[data-stat="' + key + '"]');
      if (cell) cell.textContent = isCount(data[key]) ? formatNumber(data[key]) : "—";
    });
    show(box.querySelector("[data-stat-list]"), true);
    show(box.querySelector("[data-stat-none]"), false);
    var asOf = formatAsOf(data.as_of);
    var asOfCell = box.querySelector('[data-stat="as_of"]');
    if (asOfCell) asOfCell.textContent = asOf;
    show(box.querySelector("[data-stat-as-of-line]"), asOf !== "");
  }

  function renderMostRead(list, data) {
    var base = list.getAttribute("data-base") || ".";
    var entries = Array.isArray(data.most_read) ? data.most_read : [];
    var items = [];
    entries.forEach(function (entry) {
      if (!entry || typeof entry.path !== "string" || !SAFE_PATH.test(entry.path)) return;
      if (typeof entry.title !== "string" || !isCount(entry.views)) return;
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.setAttribute("href", base + entry.path);
      link.textContent = entry.title;
      var count = document.createElement("span");
      count.className = "bantin-count";
      count.textContent = formatNumber(entry.views) + " lượt xem";
      item.appendChild(link);
      item.appendChild(document.createTextNode(" "));
      item.appendChild(count);
      items.push(item);
    });
    while (list.firstChild) list.removeChild(list.firstChild);
    items.forEach(function (item) { list.appendChild(item); });
    show(list, items.length > 0);
    var none = list.parentNode && list.parentNode.querySelector("[data-stat-most-read-none]");
    show(none, items.length === 0);
  }

  function refresh() {
    var box = document.querySelector("[data-bantin-stats]");
    if (!box || !window.fetch) return;
    lastFetch = Date.now();
    var url = new URL(box.getAttribute("data-bantin-stats"), document.baseURI);
    window.fetch(url.href, { cache: "no-store", credentials: "omit" })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      })
      .then(function (data) {
        if (!data || typeof data !== "object" || Array.isArray(data)) return;
        var current = document.querySelector("[data-bantin-stats]");
        if (current) renderCounts(current, data);
        var list = document.querySelector("[data-stat-most-read]");
        if (list) renderMostRead(list, data);
      })
      .catch(function () {
        /* Keep the last numbers: a missed refresh is better than a box of dashes. */
      });
  }

  function visible() {
    return document.visibilityState !== "hidden";
  }

  function start() {
    refresh();
    window.setInterval(function () {
      if (visible()) refresh();
    }, INTERVAL);
    document.addEventListener("visibilitychange", function () {
      if (visible() && Date.now() - lastFetch >= INTERVAL) refresh();
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
