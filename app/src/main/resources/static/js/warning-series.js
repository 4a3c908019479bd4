// A signal's daily series (ECharts): counts as bars, the signal's day marked, its upper bound as a line.
(function () {
    'use strict';
    document.addEventListener('DOMContentLoaded', function () {
        var el = document.getElementById('series');
        if (!el || typeof echarts === 'undefined') { return; }
        var data = JSON.parse(el.dataset.chart);
        var chart = echarts.init(el);
        chart.setOption({
            animation: false, tooltip: {trigger: 'axis'}, grid: {left: 40, right: 16, top: 30, bottom: 30},
            xAxis: {type: 'category', data: data.dates},
            yAxis: {type: 'value'},
            series: [{
                name: data.label, type: 'bar', data: data.values.map(function (v, i) {
                    return data.dates[i] === data.day ? {value: v, itemStyle: {color: '#c62828'}} : v;
                }),
                markLine: {symbol: 'none', data: [{yAxis: data.upperBound, name: '上限'}],
                    lineStyle: {color: '#c62828', type: 'dashed'}, label: {formatter: '上限 {c}'}}
            }]
        });
        window.addEventListener('resize', function () { chart.resize(); });
    });
})();
