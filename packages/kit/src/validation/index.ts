export * as rules from './rules.js';
export { check, inputError, issueField } from './check.js';
