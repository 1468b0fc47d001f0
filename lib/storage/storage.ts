/** An object read back from the storage: its bytes as a stream, and how many there are. */
export type StoredObject = { body: ReadableStream<Uint8Array>; size: number };

/**
 * Where uploaded files live. Keys are built by the app from record ids (storageKeyFor), never from a
 * user's file name, and both implementations lay them out the same way (a key is a relative path), so
 * moving from the local disk to an object store is a copy (`aws s3 sync .data/files s3://bucket`).
 */
export type FileStorage = {
  /** Stores `bytes` under `key`, replacing nothing in practice: keys are fresh ids. */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The object under `key`, or null when there is none. */
  get(key: string): Promise<StoredObject | null>;
  /** Removes the object under `key`; nothing happens when there is none. */
  delete(key: string): Promise<void>;
};

// Lower-case letters, digits, - and _, in segments joined by single slashes: safe as a file path on
// every system and as an object key everywhere, and no segment can be "." or "..".
const KEY = /^[a-z0-9_-]+(\/[a-z0-9_-]+)*$/;

/** Throws unless `key` is a storage key this app builds (see KEY); a guard against path tricks. */
export function assertStorageKey(key: string): void {
  if (key.length > 200 || !KEY.test(key)) throw new Error(`Not a storage key: ${JSON.stringify(key.slice(0, 200))}`);
}

/**
 * The storage key of a document's bytes: `documents/<first two characters of the id>/<id>`, so that
 * no folder of the local disk holds more than a few thousand files. `id` is a lower-case UUID.
 */
export function storageKeyFor(id: string): string {
  const key = `documents/${id.slice(0, 2)}/${id}`;
  assertStorageKey(key);
  return key;
}
