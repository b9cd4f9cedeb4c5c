/* Message templates: a button copies the template's text (data-template) to the clipboard.
 *
 * The Clipboard API where the page may use it; otherwise a hidden text area and the browser's copy
 * command. The button says what happened through the template's status line (read by screen
 * readers); if nothing worked, it says to select the text, which stays selectable. Without
 * JavaScript the button stays hidden and the text can be selected as any other. */
(function () {
  "use strict";

  function copyWithTextArea(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "ng-template__clipboard";
    document.body.appendChild(area);
    area.select();
    var done = false;
    try { done = document.execCommand("copy"); } catch (error) { done = false; }
    document.body.removeChild(area);
    return done;
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(
        function () { return true; },
        function () { return copyWithTextArea(text); }
      );
    }
    return Promise.resolve(copyWithTextArea(text));
  }

  function setUp(element) {
    var button = element.querySelector(".ng-template__copy");
    var status = element.querySelector(".ng-template__status");
    var actions = element.querySelector(".ng-template__actions");
    if (!button || !status || !actions) return;
    button.addEventListener("click", function () {
      copy(element.getAttribute("data-template")).then(function (done) {
        status.textContent = button.getAttribute(done ? "data-copied" : "data-failed");
        element.classList.toggle("ng-template--copied", done);
      });
    });
    actions.hidden = false;
  }

  function start() {
    var templates = document.querySelectorAll(".ng-template[data-template]");
    for (var i = 0; i < templates.length; i++) setUp(templates[i]);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
