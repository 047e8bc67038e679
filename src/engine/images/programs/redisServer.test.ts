import { describe, it, expect } from 'vitest';
import { startImage } from '../testing/startImage';

describe('redis-server', () => {
  it('prints its banner, listens on 6379 without HTTP, and saves on SIGTERM', () => {
    const harness = startImage('redis:7.2.4');
    harness.advance(500);
    expect([...harness.listening]).toEqual([[6379, 1]]);
    expect(harness.http(6379)).toBeUndefined();
    expect(harness.stdout()).toBe(
      [
        '1:C 01 Jan 2024 10:00:00.000 * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo',
        '1:C 01 Jan 2024 10:00:00.000 * Redis version=7.2.4, bits=64, commit=00000000, modified=0, pid=1, just started',
        '1:C 01 Jan 2024 10:00:00.000 # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf',
        '1:M 01 Jan 2024 10:00:00.500 * monotonic clock: POSIX clock_gettime',
        '1:M 01 Jan 2024 10:00:00.500 * Running mode=standalone, port=6379.',
        '1:M 01 Jan 2024 10:00:00.500 * Server initialized',
        '1:M 01 Jan 2024 10:00:00.500 * Ready to accept connections tcp',
        '',
      ].join('\n'),
    );
    harness.signal(1, 'SIGTERM');
    expect(harness.stdout()).toContain('1:signal-handler (1704103200) Received SIGTERM scheduling shutdown...\n');
    harness.advance(100);
    expect(harness.exits[1]).toBe(0);
    expect(harness.fs.read('/data/dump.rdb')).toBe('REDIS0011\n');
  });
});
