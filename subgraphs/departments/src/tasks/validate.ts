// The departments' own input rule; text, days and the like are the kit's shared rules
// (`rules` and `check` from @shequ/kit).
import { check, rules } from '@shequ/kit';
import { budgetLimits } from './workflow.js';

/** A task's budget: whole fen from 1 yuan to 10 million yuan (budgetLimits). */
const budgetFen = rules.fen({ min: budgetLimits.minFen, max: budgetLimits.maxFen });

export const budget = (fen: number, what = 'budgetFen'): number => check(budgetFen, fen, what);
