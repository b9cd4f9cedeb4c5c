/* The worker side of iframe-worker.js: worker globals inside the hidden iframe. */
(function () {
  "use strict";

  var worker = window.frameElement && window.frameElement.__worker;
  if (!worker) return;

  // A worker's postMessage sends to the page, asynchronously, as a real worker would.
  window.postMessage = function (data) {
    var copy = structuredClone(data);
    setTimeout(function () { worker.deliver(copy); }, 0);
  };

  // importScripts loads scripts in order; Material's worker awaits the result.
  window.importScripts = function () {
    var urls = Array.prototype.slice.call(arguments);
    return urls.reduce(function (previous, url) {
      return previous.then(function () {
        return new Promise(function (resolve, reject) {
          var script = document.createElement("script");
          script.src = url;
          script.onload = resolve;
          script.onerror = function () { reject(new Error("could not load " + url)); };
          document.body.appendChild(script);
        });
      });
    }, Promise.resolve());
  };

  window.addEventListener("error", function (event) {
    worker.fail(event.error || event.message);
  });
})();
