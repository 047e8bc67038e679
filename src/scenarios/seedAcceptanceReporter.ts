/**
 * A vitest reporter that ends a run with one line saying how many seed demos pass their acceptance tests. A seed
 * demo is an example script `examples/<ID>.sh` whose ID looks like `S000-pod`; its tests are those named `<ID>: …`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Reporter, TestModule } from 'vitest/node';

/** One finished test, as the summary needs it: its name and vitest's result state. */
export interface ReportedTest {
  name: string;
  state: 'passed' | 'failed' | 'skipped' | 'pending';
}

export interface SeedAcceptanceOptions {
  /** The folder of the example scripts and the demo test files (default: `examples` beside this file). */
  examplesDir?: string;
  /** Where the summary line goes (default: stdout). */
  write?: (text: string) => void;
}

const SEED_SCRIPT = /^(S\d{3}-.+)\.sh$/;
const DEMO_TEST_FILE = /Demos\.test\.ts$/;

/** The seed demo IDs named by the example scripts in `examplesDir`, sorted. */
export function listSeedDemoIds(examplesDir: string): string[] {
  return fs
    .readdirSync(examplesDir)
    .map((file) => SEED_SCRIPT.exec(file)?.[1])
    .filter((id): id is string => id !== undefined)
    .sort();
}

/**
 * The summary line for `ids`: a demo passes when it has at least one test (named `<ID>: …`) and all of them passed;
 * a demo with tests that do not all pass is failing, one without tests untested.
 */
export function summarizeSeedAcceptance(tests: readonly ReportedTest[], ids: readonly string[]): string {
  const failing: string[] = [];
  const untested: string[] = [];
  for (const id of ids) {
    const own = tests.filter((test) => test.name.startsWith(`${id}:`));
    if (own.length === 0) untested.push(id);
    else if (own.some((test) => test.state !== 'passed')) failing.push(id);
  }
  const passing = ids.length - failing.length - untested.length;
  const problems = [
    ...(failing.length > 0 ? [`failing: ${failing.join(', ')}`] : []),
    ...(untested.length > 0 ? [`untested: ${untested.join(', ')}`] : []),
  ];
  const line = `Seed acceptance: ${passing} of ${ids.length} seed demos pass`;
  return problems.length > 0 ? `${line} — ${problems.join('; ')}` : line;
}

/** Prints the seed acceptance line after a run that included the demo test files, and nothing after any other run. */
export default class SeedAcceptanceReporter implements Reporter {
  private readonly examplesDir: string;
  private readonly write: (text: string) => void;

  constructor(options: SeedAcceptanceOptions = {}) {
    this.examplesDir = options.examplesDir ?? fileURLToPath(new URL('./examples/', import.meta.url));
    this.write = options.write ?? ((text) => process.stdout.write(text));
  }

  onTestRunEnd(testModules: readonly TestModule[]): void {
    const ranDemoTests = testModules.some(
      (module) =>
        path.resolve(path.dirname(module.moduleId)) === path.resolve(this.examplesDir) &&
        DEMO_TEST_FILE.test(module.moduleId),
    );
    if (!ranDemoTests) return;
    const tests = testModules.flatMap((module) =>
      [...module.children.allTests()].map((test) => ({ name: test.name, state: test.result().state })),
    );
    this.write(`${summarizeSeedAcceptance(tests, listSeedDemoIds(this.examplesDir))}\n`);
  }
}
