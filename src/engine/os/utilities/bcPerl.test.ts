import { describe, expect, it } from 'vitest';
import { bc } from './bc';
import { runBc, wrapBcLine } from './bc/runBc';
import { createFakeSystem, runUtility } from './fakeSystemCalls';
import { formatPi, perl } from './perl';
import { scaledPi } from './piDigits';

const PI_100 = '3.1415926535897932384626433832795028841971693993751058209749445923078164062862089986280348253421170679';

describe('bc -l', () => {
  it('prints pi to 100 places as the seed’s Job does: truncated, so the last digit is 6, wrapped at 70 columns', () => {
    const { sys } = createFakeSystem();
    const result = runUtility(bc, ['bc', '-l'], sys, { stdin: 'scale=100; 4*a(1) \n' });
    expect(result).toEqual({
      code: 0,
      stdout:
        '3.141592653589793238462643383279502884197169399375105820974944592307\\\n8164062862089986280348253421170676\n',
      stderr: '',
      sleepMs: 0,
    });
    expect(result.stdout.replace('\\\n', '')).toBe(`${PI_100.slice(0, -1)}6\n`);
  });

  it('prints pi to 1000 places exactly as GNU bc 1.07 does', () => {
    const expected = [
      '3.141592653589793238462643383279502884197169399375105820974944592307',
      '81640628620899862803482534211706798214808651328230664709384460955058',
      '22317253594081284811174502841027019385211055596446229489549303819644',
      '28810975665933446128475648233786783165271201909145648566923460348610',
      '45432664821339360726024914127372458700660631558817488152092096282925',
      '40917153643678925903600113305305488204665213841469519415116094330572',
      '70365759591953092186117381932611793105118548074462379962749567351885',
      '75272489122793818301194912983367336244065664308602139494639522473719',
      '07021798609437027705392171762931767523846748184676694051320005681271',
      '45263560827785771342757789609173637178721468440901224953430146549585',
      '37105079227968925892354201995611212902196086403441815981362977477130',
      '99605187072113499999983729780499510597317328160963185950244594553469',
      '08302642522308253344685035261931188171010003137838752886587533208381',
      '42061717766914730359825349042875546873115956286388235378759375195778',
      '18577805321712268066130019278766111959092164201988',
    ].join('\\\n');
    expect(runBc('scale=1000; 4*a(1)\n', { mathLibrary: true })).toEqual({ stdout: `${expected}\n`, stderr: '' });
  });

  it('computes the math library functions digit for digit as GNU bc', () => {
    expect(runBc('s(1)\nc(1)\nl(2)\ne(1)\nsqrt(2)\nscale=5; 10/3\n', { mathLibrary: true }).stdout).toBe(
      '.84147098480789650665\n.54030230586813971740\n.69314718055994530941\n2.71828182845904523536\n1.41421356237309504880\n3.33333\n',
    );
  });
});

describe('bc', () => {
  const run = (program: string) => runBc(program, { mathLibrary: false });

  it('follows bc’s scale rules: integer division by default, truncation, no leading zero', () => {
    expect(run('7/2\n1/3\nscale=2; 1/3\n-1/3\n2.50\n0.00\n.5+.25\n').stdout).toBe('3\n0\n.33\n-.33\n2.50\n0\n.75\n');
  });

  it('handles powers, modulo, relations, variables and increments', () => {
    expect(run('2^10\n-2^2\n2^3^2\nscale=20; 2^-1\n7%3\n').stdout).toBe(
      '1024\n4\n512\n.50000000000000000000\n.00000000000000000001\n',
    );
    expect(run('1 > 2\n3 == 3\n!0\n1 && 0\nx=3;x;x++;x;++x\n').stdout).toBe('0\n1\n1\n0\n3\n3\n4\n5\n');
    expect(run('length(123.45)\nscale(1.234)\nsqrt(16)\n').stdout).toBe('5\n3\n4\n');
  });

  it('runs loops, conditions and print', () => {
    expect(
      run('for (i = 1; i <= 3; i++) i\nif (2 > 1) print "yes\\n" else print "no\\n"\nwhile (1) { break }\n').stdout,
    ).toBe('1\n2\n3\nyes\n');
  });

  it('reports errors as GNU bc does and carries on', () => {
    expect(run('1+\n2\n')).toEqual({ stdout: '2\n', stderr: '(standard_in) 2: syntax error\n' });
    expect(run('2\n3 3\n4\n')).toEqual({ stdout: '2\n4\n', stderr: '(standard_in) 2: syntax error\n' });
    expect(run('1/0\n5\n')).toEqual({ stdout: '5\n', stderr: 'Runtime error (func=(main), adr=3): Divide by zero\n' });
    expect(run('a(1)\n').stderr).toBe('Runtime error (func=(main), adr=2): Function a not defined.\n');
  });

  it('stops at quit', () => {
    expect(run('1\nquit\n2\n').stdout).toBe('1\n');
  });

  it('wraps long numbers after 68 characters unless BC_LINE_LENGTH says otherwise', () => {
    const long = '1'.repeat(69);
    expect(wrapBcLine('1'.repeat(68), 70)).toBe('1'.repeat(68));
    expect(wrapBcLine(long, 70)).toBe(`${'1'.repeat(68)}\\\n1`);
    expect(wrapBcLine(long, 0)).toBe(long);
    const { sys } = createFakeSystem();
    expect(runUtility(bc, ['bc'], sys, { stdin: `${long}\n`, env: { BC_LINE_LENGTH: '0' } }).stdout).toBe(`${long}\n`);
  });

  it('reads program files before stdin', () => {
    const { sys } = createFakeSystem({ files: { '/prog.bc': 'scale=3\n' } });
    expect(runUtility(bc, ['bc', '/prog.bc'], sys, { stdin: '1/3\n' }).stdout).toBe('.333\n');
    expect(runUtility(bc, ['bc', '/nope'], sys).stderr).toBe('File /nope is unavailable.\n');
  });
});

describe('perl', () => {
  it('prints pi to N significant digits, rounded, as the Kubernetes docs’ pi Job', () => {
    const { sys } = createFakeSystem();
    expect(runUtility(perl, ['perl', '-Mbignum=bpi', '-wle', 'print bpi(100)'], sys)).toEqual({
      code: 0,
      stdout: '3.141592653589793238462643383279502884197169399375105820974944592307816406286208998628034825342117068\n',
      stderr: '',
      sleepMs: 0,
    });
    expect(formatPi(1)).toBe('3');
    expect(formatPi(5)).toBe('3.1416');
    expect(formatPi(10)).toBe('3.141592654');
  });

  it('computes 2000 digits quickly', () => {
    const started = performance.now();
    const digits = formatPi(2000);
    expect(performance.now() - started).toBeLessThan(50);
    expect(digits).toHaveLength(2001);
    expect(digits.startsWith(PI_100.slice(0, -1))).toBe(true);
  });

  it('prints constant strings and refuses anything else', () => {
    const { sys } = createFakeSystem();
    expect(runUtility(perl, ['perl', '-e', 'print "hello\\n"'], sys).stdout).toBe('hello\n');
    expect(runUtility(perl, ['perl', '-le', "print 'a', 1"], sys).stdout).toBe('a1\n');
    expect(runUtility(perl, ['perl', '-e', 'print "x\\n"; sleep 5'], sys)).toEqual({
      code: 0,
      stdout: 'x\n',
      stderr: '',
      sleepMs: 5000,
    });
    const refused = runUtility(perl, ['perl', '-e', 'my $x = 1'], sys);
    expect(refused.code).toBe(255);
    expect(refused.stderr).toContain("this playground's perl runs only");
  });
});

describe('scaledPi', () => {
  it('gives the digits of pi, truncated', () => {
    expect(scaledPi(100).toString()).toBe(PI_100.replace('.', ''));
  });
});
