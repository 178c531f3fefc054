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
export function liveEvents({ onConversation, onState, onReconnected }) {
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

/** Fills in the staff member's name and wires the logout button; resolves to GET /api/staff/me. */
export async function initHeader() {
  const logout = document.getElementById('logout');
  logout.addEventListener('click', logOut);
  const me = await api('/api/staff/me');
  const name = document.getElementById('staff-name');
  name.textContent = text(me && me.name) || text(me && me.username);
  name.hidden = false;
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

export const STATUS = {
  BOT: 'Bot',
  WAITING: 'Wacht op medewerker',
  TAKEN_OVER: 'Overgenomen',
  CLOSED: 'Gesloten',
};

export const ROUTES = {
  jeugd: 'Jeugd',
  schoolonderwijs: 'Schoolonderwijs (po/vo)',
  mbo: 'Mbo',
  hoger_onderwijs: 'Hoger onderwijs',
  volwasseneneducatie: 'Volwasseneneducatie',
  onderwijs: 'Onderwijs, sector onbekend',
  none: 'Geen route',
};

export const CATEGORIES = {
  necessary: 'Noodzakelijk',
  analytics: 'Analytisch',
  social: 'Social media',
};

export const METHODS = {
  ACCEPT_ALL: 'Alles geaccepteerd',
  NECESSARY_ONLY: 'Alleen noodzakelijk',
  CUSTOM: 'Eigen keuze',
};

export const STATES = {
  OPEN: 'open',
  ASK_IMPACT: 'vraagt naar impact',
  ASK_SECTOR: 'vraagt naar sector',
  CLARIFY: 'vraagt om verduidelijking',
  ASK_CONSORTIUM: 'vraagt naar consortium',
  HANDOFF: 'doorverwezen naar medewerker',
  CLOSED: 'gesloten',
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
