// Confirm or reject a transfer from the relation, actor and document pages.
"use strict";

document.addEventListener("click", async (event) => {
  const button = event.target.closest(".review button[data-verdict]");
  if (!button) {
    return;
  }
  const box = button.closest(".review");
  const verdict = box.querySelector(".verdict");
  try {
    const saved = await api("/api/transfers/" + box.dataset.transfer + "/review",
                            {json: {verdict: button.dataset.verdict}});
    verdict.textContent = saved.verdict;
  } catch (error) {
    verdict.textContent = "not saved: " + error.message;
  }
});
