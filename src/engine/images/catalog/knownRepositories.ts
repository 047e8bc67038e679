import { APP_REPOSITORIES } from './appImages';
import { BASE_REPOSITORIES } from './baseImages';
import type { RepositoryDefinition } from './imageDefinition';
import { NGINX_REPOSITORY } from './nginxImages';
import { SERVER_REPOSITORIES } from './serverImages';
import { STRESS_REPOSITORIES } from './stressImages';

/** Every repository the catalog knows, by `registry/repository`. */
export const KNOWN_REPOSITORIES: ReadonlyMap<string, RepositoryDefinition> = new Map(
  [NGINX_REPOSITORY, ...BASE_REPOSITORIES, ...SERVER_REPOSITORIES, ...STRESS_REPOSITORIES, ...APP_REPOSITORIES].flatMap(
    (definition) => definition.names.map((name) => [name, definition] as const),
  ),
);
