// Wegwijzer visitor chat. Plain module, no dependencies.
// Everything the server sends is inserted as text (textContent), never as HTML.

const TOKEN_KEY = 'wegwijzer.resumeToken';
const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 15000;
// A reply normally takes well under a second; after this the dots would only mislead.
const TYPING_TIMEOUT_MS = 30000;
// Staff typing comes at most every two seconds while they type (docs/protocol.md): a few seconds without one means they stopped.
const AGENT_TYPING_TIMEOUT_MS = 5000;
const INFO_NOTICE_MS = 5000;
const TYPING_EVERY_MS = 3000;

const el = {
  loading: byId('loading'),
  notices: byId('notice-region'),
  consent: byId('consent'),
  consentTitle: byId('consent-title'),
  consentText: byId('consent-text'),
  consentForm: byId('consent-form'),
  categories: byId('categories'),
  acceptAll: byId('accept-all'),
  necessaryOnly: byId('necessary-only'),
  consentClose: byId('consent-close'),
  cookieSettings: byId('cookie-settings'),
  chat: byId('chat'),
  scroller: byId('scroller'),
  messages: byId('messages'),
  typing: byId('typing'),
  composer: byId('composer'),
  input: byId('input'),
};

const state = {
  socket: null,
  /** True once the server confirmed a session (after consent or resume). */
  inSession: false,
  /** The latest consent_request, kept in memory only, to reopen the cookie choice. */
  policy: null,
  /** The categories the server last confirmed in this page view, to pre-check the boxes. */
  choice: null,
  /** Categories sent and not yet confirmed by a `session` frame. */
  pendingChoice: null,
  /** Whether this page ever heard from the server, to word a failed connection right. */
  reached: false,
  /** After a staff member answered the bot is silent, so no typing dots for the bot. */
  agentAnswering: false,
  retries: 0,
  retryTimer: 0,
  typingTimer: 0,
  noticeTimer: 0,
  /**
   * The visitor's messages still waiting for the frame that answers them, oldest first, each with its bubble
   * and text. The server answers every message in order with one `bot` reply or one `error`; a message sent
   * while staff answer gets no reply, so it is not kept here and is never marked as not sent.
   */
  pending: [],
  /** When this page last told the server the visitor is typing; at most one frame per TYPING_EVERY_MS. */
  typingSentAt: 0,
  unloading: false,
};

function byId(id) {
  return document.getElementById(id);
}

// ---------------------------------------------------------------- resume token

// sessionStorage only: it ends with the tab and holds nothing but the strictly necessary token.
function readToken() {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

function writeToken(token) {
  try {
    sessionStorage.setItem(TOKEN_KEY, token);
  } catch {
    // Storage blocked: the chat works, it just cannot survive a reload.
  }
}

function forgetToken() {
  try {
    sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // Nothing stored, nothing to forget.
  }
}

// ---------------------------------------------------------------- connection

function socketUrl() {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/ws/chat`;
}

function connect() {
  clearTimeout(state.retryTimer);
  state.retryTimer = 0;
  const socket = new WebSocket(socketUrl());
  state.socket = socket;
  // Answers come over the socket a message went out on; what the old one still owed never arrives.
  state.pending = [];
  socket.addEventListener('open', () => {
    if (socket !== state.socket) {
      return;
    }
    const token = readToken();
    if (token) {
      send({ type: 'resume', resumeToken: token });
    }
  });
  socket.addEventListener('message', (event) => {
    if (socket === state.socket) {
      receive(event.data);
    }
  });
  socket.addEventListener('close', (event) => {
    if (socket === state.socket) {
      dropped(event);
    }
  });
}

function isOpen() {
  return state.socket !== null && state.socket.readyState === WebSocket.OPEN;
}

function send(frame) {
  if (!isOpen()) {
    return false;
  }
  state.socket.send(JSON.stringify(frame));
  return true;
}

function dropped(event) {
  state.socket = null;
  state.inSession = false;
  hideTyping();
  if (state.unloading) {
    return;
  }
  if (state.pendingChoice) {
    state.pendingChoice = null;
    setConsentBusy(false);
  }
  // The server closes normally, with a reason, when the conversation moved to another tab or window.
  // Reconnecting on our own would take it back and start a tug of war, so the visitor decides.
  if (event.code === 1000 && event.reason) {
    showNotice(event.reason, 'connection', { label: 'Hier verdergaan', run: reconnectNow });
    return;
  }
  const delay = Math.min(FIRST_RETRY_MS * 2 ** state.retries, MAX_RETRY_MS);
  state.retries += 1;
  const seconds = Math.round(delay / 1000);
  const problem = state.reached ? 'De verbinding is verbroken.' : 'Ik kan de chat op dit moment niet bereiken.';
  showNotice(
    `${problem} Ik probeer het over ${seconds} ${seconds === 1 ? 'seconde' : 'seconden'} opnieuw.`,
    'connection',
    { label: 'Nu opnieuw verbinden', run: reconnectNow },
  );
  state.retryTimer = setTimeout(connect, delay);
}

function reconnectNow() {
  clearNotice();
  if (state.socket === null) {
    connect();
  }
}

// ---------------------------------------------------------------- frames from the server

function receive(data) {
  let frame;
  try {
    frame = JSON.parse(data);
  } catch {
    return;
  }
  if (frame === null || typeof frame !== 'object') {
    return;
  }
  state.reached = true;
  switch (frame.type) {
    case 'consent_request':
      onConsentRequest(frame);
      break;
    case 'session':
      onSession(frame);
      break;
    case 'bot':
      onBot(frame);
      break;
    case 'agent':
      onAgent(frame);
      break;
    case 'typing':
      onTyping(frame);
      break;
    case 'closed':
      onClosed(frame);
      break;
    case 'error':
      onError(frame);
      break;
    default:
      // Unknown frames are ignored so the server can add new ones safely.
      break;
  }
}

function onConsentRequest(frame) {
  state.retries = 0;
  state.inSession = false;
  state.policy = frame;
  clearNotice('connection');
  renderConsent(frame, state.choice);
  openConsent('first');
}

function onSession(frame) {
  state.retries = 0;
  state.inSession = true;
  clearNotice('connection');
  if (typeof frame.resumeToken === 'string' && frame.resumeToken) {
    writeToken(frame.resumeToken);
  }
  if (frame.consent && typeof frame.consent === 'object') {
    // A resumed session brings the policy and the visitor's current choice along.
    state.policy = frame.consent;
    state.choice = Array.isArray(frame.consent.granted) ? frame.consent.granted : state.choice;
  }
  if (Array.isArray(frame.history)) {
    renderHistory(frame.history);
  } else if (frame.resumeToken) {
    // A fresh token without history is a new conversation; earlier bubbles belong to an old one.
    clearMessages();
    state.agentAnswering = false;
  }
  const changed = state.pendingChoice !== null;
  if (changed) {
    state.choice = state.pendingChoice;
    state.pendingChoice = null;
    setConsentBusy(false);
  }
  if (changed || consentMode() === 'first') {
    const wasChange = changed && !frame.resumeToken;
    if (wasChange) {
      // Before the chat reappears, so it scrolls to the end with the notice already taking its space.
      showNotice('Je cookie-instellingen zijn opgeslagen.', 'info');
    }
    closeConsent(wasChange ? el.cookieSettings : el.input);
  }
  if (consentMode() === null) {
    showChat();
  }
}

function onBot(frame) {
  hideTyping();
  // A bot frame of its own accord (word that nobody came) takes a waiting message off early: that one is
  // then not marked, rather than a message that did arrive.
  state.pending.shift();
  clearNotice('error');
  removeQuickReplies();
  state.agentAnswering = false;
  addBubble('bot', text(frame.text));
  offerQuickReplies(frame);
  scrollToEnd();
}

function offerQuickReplies(frame) {
  const replies = Array.isArray(frame.quickReplies) ? frame.quickReplies.filter((r) => typeof r === 'string' && r) : [];
  if (replies.length > 0) {
    addQuickReplies(replies);
  }
}

function onAgent(frame) {
  hideTyping();
  clearNotice('error');
  removeQuickReplies();
  state.agentAnswering = true;
  // From here the bot is silent: messages still waiting may never get a reply, so none of them is marked later.
  state.pending = [];
  addBubble('agent', text(frame.text), staffLabel(frame));
  scrollToEnd();
}

/** A staff member is typing: the dots, with their name for screen readers and on hover. */
function onTyping(frame) {
  el.typing.querySelector('.sr-only').textContent = `${staffLabel(frame)} typt…`;
  showTyping(AGENT_TYPING_TIMEOUT_MS);
}

/** Staff closed the conversation: say so, and offer a fresh one. */
function onClosed(frame) {
  hideTyping();
  removeQuickReplies();
  state.agentAnswering = false;
  showNotice(text(frame.text), 'closed', {
    label: 'Nieuw gesprek beginnen',
    run: newConversation,
  });
}

function newConversation() {
  forgetToken();
  clearMessages();
  clearNotice();
  const socket = state.socket;
  state.socket = null;
  state.inSession = false;
  if (socket) {
    socket.close(1000);
  }
  connect();
}

/** The visitor's last message did not reach the bot: mark it, with a way to send it again. */
function markNotSent(sent) {
  if (!sent || !sent.bubble.isConnected || sent.bubble.classList.contains('is-failed')) {
    return;
  }
  sent.bubble.classList.add('is-failed');
  const status = document.createElement('p');
  status.className = 'bubble__failed';
  status.textContent = 'Niet verstuurd. ';
  const retry = document.createElement('button');
  retry.type = 'button';
  retry.className = 'bubble__retry';
  retry.textContent = 'Opnieuw versturen';
  retry.addEventListener('click', () => {
    if (sendMessage(sent.message)) {
      sent.bubble.remove();
    }
  });
  status.append(retry);
  sent.bubble.append(status);
}

function onError(frame) {
  hideTyping();
  // Every error but a failed resume answers one frame; a refused cookie choice answers the consent frame.
  const answersMessage = frame.code !== 'resume_failed' && !(state.pendingChoice && frame.code === 'bad_request');
  const answered = answersMessage ? state.pending.shift() : undefined;
  if (frame.code === 'rate_limited') {
    markNotSent(answered);
  }
  if (state.pendingChoice) {
    // The choice was refused; let the visitor try again.
    state.pendingChoice = null;
    setConsentBusy(false);
  }
  if (frame.code === 'resume_failed') {
    // The server follows with a consent_request; the old token is of no further use.
    forgetToken();
    state.inSession = false;
  }
  showNotice(text(frame.message) || 'Er ging iets mis. Probeer het nog eens.', 'error');
}

function text(value) {
  return typeof value === 'string' ? value : '';
}

/** How the server names a staff member ("Anna van de helpdesk"), from an agent or typing frame or history item. */
function staffLabel(frame) {
  return text(frame.label) || text(frame.name);
}

// ---------------------------------------------------------------- messages

function addBubble(from, body, label) {
  const bubble = document.createElement('div');
  bubble.className = `bubble ${from}`;
  const who = document.createElement('span');
  if (from === 'agent') {
    who.className = 'bubble__name';
    who.textContent = label;
  } else {
    who.className = 'sr-only';
    who.textContent = from === 'visitor' ? 'Jij: ' : 'Wegwijzer: ';
  }
  const paragraph = document.createElement('p');
  paragraph.className = 'bubble__text';
  paragraph.textContent = body;
  bubble.append(who, paragraph);
  el.messages.append(bubble);
  return bubble;
}

function addQuickReplies(replies) {
  const group = document.createElement('div');
  group.className = 'quick-replies';
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', 'Suggesties');
  for (const reply of replies) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'quick-reply';
    button.textContent = reply;
    button.addEventListener('click', () => {
      if (sendMessage(reply)) {
        el.input.focus();
      }
    });
    group.append(button);
  }
  el.messages.append(group);
}

function removeQuickReplies() {
  for (const group of el.messages.querySelectorAll('.quick-replies')) {
    group.remove();
  }
}

function clearMessages() {
  el.messages.replaceChildren();
  hideTyping();
}

function renderHistory(history) {
  // Rebuilt in one go so a screen reader does not read out the whole conversation again.
  el.messages.setAttribute('aria-busy', 'true');
  clearMessages();
  let last = null;
  for (const item of history) {
    if (item === null || typeof item !== 'object') {
      continue;
    }
    const from = item.from === 'visitor' || item.from === 'agent' ? item.from : 'bot';
    addBubble(from, text(item.text), from === 'agent' ? staffLabel(item) : '');
    if (from !== 'visitor') {
      state.agentAnswering = from === 'agent';
    }
    last = { from, item };
  }
  if (last !== null && last.from === 'bot') {
    // The buttons of the last reply still apply: it is the question the visitor has not answered yet.
    offerQuickReplies(last.item);
  }
  el.messages.removeAttribute('aria-busy');
  scrollToEnd(true);
}

function scrollToEnd(instant) {
  const reduce = instant || window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  el.scroller.scrollTo({ top: el.scroller.scrollHeight, behavior: reduce ? 'auto' : 'smooth' });
}

function sendMessage(raw) {
  const message = raw.trim();
  if (!message) {
    return false;
  }
  if (!state.inSession || !send({ type: 'message', text: message })) {
    // Offer the reconnect as well, or the notice would hide the one that did.
    const action = state.socket === null ? { label: 'Opnieuw verbinden', run: reconnectNow } : undefined;
    showNotice('Je bericht is niet verstuurd: er is op dit moment geen verbinding. Probeer het zo nog eens.', 'error',
      action);
    return false;
  }
  clearNotice('error');
  removeQuickReplies();
  const bubble = addBubble('visitor', message);
  if (!state.agentAnswering) {
    state.pending.push({ bubble, message });
    showTyping();
  }
  scrollToEnd();
  return true;
}

function showTyping(timeout = TYPING_TIMEOUT_MS) {
  el.typing.hidden = false;
  clearTimeout(state.typingTimer);
  state.typingTimer = setTimeout(hideTyping, timeout);
}

function hideTyping() {
  clearTimeout(state.typingTimer);
  el.typing.hidden = true;
  el.typing.querySelector('.sr-only').textContent = 'Wegwijzer is een antwoord aan het schrijven…';
}

/** Tells a staff member in the chat that the visitor is typing; the server drops frames that come too often. */
function typing() {
  if (!state.agentAnswering || !state.inSession || Date.now() - state.typingSentAt < TYPING_EVERY_MS) {
    return;
  }
  state.typingSentAt = Date.now();
  send({ type: 'typing' });
}

// ---------------------------------------------------------------- notices

/** kind: 'error' (cleared by the next answer), 'connection' (cleared when connected) or 'info' (fades). */
function showNotice(message, kind, action) {
  clearTimeout(state.noticeTimer);
  const notice = document.createElement('div');
  notice.className = `notice notice--${kind}`;
  notice.dataset.kind = kind;
  const paragraph = document.createElement('p');
  paragraph.className = 'notice__text';
  paragraph.textContent = message;
  notice.append(paragraph);
  if (action) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'notice__action';
    button.textContent = action.label;
    button.addEventListener('click', action.run);
    notice.append(button);
  }
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'notice__close';
  close.setAttribute('aria-label', 'Melding sluiten');
  close.textContent = '×';
  close.addEventListener('click', () => {
    const focusBack = notice.contains(document.activeElement);
    clearNotice();
    if (focusBack) {
      focusMain();
    }
  });
  notice.append(close);
  el.notices.replaceChildren(notice);
  if (kind === 'info') {
    state.noticeTimer = setTimeout(() => clearNotice('info'), INFO_NOTICE_MS);
  }
}

function clearNotice(kind) {
  const current = el.notices.firstElementChild;
  if (current && (!kind || current.dataset.kind === kind)) {
    el.notices.replaceChildren();
  }
}

function focusMain() {
  if (consentMode() !== null) {
    el.consentTitle.focus();
  } else if (!el.chat.hidden) {
    el.input.focus();
  }
}

// ---------------------------------------------------------------- cookie choice

function renderConsent(policy, checked) {
  el.consentText.textContent = text(policy.text);
  const categories = Array.isArray(policy.categories) ? policy.categories : [];
  el.categories.replaceChildren(...categories.map((category, index) => {
    const id = `category-${index}`;
    const item = document.createElement('li');
    item.className = 'category';
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.id = id;
    box.value = text(category.id);
    box.setAttribute('aria-describedby', `${id}-description`);
    if (category.required) {
      box.checked = true;
      box.disabled = true;
      box.dataset.required = 'true';
    } else {
      box.checked = Array.isArray(checked) && checked.includes(category.id);
    }
    const label = document.createElement('label');
    label.className = 'category__label';
    label.htmlFor = id;
    label.textContent = text(category.label) || text(category.id);
    if (category.required) {
      const always = document.createElement('span');
      always.className = 'category__always';
      always.textContent = 'altijd aan';
      label.append(' ', always);
    }
    const description = document.createElement('p');
    description.className = 'category__description';
    description.id = `${id}-description`;
    description.textContent = text(category.description);
    item.append(box, label, description);
    return item;
  }));
}

function boxes() {
  return [...el.categories.querySelectorAll('input[type="checkbox"]')];
}

function choose(which) {
  const all = boxes();
  if (which === 'all') {
    all.forEach((box) => { box.checked = true; });
  } else if (which === 'necessary') {
    all.forEach((box) => { box.checked = box.dataset.required === 'true'; });
  }
  const categories = all.filter((box) => box.checked).map((box) => box.value);
  if (!categories.includes('necessary')) {
    categories.unshift('necessary');
  }
  // The server records the choice only for the policy version it was made on.
  const policyVersion = state.policy ? state.policy.policyVersion : null;
  if (!send({ type: 'consent', policyVersion, categories })) {
    showNotice('Je keuze is niet opgeslagen: er is op dit moment geen verbinding. Probeer het zo nog eens.', 'error');
    return;
  }
  state.pendingChoice = categories;
  setConsentBusy(true);
}

function setConsentBusy(busy) {
  el.consentForm.setAttribute('aria-busy', String(busy));
  for (const button of el.consentForm.querySelectorAll('button')) {
    button.disabled = busy;
  }
}

/** 'first' before any session, 'change' when reopened from the header, null when closed. */
function consentMode() {
  return el.consent.hidden ? null : el.consent.dataset.mode;
}

function openConsent(mode) {
  el.consent.dataset.mode = mode;
  el.consentClose.hidden = mode !== 'change';
  el.loading.hidden = true;
  el.chat.hidden = true;
  el.consent.hidden = false;
  el.cookieSettings.setAttribute('aria-expanded', 'true');
  el.consentTitle.focus();
}

function closeConsent(focusTarget) {
  el.consent.hidden = true;
  el.cookieSettings.setAttribute('aria-expanded', 'false');
  showChat();
  if (focusTarget) {
    focusTarget.focus();
  }
}

function showChat() {
  el.loading.hidden = true;
  const wasHidden = el.chat.hidden;
  el.chat.hidden = false;
  if (wasHidden) {
    scrollToEnd(true);
  }
}

function reopenConsent() {
  if (consentMode() !== null) {
    el.consentTitle.focus();
    return;
  }
  if (!state.policy) {
    // Still connecting: the server asks for the cookie choice by itself.
    return;
  }
  renderConsent(state.policy, state.choice);
  openConsent(state.inSession ? 'change' : 'first');
}

// ---------------------------------------------------------------- wiring

el.composer.addEventListener('submit', (event) => {
  event.preventDefault();
  if (sendMessage(el.input.value)) {
    el.input.value = '';
  }
  el.input.focus();
});

el.input.addEventListener('input', typing);
el.acceptAll.addEventListener('click', () => choose('all'));
el.necessaryOnly.addEventListener('click', () => choose('necessary'));
el.consentForm.addEventListener('submit', (event) => {
  event.preventDefault();
  choose('custom');
});
el.consentClose.addEventListener('click', () => closeConsent(el.cookieSettings));
el.consent.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && consentMode() === 'change' && state.pendingChoice === null) {
    closeConsent(el.cookieSettings);
  }
});
el.cookieSettings.setAttribute('aria-expanded', 'false');
el.cookieSettings.addEventListener('click', reopenConsent);

window.addEventListener('pagehide', () => {
  state.unloading = true;
});
window.addEventListener('pageshow', (event) => {
  state.unloading = false;
  if (event.persisted && state.socket === null) {
    connect();
  }
});
window.addEventListener('online', () => {
  if (state.socket === null) {
    reconnectNow();
  }
});

connect();
