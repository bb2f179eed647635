// Shared helpers. Every text from the store or a report is set with textContent, so it can
// never become markup.
"use strict";

function el(tag, attributes, text) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    node.setAttribute(name, value);
  }
  if (text !== undefined && text !== null) {
    node.textContent = String(text);
  }
  return node;
}

function tokenHeaders() {
  const field = document.getElementById("token");
  if (field && field.value) {
    sessionStorage.setItem("armswatch-token", field.value);
  }
  const token = sessionStorage.getItem("armswatch-token");
  return token ? {"X-Armswatch-Token": token} : {};
}

async function api(path, options) {
  const settings = Object.assign({headers: {}}, options || {});
  if (settings.json !== undefined) {
    settings.method = settings.method || "POST";
    settings.body = JSON.stringify(settings.json);
    settings.headers = Object.assign({"Content-Type": "application/json"}, tokenHeaders(),
                                     settings.headers);
  }
  const response = await fetch(path, settings);
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const detail = typeof body.detail === "string" ? body.detail : response.statusText;
    throw new Error(detail);
  }
  return body;
}

// Split text at every span boundary; each run knows the spans covering it and those ending.
function textRuns(text, spans) {
  const inside = spans.filter((s) => s.start >= 0 && s.start < s.end && s.end <= text.length);
  const cuts = new Set([0, text.length]);
  inside.forEach((s) => { cuts.add(s.start); cuts.add(s.end); });
  const sorted = Array.from(cuts).sort((a, b) => a - b);
  const runs = [];
  for (let i = 0; i + 1 < sorted.length; i += 1) {
    const start = sorted[i];
    const end = sorted[i + 1];
    const covering = inside.filter((s) => s.start <= start && end <= s.end);
    runs.push({text: text.slice(start, end), covering: covering,
               ending: covering.filter((s) => s.end === end)});
  }
  return runs;
}

function claimItem(claim) {
  const item = el("li", {class: "claim stance-" + claim.stance});
  item.append(el("span", {class: "label"}, claim.source + " · " + claim.stance), " ");
  item.append(el("q", {}, claim.sentence !== undefined ? claim.sentence : claim.evidence.text));
  return item;
}
