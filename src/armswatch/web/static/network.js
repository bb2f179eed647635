// The network page: actors as nodes, relations as directed edges, one panel per edge.
"use strict";

const STAGE_COLOURS = {
  delivered: "#1b7837", agreed: "#2166ac", negotiating: "#8073ac",
  possible: "#8c8c8c", cancelled: "#c7c7c7",
};
const BREACH_COLOUR = "#d7301f";
const graphState = {network: null, nodes: null, edges: null, level: "actor", ready: false};
window.armswatchGraph = graphState;

function filterQuery(form) {
  const query = new URLSearchParams();
  for (const [name, value] of new FormData(form).entries()) {
    if (value) {
      query.set(name, value);
    }
  }
  return query;
}

function edgeStyle(edge) {
  const colour = edge.breach ? BREACH_COLOUR : (STAGE_COLOURS[edge.status] || "#555");
  return {
    id: edge.id, from: edge.from, to: edge.to, arrows: "to",
    color: {color: colour, highlight: colour, hover: colour},
    width: Math.min(1 + 2 * edge.independent_sources, 12),
    dashes: edge.status === "cancelled",
    title: edge.from + " → " + edge.to + ": " + edge.status,
  };
}

function nodeStyle(node) {
  const isState = node.type === "state";
  return {id: node.id, label: node.label, shape: isState ? "ellipse" : "box",
          color: isState ? "#e8eef7" : "#fdf0d5", title: node.id + " (" + node.type + ")"};
}

function drawGraph(data) {
  const container = document.getElementById("graph");
  graphState.ready = false;
  graphState.nodes = new vis.DataSet(data.nodes.map(nodeStyle));
  graphState.edges = new vis.DataSet(data.edges.map(edgeStyle));
  if (graphState.network) {
    graphState.network.destroy();
  }
  const options = {
    edges: {smooth: false},
    physics: {stabilization: {iterations: 300}},
    interaction: {hover: true},
  };
  graphState.network = new vis.Network(
    container, {nodes: graphState.nodes, edges: graphState.edges}, options);
  graphState.network.once("stabilizationIterationsDone", () => {
    // Frozen after layout so edges stay where the analyst clicked them.
    graphState.network.setOptions({physics: false});
    graphState.ready = true;
  });
  graphState.network.on("click", (params) => {
    if (params.nodes.length === 0 && params.edges.length > 0) {
      showEdge(params.edges[0]);
    }
  });
  graphState.network.on("doubleClick", (params) => {
    if (params.nodes.length > 0) {
      window.location.href = "/actors/" + encodeURIComponent(params.nodes[0]);
    }
  });
  document.getElementById("graph-summary").textContent =
    data.nodes.length + " actors, " + data.edges.length + " relations";
}

async function showEdge(key) {
  const panel = document.getElementById("edge-panel");
  const detail = await api("/api/relations/" + encodeURIComponent(key) +
                           "?level=" + graphState.level);
  const relation = detail.relation;
  document.getElementById("edge-title").textContent =
    (relation.supplier || "?") + " → " + (relation.recipient || "?");
  const findings = relation.embargo.map((f) => f.embargo + ": " + f.finding).join("; ");
  document.getElementById("edge-facts").textContent =
    relation.status + " · confidence " + relation.confidence + " · " +
    relation.independent_sources + " independent sources" +
    (relation.items.length ? " · " + relation.items.join(", ") : "") +
    (findings ? " · " + findings : "");
  const link = document.getElementById("edge-link");
  link.href = "/relations/" + encodeURIComponent(key) + "?level=" + graphState.level;
  const list = document.getElementById("edge-evidence");
  list.replaceChildren();
  for (const transfer of detail.transfers) {
    for (const claim of transfer.claims) {
      list.append(claimItem(claim));
    }
  }
  panel.dataset.relation = key;
  panel.hidden = false;
}

async function loadGraph(form) {
  const query = filterQuery(form);
  graphState.level = query.get("level") || "actor";
  const data = await api("/api/network?" + query.toString());
  graphState.data = data;
  drawGraph(data);
}

document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("filters");
  if (typeof vis === "undefined") {
    document.getElementById("graph").textContent =
      "The graph library is not installed on this server (pip install pyvis).";
    return;
  }
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    document.getElementById("edge-panel").hidden = true;
    loadGraph(form).catch((error) => {
      document.getElementById("graph-summary").textContent = error.message;
    });
  });
  loadGraph(form).catch((error) => {
    document.getElementById("graph-summary").textContent = error.message;
  });
});
