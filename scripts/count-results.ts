import { existsSync, readFileSync } from "node:fs";

// Reads test-results/steps.tsv (written by scripts/test-all.sh) and the JSON reports it points at,
// prints a table and, as the last line, "N passed, N failed" over everything that ran.
// A step without tests (lint, typecheck, ...) counts as one test. A step whose report is missing,
// or that failed without a failing test in its report, counts one failure more, so a crash never
// reads as success.

type Step = { name: string; kind: "single" | "vitest" | "playwright"; exitCode: number; report: string; seconds: number };
type Count = { passed: number; failed: number; note?: string };

type VitestReport = {
  numPassedTests: number;
  numFailedTests: number;
  testResults: {
    name: string;
    status: string;
    message?: string;
    assertionResults: { status: string; fullName: string; failureMessages?: string[] }[];
  }[];
};

type PlaywrightSpec = { title: string; file: string; line: number; ok: boolean };
type PlaywrightSuite = { title: string; specs?: PlaywrightSpec[]; suites?: PlaywrightSuite[] };

type PlaywrightReport = {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  errors?: { message?: string }[];
  suites?: PlaywrightSuite[];
};

function readSteps(file: string): Step[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const [name, kind, exitCode, report, seconds] = line.split("\t");
      return { name, kind: kind as Step["kind"], exitCode: Number(exitCode), report, seconds: Number(seconds) };
    });
}

function fromReport(step: Step): Count {
  if (!existsSync(step.report)) return { passed: 0, failed: 1, note: "no report" };
  if (step.kind === "vitest") {
    const report = JSON.parse(readFileSync(step.report, "utf8")) as VitestReport;
    // A file that fails to load has no failed test, only a failed status.
    const brokenFiles = report.testResults.filter(
      (file) => file.status === "failed" && !file.assertionResults.some((t) => t.status === "failed"),
    ).length;
    return { passed: report.numPassedTests, failed: report.numFailedTests + brokenFiles };
  }
  const report = JSON.parse(readFileSync(step.report, "utf8")) as PlaywrightReport;
  const errors = report.errors?.length ?? 0;
  return {
    passed: report.stats.expected + report.stats.flaky,
    failed: report.stats.unexpected + errors,
    note: report.stats.skipped ? `${report.stats.skipped} skipped` : undefined,
  };
}

function count(step: Step): Count {
  if (step.kind === "single") return step.exitCode === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
  const counted = fromReport(step);
  if (step.exitCode !== 0 && counted.failed === 0) {
    return { ...counted, failed: 1, note: `exit code ${step.exitCode} without a failed test` };
  }
  return counted;
}

const file = process.argv[2];
if (!file) throw new Error("usage: tsx scripts/count-results.ts <steps.tsv>");

/** The first line of a failure message, without colour codes, cut to 300 characters. */
function firstLine(message: string | undefined): string {
  const line = (message ?? "").replace(/\u001b\[[0-9;]*m/g, "").split("\n").find((l) => l.trim()) ?? "";
  return line.trim().slice(0, 300);
}

function playwrightFailures(suites: PlaywrightSuite[] | undefined, path: string[] = []): string[] {
  return (suites ?? []).flatMap((suite) => {
    const here = suite.title ? [...path, suite.title] : path;
    const specs = (suite.specs ?? [])
      .filter((spec) => !spec.ok)
      .map((spec) => `${spec.file}:${spec.line} › ${[...here.slice(1), spec.title].join(" › ")}`);
    return [...specs, ...playwrightFailures(suite.suites, here)];
  });
}

/** Names (and first error line) of every failed test in a step's report, so a CI log's tail says what broke. */
function failures(step: Step): string[] {
  if (step.kind === "single" || !existsSync(step.report)) return [];
  if (step.kind === "vitest") {
    const report = JSON.parse(readFileSync(step.report, "utf8")) as VitestReport;
    return report.testResults.flatMap((file) => {
      const failed = file.assertionResults.filter((t) => t.status === "failed");
      if (file.status === "failed" && failed.length === 0) return [`${file.name}: ${firstLine(file.message)}`];
      return failed.map((t) => `${file.name} › ${t.fullName}: ${firstLine(t.failureMessages?.[0])}`);
    });
  }
  const report = JSON.parse(readFileSync(step.report, "utf8")) as PlaywrightReport;
  return [
    ...playwrightFailures(report.suites),
    ...(report.errors ?? []).map((error) => `error: ${firstLine(error.message)}`),
  ];
}

const failedTests = readSteps(file).flatMap((step) => failures(step).map((name) => `${step.name}: ${name}`));
if (failedTests.length > 0) {
  console.log("failed tests:");
  for (const name of failedTests) console.log(`  ${name}`);
  console.log();
}

const rows = readSteps(file).map((step) => ({ step, ...count(step) }));
const header = ["step", "result", "passed", "failed", "time", "note"];
const table = [
  header,
  ...rows.map(({ step, passed, failed, note }) => [
    step.name,
    step.exitCode === 0 ? "ok" : "FAILED",
    String(passed),
    String(failed),
    `${step.seconds}s`,
    note ?? "",
  ]),
];
const widths = header.map((_, column) => Math.max(...table.map((row) => row[column].length)));
for (const row of table) console.log(row.map((cell, column) => cell.padEnd(widths[column])).join("  ").trimEnd());

const passed = rows.reduce((sum, row) => sum + row.passed, 0);
const failed = rows.reduce((sum, row) => sum + row.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
