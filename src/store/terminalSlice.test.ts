import { beforeEach, describe, expect, it } from 'vitest';
import type { EngineClient } from '../worker/engineClient';
import type { RunOutcome } from '../worker/protocol';
import { usePlayground } from './playgroundStore';

const ran: string[] = [];
const stopped: number[] = [];

/** An engine that answers each script with a canned result, echoing the script as stdout. */
const client = {
  run: async (script: string): Promise<RunOutcome> => {
    ran.push(script);
    const stdout = script.includes('&& pwd') ? '/usr/share\n' : `ran: ${script.split('\n')[0]}\n`;
    return { ok: true, results: [{ command: script, stdout, stderr: '', exitCode: 0, hints: [], time: 0 }] };
  },
  inspect: async () => ({ stdout: 'NAME\nweb-0\n', stderr: '', exitCode: 0 }),
  startWatch: async (command: string) => ({
    outcome: {
      ok: true,
      results: [{ command, stdout: 'NAME READY\n', stderr: '', exitCode: 0, hints: [], time: 0 }],
    },
    watch: 7,
  }),
  readWatch: async () => '',
  stopWatch: async (id: number) => void stopped.push(id),
} as unknown as EngineClient;

const texts = () => usePlayground.getState().lines.map((line) => `${line.kind}: ${line.text}`);

beforeEach(() => {
  ran.length = 0;
  usePlayground.setState({ engine: { client, terminate() {} }, lines: [], pending: [], podShell: undefined });
});

describe('the terminal', () => {
  it('collects a heredoc typed line by line and runs it once, as one history entry', async () => {
    const { submit } = usePlayground.getState();
    await submit('cat <<EOF | kubectl apply -f -');
    expect(usePlayground.getState().prompt()).toBe('> ');
    await submit('kind: Pod');
    await submit('EOF');
    expect(ran).toEqual(['cat <<EOF | kubectl apply -f -\nkind: Pod\nEOF']);
    expect(texts()).toEqual([
      'input: $ cat <<EOF | kubectl apply -f -',
      'input: > kind: Pod',
      'input: > EOF',
      'stdout: ran: cat <<EOF | kubectl apply -f -',
    ]);
    expect(usePlayground.getState().history.at(-1)).toBe('cat <<EOF | kubectl apply -f -\nkind: Pod\nEOF');
  });

  it('clears the screen without asking the engine', async () => {
    await usePlayground.getState().submit('kubectl get pods');
    await usePlayground.getState().submit('clear');
    expect(texts()).toEqual([]);
    expect(ran).toEqual(['kubectl get pods']);
  });

  it('opens a shell in a pod, keeps its directory and leaves on exit', async () => {
    const { submit } = usePlayground.getState();
    await submit('kubectl exec -it web-0 -- sh');
    expect(usePlayground.getState().prompt()).toBe('web-0:/# ');
    await submit('cd /usr/share');
    expect(usePlayground.getState().prompt()).toBe('web-0:/usr/share# ');
    await submit('ls');
    expect(ran.at(-1)).toBe(`kubectl exec web-0 -- sh -c 'cd '\\''/usr/share'\\'' && ls'`);
    await submit('exit');
    expect(usePlayground.getState().prompt()).toBe('$ ');
  });

  it('streams a watch until Ctrl+C', async () => {
    await usePlayground.getState().submit('kubectl get pods -w');
    expect(usePlayground.getState().watch).toBe(7);
    expect(texts()).toContain('stdout: NAME READY');
    usePlayground.getState().interrupt();
    expect(usePlayground.getState().watch).toBeUndefined();
    expect(stopped).toEqual([7]);
    expect(texts().at(-1)).toBe('input: $ ^C');
  });
});

describe('kubectl edit', () => {
  it('opens the object in the editor; saving replaces it and gives the learner their text back', async () => {
    usePlayground.setState({ editorText: 'my own manifest' });
    await usePlayground.getState().submit('kubectl edit deployment web');
    expect(usePlayground.getState()).toMatchObject({ editorText: 'NAME\nweb-0\n', editing: 'deployment web' });
    await usePlayground.getState().applyEditor();
    expect(ran.at(-1)).toBe("kubectl replace -f - <<'EOF'\nNAME\nweb-0\nEOF");
    expect(usePlayground.getState()).toMatchObject({ editing: undefined, editorText: 'my own manifest' });
  });
});

describe('a pasted session', () => {
  it('plays out step by step, waiting out each sleep on the cluster clock, until Ctrl+C', async () => {
    const clock = (now: number) => ({ now, start: 0, horizon: now, playing: true, speed: 1, stepsDone: 0 });
    usePlayground.setState({ clock: clock(0) });
    const done = usePlayground
      .getState()
      .submit('kubectl get pods\nsleep 20\nkubectl get nodes\nsleep 5\nkubectl get svc');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(ran).toEqual(['kubectl get pods']);
    usePlayground.setState({ clock: clock(19_000) });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(ran).toEqual(['kubectl get pods']);
    usePlayground.setState({ clock: clock(20_000) });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(ran).toEqual(['kubectl get pods', 'kubectl get nodes']);
    usePlayground.getState().interrupt();
    await done;
    expect(ran).toEqual(['kubectl get pods', 'kubectl get nodes']);
    expect(texts()).toEqual([
      'input: $ kubectl get pods',
      'stdout: ran: kubectl get pods',
      'input: $ sleep 20',
      'input: $ kubectl get nodes',
      'stdout: ran: kubectl get nodes',
      'input: $ sleep 5',
      'input: $ ^C',
    ]);
  });
});
