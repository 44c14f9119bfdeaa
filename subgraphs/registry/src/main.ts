import { runSubgraph } from '@shequ/kit';
import { registry } from './index.js';

await runSubgraph(registry);
