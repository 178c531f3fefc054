// Triage of e-mailed questions: one pasted text, or a CSV file of many, classified by the same model.

import { api, clearNotices, create, initHeader, percent, request, routeName, showNotice, text } from './staff.js';

const el = {
  form: document.getElementById('triage-form'),
  text: document.getElementById('triage-text'),
  submit: document.getElementById('triage-submit'),
  clear: document.getElementById('triage-clear'),
  empty: document.getElementById('result-empty'),
  announce: document.getElementById('result-announce'),
  body: document.getElementById('result-body'),
  intent: document.getElementById('result-intent'),
  confidence: document.getElementById('result-confidence'),
  label: document.getElementById('result-label'),
  route: document.getElementById('result-route'),
  questions: document.getElementById('result-questions'),
  alternatives: document.getElementById('result-alternatives'),
  answer: document.getElementById('result-answer'),
  copy: document.getElementById('copy'),
  copyStatus: document.getElementById('copy-status'),
  batchForm: document.getElementById('batch-form'),
  file: document.getElementById('batch-file'),
  batchSubmit: document.getElementById('batch-submit'),
  batchResult: document.getElementById('batch-result'),
};

let downloadUrl = null;

// ---------------------------------------------------------------- one e-mail

async function triage() {
  const message = el.text.value.trim();
  if (!message) {
    showNotice('Plak eerst de tekst van een e-mail in het tekstvak.');
    el.text.focus();
    return;
  }
  el.submit.disabled = true;
  el.submit.textContent = 'Bezig…';
  try {
    const result = await api('/api/staff/triage', { method: 'POST', json: { text: message } });
    clearNotices();
    show(result || {});
  } catch (error) {
    showNotice(`Beoordelen lukte niet. ${error.message}`);
  } finally {
    el.submit.disabled = false;
    el.submit.textContent = 'Beoordelen';
  }
}

function show(result) {
  const understood = result.intent && result.intent !== 'fallback';
  el.intent.textContent = understood ? result.intent : 'Niet herkend';
  el.confidence.className = `badge ${understood && result.confidence >= 0.5 ? 'badge--BOT' : 'badge--flag'}`;
  el.confidence.textContent = `zekerheid ${percent(result.confidence)}`;
  const alternatives = Array.isArray(result.alternatives) ? result.alternatives.slice(0, 3) : [];
  const best = alternatives.find((alternative) => alternative && alternative.intent === result.intent);
  el.label.textContent = understood
    ? (best && best.label ? `Over ${best.label}.` : '')
    : 'De vraag lijkt op geen van de bekende vragen genoeg. Bekijk de andere mogelijkheden of beantwoord de e-mail zelf.';
  el.label.hidden = !el.label.textContent;
  el.route.textContent = result.route ? routeName(result.route) : 'Geen: de e-mail zegt niet genoeg over de sector';
  el.alternatives.replaceChildren(...alternatives.map((alternative) => {
    const item = create('li', 'alternative');
    const name = create('span');
    name.append(create('strong', null, text(alternative.intent)));
    if (alternative.label) {
      name.append(create('span', 'muted', ` — ${alternative.label}`));
    }
    const meter = document.createElement('meter');
    meter.min = 0;
    meter.max = 1;
    meter.value = typeof alternative.score === 'number' ? alternative.score : 0;
    meter.setAttribute('aria-hidden', 'true');
    item.append(name, meter, create('span', 'alternative__score', percent(alternative.score)));
    return item;
  }));
  if (alternatives.length === 0) {
    el.alternatives.replaceChildren(create('li', 'muted', 'Geen.'));
  }
  const questions = Array.isArray(result.questions) ? result.questions : [];
  el.questions.replaceChildren(...questions.map((question) => {
    const placed = question.intent && question.intent !== 'fallback';
    const item = create('li', 'question');
    const head = create('p', 'question__head');
    head.append(create('q', null, text(question.text)), ' ',
      create('span', `badge ${placed && question.confidence >= 0.5 ? 'badge--BOT' : 'badge--flag'}`,
        placed ? `${question.intent}, ${percent(question.confidence)}` : 'niet herkend'));
    item.append(head, create('p', 'small muted', placed ? text(question.answer) : 'Hier heeft Wegwijzer geen antwoord op.'));
    return item;
  }));
  if (questions.length === 0) {
    el.questions.replaceChildren(create('li', 'muted', 'Geen vraag gevonden.'));
  }
  el.answer.textContent = text(result.reply) || 'Er is geen concept voorgesteld.';
  el.copy.disabled = !result.reply;
  el.copyStatus.textContent = '';
  el.empty.hidden = true;
  el.body.hidden = false;
  el.announce.textContent = understood
    ? `Voorstel klaar: ${result.intent}, zekerheid ${percent(result.confidence)}.`
    : 'Voorstel klaar: de vraag is niet herkend.';
}

async function copyAnswer() {
  const answer = el.answer.textContent;
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(answer);
    } else {
      copyBySelection();
    }
    el.copyStatus.className = 'status-text';
    el.copyStatus.textContent = 'Gekopieerd. Plak het concept in je e-mail en pas het zo nodig aan.';
  } catch {
    // Clipboard refused: leave the answer selected so Ctrl+C still works.
    selectAnswer();
    el.copyStatus.className = 'status-text relabel__error';
    el.copyStatus.textContent = 'Kopiëren lukte niet. Het concept is geselecteerd: druk op Ctrl+C (of Cmd+C).';
  }
}

function selectAnswer() {
  const range = document.createRange();
  range.selectNodeContents(el.answer);
  const selection = getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
}

/** Outside https (and localhost) there is no navigator.clipboard; the older copy command still works there. */
function copyBySelection() {
  selectAnswer();
  const copied = document.execCommand('copy');
  getSelection().removeAllRanges();
  if (!copied) {
    throw new Error('copy refused');
  }
}

// ---------------------------------------------------------------- a CSV file

async function batch() {
  const file = el.file.files && el.file.files[0];
  if (!file) {
    showNotice('Kies eerst een CSV-bestand.');
    el.file.focus();
    return;
  }
  el.batchSubmit.disabled = true;
  el.batchSubmit.textContent = 'Bezig met verwerken…';
  el.batchResult.replaceChildren(create('span', 'muted', `${file.name} wordt verwerkt…`));
  try {
    const form = new FormData();
    form.append('file', file);
    const response = await request('/api/staff/triage/batch', {
      method: 'POST', body: form, headers: { Accept: 'text/csv' },
    });
    const blob = await response.blob();
    if (downloadUrl) {
      URL.revokeObjectURL(downloadUrl);
    }
    downloadUrl = URL.createObjectURL(blob);
    const name = fileName(response.headers.get('Content-Disposition'));
    const link = create('a', 'button', `${name} downloaden`);
    link.href = downloadUrl;
    link.download = name;
    const rows = countRows(await blob.text());
    el.batchResult.replaceChildren(link,
      create('span', 'status-text', `Klaar: ${rows} ${rows === 1 ? 'vraag' : 'vragen'} beoordeeld.`));
    clearNotices();
    link.focus();
  } catch (error) {
    el.batchResult.replaceChildren();
    showNotice(`Het bestand kon niet worden verwerkt. ${error.message}`);
  } finally {
    el.batchSubmit.disabled = false;
    el.batchSubmit.textContent = 'Verwerken';
  }
}

function fileName(disposition) {
  const match = disposition && disposition.match(/filename="?([^";]+)"?/i);
  const name = match ? match[1].trim() : '';
  return /^[\w.-]+\.csv$/i.test(name) ? name : 'triage.csv';
}

/** Data rows of a CSV answer: records minus the header, counting quoted line breaks as part of a field. */
function countRows(csv) {
  let records = 0;
  let quoted = false;
  let content = false;
  for (const character of csv) {
    if (character === '"') {
      quoted = !quoted;
    }
    if (character === '\n' && !quoted) {
      records += content ? 1 : 0;
      content = false;
    } else if (character !== '\r') {
      content = true;
    }
  }
  records += content ? 1 : 0;
  return Math.max(records - 1, 0);
}

// ---------------------------------------------------------------- wiring

el.form.addEventListener('submit', (event) => {
  event.preventDefault();
  triage();
});
el.text.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    el.form.requestSubmit();
  }
});
el.clear.addEventListener('click', () => {
  el.text.value = '';
  el.body.hidden = true;
  el.empty.hidden = false;
  el.text.focus();
});
el.copy.addEventListener('click', copyAnswer);
el.batchForm.addEventListener('submit', (event) => {
  event.preventDefault();
  batch();
});

initHeader().catch((error) => showNotice(`Je gegevens konden niet worden geladen. ${error.message}`));
el.text.focus();
