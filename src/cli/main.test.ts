import { describe, expect, it } from 'vitest';
import { main, type CliIo } from './main';

function runCli(args: string[], files: Record<string, string> = {}, stdin = '') {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    readFile: (path) => {
      const content = files[path];
      if (content === undefined) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
      return content;
    },
    readStdin: () => stdin,
  };
  const code = main(args, io);
  return { code, stdout, stderr };
}

describe('kubeplay', () => {
  it('prints its usage when run alone', () => {
    const result = runCli([]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^Kube Playground — a simulated Kubernetes cluster for learning\.\n\nUsage:\n {2}kubeplay script FILE/,
    );
  });

  it('runs a script from a file or stdin and prints its transcript', () => {
    const script = 'kubectl get nodes -o name\n';
    const fromFile = runCli(['script', 'demo.sh'], { 'demo.sh': script });
    const fromStdin = runCli(['script', '-'], {}, script);
    expect(fromFile).toEqual({
      code: 0,
      stdout: '$ kubectl get nodes -o name\nnode/master1\nnode/worker1\nnode/worker2\nnode/worker3\n',
      stderr: '',
    });
    expect(fromStdin).toEqual(fromFile);
  });

  it('chooses the cluster shape with --workers or a --shape file', () => {
    const script = { 'demo.sh': 'kubectl get nodes -o name\n' };
    expect(runCli(['script', 'demo.sh', '--workers', '1'], script).stdout).toBe(
      '$ kubectl get nodes -o name\nnode/master1\nnode/worker1\n',
    );
    const shape = { ...script, 'shape.yaml': 'nodes:\n- name: cp\n  role: control-plane\n- name: big\n  cpu: "16"\n' };
    expect(runCli(['script', 'demo.sh', '--shape=shape.yaml'], shape).stdout).toBe(
      '$ kubectl get nodes -o name\nnode/big\nnode/cp\n',
    );
    expect(runCli(['script', 'demo.sh', '--shape', 'bad.yaml'], { ...script, 'bad.yaml': 'nodes: []\n' })).toEqual({
      code: 1,
      stdout: '',
      stderr: 'kubeplay: bad.yaml: a cluster shape needs `nodes:`, a non-empty list\n',
    });
  });

  it('names the seed: --seed changes generated names, the default is seed 1', () => {
    const files = {
      'demo.sh':
        'kubectl create -f - <<EOF\nkind: Pod\napiVersion: v1\nmetadata:\n  generateName: web-\nspec:\n  containers:\n  - name: web\n    image: nginx\nEOF\n',
    };
    const byDefault = runCli(['script', 'demo.sh'], files).stdout;
    expect(runCli(['script', 'demo.sh', '--seed', '1'], files).stdout).toBe(byDefault);
    expect(runCli(['script', 'demo.sh', '--seed', '2'], files).stdout).not.toBe(byDefault);
  });

  it('exits 2 with file and line when the script cannot be parsed, and 1 on bad usage', () => {
    expect(runCli(['script', 'demo.sh'], { 'demo.sh': 'kubectl get pods\nsleep later\n' })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'kubeplay: demo.sh:2: invalid sleep duration: sleep later\n',
    });
    expect(runCli(['script', 'missing.sh']).stderr).toBe(
      "kubeplay: ENOENT: no such file or directory, open 'missing.sh'\n",
    );
    expect(runCli(['script', 'demo.sh', '--seed', 'x'], { 'demo.sh': '' }).code).toBe(1);
    expect(runCli(['frobnicate']).code).toBe(1);
  });

  it('exits 0 even when kubectl commands in the script fail', () => {
    const result = runCli(['script', '-'], {}, 'kubectl get pod nope\n');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('$ kubectl get pod nope\nError from server (NotFound): pods "nope" not found\n');
  });
});
