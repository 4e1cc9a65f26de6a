// The cartography explorer: choose the fact, one or two axes, the measure and the chart; click a bar, a tile, a map
// area or a row to drill down; breadcrumbs show the active filters; the whole state lives in the URL.
import { layout, api, fmt, esc, showError, cubeQuery, link } from './app.js';
import { bar, treemap, line, stacked, franceMap } from './charts.js';
import { dataTable, serverTable } from './table.js';

const DEFAULTS = { fact: 'contract', axis: 'buyer', axis2: '', measure: '', top: '15', view: 'bar' };
let meta;
let me;
let territory = [];

function readState() {
  const p = new URLSearchParams(location.search);
  const s = { ...DEFAULTS, filters: {}, labels: {} };
  for (const [k, v] of p) {
    if (k.startsWith('f.')) (s.filters[k.slice(2)] ||= []).push(v);
    else if (k.startsWith('fl.')) s.labels[k.slice(3)] = v;
    else if (k in DEFAULTS || k === 'lines') s[k] = v;
  }
  if (s.fact === 'spending' && !meta.spendingVisible) s.fact = 'contract';
  if (!s.measure) s.measure = s.fact === 'contract' ? 'amount_current' : 'amount_spent';
  return s;
}

function toUrl(s) {
  const p = new URLSearchParams();
  for (const k of Object.keys(DEFAULTS)) if (s[k]) p.set(k, s[k]);
  if (s.lines) p.set('lines', s.lines);
  for (const [d, vs] of Object.entries(s.filters)) vs.forEach((v) => p.append('f.' + d, v));
  for (const [d, l] of Object.entries(s.labels)) if (s.filters[d]) p.set('fl.' + d, l);
  const b = new URLSearchParams(location.search).get('buyers');
  if (b) p.set('buyers', b);
  return '?' + p.toString();
}

function go(s) {
  history.pushState(null, '', toUrl(s));
  render();
}

const axesOf = (fact) => (fact === 'contract' ? meta.contractAxes : meta.spendingAxes);
const axisInfo = (fact, name) => axesOf(fact).find((a) => a.name === name);
const measureInfo = (name) => meta.measures.find((m) => m.name === name);

function apiFilters(s) {
  const out = {};
  for (const [d, vs] of Object.entries(s.filters)) out['f.' + d] = vs;
  return out;
}

function drill(s, item, axisName) {
  if (item.key === '_autres') {
    showError({ message: '« Autres » regroupe plusieurs valeurs : augmentez le nombre de valeurs affichées pour les détailler.' });
    return;
  }
  const next = structuredClone(s);
  next.filters[axisName] = [item.key];
  next.labels[axisName] = item.label;
  const child = axisInfo(s.fact, axisName)?.child;
  if (child && !next.filters[child] && axisInfo(s.fact, child)) {
    next.axis = child;
    if (next.axis2 === child) next.axis2 = '';
  } else {
    next.lines = '1';
  }
  if (next.view === 'map' && next.axis !== 'supplier_departement') next.view = 'bar';
  go(next);
}

function controls(s) {
  const measures = meta.measures.filter((m) => m.fact === s.fact);
  const opts = (list, cur, empty) => (empty ? `<option value="">${esc(empty)}</option>` : '')
    + list.map((a) => `<option value="${esc(a.name)}"${a.name === cur ? ' selected' : ''}>${esc(a.label)}</option>`).join('');
  document.getElementById('controls').innerHTML = `
    <div class="fr-select-group"><label class="fr-label" for="c-fact">Données</label>
      <select class="fr-select" id="c-fact"><option value="contract"${s.fact === 'contract' ? ' selected' : ''}>Marchés (DECP)</option>
      ${meta.spendingVisible ? `<option value="spending"${s.fact === 'spending' ? ' selected' : ''}>Dépenses</option>` : ''}</select></div>
    <div class="fr-select-group"><label class="fr-label" for="c-axis">Axe d'analyse</label>
      <select class="fr-select" id="c-axis">${opts(axesOf(s.fact), s.axis)}</select></div>
    <div class="fr-select-group"><label class="fr-label" for="c-axis2">Croiser avec</label>
      <select class="fr-select" id="c-axis2">${opts(axesOf(s.fact).filter((a) => a.name !== s.axis), s.axis2, 'Aucun croisement')}</select></div>
    <div class="fr-select-group"><label class="fr-label" for="c-measure">Mesure</label>
      <select class="fr-select" id="c-measure">${opts(measures, s.measure)}</select></div>
    <div class="fr-select-group"><label class="fr-label" for="c-top">Valeurs affichées</label>
      <select class="fr-select" id="c-top">${['5', '10', '15', '25', '50', '100', ''].map((t) => `<option value="${t}"${t === s.top ? ' selected' : ''}>${t ? t + ' premières + Autres' : 'Toutes'}</option>`).join('')}</select></div>
    <div class="fr-select-group"><label class="fr-label" for="c-view">Graphique</label>
      <select class="fr-select" id="c-view">${[['bar', 'Barres'], ['treemap', 'Carte proportionnelle (treemap)'], ['line', 'Évolution (série temporelle)'], ['map', 'Carte de France par département'], ['table', 'Tableau seul']]
        .map(([v, l]) => `<option value="${v}"${v === s.view ? ' selected' : ''}>${l}</option>`).join('')}</select></div>`;
  const on = (id, f) => document.getElementById(id).addEventListener('change', (e) => { const n = structuredClone(s); f(n, e.target.value); go(n); });
  on('c-fact', (n, v) => {
    n.fact = v; n.measure = ''; n.filters = {}; n.labels = {}; n.lines = '';
    if (!axisInfo(v, n.axis)) n.axis = 'buyer';
    n.axis2 = '';
  });
  on('c-axis', (n, v) => { n.axis = v; if (n.axis2 === v) n.axis2 = ''; if (n.view === 'map' && v !== 'supplier_departement') n.view = 'bar'; });
  on('c-axis2', (n, v) => { n.axis2 = v; });
  on('c-measure', (n, v) => { n.measure = v; });
  on('c-top', (n, v) => { n.top = v; });
  on('c-view', (n, v) => {
    n.view = v;
    if (v === 'map') { n.axis = 'supplier_departement'; n.axis2 = ''; n.top = ''; }
    if (v === 'line') { n.axis = n.filters.year ? 'month' : 'year'; n.axis2 = ''; n.top = ''; }
  });
}

function breadcrumbs(s) {
  const entries = Object.entries(s.filters);
  const el = document.getElementById('filters');
  el.innerHTML = `<nav role="navigation" class="fr-breadcrumb fr-mt-0 fr-mb-1w" aria-label="Filtres actifs (fil d'Ariane)"><ol class="fr-breadcrumb__list">
      <li><a class="fr-breadcrumb__link" href="${esc(toUrl({ ...s, filters: {}, labels: {}, lines: '' }))}" data-crumb="-1">${s.fact === 'contract' ? 'Tous les marchés' : 'Toutes les dépenses'}</a></li>
      ${entries.map(([d, vs], i) => `<li><a class="fr-breadcrumb__link" ${i === entries.length - 1 ? 'aria-current="page"' : `href="#" data-crumb="${i}"`}>
        ${esc(axisInfo(s.fact, d)?.label || d)} : ${esc(s.labels[d] || vs.join(', '))}</a></li>`).join('')}
    </ol></nav>
    <div class="filters">${entries.map(([d]) => `<button class="fr-tag fr-tag--sm fr-tag--dismiss" data-remove="${esc(d)}" aria-label="Retirer le filtre ${esc(axisInfo(s.fact, d)?.label || d)}">${esc(axisInfo(s.fact, d)?.label || d)} : ${esc(s.labels[d] || s.filters[d].join(', '))}</button>`).join('')}</div>`;
  el.querySelectorAll('[data-crumb]').forEach((a) => a.addEventListener('click', (e) => {
    e.preventDefault();
    const keep = Number(a.dataset.crumb) + 1;
    const n = structuredClone(s);
    n.filters = Object.fromEntries(entries.slice(0, keep));
    n.lines = '';
    const last = entries[keep];
    if (last) n.axis = last[0];
    go(n);
  }));
  el.querySelectorAll('[data-remove]').forEach((b) => b.addEventListener('click', () => {
    const n = structuredClone(s);
    delete n.filters[b.dataset.remove];
    delete n.labels[b.dataset.remove];
    go(n);
  }));
}

async function render() {
  const s = readState();
  const tableEl = document.getElementById('table');
  tableEl.dataset.ready = '';
  document.getElementById('alerts').innerHTML = '';
  controls(s);
  breadcrumbs(s);
  const m = measureInfo(s.measure);
  const second = s.fact === 'contract' ? (s.measure === 'contracts' ? 'amount_current' : 'contracts') : (s.measure === 'lines' ? 'amount_spent' : 'lines');
  const axes = s.axis2 ? `${s.axis},${s.axis2}` : s.axis;
  const q = cubeQuery({ fact: s.fact, axes, measures: `${s.measure},${second}`, top: s.top, ...apiFilters(s) });
  const chartEl = document.getElementById('chart');
  const title = document.getElementById('view-title');
  const a1 = axisInfo(s.fact, s.axis);
  title.textContent = `${m.label} par ${a1.label.toLowerCase()}${s.axis2 ? ' et ' + axisInfo(s.fact, s.axis2).label.toLowerCase() : ''}`;
  document.title = `${title.textContent} — Achatlas`;
  document.getElementById('exports').innerHTML = `
    <span class="fr-mr-1w">Exporter cette vue :</span>
    ${['csv', 'xlsx', 'parquet'].map((f) => `<a class="fr-btn fr-btn--sm fr-btn--tertiary fr-mr-1w" id="export-${f}" href="/api/cube/export?${esc(q)}&amp;format=${f}" download>${f === 'csv' ? 'CSV (Excel)' : f.toUpperCase()}</a>`).join('')}
    <button class="fr-btn fr-btn--sm fr-btn--secondary" id="show-lines">Voir les lignes de cette vue</button>`;
  document.getElementById('show-lines').addEventListener('click', () => go({ ...s, lines: '1' }));
  let view;
  try {
    view = await api.get('/api/cube?' + q);
  } catch (e) {
    showError(e);
    chartEl.innerHTML = '';
    tableEl.innerHTML = '';
    tableEl.dataset.ready = location.search;
    return;
  }
  const total = view.totals[s.measure];
  document.getElementById('total').innerHTML = `Total du périmètre filtré : <strong>${fmt.measure(m, total)}</strong>`
    + ` — ${fmt.measure(measureInfo(second), view.totals[second])} ${esc(measureInfo(second).label.toLowerCase())}`
    + (view.truncated ? ' <span class="fr-badge fr-badge--warning">résultat tronqué : choisissez un top N</span>' : '');
  const m2 = measureInfo(second);
  if (!s.axis2) {
    const items = view.rows.map((r) => ({ key: r[s.axis], label: r[s.axis + '_label'], value: r[s.measure], other: r[s.axis] === '_autres' }));
    chartEl.style.display = s.view === 'table' ? 'none' : '';
    if (s.view === 'bar') bar(chartEl, items, { kind: m.kind, name: m.label, onClick: (it) => drill(s, it, s.axis) });
    else if (s.view === 'treemap') treemap(chartEl, items, { kind: m.kind, name: m.label, onClick: (it) => drill(s, it, s.axis) });
    else if (s.view === 'line') line(chartEl, items, { kind: m.kind, name: m.label, onClick: (it) => drill(s, it, s.axis) });
    else if (s.view === 'map') await franceMap(chartEl, items, { kind: m.kind, name: m.label, territory, onClick: (it) => drill(s, it, s.axis) });
    dataTable(document.getElementById('table'), {
      caption: title.textContent,
      columns: [
        { key: s.axis + '_label', label: a1.label },
        { key: s.measure, label: m.label, num: true, render: (r) => fmt.measure(m, r[s.measure]) },
        { key: second, label: m2.label, num: true, render: (r) => fmt.measure(m2, r[second]) },
        { key: 'share', label: 'Part', num: true, render: (r) => fmt.pct(r.share) },
      ],
      rows: view.rows,
      onRow: (r) => drill(s, { key: r[s.axis], label: r[s.axis + '_label'] }, s.axis),
      rowLabel: (r) => (r[s.axis] === '_autres' ? null : `Détailler ${r[s.axis + '_label']}`),
    });
  } else {
    const rowsAxis = [];
    const colsAxis = [];
    const seenR = new Set();
    const seenC = new Set();
    const cells = new Map();
    for (const r of view.rows) {
      if (!seenR.has(r[s.axis])) { seenR.add(r[s.axis]); rowsAxis.push({ key: r[s.axis], label: r[s.axis + '_label'] }); }
      if (!seenC.has(r[s.axis2])) { seenC.add(r[s.axis2]); colsAxis.push({ key: r[s.axis2], label: r[s.axis2 + '_label'] }); }
      cells.set(r[s.axis] + '\u0000' + r[s.axis2], r[s.measure]);
    }
    chartEl.style.display = s.view === 'table' ? 'none' : '';
    if (s.view !== 'table') stacked(chartEl, rowsAxis, colsAxis, cells, { kind: m.kind });
    const a2 = axisInfo(s.fact, s.axis2);
    const tbl = document.getElementById('table');
    tbl.innerHTML = `<div class="fr-table fr-table--bordered pivot"><div class="fr-table__wrapper"><div class="fr-table__container"><div class="fr-table__content">
      <table id="pivot-table"><caption>${esc(title.textContent)} (tableau croisé)</caption>
      <thead><tr><th scope="col">${esc(a1.label)} \\ ${esc(a2.label)}</th>${colsAxis.map((c) => `<th scope="col" class="num">${esc(c.label)}</th>`).join('')}</tr></thead>
      <tbody>${rowsAxis.map((r) => `<tr><th scope="row">${esc(r.label)}</th>${colsAxis.map((c) => {
        const v = cells.get(r.key + '\u0000' + c.key);
        return `<td class="num">${v === undefined ? '' : (r.key === '_autres' || c.key === '_autres' ? fmt.measure(m, v)
          : `<a href="#" data-r="${esc(r.key)}" data-c="${esc(c.key)}" data-rl="${esc(r.label)}" data-cl="${esc(c.label)}">${fmt.measure(m, v)}</a>`)}</td>`;
      }).join('')}</tr>`).join('')}</tbody></table></div></div></div></div>`;
    tbl.querySelectorAll('a[data-r]').forEach((a) => a.addEventListener('click', (e) => {
      e.preventDefault();
      const n = structuredClone(s);
      n.filters[s.axis] = [a.dataset.r];
      n.labels[s.axis] = a.dataset.rl;
      n.filters[s.axis2] = [a.dataset.c];
      n.labels[s.axis2] = a.dataset.cl;
      n.lines = '1';
      go(n);
    }));
  }
  renderLines(s);
  // Lets tests (and assistive tools) know the view matches the URL.
  tableEl.dataset.ready = location.search;
}

function renderLines(s) {
  const panel = document.getElementById('lines');
  if (!s.lines) { panel.innerHTML = ''; return; }
  const base = cubeQuery({ fact: s.fact, ...apiFilters(s) });
  panel.innerHTML = `<h2 class="fr-h4 fr-mt-4w" id="lines-title">${s.fact === 'contract' ? 'Marchés' : 'Lignes de dépense'} sous la sélection</h2>
    <p>Exporter ces lignes :
    ${['csv', 'xlsx', 'parquet'].map((f) => `<a class="fr-btn fr-btn--sm fr-btn--tertiary fr-mr-1w" id="lines-export-${f}" href="/api/cube/lines/export?${esc(base)}&amp;format=${f}" download>${f === 'csv' ? 'CSV (Excel)' : f.toUpperCase()}</a>`).join('')}</p>
    <div id="lines-table"></div>`;
  const columns = s.fact === 'contract' ? [
    { key: 'contract_id', label: 'Marché', render: (r) => `<a href="${esc(link('/contract.html', { key: r.contract_key }))}">${esc(r.contract_id)}</a>` },
    { key: 'buyer_name', label: 'Acheteur', render: (r) => `<a href="${esc(link('/buyer.html', { id: r.buyer_id }))}">${esc(r.buyer_name)}</a>` },
    { key: 'object', label: 'Objet' },
    { key: 'year', label: 'Année', num: true },
    { key: 'suppliers', label: 'Titulaires' },
    { key: 'amount_current', label: 'Montant actuel', num: true, render: (r) => fmt.eur(r.amount_current) },
  ] : [
    { key: 'payment_date', label: 'Date' },
    { key: 'buyer_name', label: 'Acheteur' },
    { key: 'direction', label: 'Direction' },
    { key: 'supplier_name', label: 'Fournisseur' },
    { key: 'label', label: 'Libellé' },
    { key: 'amount_spent', label: 'Montant', num: true, render: (r) => fmt.eur(r.amount_spent) },
  ];
  serverTable(document.getElementById('lines-table'), {
    caption: s.fact === 'contract' ? 'Marchés' : 'Lignes de dépense',
    columns,
    fetchPage: ({ sort, desc, offset, limit }) => api.get('/api/cube/lines?' + base + `&limit=${limit}&offset=${offset}`
      + (sort ? `&sort=${encodeURIComponent(sort)}&desc=${desc}` : '')),
  }).catch(showError);
}

(async () => {
  try {
    me = await layout('/explorer.html');
    meta = await api.get('/api/cube/meta');
    territory = (await api.get('/api/territory')).departements || [];
    window.addEventListener('popstate', render);
    await render();
  } catch (e) {
    showError(e);
  }
})();
