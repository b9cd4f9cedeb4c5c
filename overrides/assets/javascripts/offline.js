/* The installable guide (networking_guide/installable.py): registers the service worker at the
 * site root and asks it to keep this page's language for reading offline; says so once, when
 * the language is saved. Not on file:// (the offline copy needs no worker), nor where browsers
 * have no service workers. */
(function () {
  "use strict";
  if (!("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) return;
  var root = new URL("../../", document.currentScript.src);
  var language = document.documentElement.lang;
  var readyText = document.querySelector('meta[name="guide:offline-ready"]');

  function keep(worker) {
    if (worker) worker.postMessage({ type: "cache-language", language: language });
  }

  function remembered(key, value) {
    try {
      if (value === undefined) return window.localStorage.getItem(key);
      window.localStorage.setItem(key, value);
    } catch (error) { /* storage blocked: nothing to remember */ }
    return null;
  }

  function announce(message) {
    // Once per language: a reader is told when the guide first works offline (later builds
    // update the saved copy silently).
    var key = "networking-guide:offline:" + message.language;
    if (message.missing !== 0 || !readyText || remembered(key)) return;
    remembered(key, "saved");
    var status = document.createElement("div");
    status.className = "guide-offline-ready";
    status.setAttribute("role", "status");
    document.body.appendChild(status);
    window.setTimeout(function () { status.textContent = readyText.content; }, 100);
    window.setTimeout(function () { status.remove(); }, 8000);
  }

  navigator.serviceWorker.addEventListener("message", function (event) {
    var message = event.data || {};
    if (message.type === "language-cached" && message.language === language) announce(message);
  });
  navigator.serviceWorker.startMessages();

  navigator.serviceWorker.register(new URL("sw.js", root).href, { scope: root.href }).then(function () {
    return navigator.serviceWorker.ready;
  }).then(function (registration) {
    keep(registration.active);
  }).catch(function () { /* the page works as it is */ });

  // A new build's worker took over: keep the language in its caches too.
  navigator.serviceWorker.addEventListener("controllerchange", function () {
    keep(navigator.serviceWorker.controller);
  });
})();
