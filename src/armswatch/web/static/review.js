// Confirm or reject a transfer from the relation, actor and document pages. The verdict and
// reviewer shown come from the server's answer, so the page says what was actually stored.
"use strict";

const REVIEWER_KEY = "armswatch-reviewer";

function verdictText(review) {
  return review.verdict + (review.reviewer ? " by " + review.reviewer : "");
}

function reviewerName() {
  const field = document.getElementById("reviewer");
  const name = field ? field.value.trim() : "";
  if (name) {
    localStorage.setItem(REVIEWER_KEY, name);
  }
  return name || null;
}

function showReview(box, review) {
  box.dataset.verdict = review.verdict;
  const verdict = box.querySelector(".verdict");
  verdict.textContent = verdictText(review);
  verdict.title = review.reviewed_at ? "reviewed " + review.reviewed_at : "";
  for (const button of box.querySelectorAll("button[data-verdict]")) {
    button.setAttribute("aria-pressed", String(button.dataset.verdict === review.verdict));
  }
}

document.addEventListener("DOMContentLoaded", () => {
  const field = document.getElementById("reviewer");
  if (field && !field.value) {
    field.value = localStorage.getItem(REVIEWER_KEY) || "";
  }
});

document.addEventListener("click", async (event) => {
  const button = event.target.closest(".review button[data-verdict]");
  if (!button) {
    return;
  }
  const box = button.closest(".review");
  const body = {verdict: button.dataset.verdict};
  const reviewer = reviewerName();
  if (reviewer) {
    body.reviewer = reviewer;
  }
  box.setAttribute("aria-busy", "true");
  try {
    showReview(box, await api("/api/transfers/" + box.dataset.transfer + "/review",
                              {json: body}));
  } catch (error) {
    box.querySelector(".verdict").textContent = "not saved: " + error.message;
  } finally {
    box.removeAttribute("aria-busy");
  }
});
