// What an index source covers: which bodies (central, or one locality and
// some of its issuer codes), which document types, which period, and whether
// it lists every document there. Only inside a complete coverage can a number
// that is not listed be called wrong; elsewhere it is merely unverifiable.

import type { DocNumber } from '../citations/docNumber';
import { issuerSegments, NumberScope } from './scope';
import { localityKey } from '../plan/header';

export interface IndexCoverage {
  /** What the source is, in a few words (shown in hovers). */
  description: string;
  /** `central`, or the locality whose bodies it lists. */
  level: 'central' | 'local';
  /** Display name of the locality (level `local`). */
  locality?: string;
  /** Issuer codes of the numbers it lists (`UBND`, `TW`, `CP`…); none: any. */
  issuers?: string[];
  /** Document types it lists; none: any. */
  types?: string[];
  /** ISO dates, inclusive; none: open. */
  from?: string;
  to?: string;
  /** Every document of that scope, type and period is listed. */
  complete: boolean;
}

/** Whether a dated citation of `doc` (of type `type`) issued in `locality` lies inside `c`. */
export function covers(c: IndexCoverage, doc: DocNumber, scope: NumberScope, locality: string | undefined, type: string | undefined, iso: string): boolean {
  if (c.level !== scope.level) return false;
  if (c.level === 'local' && (!locality || !c.locality || localityKey(c.locality) !== localityKey(locality))) return false;
  if (c.issuers?.length && !issuerSegments(doc).some((s) => c.issuers!.includes(s))) return false;
  if (c.types?.length && (!type || !c.types.includes(type))) return false;
  if (c.from && iso < c.from) return false;
  if (c.to && iso > c.to) return false;
  return true;
}

/** Reads a coverage declaration from an index file (`"coverage": {…}`); undefined when it is not one. */
export function readCoverage(raw: unknown, fallbackDescription: string): IndexCoverage | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const o = raw as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && !!x.trim()).map((x) => x.trim()) : undefined);
  const locality = str(o.locality);
  const level = o.level === 'central' ? 'central' : locality ? 'local' : undefined;
  if (!level) return undefined;
  const c: IndexCoverage = { description: str(o.description) ?? fallbackDescription, level, complete: o.complete === true };
  if (locality) c.locality = locality;
  const issuers = list(o.issuers);
  if (issuers?.length) c.issuers = issuers;
  const types = list(o.types);
  if (types?.length) c.types = types;
  const from = str(o.from);
  const to = str(o.to);
  if (from && /^\d{4}-\d{2}-\d{2}$/.test(from)) c.from = from;
  if (to && /^\d{4}-\d{2}-\d{2}$/.test(to)) c.to = to;
  return c;
}
