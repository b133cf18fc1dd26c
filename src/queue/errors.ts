// Queue errors: small classes with a stable code.

export class JobNotFoundError extends Error {
  readonly code = 'job_not_found';
  readonly retriable = false;
  constructor(readonly jobId: string) {
    super(`no job ${jobId} in the queue`);
  }
}

export class JobNotFailedError extends Error {
  readonly code = 'job_not_failed';
  readonly retriable = false;
  constructor(
    readonly jobId: string,
    readonly state: string,
  ) {
    super(`job ${jobId} is ${state}, not failed`);
  }
}
