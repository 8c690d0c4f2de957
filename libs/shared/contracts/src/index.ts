export * from './lib/problem';
export * from './lib/identity';
export * from './lib/catalog';
export * from './lib/dossier';
export * from './lib/attachments';
export * from './lib/desk';
