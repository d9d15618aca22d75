// Show a conditional question only while its earlier choice is picked. Without JavaScript every
// question stays visible with its "Answer only if…" hint, and the server ignores answers to
// questions whose condition was not met.
(function () {
  "use strict";
  document.querySelectorAll("[data-show-if-field]").forEach(function (box) {
    var form = box.closest("form");
    var name = box.getAttribute("data-show-if-field");
    var choice = box.getAttribute("data-show-if-choice");
    if (!form) return;
    function update() {
      var inputs = form.querySelectorAll('[name="' + name + '"]');
      var chosen = Array.prototype.some.call(inputs, function (input) {
        return input.checked && input.value === choice;
      });
      box.hidden = !chosen;
    }
    form.addEventListener("change", function (event) {
      if (event.target.name === name) update();
    });
    update();
  });
})();
