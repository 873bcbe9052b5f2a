// Writes schemas/kehoach-config.schema.json, the JSON schema of
// `.kehoach/config.json`, from the `kehoach.*` settings package.json
// contributes: one list of settings, two places to write them. VS Code
// completes and validates the file with it (contributes.jsonValidation).
// `--check` exits 1 when the committed schema is not what this would write.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(root, 'schemas', 'kehoach-config.schema.json');
// Settings of the editor alone: they mean nothing in a workspace file.
const EDITOR_ONLY = new Set(['kehoach.trace.server']);

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const nls = JSON.parse(readFileSync(join(root, 'package.nls.vi.json'), 'utf8'));
const nlsEn = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8'));

/** `%key%` → the Vietnamese text, then the English one. */
function text(v) {
  const m = typeof v === 'string' && /^%(.+)%$/.exec(v);
  if (!m) return v;
  const vi = nls[m[1]] ?? nlsEn[m[1]];
  const en = nlsEn[m[1]];
  return vi && en && vi !== en ? `${vi}\n\n${en}` : vi ?? en ?? v;
}

/** A settings entry as a schema node: VS Code's own keys (order, scope…) dropped, texts resolved. */
function node(setting) {
  const out = {};
  for (const [k, v] of Object.entries(setting)) {
    if (['order', 'scope', 'tags', 'ignoreSync'].includes(k)) continue;
    if (k === 'markdownDescription' || k === 'description') out.markdownDescription = text(v);
    else if (k === 'enumDescriptions' || k === 'markdownEnumDescriptions') out.markdownEnumDescriptions = v.map(text);
    else if (k === 'properties') out.properties = Object.fromEntries(Object.entries(v).map(([p, s]) => [p, node(s)]));
    else out[k] = v;
  }
  return out;
}

/** Nests `kehoach.index.files` as `index` → `files`. */
function place(schema, key, value) {
  const path = key.replace(/^kehoach\./, '').split('.');
  let cur = schema;
  for (const part of path.slice(0, -1)) {
    cur.properties[part] ??= { type: 'object', properties: {}, additionalProperties: false };
    cur = cur.properties[part];
  }
  cur.properties[path[path.length - 1]] = value;
}

export function buildSchema() {
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'kehoach: .kehoach/config.json',
    markdownDescription: 'Cấu hình kehoach của thư mục làm việc, đọc bởi tiện ích và dòng lệnh; cài đặt VS Code khác mặc định được ưu tiên.\n\nkehoach configuration of this workspace, read by the extension and the command line; VS Code settings that differ from their defaults win.',
    type: 'object',
    properties: {},
    additionalProperties: false,
  };
  for (const section of [pkg.contributes.configuration].flat()) {
    for (const [key, setting] of Object.entries(section.properties)) {
      if (!EDITOR_ONLY.has(key)) place(schema, key, node(setting));
    }
  }
  return JSON.stringify(schema, null, 2) + '\n';
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const next = buildSchema();
  if (process.argv.includes('--check')) {
    let now = '';
    try {
      now = readFileSync(OUT, 'utf8');
    } catch {}
    if (now !== next) {
      console.error('schemas/kehoach-config.schema.json is stale: run npm run build:schema');
      process.exit(1);
    }
  } else writeFileSync(OUT, next);
}
