// Share blocks (campaign_kit/includes/share.html) work as plain links without this script.
// With it, the browser's own share sheet and a copy button appear where the browser has them.
// Nothing is sent anywhere until the visitor clicks.
(function () {
  "use strict";
  var blocks = document.querySelectorAll("[data-ck-share-block]");
  Array.prototype.forEach.call(blocks, function (block) {
    var url = block.getAttribute("data-url");
    var data = { title: block.getAttribute("data-title") || "", text: block.getAttribute("data-text") || "", url: url };
    var status = block.querySelector("[data-ck-status]");
    var share = block.querySelector("[data-ck-share]");
    if (share && navigator.share) {
      share.hidden = false;
      share.addEventListener("click", function () {
        navigator.share(data).catch(function () { /* closed by the visitor */ });
      });
    }
    var copy = block.querySelector("[data-ck-copy]");
    if (copy && navigator.clipboard && window.isSecureContext) {
      copy.hidden = false;
      copy.addEventListener("click", function () {
        navigator.clipboard.writeText(url).then(function () {
          if (status) status.textContent = copy.getAttribute("data-done");
        }, function () {
          var field = block.querySelector("input[readonly]");
          if (field) field.select();
        });
      });
    }
  });
})();
