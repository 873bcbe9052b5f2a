// Completions while drafting: (a) indexed documents after a type word
// (`Nghị quyết số |`), inserted in house style; (b) field labels at the start
// of a numbered or bulleted line inside a task, those the task lacks first;
// (c) the next task, numbered and shaped like the plan's tasks; (d) at the
// top of a plan with no header yet, the plan skeleton with the issuer's header
// from the settings.

import { DOCUMENT_TYPES, canonicalType } from '../citations/extract';
import { localityOfIssuer } from '../index/scope';
import { headerOf, localityKey } from '../plan/header';
import type { DirectiveEntry, DirectiveIndex } from '../index/directiveIndex';
import type { LintResult } from '../lint';
import type { FieldKind, Plan, Section } from '../plan/model';
import { viDate } from '../citations/dates';
import type { Position, Range } from '../text/lineIndex';
import { asciiKey } from '../text/vietnamese';
import { Lang, lineAtOriginal } from './common';
import { boardStyle, planLabels } from '../plan/style';
import { nextTaskSnippet } from './nextTask';
import { taskContext } from './taskContext';
import { issuerSystem, skeletonSnippet, type Issuer } from './skeleton';

export interface CompletionEntry {
  label: string;
  kind: 'document' | 'field' | 'task' | 'skeleton';
  detail?: string;
  /** Markdown. */
  documentation?: string;
  insertText: string;
  /** `insertText` is a snippet (tab stops, choices). */
  snippet: boolean;
  /** The text the item replaces: what was typed of it. */
  range: Range;
  filterText: string;
  sortText: string;
}

/** Most documents a list offers: a type rarely has more, and the list stays quick. */
const MAX_DOCUMENTS = 200;

// `Nghị quyết số 11|`, `Chỉ thị |`: a type word, optional `số`, what is typed of the number.
const AFTER_TYPE = new RegExp(`(?<![\\p{L}])(${DOCUMENT_TYPES.join('|')})(\\s+số)?\\s+([\\p{L}\\p{N}/.-]*)$`, 'iu');
// `1.1.3. |`, `### 1.1.3. Cơ|`, `- |`, `* Tham|`: the start of a line that may take a label.
// Run on the original text (marks allowed) so the typed part's length is the editor's.
const NUMBERED_START = /^\s*(?:#{1,6}\s+)?(?:\*\*)?(\d{1,2}(?:\.\d{1,2})+)\.?(?:\*\*)?\s+([\p{L}\p{M} ,/]*)$/u;
const BULLET_START = /^\s*[-+*•]\s+\*?([\p{L}\p{M} ,/]*)$/u;
// A line that is empty or holds only the start of a section number: `1.`, `### 1.5`.
const NUMBER_PREFIX = /^\s*(?:#{1,6}\s*)?(?:\*\*)?(?:\d{1,2}(?:\.\d{0,2})*)?$/;

/**
 * `111-NQ/TU ngày 11/6/2021 của Tỉnh ủy Bắc Giang`: how a draft cites a
 * document. A local body's code means nothing without its locality, so the
 * issuer of a local document names it.
 */
export function citationText(e: DirectiveEntry): string {
  let s = e.number;
  if (e.date) s += ` ngày ${viDate(e.date)}`;
  const issuer = issuerText(e);
  if (issuer) s += ` của ${issuer}`;
  return s;
}

/** The issuer as a citation names it: with the locality for a local document (`Tỉnh ủy Bắc Giang`). */
export function issuerText(e: DirectiveEntry): string | undefined {
  if (!e.locality) return e.issuer;
  if (!e.issuer) return undefined;
  return localityOfIssuer(e.issuer) ? e.issuer : `${e.issuer} ${e.locality}`;
}

/** Whether an entry may be cited from a plan of `locality`: central ones always, local ones of that locality (any, when it is unknown). */
function citable(e: DirectiveEntry, locality: string | undefined): boolean {
  return !e.locality || !locality || localityKey(e.locality) === localityKey(locality);
}

function documentItems(index: DirectiveIndex, before: string, cursor: Position, lang: Lang, locality: string | undefined): CompletionEntry[] {
  const m = AFTER_TYPE.exec(before.normalize('NFC'));
  if (!m) return [];
  const typedLength = /\S*$/.exec(before)![0].length;
  const typed = asciiKey(m[3]);
  const range = { start: { line: cursor.line, character: cursor.character - typedLength }, end: cursor };
  const prefix = m[2] ? '' : 'số ';
  const out: CompletionEntry[] = [];
  for (const e of index.ofType(canonicalType(m[1]))) {
    if (typed && !asciiKey(e.number).startsWith(typed) && !asciiKey(e.key).startsWith(typed)) continue;
    if (!citable(e, locality)) continue;
    const status = e.status ? ` · ${e.status}` : '';
    const issuer = issuerText(e);
    const scope = e.locality ? { vi: `địa phương: ${e.locality}`, en: `local: ${e.locality}` }[lang] : { vi: 'trung ương', en: 'central' }[lang];
    out.push({
      label: e.date ? `${e.number} ngày ${viDate(e.date)}` : e.number,
      kind: 'document',
      detail: `${e.type}${issuer ? ` · ${issuer}` : ''} · ${scope}${status}`,
      documentation: e.subject ? `${{ vi: 'Trích yếu', en: 'Subject' }[lang]}: ${e.subject}` : undefined,
      insertText: prefix + citationText(e),
      snippet: false,
      range,
      filterText: e.number,
      // ofType lists newest first: keep that order.
      sortText: String(out.length).padStart(4, '0'),
    });
    if (out.length >= MAX_DOCUMENTS) break;
  }
  return out;
}

/** The plan's locality from its header, for the documents it may cite. */
function planLocality(plan: Plan): string | undefined {
  return headerOf(plan).locality;
}

/** Kinds a task of this plan is expected to carry, in the order drafts give them, then the others. */
function kindsFor(plan: Plan): { expected: FieldKind[]; others: FieldKind[] } {
  return boardStyle(plan)
    ? { expected: ['solution', 'oversight', 'advisor', 'deadline'], others: ['content', 'lead', 'coordination', 'executor'] }
    : { expected: ['content', 'solution', 'lead', 'coordination', 'deadline'], others: ['executor', 'oversight', 'advisor'] };
}


function labelItems(plan: Plan, task: Section, typed: string, cursor: Position, lang: Lang): CompletionEntry[] {
  const labels = planLabels(plan);
  const range = { start: { line: cursor.line, character: cursor.character - typed.length }, end: cursor };
  const { expected, others } = kindsFor(plan);
  const kinds = new Set(task.fields.map((f) => f.kind));
  return [...expected, ...others].map((kind, i) => {
    const has = kinds.has(kind);
    // A `Cơ quan thực hiện` naming who leads stands for `Cơ quan chủ trì`.
    const lacking = !has && expected.includes(kind) && !(kind === 'lead' && kinds.has('executor'));
    const label = labels[kind];
    // A solution's value follows on bullets; the others on the same line.
    const insertText = kind === 'solution' ? `${label}:` : `${label}: `;
    return {
      label: insertText.trimEnd(),
      kind: 'field',
      detail: has
        ? { vi: `Nhiệm vụ ${task.number} đã có mục này`, en: `Task ${task.number} has this field` }[lang]
        : { vi: `Nhiệm vụ ${task.number} chưa có mục này`, en: `Task ${task.number} lacks this field` }[lang],
      insertText,
      snippet: false,
      range,
      filterText: label,
      sortText: `${lacking ? 0 : has ? 2 : 1}${String(i).padStart(2, '0')}`,
    };
  });
}

function nextTaskItems(plan: Plan, line: number, before: string, cursor: Position, lang: Lang): CompletionEntry[] {
  const ctx = taskContext(plan, line);
  const task = ctx?.task;
  if (!task || !ctx.afterTask) return [];
  // The last task of its group, not counting the line being typed (already parsed as a section).
  const siblings = (task.parent ? task.parent.children : task.part.sections).filter((s) => s.headingLine !== line);
  if (siblings[siblings.length - 1] !== task) return [];
  const range = { start: { line: cursor.line, character: 0 }, end: cursor };
  const items: CompletionEntry[] = [];
  const add = (group: Section | undefined, detail: string) => {
    const t = nextTaskSnippet(plan, task, group);
    items.push({
      label: t.label,
      kind: 'task',
      detail,
      documentation: '```\n' + t.snippet.replace(/\$\{\d+\|([^,|]*)[^}]*\}|\$\{\d+:([^}]*)\}|\$0/g, '$1$2').replace(/\\([\\$}])/g, '$1') + '```',
      insertText: t.snippet,
      snippet: true,
      range,
      filterText: before.trim() ? before.replace(/\d[\d.]*$/, '') + t.number + '.' : t.number + '.',
      sortText: `0${items.length}`,
    });
  };
  add(undefined, { vi: `Nhiệm vụ tiếp theo (sau ${task.number})`, en: `Next task (after ${task.number})` }[lang]);
  const group = task.parent;
  if (group && group.role === 'group') {
    const groups = (group.parent ? group.parent.children : group.part.sections).filter((s) => s.headingLine !== line);
    if (groups[groups.length - 1] === group) {
      add(group, { vi: `Nhóm mới sau nhóm ${group.number}, với nhiệm vụ đầu tiên`, en: `New group after ${group.number}, with its first task` }[lang]);
    }
  }
  return items;
}

/** A word being typed at the start of a line: what the skeleton item replaces. */
const WORD_START = /^\s*([\p{L}\p{M}]*)$/u;

/**
 * The plan skeletons (state first or Party first, by the issuer), offered on
 * a line with nothing but blank lines above it, when the issuer's header is
 * set: without it the static snippets give the same skeleton.
 */
function skeletonItems(plan: Plan, line: number, before: string, cursor: Position, issuer: Issuer | undefined, lang: Lang): CompletionEntry[] {
  if (!issuer || !(issuer.body || issuer.superior || issuer.locality)) return [];
  const typed = WORD_START.exec(before);
  if (!typed || plan.lines.slice(0, line).some((l) => l.text.trim())) return [];
  const range = { start: { line: cursor.line, character: cursor.character - typed[1].length }, end: cursor };
  const first = issuerSystem(issuer) ?? 'state';
  return (first === 'party' ? (['party', 'state'] as const) : (['state', 'party'] as const)).map((system, i) => {
    const snippet = skeletonSnippet(system, issuer);
    const name = system === 'party' ? { vi: 'Đảng', en: 'Party' }[lang] : { vi: 'nhà nước', en: 'state' }[lang];
    return {
      label: { vi: `Khung kế hoạch (${name}, theo cài đặt)`, en: `Plan skeleton (${name}, from the settings)` }[lang],
      kind: 'skeleton' as const,
      detail: [issuer.superior, issuer.body, issuer.locality].filter(Boolean).join(' · '),
      documentation: '```\n' + snippet.replace(/\$\{\d+\|([^,|]*)[^}]*\}|\$\{\d+:((?:[^{}]|\{[^}]*\})*)\}|\$0/g, '$1$2').split('\n').slice(0, 12).join('\n') + '\n…\n```',
      insertText: snippet,
      snippet: true,
      range,
      filterText: `kehoach khung ${typed[1]}`.trim(),
      sortText: `0${i}`,
    };
  });
}

export function completions(result: LintResult, position: Position, index: DirectiveIndex, lang: Lang = 'vi', issuer?: Issuer): CompletionEntry[] {
  const plan = result.plan;
  if (!plan) return [];
  const offset = result.lineIndex.offsetAt(position);
  const lineStart = result.lineIndex.offsetAt({ line: position.line, character: 0 });
  const before = plan.nt.original.slice(lineStart, offset);
  const cursor = result.lineIndex.positionAt(offset);

  const documents = documentItems(index, before, cursor, lang, result.place?.locality ?? planLocality(plan));
  if (documents.length) return documents;

  const line = lineAtOriginal(plan, lineStart);
  const numbered = NUMBERED_START.exec(before);
  const bullet = numbered ? null : BULLET_START.exec(before);
  if (numbered || bullet) {
    const ctx = taskContext(plan, line);
    const task = ctx?.task;
    // A numbered line takes a label only one level under its task (`1.1.` → `1.1.3.`).
    const fits = !numbered || (numbered[1].startsWith(task?.number + '.') && numbered[1].split('.').length === (task?.components.length ?? 0) + 1);
    if (task && fits) return labelItems(plan, task, (numbered ?? bullet)![numbered ? 2 : 1], cursor, lang);
    return [];
  }
  const skeletons = skeletonItems(plan, line, before, cursor, issuer, lang);
  if (skeletons.length) return skeletons;
  if (NUMBER_PREFIX.test(before) && !plan.nt.original.slice(offset, result.lineIndex.offsetAt({ line: position.line + 1, character: 0 })).trim()) {
    return nextTaskItems(plan, line, before, cursor, lang);
  }
  return [];
}
