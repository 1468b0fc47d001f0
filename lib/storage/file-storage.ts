import { storageConfig, type StorageConfig } from "./config";
import { LocalDiskStorage } from "./local-disk";
import { S3Storage } from "./s3";
import type { FileStorage } from "./storage";

/** The storage `config` describes. */
export function createFileStorage(config: StorageConfig): FileStorage {
  return config.kind === "local" ? new LocalDiskStorage(config.root) : new S3Storage(config);
}

// One per process, made on first use from the environment (lib/storage/config.ts).
const cache = globalThis as typeof globalThis & { fileStorage?: FileStorage };

/** The file storage the environment configures (FILE_STORAGE…); throws when the settings are wrong. */
export function fileStorage(): FileStorage {
  return (cache.fileStorage ??= createFileStorage(storageConfig()));
}
