// The published purchase programme, for local businesses (no sign-in): filters by family, buyer, planned launch
// date and reserved contracts; a page per entry; Atom and iCalendar feeds; open data (JSON, CSV).
import { layout, api, fmt, esc, showError } from './app.js';

const date = (d) => (d ? new Date(d).toLocaleDateString('fr-FR') : 'à préciser');

function card(e) {
  const tags = [
    e.joint ? '<li><p class="fr-tag fr-tag--sm">Achat groupé</p></li>' : '',
    e.reserved ? '<li><p class="fr-tag fr-tag--sm">Marché réservé</p></li>' : '',
    e.socialClause ? '<li><p class="fr-tag fr-tag--sm">Clause sociale</p></li>' : '',
    e.environmentalClause ? '<li><p class="fr-tag fr-tag--sm">Clause environnementale</p></li>' : '',
  ].join('');
  return `<div class="fr-col-12 fr-col-md-6"><div class="fr-card fr-enlarge-link programme-entry" data-id="${e.id}"><div class="fr-card__body"><div class="fr-card__content">
    <h2 class="fr-card__title fr-h6"><a href="/programme-fiche.html?id=${e.id}">${esc(e.object)}</a></h2>
    <p class="fr-card__desc">${esc(e.buyerNames.join(', '))}<br>${esc(e.familyLabel || '')}</p>
    <div class="fr-card__start"><ul class="fr-tags-group">${tags}</ul>
      <p class="fr-card__detail">Lancement prévu : ${date(e.plannedLaunch)} — ${esc(e.stateLabel)}</p></div>
    <div class="fr-card__end"><p class="fr-card__detail">${e.estimatedAmount != null ? 'Montant estimé : ' + fmt.eur(e.estimatedAmount) + ' HT' : 'Montant non communiqué'}</p></div>
  </div></div></div></div>`;
}

(async () => {
  try {
    await layout('/programme.html');
    const p = new URLSearchParams(location.search);
    const all = await api.get('/api/public/programme');
    const families = [...new Map(all.filter((e) => e.familyCode).map((e) => [e.familyCode, e.familyLabel])).entries()].sort((a, b) => a[1].localeCompare(b[1], 'fr'));
    const buyers = [...new Map(all.flatMap((e) => e.buyerIds.map((b, i) => [b, e.buyerNames[i]]))).entries()].sort((a, b) => a[1].localeCompare(b[1], 'fr'));
    const q = new URLSearchParams();
    for (const k of ['family', 'buyer', 'from', 'to', 'reserved']) if (p.get(k)) q.set(k, p.get(k));
    const list = q.toString() ? await api.get('/api/public/programme?' + q) : all;
    const opt = (v, l, cur) => `<option value="${esc(v)}"${v === cur ? ' selected' : ''}>${esc(l)}</option>`;
    const content = document.getElementById('content');
    content.innerHTML = `
      <p>Les acheteurs publics du territoire publient ici les achats qu'ils prévoient de lancer, pour que les entreprises
      locales puissent s'y préparer. Abonnez-vous : <a href="/api/public/programme/feed.atom?${esc(q)}">flux Atom</a>,
      <a href="/api/public/programme/calendar.ics?${esc(q)}">calendrier iCalendar</a> ; données ouvertes :
      <a href="/api/public/programme/export?format=json&${esc(q)}">JSON</a>, <a href="/api/public/programme/export?format=csv&${esc(q)}">CSV</a>.</p>
      <form class="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom" id="filters" method="get">
        <div class="fr-col-12 fr-col-md-3"><label class="fr-label" for="f-family">Famille</label>
          <select class="fr-select" id="f-family" name="family"><option value="">Toutes</option>${families.map(([v, l]) => opt(v, l, p.get('family'))).join('')}</select></div>
        <div class="fr-col-12 fr-col-md-3"><label class="fr-label" for="f-buyer">Acheteur</label>
          <select class="fr-select" id="f-buyer" name="buyer"><option value="">Tous</option>${buyers.map(([v, l]) => opt(v, l, p.get('buyer'))).join('')}</select></div>
        <div class="fr-col-6 fr-col-md-2"><label class="fr-label" for="f-from">Lancement à partir du</label>
          <input class="fr-input" type="date" id="f-from" name="from" value="${esc(p.get('from') || '')}"></div>
        <div class="fr-col-6 fr-col-md-2"><label class="fr-label" for="f-to">jusqu'au</label>
          <input class="fr-input" type="date" id="f-to" name="to" value="${esc(p.get('to') || '')}"></div>
        <div class="fr-col-12 fr-col-md-2"><div class="fr-checkbox-group"><input type="checkbox" id="f-reserved" name="reserved" value="true"${p.get('reserved') === 'true' ? ' checked' : ''}>
          <label class="fr-label" for="f-reserved">Marchés réservés seulement</label></div>
          <button class="fr-btn fr-btn--sm fr-mt-1w" type="submit">Filtrer</button></div>
      </form>
      <p class="fr-mt-2w" id="count">${list.length} achat(s) programmé(s).</p>
      <div class="fr-grid-row fr-grid-row--gutters" id="entries">${list.map(card).join('') || '<p>Aucun achat publié pour ces critères.</p>'}</div>`;
    document.getElementById('filters').addEventListener('submit', (ev) => {
      ev.preventDefault();
      const f = new FormData(ev.target);
      const out = new URLSearchParams();
      for (const [k, v] of f.entries()) if (v) out.set(k, v);
      location.search = out.toString();
    });
  } catch (e) {
    showError(e);
  }
})();
