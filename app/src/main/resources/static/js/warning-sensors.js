// Sensors page: one ECharts line per sensor (readings of the last hour) with its alarm threshold.
(function () {
    if (typeof echarts === 'undefined') {
        return;
    }
    document.querySelectorAll('[data-sensor-chart]').forEach(function (el) {
        var code = el.dataset.sensorChart;
        fetch(el.dataset.readings + '?from=' + encodeURIComponent(el.dataset.since),
            {headers: {'Accept': 'application/json'}})
            .then(function (r) {
                if (!r.ok) {
                    throw new Error('读数加载失败：HTTP ' + r.status);
                }
                return r.json();
            })
            .then(function (points) {
                var chart = echarts.init(el);
                var series = [{
                    type: 'line', showSymbol: false, name: code,
                    data: points.map(function (p) { return [p.at, p.value]; })
                }];
                if (el.dataset.alarmAt) {
                    series[0].markLine = {silent: true, symbol: 'none', data: [{yAxis: Number(el.dataset.alarmAt), name: '报警值'}]};
                }
                chart.setOption({
                    grid: {left: 40, right: 10, top: 10, bottom: 24},
                    tooltip: {trigger: 'axis'},
                    xAxis: {type: 'time'},
                    yAxis: {type: 'value', name: el.dataset.unit},
                    series: series
                });
                window.addEventListener('resize', function () { chart.resize(); });
            });
    });
})();
