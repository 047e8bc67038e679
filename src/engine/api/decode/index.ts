export { decodeObject } from './decodeObject';
