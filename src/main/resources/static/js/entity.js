// Buyer, supplier and purchase-family pages: the same cube, pre-filtered on one member.
import { layout, api, fmt, esc, showError, cubeQuery, link } from './app.js';
import { bar, line } from './charts.js';
import { dataTable, serverTable } from './table.js';

const page = location.pathname.replace(/^\/|\.html$/g, '');
const params = new URLSearchParams(location.search);
const CONFIG = {
  buyer: { dim: 'buyer', key: params.get('id'), title: 'Acheteur', breakdowns: ['cpv_division', 'supplier'], spending: ['direction', 'supplier'] },
  supplier: { dim: 'supplier', key: params.get('id'), title: 'Fournisseur', breakdowns: ['buyer', 'cpv_division'], spending: ['buyer'] },
  family: { dim: params.get('dim') === 'family' ? 'family' : 'cpv_division', key: params.get('key'), title: "Famille d'achat", breakdowns: ['buyer', 'supplier'], spending: ['buyer'] },
}[page];

(async () => {
  try {
    const me = await layout('');
    const meta = await api.get('/api/cube/meta');
    const filter = { [`f.${CONFIG.dim}`]: CONFIG.key };
    const head = await api.get('/api/cube?' + cubeQuery({ axes: CONFIG.dim, measures: 'amount_current,amount_initial,contracts,suppliers,buyers', ...filter }));
    const row = head.rows[0];
    const name = row ? row[CONFIG.dim + '_label'] : CONFIG.key;
    const axisLabel = (fact, a) => (fact === 'contract' ? meta.contractAxes : meta.spendingAxes).find((x) => x.name === a).label;
    document.getElementById('page-title').textContent = `${CONFIG.title} : ${name}`;
    document.title = `${CONFIG.title} : ${name} — Achatlas`;
    const content = document.getElementById('content');
    if (!row) {
      content.innerHTML = '<p>Aucun marché pour ce périmètre.</p>';
      return;
    }
    content.innerHTML = `
      <p class="muted">Identifiant : ${esc(CONFIG.key)} — <a class="fr-link" href="${esc(link('/explorer.html', { ...filter, [`fl.${CONFIG.dim}`]: name, axis: CONFIG.breakdowns[0] }))}">Ouvrir dans la cartographie</a></p>
      <section class="kpis" aria-label="Chiffres clés">
        <div class="kpi"><strong>${fmt.eur(row.amount_current)}</strong>engagés (après modifications)</div>
        <div class="kpi"><strong>${fmt.eur(row.amount_initial)}</strong>montant initial</div>
        <div class="kpi"><strong>${fmt.num(row.contracts)}</strong>marchés</div>
        <div class="kpi"><strong>${fmt.num(row.suppliers)}</strong>fournisseurs</div>
        ${CONFIG.dim === 'buyer' ? '' : `<div class="kpi"><strong>${fmt.num(row.buyers)}</strong>acheteur${row.buyers > 1 ? 's' : ''}</div>`}
      </section>
      <div class="grid2">
        <section><h2 class="fr-h5">Par année</h2><div class="chart chart--small" id="by-year" role="img" aria-label="Montants par année"></div></section>
        ${CONFIG.breakdowns.map((b, i) => `<section aria-label="Par ${esc(axisLabel('contract', b).toLowerCase())}"><div id="bd-${i}"></div></section>`).join('')}
      </div>
      <section id="spending"></section>
      <h2 class="fr-h4 fr-mt-4w">Marchés</h2><div id="contracts"></div>`;
    const years = await api.get('/api/cube?' + cubeQuery({ axes: 'year', measures: 'amount_current', ...filter }));
    line(document.getElementById('by-year'), years.rows.filter((r) => r.year !== '_null').map((r) => ({ key: r.year, label: r.year_label, value: r.amount_current })), { kind: 'AMOUNT' });
    const target = { buyer: '/buyer.html', supplier: '/supplier.html', cpv_division: '/family.html', family: '/family.html' };
    for (const [i, b] of CONFIG.breakdowns.entries()) {
      const v = await api.get('/api/cube?' + cubeQuery({ axes: b, measures: 'amount_current,contracts', top: 10, ...filter }));
      dataTable(document.getElementById(`bd-${i}`), {
        caption: `${axisLabel('contract', b)} (10 premiers)`, pageSize: 11, rows: v.rows,
        columns: [
          { key: b + '_label', label: axisLabel('contract', b), render: (r) => (target[b] && r[b] !== '_autres' && r[b] !== '_null'
            ? `<a href="${esc(link(target[b], b === 'cpv_division' || b === 'family' ? { dim: b, key: r[b] } : { id: r[b] }))}">${esc(r[b + '_label'])}</a>` : esc(r[b + '_label'])) },
          { key: 'amount_current', label: 'Montant', num: true, render: (r) => fmt.eur(r.amount_current) },
          { key: 'contracts', label: 'Marchés', num: true, render: (r) => fmt.num(r.contracts) },
        ],
      });
    }
    if (me.spendingVisible && CONFIG.dim !== 'family') {
      const sp = document.getElementById('spending');
      try {
        const axis = CONFIG.spending[0];
        const v = await api.get('/api/cube?' + cubeQuery({ fact: 'spending', axes: axis, measures: 'amount_spent,lines', top: 15, ...filter }));
        sp.innerHTML = `<h2 class="fr-h4 fr-mt-4w">Dépenses par ${esc(axisLabel('spending', axis).toLowerCase())}</h2>
          <p>Total : <strong>${fmt.eur(v.totals.amount_spent)}</strong> (${fmt.num(v.totals.lines)} lignes)</p>
          <div class="chart chart--small" id="sp-chart" role="img" aria-label="Dépenses"></div>`;
        bar(document.getElementById('sp-chart'), v.rows.map((r) => ({ key: r[axis], label: r[axis + '_label'], value: r.amount_spent })), { kind: 'AMOUNT' });
      } catch (e) {
        sp.innerHTML = `<p class="muted">${esc(e.message)}</p>`;
      }
    }
    const base = cubeQuery({ ...filter });
    serverTable(document.getElementById('contracts'), {
      caption: 'Marchés',
      columns: [
        { key: 'contract_id', label: 'Marché', render: (r) => `<a href="${esc(link('/contract.html', { key: r.contract_key }))}">${esc(r.contract_id)}</a>` },
        { key: 'buyer_name', label: 'Acheteur' },
        { key: 'object', label: 'Objet' },
        { key: 'year', label: 'Année', num: true },
        { key: 'suppliers', label: 'Titulaires' },
        { key: 'amount_current', label: 'Montant actuel', num: true, render: (r) => fmt.eur(r.amount_current) },
      ],
      fetchPage: ({ sort, desc, offset, limit }) => api.get(`/api/cube/lines?${base}&limit=${limit}&offset=${offset}`
        + (sort ? `&sort=${encodeURIComponent(sort)}&desc=${desc}` : '')),
    });
  } catch (e) {
    showError(e);
  }
})();
