import { describe, expect, it } from 'vitest';
import { toKubectlYaml } from './serialize';

const PULL_ERROR =
  'Failed to pull image "nginx:bad": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:bad": failed to resolve reference "docker.io/library/nginx:bad": docker.io/library/nginx:bad: not found';

describe('kubectl YAML line folding (go-yaml v2, width 80)', () => {
  it('breaks a quoted scalar at the first space past column 80, continuing two columns under its key', () => {
    expect(toKubectlYaml({ items: [{ message: PULL_ERROR, reason: 'Failed' }] })).toBe(
      'items:\n' +
        '- message: \'Failed to pull image "nginx:bad": rpc error: code = NotFound desc = failed\n' +
        '    to pull and unpack image "docker.io/library/nginx:bad": failed to resolve reference\n' +
        '    "docker.io/library/nginx:bad": docker.io/library/nginx:bad: not found\'\n' +
        '  reason: Failed\n',
    );
  });

  it('folds plain scalars and sequence items, but neither keys nor block scalars', () => {
    const long = 'while true; do echo hello from the busybox container; sleep 10; done # and some more words';
    expect(
      toKubectlYaml({
        args: ['sh', '-c', long],
        description: `${long.replace('#', 'and')} here`,
        last: `{"message":"${'x: y '.repeat(20)}"}\n`,
      }),
    ).toBe(
      'args:\n- sh\n- -c\n' +
        "- 'while true; do echo hello from the busybox container; sleep 10; done # and some\n  more words'\n" +
        // `done` ends at column 81: the space after it is already past 80.
        'description: while true; do echo hello from the busybox container; sleep 10; done\n' +
        '  and and some more words here\n' +
        `last: |\n  {"message":"${'x: y '.repeat(20)}"}\n`,
    );
  });

  it('escapes a kept space when it breaks a double-quoted scalar', () => {
    expect(toKubectlYaml({ k: `${'a'.repeat(78)}  b\u0007` })).toBe(`k: "${'a'.repeat(78)}\n  \\ b\\a"\n`);
    expect(toKubectlYaml({ k: `${'a '.repeat(45)}\u0007` })).toBe(`k: "${'a '.repeat(38)}a\n  ${'a '.repeat(6)}\\a"\n`);
  });
});
