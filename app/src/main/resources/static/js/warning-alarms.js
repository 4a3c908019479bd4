// Alarm console: listens to the server-sent events of alarm changes and reloads the alarm list
// without reloading the page; reconnects by itself (EventSource) after a network break.
(function () {
    var live = document.getElementById('live');
    if (!live || typeof EventSource === 'undefined') {
        return;
    }
    function reload() {
        fetch(live.dataset.alarmRows, {headers: {'Accept': 'text/html'}})
            .then(function (r) { return r.text(); })
            .then(function (html) {
                var current = document.getElementById('alarm-rows');
                var holder = document.createElement('div');
                holder.innerHTML = html;
                var fresh = holder.querySelector('#alarm-rows');
                if (current && fresh) {
                    current.replaceWith(fresh);
                }
            });
    }
    var source = new EventSource(live.dataset.alarmStream);
    source.addEventListener('hello', function () { live.textContent = '实时（已连接）'; });
    source.addEventListener('alarm', reload);
    source.onerror = function () { live.textContent = '实时（重连中）'; };
    source.onopen = function () { live.textContent = '实时（已连接）'; reload(); };
})();
