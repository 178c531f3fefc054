// Wegwijzer helpdesk: what every staff page shares. Plain module, no dependencies.
// Everything the server sends is inserted as text (textContent), never as HTML.

const LOGIN = '/staff/login';

// ---------------------------------------------------------------- requests

/** An API answer that was not 2xx; `message` is the server's Dutch message, or a general one. */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export function csrfToken() {
  const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
  return match ? decodeURIComponent(match[1]) : '';
}

/**
 * Sends the browser to the login page; the returned promise never settles. It reloads the page rather than
 * going to the login directly, so the server remembers the page and returns to it after logging in — unless
 * that was just tried, which would otherwise loop.
 */
let leaving = false;

export function toLogin() {
  if (leaving) {
    return new Promise(() => {});
  }
  leaving = true;
  const key = 'wegwijzer.staff.toLogin';
  let recent = false;
  try {
    recent = Date.now() - Number(sessionStorage.getItem(key) || 0) < 10000;
    sessionStorage.setItem(key, String(Date.now()));
  } catch {
    recent = true;
  }
  if (recent || location.pathname.startsWith(LOGIN)) {
    location.assign(LOGIN);
  } else {
    location.reload();
  }
  return new Promise(() => {});
}

/**
 * fetch() for the staff API: same-origin cookies, the CSRF header on anything but GET, and a 401 sends the
 * page to the login. Spring Security hands out a fresh CSRF cookie (for instance after login) only when a
 * request needs one, so a 403 that came with a new cookie is retried once with it.
 */
export async function request(path, options = {}) {
  const method = (options.method || 'GET').toUpperCase();
  const send = () => {
    const headers = new Headers(options.headers || {});
    if (!headers.has('Accept')) {
      headers.set('Accept', 'application/json');
    }
    // Marks the call as the page's own: an expired session then gets a 401, not a browser password prompt.
    headers.set('X-Requested-With', 'XMLHttpRequest');
    let body = options.body;
    if (options.json !== undefined) {
      headers.set('Content-Type', 'application/json');
      body = JSON.stringify(options.json);
    }
    if (method !== 'GET' && method !== 'HEAD') {
      const token = csrfToken();
      if (token) {
        headers.set('X-XSRF-TOKEN', token);
      }
    }
    return fetch(path, { method, headers, body, credentials: 'same-origin', cache: 'no-store' });
  };
  const tokenBefore = csrfToken();
  let response;
  try {
    response = await send();
    if (response.status === 403 && method !== 'GET' && csrfToken() && csrfToken() !== tokenBefore) {
      response = await send();
    }
  } catch {
    throw new ApiError(0, 'De server is niet bereikbaar. Controleer je verbinding en probeer het opnieuw.');
  }
  if (response.status === 401) {
    return toLogin();
  }
  if (!response.ok) {
    throw new ApiError(response.status, await errorMessage(response));
  }
  return response;
}

/** GET or POST and parse the JSON answer; null for an empty answer (202, 204). */
export async function api(path, options) {
  const response = await request(path, options);
  await labelsReady;
  if (response.status === 204 || response.status === 202) {
    return null;
  }
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

async function errorMessage(response) {
  try {
    const body = await response.json();
    if (body && typeof body.message === 'string' && body.message) {
      return body.message;
    }
  } catch {
    // Not JSON: fall through to a message of our own.
  }
  if (response.status === 403) {
    return 'Dat mag je niet, of je sessie is verlopen. Laad de pagina opnieuw.';
  }
  if (response.status === 404) {
    return 'Dat is niet gevonden.';
  }
  if (response.status >= 500) {
    return 'Er ging iets mis op de server. Probeer het zo nog eens.';
  }
  return 'Dat lukte niet. Probeer het nog eens.';
}

export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') {
      search.set(key, value);
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

// ---------------------------------------------------------------- live events

/**
 * Listens to the staff event stream. EventSource reconnects by itself after a dropped connection; when it
 * gives up (the server answered with an error, for instance 401 after the session expired) this checks the
 * login and starts a new one after a pause.
 */
export function liveEvents({ onConversation, onTyping, onErased, onState, onReconnected }) {
  let source = null;
  let retryTimer = 0;
  let everOpen = false;
  let delay = 2000;

  function open() {
    clearTimeout(retryTimer);
    source = new EventSource('/api/staff/events');
    source.addEventListener('open', () => {
      delay = 2000;
      onState('live');
      if (everOpen && onReconnected) {
        // Changes made while the stream was down never arrive; the page catches up itself.
        onReconnected();
      }
      everOpen = true;
    });
    source.addEventListener('conversation', (event) => {
      let summary;
      try {
        summary = JSON.parse(event.data);
      } catch {
        return;
      }
      if (summary && typeof summary === 'object' && typeof summary.id === 'string') {
        onConversation(summary);
      }
    });
    const byId = (handler) => (event) => {
      try {
        const data = JSON.parse(event.data);
        if (handler && data && typeof data.conversationId === 'string') {
          handler(data.conversationId);
        }
      } catch {
        // Not for us.
      }
    };
    source.addEventListener('typing', byId(onTyping));
    source.addEventListener('erased', byId(onErased));
    source.addEventListener('error', async () => {
      if (source.readyState !== EventSource.CLOSED) {
        onState('reconnecting');
        return;
      }
      onState('down');
      source.close();
      try {
        // Answers 401 and so goes to the login when the session ended.
        await request('/api/staff/me');
      } catch {
        // Server unreachable: try again below.
      }
      retryTimer = setTimeout(open, delay);
      delay = Math.min(delay * 2, 30000);
    });
  }

  open();
  window.addEventListener('pagehide', () => {
    clearTimeout(retryTimer);
    if (source) {
      source.close();
    }
  });
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) {
      open();
    }
  });
}

/** Shows the state of the live connection in an element with class `live`. */
export function showLiveState(element, state) {
  const texts = {
    live: 'Live bijgewerkt',
    reconnecting: 'Verbinding verbroken, opnieuw verbinden…',
    down: 'Geen live-updates, opnieuw verbinden…',
  };
  element.dataset.state = state;
  element.querySelector('.live__text').textContent = texts[state] || '';
}

// ---------------------------------------------------------------- header

/** The staff pages, defined once: every page's navigation is built from this list. Third: admins only. */
const PAGES = [
  ['/staff', 'Inbox'],
  ['/staff/triage', 'Triage'],
  ['/staff/consents', 'Toestemmingen', true],
  ['/staff/statistics', 'Statistieken'],
];

function renderNav() {
  const list = document.getElementById('nav-list');
  if (!list) {
    return;
  }
  // The conversation page belongs to the inbox.
  const here = location.pathname === '/staff/conversation' ? '/staff' : location.pathname.replace(/\/$/, '') || '/staff';
  list.replaceChildren(...PAGES.map(([href, label, adminOnly]) => {
    const item = document.createElement('li');
    if (adminOnly) {
      item.dataset.adminOnly = '';
    }
    const link = document.createElement('a');
    link.className = 'nav__link';
    link.href = href;
    link.textContent = label;
    if (href === here) {
      link.setAttribute('aria-current', 'page');
    }
    item.append(link);
    return item;
  }));
}

renderNav();

/** Fills in the staff member's name and wires the logout button; resolves to GET /api/staff/me. */
export async function initHeader() {
  const logout = document.getElementById('logout');
  logout.addEventListener('click', logOut);
  const me = await api('/api/staff/me');
  const name = document.getElementById('staff-name');
  name.textContent = text(me && me.name) || text(me && me.username);
  name.hidden = false;
  // The server refuses agents these anyway; hiding them spares a 403.
  if (!me || me.role !== 'admin') {
    document.querySelectorAll('[data-admin-only]').forEach((element) => {
      element.hidden = true;
    });
  }
  return me;
}

async function logOut() {
  const button = document.getElementById('logout');
  button.disabled = true;
  try {
    await request('/staff/logout', { method: 'POST', headers: { Accept: 'text/html' } });
    location.assign(`${LOGIN}?logout`);
  } catch (error) {
    button.disabled = false;
    showNotice(`Uitloggen lukte niet. ${error.message}`, 'error');
  }
}

// ---------------------------------------------------------------- notices

/** kind: 'error' stays until closed, 'info' fades after a few seconds. */
export function showNotice(message, kind = 'error') {
  const region = document.getElementById('notices');
  const notice = document.createElement('div');
  notice.className = `notice notice--${kind}`;
  const paragraph = document.createElement('p');
  paragraph.className = 'notice__text';
  paragraph.textContent = message;
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'notice__close';
  close.setAttribute('aria-label', 'Melding sluiten');
  close.textContent = '×';
  close.addEventListener('click', () => notice.remove());
  notice.append(paragraph, close);
  region.replaceChildren(notice);
  if (kind === 'info') {
    setTimeout(() => notice.remove(), 5000);
  }
}

export function clearNotices() {
  document.getElementById('notices').replaceChildren();
}

// ---------------------------------------------------------------- words and numbers

// The words for the API's codes come from the server (GET /api/staff/labels), filled in before any other
// API answer is handed to a page, so every page shows the same words as the content files define.
export const STATUS = {};
export const ROUTES = {};
export const CATEGORIES = {};
export const STATES = {};
export const CLOSE_REASONS = {};
export const VIEWS = {};

async function loadLabels() {
  try {
    const response = await request('/api/staff/labels');
    const labels = await response.json();
    Object.assign(STATUS, labels.statuses);
    Object.assign(ROUTES, labels.routes);
    Object.assign(CATEGORIES, labels.cookieCategories);
    Object.assign(STATES, labels.dialogStates);
    Object.assign(CLOSE_REASONS, labels.closeReasons);
    Object.assign(VIEWS, labels.views);
  } catch {
    // Without labels the pages show the codes themselves; the page's own request reports the problem.
  }
}

export const labelsReady = location.pathname.startsWith(LOGIN) ? Promise.resolve() : loadLabels();

export const METHODS = {
  ACCEPT_ALL: 'Alles geaccepteerd',
  NECESSARY_ONLY: 'Alleen noodzakelijk',
  CUSTOM: 'Eigen keuze',
};

export function text(value) {
  return typeof value === 'string' ? value : '';
}

export function routeName(route) {
  if (!route) {
    return ROUTES.none;
  }
  return ROUTES[route] || route;
}

const PERCENT = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 0 });
const PERCENT_1 = new Intl.NumberFormat('nl-NL', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
const NUMBER = new Intl.NumberFormat('nl-NL');

const PERCENT_2 = new Intl.NumberFormat('nl-NL', { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** precise: true for one decimal, 2 for two. */
export function percent(value, precise) {
  if (typeof value !== 'number' || Number.isNaN(value)) {
    return '—';
  }
  if (precise === 2) {
    return PERCENT_2.format(value);
  }
  return (precise ? PERCENT_1 : PERCENT).format(value);
}

export function number(value) {
  return typeof value === 'number' ? NUMBER.format(value) : '—';
}

const TIME = new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit' });
const DAY_TIME = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
const FULL = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'medium' });
const FULL_DAY_TIME = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** A <time> element: "vandaag 14:03", "26 nov. 09:12", with the full date for hovering and machines. */
export function timeElement(iso, { withYear = false } = {}) {
  const element = document.createElement('time');
  const date = iso ? new Date(iso) : null;
  if (!date || Number.isNaN(date.getTime())) {
    element.textContent = '—';
    return element;
  }
  element.dateTime = date.toISOString();
  element.title = FULL.format(date);
  if (withYear) {
    element.textContent = FULL_DAY_TIME.format(date);
  } else if (date.toDateString() === new Date().toDateString()) {
    element.textContent = `vandaag ${TIME.format(date)}`;
  } else {
    element.textContent = DAY_TIME.format(date);
  }
  return element;
}

/** yyyy-mm-dd of a day in UTC, as the API's from/to expect. */
export function isoDay(date) {
  return date.toISOString().slice(0, 10);
}

/** Sets two <input type="date"> to the API's default range, the last 30 days, unless they hold a value. */
export function defaultRange(from, to) {
  const today = new Date();
  if (!to.value) {
    to.value = isoDay(today);
  }
  if (!from.value) {
    from.value = isoDay(new Date(today.getTime() - 29 * 86400000));
  }
}

export function create(tag, className, content) {
  const element = document.createElement(tag);
  if (className) {
    element.className = className;
  }
  if (content !== undefined && content !== null) {
    element.textContent = content;
  }
  return element;
}

/** A <dd> (or another tag) with the cookie categories as badges; kind is 'granted' or 'refused'. */
export function categoryList(categories, kind, tag = 'dd') {
  const dd = create(tag);
  const list = Array.isArray(categories) ? categories.filter((category) => typeof category === 'string') : [];
  if (list.length === 0) {
    dd.textContent = 'geen';
    dd.className = 'muted';
    return dd;
  }
  const badges = create('span', 'badges');
  badges.append(...list.map((category) => create('span', `badge badge--${kind}`, CATEGORIES[category] || category)));
  dd.append(badges);
  return dd;
}

/** "Chrome 131 · Windows" from a user agent string; the full string stays available in the CSV export. */
export function browserName(userAgent) {
  const ua = text(userAgent);
  const browsers = [
    [/Edg(?:e|A|iOS)?\/(\d+)/, 'Edge'],
    [/OPR\/(\d+)/, 'Opera'],
    [/Firefox\/(\d+)/, 'Firefox'],
    [/(?:Headless)?Chrome\/(\d+)/, 'Chrome'],
    [/CriOS\/(\d+)/, 'Chrome'],
    [/Version\/(\d+)[\d.]* (?:Mobile\/\S+ )?Safari/, 'Safari'],
  ];
  const systems = [
    [/Windows/, 'Windows'], [/Android/, 'Android'], [/iPhone|iPad|iPod/, 'iOS'], [/Mac OS X|Macintosh/, 'macOS'],
    [/CrOS/, 'ChromeOS'], [/Linux/, 'Linux'],
  ];
  const browser = browsers.map(([pattern, name]) => [ua.match(pattern), name]).find(([match]) => match);
  const system = systems.find(([pattern]) => pattern.test(ua));
  const parts = [];
  if (browser) {
    parts.push(`${browser[1]} ${browser[0][1]}`);
  }
  if (system) {
    parts.push(system[1]);
  }
  return parts.length > 0 ? parts.join(' · ') : (ua || '—');
}

// ---------------------------------------------------------------- presence

const PRESENCE_EVERY_MS = 30000;
const AWAY_KEY = 'wegwijzer.staff.away';

/**
 * Keeps the staff member available for chats while a live page is open, unless they switched to
 * "afwezig": the server forgets a claim 90 seconds after the last one, so a closed laptop strands nobody,
 * and going from the inbox to a conversation never makes them unavailable for a moment.
 * Shows how many colleagues are available and whether it is office hours.
 */
export function startPresence() {
  const user = document.querySelector('.user');
  if (!user) {
    return;
  }
  const box = create('label', 'presence');
  const toggle = create('input');
  toggle.type = 'checkbox';
  toggle.id = 'available';
  const label = create('span', 'presence__label', 'Beschikbaar');
  const team = create('span', 'presence__team small');
  team.id = 'presence-team';
  team.setAttribute('role', 'status');
  box.append(toggle, label);
  user.prepend(box, team);
  // The choice is shared by every open staff page: read again before each report, so a tab opened
  // earlier does not keep claiming "beschikbaar" after "afwezig" was chosen in another.
  function readStoredChoice() {
    try {
      const stored = localStorage.getItem(AWAY_KEY);
      if (stored !== null) {
        toggle.checked = stored !== '1';
      }
    } catch {
      // No storage: this page's own toggle decides, available by default.
    }
  }
  toggle.checked = true;
  readStoredChoice();

  async function report() {
    readStoredChoice();
    try {
      const status = await api('/api/staff/presence', { method: 'POST', json: { available: toggle.checked } });
      const count = status && typeof status.available === 'number' ? status.available : 0;
      const colleagues = `${count} ${count === 1 ? 'collega' : 'collega\u2019s'} beschikbaar`;
      team.textContent = status && status.officeHours ? colleagues : `${colleagues} · buiten kantooruren`;
      team.dataset.officeHours = String(Boolean(status && status.officeHours));
    } catch {
      team.textContent = 'Beschikbaarheid onbekend';
    }
  }

  toggle.addEventListener('change', () => {
    try {
      localStorage.setItem(AWAY_KEY, toggle.checked ? '0' : '1');
    } catch {
      // Remembered for this page only.
    }
    report();
  });
  // Another staff page changed the choice: follow it at once rather than at the next report.
  window.addEventListener('storage', (event) => {
    if (event.key === AWAY_KEY) {
      report();
    }
  });
  report();
  setInterval(report, PRESENCE_EVERY_MS);
}

// ---------------------------------------------------------------- notifications

let audio = null;

/**
 * A button that asks the browser's permission for desktop notifications; once given, {@link notify} shows
 * one with a short sound. The sound needs the click on this button too: browsers allow audio only after one.
 */
export function notificationButton() {
  const user = document.querySelector('.user');
  if (!user || !('Notification' in window)) {
    return;
  }
  const button = create('button', 'header-button', 'Meldingen aanzetten');
  button.type = 'button';
  button.id = 'notifications';
  button.hidden = Notification.permission === 'granted' || Notification.permission === 'denied';
  button.addEventListener('click', async () => {
    audio = audio || new AudioContext();
    const permission = await Notification.requestPermission();
    button.hidden = permission !== 'default';
    if (permission === 'denied') {
      showNotice('Je browser staat geen meldingen toe voor deze site. Je kunt dat in de instellingen van de browser wijzigen.', 'info');
    }
  });
  document.addEventListener('click', () => {
    audio = audio || new AudioContext();
  }, { once: true });
  user.prepend(button);
}

/** A desktop notification and a short tone, if the staff member allowed them. */
export function notify(title, body, href) {
  if (audio) {
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.frequency.value = 880;
    gain.gain.setValueAtTime(0.15, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.4);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start();
    oscillator.stop(audio.currentTime + 0.4);
  }
  if ('Notification' in window && Notification.permission === 'granted') {
    const notification = new Notification(title, { body, tag: href });
    notification.addEventListener('click', () => {
      window.focus();
      location.assign(href);
    });
  }
}
