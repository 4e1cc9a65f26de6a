// One published entry of the purchase programme (public page).
import { layout, api, esc, showError } from './app.js';

(async () => {
  try {
    await layout('/programme.html');
    const id = new URLSearchParams(location.search).get('id');
    const content = document.getElementById('content');
    if (!id) {
      content.innerHTML = '<p>Aucun achat indiqué. <a href="/programme.html">Voir la programmation publiée</a>.</p>';
      return;
    }
    let e;
    try {
      e = await api.get('/api/public/programme/' + encodeURIComponent(id));
    } catch (err) {
      content.innerHTML = '<div class="fr-alert fr-alert--info"><p>Cet achat n\'est pas (ou plus) publié.</p></div><p><a href="/programme.html">Voir la programmation publiée</a></p>';
      return;
    }
    document.getElementById('page-title').textContent = e.object;
    document.title = e.object + ' — Achatlas';
    const row = (k, v) => `<tr><th scope="row">${esc(k)}</th><td>${v}</td></tr>`;
    const yes = (b) => (b ? 'oui' : 'non');
    content.innerHTML = `
      <div class="fr-table fr-table--no-caption"><div class="fr-table__wrapper"><div class="fr-table__container"><div class="fr-table__content"><table>
      <caption>Fiche de l'achat programmé</caption><tbody>
      ${row(e.joint ? 'Acheteurs (achat groupé)' : 'Acheteur', esc(e.buyerNames.join(', ')))}
      ${row('Famille d\'achat', esc(e.familyLabel || e.familyCode || '—'))}
      ${row('Lancement prévu', e.plannedLaunch ? new Date(e.plannedLaunch).toLocaleDateString('fr-FR') : 'à préciser')}
      ${row('Montant estimé', e.estimatedAmount != null ? new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(e.estimatedAmount) + ' HT' : 'non communiqué')}
      ${row('Procédure envisagée', esc(e.procedure || '—'))}
      ${row('Lots', esc(e.lots ?? '—'))}
      ${row('Marché réservé', yes(e.reserved))}
      ${row('Clause sociale prévue', yes(e.socialClause))}
      ${row('Clause environnementale prévue', yes(e.environmentalClause))}
      ${row('État', esc(e.stateLabel))}
      </tbody></table></div></div></div></div>
      <p class="fr-text--sm">Information prévisionnelle : l'avis de marché publié lors du lancement fait seul foi.</p>
      <p><a class="fr-link fr-icon-arrow-left-line fr-link--icon-left" href="/programme.html">Toute la programmation publiée</a></p>`;
  } catch (e) {
    showError(e);
  }
})();
