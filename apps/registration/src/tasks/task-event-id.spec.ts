import { taskEventId, uuidV5 } from './task-event-id';

describe(uuidV5.name, () => {
  it('matches the RFC 4122 v5 UUID other implementations give (Python uuid5(NAMESPACE_DNS, www.example.com))', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });
});

describe(taskEventId.name, () => {
  it('gives a record the same UUID every time, and different records different ones', () => {
    const first = taskEventId('case-1:review:1#1');
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(taskEventId('case-1:review:1#1')).toBe(first);
    expect(taskEventId('case-1:review:1#2')).not.toBe(first);
  });
});
