import { fieldChanges, flatten } from './field-changes';

describe(fieldChanges.name, () => {
  it('names nested fields by dotted paths and keeps arrays whole', () => {
    expect([...flatten({ decision: { by: { id: 'o1' } }, scope: ['a', 'b'], empty: {} })]).toEqual([
      ['decision.by.id', 'o1'],
      ['scope', ['a', 'b']],
      ['empty', {}],
    ]);
  });

  it('lists only what differs, before → after, with null where a field or the whole thing was absent', () => {
    expect(fieldChanges({ status: 'open', dueAt: 'x' }, { status: 'decided', dueAt: 'x', outcome: 'approve' })).toEqual(
      [
        { field: 'status', before: 'open', after: 'decided' },
        { field: 'outcome', before: null, after: 'approve' },
      ],
    );
    expect(fieldChanges(undefined, { status: 'open' })).toEqual([{ field: 'status', before: null, after: 'open' }]);
    expect(fieldChanges({ scope: ['a'] }, { scope: ['a'] })).toEqual([]);
  });
});
