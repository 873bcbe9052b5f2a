// The `kehoach.*` settings as the server reads them, with defaults, and the
// conversion of user input (which may be anything) into safe values.

import { DEFAULT_MAX_FILE_SIZE_MB, maxFileSizeMb } from '../core/lint';
import { FIELD_KINDS, LabelLists, LabelTable } from '../core/plan/labels';
import { RULE_IDS } from '../core/rules';
import { Level, Msg, parseLevel } from '../core/rules/types';

export interface Settings {
  rules: Record<string, Level>;
  indexFiles: string[];
  detectPlans: boolean;
  labels: LabelTable;
  /** `kehoach.maxFileSize`: files larger than this many MB are not checked. */
  maxFileSizeMb: number;
  /** `kehoach.issuer.body`, `kehoach.issuer.superior`: the issuer's header, for the plan skeleton. */
  issuer: { body: string; superior: string };
  /** `kehoach.locality`: the issuer's province or city (`Tuyên Quang`). */
  locality: string;
  /** Problems found in the settings themselves, for the output channel. */
  problems: Msg[];
}

export const DEFAULT_SETTINGS: Settings = {
  rules: {},
  indexFiles: [],
  detectPlans: true,
  labels: new LabelTable(),
  maxFileSizeMb: DEFAULT_MAX_FILE_SIZE_MB,
  issuer: { body: '', superior: '' },
  locality: '',
  problems: [],
};

/** A setting's text, trimmed, or '' when it is not a string. */
function text(v: unknown): string {
  return typeof v === 'string' ? v.trim() : '';
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The labels a configuration adds, by kind: known kinds and strings only (the editor and the command line alike). */
export function readLabelLists(raw: unknown): LabelLists {
  const labels: LabelLists = {};
  if (!isRecord(raw)) return labels;
  for (const [kind, list] of Object.entries(raw)) {
    // Known kinds only: a key such as `__proto__` from a settings file sets nothing.
    if (!(FIELD_KINDS as string[]).includes(kind)) continue;
    if (Array.isArray(list)) (labels as Record<string, string[]>)[kind] = list.filter((x): x is string => typeof x === 'string');
  }
  return labels;
}

export function readSettings(raw: unknown): Settings {
  if (!isRecord(raw)) return DEFAULT_SETTINGS;
  const problems: Msg[] = [];
  const rules: Record<string, Level> = {};
  if (isRecord(raw.rules)) {
    for (const [id, value] of Object.entries(raw.rules)) {
      const level = typeof value === 'string' ? parseLevel(value) : undefined;
      if (!RULE_IDS.includes(id)) problems.push({ vi: `kehoach.rules: không có quy tắc "${id}"`, en: `kehoach.rules: no rule "${id}"` });
      else if (!level) {
        problems.push({
          vi: `kehoach.rules.${id}: mức "${String(value)}" không hợp lệ (off|error|warning|info|hint)`,
          en: `kehoach.rules.${id}: "${String(value)}" is not a level (off|error|warning|info|hint)`,
        });
      }
      else rules[id] = level;
    }
  }
  const index = isRecord(raw.index) ? raw.index : {};
  const indexFiles = Array.isArray(index.files) ? index.files.filter((f): f is string => typeof f === 'string') : [];
  const labels = readLabelLists(raw.labels);
  if (raw.maxFileSize !== undefined && maxFileSizeMb(raw.maxFileSize) !== raw.maxFileSize) {
    problems.push({
      vi: `kehoach.maxFileSize: "${String(raw.maxFileSize)}" không phải số MB dương; dùng ${DEFAULT_MAX_FILE_SIZE_MB} MB`,
      en: `kehoach.maxFileSize: "${String(raw.maxFileSize)}" is not a positive number of MB; ${DEFAULT_MAX_FILE_SIZE_MB} MB is used`,
    });
  }
  return {
    rules,
    indexFiles,
    detectPlans: raw.detectPlans !== false,
    labels: Object.keys(labels).length ? new LabelTable(labels) : DEFAULT_SETTINGS.labels,
    maxFileSizeMb: maxFileSizeMb(raw.maxFileSize),
    issuer: isRecord(raw.issuer) ? { body: text(raw.issuer.body), superior: text(raw.issuer.superior) } : DEFAULT_SETTINGS.issuer,
    locality: text(raw.locality),
    problems,
  };
}
