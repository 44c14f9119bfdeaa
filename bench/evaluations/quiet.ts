// Imported first by bench/evaluations.ts: the in-process federation logs at `warn` (as bench/hub.ts
// runs the hub), not one info line per operation, unless SHEQU_LOG_LEVEL says otherwise.
process.env.SHEQU_LOG_LEVEL ??= 'warn';
