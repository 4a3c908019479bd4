// The resident's code page renews its code before it expires: at data-renew-at (epoch ms) it
// fetches the page again and swaps in the new code and reasons; without network it says so and
// tries again. Renewal times live in the DOM, so a renewed section carries its own next time.
(function () {
    'use strict';
    var RETRY_MS = 15000;
    document.addEventListener('DOMContentLoaded', function () {
        if (!document.getElementById('my-code')) { return; }
        var busy = false, retryAfter = 0;
        function section() { return document.getElementById('my-code'); }
        function renew() {
            var current = section();
            if (busy || !current || Date.now() < Number(current.dataset.renewAt) || Date.now() < retryAfter) { return; }
            busy = true;
            fetch(current.dataset.url, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
                .then(function (r) { if (!r.ok) { throw new Error('HTTP ' + r.status); } return r.text(); })
                .then(function (html) {
                    var page = new DOMParser().parseFromString(html, 'text/html');
                    var code = page.getElementById('my-code');
                    if (!code) { throw new Error('no code in the answer'); }
                    current.replaceWith(document.importNode(code, true));
                    var reasons = page.getElementById('my-reasons'), old = document.getElementById('my-reasons');
                    if (reasons && old) { old.replaceWith(document.importNode(reasons, true)); }
                })
                .catch(function () {
                    retryAfter = Date.now() + RETRY_MS;
                    var state = document.getElementById('my-renew-state');
                    if (state) { state.textContent = current.dataset.msgFailed; state.className = 'error'; }
                })
                .finally(function () { busy = false; });
        }
        setInterval(renew, 2000);
        document.addEventListener('visibilitychange', function () { if (!document.hidden) { renew(); } });
        window.addEventListener('online', function () { retryAfter = 0; renew(); });
        renew();
    });
})();
