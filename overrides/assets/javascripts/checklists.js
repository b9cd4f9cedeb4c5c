/* Checklists: remember what the reader ticked, show progress, untick all, print one list.
 *
 * Ticks are saved in localStorage under "networking-guide:checklist:<checklist id>" as
 * {"done": ["<item id>", ...]}. Ids are the same in every language, so a tick made on the
 * English page shows on the French one; ids never depend on an item's position, so reordering
 * or rewording items keeps them, and ids no longer on the page are dropped. When storage is
 * missing, full or throws, the page keeps working and says that ticks will not be kept.
 */
(function () {
  "use strict";

  var KEY_PREFIX = "networking-guide:checklist:";

  /* Storage that never throws: localStorage when it works, else memory for this visit. */
  function openStore() {
    var memory = {};
    var local = null;
    try {
      local = window.localStorage;
      var probe = KEY_PREFIX + "probe";
      local.setItem(probe, "1");
      local.removeItem(probe);
    } catch (error) {
      local = null;
    }
    var store = {
      persistent: local !== null,
      get: function (key) {
        if (local) {
          try { return local.getItem(key); } catch (error) { store.fail(); }
        }
        return Object.prototype.hasOwnProperty.call(memory, key) ? memory[key] : null;
      },
      set: function (key, value) {
        memory[key] = value;
        if (local) {
          try { local.setItem(key, value); } catch (error) { store.fail(); }
        }
      },
      remove: function (key) {
        delete memory[key];
        if (local) {
          try { local.removeItem(key); } catch (error) { store.fail(); }
        }
      },
      fail: function () {
        local = null;
        store.persistent = false;
        document.dispatchEvent(new CustomEvent("ng-checklist-storage-lost"));
      }
    };
    return store;
  }

  /* The item ids saved for a checklist; anything unreadable counts as nothing saved. */
  function readDone(store, checklistId) {
    var raw = store.get(KEY_PREFIX + checklistId);
    if (!raw) return [];
    try {
      var saved = JSON.parse(raw);
      if (saved && Array.isArray(saved.done)) {
        return saved.done.filter(function (id) { return typeof id === "string"; });
      }
    } catch (error) { /* corrupt entry: start afresh */ }
    return [];
  }

  function writeDone(store, checklistId, done) {
    if (done.length === 0) store.remove(KEY_PREFIX + checklistId);
    else store.set(KEY_PREFIX + checklistId, JSON.stringify({ done: done }));
  }

  function progressText(element, done, total) {
    var form = "other";
    try {
      form = new Intl.PluralRules(document.documentElement.lang || "en").select(done);
    } catch (error) { /* old browser: "other" */ }
    var template = element.getAttribute("data-progress-" + (form === "one" ? "one" : "other"));
    return template.replace("{done}", done).replace("{total}", total);
  }

  function setUp(element, store) {
    var checklistId = element.getAttribute("data-checklist");
    var boxes = Array.prototype.slice.call(element.querySelectorAll("input.ng-checklist__box"));
    var known = boxes.map(function (box) { return box.getAttribute("data-item"); });
    var progress = element.querySelector(".ng-checklist__progress");
    var controls = element.querySelector(".ng-checklist__controls");

    function ticked() {
      return boxes.filter(function (box) { return box.checked; })
        .map(function (box) { return box.getAttribute("data-item"); });
    }

    function showProgress() {
      var done = ticked().length;
      progress.textContent = progressText(element, done, boxes.length);
      element.classList.toggle("ng-checklist--complete", done === boxes.length);
    }

    function restore() {
      var saved = readDone(store, checklistId);
      var kept = saved.filter(function (id) { return known.indexOf(id) !== -1; });
      boxes.forEach(function (box) {
        box.checked = kept.indexOf(box.getAttribute("data-item")) !== -1;
      });
      // Items removed from the page since the reader ticked them are forgotten.
      if (kept.length !== saved.length) writeDone(store, checklistId, kept);
      showProgress();
    }

    boxes.forEach(function (box) {
      box.addEventListener("change", function () {
        writeDone(store, checklistId, ticked());
        showProgress();
      });
    });

    element.querySelector(".ng-checklist__reset").addEventListener("click", function () {
      boxes.forEach(function (box) { box.checked = false; });
      writeDone(store, checklistId, []);
      showProgress();
      progress.textContent += " " + element.getAttribute("data-reset-done");
    });

    element.querySelector(".ng-checklist__print").addEventListener("click", function () {
      var root = document.documentElement;
      root.classList.add("ng-print-one-checklist");
      element.classList.add("ng-print-target");
      window.addEventListener("afterprint", function done() {
        root.classList.remove("ng-print-one-checklist");
        element.classList.remove("ng-print-target");
        window.removeEventListener("afterprint", done);
      });
      window.print();
    });

    // Another tab or language ticked something: follow it.
    window.addEventListener("storage", function (event) {
      if (event.key === null || event.key === KEY_PREFIX + checklistId) restore();
    });

    restore();
    controls.hidden = false;
  }

  function showUnsaved() {
    var notes = document.querySelectorAll(".ng-checklist__unsaved");
    for (var i = 0; i < notes.length; i++) notes[i].hidden = false;
  }

  function start() {
    var checklists = document.querySelectorAll(".ng-checklist[data-checklist]");
    if (checklists.length === 0) return;
    var store = openStore();
    document.addEventListener("ng-checklist-storage-lost", showUnsaved);
    if (!store.persistent) showUnsaved();
    for (var i = 0; i < checklists.length; i++) setUp(checklists[i], store);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
