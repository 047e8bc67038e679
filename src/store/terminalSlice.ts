/**
 * The terminal: its output, the command history (kept across reloads), and its modes — an open heredoc, a
 * streaming watch, a shell inside a pod.
 */
import i18next from 'i18next';
import type { ReplayedRun, RunOutcome, ScriptStepResult } from '../worker/protocol';
import { addToHistory } from './commandHistory';
import { loadStored, saveStored, isStringArray, STORAGE_KEYS } from './persistence';
import type { Slice } from './slice';
import { splitScript, type ScriptChunk } from '../engine/script/splitScript';
import { podShellCommand, readTerminalInput } from './terminalInput';

export type TerminalLineKind = 'input' | 'stdout' | 'stderr' | 'hint' | 'info';

export interface TerminalLine {
  id: number;
  kind: TerminalLineKind;
  text: string;
}

export interface PodShell {
  pod: string;
  execArgs: string[];
  cwd: string;
}

export interface TerminalSlice {
  lines: TerminalLine[];
  history: string[];
  /** Lines typed so far of an entry that is not complete yet (an open heredoc). */
  pending: string[];
  podShell?: PodShell;
  watch?: number;
  busy: boolean;
  prompt(): string;
  submit(text: string): Promise<void>;
  interrupt(): void;
  print(kind: TerminalLineKind, text: string): void;
  /** Shows a command the page ran for the learner (a fault button, the editor's Apply) and its output. */
  echoRun(command: string, outcome: RunOutcome): void;
  /** Shows recorded steps the clock reached and ran (an opened scenario's), each as if typed. */
  showReplayed(runs: ReplayedRun[]): void;
  /** A fresh screen with one line saying why (a scenario was opened); history and modes are left. */
  restartTerminal(message: string): void;
}

/** Output kept on screen; older lines scroll away for good. */
const MAX_LINES = 2000;
/** Real ms between reads of a streaming watch. */
const WATCH_POLL_MS = 200;

let nextLineId = 1;
let watchTimer: ReturnType<typeof setInterval> | undefined;

export const createTerminalSlice: Slice<TerminalSlice> = (set, get, store) => {
  /** Bumped by Ctrl+C: a pasted script in progress stops at its next step. */
  let interrupts = 0;
  /** Entries run one after another, as a shell reads them. */
  let queue: Promise<void> = Promise.resolve();

  const append = (entries: { kind: TerminalLineKind; text: string }[]) => {
    const added = entries
      .filter((entry) => entry.text !== '')
      .map((entry) => ({ id: nextLineId++, kind: entry.kind, text: entry.text.replace(/\n$/, '') }));
    if (added.length > 0) set((state) => ({ lines: [...state.lines, ...added].slice(-MAX_LINES) }));
  };

  const resultLines = (result: ScriptStepResult) => [
    { kind: 'stdout' as const, text: result.stdout },
    { kind: 'stderr' as const, text: result.stderr },
    ...result.hints.map((hint) => ({ kind: 'hint' as const, text: `# hint: ${hint}` })),
  ];

  const printOutcome = (outcome: RunOutcome) => {
    if (!outcome.ok) {
      append([{ kind: 'stderr', text: `kubeplay: line ${outcome.line}: ${outcome.error}` }]);
      return;
    }
    for (const result of outcome.results) append(resultLines(result));
  };

  const echo = (prompt: string, text: string) => {
    const [first, ...more] = text.split('\n');
    append([{ kind: 'input', text: [`${prompt}${first}`, ...more.map((line) => `> ${line}`)].join('\n') }]);
  };

  /** Resolves true once cluster time has moved `ms` on (the clock runs only while playing), false on Ctrl+C. */
  const waitForClock = (ms: number, generation: number) =>
    new Promise<boolean>((resolve) => {
      const target = (get().clock?.now ?? 0) + ms;
      const check = () => {
        if (generation !== interrupts || (get().clock?.now ?? 0) >= target) {
          unsubscribe();
          resolve(generation === interrupts);
        }
      };
      const unsubscribe = store.subscribe(check);
      check();
    });

  /** A pasted session plays out step by step: each command runs and shows its output, each `sleep` waits. */
  const runPasted = async (chunks: ScriptChunk[]) => {
    const generation = interrupts;
    for (const chunk of chunks) {
      if (generation !== interrupts) return;
      if (chunk.kind === 'sleep') {
        echo('$ ', chunk.display);
        if (!(await waitForClock(chunk.ms, generation))) return;
        continue;
      }
      echo('$ ', chunk.script);
      printOutcome(await get().runScript(chunk.script));
    }
  };

  const stopWatch = () => {
    const { watch, engine } = get();
    if (watchTimer) clearInterval(watchTimer);
    watchTimer = undefined;
    if (watch !== undefined) void engine?.client.stopWatch(watch);
    set({ watch: undefined });
  };

  const startWatch = async (command: string) => {
    const engine = get().engine;
    if (!engine) return;
    const { outcome, watch } = await engine.client.startWatch(command);
    printOutcome(outcome);
    if (watch === undefined) return;
    set({ watch });
    watchTimer = setInterval(() => {
      const current = get().watch;
      if (current === undefined) return;
      void get()
        .engine?.client.readWatch(current)
        .then((text) => append([{ kind: 'stdout', text }]));
    }, WATCH_POLL_MS);
  };

  const runInPodShell = async (shell: PodShell, line: string) => {
    if (line.trim() === 'exit') {
      set({ podShell: undefined });
      return;
    }
    if (line.trim() === '') return;
    const { script, cd } = podShellCommand(shell.execArgs, shell.cwd, line);
    const outcome = await get().runScript(script);
    const result = outcome.ok ? outcome.results[0] : undefined;
    if (cd && result && result.exitCode === 0) {
      set({ podShell: { ...shell, cwd: result.stdout.trim().split('\n').at(-1) ?? shell.cwd } });
      append([{ kind: 'stderr', text: result.stderr }]);
      return;
    }
    printOutcome(outcome);
  };

  const openPodShell = async (pod: string, execArgs: string[]) => {
    const check = await get().engine?.client.inspect(`kubectl get pod ${execArgs.join(' ')}`);
    if (!check || check.exitCode !== 0) {
      append([{ kind: 'stderr', text: check?.stderr ?? '' }]);
      return;
    }
    set({ podShell: { pod, execArgs, cwd: '/' } });
    append([{ kind: 'info', text: i18next.t('app:terminal.podShell', { pod }) }]);
  };

  const openInEditor = async (target: string[], namespaceArgs: string[]) => {
    const engine = get().engine;
    const found = await engine?.client.inspect(`kubectl get ${[...target, ...namespaceArgs].join(' ')} -o yaml`);
    if (!found || found.exitCode !== 0) {
      append([{ kind: 'stderr', text: found?.stderr ?? '' }]);
      return;
    }
    get().openForEdit(found.stdout, target.join(' '));
    append([{ kind: 'info', text: i18next.t('app:terminal.editing', { target: target.join(' ') }) }]);
  };

  const submitNow = async (text: string): Promise<void> => {
    // A pasted block of several lines plays out step by step, each step echoed as it runs.
    const pasted = text.includes('\n') && !get().podShell && get().pending.length === 0;
    if (!pasted) echo(get().prompt(), text);
    const remember = (entry: string) => {
      const history = addToHistory(get().history, entry);
      set({ history });
      saveStored(STORAGE_KEYS.history, history);
    };
    const shell = get().podShell;
    set({ busy: true });
    try {
      if (shell) {
        remember(text);
        await runInPodShell(shell, text);
        return;
      }
      const entry = [...get().pending, text].join('\n');
      const input = readTerminalInput(entry);
      set({ pending: input.kind === 'incomplete' ? [...get().pending, text] : [] });
      if (input.kind !== 'incomplete') remember(entry);
      switch (input.kind) {
        case 'incomplete':
          if (pasted) echo('$ ', text);
          return;
        case 'clear':
          set({ lines: [] });
          return;
        case 'watch':
          await startWatch(input.command);
          return;
        case 'edit':
          await openInEditor(input.target, input.namespaceArgs);
          return;
        case 'exec-shell':
          await openPodShell(input.pod, input.execArgs);
          return;
        case 'run':
          if (pasted) await runPasted(splitScript(input.script));
          else printOutcome(await get().runScript(input.script));
          return;
      }
    } finally {
      set({ busy: false });
    }
  };

  return {
    lines: [],
    history: loadStored(STORAGE_KEYS.history, [], isStringArray),
    pending: [],
    busy: false,
    prompt() {
      const { podShell, pending } = get();
      if (pending.length > 0) return '> ';
      return podShell ? `${podShell.pod}:${podShell.cwd}# ` : '$ ';
    },
    submit(text) {
      queue = queue.then(() => submitNow(text));
      return queue;
    },
    interrupt() {
      interrupts++;
      append([{ kind: 'input', text: `${get().prompt()}^C` }]);
      if (get().watch !== undefined) stopWatch();
      set({ pending: [] });
    },
    print: (kind, text) => append([{ kind, text }]),
    echoRun(command, outcome) {
      append([{ kind: 'input', text: `$ ${command}` }]);
      printOutcome(outcome);
    },
    showReplayed(runs) {
      for (const run of runs) {
        echo('$ ', run.script);
        printOutcome({ ok: true, results: run.results });
      }
    },
    restartTerminal(message) {
      interrupts++;
      if (get().watch !== undefined) stopWatch();
      set({ lines: [], pending: [], podShell: undefined });
      append([{ kind: 'info', text: message }]);
    },
  };
};
