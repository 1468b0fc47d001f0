import http from "node:http";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../prisma/seed/demo-users";
import { asUser, freshPhone } from "./helpers";

async function submitLogin(page: Page, identifier: string, password: string): Promise<void> {
  await page.getByLabel("用户名或邮箱").fill(identifier);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
}

const formAlert = (page: Page) => page.getByRole("alert").filter({ hasText: /\S/ });

test.describe("the page after login", () => {
  // Each of these is a same-site path to a naive check and another site to the browser.
  const ATTACKS = ["/\\evil.example", "/\t/evil.example", "/.//evil.example", "//evil.example", "https://evil.example/"];

  for (const callbackUrl of ATTACKS) {
    test(`callbackUrl ${JSON.stringify(callbackUrl)} lands on the app's own home page`, async ({ page, baseURL }) => {
      // Should the app send the browser away, the request stays here and the URL shows it.
      await page.route((url) => url.hostname === "evil.example", (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<h1>evil</h1>" }));
      await page.goto(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
      await expect(page.locator('input[name="callbackUrl"]')).toHaveValue("/");
      await submitLogin(page, "consultant1", DEMO_PASSWORD);
      await expect(page).toHaveURL((url) => url.origin === new URL(baseURL!).origin && url.pathname === "/");
      await expect(page.getByRole("heading", { level: 1 })).toContainText("李娜");
    });
  }

  test("a signed-out visitor of a page comes back to it after signing in", async ({ page, baseURL }) => {
    await page.goto("/contracts?status=DRAFT");
    await expect(page).toHaveURL((url) => url.pathname === "/login" && url.searchParams.get("callbackUrl") === "/contracts?status=DRAFT");
    await submitLogin(page, "consultant1", DEMO_PASSWORD);
    await expect(page).toHaveURL((url) => url.origin === new URL(baseURL!).origin && url.pathname === "/contracts" && url.search === "?status=DRAFT");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("我的合同");
  });

  test("a callbackUrl inside the app is honoured, with its query", async ({ page, baseURL }) => {
    await page.goto(`/login?callbackUrl=${encodeURIComponent("/contracts?q=HT")}`);
    await submitLogin(page, "consultant1", DEMO_PASSWORD);
    await expect(page).toHaveURL((url) => url.origin === new URL(baseURL!).origin && url.pathname === "/contracts" && url.search === "?q=HT");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("我的合同");
  });
});

test.describe("the login form", () => {
  test("answers a NUL or a 10,000-character identifier like a wrong password, not with an error", async ({ page }) => {
    for (const identifier of ["consultant1\u0000", "consultant1".padEnd(10_000, "x")]) {
      await page.goto("/login");
      // fill() would type it; the value is set as a script could, NUL included.
      await page.getByLabel("用户名或邮箱").evaluate((input, value) => ((input as HTMLInputElement).value = value), identifier);
      await page.getByLabel("密码").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "登录", exact: true }).click();
      await expect(formAlert(page)).toHaveText("用户名或密码错误");
      await expect(page).toHaveURL(/\/login/);
    }
  });
});

type Reply = { status: number; location: string; cookies: string[]; body: string };

// A request from another loopback address (the test server listens on 127.0.0.1), which no header can fake.
function requestFrom(localAddress: string, url: URL, init: { method?: string; cookie?: string; form?: Record<string, string> }): Promise<Reply> {
  const body = init.form ? new URLSearchParams(init.form).toString() : undefined;
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: init.method ?? "GET",
        localAddress,
        headers: {
          ...(init.cookie ? { cookie: init.cookie } : {}),
          ...(body ? { "content-type": "application/x-www-form-urlencoded" } : {}),
          // Forged in vain: without a trusted proxy the server takes the address from the socket.
          "x-forwarded-for": "127.0.0.1",
        },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, location: res.headers.location ?? "", cookies: res.headers["set-cookie"] ?? [], body: text }),
        );
      },
    );
    req.once("error", reject);
    req.end(body);
  });
}

test.describe("the login lockout", () => {
  // secretary is signed in afresh only by login.spec.ts's menu test, which does not depend on this one.
  test("counts the address the connection comes from: locked there, not elsewhere", async ({ page, baseURL }) => {
    const base = new URL(baseURL!);
    const csrf = await requestFrom("127.0.0.2", new URL("/api/auth/csrf", base), {});
    const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
    const cookie = csrf.cookies.map((c) => c.split(";")[0]).join("; ");
    const attempt = (password: string) =>
      requestFrom("127.0.0.2", new URL("/api/auth/callback/credentials", base), {
        method: "POST",
        cookie,
        form: { identifier: "secretary", password, csrfToken },
      });
    for (let i = 0; i < 5; i++) expect((await attempt(`wrong-${i}`)).location).toContain("code=invalid");
    expect((await attempt(DEMO_PASSWORD)).location).toContain("code=locked");

    await page.goto("/login");
    await submitLogin(page, "secretary", DEMO_PASSWORD);
    await expect(page).toHaveURL((url) => url.origin === base.origin && url.pathname === "/");
  });
});

test.describe("a server action posted from elsewhere", () => {
  test.use(asUser("consultant1"));

  // Next.js's own check lets both through: it compares only origins that have a host.
  for (const [label, origin] of [
    ["Origin: file://", "file://"],
    ["no Origin", null],
  ] as const) {
    test(`${label}: 新建准客户 is refused and nothing is saved`, async ({ page }) => {
      const phone = freshPhone();
      await page.goto("/prospects/new");
      await page.getByLabel("姓名").fill("跨站请求");
      await page.getByLabel("电话").fill(phone);

      let rewritten = 0;
      await page.route("**/prospects/new", async (route) => {
        const request = route.request();
        if (request.method() !== "POST" || !(await request.headerValue("next-action"))) return route.continue();
        const headers = await request.allHeaders();
        delete headers.origin;
        if (origin) headers.origin = origin;
        rewritten += 1;
        await route.continue({ headers });
      });
      await page.getByRole("button", { name: "保存" }).click();
      await expect(formAlert(page)).toContainText("请求并非来自本系统的页面");
      expect(rewritten).toBeGreaterThan(0);
      await expect(page).toHaveURL(/\/prospects\/new$/);

      await page.unrouteAll();
      await page.goto(`/prospects?q=${phone.slice(3)}`);
      await expect(page.getByText("没有符合条件的准客户")).toBeVisible();
    });
  }
});

test.describe("a server action posted from another host's page", () => {
  test.use(asUser("consultant1"));

  // Next.js refuses it too, but with a 500 before the app's own check; the server answers 403.
  test("is refused with 403, not a server error, and nothing is saved", async ({ page, baseURL }) => {
    await page.goto("/prospects/new");
    const response = await page.request.post(new URL("/prospects/new", baseURL).toString(), {
      headers: { "next-action": "0".repeat(42), origin: "https://evil.example", "content-type": "text/plain;charset=UTF-8" },
      data: "[]",
    });
    expect(response.status()).toBe(403);
    expect(await response.text()).toContain("this app's pages");
  });
});

test.describe("the app's icon", () => {
  test("/favicon.ico is an image and every page names its icons", async ({ page, request }) => {
    const favicon = await request.get("/favicon.ico");
    expect(favicon.status()).toBe(200);
    expect(favicon.headers()["content-type"]).toMatch(/^image\//);

    await page.goto("/login");
    const links = page.locator('head link[rel="icon"]');
    await expect(links).not.toHaveCount(0);
    for (const href of await links.evaluateAll((elements) => elements.map((e) => e.getAttribute("href")!))) {
      const icon = await request.get(href);
      expect(icon.status(), href).toBe(200);
      expect(icon.headers()["content-type"], href).toMatch(/^image\//);
    }
  });
});
