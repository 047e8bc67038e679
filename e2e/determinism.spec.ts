import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import type { ScriptOutcome } from '../src/worker/protocol';

type PlaygroundWindow = { kubePlayground: { runScript(text: string, seed?: number): Promise<ScriptOutcome> } };

const EXAMPLES = new URL('../src/scenarios/examples/', import.meta.url);

// The same script and seed give the same transcript in the browser's worker as in Node (the golden files).
for (const id of [
  'S002-liveness-exec',
  'S002-share-pid',
  'S000-pod',
  'S001-svc',
  'S000-hpa',
  'S003-sts',
  'S001-qos',
  'S002-static',
  'S004-sts-pvc',
]) {
  test(`${id} runs in the page's engine worker exactly as in Node`, async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('[data-engine-status="ready"]')).toBeVisible();
    const script = fs.readFileSync(new URL(`${id}.sh`, EXAMPLES), 'utf8');
    const outcome = await page.evaluate(
      (text) => (globalThis as unknown as PlaygroundWindow).kubePlayground.runScript(text, 1),
      script,
    );
    expect(outcome).toEqual({ ok: true, transcript: fs.readFileSync(new URL(`${id}.transcript`, EXAMPLES), 'utf8') });
  });
}
