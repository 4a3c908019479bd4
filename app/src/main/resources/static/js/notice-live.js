// Notices pushed without reload: the header badge listens to the server-sent events of notices
// addressed to the signed-in user and refreshes its count; on the notices page the list is
// fetched again. EventSource reconnects by itself after a network break.
(function () {
    var badge = document.getElementById('notice-badge');
    if (!badge || typeof EventSource === 'undefined') {
        return;
    }
    var live = document.getElementById('notice-live');
    function fetchHtml(url, id) {
        return fetch(url, {headers: {'Accept': 'text/html'}})
            .then(function (r) { return r.text(); })
            .then(function (html) {
                var holder = document.createElement('div');
                holder.innerHTML = html;
                var fresh = holder.querySelector('#' + id);
                var current = document.getElementById(id);
                if (current && fresh) {
                    current.className = fresh.className;
                    current.innerHTML = fresh.innerHTML;
                }
            });
    }
    function refresh() {
        fetchHtml(badge.dataset.noticeBadge, 'notice-badge');
        if (live && live.dataset.noticeRows) {
            fetchHtml(live.dataset.noticeRows, 'notice-rows');
        }
    }
    var source = new EventSource(badge.dataset.noticeStream);
    source.addEventListener('hello', function () {
        badge.dataset.live = 'connected';
        if (live) { live.textContent = '实时（已连接）'; }
    });
    source.addEventListener('notice', refresh);
    source.onerror = function () {
        badge.dataset.live = 'reconnecting';
        if (live) { live.textContent = '实时（重连中）'; }
    };
})();
