import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { TestModule } from 'vitest/node';
import SeedAcceptanceReporter, {
  listSeedDemoIds,
  summarizeSeedAcceptance,
  type ReportedTest,
} from './seedAcceptanceReporter';

const IDS = ['S000-pod', 'S000-rs', 'S002-liveness-exec', 'S002-liveness-http'];

function passed(name: string): ReportedTest {
  return { name, state: 'passed' };
}

describe('summarizeSeedAcceptance', () => {
  it('counts every demo as passing when each has tests and all of them passed', () => {
    const tests = IDS.map((id) => passed(`${id}: works`));
    expect(summarizeSeedAcceptance([...tests, passed('S000-pod: and more')], IDS)).toBe(
      'Seed acceptance: 4 of 4 seed demos pass',
    );
  });

  it('names failing demos (any test not passed) and untested demos, in ID order', () => {
    const tests: ReportedTest[] = [
      passed('S000-pod: runs'),
      { name: 'S000-pod: restarts', state: 'failed' },
      passed('S002-liveness-exec: restarts the container'),
      { name: 'S002-liveness-http: probes', state: 'skipped' },
    ];
    expect(summarizeSeedAcceptance(tests, IDS)).toBe(
      'Seed acceptance: 1 of 4 seed demos pass — failing: S000-pod, S002-liveness-http; untested: S000-rs',
    );
  });

  it('matches a test to an ID only by the `<ID>:` prefix', () => {
    const tests = [
      passed('S002-liveness: a different demo'),
      passed('about S000-rs: not a demo test'),
      passed('S000-pod'),
    ];
    expect(summarizeSeedAcceptance(tests, IDS)).toBe(
      'Seed acceptance: 0 of 4 seed demos pass — untested: S000-pod, S000-rs, S002-liveness-exec, S002-liveness-http',
    );
  });

  it('prints only the part that applies', () => {
    expect(summarizeSeedAcceptance([{ name: 'S000-pod: runs', state: 'failed' }], ['S000-pod'])).toBe(
      'Seed acceptance: 0 of 1 seed demos pass — failing: S000-pod',
    );
  });
});

const madeDirs: string[] = [];
afterAll(() => {
  for (const dir of madeDirs) fs.rmSync(dir, { recursive: true });
});

/** A temporary examples folder holding empty files with these names. */
function makeExamplesDir(files: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seed-acceptance-'));
  madeDirs.push(dir);
  for (const file of files) fs.writeFileSync(path.join(dir, file), '');
  return dir;
}

describe('listSeedDemoIds', () => {
  it('takes the IDs from the S-numbered example scripts only', () => {
    const dir = makeExamplesDir([
      'S002-startup.sh',
      'S000-pod.sh',
      'S000-pod.transcript',
      'P001-faults.sh',
      'S01-short.sh',
      'seedDemos.test.ts',
    ]);
    expect(listSeedDemoIds(dir)).toEqual(['S000-pod', 'S002-startup']);
  });
});

/** A stand-in for vitest's TestModule: its file and its tests' names and states. */
function fakeModule(moduleId: string, tests: ReportedTest[]): TestModule {
  const module = {
    moduleId,
    children: {
      *allTests() {
        for (const test of tests) yield { name: test.name, result: () => ({ state: test.state }) };
      },
    },
  };
  return module as unknown as TestModule;
}

describe('SeedAcceptanceReporter', () => {
  const examplesDir = makeExamplesDir(['S000-pod.sh', 'S000-rs.sh']);

  function report(modules: TestModule[]): string {
    let output = '';
    new SeedAcceptanceReporter({ examplesDir, write: (text) => (output += text) }).onTestRunEnd(modules);
    return output;
  }

  it('prints one line after a run that included a demo test file', () => {
    const modules = [
      fakeModule(path.join(examplesDir, 'seedDemos.test.ts'), [passed('S000-pod: runs')]),
      fakeModule('/repo/src/engine/other.test.ts', [{ name: 'S000-rs: elsewhere', state: 'failed' }]),
    ];
    expect(report(modules)).toBe('Seed acceptance: 1 of 2 seed demos pass — failing: S000-rs\n');
  });

  it('prints nothing when the run did not include the demo test files', () => {
    const modules = [
      fakeModule('/repo/src/engine/other.test.ts', [passed('S000-pod: runs')]),
      fakeModule(path.join(examplesDir, 'transcripts.test.ts'), [passed('S000-pod.sh')]),
    ];
    expect(report(modules)).toBe('');
  });
});
