export { validateCreate, validateUpdate } from './validateObject';
export { invalidError } from './invalidError';
export { cronScheduleError } from './cronScheduleError';
