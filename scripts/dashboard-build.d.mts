export declare const dashboardDir: string;
/** Builds the dashboard unless its build is current. */
export declare function ensureDashboardBuilt(options?: { log?: (line: string) => void }): 'absent' | 'no-vite' | 'current' | 'built';
