import { describe, expect, it } from "vitest";
import { hasMalformedPath } from "@/lib/http/request-url";

describe("hasMalformedPath", () => {
  it.each(["/prospects/%FF", "/clients/%ED%A0%80", "/contracts/%E4%B8", "/%", "/a%2", "/%C0%AF?q=1"])("flags %s", (url) => {
    expect(hasMalformedPath(url)).toBe(true);
  });

  it.each(["/", "/prospects/cmx2138j10004ox7d86i30pe2", "/prospects?q=%FF", "/%E4%B8%AD%E6%96%87", "/a%20b#%FF", undefined])(
    "lets %s through",
    (url) => {
      expect(hasMalformedPath(url)).toBe(false);
    },
  );
});
