/**
 * The kubectl terminal: the same interpreter as the CLI, behind an input line with history (↑/↓), completion
 * (Tab), Ctrl-C, `clear`, streaming watches, heredoc paste and a shell inside a pod.
 */
import { useEffect, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { browseHistory } from '../../store/commandHistory';
import { usePlayground } from '../../store/playgroundStore';
import { applyCompletion } from './applyCompletion';
import './terminal.css';

export function Terminal() {
  const { t } = useTranslation();
  const lines = usePlayground((s) => s.lines);
  const history = usePlayground((s) => s.history);
  const busy = usePlayground((s) => s.busy);
  const watch = usePlayground((s) => s.watch);
  const prompt = usePlayground((s) => s.prompt());
  const submit = usePlayground((s) => s.submit);
  const interrupt = usePlayground((s) => s.interrupt);
  const print = usePlayground((s) => s.print);
  const engine = usePlayground((s) => s.engine);
  const [text, setText] = useState('');
  const [position, setPosition] = useState<number | undefined>(undefined);
  const [draft, setDraft] = useState('');
  const output = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const element = output.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [lines]);

  const send = (entry: string) => {
    setText('');
    setPosition(undefined);
    void submit(entry);
  };

  const complete = async () => {
    if (!engine) return;
    const completion = await engine.client.complete(text);
    const applied = applyCompletion(text, completion);
    setText(applied.text);
    if (applied.choices.length > 1) print('info', applied.choices.join('  '));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      send(text);
    } else if (event.key === 'Tab') {
      event.preventDefault();
      void complete();
    } else if (event.key === 'c' && event.ctrlKey) {
      event.preventDefault();
      interrupt();
      setText('');
    } else if (event.key === 'l' && event.ctrlKey) {
      event.preventDefault();
      void submit('clear');
    } else if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault();
      const from = position ?? history.length;
      if (position === undefined) setDraft(text);
      const next = browseHistory(
        history,
        from,
        event.key === 'ArrowUp' ? -1 : 1,
        position === undefined ? text : draft,
      );
      setPosition(next.position);
      setText(next.text);
    }
  };

  /** A pasted block of several lines (a seed's heredoc) runs as one entry, as a shell would read it. */
  const onPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    const pasted = event.clipboardData.getData('text');
    if (!pasted.includes('\n')) return;
    event.preventDefault();
    send(text + pasted.replace(/\r\n/g, '\n').replace(/\n+$/, ''));
  };

  return (
    <section className="terminal" aria-label={t('terminal.region')} onClick={() => input.current?.focus()}>
      <div className="terminal-output" role="log" aria-live="polite" ref={output}>
        {lines.map((line) => (
          <div key={line.id} className={`terminal-line terminal-line-${line.kind}`}>
            {line.text}
          </div>
        ))}
      </div>
      <div className="terminal-input-row">
        <span className="terminal-prompt" aria-hidden="true">
          {prompt}
        </span>
        <input
          ref={input}
          className="terminal-input"
          aria-label="kubectl command"
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          value={text}
          placeholder={
            watch !== undefined ? t('terminal.watching') : busy ? t('terminal.busy') : t('terminal.placeholder')
          }
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
        />
      </div>
    </section>
  );
}
