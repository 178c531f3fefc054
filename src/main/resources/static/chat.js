// Wegwijzer visitor chat. Plain module, no dependencies. The page at / and the widget (widget.js) both run it:
// in the widget this page sits in a frame on the host site, and talks to widget.js there by postMessage.
// Everything the server sends is inserted as text (textContent), never as HTML; bot answers may use a small
// markdown subset (links, bullet lists, bold), built into allow-listed elements by richText().

const TOKEN_KEY = 'wegwijzer.resumeToken';
const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 15000;
// A reply normally takes well under a second; after this the dots would only mislead.
const TYPING_TIMEOUT_MS = 30000;
// Staff typing comes at most every two seconds while they type (docs/protocol.md): a few seconds without one means they stopped.
const AGENT_TYPING_TIMEOUT_MS = 5000;
const INFO_NOTICE_MS = 5000;
const TYPING_EVERY_MS = 3000;
const BOT_NAME = 'Wegwijzer';

// Embedded by widget.js: the host site's origin, to which this frame talks (and only to it), else null.
const params = new URLSearchParams(location.search);
const host = window.parent !== window && params.has('embed') && /^https?:\/\/[^/\s]+$/.test(params.get('host') || '')
  ? params.get('host') : null;

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
  download: byId('download'),
  endChat: byId('end-chat'),
  eraseChat: byId('erase-chat'),
  closePanel: byId('close-panel'),
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
  /** In the widget: the resume token widget.js keeps for the host site, and whether the panel is open. */
  token: null,
  shown: host === null,
  /** The visitor ended the conversation: the composer waits for a new one. */
  ended: false,
};

function byId(id) {
  return document.getElementById(id);
}

// ---------------------------------------------------------------- resume token

// sessionStorage only: it ends with the tab and holds nothing but the strictly necessary token. In the widget
// the host site's widget.js keeps it, per host site: browsers may refuse storage to a frame from another site.
function readToken() {
  if (host) {
    return state.token;
  }
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

function writeToken(token) {
  if (host) {
    state.token = token;
    tellHost('token', { token });
    return;
  }
  try {
    sessionStorage.setItem(TOKEN_KEY, token);
  } catch {
    // Storage blocked: the chat works, it just cannot survive a reload.
  }
}

function forgetToken() {
  if (host) {
    state.token = null;
    tellHost('token', { token: null });
    return;
  }
  try {
    sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // Nothing stored, nothing to forget.
  }
}

// ---------------------------------------------------------------- the host page, in the widget

function tellHost(type, fields) {
  if (host) {
    window.parent.postMessage({ wegwijzer: type, ...fields }, host);
  }
}

function fromHost(event) {
  const data = event.data;
  if (event.source !== window.parent || event.origin !== host || data === null || typeof data !== 'object') {
    return;
  }
  if (data.wegwijzer === 'init' && state.socket === null && !state.reached) {
    state.token = typeof data.token === 'string' && data.token ? data.token : null;
    state.shown = data.shown === true;
    connect();
  } else if (data.wegwijzer === 'shown') {
    state.shown = data.shown === true;
    if (state.shown && data.focus) {
      focusMain();
    }
  }
}

/** Moves the focus, but never out of the host page while the widget's panel is closed. */
function focus(element) {
  if (state.shown) {
    element.focus();
  }
}

function tellConsent() {
  if (state.policy && Array.isArray(state.choice)) {
    tellHost('consent', { consent: { policyVersion: state.policy.policyVersion, categories: state.choice } });
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
    case 'rated':
      onRated(frame);
      break;
    case 'erased':
      onErased(frame);
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
  tellConsent();
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
  addBubble('bot', text(frame.text), { turnId: frame.turnId });
  offerQuickReplies(frame);
  scrollToEnd();
  tellHost('unread');
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
  addBubble('agent', text(frame.text), { label: staffLabel(frame) });
  scrollToEnd();
  tellHost('unread');
}

/** A staff member is typing: the dots, with their name for screen readers and on hover. */
function onTyping(frame) {
  el.typing.querySelector('.sr-only').textContent = `${staffLabel(frame)} typt…`;
  showTyping(AGENT_TYPING_TIMEOUT_MS);
}

/** Staff or the visitor closed the conversation: say so, and offer a fresh one. */
function onClosed(frame) {
  hideTyping();
  removeQuickReplies();
  state.agentAnswering = false;
  if (frame.reason === 'ended') {
    // The visitor ended it: it stays readable and downloadable here, but is not continued.
    forgetToken();
    setEnded(true);
  }
  showNotice(text(frame.text), 'closed', {
    label: 'Nieuw gesprek beginnen',
    run: newConversation,
  });
}

function newConversation() {
  forgetToken();
  clearMessages();
  clearNotice();
  setEnded(false);
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
  if (!sent || !sent.bubble || !sent.bubble.isConnected || sent.bubble.classList.contains('is-failed')) {
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

/**
 * A message bubble: who (the bot with its avatar, or a staff member by name), when, and the text. Bot
 * answers are rich text and, with a turnId, can be rated.
 */
function addBubble(from, body, { label = '', at = new Date(), turnId, rating } = {}) {
  const bubble = document.createElement('div');
  bubble.className = `bubble ${from}`;
  const meta = document.createElement('p');
  meta.className = 'bubble__meta';
  if (from === 'bot') {
    const avatar = document.createElement('img');
    avatar.className = 'bubble__avatar';
    avatar.src = 'favicon.svg';
    avatar.alt = '';
    meta.append(avatar);
  }
  const who = document.createElement('span');
  who.className = from === 'visitor' ? 'sr-only' : 'bubble__name';
  who.textContent = from === 'visitor' ? 'Jij' : from === 'agent' ? label : BOT_NAME;
  const time = document.createElement('time');
  time.className = 'bubble__time';
  time.dateTime = at.toISOString();
  time.textContent = at.toLocaleTimeString('nl-NL', { hour: '2-digit', minute: '2-digit' });
  meta.append(who, ' ', time);
  const content = document.createElement('div');
  content.className = 'bubble__text';
  if (from === 'bot') {
    content.append(...richText(body));
  } else {
    const paragraph = document.createElement('p');
    paragraph.textContent = body;
    content.append(paragraph);
  }
  bubble.append(meta, content);
  if (from === 'bot' && Number.isSafeInteger(turnId)) {
    bubble.append(ratingButtons(turnId, rating));
  }
  el.messages.append(bubble);
  return bubble;
}

// ---------------------------------------------------------------- rich answers

/**
 * The markdown subset of the answers in intents/ as DOM nodes: paragraphs (blank lines), line breaks,
 * bullet lists ("- ", "* " or "• "), **bold** and [links](https://…). Only p, br, ul, li, strong and a are
 * made, all text goes in as text, and a link is made only for an https address, opening in a new tab.
 */
function richText(source) {
  const blocks = [];
  for (const chunk of source.split(/\n\s*\n/)) {
    let paragraph = null;
    let list = null;
    for (const line of chunk.split('\n')) {
      const item = /^\s*[-*•]\s+(.*)$/.exec(line);
      if (item) {
        paragraph = null;
        if (list === null) {
          list = document.createElement('ul');
          blocks.push(list);
        }
        const li = document.createElement('li');
        li.append(...inline(item[1]));
        list.append(li);
      } else if (line.trim()) {
        list = null;
        if (paragraph === null) {
          paragraph = document.createElement('p');
          blocks.push(paragraph);
        } else {
          paragraph.append(document.createElement('br'));
        }
        paragraph.append(...inline(line.trim()));
      }
    }
  }
  return blocks;
}

function inline(line) {
  const nodes = [];
  const pattern = /\*\*([^*]+)\*\*|\[([^\]]+)\]\(([^)\s]+)\)/g;
  let last = 0;
  for (let match = pattern.exec(line); match !== null; match = pattern.exec(line)) {
    nodes.push(document.createTextNode(line.slice(last, match.index)));
    if (match[1] !== undefined) {
      const strong = document.createElement('strong');
      strong.textContent = match[1];
      nodes.push(strong);
    } else {
      nodes.push(link(match[2], match[3]));
    }
    last = pattern.lastIndex;
  }
  nodes.push(document.createTextNode(line.slice(last)));
  return nodes;
}

function link(label, address) {
  let url;
  try {
    url = new URL(address);
  } catch {
    url = null;
  }
  if (url === null || url.protocol !== 'https:') {
    return document.createTextNode(label);
  }
  const a = document.createElement('a');
  a.href = url.href;
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  a.textContent = label;
  const note = document.createElement('span');
  note.className = 'sr-only';
  note.textContent = ' (opent in een nieuw tabblad)';
  a.append(note);
  return a;
}

// ---------------------------------------------------------------- rating answers

function ratingButtons(turnId, rating) {
  const group = document.createElement('div');
  group.className = 'rating';
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', 'Had je iets aan dit antwoord?');
  group.dataset.turnId = String(turnId);
  for (const [value, label, icon] of [['up', 'Ja, nuttig', '👍'], ['down', 'Nee, niet nuttig', '👎']]) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'rating__button';
    button.dataset.rating = value;
    button.setAttribute('aria-label', label);
    button.setAttribute('aria-pressed', String(rating === value));
    button.title = label;
    button.textContent = icon;
    button.addEventListener('click', () => rate(turnId, value));
    group.append(button);
  }
  return group;
}

function rate(turnId, rating) {
  if (!state.inSession || !send({ type: 'rate', turnId, rating })) {
    showNotice('Je beoordeling is niet verstuurd: er is op dit moment geen verbinding. Probeer het zo nog eens.', 'error');
    return;
  }
  // Answered in order like a message: by `rated`, or by an error.
  state.pending.push({ rating: true });
}

function onRated(frame) {
  state.pending.shift();
  const group = el.messages.querySelector(`.rating[data-turn-id="${Number(frame.turnId)}"]`);
  if (group) {
    for (const button of group.querySelectorAll('button')) {
      button.setAttribute('aria-pressed', String(button.dataset.rating === frame.rating));
    }
    showNotice('Bedankt voor je beoordeling.', 'info');
  }
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
    const at = new Date(text(item.at));
    addBubble(from, text(item.text), {
      label: from === 'agent' ? staffLabel(item) : '',
      at: Number.isNaN(at.getTime()) ? new Date() : at,
      turnId: item.turnId,
      rating: item.rating,
    });
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
    focus(el.consentTitle);
  } else if (!el.chat.hidden) {
    focus(el.input);
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
  el.download.hidden = true;
  el.endChat.hidden = true;
  el.eraseChat.hidden = true;
  el.cookieSettings.setAttribute('aria-expanded', 'true');
  focus(el.consentTitle);
}

function closeConsent(focusTarget) {
  el.consent.hidden = true;
  el.cookieSettings.setAttribute('aria-expanded', 'false');
  showChat();
  if (focusTarget) {
    focus(focusTarget);
  }
}

function showChat() {
  el.loading.hidden = true;
  const wasHidden = el.chat.hidden;
  el.chat.hidden = false;
  el.download.hidden = false;
  el.endChat.hidden = false;
  el.eraseChat.hidden = false;
  if (wasHidden) {
    scrollToEnd(true);
  }
}

function reopenConsent() {
  if (consentMode() !== null) {
    focus(el.consentTitle);
    return;
  }
  if (!state.policy) {
    // Still connecting: the server asks for the cookie choice by itself.
    return;
  }
  renderConsent(state.policy, state.choice);
  openConsent(state.inSession ? 'change' : 'first');
}

// ---------------------------------------------------------------- ending and keeping the conversation

function endConversation() {
  if (!state.inSession || state.ended) {
    return;
  }
  if (!send({ type: 'end' })) {
    showNotice('Het gesprek is niet beëindigd: er is op dit moment geen verbinding. Probeer het zo nog eens.', 'error');
  }
}

function eraseConversation() {
  if (!state.inSession) {
    return;
  }
  if (!confirm('Je gesprek wissen? Wat je schreef en de antwoorden worden meteen verwijderd, ook bij de helpdesk. '
    + 'Dit kan niet ongedaan worden gemaakt.')) {
    return;
  }
  if (!send({ type: 'erase' })) {
    showNotice('Het gesprek is niet gewist: er is op dit moment geen verbinding. Probeer het zo nog eens.', 'error');
  }
}

/** The conversation is erased, by the visitor or by the helpdesk: nothing of it stays here either. */
function onErased(frame) {
  // The server closes the connection next: that is no dropped connection to recover from.
  const socket = state.socket;
  state.socket = null;
  state.inSession = false;
  forgetToken();
  clearMessages();
  setEnded(true);
  el.download.hidden = true;
  el.eraseChat.hidden = true;
  showNotice(text(frame.text), 'closed', {
    label: 'Nieuw gesprek beginnen',
    run: newConversation,
  });
  if (socket) {
    socket.close(1000);
  }
}

/** After the visitor ended the conversation nothing more can be sent in it, until a new one. */
function setEnded(ended) {
  state.ended = ended;
  el.input.disabled = ended;
  el.composer.querySelector('button').disabled = ended;
  el.endChat.disabled = ended;
}

/** The conversation as a text file: each message with its time and who wrote it. */
function downloadTranscript() {
  const lines = [`Gesprek met ${BOT_NAME}, ${new Date().toLocaleDateString('nl-NL')}`, ''];
  for (const bubble of el.messages.querySelectorAll('.bubble')) {
    const time = bubble.querySelector('.bubble__time').textContent;
    const who = bubble.classList.contains('visitor') ? 'Jij' : bubble.querySelector('.bubble__name').textContent;
    const body = bubble.querySelector('.bubble__text');
    const paragraphs = [...body.children].map((block) => (block.tagName === 'UL'
      ? [...block.children].map((item) => `- ${plain(item)}`).join('\n')
      : plain(block)));
    lines.push(`[${time}] ${who}:`, ...paragraphs, '');
  }
  const file = new Blob([lines.join('\n')], { type: 'text/plain;charset=utf-8' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(file);
  link.download = `wegwijzer-gesprek-${new Date().toISOString().slice(0, 10)}.txt`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 0);
}

/** A block of a bubble as plain text, with each link's address after its text. */
function plain(block) {
  return [...block.childNodes].map((node) => {
    if (node.nodeName === 'BR') {
      return '\n';
    }
    if (node.nodeName === 'A') {
      return `${node.firstChild.textContent} (${node.href})`;
    }
    return node.textContent;
  }).join('');
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
    event.preventDefault();
    closeConsent(el.cookieSettings);
  }
});
el.download.addEventListener('click', downloadTranscript);
el.endChat.addEventListener('click', endConversation);
el.eraseChat.addEventListener('click', eraseConversation);
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

if (host) {
  // In the widget: the panel's header gets the site's title and colour, and Esc closes the panel.
  document.documentElement.classList.add('embedded');
  el.closePanel.hidden = false;
  el.closePanel.addEventListener('click', () => tellHost('close'));
  byId('title-name').textContent = (params.get('title') || BOT_NAME).slice(0, 60);
  for (const [name, value] of [['--panel', params.get('accent')], ['--on-panel', params.get('on')]]) {
    if (/^#[0-9a-f]{6}$/i.test(value || '')) {
      document.documentElement.style.setProperty(name, value);
    }
  }
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !event.defaultPrevented) {
      tellHost('close');
    }
  });
  window.addEventListener('message', fromHost);
  tellHost('ready');
} else {
  connect();
}
