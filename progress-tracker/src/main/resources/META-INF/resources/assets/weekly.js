// The weekly scheduling page: the filter form sends itself when a choice changes, and the four charts are
// drawn with Apache ECharts (served by the tracker) from the figures the server put on #charts.
'use strict';

document.addEventListener('DOMContentLoaded', () => {
  const form = document.getElementById('filters');
  if (form) {
    form.querySelectorAll('select, input[type=week]').forEach((field) => {
      field.addEventListener('change', () => {
        if (field.type !== 'week' || /^\d{4}-W\d{2}$/.test(field.value)) {
          form.requestSubmit();
        }
      });
    });
  }

  const holder = document.getElementById('charts');
  if (!holder || typeof echarts === 'undefined') {
    return;
  }
  const data = JSON.parse(holder.dataset.chart);
  const weeks = data.series.weeks.map((week) => week.substring(5));
  const textStyle = { fontFamily: getComputedStyle(document.body).fontFamily };
  const charts = [];

  function draw(id, option) {
    const chart = echarts.init(document.getElementById(id), null, { renderer: 'canvas' });
    chart.on('finished', () => { chart.getDom().dataset.rendered = 'true'; });
    chart.setOption(Object.assign({ textStyle, animation: false }, option));
    charts.push(chart);
  }

  draw('chart-investment', {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: ['累计完成', '序时应完成'] },
    grid: { left: 70, right: 16, top: 36, bottom: 30 },
    xAxis: { type: 'category', data: weeks },
    yAxis: { type: 'value', name: '万元' },
    series: [
      { name: '累计完成', type: 'line', areaStyle: { opacity: 0.15 }, data: data.series.investmentCompleted.map(Number) },
      { name: '序时应完成', type: 'line', lineStyle: { type: 'dashed' }, data: data.series.investmentDue.map(Number) },
    ],
  });

  draw('chart-flags', {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: ['红灯', '黄灯'] },
    grid: { left: 50, right: 16, top: 36, bottom: 30 },
    xAxis: { type: 'category', data: weeks },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '红灯', type: 'bar', stack: 'flags', itemStyle: { color: '#c62828' }, data: data.series.red },
      { name: '黄灯', type: 'bar', stack: 'flags', itemStyle: { color: '#e0a800' }, data: data.series.yellow },
    ],
  });

  draw('chart-funnel', {
    tooltip: {
      trigger: 'item',
      formatter: (p) => `${p.name}：${p.value} 个<br>年内转入 ${p.data.convertedIn}，转出 ${p.data.convertedOut}`,
    },
    series: [{
      type: 'funnel', sort: 'none', left: '10%', width: '80%', top: 10, bottom: 10, minSize: '20%', gap: 2,
      label: { show: true, position: 'inside', formatter: (p) => `${p.name} ${p.value}（转出 ${p.data.convertedOut}）` },
      color: ['#90caf9', '#64b5f6', '#1e88e5', '#1d4e89'],
      data: data.funnel.map((stage) => ({ name: stage.label, value: stage.projects, convertedIn: stage.convertedIn, convertedOut: stage.convertedOut })),
    }],
  });

  // conversion rate by quarter, one bar per pool (a quarter with nothing to convert has no bar)
  const quarters = [...new Set(data.conversion.map((q) => q.quarter))];
  const pools = [...new Set(data.conversion.map((q) => q.label))];
  draw('chart-conversion', {
    tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? '—' : `${v}%`) },
    legend: { top: 0, data: pools },
    grid: { left: 50, right: 16, top: 36, bottom: 30 },
    xAxis: { type: 'category', data: quarters.map((q) => `${q.substring(0, 4)}年Q${q.substring(5)}`) },
    yAxis: { type: 'value', name: '%', min: 0, max: 100 },
    color: ['#90caf9', '#64b5f6', '#1e88e5'],
    series: pools.map((label) => ({
      name: label,
      type: 'bar',
      data: quarters.map((quarter) => {
        const q = data.conversion.find((each) => each.label === label && each.quarter === quarter);
        return q && q.rate !== '' ? Math.round(Number(q.rate) * 1000) / 10 : null;
      }),
    })),
  });

  const resize = () => charts.forEach((chart) => chart.resize());
  window.addEventListener('resize', resize);
  window.addEventListener('beforeprint', resize);
  window.addEventListener('afterprint', resize);
});
