/** The shared core in one import: the grid, the contract, records, the validator, the ID rules, normalizers and the policy engine. */

export * from './contract/codes.js';
export * from './contract/enums.js';
export * from './contract/messages.js';
export * from './contract/sheets.js';
export * from './grid.js';
export * from './id-number.js';
export * from './normalize/index.js';
export * from './policy/index.js';
export * from './records.js';
export * from './validate/index.js';
