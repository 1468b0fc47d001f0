import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import S3rver from "s3rver";
import type { S3StorageConfig } from "@/lib/storage/config";

/**
 * A real S3-compatible server for the tests (s3rver: the S3 REST API over a temporary folder, pure
 * JavaScript, nothing to download), with one empty bucket, on a free port of 127.0.0.1. Returns the
 * storage settings that reach it — path-style, as MinIO and most self-hosted stores want — and the
 * environment variables that say the same (lib/storage/config.ts), and a stop() that removes it all.
 */
export async function startS3Server(bucket = "crm-files") {
  const directory = await mkdtemp(join(tmpdir(), "crm-s3rver-"));
  const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  // s3rver checks request signatures against this one fixed key pair.
  const credentials = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };
  const config: S3StorageConfig = { kind: "s3", bucket, region: "us-east-1", endpoint, forcePathStyle: true, credentials };
  const env = {
    FILE_STORAGE: "s3",
    S3_BUCKET: bucket,
    S3_REGION: "us-east-1",
    S3_ENDPOINT: endpoint,
    S3_FORCE_PATH_STYLE: "true",
    S3_ACCESS_KEY_ID: credentials.accessKeyId,
    S3_SECRET_ACCESS_KEY: credentials.secretAccessKey,
  };
  return {
    config,
    env,
    stop: async () => {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
