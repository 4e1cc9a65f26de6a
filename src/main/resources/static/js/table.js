// Sortable, paginated tables (keyboard: sort buttons in headers, links or buttons in rows).
import { esc } from './app.js';

/**
 * Client-side table. columns: [{key, label, num, render(row) -> html}]. Sorting by clicking (or Enter on) a header.
 */
export function dataTable(el, { caption, columns, rows, pageSize = 25, onRow, rowLabel }) {
  let sortKey = null;
  let desc = false;
  let page = 0;
  const render = () => {
    const sorted = [...rows];
    if (sortKey) {
      sorted.sort((a, b) => {
        const x = a[sortKey];
        const y = b[sortKey];
        const c = (typeof x === 'number' && typeof y === 'number') ? x - y : String(x ?? '').localeCompare(String(y ?? ''), 'fr');
        return desc ? -c : c;
      });
    }
    const pages = Math.max(1, Math.ceil(sorted.length / pageSize));
    page = Math.min(page, pages - 1);
    const slice = sorted.slice(page * pageSize, (page + 1) * pageSize);
    el.innerHTML = `
      <div class="fr-table fr-table--bordered"><div class="fr-table__wrapper"><div class="fr-table__container"><div class="fr-table__content">
      <table><caption>${esc(caption)}</caption><thead><tr>
      ${columns.map((c) => `<th scope="col" class="${c.num ? 'num' : ''}" aria-sort="${sortKey === c.key ? (desc ? 'descending' : 'ascending') : 'none'}">
        <button class="sort" data-key="${esc(c.key)}" title="Trier par ${esc(c.label)}">${esc(c.label)}${sortKey === c.key ? (desc ? ' ▼' : ' ▲') : ''}</button></th>`).join('')}
      ${onRow ? '<th scope="col"><span class="fr-sr-only">Actions</span></th>' : ''}
      </tr></thead><tbody>
      ${slice.map((r, i) => `<tr>${columns.map((c) => `<td class="${c.num ? 'num' : ''}">${c.render ? c.render(r) : esc(r[c.key])}</td>`).join('')}
        ${onRow ? `<td>${rowLabel && rowLabel(r) === null ? '' : `<button class="fr-btn fr-btn--sm fr-btn--tertiary" data-row="${i}" title="${esc(rowLabel ? rowLabel(r) : 'Détailler')}">Détailler<span class="fr-sr-only"> : ${esc(rowLabel ? rowLabel(r) : '')}</span></button>`}</td>` : ''}</tr>`).join('')}
      ${slice.length === 0 ? `<tr><td colspan="${columns.length + (onRow ? 1 : 0)}">Aucune donnée pour ce périmètre.</td></tr>` : ''}
      </tbody></table></div></div></div></div>
      ${pages > 1 ? `<nav class="pager" aria-label="Pagination : ${esc(caption)}">
        <button class="fr-btn fr-btn--sm fr-btn--secondary" data-page="-1" ${page === 0 ? 'disabled' : ''}>Page précédente</button>
        <span>Page ${page + 1} sur ${pages} (${sorted.length} lignes)</span>
        <button class="fr-btn fr-btn--sm fr-btn--secondary" data-page="1" ${page >= pages - 1 ? 'disabled' : ''}>Page suivante</button></nav>` : ''}`;
    el.querySelectorAll('button.sort').forEach((b) => b.addEventListener('click', () => {
      if (sortKey === b.dataset.key) desc = !desc; else { sortKey = b.dataset.key; desc = columns.find((c) => c.key === sortKey).num; }
      render();
      el.querySelector(`button.sort[data-key="${CSS.escape(sortKey)}"]`).focus();
    }));
    el.querySelectorAll('button[data-page]').forEach((b) => b.addEventListener('click', () => { page += Number(b.dataset.page); render(); }));
    if (onRow) el.querySelectorAll('button[data-row]').forEach((b) => b.addEventListener('click', () => onRow(slice[Number(b.dataset.row)])));
  };
  render();
}

/**
 * Server-side table (rows under a cell): fetch(sort, desc, offset) -> {total, rows}; the server sorts and pages.
 */
export function serverTable(el, { caption, columns, fetchPage, pageSize = 50 }) {
  let sort = null;
  let desc = false;
  let offset = 0;
  const load = async () => {
    el.setAttribute('aria-busy', 'true');
    const data = await fetchPage({ sort, desc, offset, limit: pageSize });
    el.removeAttribute('aria-busy');
    el.innerHTML = `
      <div class="fr-table fr-table--bordered"><div class="fr-table__wrapper"><div class="fr-table__container"><div class="fr-table__content">
      <table><caption>${esc(caption)} — ${data.total.toLocaleString('fr-FR')} lignes</caption><thead><tr>
      ${columns.map((c) => `<th scope="col" class="${c.num ? 'num' : ''}" aria-sort="${sort === c.key ? (desc ? 'descending' : 'ascending') : 'none'}">
        <button class="sort" data-key="${esc(c.key)}" title="Trier par ${esc(c.label)}">${esc(c.label)}${sort === c.key ? (desc ? ' ▼' : ' ▲') : ''}</button></th>`).join('')}
      </tr></thead><tbody>
      ${data.rows.map((r) => `<tr>${columns.map((c) => `<td class="${c.num ? 'num' : ''}">${c.render ? c.render(r) : esc(r[c.key])}</td>`).join('')}</tr>`).join('')}
      ${data.rows.length === 0 ? `<tr><td colspan="${columns.length}">Aucune ligne.</td></tr>` : ''}
      </tbody></table></div></div></div></div>
      <nav class="pager" aria-label="Pagination : ${esc(caption)}">
        <button class="fr-btn fr-btn--sm fr-btn--secondary" data-page="-1" ${offset === 0 ? 'disabled' : ''}>Page précédente</button>
        <span>Lignes ${data.total === 0 ? 0 : offset + 1} à ${Math.min(offset + pageSize, data.total)} sur ${data.total.toLocaleString('fr-FR')}</span>
        <button class="fr-btn fr-btn--sm fr-btn--secondary" data-page="1" ${offset + pageSize >= data.total ? 'disabled' : ''}>Page suivante</button></nav>`;
    el.querySelectorAll('button.sort').forEach((b) => b.addEventListener('click', () => {
      if (sort === b.dataset.key) desc = !desc; else { sort = b.dataset.key; desc = !!columns.find((c) => c.key === sort).num; }
      offset = 0;
      load();
    }));
    el.querySelectorAll('button[data-page]').forEach((b) => b.addEventListener('click', () => {
      offset = Math.max(0, offset + Number(b.dataset.page) * pageSize);
      load();
    }));
  };
  return load();
}
