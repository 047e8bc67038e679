import { describe, expect, it } from 'vitest';
import type { AndOrNode, CommandNode, ListNode, Script, SimpleNode } from './ast';
import { parseShell } from './parseShell';

function parseOk(source: string): Script {
  const r = parseShell(source);
  if (!r.ok) throw new Error(r.error.message);
  return r.script;
}

function firstCommand(source: string): CommandNode {
  const cmd = parseOk(source).body.items[0]?.cmd.pipelines[0]?.commands[0];
  if (!cmd) throw new Error('no command');
  return cmd;
}

function errorOf(source: string): { message: string; line: number; column: number; token?: string } {
  const r = parseShell(source);
  if (r.ok) throw new Error('expected a syntax error');
  return r.error;
}

describe('parseShell', () => {
  it('parses a simple command into words, assignments and redirections', () => {
    const cmd = firstCommand('A=1 B="x y" echo hi >/tmp/out 2>&1') as SimpleNode;
    expect(cmd.type).toBe('simple');
    expect(cmd.assigns).toEqual([
      { name: 'A', value: [{ t: 'lit', v: '1' }] },
      { name: 'B', value: [{ t: 'dq', parts: [{ t: 'lit', v: 'x y' }] }] },
    ]);
    expect(cmd.words).toEqual([[{ t: 'lit', v: 'echo' }], [{ t: 'lit', v: 'hi' }]]);
    expect(cmd.redirects).toEqual([
      { fd: 1, op: '>', target: [{ t: 'lit', v: '/tmp/out' }] },
      { fd: 2, op: '>&', target: [{ t: 'lit', v: '1' }] },
    ]);
  });

  it('splits lists, and-or lists and pipelines', () => {
    const body = parseOk('a && b || c; d | e & f\ng').body;
    expect(body.items.map((i) => i.async)).toEqual([false, true, false, false]);
    const first = body.items[0]?.cmd as AndOrNode;
    expect(first.ops).toEqual(['&&', '||']);
    expect(body.items[1]?.cmd.pipelines[0]?.commands.length).toBe(2);
  });

  it('parses quoting and expansions into word parts', () => {
    const cmd = firstCommand(`echo 'a $b' "c $d \${e:-f g} $(h) \`i\` $((1+j))" \\* ~/x $'\\t'`) as SimpleNode;
    expect(cmd.words[1]).toEqual([{ t: 'sq', v: 'a $b' }]);
    const dq = cmd.words[2]?.[0];
    expect(dq?.t).toBe('dq');
    const inner = dq?.t === 'dq' ? dq.parts.map((p) => p.t) : [];
    expect(inner).toEqual(['lit', 'param', 'lit', 'param', 'lit', 'cmd', 'lit', 'cmd', 'lit', 'arith']);
    expect(cmd.words[3]).toEqual([{ t: 'sq', v: '*' }]);
    expect(cmd.words[4]).toEqual([
      { t: 'tilde', user: '' },
      { t: 'lit', v: '/x' },
    ]);
    expect(cmd.words[5]).toEqual([{ t: 'sq', v: '\t' }]);
  });

  it('parses every parameter operator', () => {
    const ops = (
      firstCommand(
        'echo ${a:-x} ${a-x} ${a:=x} ${a?x} ${a:+x} ${#a} ${a#x} ${a##x} ${a%x} ${a%%x} ${a:1:2} ${a/x/y} ${a//x/y} ${10}',
      ) as SimpleNode
    ).words
      .slice(1)
      .map((w) => (w[0]?.t === 'param' ? `${w[0].name}${w[0].op ?? ''}` : ''));
    expect(ops).toEqual([
      'a:-',
      'a-',
      'a:=',
      'a?',
      'a:+',
      'alen',
      'a#',
      'a##',
      'a%',
      'a%%',
      'asubstr',
      'a/',
      'a//',
      '10',
    ]);
  });

  it('parses compound commands', () => {
    expect(firstCommand('if a; then b; elif c; then d; else e; fi').type).toBe('if');
    expect(firstCommand('while a; do b; done').type).toBe('loop');
    expect(firstCommand('until a; do b; done')).toMatchObject({ type: 'loop', until: true });
    expect(firstCommand('for x in 1 2; do b; done')).toMatchObject({ type: 'for', name: 'x' });
    expect(firstCommand('for x; do b; done')).not.toHaveProperty('items');
    expect(firstCommand('case $x in a|b) c;; (d) e;; esac')).toMatchObject({ type: 'case' });
    expect(firstCommand('{ a; b; }').type).toBe('group');
    expect(firstCommand('(a; b)').type).toBe('subshell');
    expect(firstCommand('f() { a; }')).toMatchObject({ type: 'function', name: 'f' });
    expect(firstCommand('function g { a; }')).toMatchObject({ type: 'function', name: 'g' });
    expect(firstCommand('[[ -n $x && $y == a* ]]').type).toBe('cond');
    expect(firstCommand('(( i += 1 ))').type).toBe('arith');
    expect(firstCommand('( (a) )').type).toBe('subshell');
  });

  it('reads here-documents after the line, with and without expansion', () => {
    const cmd = firstCommand('cat <<EOF; echo after\nhello $USER\nEOF\n') as SimpleNode;
    expect(cmd.redirects[0]?.body).toEqual([
      { t: 'lit', v: 'hello ' },
      { t: 'param', name: 'USER' },
      { t: 'lit', v: '\n' },
    ]);
    const quoted = firstCommand("cat <<'EOF'\n$x\nEOF") as SimpleNode;
    expect(quoted.redirects[0]?.body).toEqual([{ t: 'sq', v: '$x\n' }]);
    const tabs = firstCommand('cat <<-END\n\t\tindented\n\tEND') as SimpleNode;
    expect(tabs.redirects[0]?.body).toEqual([{ t: 'lit', v: 'indented\n' }]);
  });

  it('gives every node an id that indexes the node table', () => {
    const script = parseOk('for i in 1; do echo $(date); done');
    script.nodes.forEach((node, id) => expect(node.id).toBe(id));
    const loop = script.body.items[0]?.cmd.pipelines[0]?.commands[0];
    expect(loop && script.nodes[loop.id]).toBe(loop);
  });

  it('caches by source text', () => {
    expect(parseShell('echo cached')).toBe(parseShell('echo cached'));
  });

  it('ignores comments and line continuations', () => {
    const body: ListNode = parseOk('# comment\necho a \\\n  b # trailing\n').body;
    expect((body.items[0]?.cmd.pipelines[0]?.commands[0] as SimpleNode).words.length).toBe(3);
  });
});

describe('syntax errors (dash wording)', () => {
  it('reports an unexpected keyword', () => {
    expect(errorOf('echo a; done')).toMatchObject({ message: '"done" unexpected', line: 1, column: 9, token: 'done' });
    expect(errorOf('if true; fi')).toMatchObject({ message: '"fi" unexpected (expecting "then")' });
  });

  it('reports the end of input with what was expected', () => {
    expect(errorOf('if true; then')).toMatchObject({ message: 'end of file unexpected (expecting "fi")' });
    expect(errorOf('while true; do echo x')).toMatchObject({ message: 'end of file unexpected (expecting "done")' });
    expect(errorOf('{ echo x')).toMatchObject({ message: 'end of file unexpected (expecting "}")' });
    expect(errorOf('echo $(ls')).toMatchObject({ message: 'end of file unexpected (expecting ")")' });
  });

  it('reports operators and newlines', () => {
    expect(errorOf('echo a;;')).toMatchObject({ message: '";;" unexpected' });
    expect(errorOf('| cat')).toMatchObject({ message: '"|" unexpected' });
    expect(errorOf('echo >\n')).toMatchObject({ message: 'newline unexpected', token: 'newline' });
  });

  it('reports lexical errors', () => {
    expect(errorOf("echo 'abc")).toMatchObject({ message: 'Unterminated quoted string' });
    expect(errorOf('echo "abc')).toMatchObject({ message: 'Unterminated quoted string' });
    expect(errorOf('echo ${a')).toMatchObject({ message: "Missing '}'" });
    expect(errorOf('echo ${a!}')).toMatchObject({ message: 'Bad substitution' });
    expect(errorOf('for 1x in a; do :; done')).toMatchObject({ message: 'Bad for loop variable' });
  });

  it('keeps the complete commands before the line with the error', () => {
    const r = parseShell('echo one\necho two; if\necho three');
    expect(r.ok).toBe(false);
    expect(r.script.body.items.length).toBe(1);
    if (!r.ok) expect(r.error.line).toBe(3);
  });
});
