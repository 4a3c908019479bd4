// Buttons marked data-print open the browser's print dialog (the venue code poster).
document.addEventListener('DOMContentLoaded', function () {
    'use strict';
    document.querySelectorAll('[data-print]').forEach(function (button) {
        button.addEventListener('click', function () { window.print(); });
    });
});
