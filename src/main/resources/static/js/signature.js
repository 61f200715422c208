// A signature drawn with mouse, pen or finger, stored as a PNG in a hidden field. Without
// JavaScript the pad stays hidden and the typed name with the declaration is the signature.
(function () {
  'use strict';
  var pad = document.querySelector('[data-signature-pad]');
  var field = document.querySelector('[data-signature-value]');
  if (!pad || !field) {
    return;
  }
  var canvas = pad.querySelector('canvas');
  var context = canvas.getContext('2d');
  var drawing = false;
  var drawn = false;
  pad.hidden = false;
  context.lineWidth = 2.5;
  context.lineCap = 'round';
  context.strokeStyle = '#1b1b1b';

  // A form sent back with an error keeps the drawn signature in the hidden field: show it
  // again, so that the empty box does not suggest it was lost.
  if (field.value.indexOf('data:image/png;base64,') === 0) {
    var kept = new Image();
    kept.onload = function () {
      context.drawImage(kept, 0, 0, canvas.width, canvas.height);
    };
    kept.src = field.value;
    drawn = true;
  }

  function point(event) {
    var box = canvas.getBoundingClientRect();
    return {
      x: (event.clientX - box.left) * (canvas.width / box.width),
      y: (event.clientY - box.top) * (canvas.height / box.height)
    };
  }

  canvas.addEventListener('pointerdown', function (event) {
    drawing = true;
    canvas.setPointerCapture(event.pointerId);
    var p = point(event);
    context.beginPath();
    context.moveTo(p.x, p.y);
  });
  canvas.addEventListener('pointermove', function (event) {
    if (!drawing) {
      return;
    }
    var p = point(event);
    context.lineTo(p.x, p.y);
    context.stroke();
    drawn = true;
  });
  ['pointerup', 'pointercancel'].forEach(function (type) {
    canvas.addEventListener(type, function () {
      drawing = false;
      if (drawn) {
        field.value = canvas.toDataURL('image/png');
      }
    });
  });
  pad.querySelector('[data-signature-clear]').addEventListener('click', function () {
    context.clearRect(0, 0, canvas.width, canvas.height);
    drawn = false;
    field.value = '';
    var note = pad.querySelector('[data-signature-kept]');
    if (note) {
      note.hidden = true;
    }
  });
}());
