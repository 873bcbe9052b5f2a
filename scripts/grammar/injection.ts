// The Markdown injection grammar: plan vocabulary coloured inside Markdown's
// paragraphs and headings, through the rules of `text.kehoach`.

import { includes, SIGN_PREFIX } from './blocks';
import { alt, SO } from './vi';

/** Plan vocabulary inside Markdown, injected into `text.html.markdown`. */
export function injectionGrammar(schema: string, generated: string) {
  return {
    $schema: schema,
    scopeName: 'markdown.kehoach.injection',
    comment: `${generated} Highlights plan vocabulary inside Markdown.`,
    // Only inside paragraphs and headings: matching before Markdown has opened its
    // paragraph/list block would stop Markdown from recognising that block.
    injectionSelector:
      'L:text.html.markdown meta.paragraph.markdown -markup.fenced_code -markup.inline.raw -markup.raw -comment, ' +
      'L:text.html.markdown markup.heading.markdown -markup.inline.raw -comment',
    patterns: [
      ...['deadline-paren', 'deadline', 'ongoing', 'citation', 'document-number', 'date', 'footnote-ref', 'label-inline', 'national', 'motto', 'preamble']
        .map((r) => ({ include: `text.kehoach#${r}` })),
      ...includes('#recipients-heading', '#part-number', '#section-number', '#signature'),
    ],
    repository: {
      'recipients-heading': {
        match: `(?<=^|\\*)(${alt(['Nơi nhận', 'Kính gửi'])})${SO}(:)`,
        captures: { 1: { name: 'markup.heading.recipients.kehoach' }, 2: { name: 'punctuation.separator.key-value.kehoach' } },
      },
      'part-number': {
        comment: 'Roman part number at the start of a heading: "## I- MỤC ĐÍCH", "**II. NỘI DUNG**".',
        match: `(?<=^|#[ \\t]|^\\*\\*)([IVXLC]{1,7})${SO}([-.\\x{2013}\\x{2014}])${SO}(?=\\p{Lu}[^\\p{Ll}\\n]*$)`,
        captures: { 1: { name: 'constant.numeric.part.kehoach' }, 2: { name: 'punctuation.separator.part.kehoach' } },
      },
      'section-number': {
        comment: 'Section number in a heading or bold: "### 1.1. Title", "**1.1.** Title".',
        match: '(?<=^|#[ \\t]|^\\*\\*)(\\d{1,2}(?:\\.\\d{1,2})*\\.|\\d{1,2}(?:\\.\\d{1,2})+)(?=\\*\\*|[ \\t])',
        captures: { 1: { name: 'constant.numeric.section.kehoach' } },
      },
      signature: {
        match: `^${SO}(\\*\\*|\\*)?${SIGN_PREFIX}(?=[ \\t])`,
        captures: { 2: { name: 'keyword.other.signature.kehoach storage.modifier.signature.kehoach' } },
      },
    },
  };
}
