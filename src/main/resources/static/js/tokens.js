// Personal API tokens: created (shown once), listed, revoked.
import { layout, api, esc, showError } from './app.js';

async function refresh() {
  const tokens = await api.get('/api/tokens');
  document.getElementById('token-list').innerHTML = tokens.length === 0 ? '<p>Aucun jeton.</p>'
    : `<div class="fr-table"><table><caption>Mes jetons</caption><thead><tr><th scope="col">Libellé</th><th scope="col">Créé le</th><th scope="col">Dernière utilisation</th><th scope="col">Action</th></tr></thead>
      <tbody>${tokens.map((t) => `<tr><td>${esc(t.label)}</td><td>${esc(t.createdAt)}</td><td>${esc(t.lastUsedAt || 'jamais')}</td>
      <td><button class="fr-btn fr-btn--sm fr-btn--tertiary" data-revoke="${esc(t.tokenId)}">Révoquer</button></td></tr>`).join('')}</tbody></table></div>`;
  document.querySelectorAll('[data-revoke]').forEach((b) => b.addEventListener('click', async () => {
    await api.del('/api/tokens/' + encodeURIComponent(b.dataset.revoke));
    refresh();
  }));
}

(async () => {
  try {
    await layout('/tokens.html');
    document.getElementById('content').innerHTML = `
      <p>Un jeton personnel donne accès à l'API avec vos droits : en-tête <code>Authorization: Bearer &lt;jeton&gt;</code>.
      Sa valeur n'est affichée qu'une fois ; seule son empreinte est conservée. Documentation : <a href="/api/docs.html">API</a>.</p>
      <form id="token-form" class="controls"><div class="fr-input-group"><label class="fr-label" for="label">Libellé</label>
        <input class="fr-input" id="label" name="label" maxlength="80" required value="Mon script"></div>
        <button class="fr-btn" type="submit">Créer un jeton</button></form>
      <div id="new-token" aria-live="polite"></div><div id="token-list" class="fr-mt-2w"></div>`;
    document.getElementById('token-form').addEventListener('submit', async (e) => {
      e.preventDefault();
      const t = await api.post('/api/tokens?label=' + encodeURIComponent(document.getElementById('label').value));
      document.getElementById('new-token').innerHTML = `<div class="fr-alert fr-alert--success fr-mb-2w"><p>Copiez ce jeton maintenant, il ne sera plus affiché :</p>
        <p><code id="token-value">${esc(t.token)}</code></p></div>`;
      refresh();
    });
    await refresh();
  } catch (e) {
    showError(e);
  }
})();
