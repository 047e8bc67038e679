/**
 * Both stress images put their binary at a path ending in `stress`, which is how the kernel finds programs:
 * polinux/stress's C stress 1.0.4 on Alpine, vish/stress's Go program in a scratch image. The image's userland tells
 * them apart.
 */
import type { ProgramDefinition } from '../../os/types';
import { stress } from './stress';
import { vishStress } from './vishStress';

type StressBinaryState =
  | { binary: 'c'; state: ReturnType<typeof stress.start> }
  | { binary: 'go'; state: ReturnType<typeof vishStress.start> };

export const stressBinary: ProgramDefinition<StressBinaryState> = {
  start: (argv, env, cwd, userland) =>
    userland?.kind === 'none'
      ? { binary: 'go', state: vishStress.start(argv, env, cwd) }
      : { binary: 'c', state: stress.start(argv, env, cwd) },
  step: (program, sys, io, wake) =>
    program.binary === 'go' ? vishStress.step(program.state, sys, io, wake) : stress.step(program.state, sys, io, wake),
  handlesSignal: (program, signal) => program.binary === 'go' && vishStress.handlesSignal!(program.state, signal),
};
