import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  globalIgnores([
    "lib/generated/**",
    ".next/**",
    ".data/**",
    "node_modules/**",
    "test-results/**",
    "playwright-report/**",
    "e2e/.auth/**",
    "next-env.d.ts",
  ]),
  {
    // eslint-config-next only warns here, and `npx eslint .` passes with warnings; the project
    // allows no dead code, so unused code fails the lint step of `npm test`.
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/no-unused-expressions": "error",
      // The rule is about the pages/ router, which this App Router project does not have.
      "@next/next/no-html-link-for-pages": "off",
    },
  },
  {
    // Imports point down: app/ → components/ → lib/ → prisma/. Shared server actions live in
    // lib/<domain>/actions.ts, shared hooks and widgets in components/, so nothing below app/ reaches up.
    files: ["components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(@/app/|(\\.\\./)+app/)",
              message: "components/ and lib/ must not import from app/: move the shared code down (lib/<domain>/actions.ts for actions).",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(@/app/|(\\.\\./)+app/)",
              message: "lib/ must not import from app/: move the shared code down (lib/<domain>/actions.ts for actions).",
            },
            {
              regex: "^(@/components/|(\\.\\./)+components/)",
              message: "lib/ must not import from components/: UI sits above the domain code.",
            },
          ],
        },
      ],
    },
  },
  {
    // Prisma's `contains` passes % and _ through as LIKE wildcards (typing % listed every prospect),
    // so every substring search builds its filter in lib/lists/search.ts.
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}"],
    ignores: ["lib/lists/search.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "Property[key.name='contains']",
          message: "Search with containsText() or textSearch() from lib/lists/search.ts: they match the typed text literally.",
        },
      ],
    },
  },
]);
