import { runSubgraph } from '@shequ/kit';
import { committees } from './index.js';

await runSubgraph(committees);
