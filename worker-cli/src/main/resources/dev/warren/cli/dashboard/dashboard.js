// Polls GET /api/state and POST /api/dead-letters and renders them; buttons POST to
// /api/dead-letters/{retry,purge}. Every request carries the token from the page's address
// (X-Warren-Token); the X-Warren-Dashboard header is required for every POST (CSRF protection).
// Text from the broker goes in with textContent only, never innerHTML, and is cut to MAX_TEXT;
// the server has already escaped what messages chose (ids, types, errors) as the CLI does.
"use strict";

const REFRESH_MS = 2000;
const MAX_TEXT = 200;
const TOKEN = new URLSearchParams(window.location.search).get("token") || "";

function shortText(text) {
  const s = text === undefined || text === null ? "" : String(text);
  return s.length <= MAX_TEXT ? s : s.substring(0, MAX_TEXT) + "\u2026";
}

function cell(row, text, className) {
  const td = document.createElement("td");
  td.textContent = shortText(text);
  if (className) td.className = className;
  row.appendChild(td);
  return td;
}

function uptime(seconds) {
  if (seconds < 120) return seconds + "s";
  if (seconds < 7200) return Math.floor(seconds / 60) + "m";
  return Math.floor(seconds / 3600) + "h" + Math.floor((seconds % 3600) / 60) + "m";
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
  b.addEventListener("click", onClick);
  return b;
}

function render(state, failures) {
  fill("queues", state.queues, (row, q) => {
    row.dataset.queue = q.name;
    cell(row, q.name + (q.exists ? "" : " (missing)"));
    cell(row, q.ready, "num");
    cell(row, q.unacked + (q.unackedExact ? "" : "+"), "num");
    cell(row, q.consumers, "num");
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
  }, "No queues yet: no worker heartbeat heard.", 6);

  fill("workers", state.workers, (row, w) => {
    row.dataset.worker = w.workerId;
    cell(row, w.workerId);
    cell(row, w.host);
    cell(row, w.pid, "num");
    cell(row, w.queues.join(", "));
    cell(row, w.concurrency, "num");
    cell(row, w.inFlight, "num");
    cell(row, w.succeeded, "num");
    cell(row, w.failed, "num" + (w.failed > 0 ? " bad" : ""));
    cell(row, w.retried, "num");
    cell(row, w.rejected, "num" + (w.rejected > 0 ? " bad" : ""));
    cell(row, uptime(w.uptimeSeconds), "num");
    cell(row, w.state, "state " + w.state);
  }, "No live workers.", 12);

  fill("failures", failures, (row, f) => {
    row.dataset.id = f.id;
    cell(row, f.queue);
    cell(row, f.id).classList.add("id");
    cell(row, f.simpleType).title = shortText(f.type);
    cell(row, f.attempt, "num");
    cell(row, f.reason + (!f.verified ? " (unverified letter)"
      : f.contentVerified ? "" : " (content unverified)"));
    cell(row, f.lastError || f.detail);
    const actions = cell(row, "");
    if (f.retryable) {
      actions.appendChild(button("Retry", "retry", () =>
        act("retry " + f.id, "/api/dead-letters/retry", { queue: f.queue, id: f.id })));
    } else {
      actions.className = "muted not-retryable";
      actions.textContent = shortText("not retryable: " + f.retryRefusal);
    }
  }, "No dead letters.", 7);

  const status = document.getElementById("status");
  status.className = "muted";
  {
    status.textContent = "updated " + new Date(state.updated).toLocaleTimeString() +
      (state.unverifiedHeartbeats > 0
        ? " - " + state.unverifiedHeartbeats + " heartbeats did not verify with this dashboard's keys"
        : "");
  }
}

async function refresh() {
  try {
    const response = await fetch("/api/state", {
      cache: "no-store",
      headers: { "X-Warren-Token": TOKEN },
    });
    if (!response.ok) throw new Error(response.status + " " + (await response.text()));
    const state = await response.json();
    const failures = await post("/api/dead-letters", {});
    document.getElementById("status").className = "muted";
    render(state, failures);
  } catch (e) {
    const status = document.getElementById("status");
    status.className = "error";
    status.textContent = "cannot load state: " + e.message;
  }
}

refresh();
setInterval(refresh, REFRESH_MS);
