// The survey page: one analysis' photo and tracks; asks, per track, "does this fit?" and which mood word fits.
"use strict";

const respondentKey = "imagetomusic-user";

// The same opaque per-browser id as the home page, so answering twice replaces the first answers.
function respondent() {
  let id = localStorage.getItem(respondentKey);
  if (!id) {
    id = Array.from(crypto.getRandomValues(new Uint8Array(16)), b => b.toString(16).padStart(2, "0")).join("");
    localStorage.setItem(respondentKey, id);
  }
  return id;
}

function node(tag, text, attributes) {
  const n = document.createElement(tag);
  if (text !== undefined) n.textContent = text;
  for (const [key, value] of Object.entries(attributes || {})) n.setAttribute(key, value);
  return n;
}

function radio(name, value, label) {
  const wrapper = node("label");
  wrapper.append(node("input", undefined, { type: "radio", name, value }), ` ${label} `);
  return wrapper;
}

function say(id, text, isError) {
  const status = document.getElementById(id);
  status.hidden = false;
  status.textContent = text;
  status.classList.toggle("error", Boolean(isError));
}

async function load(id) {
  const response = await fetch(`/api/surveys/${encodeURIComponent(id)}`);
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.detail || `The server answered ${response.status}.`);
  return body;
}

function render(survey) {
  const photo = document.getElementById("photo");
  photo.src = survey.image_url;
  const mood = document.getElementById("mood");
  mood.append(...survey.mood_words.map(word => radio("mood", word, word)), radio("mood", "", "not sure"));
  document.getElementById("tracks").replaceChildren(...survey.tracks.map(track => {
    const li = node("li");
    const group = node("fieldset");
    group.append(node("legend", `${track.title} — ${track.artist}`), node("p", track.reason, { class: "reason" }),
      radio(`fit-${track.track_id}`, "yes", "👍 fits"), radio(`fit-${track.track_id}`, "no", "👎 doesn't fit"));
    li.append(group);
    return li;
  }));
  document.getElementById("survey").hidden = false;
}

function answers(survey, form) {
  const fits = {};
  for (const track of survey.tracks) {
    const chosen = form.querySelector(`input[name="fit-${CSS.escape(track.track_id)}"]:checked`);
    if (chosen) fits[track.track_id] = chosen.value === "yes";
  }
  const mood = form.querySelector("input[name=mood]:checked");
  const comment = document.getElementById("comment").value.trim();
  return { respondent: respondent(), fits, mood: mood && mood.value ? mood.value : null, comment: comment || null };
}

document.addEventListener("DOMContentLoaded", async () => {
  const id = decodeURIComponent(location.pathname.split("/").filter(Boolean).pop());
  let survey;
  try {
    survey = await load(id);
    render(survey);
    say("status", "Listen in your head, or look the songs up; then tell us what fits.");
  } catch (e) {
    say("status", `This survey cannot be shown: ${e.message}`, true);
    return;
  }
  const form = document.getElementById("survey");
  form.addEventListener("submit", async e => {
    e.preventDefault();
    try {
      const response = await fetch(`/api/surveys/${encodeURIComponent(id)}/answers`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(answers(survey, form)),
      });
      const body = await response.json().catch(() => ({}));
      if (!response.ok) throw new Error(body.detail || `The server answered ${response.status}.`);
      form.hidden = true;
      say("thanks", `Thank you: ${body.votes_stored} answers about the songs${body.mood ? `, and the mood ${body.mood}` : ""} were saved.`);
    } catch (err) {
      say("status", `Your answers were not saved: ${err.message}`, true);
    }
  });
});
