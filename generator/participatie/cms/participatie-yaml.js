// participatie: the editor's YAML format. Saving a file changes only what was edited.
//
// Decap CMS reads a file into data and writes data back to a file. Its own YAML format writes the whole file anew:
// comments (such as the '# yaml-language-server' line), flow maps '{groep: ..., niveau: ...}', quotes and the order
// of keys are lost. This format keeps the file as written: it remembers the text it read (in the hidden field
// '__bron'), and on saving puts each changed value in place of the old one. Only when the shape changes (an item or
// a field added or removed) is the document written by the yaml library, which keeps comments, flow style and key
// order of everything that did not change. Unchanged data gives the file back byte for byte.
import { isMap, isScalar, isSeq, parseDocument } from "./yaml/index.js";

export const BRON = "__bron";
const OPTIONS = { lineWidth: 0, flowCollectionPadding: false };

export const MARKDOWN = "__md";
const FIELD = /^[a-z][a-z0-9_]*$/;

// One format for all files of a folder (Decap gives a file collection one format): a YAML file is a map whose keys
// are field names as the models write them; anything else (opgave.md, eindverslag.md) is Markdown text.
export function fromFile(text) {
  const doc = parseDocument(text || "");
  if (doc.errors.length || !isMap(doc.contents) || !doc.contents.items.every((p) => FIELD.test(String(p.key)))) {
    return { ...markdown.fromFile(text), [MARKDOWN]: true };
  }
  const data = doc.toJS() || {};
  return { ...data, [BRON]: text || "" };
}

function empty(value) {
  return (
    value === undefined ||
    value === null ||
    value === "" ||
    (Array.isArray(value) && value.length === 0) ||
    (typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 0)
  );
}

function same(a, b) {
  if (a === b) return true;
  if (a === null || b === null || a === undefined || b === undefined) return false;
  if (typeof a !== "object" || typeof b !== "object") return String(a) === String(b);
  return JSON.stringify(a) === JSON.stringify(b);
}

// A scalar written as its node was: the same quotes, or double quotes where plain text would read differently.
function scalarText(node, value) {
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  const text = String(value);
  if (node.type === "QUOTE_SINGLE") return `'${text.replace(/'/g, "''")}'`;
  const plain = /^[\p{L}\p{N}][\p{L}\p{N} .,()'’\-–/]*$/u.test(text) && !/^(?:true|false|null|~|yes|no|on|off|[\d.:+-]+)$/i.test(text);
  if (node.type === "PLAIN" && plain && !text.includes("\n")) return text;
  return JSON.stringify(text);
}

// Walk the old node and the new data together. Changed scalars become text edits; anything else marks a
// structural change, written by the yaml library.
function diff(doc, node, value, edits) {
  if (isScalar(node) && (value === null || typeof value !== "object")) {
    if (!same(node.value, value)) {
      if (node.type === "BLOCK_LITERAL" || node.type === "BLOCK_FOLDED" || String(value).includes("\n")) {
        node.value = value;
        return true;
      }
      edits.push({ from: node.range[0], to: node.range[1], text: scalarText(node, value) });
      node.value = value;
    }
    return false;
  }
  if (isMap(node) && value && typeof value === "object" && !Array.isArray(value)) {
    let structural = false;
    for (const [key, v] of Object.entries(value)) {
      if (key === BRON) continue;
      const pair = node.items.find((p) => String(isScalar(p.key) ? p.key.value : p.key) === key);
      if (pair) {
        if (empty(v) && !empty(pair.value && pair.value.toJSON ? pair.value.toJSON() : pair.value)) {
          node.delete(key); // cleared in the form
          structural = true;
        } else if (!empty(v) || !empty(pair.value && pair.value.toJSON ? pair.value.toJSON() : null)) {
          const changed = diff(doc, pair.value, v, edits);
          if (changed === "replace") {
            pair.value = doc.createNode(v);
            structural = true;
          } else structural = changed || structural;
        }
      } else if (!empty(v) && v !== false) {
        node.set(key, doc.createNode(v)); // a field filled in for the first time (a switch left off is no change)
        structural = true;
      }
    }
    return structural; // fields the form does not know stay as they are
  }
  if (isSeq(node) && Array.isArray(value)) {
    let structural = value.length !== node.items.length;
    value.forEach((v, i) => {
      if (i < node.items.length) {
        const changed = diff(doc, node.items[i], v, edits);
        if (changed === "replace") {
          node.items[i] = doc.createNode(v);
          structural = true;
        } else structural = changed || structural;
      } else node.items.push(doc.createNode(v));
    });
    if (node.items.length > value.length) node.items.splice(value.length);
    return structural;
  }
  if (same(node && node.toJSON ? node.toJSON() : node, value)) return false;
  return "replace";
}

export function toFile(data) {
  if (data && data[MARKDOWN]) return markdown.toFile(data);
  const { [BRON]: text, ...value } = data || {};
  const doc = parseDocument(text || "");
  if (!doc.contents || !isMap(doc.contents)) {
    doc.contents = doc.createNode(value);
    return doc.toString(OPTIONS);
  }
  const edits = [];
  const structural = diff(doc, doc.contents, value, edits);
  if (structural) return doc.toString(OPTIONS);
  let out = text;
  for (const e of edits.sort((a, b) => b.from - a.from)) {
    let value = e.text;
    if (e.from === e.to) {
      // an empty value ('samenvatting:' or 'samenvatting:  # uitleg') gets its space, and keeps the comment apart
      if (e.from > 0 && !/[ \t]/.test(out[e.from - 1])) value = ` ${value}`;
      if (out[e.to] === "#") value = `${value} `;
    }
    out = out.slice(0, e.from) + value + out.slice(e.to);
  }
  return out;
}


// opgave.md and eindverslag.md: the whole file is the text, edited as written (no front matter is added).
const markdown = {
  fromFile(text) {
    return { body: text || "" };
  },
  toFile(data) {
    const body = (data && data.body) || "";
    return body.endsWith("\n") || body === "" ? body : `${body}\n`;
  },
};

export default { fromFile, toFile };
