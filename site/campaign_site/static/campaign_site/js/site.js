// The reference site's only script, an improvement on what works without it: the menu
// (a <details> element) closes with Escape and when focus or a click leaves it.
(function () {
  "use strict";
  var menu = document.querySelector(".site-menu");
  if (!menu) return;
  function close() { if (menu.open) menu.open = false; }
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && menu.open) { close(); menu.querySelector("summary").focus(); }
  });
  document.addEventListener("click", function (event) { if (!menu.contains(event.target)) close(); });
  menu.addEventListener("focusout", function (event) {
    if (event.relatedTarget && !menu.contains(event.relatedTarget)) close();
  });
})();
