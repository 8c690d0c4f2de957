export * from './lib/problem';
export * from './lib/identity';
export * from './lib/catalog';
export * from './lib/dossier';
export * from './lib/attachments';
export * from './lib/desk';
export * from './lib/result';
export * from './lib/workflow-admin';
