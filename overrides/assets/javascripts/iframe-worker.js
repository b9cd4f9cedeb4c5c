/* Search workers for pages opened from the file system.
 *
 * Browsers refuse Web Workers on file:// pages, so Material for MkDocs runs its search worker
 * through a shim (its offline plugin adds the "iframe-worker" package from a CDN). This is our
 * own shim with the same interface, loaded from the site itself, and written so that it needs
 * no inline script: the page's Content-Security-Policy allows scripts from the site only.
 *
 * The worker runs in a hidden same-origin iframe. workers/file-frame.js (loaded first in that
 * iframe) gives it a worker's globals: postMessage and importScripts, and reports errors. It
 * sits under workers/ because Material's worker finds its own folder from the first script.
 */
(function () {
  "use strict";

  var shim = document.currentScript ? document.currentScript.src : location.href;
  var frameScript = new URL("workers/file-frame.js", shim).href;

  function attribute(value) {
    return String(value).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  }

  class IFrameWorker extends EventTarget {
    constructor(url) {
      super();
      this.url = new URL(url, location.href).href;
      this.onmessage = null;
      this.onerror = null;
      var frame = document.createElement("iframe");
      frame.hidden = true;
      frame.title = "search";
      frame.__worker = this;
      document.body.appendChild(frame);
      this.frame = frame;
      var ready = this.ready = new Promise(function (resolve) { frame.addEventListener("load", resolve); });
      var doc = frame.contentWindow.document;
      doc.open();
      doc.write(
        "<!DOCTYPE html><html><head><title>search</title></head><body>" +
        '<script src="' + attribute(frameScript) + '"></script>' +
        '<script src="' + attribute(this.url) + '"></script></body></html>'
      );
      doc.close();
    }

    /* From the page to the worker. */
    postMessage(data) {
      var frame = this.frame;
      this.ready.then(function () {
        frame.contentWindow.dispatchEvent(new MessageEvent("message", { data: structuredClone(data) }));
      });
    }

    /* From the worker to the page (called by workers/file-frame.js). */
    deliver(data) {
      var event = new MessageEvent("message", { data: data });
      this.dispatchEvent(event);
      if (typeof this.onmessage === "function") this.onmessage(event);
    }

    fail(error) {
      var event = new ErrorEvent("error", { message: String(error && error.message || error), filename: this.url, error: error });
      this.dispatchEvent(event);
      if (typeof this.onerror === "function") this.onerror(event);
    }

    terminate() {
      this.frame.remove();
    }
  }

  window.IFrameWorker = IFrameWorker;
  if (location.protocol === "file:") window.Worker = IFrameWorker;
})();
