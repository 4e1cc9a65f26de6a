// Imports by the administrator: a DECP file, or a spending export (preview first: what would be read, nothing
// written; then the import, the links to contracts and the classification). The command-line importers run.
import { layout, api, fmt, esc, showError } from './app.js';

const FIELD_LABELS = {
  buyer: 'acheteur', date: 'date', amount_ht: 'montant HT', amount_ttc: 'montant TTC',
  supplier_id: 'identifiant fournisseur', supplier_name: 'nom du fournisseur', account: 'compte (nature)',
  function: 'fonction', budget: 'budget', direction: 'direction', service: 'service',
  contract_ref: 'référence de marché', invoice_ref: 'n° de mandat ou facture', label: 'libellé',
};

const cents = (c) => (c === null || c === undefined ? '—'
  : new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(c / 100));

const rules = (byRule) => Object.entries(byRule).map(([k, v]) => `<li>${esc(k)} : ${fmt.num(v)}</li>`).join('') || '<li>aucun</li>';

function decpSection() {
  return `
    <h2 class="fr-h4">Contrats : des fichiers DECP</h2>
    <p>Fichier DECP au format JSON ou XML (2019 ou v2). Chaque enregistrement est chargé, fusionné comme doublon ou rejeté avec sa raison ; le classement est relancé ensuite.</p>
    <form id="import-form">
      <div class="fr-upload-group"><label class="fr-label" for="file">Fichiers DECP<span class="fr-hint-text">Un ou plusieurs fichiers JSON ou XML, 512 Mo au plus en tout.</span></label>
        <input class="fr-upload" type="file" id="file" name="file" accept=".json,.xml" multiple required></div>
      <button class="fr-btn fr-mt-2w" type="submit" id="import-submit">Importer</button>
    </form>
    <div id="report" class="fr-mt-4w" aria-live="polite"></div>`;
}

function spendingSection(profiles) {
  return `
    <h2 class="fr-h4 fr-mt-6w">Dépenses : des exports comptables</h2>
    <p>Export CSV ou XLSX tel que le logiciel financier l'écrit. L'aperçu montre ce qui serait lu — profil de colonnes,
      colonne lue pour chaque champ, premières lignes — sans rien écrire ; l'import rattache ensuite les lignes aux marchés et relance le classement.</p>
    <form id="spending-form">
      <div class="fr-upload-group"><label class="fr-label" for="spending-file">Exports de dépenses<span class="fr-hint-text">Un ou plusieurs fichiers CSV (séparateur et encodage détectés) ou XLSX, 512 Mo au plus en tout ; l'aperçu montre le premier.</span></label>
        <input class="fr-upload" type="file" id="spending-file" name="file" accept=".csv,.txt,.tsv,.xlsx" multiple required></div>
      <div class="fr-select-group fr-mt-2w"><label class="fr-label" for="spending-profile">Profil de colonnes</label>
        <select class="fr-select" id="spending-profile" name="profile">
          <option value="">Détecté d'après l'en-tête</option>
          ${profiles.map((p) => `<option value="${esc(p.name)}">${esc(p.name)} — ${esc(p.description)}</option>`).join('')}
        </select></div>
      <div class="fr-checkbox-group fr-mt-2w"><input type="checkbox" id="spending-cents" name="cents">
        <label class="fr-label" for="spending-cents">Montants écrits en centimes, sans séparateur décimal (diviser par 100)</label></div>
      <ul class="fr-btns-group fr-btns-group--inline fr-mt-2w">
        <li><button class="fr-btn fr-btn--secondary" type="button" id="spending-preview">Aperçu</button></li>
        <li><button class="fr-btn" type="submit" id="spending-submit">Importer</button></li>
      </ul>
    </form>
    <div id="spending-result" class="fr-mt-4w" aria-live="polite"></div>
    <h2 class="fr-h4 fr-mt-6w">Imports de dépenses dans la base</h2>
    <p>Chaque import, le plus récent d'abord : ses lignes lues sont chargées, fusionnées comme doublons ou rejetées ; les rejets et constats disent quelle ligne, quel champ, quelle valeur et pourquoi.</p>
    <div id="spending-batches" aria-live="polite"></div>
    <div id="spending-issues" class="fr-mt-2w" aria-live="polite"></div>`;
}

const SEVERITY = { FATAL: 'rejet', WARNING: 'avertissement', INFO: 'information' };

async function showBatches() {
  const zone = document.getElementById('spending-batches');
  const batches = await api.get('/api/import/spending/batches?limit=100');
  if (!batches.length) {
    zone.innerHTML = '<p>Aucun import de dépenses pour l\'instant.</p>';
    return;
  }
  zone.innerHTML = `<div class="fr-table"><table id="spending-batches-table"><caption>Imports de dépenses</caption><thead><tr>
      <th scope="col">Lot</th><th scope="col">Fichier</th><th scope="col">Importé le</th><th scope="col" class="num">Lues</th>
      <th scope="col" class="num">Chargées</th><th scope="col" class="num">Doublons</th><th scope="col" class="num">Rejetées</th>
      <th scope="col" class="num">Avertissements</th><th scope="col">Actions</th></tr></thead><tbody>
    ${batches.map((b) => `<tr><td>${b.batchId}</td><td>${esc(b.fileName)}${b.suspectLines ? ' <p class="fr-badge fr-badge--warning fr-badge--sm">×100 soupçonné</p>' : ''}</td>
      <td>${esc(String(b.startedAt).replace('T', ' ').slice(0, 16))}</td><td class="num">${fmt.num(b.read)}</td><td class="num">${fmt.num(b.loaded)}</td>
      <td class="num">${fmt.num(b.duplicates)}</td><td class="num">${fmt.num(b.rejected)}</td><td class="num">${fmt.num(b.warnings)}</td>
      <td><button class="fr-btn fr-btn--sm fr-btn--tertiary batch-issues" type="button" data-batch="${b.batchId}" data-file="${esc(b.fileName)}">Rejets et constats</button>
        <button class="fr-btn fr-btn--sm fr-btn--tertiary-no-outline batch-delete" type="button" data-batch="${b.batchId}">Supprimer</button></td></tr>`).join('')}
    </tbody></table></div>`;
  zone.querySelectorAll('.batch-issues').forEach((b) => b.addEventListener('click', async () => {
    try {
      const issues = await api.get(`/api/import/spending/batches/${b.dataset.batch}/issues?limit=1000`);
      document.getElementById('spending-issues').innerHTML = `<div class="fr-table"><table id="spending-issues-table">
        <caption>Lot ${b.dataset.batch} — ${esc(b.dataset.file)} : ${issues.length ? `${fmt.num(issues.length)} rejets et constats (1 000 au plus)` : 'aucun rejet ni constat'}</caption>
        <thead><tr><th scope="col" class="num">Ligne</th><th scope="col">Nature</th><th scope="col">Règle</th><th scope="col">Champ</th><th scope="col">Valeur</th><th scope="col">Message</th></tr></thead>
        <tbody>${issues.map((i) => `<tr><td class="num">${i.lineNumber || 'fichier'}</td><td>${esc(SEVERITY[i.severity] || i.severity)}</td><td>${esc(i.rule)}</td>
          <td>${esc(i.field || '')}</td><td>${esc(i.value || '')}</td><td>${esc(i.message || '')}</td></tr>`).join('')}</tbody></table></div>`;
    } catch (err) {
      showError(err);
    }
  }));
  zone.querySelectorAll('.batch-delete').forEach((b) => b.addEventListener('click', async () => {
    if (!window.confirm(`Supprimer toutes les lignes du lot ${b.dataset.batch} ?`)) return;
    try {
      await api.del(`/api/import/spending/batches/${b.dataset.batch}`);
      document.getElementById('spending-issues').innerHTML = '';
      await showBatches();
    } catch (err) {
      showError(err);
    }
  }));
}

function spendingBody(form, firstOnly) {
  const body = new FormData();
  const files = [...form.querySelector('#spending-file').files];
  (firstOnly ? files.slice(0, 1) : files).forEach((f) => body.append('file', f));
  const profile = form.querySelector('#spending-profile').value;
  if (profile) body.append('profile', profile);
  if (form.querySelector('#spending-cents').checked) body.append('amountDivisor', '100');
  return body;
}

function previewHtml(p) {
  const above = p.aboveHeader.length ? `<p>${p.aboveHeader.length} ligne(s) au-dessus de l'en-tête, sautée(s) :
      ${p.aboveHeader.map((r) => `ligne ${r.line} « ${esc(r.text)} »`).join(' ; ')}</p>` : '';
  const unread = p.unreadColumns.length ? `<p>Colonnes non lues : ${p.unreadColumns.map((c) => `« ${esc(c)} »`).join(', ')}</p>` : '';
  const lines = p.lines.map((l) => {
    const m = l.mapped;
    const issues = l.issues.map((i) => `${esc(i.severity === 'FATAL' ? 'rejet' : i.severity === 'WARNING' ? 'avertissement' : 'information')} ${esc(i.rule)} : ${esc(i.message)}`).join('<br>');
    if (!m) return `<tr class="rejected"><td>${l.line}</td><td colspan="6"><strong>Rejetée</strong></td><td>${issues}</td></tr>`;
    return `<tr><td>${l.line}</td><td>${esc(m.buyerId)}</td><td>${esc(m.paymentDate)}</td><td class="num">${cents(m.amountHtCents)}</td>
      <td class="num">${cents(m.amountTtcCents)}</td><td>${esc(m.supplierIdType)} ${esc(m.supplierId || '')} ${esc(m.supplierName || '')}</td>
      <td>${esc(m.label || '')}</td><td>${issues}</td></tr>`;
  }).join('');
  return `
    <div class="fr-callout fr-mb-2w"><p class="fr-callout__text">${esc(p.format)} — profil <strong>${esc(p.profile)}</strong> : ${esc(p.profileDescription || '')}</p></div>
    ${above}
    <div class="fr-table"><table id="spending-mapping"><caption>Colonne lue pour chaque champ (la première non vide d'une ligne l'emporte)</caption>
      <thead><tr><th scope="col">Champ</th><th scope="col">Colonne(s) de l'en-tête</th></tr></thead>
      <tbody>${p.mappings.map((m) => `<tr><td>${esc(FIELD_LABELS[m.field] || m.field)}</td><td>${m.columns.map((c) => `« ${esc(c)} »`).join(' sinon ')}</td></tr>`).join('')}</tbody></table></div>
    ${unread}
    <div class="fr-table"><table id="spending-lines"><caption>Premières lignes telles que l'import les lirait</caption>
      <thead><tr><th scope="col">Ligne</th><th scope="col">Acheteur</th><th scope="col">Date</th><th scope="col" class="num">HT</th>
        <th scope="col" class="num">TTC</th><th scope="col">Fournisseur</th><th scope="col">Libellé</th><th scope="col">Constats</th></tr></thead>
      <tbody>${lines}</tbody></table></div>`;
}

function spendingReportHtml(res) {
  const files = res.reports.map((r) => {
    const name = r.file;
    const x100 = r.x100Evidence.map((e) => `<div class="fr-alert fr-alert--warning fr-mb-2w"><p>${esc(name)} : montants ×100 probables
        (${fmt.num(r.suspectLines)} lignes exclues des totaux) — ${esc(e)}. Vérifiez, puis supprimez le lot ${r.batchId} : ce fichier sera proposé à l'import, divisé par 100.</p>
        <button class="fr-btn fr-btn--sm fr-btn--secondary fr-mt-1w spending-delete" type="button" data-batch="${r.batchId}" data-file="${esc(name)}">Supprimer le lot ${r.batchId}</button></div>`).join('');
    return `<tr><td>${esc(r.file)}</td><td>${r.batchId}</td><td>${esc(r.format)} — ${esc(r.profile)}</td><td class="num">${fmt.num(r.read)}</td>
      <td class="num">${fmt.num(r.loaded)}</td><td class="num">${fmt.num(r.duplicates)}</td><td class="num">${fmt.num(r.rejected)}</td>
      <td class="num">${fmt.num(r.warnings)}</td></tr>${x100 ? `<tr><td colspan="8">${x100}</td></tr>` : ''}`;
  }).join('');
  const failed = res.failed.map((f) => `<div class="fr-alert fr-alert--error fr-mb-2w spending-failed"><p>${esc(f.file)} : échec, rien n'est écrit pour ce fichier — ${esc(f.reason)}</p></div>`).join('');
  const total = (k) => res.reports.reduce((n, r) => n + r[k], 0);
  const rejected = {};
  res.reports.forEach((r) => Object.entries(r.rejectedByRule).forEach(([k, v]) => { rejected[k] = (rejected[k] || 0) + v; }));
  const done = res.reports.length ? `
    <div class="fr-alert fr-alert--success fr-mb-2w" id="spending-done"><p>Import terminé : ${res.reports.length} fichier(s),
      ${fmt.num(total('read'))} lues = ${fmt.num(total('loaded'))} chargées + ${fmt.num(total('duplicates'))} doublons + ${fmt.num(total('rejected'))} rejetées ;
      ${fmt.num(total('warnings'))} avertissements.</p></div>` : '';
  const after = res.link ? `<p>Rattachement : ${fmt.num(res.link.byReference)} lignes par référence de marché, ${fmt.num(res.link.bySupplierPeriod)} par fournisseur et période.
      Classement : ${fmt.num(res.classification.spendingClassified)} lignes de dépense classées sur ${fmt.num(res.classification.spendingLines)}.</p>` : '';
  return `${failed}${done}
    ${res.reports.length ? `<div class="fr-table"><table id="spending-report"><caption>Bilan par fichier</caption><thead><tr><th scope="col">Fichier</th><th scope="col">Lot</th>
      <th scope="col">Format et profil</th><th scope="col" class="num">Lues</th><th scope="col" class="num">Chargées</th><th scope="col" class="num">Doublons</th>
      <th scope="col" class="num">Rejetées</th><th scope="col" class="num">Avertissements</th></tr></thead><tbody>${files}</tbody></table></div>` : ''}
    ${after}
    <h3 class="fr-h6">Rejets par règle</h3><ul>${rules(rejected)}</ul>`;
}

(async () => {
  try {
    await layout('/import.html');
    const profiles = await api.get('/api/import/spending/profiles');
    document.getElementById('content').innerHTML = decpSection() + spendingSection(profiles);
    await showBatches();
    document.getElementById('import-form').addEventListener('submit', async (e) => {
      e.preventDefault();
      const report = document.getElementById('report');
      report.innerHTML = '<p>Import en cours…</p>';
      try {
        const body = new FormData(e.target);
        const r = await api.post('/api/import', body);
        report.innerHTML = `
          <div class="fr-alert fr-alert--success fr-mb-2w"><p>Import terminé en ${(r.millis / 1000).toFixed(1)} s :
            ${fmt.num(r.read)} lus = ${fmt.num(r.loaded)} chargés + ${fmt.num(r.duplicates)} doublons + ${fmt.num(r.rejected)} rejetés.</p></div>
          <div class="fr-table"><table id="import-report"><caption>Bilan par fichier</caption><thead><tr><th scope="col">Fichier</th><th scope="col">Format</th>
            <th scope="col" class="num">Lus</th><th scope="col" class="num">Chargés</th><th scope="col" class="num">Doublons</th><th scope="col" class="num">Rejetés</th></tr></thead>
          <tbody>${r.files.map((f) => `<tr><td>${esc(f.file)}</td><td>${esc(f.format || '')}</td><td class="num">${fmt.num(f.read)}</td>
            <td class="num">${fmt.num(f.loaded)}</td><td class="num">${fmt.num(f.duplicates)}</td><td class="num">${fmt.num(f.rejected)}</td></tr>`).join('')}</tbody></table></div>
          <h2 class="fr-h5">Rejets par règle</h2><ul>${rules(r.rejectedByRule)}</ul>
          <h2 class="fr-h5">Avertissements par règle</h2><ul>${rules(r.warningsByRule)}</ul>`;
      } catch (err) {
        report.innerHTML = '';
        showError(err);
      }
    });
    const form = document.getElementById('spending-form');
    const result = document.getElementById('spending-result');
    document.getElementById('spending-preview').addEventListener('click', async () => {
      if (!form.reportValidity()) return;
      result.innerHTML = '<p>Lecture…</p>';
      try {
        result.innerHTML = previewHtml(await api.post('/api/import/spending/preview', spendingBody(form, true)));
      } catch (err) {
        result.innerHTML = '';
        showError(err);
      }
    });
    // Shows an import's result; a batch flagged ×100 can be deleted, then its file (only that one) re-imported in cents.
    const show = (res, files) => {
      result.innerHTML = spendingReportHtml(res);
      showBatches().catch(showError);
      result.querySelectorAll('.spending-delete').forEach((b) => b.addEventListener('click', async () => {
        if (!window.confirm(`Supprimer toutes les lignes du lot ${b.dataset.batch} ?`)) return;
        try {
          const d = await api.del(`/api/import/spending/batches/${b.dataset.batch}`);
          showBatches().catch(showError);
          const file = files.find((f) => f.name.replace(/[^A-Za-z0-9._-]/g, '_') === b.dataset.file);
          result.innerHTML = `<div class="fr-alert fr-alert--info fr-mb-2w" id="spending-deleted"><p>Lot ${d.batchId} supprimé : ${fmt.num(d.lines)} lignes.</p>
            ${file ? `<button class="fr-btn fr-btn--sm fr-mt-1w" type="button" id="spending-reimport">Réimporter « ${esc(file.name)} » divisé par 100</button>` : ''}</div>`;
          if (file) {
            document.getElementById('spending-reimport').addEventListener('click', async () => {
              const body = new FormData();
              body.append('file', file);
              const profile = form.querySelector('#spending-profile').value;
              if (profile) body.append('profile', profile);
              body.append('amountDivisor', '100');
              result.innerHTML = '<p>Import en cours…</p>';
              try {
                show(await api.post('/api/import/spending', body), [file]);
              } catch (err) {
                result.innerHTML = '';
                showError(err);
              }
            });
          }
        } catch (err) {
          showError(err);
        }
      }));
    };
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      result.innerHTML = '<p>Import en cours…</p>';
      const files = [...form.querySelector('#spending-file').files];
      try {
        show(await api.post('/api/import/spending', spendingBody(form, false)), files);
      } catch (err) {
        result.innerHTML = '';
        showError(err);
      }
    });
  } catch (e) {
    showError(e);
  }
})();
