// The consent audit: every recorded cookie choice in a period, and the same as a CSV file.

import {
  api, browserName, categoryList, clearNotices, create, defaultRange, initHeader, METHODS, query, showNotice, text,
  timeElement,
} from './staff.js';

const el = {
  form: document.getElementById('range-form'),
  from: document.getElementById('from'),
  to: document.getElementById('to'),
  csv: document.getElementById('csv'),
  rows: document.getElementById('rows'),
  empty: document.getElementById('empty'),
  caption: document.getElementById('consents-caption'),
};

function range() {
  return { from: el.from.value, to: el.to.value };
}

async function load() {
  const { from, to } = range();
  if (from && to && from > to) {
    showNotice('De begindatum ligt na de einddatum. Kies een andere periode.');
    el.from.focus();
    return;
  }
  el.csv.href = `/api/staff/consents${query({ from, to, format: 'csv' })}`;
  history.replaceState(null, '', `/staff/consents${query({ from, to })}`);
  el.rows.parentElement.setAttribute('aria-busy', 'true');
  try {
    const records = await api(`/api/staff/consents${query({ from, to })}`);
    const list = Array.isArray(records) ? records : [];
    clearNotices();
    el.rows.replaceChildren(...list.map(buildRow));
    el.empty.hidden = list.length > 0;
    el.caption.textContent = `${list.length} ${list.length === 1 ? 'toestemming' : 'toestemmingen'} van ${day(from)} tot en met ${day(to)}`;
  } catch (error) {
    showNotice(`De toestemmingen konden niet worden geladen. ${error.message}`);
  } finally {
    el.rows.parentElement.removeAttribute('aria-busy');
  }
}

const DAY = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

function day(iso) {
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? iso : DAY.format(date);
}

function buildRow(record) {
  const row = create('tr');
  const given = create('td', 'nowrap');
  given.append(timeElement(record.givenAt, { withYear: true }));
  const session = create('td', 'nowrap');
  const sessionId = text(record.sessionId);
  session.append(create('code', null, sessionId.slice(0, 8)));
  session.title = sessionId;
  session.append(create('span', 'sr-only', sessionId.slice(8)));
  row.append(
    given,
    create('td', 'nowrap', METHODS[record.method] || text(record.method)),
    categoryList(record.granted, 'granted', 'td'),
    categoryList(record.refused, 'refused', 'td'),
    create('td', null, text(record.policyVersion)),
    session,
    agent(record.userAgent),
  );
  return row;
}

function agent(userAgent) {
  const cell = create('td', 'nowrap', browserName(userAgent));
  cell.title = text(userAgent);
  return cell;
}

el.form.addEventListener('submit', (event) => {
  event.preventDefault();
  load();
});

const params = new URLSearchParams(location.search);
el.from.value = params.get('from') || '';
el.to.value = params.get('to') || '';
defaultRange(el.from, el.to);
initHeader().catch((error) => showNotice(`Je gegevens konden niet worden geladen. ${error.message}`));
load();
