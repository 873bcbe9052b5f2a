// The language of messages: the client's, Vietnamese by default.

export type Language = 'vi' | 'en';

export function pickLanguage(locale: string | undefined, initOptions?: { language?: unknown }): Language {
  const forced = initOptions?.language;
  if (forced === 'vi' || forced === 'en') return forced;
  if (locale && /^en\b/i.test(locale)) return 'en';
  return 'vi';
}
