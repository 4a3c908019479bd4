// A region page's map: the boundaries of its children (ECharts over our own GeoJSON), shaded by
// population; a click opens the child's page. Wired by data- attributes: data-region-map on the
// map's element, data-url for the GeoJSON and data-link for the page of a region ("{code}").
document.addEventListener("DOMContentLoaded", function () {
    var element = document.querySelector("[data-region-map]");
    if (!element || typeof echarts === "undefined") {
        return;
    }
    fetch(element.dataset.url, {headers: {"Accept": "application/json"}, credentials: "same-origin"})
        .then(function (r) { return r.json(); })
        .then(function (geo) {
            var drawable = geo.features.filter(function (f) { return f.geometry; });
            element.dataset.features = String(drawable.length);
            if (drawable.length === 0) {
                element.hidden = true;
                return;
            }
            var name = "region-" + element.dataset.code;
            echarts.registerMap(name, {type: "FeatureCollection", features: drawable});
            var values = drawable.map(function (f) { return f.properties.population; });
            var chart = echarts.init(element);
            chart.setOption({
                tooltip: {
                    trigger: "item",
                    formatter: function (p) {
                        var d = p.data || {};
                        return (d.label || p.name) + "<br>" + element.dataset.populationLabel + "："
                            + Number(d.value || 0).toLocaleString("zh-CN");
                    }
                },
                visualMap: {
                    min: Math.min.apply(null, values), max: Math.max.apply(null, values) || 1,
                    calculable: true, left: 10, bottom: 10,
                    inRange: {color: ["#e8f1fa", "#9ecae1", "#4292c6", "#08519c"]}
                },
                series: [{
                    type: "map", map: name, nameProperty: "code", roam: true, selectedMode: false,
                    label: {show: drawable.length <= 40, fontSize: 11,
                        formatter: function (p) { return (p.data && p.data.label) || ""; }},
                    data: drawable.map(function (f) {
                        return {name: f.properties.code, value: f.properties.population, label: f.properties.name};
                    })
                }]
            });
            chart.on("click", function (p) {
                if (p.data && p.data.name && p.data.name !== element.dataset.code) {
                    window.location.href = element.dataset.link.replace("{code}", encodeURIComponent(p.data.name));
                }
            });
            window.addEventListener("resize", function () { chart.resize(); });
        });
});
