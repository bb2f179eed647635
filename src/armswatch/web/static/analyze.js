// The analyze page: send a pasted report to /api/analyze and show what was found in it.
"use strict";

function transferCard(transfer, index) {
  const card = el("article", {class: "transfer", id: "found-" + index});
  const heading = el("h3");
  heading.append(el("span", {class: "stage stage-" + transfer.status}, transfer.status), " ",
                 (transfer.supplier || "?") + " → " + (transfer.recipient || "?"));
  if (transfer.items.length) {
    heading.append(" ", el("span", {class: "items"}, transfer.items.join(", ")));
  }
  if (transfer.via.length) {
    heading.append(" ", el("span", {class: "via"}, "via " + transfer.via.join(", ")));
  }
  card.append(heading);
  const claims = el("ul", {class: "claims"});
  transfer.claims.forEach((claim) => claims.append(claimItem(claim)));
  card.append(claims);
  for (const finding of transfer.embargo || []) {
    card.append(el("span", {class: "finding finding-" + finding.finding},
                   finding.embargo + ": " + finding.finding));
  }
  return card;
}

function showAnalysis(result) {
  const spans = [];
  result.transfers.forEach((transfer, index) => {
    for (const claim of transfer.claims) {
      spans.push({start: claim.evidence.start, end: claim.evidence.end, index: index,
                  source: claim.source, stance: claim.stance});
    }
  });
  const article = document.getElementById("analysis-text");
  article.replaceChildren();
  for (const run of textRuns(result.text, spans)) {
    if (run.covering.length) {
      const stances = Array.from(new Set(run.covering.map((s) => "stance-" + s.stance)));
      article.append(el("mark", {class: "evidence " + stances.join(" ")}, run.text));
    } else {
      article.append(document.createTextNode(run.text));
    }
    for (const span of run.ending) {
      article.append(el("a", {class: "label stance-" + span.stance, href: "#found-" + span.index},
                        span.source + " · " + span.stance));
    }
  }
  const list = document.getElementById("analysis-transfers");
  list.replaceChildren();
  result.transfers.forEach((transfer, index) => list.append(transferCard(transfer, index)));
  if (!result.transfers.length) {
    list.append(el("p", {}, "No transfers found."));
  }
  document.getElementById("analysis").hidden = false;
}

document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("analyze-form");
  const status = document.getElementById("analyze-status");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const fields = new FormData(form);
    const body = {};
    body[fields.get("format") === "html" ? "html" : "text"] = fields.get("report");
    if (fields.get("title")) { body.title = fields.get("title"); }
    if (fields.get("published")) { body.published = fields.get("published"); }
    status.textContent = "Analysing…";
    try {
      const result = await api("/api/analyze", {json: body});
      showAnalysis(result);
      status.textContent = result.transfers.length + " transfers found";
    } catch (error) {
      status.textContent = "Failed: " + error.message;
    }
  });
});
