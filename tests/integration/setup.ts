import { beforeEach, vi } from "vitest";
import { request, resetRequest } from "./request";

// Server actions read the request through next/headers, which outside a Next.js request throws.
vi.mock("next/headers", () => ({
  headers: async () => new Headers(request.headers),
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name) } : undefined),
    set: (name: string, value: string) => void request.cookies.set(name, value),
    delete: (name: string) => void request.cookies.delete(name),
  }),
}));

beforeEach(resetRequest);
