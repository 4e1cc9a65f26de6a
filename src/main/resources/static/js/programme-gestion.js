// Managing the purchase programme: entries with their states (draft → validated → published → launched → awarded),
// proposals derived from contract ends, frameworks and recurring off-contract spending, and manual entries.
import { layout, api, fmt, esc, showError, scopeParam } from './app.js';
import { dataTable } from './table.js';

const STATES = { DRAFT: 'Brouillon', VALIDATED: 'Validé', PUBLISHED: 'Publié', LAUNCHED: 'Consultation lancée', AWARDED: 'Attribué' };
const SOURCES = { MANUAL: 'Saisie', CONTRACT_END: 'Fin de marché', FRAMEWORK_END: "Fin d'accord-cadre", RECURRING_SPENDING: 'Dépenses récurrentes' };
const post = (path, body) => fetch(path, {
  method: 'POST', credentials: 'same-origin',
  headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': decodeURIComponent((document.cookie.match(/(?:^|; )XSRF-TOKEN=([^;]+)/) || [])[1] || '') },
  body: JSON.stringify(body),
}).then(async (r) => { if (!r.ok) throw new Error((await r.json().catch(() => ({}))).error || `Erreur ${r.status}`); return r.status === 204 ? null : r.json(); });

function notice(text, error) {
  document.getElementById('alerts').innerHTML = `<div class="fr-alert fr-alert--${error ? 'error' : 'success'} fr-alert--sm fr-mb-2w" role="status"><p>${esc(text)}</p></div>`;
}

async function render(me) {
  const b = scopeParam();
  const q = b ? `?buyers=${encodeURIComponent(b)}` : '';
  const [entries, proposals, buyers] = await Promise.all([api.get('/api/programme/entries' + q), api.get('/api/programme/proposals' + q), api.get('/api/buyers')]);
  const canEdit = me.role === 'ADMIN' || me.role === 'ANALYST';
  const mine = (ids) => me.role === 'ADMIN' || ids.every((x) => me.buyers.includes(x));
  const content = document.getElementById('content');
  content.innerHTML = `
    <p>Le <a href="/programme.html">programme publié</a> montre aux entreprises les entrées publiées, lancées ou attribuées,
    sans note interne ni montant masqué.</p>
    <h2 class="fr-h4">Entrées du programme (${entries.length})</h2>
    <p><a class="fr-btn fr-btn--sm fr-btn--tertiary" href="/api/programme/entries/export?format=xlsx${b ? '&buyers=' + encodeURIComponent(b) : ''}">Exporter (XLSX, usage interne)</a>
    <a class="fr-btn fr-btn--sm fr-btn--tertiary" href="/api/programme/entries/export?format=csv${b ? '&buyers=' + encodeURIComponent(b) : ''}">Exporter (CSV Excel)</a></p>
    <div id="entries"></div>
    <h2 class="fr-h4 fr-mt-4w">Propositions (${proposals.length})</h2>
    <p class="fr-text--sm">Marchés et accords-cadres arrivant à échéance dans les 24 mois (notification + durée après modifications ;
    lancement proposé 6 mois avant), dépenses hors marché payées au moins 4 mois sur chacune des deux dernières années.</p>
    <div id="proposals"></div>
    ${canEdit ? `<h2 class="fr-h4 fr-mt-4w">Nouvelle entrée</h2>
    <form id="new-entry" class="fr-grid-row fr-grid-row--gutters">
      <div class="fr-col-12 fr-col-md-6"><label class="fr-label" for="n-object">Objet</label><input class="fr-input" id="n-object" required maxlength="500"></div>
      <div class="fr-col-12 fr-col-md-6"><label class="fr-label" for="n-buyers">Acheteur(s) — plusieurs : achat groupé</label>
        <select class="fr-select" id="n-buyers" multiple size="3">${buyers.filter((x) => mine([x.buyerId])).map((x) => `<option value="${esc(x.buyerId)}">${esc(x.name || x.buyerId)}</option>`).join('')}</select></div>
      <div class="fr-col-6 fr-col-md-2"><label class="fr-label" for="n-family">Famille (code)</label><input class="fr-input" id="n-family" placeholder="ex. ENV02"></div>
      <div class="fr-col-6 fr-col-md-2"><label class="fr-label" for="n-amount">Montant estimé HT</label><input class="fr-input" id="n-amount" type="number" min="0" step="1"></div>
      <div class="fr-col-6 fr-col-md-2"><label class="fr-label" for="n-launch">Lancement prévu</label><input class="fr-input" id="n-launch" type="date"></div>
      <div class="fr-col-6 fr-col-md-3"><label class="fr-label" for="n-procedure">Procédure envisagée</label><input class="fr-input" id="n-procedure"></div>
      <div class="fr-col-6 fr-col-md-1"><label class="fr-label" for="n-lots">Lots</label><input class="fr-input" id="n-lots" type="number" min="1" max="500"></div>
      <div class="fr-col-12 fr-col-md-2">
        <div class="fr-checkbox-group"><input type="checkbox" id="n-reserved"><label class="fr-label" for="n-reserved">Marché réservé</label></div>
        <div class="fr-checkbox-group"><input type="checkbox" id="n-social"><label class="fr-label" for="n-social">Clause sociale</label></div>
        <div class="fr-checkbox-group"><input type="checkbox" id="n-env"><label class="fr-label" for="n-env">Clause environnementale</label></div>
        <div class="fr-checkbox-group"><input type="checkbox" id="n-hide"><label class="fr-label" for="n-hide">Masquer le montant</label></div></div>
      <div class="fr-col-12"><label class="fr-label" for="n-note">Note interne (jamais publiée)</label><input class="fr-input" id="n-note"></div>
      <div class="fr-col-12"><button class="fr-btn" type="submit">Créer le brouillon</button></div>
    </form>` : ''}`;
  dataTable(document.getElementById('entries'), {
    caption: 'Entrées, par date de lancement prévue', rows: entries,
    columns: [
      { key: 'plannedLaunch', label: 'Lancement' },
      { key: 'object', label: 'Objet', render: (e) => `${esc(e.object)}${e.joint ? ' <p class="fr-badge fr-badge--sm fr-badge--info">groupé</p>' : ''}` },
      { key: 'buyerNames', label: 'Acheteur(s)', render: (e) => esc(e.buyerNames.join(', ')) },
      { key: 'familyLabel', label: 'Famille' },
      { key: 'estimatedAmount', label: 'Montant estimé', num: true, render: (e) => `${fmt.eur(e.estimatedAmount)}${e.hideAmount ? ' (masqué)' : ''}` },
      { key: 'source', label: 'Origine', render: (e) => esc(SOURCES[e.source] || e.source) },
      { key: 'state', label: 'État', render: (e) => `<strong>${esc(STATES[e.state])}</strong>` },
    ],
    onRow: canEdit ? (e) => showEntry(e, me) : null,
    rowLabel: (e) => (mine(e.buyerIds) ? `gérer « ${e.object} »` : null),
  });
  dataTable(document.getElementById('proposals'), {
    caption: 'Propositions à adopter', rows: proposals,
    columns: [
      { key: 'plannedLaunch', label: 'Lancement proposé' },
      { key: 'source', label: 'Origine', render: (p) => esc(SOURCES[p.source]) },
      { key: 'buyerName', label: 'Acheteur' },
      { key: 'object', label: 'Objet' },
      { key: 'familyLabel', label: 'Famille' },
      { key: 'estimatedAmount', label: 'Montant indicatif', num: true, render: (p) => fmt.eur(p.estimatedAmount) },
      { key: 'reason', label: 'Motif' },
    ],
    onRow: canEdit ? async (p) => {
      try {
        const r = await post('/api/programme/entries', { source: p.source, sourceRef: p.sourceRef, object: p.object, familyCode: p.familyCode,
          buyerIds: [p.buyerId], estimatedAmount: p.estimatedAmount, plannedLaunch: p.plannedLaunch, procedure: p.procedure });
        notice(`Proposition adoptée : entrée n° ${r.id} en brouillon.`);
        await render(me);
      } catch (e) { notice(e.message, true); }
    } : null,
    rowLabel: (p) => (mine([p.buyerId]) ? `adopter « ${p.object} »` : null),
  });
  const form = document.getElementById('new-entry');
  if (form) form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const v = (id) => document.getElementById(id).value.trim();
    const c = (id) => document.getElementById(id).checked;
    try {
      const r = await post('/api/programme/entries', {
        source: 'MANUAL', object: v('n-object'), familyCode: v('n-family') || null,
        buyerIds: [...document.getElementById('n-buyers').selectedOptions].map((o) => o.value),
        estimatedAmount: v('n-amount') ? Number(v('n-amount')) : null, plannedLaunch: v('n-launch') || null,
        procedure: v('n-procedure') || null, lots: v('n-lots') ? Number(v('n-lots')) : null, reserved: c('n-reserved'),
        socialClause: c('n-social'), environmentalClause: c('n-env'), hideAmount: c('n-hide'), internalNote: v('n-note') || null,
      });
      notice(`Entrée n° ${r.id} créée en brouillon.`);
      await render(me);
    } catch (e) { notice(e.message, true); }
  });
}

async function showEntry(e, me) {
  const d = await api.get('/api/programme/entries/' + e.id);
  const zone = document.getElementById('alerts');
  zone.innerHTML = `<div class="fr-callout fr-mb-2w" id="entry-panel"><h2 class="fr-callout__title fr-h6">${esc(e.object)} — ${esc(STATES[e.state])}</h2>
    <p class="fr-text--sm">${d.entry.internalNote ? 'Note interne : ' + esc(d.entry.internalNote) + '<br>' : ''}Historique :
    ${d.history.map((h) => `${esc(h.at.replace('T', ' ').slice(0, 16))} ${esc(h.by || '')} : ${esc(h.from ? STATES[h.from] + ' → ' : '')}${esc(STATES[h.to])}`).join(' ; ')}</p>
    <ul class="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm">${d.next.map((s) => `<li><button class="fr-btn fr-btn--sm" data-to="${s}">Passer à « ${esc(STATES[s])} »</button></li>`).join('')}</ul></div>`;
  zone.querySelectorAll('button[data-to]').forEach((btn) => btn.addEventListener('click', async () => {
    try {
      await post(`/api/programme/entries/${e.id}/state`, { to: btn.dataset.to });
      await render(me);
      notice(`« ${e.object} » : ${STATES[btn.dataset.to]}.`);
    } catch (err) { notice(err.message, true); }
  }));
  zone.scrollIntoView();
}

(async () => {
  try {
    const me = await layout('/programme-gestion.html');
    await render(me);
  } catch (e) {
    showError(e);
  }
})();
