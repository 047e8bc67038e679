import { describe, expect, it } from 'vitest';
import { defineFlags } from './defineFlags';

describe('defineFlags', () => {
  it('reads name, shorthand and type from each spec', () => {
    expect(defineFlags(' stdin,i:bool  tail:int\nfilename,f:stringSlice ')).toEqual([
      { name: 'stdin', shorthand: 'i', type: 'bool' },
      { name: 'tail', type: 'int' },
      { name: 'filename', shorthand: 'f', type: 'stringSlice' },
    ]);
  });

  it('refuses a spec without a known type', () => {
    expect(() => defineFlags('tail')).toThrow('bad flag spec "tail"');
    expect(() => defineFlags('tail:number')).toThrow('bad flag spec "tail:number"');
  });
});
