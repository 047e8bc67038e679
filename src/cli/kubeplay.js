#!/usr/bin/env node
// The `kubeplay` command: registers the TypeScript loader, then runs the CLI written in TypeScript.
import { register } from 'tsx/esm/api';

register();
await import('./run.ts');
