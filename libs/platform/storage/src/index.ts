export { StorageModule, createObjectStorage } from './lib/storage.module';
export { OBJECT_STORAGE, ObjectNotFoundError, assertValidKey } from './lib/object-storage';
export type { ObjectStorage, ObjectBody, PutOptions } from './lib/object-storage';
export { FsObjectStorage } from './lib/fs-object-storage';
export { S3ObjectStorage } from './lib/s3-object-storage';
export type { S3StorageOptions } from './lib/s3-object-storage';
