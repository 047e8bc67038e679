import { expect, test } from '@playwright/test';
import { PlaygroundPage } from './pages/playgroundPage';

test('the page starts the engine in a Web Worker and makes no request beyond localhost', async ({ page }) => {
  const outside: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['127.0.0.1', 'localhost'].includes(url.hostname) && url.protocol !== 'data:' && url.protocol !== 'blob:')
      outside.push(request.url());
  });
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));

  const playground = new PlaygroundPage(page);
  await playground.open();
  await expect(page.getByRole('button', { name: 'Node master1, Ready' })).toBeVisible();
  await expect(playground.nodes()).toHaveCount(4);
  await expect(playground.clock).toHaveText(/^2026-01-05 09:00:\d\d UTC$/);
  // Monaco and its YAML worker load from this server too.
  await expect(page.locator('[data-editor-ready="true"]')).toBeVisible({ timeout: 15_000 });
  expect(workers.some((url) => url.includes('engine.worker'))).toBe(true);
  await page.screenshot({ path: 'test-results/engine-alive.png' });
  expect(outside).toEqual([]);
});
