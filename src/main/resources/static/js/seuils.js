// Homogeneous-family thresholds: per buyer and family, contracts + off-contract spending over a civil year or the
// rolling 12 months, against the threshold in force at each purchase's date; flags and drill to the purchases.
import { layout, api, fmt, esc, showError, scopeParam } from './app.js';
import { dataTable } from './table.js';

const FLAGS = {
  RISQUE_FRACTIONNEMENT: '<p class="fr-badge fr-badge--error fr-badge--sm">Risque de fractionnement</p>',
  APPROCHE: '<p class="fr-badge fr-badge--warning fr-badge--sm">Seuil approché</p>',
};
const KINDS = { DISPENSE: 'dispense', PUBLICITE: 'publicité', UE: 'européen' };

function periodParams() {
  const p = new URLSearchParams(location.search);
  const q = new URLSearchParams();
  if (p.get('year')) q.set('year', p.get('year')); else if (p.get('end')) q.set('end', p.get('end'));
  return q;
}

(async () => {
  try {
    await layout('/seuils.html');
    const q = periodParams();
    const buyers = scopeParam();
    if (buyers) q.set('buyers', buyers);
    const r = await api.get('/api/thresholds?' + q);
    const content = document.getElementById('content');
    const risks = r.rows.filter((x) => x.flag === 'RISQUE_FRACTIONNEMENT').length;
    const near = r.rows.filter((x) => x.flag === 'APPROCHE').length;
    const year = new URLSearchParams(location.search).get('year') || '';
    content.innerHTML = `
      <form class="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom" id="period-form">
        <div class="fr-col-auto"><label class="fr-label" for="year">Année civile (exercice)</label>
          <input class="fr-input" id="year" name="year" type="number" min="2019" max="2100" value="${esc(year)}" placeholder="ex. 2025"></div>
        <div class="fr-col-auto"><button class="fr-btn" type="submit">Afficher</button></div>
        <div class="fr-col-auto"><a class="fr-btn fr-btn--secondary" href="?">12 mois glissants au jour</a></div>
        <div class="fr-col-auto"><a class="fr-btn fr-btn--tertiary" href="/api/thresholds/export?format=csv&${esc(q.toString())}">Exporter (CSV Excel)</a></div>
      </form>
      <p class="fr-mt-2w">Période : <strong>${esc(r.period)}</strong> — ${r.rows.length} couples acheteur × famille homogène,
      <strong>${risks}</strong> risques de fractionnement, <strong>${near}</strong> seuils approchés (≥ 80 %).
      Chaque achat est comparé au seuil en vigueur à sa date (art. R2121-6 et R2121-7 du Code de la commande publique ; table datée des seuils et de leurs sources).</p>
      <div id="rows"></div><div id="lines" class="fr-mt-4w" aria-live="polite"></div>`;
    document.getElementById('period-form').addEventListener('submit', (ev) => {
      ev.preventDefault();
      const y = document.getElementById('year').value;
      location.search = y ? `year=${encodeURIComponent(y)}` : '';
    });
    dataTable(document.getElementById('rows'), {
      caption: 'Cumuls par acheteur et famille homogène', rows: r.rows,
      columns: [
        { key: 'flag', label: 'Alerte', render: (x) => FLAGS[x.flag] || '' },
        { key: 'buyerName', label: 'Acheteur' },
        { key: 'familyLabel', label: 'Famille homogène', render: (x) => `${esc(x.familyCode)} — ${esc(x.familyLabel)}` },
        { key: 'contracts', label: 'Marchés', num: true, render: (x) => fmt.eur(x.contracts) },
        { key: 'offContract', label: 'Hors marché', num: true, render: (x) => fmt.eur(x.offContract) },
        { key: 'total', label: 'Cumul', num: true, render: (x) => fmt.eur(x.total) },
        { key: 'crossed', label: 'Seuil franchi', render: (x) => (x.crossed ? `${KINDS[x.crossed]} (${fmt.eur(x.crossedAmount)})` : '—') },
        { key: 'nextRatio', label: 'Seuil suivant', num: true, render: (x) => (x.next ? `${fmt.pct(x.nextRatio)} de ${fmt.eur(x.nextAmount)}` : '—') },
        { key: 'riskAmount', label: 'Montant à risque', num: true, render: (x) => (x.riskLines ? `${fmt.eur(x.riskAmount)} (${x.riskLines})` : '—') },
      ],
      onRow: async (x) => {
        const p = periodParams();
        p.set('buyer', x.buyerId);
        p.set('family', x.familyCode);
        const el = document.getElementById('lines');
        try {
          const lines = await api.get('/api/thresholds/lines?' + p);
          el.innerHTML = `<p id="explanation">${esc(x.explanation || 'Aucune alerte.')}</p><div id="lines-table"></div>`;
          dataTable(document.getElementById('lines-table'), {
            caption: `Achats de ${x.buyerName} en ${x.familyLabel}`, rows: lines, pageSize: 50,
            columns: [
              { key: 'date', label: 'Date' },
              { key: 'kind', label: 'Type', render: (l) => (l.kind === 'MARCHE' ? 'Marché' : 'Dépense hors marché') },
              { key: 'ref', label: 'Référence' },
              { key: 'label', label: 'Objet / libellé' },
              { key: 'supplier', label: 'Fournisseur' },
              { key: 'procedure', label: 'Procédure', render: (l) => esc(l.procedure || (l.kind === 'MARCHE' ? '' : 'aucune')) },
              { key: 'amount', label: 'Montant', num: true, render: (l) => fmt.eur(l.amount) },
              { key: 'cumulative', label: 'Cumul', num: true, render: (l) => fmt.eur(l.cumulative) },
              { key: 'atRisk', label: 'À risque', render: (l) => (l.atRisk ? '<p class="fr-badge fr-badge--error fr-badge--sm">oui</p>' : '') },
            ],
          });
        } catch (e) {
          el.innerHTML = `<div class="fr-alert fr-alert--info fr-alert--sm"><p>${esc(e.message)}</p></div>`;
        }
      },
      rowLabel: (x) => `achats de ${x.buyerName} en ${x.familyLabel}`,
    });
  } catch (e) {
    showError(e);
  }
})();
