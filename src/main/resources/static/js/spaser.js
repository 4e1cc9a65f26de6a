// SPASER dashboard: indicators of the perimeter against their targets, a trajectory chart with its table, the rows
// an indicator counts, art. 35 compliance and the inclusive sector (same API as the yearly report and the CLI).
/* global echarts */
import { layout, api, fmt, esc, showError, scopeParam, link } from './app.js';
import { dataTable } from './table.js';

const params = new URLSearchParams(location.search);
let dashboard = null;
let selected = params.get('indicator') || 'SPENDING_ESAT_EA';
let me = null;

function figure(metric, v) {
  if (v === null || v === undefined) return '—';
  if (metric === 'SHARE_COUNT' || metric === 'SHARE_VALUE') return fmt.pct(v);
  if (metric === 'VALUE') return fmt.eur(v);
  if (metric === 'AVERAGE') return new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(v);
  return fmt.num(v);
}

/** A year-on-year change: percentage points for shares, the metric's unit otherwise. */
function evolution(metric, delta) {
  const sign = delta >= 0 ? '+' : '−';
  if (metric === 'SHARE_COUNT' || metric === 'SHARE_VALUE') {
    return `${sign}${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(Math.abs(delta) * 100)} pt`;
  }
  return sign + figure(metric, Math.abs(delta));
}

const METRIC_LABEL = { SHARE_COUNT: 'part en nombre', SHARE_VALUE: 'part en valeur', VALUE: 'montant', COUNT: 'nombre', AVERAGE: 'moyenne' };

function q(extra = {}) {
  const p = new URLSearchParams(extra);
  const b = scopeParam();
  if (b) p.set('buyers', b);
  return p.toString();
}

function renderIndicators() {
  const el = document.getElementById('indicators');
  const themes = new Map();
  for (const s of dashboard.indicators) {
    if (!themes.has(s.indicator.theme)) themes.set(s.indicator.theme, []);
    themes.get(s.indicator.theme).push(s);
  }
  el.innerHTML = [...themes.entries()].map(([theme, list]) => `
    <h3 class="fr-h6 fr-mt-2w">${esc(theme)}</h3>
    <div class="kpis">${list.map((s) => {
      const m = s.indicator.headline;
      const last = s.years[s.years.length - 1];
      const prev = s.years.length > 1 ? s.years[s.years.length - 2] : null;
      const delta = prev && prev.headline != null && last.headline != null ? last.headline - prev.headline : null;
      const isLower = s.indicator.code === 'SINGLE_OFFER' || s.indicator.code === 'NO_COMPETITION';
      const reached = last.target == null || last.headline == null ? null
        : (isLower ? last.headline <= last.target : last.headline >= last.target);
      return `<div class="kpi" data-code="${esc(s.indicator.code)}">
        <span>${esc(s.indicator.label)}</span>
        <strong>${esc(figure(m, last.headline))}</strong>
        <span class="muted">${esc(METRIC_LABEL[m])} ${esc(String(last.year))}${delta === null ? '' : ` · ${esc(evolution(m, delta))} sur un an`}</span>
        ${reached === null ? '' : `<p class="fr-badge fr-badge--sm fr-mt-1w ${reached ? 'fr-badge--success' : 'fr-badge--warning'}">Cible ${esc(figure(m, last.target))} : ${reached ? 'atteinte' : 'non atteinte'}</p>`}
        <p class="fr-mt-1w fr-mb-0"><button class="fr-btn fr-btn--sm fr-btn--tertiary" data-select="${esc(s.indicator.code)}"
          aria-pressed="${s.indicator.code === selected}">Trajectoire et détail<span class="fr-sr-only"> : ${esc(s.indicator.label)}</span></button></p>
      </div>`;
    }).join('')}</div>`).join('');
  el.querySelectorAll('button[data-select]').forEach((b) => b.addEventListener('click', () => {
    selected = b.dataset.select;
    const u = new URL(location.href);
    u.searchParams.set('indicator', selected);
    history.replaceState(null, '', u);
    renderIndicators();
    renderTrajectory();
    document.getElementById('traj-title').scrollIntoView({ behavior: 'smooth' });
  }));
}

function renderTrajectory() {
  const s = dashboard.indicators.find((x) => x.indicator.code === selected) || dashboard.indicators[0];
  if (!s) return;
  selected = s.indicator.code;
  const m = s.indicator.headline;
  document.getElementById('traj-title').textContent = `Trajectoire : ${s.indicator.label}`;
  const share = m === 'SHARE_COUNT' || m === 'SHARE_VALUE';
  const chart = echarts.getInstanceByDom(document.getElementById('traj-chart')) || echarts.init(document.getElementById('traj-chart'));
  chart.setOption({
    color: ['#000091', '#ce0500'],
    aria: { enabled: true, decal: { show: true } },
    legend: { bottom: 0 },
    grid: { left: 8, right: 24, top: 24, bottom: 36, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: (v) => figure(m, v) },
    xAxis: { type: 'category', data: s.years.map((y) => String(y.year)) },
    yAxis: { type: 'value', axisLabel: { formatter: (v) => (share ? fmt.pct(v) : fmt.num(v)) } },
    series: [
      { name: 'Réalisé', type: 'bar', data: s.years.map((y) => y.headline), label: { show: true, position: 'top', formatter: (p) => figure(m, p.value) } },
      { name: 'Cible', type: 'line', connectNulls: true, lineStyle: { type: 'dashed', width: 2 }, symbolSize: 9, data: s.years.map((y) => y.target ?? null) },
    ],
  }, true);
  dataTable(document.getElementById('traj-table'), {
    caption: `${s.indicator.label} — ${METRIC_LABEL[m]} par année`,
    rows: s.years,
    columns: [
      { key: 'year', label: 'Année' },
      { key: 'headline', label: 'Réalisé', num: true, render: (r) => esc(figure(m, r.headline)) },
      { key: 'target', label: 'Cible', num: true, render: (r) => esc(figure(m, r.target)) },
      { key: 'count', label: 'Nombre', num: true, render: (r) => fmt.num(r.count) },
      { key: 'baseCount', label: 'Base (nombre)', num: true, render: (r) => fmt.num(r.baseCount) },
      { key: 'value', label: 'Montant', num: true, render: (r) => fmt.eur(r.value) },
      { key: 'baseValue', label: 'Base (montant)', num: true, render: (r) => fmt.eur(r.baseValue) },
    ],
  });
  document.getElementById('traj-table').insertAdjacentHTML('beforeend',
    `<p class="muted fr-text--sm">Formule : ${esc(s.indicator.formula)}. Données : ${esc(s.indicator.data)}.
     ${s.indicator.caveats ? `Limites : ${esc(s.indicator.caveats)}` : ''}</p>`);
  renderTargetForm(s);
  renderLines(s);
}

function renderTargetForm(s) {
  const el = document.getElementById('target-form');
  if (!dashboard.canEditTargets) {
    el.innerHTML = me && me.role === 'ADMIN' && !dashboard.targetKey
      ? '<p class="muted">Les cibles se fixent pour un acheteur ou pour le territoire, pas pour un groupe.</p>' : '';
    return;
  }
  const m = s.indicator.headline;
  const share = m === 'SHARE_COUNT' || m === 'SHARE_VALUE';
  el.innerHTML = `<form id="target" class="controls fr-mt-2w" aria-label="Fixer une cible">
    <div class="fr-input-group"><label class="fr-label" for="t-year">Année</label>
      <input class="fr-input" id="t-year" type="number" min="2000" max="2100" value="${dashboard.to}" required></div>
    <div class="fr-input-group"><label class="fr-label" for="t-value">Cible (${share ? '%' : m === 'VALUE' ? '€ HT' : METRIC_LABEL[m]})</label>
      <input class="fr-input" id="t-value" inputmode="decimal" required></div>
    <button class="fr-btn" type="submit">Enregistrer la cible</button></form>`;
  el.querySelector('form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      const body = new URLSearchParams({ indicator: s.indicator.code, buyer: dashboard.targetKey, year: el.querySelector('#t-year').value,
        metric: m, value: el.querySelector('#t-value').value });
      await api.post('/api/spaser/targets', body);
      await load();
    } catch (e) { showError(e); }
  });
}

async function renderLines(s) {
  const el = document.getElementById('traj-lines');
  const year = dashboard.to;
  try {
    const data = await api.get(`/api/spaser/indicators/${encodeURIComponent(s.indicator.code)}/lines?${q({ year, limit: 500 })}`);
    const exportUrl = `/api/spaser/indicators/${encodeURIComponent(s.indicator.code)}/lines/export?${q({ year, format: 'xlsx' })}`;
    dataTable(el, {
      caption: `${s.indicator.fact === 'spending' ? 'Lignes de dépense' : 'Marchés'} comptés en ${year}`,
      rows: data.rows,
      columns: data.columns.filter((c) => c.name !== 'contract_key' && c.name !== 'line_key').map((c) => ({
        key: c.name, label: c.label, num: c.type === 'AMOUNT',
        render: c.type === 'AMOUNT' ? (r) => fmt.eur(r[c.name])
          : c.name === 'contract_id' ? (r) => `<a href="${esc(link('/contract.html', { key: r.contract_key }))}">${esc(r.contract_id)}</a>` : undefined,
      })),
    });
    el.insertAdjacentHTML('beforeend', `<p><a class="fr-link fr-icon-download-line fr-link--icon-left" href="${esc(exportUrl)}">Exporter toutes les lignes (XLSX)</a></p>`);
  } catch (e) {
    el.innerHTML = `<p class="muted">${esc(e.message)}</p>`;
  }
}

async function renderArt35() {
  const a = await api.get(`/api/spaser/art35?${q()}`);
  document.getElementById('art35-kpis').innerHTML = `
    <div class="kpi"><span>Marchés notifiés depuis le 21/08/2026</span><strong>${fmt.num(a.notified)}</strong></div>
    <div class="kpi"><span>Sans considération environnementale</span><strong>${fmt.num(a.withoutEnvironmental)}</strong>
      <span class="muted">${a.notified ? fmt.pct(a.withoutEnvironmental / a.notified) : ''}</span></div>
    <div class="kpi"><span>Au-dessus des seuils européens</span><strong>${fmt.num(a.aboveEuThreshold)}</strong></div>
    <div class="kpi"><span>… dont sans considération sociale</span><strong>${fmt.num(a.aboveWithoutSocial)}</strong></div>`;
  const chart = echarts.getInstanceByDom(document.getElementById('art35-chart')) || echarts.init(document.getElementById('art35-chart'));
  chart.setOption({
    color: ['#000091', '#ce0500', '#c3992a'],
    aria: { enabled: true, decal: { show: true } },
    legend: { bottom: 0 }, tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 24, top: 16, bottom: 36, containLabel: true },
    xAxis: { type: 'category', data: a.months.map((m) => m.month) }, yAxis: { type: 'value' },
    series: [
      { name: 'Notifiés', type: 'bar', data: a.months.map((m) => m.notified) },
      { name: 'Sans considération environnementale', type: 'bar', data: a.months.map((m) => m.withoutEnvironmental) },
      { name: 'Au-dessus des seuils UE sans considération sociale', type: 'bar', data: a.months.map((m) => m.aboveWithoutSocial) },
    ],
  }, true);
  dataTable(document.getElementById('art35-months'), {
    caption: 'Par mois de notification', rows: a.months,
    columns: [{ key: 'month', label: 'Mois' }, { key: 'notified', label: 'Notifiés', num: true },
      { key: 'withoutEnvironmental', label: 'Sans considération environnementale', num: true },
      { key: 'aboveEuThreshold', label: 'Au-dessus des seuils UE', num: true },
      { key: 'aboveWithoutSocial', label: '… sans considération sociale', num: true }],
  });
  const bad = a.rows.filter((r) => r.environmental === false || (r.euThreshold !== null && r.amount !== null && r.amount >= r.euThreshold && !r.social));
  dataTable(document.getElementById('art35-rows'), {
    caption: `Marchés non conformes (${bad.length})`, rows: bad,
    columns: [
      { key: 'notificationDate', label: 'Notification' },
      { key: 'buyerName', label: 'Acheteur' },
      { key: 'object', label: 'Objet', render: (r) => `<a href="${esc(link('/contract.html', { key: r.contractKey }))}">${esc(r.object || r.contractId)}</a>` },
      { key: 'amount', label: 'Montant initial', num: true, render: (r) => fmt.eur(r.amount) },
      { key: 'euThreshold', label: 'Seuil UE', num: true, render: (r) => fmt.eur(r.euThreshold) },
      { key: 'missing', label: 'Manque', render: (r) => esc([r.environmental ? null : 'environnemental',
        r.euThreshold !== null && r.amount >= r.euThreshold && !r.social ? 'social' : null].filter(Boolean).join(', ')) },
    ],
  });
}

async function renderInclusive() {
  const segEl = document.getElementById('segments');
  if (me.role === 'PUBLIC') {
    segEl.innerHTML = '<p class="muted">Les segments transférables reposent sur les dépenses : connectez-vous pour les voir.</p>';
  } else {
    const segments = await api.get(`/api/spaser/inclusive/segments?${q({ from: dashboard.to, to: dashboard.to })}`);
    dataTable(segEl, {
      caption: `Segments transférables ${dashboard.to} : familles où l'acheteur paie des fournisseurs ordinaires alors que des structures du territoire y travaillent`,
      rows: segments, pageSize: 10,
      columns: [
        { key: 'buyerName', label: 'Acheteur' }, { key: 'familyLabel', label: "Famille d'achat" },
        { key: 'sector', label: 'Secteur', render: (r) => (r.sector === 'ESAT_EA' ? 'ESAT / EA' : 'SIAE') },
        { key: 'ordinaryAmount', label: 'Payé à des fournisseurs ordinaires', num: true, render: (r) => fmt.eur(r.ordinaryAmount) },
        { key: 'inclusiveAmount', label: 'Déjà payé au secteur', num: true, render: (r) => fmt.eur(r.inclusiveAmount) },
        { key: 'structures', label: 'Structures du territoire', num: true },
      ],
    });
  }
  const candidates = await api.get(`/api/spaser/inclusive/candidates?${q()}`);
  dataTable(document.getElementById('candidates'), {
    caption: `Candidats à la réservation (${candidates.length}) : marchés de ces familles arrivant à échéance d'ici 24 mois`,
    rows: candidates, pageSize: 15,
    columns: [
      { key: 'endDate', label: 'Échéance' }, { key: 'buyerName', label: 'Acheteur' },
      { key: 'object', label: 'Objet', render: (r) => `<a href="${esc(link('/contract.html', { key: r.contractKey }))}">${esc(r.object || r.contractId)}</a>` },
      { key: 'familyLabel', label: 'Famille' },
      { key: 'amount', label: 'Montant', num: true, render: (r) => fmt.eur(r.amount) },
      { key: 'sectors', label: 'Secteur', render: (r) => esc(r.sectors.map((x) => (x === 'ESAT_EA' ? 'ESAT / EA' : 'SIAE')).join(', ')) },
      { key: 'articles', label: 'Réservation possible (CCP)', render: (r) => `<abbr title="Code de la commande publique">${esc(r.articles)}</abbr>` },
    ],
  });
}

async function load() {
  const to = document.getElementById('year-to').value || params.get('to') || '';
  dashboard = await api.get(`/api/spaser/dashboard?${q(to ? { to, from: Number(to) - 2 } : {})}`);
  document.getElementById('perimeter').textContent = `Périmètre : ${dashboard.perimeter} — ${dashboard.from}–${dashboard.to}`;
  const sel = document.getElementById('year-to');
  if (!sel.options.length) {
    for (let y = dashboard.to + 1; y >= dashboard.to - 4; y--) sel.insertAdjacentHTML('beforeend', `<option value="${y}" ${y === dashboard.to ? 'selected' : ''}>${y}</option>`);
  }
  document.getElementById('report-pdf').href = `/api/spaser/report?${q({ year: dashboard.to, format: 'pdf' })}`;
  document.getElementById('report-xlsx').href = `/api/spaser/report?${q({ year: dashboard.to, format: 'xlsx' })}`;
  renderIndicators();
  renderTrajectory();
}

(async () => {
  try {
    me = await layout('/spaser.html');
    document.getElementById('year-to').addEventListener('change', () => load().then(renderInclusive).catch(showError));
    await load();
    await renderArt35();
    await renderInclusive();
  } catch (e) {
    showError(e);
  }
})();
