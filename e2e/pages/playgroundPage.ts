/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The playground page as tests use it, through its contract: the graph's aria-label and data attributes, the
 * terminal's `kubectl command` input and `log` output, and the named buttons.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export class PlaygroundPage {
  readonly graph: Locator;
  readonly terminalInput: Locator;
  readonly terminalOutput: Locator;
  readonly clock: Locator;

  constructor(readonly page: Page) {
    this.graph = page.locator('svg[aria-label="Cluster graph"]');
    this.terminalInput = page.getByLabel('kubectl command');
    this.terminalOutput = page.getByRole('log');
    this.clock = page.getByLabel('Cluster time');
  }

  /** Opens the page (at `path`, e.g. a share link) and waits until a scenario is open and drawn. */
  async open(path = '/'): Promise<void> {
    await this.page.goto(path);
    await expect(this.page.locator('[data-engine-status="ready"]')).toBeVisible();
    await expect(this.page.locator('.scenario-title')).toBeVisible();
    await expect(this.nodes()).not.toHaveCount(0);
  }

  /** Shares the scenario as it stands: the link the Share popover shows, and the length it states. */
  async share(): Promise<{ url: string; length: number }> {
    await this.page.getByRole('button', { name: 'Share', exact: true }).click();
    const link = this.page.getByLabel('Share link', { exact: true });
    await expect(link).toHaveValue(/#s1\./);
    return { url: await link.inputValue(), length: Number(await link.getAttribute('data-link-length')) };
  }

  get scrub(): Locator {
    return this.page.getByRole('slider', { name: 'Timeline' });
  }

  /** Drags the timeline to its start. */
  async scrubToStart(): Promise<void> {
    await this.scrub.fill((await this.scrub.getAttribute('min'))!);
  }

  /** Drawn objects of a kind (`Pod`, `Node`, `Deployment`…). */
  objects(kind: string): Locator {
    return this.graph.locator(`g[data-kind="${kind}"]`);
  }

  pods(): Locator {
    return this.objects('Pod');
  }

  nodes(): Locator {
    return this.objects('Node');
  }

  pod(name: string): Locator {
    return this.graph.locator(`g[data-kind="Pod"][data-name="${name}"]`);
  }

  async podStatuses(): Promise<{ name: string; status: string; node: string; ready: string; restarts: string }[]> {
    return this.pods().evaluateAll((elements) =>
      elements.map((element) => ({
        name: element.getAttribute('data-name') ?? '',
        status: element.getAttribute('data-status') ?? '',
        node: element.getAttribute('data-node') ?? '',
        ready: element.getAttribute('data-ready') ?? '',
        restarts: element.getAttribute('data-restarts') ?? '',
      })),
    );
  }

  /** Types a command in the terminal and presses Enter. */
  async type(command: string): Promise<void> {
    await this.terminalInput.fill(command);
    await this.terminalInput.press('Enter');
  }

  /** Runs a command and waits until its output shows. */
  async run(command: string, output: string | RegExp): Promise<void> {
    await this.type(command);
    await expect(this.terminalOutput).toContainText(output);
  }

  /** Pastes a block of lines into the terminal, as a learner pastes a seed's heredoc. */
  async paste(text: string): Promise<void> {
    await this.terminalInput.focus();
    await this.terminalInput.evaluate((input, pasted) => {
      const data = new DataTransfer();
      data.setData('text/plain', pasted);
      input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
  }

  /** Replaces the editor's text (waiting for Monaco) by pasting, which Monaco does not re-indent. */
  async setManifest(text: string): Promise<void> {
    await expect(this.page.locator('[data-editor-ready="true"]')).toBeVisible({ timeout: 15_000 });
    const editor = this.page.locator('.monaco-editor textarea').first();
    await editor.focus();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Delete');
    await editor.evaluate((textarea, pasted) => {
      const data = new DataTransfer();
      data.setData('text/plain', pasted);
      textarea.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
    // Monaco draws only the lines in view: go back to the top before reading them.
    await this.page.keyboard.press('ControlOrMeta+Home');
    await expect(this.page.locator('.monaco-editor .view-lines')).toContainText(text.split('\n')[0]!.trim());
  }

  async apply(): Promise<void> {
    await this.page.getByRole('button', { name: 'Apply', exact: true }).click();
  }

  async setSpeed(speed: number): Promise<void> {
    await this.page.getByLabel('Speed').selectOption(String(speed));
  }

  async pause(): Promise<void> {
    await this.page.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect(this.page.getByRole('button', { name: 'Play', exact: true })).toBeEnabled();
  }

  async play(): Promise<void> {
    await this.page.getByRole('button', { name: 'Play', exact: true }).click();
  }

  async step(): Promise<void> {
    await this.page.getByRole('button', { name: 'Step', exact: true }).click();
  }

  /**
   * Starts recording, in the page, every value an attribute of the graph's pods takes (so a test can tell what
   * happened between two of its own looks).
   */
  async recordPodAttributes(): Promise<void> {
    await this.graph.evaluate((svg) => {
      const seen: { name: string; attribute: string; value: string }[] = [];
      (window as unknown as { podHistory: typeof seen }).podHistory = seen;
      const note = (element: Element, attribute: string) => {
        if (element.getAttribute('data-kind') !== 'Pod') return;
        seen.push({
          name: element.getAttribute('data-name') ?? '',
          attribute,
          value: element.getAttribute(attribute) ?? '',
        });
      };
      new MutationObserver((mutations) => {
        for (const mutation of mutations) {
          if (mutation.type === 'attributes' && mutation.attributeName)
            note(mutation.target as Element, mutation.attributeName);
          for (const node of mutation.addedNodes)
            if (node instanceof Element)
              for (const element of [node, ...node.querySelectorAll('g[data-kind="Pod"]')]) {
                note(element, 'data-name');
                note(element, 'data-flash');
              }
        }
      }).observe(svg, { subtree: true, childList: true, attributes: true });
    });
  }

  async podHistory(): Promise<{ name: string; attribute: string; value: string }[]> {
    return this.page.evaluate(
      () => (window as unknown as { podHistory: { name: string; attribute: string; value: string }[] }).podHistory,
    );
  }
}
