export { explain } from './explain';
export type { ExplainOptions, ExplainResult } from './explain';
export { wrapWords } from './wrapWords';
