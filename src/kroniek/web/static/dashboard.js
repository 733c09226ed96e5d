"use strict";
// kroniek's dashboard. Every view follows from the URL's query parameters, so a URL reproduces it;
// every figure comes from the REST API under /api/ and is drawn with plotly.js served by this server.

const KEYS = ["since", "until", "actor", "code", "status", "quad", "d1", "d2", "freq", "directed", "run", "on", "level",
  "ldyad", "lsince", "luntil", "offset", "doc", "ev"];
const PAGE = 25;
const PLOT_CONFIG = { displaylogo: false, responsive: true };
const QUAD_NAMES = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };

let state = readState();
let shapes = null; // the country outlines, fetched once

function readState() {
  const params = new URLSearchParams(location.search);
  const found = {};
  for (const key of KEYS) {
    const value = params.get(key);
    if (value !== null && value !== "") found[key] = value;
  }
  return found;
}

function setState(changes, push = true) {
  state = { ...state, ...changes };
  const params = new URLSearchParams();
  for (const key of KEYS) {
    if (state[key] !== undefined && state[key] !== null && state[key] !== "") params.set(key, state[key]);
    else delete state[key];
  }
  const url = location.pathname + (params.toString() ? "?" + params : "");
  history[push ? "pushState" : "replaceState"](null, "", url);
}

async function api(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") query.append(key, value);
  }
  const response = await fetch(path + (query.toString() ? "?" + query : ""));
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || response.statusText);
  return body;
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return node;
}

function showError(error) {
  document.getElementById("error").textContent = error ? String(error.message || error) : "";
}

// The filters every panel shares.
function filters() {
  return { since: state.since, until: state.until, actor: state.actor, code: state.code, status: state.status,
    quad: state.quad };
}

// -- forms -----------------------------------------------------------------------------------------

function fillForms() {
  const form = document.getElementById("filters");
  for (const name of ["since", "until", "actor", "code", "status", "quad"]) form.elements[name].value = state[name] || "";
  if (!state.status) form.elements.status.value = "asserted";
  const dyads = document.getElementById("dyad-form");
  for (const n of [1, 2]) {
    const [a, b] = (state["d" + n] || ",").split(",");
    dyads.elements["a" + n].value = a || "";
    dyads.elements["b" + n].value = b || "";
  }
  dyads.elements.freq.value = state.freq || "month";
  dyads.elements.directed.checked = state.directed === "1";
  dyads.elements.run.value = state.run || "2";
  dyads.elements.on.value = state.on || "balance";
  document.getElementById("network-level").value = state.level || "actor";
}

function wireForms() {
  document.getElementById("filters").addEventListener("submit", (event) => {
    event.preventDefault();
    const form = event.target.elements;
    const status = form.status.value === "asserted" ? "" : form.status.value;
    setState({ since: form.since.value.trim(), until: form.until.value.trim(), actor: form.actor.value.trim().toUpperCase(),
      code: form.code.value.trim(), status, quad: form.quad.value, offset: "" });
    renderAll();
  });
  document.getElementById("dyad-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const form = event.target.elements;
    const dyad = (n) => {
      const a = form["a" + n].value.trim().toUpperCase(), b = form["b" + n].value.trim().toUpperCase();
      return a && b ? a + "," + b : "";
    };
    setState({ d1: dyad(1), d2: dyad(2), freq: form.freq.value, directed: form.directed.checked ? "1" : "",
      run: form.run.value === "2" ? "" : form.run.value, on: form.on.value === "balance" ? "" : form.on.value });
    track(renderDyads());
  });
  document.getElementById("network-level").addEventListener("change", (event) => {
    setState({ level: event.target.value === "actor" ? "" : event.target.value });
    track(renderNetwork());
  });
  document.getElementById("prev").addEventListener("click", () => page(-1));
  document.getElementById("next").addEventListener("click", () => page(1));
  document.getElementById("close-article").addEventListener("click", () => {
    setState({ doc: "", ev: "" });
    openArticle();
  });
  window.addEventListener("popstate", () => {
    state = readState();
    fillForms();
    renderAll();
  });
}

function page(step) {
  const offset = Math.max(0, (+state.offset || 0) + step * PAGE);
  setState({ offset: offset ? String(offset) : "" });
  track(renderEvents());
}

// -- dyad timelines --------------------------------------------------------------------------------

function periodRange(start, freq) {
  // the first and last day of the period that starts on `start` (YYYY-MM-DD)
  const day = new Date(start + "T00:00:00Z");
  const end = new Date(day);
  if (freq === "year") end.setUTCFullYear(end.getUTCFullYear() + 1);
  else if (freq === "month") end.setUTCMonth(end.getUTCMonth() + 1);
  else if (freq === "week") end.setUTCDate(end.getUTCDate() + 7);
  else end.setUTCDate(end.getUTCDate() + 1);
  end.setUTCDate(end.getUTCDate() - 1);
  return [start, end.toISOString().slice(0, 10)];
}

function yoyoText(y) {
  if (!y.periods) return "No periods in range.";
  const parts = [`${y.turning_points.length} turning point(s)`, `${y.cycles} full cycle(s)`];
  if (y.mean_cycle_periods !== null) parts.push(`mean cycle ${y.mean_cycle_periods} periods`);
  if (y.volatility !== null) parts.push(`volatility ${y.volatility}`);
  return "Yo-yo: " + parts.join(", ") + ".";
}

async function renderDyad(n) {
  const chart = document.getElementById("chart" + n), info = document.getElementById("yoyo" + n);
  const [a, b] = (state["d" + n] || "").split(",");
  if (!a || !b) {
    Plotly.purge(chart);
    delete chart.dataset.dyad;
    info.textContent = `Dyad ${n}: enter two actor codes.`;
    return;
  }
  const freq = state.freq || "month";
  const directed = state.directed === "1";
  const s = await api("/api/series", { source: a, target: b, freq, directed, codes: state.code,
    since: state.since, until: state.until, status: state.status, min_run: state.run, on: state.on });
  const goldstein = state.on === "goldstein_sum"; // the turns are of the Goldstein sum, drawn on a right-hand axis
  // one category per period label (2020, 2020-10, 2020-W41, 2020-10-02); customdata holds its first day
  const x = s.periods.map((p) => p.period);
  const starts = s.periods.map((p) => p.period_start);
  const turns = new Set(s.turning_points.map((t) => t.period));
  const turning = s.periods.filter((p) => turns.has(p.period));
  const traces = [
    { type: "bar", name: "cooperative", x, y: s.periods.map((p) => p.cooperative), customdata: starts,
      marker: { color: "#6cb07f" }, hovertemplate: "%{x}: %{y} cooperative<extra></extra>" },
    { type: "bar", name: "conflictual", x, y: s.periods.map((p) => -p.conflictual), customdata: starts,
      marker: { color: "#e07b72" }, hovertemplate: "%{x}: %{y} (conflictual)<extra></extra>" },
    { type: "scatter", mode: "lines+markers", name: "balance", x, y: s.periods.map((p) => p.balance), customdata: starts,
      line: { color: "#23323f", width: 2 }, marker: { size: 5 }, hovertemplate: "%{x}: balance %{y}<extra></extra>" },
    { type: "scatter", mode: "markers", name: "turning points", x: turning.map((p) => p.period),
      y: turning.map((p) => (goldstein ? p.goldstein_sum : p.balance)), customdata: turning.map((p) => p.period_start),
      yaxis: goldstein ? "y2" : "y",
      marker: { symbol: "diamond", size: 14, color: "#f0a020", line: { color: "#222", width: 1 } },
      hovertemplate: "turning point %{x}<extra></extra>" },
  ];
  if (goldstein) {
    traces.splice(3, 0, { type: "scatter", mode: "lines", name: "Goldstein sum", x, customdata: starts, yaxis: "y2",
      y: s.periods.map((p) => p.goldstein_sum), line: { color: "#7b4fa0", width: 1.5, dash: "dot" },
      hovertemplate: "%{x}: Goldstein sum %{y}<extra></extra>" });
  }
  const layout = {
    title: { text: `${a} ${directed ? "→" : "↔"} ${b} per ${freq}`, font: { size: 14 } },
    barmode: "relative", hovermode: "closest", margin: { l: 45, r: goldstein ? 55 : 10, t: 36, b: 30 },
    legend: { orientation: "h", y: -0.12 }, xaxis: { type: "category", automargin: true },
    yaxis: { title: { text: "events (conflictual below zero)" }, zeroline: true },
  };
  if (goldstein) layout.yaxis2 = { title: { text: "Goldstein sum" }, overlaying: "y", side: "right", zeroline: false };
  await Plotly.react(chart, traces, layout, PLOT_CONFIG);
  chart.dataset.dyad = `${a},${b}`;
  chart.removeAllListeners("plotly_click");
  chart.on("plotly_click", (event) => {
    const [since, until] = periodRange(String(event.points[0].customdata), freq);
    setState({ ldyad: `${a},${b}`, lsince: since, luntil: until, offset: "" });
    track(renderEvents());
  });
  info.textContent = yoyoText(s.yoyo);
}

function settled(promises) {
  // wait for every promise; then fail with the first failure, if any
  return Promise.allSettled(promises).then((results) => {
    const failed = results.find((r) => r.status === "rejected");
    if (failed) throw failed.reason;
  });
}

function renderDyads() {
  return settled([renderDyad(1), renderDyad(2)]);
}

// -- network ---------------------------------------------------------------------------------------

function edgeColour(mean) {
  if (mean === null || Math.abs(mean) < 0.5) return "#888";
  return mean > 0 ? "#2e8b57" : "#c0392b";
}

async function renderNetwork() {
  const chart = document.getElementById("network");
  const level = state.level || "actor";
  const r = await api("/api/network", { since: state.since, until: state.until, actor: state.actor, codes: state.code,
    status: state.status, level, limit: 30 });
  const weight = new Map();
  for (const e of r.edges) {
    weight.set(e.source, (weight.get(e.source) || 0) + e.events);
    weight.set(e.target, (weight.get(e.target) || 0) + e.events);
  }
  const nodes = [...weight.keys()].sort((p, q) => weight.get(q) - weight.get(p) || p.localeCompare(q));
  // around a circle, the busiest actors spread apart (every stride-th place) so that their edges do not bunch
  const count = Math.max(nodes.length, 1);
  const gcd = (p, q) => (q ? gcd(q, p % q) : p);
  let stride = Math.max(1, Math.round(count / 3));
  while (gcd(stride, count) !== 1) stride += 1;
  const at = new Map(nodes.map((node, i) => {
    const angle = Math.PI / 2 - (2 * Math.PI * ((i * stride) % count)) / count;
    return [node, [Math.cos(angle), Math.sin(angle)]];
  }));
  const most = Math.max(1, ...r.edges.map((e) => e.events));
  const heaviest = Math.max(1, ...weight.values());
  const links = r.edges.filter((e) => e.source !== e.target);
  const annotations = links.map((e) => {
    const [sx, sy] = at.get(e.source), [tx, ty] = at.get(e.target);
    return { x: tx, y: ty, ax: sx, ay: sy, xref: "x", yref: "y", axref: "x", ayref: "y", text: "", showarrow: true,
      arrowhead: 2, arrowsize: 1, arrowwidth: 1 + (4 * e.events) / most, arrowcolor: edgeColour(e.goldstein_mean),
      standoff: 9, startstandoff: 9, opacity: 0.75 };
  });
  // each edge's midpoint, nudged to its left so that A→B and B→A stay apart: hover text and click target
  const mids = links.map((e) => {
    const [sx, sy] = at.get(e.source), [tx, ty] = at.get(e.target);
    const dx = tx - sx, dy = ty - sy, length = Math.hypot(dx, dy) || 1;
    return [(sx + tx) / 2 - (0.04 * dy) / length, (sy + ty) / 2 + (0.04 * dx) / length];
  });
  const traces = [
    { type: "scatter", mode: "markers", name: "edges", x: mids.map((m) => m[0]), y: mids.map((m) => m[1]),
      customdata: links.map((e) => [e.source, e.target]),
      text: links.map((e) => `${e.source} → ${e.target}: ${e.events} events, Goldstein mean ${e.goldstein_mean}`),
      hoverinfo: "text", marker: { size: 9, color: links.map((e) => edgeColour(e.goldstein_mean)), opacity: 0.6 } },
    { type: "scatter", mode: "markers+text", name: "actors", x: nodes.map((n) => at.get(n)[0]),
      y: nodes.map((n) => at.get(n)[1]), text: nodes, hoverinfo: "text",
      textposition: nodes.map((n) => { // labels outside the circle
        const [x, y] = at.get(n);
        if (Math.abs(x) < 0.3) return y > 0 ? "top center" : "bottom center";
        return x > 0 ? "middle right" : "middle left";
      }),
      hovertext: nodes.map((n) => `${n}: ${weight.get(n)} events`),
      marker: { size: nodes.map((n) => 10 + 22 * Math.sqrt(weight.get(n) / heaviest)), color: "#5b8fc7",
        line: { color: "#23323f", width: 1 } } },
  ];
  const axis = { visible: false, range: [-1.5, 1.5] };
  const layout = { showlegend: false, annotations, xaxis: axis, yaxis: { ...axis, scaleanchor: "x" },
    margin: { l: 5, r: 5, t: 5, b: 5 }, hovermode: "closest" };
  if (!links.length) layout.annotations = [{ text: "No events between actors in this period.", showarrow: false,
    x: 0, y: 0, xref: "x", yref: "y" }];
  await Plotly.react(chart, traces, layout, PLOT_CONFIG);
  chart.removeAllListeners("plotly_click");
  chart.on("plotly_click", (event) => {
    const point = event.points.find((p) => p.data.name === "edges");
    if (!point) return;
    setState({ d1: point.customdata.join(","), ldyad: point.customdata.join(","), lsince: "", luntil: "", offset: "" });
    fillForms();
    track(settled([renderDyads(), renderEvents()]));
  });
}

// -- map -------------------------------------------------------------------------------------------

function extent(places) {
  // the part of the world where the events took place, with a margin; the whole world when none is known
  if (!places.length) return { lataxis: { range: [-58, 85] } };
  const lats = places.map((p) => p.lat), lons = places.map((p) => p.lon);
  const clamp = (v, low, high) => Math.min(high, Math.max(low, v));
  const lat = [clamp(Math.min(...lats) - 12, -58, 85), clamp(Math.max(...lats) + 12, -58, 85)];
  const lon = [clamp(Math.min(...lons) - 25, -180, 180), clamp(Math.max(...lons) + 25, -180, 180)];
  return { lataxis: { range: lat }, lonaxis: { range: lon }, center: { lat: (lat[0] + lat[1]) / 2, lon: (lon[0] + lon[1]) / 2 } };
}

async function renderMap() {
  const chart = document.getElementById("map");
  if (!shapes) shapes = await api("/api/geo/countries");
  const m = await api("/api/map", filters());
  const involved = new Map(m.countries.map((c) => [c.country, c]));
  const ids = shapes.features.map((f) => f.id);
  const z = ids.map((id) => (involved.get(id) || {}).involved || 0);
  const names = shapes.features.map((f) => (f.properties && f.properties.name) || f.id);
  const biggest = Math.max(1, ...m.places.map((p) => p.events));
  const traces = [
    { type: "choropleth", name: "countries", geojson: shapes, featureidkey: "id", locationmode: "geojson-id",
      locations: ids, z, zmin: 0, zmax: Math.max(1, ...z), text: names,
      colorscale: [[0, "#efefea"], [0.0001, "#fde3c8"], [1, "#b3261e"]],
      marker: { line: { color: "#9a9a9a", width: 0.4 } }, colorbar: { title: { text: "events" }, thickness: 10 },
      hovertemplate: "%{text}: %{z} events<extra></extra>" },
    { type: "scattergeo", name: "places", mode: "markers", lat: m.places.map((p) => p.lat), lon: m.places.map((p) => p.lon),
      text: m.places.map((p) => `${p.name}: ${p.events} events, Goldstein mean ${p.goldstein_mean}`), hoverinfo: "text",
      marker: { size: m.places.map((p) => 6 + 18 * Math.sqrt(p.events / biggest)), color: m.places.map((p) => p.goldstein_mean),
        colorscale: "RdYlGn", cmin: -10, cmax: 10, line: { color: "#333", width: 0.6 }, opacity: 0.85 } },
  ];
  const layout = { margin: { l: 0, r: 0, t: 0, b: 0 }, showlegend: false,
    geo: { showland: false, showocean: false, showcoastlines: false, showcountries: false, showlakes: false,
      showrivers: false, showframe: false, showsubunits: false, bgcolor: "#dfe9f1", projection: { type: "natural earth" },
      ...extent(m.places) } };
  // plotly.js fetches a world topojson for geo plots from its CDN unless told where else: from us
  await Plotly.react(chart, traces, layout, { ...PLOT_CONFIG, topojsonURL: "/api/geo/topojson/" });
}

// -- event list ------------------------------------------------------------------------------------

function actorCell(actor) {
  if (!actor) return "–";
  return `${actor.name || actor.text} (${actor.code || "?"})`;
}

function chip(text, clear) {
  return el("span", { class: "chip" }, text, el("button", { type: "button", title: "remove", onclick: clear }, "×"));
}

async function renderEvents() {
  const query = { ...filters(), limit: PAGE, offset: state.offset };
  if (state.ldyad) query.dyad = state.ldyad;
  if (state.lsince) query.since = state.lsince;
  if (state.luntil) query.until = state.luntil;
  const r = await api("/api/events", query);
  const chips = document.getElementById("list-chips");
  chips.replaceChildren();
  if (state.ldyad) chips.append(chip(`dyad ${state.ldyad.replace(",", " ↔ ")}`, () => clearList({ ldyad: "" })));
  if (state.lsince || state.luntil) chips.append(chip(`${state.lsince || "…"} to ${state.luntil || "…"}`,
    () => clearList({ lsince: "", luntil: "" })));
  const rows = r.events.map((e) => {
    const row = el("tr", { "data-doc": e.doc_id, "data-start": e.evidence.start, "data-end": e.evidence.end },
      el("td", {}, e.date || e.doc_date || "undated"), el("td", {}, actorCell(e.source)),
      el("td", { class: "quad" + e.quad_class, title: QUAD_NAMES[e.quad_class] || "" }, `${e.cameo} ${e.cameo_name}`),
      el("td", {}, actorCell(e.target)), el("td", {}, e.status), el("td", {}, e.doc_id));
    row.addEventListener("click", () => {
      setState({ doc: e.doc_id, ev: `${e.evidence.start}-${e.evidence.end}` });
      openArticle();
    });
    return row;
  });
  document.querySelector("#events tbody").replaceChildren(...rows);
  const offset = +state.offset || 0;
  document.getElementById("page-info").textContent = r.total
    ? `${offset + 1}–${offset + r.events.length} of ${r.total}` : "no events match";
  document.getElementById("prev").disabled = offset === 0;
  document.getElementById("next").disabled = offset + r.events.length >= r.total;
  markOpenRow();
}

function clearList(changes) {
  setState({ ...changes, offset: "" });
  track(renderEvents());
}

function markOpenRow() {
  for (const row of document.querySelectorAll("#events tbody tr")) {
    const key = `${row.dataset.start}-${row.dataset.end}`;
    row.classList.toggle("open", row.dataset.doc === state.doc && key === state.ev);
  }
}

// -- the article, its evidence and the explain trace -----------------------------------------------

function selectedSpan() {
  const match = /^(\d+)-(\d+)$/.exec(state.ev || "");
  return match ? [+match[1], +match[2]] : null;
}

function renderText(text, events, mentions, selected) {
  // cut the text at every span boundary; each piece is marked by the spans that cover it
  const cuts = new Set([0, text.length]);
  const spans = events.map((e) => [e.evidence.start, e.evidence.end, e]);
  for (const [start, end] of spans) { cuts.add(start); cuts.add(end); }
  for (const m of mentions) { cuts.add(m.start); cuts.add(m.end); }
  const points = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((p, q) => p - q);
  const pieces = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    let node = document.createTextNode(text.slice(start, end));
    if (mentions.some((m) => m.start <= start && end <= m.end)) {
      const mention = mentions.find((m) => m.start <= start && end <= m.end);
      node = el("span", { class: "actor", title: mention.code ? `${mention.code} ${mention.name || ""}` : "unresolved" }, node);
    }
    const covering = spans.filter(([s, e]) => s <= start && end <= e);
    if (covering.length) {
      const isSelected = selected && selected[0] <= start && end <= selected[1];
      node = el("mark", { class: isSelected ? "selected" : "",
        title: covering.map(([, , e]) => `${e.cameo} ${e.cameo_name}: ${e.source.code} → ${e.target ? e.target.code : "–"} (${e.status})`).join("\n") },
      node);
    }
    pieces.push(node);
  }
  document.getElementById("article-text").replaceChildren(...pieces);
}

function renderExplain(trace, selected) {
  const box = document.getElementById("explain");
  const items = trace.sentences.map((s) => {
    const lines = [el("div", { class: "line" }, `[${s.index}] ${s.text}`)];
    for (const a of s.actors) {
      lines.push(el("div", { class: "line" }, `    actor   ${JSON.stringify(a.text)} → ${a.code || "?"} ${a.name || a.label || ""} (${a.rule})`));
    }
    for (const t of s.attempts) {
      if (t.outcome === "fired") {
        for (const e of t.events) {
          const reason = e.status_reason ? ": " + e.status_reason : "";
          lines.push(el("div", { class: "line fired" },
            `    fired   ${t.pattern} on ${JSON.stringify(t.anchor)}: ${e.source} ${e.cameo} ${e.cameo_name} → ${e.target || "–"} [${e.status}${reason}]`));
        }
      } else {
        lines.push(el("div", { class: "line blocked" }, `    blocked ${t.pattern} on ${JSON.stringify(t.anchor)}: ${t.reason}`));
      }
    }
    const isSelected = selected && s.start <= selected[0] && selected[0] < s.end;
    return el("div", { class: "sentence" + (isSelected ? " selected" : "") }, ...lines);
  });
  if (trace.coder_version !== trace.stored_by) {
    items.unshift(el("p", { class: "muted" }, `Coded again by coder ${trace.coder_version}; the stored events came from ${trace.stored_by}.`));
  }
  box.replaceChildren(...(items.length ? items : [el("p", { class: "muted" }, "No actors or patterns in this text.")]));
}

async function openArticle() {
  const aside = document.getElementById("article");
  markOpenRow();
  if (!state.doc) {
    aside.hidden = true;
    return;
  }
  const doc = state.doc, selected = selectedSpan();
  aside.hidden = false;
  aside.dataset.ready = "0";
  const d = await api("/api/documents/" + encodeURIComponent(doc));
  const meta = d.document;
  document.getElementById("article-title").textContent = meta.title || meta.doc_id;
  const info = document.getElementById("article-meta");
  info.replaceChildren(`${meta.doc_id} · ${meta.date || "undated"} · ${meta.lang || ""} · ${d.events.length} event(s) `);
  // only a web address becomes a link (a stored url could be any text, "javascript:..." too)
  if (/^https?:\/\//i.test(meta.url || "")) {
    info.append(el("a", { href: meta.url, rel: "noreferrer noopener", target: "_blank" }, "source"));
  }
  renderText(meta.text, d.events, d.mentions, selected);
  const mark = document.querySelector("#article-text mark.selected");
  if (mark) mark.scrollIntoView({ block: "center" });
  aside.dataset.ready = "1";
  const box = document.getElementById("explain");
  box.dataset.ready = "0";
  box.replaceChildren(el("p", { class: "muted" }, "Coding the text again for the trace…"));
  try {
    const traced = await api("/api/documents/" + encodeURIComponent(doc), { explain: true });
    if (state.doc === doc) renderExplain(traced.explain, selected);
  } catch (error) {
    box.replaceChildren(el("p", { class: "error" }, `No explain trace: ${error.message}`));
  }
  box.dataset.ready = "1";
}

// -- start -----------------------------------------------------------------------------------------

let pending = 0;

function track(promise) {
  // body[data-ready] is "1" once every panel asked for has been drawn (the browser tests wait on it)
  pending += 1;
  document.body.dataset.ready = "0";
  return promise.catch(showError).finally(() => {
    pending -= 1;
    if (!pending) document.body.dataset.ready = "1";
  });
}

function renderAll() {
  showError(null);
  return track(settled([renderDyads(), renderNetwork(), renderMap(), renderEvents(), openArticle()]));
}

async function start() {
  fillForms();
  wireForms();
  try {
    const info = await api("/api/info");
    document.getElementById("store-info").textContent =
      `${info.counts.documents} documents, ${info.counts.events} events, ${info.first || "?"} to ${info.last || "?"}`;
    const actors = await api("/api/actors", { limit: 300 });
    document.getElementById("actor-codes").replaceChildren(
      ...actors.actors.map((a) => el("option", { value: a.code }, `${a.name || ""} (${a.events})`)));
    if (!state.d1 && !state.d2) {
      const top = await api("/api/top", { n: 2, directed: false });
      const pick = (d) => (d ? `${d.source},${d.target}` : "");
      setState({ d1: pick(top.dyads[0]), d2: pick(top.dyads[1]) }, false);
      fillForms();
    }
  } catch (error) {
    showError(error);
  }
  renderAll();
}

start();
