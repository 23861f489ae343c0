/* Costs at the visitor's workload, computed and rounded as the server does: docs/comparison-engine.md */
(function () {
 'use strict';
 var el = document.getElementById('calculator-data');
 var form = $('form.calculator');
 if (!el || !form || typeof BigInt !== 'function') { return; }
 var data = JSON.parse(el.textContent);
 var T = BigInt(10);
 function $(q) { return document.querySelector(q); }
 // Exact decimals: [BigInt, scale].
 function dec(s) {
  s = String(s);
  var p = s.indexOf('.');
  return [BigInt(s.replace('.', '')), p < 0 ? 0 : s.length - p - 1];
 }
 function up(a, s) { return a[0] * (T ** BigInt(s - a[1])); }
 function add(a, b) { var s = Math.max(a[1], b[1]); return [up(a, s) + up(b, s), s]; }
 function sub(a, b) { return add(a, [-b[0], b[1]]); }
 function mul(a, b) { return [a[0] * b[0], a[1] + b[1]]; }
 function cmp(a, b) { var s = Math.max(a[1], b[1]), x = up(a, s), y = up(b, s); return x < y ? -1 : x > y ? 1 : 0; }
 function sign(a) { return a[0] < 0 ? -1 : a[0] > 0 ? 1 : 0; }
 var ZERO = [BigInt(0), 0], ONE = [BigInt(1), 0], NA = 'Unavailable';
 function cents(a) {
  if (a[1] <= 2) { return [up(a, 2), 2]; }
  var d = T ** BigInt(a[1] - 2), neg = a[0] < 0, m = neg ? -a[0] : a[0], q = m / d;
  if ((m % d) * BigInt(2) >= d) { q += ONE[0]; }
  return [neg ? -q : q, 2];
 }
 function plain(a) {
  var neg = a[0] < 0, digits = (neg ? -a[0] : a[0]).toString();
  if (a[1] > 0) {
   while (digits.length <= a[1]) { digits = '0' + digits; }
   digits = digits.slice(0, digits.length - a[1]) + '.' + digits.slice(digits.length - a[1]);
  }
  return (neg ? '-' : '') + digits;
 }
 function strip(a) {
  var m = a[0], s = a[1];
  while (s > 0 && m % T === ZERO[0]) { m = m / T; s--; }
  return [m, s];
 }
 function grouped(text) {
  var p = text.indexOf('.'), i = p < 0 ? text.length : p, head = text.slice(0, i);
  return head.replace(/\B(?=(\d{3})+$)/g, ',') + text.slice(i);
 }
 function usd(a) { var c = cents(a); return (sign(c) < 0 ? '-$' : '$') + grouped(plain([c[0] < 0 ? -c[0] : c[0], 2])); }
 function price(a) { var p = strip(a); return '$' + plain(p[1] < 2 ? [up(p, 2), 2] : p); }
 function usable(s) { if (s === undefined || s === null) { return null; } var d = dec(s); return sign(d) < 0 ? null : d; }
 function orElse(s, fallback) { var d = usable(s); return d === null ? fallback : d; }
 function tokens(w) {
  var r = BigInt(w.requests);
  return { input: [r * BigInt(w.input), 0], output: [r * BigInt(w.output), 0], cached: w.cached, long: w.long, batch: w.batch };
 }
 function firstTier(route) {
  var first = null;
  (route.tiers || []).forEach((t) => { if (first === null || t.above < first.above) { first = t; } });
  return first;
 }
 function cost(t, route, out) {
  var total = out ? t.output : t.input;
  if (sign(total) === 0) { return ZERO; }
  var base = usable(out ? route.out : route.in);
  if (base === null) { return null; }
  var standard = add(mul(base, sub(ONE, t.batch)), mul(orElse(out ? route.bout : route.bin, base), t.batch));
  var tier = firstTier(route);
  var longPrice = tier === null ? standard : orElse(out ? tier.out : tier.in, standard);
  var cachedPrice = out ? null : usable(route.cin);
  function withCache(p) {
   if (out) { return p; }
   return add(mul(p, sub(ONE, t.cached)), mul(cachedPrice === null ? p : cachedPrice, t.cached));
  }
  var sum = add(mul(mul(total, sub(ONE, t.long)), withCache(standard)), mul(mul(total, t.long), withCache(longPrice)));
  return [sum[0], sum[1] + 6];
 }
 function cheapest(routes, f) {
  var best = -1, lowest = null;
  routes.forEach((route, i) => {
    var c = f(route);
    if (c !== null && (lowest === null || cmp(c, lowest) < 0)) { best = i; lowest = c; }
  });
  return best;
 }
 function modelCost(model, w) {
  var t = tokens(w), active = model.routes.filter(r => !r.deprecated);
  var i = cheapest(active, r => cost(t, r, false));
  var o = cheapest(active, r => cost(t, r, true));
  if (i < 0 || o < 0) { return { usd: null, note: 'No complete token price in local provider data', prices: '' }; }
  var inRoute = active[i], outRoute = active[o];
  var pin = usable(inRoute.in), pout = usable(outRoute.out);
  return {
   usd: cents(add(cost(t, inRoute, false), cost(t, outRoute, true))),
   note: i === o ? 'Cheapest tracked route/tier: ' + inRoute.name
   : 'Cheapest tracked input: ' + inRoute.name + '; output: ' + outRoute.name,
   prices: pin !== null && pout !== null ? price(pin) + ' input and ' + price(pout) + ' output per 1M tokens' : ''
  };
 }
 var REASONS = ['deprecated', 'context too small', 'no cache price'];
 function routeCosts(model, w) {
  var t = tokens(w), perRequest = BigInt(w.input) + BigInt(w.output);
  var rows = model.routes.map((route, index) => {
    var i = cost(t, route, false), o = cost(t, route, true), unfit = [];
    var window = route.window !== undefined ? route.window : model.window;
    if (route.deprecated) { unfit.push(0); }
    if (window !== undefined && perRequest > BigInt(window)) { unfit.push(1); }
    if (sign(t.cached) > 0 && sign(t.input) > 0 && usable(route.cin) === null) { unfit.push(2); }
    return { index: index, usd: i === null || o === null ? null : cents(add(i, o)), unfit: unfit, cheapest: false };
  });
  rows.sort((a, b) => {
    if (a.usd === null || b.usd === null) { return (a.usd === null) - (b.usd === null); }
    return cmp(a.usd, b.usd);
  });
  for (var k = 0; k < rows.length; k++) {
   if (rows[k].unfit.length === 0 && rows[k].usd !== null) { rows[k].cheapest = true; break; }
  }
  return rows;
 }
 function state(row) {
  if (row.cheapest) { return 'Cheapest'; }
  var text = row.unfit.map(u => REASONS[u]).join('; ');
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : '';
 }
 function deltaNote(a, b, ca, cb) {
  if (ca.usd === null || cb.usd === null) {
   return 'Cost delta unavailable until both models have sourced input and output token prices.';
  }
  var order = cmp(ca.usd, cb.usd);
  if (order === 0) { return 'Both cost ' + usd(ca.usd) + ' per month at this traffic.'; }
  var diff = order > 0 ? sub(ca.usd, cb.usd) : sub(cb.usd, ca.usd);
  return (order > 0 ? a.name : b.name) + ' costs ' + usd(diff) + ' more per month than '
  + (order > 0 ? b.name : a.name) + ' at this traffic.';
 }
 function count(n) { return grouped(n); }
 function percent(share) { return plain(strip([share[0], share[1] - 2])) + '%'; }
 function traffic(w) {
  var text = 'Assumes ' + count(w.requests) + ' requests a month, ' + count(w.input) + ' input and '
  + count(w.output) + ' output tokens each.';
  if (sign(w.cached) > 0) { text += ' ' + percent(w.cached) + ' of input tokens are served from cache.'; }
  if (sign(w.long) > 0) { text += ' ' + percent(w.long) + " of requests go above a route's context tier."; }
  if (cmp(w.batch, ONE) >= 0) { text += ' Batch prices apply where a route has them.'; }
  else if (sign(w.batch) > 0) { text += ' ' + percent(w.batch) + ' of requests pay batch prices where a route has them.'; }
  return text;
 }
 var WHOLE = /^\d{1,13}$/, SHARE = /^\d{1,3}(\.\d{1,4})?$/;
 var LIMITS = { requests: '1000000000000', input: '10000000', output: '10000000' };
 function field(name) { return form.elements[name]; }
 function read() {
  var w = {}, ok = true;
  ['requests', 'input', 'output', 'cached', 'long', 'batch'].forEach((name) => {
    var value = field(name).value.trim(), error = '';
    if (LIMITS[name]) {
     if (!WHOLE.test(value) || BigInt(value) > BigInt(LIMITS[name])) {
      error = 'Enter a whole number from 0 to ' + grouped(LIMITS[name]) + '.';
     } else { w[name] = BigInt(value).toString(); }
    } else if (!SHARE.test(value) || cmp(dec(value), [BigInt(100), 0]) > 0) {
     error = 'Enter a percentage from 0 to 100.';
    } else { var d = dec(value); w[name] = [d[0], d[1] + 2]; }
    var message = document.getElementById('calc-' + name + '-error');
    message.textContent = error;
    if (error) { field(name).setAttribute('aria-invalid', 'true'); ok = false; }
    else { field(name).removeAttribute('aria-invalid'); }
  });
  return ok ? w : null;
 }
 function text(el, value) { if (el) { el.textContent = value; } }
 var initial = new URLSearchParams(new FormData(form)).toString();
 function update() {
  var w = read();
  if (w === null) { return; }
  var models = data.models, costs = models.map(m => modelCost(m, w));
  text($('[data-calc-traffic]'), traffic(w));
  document.querySelectorAll('[data-calc-model]').forEach((box, i) => {
    text(box.querySelector('[data-calc-amount]'), costs[i].usd === null ? NA : usd(costs[i].usd));
    text(box.querySelector('[data-calc-note]'), costs[i].note);
    text(box.querySelector('[data-calc-prices]'), costs[i].prices);
  });
  if (models.length === 2) { text($('[data-calc-delta]'), deltaNote(models[0], models[1], costs[0], costs[1])); }
  var curve = $('[data-calc-curve]');
  if (curve) {
   var levels = data.levels.slice().sort((a, b) => a - b);
   [].forEach.call(curve.rows, (tr, i) => {
     var at = Object.assign({}, w, { requests: String(levels[i]) });
     models.forEach((m, k) => {
       var c = modelCost(m, at);
       text(tr.cells[k + 1], c.usd === null ? NA : usd(c.usd));
     });
   });
  }
  var chart = $('[data-calc-chart]');
  if (chart) { chart.hidden = new URLSearchParams(new FormData(form)).toString() !== initial; }
  models.forEach((m, k) => {
    var table = $('[data-calc-routes="' + k + '"]');
    if (!table) { return; }
    var body = table.tBodies[0], byIndex = {};
    [].forEach.call(body.rows, (tr) => { byIndex[tr.getAttribute('data-route')] = tr; });
    routeCosts(m, w).forEach((row) => {
      var tr = byIndex[row.index];
      text(tr.querySelector('[data-calc-route-cost]'), row.usd === null ? NA : usd(row.usd));
      text(tr.querySelector('[data-calc-route-state]'), state(row));
      tr.className = row.cheapest ? 'cheapest' : row.unfit.length ? 'unfit' : '';
      body.appendChild(tr);
    });
  });
 }
 form.addEventListener('input', update);
 form.setAttribute('data-calc-live', '');
}());
