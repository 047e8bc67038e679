export { applyDefaults } from './applyDefaults';
export { imageTag } from './imageTag';
