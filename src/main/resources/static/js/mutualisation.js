// Mutualisation opportunities: families bought by several buyers of the territory, ranked by their savings range
// (territory hypotheses, stated below the table), with the buyers of a family, the export and the PDF study.
import { layout, api, fmt, esc, showError, link, scopeParam } from './app.js';
import { dataTable } from './table.js';

const date = (d) => (d ? new Date(d).toLocaleDateString('fr-FR') : '—');

(async () => {
  try {
    await layout('/mutualisation.html');
    // With buyers chosen in the perimeter selector: the families they take part in, with their share.
    const selected = scopeParam() !== '';
    const r = await api.get(link('/api/mutualisation'));
    const content = document.getElementById('content');
    // A flat field to sort the perimeter's share by.
    const ops = r.opportunities.map((o) => ({ ...o, selectionAmount: o.selection ? o.selection.amount : null }));
    content.innerHTML = `
      <p>${ops.length} ${ops.length > 1 ? "familles d'achat sont achetées" : "famille d'achat est achetée"} par au moins deux acheteurs
      du territoire (marchés attribués depuis le
      ${date(`${Number(r.params.today.slice(0, 4)) - r.params.years}${r.params.today.slice(4)}`)} ; échéances sur ${r.params.horizonMonths} mois)${selected
        ? ` et ${ops.length > 1 ? 'concernent' : 'concerne'} le périmètre choisi (ses marchés de la fenêtre ou ses paiements hors marché). Sa part est en troisième colonne ; les autres chiffres restent ceux du territoire, avec qui mutualiser`
        : ''}.
      Le niveau de mutualisation est celui de l'axe « Niveau de mutualisation » de la cartographie.</p>
      <ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm">
        <li><a class="fr-btn fr-btn--secondary" id="pdf-study" href="${esc(link('/api/mutualisation/study.pdf', { top: 5 }))}">Étude PDF pour les élus (5 premières)</a></li>
        <li><a class="fr-btn fr-btn--tertiary" href="${esc(link('/api/mutualisation/export', { format: 'csv' }))}">Exporter (CSV Excel)</a></li>
        <li><a class="fr-btn fr-btn--tertiary" href="${esc(link('/api/mutualisation/export', { format: 'xlsx' }))}">Exporter (XLSX)</a></li>
      </ul>
      <div id="ops"></div><div id="detail" class="fr-mt-4w" aria-live="polite"></div>
      <div class="fr-callout fr-mt-4w"><h2 class="fr-callout__title fr-h6">Méthode et hypothèses</h2>
      <p class="fr-callout__text fr-text--sm">Gain annuel possible = montant annuel moyen des marchés de la famille × une fourchette
      de taux par nature, arrondi au millier d'euros : un ordre de grandeur pour décider d'étudier, pas une promesse.
      ${Object.values(r.rates).map((x) => `<br>${esc(x.nature)} : ${fmt.pct(x.low)} à ${fmt.pct(x.high)} — ${esc(x.source)}`).join('')}
      <br>Cadre juridique : groupements de commandes (art. L2113-6 à L2113-8 du Code de la commande publique), centrales d'achat (art. L2113-2 à L2113-4).</p></div>`;
    dataTable(document.getElementById('ops'), {
      caption: "Opportunités, de la plus prometteuse à la moins prometteuse", rows: ops,
      columns: [
        { key: 'rank', label: 'Rang', num: true },
        { key: 'familyLabel', label: 'Famille', render: (o) => `<a href="${esc(link('/explorer.html', { fact: 'contract', axis: 'buyer', 'f.mutualisation': o.levelKey, [o.familyKey.length > 2 ? 'f.family' : 'f.cpv_division']: o.familyKey }))}">${esc(o.familyLabel)}</a>` },
        ...(selected ? [{ key: 'selectionAmount', label: 'Part du périmètre choisi', num: true,
          render: (o) => `${fmt.eur(o.selection.amount)} (${o.selection.contracts} marché${o.selection.contracts > 1 ? 's' : ''})${o.selection.offContractSpending != null ? `<br><small>${fmt.eur(o.selection.offContractSpending)} hors marché</small>` : ''}` }] : []),
        { key: 'buyers', label: 'Acheteurs', num: true },
        { key: 'levelLabel', label: 'Niveau' },
        { key: 'yearlyAmount', label: 'Montant annuel moyen', num: true, render: (o) => fmt.eur(o.yearlyAmount) },
        { key: 'contracts', label: 'Marchés', num: true },
        { key: 'suppliers', label: 'Fournisseurs', num: true },
        { key: 'sharedSuppliers', label: 'Fournisseurs partagés', num: true },
        { key: 'jointContracts', label: 'Marchés conjoints', num: true },
        { key: 'endingContracts', label: 'Échéances', num: true },
        { key: 'windowStart', label: 'Fenêtre de regroupement', render: (o) => (o.windowStart ? `${date(o.windowStart)} → ${date(o.windowEnd)}<br><small>${o.prepareBy > r.params.today ? `préparer avant le ${date(o.prepareBy)}` : 'à préparer dès maintenant'}</small>` : '—') },
        { key: 'savingsHigh', label: 'Gain annuel possible', num: true, render: (o) => `${fmt.eur(o.savingsLow)} à ${fmt.eur(o.savingsHigh)}` },
      ],
      onRow: async (o) => {
        const buyers = await api.get(`/api/mutualisation/${encodeURIComponent(o.familyKey)}/buyers`);
        const detail = document.getElementById('detail');
        dataTable(detail, {
          caption: `Acheteurs de « ${o.familyLabel} »`, rows: buyers,
          columns: [
            { key: 'buyerName', label: 'Acheteur', render: (b) => `<a href="${esc(link('/buyer.html', { id: b.buyerId }))}">${esc(b.buyerName || b.buyerId)}</a>` },
            { key: 'amount', label: 'Montant des marchés', num: true, render: (b) => fmt.eur(b.amount) },
            { key: 'contracts', label: 'Marchés', num: true },
            { key: 'suppliers', label: 'Fournisseurs', num: true },
            { key: 'nextEnd', label: 'Prochaine échéance', render: (b) => (b.nextEnd ? `${date(b.nextEnd)} — ${esc(b.nextEndObject)}` : '—') },
          ],
        });
        detail.focus?.();
      },
      rowLabel: (o) => `acheteurs de ${o.familyLabel}`,
    });
  } catch (e) {
    showError(e);
  }
})();
