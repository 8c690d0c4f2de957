import { Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@dvc/shared/config';
import { FsObjectStorage } from './fs-object-storage';
import { OBJECT_STORAGE, ObjectStorage } from './object-storage';
import { S3ObjectStorage } from './s3-object-storage';

/** The ObjectStorage the configuration asks for: `STORAGE_DRIVER=fs` (default) or `s3`. */
export function createObjectStorage(c: AppConfig): ObjectStorage {
  if (c.STORAGE_DRIVER === 's3') {
    return new S3ObjectStorage({
      bucket: c.S3_BUCKET!,
      endpoint: c.S3_ENDPOINT,
      region: c.S3_REGION,
      accessKeyId: c.S3_ACCESS_KEY_ID,
      secretAccessKey: c.S3_SECRET_ACCESS_KEY,
      forcePathStyle: c.S3_FORCE_PATH_STYLE,
    });
  }
  return new FsObjectStorage(c.STORAGE_DIR);
}

/** Provides OBJECT_STORAGE, built from the configuration. */
@Module({
  providers: [{ provide: OBJECT_STORAGE, inject: [APP_CONFIG], useFactory: createObjectStorage }],
  exports: [OBJECT_STORAGE],
})
export class StorageModule implements OnApplicationShutdown {
  constructor(@Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage) {}

  onApplicationShutdown(): void {
    if (this.storage instanceof S3ObjectStorage) this.storage.destroy();
  }
}
