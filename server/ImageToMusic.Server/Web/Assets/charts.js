// Small SVG charts for the pages, drawn from data with no library. Every chart has a text label (aria-label)
// and a data table beside it, so no figure is only visual and nothing is said by colour alone.
"use strict";

const Charts = (() => {
  const SVG = "http://www.w3.org/2000/svg";

  function el(name, attributes, text) {
    const node = document.createElementNS(SVG, name);
    for (const [key, value] of Object.entries(attributes || {})) node.setAttribute(key, String(value));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function svg(width, height, label) {
    return el("svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img", "aria-label": label });
  }

  function table(caption, headers, rows) {
    const t = document.createElement("table");
    t.createCaption().textContent = caption;
    const head = t.createTHead().insertRow();
    for (const h of headers) {
      const th = document.createElement("th");
      th.scope = "col";
      th.textContent = h;
      head.appendChild(th);
    }
    const body = t.createTBody();
    for (const row of rows) {
      const tr = body.insertRow();
      row.forEach((cell, i) => {
        const c = document.createElement(i === 0 ? "th" : "td");
        if (i === 0) c.scope = "row";
        c.textContent = cell;
        tr.appendChild(c);
      });
    }
    return t;
  }

  // Valence (x) and arousal (y) on the engine's 1–9 scale, split at 5 into the four music moods.
  function moodPlane(valence, arousal, word) {
    const size = 220, pad = 30, span = size - 2 * pad;
    const x = v => pad + ((v - 1) / 8) * span;
    const y = a => size - pad - ((a - 1) / 8) * span;
    const chart = svg(size, size, `Mood plane: valence ${valence.toFixed(1)} of 9, arousal ${arousal.toFixed(1)} of 9, in the ${word} quadrant`);
    chart.appendChild(el("rect", { x: pad, y: pad, width: span, height: span, fill: "#f7fafc", stroke: "#4a5568" }));
    chart.appendChild(el("line", { x1: x(5), x2: x(5), y1: pad, y2: size - pad, stroke: "#a0aec0" }));
    chart.appendChild(el("line", { x1: pad, x2: size - pad, y1: y(5), y2: y(5), stroke: "#a0aec0" }));
    const corners = [["Energetic", 3, 8.4], ["Happy", 7, 8.4], ["Sad", 3, 1.4], ["Calm", 7, 1.4]];
    for (const [name, v, a] of corners)
      chart.appendChild(el("text", { x: x(v), y: y(a), "text-anchor": "middle", "font-size": 11, fill: "#4a5568", "font-weight": name === word ? "bold" : "normal" }, name));
    chart.appendChild(el("text", { x: size / 2, y: size - 8, "text-anchor": "middle", "font-size": 11 }, "valence: unpleasant → pleasant"));
    chart.appendChild(el("text", { x: 12, y: size / 2, "text-anchor": "middle", "font-size": 11, transform: `rotate(-90 12 ${size / 2})` }, "arousal: calm → excited"));
    chart.appendChild(el("circle", { cx: x(valence), cy: y(arousal), r: 7, fill: "#2b6cb0", stroke: "#1a202c", "stroke-width": 2 }));
    return chart;
  }

  // Horizontal bars for shares 0–1, each labelled with its name and percentage in text.
  function bars(items, label) {
    const row = 24, labelWidth = 90, barWidth = 150, width = labelWidth + barWidth + 50;
    const chart = svg(width, row * items.length, label);
    items.forEach(([name, share], i) => {
      const top = i * row;
      chart.appendChild(el("text", { x: 0, y: top + 16, "font-size": 12 }, name));
      chart.appendChild(el("rect", { x: labelWidth, y: top + 4, width: barWidth, height: 14, fill: "#e2e8f0" }));
      chart.appendChild(el("rect", { x: labelWidth, y: top + 4, width: Math.max(1, share * barWidth), height: 14, fill: "#2b6cb0" }));
      chart.appendChild(el("text", { x: labelWidth + barWidth + 6, y: top + 16, "font-size": 12 }, percent(share)));
    });
    return chart;
  }

  function percent(share) { return `${(100 * share).toFixed(1)}%`; }

  return { moodPlane, bars, table, percent };
})();
