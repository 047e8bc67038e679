import { describe, expect, it } from 'vitest';
import { hasCommandSubstitution, withoutSubstitutions } from './commandSubstitution';
import { parseScript } from '../script';
import { Session } from './session';

describe('kubectl lines with $(…)', () => {
  it('blanks out substitutions and quotes when deciding what a line is', () => {
    expect(withoutSubstitutions(`kubectl delete pod $(kubectl get pods -o jsonpath='{.items[0].metadata.name}')`)).toBe(
      'kubectl delete pod ',
    );
    expect(withoutSubstitutions('kubectl logs $(echo $(echo a) | tr a b) | head')).toBe('kubectl logs  | head');
    expect(hasCommandSubstitution("kubectl get pods -o name '$(not)'")).toBe(false);
    expect(hasCommandSubstitution('kubectl get pod "$(echo x)"')).toBe(true);
  });

  it('makes such a line a kubectl step of its own, and a pipe after it a shell step', () => {
    const parsed = parseScript(
      'kubectl delete pod $(kubectl get pods -o name | head -1)\nkubectl get $(echo pods) | wc -l\n',
    );
    expect(parsed.ok && parsed.steps.map((s) => s.kind)).toEqual(['kubectl', 'shell']);
  });

  it('expands the words in the host shell, then lets kubectl wait as a command of its own', () => {
    const session = Session.create();
    session.kubectl('run victim --image=busybox -- sleep 3600');
    session.advance(20_000);
    const deleted = session.kubectl("kubectl delete pod $(kubectl get pods -o jsonpath='{.items[0].metadata.name}')");
    expect(deleted).toEqual({ stdout: 'pod "victim" deleted from default namespace\n', stderr: '', exitCode: 0 });
    expect(session.kubectl('get pods').stderr).toBe('No resources found in default namespace.\n');
  });
});
