// How a citation's scope is named in messages: `văn bản trung ương`,
// `văn bản của địa phương Bắc Giang`, or that the locality is unknown.

import type { CitationScope } from '../index/verify';
import type { Msg } from './types';

export function scopeText(s: CitationScope): Msg {
  if (s.level === 'central') return { vi: 'văn bản của cơ quan trung ương', en: 'a central document' };
  if (s.locality) return { vi: `văn bản của cơ quan địa phương ${s.locality}`, en: `a local document of ${s.locality}` };
  return {
    vi: 'văn bản của cơ quan địa phương chưa rõ tỉnh, thành phố: ghi rõ cơ quan ban hành hoặc đặt kehoach.locality',
    en: 'a local document of an unknown locality: name the issuer or set kehoach.locality',
  };
}
