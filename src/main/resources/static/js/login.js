// The login form posts to Spring Security; the CSRF token comes from the XSRF-TOKEN cookie set by /api/me.
const params = new URLSearchParams(location.search);
const alerts = document.getElementById('alerts');
if (params.has('erreur')) {
  alerts.innerHTML = '<div class="fr-alert fr-alert--error fr-mb-2w" role="alert"><p>Identifiant ou mot de passe incorrect.</p></div>';
} else if (params.has('verrou')) {
  alerts.innerHTML = '<div class="fr-alert fr-alert--error fr-mb-2w" role="alert"><p>Trop de tentatives échouées : '
    + 'le compte est temporairement verrouillé. Réessayez dans quelques minutes.</p></div>';
}
fetch('/api/me', { credentials: 'same-origin' }).then(() => {
  const m = document.cookie.match(/(?:^|; )XSRF-TOKEN=([^;]+)/);
  document.getElementById('csrf').value = m ? decodeURIComponent(m[1]) : '';
});
document.getElementById('username').focus();
