// The console. Polls GET /api/state, GET /api/rates and POST /api/dead-letters and renders them;
// the lookup box POSTs to /api/lookup; buttons POST to /api/dead-letters/{retry,purge}. Every
// request carries the token from the page's address (X-Warren-Token); the X-Warren-Dashboard
// header is required for every POST (CSRF protection). Text from the broker goes in with
// textContent only, never innerHTML, and is cut to MAX_TEXT (stack traces: per line); the server
// has already escaped what messages chose (ids, types, errors, stack traces) as the CLI does.
"use strict";

const REFRESH_MS = 2000;
const MAX_TEXT = 200;
const MAX_DETAIL = 1000; // the server has cut each field already; a detail shows it whole
const TOKEN = new URLSearchParams(window.location.search).get("token") || "";
const COLORS = { publish: "#1f77b4", deliver: "#ff7f0e", ack: "#2ca02c", ready: "#9467bd",
  unacked: "#8c564b", p50: "#17becf", p99: "#d62728" };

let selectedFailure = null; // queue + " " + id of the failure whose details are open
let lastFailures = [];

function shortText(text, max) {
  const limit = max || MAX_TEXT;
  const s = text === undefined || text === null ? "" : String(text);
  return s.length <= limit ? s : s.substring(0, limit) + "\u2026";
}

function cell(row, text, className) {
  const td = document.createElement("td");
  td.textContent = shortText(text);
  if (className) td.className = className;
  row.appendChild(td);
  return td;
}

// An id cut to its first characters; the whole one on hover, and copied on click.
function idCell(row, id) {
  const td = cell(row, "", "id");
  const full = shortText(id);
  td.textContent = full.length > 12 ? full.substring(0, 8) + "\u2026" : full;
  td.title = full + " (click to copy)";
  td.dataset.full = full;
  td.addEventListener("click", (event) => {
    event.stopPropagation();
    if (navigator.clipboard) navigator.clipboard.writeText(full).catch(() => {});
  });
  return td;
}

function ago(millis, now) {
  if (!millis) return "?";
  const s = Math.max(0, Math.round((now - millis) / 1000));
  if (s < 90) return s + " s ago";
  if (s < 5400) return Math.round(s / 60) + " min ago";
  if (s < 129600) return Math.round(s / 3600) + " h ago";
  return Math.round(s / 86400) + " d ago";
}

function whenCell(row, millis, now) {
  const td = cell(row, ago(millis, now), "when num");
  td.title = millis ? new Date(millis).toString() : "unknown";
  td.dataset.at = String(millis || 0);
  return td;
}

function uptime(seconds) {
  if (seconds < 120) return seconds + "s";
  if (seconds < 7200) return Math.floor(seconds / 60) + "m";
  return Math.floor(seconds / 3600) + "h" + Math.floor((seconds % 3600) / 60) + "m";
}

function number(value, unit) {
  if (value === null || value === undefined) return "-";
  return (Math.round(value * 100) / 100) + (unit || "");
}

function fill(tableId, items, render, emptyText, columns) {
  const body = document.querySelector("#" + tableId + " tbody");
  body.replaceChildren();
  if (items.length === 0) {
    const row = document.createElement("tr");
    const td = cell(row, emptyText, "muted empty");
    td.colSpan = columns;
    body.appendChild(row);
    return;
  }
  for (const item of items) {
    const row = document.createElement("tr");
    render(row, item);
    body.appendChild(row);
  }
}

async function get(path) {
  const response = await fetch(path, { cache: "no-store", headers: { "X-Warren-Token": TOKEN } });
  if (!response.ok) throw new Error(response.status + " " + (await response.text()));
  return response.json();
}

async function post(path, params) {
  const response = await fetch(path, {
    method: "POST",
    headers: {
      "X-Warren-Token": TOKEN,
      "X-Warren-Dashboard": "1",
      "Content-Type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams(params).toString(),
  });
  const text = await response.text();
  if (!response.ok) {
    let message = text;
    try {
      message = JSON.parse(text).error || text;
    } catch (e) {
      // a plain-text refusal (401, 403) is its own message
    }
    throw new Error(response.status + " " + message);
  }
  return JSON.parse(text);
}

// What a retry or purge did, in words; a refused dead letter says why it stayed.
function outcome(result) {
  if (result.retried === undefined) return JSON.stringify(result);
  const refused = result.refused.slice(0, 20)
    .map((r) => shortText("not retried " + r.id + " (" + r.reason + "): " + r.why));
  if (result.refused.length > 20) refused.push("and " + (result.refused.length - 20) + " more");
  return [result.retried.length + " retried, " + result.refused.length + " refused, " +
    result.left + " left"].concat(refused).join("; ");
}

// The outcome of the last button pressed stays on screen until the next one.
async function act(what, path, params) {
  const action = document.getElementById("action");
  try {
    const result = await post(path, params);
    action.className = "muted";
    action.textContent = shortText(what) + ": " + outcome(result);
  } catch (e) {
    action.className = "error";
    action.textContent = what + " failed: " + e.message;
  }
  refresh();
}

function button(label, className, onClick) {
  const b = document.createElement("button");
  b.textContent = label;
  b.className = className;
  b.addEventListener("click", (event) => {
    event.stopPropagation();
    onClick();
  });
  return b;
}

function retryButton(f) {
  return button("Retry", "retry", () =>
    act("retry " + f.id, "/api/dead-letters/retry", { queue: f.queue, id: f.id }));
}

function reasonText(f) {
  return f.reason + (!f.verified ? " (unverified letter)"
    : f.contentVerified ? "" : " (content unverified)");
}

// Everything a dead letter says, with its stack trace as text.
function detailBlock(f, now) {
  const box = document.createElement("div");
  box.className = "detail";
  box.dataset.id = f.id;
  const dl = document.createElement("dl");
  const field = (name, value, title) => {
    const dt = document.createElement("dt");
    dt.textContent = name;
    const dd = document.createElement("dd");
    dd.textContent = shortText(value, MAX_DETAIL);
    if (title) dd.title = title;
    dd.className = "field-" + name.toLowerCase().replace(/[^a-z]+/g, "-");
    dl.appendChild(dt);
    dl.appendChild(dd);
  };
  field("Task id", f.id);
  field("Queue", f.queue);
  field("Type", f.type);
  field("Dead-lettered", f.deadAt ? new Date(f.deadAt).toString() + " (" + ago(f.deadAt, now) + ")" : "unknown");
  field("Attempt", f.attempt);
  field("Reason", reasonText(f));
  field("Exception", f.exceptionType || "-");
  field("Message", f.exceptionMessage || "-");
  field("Detail", f.detail || "-");
  field("Worker", f.worker || "unknown (unverified letter)");
  if (f.signatureProblem) field("Signature", f.signatureProblem);
  field("Retry", f.retryable ? "possible" : "not retryable: " + f.retryRefusal);
  box.appendChild(dl);
  const pre = document.createElement("pre");
  pre.className = "stack";
  pre.textContent = f.stackTrace || "(no stack trace in this dead letter)";
  box.appendChild(pre);
  if (f.retryable) box.appendChild(retryButton(f));
  return box;
}

function showFailure(f) {
  const panel = document.getElementById("failure-detail");
  panel.replaceChildren();
  if (!f) {
    panel.hidden = true;
    return;
  }
  const close = button("Close", "close", () => {
    selectedFailure = null;
    showFailure(null);
    renderFailures(lastFailures);
  });
  panel.appendChild(close);
  panel.appendChild(detailBlock(f, Date.now()));
  panel.hidden = false;
}

function renderFailures(failures) {
  const now = Date.now();
  fill("failures", failures, (row, f) => {
    row.dataset.id = f.id;
    row.dataset.queue = f.queue;
    const key = f.queue + " " + f.id;
    if (key === selectedFailure) row.className = "selected";
    whenCell(row, f.deadAt, now);
    cell(row, f.queue, "queue");
    idCell(row, f.id);
    cell(row, f.simpleType, "type").title = shortText(f.type);
    cell(row, f.attempt, "num");
    cell(row, reasonText(f), "reason");
    const error = cell(row, f.lastError || f.detail, "error");
    error.title = shortText(f.lastError || f.detail);
    const actions = cell(row, "");
    if (f.retryable) {
      actions.appendChild(retryButton(f));
    } else {
      actions.className = "muted not-retryable";
      actions.textContent = shortText("not retryable: " + f.retryRefusal);
    }
    row.addEventListener("click", () => {
      selectedFailure = key;
      showFailure(f);
      renderFailures(lastFailures);
    });
  }, "No dead letters.", 8);
  if (selectedFailure) {
    const open = failures.find((f) => f.queue + " " + f.id === selectedFailure);
    if (!open) {
      selectedFailure = null;
      showFailure(null);
    }
  }
}

function latest(series, name) {
  if (!series) return null;
  const values = series[name];
  return values && values.length ? values[values.length - 1] : null;
}

function renderQueues(state, rates) {
  fill("queues", state.queues, (row, q) => {
    row.dataset.queue = q.name;
    const series = rates.queues[q.name];
    cell(row, q.name + (q.exists ? "" : " (missing)"), "queue");
    cell(row, q.ready, "num");
    cell(row, q.unacked + (q.unackedExact ? "" : "+"), "num");
    cell(row, q.consumers, "num");
    cell(row, number(latest(series, "publish")), "num rate-publish");
    cell(row, number(latest(series, "deliver")), "num rate-deliver");
    cell(row, number(latest(series, "ack")), "num rate-ack");
    cell(row, number(latest(series, "p50"), " ms"), "num");
    cell(row, number(latest(series, "p99"), " ms"), "num");
    cell(row, q.deadLettered, "num dead" + (q.deadLettered > 0 ? " bad" : ""));
    const actions = cell(row, "");
    if (q.deadLettered > 0) {
      actions.appendChild(button("Retry all", "retry-all", () =>
        act("retry all of " + q.name, "/api/dead-letters/retry", { queue: q.name, all: "true" })));
      actions.appendChild(document.createTextNode(" "));
      actions.appendChild(button("Purge", "purge", () => {
        if (confirm("Drop all " + q.deadLettered + " dead letters of " + q.name + "?")) {
          act("purge " + q.name, "/api/dead-letters/purge", { queue: q.name });
        }
      }));
    }
  }, "No queues yet: no worker heartbeat heard.", 11);
}

function renderCharts(rates) {
  const charts = document.getElementById("charts");
  const names = Object.keys(rates.queues);
  for (const card of [...charts.children]) {
    if (!names.includes(card.dataset.queue)) card.remove();
  }
  for (const name of names) {
    let card = [...charts.children].find((c) => c.dataset.queue === name);
    if (!card) {
      card = document.createElement("div");
      card.className = "queue-charts";
      card.dataset.queue = name;
      const title = document.createElement("h3");
      title.textContent = shortText(name);
      const rowOfCharts = document.createElement("div");
      rowOfCharts.className = "row";
      for (const kind of ["rates", "depth", "latency"]) {
        const box = document.createElement("div");
        box.dataset.chart = kind;
        rowOfCharts.appendChild(box);
      }
      card.appendChild(title);
      card.appendChild(rowOfCharts);
      charts.appendChild(card);
    }
    const s = rates.queues[name];
    const pick = (...keys) => keys.map((k) => ({ name: k, color: COLORS[k], values: s[k] }));
    const box = (kind) => card.querySelector("[data-chart='" + kind + "']");
    WarrenCharts.draw(box("rates"), "Messages", "per second", s.at, pick("publish", "deliver", "ack"), rates.now);
    WarrenCharts.draw(box("depth"), "Queued", "messages", s.at, pick("ready", "unacked"), rates.now);
    WarrenCharts.draw(box("latency"), "Run time", "ms", s.at, pick("p50", "p99"), rates.now);
  }
}

function renderWorkers(state) {
  const now = Date.now();
  fill("workers", state.workers, (row, w) => {
    row.dataset.worker = w.workerId;
    cell(row, w.workerId, "id");
    cell(row, w.host);
    cell(row, w.pid, "num");
    cell(row, w.queues.join(", "), "queue");
    cell(row, w.concurrency, "num");
    cell(row, w.inFlight, "num");
    cell(row, w.succeeded, "num");
    cell(row, w.failed, "num" + (w.failed > 0 ? " bad" : ""));
    cell(row, w.retried, "num");
    cell(row, w.rejected, "num" + (w.rejected > 0 ? " bad" : ""));
    cell(row, uptime(w.uptimeSeconds), "num");
    whenCell(row, w.lastSeen, now);
    cell(row, w.state, "state " + w.state);
  }, "No live workers.", 13);
}

function renderStatus(state) {
  const status = document.getElementById("status");
  status.className = "muted";
  status.textContent = "updated " + new Date(state.updated).toLocaleTimeString() +
    (state.unverifiedHeartbeats > 0
      ? " - " + state.unverifiedHeartbeats + " heartbeats did not verify with this dashboard's keys"
      : "");
}

async function lookup(id) {
  const panel = document.getElementById("lookup-result");
  panel.hidden = false;
  panel.className = "";
  panel.replaceChildren();
  panel.textContent = "looking for " + shortText(id) + "...";
  try {
    const result = await post("/api/lookup", { id: id });
    const now = Date.now();
    panel.replaceChildren();
    const head = document.createElement("h2");
    head.textContent = result.found.length > 0
      ? "Task " + shortText(result.id) + ": " + result.found.length + " dead letter" + (result.found.length > 1 ? "s" : "")
      : "Task " + shortText(result.id) + ": not in any dead-letter queue";
    panel.appendChild(head);
    for (const f of result.found) panel.appendChild(detailBlock(f, now));
    const where = document.createElement("div");
    where.className = "looked";
    const list = document.createElement("ul");
    for (const l of result.looked) {
      const item = document.createElement("li");
      item.textContent = shortText(l.deadLetterQueue) + ": read " + l.read + " of " + l.held + " dead letters" +
        (l.read < l.held ? " (the rest were not read)" : "");
      list.appendChild(item);
    }
    where.appendChild(document.createTextNode(result.looked.length > 0 ? "Looked in:" : "No queue to look in."));
    where.appendChild(list);
    panel.appendChild(where);
    const notes = document.createElement("ul");
    notes.className = "muted not-looked";
    for (const n of result.notLooked) {
      const item = document.createElement("li");
      item.textContent = n;
      notes.appendChild(item);
    }
    panel.appendChild(notes);
    panel.appendChild(button("Close", "close", () => { panel.hidden = true; }));
  } catch (e) {
    panel.className = "error";
    panel.textContent = "lookup failed: " + e.message;
  }
}

document.getElementById("lookup").addEventListener("submit", (event) => {
  event.preventDefault();
  const id = document.getElementById("lookup-id").value.trim();
  if (id) lookup(id);
});

async function refresh() {
  try {
    const [state, rates] = await Promise.all([get("/api/state"), get("/api/rates")]);
    const failures = await post("/api/dead-letters", {});
    lastFailures = failures;
    renderQueues(state, rates);
    renderCharts(rates);
    renderWorkers(state);
    renderFailures(failures);
    renderStatus(state);
  } catch (e) {
    const status = document.getElementById("status");
    status.className = "error";
    status.textContent = "cannot load state: " + e.message;
  }
}

refresh();
setInterval(refresh, REFRESH_MS);
