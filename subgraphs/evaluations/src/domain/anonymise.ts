// Comments reach readers only in aggregate lists, detached from their ballots, and stripped of
// what could identify a person: phone and ID-card numbers, e-mail addresses, long digit runs.

const patterns: RegExp[] = [
  /[\w.+-]+@[\w-]+(\.[\w-]+)+/g, // e-mail
  /\d{17}[\dXx]/g, // resident ID card
  /\+?\d[\d\s-]{5,}\d/g, // phone numbers and other long numbers
];

export const maxCommentLength = 500;

export function anonymiseComment(text: string): string {
  let out = text.replace(/\s+/g, ' ').trim();
  for (const p of patterns) out = out.replace(p, '***');
  return out;
}

/** Sorted, so the order says nothing about when or by whom a comment was written. */
export function commentList(comments: readonly (string | null)[]): string[] {
  return comments.filter((c): c is string => Boolean(c && c.trim())).map(anonymiseComment).sort((a, b) => a.localeCompare(b, 'zh'));
}
