// The daily reports' 14-day trend (ECharts); the series come from #trend's data-trend.
(function () {
    'use strict';
    document.addEventListener('DOMContentLoaded', function () {
        var el = document.getElementById('trend');
        if (!el || typeof echarts === 'undefined') { return; }
        var data = JSON.parse(el.dataset.trend);
        var chart = echarts.init(el);
        chart.setOption({
            tooltip: {trigger: 'axis'}, legend: {top: 0}, grid: {left: 50, right: 20, top: 40, bottom: 30},
            xAxis: {type: 'category', data: data.dates},
            yAxis: {type: 'value'},
            series: data.series.map(function (s) { return {name: s.label, type: 'line', data: s.values}; })
        });
        window.addEventListener('resize', function () { chart.resize(); });
    });
})();
