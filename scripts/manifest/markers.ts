// Generated stretches inside hand-written files, between two HTML comments
// that Markdown does not show.

const begin = (name: string) => `<!-- BEGIN GENERATED ${name}: npm run build:manifest writes this, edit the core tables -->`;
const end = (name: string) => `<!-- END GENERATED ${name} -->`;

/** `text` with the stretch `name` replaced by `body`; throws when the markers are missing. */
export function replaceGenerated(text: string, name: string, body: string, file: string): string {
  const b = text.indexOf(begin(name));
  const e = text.indexOf(end(name));
  if (b < 0 || e < b) throw new Error(`${file}: markers of the generated stretch "${name}" are missing:\n${begin(name)}\n${end(name)}`);
  return text.slice(0, b) + `${begin(name)}\n${body}${end(name)}` + text.slice(e + end(name).length);
}

/** A whole stretch, markers included: for a file that does not have it yet. */
export function generatedStretch(name: string, body: string): string {
  return `${begin(name)}\n${body}${end(name)}`;
}
