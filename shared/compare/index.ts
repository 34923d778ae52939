export * from './words';
export * from './units';
export * from './compare';
