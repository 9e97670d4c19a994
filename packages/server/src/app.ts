import express, { type Express } from 'express';
import type { Logger } from 'pino';
import { specDocument } from './spec-document.js';
import type { CredentialRegistry } from './domain/credentials.js';
import type { Domain } from './domain/index.js';
import type { Clock } from './domain/clock.js';
import type { ControlEntrance } from './control/index.js';
import { accessLog } from './http/access-log.js';
import { chain } from './http/chain.js';
import { answerInFull } from './http/unconditional.js';
import { contractDocs } from './http/contract-docs.js';
import { authenticate } from './http/auth.js';
import { decodeForm, decodeJsonBody } from './http/body-decode.js';
import { errorHandler, notFound, trailingSlashNotFound } from './http/error-handler.js';
import { rawBody } from './http/raw-body.js';
import { requestId } from './http/request-id.js';
import { formRoutes, mountOperations, publicPathMatcher, type FaultHook } from './http/router.js';
import { openApiValidator } from './http/validator.js';
import { allHandlers } from './routes/index.js';
import type { Store } from './store/store.js';

export interface AppDeps {
  domain: Domain;
  store: Store;
  credentials: CredentialRegistry;
  clock: Clock;
  logger: Logger;
  bodyLimitBytes: number;
  /** The test controls (config.control): the control API, its request log, and the faults it plans. */
  control?: ControlEntrance;
}

/**
 * The HTTP pipeline, in the order of design.md: request id, body limit, auth, body decoding,
 * OpenAPI validation, the typed handler, response validation, one error handler.
 */
export function createApp(deps: AppDeps): Express {
  const spec = specDocument<Parameters<typeof openApiValidator>[0] & Parameters<typeof formRoutes>[0]>();
  const app = express();
  // Before anything is mounted (the app's router takes them when created): /v1/clustergroups/
  // and /V1/clustergroups are not paths of the spec.
  app.enable('strict routing');
  app.enable('case sensitive routing');
  app.disable('x-powered-by');
  // Every kubeconfig is freshly minted: an ETag costs a hash per response and means nothing.
  app.set('etag', false);
  app.set('query parser', 'simple');
  answerInFull(app);
  app.use(chain([requestId, ...(deps.logger.isLevelEnabled('info') ? [accessLog(deps.logger)] : []), ...(deps.control ? [deps.control.recorder] : [])]));
  // Its own pipeline, entered only under its prefix: off, those paths are unknown UCS paths.
  if (deps.control) app.use(deps.control.router);
  app.use(contractDocs());
  const auth = authenticate({ credentials: deps.credentials, isPublic: publicPathMatcher(), now: () => deps.clock.now() });
  app.use(chain([...rawBody(deps.bodyLimitBytes), auth, decodeJsonBody]));
  for (const route of formRoutes(spec)) app[route.method](route.expressPath, decodeForm(route.jsonFields));
  app.use(chain([trailingSlashNotFound, ...openApiValidator(spec)]));
  mountOperations(app, allHandlers(deps.domain, deps.store), deps.control?.faultHook);
  app.use(notFound);
  app.use(errorHandler(deps.logger));
  return app;
}
