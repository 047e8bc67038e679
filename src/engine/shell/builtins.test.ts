import { describe, expect, it } from 'vitest';
import { splitForRead } from './builtins';
import { runScript } from './testing/fakeSystem';

const out = (script: string, argv: string[] = []): string => runScript(script, { argv }).out;

describe('echo and printf', () => {
  it('echo joins its arguments, with -n and -e', () => {
    expect(
      out('echo a  b; echo -n no-newline; echo; echo -e "t\\tx\\\\n"; echo -e "stop\\cnot"; echo -E "\\t"; echo -x'),
    ).toBe('a b\nno-newline\nt\tx\n\nstop\\t\n-x\n');
  });

  it('printf formats and reports bad numbers', () => {
    expect(out("printf '%s is %d years\\n' Ann 30 Bob 41")).toBe('Ann is 30 years\nBob is 41 years\n');
    expect(runScript("printf '%d\\n' abc; echo $?")).toMatchObject({
      out: '0\n1\n',
      err: 'sh: 1: printf: abc: expected numeric value\n',
    });
    expect(runScript('printf')).toMatchObject({ err: 'sh: 1: printf: usage: printf format [arg ...]\n', code: 2 });
  });
});

describe('cd and pwd', () => {
  it('changes directory, keeping PWD and OLDPWD', () => {
    expect(out('cd /tmp; pwd; echo $PWD; cd ..; pwd; cd -; echo $OLDPWD; cd; pwd')).toBe(
      '/tmp\n/tmp\n/\n/tmp\n/\n/root\n',
    );
    expect(out('cd /var//log/../log/.; pwd')).toBe('/var/log\n');
  });

  it('reports a missing directory as dash or bash does', () => {
    expect(runScript('cd /nope; echo $?')).toMatchObject({ out: '2\n', err: "sh: 1: cd: can't cd to /nope\n" });
    expect(runScript('cd /nope; echo $?', { shell: 'bash' })).toMatchObject({
      out: '1\n',
      err: 'bash: line 1: cd: /nope: No such file or directory\n',
    });
  });
});

describe('variables', () => {
  it('export passes variables to utilities and children, and lists them', () => {
    const r = runScript(
      'export A=1 B; B=2; C=3; sh -c \'echo "$A $B [$C]"\'; export -p | grep A=; export -p | grep B=',
    );
    expect(r.out).toBe("1 2 []\nexport A='1'\nexport B='2'\n");
  });

  it('prefix assignments reach only the command', () => {
    const r = runScript(
      'V=temp sh -c \'echo "in $V"\'; echo "out [$V]"; IFS=: read a b <<EOF\nx:y\nEOF\necho "$a $b [$IFS]"',
    );
    expect(r.out).toBe('in temp\nout []\nx y [ \t\n]\n');
  });

  it('unset removes variables and functions; readonly protects them', () => {
    expect(out('x=1; unset x; echo "[${x-gone}]"; f() { :; }; unset -f f; type f')).toBe('[gone]\nf: not found\n');
    expect(runScript('readonly R=1; unset R; echo $?; R=2')).toMatchObject({
      out: '1\n',
      err: 'sh: 1: unset: R: is read only\nsh: 1: R: is read only\n',
      code: 2,
    });
  });

  it('set prints variables, sets options and positional parameters', () => {
    expect(out('set -- a "b c"; echo $# "$2"; set x; echo $#')).toBe('2 b c\n1\n');
    expect(out('Z_VAR="it\'s"; set | grep Z_VAR')).toBe("Z_VAR='it'\\''s'\n");
    expect(out('set -o errexit; echo $-; set +e; echo "[$-]"; set -o | grep errexit')).toBe(
      'e\n[]\nerrexit         off\n',
    );
    expect(runScript('set -k')).toMatchObject({ err: '', code: 0 });
    expect(runScript('set -Q')).toMatchObject({ err: 'sh: 1: set: Illegal option -Q\n', code: 2 });
  });

  it('shift moves positional parameters', () => {
    expect(out('shift; echo $@; shift 2; echo $#', ['n', 'a', 'b', 'c'])).toBe('b c\n0\n');
    expect(runScript('shift 5; echo $?')).toMatchObject({ out: '2\n', err: "sh: 1: shift: can't shift that many\n" });
  });
});

describe('read', () => {
  it('splits a line into variables, the last taking the rest', () => {
    expect(out('read a b <<EOF\n  one two  three  \nEOF\necho "[$a][$b]"')).toBe('[one][two  three]\n');
    expect(
      out('read line <<EOF\nfirst\nsecond\nEOF\necho "$line"; read <<EOF\n  raw reply\nEOF\necho "[$REPLY]"'),
    ).toBe('first\n[  raw reply]\n');
  });

  it('handles backslashes unless -r, and returns 1 at end of input', () => {
    expect(out('read a <<\'EOF\'\nx\\y \\\ncontinued\nEOF\necho "$a"; read -r b <<\'EOF\'\nx\\y\nEOF\necho "$b"')).toBe(
      'xy continued\nx\\y\n',
    );
    expect(out('printf "last" | { read v; echo "$? [$v]"; }; read w < /dev/null; echo "$? [$w]"')).toBe(
      '1 [last]\n1 []\n',
    );
  });

  it('reads the process stdin', () => {
    expect(runScript('read a; read b; echo "$b $a"', { stdin: 'one\ntwo\n' }).out).toBe('two one\n');
  });

  it('splits like IFS', () => {
    expect(splitForRead('a:b:c:d', 3, ':')).toEqual(['a', 'b', 'c:d']);
    expect(splitForRead(' a ', 3, ' \t\n')).toEqual(['a', '', '']);
  });
});

describe('exit, return, true, false, :', () => {
  it('exit takes a status or the last one', () => {
    expect(runScript('false; exit').code).toBe(1);
    expect(runScript('exit 300').code).toBe(44);
    expect(runScript('exit abc')).toMatchObject({ err: 'sh: 1: exit: Illegal number: abc\n', code: 2 });
  });

  it('return outside a function leaves the shell (dash) or fails (bash)', () => {
    expect(runScript('echo a; return 3; echo b')).toMatchObject({ out: 'a\n', code: 3 });
    expect(runScript('return 3; echo b', { shell: 'bash' })).toMatchObject({
      out: 'b\n',
      err: "bash: line 1: return: can only `return' from a function or sourced script\n",
    });
  });

  it('true, false and : set the status', () => {
    expect(out('true; echo $?; false; echo $?; : ignored args; echo $?')).toBe('0\n1\n0\n');
  });
});

describe('test and [', () => {
  it('evaluates files, strings and numbers', () => {
    expect(
      out(
        '[ -d /tmp ] && echo dir; test -f /tmp || echo notfile; [ "$x" = "" ] && echo empty; [ 2 -lt 10 ] && echo lt',
      ),
    ).toBe('dir\nnotfile\nempty\nlt\n');
  });

  it('reports errors with status 2', () => {
    expect(runScript('[ 1 -eq 1; echo $?')).toMatchObject({ out: '2\n', err: 'sh: 1: [: missing ]\n' });
    expect(runScript('[ x -gt 1 ]; echo $?')).toMatchObject({ out: '2\n', err: 'sh: 1: [: Illegal number: x\n' });
    expect(runScript('[ x -gt 1 ]', { shell: 'bash' })).toMatchObject({
      err: 'bash: line 1: [: x: integer expression expected\n',
    });
  });
});

describe('kill', () => {
  it('lists signals', () => {
    expect(out('kill -l 15; kill -l 137; kill -l TERM')).toBe('TERM\nKILL\n15\n');
    expect(out('kill -l').split('\n').slice(0, 3)).toEqual(['HUP', 'INT', 'QUIT']);
  });

  it('sends the named signal', () => {
    expect(out('sleep 100 & kill -9 $!; wait $!; echo $?; sleep 100 & kill -s INT %2; wait; echo $?')).toBe('137\n0\n');
    expect(runScript('kill -FOO 1')).toMatchObject({
      err: 'sh: 1: kill: invalid signal number or name: FOO\n',
      code: 1,
    });
    expect(runScript('kill -0 1; echo $?').out).toBe('0\n');
  });
});

describe('type, command and umask', () => {
  it('describe commands', () => {
    expect(out('f() { :; }; type f echo exit if ls; command -v f echo ls nope; echo $?')).toBe(
      'f is a shell function\necho is a shell builtin\nexit is a special shell builtin\nif is a shell keyword\nls is /usr/bin/ls\nf\necho\n/usr/bin/ls\n1\n',
    );
    expect(runScript('type nope; echo $?')).toMatchObject({ out: 'nope: not found\n127\n' });
  });

  it('command skips functions', () => {
    expect(out('echo() { printf "fn\\n"; }; echo x; command echo y')).toBe('fn\ny\n');
  });

  it('umask prints the default mask', () => {
    expect(out('umask; umask 077; echo $?')).toBe('0022\n0\n');
  });
});
