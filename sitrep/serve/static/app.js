"use strict";
// sitrep's dashboard: plain JS and SVG, written for sitrep, loading nothing from outside this server.
// Every text from the store is attacker-controlled web content: it is only ever set with textContent
// or setAttribute on elements built here; no innerHTML, and links only for http(s) URLs.

const SVG = "http://www.w3.org/2000/svg";
const TYPE_COLOURS = {
  "Battles": "#c0392b",
  "Explosions/Remote violence": "#e67e22",
  "Violence against civilians": "#8e44ad",
  "Protests": "#2980b9",
  "Riots": "#16a085",
  "Strategic developments": "#7f8c8d",
};
const FILTERS = ["since", "until", "admin1", "event_type", "actor", "min_fatalities", "q"];
const COLUMNS = [
  ["event_date", "Date"], ["event_type", "Type"], ["sub_event_type", "Sub-type"], ["actor1", "Actor 1"],
  ["admin1", "Governorate"], ["location", "Location"], ["fatalities", "Killed"], ["sources", "Reports"],
];
const state = {
  events: [], next: null, sort: ["event_date", 1], vocabulary: null, shapes: null, districts: null, detail: null,
  map: null,
};

function el(tag, attrs, text) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

function svgEl(tag, attrs) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  return node;
}

function safeHref(url) {
  return typeof url === "string" && /^https?:\/\//i.test(url.trim()) ? url.trim() : null;
}

function params() {
  return new URLSearchParams(window.location.search);
}

function filterQuery() {
  const p = params();
  const q = new URLSearchParams();
  for (const name of FILTERS) if (p.get(name)) q.set(name, p.get(name));
  return q;
}

async function getJSON(path) {
  const r = await fetch(path);
  const body = await r.json();
  if (!r.ok) throw new Error(typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail));
  return body;
}

function showError(message) {
  const count = document.getElementById("count");
  count.textContent = "error: " + message;
}

// filters, kept in the URL so a view can be shared
function fillFilterForm() {
  const form = document.getElementById("filters");
  const p = params();
  for (const name of FILTERS) form.elements[name].value = p.get(name) || "";
}

function applyFilters(values) {
  const q = new URLSearchParams();
  for (const name of FILTERS) if (values[name]) q.set(name, values[name]);
  const event = params().get("event");
  if (event) q.set("event", event);
  history.pushState(null, "", "?" + q.toString());
  load();
}

function setupFilters() {
  const form = document.getElementById("filters");
  const v = state.vocabulary;
  for (const g of v.governorates) form.elements.admin1.append(el("option", { value: g.name }, g.name));
  for (const t of Object.keys(v.event_types)) form.elements.event_type.append(el("option", { value: t }, t));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const values = {};
    for (const name of FILTERS) values[name] = form.elements[name].value.trim();
    applyFilters(values);
  });
  form.addEventListener("change", (e) => {
    if (e.target.tagName === "SELECT") form.requestSubmit();
  });
  document.getElementById("clear").addEventListener("click", () => applyFilters({}));
  window.addEventListener("popstate", load);
}

function updateExports() {
  const q = filterQuery().toString();
  for (const kind of ["csv", "geojson", "parquet"]) {
    document.getElementById("export-" + kind).setAttribute("href", `/export.${kind}${q ? "?" + q : ""}`);
  }
}

// map: bundled governorate and district outlines, one level shaded by events or killed; events as points
function projection(shapes, width) {
  let west = 180, east = -180, south = 90, north = -90;
  for (const f of shapes.features) for (const poly of f.geometry.coordinates) for (const [x, y] of poly[0]) {
    west = Math.min(west, x); east = Math.max(east, x); south = Math.min(south, y); north = Math.max(north, y);
  }
  const kx = Math.cos(((north + south) / 2) * Math.PI / 180);
  const pad = 10;
  const scale = (width - 2 * pad) / ((east - west) * kx);
  const height = Math.round((north - south) * scale + 2 * pad);
  return { height, at: (lon, lat) => [pad + (lon - west) * kx * scale, pad + (north - lat) * scale] };
}

function radius(fatalities) {
  return 3 + 2 * Math.sqrt(Math.max(0, fatalities));
}

function outline(f, proj) {
  return f.geometry.coordinates.map((poly) => "M" + poly[0].map(([x, y]) => proj.at(x, y).map((v) => v.toFixed(1)).join(",")).join("L") + "Z").join("");
}

// One level's outlines: shaded by its totals (keyed by `key` of a feature), or only outlined.
function drawAreas(svg, proj, features, opts) {
  const most = Math.max(1, ...[...opts.totals.values()].map((t) => t[opts.shade]));
  for (const f of features) {
    const t = opts.totals.get(opts.key(f));
    const attrs = { d: outline(f, proj), class: `${opts.kind} ${opts.shaded ? "shaded" : "outline"}`, ...opts.data(f) };
    attrs.fill = opts.shaded ? `rgba(55, 71, 79, ${(0.08 + 0.6 * (t ? t[opts.shade] / most : 0)).toFixed(3)})` : "none";
    attrs["data-events"] = t ? t.events : 0;
    const path = svgEl("path", attrs);
    const title = svgEl("title");
    title.textContent = `${opts.name(f)}: ${t ? t.events : 0} events, ${t ? t.fatalities : 0} killed`;
    path.append(title);
    svg.append(path);
  }
}

function drawMap(data) {
  const svg = document.getElementById("map");
  svg.replaceChildren();
  const width = 640;
  const proj = projection(state.shapes, width);
  svg.setAttribute("viewBox", `0 0 ${width} ${proj.height}`);
  const shade = document.getElementById("shade").value === "fatalities" ? "fatalities" : "events";
  const byDistrict = document.getElementById("areas").value === "district";
  const governorates = {
    kind: "gov", totals: new Map(data.governorates.map((g) => [g.group, g])), key: (f) => f.properties.admin1,
    name: (f) => f.properties.admin1, data: (f) => ({ "data-admin1": f.properties.admin1 }), shade,
  };
  const districts = {
    kind: "district", totals: new Map(data.districts.filter((d) => d.pcode).map((d) => [d.pcode, d])),
    key: (f) => f.properties.admin2_pcode, name: (f) => `${f.properties.admin2} (${f.properties.admin1})`,
    data: (f) => ({ "data-admin2": f.properties.admin2, "data-pcode": f.properties.admin2_pcode }), shade,
  };
  // the shaded level below, the other level's outlines above it
  const [below, above] = byDistrict ? [districts, governorates] : [governorates, districts];
  drawAreas(svg, proj, (byDistrict ? state.districts : state.shapes).features, { ...below, shaded: true });
  drawAreas(svg, proj, (byDistrict ? state.shapes : state.districts).features, { ...above, shaded: false });
  for (const p of data.points.slice().reverse()) {
    const [x, y] = proj.at(p.longitude, p.latitude);
    const colour = TYPE_COLOURS[p.event_type] || "#555";
    const hollow = p.geo_precision === 3;
    const c = svgEl("circle", {
      cx: x.toFixed(1), cy: y.toFixed(1), r: radius(p.fatalities).toFixed(1), stroke: colour,
      fill: hollow ? "none" : colour, "fill-opacity": 0.75, class: hollow ? "event hollow" : "event",
      "data-event-id": p.event_id,
    });
    const title = svgEl("title");
    title.textContent = `${p.event_date || "undated"} ${p.event_type}: ${p.location || p.admin1 || ""}, ${p.fatalities} killed`;
    c.append(title);
    c.addEventListener("click", () => openEvent(p.event_id));
    svg.append(c);
  }
  const legend = document.getElementById("legend");
  legend.replaceChildren();
  for (const [type, colour] of Object.entries(TYPE_COLOURS)) {
    const item = el("span");
    const swatch = el("i");
    swatch.style.background = colour;
    item.append(swatch, document.createTextNode(type));
    legend.append(item);
  }
  legend.append(el("span", {}, "hollow: only the governorate is known; size: killed"));
  const unmapped = data.districts.filter((d) => !d.pcode).reduce((n, d) => n + d.events, 0);
  document.getElementById("map-note").textContent = `${data.points.length} events drawn` +
    (byDistrict && unmapped ? `; ${unmapped} in districts without an outline` : "");
}

// weekly series by type, stacked; drag across it to filter to that range
function drawSeries(rows) {
  const svg = document.getElementById("series");
  svg.replaceChildren();
  const width = 640, height = 220, left = 34, bottom = 20, top = 8;
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  const weeks = [...new Set(rows.map((r) => r.period))].sort();
  if (!weeks.length) {
    const t = svgEl("text", { x: 20, y: 40 });
    t.textContent = "no dated events";
    svg.append(t);
    return;
  }
  const first = new Date(weeks[0] + "T00:00:00Z"), last = new Date(weeks[weeks.length - 1] + "T00:00:00Z");
  const n = Math.round((last - first) / 6048e5) + 1;
  const stacks = new Map();
  for (const r of rows) stacks.set(r.period, (stacks.get(r.period) || 0) + r.events);
  const most = Math.max(1, ...stacks.values());
  const bw = (width - left - 4) / n;
  const y = (v) => top + (height - top - bottom) * (1 - v / most);
  const base = new Map();
  for (const r of rows) {
    const i = Math.round((new Date(r.period + "T00:00:00Z") - first) / 6048e5);
    const below = base.get(r.period) || 0;
    const rect = svgEl("rect", {
      x: (left + i * bw + 0.5).toFixed(1), width: Math.max(1, bw - 1).toFixed(1), y: y(below + r.events).toFixed(1),
      height: (y(below) - y(below + r.events)).toFixed(1), fill: TYPE_COLOURS[r.group] || "#555", class: "bar",
    });
    const title = svgEl("title");
    title.textContent = `week of ${r.period}, ${r.group}: ${r.events} events, ${r.fatalities} killed`;
    rect.append(title);
    svg.append(rect);
    base.set(r.period, below + r.events);
  }
  const axis = svgEl("text", { x: left, y: height - 4, "font-size": 11 });
  axis.textContent = weeks[0];
  const axisEnd = svgEl("text", { x: width - 4, y: height - 4, "font-size": 11, "text-anchor": "end" });
  axisEnd.textContent = weeks[weeks.length - 1];
  const max = svgEl("text", { x: 2, y: top + 10, "font-size": 11 });
  max.textContent = String(most);
  svg.append(axis, axisEnd, max);
  brush(svg, (x0, x1) => {
    const day = (x) => new Date(first.getTime() + Math.max(0, Math.min(n, (x - left) / bw)) * 6048e5);
    const from = day(Math.min(x0, x1)), to = day(Math.max(x0, x1));
    const values = {};
    const p = params();
    for (const name of FILTERS) values[name] = p.get(name) || "";
    values.since = from.toISOString().slice(0, 10);
    values.until = to.toISOString().slice(0, 10);
    applyFilters(values);
  });
}

function brush(svg, done) {
  let start = null, rect = null;
  const xOf = (e) => {
    const box = svg.getBoundingClientRect();
    return (e.clientX - box.left) * (640 / box.width);
  };
  svg.addEventListener("mousedown", (e) => {
    start = xOf(e);
    rect = svgEl("rect", { class: "brush", x: start, y: 0, width: 0, height: 220 });
    svg.append(rect);
  });
  svg.addEventListener("mousemove", (e) => {
    if (start === null) return;
    const x = xOf(e);
    rect.setAttribute("x", Math.min(start, x));
    rect.setAttribute("width", Math.abs(x - start));
  });
  svg.addEventListener("mouseup", (e) => {
    if (start === null) return;
    const x = xOf(e);
    const s = start;
    start = null;
    if (Math.abs(x - s) > 3) done(s, x);
  });
}

// the event table, sortable by any column
function cell(event, key) {
  return key === "sources" ? event.sources.length : event[key];
}

function drawTable() {
  const head = document.querySelector("#events thead tr");
  head.replaceChildren();
  for (const [key, label] of COLUMNS) {
    const th = el("th", { "data-key": key }, label + (state.sort[0] === key ? (state.sort[1] > 0 ? " ▲" : " ▼") : ""));
    th.addEventListener("click", () => {
      state.sort = [key, state.sort[0] === key ? -state.sort[1] : 1];
      drawTable();
    });
    head.append(th);
  }
  const [key, dir] = state.sort;
  const rows = state.events.slice().sort((a, b) => {
    const x = cell(a, key), y = cell(b, key);
    if (x === y) return 0;
    if (x === null || x === undefined) return -dir;
    if (y === null || y === undefined) return dir;
    return (x < y ? -1 : 1) * dir;
  });
  const body = document.querySelector("#events tbody");
  body.replaceChildren();
  for (const e of rows) {
    const tr = el("tr", { "data-event-id": e.event_id });
    for (const [k] of COLUMNS) tr.append(el("td", {}, cell(e, k) ?? ""));
    tr.addEventListener("click", () => openEvent(e.event_id));
    body.append(tr);
  }
  document.getElementById("count").textContent = `${state.events.length} shown${state.next ? ", more to load" : ""}`;
  document.getElementById("more").hidden = !state.next;
}

async function loadMore() {
  const q = filterQuery();
  q.set("limit", "500");
  q.set("cursor", state.next);
  const page = await getJSON("/events?" + q.toString());
  state.events.push(...page.events);
  state.next = page.next;
  drawTable();
}

// drill-down: every report, its sentences with the words that gave each field marked
function marked(sentence) {
  const p = el("p", { class: "sentence" });
  let at = 0;
  for (const f of sentence.fields) {
    if (f.start < at) continue;
    p.append(document.createTextNode(sentence.text.slice(at, f.start)));
    p.append(el("mark", { class: "f-" + f.field, title: f.field }, sentence.text.slice(f.start, f.end)));
    at = f.end;
  }
  p.append(document.createTextNode(sentence.text.slice(at)));
  if (sentence.gave && sentence.gave.length) p.append(el("span", { class: "note" }, "  [" + sentence.gave.join(", ") + "]"));
  return p;
}

function drawReport(r) {
  const box = el("div", { class: "report", "data-article-id": r.article_id });
  box.append(el("strong", { class: "title" }, r.title || r.article_id));
  const meta = el("div", { class: "meta" });
  meta.append(document.createTextNode(`${r.outlet || "unknown outlet"} · ${r.published || "undated"} · `));
  const href = safeHref(r.url);
  if (href) meta.append(el("a", { href, rel: "noopener noreferrer nofollow", target: "_blank" }, href));
  else meta.append(el("span", {}, "no web address"));
  box.append(meta);
  const why = r.score === null ? r.linked_to : `linked to ${r.linked_to} (score ${r.score}): ${r.reasons.join("; ")}`;
  box.append(el("div", { class: "meta why" }, why));
  for (const s of r.sentences) box.append(marked(s));
  const splittable = state.detail ? state.detail.reports.filter((x) => x.index !== null).length : 0;
  if (splittable > 1 && r.index !== null) {
    const button = el("button", { type: "button", class: "split" }, "Split this report out into its own event");
    button.addEventListener("click", () => splitReport(r.article_id, r.index));
    box.append(button);
  }
  return box;
}

function drawDetail(d) {
  const e = d.event;
  document.getElementById("detail-panel").hidden = false;
  document.getElementById("detail-id").textContent = e.event_id;
  const dl = document.getElementById("detail-fields");
  dl.replaceChildren();
  for (const k of ["event_date", "time_of_day", "event_type", "sub_event_type", "actor1", "actor2", "admin1", "admin2", "location", "geo_precision", "fatalities", "injured"]) {
    dl.append(el("dt", {}, k), el("dd", { "data-field": k }, e[k] ?? "—"));
  }
  const reports = document.getElementById("reports");
  reports.replaceChildren(...d.reports.map(drawReport));
  const hist = document.getElementById("history");
  hist.replaceChildren();
  for (const h of d.history) {
    const what = h.action === "set" ? `${h.field}: ${JSON.stringify(h.old)} → ${JSON.stringify(h.new)}` : `${h.action}: ${JSON.stringify(h.old)} → ${JSON.stringify(h.new)}`;
    hist.append(el("li", {}, `${h.made_at} ${h.analyst} — ${what}${h.note ? " (" + h.note + ")" : ""}`));
  }
  if (!d.history.length) hist.append(el("li", { class: "note" }, "no corrections"));
  fillCorrectionForm(e);
  for (const tr of document.querySelectorAll("#events tbody tr")) tr.classList.toggle("selected", tr.dataset.eventId === e.event_id);
}

async function openEvent(id) {
  const q = params();
  q.set("event", id);
  history.replaceState(null, "", "?" + q.toString());
  try {
    state.detail = await getJSON("/events/" + encodeURIComponent(id));
    drawDetail(state.detail);
    document.getElementById("detail-panel").scrollIntoView({ block: "nearest" });
  } catch (err) {
    showError(err.message);
  }
}

// corrections: sent with the analyst's token; refused (and said so) without it
function fillSubTypes(form, type, current) {
  const sub = form.elements.sub_event_type;
  sub.replaceChildren();
  for (const s of state.vocabulary.event_types[type] || []) sub.append(el("option", { value: s }, s));
  if (current) sub.value = current;
}

function fillCorrectionForm(e) {
  const form = document.getElementById("correct");
  const types = form.elements.event_type;
  if (!types.options.length) {
    for (const t of Object.keys(state.vocabulary.event_types)) types.append(el("option", { value: t }, t));
    for (const g of state.vocabulary.governorates) form.elements.admin1.append(el("option", { value: g.name }, g.name));
    types.addEventListener("change", () => fillSubTypes(form, types.value));
  }
  types.value = e.event_type;
  fillSubTypes(form, e.event_type, e.sub_event_type);
  form.elements.admin1.value = e.admin1 || "";
  for (const k of ["event_date", "location", "fatalities", "injured", "actor1", "actor2"]) form.elements[k].value = e[k] ?? "";
  form.elements.note.value = "";
  const out = document.getElementById("correct-result");
  out.textContent = "";
  out.className = "";
}

function changesFrom(form, e) {
  const changes = {};
  for (const k of ["event_type", "sub_event_type", "event_date", "admin1", "location", "actor1", "actor2"]) {
    const v = form.elements[k].value.trim();
    if (v !== (e[k] ?? "")) changes[k] = v || null;
  }
  for (const k of ["fatalities", "injured"]) {
    const v = form.elements[k].value;
    if (v !== "" && Number(v) !== e[k]) changes[k] = Number(v);
  }
  return changes;
}

// a write, with the token and analyst of the correction form; a refusal is shown, not thrown
async function postWrite(path, payload) {
  const form = document.getElementById("correct");
  const out = document.getElementById("correct-result");
  const token = form.elements.token.value;
  sessionStorage.setItem("sitrep-analyst", form.elements.analyst.value);
  const headers = { "Content-Type": "application/json" };
  if (token) headers.Authorization = "Bearer " + token;
  if (form.elements.analyst.value.trim()) headers["X-Analyst"] = form.elements.analyst.value.trim();
  const r = await fetch(path, { method: "POST", headers, body: JSON.stringify(payload) });
  const body = await r.json();
  if (!r.ok) {
    out.className = "error";
    out.textContent = `refused (${r.status}): ${typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail)}`;
    return null;
  }
  return body;
}

function saved(detail, message) {
  state.detail = detail;
  drawDetail(detail);
  const out = document.getElementById("correct-result");
  out.className = "";
  out.textContent = message;
}

async function submitCorrection(ev) {
  ev.preventDefault();
  const form = ev.target;
  const e = state.detail.event;
  const changes = changesFrom(form, e);
  if (!Object.keys(changes).length) {
    document.getElementById("correct-result").textContent = "nothing changed";
    return;
  }
  const body = await postWrite(`/events/${encodeURIComponent(e.event_id)}/corrections`, {
    changes, note: form.elements.note.value || null,
  });
  if (!body) return;
  saved(body, "saved");
  const i = state.events.findIndex((x) => x.event_id === body.event.event_id);
  if (i >= 0) state.events[i] = body.event;
  drawTable();
}

async function submitMerge(ev) {
  ev.preventDefault();
  const other = ev.target.elements.other.value.trim();
  if (!other) return;
  const body = await postWrite(`/events/${encodeURIComponent(state.detail.event.event_id)}/merge`, { other });
  if (!body) return;
  ev.target.elements.other.value = "";
  await load();
  saved(body, "merged");
}

async function splitReport(articleId, index) {
  const id = state.detail.event.event_id;
  const body = await postWrite(`/events/${encodeURIComponent(id)}/split`, { article_id: articleId, index });
  if (!body) return;
  await load();
  saved(body.event, `split out into ${body.split.event.event_id}`);
}

function drawClaims(data) {
  const list = document.getElementById("claims");
  list.replaceChildren();
  for (const c of data.claims) {
    const li = el("li", { "data-kind": c.kind });
    li.append(el("strong", {}, c.kind + ": "), document.createTextNode(c.text));
    li.append(el("span", { class: "note" }, `  (${c.article_id}${c.period ? ", " + c.period : ""})`));
    list.append(li);
  }
  if (!data.claims.length) list.append(el("li", { class: "note" }, "no claims"));
}

async function load() {
  fillFilterForm();
  updateExports();
  const q = filterQuery().toString();
  const sep = q ? "&" + q : "";
  try {
    const [map, series, page, claims] = await Promise.all([
      getJSON("/map?points=3000" + sep),
      getJSON("/series?period=week&by=type" + sep),
      getJSON("/events?limit=500" + sep),
      getJSON("/claims?limit=200"),
    ]);
    state.map = map;
    drawMap(map);
    drawSeries(series.rows);
    state.events = page.events;
    state.next = page.next;
    drawTable();
    drawClaims(claims);
    document.body.dataset.loaded = "yes";
  } catch (err) {
    showError(err.message);
  }
  const open = params().get("event");
  if (open) await openEvent(open);
  else document.getElementById("detail-panel").hidden = true;
}

async function start() {
  [state.vocabulary, state.shapes, state.districts] = await Promise.all(
    [getJSON("/vocabulary"), getJSON("/boundaries"), getJSON("/boundaries/districts")]);
  setupFilters();
  document.getElementById("correct").addEventListener("submit", submitCorrection);
  document.getElementById("merge").addEventListener("submit", submitMerge);
  for (const id of ["shade", "areas"]) {
    document.getElementById(id).addEventListener("change", () => state.map && drawMap(state.map));
  }
  document.getElementById("correct").elements.analyst.value = sessionStorage.getItem("sitrep-analyst") || "";
  document.getElementById("more").addEventListener("click", loadMore);
  document.getElementById("close-detail").addEventListener("click", () => {
    const p = params();
    p.delete("event");
    history.replaceState(null, "", "?" + p.toString());
    document.getElementById("detail-panel").hidden = true;
  });
  await load();
}

document.addEventListener("DOMContentLoaded", start);
