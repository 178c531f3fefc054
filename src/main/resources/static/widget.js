// Wegwijzer chat widget. One script tag on a page of an allowed site adds a chat button and a panel:
//   <script src="https://CHAT-HOST/widget.js" defer></script>   (settings: docs/widget.md)
// The chat itself is the page at / of the chat server, in a frame: the same code, cookie choice and
// protocol, and the host page can neither restyle it nor read the conversation. This script only draws
// the button and the panel (in a Shadow DOM), keeps the resume token for this site, and hands the
// visitor's cookie choice to the site. Its one global is `Wegwijzer`.
(() => {
  'use strict';
  if (window.Wegwijzer) {
    return;
  }
  const script = document.currentScript;
  const chatOrigin = new URL(script.src, location.href).origin;
  const settings = script.dataset;
  const title = (settings.title || 'Wegwijzer').trim().slice(0, 60) || 'Wegwijzer';
  const accent = /^#[0-9a-f]{6}$/i.test(settings.accent || '') ? settings.accent : '#0f3a8a';
  const onAccent = contrast(accent, '#ffffff') >= contrast(accent, '#111111') ? '#ffffff' : '#111111';
  const side = settings.position === 'left' ? 'left' : 'right';
  const CONSENT_EVENT = 'wegwijzer:consent';

  // Kept per site and per tab: the conversation goes along to the next page, and ends with the tab.
  const store = {
    get(key) {
      try {
        return sessionStorage.getItem(`wegwijzer.${key}`);
      } catch {
        return null;
      }
    },
    set(key, value) {
      try {
        if (value === null) {
          sessionStorage.removeItem(`wegwijzer.${key}`);
        } else {
          sessionStorage.setItem(`wegwijzer.${key}`, value);
        }
      } catch {
        // Storage blocked: the chat works, it just starts again on the next page.
      }
    },
  };

  // An element of its own, reset with the strongest declaration a page cannot outdo, so no style of the
  // host page reaches it; inside, the Shadow DOM keeps the host's selectors out and the widget's in.
  const root = document.createElement('wegwijzer-chat');
  root.style.setProperty('all', 'initial', 'important');
  const shadow = root.attachShadow({ mode: 'open' });
  shadow.innerHTML = `
    <div class="panel" id="panel" role="dialog" hidden>
      <iframe id="frame" referrerpolicy="no-referrer"></iframe>
    </div>
    <button type="button" class="launcher" id="launcher" aria-expanded="false" aria-controls="panel">
      <svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false">
        <path class="open" d="M4 4h16a1 1 0 0 1 1 1v11a1 1 0 0 1-1 1H9l-5 4v-4H4a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1z"/>
        <path class="shut" d="M6 6l12 12M18 6L6 18"/>
      </svg>
      <span class="badge" id="badge" aria-hidden="true" hidden></span>
    </button>
    <p class="sr-only" id="status" role="status"></p>`;
  const el = {
    panel: shadow.getElementById('panel'),
    launcher: shadow.getElementById('launcher'),
    badge: shadow.getElementById('badge'),
    status: shadow.getElementById('status'),
    frame: null,
  };
  el.panel.setAttribute('aria-label', `Chat met ${title}`);
  root.style.setProperty('--accent', accent);
  root.style.setProperty('--on-accent', onAccent);
  style(shadow);

  let unread = Number(store.get('unread')) || 0;
  let consent = readConsent();

  function isOpen() {
    return !el.panel.hidden;
  }

  function frame() {
    if (el.frame === null) {
      el.frame = shadow.getElementById('frame');
      el.frame.title = `Chat met ${title}`;
      const query = new URLSearchParams({ embed: '', host: location.origin, title, accent, on: onAccent });
      el.frame.src = `${chatOrigin}/?${query}`;
    }
    return el.frame;
  }

  function tell(type, fields) {
    if (el.frame !== null && el.frame.contentWindow) {
      el.frame.contentWindow.postMessage({ wegwijzer: type, ...fields }, chatOrigin);
    }
  }

  function open(moveFocus = true) {
    frame();
    el.panel.hidden = false;
    root.classList.add('open');
    store.set('open', '1');
    setUnread(0);
    render();
    if (moveFocus) {
      el.frame.focus();
    }
    tell('shown', { shown: true, focus: moveFocus });
  }

  function close() {
    if (!isOpen()) {
      return;
    }
    el.panel.hidden = true;
    root.classList.remove('open');
    store.set('open', null);
    render();
    tell('shown', { shown: false });
    el.launcher.focus();
  }

  function setUnread(count) {
    unread = count;
    store.set('unread', count > 0 ? String(count) : null);
  }

  function render() {
    const open = isOpen();
    el.launcher.setAttribute('aria-expanded', String(open));
    const waiting = unread === 1 ? ', 1 nieuw bericht' : unread > 1 ? `, ${unread} nieuwe berichten` : '';
    el.launcher.setAttribute('aria-label', `${open ? 'Chat sluiten' : `Chat met ${title} openen`}${waiting}`);
    el.badge.hidden = unread === 0 || open;
    el.badge.textContent = unread > 9 ? '9+' : String(unread);
  }

  // ------------------------------------------------------------ the visitor's cookie choice, for the site

  function readConsent() {
    try {
      const stored = JSON.parse(store.get('consent'));
      return stored && Array.isArray(stored.categories) ? stored : null;
    } catch {
      return null;
    }
  }

  function copy(choice) {
    return choice === null ? null : { policyVersion: choice.policyVersion, categories: [...choice.categories] };
  }

  function announce() {
    document.dispatchEvent(new CustomEvent(CONSENT_EVENT, { detail: copy(consent) }));
  }

  function consentChanged(choice) {
    if (!choice || typeof choice.policyVersion !== 'string' || !Array.isArray(choice.categories)) {
      return;
    }
    const next = { policyVersion: choice.policyVersion, categories: choice.categories.filter((c) => typeof c === 'string') };
    if (JSON.stringify(next) === JSON.stringify(consent)) {
      return;
    }
    consent = next;
    store.set('consent', JSON.stringify(consent));
    announce();
  }

  // ------------------------------------------------------------ messages from the chat frame

  window.addEventListener('message', (event) => {
    const data = event.data;
    if (el.frame === null || event.source !== el.frame.contentWindow || event.origin !== chatOrigin
        || data === null || typeof data !== 'object') {
      return;
    }
    switch (data.wegwijzer) {
      case 'ready':
        tell('init', { token: store.get('resumeToken'), shown: isOpen() });
        break;
      case 'token':
        store.set('resumeToken', typeof data.token === 'string' && data.token ? data.token : null);
        break;
      case 'unread':
        if (!isOpen()) {
          setUnread(unread + 1);
          el.status.textContent = `Nieuw bericht van ${title}`;
          render();
        }
        break;
      case 'consent':
        consentChanged(data.consent);
        break;
      case 'close':
        close();
        break;
      default:
        break;
    }
  });

  el.launcher.addEventListener('click', () => (isOpen() ? close() : open()));

  window.Wegwijzer = Object.freeze({
    /** Opens the chat panel and moves focus into it. */
    open: () => open(true),
    close,
    /** The visitor's latest cookie choice in the chat ({policyVersion, categories}), or null before one. */
    consent: () => copy(consent),
  });

  render();
  (document.body || document.documentElement).append(root);
  if (store.get('open') === '1') {
    // Open on the previous page: open here too, without taking the focus from the page.
    open(false);
  } else if (settings.open === 'true') {
    open(false);
  } else if (store.get('resumeToken')) {
    // A conversation is going on: connect in the background, so answers show up on the badge.
    frame();
  }
  if (consent !== null) {
    announce();
  }

  // ------------------------------------------------------------ looks

  function style(target) {
    const css = `
      :host { all: initial; }
      .launcher {
        position: fixed; bottom: 1rem; ${side}: 1rem; z-index: 2147483000;
        width: 3.5rem; height: 3.5rem; padding: 0; border: 2px solid var(--on-accent); border-radius: 50%;
        background: var(--accent); color: var(--on-accent); cursor: pointer;
        display: grid; place-items: center; box-shadow: 0 0.25rem 1rem rgb(0 0 0 / 0.25);
      }
      .launcher:focus-visible { outline: 3px solid #111; outline-offset: 2px; box-shadow: 0 0 0 7px #fff; }
      .launcher svg { fill: currentcolor; stroke: currentcolor; stroke-width: 2.5; stroke-linecap: round; }
      .launcher .open { stroke: none; }
      .launcher .shut, :host(.open) .launcher .open { display: none; }
      :host(.open) .launcher .shut { display: inline; }
      .badge {
        position: absolute; top: -0.25rem; ${side === 'right' ? 'left' : 'right'}: -0.25rem;
        min-width: 1.375rem; height: 1.375rem; padding: 0 0.25rem; box-sizing: border-box;
        border: 2px solid #fff; border-radius: 999px; background: #b00020; color: #fff;
        font: 700 0.75rem/1.125rem system-ui, sans-serif; text-align: center;
      }
      .panel {
        position: fixed; bottom: 5.5rem; ${side}: 1rem; z-index: 2147483000;
        width: min(25rem, calc(100vw - 2rem)); height: min(40rem, calc(100vh - 7rem));
        border-radius: 1rem; overflow: hidden; background: #fff;
        box-shadow: 0 0.5rem 2.5rem rgb(0 0 0 / 0.3);
      }
      .panel iframe { display: block; width: 100%; height: 100%; border: 0; }
      [hidden] { display: none !important; }
      .sr-only {
        position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
        clip: rect(0 0 0 0); white-space: nowrap; border: 0;
      }
      @media (prefers-reduced-motion: no-preference) {
        .panel { animation: rise 0.18s ease-out; }
        @keyframes rise { from { opacity: 0; transform: translateY(0.75rem); } }
      }
      /* Phones: the panel takes the whole screen; its own header has the close button. */
      @media (max-width: 30rem) {
        .panel { inset: 0; width: 100%; height: 100%; border-radius: 0; }
        :host(.open) .launcher { display: none; }
      }`;
    // A constructed style sheet, so a host page whose CSP forbids inline styles still shows the widget.
    if ('adoptedStyleSheets' in Document.prototype && 'replaceSync' in CSSStyleSheet.prototype) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      target.adoptedStyleSheets = [sheet];
    } else {
      const element = document.createElement('style');
      element.textContent = css;
      target.prepend(element);
    }
  }

  /** WCAG contrast ratio of two #rrggbb colours: the launcher's icon is white or black, whichever reads better. */
  function contrast(a, b) {
    const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  }

  function luminance(hex) {
    const channel = (i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  }
})();
