import { describe, expect, it } from 'vitest';
import { SCENARIO_PROBLEMS } from '../../engine/scenario/scenarioFile';
import { pickLanguage } from './pickLanguage';
import { resources } from './resources';

/** Every key path of a nested string table, e.g. `timeline.play`. */
function keyPaths(table: unknown, prefix = ''): string[] {
  if (typeof table !== 'object' || table === null) return [prefix];
  return Object.entries(table).flatMap(([key, value]) => keyPaths(value, prefix ? `${prefix}.${key}` : key));
}

/** Interpolation placeholders of a string: `{{count}}`. */
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

function lookup(table: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], table);
}

describe('locales', () => {
  for (const namespace of Object.keys(resources.en) as (keyof typeof resources.en)[]) {
    it(`en and zh have the same keys in ${namespace}`, () => {
      expect(keyPaths(resources.zh[namespace]).sort()).toEqual(keyPaths(resources.en[namespace]).sort());
    });

    it(`every ${namespace} string is translated with the same placeholders`, () => {
      for (const path of keyPaths(resources.en[namespace])) {
        const en = lookup(resources.en[namespace], path);
        const zh = lookup(resources.zh[namespace], path);
        expect(typeof zh, path).toBe('string');
        expect((zh as string).trim(), path).not.toBe('');
        expect(placeholders(zh as string), path).toEqual(placeholders(en as string));
      }
    });
  }

  it('names every reason a link or file cannot be opened, in both languages', () => {
    for (const problem of SCENARIO_PROBLEMS) {
      expect(typeof lookup(resources.en.app, `scenario.problem.${problem}`), problem).toBe('string');
      expect(typeof lookup(resources.zh.app, `scenario.problem.${problem}`), problem).toBe('string');
    }
  });
});

describe('pickLanguage', () => {
  it('follows the saved choice, else the browser', () => {
    expect(pickLanguage('en', ['zh-CN'])).toBe('en');
    expect(pickLanguage(null, ['zh-TW', 'en'])).toBe('zh');
    expect(pickLanguage(null, ['en-US', 'zh-CN'])).toBe('en');
    expect(pickLanguage(null, ['fr-FR', 'zh-CN'])).toBe('zh');
    expect(pickLanguage(null, ['fr-FR'])).toBe('en');
    expect(pickLanguage('de', ['en-US'])).toBe('en');
  });
});
