import { startOfChinaDay } from './china-calendar';

/** One published version of a policy, in force from `effectiveFrom` until the next version starts. */
export interface PolicyVersion<T> {
  readonly version: string;
  readonly effectiveFrom: Date;
  readonly value: T;
}

/** As written down in code: an ISO date string means the start of that day in Beijing. */
export interface PolicyVersionDefinition<T> {
  readonly version: string;
  readonly effectiveFrom: Date | string;
  readonly value: T;
}

export class InvalidPolicyTimeline extends Error {
  constructor(policy: string, reason: string) {
    super(`Policy "${policy}": ${reason}`);
    this.name = 'InvalidPolicyTimeline';
  }
}

export class NoPolicyInForce extends Error {
  constructor(
    readonly policy: string,
    readonly at: Date,
  ) {
    super(`Policy "${policy}" has no version in force at ${at.toISOString()}`);
    this.name = 'NoPolicyInForce';
  }
}

export class UnknownPolicyVersion extends Error {
  constructor(
    readonly policy: string,
    readonly version: string,
  ) {
    super(`Policy "${policy}" has no version "${version}"`);
    this.name = 'UnknownPolicyVersion';
  }
}

/**
 * The versions of one policy over time. New cases take the version in force (`at`); a running case
 * records the version it started under and keeps reading it (`byVersion`), whatever is published later.
 */
export class PolicyTimeline<T> {
  readonly versions: readonly PolicyVersion<T>[];

  constructor(
    readonly name: string,
    definitions: readonly PolicyVersionDefinition<T>[],
  ) {
    if (definitions.length === 0) throw new InvalidPolicyTimeline(name, 'needs at least one version');
    const versions = definitions
      .map((d) => ({ version: d.version, effectiveFrom: toInstant(d.effectiveFrom), value: deepFreeze(d.value) }))
      .sort((a, b) => a.effectiveFrom.getTime() - b.effectiveFrom.getTime());
    assertDistinct(name, 'version label', versions, (v) => v.version);
    assertDistinct(name, 'effective date', versions, (v) => v.effectiveFrom.toISOString());
    this.versions = Object.freeze(versions.map((v) => Object.freeze(v)));
  }

  /** The version in force at `instant`. */
  at(instant: Date): PolicyVersion<T> {
    const inForce = this.versions.filter((v) => v.effectiveFrom.getTime() <= instant.getTime()).at(-1);
    if (!inForce) throw new NoPolicyInForce(this.name, instant);
    return inForce;
  }

  byVersion(version: string): PolicyVersion<T> {
    const found = this.versions.find((v) => v.version === version);
    if (!found) throw new UnknownPolicyVersion(this.name, version);
    return found;
  }

  latest(): PolicyVersion<T> {
    return this.versions.at(-1) as PolicyVersion<T>;
  }
}

function toInstant(effectiveFrom: Date | string): Date {
  return typeof effectiveFrom === 'string' ? startOfChinaDay(effectiveFrom) : new Date(effectiveFrom.getTime());
}

function assertDistinct<V>(policy: string, what: string, versions: readonly V[], key: (v: V) => string): void {
  const keys = versions.map(key);
  const repeated = keys.find((k, i) => keys.indexOf(k) !== i);
  if (repeated !== undefined) throw new InvalidPolicyTimeline(policy, `${what} ${repeated} appears twice`);
}

// Policy data is shared by every case in the process; nobody may edit it in place.
function deepFreeze<V>(value: V): V {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  for (const nested of Object.values(value)) deepFreeze(nested);
  return Object.freeze(value);
}
