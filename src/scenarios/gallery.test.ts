import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioFromScript } from '../engine/scenario/scenarioFromScript';
import { decodeScenarioLink, encodeScenarioLink } from '../engine/scenario/scenarioLink';
import { findExample, GALLERY } from './gallery';

describe('the examples gallery', () => {
  it('holds every example script, seeds in order and the playground’s own last', () => {
    const scripts = fs
      .readdirSync(new URL('./examples/', import.meta.url))
      .filter((file) => file.endsWith('.sh'))
      .map((file) => file.replace(/\.sh$/, ''));
    expect(GALLERY.map((example) => example.id).sort()).toEqual(scripts.sort());
    expect(GALLERY.at(-1)!.group).toBe('P');
    expect(GALLERY[0]!.id).toBe('S000-cron');
  });

  it('describes each example in English and in Chinese', () => {
    for (const example of GALLERY) {
      expect(example.en, example.id).not.toBe(example.id);
      expect(example.zh, example.id).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(findExample('S002-liveness-exec')?.zh).toBe('exec 存活探针前 30 秒成功，之后连续失败 3 次，容器被重启');
  });

  it.each(['S000-sts', 'S002-liveness-exec', 'S003-pod'])('%s opens as a scenario that survives a share link', (id) => {
    const scenario = scenarioFromScript(findExample(id)!.script);
    expect(scenario.title).toBe(id);
    expect(decodeScenarioLink(encodeScenarioLink(scenario))).toEqual({ ok: true, scenario });
  });
});
