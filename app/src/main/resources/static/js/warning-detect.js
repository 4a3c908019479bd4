// The detection trial page: shows only the parameters of the chosen method, and draws the counts,
// the bound and the alarms (ECharts) from #detect-chart's data-chart.
(function () {
    'use strict';
    function showParameters() {
        var method = document.getElementById('method');
        if (!method) { return; }
        document.querySelectorAll('[data-for-methods]').forEach(function (el) {
            el.hidden = el.dataset.forMethods.split(' ').indexOf(method.value) < 0;
        });
    }
    document.addEventListener('DOMContentLoaded', function () {
        var method = document.getElementById('method');
        if (method) { method.addEventListener('change', showParameters); }
        showParameters();
        var el = document.getElementById('detect-chart');
        if (!el || typeof echarts === 'undefined') { return; }
        var data = JSON.parse(el.dataset.chart);
        var chart = echarts.init(el);
        chart.setOption({
            animation: false,
            tooltip: {trigger: 'axis'}, legend: {top: 0}, grid: {left: 50, right: 20, top: 40, bottom: 30},
            xAxis: {type: 'category', data: data.dates},
            yAxis: {type: 'value'},
            series: [
                {name: '观察值', type: 'bar', data: data.observed.map(function (v, i) {
                    return data.alarm[i] ? {value: v, itemStyle: {color: '#c0392b'}} : v;
                })},
                {name: '上限', type: 'line', data: data.bound, connectNulls: false, showSymbol: false}
            ]
        });
        window.addEventListener('resize', function () { chart.resize(); });
    });
})();
