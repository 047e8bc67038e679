import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { PlaygroundPage } from './pages/playgroundPage';

const DEPLOYMENT = `apiVersion: apps/v1
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
        image: nginx:1.26`;

const STATEFUL_SET = `cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: Service
metadata:
  name: db
spec:
  clusterIP: None
  selector:
    app: db
  ports:
  - port: 80
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  replicas: 3
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
    spec:
      containers:
      - name: nginx
        image: nginx:1.26
EOF`;

/** The first `cat <<EOF … EOF` block of a seed demo's script, as a learner copies it from the tutorial. */
function firstHeredoc(id: string): string {
  const lines = fs.readFileSync(new URL(`../src/scenarios/examples/${id}.sh`, import.meta.url), 'utf8').split('\n');
  const start = lines.findIndex((line) => line.startsWith('cat <<EOF'));
  const end = lines.indexOf('EOF', start);
  return lines.slice(start, end + 1).join('\n');
}

test('a 3-replica Deployment applied from the editor runs 3 pods on worker nodes', async ({ page }) => {
  const playground = new PlaygroundPage(page);
  await playground.open();
  await playground.setSpeed(10);
  await playground.setManifest(DEPLOYMENT);
  await playground.apply();
  await expect(playground.terminalOutput).toContainText('deployment.apps/web created');
  await expect(playground.pods().and(page.locator('[data-status="Running"][data-ready="1/1"]'))).toHaveCount(3);
  for (const pod of await playground.podStatuses()) expect(pod.node).toMatch(/^worker\d$/);
  await expect(playground.objects('Deployment').and(page.locator('[data-name="web"]'))).toHaveAttribute(
    'aria-label',
    /Deployment web/,
  );
  await expect(page.getByRole('button', { name: /^Pod web-[a-z0-9]+-[a-z0-9]{5}, Running, 1\/1 ready$/ })).toHaveCount(
    3,
  );
  await page.screenshot({ path: 'test-results/deployment-running.png' });
});

test('set image rolls the Deployment: pods of both ReplicaSets at one moment', async ({ page }) => {
  const playground = new PlaygroundPage(page);
  await playground.open();
  await playground.setSpeed(10);
  await playground.run('kubectl create deployment web --image=nginx:1.26 --replicas=4', 'deployment.apps/web created');
  await expect(playground.pods().and(page.locator('[data-status="Running"]'))).toHaveCount(4);
  await playground.pause();
  await playground.run('kubectl set image deployment/web nginx=nginx:1.27', 'deployment.apps/web image updated');
  const templateHashes = async () =>
    new Set((await playground.podStatuses()).map((pod) => pod.name.split('-').slice(0, -1).join('-')));
  for (let i = 0; i < 10 && (await templateHashes()).size < 2; i++) await playground.step();
  expect((await templateHashes()).size).toBe(2);
  await expect(playground.objects('ReplicaSet')).toHaveCount(2);
  await page.screenshot({ path: 'test-results/rolling-update.png' });
  await playground.play();
  await expect.poll(async () => (await templateHashes()).size, { timeout: 20_000 }).toBe(1);
});

test('a StatefulSet’s pods appear in ordinal order', async ({ page }) => {
  const playground = new PlaygroundPage(page);
  await playground.open();
  await playground.recordPodAttributes();
  await playground.setSpeed(10);
  await playground.paste(STATEFUL_SET);
  await expect(playground.terminalOutput).toContainText('statefulset.apps/db created');
  await expect(playground.pods().and(page.locator('[data-status="Running"]'))).toHaveCount(3, { timeout: 20_000 });
  const appeared = [
    ...new Set(
      (await playground.podHistory()).filter((entry) => entry.attribute === 'data-name').map((entry) => entry.name),
    ),
  ];
  expect(appeared).toEqual(['db-0', 'db-1', 'db-2']);
  await page.screenshot({ path: 'test-results/statefulset-ordinals.png' });
});

test('the seed’s liveness-exec pod flashes on probe failure and shows a restart badge', async ({ page }) => {
  const playground = new PlaygroundPage(page);
  await playground.open();
  await playground.recordPodAttributes();
  await playground.setSpeed(30);
  await playground.paste(firstHeredoc('S002-liveness-exec'));
  await expect(playground.terminalOutput).toContainText('pod/liveness-exec created');
  await expect(playground.pod('liveness-exec')).toHaveAttribute('data-restarts', /^[1-9]/, { timeout: 20_000 });
  const flashes = (await playground.podHistory()).filter(
    (entry) => entry.name === 'liveness-exec' && entry.attribute === 'data-flash' && entry.value === 'liveness',
  );
  expect(flashes.length).toBeGreaterThan(0);
  await expect(playground.pod('liveness-exec').locator('.pod-restarts')).toBeVisible();
  await page.screenshot({ path: 'test-results/liveness-restart.png' });
});

test('an invalid manifest gets a marker at its line and changes nothing', async ({ page }) => {
  const playground = new PlaygroundPage(page);
  await playground.open();
  await playground.setManifest(DEPLOYMENT.replace('replicas: 3', 'replicas: -1'));
  await playground.apply();
  await expect(playground.terminalOutput).toContainText('is invalid');
  const problem = page.getByRole('list', { name: 'Problems' }).getByRole('listitem').first();
  await expect(problem).toHaveAttribute('data-line', '6');
  await expect(page.locator('.monaco-editor .squiggly-error')).not.toHaveCount(0);
  await playground.run('kubectl get deployments', 'No resources found in default namespace.');
  await expect(playground.objects('Deployment')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/invalid-manifest.png' });
});

test('terminal history and the editor text survive a reload', async ({ page }) => {
  const playground = new PlaygroundPage(page);
  await playground.open();
  await playground.run('kubectl get nodes', /worker3\s+Ready/);
  await playground.run('kubectl get pods -A', 'No resources found');
  await playground.setManifest('# my notes\n' + DEPLOYMENT);
  await page.reload();
  await expect(page.locator('[data-engine-status="ready"]')).toBeVisible();
  await playground.terminalInput.press('ArrowUp');
  await expect(playground.terminalInput).toHaveValue('kubectl get pods -A');
  await playground.terminalInput.press('ArrowUp');
  await expect(playground.terminalInput).toHaveValue('kubectl get nodes');
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('# my notes', { timeout: 15_000 });
});

test('the language control switches the page between English and Chinese', async ({ page }) => {
  const playground = new PlaygroundPage(page);
  await playground.open();
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toContainText('Play');
  await page.getByLabel('Language').selectOption('zh');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toContainText('播放');
  await expect(page.getByRole('region', { name: '检查器' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.screenshot({ path: 'test-results/language-zh.png' });
  await page.reload();
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toContainText('播放');
  await page.getByLabel('Language').selectOption('en');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toContainText('Play');
});

test('scrubbing back shows an earlier moment and plays it again', async ({ page }) => {
  const playground = new PlaygroundPage(page);
  await playground.open();
  await playground.setSpeed(10);
  await playground.run('kubectl create deployment web --image=nginx:1.26 --replicas=2', 'deployment.apps/web created');
  await expect(playground.pods().and(page.locator('[data-status="Running"]'))).toHaveCount(2);
  const names = (await playground.podStatuses()).map((pod) => pod.name).sort();
  await playground.pause();
  const scrub = page.getByRole('slider', { name: 'Timeline' });
  // The start of the run: before the Deployment existed (the clock was already running when it was created).
  await scrub.fill((await scrub.getAttribute('min'))!);
  await expect(playground.clock).toHaveText('2026-01-05 09:00:00 UTC');
  await expect(playground.pods()).toHaveCount(0);
  await playground.play();
  await expect(playground.pods().and(page.locator('[data-status="Running"]'))).toHaveCount(2);
  expect((await playground.podStatuses()).map((pod) => pod.name).sort()).toEqual(names);
});

test('the terminal completes, streams a watch until Ctrl+C, and plays a pasted session step by step', async ({
  page,
}) => {
  const playground = new PlaygroundPage(page);
  await playground.open();
  await playground.terminalInput.fill('kubectl sca');
  await playground.terminalInput.press('Tab');
  await expect(playground.terminalInput).toHaveValue('kubectl scale ');
  await playground.terminalInput.fill('kubectl get deploym');
  await playground.terminalInput.press('Tab');
  await expect(playground.terminalInput).toHaveValue('kubectl get deployment');
  await expect(playground.terminalOutput).toContainText('deployment  deployments');

  await playground.setSpeed(10);
  await playground.type('kubectl get pods -w');
  await playground.run('kubectl create deployment web --image=nginx:1.26 --replicas=2', 'deployment.apps/web created');
  await expect(playground.terminalOutput).toContainText(/web-[a-z0-9]+-[a-z0-9]{5}\s+1\/1\s+Running/);
  await playground.terminalInput.press('Control+c');
  await expect(playground.terminalOutput).toContainText('^C');

  await playground.paste('kubectl scale deployment web --replicas=3\nsleep 30\nkubectl get deployment web');
  await expect(playground.terminalOutput).toContainText('deployment.apps/web scaled');
  await expect(playground.terminalOutput).toContainText(/web\s+3\/3\s+3\s+3/, { timeout: 15_000 });
});

test('the Why panel explains a rollout, in Chinese too', async ({ page }) => {
  const playground = new PlaygroundPage(page);
  await playground.open();
  await playground.setSpeed(10);
  await playground.run('kubectl create deployment web --image=nginx:1.26 --replicas=3', 'deployment.apps/web created');
  const why = page.getByRole('region', { name: 'Why' });
  await expect(why).toContainText(/wants 3 pods, has 0 active: created 3 of 3/);
  await page.getByLabel('Language').selectOption('zh');
  await expect(page.getByRole('region', { name: '原因' })).toContainText('期望 3 个 Pod，现有 0 个活跃 Pod');
  await page.getByLabel('Language').selectOption('en');
});
