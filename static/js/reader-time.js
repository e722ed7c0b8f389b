// The reader's own time beside the venue's and UTC on an event's page. Fills
// <time class="reader-time" datetime="…" data-ends="…" data-separator="، ">
// and shows its row, which stays hidden without JavaScript (the venue's time
// and UTC are enough). Written in the page's language, with Latin digits, a
// 24-hour clock and "UTC+9" offsets, as the site writes every time
// (sscportal/formats, sscportal/reader_toolkit/timezones.py).
(function () {
  "use strict";
  if (!window.Intl || !Intl.DateTimeFormat) return;
  var language = document.documentElement.lang || "en";
  // English pages write "12 September 2023", the UN's order, not "September 12".
  var locale = language === "en" ? "en-GB" : language;
  var dates = new Intl.DateTimeFormat(locale, {
    day: "numeric", month: "long", year: "numeric", numberingSystem: "latn",
  });
  var times = new Intl.DateTimeFormat(locale, {
    hour: "2-digit", minute: "2-digit", hourCycle: "h23", numberingSystem: "latn",
  });

  function offset(moment) {
    var minutes = -moment.getTimezoneOffset();
    if (!minutes) return "UTC";
    var hours = Math.floor(Math.abs(minutes) / 60);
    var rest = Math.abs(minutes) % 60;
    return "UTC" + (minutes > 0 ? "+" : "\u2212") + hours + (rest ? ":" + String(rest).padStart(2, "0") : "");
  }

  // Times and offsets are Latin runs: kept left to right inside Arabic text,
  // or "04:00–05:30" would read "05:30–04:00".
  function latin(text) {
    var span = document.createElement("span");
    span.dir = "ltr";
    span.className = "time-range";
    span.textContent = text;
    return span;
  }

  document.querySelectorAll("time.reader-time").forEach(function (element) {
    var start = new Date(element.getAttribute("datetime"));
    var ends = element.getAttribute("data-ends");
    var end = ends ? new Date(ends) : null;
    if (isNaN(start.getTime()) || (end && isNaN(end.getTime()))) return;
    var separator = element.getAttribute("data-separator") || ", ";
    var sameDay = !end || dates.format(start) === dates.format(end);
    var parts = [dates.format(start) + separator];
    if (sameDay) {
      parts.push(latin(times.format(start) + (end ? "–" + times.format(end) : "") + " (" + offset(start) + ")"));
    } else {
      parts.push(latin(times.format(start)), " – " + dates.format(end) + separator,
        latin(times.format(end) + " (" + offset(end) + ")"));
    }
    element.replaceChildren.apply(element, parts);
    var value = element.closest(".reader-time-value");
    var label = value && value.previousElementSibling;
    if (value) value.hidden = false;
    if (label && label.classList.contains("reader-time-label")) label.hidden = false;
  });
})();
