// Upload of a DECP file (administrator): the command-line importer runs and its report is shown.
import { layout, api, fmt, esc, showError } from './app.js';

(async () => {
  try {
    await layout('/import.html');
    const content = document.getElementById('content');
    content.innerHTML = `
      <p>Fichier DECP au format JSON ou XML (2019 ou v2). Chaque enregistrement est chargé, fusionné comme doublon ou rejeté avec sa raison.</p>
      <form id="import-form">
        <div class="fr-upload-group"><label class="fr-label" for="file">Fichier DECP<span class="fr-hint-text">JSON ou XML, 512 Mo au plus.</span></label>
          <input class="fr-upload" type="file" id="file" name="file" accept=".json,.xml" required></div>
        <button class="fr-btn fr-mt-2w" type="submit" id="import-submit">Importer</button>
      </form>
      <div id="report" class="fr-mt-4w" aria-live="polite"></div>`;
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
          <tbody>${r.files.map((f) => `<tr><td>${esc(f.fileName || f.file || '')}</td><td>${esc(f.format || '')}</td><td class="num">${fmt.num(f.read)}</td>
            <td class="num">${fmt.num(f.loaded)}</td><td class="num">${fmt.num(f.duplicates)}</td><td class="num">${fmt.num(f.rejected)}</td></tr>`).join('')}</tbody></table></div>
          <h2 class="fr-h5">Rejets par règle</h2><ul>${Object.entries(r.rejectedByRule).map(([k, v]) => `<li>${esc(k)} : ${fmt.num(v)}</li>`).join('') || '<li>aucun</li>'}</ul>
          <h2 class="fr-h5">Avertissements par règle</h2><ul>${Object.entries(r.warningsByRule).map(([k, v]) => `<li>${esc(k)} : ${fmt.num(v)}</li>`).join('') || '<li>aucun</li>'}</ul>`;
      } catch (err) {
        report.innerHTML = '';
        showError(err);
      }
    });
  } catch (e) {
    showError(e);
  }
})();
