import { describe, expect, it } from 'vitest';
import { splitLineWords } from './lineWords';

describe('splitLineWords', () => {
  it('finds the word being typed and where it starts', () => {
    expect(splitLineWords('kubectl get po')).toEqual({ before: ['kubectl', 'get'], current: 'po', from: 12 });
    expect(splitLineWords('kubectl  get ')).toEqual({ before: ['kubectl', 'get'], current: '', from: 13 });
    expect(splitLineWords('')).toEqual({ before: [], current: '', from: 0 });
  });

  it('joins quoted text into one word and takes the last command of a pipeline', () => {
    expect(splitLineWords(`kubectl get pods -l 'app in (a, b)' -o`)).toEqual({
      before: ['kubectl', 'get', 'pods', '-l', 'app in (a, b)'],
      current: '-o',
      from: 36,
    });
    expect(splitLineWords('kubectl get pods | grep we')).toEqual({ before: ['grep'], current: 'we', from: 24 });
    expect(splitLineWords('sleep 5 && kubectl ')).toEqual({ before: ['kubectl'], current: '', from: 19 });
  });
});
