// The classification validation loop: coverage, the queue of unsure or conflicting classifications, the evidence of
// one record, and the decisions (accept, override, turn into a rule). The same actions as `achatlas classify …`.
import { layout, api, fmt, esc, showError, scopeParam, link } from './app.js';
import { dataTable } from './table.js';

const KIND_LABEL = { CONTRACT: 'Marché', SPENDING_LINE: 'Ligne de dépense' };
const METHOD_LABEL = {
  MANUAL: 'décision manuelle', BUYER_CODE: "code de l'acheteur", CPV: 'code CPV', LINKED_CONTRACT: 'marché lié',
  ACCOUNT: 'compte de nature', TEXT: 'texte', SUPPLIER: 'famille dominante du fournisseur', NAF: 'activité NAF du fournisseur',
  CPV_DIVISION: 'division CPV', NONE: 'non classé',
};

let me = null;
let families = [];

function alertBox(kind, message) {
  const zone = document.getElementById('alerts');
  zone.innerHTML = `<div class="fr-alert fr-alert--${kind} fr-alert--sm fr-mb-2w" role="${kind === 'error' ? 'alert' : 'status'}"><p>${esc(message)}</p></div>`;
}

function share(part, total) {
  return total ? fmt.pct(part / total) : '—';
}

function coverageBlock(title, c, id) {
  return `<h2 class="fr-h5 fr-mb-1w">${title}</h2>
    <div class="kpis" id="${id}">
      <div class="kpi">Enregistrements classés<strong>${share(c.classified, c.records)}</strong>${fmt.num(c.classified)} sur ${fmt.num(c.records)}</div>
      <div class="kpi">Montant classé<strong>${share(c.classifiedAmount, c.amount)}</strong>${fmt.eur(c.classifiedAmount)} sur ${fmt.eur(c.amount)}</div>
      <div class="kpi">Conflits entre sources<strong>${fmt.num(c.conflicts)}</strong>règle, texte, fournisseur en désaccord</div>
      <div class="kpi">À revoir<strong>${fmt.num(c.queue)}</strong>confiance &lt; 0,5 ou conflit, non validés</div>
    </div>`;
}

async function coverage() {
  const [contracts, lines] = await Promise.all([
    api.get('/api/classification/coverage?kind=CONTRACT'), api.get('/api/classification/coverage?kind=SPENDING_LINE')]);
  document.getElementById('coverage').innerHTML = `
    ${coverageBlock('Marchés (montant actuel)', contracts, 'kpi-contracts')}
    ${lines.records ? coverageBlock('Lignes de dépense (montant payé)', lines, 'kpi-lines') : ''}
    <details class="fr-mb-3w"><summary>Couverture par niveau de confiance et par méthode</summary><div class="grid2">
      <div id="cov-band"></div><div id="cov-method"></div><div id="cov-band-l"></div><div id="cov-method-l"></div></div></details>`;
  const cols = (label) => [
    { key: 'label', label },
    { key: 'records', label: 'Enregistrements', num: true, render: (r) => fmt.num(r.records) },
    { key: 'amount', label: 'Montant', num: true, render: (r) => fmt.eur(r.amount) },
  ];
  const table = (id, caption, rows, label) => dataTable(document.getElementById(id), { caption, rows, columns: cols(label) });
  table('cov-band', 'Marchés, par niveau de confiance', contracts.byBand, 'Confiance');
  table('cov-method', 'Marchés, par méthode', contracts.byMethod, 'Méthode');
  if (lines.records) {
    table('cov-band-l', 'Lignes de dépense, par niveau de confiance', lines.byBand, 'Confiance');
    table('cov-method-l', 'Lignes de dépense, par méthode', lines.byMethod, 'Méthode');
  }
}

async function queue() {
  const kind = document.getElementById('kind').value;
  const params = new URLSearchParams({ limit: '200' });
  if (kind) params.set('kind', kind);
  const buyers = scopeParam();
  if (buyers) params.set('buyers', buyers);
  const el = document.getElementById('queue');
  el.dataset.ready = '';
  const q = await api.get(`/api/classification/queue?${params}`);
  el.dataset.total = q.total;
  dataTable(el, {
    caption: `Enregistrements à revoir — ${fmt.num(q.total)}${q.total > q.rows.length ? ` (les ${q.rows.length} plus gros montants)` : ''}`,
    rows: q.rows,
    columns: [
      { key: 'buyerName', label: 'Acheteur', render: (r) => `${esc(r.buyerName || r.buyerId)}<br><span class="muted">${KIND_LABEL[r.kind]}</span>` },
      { key: 'text', label: 'Objet ou libellé', render: (r) => `${esc(r.text || '—')}<br><span class="muted">${esc(r.reference || '')}</span>` },
      { key: 'code', label: 'CPV / compte', render: (r) => esc(r.cpv || r.account || '—') },
      { key: 'amount', label: 'Montant', num: true, render: (r) => fmt.eur(r.amount) },
      { key: 'familyCode', label: 'Famille proposée', render: (r) => (r.familyCode ? `${esc(r.familyCode)} — ${esc(r.familyLabel)}` : 'aucune') },
      { key: 'confidence', label: 'Confiance', num: true, render: (r) => fmt.pct(r.confidence) },
      { key: 'conflict', label: 'Conflit', render: (r) => (r.conflict ? `oui${r.alternativeFamilyCode ? ` (autre : ${esc(r.alternativeFamilyCode)})` : ''}` : 'non') },
    ],
    onRow: (r) => detail(r.kind, r.key),
    rowLabel: (r) => r.text || r.reference,
  });
  el.dataset.ready = kind || 'ALL';
}

function familyOptions(selected) {
  let segment = null;
  let html = '<option value="">— Choisir une famille —</option>';
  for (const f of families) {
    if (f.segmentCode !== segment) {
      if (segment !== null) html += '</optgroup>';
      segment = f.segmentCode;
      html += `<optgroup label="${esc(f.segmentLabel || f.segmentCode)}">`;
    }
    html += `<option value="${esc(f.code)}"${f.code === selected ? ' selected' : ''}>${esc(f.code)} — ${esc(f.label)}</option>`;
  }
  return `${html}</optgroup>`;
}

async function detail(kind, key) {
  const e = await api.get(`/api/classification/${kind}/${key}`);
  const el = document.getElementById('detail');
  const decided = e.status !== 'AUTO';
  const ruleWhat = kind === 'CONTRACT' ? `le code CPV ${e.cpv || '—'}` : `le compte ${e.cpv || '—'}`;
  el.innerHTML = `
    <h2 class="fr-h4" id="detail-title" tabindex="-1">${KIND_LABEL[kind]} : ${esc(e.text || e.reference || key)}</h2>
    <dl class="fr-mb-2w">
      <dt>Acheteur</dt><dd>${esc(e.buyerName || e.buyerId || '—')}</dd>
      <dt>Référence</dt><dd>${kind === 'CONTRACT' ? `<a href="${esc(link('/contract.html', { key }))}">${esc(e.reference || key)}</a>` : esc(e.reference || key)}</dd>
      <dt>${kind === 'CONTRACT' ? 'CPV' : 'Compte'}</dt><dd>${esc(e.cpv || '—')}</dd>
      <dt>Montant</dt><dd>${fmt.eur(e.amount)}</dd>
      <dt>Famille</dt><dd id="detail-family">${e.familyCode ? `${esc(e.familyCode)} — ${esc(e.familyLabel)} (${esc(e.segmentLabel || '')})` : 'aucune'}</dd>
      <dt>Confiance, méthode, statut</dt><dd>${fmt.pct(e.confidence)}, ${esc(METHOD_LABEL[e.method] || e.method)}, ${esc({ AUTO: 'automatique', VALIDATED: 'validé', OVERRIDDEN: 'corrigé' }[e.status] || e.status)}</dd>
      <dt>Justification</dt><dd id="detail-evidence">${esc(e.evidence || '—')}</dd>
      ${e.conflict ? `<dt>Conflit</dt><dd>les sources proposent aussi ${esc(e.alternativeFamilyCode || '—')}</dd>` : ''}
    </dl>
    <form id="decide" class="fr-mb-3w">
      <div class="fr-input-group"><label class="fr-label" for="comment">Commentaire (facultatif)</label>
        <input class="fr-input" id="comment" name="comment" maxlength="500"></div>
      <div class="controls">
        <button type="button" class="fr-btn fr-btn--secondary" id="accept"${e.familyCode ? '' : ' disabled'}>Valider la famille proposée</button>
        <div class="fr-select-group"><label class="fr-label" for="family">Corriger la famille</label>
          <select class="fr-select" id="family">${familyOptions(e.familyCode)}</select></div>
        <button type="button" class="fr-btn" id="override">Corriger</button>
      </div>
      <fieldset class="fr-fieldset fr-mt-2w"><legend class="fr-fieldset__legend">Généraliser la décision</legend>
        <div class="fr-fieldset__element"><p class="fr-hint-text">Crée une règle « ${esc(ruleWhat)} → ${esc(e.familyCode || 'famille')} »
          puis reclasse tout, sans réimport. ${decided ? '' : 'Validez ou corrigez d\'abord cet enregistrement.'}</p></div>
        ${me.role === 'ADMIN' ? `<div class="fr-fieldset__element"><div class="fr-checkbox-group"><input type="checkbox" id="territory-wide">
          <label class="fr-label" for="territory-wide">Pour tout le territoire (sinon : pour cet acheteur seulement)</label></div></div>` : ''}
        <div class="fr-fieldset__element"><button type="button" class="fr-btn fr-btn--tertiary" id="make-rule"${decided ? '' : ' disabled'}>Transformer en règle</button></div>
      </fieldset>
    </form>
    <div id="history"></div>`;
  dataTable(document.getElementById('history'), {
    caption: 'Historique des décisions', rows: e.history,
    columns: [
      { key: 'at', label: 'Date' }, { key: 'user', label: 'Par' }, { key: 'action', label: 'Action' },
      { key: 'oldFamily', label: 'Avant' }, { key: 'newFamily', label: 'Après' }, { key: 'comment', label: 'Commentaire' },
    ],
  });
  const comment = () => new URLSearchParams({ comment: document.getElementById('comment').value });
  const act = async (what, path, body) => {
    try {
      const r = await api.post(path, body);
      alertBox('success', what(r));
      await Promise.all([coverage(), queue()]);
      await detail(kind, key);
    } catch (err) {
      showError(err);
    }
  };
  document.getElementById('accept').addEventListener('click', () => act(
    (c) => `Classement validé : ${c.familyCode}.`, `/api/classification/${kind}/${key}/accept`, comment()));
  document.getElementById('override').addEventListener('click', () => {
    const family = document.getElementById('family').value;
    if (!family) { alertBox('error', 'Choisissez une famille dans la liste.'); return; }
    const body = comment();
    body.set('family', family);
    act((c) => `Famille corrigée : ${c.familyCode}.`, `/api/classification/${kind}/${key}/override`, body);
  });
  document.getElementById('make-rule').addEventListener('click', () => {
    const body = comment();
    const wide = document.getElementById('territory-wide');
    body.set('territoryWide', wide && wide.checked ? 'true' : 'false');
    alertBox('info', 'Règle en création, reclassement de tout le territoire en cours…');
    act((r) => `Règle créée (${r.kind === 'CPV' ? 'CPV' : 'compte'} ${r.code} → ${r.familyCode}${r.buyerId ? ', pour cet acheteur' : ', pour tout le territoire'}) ; `
      + `reclassement sans réimport : ${fmt.num(r.reclassification.contracts)} marchés et ${fmt.num(r.reclassification.spendingLines)} lignes de dépense, `
      + `${fmt.num(r.reclassification.toReview)} marchés à revoir.`,
    `/api/classification/${kind}/${key}/rule`, body);
  });
  document.getElementById('detail-title').focus();
}

(async () => {
  try {
    me = await layout('/classification.html');
    if (!['ADMIN', 'ANALYST'].includes(me.role)) {
      document.getElementById('content').innerHTML = '<p>La file de validation est réservée aux administrateurs et aux analystes des acheteurs. <a href="/login.html">Se connecter</a></p>';
      return;
    }
    document.getElementById('content').innerHTML = `
      <p>Classements automatiques incertains (confiance inférieure à 50 %) ou en conflit entre sources, des acheteurs dont vous
        êtes responsable, les plus gros montants d'abord. Validez, corrigez, ou transformez une correction en règle :
        tout est reclassé sans réimport, et chaque décision est historisée.</p>
      <div id="coverage"></div>
      <div class="controls"><div class="fr-select-group"><label class="fr-label" for="kind">Enregistrements</label>
        <select class="fr-select" id="kind"><option value="">Marchés et lignes de dépense</option>
          <option value="CONTRACT">Marchés</option><option value="SPENDING_LINE">Lignes de dépense</option></select></div></div>
      <div id="queue"></div>
      <section id="detail" class="fr-mt-4w" aria-live="polite"></section>`;
    families = await api.get('/api/nomenclature/families');
    document.getElementById('kind').addEventListener('change', () => queue().catch(showError));
    await Promise.all([coverage(), queue()]);
  } catch (e) {
    showError(e);
  }
})();
