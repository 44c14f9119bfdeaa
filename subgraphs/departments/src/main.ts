import { runSubgraph } from '@shequ/kit';
import { departments } from './index.js';

await runSubgraph(departments);
