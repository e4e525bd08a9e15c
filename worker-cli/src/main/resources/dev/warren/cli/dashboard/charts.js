// Line charts as inline SVG, drawn from the console's own data: no library, nothing fetched from
// elsewhere. Each series is a polyline with data-points = how many values it drew; a missing
// value (null: no run in that interval) breaks the line.
"use strict";

const WarrenCharts = (() => {
  const SVG = "http://www.w3.org/2000/svg";
  const WIDTH = 300;
  const HEIGHT = 110;
  const PAD = { left: 34, right: 6, top: 8, bottom: 16 };

  function el(name, attrs) {
    const node = document.createElementNS(SVG, name);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
    return node;
  }

  function niceMax(value) {
    if (!(value > 0)) return 1;
    const power = Math.pow(10, Math.floor(Math.log10(value)));
    for (const step of [1, 2, 2.5, 5, 10]) {
      if (value <= step * power) return step * power;
    }
    return 10 * power;
  }

  function label(value) {
    if (value >= 1000) return (value / 1000).toFixed(value >= 10000 ? 0 : 1) + "k";
    return String(Math.round(value * 100) / 100);
  }

  // series: [{name, color, values}] aligned with times (ms since the epoch, oldest first)
  function draw(box, title, unit, times, series, now) {
    box.replaceChildren();
    box.className = "chart-box";
    const head = document.createElement("div");
    head.className = "title";
    head.textContent = title + (unit ? " (" + unit + ")" : "");
    box.appendChild(head);

    const svg = el("svg", { width: WIDTH, height: HEIGHT, viewBox: "0 0 " + WIDTH + " " + HEIGHT,
      class: "chart", role: "img" });
    svg.appendChild(el("title")).textContent = title;
    const plotW = WIDTH - PAD.left - PAD.right;
    const plotH = HEIGHT - PAD.top - PAD.bottom;
    const end = now || (times.length ? times[times.length - 1] : Date.now());
    const start = Math.min(times.length ? times[0] : end, end - 60000);
    let max = 0;
    for (const s of series) for (const v of s.values) if (v !== null && v > max) max = v;
    const top = niceMax(max);
    const x = (t) => PAD.left + (end === start ? plotW : ((t - start) / (end - start)) * plotW);
    const y = (v) => PAD.top + plotH - (v / top) * plotH;

    svg.appendChild(el("line", { x1: PAD.left, y1: PAD.top, x2: PAD.left, y2: PAD.top + plotH, stroke: "#ccc" }));
    svg.appendChild(el("line", { x1: PAD.left, y1: PAD.top + plotH, x2: PAD.left + plotW, y2: PAD.top + plotH, stroke: "#ccc" }));
    svg.appendChild(el("text", { x: PAD.left - 3, y: PAD.top + 8, "text-anchor": "end" })).textContent = label(top);
    svg.appendChild(el("text", { x: PAD.left - 3, y: PAD.top + plotH, "text-anchor": "end" })).textContent = "0";
    const minutes = Math.round((end - start) / 60000);
    svg.appendChild(el("text", { x: PAD.left, y: HEIGHT - 3 })).textContent =
      minutes >= 1 ? "-" + minutes + " min" : "-" + Math.round((end - start) / 1000) + " s";
    svg.appendChild(el("text", { x: PAD.left + plotW, y: HEIGHT - 3, "text-anchor": "end" })).textContent = "now";

    const legend = document.createElement("div");
    legend.className = "legend";
    for (const s of series) {
      let drawn = 0;
      let points = [];
      const flush = () => {
        if (points.length > 0) {
          const line = el("polyline", { points: points.join(" "), stroke: s.color,
            class: "series series-" + s.name });
          line.dataset.points = String(points.length);
          svg.appendChild(line);
        }
        points = [];
      };
      s.values.forEach((v, i) => {
        if (v === null || v === undefined) {
          flush();
        } else {
          points.push(x(times[i]).toFixed(1) + "," + y(v).toFixed(1));
          drawn++;
        }
      });
      flush();
      svg.dataset["points" + s.name] = String(drawn);
      const last = [...s.values].reverse().find((v) => v !== null && v !== undefined);
      const item = document.createElement("span");
      const swatch = document.createElement("i");
      swatch.style.background = s.color;
      item.appendChild(swatch);
      item.appendChild(document.createTextNode(s.name + " " + (last === undefined ? "-" : label(last))));
      legend.appendChild(item);
    }
    box.appendChild(svg);
    box.appendChild(legend);
  }

  return { draw };
})();
