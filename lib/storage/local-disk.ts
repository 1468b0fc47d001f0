import { randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join, resolve, sep } from "node:path";
import { Readable } from "node:stream";
import { assertStorageKey, type FileStorage, type StoredObject } from "./storage";

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === "ENOENT";
}

/**
 * Files under one folder on the local disk (FILE_STORAGE=local), a key being a relative path in it.
 * Writes go to a temporary file first and are renamed into place, so a reader never sees half a file.
 */
export class LocalDiskStorage implements FileStorage {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  // The key's path, checked to lie inside the root whatever the key (assertStorageKey already
  // refuses "..", this is the second lock on the same door).
  private pathOf(key: string): string {
    assertStorageKey(key);
    const path = join(this.root, ...key.split("/"));
    if (!path.startsWith(this.root + sep)) throw new Error(`Storage key outside the storage folder: ${key}`);
    return path;
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    const partial = `${path}.${randomUUID()}.partial`;
    try {
      // Private to the user running the app: these are passports and ID cards.
      await writeFile(partial, bytes, { mode: 0o600, flush: true });
      await rename(partial, path);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<StoredObject | null> {
    const path = this.pathOf(key);
    try {
      const { size } = await stat(path);
      return { body: Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>, size };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}
