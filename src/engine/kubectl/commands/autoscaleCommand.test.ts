import { describe, expect, it } from 'vitest';
import { Session } from '../../session/session';

const DEPRECATED =
  "Flag --cpu-percent has been deprecated, Use --cpu with percentage or resource quantity format (e.g., '70%' for utilization or '500m' for milliCPU).\n";

function metricsOf(s: Session, flags: string): unknown {
  const result = s.kubectl(`autoscale deployment web --max=3 ${flags} --dry-run=client -o json`);
  if (result.exitCode !== 0) throw new Error(result.stderr);
  return (JSON.parse(result.stdout) as { spec: { metrics?: unknown } }).spec.metrics;
}

describe('kubectl autoscale targets', () => {
  const s = Session.create();
  s.kubectl('create deployment web --image=nginx');

  it('takes --cpu and --memory as a percentage of the request or as a quantity per pod', () => {
    expect(metricsOf(s, '--cpu=70% --memory=200')).toEqual([
      { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } },
      { type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '200Mi' } } },
    ]);
    expect(metricsOf(s, '--cpu=500')).toEqual([
      { type: 'Resource', resource: { name: 'cpu', target: { type: 'AverageValue', averageValue: '500m' } } },
    ]);
    expect(metricsOf(s, '')).toBeUndefined();
  });

  it("still takes the seeds' --cpu-percent, with the deprecation warning", () => {
    const result = s.kubectl('autoscale deployment.v1.apps/web --min=1 --max=10 --cpu-percent=80');
    expect(result).toEqual({
      stdout: 'horizontalpodautoscaler.autoscaling/web autoscaled\n',
      stderr: DEPRECATED,
      exitCode: 0,
    });
    expect(s.kubectl('get hpa web -o jsonpath={.spec.metrics[0].resource.target.averageUtilization}').stdout).toBe(
      '80',
    );
  });

  it('rejects bad targets', () => {
    const stderr = (flags: string) => s.kubectl(`autoscale deployment web --max=3 ${flags}`).stderr;
    expect(stderr('--cpu=x')).toBe('error: invalid resource cpu value: x\n');
    expect(stderr('--memory=7.5%')).toBe('error: invalid percentage value: 7.5\n');
    expect(stderr('--cpu-percent=10 --cpu=5%')).toBe(
      `${DEPRECATED}error: --cpu-percent and --cpu are mutually exclusive\n`,
    );
  });
});
