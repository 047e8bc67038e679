import { describe, expect, it } from 'vitest';
import { runScript } from './testing/fakeSystem';

const out = (script: string, argv: string[] = []): string => runScript(script, { argv }).out;

describe('parameter expansion', () => {
  it('expands variables, braces and defaults', () => {
    expect(out('x=5; echo $x ${x} ${x:-d} ${y:-def} ${y-u} ${#x}')).toBe('5 5 5 def u 1\n');
    expect(out('e=; echo "[${e:-d}][${e-d}][${e:+s}][${x+s}]"')).toBe('[d][][][]\n');
    expect(out(': ${v:=assigned}; echo $v')).toBe('assigned\n');
    expect(out('v=/usr/local/app.tar.gz; echo ${v##*/} ${v%.*} ${v%%.*} ${v#/}')).toBe(
      'app.tar.gz /usr/local/app.tar /usr/local/app usr/local/app.tar.gz\n',
    );
    expect(out('v=hello; echo ${v:1:3} ${v: -2} ${v/l/L} ${v//l/L}')).toBe('ell lo heLlo heLLo\n');
    expect(out('p="*.txt"; v=a.txt; echo ${v%"$p"} ${v%$p}')).toBe('a.txt a\n');
  });

  it('expands special parameters', () => {
    expect(out('echo $0 $1 $2 $# "$*"; false; echo $?', ['name', 'a', 'b c'])).toBe('name a b c 2 a b c\n1\n');
    expect(out('echo $$ ${10:-none}')).toBe('1 none\n');
    expect(out('set -- 1 2 3 4 5 6 7 8 9 ten; echo ${10} $10')).toBe('ten 10\n');
    expect(out('set -e; echo $-')).toBe('e\n');
    expect(out('echo $LINENO\necho $LINENO')).toBe('1\n2\n');
  });

  it('keeps "$@" as separate words and drops it when empty', () => {
    expect(out('for a in "$@"; do echo "[$a]"; done', ['n', 'a b', '', 'c'])).toBe('[a b]\n[]\n[c]\n');
    expect(out('set --; for a in "$@"; do echo x; done; echo end')).toBe('end\n');
    expect(out('for a in "x$@y"; do echo "[$a]"; done', ['n', '1', '2'])).toBe('[x1]\n[2y]\n');
    expect(out('for a in $@; do echo "[$a]"; done', ['n', 'a b', 'c'])).toBe('[a]\n[b]\n[c]\n');
    expect(out('IFS=,; echo "$*"', ['n', 'a', 'b'])).toBe('a,b\n');
  });

  it('reports unset parameters under set -u and ${x?}', () => {
    expect(runScript('set -u; echo $NOPE; echo after')).toMatchObject({
      out: '',
      err: 'sh: 1: NOPE: parameter not set\n',
      code: 2,
    });
    expect(runScript('echo ${NOPE?is required}')).toMatchObject({ err: 'sh: 1: NOPE: is required\n', code: 2 });
    expect(runScript('e=; echo ${e:?}')).toMatchObject({ err: 'sh: 1: e: parameter null or not set\n', code: 2 });
    expect(runScript('set -u; echo $NOPE', { shell: 'bash' })).toMatchObject({
      err: 'bash: line 1: NOPE: unbound variable\n',
      code: 1,
    });
  });
});

describe('field splitting', () => {
  it('splits unquoted expansions on IFS white space', () => {
    expect(out('x="  a  b  "; set -- $x; echo $#; set -- "$x"; echo $#')).toBe('2\n1\n');
    expect(out('x="a b"; for w in pre$x"post"; do echo "[$w]"; done')).toBe('[prea]\n[bpost]\n');
    expect(out('e=; set -- $e ""; echo $#')).toBe('1\n');
  });

  it('splits on other IFS characters, keeping empty fields between them', () => {
    expect(out('IFS=:; x="a::b:"; for w in $x; do echo "[$w]"; done')).toBe('[a]\n[]\n[b]\n');
    expect(out('IFS=" :"; x="a : b"; for w in $x; do echo "[$w]"; done')).toBe('[a]\n[b]\n');
    expect(out("IFS=; x='a b'; set -- $x; echo $#")).toBe('1\n');
  });
});

describe('quoting', () => {
  it('removes quotes and honours escapes', () => {
    expect(out(`echo 'single $x' "double $((1+1))" \\$ \\\\ "a\\"b" "\\q"`)).toBe('single $x double 2 $ \\ a"b \\q\n');
    expect(out(`echo $'tab\\there' "it's"`)).toBe("tab\there it's\n");
    expect(out('echo "a\\\nb"')).toBe('ab\n');
  });

  it('expands a tilde at the start of a word', () => {
    expect(out('echo ~ ~/x "~" ~root a~')).toBe('/root /root/x ~ /root a~\n');
    expect(out('HOME=/home/u; p=~/bin; echo $p')).toBe('/home/u/bin\n');
  });
});

describe('command substitution', () => {
  it('runs $(...) and backquotes, dropping trailing newlines', () => {
    expect(out('echo "[$(echo a; echo; echo)]" `echo b`')).toBe('[a] b\n');
    expect(out('echo "[$(printf \'x\\n\\ny\\n\\n\')]"')).toBe('[x\n\ny]\n');
  });

  it('nests, keeps its own variables and sets $? for assignments', () => {
    expect(out('echo "$(echo "in $(echo deep)")"')).toBe('in deep\n');
    expect(out('x=1; y=$(x=2; echo $x); echo $x $y')).toBe('1 2\n');
    expect(out('v=$(exit 3); echo $?')).toBe('3\n');
    expect(out('echo $(case a in a) echo paren;; esac)')).toBe('paren\n');
  });

  it('finishes a sleep inside it at once', () => {
    const r = runScript('echo "$(sleep 100; echo late)"');
    expect(r.out).toBe('late\n');
    expect(r.k.now).toBe(1_700_000_000_000);
  });

  it('splits its output unless quoted', () => {
    expect(out('set -- $(echo "a  b"); echo $#; set -- "$(echo "a  b")"; echo $#')).toBe('2\n1\n');
  });
});

describe('arithmetic expansion', () => {
  it('evaluates with variables and assignments', () => {
    expect(out('i=3; echo $((i * 2 + 1)) $((i += 4)) $i $(( $i / 2 ))')).toBe('7 7 7 3\n');
    expect(out('echo $((1 < 2)) $((10 % 4)) $((2 ** 8)) $(( -5 / 2 ))')).toBe('1 2 256 -2\n');
  });

  it('fails on division by zero', () => {
    expect(runScript('echo $((1 / 0)); echo after')).toMatchObject({
      out: '',
      err: 'sh: 1: arithmetic expression: division by zero: "1 / 0"\n',
      code: 2,
    });
  });
});

describe('pathname expansion', () => {
  const setup = (k: { fs: { put(p: string, d: string): void } }): void => {
    k.fs.put('/data/b.txt', '');
    k.fs.put('/data/a.txt', '');
    k.fs.put('/data/c.log', '');
  };

  it('expands * and ? against the file system, sorted', () => {
    expect(runScript('echo /data/*.txt; cd /data && echo ?.log', { setup }).out).toBe(
      '/data/a.txt /data/b.txt\nc.log\n',
    );
  });

  it('leaves a pattern that matches nothing as written', () => {
    expect(runScript('echo /data/*.md /nope/*', { setup }).out).toBe('/data/*.md /nope/*\n');
  });

  it('does not expand quoted patterns or under set -f', () => {
    expect(runScript('echo "/data/*" \'/data/*\' /data/\\*; set -f; echo /data/*', { setup }).out).toBe(
      '/data/* /data/* /data/*\n/data/*\n',
    );
  });
});
