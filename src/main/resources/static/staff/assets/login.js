// The helpdesk login. The form posts with fetch so the CSRF token can travel as a header, read from the
// XSRF-TOKEN cookie; Spring Security answers with a redirect that tells how it went.

import { csrfToken } from './staff.js';

const MESSAGES = {
  // Locked first: a locked account may come back with both.
  locked: ['error', 'Je account is tijdelijk geblokkeerd na te veel mislukte pogingen. Wacht even en probeer het later opnieuw.'],
  error: ['error', 'Gebruikersnaam of wachtwoord klopt niet. Probeer het opnieuw.'],
  logout: ['info', 'Je bent uitgelogd. Tot de volgende keer!'],
  expired: ['info', 'Je sessie is verlopen. Log opnieuw in om verder te gaan.'],
};

const form = document.getElementById('login-form');
const username = document.getElementById('username');
const password = document.getElementById('password');
const button = document.getElementById('login-button');
const message = document.getElementById('login-message');
const csrfField = document.getElementById('csrf');

function show(key, custom) {
  const [kind, text] = MESSAGES[key] || ['error', custom];
  message.className = `login-message login-message--${kind}`;
  message.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  message.textContent = custom || text;
  message.hidden = false;
}

function fromQuery(search) {
  const params = new URLSearchParams(search);
  return Object.keys(MESSAGES).find((key) => params.has(key)) || null;
}

/** Only a page of the helpdesk itself is a place to go after logging in. */
function target(url) {
  try {
    const parsed = new URL(url, location.href);
    if (parsed.origin === location.origin && parsed.pathname.startsWith('/staff')
        && !parsed.pathname.startsWith('/staff/login') && !parsed.pathname.startsWith('/staff/assets')) {
      return parsed.pathname + parsed.search;
    }
  } catch {
    // Not a URL: go to the inbox.
  }
  return '/staff';
}

async function post() {
  const send = () => {
    const token = csrfToken();
    csrfField.value = token;
    const headers = { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html' };
    if (token) {
      headers['X-XSRF-TOKEN'] = token;
    }
    const body = new URLSearchParams({ username: username.value, password: password.value });
    return fetch(form.action, { method: 'POST', headers, body, credentials: 'same-origin', redirect: 'follow' });
  };
  const before = csrfToken();
  let response = await send();
  // Without a CSRF cookie yet, the first attempt is refused but brings one: try once more with it.
  if (response.status === 403 && csrfToken() && csrfToken() !== before) {
    response = await send();
  }
  return response;
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (!username.value.trim() || !password.value) {
    show(null, 'Vul je gebruikersnaam en je wachtwoord in.');
    (username.value.trim() ? password : username).focus();
    return;
  }
  button.disabled = true;
  button.textContent = 'Bezig met inloggen…';
  try {
    const response = await post();
    const outcome = new URL(response.url || location.href, location.href);
    const key = outcome.pathname.startsWith('/staff/login') ? fromQuery(outcome.search) : null;
    if (key === 'error' || key === 'locked') {
      show(key);
      history.replaceState(null, '', `/staff/login?${key}`);
      password.value = '';
      password.focus();
    } else if (response.ok && !outcome.pathname.startsWith('/staff/login')) {
      location.assign(target(response.url));
      return;
    } else if (response.status === 403) {
      show(null, 'Inloggen lukte niet: de beveiligingscode van deze pagina is verlopen. Laad de pagina opnieuw en probeer het nog eens.');
    } else {
      show(null, 'Inloggen lukte niet. Probeer het zo nog eens.');
    }
  } catch {
    show(null, 'De server is niet bereikbaar. Controleer je verbinding en probeer het opnieuw.');
  }
  button.disabled = false;
  button.textContent = 'Inloggen';
});

const initial = fromQuery(location.search);
if (initial) {
  show(initial);
}
username.focus();
