// The home page: one photo → mood and five songs with 👍/👎; several photos → a story soundtrack.
"use strict";

const userKey = "imagetomusic-user";

// An opaque id for this browser, so a second vote on a song replaces the first; the server keeps only its salted hash.
function userId() {
  let id = localStorage.getItem(userKey);
  if (!id) {
    id = Array.from(crypto.getRandomValues(new Uint8Array(16)), b => b.toString(16).padStart(2, "0")).join("");
    localStorage.setItem(userKey, id);
  }
  return id;
}

function say(text, isError) {
  const status = document.getElementById("status");
  status.textContent = text;
  status.classList.toggle("error", Boolean(isError));
}

async function postForm(url, form) {
  const response = await fetch(url, { method: "POST", body: form });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.detail || body.title || `The server answered ${response.status}.`);
  return body;
}

function item(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

async function suggest(file) {
  say(`Listening to the colours of ${file.name}…`);
  document.getElementById("result").hidden = true;
  const form = new FormData();
  form.append("photo", file, file.name);
  try {
    const suggestion = await postForm("/api/web/suggest", form);
    showSuggestion(suggestion, file);
    say(`Done: the photo feels ${suggestion.mood.word.toLowerCase()}. Five songs below.`);
  } catch (e) {
    say(`Could not analyse the photo: ${e.message}`, true);
  }
}

function showSuggestion(s, file) {
  const preview = document.getElementById("preview");
  if (preview.src) URL.revokeObjectURL(preview.src);
  preview.src = URL.createObjectURL(file);
  preview.alt = `The photo you chose: ${file.name}`;

  const plane = document.getElementById("mood-plane");
  plane.replaceChildren(Charts.moodPlane(s.mood.valence, s.mood.arousal, s.mood.word),
    Charts.table("Mood (1–9 scale)", ["Measure", "Value"], [["Valence", s.mood.valence.toFixed(2)], ["Arousal", s.mood.arousal.toFixed(2)], ["Mood", s.mood.word]]));
  document.getElementById("mood-words").textContent = `Mood: ${s.mood.word}`;

  const emotions = Object.entries(s.mood.emotions);
  document.getElementById("emotions").replaceChildren(
    Charts.bars(emotions, "Top emotions: " + emotions.map(([n, v]) => `${n} ${Charts.percent(v)}`).join(", ")),
    Charts.table("Top emotions", ["Emotion", "Share"], emotions.map(([n, v]) => [n, Charts.percent(v)])));

  document.getElementById("palette").replaceChildren(...s.palette.map(colour => {
    const li = item("li");
    const swatch = item("span", undefined, "swatch");
    swatch.style.background = colour.hex;
    swatch.setAttribute("aria-hidden", "true");
    li.append(swatch, item("span", `${colour.name} ${colour.hex} (${Charts.percent(colour.share)})`));
    return li;
  }));

  document.getElementById("tracks").replaceChildren(...s.tracks.map(t => trackItem(t, s.recommendation_id)));
  document.getElementById("result").hidden = false;
}

function trackItem(track, recommendationId) {
  const li = item("li");
  li.dataset.trackId = track.track_id;
  li.append(item("div", `${track.title} — ${track.artist}`, "track-title"), item("p", track.reason, "reason"));
  if (recommendationId) li.append(voteButtons(track, recommendationId));
  return li;
}

function voteButtons(track, recommendationId) {
  const group = item("div", undefined, "votes");
  group.setAttribute("role", "group");
  group.setAttribute("aria-label", `Does “${track.title}” fit?`);
  const note = item("span", "", "vote-note");
  note.setAttribute("aria-live", "polite");
  const buttons = [["up", "👍 Fits"], ["down", "👎 Doesn't fit"]].map(([vote, label]) => {
    const button = item("button", label, `secondary ${vote}`);
    button.type = "button";
    button.setAttribute("aria-pressed", "false");
    button.addEventListener("click", async () => {
      try {
        const response = await fetch("/api/web/feedback", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ recommendation_id: recommendationId, track_id: track.track_id, vote, user: userId() }),
        });
        if (!response.ok) throw new Error((await response.json().catch(() => ({}))).detail || `The server answered ${response.status}.`);
        for (const b of buttons) b.setAttribute("aria-pressed", String(b === button));
        note.textContent = vote === "up" ? "Thanks: noted as a fit." : "Thanks: noted as not a fit.";
      } catch (e) {
        note.textContent = `Your vote was not saved: ${e.message}`;
      }
    });
    return button;
  });
  group.append(...buttons, note);
  return group;
}

async function story(files, mode) {
  if (files.length < 2) { say("Choose at least 2 photos for a story.", true); return; }
  say(`Reading ${files.length} photos…`);
  document.getElementById("story-result").hidden = true;
  const form = new FormData();
  for (const file of files) form.append("images", file, file.name);
  form.append("mode", mode);
  try {
    const soundtrack = await postForm("/api/web/story", form);
    showStory(soundtrack, files);
    say(`Done: the story feels ${soundtrack.story_mood_word.toLowerCase()}; ${soundtrack.tracks.length} songs below.`);
  } catch (e) {
    say(`Could not make the soundtrack: ${e.message}`, true);
  }
}

function showStory(s, files) {
  document.getElementById("story-mood").textContent =
    `The story feels ${s.story_mood_word} (valence ${s.story_mood.valence.toFixed(1)}, arousal ${s.story_mood.arousal.toFixed(1)} of 9), ${Math.round(s.total_duration_seconds / 60)} minutes of music.`;
  document.getElementById("story-photos-list").replaceChildren(...s.images.map(image => {
    const li = item("li");
    const img = item("img");
    img.src = URL.createObjectURL(files[image.index]);
    img.alt = `Photo ${image.index + 1}: ${files[image.index].name}`;
    const swatches = item("ul", undefined, "swatches");
    swatches.setAttribute("aria-label", "Palette");
    swatches.append(...image.palette.map(colour => {
      const sw = item("li");
      const box = item("span", undefined, "swatch");
      box.style.background = colour.hex;
      box.title = `${colour.name} ${colour.hex}`;
      box.setAttribute("role", "img");
      box.setAttribute("aria-label", `${colour.name} ${colour.hex}`);
      sw.append(box);
      return sw;
    }));
    li.append(img, item("p", `Photo ${image.index + 1}: valence ${image.mood.valence.toFixed(1)}, arousal ${image.mood.arousal.toFixed(1)}`), swatches);
    return li;
  }));
  // In per_image mode each photo's song is that photo's recommendation; in whole mode the story has one list.
  document.getElementById("story-tracks").replaceChildren(...s.tracks.map(t => {
    const recommendationId = s.recommendation_id || (t.image_index !== null ? s.images[t.image_index].recommendation_id : null);
    const li = trackItem({ track_id: t.id, title: t.title, artist: t.artist, reason: t.reason }, recommendationId);
    if (t.image_index !== null) li.prepend(item("span", `For photo ${t.image_index + 1}: `, "vote-note"));
    return li;
  }));
  document.getElementById("story-result").hidden = false;
}

function enableDrop(form, onFiles) {
  for (const type of ["dragenter", "dragover"])
    form.addEventListener(type, e => { e.preventDefault(); form.classList.add("over"); });
  for (const type of ["dragleave", "drop"])
    form.addEventListener(type, () => form.classList.remove("over"));
  form.addEventListener("drop", e => {
    e.preventDefault();
    onFiles([...e.dataTransfer.files].filter(f => f.type.startsWith("image/")));
  });
}

document.addEventListener("DOMContentLoaded", () => {
  const photo = document.getElementById("photo");
  photo.addEventListener("change", () => { if (photo.files.length) suggest(photo.files[0]); });
  enableDrop(document.getElementById("one-form"), files => { if (files.length) suggest(files[0]); });
  document.getElementById("one-form").addEventListener("submit", e => e.preventDefault());

  const storyForm = document.getElementById("story-form");
  const storyPhotos = document.getElementById("story-photos");
  const mode = () => storyForm.querySelector("input[name=mode]:checked").value;
  let dropped = null;
  storyPhotos.addEventListener("change", () => { dropped = null; });
  enableDrop(storyForm, files => { dropped = files; say(`${files.length} photos ready; press “Make the soundtrack”.`); });
  storyForm.addEventListener("submit", e => {
    e.preventDefault();
    story(dropped || [...storyPhotos.files], mode());
  });
});
