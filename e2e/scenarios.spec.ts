/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * Scenarios: a run shared as a link opens elsewhere as the same cluster at the same moment; the workspace survives
 * reloads; examples open from the gallery and by address; files export and import; bad links break nothing.
 */
import { readdir, readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { PlaygroundPage } from './pages/playgroundPage';

const WEB_WITH_READINESS = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        readinessProbe:
          httpGet:
            path: /
            port: 80
          periodSeconds: 5
`;

test('a run shared as a link opens in a fresh browser as the same pods, statuses and clock, and scrubs back', async ({
  page,
  browser,
}) => {
  const teacher = new PlaygroundPage(page);
  await teacher.open();
  await teacher.setSpeed(10);
  await teacher.setManifest(WEB_WITH_READINESS);
  await teacher.apply();
  await expect(teacher.pods().and(page.locator('[data-status="Running"]'))).toHaveCount(3);
  await teacher.run('kubectl scale deployment web --replicas=4', 'deployment.apps/web scaled');
  await teacher.run('kubectl set image deployment/web nginx=nginx:1.28', 'deployment.apps/web image updated');
  await teacher.run('kubectl rollout status deployment/web', 'successfully rolled out');
  const [victim] = (await teacher.podStatuses()).map((pod) => pod.name).sort();
  await teacher.run(`kubeplay probe fail ${victim} readiness`, 'readiness probe');
  await expect(teacher.pod(victim!)).toHaveAttribute('data-ready', '0/1');
  await teacher.pause();
  await teacher.pod(victim!).click();
  const pods = (await teacher.podStatuses()).sort((a, b) => a.name.localeCompare(b.name));
  const clock = await teacher.clock.textContent();

  const { url, length } = await teacher.share();
  expect(length).toBe(url.length);
  await expect(page.locator('.share-popover')).toContainText(`${url.length} characters`);
  await page.screenshot({ path: 'test-results/share-link.png' });

  const context = await browser.newContext();
  const student = new PlaygroundPage(await context.newPage());
  await student.open(url.replace(/^https?:\/\/[^/]+/, 'http://127.0.0.1:4173'));
  await expect(student.pods()).toHaveCount(pods.length);
  expect((await student.podStatuses()).sort((a, b) => a.name.localeCompare(b.name))).toEqual(pods);
  await expect(student.clock).toHaveText(clock!);
  await expect(student.page.getByRole('button', { name: 'Play', exact: true })).toBeEnabled();
  await expect(student.pod(victim!)).toHaveAttribute('data-selected', 'true');
  await expect(student.terminalOutput).toContainText('$ kubectl set image deployment/web nginx=nginx:1.28');
  await expect(student.page.locator('.scenario-title')).toHaveAttribute('data-origin', 'link');
  // The link is taken out of the address: a reload keeps whatever the student does next.
  expect(student.page.url()).not.toContain('#');

  await student.scrubToStart();
  await expect(student.clock).toHaveText('2026-01-05 09:00:00 UTC');
  await expect(student.pods()).toHaveCount(0);
  await context.close();
});

test('a reload brings the workspace back: what was done, the moment, the editor text', async ({ page }) => {
  const playground = new PlaygroundPage(page);
  await playground.open();
  await playground.setSpeed(10);
  await playground.run('kubectl create deployment api --image=nginx:1.27 --replicas=2', 'deployment.apps/api created');
  await expect(playground.pods().and(page.locator('[data-status="Running"]'))).toHaveCount(2);
  await playground.pause();
  const pods = await playground.podStatuses();
  const clock = await playground.clock.textContent();
  // Autosave follows a pause within a second; the page also saves as it unloads.
  await page.reload();
  await expect(page.locator('[data-engine-status="ready"]')).toBeVisible();
  await expect(playground.pods()).toHaveCount(2);
  expect(await playground.podStatuses()).toEqual(pods);
  await expect(playground.clock).toHaveText(clock!);

  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(playground.pods()).toHaveCount(0);
  await page.locator('summary[aria-label="Recent"]').click();
  await page.locator('[data-workspace]').first().click();
  await expect(playground.pods()).toHaveCount(2);
});

test('the gallery opens every seed demo; an example plays from its start, and opens by address', async ({ page }) => {
  const playground = new PlaygroundPage(page);
  await playground.open();
  await page.getByRole('button', { name: 'Examples', exact: true }).click();
  const gallery = page.getByRole('dialog', { name: 'Examples' });
  const examples = (await readdir('src/scenarios/examples')).filter((file) => file.endsWith('.sh'));
  await expect(gallery.locator('[data-example]')).toHaveCount(examples.length);
  await expect(gallery.locator('[data-example="S002-liveness-exec"]')).toContainText('liveness');
  await page.screenshot({ path: 'test-results/gallery.png' });
  await gallery.locator('[data-example="S000-sts"]').click();
  await expect(page.locator('.scenario-title')).toContainText('S000-sts');
  await playground.setSpeed(30);
  await expect(playground.pod('app-2')).toHaveAttribute('data-status', 'Running', { timeout: 20_000 });
  await expect(playground.terminalOutput).toContainText('$ kubectl get pods');

  await playground.open('/#example=S002-liveness-exec');
  await expect(page.locator('.scenario-title')).toContainText('S002-liveness-exec');
  await playground.setSpeed(60);
  await expect(playground.pod('liveness-exec')).toHaveAttribute('data-restarts', /^[1-9]/, { timeout: 20_000 });
});

test('a damaged link says so and the page and the workspace stay as they were', async ({ page }) => {
  const playground = new PlaygroundPage(page);
  await playground.open();
  await playground.run('kubectl create namespace mine', 'namespace/mine created');
  await playground.pause();
  await page.waitForTimeout(1_200);
  await playground.open('/#s1.thisIsNotAScenario');
  await expect(page.locator('[data-scenario-message="error"]')).toContainText('This link cannot be opened');
  // The workspace opens instead, its commands shown again as they ran.
  await expect(playground.terminalOutput).toContainText('namespace/mine created');
  await playground.run('kubectl get namespace mine', /mine\s+Active/);
  await playground.open('/#s9.AAAA');
  await expect(page.locator('[data-scenario-message="error"]')).toContainText('newer Kube Playground');
});

test('export the scenario file and import it again; a dropped file opens too', async ({ page }) => {
  const playground = new PlaygroundPage(page);
  await playground.open();
  await playground.run('kubectl create deployment shop --image=nginx:1.27', 'deployment.apps/shop created');
  await playground.pause();

  await page.locator('summary[aria-label="Export"]').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export="file"]').click()]);
  const file = await readFile((await download.path())!, 'utf8');
  expect(download.suggestedFilename()).toBe('scenario.kubeplay.yaml');
  expect(file).toContain('apiVersion: kubeplay/v1\nkind: Scenario\n');
  expect(file).toContain('run: kubectl create deployment shop --image=nginx:1.27');

  await page.locator('summary[aria-label="Export"]').click();
  const [script] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export="script"]').click()]);
  expect(await readFile((await script.path())!, 'utf8')).toMatch(
    /^#!\/usr\/bin\/env bash\n[\s\S]*kubectl create deployment shop/,
  );

  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(playground.terminalOutput).not.toContainText('deployment.apps/shop created');
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name: 'shop.kubeplay.yaml', mimeType: 'application/yaml', buffer: Buffer.from(file) });
  await expect(page.locator('.scenario-title')).toContainText('shop.kubeplay.yaml');
  await expect(playground.terminalOutput).toContainText('deployment.apps/shop created');

  await page.locator('.app').evaluate((app, text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'dropped.kubeplay.yaml'));
    app.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, file);
  await expect(page.locator('.scenario-title')).toContainText('dropped.kubeplay.yaml');
});

test('a link pasted into the address bar of an open page opens without a reload; the workspace goes to Recent', async ({
  page,
}) => {
  const playground = new PlaygroundPage(page);
  await playground.open();
  await playground.run('kubectl create deployment mine --image=nginx:1.27', 'deployment.apps/mine created');
  await playground.pause();
  const { url } = await playground.share();
  await page.keyboard.press('Escape');
  await playground.run('kubectl delete deployment mine', 'deployment.apps "mine" deleted');

  const fragment = url.slice(url.indexOf('#'));
  await page.evaluate((hash) => (location.hash = hash), fragment);
  await expect(page.locator('.scenario-title')).toHaveAttribute('data-origin', 'link');
  await expect(playground.objects('Deployment').and(page.locator('[data-name="mine"]'))).toHaveCount(1);
  expect(page.url()).not.toContain('#');
  await page.locator('summary[aria-label="Recent"]').click();
  await expect(page.locator('[data-workspace]')).toHaveCount(1);
});
