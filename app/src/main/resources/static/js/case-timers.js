// The case page's live deadlines: minutes left (or overdue) recomputed every 30 s from each
// .countdown's data-due (epoch ms); the texts come from the data- attributes of #case-timers.
(function () {
    'use strict';
    document.addEventListener('DOMContentLoaded', function () {
        var root = document.getElementById('case-timers');
        if (!root) { return; }
        var left = root.dataset.left, over = root.dataset.over;
        function tick() {
            document.querySelectorAll('.countdown').forEach(function (el) {
                var minutes = Math.floor((Number(el.dataset.due) - Date.now()) / 60000);
                el.textContent = minutes >= 0 ? left.replace('{0}', minutes) : over.replace('{0}', -minutes);
                var row = el.closest('tr');
                if (row) { row.classList.toggle('error', minutes < 0); }
            });
        }
        tick();
        setInterval(tick, 30000);
    });
})();
