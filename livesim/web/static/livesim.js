// livesim's live view: follows the set over Server-Sent Events (/events) and sends actions to
// /api/action.  The state and its patch operations are described in livesim/web/model.py.
"use strict";

const $ = (id) => document.getElementById(id);
let state = null;
window.livesimStats = { renders: 0, lastRenderMs: null, firstRenderAt: null };
const els = { strips: {}, slots: {}, scenes: [], params: {} };   // DOM references by state position / id
const dragging = new Set();                                       // ids of params the user is moving

// ------------------------------------------------------------------ helpers
function esc(text) {
  return String(text == null ? "" : text).replace(/[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
}
function css(color) { return "#" + ((color >>> 0) & 0xffffff).toString(16).padStart(6, "0"); }
function ink(color) {
  const r = (color >> 16) & 255, g = (color >> 8) & 255, b = color & 255;
  return (0.299 * r + 0.587 * g + 0.114 * b) > 140 ? "#111" : "#f2f2f2";
}
function paint(el, color) { el.style.background = css(color); el.style.color = ink(color); }
function toast(text) {
  const t = $("toast");
  t.textContent = text;
  t.classList.add("show");
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => t.classList.remove("show"), 3500);
}

function send(action) {
  return fetch("api/action", { method: "POST", headers: { "Content-Type": "application/json" },
                               body: JSON.stringify(action) })
    .then((r) => r.ok ? null : r.json().then((j) => toast(j.error || ("HTTP " + r.status))))
    .catch(() => toast("livesim is not reachable"));
}

// Faders send at most one action per animation frame, the latest value.
const pendingValues = new Map();
function sendValue(id, value) {
  if (!pendingValues.size) requestAnimationFrame(() => {
    for (const [pid, v] of pendingValues) send({ op: "param", id: pid, value: v });
    pendingValues.clear();
  });
  pendingValues.set(id, value);
}

// ------------------------------------------------------------------ transport
function position(song) {
  const beat = 4 / song.den, bar = song.num * beat, t = Math.max(0, song.time);
  const b = Math.floor(t / bar) + 1, q = Math.floor((t % bar) / beat) + 1, s = Math.floor((t % beat) / 0.25) + 1;
  return b + ". " + q + ". " + s;
}
function renderTransport() {
  const s = state.song;
  $("play").classList.toggle("on", !!s.playing);
  for (const key of ["record", "session_record", "overdub", "metronome", "loop"]) $(key).classList.toggle("on", !!s[key]);
  if (document.activeElement !== $("tempo")) $("tempo").value = s.tempo.toFixed(2);
  $("signature").textContent = s.num + " / " + s.den;
  $("position").textContent = position(s);
  $("loopinfo").textContent = s.loop ? "loop " + s.loop_start + " + " + s.loop_length : "";
  $("about").textContent = "Live " + state.live + " \u00b7 " + state.script;
}

// ------------------------------------------------------------------ session grid and mixer
function paramInput(p, cls) {
  return '<input type="range" class="' + cls + '" data-param="' + p.id + '" min="' + p.min + '" max="' + p.max +
    '" step="' + (p.q ? 1 : "any") + '" value="' + p.v + '" title="' + esc(p.n + ": " + p.s) + '">';
}
function slotParts(slot) {
  const cls = "slot " + slot.s + (slot.b ? "" : " nostop");
  const title = slot.s === "empty" ? (slot.b ? "Stop the track" : "") : (slot.n || "") + " (" + slot.s + ")";
  const body = slot.s === "empty" ? "" : '<span class="icon"></span><span class="name">' + esc(slot.n || "") + "</span>";
  return [cls, title, body];
}
function slotStyle(slot) {
  return slot.s !== "empty" && slot.c != null ? ' style="background:' + css(slot.c) + ";color:" + ink(slot.c) + '"' : "";
}
function slotHtml(slot, i, j) {
  if (!slot) return '<div class="slot blank"></div>';
  const parts = slotParts(slot);
  return '<div class="' + parts[0] + '" data-slot="' + i + ":" + j + '" title="' + esc(parts[1]) + '"' + slotStyle(slot) +
    ">" + parts[2] + "</div>";
}
function stripHtml(track, where, rows) {
  const kind = track.kind, slots = [];
  for (let j = 0; j < rows; j++) {
    if (kind === "master") {
      slots.push('<div class="slot scene" data-scene="' + j + '"><span class="name"></span><span class="icon"></span></div>');
    } else if (where[0] === "tracks") slots.push(slotHtml(track.slots[j], where[1], j));
    else slots.push('<div class="slot blank"></div>');
  }
  const m = track.mixer, sends = m.sends.map((p, k) =>
    '<div class="row"><span>' + String.fromCharCode(65 + k) + "</span>" + paramInput(p, "h") + "</div>").join("");
  const index = where[0] === "tracks" ? where[1] + 1 : where[0] === "returns" ? String.fromCharCode(65 + where[1]) : "M";
  let buttons = "";
  if (kind !== "master") {
    buttons = '<button class="act" data-toggle="mute" title="Track Activator (mute)">' + index + "</button>" +
      '<button class="solo" data-toggle="solo" title="Solo">S</button>' +
      (track.arm === null ? "" : '<button class="arm" data-toggle="arm" title="Arm recording">\u25CF</button>');
  }
  const stop = kind === "master" ? '<button data-act="stop_all" title="Stop all clips">Stop Clips</button>'
    : where[0] === "tracks" ? '<button data-act="stop_track" title="Stop the track\'s clips">\u25A0</button>' : "";
  return '<div class="strip ' + kind + '" data-where="' + where.join(":") + '">' +
    '<div class="head" title="Select the track">' + (kind === "group" ? '<span class="fold"></span>' : "") +
    '<span class="tname"></span></div>' +
    '<div class="slots">' + slots.join("") + "</div>" +
    '<div class="stopbtn">' + stop + "</div>" +
    '<div class="mixer">' + sends +
    '<div class="row"><span>\u2194</span>' + paramInput(m.pan, "h") + "</div>" +
    '<div class="fader"><div class="meter"><div></div><div></div></div>' + paramInput(m.volume, "v") + "</div>" +
    '<div class="val vol"></div><div class="buttons">' + buttons + "</div></div></div>";
}
function trackAt(where) {
  return where[0] === "master" ? state.master : state[where[0]][where[1]];
}
function renderSession() {
  const rows = state.scenes.length, html = [];
  const wheres = [];
  state.tracks.forEach((t, i) => wheres.push(["tracks", i]));
  state.returns.forEach((t, i) => wheres.push(["returns", i]));
  wheres.push(["master"]);
  for (const w of wheres) {
    if (w[0] === "returns" && w[1] === 0 || w[0] === "master" && !state.returns.length) html.push('<div class="strip gap"></div>');
    html.push(stripHtml(trackAt(w), w, rows));
  }
  $("strips").innerHTML = html.join("");
  els.strips = {}; els.slots = {}; els.scenes = []; els.params = {};
  for (const el of $("strips").querySelectorAll(".strip[data-where]")) {
    els.strips[el.dataset.where] = { el: el, meter: el.querySelectorAll(".meter div"), head: el.querySelector(".head"),
      name: el.querySelector(".tname"), fold: el.querySelector(".fold"), vol: el.querySelector(".val.vol"),
      act: el.querySelector("button.act"), solo: el.querySelector("button.solo"), arm: el.querySelector("button.arm"),
      stop: el.querySelector(".stopbtn button") };
  }
  for (const el of $("strips").querySelectorAll(".slot[data-slot]")) els.slots[el.dataset.slot] = el;
  for (const el of $("strips").querySelectorAll(".slot[data-scene]")) els.scenes[+el.dataset.scene] = el;
  for (const el of $("strips").querySelectorAll("input[data-param]")) els.params[el.dataset.param] = el;
  for (const w of wheres) updateStrip(w);
  state.scenes.forEach((s, j) => updateScene(j));
  updateMeters();
  updateSelection();
  applyFolds();
}
function updateParam(p) {
  const el = els.params[p.id];
  if (!el) return;
  if (!dragging.has(String(p.id))) el.value = p.v;
  el.title = p.n + ": " + p.s;
  const text = el.parentElement.querySelector(".pv");
  if (text) text.textContent = p.s;
}
function updateStrip(where) {
  const key = where.join(":"), t = trackAt(where), e = els.strips[key];
  if (!e || !t) return;
  paint(e.head, t.color);
  e.name.textContent = t.name;
  e.head.title = t.name + " (" + t.kind + ") \u2014 click to select";
  if (e.fold && e.fold.textContent !== (t.fold ? "\u25B8" : "\u25BE")) {
    e.fold.textContent = t.fold ? "\u25B8" : "\u25BE";
    applyFolds();
  }
  if (e.act) e.act.classList.toggle("on", !t.mute);
  if (e.solo) e.solo.classList.toggle("on", !!t.solo);
  if (e.arm) e.arm.classList.toggle("on", !!t.arm);
  if (e.stop && where[0] === "tracks") e.stop.classList.toggle("fired", t.fired === -2);
  updateParam(t.mixer.volume);
  updateParam(t.mixer.pan);
  t.mixer.sends.forEach(updateParam);
  e.vol.textContent = t.mixer.volume.s;
}
function updateSlot(i, j) {
  const el = els.slots[i + ":" + j], slot = state.tracks[i].slots[j];
  if (!el || !slot) return;
  const parts = slotParts(slot);
  el.className = parts[0];
  el.title = parts[1];
  if (el.innerHTML !== parts[2]) el.innerHTML = parts[2];
  el.style.background = "";
  el.style.color = "";
  colorSlot(el, slot);
}
function colorSlot(el, slot) {
  if (slot && slot.s !== "empty" && slot.c != null) paint(el, slot.c);
}
function updateScene(j) {
  const el = els.scenes[j], sc = state.scenes[j];
  if (!el || !sc) return;
  el.querySelector(".name").textContent = sc.n || String(j + 1);
  el.title = "Launch scene " + (sc.n || j + 1);
  el.classList.toggle("triggered", !!sc.t);
  if (sc.c) paint(el, sc.c); else { el.style.background = ""; el.style.color = ""; }
  el.classList.toggle("selected", state.song.selected_scene === sc.id);
}
function updateMeters() {
  const m = state.meters;
  if (!m) return;
  const set = (key, pair) => {
    const e = els.strips[key];
    if (!e || !pair) return;
    e.meter[0].style.clipPath = "inset(" + (100 - Math.min(1, pair[0]) * 100).toFixed(1) + "% 0 0 0)";
    e.meter[1].style.clipPath = "inset(" + (100 - Math.min(1, pair[1]) * 100).toFixed(1) + "% 0 0 0)";
  };
  m.tracks.forEach((p, i) => set("tracks:" + i, p));
  m.returns.forEach((p, i) => set("returns:" + i, p));
  set("master", m.master);
}
// Tracks inside a folded group are hidden, as in Live's session view.
function applyFolds() {
  const byId = {};
  state.tracks.forEach((t) => { byId[t.id] = t; });
  state.tracks.forEach((t, i) => {
    let hidden = false;
    for (let g = byId[t.group]; g && !hidden; g = byId[g.group]) hidden = !!g.fold;
    const e = els.strips["tracks:" + i];
    if (e) e.el.style.display = hidden ? "none" : "";
  });
}
function updateSelection() {
  const sel = state.song.selected_track;
  for (const key in els.strips) {
    const t = trackAt(key.split(":").map((x, k) => k ? +x : x));
    els.strips[key].el.classList.toggle("selected", !!t && t.id === sel);
  }
}

// ------------------------------------------------------------------ devices
function paramRow(p) {
  const control = p.q && p.items && p.items.length
    ? '<select data-param="' + p.id + '">' + p.items.map((it, k) =>
        '<option value="' + (p.min + k) + '"' + (Math.round(p.v) === p.min + k ? " selected" : "") + ">" + esc(it) + "</option>").join("") + "</select>"
    : paramInput(p, "d");
  return '<div class="param"><label title="' + esc(p.n) + '">' + esc(p.n) + "</label>" + control +
    '<span class="pv">' + esc(p.s) + "</span></div>";
}
function deviceHtml(d) {
  let chains = "";
  if (d.chains) {
    chains = '<div class="chains">' + d.chains.map((c) =>
      '<div class="chainrow" style="border-left-color:' + css(c.c) + '"><div class="chainname" title="' + esc(c.n) + '">' +
      esc(c.n) + (c.mute ? " (muted)" : "") + (c.solo ? " (solo)" : "") + '</div><div class="chain">' +
      (c.devices.length ? c.devices.map(deviceHtml).join("") : '<span class="dim">empty chain</span>') + "</div></div>").join("") + "</div>";
  }
  const params = '<div class="params">' + d.params.map(paramRow).join("") + "</div>";
  return '<div class="device' + (d.chains ? " rack" : "") + '"><div class="dname"><span>' + esc(d.n) +
    '</span><span class="cls">' + esc(d.cls) + "</span></div>" +
    (d.chains ? '<div class="rackbody">' + params + chains + "</div>" : params) + "</div>";
}
// The devices' shape without values: when it is unchanged, the panel is updated in place.
function deviceShape(d) { return JSON.stringify(d, (k, v) => (k === "v" || k === "s") ? undefined : v); }
function eachParam(list, fn) {
  for (const d of list) { d.params.forEach(fn); if (d.chains) d.chains.forEach((c) => eachParam(c.devices, fn)); }
}
function renderDevices() {
  const box = $("devices"), d = state.devices, shape = deviceShape(d);
  if (d && shape === renderDevices.shape) { eachParam(d.items, updateParam); return; }
  renderDevices.shape = shape;
  for (const id in els.params) if (els.params[id].closest("#devices")) delete els.params[id];
  if (!d) { box.innerHTML = '<div class="dim">No track selected.</div>'; return; }
  box.innerHTML = '<div class="title"><span class="swatch" style="color:' + css(d.c) + '">\u25A0</span> ' + esc(d.n) +
    ' <span class="dim">\u2014 devices</span></div><div class="chain">' +
    (d.items.length ? d.items.map(deviceHtml).join("") : '<span class="dim">No devices on this track.</span>') + "</div>" +
    (d.cut ? '<div class="dim">(more devices and parameters than shown)</div>' : "");
  for (const el of box.querySelectorAll("[data-param]")) els.params[el.dataset.param] = el;
}

// ------------------------------------------------------------------ patches
function applyOp(op) {
  const kind = op[0], path = op[1], value = op[2];
  if (!path.length) { state = value; return "all"; }
  let target = state;
  for (let k = 0; k < path.length - 1; k++) target = target[path[k]];
  const last = path[path.length - 1];
  if (kind === "+") Object.assign(target[last], value); else target[last] = value;
  return path;
}
function renderAll() {
  renderTransport();
  renderSession();
  renderDevices.shape = null;
  renderDevices();
}
function onMessage(message) {
  if (message.full) {
    const start = performance.now();
    state = message.full;
    renderAll();
    logReset(message.log || []);
    // How long whole renders take (read by the benchmark and the tests).
    const stats = window.livesimStats;
    stats.renders += 1;
    stats.lastRenderMs = performance.now() - start;
    if (stats.firstRenderAt === null) stats.firstRenderAt = performance.now();
    return;
  }
  let all = false, selection = false, devices = false, transport = false, scenes = false;
  for (const op of message.ops || []) {
    const song = state && state.song ? [state.song.selected_track, state.song.selected_scene] : [];
    const path = applyOp(op);
    if (path === "all") { all = true; continue; }
    const head = path[0];
    if (head === "song") {
      transport = true;
      if (state.song.selected_track !== song[0]) selection = true;
      if (state.song.selected_scene !== song[1]) scenes = true;
    } else if (head === "tracks" && path.length === 4) updateSlot(path[1], path[3]);
    else if (head === "tracks" || head === "returns" || head === "master") updateStrip(path);
    else if (head === "scenes") updateScene(path[1]);
    else if (head === "devices" && path.length > 1) updateParam(op[2]);
    else if (head === "devices") devices = true;
    else if (head === "meters") updateMeters();
  }
  if (all) renderAll();
  else {
    if (transport) renderTransport();
    if (scenes) state.scenes.forEach((s, j) => updateScene(j));
    if (selection) updateSelection();
    if (devices) renderDevices();
  }
  if (message.log) logAppend(message.log, message.skipped || 0);
}

// ------------------------------------------------------------------ OSC traffic
const LOG_MAX = 2000, ROWS_MAX = 600;
let log = [], paused = false, skippedTotal = 0, filterFn = () => true;
const peers = new Set();
function globRe(text) {
  const body = text.replace(/[.+^${}()|\\]/g, "\\$&").replace(/\*/g, "[^/]*").replace(/\?/g, "[^/]")
    .replace(/\[!/g, "[^");
  return new RegExp("^" + body + "$");
}
function makeFilter() {
  const text = $("filter").value.trim(), peer = $("peer").value;
  const kinds = new Set(Array.from(document.querySelectorAll("#traffic input[data-kind]")).filter((c) => c.checked)
    .map((c) => c.dataset.kind));
  let match = () => true;
  if (text) {
    if (/[*?[\]{}]/.test(text)) { try { const re = globRe(text); match = (a) => re.test(a); } catch (e) { match = () => false; } }
    else match = (a) => a.indexOf(text) >= 0;
  }
  filterFn = (e) => kinds.has(e.kind) && (!peer || e.peer === peer) && match(e.addr);
}
function fmtTime(t) {
  const d = new Date(t * 1000);
  return d.toTimeString().slice(0, 8) + "." + String(d.getMilliseconds()).padStart(3, "0");
}
function fmtArg(a) {
  if (typeof a === "number") return Number.isInteger(a) ? String(a) : String(+a.toFixed(6));
  if (typeof a === "string") return JSON.stringify(a);
  return JSON.stringify(a);
}
function rowHtml(e) {
  const args = e.args.map(fmtArg).join(" ") + (e.more ? " \u2026 (+" + e.more + ")" : "");
  return '<tr class="' + e.kind + '"><td class="t">' + fmtTime(e.t) + '</td><td class="peer">' +
    (e.dir === "in" ? "\u2192 " : "\u2190 ") + esc(e.peer) + (e.transport === "tcp" ? " tcp" : "") +
    '</td><td class="kind">' + e.kind + '</td><td class="addr">' + esc(e.addr) + '</td><td class="args">' + esc(args) + "</td></tr>";
}
function notePeers(entries) {
  let added = false;
  for (const e of entries) if (!peers.has(e.peer)) { peers.add(e.peer); added = true; }
  if (!added) return;
  const select = $("peer"), current = select.value;
  select.innerHTML = '<option value="">all clients</option>' +
    Array.from(peers).sort().map((p) => '<option value="' + esc(p) + '">' + esc(p) + "</option>").join("");
  select.value = current;
}
function logRender() {
  const rows = [];
  for (let k = log.length - 1; k >= 0 && rows.length < ROWS_MAX; k--) if (filterFn(log[k])) rows.push(rowHtml(log[k]));
  $("log").innerHTML = rows.reverse().join("");
  scrollLog();
}
function scrollLog() {
  if (!paused) { const s = document.querySelector("#traffic .scroll"); s.scrollTop = s.scrollHeight; }
}
function logReset(entries) { log = entries.slice(-LOG_MAX); notePeers(log); logRender(); }
function logAppend(entries, skipped) {
  log.push.apply(log, entries);
  if (log.length > LOG_MAX) log.splice(0, log.length - LOG_MAX);
  notePeers(entries);
  if (skipped) { skippedTotal += skipped; $("skipped").textContent = skippedTotal + " messages not shown (too many)"; }
  if (paused) return;
  const body = $("log"), html = entries.filter(filterFn).map(rowHtml).join("");
  if (html) body.insertAdjacentHTML("beforeend", html);
  while (body.rows.length > ROWS_MAX) body.deleteRow(0);
  scrollLog();
}

// ------------------------------------------------------------------ input
function whereOf(el) {
  const strip = el.closest(".strip[data-where]");
  return strip ? strip.dataset.where.split(":").map((x, k) => k ? +x : x) : null;
}
$("strips").addEventListener("click", (ev) => {
  const el = ev.target;
  const slotEl = el.closest(".slot[data-slot]");
  if (slotEl) {
    const [i, j] = slotEl.dataset.slot.split(":").map(Number), slot = state.tracks[i].slots[j];
    if (slot.s === "playing" || slot.s === "triggered" || slot.s === "recording") send({ op: "stop_slot", id: slot.id });
    else if (slot.s !== "empty" || slot.b) send({ op: "fire_slot", id: slot.id });
    return;
  }
  const sceneEl = el.closest(".slot[data-scene]");
  if (sceneEl) { send({ op: "fire_scene", id: state.scenes[+sceneEl.dataset.scene].id }); return; }
  const where = whereOf(el);
  if (!where) return;
  const track = trackAt(where);
  if (el.closest(".fold")) { send({ op: "track", id: track.id, prop: "fold_state", value: !track.fold }); return; }
  if (el.closest(".head")) { send({ op: "select_track", id: track.id }); return; }
  const toggle = el.closest("button[data-toggle]");
  if (toggle) {
    const prop = toggle.dataset.toggle;
    send({ op: "track", id: track.id, prop: prop, value: prop === "mute" ? !track.mute : !track[prop] });
    return;
  }
  const act = el.closest("button[data-act]");
  if (act) send(act.dataset.act === "stop_all" ? { op: "stop_all" } : { op: act.dataset.act, id: track.id });
});
function paramEvents(root) {
  root.addEventListener("input", (ev) => {
    const el = ev.target;
    if (!el.dataset.param) return;
    if (el.tagName === "INPUT") { dragging.add(el.dataset.param); sendValue(+el.dataset.param, +el.value); }
  });
  root.addEventListener("change", (ev) => {
    const el = ev.target;
    if (!el.dataset.param) return;
    dragging.delete(el.dataset.param);
    send({ op: "param", id: +el.dataset.param, value: +el.value });
  });
}
paramEvents($("strips"));
paramEvents($("devices"));
$("play").onclick = () => send({ op: state && state.song.playing ? "stop" : "play" });
$("stop").onclick = () => send({ op: "stop" });
for (const key of ["metronome", "loop", "session_record", "overdub"]) {
  $(key).onclick = () => send({ op: "song", prop: key === "overdub" ? "arrangement_overdub" : key, value: !state.song[key] });
}
$("record").onclick = () => send({ op: "song", prop: "record_mode", value: !state.song.record });
$("tempo").addEventListener("change", () => {
  const v = parseFloat($("tempo").value);
  if (isFinite(v)) send({ op: "song", prop: "tempo", value: v });
});
$("filter").addEventListener("input", () => { makeFilter(); logRender(); });
$("peer").addEventListener("change", () => { makeFilter(); logRender(); });
for (const box of document.querySelectorAll("#traffic input[data-kind]")) box.addEventListener("change", () => { makeFilter(); logRender(); });
$("pause").onclick = () => { paused = !paused; $("pause").classList.toggle("on", paused); if (!paused) logRender(); };
$("clear").onclick = () => { log = []; skippedTotal = 0; $("skipped").textContent = ""; logRender(); };
makeFilter();

// ------------------------------------------------------------------ the stream
function connect() {
  const source = new EventSource("events");
  source.onopen = () => { $("connection").textContent = "live"; $("connection").className = "badge ok"; };
  source.onerror = () => { $("connection").textContent = "reconnecting"; $("connection").className = "badge off"; };
  source.onmessage = (ev) => {
    try { onMessage(JSON.parse(ev.data)); } catch (e) {
      // A patch the page could not apply: start again from the whole state.
      console.warn("livesim: resynchronising", e);
      source.close();
      setTimeout(connect, 200);
    }
  };
}
connect();
