// Forum editor: keep a draft in progress in localStorage so it survives a page reload.
// Without JavaScript the server keeps the text of a rejected post instead.
(function () {
  "use strict";
  var storage;
  try { storage = window.localStorage; } catch (e) { return; }
  if (!storage) { return; }
  document.querySelectorAll("textarea[data-forum-draft]").forEach(function (area) {
    var form = area.form;
    var key = "forum-draft:" + (form && form.getAttribute("action") || window.location.pathname);
    var saved = storage.getItem(key);
    if (saved && !area.value.trim()) { area.value = saved; }
    area.addEventListener("input", function () {
      if (area.value.trim()) { storage.setItem(key, area.value); } else { storage.removeItem(key); }
    });
    if (form) {
      form.addEventListener("submit", function (event) {
        // A preview keeps the draft; sending clears it (a rejected post comes back filled in).
        var submitter = event.submitter;
        if (!submitter || submitter.name !== "preview") { storage.removeItem(key); }
      });
    }
  });
})();
