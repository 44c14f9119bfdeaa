import type { Lang } from './i18n.ts';

// Formatting is explicit about locale so the page reads the same on every browser.
const locale = (lang: Lang) => (lang === 'zh' ? 'zh-CN' : 'en-GB');

export function formatInt(n: number | null | undefined, lang: Lang): string {
  if (n == null) return '—';
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 0 }).format(n);
}

/** 0.4474 → "44.7%" */
export function formatPercent(ratio: number | null | undefined, lang: Lang, digits = 1): string {
  if (ratio == null || Number.isNaN(ratio)) return '—';
  return new Intl.NumberFormat(locale(lang), {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(ratio);
}

export function formatScore(score: number | null | undefined): string {
  return score == null ? '—' : score.toFixed(2);
}

/** Money is kept in fen (integer) by the API; shown in yuan. */
export function formatFen(fen: number | null | undefined, lang: Lang): string {
  if (fen == null) return '—';
  return new Intl.NumberFormat(locale(lang), {
    style: 'currency',
    currency: 'CNY',
    currencyDisplay: 'narrowSymbol',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(fen / 100);
}
