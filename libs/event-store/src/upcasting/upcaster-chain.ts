import type { EventData } from '@govflow/messaging';

/** Turns `type` data of `fromSchemaVersion` into the shape of `fromSchemaVersion + 1`. */
export interface Upcaster {
  type: string;
  fromSchemaVersion: number;
  upcast(data: EventData): EventData;
}

/** Applies registered upcasters in sequence so readers always see an event type's newest shape. */
export class UpcasterChain {
  private readonly byKey = new Map<string, Upcaster>();

  constructor(upcasters: readonly Upcaster[] = []) {
    for (const upcaster of upcasters) {
      const key = keyOf(upcaster.type, upcaster.fromSchemaVersion);
      if (this.byKey.has(key)) throw new Error(`Two upcasters for ${upcaster.type} v${upcaster.fromSchemaVersion}`);
      this.byKey.set(key, upcaster);
    }
  }

  upcast<E extends { type: string; schemaVersion: number; data: EventData }>(event: E): E {
    if (this.byKey.size === 0) return event;
    let { schemaVersion, data } = event;
    for (let next = this.byKey.get(keyOf(event.type, schemaVersion)); next;) {
      data = next.upcast(data);
      schemaVersion += 1;
      next = this.byKey.get(keyOf(event.type, schemaVersion));
    }
    return schemaVersion === event.schemaVersion ? event : { ...event, schemaVersion, data };
  }
}

const keyOf = (type: string, schemaVersion: number) => `${type}@${schemaVersion}`;
