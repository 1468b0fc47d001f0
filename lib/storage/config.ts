import { isAbsolute, resolve } from "node:path";

// Where uploaded files (电子档案文件) are kept, from the environment: the local disk by default, or
// any S3-compatible object store (AWS S3, 阿里云 OSS, 腾讯云 COS, 华为云 OBS, MinIO…). Read at start
// by scripts/server.ts, so a wrong setting stops the app there rather than failing every upload.

type Env = Readonly<Record<string, string | undefined>>;

export type LocalStorageConfig = { kind: "local"; root: string };
export type S3StorageConfig = {
  kind: "s3";
  bucket: string;
  region: string;
  // None: AWS itself. An S3-compatible store names its own (https://oss-cn-hangzhou.aliyuncs.com).
  endpoint?: string;
  // bucket in the path (https://host/bucket/key) rather than the host name: MinIO and most
  // self-hosted stores want it.
  forcePathStyle: boolean;
  // None: the AWS SDK's own chain (AWS_ACCESS_KEY_ID…, an instance or pod role).
  credentials?: { accessKeyId: string; secretAccessKey: string };
};
export type StorageConfig = LocalStorageConfig | S3StorageConfig;

/** The default folder of the local storage, under the project (beside the embedded database's .data/pglite). */
export const DEFAULT_FILE_DIR = ".data/files";

function setting(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const value = setting(env, name)?.toLowerCase();
  if (value === undefined) return fallback;
  if (["true", "1", "yes"].includes(value)) return true;
  if (["false", "0", "no"].includes(value)) return false;
  throw new Error(`${name} must be true or false, not "${env[name]}".`);
}

/**
 * The file storage the environment chooses.
 * - FILE_STORAGE: `local` (default) or `s3`.
 * - local: FILE_STORAGE_DIR, the folder (default .data/files; a relative path is taken from `cwd`).
 * - s3: S3_BUCKET (required), S3_REGION (default us-east-1), S3_ENDPOINT (an http(s) URL; none for
 *   AWS), S3_FORCE_PATH_STYLE (true/false, default false), S3_ACCESS_KEY_ID with
 *   S3_SECRET_ACCESS_KEY (both or neither).
 * Throws an Error naming the variable for anything else.
 */
export function storageConfig(env: Env = process.env, cwd: string = process.cwd()): StorageConfig {
  const kind = setting(env, "FILE_STORAGE")?.toLowerCase() ?? "local";
  if (kind === "local") {
    const dir = setting(env, "FILE_STORAGE_DIR") ?? DEFAULT_FILE_DIR;
    return { kind, root: isAbsolute(dir) ? dir : resolve(cwd, dir) };
  }
  if (kind !== "s3") throw new Error(`FILE_STORAGE must be "local" or "s3", not "${env.FILE_STORAGE}".`);

  const bucket = setting(env, "S3_BUCKET");
  if (!bucket) throw new Error("FILE_STORAGE=s3 needs S3_BUCKET.");
  const endpoint = setting(env, "S3_ENDPOINT");
  if (endpoint && !/^https?:\/\/[^/\s]+/.test(endpoint)) {
    throw new Error(`S3_ENDPOINT must be an http(s) URL such as https://oss-cn-hangzhou.aliyuncs.com, not "${endpoint}".`);
  }
  const accessKeyId = setting(env, "S3_ACCESS_KEY_ID");
  const secretAccessKey = setting(env, "S3_SECRET_ACCESS_KEY");
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    throw new Error("Set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither (the AWS SDK's own credentials).");
  }
  return {
    kind,
    bucket,
    region: setting(env, "S3_REGION") ?? "us-east-1",
    endpoint,
    forcePathStyle: flag(env, "S3_FORCE_PATH_STYLE", false),
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
  };
}
