// One contract: current state, holders, modifications history, findings, copies, classification evidence.
import { layout, api, fmt, esc, showError, link } from './app.js';

function table(caption, columns, rows) {
  if (!rows || rows.length === 0) return `<p class="muted">${esc(caption)} : aucun.</p>`;
  return `<div class="fr-table fr-table--bordered"><div class="fr-table__wrapper"><div class="fr-table__container"><div class="fr-table__content">
    <table><caption>${esc(caption)}</caption><thead><tr>${columns.map(([, l, n]) => `<th scope="col" class="${n ? 'num' : ''}">${esc(l)}</th>`).join('')}</tr></thead>
    <tbody>${rows.map((r) => `<tr>${columns.map(([k, , n, f]) => `<td class="${n ? 'num' : ''}">${f ? f(r[k], r) : esc(r[k])}</td>`).join('')}</tr>`).join('')}</tbody></table></div></div></div></div>`;
}

(async () => {
  try {
    await layout('');
    const key = new URLSearchParams(location.search).get('key');
    const d = await api.get('/api/contracts/' + encodeURIComponent(key));
    const c = d.contract;
    document.getElementById('page-title').textContent = `Marché ${c.contract_id}`;
    document.title = `Marché ${c.contract_id} — Achatlas`;
    const yes = (v) => (v === true ? 'oui' : v === false ? 'non' : '—');
    document.getElementById('content').innerHTML = `
      <p class="fr-text--lead">${esc(c.object)}</p>
      <dl class="fr-grid-row fr-grid-row--gutters">
        ${[['Acheteur', `<a href="${esc(link('/buyer.html', { id: c.buyer_id }))}">${esc(c.buyer_name)}</a>`], ['Nature', esc(c.nature)],
          ['Procédure', esc(c.procedure)], ['Code CPV', `<a href="${esc(link('/family.html', { dim: 'cpv_division', key: (c.cpv || '').slice(0, 2) }))}">${esc(c.cpv)}</a>`],
          ['Date d\'attribution', esc(c.award_date)], ['Durée initiale / actuelle', `${esc(c.duration_months ?? '—')} / ${esc(c.current_duration_months ?? '—')} mois`],
          ['Montant initial', fmt.eur(c.amount)], ['Montant après modifications', fmt.eur(c.current_amount)],
          ['Montant aberrant signalé', yes(c.amount_suspect)], ['Offres reçues', esc(c.offers_received ?? '—')],
          ['Considérations sociales', esc(c.social_considerations || '—')], ['Considérations environnementales', esc(c.environmental_considerations || '—')],
          ['Source', esc(c.source)], ['Avertissements', fmt.num(c.warning_count)]]
          .map(([k, v]) => `<div class="fr-col-12 fr-col-md-4"><dt class="fr-text--bold">${k}</dt><dd>${v}</dd></div>`).join('')}
      </dl>
      <h2 class="fr-h4 fr-mt-4w">Titulaires</h2>
      ${table('Titulaires', [['holder_id', 'Identifiant', false, (v) => `<a href="${esc(link('/supplier.html', { id: v }))}">${esc(v)}</a>`], ['name', 'Nom'],
        ['initial', 'Titulaire initial', false, yes], ['current', 'Titulaire actuel', false, yes]], d.holders)}
      <h2 class="fr-h4 fr-mt-4w">Historique des modifications</h2>
      ${table('Modifications', [['rank', 'Rang', true], ['notification_date', 'Notifiée le'], ['object', 'Objet'], ['duration_months', 'Durée (mois)', true],
        ['amount', 'Nouveau montant', true, (v) => fmt.eur(v)], ['changes_holders', 'Change les titulaires', false, yes]], d.modifications)}
      <h2 class="fr-h4 fr-mt-4w">Constats de contrôle</h2>
      ${table('Constats', [['rule', 'Règle'], ['severity', 'Gravité'], ['field', 'Champ'], ['value', 'Valeur publiée'], ['message', 'Message']], d.findings)}
      <h2 class="fr-h4 fr-mt-4w">Classement dans la nomenclature</h2>
      ${d.classification && d.classification.length
        ? table('Classement', [['family_code', 'Famille'], ['confidence', 'Confiance', true], ['method', 'Méthode'], ['evidence', 'Éléments'], ['status', 'Statut']], d.classification)
        : '<p class="muted">Pas encore de classement dans la nomenclature pour ce marché (le module de classement n\'est pas installé sur cette base).</p>'}
      <h2 class="fr-h4 fr-mt-4w">Copies publiées</h2>
      ${table('Copies', [['file_name', 'Fichier'], ['record_position', 'Enregistrement', true], ['source_format', 'Format'], ['platform', 'Plateforme'], ['is_primary', 'Copie retenue', false, yes]], d.sources)}`;
  } catch (e) {
    showError(e.status === 404 ? { message: 'Marché introuvable.' } : e);
  }
})();
