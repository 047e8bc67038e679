/**
 * The selected object up close: `kubectl describe`, its YAML, its events, a pod's logs (per container, the
 * previous instance too) and its probes with their recent results; and the faults a learner can inject into it.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IPod } from 'kubernetes-models/v1/Pod';
import { usePlayground } from '../../store/playgroundStore';
import { faultsFor } from './faultCommands';
import { inspectorCommand, inspectorTabs, type InspectorTab } from './inspectorCommands';
import { probeSummary, type ProbeRow } from './probeSummary';
import { formatElapsed } from '../timeline/formatTime';
import './inspector.css';

/** Real ms between refreshes of the open tab while the cluster changes. */
const REFRESH_MS = 500;

export function Inspector() {
  const { t } = useTranslation();
  const selected = usePlayground((s) => s.selected);
  const view = usePlayground((s) => s.view);
  const events = usePlayground((s) => s.events);
  const engine = usePlayground((s) => s.engine);
  const start = usePlayground((s) => s.clock?.start ?? 0);
  const runScript = usePlayground((s) => s.runScript);
  const echoRun = usePlayground((s) => s.echoRun);
  const [tab, setTab] = useState<InspectorTab>('describe');
  const [container, setContainer] = useState<string | undefined>(undefined);
  const [previous, setPrevious] = useState(false);
  const [output, setOutput] = useState<{ text: string; error: boolean }>({ text: '', error: false });
  const [pod, setPod] = useState<IPod | undefined>(undefined);
  const tabs = selected ? inspectorTabs(selected.kind) : [];
  const activeTab = tabs.includes(tab) ? tab : 'describe';
  const podView = selected?.kind === 'Pod' ? view?.pods.find((p) => p.uid === selected.uid) : undefined;
  const containers = podView?.containers.map((c) => c.name) ?? [];

  // Re-reads the open tab when the cluster's picture changes, at most every REFRESH_MS.
  useEffect(() => {
    if (!selected || !engine) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      const read = async () => {
        if (selected.kind === 'Pod') {
          const json = await engine.client.inspect(
            `kubectl get pod/${selected.name} -n ${selected.namespace ?? 'default'} -o json`,
          );
          if (!cancelled) setPod(json.exitCode === 0 ? (JSON.parse(json.stdout) as IPod) : undefined);
        }
        if (activeTab === 'probes') return;
        const result = await engine.client.inspect(inspectorCommand(activeTab, selected, { container, previous }));
        if (!cancelled) setOutput({ text: result.stdout + result.stderr, error: result.exitCode !== 0 });
      };
      void read();
    }, REFRESH_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [selected, engine, activeTab, container, previous, view]);

  const probes: ProbeRow[] = useMemo(() => (pod ? probeSummary(pod, events) : []), [pod, events]);
  const faults = selected ? faultsFor(selected, view, probes) : [];

  if (!selected)
    return (
      <section className="inspector" aria-label={t('inspector.region')}>
        <h2>{t('inspector.title')}</h2>
        <p className="muted">{t('inspector.empty')}</p>
      </section>
    );

  const inject = async (command: string) => {
    echoRun(command, await runScript(command));
  };

  return (
    <section className="inspector" aria-label={t('inspector.region')}>
      <h2>
        {selected.kind} <strong>{selected.name}</strong>
        {selected.namespace && <span className="muted"> · {selected.namespace}</span>}
      </h2>
      {faults.length > 0 && (
        <div className="inspector-faults" role="group" aria-label={t('faults.title')}>
          {faults.map((fault) => (
            <button key={fault.command} type="button" title={fault.command} onClick={() => void inject(fault.command)}>
              {t(fault.label, fault.values)}
            </button>
          ))}
        </div>
      )}
      <div className="inspector-tabs" role="tablist" aria-label={t('inspector.tabs')}>
        {tabs.map((name) => (
          <button key={name} type="button" role="tab" aria-selected={name === activeTab} onClick={() => setTab(name)}>
            {t(`inspector.tab.${name}`)}
          </button>
        ))}
      </div>
      {activeTab === 'logs' && (
        <div className="inspector-log-options">
          <label>
            {t('inspector.container')}{' '}
            <select value={container ?? ''} onChange={(event) => setContainer(event.target.value || undefined)}>
              <option value="">{containers[0] ?? ''}</option>
              {containers.slice(1).map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </label>
          <label>
            <input type="checkbox" checked={previous} onChange={(event) => setPrevious(event.target.checked)} />{' '}
            {t('inspector.previous')}
          </label>
        </div>
      )}
      <div role="tabpanel" className="inspector-panel">
        {activeTab === 'probes' ? (
          <ProbeList rows={probes} start={start} />
        ) : (
          <pre className={output.error ? 'inspector-error' : undefined}>{output.text}</pre>
        )}
      </div>
    </section>
  );
}

function ProbeList({ rows, start }: { rows: ProbeRow[]; start: number }) {
  const { t } = useTranslation();
  if (rows.length === 0) return <p className="muted">{t('inspector.noProbes')}</p>;
  return (
    <ul className="probe-list">
      {rows.map((row) => (
        <li key={`${row.container}/${row.type}`} data-probe={row.type} data-passing={String(row.passing)}>
          <div>
            <span className="probe-state" aria-hidden="true">
              {row.passing === true ? '✔' : row.passing === false ? '✖' : '?'}
            </span>{' '}
            <strong>{t(`inspector.probe.${row.type}`)}</strong> · {row.container} ·{' '}
            {row.passing === true
              ? t('inspector.passing')
              : row.passing === false
                ? t('inspector.failing')
                : t('inspector.unknown')}
          </div>
          <code>{row.handler}</code>
          <div className="muted">{row.timing}</div>
          {row.failures.map((failure) => (
            <div key={failure.time} className="probe-failure">
              {formatElapsed(failure.time - start)} ×{failure.count} {failure.message}
            </div>
          ))}
        </li>
      ))}
    </ul>
  );
}
