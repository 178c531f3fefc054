// Statistics of the conversations whose visitors allowed analytics cookies, drawn with uPlot (bundled from
// Maven Central as a WebJar; the version is also in pom.xml and statistics.html).

import uPlot from '/webjars/uplot/1.6.30/dist/uPlot.esm.js';

import {
  api, clearNotices, create, defaultRange, initHeader, number, percent, query, routeName, showNotice, text,
  timeElement,
} from './staff.js';

const DAY_SECONDS = 86400;
const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif';
const AXIS_FONT = `13px ${FONT_FAMILY}`;
const COLORS = {
  axis: '#4a566b',
  grid: '#e3e8f2',
  accent: '#1d55b8',
  accentFill: 'rgba(29, 85, 184, 0.78)',
  teal: '#1d7a6b',
  tealFill: 'rgba(29, 122, 107, 0.78)',
  amber: '#a05a00',
  amberFill: 'rgba(208, 138, 30, 0.8)',
};
const WHOLE_NUMBERS = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000];

const el = {
  form: document.getElementById('range-form'),
  from: document.getElementById('from'),
  to: document.getElementById('to'),
  conversations: document.getElementById('conversations-value'),
  fallback: document.getElementById('fallback-value'),
  handoff: document.getElementById('handoff-value'),
  helpful: document.getElementById('helpful-value'),
  helpfulNote: document.getElementById('helpful-note'),
  lowRated: document.getElementById('low-rated-table'),
  perDay: document.getElementById('per-day-chart'),
  perDayTable: document.getElementById('per-day-table'),
  intents: document.getElementById('intents-chart'),
  intentsTable: document.getElementById('intents-table'),
  routes: document.getElementById('routes-chart'),
  routesTable: document.getElementById('routes-table'),
};

/** Charts on screen by container, to resize and to replace. */
const charts = new Map();
let intentLabels = new Map();

const DAY_SHORT = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const DAY_LONG = new Intl.DateTimeFormat('nl-NL', { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

// ---------------------------------------------------------------- loading

async function load() {
  const from = el.from.value;
  const to = el.to.value;
  if (from && to && from > to) {
    showNotice('De begindatum ligt na de einddatum. Kies een andere periode.');
    el.from.focus();
    return;
  }
  history.replaceState(null, '', `/staff/statistics${query({ from, to })}`);
  try {
    const stats = await api(`/api/staff/statistics${query({ from, to })}`);
    clearNotices();
    render(stats || {});
  } catch (error) {
    showNotice(`De statistieken konden niet worden geladen. ${error.message}`);
  }
}

async function loadIntentLabels() {
  try {
    const list = await api('/api/staff/intents');
    intentLabels = new Map((Array.isArray(list) ? list : []).map((intent) => [intent.name, text(intent.label)]));
  } catch {
    // Only for the tables' descriptions; the names alone are fine.
  }
}

function render(stats) {
  el.conversations.textContent = number(stats.conversations);
  el.fallback.textContent = percent(stats.fallbackRate, true);
  el.handoff.textContent = percent(stats.handoffRate, true);
  renderQuality(stats);
  renderPerDay(Array.isArray(stats.conversationsPerDay) ? stats.conversationsPerDay : []);
  const intents = (Array.isArray(stats.topIntents) ? stats.topIntents : [])
    .map((item) => ({ key: text(item.intent), label: text(item.intent), count: item.count }));
  renderCategories(el.intents, el.intentsTable, intents, {
    color: COLORS.accent, fill: COLORS.accentFill, what: 'Intent', noun: 'meest gestelde vragen',
    describe: (item) => intentLabels.get(item.key) || '',
  });
  const routes = (Array.isArray(stats.routes) ? stats.routes : [])
    .map((item) => ({ key: text(item.route), label: routeName(item.route === 'none' ? null : item.route), count: item.count }));
  renderCategories(el.routes, el.routesTable, routes, {
    color: COLORS.teal, fill: COLORS.tealFill, what: 'Route', noun: 'uitkomst van de route',
  });
}

// ---------------------------------------------------------------- answer quality

/** The share of thumbs up, and the answers rated down, each linked to its turn to relabel it. */
function renderQuality(stats) {
  const up = Number(stats.ratings && stats.ratings.up) || 0;
  const down = Number(stats.ratings && stats.ratings.down) || 0;
  el.helpful.textContent = typeof stats.helpfulRate === 'number' ? percent(stats.helpfulRate, true) : '—';
  el.helpfulNote.textContent = up + down === 0 ? 'nog geen antwoorden beoordeeld'
    : `van ${number(up + down)} beoordeelde antwoorden: ${number(up)} nuttig, ${number(down)} niet nuttig`;
  const rows = Array.isArray(stats.lowRated) ? stats.lowRated : [];
  const table = create('table', 'table');
  table.append(create('caption', 'sr-only', 'Niet nuttig gevonden antwoorden'));
  const head = create('tr');
  for (const header of ['Datum', 'Vraag van de bezoeker', 'Herkend als', 'Gesprek']) {
    const th = create('th', null, header);
    th.scope = 'col';
    head.append(th);
  }
  const thead = create('thead');
  thead.append(head);
  const body = create('tbody');
  for (const turn of rows) {
    const row = create('tr');
    const when = create('td');
    when.append(timeElement(turn.sentAt, { withYear: true }));
    const link = create('a', null, 'Opnieuw labelen');
    link.href = `/staff/conversation?id=${encodeURIComponent(text(turn.conversationId))}#turn-${Number(turn.turnId)}`;
    const open = create('td');
    open.append(link);
    const intent = text(turn.intent);
    row.append(when, create('td', null, text(turn.visitorText)),
      create('td', null, intentLabels.get(intent) ? `${intentLabels.get(intent)} (${intent})` : intent), open);
    body.append(row);
  }
  if (rows.length === 0) {
    const row = create('tr');
    const cell = create('td', 'muted', 'Geen antwoorden niet nuttig gevonden in deze periode.');
    cell.colSpan = 4;
    row.append(cell);
    body.append(row);
  }
  table.append(thead, body);
  el.lowRated.replaceChildren(table);
}

// ---------------------------------------------------------------- conversations per day

/** Every day of the period, with 0 where the API listed none. */
function days(points) {
  const counts = new Map(points.map((point) => [text(point.day), Number(point.count) || 0]));
  const start = Date.parse(`${el.from.value}T00:00:00Z`);
  const end = Date.parse(`${el.to.value}T00:00:00Z`);
  const result = [];
  if (Number.isNaN(start) || Number.isNaN(end) || end < start || (end - start) / 1000 / DAY_SECONDS > 3660) {
    // No usable range: plot what came.
    return [...counts].sort().map(([day, count]) => ({ time: Date.parse(`${day}T00:00:00Z`) / 1000, count }));
  }
  for (let time = start; time <= end; time += DAY_SECONDS * 1000) {
    const day = new Date(time).toISOString().slice(0, 10);
    result.push({ time: time / 1000, count: counts.get(day) || 0 });
  }
  return result;
}

function renderPerDay(points) {
  const series = days(points);
  const total = series.reduce((sum, point) => sum + point.count, 0);
  const busiest = series.reduce((best, point) => (point.count > (best ? best.count : 0) ? point : best), null);
  el.perDay.setAttribute('aria-label', total === 0
    ? 'Staafdiagram gesprekken per dag: geen gesprekken in deze periode.'
    : `Staafdiagram gesprekken per dag: ${total} in totaal, de drukste dag was ${DAY_LONG.format(new Date(busiest.time * 1000))} met ${busiest.count}.`);
  fillTable(el.perDayTable, 'Gesprekken per dag', ['Dag', 'Gesprekken'],
    series.map((point) => [DAY_LONG.format(new Date(point.time * 1000)), number(point.count)]));
  if (total === 0) {
    showEmpty(el.perDay, 'Geen gesprekken in deze periode.');
    return;
  }
  const max = Math.max(...series.map((point) => point.count));
  const options = {
    height: 220,
    padding: [12, 12, 0, 0],
    tzDate: (seconds) => uPlot.tzDate(new Date(seconds * 1000), 'Etc/UTC'),
    cursor: { y: false, points: { show: false }, drag: { x: false, y: false } },
    legend: { live: true },
    scales: {
      x: { time: true, range: (u, min, max2) => [min - DAY_SECONDS / 2, max2 + DAY_SECONDS / 2] },
      y: { range: () => [0, niceMax(max)] },
    },
    axes: [
      {
        font: AXIS_FONT,
        stroke: COLORS.axis,
        grid: { show: false },
        ticks: { stroke: COLORS.grid },
        space: 64,
        incrs: [1, 2, 7, 14, 28].map((n) => n * DAY_SECONDS),
        values: (u, splits) => splits.map((seconds) => DAY_SHORT.format(new Date(seconds * 1000))),
      },
      wholeNumberAxis(),
    ],
    series: [
      // Without a bar under the cursor the legend shows the whole period.
      { label: 'Dag', value: (u, seconds) => (seconds == null ? 'hele periode' : DAY_LONG.format(new Date(seconds * 1000))) },
      {
        label: 'Gesprekken',
        stroke: COLORS.accent,
        fill: COLORS.accentFill,
        width: 0,
        points: { show: false },
        paths: uPlot.paths.bars({ size: [0.7, 36], radius: 0.15 }),
        value: (u, value) => number(value == null ? total : value),
      },
    ],
  };
  draw(el.perDay, options, [series.map((point) => point.time), series.map((point) => point.count)]);
}

// ---------------------------------------------------------------- intents and routes

/** Horizontal bars, largest on top: long Dutch labels stay readable at any width. */
function renderCategories(container, tableBox, items, { color, fill, what, noun, describe }) {
  const list = items.filter((item) => typeof item.count === 'number' && item.count > 0)
    .sort((a, b) => b.count - a.count);
  const headers = describe ? [what, 'Omschrijving', 'Aantal'] : [what, 'Aantal'];
  fillTable(tableBox, noun, headers, list.map((item) => (describe
    ? [item.label, describe(item), number(item.count)]
    : [item.label, number(item.count)])));
  container.setAttribute('aria-label', list.length === 0
    ? `Staafdiagram ${noun}: geen gegevens in deze periode.`
    : `Staafdiagram ${noun}: ${list.slice(0, 5).map((item) => `${item.label} ${item.count}`).join(', ')}${list.length > 5 ? ', …' : ''}.`);
  if (list.length === 0) {
    showEmpty(container, 'Geen gegevens in deze periode.');
    return;
  }
  const labels = list.map((item) => item.label);
  const max = Math.max(...list.map((item) => item.count));
  const options = {
    height: Math.max(120, list.length * 32 + 48),
    padding: [8, 16, 0, 0],
    // Every bar carries its number, so there is nothing to point at.
    cursor: { show: false },
    legend: { show: false },
    scales: {
      // Orientation 1 turns the category scale upright; direction -1 puts the first (largest) on top.
      x: { time: false, ori: 1, dir: -1, range: () => [-0.5, labels.length - 0.5] },
      // Room on the right for the number behind the longest bar.
      y: { ori: 0, dir: 1, range: () => [0, Math.max(1, Math.ceil(max * 1.15))] },
    },
    hooks: { draw: [drawBarValues] },
    axes: [
      {
        side: 3,
        font: AXIS_FONT,
        stroke: COLORS.axis,
        grid: { show: false },
        ticks: { show: false },
        gap: 8,
        size: labelWidth(labels),
        splits: () => labels.map((label, index) => index),
        values: (u, splits) => splits.map((index) => shorten(labels[index] || '')),
      },
      { ...wholeNumberAxis(), side: 2 },
    ],
    series: [
      { label: what, value: (u, index) => (index == null ? '—' : labels[index] || '—') },
      {
        label: 'Aantal',
        stroke: color,
        fill,
        width: 0,
        points: { show: false },
        paths: uPlot.paths.bars({ size: [0.68, 26], radius: 0.15 }),
        value: (u, value) => (value == null ? '—' : number(value)),
      },
    ],
  };
  draw(container, options, [list.map((item, index) => index), list.map((item) => item.count)]);
}

/** Writes each bar's count just past its end. */
function drawBarValues(u) {
  const ratio = window.devicePixelRatio || 1;
  const { ctx } = u;
  ctx.save();
  ctx.font = `600 ${Math.round(12 * ratio)}px ${FONT_FAMILY}`;
  ctx.fillStyle = COLORS.axis;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  u.data[1].forEach((value, index) => {
    if (value != null) {
      ctx.fillText(number(value), u.valToPos(value, 'y', true) + 6 * ratio, u.valToPos(index, 'x', true));
    }
  });
  ctx.restore();
}

const MAX_LABEL = 28;

function shorten(label) {
  return label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label;
}

function labelWidth(labels) {
  const context = document.createElement('canvas').getContext('2d');
  context.font = AXIS_FONT;
  const widest = Math.max(...labels.map((label) => context.measureText(shorten(label)).width));
  return Math.ceil(widest) + 16;
}

function wholeNumberAxis() {
  return {
    font: AXIS_FONT,
    stroke: COLORS.axis,
    grid: { stroke: COLORS.grid, width: 1 },
    ticks: { show: false },
    incrs: WHOLE_NUMBERS,
    values: (u, splits) => splits.map((value) => number(value)),
    size: 48,
  };
}

/** A little headroom above the highest bar, on a whole number. */
function niceMax(max) {
  return Math.max(1, Math.ceil(max * 1.1));
}

// ---------------------------------------------------------------- drawing

function draw(container, options, data) {
  const previous = charts.get(container);
  if (previous) {
    previous.destroy();
  }
  container.replaceChildren();
  const chart = new uPlot({ ...options, width: Math.max(container.clientWidth, 200) }, data, container);
  charts.set(container, chart);
}

function showEmpty(container, message) {
  const previous = charts.get(container);
  if (previous) {
    previous.destroy();
    charts.delete(container);
  }
  container.replaceChildren(create('p', 'chart-empty', message));
}

const resizer = new ResizeObserver((entries) => {
  for (const entry of entries) {
    const chart = charts.get(entry.target);
    const width = Math.floor(entry.contentRect.width);
    if (chart && width > 0 && Math.abs(chart.width - width) > 1) {
      chart.setSize({ width, height: chart.height });
    }
  }
});
[el.perDay, el.intents, el.routes].forEach((container) => resizer.observe(container));

function fillTable(box, caption, headers, rows) {
  const table = create('table', 'table');
  table.append(create('caption', 'sr-only', caption));
  const head = create('thead');
  const headRow = create('tr');
  headers.forEach((header, index) => {
    const th = create('th', index === headers.length - 1 ? 'num' : null, header);
    th.scope = 'col';
    headRow.append(th);
  });
  head.append(headRow);
  const body = create('tbody');
  for (const cells of rows) {
    const row = create('tr');
    cells.forEach((cell, index) => {
      const td = create(index === 0 ? 'th' : 'td', index === cells.length - 1 ? 'num' : null, cell);
      if (index === 0) {
        td.scope = 'row';
      }
      row.append(td);
    });
    body.append(row);
  }
  if (rows.length === 0) {
    const row = create('tr');
    const cell = create('td', 'muted', 'Geen gegevens.');
    cell.colSpan = headers.length;
    row.append(cell);
    body.append(row);
  }
  table.append(head, body);
  box.replaceChildren(table);
}

// ---------------------------------------------------------------- wiring

el.form.addEventListener('submit', (event) => {
  event.preventDefault();
  load();
});

const params = new URLSearchParams(location.search);
el.from.value = params.get('from') || '';
el.to.value = params.get('to') || '';
defaultRange(el.from, el.to);
initHeader().catch((error) => showNotice(`Je gegevens konden niet worden geladen. ${error.message}`));
loadIntentLabels().then(load);
