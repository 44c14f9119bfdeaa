// What a check reports: each problem with a code a script can match and where it is.

export interface Finding {
  /** POLICY_*, a federation composition code (INVALID_FIELD_SHARING, …), BREAKS_RECORDED_OPERATION, BREAKING_CHANGE, DANGEROUS_CHANGE. */
  code: string;
  message: string;
  /** A schema coordinate (Community.name), a subgraph, or a recorded operation (file#name). */
  where?: string;
}

export interface SchemaChange {
  type: string;
  criticality: 'BREAKING' | 'DANGEROUS' | 'SAFE';
  message: string;
  path: string | null;
}

export interface CheckReport {
  /** Nothing in `errors`: the change may be made. */
  ok: boolean;
  errors: Finding[];
  warnings: Finding[];
  /** The API schema's changes, breaking or not. */
  changes: SchemaChange[];
}
