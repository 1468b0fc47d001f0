import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";

// No "server-only" here: the seed, the admin command and the tests import this module outside Next.js.

function createClient(): PrismaClient {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error(
      "DATABASE_URL is not set. Start the app with `npm start` / `npm run dev` (they start the embedded database " +
        "and set it), or point DATABASE_URL at PostgreSQL >= 15.",
    );
  }
  // The embedded database wants a single connection per process (see prisma/embedded/server.ts);
  // scripts/start.ts sets DATABASE_POOL_MAX=1 for it.
  const poolMax = Number(process.env.DATABASE_POOL_MAX);
  const max = Number.isInteger(poolMax) && poolMax > 0 ? poolMax : 10;
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max }) });
}

// On globalThis rather than in a module variable: in development Next.js re-evaluates modules on every change, and
// each reload would otherwise open another pool.
const cache = globalThis as typeof globalThis & { prismaClient?: PrismaClient };

function client(): PrismaClient {
  return (cache.prismaClient ??= createClient());
}

// Created on first use, so importing this module (e.g. while `next build` collects pages) needs no database.
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const instance = client();
    const value: unknown = Reflect.get(instance, property, instance);
    return typeof value === "function" ? value.bind(instance) : value;
  },
});

export type Db = typeof prisma;
/** The client handed to `prisma.$transaction(async (tx) => …)`. */
export type Tx = Prisma.TransactionClient;
