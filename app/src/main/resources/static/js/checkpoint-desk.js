// The checkpoint desk's pre-check: every scanned health code (a line starting with PJ1.) is
// verified in the browser as it is typed, before the server decides. Labels come from the
// data- attributes of #desk-precheck; reason codes from the desk's data-reason-codes.
(function () {
    'use strict';
    document.addEventListener('DOMContentLoaded', function () {
        var area = document.getElementById('desk-codes');
        var out = document.getElementById('desk-precheck');
        var root = document.querySelector('[data-reason-codes]');
        if (!area || !out || !root || !window.PingjiCodes) { return; }
        var codes = JSON.parse(root.getAttribute('data-reason-codes'));
        var labels = { GREEN: out.dataset.green, YELLOW: out.dataset.yellow, RED: out.dataset.red };
        function chip(text, cls) {
            var span = document.createElement('span');
            span.className = 'chip' + (cls ? ' ' + cls : '');
            span.textContent = text;
            return span;
        }
        var latest = 0;
        area.addEventListener('input', async function () {
            var run = ++latest;
            var lines = area.value.split(/\n+/).map(function (s) { return s.trim(); }).filter(Boolean);
            var chips = [];
            for (var i = 0; i < lines.length; i++) {
                if (lines[i].indexOf('PJ1.') !== 0) {
                    chips.push(chip((i + 1) + '. ' + out.dataset.idNumber));
                    continue;
                }
                var r = await window.PingjiCodes.verify(lines[i], codes);
                chips.push(chip((i + 1) + '. ' + (r.valid ? labels[r.status] : out.dataset.invalid),
                    r.valid ? 'status-' + r.status : 'invalid'));
            }
            if (run !== latest) { return; }
            out.replaceChildren.apply(out, chips.reduce(function (all, c) {
                if (all.length) { all.push(document.createTextNode(' ')); }
                all.push(c);
                return all;
            }, []));
        });
    });
})();
