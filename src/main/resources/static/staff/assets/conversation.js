// One conversation: the transcript with relabelling, taking over and handing back, the session's consent
// records, and retraining the model. Refreshed whenever the event stream reports a change to it.

import {
  api, browserName, categoryList, CLOSE_REASONS, create, initHeader, labelsReady, liveEvents, METHODS, number, percent,
  routeName, showLiveState, showNotice, startPresence, STATES, STATUS, text, timeElement,
} from './staff.js';

const NEAR_END_PX = 80;
const NEW_QUESTION = 'nieuwe_vraag';
// Bot replies below this stand out; the inbox flag itself comes from the server's own threshold.
const LOW_CONFIDENCE = 0.5;

const el = {
  conversation: document.getElementById('conversation'),
  title: document.getElementById('conversation-title'),
  statusBadge: document.getElementById('status-badge'),
  online: document.getElementById('online'),
  onlineText: document.getElementById('online-text'),
  release: document.getElementById('release'),
  transcript: document.getElementById('transcript'),
  turns: document.getElementById('turns'),
  noTurns: document.getElementById('no-turns'),
  composer: document.getElementById('composer'),
  hint: document.getElementById('composer-hint'),
  reply: document.getElementById('reply-text'),
  send: document.getElementById('reply-send'),
  details: document.getElementById('details'),
  consents: document.getElementById('consents'),
  noConsents: document.getElementById('no-consents'),
  exportConversation: document.getElementById('export-conversation'),
  erase: document.getElementById('erase'),
  retrain: document.getElementById('retrain'),
  retrainProgress: document.getElementById('retrain-progress'),
  retrainElapsed: document.getElementById('retrain-elapsed'),
  retrainResult: document.getElementById('retrain-result'),
  retrainVerdict: document.getElementById('retrain-verdict'),
  retrainMessage: document.getElementById('retrain-message'),
  retrainRows: document.getElementById('retrain-rows'),
  live: document.getElementById('live'),
  owner: document.getElementById('owner'),
  assign: document.getElementById('assign'),
  unassign: document.getElementById('unassign'),
  closeForm: document.getElementById('close-form'),
  closeReason: document.getElementById('close-reason'),
  reopen: document.getElementById('reopen'),
  emailCard: document.getElementById('email-card'),
  emailTo: document.getElementById('email-to'),
  mailOff: document.getElementById('mail-off'),
  emailForm: document.getElementById('email-form'),
  emailText: document.getElementById('email-text'),
  emailPreview: document.getElementById('email-preview'),
  emailSend: document.getElementById('email-send'),
  emailDraftBox: document.getElementById('email-draft-box'),
  emailDraft: document.getElementById('email-draft'),
  emailCopy: document.getElementById('email-copy'),
  noteForm: document.getElementById('note-form'),
  noteText: document.getElementById('note-text'),
  visitorTyping: document.getElementById('visitor-typing'),
  cannedQ: document.getElementById('canned-q'),
  cannedResults: document.getElementById('canned-results'),
};

const id = new URLSearchParams(location.search).get('id');
const state = {
  me: null,
  detail: null,
  /** name → label of every intent, for the relabel lists. */
  intents: [],
  /** Labels saved in this page view, by turn id, so a refresh keeps showing them. */
  saved: new Map(),
  loading: false,
  again: false,
  rendered: false,
};

// ---------------------------------------------------------------- loading

async function load() {
  if (state.loading) {
    // A change arrived while loading: fetch once more afterwards, not once per event.
    state.again = true;
    return;
  }
  state.loading = true;
  try {
    const detail = await api(`/api/staff/conversations/${encodeURIComponent(id)}`);
    const first = state.detail === undefined || state.detail === null;
    state.detail = detail;
    render(detail);
    if (first) {
      showLinkedTurn();
    }
  } catch (error) {
    if (error.status === 404) {
      gone('Dit gesprek bestaat niet (meer). Ga terug naar de inbox en kies een ander gesprek.');
    } else {
      showNotice(`Het gesprek kon niet worden geladen. ${error.message}`);
    }
  } finally {
    state.loading = false;
    if (state.again) {
      state.again = false;
      load();
    }
  }
}

function gone(message) {
  showNotice(message);
  el.conversation.hidden = true;
}

async function erase() {
  if (!confirm('Dit gesprek met alle berichten, notities en labels definitief wissen? Dit kan niet ongedaan worden gemaakt.')) {
    return;
  }
  el.erase.disabled = true;
  try {
    await api(`/api/staff/conversations/${encodeURIComponent(id)}`, { method: 'DELETE' });
    gone('Het gesprek is gewist. Ga terug naar de inbox.');
  } catch (error) {
    el.erase.disabled = false;
    showNotice(`Het gesprek kon niet worden gewist. ${error.message}`);
  }
}

async function loadIntents() {
  try {
    const list = await api('/api/staff/intents');
    state.intents = (Array.isArray(list) ? list : [])
      .filter((intent) => intent && typeof intent.name === 'string')
      .map((intent) => ({ name: intent.name, label: text(intent.label) || intent.name }));
  } catch (error) {
    showNotice(`De lijst met intents kon niet worden geladen; labelen lukt nu niet. ${error.message}`);
  }
}

// ---------------------------------------------------------------- rendering

function render(detail) {
  el.conversation.hidden = false;
  renderHead(detail);
  renderDetails(detail);
  renderTurns(Array.isArray(detail.transcript) ? detail.transcript : []);
  renderConsents(Array.isArray(detail.consents) ? detail.consents : []);
  renderComposer(detail);
  renderHandling(detail);
  if (!state.rendered) {
    // Announce what is said from now on, not the whole transcript on opening.
    requestAnimationFrame(() => el.turns.setAttribute('aria-live', 'polite'));
  }
  state.rendered = true;
}

function renderHead(summary) {
  const started = timeElement(summary.startedAt, { withYear: true });
  el.title.textContent = `Gesprek van ${started.textContent}`;
  document.title = `${STATUS[summary.status] || 'Gesprek'} — Gesprek — Wegwijzer helpdesk`;
  el.statusBadge.className = `badge badge--${text(summary.status) || 'BOT'}`;
  el.statusBadge.textContent = STATUS[summary.status] || text(summary.status);
  el.online.className = `online ${summary.online ? 'online--yes' : 'online--no'}`;
  el.onlineText.textContent = summary.online ? 'Bezoeker online' : 'Bezoeker offline';
  el.release.hidden = summary.status !== 'TAKEN_OVER';
}

function renderDetails(summary) {
  const rows = [
    ['Status', STATUS[summary.status] || text(summary.status)],
    ['Route', routeName(summary.route)],
    ['Medewerker', text(summary.assignee) || 'niemand'],
    ['Wacht sinds', summary.waitingSince ? timeElement(summary.waitingSince, { withYear: true }) : '—'],
    ['Eerste reactie', typeof summary.firstResponseSeconds === 'number' ? duration(summary.firstResponseSeconds) : '—'],
    ['E-mailadres', text(summary.email) || '—'],
    ['Afgesloten', summary.closeReason ? (CLOSE_REASONS[summary.closeReason] || summary.closeReason) : '—'],
    ['Laatste intent', summary.lastIntent
      ? `${summary.lastIntent} (${percent(summary.lastConfidence)})` : '—'],
    ['Let op', summary.flagged ? 'Ja: lage zekerheid, niet begrepen of wacht op een medewerker' : 'Nee'],
    ['Gestart', timeElement(summary.startedAt, { withYear: true })],
    ['Laatst actief', timeElement(summary.lastActiveAt, { withYear: true })],
    ['Beurten', number(summary.turns)],
    ['Sessie', text(summary.sessionId)],
  ];
  el.details.replaceChildren(...rows.flatMap(([term, value]) => {
    const dd = create('dd');
    dd.append(value);
    return [create('dt', null, term), dd];
  }));
}

function isNearEnd() {
  const box = el.transcript;
  return box.scrollHeight - box.scrollTop - box.clientHeight < NEAR_END_PX;
}

function scrollToEnd() {
  el.transcript.scrollTop = el.transcript.scrollHeight;
}

/**
 * Keeps the turns already on screen (and so the relabel lists being worked on, and focus) and only adds
 * or rebuilds what changed.
 */
function renderTurns(turns) {
  const followEnd = !state.rendered || isNearEnd();
  const existing = new Map([...el.turns.children].map((item) => [item.dataset.turnId, item]));
  let previous = null;
  for (const turn of turns) {
    const key = String(turn.id);
    const signature = JSON.stringify(turn);
    let item = existing.get(key);
    existing.delete(key);
    if (!item || item.dataset.signature !== signature) {
      const fresh = buildTurn(turn, signature);
      if (item) {
        const oldForm = item.querySelector('.relabel');
        const newForm = fresh.querySelector('.relabel');
        if (oldForm && newForm) {
          newForm.replaceWith(oldForm);
        }
        item.replaceWith(fresh);
      }
      item = fresh;
    }
    const wanted = previous ? previous.nextElementSibling : el.turns.firstElementChild;
    if (wanted !== item) {
      el.turns.insertBefore(item, wanted);
    }
    previous = item;
  }
  existing.forEach((item) => item.remove());
  el.noTurns.hidden = turns.length > 0;
  if (followEnd) {
    scrollToEnd();
  }
}

function buildTurn(turn, signature) {
  const item = create('li', 'turn');
  item.dataset.turnId = String(turn.id);
  item.id = `turn-${turn.id}`;
  item.dataset.signature = signature;
  item.dataset.author = text(turn.author);
  if (turn.visitorText) {
    item.append(message('visitor', 'Bezoeker', turn.visitorText, turn.receivedAt));
    item.append(relabelForm(turn));
  }
  if (turn.author === 'AGENT') {
    item.append(message('agent', `${text(turn.agentName) || 'Medewerker'} (helpdesk)`, text(turn.reply), turn.sentAt));
  } else if (turn.author === 'NOTE') {
    item.append(message('note', `Notitie van ${text(turn.agentName) || 'een medewerker'} · alleen voor medewerkers`,
      text(turn.reply), turn.sentAt));
  } else if (turn.author === 'EMAIL') {
    item.append(message('email', `E-mail van ${text(turn.agentName) || 'de helpdesk'} aan de bezoeker`,
      text(turn.reply), turn.sentAt));
  } else if (turn.author === 'BOT' && turn.reply) {
    const bot = message('bot', 'Wegwijzer', turn.reply, turn.sentAt);
    const facts = create('div', 'msg__facts');
    const low = turn.intent === 'fallback' || (typeof turn.confidence === 'number' && turn.confidence < LOW_CONFIDENCE);
    if (low) {
      bot.classList.add('is-low');
    }
    if (turn.intent) {
      facts.append(create('span', `fact${turn.intent === 'fallback' ? ' fact--warn' : ''}`, `intent: ${turn.intent}`));
    }
    if (typeof turn.confidence === 'number') {
      facts.append(create('span', `fact${low ? ' fact--warn' : ''}`, `zekerheid: ${percent(turn.confidence)}`));
    }
    if (turn.state) {
      facts.append(create('span', 'fact', `toestand: ${STATES[turn.state] || turn.state}`));
    }
    if (turn.rating === 'up' || turn.rating === 'down') {
      facts.append(create('span', `fact${turn.rating === 'down' ? ' fact--warn' : ''}`,
        `bezoeker: ${turn.rating === 'up' ? 'nuttig' : 'niet nuttig'}`));
    }
    if (facts.childElementCount > 0) {
      bot.append(facts);
    }
    item.append(bot);
  }
  return item;
}

/** A link from the statistics' low-rated answers (#turn-12) opens at that turn, on its relabel list. */
function showLinkedTurn() {
  const turn = /^#turn-\d+$/.test(location.hash) ? document.getElementById(location.hash.slice(1)) : null;
  if (turn) {
    turn.scrollIntoView({ block: 'center' });
    const select = turn.querySelector('.relabel select');
    if (select) {
      select.focus();
    }
  }
}

function message(kind, who, body, at) {
  const article = create('article', `msg msg--${kind}`);
  const meta = create('p', 'msg__meta');
  meta.append(create('span', 'msg__who', who), timeElement(at));
  article.append(meta, create('p', 'msg__text', text(body)));
  return article;
}

// ---------------------------------------------------------------- relabelling

function relabelForm(turn) {
  const form = create('form', 'relabel');
  form.noValidate = true;
  const selectId = `label-${turn.id}`;
  const label = create('label', null, 'Juiste intent');
  label.htmlFor = selectId;
  const select = create('select', 'select');
  select.id = selectId;
  select.name = 'intent';
  select.append(new Option('Kies een intent…', ''));
  for (const intent of state.intents) {
    const option = new Option(intent.name === NEW_QUESTION ? intent.label : `${intent.label} (${intent.name})`,
      intent.name);
    select.append(option);
  }
  const chosen = state.saved.get(turn.id) || turn.intent;
  if (chosen && state.intents.some((intent) => intent.name === chosen)) {
    select.value = chosen;
  }
  const button = create('button', 'button button--quiet button--small', 'Label opslaan');
  button.type = 'submit';
  const status = create('span', 'relabel__status');
  status.setAttribute('role', 'status');
  if (state.saved.has(turn.id)) {
    status.className = 'relabel__status relabel__done';
    status.textContent = 'Opgeslagen';
  }
  form.append(label, select, button, status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!select.value) {
      status.className = 'relabel__status relabel__error';
      status.textContent = 'Kies eerst een intent.';
      select.focus();
      return;
    }
    button.disabled = true;
    status.className = 'relabel__status';
    status.textContent = 'Bezig met opslaan…';
    try {
      await api(`/api/staff/turns/${encodeURIComponent(turn.id)}/label`, {
        method: 'POST', json: { intent: select.value },
      });
      state.saved.set(turn.id, select.value);
      status.className = 'relabel__status relabel__done';
      status.textContent = `Opgeslagen als ${select.value}`;
    } catch (error) {
      status.className = 'relabel__status relabel__error';
      status.textContent = `Niet opgeslagen: ${error.message}`;
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

// ---------------------------------------------------------------- consents

function renderConsents(records) {
  el.noConsents.hidden = records.length > 0;
  el.consents.replaceChildren(...records.map((record) => {
    const item = create('li');
    const head = create('p', 'small');
    head.append(create('strong', null, METHODS[record.method] || text(record.method) || 'Keuze'), ' · ',
      timeElement(record.givenAt, { withYear: true }));
    const facts = create('dl', 'facts');
    facts.append(create('dt', null, 'Toegestaan'), categoryList(record.granted, 'granted'),
      create('dt', null, 'Geweigerd'), categoryList(record.refused, 'refused'),
      create('dt', null, 'Beleid'), create('dd', null, `versie ${text(record.policyVersion) || '—'}`),
      create('dt', null, 'Browser'), create('dd', null, browserName(record.userAgent)));
    item.append(head, facts);
    return item;
  }));
}

// ---------------------------------------------------------------- composer, takeover and release

function lastAgent(detail) {
  const transcript = Array.isArray(detail.transcript) ? detail.transcript : [];
  const agent = [...transcript].reverse().find((turn) => turn.author === 'AGENT' && turn.agentName);
  return agent ? agent.agentName : null;
}

function renderComposer(detail) {
  const myName = state.me ? text(state.me.name) : '';
  const owner = lastAgent(detail);
  let hint;
  if (detail.status === 'TAKEN_OVER') {
    hint = owner && myName && owner !== myName
      ? `${owner} heeft dit gesprek overgenomen. Wat je hier stuurt, ziet de bezoeker ook.`
      : 'Je hebt dit gesprek overgenomen: de bot zwijgt tot je het teruggeeft.';
    el.send.textContent = 'Versturen';
    el.hint.className = 'composer__hint';
  } else {
    hint = detail.status === 'WAITING'
      ? 'De bezoeker wacht op een medewerker. Met je eerste bericht neem je het gesprek over; de bot zwijgt dan tot je het teruggeeft.'
      : 'Met je eerste bericht neem je het gesprek over; de bot zwijgt dan tot je het teruggeeft.';
    el.send.textContent = 'Overnemen en versturen';
    el.hint.className = 'composer__hint composer__hint--takeover';
  }
  if (!detail.online) {
    hint += ' De bezoeker is nu offline.';
  }
  el.hint.textContent = hint;
}

async function sendReply() {
  const message = el.reply.value.trim();
  if (!message) {
    el.reply.focus();
    return;
  }
  el.send.disabled = true;
  try {
    await api(`/api/staff/conversations/${encodeURIComponent(id)}/messages`, {
      method: 'POST', json: { text: message },
    });
    el.reply.value = '';
    load();
  } catch (error) {
    showNotice(`Je bericht is niet verstuurd. ${error.message}`);
  } finally {
    el.send.disabled = false;
    el.reply.focus();
  }
}

async function release() {
  el.release.disabled = true;
  try {
    await api(`/api/staff/conversations/${encodeURIComponent(id)}/release`, { method: 'POST' });
    showNotice('Het gesprek is teruggegeven aan de bot.', 'info');
    await load();
    el.reply.focus();
  } catch (error) {
    showNotice(`Teruggeven lukte niet. ${error.message}`);
  } finally {
    el.release.disabled = false;
  }
}

// ---------------------------------------------------------------- assignment, closing, notes, e-mail

function duration(seconds) {
  if (seconds < 60) {
    return `${seconds} s`;
  }
  const minutes = Math.round(seconds / 60);
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} u ${minutes % 60} min`;
}

function renderHandling(detail) {
  const mine = state.me && detail.assignee && detail.assignee.toLowerCase() === text(state.me.username).toLowerCase();
  el.owner.textContent = detail.assignee
    ? (mine ? 'Dit gesprek is aan jou toegewezen.' : `Toegewezen aan ${detail.assignee}.`)
    : 'Nog aan niemand toegewezen.';
  el.assign.hidden = Boolean(mine);
  el.unassign.hidden = !detail.assignee;
  const closed = detail.status === 'CLOSED';
  el.closeForm.hidden = closed;
  el.reopen.hidden = !closed;
  el.emailCard.hidden = !detail.email;
  el.emailTo.textContent = text(detail.email);
}

async function act(action, body, done) {
  try {
    await api(`/api/staff/conversations/${encodeURIComponent(id)}/${action}`, { method: 'POST', json: body || {} });
    if (done) {
      showNotice(done, 'info');
    }
    await load();
  } catch (error) {
    showNotice(`Dat lukte niet. ${error.message}`);
  }
}

async function emailDraft() {
  const message = el.emailText.value.trim();
  if (!message) {
    el.emailText.focus();
    return null;
  }
  try {
    const draft = await api(`/api/staff/conversations/${encodeURIComponent(id)}/email-draft`, {
      method: 'POST', json: { text: message },
    });
    el.emailDraft.value = text(draft.body);
    el.emailDraftBox.hidden = false;
    el.mailOff.hidden = draft.mailConfigured;
    el.mailOff.textContent = draft.mailConfigured ? ''
      : `E-mail is nog niet ingesteld op deze server. Kopieer het concept en stuur het zelf naar ${text(draft.to)}.`;
    el.emailSend.hidden = !draft.mailConfigured;
    return draft;
  } catch (error) {
    showNotice(`Het concept kon niet worden gemaakt. ${error.message}`);
    return null;
  }
}

async function emailSend() {
  const message = el.emailText.value.trim();
  if (!message) {
    el.emailText.focus();
    return;
  }
  el.emailSend.disabled = true;
  try {
    const sent = await api(`/api/staff/conversations/${encodeURIComponent(id)}/reply-by-email`, {
      method: 'POST', json: { text: message },
    });
    el.emailText.value = '';
    el.emailDraftBox.hidden = true;
    showNotice(`De e-mail is verstuurd naar ${text(sent && sent.to)}.`, 'info');
    await load();
  } catch (error) {
    if (error.status === 503) {
      await emailDraft();
    }
    showNotice(`De e-mail is niet verstuurd. ${error.message}`);
  } finally {
    el.emailSend.disabled = false;
  }
}

// ---------------------------------------------------------------- typing, both ways

const TYPING_SHOWN_MS = 4000;
const TYPING_EVERY_MS = 3000;
let typingTimer = 0;
let typingSentAt = 0;

function visitorTyping() {
  el.visitorTyping.textContent = 'De bezoeker typt…';
  clearTimeout(typingTimer);
  typingTimer = setTimeout(() => {
    el.visitorTyping.textContent = '';
  }, TYPING_SHOWN_MS);
}

/** Tells a visitor who talks with staff that someone is typing; not before the conversation is taken over. */
function staffTyping() {
  if (!state.detail || state.detail.status !== 'TAKEN_OVER' || Date.now() - typingSentAt < TYPING_EVERY_MS) {
    return;
  }
  typingSentAt = Date.now();
  api(`/api/staff/conversations/${encodeURIComponent(id)}/typing`, { method: 'POST' }).catch(() => {});
}

// ---------------------------------------------------------------- canned replies

let cannedTimer = 0;
let cannedActive = -1;

async function searchCanned() {
  try {
    const list = await api(`/api/staff/canned?q=${encodeURIComponent(el.cannedQ.value.trim())}`);
    const replies = Array.isArray(list) ? list : [];
    cannedActive = replies.length > 0 ? 0 : -1;
    el.cannedResults.replaceChildren(...replies.map((reply, index) => {
      const item = create('li', 'canned__item');
      item.id = `canned-${index}`;
      item.setAttribute('role', 'option');
      item.reply = text(reply.text);
      item.append(create('strong', null, text(reply.label)), create('span', 'small muted', ` ${text(reply.text).slice(0, 90)}…`));
      item.addEventListener('mousedown', (event) => {
        event.preventDefault();
        insertCanned(item.reply);
      });
      return item;
    }));
    el.cannedResults.hidden = replies.length === 0;
    el.cannedQ.setAttribute('aria-expanded', String(replies.length > 0));
    markCanned();
  } catch (error) {
    showNotice(`Standaardantwoorden konden niet worden gezocht. ${error.message}`);
  }
}

function markCanned() {
  [...el.cannedResults.children].forEach((item, index) => item.setAttribute('aria-selected', String(index === cannedActive)));
  el.cannedQ.setAttribute('aria-activedescendant', cannedActive >= 0 ? `canned-${cannedActive}` : '');
}

function insertCanned(reply) {
  const box = el.reply;
  const start = box.selectionStart ?? box.value.length;
  box.value = `${box.value.slice(0, start)}${reply}${box.value.slice(box.selectionEnd ?? start)}`;
  el.cannedResults.hidden = true;
  el.cannedQ.setAttribute('aria-expanded', 'false');
  box.focus();
  box.selectionStart = box.selectionEnd = start + reply.length;
}

// ---------------------------------------------------------------- retraining

const MEASURES = [
  ['accuracy', 'Nauwkeurigheid', true],
  ['inScopeAccuracy', 'Nauwkeurigheid binnen het onderwerp', true],
  ['outOfScopeRejection', 'Vragen buiten het onderwerp herkend', true],
  ['examples', 'Trainingsvoorbeelden', false],
];

async function retrain() {
  el.retrain.disabled = true;
  el.retrainResult.hidden = true;
  el.retrainProgress.hidden = false;
  const started = Date.now();
  const tick = () => {
    const seconds = Math.round((Date.now() - started) / 1000);
    el.retrainElapsed.textContent = ` (${seconds} s)`;
  };
  tick();
  const timer = setInterval(tick, 1000);
  try {
    const result = await api('/api/staff/model/retrain', { method: 'POST' });
    showRetrainResult(result || {});
  } catch (error) {
    showNotice(`Opnieuw trainen lukte niet. ${error.message}`);
  } finally {
    clearInterval(timer);
    el.retrainProgress.hidden = true;
    el.retrain.disabled = false;
  }
}

function showRetrainResult(result) {
  const before = result.old || {};
  const after = result.new || {};
  el.retrainVerdict.className = `verdict ${result.swapped ? 'verdict--yes' : 'verdict--no'}`;
  el.retrainVerdict.textContent = result.swapped
    ? 'Het nieuwe model is in gebruik genomen.'
    : 'Het vorige model blijft in gebruik.';
  el.retrainMessage.textContent = text(result.message);
  el.retrainMessage.hidden = !result.message;
  el.retrainRows.replaceChildren(...MEASURES.map(([key, label, rate]) => {
    const row = create('tr');
    // Two decimals where one would show a difference as two equal figures.
    const fine = rate && before[key] !== after[key] && percent(before[key], true) === percent(after[key], true);
    const format = (value) => (rate ? percent(value, fine ? 2 : true) : number(value));
    const newCell = create('td', null, format(after[key]));
    if (rate && typeof before[key] === 'number' && typeof after[key] === 'number' && before[key] !== after[key]) {
      const better = after[key] > before[key];
      newCell.className = better ? 'better' : 'worse';
      newCell.append(create('span', 'sr-only', better ? ' (beter)' : ' (slechter)'));
      newCell.prepend(create('span', null, better ? '▲ ' : '▼ '));
      newCell.firstChild.setAttribute('aria-hidden', 'true');
    }
    const head = create('th', null, label);
    head.scope = 'row';
    row.append(head, create('td', null, format(before[key])), newCell);
    return row;
  }));
  el.retrainResult.hidden = false;
}

// ---------------------------------------------------------------- wiring

el.composer.addEventListener('submit', (event) => {
  event.preventDefault();
  sendReply();
});
el.reply.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    el.composer.requestSubmit();
  }
});
el.release.addEventListener('click', release);
el.assign.addEventListener('click', () => act('assign', null, 'Het gesprek is aan jou toegewezen.'));
el.unassign.addEventListener('click', () => act('unassign', null, 'Het gesprek is vrijgegeven.'));
el.reopen.addEventListener('click', () => act('reopen', null, 'Het gesprek is heropend.'));
el.closeForm.addEventListener('submit', (event) => {
  event.preventDefault();
  if (!el.closeReason.value) {
    el.closeReason.focus();
    return;
  }
  act('close', { reason: el.closeReason.value }, 'Het gesprek is afgesloten.');
});
el.noteForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const note = el.noteText.value.trim();
  if (!note) {
    el.noteText.focus();
    return;
  }
  await act('notes', { text: note }, 'De notitie is opgeslagen.');
  el.noteText.value = '';
});
el.emailPreview.addEventListener('click', emailDraft);
el.emailForm.addEventListener('submit', (event) => {
  event.preventDefault();
  emailSend();
});
el.emailCopy.addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(el.emailDraft.value);
    showNotice('Het concept is gekopieerd.', 'info');
  } catch {
    el.emailDraft.select();
  }
});
el.cannedQ.addEventListener('input', () => {
  clearTimeout(cannedTimer);
  cannedTimer = setTimeout(searchCanned, 200);
});
el.cannedQ.addEventListener('keydown', (event) => {
  const count = el.cannedResults.children.length;
  if (event.key === 'ArrowDown' && count > 0) {
    event.preventDefault();
    cannedActive = (cannedActive + 1) % count;
    markCanned();
  } else if (event.key === 'ArrowUp' && count > 0) {
    event.preventDefault();
    cannedActive = (cannedActive - 1 + count) % count;
    markCanned();
  } else if (event.key === 'Enter') {
    event.preventDefault();
    const item = el.cannedResults.children[cannedActive];
    if (item && !el.cannedResults.hidden) {
      insertCanned(item.reply);
    }
  } else if (event.key === 'Escape') {
    el.cannedResults.hidden = true;
    el.reply.focus();
  }
});
el.reply.addEventListener('input', staffTyping);
el.reply.addEventListener('keydown', (event) => {
  if (event.altKey && event.key === '/') {
    event.preventDefault();
    el.cannedQ.focus();
  }
});
el.retrain.addEventListener('click', retrain);
el.erase.addEventListener('click', erase);

async function start() {
  if (!id) {
    showNotice('Er is geen gesprek gekozen. Ga terug naar de inbox en open een gesprek.');
    return;
  }
  const backFilters = document.referrer && new URL(document.referrer, location.href);
  if (backFilters && backFilters.origin === location.origin && backFilters.pathname === '/staff') {
    // Back to the inbox as it was left, filters and all.
    document.getElementById('back').href = `/staff${backFilters.search}`;
  }
  el.exportConversation.href = `/api/staff/conversations/${encodeURIComponent(id)}/export`;
  await labelsReady;
  el.closeReason.append(...Object.entries(CLOSE_REASONS)
    .filter(([key]) => key !== 'goodbye' && key !== 'ended')
    .map(([key, label]) => new Option(label, key)));
  startPresence();
  try {
    state.me = await initHeader();
  } catch (error) {
    showNotice(`Je gegevens konden niet worden geladen. ${error.message}`);
  }
  await loadIntents();
  await load();
  liveEvents({
    onConversation: (summary) => {
      if (summary.id === id) {
        el.visitorTyping.textContent = '';
        load();
      }
    },
    onTyping: (conversationId) => {
      if (conversationId === id) {
        visitorTyping();
      }
    },
    onErased: (conversationId) => {
      if (conversationId === id && !el.conversation.hidden) {
        gone('Dit gesprek is zojuist gewist. Ga terug naar de inbox.');
      }
    },
    onState: (live) => showLiveState(el.live, live),
    onReconnected: load,
  });
}

start();
