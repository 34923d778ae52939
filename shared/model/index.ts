export * from './types';
export * from './ids';
export * from './text';
export * from './labels';
export * from './openers';
export * from './opening';
export * from './sponsors';
