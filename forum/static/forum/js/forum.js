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

// Attachments: name the chosen files and warn at once about one that is too large
// (the server checks again, with the same limit, and says why it refuses).
(function () {
  "use strict";
  document.querySelectorAll("input[type=file][data-max-bytes]").forEach(function (input) {
    var limit = parseInt(input.getAttribute("data-max-bytes"), 10);
    var list = document.createElement("ul");
    list.className = "forum-files";
    list.setAttribute("aria-live", "polite");
    input.insertAdjacentElement("afterend", list);
    input.addEventListener("change", function () {
      list.textContent = "";
      var tooLarge = false;
      Array.prototype.forEach.call(input.files, function (file) {
        var item = document.createElement("li");
        item.textContent = file.name + " (" + Math.ceil(file.size / 1024) + " KB)";
        if (file.size > limit) { item.className = "forum-error"; tooLarge = true; }
        list.appendChild(item);
      });
      input.setCustomValidity(tooLarge ? (input.getAttribute("data-too-large") || "Too large") : "");
    });
  });
})();

// @mentions: after "@" and two letters, offer matching members; arrows, Enter or Tab
// pick one, Escape closes. Without JavaScript, typing @handle works the same.
(function () {
  "use strict";
  var handleBefore = /(^|[^\w@\/])@([\w.+-]{2,150})$/;
  document.querySelectorAll("form[data-mention-url] textarea").forEach(function (area, n) {
    var url = area.form.getAttribute("data-mention-url");
    var list = document.createElement("ul");
    list.className = "forum-mentions";
    list.id = "forum-mentions-" + n;
    list.setAttribute("role", "listbox");
    list.hidden = true;
    area.insertAdjacentElement("afterend", list);
    area.setAttribute("aria-autocomplete", "list");
    area.setAttribute("aria-controls", list.id);
    var timer = null, active = -1, match = null, request = 0;

    function close() {
      list.hidden = true; list.textContent = ""; active = -1;
      area.removeAttribute("aria-activedescendant");
    }
    function highlight(index) {
      var options = list.querySelectorAll("[role=option]");
      if (!options.length) { return; }
      active = (index + options.length) % options.length;
      options.forEach(function (option, i) { option.setAttribute("aria-selected", i === active ? "true" : "false"); });
      area.setAttribute("aria-activedescendant", options[active].id);
    }
    function choose(handle) {
      var end = area.selectionStart, start = end - match.length;
      area.setRangeText(handle + " ", start, end, "end");
      area.dispatchEvent(new Event("input"));
      close(); area.focus();
    }
    function show(members) {
      list.textContent = "";
      members.forEach(function (member, i) {
        var option = document.createElement("li");
        option.id = list.id + "-" + i;
        option.setAttribute("role", "option");
        option.textContent = "@" + member.handle + " · " + member.name;
        option.addEventListener("mousedown", function (event) { event.preventDefault(); choose(member.handle); });
        option.dataset.handle = member.handle;
        list.appendChild(option);
      });
      list.hidden = !members.length;
      if (members.length) { highlight(0); }
    }
    area.addEventListener("input", function () {
      var found = handleBefore.exec(area.value.slice(0, area.selectionStart));
      clearTimeout(timer);
      if (!found) { close(); return; }
      match = found[2];
      var mine = ++request;
      timer = setTimeout(function () {
        fetch(url + "?q=" + encodeURIComponent(match), { credentials: "same-origin", headers: { Accept: "application/json" } })
          .then(function (response) { return response.ok ? response.json() : { members: [] }; })
          .then(function (data) { if (mine === request) { show(data.members || []); } })
          .catch(close);
      }, 200);
    });
    area.addEventListener("keydown", function (event) {
      if (list.hidden) { return; }
      if (event.key === "ArrowDown") { event.preventDefault(); highlight(active + 1); }
      else if (event.key === "ArrowUp") { event.preventDefault(); highlight(active - 1); }
      else if (event.key === "Enter" || event.key === "Tab") {
        var option = list.querySelectorAll("[role=option]")[active];
        if (option) { event.preventDefault(); choose(option.dataset.handle); }
      } else if (event.key === "Escape") { close(); }
    });
    area.addEventListener("blur", function () { setTimeout(close, 150); });
  });
})();
