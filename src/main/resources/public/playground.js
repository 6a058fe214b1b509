// The rule playground: a form for every request field; evaluates as you change it.
// The request lives in the URL (#cart=…) so that a case can be shared.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const TEXT = {
    it: {
      context: 'Contesto', evaluationDate: 'Data di valutazione', channel: 'Canale', platform: 'Piattaforma',
      account: 'Account', hasAccount: 'Il cliente ha già il servizio', plan: 'Piano', expiresOn: 'Scadenza',
      activeModules: 'Moduli attivi', accountUsers: 'Utenti aggiuntivi attivi',
      contactsMatched: '"Abbina anagrafiche e fatture" già eseguito', cart: 'Carrello', cartPlan: 'Piano da acquistare',
      modules: 'Moduli', cartUsers: 'Utenti da acquistare', extend: 'Estensione dei servizi attivi',
      invoicePanel: 'Fattura con il pannello Aruba', copyScenario: 'Copia come scenario', share: 'Copia il link',
      items: 'Articoli', item: 'Articolo', status: 'Esito', expiry: 'Scadenza', reasons: 'Motivi',
      suggestions: 'Suggerimenti', apply: 'Applica', pricing: 'Prezzi (IVA esclusa)', line: 'Voce', months: 'Mesi',
      amount: 'Importo', net: 'Imponibile', vat: 'IVA', gross: 'Totale',
      accountExpiresOn: "Scadenza dell'account dopo l'acquisto", nextSteps: "Dopo l'acquisto", warnings: 'Avvisi',
      firedRules: 'Regole eseguite', scenario: 'Scenario', none: 'nessuno', noPlan: '— nessuno —',
      ACCEPTED: 'accettato', REJECTED: 'rifiutato', checkoutOk: 'Il carrello può andare al pagamento',
      checkoutKo: 'Il carrello non può andare al pagamento', webOnly: 'solo dal pannello web', copied: 'Copiato',
      rulesetLabel: 'regole', emptyCart: 'Il carrello è vuoto: aggiungi un piano, un modulo o degli utenti.',
      notACount: 'Scrivi un numero intero, da 0 in su.',
      quote: 'Fai un preventivo (prezzi di oggi)', quoteTitle: 'Preventivo', pricedOn: 'Prezzi del', validUntil: 'Valido fino a', confirm: 'Conferma',
      quoteChanged: 'Le regole sono cambiate dal preventivo:', quoted: 'preventivato', now: 'ora',
      OPEN: 'aperto', EXPIRED: 'scaduto', CONFIRMED: 'confermato',
      candidate: 'Regole candidate', sameAsLive: 'decidono come le regole attive', liveLabel: 'attive',
      candidateLabel: 'candidate',
      pricesOn: 'Listino del', nextChange: 'Prossima variazione', noChange: 'nessuna variazione prevista',
      inForce: 'in vigore', notInForce: 'non in vigore',
      channels: { PEC_IT_CART: 'pec.it, nuovo cliente', CUSTOMER_AREA: 'Area clienti', PANEL: 'Pannello web',
        MOBILE_APP: 'App mobile' }
    },
    en: {
      context: 'Context', evaluationDate: 'Evaluation date', channel: 'Channel', platform: 'Platform',
      account: 'Account', hasAccount: 'The customer already has the service', plan: 'Plan', expiresOn: 'Expires on',
      activeModules: 'Active modules', accountUsers: 'Extra users already active',
      contactsMatched: '"Match contacts and invoices" already done', cart: 'Cart', cartPlan: 'Plan to buy',
      modules: 'Modules', cartUsers: 'Users to buy', extend: 'Extension of active services',
      invoicePanel: "Invoices through Aruba's panel", copyScenario: 'Copy as scenario', share: 'Copy link',
      items: 'Items', item: 'Item', status: 'Status', expiry: 'Expires', reasons: 'Reasons',
      suggestions: 'Suggestions', apply: 'Apply', pricing: 'Prices (VAT excluded)', line: 'Line', months: 'Months',
      amount: 'Amount', net: 'Net', vat: 'VAT', gross: 'Total',
      accountExpiresOn: 'Account expiry after the purchase', nextSteps: 'After the purchase', warnings: 'Warnings',
      firedRules: 'Rules fired', scenario: 'Scenario', none: 'none', noPlan: '— none —',
      ACCEPTED: 'accepted', REJECTED: 'rejected', checkoutOk: 'The cart can go to checkout',
      checkoutKo: 'The cart cannot go to checkout', webOnly: 'web panel only', copied: 'Copied',
      rulesetLabel: 'ruleset', emptyCart: 'The cart is empty: add a plan, a module or users.',
      notACount: 'Write a whole number, 0 or more.',
      quote: 'Quote this cart (today\'s prices)', quoteTitle: 'Quote', pricedOn: 'Priced on', validUntil: 'Valid until', confirm: 'Confirm',
      quoteChanged: 'The rules changed since the quote:', quoted: 'quoted', now: 'now',
      OPEN: 'open', EXPIRED: 'expired', CONFIRMED: 'confirmed',
      candidate: 'Candidate rules', sameAsLive: 'decide as the live rules do', liveLabel: 'live',
      candidateLabel: 'candidate',
      pricesOn: 'Price list of', nextChange: 'Next change', noChange: 'no change scheduled',
      inForce: 'in force', notInForce: 'not in force',
      channels: { PEC_IT_CART: 'pec.it, new customer', CUSTOMER_AREA: 'Customer area', PANEL: 'Web panel',
        MOBILE_APP: 'Mobile app' }
    }
  };
  let lang = 'it';
  let catalog = null;
  let lastRequest = null;
  let lastAnswer = null;
  let timer = null;
  let sequence = 0;
  let cartOrder = [];  // modules in the order they were added, as the answer lists them

  const t = (key) => (TEXT[lang] && TEXT[lang][key]) || key;
  const name = (code) => {
    if (!catalog) return code;
    const all = catalog.plans.concat(catalog.modules, [catalog.users], catalog.extension ? [catalog.extension] : []);
    const p = all.find((x) => x.code === code);
    return p ? p.name[lang] : code;
  };
  const el = (tag, attrs, ...children) => {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (k === 'class') e.className = v; else if (k === 'text') e.textContent = v; else e.setAttribute(k, v);
    });
    children.forEach((c) => e.append(c));
    return e;
  };

  const locale = () => (lang === 'it' ? 'it-IT' : 'en-GB');
  // Amounts and dates as the chosen language writes them (30,00 € in Italian, €30.00 in English).
  const money = (amount) => new Intl.NumberFormat(locale(), { style: 'currency', currency: (catalog && catalog.currency) || 'EUR' })
    .format(parseFloat(amount));
  const day = (iso) => (iso ? new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeZone: 'UTC' })
    .format(new Date(iso + 'T00:00:00Z')) : '—');

  function channelOptions() {
    Array.from($('channel').options).forEach((o) => { o.textContent = t('channels')[o.value] + ' (' + o.value + ')'; });
  }

  // A count the customer typed: a whole number from 0, else the field says so and nothing is evaluated.
  function count(id) {
    const input = $(id);
    const raw = input.value.trim();
    const ok = raw === '' || /^\d+$/.test(raw);
    input.setAttribute('aria-invalid', String(!ok));
    $(id + '-error').hidden = ok;
    $(id + '-error').textContent = ok ? '' : t('notACount');
    return ok ? parseInt(raw || '0', 10) : null;
  }

  function today() {
    return new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Rome' });
  }

  function checkboxes(containerId, prefix) {
    const box = $(containerId);
    box.replaceChildren();
    catalog.modules.forEach((m) => {
      const id = prefix + '-' + m.code;
      const input = el('input', { type: 'checkbox', id: id, value: m.code });
      const label = el('label', { class: 'check', for: id }, input, el('span', { text: m.name[lang], 'data-code': m.code }));
      box.append(label);
    });
  }

  function planOptions(selectId, withNone) {
    const select = $(selectId);
    const value = select.value;
    select.replaceChildren();
    if (withNone) select.append(el('option', { value: '', text: t('noPlan') }));
    catalog.plans.forEach((p) => select.append(el('option', { value: p.code, text: p.name[lang] + ' (' + p.code + ')' })));
    if (value !== '') select.value = value;
  }

  function orderedCartModules() {
    const now = checked('cartModules');
    cartOrder = cartOrder.filter((c) => now.includes(c)).concat(now.filter((c) => !cartOrder.includes(c)));
    return cartOrder.slice();
  }

  function checked(containerId) {
    return Array.from($(containerId).querySelectorAll('input:checked')).map((i) => i.value);
  }

  function readForm() {
    const request = {
      evaluationDate: $('evaluationDate').value || today(),
      channel: $('channel').value,
      platform: $('platform').value,
      cart: {
        modules: orderedCartModules(),
        users: count('cartUsers'),
        extendActiveServices: $('extendActiveServices').checked,
        invoiceThroughArubaPanel: $('invoiceThroughArubaPanel').checked
      }
    };
    if ($('cartPlan').value) request.cart.plan = $('cartPlan').value;
    if ($('hasAccount').checked) {
      request.account = {
        plan: $('accountPlan').value,
        expiresOn: $('accountExpiresOn').value || today(),
        activeModules: checked('activeModules'),
        users: count('accountUsers'),
        contactsMatched: $('contactsMatched').checked
      };
    }
    const invalid = request.cart.users === null || (request.account && request.account.users === null);
    return invalid ? null : request;
  }

  function writeForm(r) {
    $('evaluationDate').value = r.evaluationDate || today();
    $('channel').value = r.channel || 'CUSTOMER_AREA';
    $('platform').value = r.platform || 'ANDROID';
    const a = r.account;
    $('hasAccount').checked = !!a;
    if (a) {
      $('accountPlan').value = a.plan || 'FE';
      $('accountExpiresOn').value = a.expiresOn || '';
      $('accountUsers').value = a.users || 0;
      $('contactsMatched').checked = !!a.contactsMatched;
    }
    setChecked('activeModules', (a && a.activeModules) || []);
    const c = r.cart || {};
    $('cartPlan').value = c.plan || '';
    setChecked('cartModules', c.modules || []);
    cartOrder = (c.modules || []).slice();
    $('cartUsers').value = c.users || 0;
    $('extendActiveServices').checked = c.extendActiveServices !== false;
    $('invoiceThroughArubaPanel').checked = c.invoiceThroughArubaPanel !== false;
    syncVisibility();
  }

  function setChecked(containerId, codes) {
    $(containerId).querySelectorAll('input').forEach((i) => { i.checked = codes.includes(i.value); });
  }

  function syncVisibility() {
    $('account-fields').hidden = !$('hasAccount').checked;
    $('platform').disabled = $('channel').value !== 'MOBILE_APP';
  }

  function schedule() {
    syncVisibility();
    clearTimeout(timer);
    timer = setTimeout(evaluate, 120);
  }

  // The price list in force on the form's evaluation date, and the next scheduled change after it.
  let pricesShown = null;
  async function showPrices(date) {
    const key = date + '|' + lang;
    if (pricesShown === key) return;
    pricesShown = key;
    const response = await fetch('/api/v1/catalog?on=' + encodeURIComponent(date), { headers: { 'Accept-Language': lang } });
    if (!response.ok || pricesShown !== key) return;
    const c = await response.json();
    const list = $('price-list');
    list.replaceChildren();
    c.plans.concat(c.modules, [c.users]).filter((p) => p && p.price !== null)
      .forEach((p) => list.append(el('li', { 'data-code': p.code }, p.name[lang] + ' ', el('strong', { text: money(p.price) }))));
    $('prices-date').textContent = day(c.on);
    const word = (v) => (v === 'in force' ? t('inForce') : v === 'not in force' ? t('notInForce') : v);
    $('next-change').textContent = c.nextChange
      ? day(c.nextChange.date) + ': ' + c.nextChange.changes.map((x) => (x.code ? name(x.code) + ' ' : x.what + ' ')
        + word(x.before) + ' → ' + word(x.after)).join('; ')
      : t('noChange');
    $('next-change').dataset.date = c.nextChange ? c.nextChange.date : '';
  }

  // With a candidate ruleset (RULES_CANDIDATE_DIR), its answer beside the live one: each differing
  // decision listed, and the rows of the items and price lines it touches marked.
  let candidateConfigured = true;
  async function showCandidate(request, mine) {
    if (!candidateConfigured) return;
    const response = await fetch('/api/v1/rules/candidate/compare', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept-Language': lang },
      body: JSON.stringify(request)
    });
    if (response.status === 404) {
      candidateConfigured = false;
      return;
    }
    if (!response.ok || mine !== sequence) return;
    const c = await response.json();
    $('candidate-box').hidden = false;
    $('candidate-version').textContent = c.candidateVersion;
    const list = $('candidate-differences');
    list.replaceChildren();
    const show = (v) => (v === undefined || v === null ? '—' : typeof v === 'string' ? v : JSON.stringify(v));
    c.differences.forEach((d) => list.append(el('li', { 'data-field': d.field },
      el('span', { class: 'code', text: d.field }), ' ' + t('liveLabel') + ' ' + show(d.live) + ' → '
        + t('candidateLabel') + ' ' + show(d.candidate))));
    $('candidate-same').hidden = c.differences.length > 0;
    document.querySelectorAll('tr.differs').forEach((row) => row.classList.remove('differs'));
    c.differences.forEach((d) => {
      const m = /^(items|pricing\.lines)\.([A-Z0-9_]+)/.exec(d.field);
      const table = m ? (m[1] === 'items' ? 'items' : 'lines') : null;
      const row = table && document.querySelector('#' + table + ' tr[data-code="' + m[2] + '"]');
      if (row) row.classList.add('differs');
    });
  }

  async function evaluate() {
    const request = readForm();
    if (request === null) return; // a field says what is wrong
    lastRequest = request;
    showPrices(request.evaluationDate);
    history.replaceState(null, '', '#cart=' + encodeURIComponent(JSON.stringify(request)) + '&lang=' + lang);
    const mine = ++sequence;
    $('results').setAttribute('aria-busy', 'true');
    try {
      const response = await fetch('/api/v1/evaluate?explain=true', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Accept-Language': lang },
        body: JSON.stringify(request)
      });
      const body = await response.json();
      if (mine !== sequence) return;
      if (!response.ok) {
        showError(body.error ? body.error.message + (body.error.details ? ' — ' + body.error.details.map((d) => d.message).join('; ') : '') : response.status);
        return;
      }
      lastAnswer = body;
      render(body);
      showCandidate(request, mine);
    } catch (e) {
      if (mine === sequence) showError(String(e));
    } finally {
      if (mine === sequence) $('results').setAttribute('aria-busy', 'false');
    }
  }

  function showError(message) {
    $('error').hidden = false;
    $('error').textContent = message;
  }

  function render(a) {
    $('error').hidden = true;
    $('ruleset').textContent = t('rulesetLabel') + ' ' + a.rulesetVersion;
    const checkout = $('checkout');
    const empty = a.items.length === 0;
    $('results').classList.toggle('empty', empty);
    checkout.textContent = empty ? t('emptyCart') : a.checkoutAllowed ? t('checkoutOk') : t('checkoutKo');
    checkout.className = 'checkout ' + (empty ? 'none' : a.checkoutAllowed ? 'ok' : 'ko');
    checkout.dataset.allowed = String(a.checkoutAllowed);

    const items = $('items').tBodies[0];
    items.replaceChildren();
    a.items.forEach((i) => {
      const reasonList = el('div', {});
      i.reasons.forEach((r) => reasonList.append(el('span', { class: 'reason', 'data-code': r.code }, r.message + ' ',
        el('span', { class: 'code', text: r.code }))));
      items.append(el('tr', { 'data-code': i.code, 'data-status': i.status },
        el('td', { 'data-label': t('item') }, el('div', {}, name(i.code) + (i.quantity > 1 ? ' × ' + i.quantity : ''),
          el('br'), el('span', { class: 'code', text: i.code }))),
        el('td', { class: 'status-' + i.status, text: t(i.status), 'data-label': t('status') }),
        el('td', { text: day(i.expiresOn), 'data-label': t('expiry') }),
        el('td', { 'data-label': t('reasons') }, reasonList)));
    });

    const suggestions = $('suggestions');
    suggestions.replaceChildren();
    a.suggestions.forEach((s) => {
      const button = el('button', { type: 'button', 'data-action': s.action, 'data-code': s.code, text: t('apply') });
      button.addEventListener('click', () => applySuggestion(s));
      suggestions.append(el('li', {}, s.message + ' ', button));
    });
    $('suggestions-box').hidden = a.suggestions.length === 0;

    const lines = $('lines').tBodies[0];
    lines.replaceChildren();
    a.pricing.lines.forEach((l) => lines.append(el('tr', { 'data-code': l.code },
      el('td', { text: l.description, 'data-label': t('line') }),
      el('td', { text: l.months == null ? '—' : String(l.months), 'data-label': t('months') }),
      el('td', { class: 'num', text: money(l.amount), 'data-label': t('amount') }))));
    $('net').textContent = money(a.pricing.net);
    $('vatRate').textContent = '(' + Math.round(parseFloat(a.pricing.vatRate) * 100) + '%)';
    $('vat').textContent = money(a.pricing.vat);
    $('gross').textContent = money(a.pricing.gross);
    $('account-expiry-after').textContent = day(a.accountExpiresOn);

    const steps = $('steps');
    steps.replaceChildren();
    a.nextSteps.forEach((s) => steps.append(el('li', { 'data-code': s.code },
      name(s.item) + ': ' + s.message + ' ', s.webPanelOnly ? el('span', { class: 'web-only', text: '(' + t('webOnly') + ')' }) : '')));
    steps.hidden = a.nextSteps.length === 0;
    $('steps-none').hidden = a.nextSteps.length > 0;

    const warnings = $('warnings');
    warnings.replaceChildren();
    a.warnings.forEach((w) => warnings.append(el('li', { 'data-code': w.code, text: w.message })));
    $('warnings-box').hidden = a.warnings.length === 0;

    const fired = $('fired-rules');
    fired.replaceChildren();
    (a.firedRules || []).forEach((f) => fired.append(el('li', {}, f.rule + ' ', el('span', { class: 'code', text: f.file }))));
    if (!$('scenario-box').hidden) $('scenario').value = scenarioYaml(); // the scenario follows the cart
  }

  // Quotes: the cart on screen priced today and kept; Confirm checks the rules still decide the same.
  let currentQuote = null;
  const instant = (iso) => new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

  async function quoteCart() {
    if (!lastRequest) return;
    // a quote is always priced today (Europe/Rome): the form's date is left to the server
    const request = Object.assign({}, lastRequest);
    delete request.evaluationDate;
    const response = await fetch('/api/v1/quotes', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept-Language': lang },
      body: JSON.stringify(request)
    });
    const body = await response.json();
    showQuote(response.ok ? body : null, response.ok ? null : body);
  }

  async function confirmQuote() {
    if (!currentQuote) return;
    const response = await fetch('/api/v1/quotes/' + encodeURIComponent(currentQuote.quoteId) + '/confirm', {
      method: 'POST', headers: { 'Accept-Language': lang }
    });
    const body = await response.json();
    showQuote(response.ok ? body : currentQuote, response.ok ? null : body);
  }

  function showQuote(quote, error) {
    currentQuote = quote;
    $('quote-box').hidden = false;
    $('quote-id').textContent = quote ? quote.quoteId : '';
    $('quote-status').textContent = quote ? t(quote.status) : '';
    $('quote-status').dataset.status = quote ? quote.status : '';
    $('quote-valid').textContent = quote ? instant(quote.validUntil) : '';
    $('quote-gross').textContent = quote ? money(quote.answer.pricing.gross) : '';
    $('quote-date').textContent = quote ? day(quote.answer.evaluationDate) : '';
    $('quote-details').hidden = !quote;
    $('confirm-quote').disabled = !quote || quote.status !== 'OPEN';
    const problem = $('quote-error');
    const differences = $('quote-differences');
    differences.replaceChildren();
    problem.hidden = !error;
    problem.textContent = error && error.error ? error.error.message : '';
    if (error && error.error && error.error.code === 'QUOTE_CHANGED') {
      error.error.details.forEach((d) => differences.append(el('li', { 'data-field': d.field },
        el('span', { class: 'code', text: d.field }), ' ' + t('quoted') + ' ' + JSON.stringify(d.quoted === undefined ? null : d.quoted)
          + ', ' + t('now') + ' ' + JSON.stringify(d.now === undefined ? null : d.now))));
    } else if (error && error.error && error.error.details) {
      error.error.details.forEach((d) => differences.append(el('li', { 'data-field': d.field, text: d.message })));
    }
  }

  // YAML of a request, block style, lists inline: readable in a scenario file.
  function yaml(value, indent) {
    const pad = ' '.repeat(indent);
    const scalar = (v) => (typeof v === 'string' ? (/^[A-Z][A-Z0-9_]*$/.test(v) ? v : JSON.stringify(v)) : String(v));
    return Object.entries(value).map(([k, v]) => {
      if (Array.isArray(v)) return pad + k + ': [' + v.map(scalar).join(', ') + ']';
      if (v !== null && typeof v === 'object') return pad + k + ':\n' + yaml(v, indent + 2);
      return pad + k + ': ' + scalar(v);
    }).join('\n');
  }

  function applySuggestion(s) {
    if (s.action === 'ADD_MODULE') {
      const box = $('cartModules').querySelector('input[value="' + s.code + '"]');
      if (box) box.checked = true;
    }
    schedule();
  }

  // A scenario file (rules/scenarios/README.md) with today's answer as its expectation.
  function scenarioYaml() {
    const r = lastRequest;
    const a = lastAnswer;
    if (!r || !a) return '';
    const q = (s) => JSON.stringify(s);
    const out = [];
    out.push('scenarios:');
    out.push('  - name: ' + q('playground case ' + new Date().toISOString().slice(0, 19)));
    out.push('    covers: []');
    if (lang !== 'it') out.push('    language: ' + lang);
    out.push('    given:');
    out.push(yaml(r, 6));
    out.push('    expect:');
    out.push('      checkoutAllowed: ' + a.checkoutAllowed);
    out.push('      accountExpiresOn: ' + (a.accountExpiresOn ? q(a.accountExpiresOn) : 'null'));
    out.push('      items:');
    if (a.items.length === 0) out[out.length - 1] += ' {}';
    a.items.forEach((i) => out.push('        ' + i.code + ': { status: ' + i.status + ', expiresOn: ' +
      (i.expiresOn ? q(i.expiresOn) : 'null') + ', reasons: [' + i.reasons.map((x) => x.code).join(', ') + '] }'));
    out.push('      pricing:');
    out.push('        net: ' + q(a.pricing.net));
    out.push('        vat: ' + q(a.pricing.vat));
    out.push('        gross: ' + q(a.pricing.gross));
    out.push('        lines:' + (a.pricing.lines.length === 0 ? ' {}' : ''));
    a.pricing.lines.forEach((l) => out.push('          ' + l.code + ': { amount: ' + q(l.amount) + ', months: ' +
      (l.months == null ? 'null' : l.months) + ' }'));
    out.push('      warnings: [' + a.warnings.map((w) => w.code).join(', ') + ']');
    out.push('      suggestions: [' + a.suggestions.map((s) => '{ action: ' + s.action + ', code: ' + s.code + ' }').join(', ') + ']');
    return out.join('\n') + '\n';
  }

  async function copy(text) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch (e) {
      return false;
    }
  }

  function applyLanguage(next) {
    lang = next;
    document.documentElement.lang = lang;
    document.querySelectorAll('[data-i18n]').forEach((e) => { e.textContent = t(e.dataset.i18n); });
    channelOptions();
    $('lang-it').setAttribute('aria-pressed', String(lang === 'it'));
    $('lang-en').setAttribute('aria-pressed', String(lang === 'en'));
    if (catalog) {
      // The form is rebuilt in the new language with what was typed, an invalid count included.
      const typed = { cartUsers: $('cartUsers').value, accountUsers: $('accountUsers').value };
      const active = checked('activeModules');
      const modules = orderedCartModules();
      checkboxes('activeModules', 'active');
      checkboxes('cartModules', 'cart');
      planOptions('accountPlan', false);
      planOptions('cartPlan', true);
      setChecked('activeModules', active);
      setChecked('cartModules', modules);
      Object.entries(typed).forEach(([id, value]) => { $(id).value = value; });
    }
    schedule();
  }

  function fromUrl() {
    const params = new URLSearchParams(location.hash.slice(1));
    let request = null;
    try {
      request = params.get('cart') ? JSON.parse(params.get('cart')) : null;
    } catch (e) {
      request = null;
    }
    return { request: request, lang: params.get('lang') === 'en' ? 'en' : 'it' };
  }

  async function start() {
    const state = fromUrl();
    lang = state.lang;
    const response = await fetch('/api/v1/catalog', { headers: { 'Accept-Language': lang } });
    if (!response.ok) {
      let message = String(response.status);
      try {
        const body = await response.json();
        if (body.error) message = body.error.message;
      } catch (e) { /* not JSON: the status says enough */ }
      showError(message);
      setTimeout(start, 2000);
      return;
    }
    catalog = await response.json();
    checkboxes('activeModules', 'active');
    checkboxes('cartModules', 'cart');
    planOptions('accountPlan', false);
    planOptions('cartPlan', true);
    const next = new Date();
    next.setMonth(next.getMonth() + 4);
    writeForm(state.request || {
      evaluationDate: today(), channel: 'CUSTOMER_AREA', platform: 'ANDROID',
      account: { plan: 'FE', expiresOn: next.toLocaleDateString('sv-SE'), activeModules: [], users: 0, contactsMatched: false },
      cart: { modules: [], users: 0, extendActiveServices: true, invoiceThroughArubaPanel: true }
    });
    $('cart-form').addEventListener('input', schedule);
    $('cart-form').addEventListener('change', schedule);
    $('lang-it').addEventListener('click', () => applyLanguage('it'));
    $('lang-en').addEventListener('click', () => applyLanguage('en'));
    $('copy-scenario').addEventListener('click', async () => {
      const yaml = scenarioYaml();
      $('scenario-box').hidden = false;
      $('scenario').value = yaml;
      await copy(yaml);
    });
    $('share').addEventListener('click', () => copy(location.href));
    $('quote-cart').addEventListener('click', quoteCart);
    $('confirm-quote').addEventListener('click', confirmQuote);
    applyLanguage(lang);
  }

  start();
})();
