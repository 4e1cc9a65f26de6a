// Shared by every page: the API client (with CSRF), formats, the page layout (DSFR header, navigation, scope
// selector) and the URL state (every view is a shareable URL; the back button works).

export const fmt = {
  eur(v) {
    if (v === null || v === undefined) return '—';
    return new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(v);
  },
  num(v) {
    if (v === null || v === undefined) return '—';
    return new Intl.NumberFormat('fr-FR').format(v);
  },
  pct(v) {
    if (v === null || v === undefined) return '';
    return new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 1 }).format(v);
  },
  measure(m, v) {
    return m && m.kind === 'AMOUNT' ? fmt.eur(v) : fmt.num(v);
  },
};

function csrfToken() {
  const m = document.cookie.match(/(?:^|; )XSRF-TOKEN=([^;]+)/);
  return m ? decodeURIComponent(m[1]) : '';
}

async function check(r) {
  if (r.ok) return r.status === 204 ? null : r.json();
  let message = `Erreur ${r.status}`;
  try {
    const body = await r.json();
    if (body.error) message = body.error;
  } catch (e) { /* not JSON */ }
  if (r.status === 401) message = 'Connectez-vous pour accéder à cette page.';
  const err = new Error(message);
  err.status = r.status;
  throw err;
}

export const api = {
  get: (path) => fetch(path, { credentials: 'same-origin' }).then(check),
  post: (path, body) => fetch(path, {
    method: 'POST', credentials: 'same-origin', headers: { 'X-XSRF-TOKEN': csrfToken() }, body,
  }).then(check),
  del: (path) => fetch(path, { method: 'DELETE', credentials: 'same-origin', headers: { 'X-XSRF-TOKEN': csrfToken() } }).then(check),
};

export function esc(s) {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

/** The perimeter chosen on screen (buyers=SIRET,…), kept in the URL and carried from page to page. */
export function scopeParam() {
  const fromUrl = new URLSearchParams(location.search).get('buyers');
  if (fromUrl !== null) {
    sessionStorage.setItem('achatlas.buyers', fromUrl);
    return fromUrl;
  }
  return sessionStorage.getItem('achatlas.buyers') || '';
}

/** A link to another page keeping the perimeter. */
export function link(path, params = {}) {
  const p = new URLSearchParams(params);
  const b = scopeParam();
  if (b && !p.has('buyers')) p.set('buyers', b);
  const q = p.toString();
  return q ? `${path}?${q}` : path;
}

const NAV = [
  ['/', 'Tableau de bord'],
  ['/explorer.html', 'Cartographie'],
  ['/spaser.html', 'Achats responsables'],
  ['/mutualisation.html', 'Mutualisation'],
  ['/seuils.html', 'Seuils', 'USER'],
  ['/programme-gestion.html', 'Programmation', 'USER'],
  ['/programme.html', 'Programme publié'],
  ['/quality.html', 'Qualité des données'],
  ['/classification.html', 'Classement', 'REVIEWER'],
  ['/import.html', 'Import', 'ADMIN'],
  ['/tokens.html', "Jetons d'API", 'USER'],
  ['/api/docs.html', 'API'],
];

/**
 * Renders the header (with the user's menu and the scope selector) and footer, and returns who is signed in.
 */
export async function layout(active) {
  const me = await api.get('/api/me');
  const signedIn = me.role !== 'PUBLIC';
  const roleLabel = { ADMIN: 'administrateur', ANALYST: 'analyste', VIEWER: 'élu·e / lecteur', PUBLIC: 'public' }[me.role];
  const nav = NAV.filter(([, , need]) => !need || (need === 'USER' ? signedIn
    : need === 'REVIEWER' ? ['ADMIN', 'ANALYST'].includes(me.role) : me.role === need))
    .map(([href, label]) => `<li class="fr-nav__item"><a class="fr-nav__link" href="${esc(link(href))}"${href === active ? ' aria-current="page"' : ''}>${esc(label)}</a></li>`)
    .join('');
  const header = document.getElementById('header');
  header.innerHTML = `
  <header role="banner" class="fr-header">
    <div class="fr-header__body"><div class="fr-container"><div class="fr-header__body-row">
      <div class="fr-header__brand fr-enlarge-link">
        <div class="fr-header__brand-top"><div class="fr-header__logo"><p class="fr-logo">Territoire<br>public</p></div></div>
        <div class="fr-header__service">
          <a href="/" title="Accueil — Achatlas"><p class="fr-header__service-title">Achatlas</p></a>
          <p class="fr-header__service-tagline">Cartographie de la commande publique du territoire</p>
        </div>
      </div>
      <div class="fr-header__tools"><div class="fr-header__tools-links"><ul class="fr-btns-group">
        ${signedIn
          ? `<li><span class="fr-btn fr-icon-account-circle-line" id="whoami">${esc(me.username)} (${esc(roleLabel)})</span></li>
             <li><form method="post" action="/logout"><input type="hidden" name="_csrf" value="${esc(csrfToken())}">
             <button class="fr-btn fr-icon-logout-box-r-line" type="submit">Se déconnecter</button></form></li>`
          : `<li><a class="fr-btn fr-icon-lock-line" href="/login.html" id="login-link">Se connecter</a></li>`}
      </ul></div></div>
    </div></div></div>
    <div class="fr-header__menu"><div class="fr-container">
      <nav class="fr-nav" role="navigation" aria-label="Menu principal"><ul class="fr-nav__list">${nav}</ul></nav>
    </div></div>
  </header>
  <div class="fr-container"><div class="scope-bar" id="scope-bar"></div></div>`;
  document.getElementById('footer').innerHTML = `
  <footer class="fr-footer" role="contentinfo"><div class="fr-container"><div class="fr-footer__body">
    <div class="fr-footer__content"><p class="fr-footer__content-desc">Achatlas — logiciel libre (EUPL-1.2). Données des marchés :
    données essentielles de la commande publique (DECP), données ouvertes. ${signedIn ? '' : 'Les dépenses ne sont visibles qu\'après connexion.'}</p></div>
  </div></div></footer>`;
  await scopeSelector(me);
  return me;
}

async function scopeSelector(me) {
  const bar = document.getElementById('scope-bar');
  const buyers = await api.get('/api/buyers');
  const selected = new Set(scopeParam().split(',').filter(Boolean));
  const mode = selected.size === 0 ? 'all' : selected.size === 1 ? 'one' : 'group';
  bar.innerHTML = `
    <label class="fr-label" for="scope-mode">Périmètre</label>
    <select class="fr-select" id="scope-mode" style="width:auto">
      <option value="all"${mode === 'all' ? ' selected' : ''}>Territoire entier (consolidé)</option>
      <option value="one"${mode === 'one' ? ' selected' : ''}>Un acheteur</option>
      <option value="group"${mode === 'group' ? ' selected' : ''}>Un groupe d'acheteurs</option>
    </select>
    <label class="fr-label fr-sr-only" for="scope-buyers">Acheteur(s) du périmètre</label>
    <select class="fr-select" id="scope-buyers" ${mode === 'group' ? 'multiple size="4"' : ''} style="width:auto;${mode === 'all' ? 'display:none' : ''}">
      ${buyers.map((b) => `<option value="${esc(b.buyerId)}"${selected.has(b.buyerId) ? ' selected' : ''}>${esc(b.name || b.buyerId)}</option>`).join('')}
    </select>
    <button class="fr-btn fr-btn--sm fr-btn--secondary" id="scope-apply" style="${mode === 'all' ? 'display:none' : ''}">Appliquer</button>
    ${me.role === 'ANALYST' ? '<span class="muted">Vos acheteurs : détail complet ; les autres : agrégats du territoire.</span>' : ''}`;
  const modeSel = bar.querySelector('#scope-mode');
  const buyersSel = bar.querySelector('#scope-buyers');
  const apply = (values) => {
    const p = new URLSearchParams(location.search);
    if (values.length) p.set('buyers', values.join(',')); else p.delete('buyers');
    sessionStorage.setItem('achatlas.buyers', values.join(','));
    location.search = p.toString();
  };
  modeSel.addEventListener('change', () => {
    if (modeSel.value === 'all') apply([]);
    else {
      buyersSel.style.display = '';
      bar.querySelector('#scope-apply').style.display = '';
      if (modeSel.value === 'group') { buyersSel.multiple = true; buyersSel.size = 4; } else { buyersSel.multiple = false; buyersSel.size = 1; }
    }
  });
  bar.querySelector('#scope-apply').addEventListener('click', () => apply([...buyersSel.selectedOptions].map((o) => o.value)));
}

/** Shows an error in the page's alert zone (role="alert": read by screen readers). */
export function showError(e) {
  const zone = document.getElementById('alerts');
  if (!zone) return;
  zone.innerHTML = `<div class="fr-alert fr-alert--error fr-mb-2w" role="alert"><p>${esc(e.message || e)}</p></div>`;
}

/** Query string of a cube view (shared by /api/cube, the exports and the explorer's own URL). */
export function cubeQuery(state) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(state)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) v.forEach((x) => p.append(k, x)); else p.set(k, v);
  }
  const b = scopeParam();
  if (b) p.set('buyers', b);
  return p.toString();
}
