import { runSubgraph } from '@shequ/kit';
import { party } from './index.js';

await runSubgraph(party);
