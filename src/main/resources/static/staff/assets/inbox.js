// The live inbox: the conversation list from the API, kept up to date by the staff event stream.

import {
  api, clearNotices, create, initHeader, labelsReady, liveEvents, notificationButton, notify, percent, query, ROUTES,
  routeName, showLiveState, showNotice, startPresence, STATUS, text, timeElement, VIEWS,
} from './staff.js';

const SEARCH_DELAY_MS = 300;
const HIGHLIGHT_MS = 4000;

const el = {
  filters: document.getElementById('filters'),
  views: document.getElementById('views'),
  status: document.getElementById('status'),
  route: document.getElementById('route'),
  q: document.getElementById('q'),
  rows: document.getElementById('rows'),
  empty: document.getElementById('empty'),
  caption: document.getElementById('inbox-caption'),
  live: document.getElementById('live'),
};

/** The rows on screen, by conversation id. */
const shown = new Map();
/** Events that arrived while the list was loading, applied after it. */
let pending = null;
let loadSeq = 0;
let searchTimer = 0;
let refetchTimer = 0;
/** The inbox view: '' for all conversations, or one of the server's views (mine, waiting, …). */
let view = '';
let me = null;

// ---------------------------------------------------------------- filters

function filters() {
  return { view, status: el.status.value, route: el.route.value, q: el.q.value.trim() };
}

/** Whether a conversation the event stream brings belongs in the view on screen: the server says which views it is in. */
function inView(summary) {
  if (!view) {
    return true;
  }
  const views = Array.isArray(summary.views) ? summary.views : [];
  if (!views.includes(view)) {
    return false;
  }
  // "mine" is its assignee's view: the event goes to every staff member.
  const assignee = summary.assignee || null;
  return view !== 'mine' || (me !== null && assignee !== null && assignee.toLowerCase() === me.toLowerCase());
}

function matches(summary) {
  const { status, route } = filters();
  if (!inView(summary)) {
    return false;
  }
  if (status && summary.status !== status) {
    return false;
  }
  if (route === 'none') {
    return !summary.route;
  }
  return !route || summary.route === route;
}

/** Keeps the filters in the address, so coming back from a conversation shows the same list. */
function rememberFilters() {
  history.replaceState(null, '', `/staff${query(filters())}`);
}

function restoreFilters() {
  const params = new URLSearchParams(location.search);
  view = VIEWS[params.get('view')] ? params.get('view') : '';
  for (const name of ['status', 'route', 'q']) {
    const value = params.get(name);
    if (value !== null) {
      el[name].value = value;
    }
  }
}

// ---------------------------------------------------------------- loading

async function load() {
  const seq = ++loadSeq;
  pending = pending || [];
  el.rows.parentElement.setAttribute('aria-busy', 'true');
  try {
    const list = await api(`/api/staff/conversations${query(filters())}`);
    if (seq !== loadSeq) {
      return;
    }
    clearNotices();
    shown.clear();
    el.rows.replaceChildren(...(Array.isArray(list) ? list : []).map((summary) => {
      const row = buildRow(summary);
      shown.set(summary.id, row);
      return row;
    }));
    updateEmpty();
  } catch (error) {
    if (seq === loadSeq) {
      showNotice(`De gesprekken konden niet worden geladen. ${error.message}`);
    }
  } finally {
    if (seq === loadSeq) {
      el.rows.parentElement.removeAttribute('aria-busy');
      const missed = pending;
      pending = null;
      missed.forEach((summary) => onConversation(summary, true));
    }
  }
}

function updateEmpty() {
  const { status, route, q } = filters();
  el.empty.hidden = shown.size > 0;
  renderViews();
  el.caption.textContent = `${shown.size} ${shown.size === 1 ? 'gesprek' : 'gesprekken'}, laatst actief bovenaan`;
  el.empty.textContent = status || route || q || view
    ? 'Geen gesprekken die bij je filters passen.'
    : 'Nog geen gesprekken. Nieuwe gesprekken verschijnen hier vanzelf.';
  const waiting = [...el.rows.querySelectorAll('tr.is-waiting')].length;
  document.title = `${waiting ? `(${waiting}) ` : ''}Inbox — Wegwijzer helpdesk`;
}

// ---------------------------------------------------------------- live updates

function onConversation(summary, late) {
  if (pending) {
    pending.push(summary);
    return;
  }
  const existing = shown.get(summary.id);
  if (!late && summary.status === 'WAITING' && (!existing || existing.summary.status !== 'WAITING')) {
    notify('Een bezoeker wacht op een medewerker', 'Open het gesprek in de inbox van Wegwijzer.',
      `/staff/conversation${query({ id: summary.id })}`);
  }
  if (late && existing && existing.summary.lastActiveAt > summary.lastActiveAt) {
    return;
  }
  if (!matches(summary)) {
    if (existing) {
      existing.remove();
      shown.delete(summary.id);
      updateEmpty();
    }
    return;
  }
  if (!existing && filters().q) {
    // Only the server can tell whether a conversation matches the search text.
    clearTimeout(refetchTimer);
    refetchTimer = setTimeout(load, SEARCH_DELAY_MS);
    return;
  }
  const row = buildRow(summary);
  const hadFocus = existing && existing.contains(document.activeElement);
  if (existing && existing.summary.lastActiveAt === summary.lastActiveAt) {
    // Nothing new was said (for instance the visitor went offline): it keeps its place.
    existing.replaceWith(row);
  } else {
    if (existing) {
      existing.remove();
    }
    el.rows.prepend(row);
    highlight(row, existing ? 'is-updated' : 'is-new');
  }
  shown.set(summary.id, row);
  if (hadFocus) {
    row.querySelector('a').focus({ preventScroll: true });
  }
  updateEmpty();
}

function highlight(row, className) {
  row.classList.add(className);
  setTimeout(() => row.classList.remove(className), HIGHLIGHT_MS);
}

// ---------------------------------------------------------------- a row

function flagReason(summary) {
  if (summary.status === 'WAITING') {
    return 'Let op';
  }
  if (summary.status === 'OFFLINE_MESSAGE') {
    return 'Antwoord per e-mail';
  }
  if (summary.lastIntent === 'fallback') {
    return 'Niet begrepen';
  }
  return 'Lage zekerheid';
}

function buildRow(summary) {
  const row = document.createElement('tr');
  row.summary = summary;
  row.dataset.id = summary.id;
  row.dataset.sessionId = text(summary.sessionId);
  row.dataset.status = text(summary.status);
  if (summary.flagged) {
    row.classList.add('is-flagged');
  }
  if (summary.status === 'WAITING') {
    row.classList.add('is-waiting');
  }
  const href = `/staff/conversation${query({ id: summary.id })}`;

  const status = create('td');
  const badges = create('span', 'badges');
  badges.append(create('span', `badge badge--${text(summary.status) || 'BOT'}`,
    STATUS[summary.status] || text(summary.status) || 'Onbekend'));
  if (summary.flagged) {
    // Waiting already shows in its status badge; the flag then only says that it needs someone.
    const flag = create('span', 'badge badge--flag');
    const icon = create('span', null, '⚑');
    icon.setAttribute('aria-hidden', 'true');
    flag.append(icon, ` ${flagReason(summary)}`);
    badges.append(flag);
  }
  status.append(badges);

  const owner = create('td', 'nowrap');
  if (summary.assignee) {
    owner.textContent = summary.assignee;
  } else {
    owner.append(create('span', 'muted', '—'));
  }
  if (summary.status === 'WAITING' && summary.waitingSince) {
    owner.append(create('br'), create('span', 'small muted', 'wacht sinds '), timeElement(summary.waitingSince));
  }
  if (summary.email) {
    owner.append(create('br'), create('span', 'small', summary.email));
  }

  const intent = create('td', 'nowrap intent');
  if (summary.lastIntent) {
    intent.append(create('span', 'intent-name', summary.lastIntent));
    if (typeof summary.lastConfidence === 'number') {
      intent.append(' ', create('span', 'confidence', percent(summary.lastConfidence)));
    }
  } else {
    intent.append(create('span', 'muted', '—'));
  }

  const route = create('td', 'nowrap', summary.route ? routeName(summary.route) : 'Geen');
  if (!summary.route) {
    route.classList.add('muted');
  }

  const started = create('td', 'nowrap');
  started.append(timeElement(summary.startedAt));
  const active = create('td', 'nowrap col-active');
  active.append(timeElement(summary.lastActiveAt));

  const turns = create('td', 'num', String(typeof summary.turns === 'number' ? summary.turns : '—'));

  const online = create('td');
  const presence = create('span', `online ${summary.online ? 'online--yes' : 'online--no'}`);
  const dot = create('span', 'online__dot');
  dot.setAttribute('aria-hidden', 'true');
  presence.append(dot, create('span', 'online__label', summary.online ? 'online' : 'offline'));
  online.append(presence);

  const open = create('td');
  const link = create('a', 'inbox__open', 'Openen');
  link.href = href;
  link.setAttribute('aria-label', `Gesprek openen: ${STATUS[summary.status] || ''}, gestart ${started.textContent}`);
  open.append(link);

  row.append(status, owner, intent, route, started, active, turns, online, open);
  row.addEventListener('click', (event) => {
    if (event.target.closest('a') || getSelection().toString()) {
      return;
    }
    if (event.ctrlKey || event.metaKey) {
      window.open(href, '_blank', 'noopener');
    } else {
      location.assign(href);
    }
  });
  return row;
}

// ---------------------------------------------------------------- views and choices

function renderViews() {
  const choices = [['', 'Alle gesprekken'], ...Object.entries(VIEWS)];
  el.views.replaceChildren(...choices.map(([key, label]) => {
    const button = create('button', 'view', label);
    button.type = 'button';
    button.setAttribute('aria-pressed', String(key === view));
    button.addEventListener('click', () => {
      view = key;
      rememberFilters();
      load();
    });
    return button;
  }));
}

function fillChoices() {
  const status = new URLSearchParams(location.search).get('status') || el.status.value;
  const route = new URLSearchParams(location.search).get('route') || el.route.value;
  el.status.append(...Object.entries(STATUS).map(([key, label]) => new Option(label, key)));
  el.route.append(...Object.entries(ROUTES).map(([key, label]) => new Option(label, key)));
  el.status.value = status;
  el.route.value = route;
}

// ---------------------------------------------------------------- wiring

el.filters.addEventListener('submit', (event) => {
  event.preventDefault();
  clearTimeout(searchTimer);
  rememberFilters();
  load();
});
el.status.addEventListener('change', () => {
  rememberFilters();
  load();
});
el.route.addEventListener('change', () => {
  rememberFilters();
  load();
});
el.q.addEventListener('input', () => {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(() => {
    rememberFilters();
    load();
  }, SEARCH_DELAY_MS);
});
el.filters.addEventListener('reset', () => {
  // After the browser has reset the fields.
  setTimeout(() => {
    rememberFilters();
    load();
    el.status.focus();
  });
});

async function start() {
  await labelsReady;
  fillChoices();
  restoreFilters();
  renderViews();
  startPresence();
  notificationButton();
  try {
    const who = await initHeader();
    me = who ? text(who.username) : null;
  } catch (error) {
    showNotice(`Je gegevens konden niet worden geladen. ${error.message}`);
  }
  load();
  liveEvents({
    onConversation,
    onErased: (conversationId) => {
      const row = shown.get(conversationId);
      if (row) {
        row.remove();
        shown.delete(conversationId);
        updateEmpty();
      }
    },
    onState: (state) => showLiveState(el.live, state),
    onReconnected: load,
  });
}

start();
