/// <reference lib="dom" />
/**
 * Figures measured in Debian's Chromium against the built page (`vite preview`): time to the first graph paint,
 * time until the editor is ready, and frames per second while 300 pods roll.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chromium, type Page } from '@playwright/test';
import type { Figure } from '../figures';
import { bundleSizes } from './bundleSizes';

const PORT = 4179;
const URL_BASE = `http://127.0.0.1:${PORT}/`;
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-sync'];

/** Records, from navigation start, when the first Node is drawn and when Monaco is ready. */
const RECORD_MILESTONES = () => {
  const milestones: Record<string, number> = {};
  (window as unknown as { milestones: typeof milestones }).milestones = milestones;
  new MutationObserver(() => {
    if (!milestones.graph && document.querySelector('svg[aria-label="Cluster graph"] g[data-kind="Node"]'))
      milestones.graph = performance.now();
    if (!milestones.editor && document.querySelector('[data-editor-ready="true"]'))
      milestones.editor = performance.now();
  }).observe(document, { subtree: true, childList: true, attributes: true });
};

async function waitForServer(): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      if ((await fetch(URL_BASE)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('vite preview did not start');
}

async function terminalRun(page: Page, command: string, expected: string): Promise<void> {
  const input = page.getByLabel('kubectl command');
  await input.fill(command);
  await input.press('Enter');
  await page.getByRole('log').getByText(expected).first().waitFor({ timeout: 60_000 });
}

/**
 * Frames the page draws in `ms` of real time, per second. Sent as source text: tsx would wrap a named inner
 * function in a helper the page does not have.
 */
async function framesPerSecond(page: Page, ms: number): Promise<number> {
  return page.evaluate(`new Promise((resolve) => {
    let frames = 0;
    const start = performance.now();
    const count = (now) => {
      frames++;
      if (now - start < ${ms}) requestAnimationFrame(count);
      else resolve((frames * 1000) / (now - start));
    };
    requestAnimationFrame(count);
  })`);
}

async function rollingFps(page: Page): Promise<string> {
  await page.getByLabel('Speed').selectOption('1');
  for (const node of ['worker4', 'worker5'])
    await terminalRun(page, `kubeplay node add ${node}`, `node/${node} joined`);
  await terminalRun(
    page,
    'kubectl create deployment roll --image=nginx:1.26 --replicas=300',
    'deployment.apps/roll created',
  );
  await page.locator('g[data-kind="Pod"][data-status="Running"]').nth(299).waitFor({ timeout: 120_000 });
  await terminalRun(page, 'kubectl set image deployment/roll nginx=nginx:1.27', 'image updated');
  const atOne = await framesPerSecond(page, 4000);
  const pods = await page.locator('g[data-kind="Pod"]').count();
  await page.getByLabel('Speed').selectOption('5');
  const atFive = await framesPerSecond(page, 4000);
  return `${atOne.toFixed(1)} fps at 1×, ${atFive.toFixed(1)} fps at 5× (${pods} pods drawn)`;
}

export async function benchPage(): Promise<Figure[]> {
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('vite build failed');
  const figures = bundleSizes('dist');
  const server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort'], { stdio: 'ignore' });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    await waitForServer();
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.addInitScript(RECORD_MILESTONES);
    const load = async (how: 'first' | 'reload') => {
      if (how === 'first') await page.goto(URL_BASE);
      else await page.reload();
      await page.locator('[data-editor-ready="true"]').waitFor({ timeout: 30_000 });
      return page.evaluate('window.milestones') as Promise<Record<string, number>>;
    };
    const first = await load('first');
    const again = await load('reload');
    const both = (key: string) =>
      `${again[key]!.toFixed(0)} ms (first visit, cold browser: ${first[key]!.toFixed(0)} ms)`;
    figures.push(
      { name: 'page: first graph paint', value: both('graph') },
      { name: 'page: editor ready (Monaco lazy-loaded)', value: both('editor') },
      { name: 'page: frames per second while 300 pods roll', value: await rollingFps(page) },
    );
  } finally {
    await browser.close();
    server.kill();
  }
  return figures;
}
