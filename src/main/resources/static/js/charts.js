// ECharts wrappers. Every chart also has a table of the same numbers on the page (no information by chart or
// colour alone), and each clickable segment calls onClick(item) to drill down.
/* global echarts */
import { fmt, esc } from './app.js';

const COLORS = ['#000091', '#6a6af4', '#009081', '#c3992a', '#ce614a', '#a558a0', '#417dc4', '#716043', '#18753c', '#7b7b7b'];

function init(el) {
  const existing = echarts.getInstanceByDom(el);
  if (existing) existing.dispose();
  const chart = echarts.init(el, null, { renderer: 'canvas' });
  window.addEventListener('resize', () => chart.resize());
  return chart;
}

function valueFormatter(kind) {
  return (v) => (kind === 'AMOUNT' ? fmt.eur(v) : fmt.num(v));
}

/** Horizontal bars, largest first. items: [{key, label, value, other}] */
export function bar(el, items, { kind, onClick, name } = {}) {
  const chart = init(el);
  const data = [...items].reverse();
  chart.setOption({
    color: COLORS,
    animationDuration: 250,
    aria: { enabled: true, decal: { show: true } },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'item', valueFormatter: valueFormatter(kind) },
    xAxis: { type: 'value', splitNumber: 3, axisLabel: { hideOverlap: true, formatter: (v) => (kind === 'AMOUNT' ? fmt.num(v / 1e6) + ' M€' : fmt.num(v)) } },
    yAxis: { type: 'category', data: data.map((d) => truncate(d.label, 38)) },
    series: [{ type: 'bar', name, data: data.map((d) => ({ value: d.value ?? 0, item: d, itemStyle: d.other ? { color: '#929292' } : undefined })) }],
  });
  if (onClick) chart.on('click', (p) => p.data && p.data.item && onClick(p.data.item));
  return chart;
}

/** Treemap of members (segments, families, divisions…). */
export function treemap(el, items, { kind, onClick, name } = {}) {
  const chart = init(el);
  chart.setOption({
    color: COLORS,
    animationDuration: 250,
    aria: { enabled: true },
    tooltip: { valueFormatter: valueFormatter(kind) },
    series: [{
      type: 'treemap', name, roam: false, nodeClick: false, breadcrumb: { show: false }, width: '100%', height: '100%',
      itemStyle: { borderColor: '#fff', borderWidth: 1 },
      label: { overflow: 'truncate', formatter: (p) => `${p.name}\n${kind === 'AMOUNT' ? fmt.eur(p.value) : fmt.num(p.value)}` },
      data: items.filter((d) => (d.value ?? 0) > 0).map((d) => ({ name: d.label, value: d.value, item: d })),
    }],
  });
  if (onClick) chart.on('click', (p) => p.data && p.data.item && onClick(p.data.item));
  return chart;
}

/** Time series (years or months), in chronological order. */
export function line(el, items, { kind, onClick, name } = {}) {
  const chart = init(el);
  chart.setOption({
    color: COLORS,
    animationDuration: 250,
    aria: { enabled: true },
    grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: valueFormatter(kind) },
    xAxis: { type: 'category', data: items.map((d) => d.label) },
    yAxis: { type: 'value', axisLabel: { formatter: (v) => (kind === 'AMOUNT' ? fmt.num(v / 1e6) + ' M€' : fmt.num(v)) } },
    series: [{ type: 'line', name, symbolSize: 8, data: items.map((d) => ({ value: d.value ?? 0, item: d })) }],
  });
  if (onClick) chart.on('click', (p) => p.data && p.data.item && onClick(p.data.item));
  return chart;
}

/** Stacked bars for a pivot: rows = first axis, stacks = second axis. */
export function stacked(el, rowsAxis, colsAxis, cells, { kind } = {}) {
  const chart = init(el);
  chart.setOption({
    color: COLORS,
    animationDuration: 250,
    aria: { enabled: true, decal: { show: true } },
    legend: { type: 'scroll', top: 0 },
    grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: valueFormatter(kind) },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: rowsAxis.map((r) => truncate(r.label, 30)).reverse() },
    series: colsAxis.map((c) => ({
      type: 'bar', stack: 'total', name: c.label,
      data: [...rowsAxis].reverse().map((r) => cells.get(r.key + '\u0000' + c.key) ?? 0),
    })),
  });
  return chart;
}

let mapRegistered = null;

async function registerFrance() {
  if (!mapRegistered) {
    mapRegistered = import('/vendor/france-departments/index.js').then((m) => {
      const svg = m.default;
      const paths = svg.locations.map((l) => `<path name="${esc(l.id)}" d="${esc(l.path)}"/>`).join('');
      echarts.registerMap('france-departements', { svg: `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${svg.viewBox}">${paths}</svg>` });
      return new Map(svg.locations.map((l) => [l.id, l.name]));
    });
  }
  return mapRegistered;
}

/**
 * Choropleth of France by département: amount going to suppliers located there. items: [{key: '35', value}].
 * The territory's départements are outlined. Returns false (and says so) when no supplier is located.
 */
export async function franceMap(el, items, { kind, territory = [], onClick, name } = {}) {
  const located = items.filter((d) => d.key && d.key !== '_null' && d.key !== '_autres');
  if (located.length === 0) {
    const existing = echarts.getInstanceByDom(el);
    if (existing) existing.dispose();
    el.innerHTML = '<div class="notice" role="status"><p><strong>Données de localisation non disponibles.</strong> '
      + 'La localisation des fournisseurs (commune, département) vient du référentiel des fournisseurs ; '
      + 'elle n\'est pas encore renseignée pour ce périmètre.</p></div>';
    el.style.height = 'auto';
    return false;
  }
  el.style.height = '';
  const names = await registerFrance();
  const chart = init(el);
  const max = Math.max(...located.map((d) => d.value ?? 0));
  const own = new Set(territory);
  chart.setOption({
    aria: { enabled: true },
    tooltip: {
      trigger: 'item',
      formatter: (p) => `${esc(names.get(p.name) || p.name)} (${esc(p.name)})<br>${p.value ? (kind === 'AMOUNT' ? fmt.eur(p.value) : fmt.num(p.value)) : '—'}`,
    },
    visualMap: {
      min: 0, max: max || 1, calculable: true, left: 8, bottom: 8, text: ['plus', 'moins'],
      inRange: { color: ['#e3e3fd', '#6a6af4', '#000091'] },
      formatter: (v) => (kind === 'AMOUNT' ? fmt.num(Math.round(v / 1e3)) + ' k€' : fmt.num(Math.round(v))),
    },
    series: [{
      type: 'map', map: 'france-departements', name, roam: true, selectedMode: false, layoutCenter: ['50%', '50%'], layoutSize: '95%',
      itemStyle: { borderColor: '#666', borderWidth: 0.5, areaColor: '#f6f6f6' },
      emphasis: { itemStyle: { areaColor: '#c3992a' }, label: { show: false } },
      data: [
        ...located.map((d) => ({ name: d.key, value: d.value, item: d })),
        ...[...own].filter((k) => !located.some((d) => d.key === k)).map((k) => ({ name: k, value: null })),
      ].map((d) => (own.has(d.name) ? { ...d, itemStyle: { borderColor: '#e1000f', borderWidth: 2.5 } } : d)),
    }],
  });
  if (onClick) chart.on('click', (p) => p.data && p.data.item && onClick(p.data.item));
  return true;
}

function truncate(s, n) {
  s = String(s ?? '');
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}
