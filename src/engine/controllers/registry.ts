/**
 * The controllers kube-controller-manager runs in the simulated cluster, in the order their syncs are registered.
 * Each controller module exports its definition; adding one here is all it takes to run it.
 */
import type { ControllerDefinition } from './controller';

export const CONTROLLERS: readonly ControllerDefinition[] = [];
