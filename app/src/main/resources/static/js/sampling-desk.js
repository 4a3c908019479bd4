// The sampling desk (/testing/table). Scans are queued in localStorage first, then sent in
// batches; a lost network only delays them, and each scan's id makes a resend harmless.
// URLs and texts come from data- attributes on #sampling-desk.
(function () {
    'use strict';
    var KEY = 'pingji.pendingScans';
    var BATCH = 50;

    document.addEventListener('DOMContentLoaded', function () {
        var desk = document.getElementById('sampling-desk');
        if (!desk) { return; }
        var d = desk.dataset;
        var el = function (id) { return document.getElementById(id); };
        var tube = el('tube'), person = el('person');
        var syncing = null;

        function pending() {
            try { return JSON.parse(localStorage.getItem(KEY) || '[]'); } catch (e) { return []; }
        }
        function save(list) { localStorage.setItem(KEY, JSON.stringify(list)); render(); }
        function pendingText(n) { return d.msgPending.replace('{0}', n); }
        function render(note) {
            var n = pending().length;
            var state = el('sync-state');
            state.textContent = note || (n ? pendingText(n) : d.msgSynced);
            state.setAttribute('data-pending', String(n));
            state.classList.toggle('error', !!note);
        }
        function log(text, cls) {
            var li = document.createElement('li');
            li.textContent = text;
            if (cls) { li.className = cls; }
            var ol = el('log');
            ol.insertBefore(li, ol.firstChild);
        }
        function uuid() {
            if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
            return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, function (c) {
                var r = Math.random() * 16 | 0;
                return (c === 'x' ? r : (r & 3 | 8)).toString(16);
            });
        }
        function headers() {
            var h = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
            var csrf = document.querySelector('meta[name=_csrf]');
            var csrfHeader = document.querySelector('meta[name=_csrf_header]');
            if (csrf && csrfHeader) { h[csrfHeader.content] = csrf.content; }
            return h;
        }
        function post(url, body) {
            return fetch(url, { method: 'POST', headers: headers(), credentials: 'same-origin',
                body: body === undefined ? undefined : JSON.stringify(body) });
        }

        // Sends the queue batch by batch; resolves when the queue is empty or the network fails.
        function sync() {
            if (syncing) { return syncing; }
            var step = function () {
                var batch = pending().slice(0, BATCH);
                if (!batch.length) { render(); return Promise.resolve(); }
                return post(d.scansUrl, batch)
                    .then(function (r) { if (!r.ok) { throw new Error('HTTP ' + r.status); } return r.json(); })
                    .then(function (outcomes) {
                        var done = {};
                        outcomes.forEach(function (o) {
                            done[o.scanId] = true;
                            log(o.message, o.outcome === 'REJECTED' ? 'error' : 'notice');
                        });
                        batch.forEach(function (s) {
                            var o = outcomes.filter(function (x) { return x.scanId === s.scanId; })[0];
                            if (o && o.outcome === 'ACCEPTED') { counted(s.tubeBarcode); }
                        });
                        save(pending().filter(function (s) { return !done[s.scanId]; }));
                        return step();
                    });
            };
            syncing = step()
                .catch(function () { render(d.msgOffline + ' · ' + pendingText(pending().length)); })
                .finally(function () { syncing = null; });
            return syncing;
        }

        // The server seals a tube when it holds the round's pool size; the desk then moves on.
        var filled = {};
        function poolSize() {
            var o = el('round').selectedOptions[0];
            return o ? Number(o.getAttribute('data-pool')) : 0;
        }
        function counted(barcode) {
            filled[barcode] = (filled[barcode] || 0) + 1;
            if (filled[barcode] === poolSize()) { sealed(barcode); }
        }
        function sealed(barcode) {
            var tubes = el('pack-tubes');
            if (tubes.value.split(/\s+/).indexOf(barcode) < 0) {
                tubes.value = (tubes.value.trim() ? tubes.value.trim() + '\n' : '') + barcode;
            }
            if (tube.value.trim() === barcode) {
                tube.value = '';
                el('tube-state').textContent = d.msgSealed.replace('{0}', barcode);
                tube.focus();
            }
        }

        function queueScan(key) {
            var list = pending();
            list.push({ scanId: uuid(), roundId: Number(el('round').value), tableId: Number(el('table').value),
                tubeBarcode: tube.value.trim(), person: key, scannedAt: new Date().toISOString() });
            save(list);
            sync();
        }
        function needTube() {
            if (tube.value.trim()) { return false; }
            log(d.msgNeedTube, 'error');
            tube.focus();
            return true;
        }

        // Only the tables of the chosen round are offered.
        function roundChanged() {
            var round = el('round').value, first = null;
            el('pack-round').value = round;
            Array.prototype.forEach.call(el('table').options, function (o) {
                var mine = o.getAttribute('data-round') === round;
                o.hidden = !mine;
                o.disabled = !mine;
                if (mine && !first) { first = o; }
            });
            var chosen = el('table').selectedOptions[0];
            if (first && (!chosen || chosen.disabled)) { first.selected = true; }
        }
        el('round').addEventListener('change', roundChanged);
        roundChanged();
        tube.addEventListener('keydown', function (e) {
            if (e.key !== 'Enter') { return; }
            e.preventDefault();
            el('tube-state').textContent = tube.value.trim();
            person.focus();
        });
        person.addEventListener('keydown', function (e) {
            if (e.key !== 'Enter') { return; }
            e.preventDefault();
            if (needTube()) { return; }
            var value = person.value.trim();
            if (!value) { return; }
            person.value = '';
            queueScan(/^\d{17}[\dXx]$/.test(value) ? { residentId: value.toUpperCase() } : { personId: Number(value) });
        });
        el('reg-submit').addEventListener('click', function () {
            if (needTube()) { return; }
            var body = { name: el('reg-name').value.trim(), residentId: el('reg-id').value.trim(),
                phone: el('reg-phone').value.trim() || null };
            post(d.tablesUrl + encodeURIComponent(el('table').value) + '/persons', body)
                .then(function (r) { return r.json().then(function (b) { return { ok: r.ok, body: b }; }); })
                .then(function (r) {
                    if (!r.ok) { log(r.body.message, 'error'); return; }
                    ['reg-name', 'reg-id', 'reg-phone'].forEach(function (id) { el(id).value = ''; });
                    queueScan({ personId: r.body.personId });
                })
                .catch(function () { log(d.msgOffline, 'error'); });
        });
        // A tube is sealed only after its scans reached the server, so the seal never overtakes them.
        el('seal').addEventListener('click', function () {
            var barcode = tube.value.trim();
            if (!barcode) { return; }
            sync().then(function () {
                if (pending().some(function (s) { return s.tubeBarcode === barcode; })) {
                    log(d.msgSealLater, 'error');
                    return;
                }
                return post(d.tubesUrl + encodeURIComponent(barcode) + '/seal')
                    .then(function (r) { return r.json().then(function (b) { return { ok: r.ok, body: b }; }); })
                    .then(function (r) {
                        log(r.body.message, r.ok ? 'notice' : 'error');
                        if (r.ok) { sealed(barcode); }
                    });
            }).catch(function () { log(d.msgOffline, 'error'); });
        });
        window.addEventListener('online', sync);
        setInterval(sync, 3000);
        render();
        sync();
    });
})();
