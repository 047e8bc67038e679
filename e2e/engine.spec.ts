import { expect, test } from '@playwright/test';

test('the page starts the engine in a Web Worker and makes no request beyond localhost', async ({ page }) => {
  const outside: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['127.0.0.1', 'localhost'].includes(url.hostname) && url.protocol !== 'data:' && url.protocol !== 'blob:')
      outside.push(request.url());
  });
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));

  await page.goto('/');
  await expect(page.locator('[data-engine-status="ready"]')).toBeVisible();
  await expect(page.getByLabel('kubectl get nodes')).toContainText(/master1\s+Ready\s+control-plane/);
  await expect(page.getByLabel('kubectl get nodes')).toContainText(/worker3\s+Ready\s+<none>/);
  await expect(page.getByLabel('Cluster time')).toHaveText('2026-01-05 09:00:00 UTC');
  expect(workers.some((url) => url.includes('engine.worker'))).toBe(true);
  await page.screenshot({ path: 'test-results/engine-alive.png' });
  expect(outside).toEqual([]);
});
