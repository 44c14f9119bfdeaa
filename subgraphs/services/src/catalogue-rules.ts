// What makes a catalogue entry consistent: the tier decides who may use it, the charging mode
// decides the price. Used by the admin mutation and checked against the demo catalogue.
import type { ChargingMode, ServiceTier, WelfareGroup } from './generated/prisma/enums.js';

export interface PricedItem {
  tier: ServiceTier;
  welfareGroup: WelfareGroup | null;
  chargingMode: ChargingMode;
  priceFen: number;
}

/** The first rule the item breaks, or null when it is consistent. */
export function catalogueProblem(item: PricedItem): { field: string; message: string } | null {
  if (item.tier === 'WELFARE' && !item.welfareGroup) return { field: 'welfareGroup', message: 'a WELFARE item must name the vulnerable group it serves' };
  if (item.tier !== 'WELFARE' && item.welfareGroup) return { field: 'welfareGroup', message: 'only WELFARE items serve a vulnerable group' };
  // Welfare services are free or low-cost (无偿、低偿) in the model.
  if (item.tier === 'WELFARE' && item.chargingMode === 'PAID') return { field: 'chargingMode', message: 'a WELFARE item is FREE or LOW_COST' };
  if (!Number.isSafeInteger(item.priceFen) || item.priceFen < 0) return { field: 'priceFen', message: 'priceFen must be a whole number of fen, 0 or more' };
  if (item.chargingMode === 'FREE' && item.priceFen !== 0) return { field: 'priceFen', message: 'a FREE item has priceFen 0' };
  if (item.chargingMode !== 'FREE' && item.priceFen === 0) return { field: 'priceFen', message: `a ${item.chargingMode} item has a price above 0` };
  return null;
}

/** "¥12.50 per visit", "free". */
export function priceLabel(item: { chargingMode: ChargingMode; priceFen: number | bigint; priceUnit: string }): string {
  const fen = Number(item.priceFen);
  if (item.chargingMode === 'FREE') return 'free';
  const yuan = (fen / 100).toFixed(fen % 100 === 0 ? 0 : 2);
  return `${item.chargingMode === 'LOW_COST' ? 'low-cost ' : ''}¥${yuan} ${item.priceUnit}`;
}
