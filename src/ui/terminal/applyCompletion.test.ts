import { describe, expect, it } from 'vitest';
import { applyCompletion } from './applyCompletion';

describe('applyCompletion', () => {
  it('fills in a single choice and a space after it', () => {
    expect(applyCompletion('kubectl ge', { from: 8, candidates: ['get'] })).toEqual({
      text: 'kubectl get ',
      choices: [],
    });
    expect(applyCompletion('kubectl get deploy', { from: 12, candidates: ['deployment/'] }).text).toBe(
      'kubectl get deployment/',
    );
  });

  it('fills the common prefix of several and lists them', () => {
    expect(applyCompletion('kubectl get po', { from: 12, candidates: ['pod', 'pods', 'podtemplates'] })).toEqual({
      text: 'kubectl get pod',
      choices: ['pod', 'pods', 'podtemplates'],
    });
    expect(applyCompletion('kubectl x', { from: 8, candidates: [] })).toEqual({ text: 'kubectl x', choices: [] });
  });
});
