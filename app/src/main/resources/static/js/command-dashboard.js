// One-map dashboard: draws the region's children coloured by the chosen metric (ECharts over our
// own GeoJSON), drills down on click and refreshes figures every 15 seconds.
(function () {
    var root = document.getElementById('dashboard');
    if (!root || typeof echarts === 'undefined') {
        return;
    }
    var region = root.dataset.region;
    var select = document.getElementById('metric');
    var chart = echarts.init(document.getElementById('map'));
    var fmt = function (v) {
        return v === null || v === undefined ? '—' : Number(v).toLocaleString('zh-CN', {maximumFractionDigits: 2});
    };

    function drawMap() {
        var metric = select.value;
        fetch('/command/map.json?region=' + encodeURIComponent(region) + '&metric=' + encodeURIComponent(metric),
            {headers: {'Accept': 'application/json'}})
            .then(function (r) { return r.json(); })
            .then(function (geo) {
                var drawable = geo.features.filter(function (f) { return f.geometry; });
                document.getElementById('map-empty').hidden = drawable.length > 0;
                document.getElementById('map-title').textContent = geo.regionName + ' · ' + geo.label
                    + (geo.available ? '' : '（暂无数据）');
                var name = 'r' + geo.regionCode;
                echarts.registerMap(name, {type: 'FeatureCollection', features: drawable});
                chart.setOption({
                    tooltip: {
                        trigger: 'item',
                        formatter: function (p) {
                            var d = p.data || {};
                            return (d.label || p.name) + '<br>' + geo.label + '：' + fmt(d.v) + ' ' + geo.unit;
                        }
                    },
                    visualMap: {
                        min: geo.min === null ? 0 : geo.min,
                        max: geo.max === null || geo.max === geo.min ? (geo.min || 0) + 1 : geo.max,
                        calculable: true, left: 10, bottom: 10,
                        inRange: {color: ['#fde9e1', '#f4a582', '#d6604d', '#b2182b']},
                        text: [geo.unit, '']
                    },
                    series: [{
                        type: 'map', map: name, nameProperty: 'code', roam: true, selectedMode: false,
                        label: {show: drawable.length <= 40, formatter: function (p) { return (p.data && p.data.label) || ''; }, fontSize: 11},
                        emphasis: {label: {show: true}},
                        data: drawable.map(function (f) {
                            var p = f.properties;
                            return {name: p.code, value: p.value === null ? NaN : p.value, v: p.value, label: p.name, level: p.level};
                        })
                    }]
                }, true);
                root.dataset.mapFeatures = String(drawable.length);
            });
    }

    function refresh() {
        fetch('/command/dashboard.json?region=' + encodeURIComponent(region), {headers: {'Accept': 'application/json'}})
            .then(function (r) { return r.json(); })
            .then(function (d) {
                d.kpis.forEach(function (k) {
                    var tile = document.getElementById('kpi-' + k.name);
                    if (tile) { tile.querySelector('.v').textContent = fmt(k.value); }
                });
                document.getElementById('reports-count').textContent =
                    '已报 ' + d.reports.reported + ' / 应报 ' + d.reports.expected;
                document.getElementById('directive-counts').textContent =
                    '未完成 ' + d.directives.open + ' · 逾期 ' + d.directives.overdueRecipients;
                var alerts = document.getElementById('alert-list');
                if (d.alerts.length) {
                    alerts.innerHTML = '';
                    d.alerts.forEach(function (a) {
                        var li = document.createElement('li');
                        li.textContent = new Date(a.raisedAt).toLocaleString() + ' ' + a.message;
                        alerts.appendChild(li);
                    });
                }
                document.getElementById('updated').textContent = new Date(d.updatedAt).toLocaleTimeString();
            });
        drawMap();
    }

    chart.on('click', function (p) {
        if (p.data && p.data.level && p.data.level !== 'MICRO_GRID') {
            window.location = '/command?region=' + encodeURIComponent(p.data.name) + '&metric=' + encodeURIComponent(select.value);
        }
    });
    select.addEventListener('change', function () {
        history.replaceState(null, '', '/command?region=' + encodeURIComponent(region) + '&metric=' + encodeURIComponent(select.value));
        drawMap();
    });
    document.getElementById('big-screen').addEventListener('click', function (e) {
        e.preventDefault();
        document.body.classList.toggle('big-screen');
        if (document.fullscreenElement == null && document.body.classList.contains('big-screen') && document.documentElement.requestFullscreen) {
            document.documentElement.requestFullscreen().catch(function () {});
        }
        setTimeout(function () { chart.resize(); }, 50);
    });
    window.addEventListener('resize', function () { chart.resize(); });
    if (new URLSearchParams(window.location.search).get('screen') === 'big') {
        document.body.classList.add('big-screen');
    }
    drawMap();
    setInterval(refresh, 15000);
})();
