export * from './lib/problem';
export * from './lib/identity';
export * from './lib/catalog';
export * from './lib/dossier';
