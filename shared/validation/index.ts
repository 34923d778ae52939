export * from './types';
export * from './citations';
export { createValidator, validateResolution, type ValidateOptions, type Validator } from './validate';
export { applyFixToText } from './fix';
