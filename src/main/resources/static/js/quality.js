// Data quality: per buyer, per source file, per rule (the same report as `achatlas quality`).
import { layout, api, fmt, esc, showError, link } from './app.js';
import { dataTable } from './table.js';

(async () => {
  try {
    await layout('/quality.html');
    const q = await api.get('/api/quality');
    const content = document.getElementById('content');
    content.innerHTML = '<div id="q-buyers"></div><div id="q-sources" class="fr-mt-4w"></div><div id="q-rules" class="fr-mt-4w"></div>';
    dataTable(document.getElementById('q-buyers'), {
      caption: 'Par acheteur', rows: q.buyers,
      columns: [
        { key: 'name', label: 'Acheteur', render: (r) => `<a href="${esc(link('/buyer.html', { id: r.buyerId }))}">${esc(r.name || r.buyerId)}</a>` },
        { key: 'contracts', label: 'Marchés', num: true, render: (r) => fmt.num(r.contracts) },
        { key: 'contractsWithWarning', label: 'Avec avertissement', num: true, render: (r) => fmt.num(r.contractsWithWarning) },
        { key: 'rejected', label: 'Rejetés', num: true, render: (r) => fmt.num(r.rejected) },
        { key: 'missingCpv', label: 'Sans CPV', num: true, render: (r) => fmt.num(r.missingCpv) },
        { key: 'suspectAmounts', label: 'Montants aberrants', num: true, render: (r) => fmt.num(r.suspectAmounts) },
        { key: 'missingNotificationDate', label: 'Sans date', num: true, render: (r) => fmt.num(r.missingNotificationDate) },
      ],
    });
    dataTable(document.getElementById('q-sources'), {
      caption: 'Par fichier source', rows: q.sources,
      columns: [
        { key: 'fileName', label: 'Fichier' }, { key: 'format', label: 'Format' },
        { key: 'read', label: 'Lus', num: true, render: (r) => fmt.num(r.read) },
        { key: 'loaded', label: 'Chargés', num: true, render: (r) => fmt.num(r.loaded) },
        { key: 'duplicates', label: 'Doublons', num: true, render: (r) => fmt.num(r.duplicates) },
        { key: 'rejected', label: 'Rejetés', num: true, render: (r) => fmt.num(r.rejected) },
        { key: 'lastImport', label: 'Dernier import' },
      ],
    });
    dataTable(document.getElementById('q-rules'), {
      caption: 'Par règle de contrôle', rows: q.rules,
      columns: [
        { key: 'rule', label: 'Règle' }, { key: 'severity', label: 'Gravité' },
        { key: 'findings', label: 'Constats', num: true, render: (r) => fmt.num(r.findings) },
        { key: 'rejects', label: 'Rejets', num: true, render: (r) => fmt.num(r.rejects) },
      ],
    });
  } catch (e) {
    showError(e);
  }
})();
