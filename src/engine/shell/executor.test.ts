import { describe, expect, it } from 'vitest';
import type { ShellState } from './state';
import { runScript, type FakeKernel } from './testing/fakeSystem';

const out = (script: string, argv: string[] = []): string => runScript(script, { argv }).out;

describe('lists and and-or lists', () => {
  it('runs ;, newline, && and || lists', () => {
    expect(out('echo a; echo b\necho c')).toBe('a\nb\nc\n');
    expect(out('true && echo yes; false && echo no; false || echo or; true || echo skipped')).toBe('yes\nor\n');
    expect(out('false && echo a || echo b && echo c')).toBe('b\nc\n');
    expect(out('! false && echo negated; ! true; echo $?')).toBe('negated\n1\n');
  });
});

describe('compound commands', () => {
  it('runs if / elif / else', () => {
    const script =
      'for n in 1 2 3; do if [ $n -eq 1 ]; then echo one; elif [ $n -eq 2 ]; then echo two; else echo other; fi; done';
    expect(out(script)).toBe('one\ntwo\nother\n');
    expect(out('if false; then echo x; fi; echo $?')).toBe('0\n');
  });

  it('runs while and until loops with the status of the last body', () => {
    expect(out('i=0; while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done')).toBe('0\n1\n2\n');
    expect(out('i=0; until [ $i -ge 2 ]; do i=$((i+1)); done; echo $i')).toBe('2\n');
    expect(out('while false; do :; done; echo $?')).toBe('0\n');
  });

  it('runs for loops over words, globs and "$@"', () => {
    expect(out('for x in a "b c" d; do echo "[$x]"; done')).toBe('[a]\n[b c]\n[d]\n');
    expect(out('for x; do echo $x; done', ['n', '1', '2'])).toBe('1\n2\n');
    expect(out('for x in; do echo never; done; echo $?')).toBe('0\n');
  });

  it('supports break and continue, with levels', () => {
    expect(out('for i in 1 2 3 4; do [ $i = 2 ] && continue; [ $i = 4 ] && break; echo $i; done')).toBe('1\n3\n');
    expect(out('for i in 1 2; do for j in a b; do echo $i$j; continue 2; done; done')).toBe('1a\n2a\n');
    expect(out('while true; do while true; do break 2; done; echo no; done; echo out')).toBe('out\n');
  });

  it('matches case patterns', () => {
    const script =
      'for f in a.txt b.log "c d" x; do case $f in *.txt|*.md) echo text;; *.log) echo log;; "c d") echo quoted;; *) echo other;; esac; done';
    expect(out(script)).toBe('text\nlog\nquoted\nother\n');
    expect(out('case x in y) echo no;; esac; echo $?')).toBe('0\n');
    expect(out('p="*"; case x in "$p") echo literal;; $p) echo glob;; esac')).toBe('glob\n');
  });

  it('runs groups in the shell and subshells in a copy', () => {
    expect(out('x=1; { x=2; echo in $x; }; echo out $x')).toBe('in 2\nout 2\n');
    expect(out('x=1; (x=2; cd /tmp; echo in $x $PWD); echo out $x $PWD')).toBe('in 2 /tmp\nout 1 /\n');
    expect(out('(exit 3); echo $?; (echo sub; exit 4) && echo no; echo $?')).toBe('3\nsub\n4\n');
  });

  it('evaluates [[ ]] and (( ))', () => {
    expect(out('x=hello; [[ $x == h*o && -n $x ]] && echo match; [[ $x == "h*o" ]] || echo literal')).toBe(
      'match\nliteral\n',
    );
    expect(out('[[ ab =~ ^a(b|c)$ ]] && echo re; [[ 10 -gt 9 ]] && echo num; [[ ! -f /nope ]] && echo nofile')).toBe(
      're\nnum\nnofile\n',
    );
    expect(out('[[ b < a ]] || echo ordered; [[ -z "" || $(exit 1) ]] && echo short')).toBe('ordered\nshort\n');
    expect(out('i=0; while (( i < 3 )); do (( i++ )); done; echo $i; (( 0 )); echo $?')).toBe('3\n1\n');
  });
});

describe('functions', () => {
  it("take positional arguments and restore the caller's", () => {
    expect(out('f() { echo "$# $1 $2"; }; f a b; echo "$# $1"', ['n', 'top'])).toBe('2 a b\n1 top\n');
  });

  it('return a status and may recurse', () => {
    expect(out('f() { return 3; echo no; }; f; echo $?')).toBe('3\n');
    expect(
      out('fact() { if [ $1 -le 1 ]; then echo 1; else echo $(( $1 * $(fact $(( $1 - 1 ))) )); fi; }; fact 5'),
    ).toBe('120\n');
    expect(out('f() { for i in 1 2 3; do [ $i = 2 ] && return 7; done; }; f; echo $?')).toBe('7\n');
  });

  it('do not split the values of declarations', () => {
    expect(out('f() { local v=$(echo "a  b") w; echo "[$v]"; }; f; export E=$(echo "c  d"); echo "[$E]"')).toBe(
      '[a  b]\n[c  d]\n',
    );
  });

  it('scope local variables', () => {
    expect(out('x=outer; f() { local x=inner y; y=set; echo $x; }; f; echo $x ${y-unset}')).toBe(
      'inner\nouter unset\n',
    );
    expect(out('x=g; f() { local x; echo "[$x]"; }; f')).toBe('[g]\n');
    expect(runScript('x=g; f() { local x; echo "[$x]"; }; f', { shell: 'bash' }).out).toBe('[]\n');
  });

  it('see prefix assignments only for the call, and keep redirections', () => {
    expect(out('f() { echo $V; }; V=call f; echo "[$V]"')).toBe('call\n[]\n');
    const r = runScript('f() { echo to file; }; f > /tmp/f.out; cat /tmp/f.out');
    expect(r.out).toBe('to file\n');
  });

  it('stop runaway recursion', () => {
    const r = runScript('f() { f; }; f');
    expect(r.err).toBe('sh: 1: f: maximum function nesting level exceeded (1000)\n');
    expect(r.code).toBe(2);
  });
});

describe('pipelines', () => {
  it("feed each stage the previous one's output", () => {
    expect(out('echo hello | tr l L | cat')).toBe('heLLo\n');
    expect(out('printf "a\\nb\\nc\\n" | grep b')).toBe('b\n');
    expect(out('printf "x\\ny\\n" | while read l; do echo "line $l"; done')).toBe('line x\nline y\n');
  });

  it('take the last status, negated by !, or the last failure with pipefail', () => {
    expect(out('false | true; echo $?; true | false; echo $?; ! true | false; echo $?')).toBe('0\n1\n0\n');
    expect(runScript('set -o pipefail; false | true; echo $?', { shell: 'bash' }).out).toBe('1\n');
  });

  it('run every stage in a subshell', () => {
    expect(out('x=1; echo 2 | read x; echo $x')).toBe('1\n');
  });
});

describe('redirections', () => {
  const setup = (k: FakeKernel): void => k.fs.put('/tmp/in', 'first\nsecond\n');

  it('write, append and read files', () => {
    const r = runScript('echo one > /tmp/o; echo two >> /tmp/o; cat < /tmp/o; echo three > /tmp/o; cat /tmp/o', {
      setup,
    });
    expect(r.out).toBe('one\ntwo\nthree\n');
  });

  it('duplicate descriptors in order', () => {
    const r = runScript(
      'nope 2>&1 > /tmp/e; echo ---; nope > /tmp/e 2>&1; cat /tmp/e; echo err >&2; echo both &> /tmp/b; cat /tmp/b',
    );
    expect(r.out).toBe('sh: 1: nope: not found\n---\nsh: 1: nope: not found\nboth\n');
    expect(r.err).toBe('err\n');
  });

  it('discard output to /dev/null and read it as empty', () => {
    expect(runScript('echo gone > /dev/null; nope 2>/dev/null; cat < /dev/null; echo $?')).toMatchObject({
      out: '0\n',
      err: '',
    });
  });

  it('apply to compound commands', () => {
    const r = runScript(
      'while read l; do echo "got $l"; done < /tmp/in; { echo a; echo b; } > /tmp/g; cat /tmp/g; for i in 1 2; do echo $i; done | cat',
      { setup },
    );
    expect(r.out).toBe('got first\ngot second\na\nb\n1\n2\n');
  });

  it('report files that cannot be created or opened, as dash does', () => {
    expect(runScript('echo hi > /nope/x; echo $?')).toMatchObject({
      out: '1\n',
      err: 'sh: 1: cannot create /nope/x: Directory nonexistent\n',
    });
    expect(runScript('cat < /x; echo $?')).toMatchObject({ out: '1\n', err: 'sh: 1: cannot open /x: No such file\n' });
    expect(runScript('echo > /tmp')).toMatchObject({ err: 'sh: 1: cannot create /tmp: Is a directory\n', code: 1 });
    expect(runScript('echo hi > /nope/x', { shell: 'bash' })).toMatchObject({
      err: 'bash: line 1: /nope/x: No such file or directory\n',
    });
  });

  it('feed here-documents and here-strings', () => {
    expect(out('x=world; cat <<EOF\nhello $x\n  $(echo sub) \\$x\nEOF')).toBe('hello world\n  sub $x\n');
    expect(out("cat <<'EOF'\n$x `no`\nEOF")).toBe('$x `no`\n');
    expect(out('cat <<-EOF\n\tindented\n\tEOF\necho after')).toBe('indented\nafter\n');
    expect(out('cat <<A; cat <<B\none\nA\ntwo\nB')).toBe('one\ntwo\n');
    expect(out('read a b <<< "x y z"; echo "$a|$b"')).toBe('x|y z\n');
  });

  it('make exec redirections permanent', () => {
    const r = runScript('exec 3>&2; exec > /tmp/log 2>&1; echo logged; nope; exec 1>&3 2>&3; cat /tmp/log');
    expect(r.out).toBe('');
    expect(r.err).toBe('logged\nsh: 1: nope: not found\n');
  });
});

describe('set -e', () => {
  it('exits on a failing command', () => {
    expect(runScript('set -e; echo a; false; echo b')).toMatchObject({ out: 'a\n', code: 1 });
    expect(runScript('set -e; nope; echo b')).toMatchObject({ out: '', code: 127 });
  });

  it('ignores conditions, non-final and-or parts and negations', () => {
    const script =
      'set -e; if false; then :; fi; while false; do :; done; false && true; false || true; ! true; f() { false; echo inside; }; f || true; echo survived';
    expect(runScript(script)).toMatchObject({ out: 'inside\nsurvived\n', code: 0 });
  });

  it('exits from a failing subshell and pipeline', () => {
    expect(runScript('set -e; (false); echo no')).toMatchObject({ out: '', code: 1 });
    expect(runScript('set -e; true | false; echo no')).toMatchObject({ out: '', code: 1 });
  });
});

describe('eval, . and scripts', () => {
  it('forgets evaluated text once nothing runs it', () => {
    const r = runScript(
      'i=0; f() { echo "f from eval"; }; while [ $i -lt 100 ]; do eval "v$i=$i"; i=$((i+1)); done; eval \'g() { echo "g $1"; }\'; g $v99; f',
    );
    expect(r.out).toBe('g 99\nf from eval\n');
    expect((r.p.state as ShellState).sources.length).toBeLessThan(40);
  });

  it('evaluates text in the current shell', () => {
    expect(out('cmd="echo evaluated; y=5"; eval "$cmd"; echo $y')).toBe('evaluated\n5\n');
    expect(out('eval; echo $?')).toBe('0\n');
  });

  it('sources a file with access to variables and return', () => {
    const setup = (k: FakeKernel): void =>
      k.fs.put('/etc/lib.sh', 'greet() { echo "hi $1"; }\nLOADED=yes\nreturn 0\necho unreachable\n');
    expect(runScript('. /etc/lib.sh; greet you; echo $LOADED', { setup }).out).toBe('hi you\nyes\n');
    expect(runScript('. /nope.sh; echo no')).toMatchObject({
      err: 'sh: 1: .: cannot open /nope.sh: No such file\n',
      code: 2,
    });
  });

  it('runs an executable script in a subshell, and a nested sh inline', () => {
    const setup = (k: FakeKernel): void => {
      k.fs.put('/app/run.sh', '#!/bin/sh\necho "run $0 $1 $X"\nY=set\nexit 4\n', 0o755);
      k.fs.put('/app/plain.sh', 'echo plain', 0o644);
    };
    const r = runScript(
      'export X=exported; cd /app && ./run.sh arg; echo "status $? [$Y]"; ./plain.sh; echo $?; sh -c \'echo "nested $0 $1"; exit 2\' me you > /tmp/n; echo $?; cat /tmp/n',
      { setup },
    );
    expect(r.out).toBe('run ./run.sh arg exported\nstatus 4 []\n126\n2\nnested me you\n');
    expect(r.err).toBe('sh: 1: ./plain.sh: Permission denied\n');
  });
});

describe('traps', () => {
  it('run the EXIT trap when the shell ends or exits', () => {
    expect(runScript("trap 'echo cleanup $?' EXIT; echo main")).toMatchObject({ out: 'main\ncleanup 0\n', code: 0 });
    expect(runScript("trap 'echo cleanup' EXIT; exit 3")).toMatchObject({ out: 'cleanup\n', code: 3 });
    expect(runScript("trap 'echo first; exit 5' EXIT; true")).toMatchObject({ out: 'first\n', code: 5 });
    expect(runScript("trap 'echo x' EXIT; trap - EXIT; echo y").out).toBe('y\n');
  });

  it('prints the traps that are set', () => {
    expect(out("trap 'echo bye' TERM; trap '' INT; trap 'x' EXIT; trap")).toBe(
      "trap -- 'x' EXIT\ntrap -- '' INT\ntrap -- 'echo bye' TERM\n",
    );
    expect(runScript('trap x NOPE; echo $?')).toMatchObject({ out: '1\n', err: 'sh: 1: trap: NOPE: bad trap\n' });
  });
});
