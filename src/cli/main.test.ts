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

  it('prints the run as JSON with --json: the transcript and every step, 2-space indented', () => {
    const script =
      'kubectl get nodes -o name\nsleep 5\nkubectl apply -f - <<EOF\napiVersion: extensions/v1beta1\nkind: Deployment\nmetadata:\n  name: web\nEOF\n';
    const result = runCli(['script', '-', '--json', '--workers', '1'], {}, script);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(String.raw`{
  "transcript": "$ kubectl get nodes -o name\nnode/master1\nnode/worker1\n$ sleep 5\n$ kubectl apply -f - <<EOF\nerror: resource mapping not found for name: \"web\" namespace: \"\" from \"STDIN\": no matches for kind \"Deployment\" in version \"extensions/v1beta1\"\nensure CRDs are installed first\n# hint: Deployment is served by apps/v1 since Kubernetes 1.16: change apiVersion to apps/v1 (it also requires spec.selector, matching spec.template.metadata.labels).\n",
  "steps": [
    {
      "command": "kubectl get nodes -o name",
      "time": 0,
      "stdout": "node/master1\nnode/worker1\n",
      "stderr": "",
      "exitCode": 0,
      "hints": []
    },
    {
      "command": "sleep 5",
      "time": 100,
      "stdout": "",
      "stderr": "",
      "exitCode": 0,
      "hints": []
    },
    {
      "command": "kubectl apply -f - <<EOF",
      "time": 5100,
      "stdout": "",
      "stderr": "error: resource mapping not found for name: \"web\" namespace: \"\" from \"STDIN\": no matches for kind \"Deployment\" in version \"extensions/v1beta1\"\nensure CRDs are installed first\n",
      "exitCode": 1,
      "hints": [
        "Deployment is served by apps/v1 since Kubernetes 1.16: change apiVersion to apps/v1 (it also requires spec.selector, matching spec.template.metadata.labels)."
      ]
    }
  ]
}
`);
    const plain = runCli(['script', '-', '--workers', '1'], {}, script).stdout;
    expect((JSON.parse(result.stdout) as { transcript: string }).transcript).toBe(plain);
  });

  it('with --json still reports a script that cannot be parsed on stderr, printing nothing', () => {
    expect(runCli(['script', 'demo.sh', '--json'], { 'demo.sh': 'sleep later\n' })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'kubeplay: demo.sh:1: invalid sleep duration: sleep later\n',
    });
  });

  it('lists --json in its usage', () => {
    expect(runCli(['--help']).stdout).toContain(
      '  --json            Print the run as JSON instead of the transcript:\n' +
        '                    { transcript, steps: [{ command, time, stdout, stderr, exitCode, hints }] }\n',
    );
  });

  it('exits 0 even when kubectl commands in the script fail', () => {
    const result = runCli(['script', '-'], {}, 'kubectl get pod nope\n');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('$ kubectl get pod nope\nError from server (NotFound): pods "nope" not found\n');
  });
});

describe('kubeplay scenario', () => {
  const script = [
    '# X001-demo: a Deployment, scaled after ten seconds',
    '# zh: 一个 Deployment，十秒后扩容',
    'kubectl create deployment web --image=nginx:1.27',
    'sleep 10',
    'kubectl scale deployment web --replicas=2',
    'kubectl get deployment web',
    '',
  ].join('\n');

  it('turns a session script into a scenario file whose sleeps became the time between steps', () => {
    const result = runCli(['scenario', '--from-script', 'demo.sh'], { 'demo.sh': script });
    expect(result).toEqual({
      code: 0,
      stdout: [
        '# A Kube Playground scenario. Open it in the playground (Import, or drop this file on the page),',
        '# or play it headless: npx kubeplay scenario FILE',
        'apiVersion: kubeplay/v1',
        'kind: Scenario',
        'title: X001-demo',
        'description:',
        '  en: a Deployment, scaled after ten seconds',
        '  zh: 一个 Deployment，十秒后扩容',
        'end: 10.3',
        'steps:',
        '- at: 0',
        '  run: kubectl create deployment web --image=nginx:1.27',
        '- at: 10.1',
        '  run: kubectl scale deployment web --replicas=2',
        '- at: 10.2',
        '  run: kubectl get deployment web',
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  it('plays a scenario file, or its share link, to the end: the script’s transcript without its sleeps', () => {
    const file = runCli(['scenario', '--from-script', 'demo.sh'], { 'demo.sh': script }).stdout;
    const link = runCli(['scenario', 'demo.kubeplay.yaml', '--link'], { 'demo.kubeplay.yaml': file });
    expect(link.stdout).toMatch(/^#s1\.[A-Za-z0-9_-]+\n$/);

    const expected = runCli(['script', 'demo.sh'], { 'demo.sh': script }).stdout.replace('$ sleep 10\n', '');
    expect(runCli(['scenario', 'demo.kubeplay.yaml'], { 'demo.kubeplay.yaml': file })).toEqual({
      code: 0,
      stdout: expected,
      stderr: '',
    });
    const url = `http://127.0.0.1:5173/${link.stdout.trim()}`;
    expect(runCli(['scenario', '-'], {}, url).stdout).toBe(expected);
  });

  it('says where a scenario file is wrong, and refuses a damaged link', () => {
    expect(
      runCli(['scenario', 'bad.yaml'], { 'bad.yaml': 'apiVersion: kubeplay/v1\nkind: Scenario\nseed: x\n' }),
    ).toEqual({
      code: 2,
      stdout: '',
      stderr: 'kubeplay: bad.yaml:3:1: seed must be a non-negative integer\n',
    });
    expect(runCli(['scenario', '-'], {}, '#s1.AAAA')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'kubeplay: -: the link is damaged or cut short: it does not decompress (was it copied whole?)\n',
    });
    expect(runCli(['scenario']).stderr).toBe(
      'kubeplay: scenario needs a FILE (or - for stdin), or --from-script FILE\n',
    );
  });
});
