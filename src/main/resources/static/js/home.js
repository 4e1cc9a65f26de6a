// Home dashboard: key figures, trend by year, main buyers, purchase divisions, map of suppliers' départements.
import { layout, api, fmt, esc, showError, cubeQuery, link } from './app.js';
import { bar, treemap, line, franceMap } from './charts.js';

const explorer = (params) => link('/explorer.html', params);

(async () => {
  try {
    const me = await layout('/');
    const content = document.getElementById('content');
    const c = await api.get('/api/cube?' + cubeQuery({ measures: 'amount_current,amount_initial,contracts,suppliers,buyers' }));
    let spending = null;
    if (me.spendingVisible) {
      spending = await api.get('/api/cube?' + cubeQuery({ fact: 'spending', measures: 'amount_spent,lines' })).catch(() => null);
    }
    content.innerHTML = `
      <section class="kpis" aria-label="Chiffres clés">
        <div class="kpi"><strong id="kpi-amount">${fmt.eur(c.totals.amount_current)}</strong>engagés (marchés, après modifications)</div>
        <div class="kpi"><strong>${fmt.eur(c.totals.amount_initial)}</strong>montant initial des marchés</div>
        <div class="kpi"><strong id="kpi-contracts">${fmt.num(c.totals.contracts)}</strong>marchés</div>
        <div class="kpi"><strong>${fmt.num(c.totals.suppliers)}</strong>fournisseurs titulaires</div>
        <div class="kpi"><strong>${fmt.num(c.totals.buyers)}</strong>acheteurs</div>
        ${spending ? `<div class="kpi"><strong>${fmt.eur(spending.totals.amount_spent)}</strong>dépensés (${fmt.num(spending.totals.lines)} lignes)</div>` : ''}
      </section>
      <div class="grid2">
        <section><h2 class="fr-h5">Évolution par année</h2><div class="chart chart--small" id="by-year" role="img" aria-label="Montants engagés par année"></div>
          <p><a class="fr-link" href="${esc(explorer({ axis: 'year', view: 'line', top: '' }))}">Explorer par année</a></p></section>
        <section><h2 class="fr-h5">Principaux acheteurs</h2><div class="chart chart--small" id="by-buyer" role="img" aria-label="Montants engagés par acheteur"></div>
          <p><a class="fr-link" href="${esc(explorer({ axis: 'buyer' }))}">Explorer par acheteur</a></p></section>
        <section><h2 class="fr-h5">Segments d'achat (divisions CPV)</h2><div class="chart chart--small" id="by-division" role="img" aria-label="Montants engagés par division CPV"></div>
          <p><a class="fr-link" href="${esc(explorer({ axis: 'cpv_division', view: 'treemap' }))}">Explorer par segment</a></p></section>
        <section><h2 class="fr-h5">Où sont les fournisseurs ?</h2><div class="chart chart--small" id="map" role="img" aria-label="Carte des montants par département des fournisseurs"></div>
          <p><a class="fr-link" href="${esc(explorer({ axis: 'supplier_departement', view: 'map', top: '' }))}">Explorer la carte</a></p></section>
        <section><h2 class="fr-h5">Niveau de mutualisation</h2><div class="chart chart--small" id="by-mutual" role="img" aria-label="Montants par nombre d'acheteurs achetant la même famille"></div>
          <p><a class="fr-link" href="${esc(explorer({ axis: 'mutualisation' }))}">Explorer la mutualisation</a></p></section>
        <section><h2 class="fr-h5">Considérations sociales</h2><div class="chart chart--small" id="by-social" role="img" aria-label="Montants selon la présence d'une considération sociale"></div>
          <p><a class="fr-link" href="${esc(explorer({ axis: 'has_social' }))}">Explorer les clauses</a></p></section>
      </div>`;
    const items = (v, axis) => v.rows.map((r) => ({ key: r[axis], label: r[axis + '_label'], value: r.amount_current, other: r[axis] === '_autres' }));
    const fetchAxis = (axis, top) => api.get('/api/cube?' + cubeQuery({ axes: axis, measures: 'amount_current', top }));
    const go = (axis) => (it) => { if (it.key !== '_autres') location.href = explorer({ axis, [`f.${axis}`]: it.key, [`fl.${axis}`]: it.label }); };
    const [years, buyers, divisions, depts, mutual, social, territory] = await Promise.all([
      fetchAxis('year'), fetchAxis('buyer', 10), fetchAxis('cpv_division', 20), fetchAxis('supplier_departement'),
      fetchAxis('mutualisation'), fetchAxis('has_social'), api.get('/api/territory')]);
    line(document.getElementById('by-year'), items(years, 'year').filter((d) => d.key !== '_null'), { kind: 'AMOUNT', onClick: go('year') });
    bar(document.getElementById('by-buyer'), items(buyers, 'buyer'), { kind: 'AMOUNT', onClick: go('buyer') });
    treemap(document.getElementById('by-division'), items(divisions, 'cpv_division'), { kind: 'AMOUNT', onClick: go('cpv_division') });
    await franceMap(document.getElementById('map'), items(depts, 'supplier_departement'), { kind: 'AMOUNT', territory: territory.departements || [] });
    bar(document.getElementById('by-mutual'), items(mutual, 'mutualisation'), { kind: 'AMOUNT', onClick: go('mutualisation') });
    bar(document.getElementById('by-social'), items(social, 'has_social'), { kind: 'AMOUNT', onClick: go('has_social') });
  } catch (e) {
    showError(e);
  }
})();
