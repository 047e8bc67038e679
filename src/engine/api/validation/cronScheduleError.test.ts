import { describe, expect, it } from 'vitest';
import { cronScheduleError } from './cronScheduleError';

describe('cronScheduleError', () => {
  it('accepts the five-field schedules and descriptors of the seeds', () => {
    for (const schedule of [
      '*/1 * * * *',
      '*/3 * * * *',
      '0 0 * * 0',
      '30 6 1-15/2 JAN,mar mon-fri',
      '@hourly',
      '@every 1h30m',
      'TZ=UTC 0 * * * *',
    ]) {
      expect(cronScheduleError(schedule)).toBeUndefined();
    }
  });

  it('words errors as robfig/cron v3 does', () => {
    expect(cronScheduleError('')).toBe('empty spec string');
    expect(cronScheduleError('* * * *')).toBe('expected exactly 5 fields, found 4: [* * * *]');
    expect(cronScheduleError('60 * * * *')).toBe('end of range (60) above maximum (59): 60');
    expect(cronScheduleError('* * 0 * *')).toBe('beginning of range (0) below minimum (1): 0');
    expect(cronScheduleError('5-1 * * * *')).toBe('beginning of range (5) beyond end of range (1): 5-1');
    expect(cronScheduleError('a * * * *')).toBe(
      'failed to parse int from a: strconv.Atoi: parsing "a": invalid syntax',
    );
    expect(cronScheduleError('*/0 * * * *')).toBe('step of range should be a positive number: */0');
    expect(cronScheduleError('* * * * 7')).toBe('end of range (7) above maximum (6): 7');
    expect(cronScheduleError('@fortnightly')).toBe('unrecognized descriptor: @fortnightly');
    expect(cronScheduleError('@every soon')).toBe(
      'failed to parse duration @every soon: time: invalid duration "soon"',
    );
  });
});
