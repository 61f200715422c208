// Shows the question about parental authority only to a parent. Without script it stays
// visible, with its hint that only a parent answers it, and the server ignores the answer
// of anyone else.
(function () {
  'use strict';
  var radios = document.querySelectorAll('input[name="relation"]');
  var groups = document.querySelectorAll('[data-for-relation]');
  function show() {
    var chosen = document.querySelector('input[name="relation"]:checked');
    groups.forEach(function (group) {
      group.hidden = !chosen || group.getAttribute('data-for-relation') !== chosen.value;
    });
  }
  radios.forEach(function (radio) {
    radio.addEventListener('change', show);
  });
  show();
})();
