// Shows only the questions that belong to the chosen request type. Without script every
// group stays visible, each titled with the type it belongs to, and the server ignores
// the answers of the other types.
(function () {
  'use strict';
  var radios = document.querySelectorAll('input[name="requestType"]');
  var groups = document.querySelectorAll('[data-for-type]');
  function show() {
    var chosen = document.querySelector('input[name="requestType"]:checked');
    groups.forEach(function (group) {
      group.hidden = !chosen || group.getAttribute('data-for-type') !== chosen.value;
    });
  }
  radios.forEach(function (radio) {
    radio.addEventListener('change', show);
  });
  show();
})();
