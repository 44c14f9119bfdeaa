import { runSubgraph } from '@shequ/kit';
import { evaluations } from './index.js';

await runSubgraph(evaluations);
