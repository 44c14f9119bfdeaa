import { runSubgraph } from '@shequ/kit';
import { services } from './index.js';

await runSubgraph(services);
