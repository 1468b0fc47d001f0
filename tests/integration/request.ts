// The incoming request as next/headers shows it to server actions under test (tests/integration/setup.ts
// mocks next/headers with it). By default a same-origin browser request to http://crm.test; a test
// changes `request.headers` to play another one, and reads `request.cookies` for what was set.
export const SAME_ORIGIN_HEADERS: Readonly<Record<string, string>> = { host: "crm.test", origin: "http://crm.test" };

export const request = {
  headers: { ...SAME_ORIGIN_HEADERS } as Record<string, string>,
  cookies: new Map<string, string>(),
};

export function resetRequest(): void {
  request.headers = { ...SAME_ORIGIN_HEADERS };
  request.cookies.clear();
}
