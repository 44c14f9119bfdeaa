export * as rules from './rules.js';
import './field-ref.js';
export { check, inputError, issueField } from './check.js';
