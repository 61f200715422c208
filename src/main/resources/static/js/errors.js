// After a form came back with errors: the error summary takes the focus, so a screen
// reader reads it and a keyboard user starts there. A link in it moves the focus to its
// field; for a group of radio buttons or check boxes, to the first option (a fieldset
// cannot take the focus itself). Without script the links still scroll to the field.
(function () {
  'use strict';
  var summary = document.getElementById('error-summary');
  if (summary) {
    summary.focus();
  }
  document.addEventListener('click', function (event) {
    var link = event.target.closest('.error-summary a[href^="#"]');
    if (!link) {
      return;
    }
    var target = document.getElementById(decodeURIComponent(link.getAttribute('href').slice(1)));
    if (!target) {
      return;
    }
    var field = target.matches('input, select, textarea, button')
      ? target
      : target.querySelector('input:not([type=hidden]), select, textarea');
    if (!field) {
      return;
    }
    event.preventDefault();
    (target.closest('fieldset, .field') || target).scrollIntoView();
    field.focus({ preventScroll: true });
  });
})();
