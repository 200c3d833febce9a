// Renders each formula of a JSON file with KaTeX to MathML and prints the throughput as one
// JSON line, for `litmus-bench tex`. Usage: node bench/katex_mathml.js FORMULAS.json
// The file holds [{"latex": "...", "display": true}, ...]. KaTeX comes from Debian's `katex`
// package (require path /usr/share/nodejs) or from KATEX_PATH.
"use strict";
const fs = require("fs");

function loadKaTeX() {
    const candidates = [process.env.KATEX_PATH, "katex", "/usr/share/nodejs/katex",
        "/usr/share/javascript/katex/katex.js", "/usr/lib/nodejs/katex"].filter(Boolean);
    for (const candidate of candidates) {
        try {
            return require(candidate);
        } catch (error) {
            // Try the next place Debian or a user may have put it.
        }
    }
    throw new Error("KaTeX not found; apt-get install katex or set KATEX_PATH");
}

const katex = loadKaTeX();
const formulas = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));

function renderAll() {
    let bytes = 0;
    for (const formula of formulas) {
        const html = katex.renderToString(formula.latex, {
            output: "mathml", throwOnError: false, displayMode: formula.display,
        });
        bytes += html.length;
    }
    return bytes;
}

renderAll(); // warm-up: let the JIT compile the renderer first, as Litmus runs optimised code.
let best = Infinity;
let bytes = 0;
for (let round = 0; round < 3; round++) {
    const start = process.hrtime.bigint();
    bytes = renderAll();
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    best = Math.min(best, seconds);
}
console.log(JSON.stringify({
    benchmark: "tex", tool: "katex", version: katex.version, formulas: formulas.length,
    formulas_per_s: Math.round(formulas.length / best), seconds: Number(best.toFixed(4)), output_bytes: bytes,
}));
