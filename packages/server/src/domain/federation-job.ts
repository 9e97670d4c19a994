import type { Job } from '@ucs-fleet/types';
import type { JobRecord } from '../store/records.js';
import { rfc3339 } from './time-format.js';

type JobType = Job['spec']['type'];

/** The steps of enabling, each taking an equal share of the configured delay. */
const enableSteps: readonly JobType[] = [
  'InstallFederationChart',
  'CreateFederationCertificates',
  'StartFederationApiServer',
  'JoinFederationClusters',
];

/** The Job object of a stored job at a moment: its phases come from stored times, never from timers. */
export function jobView(job: JobRecord, fleetName: string, now: number): Job {
  const subJobs =
    job.type === 'CreateFederation' ? enableSteps.map((type, i) => subJobView(job, type, i, now)) : [];
  return {
    kind: 'Job',
    apiVersion: 'v3',
    metadata: { uid: job.id, creationTimestamp: rfc3339(job.startedAt), updateTimestamp: rfc3339(Math.min(now, job.readyAt)) },
    spec: {
      type: job.type,
      federationUID: job.federationId,
      resourceID: job.fleetId,
      resourceName: fleetName,
      ...(job.extendParam !== undefined ? { extendparam: job.extendParam } : {}),
      subJobs,
    },
    status: phaseView(job.startedAt, job.readyAt, now),
  };
}

function subJobView(job: JobRecord, type: JobType, index: number, now: number): Job {
  const step = (job.readyAt - job.startedAt) / enableSteps.length;
  const start = job.startedAt + step * index;
  return {
    kind: 'Job',
    apiVersion: 'v3',
    metadata: { uid: `${job.id}-${index + 1}`, creationTimestamp: rfc3339(job.startedAt) },
    spec: { type, federationUID: job.federationId },
    status: phaseView(start, start + step, now),
  };
}

function phaseView(start: number, end: number, now: number): Job['status'] {
  if (now < start) return { phase: 'Pending' };
  if (now < end) return { phase: 'Running', startTime: rfc3339(start) };
  return { phase: 'Success', startTime: rfc3339(start), completionTime: rfc3339(end) };
}
